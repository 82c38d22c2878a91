//! The one façade the app, the CLI and the tests use. Transport-agnostic: every
//! call takes forms or ids and returns records or an [`Error`].
//!
//! One `impl Api` per area, each in its own file: clients, charting, handouts,
//! students, plugins, history (what the audit log holds about a client), export
//! and import, and CSV import; `paths` says where things go by default. This
//! file holds opening and closing, settings, backups and the audit trail.

mod backups;
mod charting;
mod clients;
mod csv_import;
mod export;
mod handouts;
mod history;
mod kept;
mod paths;
mod plugins;
mod protection;
mod students;

pub use export::Imported;
pub use paths::{
    default_backup_folder, default_database_path, default_export_folder, default_handout_folder,
    default_log_folder, default_report_folder, demo_database_path, file_stamp, report_to_open,
};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

use crate::atlas::{Atlas, RedFlag, Side, View};
use crate::clinic::Clinic;
pub use crate::error::{Code, Error, ErrorBody};
use crate::finder::{self, FinderMatch, NearbyPoint, Spot};
use crate::handout::{self, Sheet};
use crate::i18n::Untranslated;
use crate::model::{
    finding_cautions, red_flag_warnings, Amendment, AmendmentForm, ChartPoint, CheckForm, CheckId,
    Client, ClientContact, ClientForm, ClientId, ClientRecord, ClientSummary, Finding, FindingForm,
    FindingId, FindingMove, Invalid, KeptNote, NewAmendment, NewClient, NewFinding, NewSession,
    NewSnippet, NoteForm, Session, SessionCheck, SessionDetail, SessionForm, SessionId,
    SessionNote, Snippet, SnippetForm, SnippetId,
};
use crate::model::{Handout, HandoutOptions, PluginId, Settings};
use crate::model::{
    LogEntry, LogEntryForm, LogEntryId, LogEntryRef, NewLogEntry, PracticeLog, SignOff,
    SignOffForm, StudentProfile,
};
use crate::plugin::{Assessment, AssessmentScore, PluginHost, PluginInfo, PluginOptions};
use crate::report::{
    AnonymityWarning, CaseStudy, CaseStudyForm, CaseStudyRequest, ClassReport, ClassReportForm,
    ClientNames, ClientSessions, OnProgress, SavedReport, SessionRecord, Steps,
};
/// What can go wrong in the database, inside [`Error::Store`].
pub use crate::store::Error as StoreError;
pub use crate::store::{
    is_encrypted, key_file, Access, AuditEntry, Change, Changes, Contents, Heard, HistoryEntry,
    RecordChange,
};
use crate::store::{NewHandout, Store};
pub use backups::{check_backup, list_backups, restore_closed, Backup, RestorePreview};
pub use protection::unlock;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Runs one of the façade's writes and logs how it ended, inside the span its
/// method opened (which holds ids only): "done", or the failure's code at
/// warn. Never the error's message: it can hold a path or a value typed in.
async fn logged<T>(write: impl std::future::Future<Output = Result<T>>) -> Result<T> {
    let result = write.await;
    match &result {
        Ok(_) => tracing::info!("done"),
        Err(error) => tracing::warn!(code = %error.code(), "failed"),
    }
    result
}

/// How many clients a search returns at most.
pub const SEARCH_LIMIT: u32 = 100;

/// One question of the red-flag screening.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct RedFlagQuestion {
    pub flag: RedFlag,
    pub question: String,
}

/// Which database is open, for the window title and the empty state.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct DatabaseInfo {
    /// The database file, or the login, server and database of a clinic's.
    pub path: String,
    /// A demo database, filled with made-up clients.
    pub demo: bool,
    /// Encrypted, and unlocked with a passphrase.
    pub protected: bool,
    /// Opened to look at only: every change is refused.
    pub read_only: bool,
    /// Signed in to a clinic as its front desk: clients' contact details and
    /// consent only.
    pub contact_only: bool,
    #[ts(type = "number")]
    pub client_count: i64,
}

/// An open database with the atlas it charts against: the built-in pack plus
/// the enabled plugins' content.
#[derive(Debug, Clone)]
pub struct Api {
    store: Store,
    plugins: Arc<PluginHost>,
    actor: String,
    demo: bool,
    client_names: Arc<ClientNamesCache>,
    /// On a clinic, where notes wait while the server can't be reached.
    kept: Option<Arc<kept::Kept>>,
}

