//! Which database the window shows: the real one, or the separate demo database.

use std::path::PathBuf;
use std::sync::Arc;

use myochart::api::{self, Api};
use tauri::async_runtime::RwLock;
use tauri::Window;

pub struct Shell {
    real: PathBuf,
    api: RwLock<Arc<Api>>,
}

impl Shell {
    pub async fn open(real: PathBuf) -> api::Result<Shell> {
        let api = Api::open(&real).await?;
        Ok(Shell {
            real,
            api: RwLock::new(Arc::new(api)),
        })
    }

    /// The database in use now. Cloned out so a call never holds the lock while a
    /// switch is waiting.
    pub async fn api(&self) -> Arc<Api> {
        self.api.read().await.clone()
    }

    /// Switches to the demo database beside the real one (filled on first use),
    /// and says so in the window title.
    pub async fn open_demo(&self, window: &Window) -> api::Result<()> {
        let demo = Api::open_demo(&api::demo_database_path(&self.real)).await?;
        self.switch(demo, window, "Myochart — DEMO (made-up clients)")
            .await;
        Ok(())
    }

    /// Switches back to the real database.
    pub async fn leave_demo(&self, window: &Window) -> api::Result<()> {
        let real = Api::open(&self.real).await?;
        self.switch(real, window, "Myochart").await;
        Ok(())
    }

    async fn switch(&self, next: Api, window: &Window, title: &str) {
        let previous = std::mem::replace(&mut *self.api.write().await, Arc::new(next));
        previous.close().await;
        // The title is a reminder only; failing to set it changes nothing else.
        let _ = window.set_title(title);
    }
}

/// `--db PATH` from the command line, else `MYOCHART_DB`, else the app-data default.
pub fn database_from_args(mut args: impl Iterator<Item = String>) -> PathBuf {
    while let Some(arg) = args.next() {
        if let Some(path) = arg.strip_prefix("--db=") {
            return PathBuf::from(path);
        }
        if arg == "--db" {
            if let Some(path) = args.next() {
                return PathBuf::from(path);
            }
        }
    }
    api::default_database_path()
}
