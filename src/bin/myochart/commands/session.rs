//! `session new`.

use myochart::api::{self, Api};
use myochart::model::{ClientId, SessionForm};

use crate::args::SessionCommand;

pub async fn execute(api: &Api, command: SessionCommand) -> api::Result<()> {
    let SessionCommand::New {
        client,
        date,
        therapist,
    } = command;
    let session = api
        .create_session(
            ClientId(client),
            SessionForm {
                session_date: date,
                therapist,
            },
        )
        .await?;
    println!(
        "{}",
        t!(
            "session-started",
            id = session.id.to_string(),
            date = session.session_date.as_str(),
        )
    );
    Ok(())
}