/// Every client's full name for reports, with the audit-log entry it was read
/// at: the case-study warnings are asked again as the student types, and with
/// 100,000 clients reading and indexing the names takes about half a second.
type ClientNamesCache = tokio::sync::Mutex<Option<(i64, Arc<ClientNames>)>>;

impl Api {
    /// Opens (creating and migrating if needed) the plain database at `path`.
    pub async fn open(path: &Path) -> Result<Api> {
        Api::open_as(path, &Access::default()).await
    }

    /// Opens the database at `path` with `access`: the key of a protected one
    /// (see [`unlock`]), or read-only.
    pub async fn open_as(path: &Path, access: &Access) -> Result<Api> {
        Ok(Api::on(Store::open(path, access).await?))
    }

    fn on(store: Store) -> Api {
        Api {
            store,
            plugins: Arc::new(PluginHost::without_plugins()),
            actor: current_user(),
            demo: false,
            client_names: Arc::default(),
            kept: None,
        }
    }

    /// Opens the plain database at `path` with the plugins in `plugins.dirs`.
    pub async fn open_with_plugins(path: &Path, plugins: PluginOptions) -> Result<Api> {
        Api::open_with(path, &Access::default(), plugins).await
    }

    /// Opens the database at `path` like [`Api::open_as`], with the plugins in
    /// `plugins.dirs`: new or changed ones are listed as awaiting approval,
    /// approved and enabled ones are probed, loaded and join the atlas. A
    /// plugin that fails is listed with its reason; the others still load.
    #[tracing::instrument(skip_all)]
    pub async fn open_with(path: &Path, access: &Access, plugins: PluginOptions) -> Result<Api> {
        logged(async move { Api::with_plugins(Store::open(path, access).await?, plugins).await })
            .await
    }

    /// Opens like [`Api::open_with`] without reading every page of the file
    /// first, unless its schema needs an update: for the window, which shows
    /// sooner and runs [`Api::check`] once it is shown.
    #[tracing::instrument(skip_all)]
    pub async fn open_unchecked(
        path: &Path,
        access: &Access,
        plugins: PluginOptions,
    ) -> Result<Api> {
        logged(async move {
            let store = Store::open_unchecked(path, access).await?;
            Api::with_plugins(store, plugins).await
        })
        .await
    }

    /// Opens a clinic's database on its PostgreSQL server at `url`
    /// (`postgres://login:password@host:port/database`, TLS as
    /// [`Clinic::connect`] says), signed in as that login, with the plugins in
    /// `plugins.dirs`. The schema is brought up to date by the server's
    /// administrator (`myochart clinic setup`), not here.
    #[tracing::instrument(skip_all)]
    pub async fn connect(url: &str, plugins: PluginOptions) -> Result<Api> {
        logged(async move {
            let pool = Clinic::connect(url).await?.into_pool();
            // The server names the login in the audit log; the app names the same.
            let login = pool.connect_options().get_username().to_owned();
            let api = Api::with_plugins(Store::on_postgres(pool), plugins).await?;
            Ok(api.with_actor(login))
        })
        .await
    }

    /// [`Api::connect`] with `password`, which `url` leaves out: asked of the
    /// person signing in, never written in a URL or a settings file.
    #[tracing::instrument(skip_all)]
    pub async fn sign_in(url: &str, password: &str, plugins: PluginOptions) -> Result<Api> {
        logged(async move {
            let clinic = Clinic::sign_in(url, password).await?;
            Api::with_plugins(Store::on_postgres(clinic.into_pool()), plugins).await
        })
        .await
    }

    async fn with_plugins(store: Store, plugins: PluginOptions) -> Result<Api> {
        let mut api = Api::on(store);
        api.plugins = Arc::new(PluginHost::start(plugins, &api.store, &api.actor).await?);
        Ok(api)
    }

    /// Starts listening to the changes others commit on a clinic server, to
    /// show them as they are made; `None` for a database file.
    pub async fn listen(&self) -> Result<Option<Changes>> {
        Ok(self.store.listen().await?)
    }

