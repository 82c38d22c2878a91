//! Which database the window shows: the real one, the separate demo
//! database, or a clinic's on its server; or none, while the real one is
//! locked or can't be opened, or the clinic waits for its person to sign in.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use myochart::api::{self, Access, Api, Backup, ErrorBody, Heard};
use myochart::clinic::{self, ClinicAddress};
use myochart::model::{Invalid, Passphrase, RecoveryKey, Unlock};
use myochart::plugin::{PluginOptions, PluginProcess};
use tauri::async_runtime::RwLock;
use tauri::{AppHandle, Emitter, Manager, Window};

/// The event that tells the window a record changed in another window of the
/// clinic: a `RecordChange`, or null when changes may have been missed (the
/// server was away) and everything shown may be stale.
const RECORDS_CHANGED: &str = "records-changed";

/// The event that tells the window whether the clinic server can be reached:
/// false when the connection is lost, true when it is back (and the notes
/// kept meanwhile are saved).
const CLINIC_REACHABLE: &str = "clinic-reachable";

/// What the window opens: a file on this computer, or a clinic's database.
pub enum Database {
    File(PathBuf),
    /// Its URL, without the password (asked for at sign-in).
    Clinic(String),
}

pub struct Shell {
    /// This computer's own database file.
    real: PathBuf,
    /// The clinic's database URL while the window is on one.
    clinic: Mutex<Option<String>>,
    /// Folders given with `--plugins-dir`, besides each database's own and the
    /// installed one.
    plugin_dirs: Vec<PathBuf>,
    state: Arc<RwLock<State>>,
}

enum State {
    Open(Arc<Api>),
    /// Why there is no database open: locked, damaged, or read-only on disk;
    /// with the access last used, for its backups.
    Closed(ErrorBody, Access),
}

impl Shell {
    /// The shell for `database`. The real database is opened on the async
    /// runtime while the window starts, reading only what the first screen
    /// needs (the window then runs [`Shell::check`]); commands asked meanwhile
    /// wait for it. One that is locked or can't be opened leaves the window to
    /// say why and what can be done. A clinic (given, else the one remembered)
    /// waits for its person to sign in.
    pub fn start(database: Database, plugin_dirs: Vec<PathBuf>) -> api::Result<Shell> {
        let (real, clinic) = match database {
            Database::File(real) => {
                let remembered = remembered_clinic(&real).map(|address| address.url());
                (real, remembered)
            }
            Database::Clinic(url) => (api::default_database_path()?, Some(url)),
        };
        let (why_closed, opens_here) = match &clinic {
            Some(url) => (signed_out(url), false),
            None => (closed_body(), true),
        };
        let shell = Shell {
            real,
            clinic: Mutex::new(clinic),
            plugin_dirs,
            state: Arc::new(RwLock::new(State::Closed(why_closed, Access::default()))),
        };
        if opens_here {
            // Taken before any command can read the state, released once open.
            let mut opening = Arc::clone(&shell.state)
                .try_write_owned()
                .expect("a new lock is free");
            let path = shell.real.clone();
            let options = plugin_options(&path, &shell.plugin_dirs);
            tauri::async_runtime::spawn(async move {
                let access = Access::default();
                let opened = Api::open_unchecked(&path, &access, options).await;
                *opening = state_after(opened, access);
            });
        }
        Ok(shell)
    }

    /// The clinic the window is on, if any: for its header.
    pub fn clinic(&self) -> Option<ClinicAddress> {
        let url = self
            .clinic
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()?;
        ClinicAddress::parse(&url).ok()
    }

    /// Signs in to the clinic the window is on, and listens there for the
    /// changes others make.
    pub async fn sign_in(&self, password: &str, window: &Window) -> api::Result<()> {
        let url = self
            .clinic
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(|| {
                Invalid::field("password", "the window is not on a clinic's database")
            })?;
        let api = self.signed_in(&url, password, window.app_handle()).await?;
        self.switch(api, window, &title_of(&url)).await;
        Ok(())
    }

