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
        language,
    } = args;
    let options = HandoutOptions {
        paper,
        advice,
        next_appointment,
        language,
    };
    let session = SessionId(session);
    let untranslated = api.handout_untranslated(session, options.clone()).await?;
    let handout = api.save_handout(session, options, &out).await?;
    println!(
        "{}",
        t!(
            "handout-saved",
            session = session.to_string(),
            path = handout.file_path.as_str(),
            paper = handout.paper.to_string(),
        )
    );
    if !untranslated.is_empty() {
        let texts: Vec<String> = untranslated
            .iter()
            .map(|u| match &u.about {
                Some(about) => format!("{about}: {}", u.text),
                None => u.text.clone(),
            })
            .collect();
        eprintln!("{}", t!("handout-untranslated", texts = texts.join(", ")));
    }
    Ok(())
}
