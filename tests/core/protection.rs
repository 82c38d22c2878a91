//! Issue 11: a database protected with a passphrase can't be read without it;
//! the recovery key opens it when the passphrase or its key file is lost.

use std::path::Path;

use myochart::api::{self, Access, Api, Code};
use myochart::model::{ClientForm, Passphrase, RecoveryKey, Unlock};

use crate::helpers::TestDb;

fn passphrase(text: &str) -> Passphrase {
    Passphrase::parse(text).expect("a valid passphrase")
}

/// A protected database holding a Thai-named client; returns its recovery key.
async fn protected(db: TestDb) -> (tempfile::TempDir, RecoveryKey) {
    db.client("สมชาย", "Rossignol-Ångström").await;
    let recovery = Api::new_recovery_key().expect("random");
    let api = db
        .api
        .protect(&passphrase("χελιδόνι και θάλασσα"), &recovery)
        .await
        .expect("protected");
    assert!(api.info().await.expect("info").protected);
    api.close().await;
    (db.dir, recovery)
}

fn database(dir: &tempfile::TempDir) -> std::path::PathBuf {
    dir.path().join("test.sqlite")
}

async fn open_with(path: &Path, unlock: Unlock) -> api::Result<Api> {
    Api::open_as(path, &api::unlock(path, &unlock).await?).await
}

#[tokio::test]
async fn a_protected_database_holds_no_readable_name_and_sqlite_cant_open_it() {
    let (dir, _) = protected(TestDb::new().await).await;
    let path = database(&dir);
    let bytes = std::fs::read(&path).expect("read");
    for name in ["สมชาย", "Rossignol", "Ångström"] {
        assert!(
            !bytes
                .windows(name.len())
                .any(|window| window == name.as_bytes()),
            "{name} is readable in the file"
        );
    }
    assert!(!bytes.starts_with(b"SQLite format 3"));
    let sqlite = std::process::Command::new("sqlite3")
        .arg(&path)
        .arg("SELECT first_name FROM clients")
        .output()
        .expect("sqlite3 runs");
    assert!(!sqlite.status.success());
    assert!(String::from_utf8_lossy(&sqlite.stderr).contains("not a database"));

    let error = Api::open(&path).await.expect_err("no key");
    assert_eq!(error.code(), Code::Locked, "{error}");
}

#[tokio::test]
async fn the_passphrase_and_the_recovery_key_open_it_and_a_wrong_one_says_so() {
    let (dir, recovery) = protected(TestDb::new().await).await;
    let path = database(&dir);
    let api = open_with(
        &path,
        Unlock::Passphrase(passphrase("χελιδόνι και θάλασσα")),
    )
    .await
    .expect("the passphrase opens it");
    assert_eq!(api.search_clients("สมชาย").await.expect("search").len(), 1);
    api.close().await;

    let wrong = open_with(
        &path,
        Unlock::Passphrase(passphrase("χελιδόνι και θάλασσα!")),
    )
    .await
    .expect_err("a wrong passphrase");
    assert_eq!(wrong.code(), Code::WrongPassphrase);
    assert!(wrong.to_string().contains("doesn't unlock"), "{wrong}");

    let other = Api::new_recovery_key().expect("random");
    let wrong = open_with(&path, Unlock::RecoveryKey(other))
        .await
        .expect_err("another recovery key");
    assert_eq!(wrong.code(), Code::WrongPassphrase);

    // Without its key file the passphrase can't help; the recovery key can.
    std::fs::remove_file(myochart::api::key_file(&path)).expect("remove key file");
    let lost = open_with(
        &path,
        Unlock::Passphrase(passphrase("χελιδόνι και θάλασσα")),
    )
    .await
    .expect_err("no key file");
    assert!(lost.to_string().contains("recovery key"), "{lost}");
    let api = open_with(&path, Unlock::RecoveryKey(recovery))
        .await
        .expect("the recovery key opens it");
    assert_eq!(
        api.search_clients("Ångström").await.expect("search").len(),
        1
    );
}

