//! The Myochart window: a thin Tauri shell. Commands are one-line calls into
//! `myochart::api`; all behaviour lives there.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod shell;

fn main() {
    let database = shell::database_from_args(std::env::args());
    let shell = match tauri::async_runtime::block_on(shell::Shell::open(database)) {
        Ok(shell) => shell,
        Err(error) => {
            eprintln!("Myochart can't start: {error}");
            std::process::exit(1);
        }
    };
    let result = tauri::Builder::default()
        .manage(shell)
        .invoke_handler(tauri::generate_handler![
            commands::database_info,
            commands::open_demo,
            commands::leave_demo,
            commands::search_clients,
            commands::client_record,
        ])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("Myochart stopped: {error}");
        std::process::exit(1);
    }
}
