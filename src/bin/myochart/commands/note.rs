//! `note write|sign|amend`.

use myochart::api::{self, Api};
use myochart::model::{AmendmentForm, NoteForm, SessionId};

use crate::args::NoteCommand;

pub async fn execute(api: &Api, command: NoteCommand) -> api::Result<()> {
    match command {
        NoteCommand::Write {
            session,
            subjective,
            objective,
            assessment,
            plan,
            pain_before,
            pain_after,
        } => {
            let stored = api.session(SessionId(session)).await?.session;
            api.write_note(
                SessionId(session),
                NoteForm {
                    subjective: subjective.unwrap_or(stored.subjective),
                    objective: objective.unwrap_or(stored.objective),
                    assessment: assessment.unwrap_or(stored.assessment),
                    plan: plan.unwrap_or(stored.plan),
                    pain_before: pain_before.or(stored.pain_before.map(i64::from)),
                    pain_after: pain_after.or(stored.pain_after.map(i64::from)),
                    // Merged with what was read just now; refused if written since.
                    based_on: Some(stored.note_revision),
                },
            )
            .await?;
            println!("{}", t!("note-saved", session = session));
        }
        NoteCommand::Sign { session } => {
            let signed = api.sign_note(SessionId(session)).await?;
            println!(
                "{}",
                t!(
                    "session-signed",
                    session = signed.id.to_string(),
                    at = signed.signed_at.unwrap_or_default(),
                )
            );
        }
        NoteCommand::Amend {
            session,
            reason,
            text,
        } => {
            let amendment = api
                .amend_note(SessionId(session), AmendmentForm { reason, text })
                .await?;
            println!(
                "{}",
                t!(
                    "amendment-added",
                    id = amendment.id.to_string(),
                    session = session,
                )
            );
        }
    }
    Ok(())
}
