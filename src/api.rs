//! The one façade the app, the CLI and the tests use. Transport-agnostic: every
//! call takes forms or ids and returns records or an [`Error`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

use crate::atlas::{Atlas, RedFlag, Side, View};
pub use crate::error::{Code, Error, ErrorBody};
use crate::finder::{self, FinderMatch, NearbyPoint, Spot};
use crate::handout::{self, Sheet};
use crate::model::{
    finding_cautions, red_flag_warnings, Amendment, AmendmentForm, ChartPoint, CheckForm, CheckId,
    Client, ClientForm, ClientId, ClientRecord, ClientSummary, Finding, FindingForm, FindingId,
    FindingMove, Invalid, NewAmendment, NewClient, NewFinding, NewSession, NewSnippet, NoteForm,
    Session, SessionCheck, SessionDetail, SessionForm, SessionId, SessionNote, Snippet,
    SnippetForm, SnippetId,
};
use crate::model::{Handout, HandoutOptions, Settings};
use crate::model::{
    LogEntry, LogEntryForm, LogEntryId, LogEntryRef, NewLogEntry, PracticeLog, SignOff,
    SignOffForm, StudentProfile,
};
use crate::plugin::{Assessment, AssessmentScore, PluginHost, PluginInfo, PluginOptions};
use crate::report::{
    AnonymityWarning, CaseStudy, CaseStudyForm, CaseStudyRequest, ClassReport, ClassReportForm,
    ClientNames, ClientSessions, OnProgress, SavedReport, SessionRecord, Steps,
};
use crate::store::{AuditEntry, NewHandout, Store};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How many clients a search returns at most.
pub const SEARCH_LIMIT: u32 = 100;

/// The database file used when none is given: `MYOCHART_DB`, else
/// `myochart.sqlite` in the OS app-data folder. A system without one gets no
/// silent stand-in (the shared temp folder would expose the records): it is
/// told to name a file.
pub fn default_database_path() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("MYOCHART_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let folder = crate::private::app_folder().ok_or_else(|| {
        Invalid::field(
            "db",
            "this system has no folder for application data: pass --db PATH or set MYOCHART_DB",
        )
    })?;
    Ok(folder.join("myochart.sqlite"))
}

/// Where the app saves handouts: `MYOCHART_HANDOUTS`, else "Myochart handouts"
/// in the documents folder.
pub fn default_handout_folder() -> PathBuf {
    documents_folder("MYOCHART_HANDOUTS", "Myochart handouts")
}

/// Where the app writes backups: `MYOCHART_BACKUPS`, else "Myochart backups" in
/// the documents folder.
pub fn default_backup_folder() -> PathBuf {
    documents_folder("MYOCHART_BACKUPS", "Myochart backups")
}

/// Where the app saves students' logs and reports: `MYOCHART_REPORTS`, else
/// "Myochart reports" in the documents folder.
pub fn default_report_folder() -> PathBuf {
    documents_folder("MYOCHART_REPORTS", "Myochart reports")
}

/// The file a request to open a report names, if it is one the app may open:
/// a PDF or CSV inside the reports `folder`, once links and `..` are resolved.
/// The returned path is the resolved one, so what was checked is what opens.
pub fn report_to_open(folder: &Path, path: &Path) -> Result<PathBuf> {
    let refuse = |reason: &str| Error::File {
        path: path.to_owned(),
        reason: reason.into(),
    };
    let resolved = path
        .canonicalize()
        .map_err(|error| refuse(&format!("can't find it: {error}")))?;
    let inside = folder
        .canonicalize()
        .is_ok_and(|folder| resolved.starts_with(folder));
    let kind = resolved.extension().and_then(|e| e.to_str());
    let report =
        matches!(kind, Some(e) if e.eq_ignore_ascii_case("pdf") || e.eq_ignore_ascii_case("csv"));
    if !inside || !report || !resolved.is_file() {
        return Err(refuse("only reports saved by Myochart can be opened here"));
    }
    Ok(resolved)
}

/// Local date and time for a file name, so saved files sort by when they were
/// made and never overwrite each other: `2026-11-25 16.47.02`.
pub fn file_stamp() -> String {
    chrono::Local::now().format("%Y-%m-%d %H.%M.%S").to_string()
}

