//! One module per command or group of commands, in the manner of cargo's
//! `src/bin/cargo/commands/`; `execute` sends each command to its module.

pub mod atlas;
pub mod backup;
pub mod client;
pub mod clinic;
pub mod demo;
pub mod export;
pub mod finder;
pub mod finding;
pub mod handout;
pub mod import_clients;
pub mod log;
pub mod note;
pub mod plugins;
pub mod protection;
pub mod report;
pub mod session;
pub mod settings;
pub mod student;

use myochart::api::{self, Api};

use crate::args::Command;
use protection::Secret;

/// Runs a command on the open database. `Protect` and `Restore`, which
/// replace the open database, and `Clinic`, which opens none, are run by
/// `main` instead.
pub async fn execute(api: &Api, command: Command, secret: &Secret) -> api::Result<()> {
    match command {
        Command::Client(command) => client::execute(api, command).await,
        Command::Session(command) => session::execute(api, command).await,
        Command::Finding(command) => finding::execute(api, command).await,
        Command::Note(command) => note::execute(api, command).await,
        Command::Finder(args) => finder::execute(api, args),
        Command::Export(args) => export::export(api, args).await,
        Command::Import(args) => export::import(api, args).await,
        Command::ImportClients(args) => import_clients::execute(api, args).await,
        Command::Backup(args) => backup::backup(api, args).await,
        Command::Backups(args) => backup::backups(api, args).await,
        Command::ChangePassphrase(args) => protection::change_passphrase(api, args, secret).await,
        Command::Handout(args) => handout::execute(api, args).await,
        Command::Settings(command) => settings::execute(api, command).await,
        Command::Demo(args) => demo::execute(api, args).await,
        Command::Plugins(command) => plugins::execute(api, command).await,
        Command::Student(command) => student::execute(api, command).await,
        Command::Log(command) => log::execute(api, command).await,
        Command::Report(command) => report::execute(api, command).await,
        Command::Atlas(command) => atlas::execute(api, command).await,
        Command::Protect | Command::Restore(_) | Command::Clinic(_) => unreachable!("run by main"),
    }
}
