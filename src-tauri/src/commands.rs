//! Tauri commands: one line each into `myochart::api`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use myochart::api::{self, Api, Backup, DatabaseInfo, Error, RedFlagQuestion, RestorePreview};
use myochart::api::{AuditEntry, HistoryEntry};
use myochart::atlas::{Atlas, View};
use myochart::clinic::ClinicAddress;
use myochart::finder::{FinderMatch, NearbyPoint, Spot};
use myochart::i18n::Untranslated;
use myochart::model::{
    Amendment, AmendmentForm, CheckForm, CheckId, Client, ClientContact, ClientForm, ClientId,
    ClientRecord, ClientSummary, Finding, FindingForm, FindingId, FindingMove, Handout, HandoutId,
    HandoutOptions, Invalid, LogEntry, LogEntryForm, LogEntryId, LogEntryRef, NoteForm, Passphrase,
    PluginId, PracticeLog, RecoveryKey, Session, SessionCheck, SessionDetail, SessionForm,
    SessionId, Settings, SignOffForm, Snippet, SnippetForm, SnippetId, StudentProfile, Unlock,
    UnlockForm,
};
use myochart::plugin::{Assessment, AssessmentScore, PluginInfo};
use myochart::report::{AnonymityWarning, CaseStudyForm, ClassReportForm, Progress, SavedReport};
use tauri::ipc::Channel;
use tauri::{AppHandle, State, Window};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

use crate::shell::Shell;