fn documents_folder(variable: &str, name: &str) -> PathBuf {
    if let Some(path) = std::env::var_os(variable).filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    dirs::document_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(std::env::temp_dir)
        .join(name)
}

/// The demo database that belongs beside `database`: never the same file, so demo
/// data is never mixed into real records.
pub fn demo_database_path(database: &Path) -> PathBuf {
    database.with_extension("demo.sqlite")
}

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
    pub path: String,
    /// A demo database, filled with made-up clients.
    pub demo: bool,
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
}

/// Every client's full name for reports, with the audit-log entry it was read
/// at: the case-study warnings are asked again as the student types, and with
/// 100,000 clients reading and indexing the names takes about half a second.
type ClientNamesCache = tokio::sync::Mutex<Option<(i64, Arc<ClientNames>)>>;

impl Api {
    /// Opens (creating and migrating if needed) the database at `path`.
    pub async fn open(path: &Path) -> Result<Api> {
        Ok(Api {
            store: Store::open(path).await?,
            plugins: Arc::new(PluginHost::without_plugins()),
            actor: current_user(),
            demo: false,
            client_names: Arc::default(),
        })
    }

    /// Opens the database at `path` like [`Api::open`], with the plugins in
    /// `plugins.dirs`: new or changed ones are listed as awaiting approval,
    /// approved and enabled ones are probed, loaded and join the atlas. A
    /// plugin that fails is listed with its reason; the others still load.
    pub async fn open_with_plugins(path: &Path, plugins: PluginOptions) -> Result<Api> {
        let mut api = Api::open(path).await?;
        api.plugins = Arc::new(PluginHost::start(plugins, &api.store, &api.actor).await?);
        Ok(api)
    }

