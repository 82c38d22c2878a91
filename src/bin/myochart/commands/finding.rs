//! `finding add`.

use myochart::api::{self, Api};
use myochart::model::{Activity, FindingForm, SessionId};

use crate::args::FindingCommand;
use crate::print;

pub async fn execute(api: &Api, command: FindingCommand) -> api::Result<()> {
    let FindingCommand::Add(args) = command;
    let finding = api
        .add_finding(
            SessionId(args.session),
            FindingForm {
                muscle_id: args.muscle,
                side: args.side,
                view: args.position.view,
                x: args.position.x,
                y: args.position.y,
                tenderness: args.tenderness,
                activity: if args.latent {
                    Activity::Latent
                } else {
                    Activity::Active
                },
                referral_reproduced: args.referral,
                technique_id: args.technique,
                pressure: args.pressure,
                duration_seconds: args.duration,
                response: args.response,
            },
        )
        .await?;
    println!(
        "{}",
        t!(
            "finding-added",
            id = finding.id.to_string(),
            muscle = finding.muscle_label.as_str(),
            side = print::side(finding.side),
        )
    );
    Ok(())
}
