//! The one façade the app, the CLI and the tests use. Transport-agnostic: every
//! call takes forms or ids and returns records or an [`Error`].

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::atlas::{Atlas, View};
pub use crate::error::{Code, Error, ErrorBody};
use crate::finder::{self, FinderMatch};
use crate::model::{
    Amendment, AmendmentForm, ChartPoint, Client, ClientForm, ClientId, ClientRecord,
    ClientSummary, Finding, FindingForm, FindingId, FindingMove, Invalid, NewAmendment, NewClient,
    NewFinding, NewSession, NoteForm, Session, SessionDetail, SessionForm, SessionId, SessionNote,
};
use crate::store::{AuditEntry, Store};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How many clients a search returns at most.
pub const SEARCH_LIMIT: u32 = 100;

/// The database file used when none is given: `myochart.sqlite` in the OS
/// app-data folder, unless `MYOCHART_DB` names another.
pub fn default_database_path() -> PathBuf {
    if let Some(path) = std::env::var_os("MYOCHART_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("myochart")
        .join("myochart.sqlite")
}

/// The demo database that belongs beside `database`: never the same file, so demo
/// data is never mixed into real records.
pub fn demo_database_path(database: &Path) -> PathBuf {
    database.with_extension("demo.sqlite")
}

/// Which database is open, for the window title and the empty state.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct DatabaseInfo {
    pub path: String,
    /// A demo database, filled with made-up clients.
    pub demo: bool,
    #[ts(type = "number")]
    pub client_count: i64,
}

/// An open database with the atlas it charts against.
#[derive(Debug, Clone)]
pub struct Api {
    store: Store,
    atlas: Atlas,
    actor: String,
    demo: bool,
}

impl Api {
    /// Opens (creating and migrating if needed) the database at `path`.
    pub async fn open(path: &Path) -> Result<Api> {
        Ok(Api {
            store: Store::open(path).await?,
            atlas: Atlas::builtin(),
            actor: current_user(),
            demo: false,
        })
    }

    /// Opens the demo database at `path`, filling it with demo clients the first
    /// time.
    pub async fn open_demo(path: &Path) -> Result<Api> {
        let mut api = Api::open(path).await?;
        api.demo = true;
        if api.store.count_clients().await? == 0 {
            crate::demo::fill(&api, crate::demo::DEFAULT_CLIENTS).await?;
        }
        Ok(api)
    }

    /// Records changes under `actor`'s name in the audit log.
    pub fn with_actor(mut self, actor: impl Into<String>) -> Api {
        self.actor = actor.into();
        self
    }

    pub fn atlas(&self) -> &Atlas {
        &self.atlas
    }

    pub async fn info(&self) -> Result<DatabaseInfo> {
        Ok(DatabaseInfo {
            path: self.store.path().display().to_string(),
            demo: self.demo,
            client_count: self.store.count_clients().await?,
        })
    }

    pub async fn create_client(&self, form: ClientForm) -> Result<Client> {
        let client = NewClient::try_from(form)?;
        Ok(self.store.insert_client(&self.actor, &client).await?)
    }

    /// Adds many clients at once. Every form is checked first; if any is invalid
    /// nothing is added and the error names the form (`clients[3].email`).
    pub async fn import_clients(&self, forms: Vec<ClientForm>) -> Result<Vec<Client>> {
        let mut clients = Vec::with_capacity(forms.len());
        let mut invalid = Invalid::default();
        for (index, form) in forms.into_iter().enumerate() {
            match NewClient::try_from(form) {
                Ok(client) => clients.push(client),
                Err(errors) => invalid.0.extend(errors.0.into_iter().map(|mut error| {
                    error.field = format!("clients[{index}].{}", error.field);
                    error
                })),
            }
        }
        if !invalid.0.is_empty() {
            return Err(invalid.into());
        }
        Ok(self.store.insert_clients(&self.actor, &clients).await?)
    }

    pub async fn update_client(&self, id: ClientId, form: ClientForm) -> Result<Client> {
        let client = NewClient::try_from(form)?;
        Ok(self.store.update_client(&self.actor, id, &client).await?)
    }

    /// Removes a client from the list; the record is kept (soft delete).
    pub async fn delete_client(&self, id: ClientId) -> Result<()> {
        Ok(self.store.soft_delete_client(&self.actor, id).await?)
    }

