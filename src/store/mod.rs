//! The store: the only place that holds SQL, on SQLite (a file on this
//! computer) or PostgreSQL (a clinic's server) alike ([`engine`] says how).
//!
//! Every write runs in one transaction together with its audit-log entry, so the
//! log never misses a change and a failed write leaves nothing behind. Rules that
//! protect the record (a signed note is immutable, amendments and the audit log are
//! append-only) are also enforced by triggers in `migrations/`, so no caller can
//! get around them.

mod audit;
mod checks;
mod client_index;
mod clients;
mod copies;
mod csv_import;
mod engine;
mod error;
mod export;
mod findings;
mod handouts;
mod kept;
mod notify;
mod plugins;
mod protection;
mod sessions;
mod settings;
mod snippets;
mod students;

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

use engine::{on_engine, Engine, Pool, Tx};

pub use audit::{AuditEntry, Change, HistoryEntry};
pub use copies::{check, restore, Contents};
pub use csv_import::CsvImport;
pub(crate) use engine::now;
pub use error::Error;
pub use handouts::NewHandout;
pub use kept::KeptNotes;
pub use notify::{Changes, Heard, RecordChange};
pub use plugins::{PluginRow, SeenPlugin};
pub use protection::{is_encrypted, key_file, recovery_key, write_key_file, Access, DatabaseKey};
pub use students::ChartedSession;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A table with soft-deleted rows, and what its rows are called in errors and
/// in the audit log.
#[derive(Debug, Clone, Copy)]
struct Table {
    name: &'static str,
    entity: &'static str,
}

const CLIENTS: Table = Table {
    name: "clients",
    entity: "client",
};
const SESSIONS: Table = Table {
    name: "sessions",
    entity: "session",
};
const FINDINGS: Table = Table {
    name: "findings",
    entity: "finding",
};
const SNIPPETS: Table = Table {
    name: "snippets",
    entity: "snippet",
};

/// [`Error::NotFound`] unless `table` has a live (not deleted) row `id`.
async fn ensure_live(tx: &mut Tx, table: Table, id: i64) -> Result<()> {
    let sql = format!(
        "SELECT id FROM {} WHERE id = $1 AND deleted_at IS NULL{}",
        table.name,
        tx.for_update()
    );
    let found: Option<i64> = on_engine!(tx, |tx| sqlx::query_scalar(&sql)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?);
    found.map(|_| ()).ok_or(Error::NotFound {
        entity: table.entity,
        id,
    })
}

/// How long a write waits for another connection or process to let go of the
/// database before giving up with [`Error::Busy`].
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// A connection pool to one migrated database.
#[derive(Debug, Clone)]
pub struct Store {
    pool: Pool,
    /// The database file; empty on a clinic server.
    path: PathBuf,
    access: Access,
    clients: std::sync::Arc<client_index::ClientIndex>,
}

/// Makes the database's folder and files this user's only before SQLite opens
/// them: a missing folder is created 0700, a missing database file 0600 (SQLite
/// gives its `-wal` and `-shm` files the database file's mode), and the files
/// of an older, more open database are restricted.
fn prepare_private(path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        crate::private::create_folder(dir)?;
        // The app's own folder, made open by an older version, is closed too;
        // a folder the user chose for the file is theirs to set.
        if crate::private::app_folder().is_some_and(|own| dir == own) {
            crate::private::restrict(dir)?;
        }
    }
    crate::private::open_or_create(path)?;
    for suffix in ["", "-wal", "-shm"] {
        crate::private::restrict(&sibling(path, suffix))?;
    }
    Ok(())
}

/// The connection settings of every connection to the database at `path`.
fn connect_options(path: &Path, access: &Access) -> SqliteConnectOptions {
    let mut options = SqliteConnectOptions::new()
        .filename(path)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT);
    // SQLCipher needs the key before anything reads the file; sqlx sends the
    // `key` pragma first.
    if let Some(key) = &access.key {
        options = options.pragma("key", key.pragma());
    }
    if access.read_only {
        options.read_only(true)
    } else {
        options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // In WAL mode NORMAL syncs only at checkpoints, so a power cut can
            // undo the last commits after the app said "saved"; FULL syncs the
            // log at every commit: a saved note stays saved.
            .synchronous(SqliteSynchronous::Full)
    }
}

/// What failing to open `path` means: a file that isn't a database is one
/// encrypted with another key when a key was given, else a damaged one.
fn opening_error(error: sqlx::Error, path: &Path, access: &Access) -> Error {
    match (protection::sqlite_code(&error), Error::from(error)) {
        (Some(protection::SQLITE_NOTADB), _) if access.key.is_some() => Error::WrongRecoveryKey,
        (_, Error::ReadOnly) => Error::ReadOnlyFile {
            path: path.to_owned(),
        },
        (_, error @ (Error::Damaged | Error::Busy)) => error,
        (_, error) => Error::Open {
            path: path.to_owned(),
            reason: error.to_string(),
        },
    }
}

