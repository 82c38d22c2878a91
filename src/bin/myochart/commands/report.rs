//! `report case-study|class`: anonymised reports, saved as PDFs.

use myochart::api::{self, Api};
use myochart::model::ClientId;
use myochart::report::{CaseStudyForm, ClassReportForm};

use crate::args::ReportCommand;
use crate::print;

pub async fn execute(api: &Api, command: ReportCommand) -> api::Result<()> {
    let saved = match command {
        ReportCommand::CaseStudy {
            client,
            from,
            to,
            reflection,
            out,
        } => {
            let form = CaseStudyForm {
                client_id: ClientId(client),
                from,
                to,
                reflection,
            };
            api.save_case_study(form, &out, &mut print::progress)
                .await?
        }
        ReportCommand::Class {
            clients,
            slides,
            out,
        } => {
            let form = ClassReportForm {
                client_ids: clients.into_iter().map(ClientId).collect(),
                slides,
            };
            api.save_class_report(form, &out, &mut print::progress)
                .await?
        }
    };
    for warning in &saved.warnings {
        eprintln!("{}", t!("warning", message = warning.message.as_str()));
    }
    println!("{}", t!("report-saved", path = saved.path.as_str()));
    Ok(())
}
