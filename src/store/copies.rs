//! Whole-database copies: backups that are checked before they count, restoring
//! one, and encrypting a plain database in place. Each writes a new file
//! beside its target and renames it into place only once it is checked, so an
//! interruption at any point leaves the old file whole.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};
use ts_rs::TS;

use super::protection::replace;
use super::{sibling, Access, DatabaseKey, Error, Result, Store};
use crate::private::remove_if_present;

/// What a database copy holds: the rows of each table, and its latest change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Contents {
    #[ts(type = "number")]
    pub clients: i64,
    #[ts(type = "number")]
    pub sessions: i64,
    #[ts(type = "number")]
    pub findings: i64,
    /// Rows of every table, by table name (the check that each one reads back).
    #[ts(type = "Record<string, number>")]
    pub rows: BTreeMap<String, i64>,
    /// When the latest change it holds was made (the audit log's last entry).
    pub last_change: Option<String>,
}

/// Backing up and protecting with a passphrase, as a clinic server refuses
/// them: what was asked, and what to do instead.
const BACKING_UP: (&str, &str) = ("backing up to a file", "back up the server with pg_dump");
const PROTECTING: (&str, &str) = (
    "protecting with a passphrase",
    "the server's roles and TLS protect it",
);

impl Store {
    /// [`Error::NotOnServer`] on a clinic server, which can't be backed up
    /// to a file: asked before anything is prepared for a backup.
    pub fn can_back_up(&self) -> Result<()> {
        self.file_pool(BACKING_UP.0, BACKING_UP.1).map(drop)
    }

    /// [`Error::NotOnServer`] on a clinic server, which a passphrase doesn't
    /// protect: asked before anything is written for it.
    pub fn can_protect(&self) -> Result<()> {
        self.file_pool(PROTECTING.0, PROTECTING.1).map(drop)
    }

    /// Writes a consistent copy of the whole database to `destination` (which
    /// must not exist yet), encrypted with the same key, while others go on
    /// using it. The copy is written under a temporary name, synced, checked
    /// (`integrity_check` and every table read back) and only then renamed.
    pub async fn backup_to(&self, destination: &Path) -> Result<Contents> {
        let pool = self.file_pool(BACKING_UP.0, BACKING_UP.1)?;
        let partial = sibling(destination, ".partial");
        remove_if_present(&partial).map_err(|error| file_error(&partial, error))?;
        let written = async {
            super::copy_database(pool, &partial).await?;
            let contents = check(&partial, &self.access).await?;
            if destination.exists() {
                let exists = std::io::Error::from(std::io::ErrorKind::AlreadyExists);
                return Err(file_error(destination, exists));
            }
            replace(&partial, destination).map_err(|error| file_error(destination, error))?;
            Ok(contents)
        }
        .await;
        if written.is_err() {
            let _ = remove_if_present(&partial);
        }
        written
    }

    /// What the database holds now.
    pub async fn contents(&self) -> Result<Contents> {
        let pool = self.file_pool("counting a file's rows", "the server keeps its own counts")?;
        contents(&mut *pool.acquire().await?).await
    }

    /// Encrypts this plain database in place with `key`, closing this store;
    /// returns it reopened with the key. The encrypted copy is written beside
    /// it and checked against the original (every table's rows) before it
    /// replaces it; if anything fails, the plain database is as it was.
    pub async fn encrypt(self, key: &DatabaseKey) -> Result<Store> {
        self.can_protect()?;
        if self.access.key.is_some() {
            return Err(Error::AlreadyProtected);
        }
        self.close().await;
        let encrypted = sibling(&self.path, ".protecting");
        let done = encrypt_into(&self.path, &encrypted, key).await;
        if done.is_err() {
            let _ = remove_if_present(&encrypted);
        }
        let access = Access {
            key: done.is_ok().then(|| key.clone()),
            read_only: false,
        };
        let reopened = Store::open(&self.path, &access).await;
        done?;
        reopened
    }
}

/// Replaces the database at `path` (closed, perhaps damaged) with the checked
/// copy at `backup`, opened with `access`. The database as it was is moved to
/// `aside`; if anything fails, it is as it was.
pub async fn restore(path: &Path, access: &Access, backup: &Path, aside: &Path) -> Result<()> {
    check(backup, access).await?;
    let incoming = sibling(path, ".restoring");
    let copied = remove_if_present(&incoming)
        .and_then(|()| crate::private::create_file(&incoming).map(drop))
        .and_then(|()| std::fs::copy(backup, &incoming).map(drop))
        .and_then(|()| swap_in(path, &incoming, aside));
    if copied.is_err() {
        let _ = remove_if_present(&incoming);
    }
    copied.map_err(|error| file_error(path, error))
}