/// Nothing to migrate, for a database opened read-only (which can't be).
async fn up_to_date(pool: &SqlitePool) -> std::result::Result<(), String> {
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
            .fetch_all(pool)
            .await
            .map_err(|error| error.to_string())?;
    if sqlx::migrate!()
        .iter()
        .all(|m| applied.contains(&m.version))
    {
        Ok(())
    } else {
        Err(
            "an older version of Myochart made it, and it can't be brought up to date \
             read-only; open it normally, or a copy of it"
                .into(),
        )
    }
}

/// Waits for, then holds, the lock on `<file>-migrating` that lets one program
/// at a time check and update the database: a second one opening the file
/// meanwhile waits for the first, then finds nothing left to do.
async fn update_lock(path: &Path) -> std::result::Result<std::fs::File, String> {
    let lock_path = sibling(path, "-migrating");
    tokio::task::spawn_blocking(move || -> std::io::Result<std::fs::File> {
        let file = crate::private::open_or_create(&lock_path)?;
        file.lock()?;
        Ok(file)
    })
    .await
    .map_err(|error| error.to_string())?
    .map_err(|error| format!("can't take the update lock: {error}"))
}

/// SQLite's `quick_check`, which reads every page of the file.
async fn check_pages(pool: &SqlitePool, path: &Path, access: &Access) -> Result<()> {
    let verdict: Vec<String> = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_all(pool)
        .await
        .map_err(|error| opening_error(error, path, access))?;
    if verdict != ["ok"] {
        return Err(Error::Damaged);
    }
    Ok(())
}

/// Brings the schema up to date, under the [`update_lock`]. A database that
/// holds records is checked for damage and copied first, beside it
/// (`<file>.before-update-<version>.sqlite`), so an update that goes wrong
/// loses nothing.
async fn migrate(pool: &SqlitePool, path: &Path, access: &Access) -> Result<()> {
    let migrator = sqlx::migrate!();
    let failed = |reason: String| Error::Migrate {
        path: path.to_owned(),
        reason,
    };
    // A damaged file shows here first, when it opens unchecked.
    let text = |error: sqlx::Error| {
        let reason = error.to_string();
        match Error::from(error) {
            Error::Damaged => Error::Damaged,
            _ => failed(reason),
        }
    };
    let known: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = '_sqlx_migrations')",
    )
    .fetch_one(pool)
    .await
    .map_err(text)?;
    // A new, empty file has nothing to lose.
    if known {
        let applied: Vec<i64> =
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
                .fetch_all(pool)
                .await
                .map_err(text)?;
        let pending = migrator.iter().any(|m| !applied.contains(&m.version));
        let has_records: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM clients)")
            .fetch_one(pool)
            .await
            .map_err(text)?;
        if let (true, true, Some(version)) = (pending, has_records, applied.iter().max()) {
            check_pages(pool, path, access).await?;
            let copy = sibling(path, &format!(".before-update-{version}.sqlite"));
            if !copy.exists() {
                copy_database(pool, &copy).await.map_err(|error| {
                    failed(format!(
                        "can't copy it first to {}: {error}",
                        copy.display()
                    ))
                })?;
            }
        }
    }
    migrator
        .run(pool)
        .await
        .map_err(|error| failed(error.to_string()))
}

/// `path` with `suffix` added to its file name: the files that belong to a
/// database sit beside it, named after it.
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// A consistent copy of the whole database at `destination` (which must not
/// exist yet), in a file only this user can open.
async fn copy_database(pool: &SqlitePool, destination: &Path) -> Result<()> {
    let target = destination.to_str().ok_or_else(|| Error::Open {
        path: destination.to_owned(),
        reason: "the path is not valid UTF-8".into(),
    })?;
    // VACUUM INTO fills an empty file it is given: one only this user can open.
    crate::private::create_file(destination).map_err(|source| Error::Open {
        path: destination.to_owned(),
        reason: source.to_string(),
    })?;
    sqlx::query("VACUUM INTO ?")
        .bind(target)
        .execute(pool)
        .await?;
    Ok(())
}

impl Store {
    /// Opens (creating if needed) the database file at `path`, reads all of
    /// it for damage ([`Store::check`]) and brings its schema up to date; a
    /// read-only `access` opens an existing file to look at only, and refuses
    /// every write with [`Error::ReadOnly`].
    pub async fn open(path: &Path, access: &Access) -> Result<Store> {
        let store = Store::open_unchecked(path, access).await?;
        store.check().await?;
        Ok(store)
    }