    /// Clients whose name, phone or e-mail contains every word of `query`,
    /// ignoring case and (Latin, Greek, Cyrillic) accents.
    pub async fn search_clients(&self, query: &str) -> Result<Vec<ClientSummary>> {
        let folded = crate::search::fold(query);
        Ok(self.store.search_clients(&folded, SEARCH_LIMIT).await?)
    }

    /// A client with its sessions, newest first.
    pub async fn client_record(&self, id: ClientId) -> Result<ClientRecord> {
        Ok(ClientRecord {
            client: self.store.client(id).await?,
            sessions: self.store.sessions_of_client(id).await?,
        })
    }

    pub async fn create_session(&self, client: ClientId, form: SessionForm) -> Result<Session> {
        let session = NewSession::try_from(form)?;
        Ok(self
            .store
            .insert_session(&self.actor, client, &session)
            .await?)
    }

    /// A session with its findings and amendments.
    pub async fn session(&self, id: SessionId) -> Result<SessionDetail> {
        Ok(SessionDetail {
            session: self.store.session(id).await?,
            findings: self.store.findings(id).await?,
            amendments: self.store.amendments(id).await?,
        })
    }

    pub async fn add_finding(&self, session: SessionId, form: FindingForm) -> Result<Finding> {
        let finding = NewFinding::parse(form, &self.atlas)?;
        Ok(self
            .store
            .insert_finding(&self.actor, session, &finding)
            .await?)
    }

    pub async fn move_finding(&self, id: FindingId, to: FindingMove) -> Result<Finding> {
        let at =
            ChartPoint::parse(to.x, to.y).map_err(|message| Invalid::field("position", message))?;
        Ok(self
            .store
            .move_finding(&self.actor, id, to.view, at)
            .await?)
    }

    pub async fn remove_finding(&self, id: FindingId) -> Result<()> {
        Ok(self.store.remove_finding(&self.actor, id).await?)
    }

    /// Saves a draft's SOAP note and pain scores.
    pub async fn write_note(&self, session: SessionId, form: NoteForm) -> Result<Session> {
        let note = SessionNote::try_from(form)?;
        Ok(self.store.write_note(&self.actor, session, &note).await?)
    }

    /// Signs a note: from now on it is only amended.
    pub async fn sign_note(&self, session: SessionId) -> Result<Session> {
        Ok(self.store.sign_note(&self.actor, session).await?)
    }

    pub async fn amend_note(&self, session: SessionId, form: AmendmentForm) -> Result<Amendment> {
        let amendment = NewAmendment::try_from(form)?;
        Ok(self
            .store
            .insert_amendment(&self.actor, session, &amendment)
            .await?)
    }

    /// The muscles whose referral zones cover a tapped spot, most likely first.
    pub fn find(&self, view: View, x: f64, y: f64) -> Result<Vec<FinderMatch>> {
        let at = ChartPoint::parse(x, y).map_err(|message| Invalid::field("position", message))?;
        Ok(finder::find(&self.atlas, view, at.x(), at.y()))
    }

    /// The audit trail of one record (`client`, `session` or `finding`).
    pub async fn audit_trail(&self, entity: &str, id: i64) -> Result<Vec<AuditEntry>> {
        Ok(self.store.audit_trail(entity, id).await?)
    }

    /// Writes a consistent copy of the database into `folder` as
    /// `myochart-backup-<timestamp>.sqlite` and returns its path.
    pub async fn backup(&self, folder: &Path) -> Result<PathBuf> {
        std::fs::create_dir_all(folder).map_err(|error| Error::File {
            path: folder.to_owned(),
            reason: format!("can't create the backup folder: {error}"),
        })?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let destination = folder.join(format!("myochart-backup-{stamp}.sqlite"));
        if destination.exists() {
            return Err(Error::File {
                path: destination,
                reason: "a backup with this name already exists; wait a second and try again"
                    .into(),
            });
        }
        self.store.backup_to(&destination).await?;
        Ok(destination)
    }

    /// Closes the database cleanly.
    pub async fn close(&self) {
        self.store.close().await;
    }
}

/// The person changes are recorded under: the OS user.
fn current_user() -> String {
    ["USER", "USERNAME"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|user| !user.is_empty()))
        .unwrap_or_else(|| "local user".to_owned())
}