    /// Opens the demo database at `path`, filling it with demo clients the first
    /// time.
    pub async fn open_demo(path: &Path, plugins: PluginOptions) -> Result<Api> {
        let mut api = Api::open_with_plugins(path, plugins).await?;
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

    /// The atlas as it is now: plugins can be enabled and disabled while the
    /// app runs.
    pub fn atlas(&self) -> Atlas {
        Atlas::clone(&self.plugins.atlas())
    }

    /// Every plugin found in the plugins folders, with its state.
    pub fn plugins(&self) -> Vec<PluginInfo> {
        self.plugins.plugins()
    }

    /// Approves a plugin's library as it is on disk now (its SHA-256), then
    /// probes it in a child process, loads it and adds its content. A plugin
    /// that fails to load comes back with state `failed` and the reason.
    pub async fn approve_plugin(&self, id: i64) -> Result<PluginInfo> {
        self.plugins.approve(&self.store, &self.actor, id).await
    }

    /// Shows or hides an approved plugin's content. A disabled plugin's library
    /// stays loaded until the app restarts; findings charted on its muscles
    /// keep their labels.
    pub async fn enable_plugin(&self, id: i64, enabled: bool) -> Result<PluginInfo> {
        self.plugins
            .set_enabled(&self.store, &self.actor, id, enabled)
            .await
    }

    /// The enabled plugins' assessments (forms scored by their plugin).
    pub fn assessments(&self) -> Vec<Assessment> {
        self.plugins.assessments()
    }

    /// Scores an assessment: `values` are the measured values by field id.
    pub async fn score_assessment(
        &self,
        id: &str,
        values: BTreeMap<String, f64>,
    ) -> Result<AssessmentScore> {
        self.plugins.score(id, &values).await
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

    /// A client with its red-flag warnings and its sessions, newest first.
    pub async fn client_record(&self, id: ClientId) -> Result<ClientRecord> {
        let client = self.store.client(id).await?;
        Ok(ClientRecord {
            warnings: red_flag_warnings(&client),
            unasked_red_flags: client.unasked_red_flags(),
            sessions: self.store.sessions_of_client(id).await?,
            client,
        })
    }

    /// The red-flag questions of the intake form, in order.
    pub fn red_flag_questions(&self) -> Vec<RedFlagQuestion> {
        RedFlag::ALL
            .iter()
            .map(|&flag| RedFlagQuestion {
                flag,
                question: flag.question().to_owned(),
            })
            .collect()
    }

    pub async fn create_session(&self, client: ClientId, form: SessionForm) -> Result<Session> {
        let session = NewSession::try_from(form)?;
        Ok(self
            .store
            .insert_session(&self.actor, client, &session)
            .await?)
    }

    /// A session with everything charting it needs: findings, amendments, the
    /// client's red flags and the cautions they raise, last session's findings for
    /// comparison, and the muscles still to check.
    pub async fn session(&self, id: SessionId) -> Result<SessionDetail> {
        let session = self.store.session(id).await?;
        let client = self.store.client(session.client_id).await?;
        let findings = self.store.findings(id).await?;
        Ok(SessionDetail {
            warnings: red_flag_warnings(&client),
            cautions: finding_cautions(&client, &findings, &self.plugins.atlas()),
            earlier_findings: self.store.earlier_findings(id).await?,
            checks: self.store.checks(id).await?,
            amendments: self.store.amendments(id).await?,
            findings,
            session,
        })
    }

    pub async fn add_finding(&self, session: SessionId, form: FindingForm) -> Result<Finding> {
        let finding = NewFinding::parse(form, &self.plugins.atlas())?;
        Ok(self
            .store
            .insert_finding(&self.actor, session, &finding)
            .await?)
    }

    pub async fn move_finding(&self, id: FindingId, to: FindingMove) -> Result<Finding> {
        let at =
            ChartPoint::parse(to.x, to.y).map_err(|message| Invalid::field("position", message))?;
        // Dragged clearly across the midline: the point is now on the other side.
        let side = match to.side {
            Some(side) => Some(
                Side::checked(side, to.view, at.x())
                    .map_err(|message| Invalid::field("side", message))?,
            ),
            None => Side::required(to.view, at.x()),
        };
        Ok(self
            .store
            .move_finding(&self.actor, id, to.view, at, side)
            .await?)
    }

    pub async fn remove_finding(&self, id: FindingId) -> Result<()> {
        Ok(self.store.remove_finding(&self.actor, id).await?)
    }

    /// Undoes [`Api::remove_finding`].
    pub async fn restore_finding(&self, id: FindingId) -> Result<Finding> {
        Ok(self.store.restore_finding(&self.actor, id).await?)
    }

    /// Adds muscles the finder suggested to the session's list to check.
    pub async fn add_checks(
        &self,
        session: SessionId,
        forms: Vec<CheckForm>,
    ) -> Result<Vec<SessionCheck>> {
        let mut checks = Vec::with_capacity(forms.len());
        let atlas = self.plugins.atlas();
        for form in forms {
            let muscle = atlas.muscle(&form.muscle_id).ok_or_else(|| {
                Invalid::field("muscleId", format!("unknown muscle \"{}\"", form.muscle_id))
            })?;
            checks.push((form.muscle_id, muscle.name.clone(), form.side));
        }
        Ok(self
            .store
            .insert_checks(&self.actor, session, &checks)
            .await?)
    }

    /// Drops a muscle from the list to check.
    pub async fn remove_check(&self, id: CheckId) -> Result<()> {
        Ok(self.store.delete_check(&self.actor, id).await?)
    }

    /// The therapist's reusable text snippets.
    pub async fn snippets(&self) -> Result<Vec<Snippet>> {
        Ok(self.store.snippets().await?)
    }

    pub async fn create_snippet(&self, form: SnippetForm) -> Result<Snippet> {
        let snippet = NewSnippet::try_from(form)?;
        Ok(self.store.insert_snippet(&self.actor, &snippet).await?)
    }

    pub async fn delete_snippet(&self, id: SnippetId) -> Result<()> {
        Ok(self.store.delete_snippet(&self.actor, id).await?)
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

    /// The muscles whose referral zones cover the client's pain drawing (one or
    /// more spots, on any views), most likely first.
    pub fn find(&self, spots: &[Spot]) -> Result<Vec<FinderMatch>> {
        if spots.is_empty() {
            return Err(Invalid::field("spots", "Tap where the client feels the pain").into());
        }
        for spot in spots {
            ChartPoint::parse(spot.x.into(), spot.y.into())
                .map_err(|message| Invalid::field("spots", message))?;
        }
        Ok(finder::find(&self.plugins.atlas(), spots))
    }

    /// The trigger points nearest a tapped spot: what the therapist is most likely
    /// pressing on when charting a finding there.
    pub fn nearest_points(&self, view: View, x: f64, y: f64) -> Result<Vec<NearbyPoint>> {
        let at = ChartPoint::parse(x, y).map_err(|message| Invalid::field("position", message))?;
        Ok(finder::nearest_points(
            &self.plugins.atlas(),
            view,
            at.x(),
            at.y(),
        ))
    }

    /// The audit trail of one record (`client`, `session` or `finding`).
    pub async fn audit_trail(&self, entity: &str, id: i64) -> Result<Vec<AuditEntry>> {
        Ok(self.store.audit_trail(entity, id).await?)
    }

    /// The practice's settings: clinic, therapist, contact and paper size.
    pub async fn settings(&self) -> Result<Settings> {
        Ok(self.store.settings().await?)
    }

    pub async fn save_settings(&self, form: Settings) -> Result<Settings> {
        let settings = Settings::parse(form)?;
        Ok(self.store.save_settings(&self.actor, &settings).await?)
    }

    /// The home-care handout of a session as PDF bytes, for a preview.
    pub async fn handout_pdf(
        &self,
        session: SessionId,
        options: HandoutOptions,
    ) -> Result<Vec<u8>> {
        let (sheet, _, _) = self.handout_sheet(session, options).await?;
        Ok(handout::render(&sheet))
    }

    /// Writes a session's handout for a look in the system's PDF viewer, not
    /// recorded as given: into a folder beside the database that only this
    /// user can open (not the shared temp folder, where other accounts could
    /// read a client's name and points), named after the database file so it
    /// is the app's own. Earlier previews are removed, and nothing else.
    pub async fn write_handout_preview(
        &self,
        session: SessionId,
        options: HandoutOptions,
    ) -> Result<PathBuf> {
        let pdf = self.handout_pdf(session, options).await?;
        let mut name = self.store.path().as_os_str().to_owned();
        name.push("-previews");
        let folder = PathBuf::from(name);
        let fail = |error: std::io::Error| Error::File {
            path: folder.clone(),
            reason: format!("can't prepare the previews folder: {error}"),
        };
        crate::private::create_folder(&folder).map_err(fail)?;
        crate::private::restrict(&folder).map_err(fail)?;
        for entry in std::fs::read_dir(&folder).map_err(fail)? {
            let path = entry.map_err(fail)?.path();
            let ours = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(PREVIEW_PREFIX) && n.ends_with(".pdf"));
            if ours && path.is_file() {
                std::fs::remove_file(&path).map_err(fail)?;
            }
        }
        let path = folder.join(format!("{PREVIEW_PREFIX}{session}.pdf"));
        handout::save(&path, &pdf)?;
        Ok(path)
    }

    /// Saves a session's handout as a PDF at `path` and records that the client
    /// was given it. The file appears whole or not at all.
    pub async fn save_handout(
        &self,
        session: SessionId,
        options: HandoutOptions,
        path: &Path,
    ) -> Result<Handout> {
        let (sheet, client, options) = self.handout_sheet(session, options).await?;
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        handout::save(&path, &handout::render(&sheet))?;
        let file_path = path.display().to_string();
        let recorded = self
            .store
            .insert_handout(
                &self.actor,
                NewHandout {
                    session,
                    client,
                    paper: sheet.paper,
                    file_path: &file_path,
                    options: &options,
                },
            )
            .await;
        // A handout on disk that the record doesn't list would look like it was
        // never given: keep the two in step.
        if recorded.is_err() {
            let _ = std::fs::remove_file(&path);
        }
        Ok(recorded?)
    }

    /// Saves a session's handout into `folder` (created if needed) under a name a
    /// person can find again: "Home care - <first name> - <date>.pdf", with
    /// " (2)", " (3)"... when that name is taken.
    pub async fn save_handout_in(
        &self,
        session: SessionId,
        options: HandoutOptions,
        folder: &Path,
    ) -> Result<Handout> {
        std::fs::create_dir_all(folder).map_err(|error| Error::File {
            path: folder.to_owned(),
            reason: format!("can't create the handouts folder: {error}"),
        })?;
        let detail = self.store.session(session).await?;
        let client = self.store.client(detail.client_id).await?;
        let stem = format!(
            "Home care - {} - {}",
            client.first_name, detail.session_date
        );
        // Keep the name a name on every system: no folder separators, control
        // characters or what Windows reserves.
        let stem: String = stem
            .chars()
            .map(|c| {
                if c.is_control() || r#"/\:*?"<>|"#.contains(c) {
                    '-'
                } else {
                    c
                }
            })
            .collect();
        let path = (1..)
            .map(|n| match n {
                1 => folder.join(format!("{stem}.pdf")),
                n => folder.join(format!("{stem} ({n}).pdf")),
            })
            .find(|path| !path.exists())
            .unwrap_or_else(|| folder.join(format!("{stem}.pdf")));
        self.save_handout(session, options, &path).await
    }

    /// The handouts a client was given, newest first.
    pub async fn handouts_of_client(&self, client: ClientId) -> Result<Vec<Handout>> {
        self.store.client(client).await?;
        Ok(self.store.handouts_of_client(client).await?)
    }

    /// What a session's handout says, its client, and the checked options.
    async fn handout_sheet(
        &self,
        session: SessionId,
        options: HandoutOptions,
    ) -> Result<(Sheet, ClientId, HandoutOptions)> {
        let options = options.parse()?;
        let session = self.store.session(session).await?;
        let findings = self.store.findings(session.id).await?;
        if findings.is_empty() {
            return Err(Invalid::field(
                "findings",
                format!(
                    "session {} has no charted trigger points yet; chart at least one \
                     before printing a handout",
                    session.id
                ),
            )
            .into());
        }
        let client = self.store.client(session.client_id).await?;
        let settings = self.store.settings().await?;
        let sheet = Sheet::new(
            &settings,
            &client.first_name,
            &session,
            &findings,
            &self.plugins.atlas(),
            &options,
        );
        Ok((sheet, client.id, options))
    }

    /// Writes a consistent copy of the database into `folder` as
    /// `myochart-backup-<timestamp>.sqlite` and returns its path.
    pub async fn backup(&self, folder: &Path) -> Result<PathBuf> {
        crate::private::create_folder(folder).map_err(|error| Error::File {
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
        self.record_copy("database.backup", ("database", 0), &destination)
            .await?;
        Ok(destination)
    }

    /// Closes the database cleanly.
    pub async fn close(&self) {
        self.store.close().await;
    }

    /// Records in the audit log that records were copied out (a backup, an
    /// export) to `path`: they are health data, now outside the database.
    async fn record_copy(&self, action: &str, entity: (&str, i64), path: &Path) -> Result<()> {
        let path = path.display().to_string();
        Ok(self
            .store
            .record_copy(&self.actor, action, entity, &path)
            .await?)
    }
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

/// Students: the profile, the practice log and the reports.
impl Api {
    /// The student mode of the settings.
    pub async fn student_profile(&self) -> Result<StudentProfile> {
        Ok(self.store.student_profile().await?)
    }

    pub async fn save_student_profile(&self, form: StudentProfile) -> Result<StudentProfile> {
        let profile = StudentProfile::parse(form)?;
        Ok(self
            .store
            .save_student_profile(&self.actor, &profile)
            .await?)
    }

    /// The practice log, oldest first: charted sessions (a signed note or at
    /// least one finding) count by themselves, with the entries added by hand,
    /// and the totals against the profile's requirement.
    pub async fn practice_log(&self) -> Result<PracticeLog> {
        let profile = self.store.student_profile().await?;
        let rows = self.store.log_rows().await?;
        let charted = self.store.charted_sessions().await?;
        Ok(crate::report::practice_log(
            profile,
            rows,
            charted,
            &self.plugins.atlas(),
        ))
    }

    /// Adds practice that was not charted here.
    pub async fn add_log_entry(&self, form: LogEntryForm) -> Result<LogEntry> {
        let entry = NewLogEntry::try_from(form)?;
        Ok(self.store.insert_log_entry(&self.actor, &entry).await?)
    }

    /// Changes an entry added by hand; a signed-off one is locked
    /// ([`Code::SignedEntry`]).
    pub async fn update_log_entry(&self, id: LogEntryId, form: LogEntryForm) -> Result<LogEntry> {
        let entry = NewLogEntry::try_from(form)?;
        Ok(self.store.update_log_entry(&self.actor, id, &entry).await?)
    }

    /// Removes an entry added by hand (soft delete); not a signed-off one.
    pub async fn delete_log_entry(&self, id: LogEntryId) -> Result<()> {
        Ok(self.store.delete_log_entry(&self.actor, id).await?)
    }

    /// A supervisor signs an entry off; from then on it is locked. A charted
    /// session is signed off as the log shows it now.
    pub async fn sign_off_log_entry(
        &self,
        entry: LogEntryRef,
        form: SignOffForm,
    ) -> Result<LogEntry> {
        let sign_off = SignOff::try_from(form)?;
        let session = match entry {
            LogEntryRef::Entry(id) => {
                return Ok(self
                    .store
                    .sign_off_log_entry(&self.actor, id, &sign_off)
                    .await?)
            }
            LogEntryRef::Session(id) => id,
        };
        let log = self.practice_log().await?;
        match log.entries.iter().find(|e| e.session_id == Some(session)) {
            Some(signed) if signed.is_signed_off() => Err(crate::store::Error::SignedEntry.into()),
            Some(entry) => Ok(self
                .store
                .sign_off_session(&self.actor, entry, &sign_off)
                .await?),
            None => {
                self.store.session(session).await?;
                Err(Invalid::field(
                    "session",
                    format!(
                        "session {session} has nothing charted yet; chart a finding or \
                         sign its note before it counts as practice"
                    ),
                )
                .into())
            }
        }
    }

    /// The practice log as CSV (RFC 4180, UTF-8).
    pub async fn practice_log_csv(&self) -> Result<String> {
        Ok(crate::report::log_csv(&self.practice_log().await?))
    }

    /// Saves the practice log as CSV at `path`; the file appears whole or not
    /// at all.
    pub async fn save_practice_log_csv(&self, path: &Path) -> Result<PathBuf> {
        let csv = self.practice_log_csv().await?;
        let path = save_file(path, csv.as_bytes())?;
        self.record_copy(PRACTICE_LOG_EXPORT, ("database", 0), &path)
            .await?;
        Ok(path)
    }

    /// Saves the review sheet of one atlas region (`core:leg`) at `path`: each
    /// muscle with its points and zones drawn, for a clinician to check.
    pub async fn save_atlas_sheet(&self, region: &str, path: &Path) -> Result<PathBuf> {
        let atlas = self.plugins.atlas();
        let Some(found) = atlas.region(region) else {
            let known: Vec<&str> = atlas.regions().map(|r| r.id.as_str()).collect();
            return Err(Invalid::field(
                "region",
                format!("no region {region:?}; the regions are {}", known.join(", ")),
            )
            .into());
        };
        let paper = self.store.settings().await?.paper;
        save_file(path, &crate::report::atlas_sheet(&atlas, found, paper))
    }

    /// Saves the practice log as a PDF for the school at `path`.
    pub async fn save_practice_log_pdf(&self, path: &Path) -> Result<PathBuf> {
        let log = self.practice_log().await?;
        let paper = self.store.settings().await?.paper;
        let path = save_file(path, &crate::report::log_pdf(&log, paper))?;
        self.record_copy(PRACTICE_LOG_EXPORT, ("database", 0), &path)
            .await?;
        Ok(path)
    }

    /// Where a case study's free text names the client (it would print their
    /// code instead), so the student can reword it before saving.
    pub async fn case_study_warnings(&self, form: CaseStudyForm) -> Result<Vec<AnonymityWarning>> {
        Ok(self.case_study(form).await?.warnings)
    }

    /// Saves an anonymised case-study report at `path`, telling `on_progress`
    /// how far it is. Its warnings list where the client's identity was found
    /// and replaced.
    pub async fn save_case_study(
        &self,
        form: CaseStudyForm,
        path: &Path,
        on_progress: OnProgress<'_>,
    ) -> Result<SavedReport> {
        let client = form.client_id;
        let study = self.case_study(form).await?;
        let mut steps = Steps::start(study.steps() + 1, "Gathering the sessions", on_progress);
        let pdf = study.render(&mut steps);
        steps.next("Saving the file");
        let path = save_file(path, &pdf)?;
        self.record_copy("export.case-study", ("client", client.0), &path)
            .await?;
        steps.finish("Saved");
        Ok(SavedReport {
            path: path.display().to_string(),
            warnings: study.warnings,
        })
    }

    /// Saves a class report over several clients at `path`: portrait pages, or
    /// landscape slides.
    pub async fn save_class_report(
        &self,
        form: ClassReportForm,
        path: &Path,
        on_progress: OnProgress<'_>,
    ) -> Result<SavedReport> {
        // Each client once, in the order chosen.
        let mut ids = form.client_ids;
        let mut seen = std::collections::HashSet::new();
        ids.retain(|id| seen.insert(*id));
        if ids.is_empty() {
            return Err(Invalid::field("clientIds", "Choose at least one client").into());
        }
        let (from, to) = (open_range("1900-01-01"), open_range("9999-12-31"));
        let mut clients = Vec::with_capacity(ids.len());
        for id in ids {
            let sessions = self.store.sessions_between(id, from, to).await?;
            clients.push(ClientSessions {
                client_id: id,
                sessions: self.session_records(sessions).await?,
            });
        }
        if clients.iter().all(|c| c.sessions.is_empty()) {
            return Err(Invalid::field(
                "clientIds",
                "none of these clients has a session yet; a class report needs at least one",
            )
            .into());
        }
        let profile = self.store.student_profile().await?;
        let paper = self.store.settings().await?.paper;
        let report = ClassReport::new(&clients, &profile, &self.plugins.atlas(), paper);
        let mut steps = Steps::start(report.steps() + 1, "Gathering the sessions", on_progress);
        let pdf = report.render(form.slides, &mut steps);
        steps.next("Saving the file");
        let path = save_file(path, &pdf)?;
        for client in &clients {
            self.record_copy("export.class-report", ("client", client.client_id.0), &path)
                .await?;
        }
        steps.finish("Saved");
        Ok(SavedReport {
            path: path.display().to_string(),
            warnings: Vec::new(),
        })
    }

    /// A case study gathered and anonymised, ready to render.
    async fn case_study(&self, form: CaseStudyForm) -> Result<CaseStudy> {
        let request = CaseStudyRequest::try_from(form)?;
        let client = self.store.client(request.client_id).await?;
        let sessions = self
            .store
            .sessions_between(client.id, request.from, request.to)
            .await?;
        if sessions.is_empty() {
            return Err(Invalid::field(
                "from",
                format!(
                    "client {} has no sessions from {} to {}; choose another range",
                    crate::model::client_code(client.id),
                    request.from,
                    request.to
                ),
            )
            .into());
        }
        let records = self.session_records(sessions).await?;
        let profile = self.store.student_profile().await?;
        let paper = self.store.settings().await?.paper;
        Ok(CaseStudy::new(
            &client,
            &records,
            &request.reflection,
            &profile,
            &self.plugins.atlas(),
            paper,
            self.client_names().await?,
        ))
    }

    /// Every client's full name, read again only when something was written
    /// since (here, in another window or by the CLI).
    async fn client_names(&self) -> Result<Arc<ClientNames>> {
        let latest = self.store.latest_change().await?;
        let mut cached = self.client_names.lock().await;
        if let Some((seen, names)) = cached.as_ref() {
            if *seen == latest {
                return Ok(names.clone());
            }
        }
        let rows = self.store.client_names().await?;
        let names = Arc::new(ClientNames::new(
            rows.iter()
                .map(|(first, last)| (first.as_str(), last.as_str())),
        ));
        *cached = Some((latest, names.clone()));
        Ok(names)
    }

    async fn session_records(
        &self,
        sessions: Vec<crate::model::Session>,
    ) -> Result<Vec<SessionRecord>> {
        let mut records = Vec::with_capacity(sessions.len());
        for session in sessions {
            records.push(SessionRecord {
                findings: self.store.findings(session.id).await?,
                amendments: self.store.amendments(session.id).await?,
                session,
            });
        }
        Ok(records)
    }
}

/// Writes a report through a temporary file and a rename (as handouts are),
/// returning the absolute path.
fn save_file(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    handout::save(&path, bytes)?;
    Ok(path)
}

/// A bound of an open date range; the literals are valid dates.
fn open_range(iso: &str) -> crate::model::IsoDate {
    crate::model::IsoDate::parse(iso).unwrap_or_else(|_| crate::model::IsoDate::today())
}