    /// Opens like [`Store::open`] but reads only the schema, not every page,
    /// unless the schema needs an update: the window shows sooner, and runs
    /// [`Store::check`] once it is shown.
    pub async fn open_unchecked(path: &Path, access: &Access) -> Result<Store> {
        let open_error = |reason: String| Error::Open {
            path: path.to_owned(),
            reason,
        };
        if access.read_only {
            if !path.is_file() {
                return Err(open_error("there is no database file there".into()));
            }
        } else {
            prepare_private(path).map_err(|source| match source.kind() {
                ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
                    Error::ReadOnlyFile {
                        path: path.to_owned(),
                    }
                }
                _ => open_error(source.to_string()),
            })?;
        }
        let encrypted = protection::is_encrypted(path).map_err(|e| open_error(e.to_string()))?;
        let plain_with_records = !encrypted && path.metadata().is_ok_and(|meta| meta.len() > 0);
        match (&access.key, encrypted) {
            (None, true) => {
                return Err(Error::Locked {
                    path: path.to_owned(),
                })
            }
            (Some(_), false) if plain_with_records => return Err(Error::NotProtected),
            _ => {}
        }
        // Taken before connecting: the first connection to a new file turns on
        // the write-ahead log, which another program's connection meanwhile
        // can find busy.
        let lock = if access.read_only {
            None
        } else {
            Some(update_lock(path).await.map_err(open_error)?)
        };
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(connect_options(path, access))
            .await
            .map_err(|error| opening_error(error, path, access))?;
        // The first read of the file: where a wrong key or a file that is
        // not a database shows.
        sqlx::query("SELECT count(*) FROM sqlite_master")
            .execute(&pool)
            .await
            .map_err(|error| opening_error(error, path, access))?;
        if access.read_only {
            up_to_date(&pool).await.map_err(open_error)?;
        } else {
            migrate(&pool, path, access).await?;
        }
        drop(lock);
        Ok(Store {
            pool: Engine::Sqlite(pool),
            path: path.to_owned(),
            access: access.clone(),
            clients: Default::default(),
        })
    }

    /// The store of a clinic's PostgreSQL database, over a pool already
    /// connected to it (as the person signed in) and a schema already brought
    /// up to date: connecting (TLS, timeouts) and migrating (which takes the
    /// server's administrator) are the clinic module's.
    pub fn on_postgres(pool: PgPool) -> Store {
        let server = pool.connect_options();
        // An extension of its own, so that the host's dots aren't taken for
        // one by the files named after it (`with_extension`).
        let place = format!(
            "{}-{}-{}.clinic",
            server.get_host(),
            server.get_port(),
            server.get_database().unwrap_or_default()
        );
        Store {
            path: crate::private::app_folder()
                .unwrap_or_default()
                .join("clinics")
                .join(place),
            pool: Engine::Postgres(pool),
            access: Access::default(),
            clients: Default::default(),
        }
    }

    /// Reads every page of the file: damage anywhere is [`Error::Damaged`],
    /// found now rather than in the middle of a session.
    pub async fn check(&self) -> Result<()> {
        let pool = self.file_pool("checking every page", "the server checks its own files")?;
        check_pages(pool, &self.path, &self.access).await
    }

    /// The SQLite pool, for what only a database file does; on a clinic
    /// server [`Error::NotOnServer`], saying what to do there instead.
    fn file_pool(&self, action: &'static str, instead: &'static str) -> Result<&SqlitePool> {
        match &self.pool {
            Engine::Sqlite(pool) => Ok(pool),
            Engine::Postgres(_) => Err(Error::NotOnServer { action, instead }),
        }
    }

    /// Where the database file is; for a clinic's database, where this
    /// computer keeps the app's own files for it (previews beside it, named
    /// after it): in the app's data folder, named after the server and the
    /// database.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the database is, to show: the file, or the login, server and
    /// database of a clinic's (never the password).
    pub fn location(&self) -> String {
        match &self.pool {
            Engine::Sqlite(_) => self.path.display().to_string(),
            Engine::Postgres(pool) => {
                let server = pool.connect_options();
                format!(
                    "postgres://{}@{}:{}/{}",
                    server.get_username(),
                    server.get_host(),
                    server.get_port(),
                    server.get_database().unwrap_or_default()
                )
            }
        }
    }

    /// How it was opened: with which key, and whether read-only.
    pub fn access(&self) -> &Access {
        &self.access
    }

    /// Closes every connection, with everything written into the database
    /// file itself: the write-ahead log is checkpointed and emptied first (the
    /// last connection to close doesn't always do it), so the file can be
    /// copied or replaced.
    pub async fn close(&self) {
        if let Engine::Sqlite(pool) = &self.pool {
            // Best effort: a log left behind is still read by the next opening.
            let _ = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(pool)
                .await;
        }
        self.pool.close().await;
    }

    /// Hides a live row (soft delete: it stays in the database) and records
    /// `action` in the audit log; [`Error::NotFound`] if there is no live row.
    async fn soft_delete(&self, actor: &str, table: Table, id: i64, action: &str) -> Result<()> {
        let mut tx = self.begin().await?;
        let sql = format!(
            "UPDATE {} SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL",
            table.name
        );
        let deleted = on_engine!(&mut tx, |tx| sqlx::query(&sql)
            .bind(now())
            .bind(id)
            .execute(&mut **tx)
            .await?
            .rows_affected());
        if deleted == 0 {
            return Err(Error::NotFound {
                entity: table.entity,
                id,
            });
        }
        audit::record(&mut tx, actor, action, (table.entity, id), "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// Starts a write transaction (see [`Pool::begin_write`]: on SQLite it
    /// waits up to [`BUSY_TIMEOUT`] for another writer).
    async fn begin(&self) -> Result<Tx> {
        self.pool.begin_write().await
    }
}
