//! Issue 11: backups are checked before they count, encrypted like the
//! database, listed with what they hold, and restored all or nothing; a
//! damaged database opens with a clear message and can be restored.

use std::path::Path;

use myochart::api::{self, Access, Api, Code};
use myochart::model::{Passphrase, Unlock};
use myochart::plugin::{PluginOptions, PluginProcess};

use crate::helpers::TestDb;

async fn clients(api: &Api) -> usize {
    api.search_clients("").await.expect("list").len()
}

#[tokio::test]
async fn a_restore_shows_what_changes_keeps_the_database_aside_and_brings_the_backup_back() {
    let db = TestDb::new().await;
    db.client("Ελένη", "Νικολάου").await;
    let folder = db.dir.path().join("backups");
    let backup = db.api.backup(&folder).await.expect("backup");
    let held = backup.contents.as_ref().expect("checked");
    assert_eq!((held.clients, held.rows["clients"]), (1, 1));
    db.client("สมหญิง", "ใจดี").await;

    let preview = db.api.restore_preview(&backup.path).await.expect("preview");
    assert_eq!((preview.current.clients, preview.backup.clients), (2, 1));
    assert!(preview.changes_lost >= 1, "{preview:?}");

    let api = db
        .api
        .clone()
        .restore(&backup.path)
        .await
        .expect("restored");
    assert_eq!(clients(&api).await, 1);
    let trail = api.audit_trail("database", 0).await.expect("trail");
    let restore = trail.last().expect("an entry");
    assert_eq!(restore.action, "database.restore");
    // The database as it was is kept beside it, whole.
    let aside = restore
        .detail
        .split(" kept at ")
        .nth(1)
        .expect("where it was kept");
    let before = Api::open(Path::new(aside))
        .await
        .expect("the aside copy opens");
    assert_eq!(clients(&before).await, 2);
}

#[tokio::test]
async fn a_damaged_backup_is_listed_as_such_and_restoring_it_changes_nothing() {
    let db = TestDb::new().await;
    db.client("Zoë", "Brontë").await;
    let folder = db.dir.path().join("backups");
    let backup = db.api.backup(&folder).await.expect("backup");
    damage(&backup.path);

    let listed = db.api.backups(&folder).await.expect("list");
    assert_eq!(listed.len(), 1);
    assert!(
        listed[0].contents.is_none() && listed[0].problem.is_some(),
        "{listed:?}"
    );
    let error = db
        .api
        .clone()
        .restore(&backup.path)
        .await
        .expect_err("damaged");
    assert_eq!(error.code(), Code::Storage, "{error}");
    let api = Api::open(&db.path()).await.expect("still opens");
    assert_eq!(clients(&api).await, 1);
}

#[tokio::test]
async fn a_damaged_database_says_so_and_a_backup_replaces_it() {
    let db = TestDb::new().await;
    for name in ["Ana", "Ζωή", "ณัฐ"] {
        db.client(name, "Test").await;
    }
    let folder = db.dir.path().join("backups");
    let backup = db.api.backup(&folder).await.expect("backup");
    db.api.close().await;
    damage(&db.path());

    let error = Api::open(&db.path()).await.expect_err("damaged");
    assert_eq!(error.code(), Code::Damaged, "{error}");
    assert!(error.to_string().contains("Restore a backup"), "{error}");
    let listed = api::list_backups(&db.path(), &Access::default(), &folder)
        .await
        .expect("backups list while the database can't open");
    assert_eq!(listed[0].contents.as_ref().map(|c| c.clients), Some(3));

    let aside = api::restore_closed(&db.path(), &Access::default(), &backup.path)
        .await
        .expect("restored");
    assert!(aside.exists(), "the damaged file is kept");
    let api = Api::open(&db.path()).await.expect("opens again");
    assert_eq!(clients(&api).await, 3);
}

/// Issue 14: the window opens the database without reading every page, so
/// the list shows sooner, and checks the whole file once it is shown.
#[tokio::test]
async fn damage_the_window_opens_past_is_found_by_the_check_after() {
    let db = TestDb::new().await;
    for name in ["Ana", "Ζωή", "ณัฐ"] {
        db.client(name, "Test").await;
    }
    // Damage the audit log's page alone: opening doesn't read it.
    let pool = db.other_program().await;
    let page: i64 =
        sqlx::query_scalar("SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'")
            .fetch_one(&pool)
            .await
            .expect("the audit log's page");
    let page_size: i64 = sqlx::query_scalar("PRAGMA page_size")
        .fetch_one(&pool)
        .await
        .expect("page size");
    pool.close().await;
    db.api.close().await;
    overwrite(&db.path(), (page - 1) * page_size, page_size);

    let plugins = PluginOptions {
        dirs: Vec::new(),
        process: PluginProcess::cli(env!("CARGO_BIN_EXE_myochart")),
    };
    let api = Api::open_unchecked(&db.path(), &Access::default(), plugins)
        .await
        .expect("the schema is whole: it opens");
    let error = api.check().await.expect_err("damaged");
    assert_eq!(error.code(), Code::Damaged, "{error}");
    assert!(error.to_string().contains("Restore a backup"), "{error}");
}

#[tokio::test]
async fn a_protected_databases_backups_are_encrypted_and_open_with_its_key() {
    let db = TestDb::new().await;
    db.client("สมชาย", "Dupont").await;
    let recovery = Api::new_recovery_key().expect("random");
    let phrase = Passphrase::parse("backups stay private").expect("valid");
    let api = db
        .api
        .clone()
        .protect(&phrase, &recovery)
        .await
        .expect("protected");
    let folder = db.dir.path().join("backups");
    let backup = api.backup(&folder).await.expect("backup");
    assert!(api::is_encrypted(&backup.path).expect("reads"));
    let bytes = std::fs::read(&backup.path).expect("read");
    assert!(!bytes.windows("Dupont".len()).any(|w| w == b"Dupont"));
    // Its key file travels with it: the passphrase opens the backup alone.
    let access = api::unlock(&backup.path, &Unlock::Passphrase(phrase))
        .await
        .expect("unlocks the backup");
    let copy = Api::open_as(&backup.path, &access).await.expect("opens");
    assert_eq!(clients(&copy).await, 1);
    assert_eq!(
        api.backups(&folder).await.expect("list")[0]
            .contents
            .as_ref()
            .map(|c| c.clients),
        Some(1)
    );
}

#[tokio::test]
async fn the_daily_backup_is_made_once_a_day() {
    let db = TestDb::new().await;
    let folder = db.dir.path().join("backups");
    assert!(db
        .api
        .backup_if_due(&folder)
        .await
        .expect("first")
        .is_some());
    assert!(db
        .api
        .backup_if_due(&folder)
        .await
        .expect("second")
        .is_none());
    assert_eq!(db.api.backups(&folder).await.expect("list").len(), 1);
}

/// Overwrites the middle of the database file at `path` with garbage.
fn damage(path: &Path) {
    let length = std::fs::metadata(path).expect("size").len();
    let third = i64::try_from(length / 3).expect("small");
    overwrite(path, third, third);
}

/// Overwrites `length` bytes of the file at `path` from `start` with garbage.
fn overwrite(path: &Path, start: i64, length: i64) {
    use std::io::{Seek, SeekFrom, Write};
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .expect("open");
    file.seek(SeekFrom::Start(start.unsigned_abs()))
        .expect("seek");
    file.write_all(&vec![0xA5; length.unsigned_abs() as usize])
        .expect("write");
}
