//! How the CLI prints what several commands show: clients, settings, plugins,
//! a backup's contents, progress, and a plugin child process's JSON report.

use std::process::ExitCode;

use myochart::api;
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
            c.last_session.as_deref().unwrap_or("no sessions")
        );
    }
    println!("{} client(s)", clients.len());
}

pub fn settings(settings: &Settings) {
    println!("clinic:    {}", settings.clinic_name);
    println!("therapist: {}", settings.therapist_name);
    println!("contact:   {}", settings.contact);
    println!("paper:     {}", settings.paper);
    println!("auto-lock: {} minutes", settings.auto_lock_minutes);
}

/// One block per plugin: what the plugin manager shows.
pub fn plugins(plugins: &[PluginInfo]) {
    if plugins.is_empty() {
        println!("no plugins found");
    }
    for p in plugins {
        let id = p.id.map_or_else(|| "-".to_owned(), |id| id.to_string());
        let state = serde_json::to_value(p.state)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        println!(
            "{id}\t{state}\t{} {} ({}) by {}",
            p.name, p.version, p.namespace, p.author
        );
        println!("\tlibrary {}", p.library);
        println!("\tsha256  {}", p.sha256);
        if let Some(error) = &p.error {
            println!("\terror   {error}");
        }
    }
}

pub fn backup_contents(held: &api::Contents) {
    println!(
        "backup: {} clients, {} sessions, {} findings (last change {})",
        held.clients,
        held.sessions,
        held.findings,
        held.last_change.as_deref().unwrap_or("none")
    );
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
        Err(error) => eprintln!("error: {error}"),
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