    /// Connects the window to a clinic's database (remembered, without the
    /// password, for the next start) instead of the one open.
    pub async fn connect_clinic(
        &self,
        address: &ClinicAddress,
        password: &str,
        window: &Window,
    ) -> api::Result<()> {
        let url = address.url();
        let api = self.signed_in(&url, password, window.app_handle()).await?;
        remember_clinic(&self.real, Some(address))?;
        *self.clinic.lock().unwrap_or_else(PoisonError::into_inner) = Some(url.clone());
        self.switch(api, window, &title_of(&url)).await;
        Ok(())
    }

    /// Goes back from a clinic to this computer's own database.
    pub async fn leave_clinic(&self, window: &Window) -> api::Result<()> {
        remember_clinic(&self.real, None)?;
        *self.clinic.lock().unwrap_or_else(PoisonError::into_inner) = None;
        let access = Access::default();
        let opened = self.open_real(&access).await;
        let previous =
            std::mem::replace(&mut *self.state.write().await, state_after(opened, access));
        if let State::Open(previous) = previous {
            previous.close().await;
        }
        let _ = window.set_title("Myochart");
        Ok(())
    }

    /// Signs in to the clinic at `url`, keeping notes on this computer while
    /// its server can't be reached, and saves those kept from before. Then
    /// passes the changes others make there on to the window until the
    /// database is closed.
    async fn signed_in(&self, url: &str, password: &str, app: &AppHandle) -> api::Result<Api> {
        let kept_notes = self
            .real
            .with_file_name(ClinicAddress::parse(url)?.kept_notes_file_name());
        let api = Api::sign_in(
            url,
            password,
            plugin_options(Path::new(""), &self.plugin_dirs),
        )
        .await?
        .keep_notes_in(&kept_notes, password)
        .await?;
        // What can't be saved now stays kept: it shows with its session, or
        // is saved when the server is back.
        let _ = api.save_kept_notes().await;
        if let Some(mut changes) = api.listen().await? {
            let (api, app) = (api.clone(), app.clone());
            tauri::async_runtime::spawn(async move {
                while let Some(heard) = changes.next().await {
                    // A window gone has nothing to show; each emit may fail alike.
                    match heard {
                        Heard::Changed(change) => {
                            let _ = app.emit(RECORDS_CHANGED, Some(change));
                        }
                        Heard::Lost => {
                            let _ = app.emit(CLINIC_REACHABLE, false);
                        }
                        Heard::Missed => {
                            let _ = api.save_kept_notes().await;
                            let _ = app.emit(CLINIC_REACHABLE, true);
                            let _ = app.emit(RECORDS_CHANGED, None::<api::RecordChange>);
                        }
                    }
                }
            });
        }
        Ok(api)
    }

    /// The database in use now. Cloned out so a call never holds the lock while a
    /// switch is waiting.
    pub async fn api(&self) -> api::Result<Arc<Api>> {
        match &*self.state.read().await {
            State::Open(api) => Ok(api.clone()),
            State::Closed(why, _) => Err(api::Error::Closed(why.clone())),
        }
    }

    /// Reads every page of the database in use, which opening it left for
    /// later: a damaged one is closed, so the window says so and offers its
    /// backups.
    pub async fn check(&self) -> api::Result<()> {
        // The server looks after its own files.
        if self.clinic().is_some() {
            return Ok(());
        }
        let api = self.api().await?;
        let Err(error) = api.check().await else {
            return Ok(());
        };
        let mut state = self.state.write().await;
        // Unless the window has switched databases meanwhile.
        let current = matches!(&*state, State::Open(open) if Arc::ptr_eq(open, &api));
        if current && error.code() == api::Code::Damaged {
            api.close().await;
            *state = State::Closed(ErrorBody::from(&error), api.access().clone());
        }
        Err(error)
    }

    /// Unlocks the real, protected database.
    pub async fn unlock(&self, unlock: &Unlock) -> api::Result<()> {
        let access = api::unlock(&self.real, unlock).await?;
        let api = self.open_real(&access).await?;
        *self.state.write().await = State::Open(Arc::new(api));
        Ok(())
    }

    /// Opens the real database read-only, to look at one that can't be written.
    pub async fn open_read_only(&self) -> api::Result<()> {
        let access = Access {
            read_only: true,
            ..self.closed_access().await
        };
        let api = self.open_real(&access).await?;
        *self.state.write().await = State::Open(Arc::new(api));
        Ok(())
    }