    /// Reads every page of the database file: damage anywhere is
    /// [`Code::Damaged`].
    pub async fn check(&self) -> Result<()> {
        Ok(self.store.check().await?)
    }

    /// Opens the demo database at `path` (protected with the same key as the
    /// real one, when it is), filling it with demo clients the first time. A
    /// demo left unprotected from before is made anew: it holds only made-up
    /// clients.
    #[tracing::instrument(skip_all)]
    pub async fn open_demo(path: &Path, access: &Access, plugins: PluginOptions) -> Result<Api> {
        logged(async move {
            if access.key.is_some() && !crate::store::is_encrypted(path).unwrap_or(true) {
                remove_database_files(path)?;
            }
            let mut api = Api::open_with(path, access, plugins).await?;
            api.demo = true;
            if api.store.count_clients().await? == 0 {
                crate::demo::fill(&api, crate::demo::DEFAULT_CLIENTS).await?;
            }
            Ok(api)
        })
        .await
    }

    /// Records changes under `actor`'s name in the audit log.
    pub fn with_actor(mut self, actor: impl Into<String>) -> Api {
        self.actor = actor.into();
        self
    }

    /// The atlas as it is now: plugins can be enabled and disabled while the
    /// app runs.
    pub fn atlas(&self) -> Atlas {
        Atlas::clone(&self.plugins.atlas())
    }

    pub async fn info(&self) -> Result<DatabaseInfo> {
        Ok(DatabaseInfo {
            path: self.store.location(),
            demo: self.demo,
            protected: self.store.access().key.is_some(),
            read_only: self.store.access().read_only,
            contact_only: self.store.contact_only().await?,
            client_count: self.store.count_clients().await?,
        })
    }

    /// The audit trail of one record (`client`, `session` or `finding`).
    pub async fn audit_trail(&self, entity: &str, id: i64) -> Result<Vec<AuditEntry>> {
        Ok(self.store.audit_trail(entity, id).await?)
    }

    /// The practice's settings: clinic, therapist, contact and paper size.
    pub async fn settings(&self) -> Result<Settings> {
        Ok(self.store.settings().await?)
    }

    #[tracing::instrument(skip_all)]
    pub async fn save_settings(&self, form: Settings) -> Result<Settings> {
        logged(async move {
            let settings = Settings::parse(form)?;
            Ok(self.store.save_settings(&self.actor, &settings).await?)
        })
        .await
    }

    /// Closes the database cleanly.
    pub async fn close(&self) {
        self.close_kept().await;
        self.store.close().await;
    }

    /// Records in the audit log that records were copied out (a backup, an
    /// export) to `path`: they are health data, now outside the database.
    async fn record_copy(&self, action: &str, entity: (&str, i64), path: &Path) -> Result<()> {
        let path = path.display().to_string();
        Ok(self
            .store
            .record_event(&self.actor, action, entity, &path)
            .await?)
    }
}

/// Removes the database file at `path` and its journal files.
fn remove_database_files(path: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let file = crate::store::sibling(path, suffix);
        crate::private::remove_if_present(&file).map_err(|error| Error::File {
            path: file,
            reason: error.to_string(),
        })?;
    }
    Ok(())
}

/// The audit-log action of a practice log saved as CSV or PDF.
const PRACTICE_LOG_EXPORT: &str = "export.practice-log";

/// How preview files start: the only files the previews folder's cleaning
/// removes.
const PREVIEW_PREFIX: &str = "Handout preview - session ";

/// The person changes are recorded under: the OS user.
fn current_user() -> String {
    ["USER", "USERNAME"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|user| !user.is_empty()))
        .unwrap_or_else(|| "local user".to_owned())
}

/// Writes a report through a temporary file and a rename (as handouts are),
/// returning the absolute path.
fn save_file(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    save_bytes(&path, bytes)?;
    Ok(path)
}

/// Writes `bytes` to `path` whole or not at all (see [`crate::private::save`]).
fn save_bytes(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::private::save(path, bytes).map_err(|error| Error::File {
        path: path.to_owned(),
        reason: error.to_string(),
    })
}

/// A bound of an open date range; the literals are valid dates.
fn open_range(iso: &str) -> crate::model::IsoDate {
    crate::model::IsoDate::parse(iso).unwrap_or_else(|_| crate::model::IsoDate::today())
}
