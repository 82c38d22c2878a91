//! A bare Tauri window with one static page: what Myochart's start-up and
//! memory are measured against (scripts/bench-app.sh). Its page reports
//! itself painted the way the app's client list does.

use std::io::Write;

/// Appends `screen` as a line to the file `MYOCHART_BENCH_READY` names, as
/// the app's `bench_ready` does.
#[tauri::command]
async fn bench_ready(screen: String) {
    let Some(path) = std::env::var_os("MYOCHART_BENCH_READY") else {
        return;
    };
    let file = std::fs::OpenOptions::new().append(true).open(path);
    if let Err(error) = file.and_then(|mut file| writeln!(file, "{screen}")) {
        eprintln!("bare-window: can't report {screen} ready: {error}");
    }
}

fn main() {
    let app = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![bench_ready])
        .run(tauri::generate_context!());
    if let Err(error) = app {
        eprintln!("bare-window stopped: {error}");
        std::process::exit(1);
    }
}