    /// Closes a protected database (after the idle time, or on request): the
    /// window shows the unlock screen until the passphrase is given again.
    pub async fn lock(&self, window: &Window) -> api::Result<()> {
        let mut state = self.state.write().await;
        if let State::Open(api) = &*state {
            if api.access().key.is_none() {
                return Err(myochart::api::StoreError::NotProtected.into());
            }
            api.close().await;
            let locked = myochart::api::StoreError::Locked {
                path: self.real.clone(),
            };
            *state = State::Closed(
                ErrorBody::from(&api::Error::from(locked)),
                Access::default(),
            );
        }
        let _ = window.set_title("Myochart");
        Ok(())
    }

    /// Protects the open real database with a passphrase (encrypting it in
    /// place).
    pub async fn protect(
        &self,
        passphrase: &Passphrase,
        recovery: &RecoveryKey,
    ) -> api::Result<()> {
        let mut state = self.state.write().await;
        let State::Open(api) = &*state else {
            return Err(api::Error::Closed(closed_body()));
        };
        if api.info().await?.demo {
            let leave = "leave the demo first: the passphrase protects your real records";
            return Err(Invalid::field("passphrase", leave).into());
        }
        let access = api.access().clone();
        match Api::clone(api).protect(passphrase, recovery).await {
            Ok(protected) => {
                *state = State::Open(Arc::new(protected));
                Ok(())
            }
            Err(error) => {
                // A failed protection leaves the database as it was, closed.
                *state = state_after(self.open_real(&access).await, access);
                Err(error)
            }
        }
    }

    /// This database's backups; listed too while it can't be opened.
    pub async fn backups(&self) -> api::Result<Vec<Backup>> {
        let folder = api::default_backup_folder();
        match &*self.state.read().await {
            State::Open(api) => api.backups(&folder).await,
            State::Closed(_, access) => api::list_backups(&self.real, access, &folder).await,
        }
    }

    /// Replaces the database with `backup`, all or nothing; works too while
    /// the database is too damaged to open.
    pub async fn restore(&self, backup: &Path) -> api::Result<()> {
        let mut state = self.state.write().await;
        let (restored, access) = match &*state {
            State::Open(api) => {
                let access = api.access().clone();
                match Api::clone(api).restore(backup).await {
                    // Restoring reopened it, plugins and all.
                    Ok(restored) => {
                        *state = State::Open(Arc::new(restored));
                        return Ok(());
                    }
                    Err(error) => (Err(error), access),
                }
            }
            State::Closed(_, access) => {
                let access = access.clone();
                let restored = api::restore_closed(&self.real, &access, backup).await;
                (restored.map(drop), access)
            }
        };
        // Restored over a closed database, or not restored at all: the
        // database (closed by restoring) opens again.
        *state = state_after(self.open_real(&access).await, access);
        restored
    }

    /// A backup if the last one is a day old: when the app closes.
    pub async fn backup_if_due(&self) -> api::Result<Option<Backup>> {
        let api = self.api().await?;
        if api.access().read_only || api.info().await?.demo {
            return Ok(None);
        }
        api.backup_if_due(&api::default_backup_folder()).await
    }

    /// Switches to the demo database beside the real one (filled on first use,
    /// protected alike), and says so in the window title.
    pub async fn open_demo(&self, window: &Window) -> api::Result<()> {
        let path = api::demo_database_path(&self.real);
        let access = self.api().await?.access().clone();
        let demo = Api::open_demo(&path, &access, plugin_options(&path, &self.plugin_dirs)).await?;
        self.switch(demo, window, "Myochart — DEMO (made-up clients)")
            .await;
        Ok(())
    }

    /// Switches back to the real database.
    pub async fn leave_demo(&self, window: &Window) -> api::Result<()> {
        let access = self.api().await?.access().clone();
        let real = self.open_real(&access).await?;
        self.switch(real, window, "Myochart").await;
        Ok(())
    }

    async fn switch(&self, next: Api, window: &Window, title: &str) {
        let previous =
            std::mem::replace(&mut *self.state.write().await, State::Open(Arc::new(next)));
        if let State::Open(previous) = previous {
            previous.close().await;
        }
        // The title is a reminder only; failing to set it changes nothing else.
        let _ = window.set_title(title);
    }

    async fn open_real(&self, access: &Access) -> api::Result<Api> {
        Api::open_unchecked(
            &self.real,
            access,
            plugin_options(&self.real, &self.plugin_dirs),
        )
        .await
    }

