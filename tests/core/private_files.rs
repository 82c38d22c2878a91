//! Health data on disk is this user's only: the database and its journal
//! files, backups, handouts and previews, and the folders the app makes. The
//! app cleans only what it wrote, and never falls back on a shared folder.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use myochart::api::Api;
use myochart::model::{ClientForm, HandoutOptions, SessionForm};

use crate::helpers::{trapezius_finding, TestDb};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

#[tokio::test]
async fn the_database_backups_and_handouts_are_the_users_only() {
    let dir = tempfile::tempdir().expect("temp");
    // A folder the app creates, whatever the umask.
    let path = dir.path().join("new folder").join("clinic.sqlite");
    let api = Api::open(&path).await.expect("open");
    let client = api
        .create_client(ClientForm {
            first_name: "Anna".into(),
            ..ClientForm::default()
        })
        .await
        .expect("client");
    let form = SessionForm {
        session_date: "2026-11-20".into(),
        therapist: String::new(),
    };
    let session = api.create_session(client.id, form).await.expect("session");
    api.add_finding(session.id, trapezius_finding())
        .await
        .expect("finding");
    assert_eq!(mode(path.parent().expect("folder")), 0o700);
    for file in [
        path.clone(),
        with_suffix(&path, "-wal"),
        with_suffix(&path, "-shm"),
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    let backups = dir.path().join("backups");
    let backup = api.backup(&backups).await.expect("backup");
    assert_eq!((mode(&backups), mode(&backup.path)), (0o700, 0o600));
    let handout = dir.path().join("handout.pdf");
    api.save_handout(session.id, HandoutOptions::default(), &handout)
        .await
        .expect("handout");
    assert_eq!(mode(&handout), 0o600);
    let preview = api
        .write_handout_preview(session.id, HandoutOptions::default())
        .await
        .expect("preview");
    assert_eq!(mode(&preview), 0o600);
    api.close().await;
}

#[tokio::test]
async fn an_older_databases_open_files_are_closed_when_it_is_opened() {
    let db = TestDb::new().await;
    db.client("Anna", "").await;
    db.api.close().await;
    for file in [db.path(), with_suffix(&db.path(), "-wal")] {
        if file.exists() {
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        }
    }
    let reopened = Api::open(&db.path()).await.expect("reopen");
    assert_eq!(mode(&db.path()), 0o600);
    reopened.close().await;
}

#[tokio::test]
async fn previews_replace_only_the_apps_own_files() {
    let db = TestDb::new().await;
    let client = db.client("Anna", "").await;
    let session = db.session(&client).await;
    db.api
        .add_finding(session.id, trapezius_finding())
        .await
        .expect("finding");
    // The user's own folder called "previews" beside the database, and a file
    // of theirs put in the app's previews folder: neither is touched.
    let theirs = db.dir.path().join("previews");
    std::fs::create_dir(&theirs).expect("folder");
    std::fs::write(theirs.join("holiday.jpg"), b"mine").expect("file");
    let first = db
        .api
        .write_handout_preview(session.id, HandoutOptions::default())
        .await
        .expect("preview");
    let folder = first.parent().expect("folder").to_owned();
    std::fs::write(folder.join("notes.txt"), b"mine too").expect("file");
    let second = db
        .api
        .write_handout_preview(session.id, HandoutOptions::default())
        .await
        .expect("preview again");
    assert!(theirs.join("holiday.jpg").exists());
    assert!(folder.join("notes.txt").exists());
    assert!(second.exists());
    let pdfs = std::fs::read_dir(&folder)
        .expect("list")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        })
        .count();
    assert_eq!(pdfs, 1, "the earlier preview was replaced");
}

/// A system without an app-data folder (no home directory: an account without
/// a passwd entry and no `HOME`) is told to name a database, not given one in
/// the shared temp folder. Switching accounts needs root, as CI has.
#[test]
fn without_an_app_data_folder_the_cli_asks_for_a_database() {
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.starts_with(b"0\n"));
    if !is_root {
        eprintln!("skipped: switching to an account without a home needs root");
        return;
    }
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=54321", "--regid=54321", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_myochart"))
        .args(["client", "list"])
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .current_dir("/")
        .output()
        .expect("run setpriv");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("pass --db PATH or set MYOCHART_DB"),
        "{stderr}"
    );
}

#[test]
fn only_reports_the_app_wrote_can_be_opened_and_the_checked_file_is_the_one_opened() {
    let dir = tempfile::tempdir().expect("temp");
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).expect("folder");
    let report = reports.join("log.pdf");
    std::fs::write(&report, b"%PDF").expect("file");
    let opened = myochart::api::report_to_open(&reports, &report).expect("allowed");
    assert_eq!(opened, report.canonicalize().expect("canonical"));
    // A script, a link out of the folder, a path climbing out, a folder.
    let script = reports.join("run.sh");
    std::fs::write(&script, b"echo").expect("file");
    let secret = dir.path().join("secret.pdf");
    std::fs::write(&secret, b"%PDF").expect("file");
    let link = reports.join("link.pdf");
    std::os::unix::fs::symlink(&secret, &link).expect("link");
    let climbing = reports.join("..").join("secret.pdf");
    let folder = reports.join("more.pdf");
    std::fs::create_dir(&folder).expect("folder");
    for refused in [script, link, climbing, folder, reports.join("missing.pdf")] {
        let error = myochart::api::report_to_open(&reports, &refused).expect_err("refused");
        assert!(
            error.to_string().contains(&refused.display().to_string()),
            "{error}"
        );
    }
}
