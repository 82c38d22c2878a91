//! `client add|list|search|show`.

use myochart::api::{self, Api};
use myochart::model::{ClientForm, ClientId};

use crate::args::ClientCommand;
use crate::print;

pub async fn execute(api: &Api, command: ClientCommand) -> api::Result<()> {
    match command {
        ClientCommand::Add(args) => {
            let client = api
                .create_client(ClientForm {
                    first_name: args.first,
                    last_name: args.last,
                    phone: args.phone,
                    email: args.email,
                    date_of_birth: args.dob,
                    notes: args.notes,
                    language: args.language,
                    ..ClientForm::default()
                })
                .await?;
            println!(
                "{}",
                t!(
                    "client-added",
                    id = client.id.to_string(),
                    name = client.full_name()
                )
            );
        }
        ClientCommand::List => print::clients(&api.search_clients("").await?),
        ClientCommand::Search { query } => print::clients(&api.search_clients(&query).await?),
        ClientCommand::Show { id } => show(api, ClientId(id)).await?,
    }
    Ok(())
}

/// A client's details, then one line per session.
async fn show(api: &Api, id: ClientId) -> api::Result<()> {
    let record = api.client_record(id).await?;
    let client = &record.client;
    println!(
        "{}",
        t!(
            "client-heading",
            name = client.full_name(),
            id = client.id.to_string()
        )
    );
    for (label, value) in [
        (t!("client-phone"), &client.phone),
        (t!("client-email"), &client.email),
        (t!("client-notes"), &client.notes),
    ] {
        if !value.is_empty() {
            println!("  {label}: {value}");
        }
    }
    if let Some(born) = &client.date_of_birth {
        println!("  {}", t!("client-born", date = born.as_str()));
    }
    println!(
        "  {}",
        t!("client-language", language = client.language.to_string())
    );
    println!("{}", t!("session-count", count = record.sessions.len()));
    for s in &record.sessions {
        let pain = |p: Option<u8>| p.map_or("-".to_owned(), |p| p.to_string());
        let status = serde_json::to_value(s.status).ok();
        let status = status.as_ref().and_then(|v| v.as_str()).unwrap_or_default();
        println!(
            "  {}",
            t!(
                "session-line",
                date = s.session_date.as_str(),
                id = s.id.to_string(),
                status = status,
                before = pain(s.pain_before),
                after = pain(s.pain_after),
                findings = s.finding_count,
                complaint = s.complaint.as_str(),
            )
        );
    }
    Ok(())
}
