//! Which database the window shows: the real one, or the separate demo database.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use myochart::api::{self, Api};
use myochart::plugin::{PluginOptions, PluginProcess};
use tauri::async_runtime::RwLock;
use tauri::Window;

pub struct Shell {
    real: PathBuf,
    /// Folders given with `--plugins-dir`, besides each database's own.
    plugin_dirs: Vec<PathBuf>,
    api: RwLock<Arc<Api>>,
}

impl Shell {
    pub async fn open(real: PathBuf, plugin_dirs: Vec<PathBuf>) -> api::Result<Shell> {
        let api = Api::open_with_plugins(&real, plugin_options(&real, &plugin_dirs)).await?;
        Ok(Shell {
            real,
            plugin_dirs,
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
        let path = api::demo_database_path(&self.real);
        let demo = Api::open_demo(&path, plugin_options(&path, &self.plugin_dirs)).await?;
        self.switch(demo, window, "Myochart — DEMO (made-up clients)")
            .await;
        Ok(())
    }

    /// Switches back to the real database.
    pub async fn leave_demo(&self, window: &Window) -> api::Result<()> {
        let real =
            Api::open_with_plugins(&self.real, plugin_options(&self.real, &self.plugin_dirs))
                .await?;
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

/// The plugins folder beside `database` and the extra ones, whose code runs in
/// child processes of the `myochart` CLI that ships beside this app.
fn plugin_options(database: &Path, extra: &[PathBuf]) -> PluginOptions {
    let mut dirs = vec![myochart::plugin::default_dir(database)];
    dirs.extend_from_slice(extra);
    let cli = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(CLI)))
        .unwrap_or_else(|| PathBuf::from(CLI));
    PluginOptions {
        dirs,
        process: PluginProcess::cli(cli),
    }
}

const CLI: &str = if cfg!(windows) {
    "myochart.exe"
} else {
    "myochart"
};

/// What the command line asks for: `--db PATH` (else `MYOCHART_DB`, else the
/// app-data default, if the system has an app-data folder) and any number of
/// `--plugins-dir DIR`.
pub fn parse_args(args: impl Iterator<Item = String>) -> api::Result<(PathBuf, Vec<PathBuf>)> {
    let mut database = None;
    let mut plugin_dirs = Vec::new();
    let mut args = args.skip(1);
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (arg, None),
        };
        if flag != "--db" && flag != "--plugins-dir" {
            continue;
        }
        let Some(value) = inline.or_else(|| args.next()) else {
            break;
        };
        if flag == "--db" {
            database = Some(PathBuf::from(value));
        } else {
            plugin_dirs.push(PathBuf::from(value));
        }
    }
    let database = database.map_or_else(api::default_database_path, Ok)?;
    Ok((database, plugin_dirs))
}
