//! Databases protected with a passphrase (SQLCipher).
//!
//! The database is encrypted with a key made from the [`RecoveryKey`] the user
//! printed. Beside it, `<file>.key` holds that recovery key, itself in a small
//! database that SQLCipher encrypts with the passphrase (its PBKDF2 key
//! derivation and page HMACs, so no cryptography is written here). So the
//! passphrase unlocks the key file and the key file unlocks the database;
//! changing the passphrase rewrites only the key file; and a forgotten
//! passphrase or a lost key file is not lost data while the printed recovery
//! key is kept.

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use sqlx::sqlite::{SqliteConnectOptions, SqliteError};
use sqlx::{ConnectOptions, Connection};

use super::{sibling, Error, Result};
use crate::model::{Passphrase, RecoveryKey, Unlock};

/// What opens a protected database: SQLCipher's raw key, made from the
/// recovery key (which is random, so it needs no slow key derivation and each
/// new connection opens at once).
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseKey(String);

impl DatabaseKey {
    pub fn from_recovery_key(key: &RecoveryKey) -> DatabaseKey {
        let hash = Sha256::digest(key.bytes());
        let hex: String = hash.iter().map(|byte| format!("{byte:02X}")).collect();
        DatabaseKey(hex)
    }

    /// The key in SQLCipher's raw-key form, `x'…'`.
    pub(super) fn raw(&self) -> String {
        format!("x'{}'", self.0)
    }

    /// The value of `PRAGMA key`: the raw key, quoted.
    pub(super) fn pragma(&self) -> String {
        format!("\"{}\"", self.raw())
    }
}

impl std::fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("DatabaseKey(…)")
    }
}

/// How to open a database: with its key when it is protected, and read-only
/// to look at one that can't be written.
#[derive(Debug, Clone, Default)]
pub struct Access {
    pub key: Option<DatabaseKey>,
    pub read_only: bool,
}

/// The file beside the database that keeps its recovery key under the passphrase.
pub fn key_file(database: &Path) -> PathBuf {
    sibling(database, ".key")
}

/// The first bytes of every plain SQLite file; an encrypted one starts with
/// random salt instead.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Whether the file at `path` is an encrypted database (an empty or missing
/// file is not).
pub fn is_encrypted(path: &Path) -> std::io::Result<bool> {
    let mut header = Vec::with_capacity(PLAIN_HEADER.len());
    match std::fs::File::open(path) {
        Ok(file) => file
            .take(PLAIN_HEADER.len() as u64)
            .read_to_end(&mut header)?,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(error) => return Err(error),
    };
    Ok(!header.is_empty() && header != PLAIN_HEADER)
}

/// The recovery key of the database at `database`, unlocked with `unlock`.
pub async fn recovery_key(database: &Path, unlock: &Unlock) -> Result<RecoveryKey> {
    let passphrase = match unlock {
        Unlock::RecoveryKey(key) => return Ok(key.clone()),
        Unlock::Passphrase(passphrase) => passphrase,
    };
    let path = key_file(database);
    if !path.exists() {
        return Err(Error::KeyFileMissing { path });
    }
    let mut conn = key_file_options(&path, passphrase)
        .read_only(true)
        .connect()
        .await?;
    let stored: std::result::Result<String, sqlx::Error> =
        sqlx::query_scalar("SELECT recovery_key FROM recovery")
            .fetch_one(&mut conn)
            .await;
    conn.close().await?;
    match stored {
        Ok(text) => RecoveryKey::parse(&text).map_err(|_| Error::Damaged),
        Err(error) if sqlite_code(&error) == Some(SQLITE_NOTADB) => Err(Error::WrongPassphrase),
        Err(error) => Err(error.into()),
    }
}

/// Writes the key file of `database`: `recovery` under `passphrase`. Written
/// beside it and renamed into place, so an interrupted write leaves the old one.
pub async fn write_key_file(
    database: &Path,
    passphrase: &Passphrase,
    recovery: &RecoveryKey,
) -> Result<()> {
    let path = key_file(database);
    let new = sibling(&path, ".new");
    let file_error = |source: std::io::Error| Error::Open {
        path: path.clone(),
        reason: source.to_string(),
    };
    crate::private::remove_if_present(&new).map_err(file_error)?;
    crate::private::create_file(&new).map_err(file_error)?;
    let mut conn = key_file_options(&new, passphrase).connect().await?;
    sqlx::query("CREATE TABLE recovery (recovery_key TEXT NOT NULL)")
        .execute(&mut conn)
        .await?;
    sqlx::query("INSERT INTO recovery (recovery_key) VALUES (?)")
        .bind(recovery.to_string())
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    replace(&new, &path).map_err(file_error)
}

fn key_file_options(path: &Path, passphrase: &Passphrase) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .pragma("key", quoted(passphrase.as_str()))
}

/// `text` as an SQL string literal.
pub(super) fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Moves `from` over `to` for good: synced first, renamed (atomic), and the
/// folder synced so the rename survives a power cut.
pub(super) fn replace(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::File::open(from)?.sync_all()?;
    std::fs::rename(from, to)?;
    #[cfg(unix)]
    if let Some(folder) = to.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::File::open(folder)?.sync_all()?;
    }
    Ok(())
}

/// SQLite's "file is not a database": an encrypted file read with the wrong
/// key (or none), or a file that is not SQLite at all.
pub(super) const SQLITE_NOTADB: i64 = 26;

/// The primary SQLite result code of `error`, if it came from SQLite
/// (PostgreSQL's codes are numbers too, with other meanings).
pub(super) fn sqlite_code(error: &sqlx::Error) -> Option<i64> {
    match error {
        sqlx::Error::Database(db) if db.try_downcast_ref::<SqliteError>().is_some() => db
            .code()
            .and_then(|code| code.parse::<i64>().ok())
            .map(|code| code & 0xff),
        _ => None,
    }
}