type Result<T> = std::result::Result<T, Error>;

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn database_info(shell: State<'_, Shell>) -> Result<DatabaseInfo> {
    shell.api().await?.info().await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn check_database(shell: State<'_, Shell>) -> Result<()> {
    shell.check().await
}

/// The clinic the window is on (server, database, who signs in), if any.
#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn clinic(shell: State<'_, Shell>) -> Result<Option<ClinicAddress>> {
    Ok(shell.clinic())
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn sign_in(shell: State<'_, Shell>, window: Window, password: String) -> Result<()> {
    shell.sign_in(&password, &window).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn connect_clinic(
    shell: State<'_, Shell>,
    window: Window,
    address: ClinicAddress,
    password: String,
) -> Result<()> {
    shell.connect_clinic(&address, &password, &window).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn leave_clinic(shell: State<'_, Shell>, window: Window) -> Result<()> {
    shell.leave_clinic(&window).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn open_demo(shell: State<'_, Shell>, window: Window) -> Result<()> {
    shell.open_demo(&window).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn leave_demo(shell: State<'_, Shell>, window: Window) -> Result<()> {
    shell.leave_demo(&window).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn atlas(shell: State<'_, Shell>) -> Result<Atlas> {
    Ok(shell.api().await?.atlas().clone())
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn red_flag_questions(shell: State<'_, Shell>) -> Result<Vec<RedFlagQuestion>> {
    Ok(shell.api().await?.red_flag_questions())
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn search_clients(shell: State<'_, Shell>, query: String) -> Result<Vec<ClientSummary>> {
    shell.api().await?.search_clients(&query).await
}

/// What a clinic's front desk sees of a client.
#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn client_contact(shell: State<'_, Shell>, id: ClientId) -> Result<ClientContact> {
    shell.api().await?.client_contact(id).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn client_record(shell: State<'_, Shell>, id: ClientId) -> Result<ClientRecord> {
    shell.api().await?.client_record(id).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn create_client(shell: State<'_, Shell>, form: ClientForm) -> Result<Client> {
    shell.api().await?.create_client(form).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn update_client(
    shell: State<'_, Shell>,
    id: ClientId,
    form: ClientForm,
) -> Result<Client> {
    shell.api().await?.update_client(id, form).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn create_session(
    shell: State<'_, Shell>,
    client: ClientId,
    form: SessionForm,
) -> Result<Session> {
    shell.api().await?.create_session(client, form).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn session(shell: State<'_, Shell>, id: SessionId) -> Result<SessionDetail> {
    shell.api().await?.session(id).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn add_finding(
    shell: State<'_, Shell>,
    session: SessionId,
    form: FindingForm,
) -> Result<Finding> {
    shell.api().await?.add_finding(session, form).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn move_finding(
    shell: State<'_, Shell>,
    id: FindingId,
    to: FindingMove,
) -> Result<Finding> {
    shell.api().await?.move_finding(id, to).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn remove_finding(shell: State<'_, Shell>, id: FindingId) -> Result<()> {
    shell.api().await?.remove_finding(id).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn restore_finding(shell: State<'_, Shell>, id: FindingId) -> Result<Finding> {
    shell.api().await?.restore_finding(id).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn write_note(
    shell: State<'_, Shell>,
    session: SessionId,
    form: NoteForm,
) -> Result<Session> {
    shell.api().await?.write_note(session, form).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn sign_note(shell: State<'_, Shell>, session: SessionId) -> Result<Session> {
    shell.api().await?.sign_note(session).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn amend_note(
    shell: State<'_, Shell>,
    session: SessionId,
    form: AmendmentForm,
) -> Result<Amendment> {
    shell.api().await?.amend_note(session, form).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn client_history(
    shell: State<'_, Shell>,
    client: ClientId,
) -> Result<Vec<HistoryEntry>> {
    shell.api().await?.client_history(client).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn note_history(shell: State<'_, Shell>, session: SessionId) -> Result<Vec<AuditEntry>> {
    shell.api().await?.note_history(session).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn find(shell: State<'_, Shell>, spots: Vec<Spot>) -> Result<Vec<FinderMatch>> {
    shell.api().await?.find(&spots)
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn nearest_points(
    shell: State<'_, Shell>,
    view: View,
    x: f64,
    y: f64,
) -> Result<Vec<NearbyPoint>> {
    shell.api().await?.nearest_points(view, x, y)
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn add_checks(
    shell: State<'_, Shell>,
    session: SessionId,
    checks: Vec<CheckForm>,
) -> Result<Vec<SessionCheck>> {
    shell.api().await?.add_checks(session, checks).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn remove_check(shell: State<'_, Shell>, id: CheckId) -> Result<()> {
    shell.api().await?.remove_check(id).await
}

/// Puts aside a note kept while the clinic server was away that couldn't be
/// saved, once its text is taken.
#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn forget_kept_note(shell: State<'_, Shell>, session: SessionId) -> Result<()> {
    shell.api().await?.forget_kept_note(session).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn snippets(shell: State<'_, Shell>) -> Result<Vec<Snippet>> {
    shell.api().await?.snippets().await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn create_snippet(shell: State<'_, Shell>, form: SnippetForm) -> Result<Snippet> {
    shell.api().await?.create_snippet(form).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn delete_snippet(shell: State<'_, Shell>, id: SnippetId) -> Result<()> {
    shell.api().await?.delete_snippet(id).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn settings(shell: State<'_, Shell>) -> Result<Settings> {
    shell.api().await?.settings().await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn save_settings(shell: State<'_, Shell>, form: Settings) -> Result<Settings> {
    shell.api().await?.save_settings(form).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn save_handout(
    shell: State<'_, Shell>,
    session: SessionId,
    options: HandoutOptions,
) -> Result<Handout> {
    let folder = api::default_handout_folder();
    shell
        .api()
        .await?
        .save_handout_in(session, options, &folder)
        .await
}

/// What a handout would print in English, for want of a translation.
#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn handout_untranslated(
    shell: State<'_, Shell>,
    session: SessionId,
    options: HandoutOptions,
) -> Result<Vec<Untranslated>> {
    shell
        .api()
        .await?
        .handout_untranslated(session, options)
        .await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn handouts_of_client(shell: State<'_, Shell>, client: ClientId) -> Result<Vec<Handout>> {
    shell.api().await?.handouts_of_client(client).await
}

/// Opens a handout the client was given in the system's PDF viewer, to look at
/// or print. Only recorded handouts: the window can't open arbitrary files.
#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn open_handout(shell: State<'_, Shell>, client: ClientId, id: HandoutId) -> Result<()> {
    open_in_viewer(&shell.api().await?.handout_file(client, id).await?)
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn backup(shell: State<'_, Shell>) -> Result<Backup> {
    let folder = api::default_backup_folder();
    shell.api().await?.backup(&folder).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn backups(shell: State<'_, Shell>) -> Result<Vec<Backup>> {
    shell.backups().await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn restore_preview(shell: State<'_, Shell>, backup: PathBuf) -> Result<RestorePreview> {
    shell.api().await?.restore_preview(&backup).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn restore(shell: State<'_, Shell>, backup: PathBuf) -> Result<()> {
    shell.restore(&backup).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn unlock(shell: State<'_, Shell>, form: UnlockForm) -> Result<()> {
    shell.unlock(&Unlock::parse(&form)?).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn lock(shell: State<'_, Shell>, window: Window) -> Result<()> {
    shell.lock(&window).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn open_read_only(shell: State<'_, Shell>) -> Result<()> {
    shell.open_read_only().await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub fn new_recovery_key() -> Result<String> {
    Ok(Api::new_recovery_key()?.to_string())
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn protect(
    shell: State<'_, Shell>,
    passphrase: String,
    recovery_key: String,
) -> Result<()> {
    let passphrase = Passphrase::parse(&passphrase)?;
    let recovery = RecoveryKey::parse(&recovery_key)?;
    shell.protect(&passphrase, &recovery).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn change_passphrase(
    shell: State<'_, Shell>,
    current: UnlockForm,
    passphrase: String,
) -> Result<()> {
    let current = Unlock::parse(&current)?;
    let new = Passphrase::parse(&passphrase)?;
    shell.api().await?.change_passphrase(&current, &new).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn export_all(shell: State<'_, Shell>) -> Result<PathBuf> {
    let folder = api::default_export_folder();
    shell.api().await?.export_all_in(&folder).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn export_client(shell: State<'_, Shell>, id: ClientId) -> Result<[PathBuf; 2]> {
    let folder = api::default_export_folder();
    shell.api().await?.export_client_in(id, &folder).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn plugins(shell: State<'_, Shell>) -> Result<Vec<PluginInfo>> {
    Ok(shell.api().await?.plugins())
}

/// Approves a plugin once the user said yes in a native dialog naming it, its
/// author and its hash: approving runs its code, so a script in the web view
/// must not be able to approve on its own.
#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn approve_plugin(
    shell: State<'_, Shell>,
    app: AppHandle,
    id: PluginId,
) -> Result<PluginInfo> {
    let api = shell.api().await?;
    let listed = |id| api.plugins().into_iter().find(|p| p.id == Some(id));
    let plugin = listed(id).ok_or_else(|| Invalid::field("plugin", "no such plugin"))?;
    let author = if plugin.author.is_empty() {
        "an unnamed author"
    } else {
        &plugin.author
    };
    let question = format!(
        "Approve \"{}\" {} by {author}?\n\nApproving runs its code on this computer with \
         your permissions: it can read and change anything you can, your clients' records \
         included. Approve only a plugin from an author you trust.\n\n\
         Library: {}\nSHA-256: {}",
        plugin.name, plugin.version, plugin.library, plugin.sha256,
    );
    let dialog = app
        .dialog()
        .message(question)
        .title("Approve a plugin")
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancelCustom(
            "Approve and run it".into(),
            "Cancel".into(),
        ));
    // The dialog waits for the user: not on the async runtime's threads.
    let approved = approved_unasked()
        || tauri::async_runtime::spawn_blocking(move || dialog.blocking_show())
            .await
            .unwrap_or(false);
    if !approved {
        return Err(Invalid::field("plugin", "the approval was cancelled").into());
    }
    // Approve only what the dialog showed: listed anew meanwhile, ask again.
    let same = listed(id).is_some_and(|now| {
        (&now.sha256, &now.name, &now.author) == (&plugin.sha256, &plugin.name, &plugin.author)
    });
    if !same {
        let message = "the plugin changed while you were asked; approve it again";
        return Err(Invalid::field("plugin", message).into());
    }
    api.approve_plugin(id).await
}

/// `MYOCHART_APPROVE_UNASKED=yes` answers the approval dialog yes without
/// showing it, for automated tests of the window: only whoever starts the app
/// can set it, never the web view.
fn approved_unasked() -> bool {
    std::env::var("MYOCHART_APPROVE_UNASKED").is_ok_and(|value| value == "yes")
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn enable_plugin(shell: State<'_, Shell>, id: PluginId) -> Result<PluginInfo> {
    shell.api().await?.enable_plugin(id).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn disable_plugin(shell: State<'_, Shell>, id: PluginId) -> Result<PluginInfo> {
    shell.api().await?.disable_plugin(id).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn assessments(shell: State<'_, Shell>) -> Result<Vec<Assessment>> {
    Ok(shell.api().await?.assessments())
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn score_assessment(
    shell: State<'_, Shell>,
    id: String,
    values: BTreeMap<String, f64>,
) -> Result<AssessmentScore> {
    shell.api().await?.score_assessment(&id, values).await
}

/// Shows the handout in the system's PDF viewer without recording it as given:
/// a look before printing.
#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn preview_handout(
    shell: State<'_, Shell>,
    session: SessionId,
    options: HandoutOptions,
) -> Result<()> {
    let path = shell
        .api()
        .await?
        .write_handout_preview(session, options)
        .await?;
    tauri_plugin_opener::open_path(&path, None::<&str>).map_err(|error| Error::File {
        path,
        reason: format!("can't open it: {error}"),
    })
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn student_profile(shell: State<'_, Shell>) -> Result<StudentProfile> {
    shell.api().await?.student_profile().await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn save_student_profile(
    shell: State<'_, Shell>,
    form: StudentProfile,
) -> Result<StudentProfile> {
    shell.api().await?.save_student_profile(form).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn practice_log(shell: State<'_, Shell>) -> Result<PracticeLog> {
    shell.api().await?.practice_log().await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn add_log_entry(shell: State<'_, Shell>, form: LogEntryForm) -> Result<LogEntry> {
    shell.api().await?.add_log_entry(form).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn delete_log_entry(shell: State<'_, Shell>, id: LogEntryId) -> Result<()> {
    shell.api().await?.delete_log_entry(id).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn sign_off_log_entry(
    shell: State<'_, Shell>,
    entry: LogEntryRef,
    form: SignOffForm,
) -> Result<LogEntry> {
    shell.api().await?.sign_off_log_entry(entry, form).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn export_practice_log(shell: State<'_, Shell>, pdf: bool) -> Result<PathBuf> {
    let folder = api::default_report_folder();
    shell.api().await?.save_practice_log_in(&folder, pdf).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn case_study_warnings(
    shell: State<'_, Shell>,
    form: CaseStudyForm,
) -> Result<Vec<AnonymityWarning>> {
    shell.api().await?.case_study_warnings(form).await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn save_case_study(
    shell: State<'_, Shell>,
    form: CaseStudyForm,
    progress: Channel<Progress>,
) -> Result<SavedReport> {
    let folder = api::default_report_folder();
    let mut report = |step: Progress| {
        let _ = progress.send(step);
    };
    shell
        .api()
        .await?
        .save_case_study_in(form, &folder, &mut report)
        .await
}

#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn save_class_report(
    shell: State<'_, Shell>,
    form: ClassReportForm,
    progress: Channel<Progress>,
) -> Result<SavedReport> {
    let folder = api::default_report_folder();
    let mut report = |step: Progress| {
        let _ = progress.send(step);
    };
    shell
        .api()
        .await?
        .save_class_report_in(form, &folder, &mut report)
        .await
}

/// Opens a file from the reports folder in the system viewer. Only from there:
/// the window can't open arbitrary files.
#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn open_report(path: PathBuf) -> Result<()> {
    open_in_viewer(&api::report_to_open(&api::default_report_folder(), &path)?)
}

/// Opens the folder of the app's logs (ids only, no names or notes) in the
/// file manager, to send to whoever helps when something didn't save.
#[tracing::instrument(skip_all)]
#[tauri::command]
pub async fn open_log_folder() -> Result<()> {
    open_in_viewer(&api::default_log_folder()?)
}

/// Opens a file Myochart wrote in the system's viewer.
fn open_in_viewer(path: &std::path::Path) -> Result<()> {
    tauri_plugin_opener::open_path(path, None::<&str>).map_err(|error| Error::File {
        path: path.to_owned(),
        reason: format!("can't open it: {error}"),
    })
}
