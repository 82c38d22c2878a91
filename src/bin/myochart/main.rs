//! `myochart`: the headless command line over `myochart::api`.
//!
//! `args` is what clap parses, `text` what the CLI says (in the user's
//! language), `commands` runs each command (one file per
//! command or group of commands), `print` shows what several of them share.
//! This file opens the database and turns errors into exit codes.

// First, so that every module can say things with `t!`.
#[macro_use]
mod text;

mod args;
mod commands;
mod print;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use myochart::api::{self, Access, Api, Code};
use myochart::clinic;
use myochart::plugin::PluginOptions;

use args::{Cli, Command, OpenArgs, PluginsCommand};
use commands::protection::Secret;

fn main() -> ExitCode {
    let Cli {
        open,
        verbose,
        language,
        command,
    } = Cli::parse();
    text::choose(language);
    // Plugin code run for the app comes before any database is opened: a
    // throwaway child process that may well crash, whose only output is JSON.
    let command = match command {
        Command::Plugins(PluginsCommand::Child(child)) => return commands::plugins::child(child),
        command => command,
    };
    // The log answers afterwards why something wasn't saved; without one (no
    // app-data folder, a full disk) the command still runs.
    let logging =
        api::default_log_folder().and_then(|folder| myochart::logs::start(&folder, verbose));
    if let (Err(error), true) = (logging, verbose) {
        eprintln!("{}", t!("warning-no-log", error = error.to_string()));
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("{}", t!("error-cant-start", error = error.to_string()));
            return ExitCode::FAILURE;
        }
    };
    // A clinic's database is a server's, not a file to open.
    let command = match command {
        Command::Clinic(command) => {
            return runtime.block_on(commands::clinic::execute(open, command))
        }
        command => command,
    };
    match runtime.block_on(run(open, command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // An import lists every problem of the file, one a line.
            match api::ErrorBody::from(&error).fields.as_slice() {
                fields @ [_, _, ..] => {
                    for field in fields {
                        eprintln!("{}", t!("error", message = field.message.as_str()));
                    }
                }
                _ => eprintln!("{}", t!("error", message = error.to_string())),
            }
            ExitCode::from(match error.code() {
                Code::Validation => 2,
                Code::NotFound => 3,
                Code::SignedNote | Code::DraftNote | Code::SignedEntry => 4,
                _ => 1,
            })
        }
    }
}

/// Opens the database (unlocking it if protected, or signing in to the
/// clinic's server) and runs `command` on it.
async fn run(open: OpenArgs, command: Command) -> api::Result<()> {
    let secret = Secret {
        file: open.passphrase_file,
        variable: "MYOCHART_PASSPHRASE",
    };
    let api = match open.db {
        Some(url) if clinic::is_server_url(&url) => {
            let password = Secret {
                file: open.password_file,
                variable: "MYOCHART_PASSWORD",
            };
            sign_in(&url, &password, PluginOptions::new(open.plugins_dirs)).await?
        }
        db => {
            let path = db
                .map(PathBuf::from)
                .map_or_else(api::default_database_path, Ok)?;
            let dirs = myochart::plugin::search_dirs(&path, &open.plugins_dirs);
            let mut access = if api::is_encrypted(&path).unwrap_or(false) {
                api::unlock(&path, &secret.unlock()?).await?
            } else {
                Access::default()
            };
            access.read_only = open.read_only;
            let opened = Api::open_with(&path, &access, PluginOptions::new(dirs)).await;
            match (opened, &command) {
                // A damaged database can't be opened, but it can be replaced.
                (Err(error), Command::Restore(args)) if error.code() == Code::Damaged => {
                    return commands::backup::restore_damaged(&path, &access, args).await;
                }
                (opened, _) => opened?,
            }
        }
    };
    // Protecting and restoring replace the open database with another.
    let (api, result) = match command {
        Command::Protect => (commands::protection::protect(api, &secret).await?, Ok(())),
        Command::Restore(args) => (commands::backup::restore(api, &args).await?, Ok(())),
        command => {
            let result = commands::execute(&api, command, &secret).await;
            (api, result)
        }
    };
    api.close().await;
    result
}

/// Signs in to a clinic's server as the URL's login, with the password from
/// `password` (a file, a variable, else asked for); a URL that carries its
/// password (the administrator's, in a script) is used as it is.
async fn sign_in(url: &str, password: &Secret, plugins: PluginOptions) -> api::Result<Api> {
    if carries_password(url) {
        return Api::connect(url, plugins).await;
    }
    Api::sign_in(url, &password.password()?, plugins).await
}

/// Whether `url` (`postgres://login:password@host/...`) has a password.
pub(crate) fn carries_password(url: &str) -> bool {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = after_scheme.split(['/', '?']).next().unwrap_or_default();
    authority
        .rsplit_once('@')
        .is_some_and(|(credentials, _)| credentials.contains(':'))
}
