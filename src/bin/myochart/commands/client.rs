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
            println!("client {} added: {}", client.id, client.full_name());
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
    println!("{}  (client {})", client.full_name(), client.id);
    for (label, value) in [
        ("phone", &client.phone),
        ("e-mail", &client.email),
        ("notes", &client.notes),
    ] {
        if !value.is_empty() {
            println!("  {label}: {value}");
        }
    }
    if let Some(born) = &client.date_of_birth {
        println!("  born: {born}");
    }
    println!("  handout language: {}", client.language);
    println!("{} session(s)", record.sessions.len());
    for s in &record.sessions {
        let pain = |p: Option<u8>| p.map_or("-".to_owned(), |p| p.to_string());
        println!(
            "  {}  session {}  {:?}  pain {} -> {}  {} finding(s)  {}",
            s.session_date,
            s.id,
            s.status,
            pain(s.pain_before),
            pain(s.pain_after),
            s.finding_count,
            s.complaint
        );
    }
    Ok(())
}
