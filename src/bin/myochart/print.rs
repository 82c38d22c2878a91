//! How the CLI prints what several commands show: clients, settings, plugins,
//! a backup's contents, progress, and a plugin child process's JSON report.

use std::process::ExitCode;

use myochart::api;
use myochart::atlas::Side;
use myochart::model::{ClientSummary, Settings};
use myochart::plugin::PluginInfo;
use myochart::report::Progress;

/// One line a client, then how many.
pub fn clients(clients: &[ClientSummary]) {
    for c in clients {
        let name = if c.last_name.is_empty() {
            c.first_name.clone()
        } else {
            format!("{} {}", c.first_name, c.last_name)
        };
        println!(
            "{:>6}  {:<32}  {:<18}  {}",
            c.id,
            name,
            c.phone,
            c.last_session.clone().unwrap_or_else(|| t!("no-sessions"))
        );
    }
    println!("{}", t!("client-count", count = clients.len()));
}

pub fn settings(settings: &Settings) {
    println!(
        "{}",
        t!(
            "settings",
            clinic = settings.clinic_name.as_str(),
            therapist = settings.therapist_name.as_str(),
            contact = settings.contact.as_str(),
            paper = settings.paper.to_string(),
            minutes = settings.auto_lock_minutes,
        )
    );
}

/// One block per plugin: what the plugin manager shows.
pub fn plugins(plugins: &[PluginInfo]) {
    if plugins.is_empty() {
        println!("{}", t!("no-plugins"));
    }
    for p in plugins {
        let id = p.id.map_or_else(|| "-".to_owned(), |id| id.to_string());
        let state = serde_json::to_value(p.state)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        println!(
            "{id}\t{}\t{}",
            t!("plugin-state", state = state),
            t!(
                "plugin",
                name = p.name.as_str(),
                version = p.version.as_str(),
                namespace = p.namespace.as_str(),
                author = p.author.as_str(),
            )
        );
        println!("\t{}", t!("plugin-library", library = p.library.as_str()));
        println!("\t{}", t!("plugin-sha256", sha256 = p.sha256.as_str()));
        if let Some(error) = &p.error {
            println!("\t{}", t!("plugin-error", error = error.as_str()));
        }
    }
}

pub fn backup_contents(held: &api::Contents) {
    println!("{}", t!("backup-holds", contents = contents(held)));
}

/// How many clients, sessions and findings a database or backup holds.
pub fn contents(held: &api::Contents) -> String {
    t!(
        "contents",
        clients = held.clients,
        sessions = held.sessions,
        findings = held.findings,
        last = held.last_change.clone().unwrap_or_else(|| t!("no-change")),
    )
}

/// The client's left or right.
pub fn side(side: Side) -> String {
    match side {
        Side::Left => t!("side-left"),
        Side::Right => t!("side-right"),
    }
}

/// A step of a long job, on stderr, so stdout stays the result.
pub fn progress(p: Progress) {
    eprintln!("[{}/{}] {}", p.step, p.total, p.label);
}

/// Prints a plugin child process's report as one line of JSON, the last of
/// the output (whatever the plugin printed comes before); the exit code says `ok`.
pub fn report(report: &impl serde::Serialize, ok: bool) -> ExitCode {
    match serde_json::to_string(report) {
        Ok(json) => println!("{json}"),
        Err(error) => eprintln!("{}", t!("error", message = error.to_string())),
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
