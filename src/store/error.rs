//! What can go wrong in the store, in terms a caller can act on, and how
//! SQLite's and PostgreSQL's errors (and the triggers' coded refusals, the
//! same text on both) become them.

use std::path::PathBuf;

use super::protection::{sqlite_code, SQLITE_NOTADB};

/// What can go wrong in the store, in terms a caller can act on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{entity} {id} was not found")]
    NotFound { entity: &'static str, id: i64 },
    #[error("this note is signed and can't be changed; add an amendment instead")]
    SignedNote,
    #[error("only a signed note can be amended; a draft can still be edited")]
    DraftNote,
    #[error("this log entry is signed off by a supervisor and can't be changed")]
    SignedEntry,
    #[error(
        "this note was changed elsewhere (another window or the command line) at {at}; \
         nothing was overwritten. Your text is still here: copy what you need, then \
         reopen the session to see the saved note"
    )]
    ChangedElsewhere { at: String },
    /// Deleting a record, or changing an amendment, a handout or the audit log:
    /// they are kept as they are.
    #[error("records are kept as they are: mark one deleted, or add an amendment")]
    RecordKept,
    #[error("the database is busy (another window or program is writing); try again")]
    Busy,
    #[error("the disk is full; nothing was saved. Free some space and try again")]
    DiskFull,
    #[error("can't open the database at {path}: {reason}")]
    Open { path: PathBuf, reason: String },
    #[error("can't bring the database at {path} up to date: {reason}")]
    Migrate { path: PathBuf, reason: String },
    #[error(
        "this database is protected with a passphrase ({path}): unlock it with the passphrase \
         or the recovery key"
    )]
    Locked { path: PathBuf },
    #[error(
        "that passphrase doesn't unlock this database. Check Caps Lock and the keyboard \
         language, or unlock with the recovery key"
    )]
    WrongPassphrase,
    #[error("that recovery key doesn't unlock this database; check it against the printed one")]
    WrongRecoveryKey,
    #[error(
        "the key file {path} is missing, so the passphrase can't unlock the database: \
         unlock it with the recovery key, then set a passphrase again"
    )]
    KeyFileMissing { path: PathBuf },
    #[error("this database is already protected with a passphrase")]
    AlreadyProtected,
    #[error("this database is not protected with a passphrase")]
    NotProtected,
    #[error(
        "the database file is damaged and can't be read; nothing was changed. Restore a \
         backup (Settings, or `myochart restore`)"
    )]
    Damaged,
    #[error(
        "the database is open read-only: nothing can be saved. To make changes, open a copy \
         in a folder you can write to"
    )]
    ReadOnly,
    #[error(
        "the database file at {path} can't be written (a read-only file or disk). Open it \
         read-only to look, or copy it to a folder you can write to"
    )]
    ReadOnlyFile { path: PathBuf },
    /// Something only a database file on this computer does, asked of a clinic
    /// server.
    #[error("{action} is not done on a clinic server: {instead}")]
    NotOnServer {
        action: &'static str,
        instead: &'static str,
    },
    /// The clinic server refused it: the signed-in person's role doesn't
    /// allow it (a grant or a row-level security policy).
    #[error("your role in the clinic doesn't allow this; the clinic's owner can change roles")]
    NotAllowed,
    /// The clinic server can't be reached: stopped, or the network is down.
    #[error(
        "the clinic server can't be reached; check the network, or ask whoever looks after it"
    )]
    Unreachable,
    #[error("database error: {0}")]
    Database(sqlx::Error),
}

/// What a trigger in `migrations/` refused, from the code its message starts
/// with (`[signed-note] ...`): messages may be reworded, codes stay.
enum TriggerCode {
    SignedNote,
    DraftNote,
    SignedEntry,
    RecordKept,
}

impl TriggerCode {
    fn of(message: &str) -> Option<TriggerCode> {
        let (code, _) = message.strip_prefix('[')?.split_once(']')?;
        Some(match code {
            "signed-note" => TriggerCode::SignedNote,
            "draft-note" => TriggerCode::DraftNote,
            "signed-entry" => TriggerCode::SignedEntry,
            "record-kept" => TriggerCode::RecordKept,
            _ => return None,
        })
    }
}

