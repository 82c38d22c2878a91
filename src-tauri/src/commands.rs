//! Tauri commands: one line each into `myochart::api`.

use myochart::api::{DatabaseInfo, Error};
use myochart::model::{ClientId, ClientRecord, ClientSummary};
use tauri::{State, Window};

use crate::shell::Shell;

type Result<T> = std::result::Result<T, Error>;

#[tauri::command]
pub async fn database_info(shell: State<'_, Shell>) -> Result<DatabaseInfo> {
    shell.api().await.info().await
}

#[tauri::command]
pub async fn open_demo(shell: State<'_, Shell>, window: Window) -> Result<()> {
    shell.open_demo(&window).await
}

#[tauri::command]
pub async fn leave_demo(shell: State<'_, Shell>, window: Window) -> Result<()> {
    shell.leave_demo(&window).await
}

#[tauri::command]
pub async fn search_clients(shell: State<'_, Shell>, query: String) -> Result<Vec<ClientSummary>> {
    shell.api().await.search_clients(&query).await
}

#[tauri::command]
pub async fn client_record(shell: State<'_, Shell>, id: ClientId) -> Result<ClientRecord> {
    shell.api().await.client_record(id).await
}
