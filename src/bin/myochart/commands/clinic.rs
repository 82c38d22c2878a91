//! `clinic setup`: a clinic's PostgreSQL database created or brought up to
//! date, with its first owner. scripts/clinic-server.sh runs it on a new server.

use std::io::IsTerminal;
use std::process::ExitCode;

use myochart::clinic::{self, Clinic, NewPerson, PersonKind};
use myochart::model::Invalid;

use crate::args::{ClinicCommand, ClinicSetupArgs, OpenArgs};

pub async fn execute(open: OpenArgs, command: ClinicCommand) -> ExitCode {
    let result = match command {
        ClinicCommand::Setup(args) => setup(open, args).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", t!("error", message = error.to_string()));
            ExitCode::from(match error.code() {
                clinic::Code::Validation => 2,
                _ => 1,
            })
        }
    }
}

async fn setup(open: OpenArgs, args: ClinicSetupArgs) -> clinic::Result<()> {
    let url = open
        .db
        .as_deref()
        .filter(|db| clinic::is_server_url(db))
        .ok_or_else(|| Invalid::field("db", t!("clinic-needs-url")))?
        .to_owned();
    // Everything is checked before the server is touched.
    let owner = match (args.owner, args.owner_name) {
        (Some(login), Some(name)) => Some(NewPerson::parse(
            &login,
            &name,
            PersonKind::Owner,
            &owner_password()?,
            None,
        )?),
        _ => None,
    };
    let clinic = Clinic::create(&url).await?;
    clinic.migrate().await?;
    println!("{}", t!("clinic-up-to-date"));
    if let Some(owner) = owner {
        clinic.add_person(&owner).await?;
        println!("{}", t!("clinic-owner-added", login = owner.login.as_str()));
    }
    Ok(())
}

/// The first owner's password: asked for twice on a terminal, else the first
/// line of standard input (never an argument, which others on the machine
/// can read).
fn owner_password() -> clinic::Result<String> {
    let refused = |message: String| clinic::Error::from(Invalid::field("password", message));
    if !std::io::stdin().is_terminal() {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map_err(|error| {
            refused(t!("clinic-password-unreadable", error = error.to_string()))
        })?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    let ask = |prompt: String| {
        rpassword::prompt_password(prompt)
            .map_err(|error| refused(t!("clinic-password-unreadable", error = error.to_string())))
    };
    let password = ask(t!("prompt-owner-password"))?;
    if ask(t!("prompt-owner-password-again"))? != password {
        return Err(refused(t!("passwords-differ")));
    }
    Ok(password)
}
