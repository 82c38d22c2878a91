//! `log list|add|sign-off|export`: the student's practice log.

use myochart::api::{self, Api};
use myochart::model::{LogEntryForm, LogEntryId, LogEntryRef, SessionId, SignOffForm};

use crate::args::LogCommand;

pub async fn execute(api: &Api, command: LogCommand) -> api::Result<()> {
    match command {
        LogCommand::List => {
            let log = api.practice_log().await?;
            for e in &log.entries {
                let which = match (e.id, e.session_id) {
                    (_, Some(session)) => t!("log-session", id = session.to_string()),
                    (Some(id), None) => t!("log-entry", id = id.to_string()),
                    (None, None) => String::new(),
                };
                let signed = match (&e.signed_off_by, &e.signed_off_at) {
                    (Some(by), Some(at)) => {
                        t!("log-signed-off", by = by.as_str(), at = at.as_str())
                    }
                    _ => t!("log-not-signed-off"),
                };
                println!(
                    "{}  {:>8}  {:<8}  {:<12}  {}  {}  {}",
                    e.entry_date,
                    t!("minutes", minutes = e.duration_minutes),
                    e.client_code,
                    which,
                    e.techniques,
                    e.supervisor,
                    signed
                );
            }
            println!("{}", log.totals.summary);
        }
        LogCommand::Add {
            date,
            minutes,
            client_code,
            techniques,
            supervisor,
            notes,
        } => {
            let entry = api
                .add_log_entry(LogEntryForm {
                    entry_date: date,
                    duration_minutes: minutes,
                    client_code,
                    techniques,
                    supervisor,
                    notes,
                })
                .await?;
            println!(
                "{}",
                t!(
                    "log-entry-added",
                    id = entry.id.map_or(0, |id| id.0),
                    date = entry.entry_date.as_str(),
                    minutes = entry.duration_minutes,
                )
            );
        }
        LogCommand::SignOff {
            entry,
            session,
            supervisor,
            date,
        } => {
            // clap lets exactly one of the two through.
            let target = match (entry, session) {
                (Some(id), _) => LogEntryRef::Entry(LogEntryId(id)),
                (None, id) => LogEntryRef::Session(SessionId(id.unwrap_or_default())),
            };
            let signed = api
                .sign_off_log_entry(target, SignOffForm { supervisor, date })
                .await?;
            println!(
                "{}",
                t!(
                    "log-entry-signed-off",
                    id = signed.id.map_or(0, |id| id.0),
                    by = signed.signed_off_by.unwrap_or_default(),
                    at = signed.signed_off_at.unwrap_or_default(),
                )
            );
        }
        LogCommand::Export { csv, pdf } => {
            // clap lets exactly one of the two through.
            let path = match (csv, pdf) {
                (Some(csv), _) => api.save_practice_log_csv(&csv).await?,
                (None, pdf) => api.save_practice_log_pdf(&pdf.unwrap_or_default()).await?,
            };
            println!(
                "{}",
                t!("practice-log-saved", path = path.display().to_string())
            );
        }
    }
    Ok(())
}
