//! Where the app keeps and writes things by default, and the reports it may
//! open.

use super::*;

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

/// Where the app and the CLI write their logs: `logs/` in the app-data folder
/// (`~/.local/share/myochart/logs` on Linux), beside the database. A system
/// without an app-data folder has none (see [`crate::logs::start`]).
pub fn default_log_folder() -> Result<PathBuf> {
    let folder = crate::private::app_folder()
        .ok_or_else(|| Invalid::field("logs", "this system has no folder for application data"))?;
    Ok(folder.join("logs"))
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

/// Where the app writes exports (everything, or a client's record):
/// `MYOCHART_EXPORTS`, else "Myochart exports" in the documents folder.
pub fn default_export_folder() -> PathBuf {
    documents_folder("MYOCHART_EXPORTS", "Myochart exports")
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

/// Where a report or export named `name` goes in `folder`, which is created
/// (this user's only) if need be: `<name> <stamp>.<extension>`, so files sort
/// by when they were made and never overwrite each other.
pub(super) fn stamped_file(folder: &Path, name: &str, extension: &str) -> Result<PathBuf> {
    create_folder(folder)?;
    Ok(folder.join(format!("{name} {}.{extension}", file_stamp())))
}

/// Creates `folder` if it is missing; one it creates is this user's only.
pub(super) fn create_folder(folder: &Path) -> Result<()> {
    crate::private::create_folder(folder).map_err(|error| Error::File {
        path: folder.to_owned(),
        reason: format!("can't create the folder: {error}"),
    })
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
