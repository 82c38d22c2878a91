//! `plugins list|approve|enable|disable` on the open database, and the two
//! commands the app runs in a throwaway child process, `plugins validate`
//! and `plugins call`, which open no database.

use std::io::Read;
use std::process::ExitCode;

use myochart::api::{self, Api};
use myochart::model::PluginId;
use myochart::plugin::CallReport;

use crate::args::{PluginChildCommand, PluginsCommand};
use crate::print;

pub async fn execute(api: &Api, command: PluginsCommand) -> api::Result<()> {
    match command {
        PluginsCommand::List => print::plugins(&api.plugins()),
        PluginsCommand::Approve { id } => {
            print::plugins(&[api.approve_plugin(PluginId(id)).await?])
        }
        PluginsCommand::Enable { id } => print::plugins(&[api.enable_plugin(PluginId(id)).await?]),
        PluginsCommand::Disable { id } => {
            print::plugins(&[api.disable_plugin(PluginId(id)).await?])
        }
        PluginsCommand::Child(_) => unreachable!("run by main before a database is opened"),
    }
    Ok(())
}

/// Runs a child-process command: plugin code, whose only output is a JSON
/// report and whose exit code says whether it went well.
pub fn child(command: PluginChildCommand) -> ExitCode {
    match command {
        PluginChildCommand::Validate { path } => {
            let report = myochart::plugin::probe(&path);
            print::report(&report, report.ok)
        }
        PluginChildCommand::Call {
            library,
            method,
            sha256,
        } => {
            let mut input = Vec::new();
            let report = match std::io::stdin().read_to_end(&mut input) {
                Ok(_) => myochart::plugin::call(&library, &sha256, &method, &input),
                Err(e) => CallReport::Error(format!("can't read the input: {e}")),
            };
            let ok = matches!(report, CallReport::Reply(_));
            print::report(&report, ok)
        }
    }
}
