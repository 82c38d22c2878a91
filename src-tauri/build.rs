// Every command the front end may call. Each gets an `allow-<command>` permission,
// and capabilities/main.json grants them one by one; anything not listed is denied.
const COMMANDS: &[&str] = &[
    "database_info",
    "open_demo",
    "leave_demo",
    "atlas",
    "red_flag_questions",
    "search_clients",
    "client_record",
    "create_client",
    "update_client",
    "create_session",
    "session",
    "add_finding",
    "move_finding",
    "remove_finding",
    "restore_finding",
    "write_note",
    "sign_note",
    "amend_note",
    "find",
    "nearest_points",
    "add_checks",
    "remove_check",
    "snippets",
    "create_snippet",
    "delete_snippet",
    "settings",
    "save_settings",
    "save_handout",
    "handouts_of_client",
    "open_handout",
    "backup",
    "plugins",
    "approve_plugin",
    "enable_plugin",
    "assessments",
    "score_assessment",
    "preview_handout",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri build configuration is valid");
}
