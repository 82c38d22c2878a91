//! `handout`: a session's home-care handout, saved as a PDF.

use myochart::api::{self, Api};
use myochart::model::{HandoutOptions, SessionId};

use crate::args::HandoutArgs;

pub async fn execute(api: &Api, args: HandoutArgs) -> api::Result<()> {
    let HandoutArgs {
        session,
        out,
        paper,
        advice,
        next_appointment,
    } = args;
    let options = HandoutOptions {
        paper,
        advice,
        next_appointment,
    };
    let handout = api.save_handout(SessionId(session), options, &out).await?;
    println!(
        "handout for session {session} saved to {} ({})",
        handout.file_path, handout.paper
    );
    Ok(())
}
