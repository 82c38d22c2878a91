//! `clinic setup`: a clinic's PostgreSQL database created or brought up to
//! date, with its first owner. scripts/clinic-server.sh runs it on a new server.
//! `clinic import`: a therapist's solo database moved into the clinic.

use std::io::IsTerminal;
use std::process::ExitCode;

use myochart::api::{self, Access, Api};
use myochart::clinic::{self, Clinic, ImportReport, NewPerson, PersonKind, Refusal};
use myochart::model::export::Export;
use myochart::model::Invalid;
use myochart::plugin::PluginOptions;

use crate::args::{ClinicCommand, ClinicImportArgs, ClinicSetupArgs, OpenArgs};
use crate::commands::protection::Secret;

pub async fn execute(open: OpenArgs, command: ClinicCommand) -> ExitCode {
    let result = match command {
        ClinicCommand::Setup(args) => setup(open, args).await.map_err(api::Error::from),
        ClinicCommand::Import(args) => import(&open, &args).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", t!("error", message = error.to_string()));
            ExitCode::from(match error.code() {
                api::Code::Validation => 2,
                _ => 1,
            })
        }
    }
}

/// The clinic's URL, from --db.
fn clinic_url(open: &OpenArgs) -> clinic::Result<&str> {
    Ok(open
        .db
        .as_deref()
        .filter(|db| clinic::is_server_url(db))
        .ok_or_else(|| Invalid::field("db", t!("clinic-needs-url")))?)
}

async fn setup(open: OpenArgs, args: ClinicSetupArgs) -> clinic::Result<()> {
    let url = clinic_url(&open)?;
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
    let clinic = Clinic::create(url).await?;
    clinic.migrate().await?;
    println!("{}", t!("clinic-up-to-date"));
    if let Some(owner) = owner {
        clinic.add_person(&owner).await?;
        println!("{}", t!("clinic-owner-added", login = owner.login.as_str()));
    }
    Ok(())
}

/// Everything in the solo database, unlocked first when it is protected.
async fn solo_records(open: &OpenArgs, args: &ClinicImportArgs) -> api::Result<Export> {
    let secret = Secret {
        file: open.passphrase_file.clone(),
        variable: "MYOCHART_PASSPHRASE",
    };
    // Opening a path that holds nothing would make a new, empty database.
    if !args.from.is_file() {
        return Err(api::Error::File {
            path: args.from.clone(),
            reason: t!("clinic-import-no-file"),
        });
    }
    let access = match api::is_encrypted(&args.from).unwrap_or(false) {
        true => api::unlock(&args.from, &secret.unlock()?).await?,
        false => Access::default(),
    };
    let solo = Api::open_with(&args.from, &access, PluginOptions::new(Vec::new())).await?;
    let records = solo.export_records().await;
    solo.close().await;
    records
}

async fn import(open: &OpenArgs, args: &ClinicImportArgs) -> api::Result<()> {
    let url = clinic_url(open)?;
    // The solo database is read (and unlocked) before the server is touched.
    let solo = solo_records(open, args).await?;
    let clinic = if crate::carries_password(url) {
        Clinic::connect(url).await?
    } else {
        let password = Secret {
            file: open.password_file.clone(),
            variable: "MYOCHART_PASSWORD",
        };
        Clinic::sign_in(url, &password.password()?).await?
    };
    print_report(&clinic.import(&solo).await?);
    Ok(())
}

fn print_report(report: &ImportReport) {
    println!(
        "{}",
        t!(
            "clinic-import-moved",
            clients = report.clients,
            sessions = report.sessions,
            signed = report.signed_notes,
            amendments = report.amendments,
            findings = report.findings,
            checks = report.checks,
            handouts = report.handouts,
            log = report.practice_log,
            snippets = report.snippets,
            history = report.history
        )
    );
    for refusal in &report.refused {
        let line = match refusal {
            Refusal::AlreadyImported { name, by, at } => t!(
                "clinic-import-already",
                name = name.as_str(),
                by = by.as_str(),
                at = at.as_str()
            ),
            Refusal::SignedOffLogEntry { date } => {
                t!("clinic-import-signed-entry", date = date.as_str())
            }
        };
        println!("{line}");
    }
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