    async fn closed_access(&self) -> Access {
        match &*self.state.read().await {
            State::Open(api) => api.access().clone(),
            State::Closed(_, access) => access.clone(),
        }
    }
}

/// Why nothing is open while a clinic waits for its person to sign in.
fn signed_out(url: &str) -> ErrorBody {
    ErrorBody {
        code: api::Code::SignedOut,
        message: label_of(url),
        fields: Vec::new(),
    }
}

/// Who signs in to which clinic's server and database.
fn label_of(url: &str) -> String {
    match ClinicAddress::parse(url) {
        Ok(address) => format!(
            "{} @ {}/{}",
            address.login, address.server, address.database
        ),
        Err(_) => url.split('@').next_back().unwrap_or_default().into(),
    }
}

fn title_of(url: &str) -> String {
    format!("Myochart — {}", label_of(url))
}

/// Where the clinic to open at start is remembered: beside the real database.
fn clinic_file(real: &Path) -> PathBuf {
    real.with_file_name("clinic.json")
}

fn remembered_clinic(real: &Path) -> Option<ClinicAddress> {
    let text = std::fs::read_to_string(clinic_file(real)).ok()?;
    serde_json::from_str(&text).ok()
}

/// Remembers `address` for the next start (no password is in it), or
/// forgets the clinic.
fn remember_clinic(real: &Path, address: Option<&ClinicAddress>) -> api::Result<()> {
    let file = clinic_file(real);
    // Beside the database, this user's only, like everything Myochart writes.
    let written = match address {
        Some(address) => {
            let text = serde_json::to_string_pretty(address).unwrap_or_default();
            myochart::private::save(&file, text.as_bytes()).map_err(|error| error.to_string())
        }
        None => myochart::private::remove_if_present(&file).map_err(|error| error.to_string()),
    };
    written.map_err(|reason| api::Error::File { path: file, reason })
}

/// Why nothing is open while the real database is being opened.
fn closed_body() -> ErrorBody {
    ErrorBody {
        code: api::Code::Storage,
        message: "the database is being opened".into(),
        fields: Vec::new(),
    }
}

/// The state after trying to open the real database.
fn state_after(opened: api::Result<Api>, access: Access) -> State {
    match opened {
        Ok(api) => State::Open(Arc::new(api)),
        Err(error) => State::Closed(ErrorBody::from(&error), access),
    }
}

/// The plugins folder beside `database`, the installed one and the extra
/// ones, whose code runs in child processes of the `myochart` CLI that ships
/// beside this app.
fn plugin_options(database: &Path, extra: &[PathBuf]) -> PluginOptions {
    let dirs = myochart::plugin::search_dirs(database, extra);
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
/// What the command line asks for: `--db PATH` or `--db postgres://…` (else
/// `MYOCHART_DB`, else the app-data default, if the system has an app-data
/// folder) and any number of `--plugins-dir DIR`.
pub fn parse_args(args: impl Iterator<Item = String>) -> api::Result<(Database, Vec<PathBuf>)> {
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
            database = Some(value);
        } else {
            plugin_dirs.push(PathBuf::from(value));
        }
    }
    let database = match database.or_else(|| std::env::var("MYOCHART_DB").ok()) {
        Some(url) if clinic::is_server_url(&url) => Database::Clinic(url),
        Some(path) if !path.is_empty() => Database::File(PathBuf::from(path)),
        _ => Database::File(api::default_database_path()?),
    };
    Ok((database, plugin_dirs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clinic_is_remembered_without_its_password_for_this_user_only_then_forgotten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("myochart.sqlite");
        let address = ClinicAddress::parse("postgres://ann:secret@clinic.example:5433/myochart")
            .expect("address");
        remember_clinic(&real, Some(&address)).expect("remembered");
        let text = std::fs::read_to_string(clinic_file(&real)).expect("file");
        assert!(!text.contains("secret"), "{text}");
        assert_eq!(remembered_clinic(&real).expect("read back").login, "ann");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(clinic_file(&real))
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        remember_clinic(&real, None).expect("forgotten");
        remember_clinic(&real, None).expect("forgetting twice is fine");
        assert!(remembered_clinic(&real).is_none());
    }
}