// SQLite's primary result codes (the low byte of an extended code).
const SQLITE_BUSY: i64 = 5;
const SQLITE_LOCKED: i64 = 6;
const SQLITE_READONLY: i64 = 8;
const SQLITE_CORRUPT: i64 = 11;
const SQLITE_FULL: i64 = 13;

// PostgreSQL's SQLSTATE codes (its manual's appendix "Error Codes").
const SERIALIZATION_FAILURE: &str = "40001";
const DEADLOCK_DETECTED: &str = "40P01";
const LOCK_NOT_AVAILABLE: &str = "55P03";
const DISK_FULL: &str = "53100";
const INSUFFICIENT_PRIVILEGE: &str = "42501";
const READ_ONLY_SQL_TRANSACTION: &str = "25006";
const DATA_CORRUPTED: &str = "XX001";
// The server shutting down, crashing or not yet taking connections.
const ADMIN_SHUTDOWN: &str = "57P01";
const CRASH_SHUTDOWN: &str = "57P02";
const CANNOT_CONNECT_NOW: &str = "57P03";
const INDEX_CORRUPTED: &str = "XX002";

/// The SQLSTATE of an error PostgreSQL sent.
fn postgres_state(error: &dyn sqlx::error::DatabaseError) -> Option<&str> {
    Some(
        error
            .try_downcast_ref::<sqlx::postgres::PgDatabaseError>()?
            .code(),
    )
}

impl From<sqlx::Error> for Error {
    fn from(error: sqlx::Error) -> Error {
        let sqlx::Error::Database(db) = &error else {
            return match error {
                // A server's connection broke, or none could be made in time.
                // (A SQLite pool never times out: each call holds its
                // connection for at most the busy timeout, and its driver
                // reports file errors as SQLite's codes, never as I/O ones.)
                sqlx::Error::Io(_) | sqlx::Error::Tls(_) | sqlx::Error::PoolTimedOut => {
                    Error::Unreachable
                }
                other => Error::Database(other),
            };
        };
        if let Some(refused) = TriggerCode::of(db.message()) {
            return match refused {
                TriggerCode::SignedNote => Error::SignedNote,
                TriggerCode::DraftNote => Error::DraftNote,
                TriggerCode::SignedEntry => Error::SignedEntry,
                TriggerCode::RecordKept => Error::RecordKept,
            };
        }
        if let Some(state) = postgres_state(db.as_ref()) {
            return match state {
                // Another connection's transaction got in the way: trying
                // again succeeds, as after SQLite's busy.
                SERIALIZATION_FAILURE | DEADLOCK_DETECTED | LOCK_NOT_AVAILABLE => Error::Busy,
                DISK_FULL => Error::DiskFull,
                // No grant, or a row its policies don't let this person write.
                INSUFFICIENT_PRIVILEGE => Error::NotAllowed,
                READ_ONLY_SQL_TRANSACTION => Error::ReadOnly,
                DATA_CORRUPTED | INDEX_CORRUPTED => Error::Damaged,
                ADMIN_SHUTDOWN | CRASH_SHUTDOWN | CANNOT_CONNECT_NOW => Error::Unreachable,
                // Class 08: the connection failed.
                _ if state.starts_with("08") => Error::Unreachable,
                // Constraint violations (unique 23505, foreign key 23503, check
                // 23514) stay database errors, as SQLite's do.
                _ => Error::Database(error),
            };
        }
        match sqlite_code(&error) {
            Some(SQLITE_BUSY | SQLITE_LOCKED) => Error::Busy,
            Some(SQLITE_FULL) => Error::DiskFull,
            Some(SQLITE_READONLY) => Error::ReadOnly,
            Some(SQLITE_CORRUPT | SQLITE_NOTADB) => Error::Damaged,
            _ => Error::Database(error),
        }
    }
}