#[tokio::test]
async fn changing_the_passphrase_keeps_the_recovery_key_and_needs_the_old_one() {
    let (dir, recovery) = protected(TestDb::new().await).await;
    let path = database(&dir);
    let api = open_with(&path, Unlock::RecoveryKey(recovery.clone()))
        .await
        .expect("opens");
    let refused = api
        .change_passphrase(
            &Unlock::Passphrase(passphrase("not the passphrase")),
            &passphrase("new words here"),
        )
        .await
        .expect_err("the old passphrase is needed");
    assert_eq!(refused.code(), Code::WrongPassphrase);
    api.change_passphrase(
        &Unlock::RecoveryKey(recovery.clone()),
        &passphrase("new words here"),
    )
    .await
    .expect("changed with the recovery key");
    api.close().await;

    let old = open_with(
        &path,
        Unlock::Passphrase(passphrase("χελιδόνι και θάλασσα")),
    )
    .await;
    assert_eq!(
        old.expect_err("old passphrase").code(),
        Code::WrongPassphrase
    );
    open_with(&path, Unlock::Passphrase(passphrase("new words here")))
        .await
        .expect("the new passphrase opens it");
    open_with(&path, Unlock::RecoveryKey(recovery))
        .await
        .expect("the recovery key still opens it");
}

#[tokio::test]
async fn a_new_database_opened_with_a_key_is_created_encrypted_and_so_is_its_demo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("new.sqlite");
    let recovery = Api::new_recovery_key().expect("random");
    let access = api::unlock(&path, &Unlock::RecoveryKey(recovery))
        .await
        .expect("a recovery key needs no key file");
    let api = Api::open_as(&path, &access).await.expect("created");
    api.create_client(ClientForm {
        first_name: "Ελένη".into(),
        ..ClientForm::default()
    })
    .await
    .expect("client");
    api.close().await;
    assert!(api::is_encrypted(&path).expect("reads"));

    let demo_path = api::demo_database_path(&path);
    // A plain demo left from before is made anew, protected.
    Api::open(&demo_path)
        .await
        .expect("plain demo")
        .close()
        .await;
    let demo = Api::open_demo(
        &demo_path,
        &access,
        myochart::plugin::PluginOptions::new(vec![]),
    )
    .await
    .expect("demo");
    assert!(demo.info().await.expect("info").client_count > 0);
    demo.close().await;
    assert!(api::is_encrypted(&demo_path).expect("reads"));
}

#[tokio::test]
async fn a_failed_protection_leaves_the_database_plain_and_whole() {
    let db = TestDb::new().await;
    db.client("Zoë", "Brontë").await;
    let path = db.path();
    // Where the encrypted copy would be written, a folder is in the way.
    std::fs::create_dir(format!("{}.protecting", path.display())).expect("folder");
    let error = db
        .api
        .clone()
        .protect(
            &passphrase("will not happen"),
            &Api::new_recovery_key().expect("random"),
        )
        .await
        .expect_err("can't write the copy");
    assert_eq!(error.code(), Code::Storage, "{error}");
    assert!(!api::is_encrypted(&path).expect("reads"));
    assert!(!myochart::api::key_file(&path).exists());
    let api = Api::open(&path).await.expect("opens without a passphrase");
    assert_eq!(api.search_clients("Zoë").await.expect("search").len(), 1);
}

#[tokio::test]
async fn a_read_only_database_shows_everything_and_refuses_every_change() {
    let db = TestDb::new().await;
    db.client("Ana", "Muñoz").await;
    db.api.close().await;
    let access = Access {
        key: None,
        read_only: true,
    };
    let api = Api::open_as(&db.path(), &access)
        .await
        .expect("opens read-only");
    assert!(api.info().await.expect("info").read_only);
    assert_eq!(api.search_clients("Muñoz").await.expect("search").len(), 1);
    let error = api
        .create_client(ClientForm {
            first_name: "New".into(),
            ..ClientForm::default()
        })
        .await
        .expect_err("read-only");
    assert_eq!(error.code(), Code::ReadOnly, "{error}");
}

/// A clinic's server is backed up with its own tools and protected by its
/// roles: both are refused before anything is written for them here (no
/// backup folder, no key file).
#[tokio::test]
async fn a_clinic_refuses_a_backup_and_a_passphrase_before_writing_anything() {
    let db = TestDb::on(crate::helpers::Engine::Postgres).await;
    let scratch = tempfile::tempdir().expect("temp dir");
    let folder = scratch.path().join("backups");
    let refused = db.api.backup(&folder).await.expect_err("not on a server");
    assert!(refused.to_string().contains("pg_dump"), "{refused}");
    assert!(!folder.exists());

    let key_file = myochart::api::key_file(&db.path());
    let recovery = Api::new_recovery_key().expect("random");
    let refused = db
        .api
        .clone()
        .protect(&passphrase("χελιδόνι και θάλασσα"), &recovery)
        .await
        .expect_err("not on a server");
    assert_eq!(refused.code(), Code::Storage);
    assert!(!key_file.exists());
}
