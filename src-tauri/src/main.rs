//! The Myochart window: a thin Tauri shell. Commands are one-line calls into
//! `myochart::api`; all behaviour lives there.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod bench;
mod commands;
mod csv_import;
mod shell;

use tauri::Manager;

fn main() {
    #[cfg(target_os = "linux")]
    {
        interpret_javascript();
        composite_only_on_a_gpu();
    }
    // A log of what was done (ids only), filtered by RUST_LOG; the app runs on
    // without one if its folder can't be written.
    let logs = myochart::api::default_log_folder()
        .and_then(|folder| myochart::logs::start(&folder, false));
    if let Err(error) = logs {
        eprintln!("Myochart keeps no log this time: {error}");
    }
    let (database, plugin_dirs) = match shell::parse_args(std::env::args()) {
        Ok(args) => args,
        Err(error) => {
            eprintln!("Myochart can't start: {error}");
            std::process::exit(1);
        }
    };
    let shell = match shell::Shell::start(database, plugin_dirs) {
        Ok(shell) => shell,
        Err(error) => {
            eprintln!("Myochart can't start: {error}");
            std::process::exit(1);
        }
    };
    let app = tauri::Builder::default()
        .manage(shell)
        .manage(csv_import::PickedCsv::default())
        // For approve_plugin's confirmation and pick_csv_file's file dialog,
        // asked from Rust; the web view is granted none of the dialog's commands.
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(tauri::generate_handler![
            commands::database_info,
            commands::check_database,
            commands::clinic,
            commands::sign_in,
            commands::connect_clinic,
            commands::leave_clinic,
            commands::open_demo,
            commands::leave_demo,
            commands::atlas,
            commands::red_flag_questions,
            commands::search_clients,
            commands::client_record,
            commands::client_contact,
            commands::create_client,
            commands::update_client,
            commands::create_session,
            commands::session,
            commands::add_finding,
            commands::move_finding,
            commands::remove_finding,
            commands::restore_finding,
            commands::write_note,
            commands::sign_note,
            commands::amend_note,
            commands::client_history,
            commands::note_history,
            commands::find,
            commands::nearest_points,
            commands::add_checks,
            commands::remove_check,
            commands::forget_kept_note,
            commands::snippets,
            commands::create_snippet,
            commands::delete_snippet,
            commands::settings,
            commands::save_settings,
            commands::save_handout,
            commands::handout_untranslated,
            commands::handouts_of_client,
            commands::open_handout,
            commands::backup,
            commands::backups,
            commands::restore_preview,
            commands::restore,
            commands::unlock,
            commands::lock,
            commands::open_read_only,
            commands::new_recovery_key,
            commands::protect,
            commands::change_passphrase,
            commands::export_all,
            commands::export_client,
            commands::plugins,
            commands::approve_plugin,
            commands::enable_plugin,
            commands::disable_plugin,
            commands::assessments,
            commands::score_assessment,
            commands::preview_handout,
            commands::student_profile,
            commands::save_student_profile,
            commands::practice_log,
            commands::add_log_entry,
            commands::delete_log_entry,
            commands::sign_off_log_entry,
            commands::export_practice_log,
            commands::case_study_warnings,
            commands::save_case_study,
            commands::save_class_report,
            commands::open_report,
            commands::open_log_folder,
            csv_import::pick_csv_file,
            csv_import::preview_csv_import,
            csv_import::import_csv,
            bench::bench_ready,
        ])
        .build(tauri::generate_context!());
    let app = match app {
        Ok(app) => app,
        Err(error) => {
            eprintln!("Myochart stopped: {error}");
            std::process::exit(1);
        }
    };
    app.run(|app, event| {
        if let tauri::RunEvent::Exit = event {
            // The daily backup, as the app closes (a locked database has none).
            let shell = app.state::<shell::Shell>();
            if let Err(error) = tauri::async_runtime::block_on(shell.backup_if_due()) {
                if error.code() != myochart::api::Code::Locked {
                    eprintln!("Myochart could not back up as it closed: {error}");
                }
            }
        }
    });
}

/// Runs the window's JavaScript in WebKitGTK's interpreter, without compiling
/// it to machine code (the JIT). The scripts only glue forms to the core, and
/// compiling the busiest of them cost the web view's process more than it
/// saved: with the JIT, a client of 500 sessions took 11 MiB more memory and
/// the client list 80 ms longer to show (`make bench-app`). A web view that
/// writes no machine code is harder to exploit, too. Set before the web view's
/// processes start, which inherit it; a value given already wins.
#[cfg(target_os = "linux")]
fn interpret_javascript() {
    if std::env::var_os("JSC_useJIT").is_none() {
        std::env::set_var("JSC_useJIT", "0");
    }
}

/// Draws the window without WebKit's compositor on a computer with no GPU (no
/// DRM render node). There the compositor runs its OpenGL in software (Mesa's
/// llvmpipe) and costs more than it saves: measured under Xvfb, the window drew
/// 40 frames a second with it and 60 without, and showed the client list sooner
/// after launch (`make bench-app`). With a GPU, WebKit's own choice stands. Set
/// before the web view's processes start; a value given already wins
/// (`WEBKIT_DISABLE_COMPOSITING_MODE=0` keeps the compositor).
#[cfg(target_os = "linux")]
fn composite_only_on_a_gpu() {
    let has_gpu = std::fs::read_dir("/dev/dri").is_ok_and(|nodes| {
        nodes
            .flatten()
            .any(|node| node.file_name().to_string_lossy().starts_with("renderD"))
    });
    if !has_gpu && std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}
