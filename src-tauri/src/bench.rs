//! The hook `make bench-app` (scripts/bench-app.sh) measures the window with.
//! Without `MYOCHART_BENCH_READY` in the environment it does nothing.

use std::io::Write;

use myochart::model::ClientId;

/// The window has painted `screen` ("list": the client list with its rows,
/// ready for typing; "client": a client's record): appended as a line to the
/// file `MYOCHART_BENCH_READY` names, which the benchmark times. Answers the
/// client `MYOCHART_BENCH_OPEN_CLIENT` names, for the window to open next.
#[tauri::command]
pub async fn bench_ready(screen: String) -> Option<ClientId> {
    let path = std::env::var_os("MYOCHART_BENCH_READY")?;
    let file = std::fs::OpenOptions::new().append(true).open(path);
    if let Err(error) = file.and_then(|mut file| writeln!(file, "{screen}")) {
        eprintln!("Myochart can't report {screen} ready: {error}");
    }
    let client = std::env::var("MYOCHART_BENCH_OPEN_CLIENT").ok()?;
    client.parse().ok().map(ClientId)
}
