// Every command the front end may call. Each gets an `allow-<command>` permission,
// and capabilities/main.json grants them one by one; anything not listed is denied.
const COMMANDS: &[&str] = &[
    "database_info",
    "open_demo",
    "leave_demo",
    "search_clients",
    "client_record",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri build configuration is valid");
}
