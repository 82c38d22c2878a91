//! Importing clients from a CSV file picked in the system's file dialog. The
//! window never names a path: it can only read the file the user picked,
//! which the shell keeps between the preview and the import.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use myochart::api::Error;
use myochart::import_csv::{CsvImportOptions, CsvImportPreview, CsvImportSummary};
use myochart::model::Invalid;
use myochart::report::Progress;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::shell::Shell;

type Result<T> = std::result::Result<T, Error>;

/// The CSV file the user picked last.
#[derive(Default)]
pub struct PickedCsv(Mutex<Option<PathBuf>>);

impl PickedCsv {
    fn path(&self) -> Result<PathBuf> {
        let picked = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        picked
            .clone()
            .ok_or_else(|| Invalid::field("file", "Choose a CSV file first").into())
    }
}

/// Asks for a CSV file; its name, or nothing when the user cancelled.
#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn pick_csv_file(app: AppHandle, picked: State<'_, PickedCsv>) -> Result<Option<String>> {
    let chosen = match picked_unasked() {
        Some(path) => Some(path),
        None => {
            let dialog = app
                .dialog()
                .file()
                .set_title("Import clients from a CSV file")
                .add_filter("CSV files", &["csv", "txt"]);
            // The dialog waits for the user: not on the async runtime's threads.
            tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
                .await
                .ok()
                .flatten()
                .and_then(|file| file.into_path().ok())
        }
    };
    let Some(path) = chosen else {
        return Ok(None);
    };
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned());
    *picked.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(path);
    Ok(name)
}

/// `MYOCHART_CSV_UNASKED=<file>` picks that file without showing the dialog,
/// for automated tests of the window (WebDriver can't answer a native
/// dialog): only whoever starts the app can set it, never the web view.
fn picked_unasked() -> Option<PathBuf> {
    std::env::var_os("MYOCHART_CSV_UNASKED").map(PathBuf::from)
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn preview_csv_import(
    shell: State<'_, Shell>,
    picked: State<'_, PickedCsv>,
    options: CsvImportOptions,
) -> Result<CsvImportPreview> {
    let path = picked.path()?;
    shell.api().await?.preview_csv_import(&path, &options).await
}

/// Imports the picked file, telling the window how far it is through `progress`.
#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn import_csv(
    shell: State<'_, Shell>,
    picked: State<'_, PickedCsv>,
    options: CsvImportOptions,
    progress: Channel<Progress>,
) -> Result<CsvImportSummary> {
    let path = picked.path()?;
    let mut report = |step: Progress| {
        let _ = progress.send(step);
    };
    shell
        .api()
        .await?
        .import_csv(&path, &options, &mut report)
        .await
}