/// Writes `path` encrypted with `key` to `encrypted`, checks it, and renames
/// it over `path`.
async fn encrypt_into(path: &Path, encrypted: &Path, key: &DatabaseKey) -> Result<()> {
    remove_if_present(encrypted).map_err(|error| file_error(encrypted, error))?;
    crate::private::create_file(encrypted).map_err(|error| file_error(encrypted, error))?;
    let target = encrypted.to_str().ok_or_else(|| not_utf8(encrypted))?;
    let mut plain = SqliteConnectOptions::new().filename(path).connect().await?;
    let original = contents(&mut plain).await?;
    sqlx::query("ATTACH DATABASE ? AS protected KEY ?")
        .bind(target)
        .bind(key.raw())
        .execute(&mut plain)
        .await?;
    sqlx::query("SELECT sqlcipher_export('protected')")
        .execute(&mut plain)
        .await?;
    sqlx::query("DETACH DATABASE protected")
        .execute(&mut plain)
        .await?;
    plain.close().await?;
    let access = Access {
        key: Some(key.clone()),
        read_only: false,
    };
    if check(encrypted, &access).await? != original {
        return Err(Error::Open {
            path: encrypted.to_owned(),
            reason: "the encrypted copy doesn't hold the same rows; nothing was changed".into(),
        });
    }
    replace(encrypted, path).map_err(|error| file_error(path, error))?;
    // The plain database's journal files, if any, belong to the old file.
    for suffix in ["-wal", "-shm"] {
        remove_if_present(&sibling(path, suffix)).map_err(|error| file_error(path, error))?;
    }
    Ok(())
}

/// Moves the database at `path` (with its write-ahead log, if any) aside and
/// `incoming` into its place; puts it back if the second move fails.
fn swap_in(path: &Path, incoming: &Path, aside: &Path) -> std::io::Result<()> {
    std::fs::rename(path, aside)?;
    let log = sibling(path, "-wal");
    if log.exists() {
        std::fs::rename(&log, sibling(aside, "-wal"))?;
    }
    remove_if_present(&sibling(path, "-shm"))?;
    replace(incoming, path).inspect_err(|_| {
        let _ = std::fs::rename(aside, path);
    })
}

/// Checks the database copy at `path` (opened with `access`'s key, read-only):
/// SQLite's `integrity_check`, then every table read to the end.
pub async fn check(path: &Path, access: &Access) -> Result<Contents> {
    let mut options = SqliteConnectOptions::new().filename(path).read_only(true);
    if let Some(key) = &access.key {
        options = options.pragma("key", key.pragma());
    }
    let mut conn = options
        .connect()
        .await
        .map_err(|error| unreadable(path, error))?;
    let verdict: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await
        .map_err(|error| unreadable(path, error))?;
    if verdict != ["ok"] {
        return Err(Error::Open {
            path: path.to_owned(),
            reason: format!("the copy is damaged: {}", verdict.join("; ")),
        });
    }
    let held = contents(&mut conn).await?;
    conn.close().await?;
    Ok(held)
}

/// A copy that can't be opened: with the wrong key, or not a database.
fn unreadable(path: &Path, error: sqlx::Error) -> Error {
    match Error::from(error) {
        Error::Damaged => Error::Open {
            path: path.to_owned(),
            reason: "it can't be read with this database's key, or it is not a Myochart \
                     database"
                .into(),
        },
        other => other,
    }
}

async fn contents(conn: &mut SqliteConnection) -> Result<Contents> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut rows = BTreeMap::new();
    for table in tables {
        let count: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM \"{table}\""))
            .fetch_one(&mut *conn)
            .await?;
        rows.insert(table, count);
    }
    let clients = live_rows(conn, "clients").await?;
    let sessions = live_rows(conn, "sessions").await?;
    let findings = live_rows(conn, "findings").await?;
    let last_change = sqlx::query_scalar("SELECT max(at) FROM audit_log")
        .fetch_one(&mut *conn)
        .await?;
    Ok(Contents {
        clients,
        sessions,
        findings,
        rows,
        last_change,
    })
}

/// The rows of `table` that are not deleted.
async fn live_rows(conn: &mut SqliteConnection, table: &str) -> Result<i64> {
    let query = format!("SELECT count(*) FROM {table} WHERE deleted_at IS NULL");
    Ok(sqlx::query_scalar(&query).fetch_one(conn).await?)
}

fn file_error(path: &Path, error: std::io::Error) -> Error {
    Error::Open {
        path: path.to_owned(),
        reason: error.to_string(),
    }
}

fn not_utf8(path: &Path) -> Error {
    Error::Open {
        path: PathBuf::from(path),
        reason: "the path is not valid UTF-8".into(),
    }
}
