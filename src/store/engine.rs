//! The two database engines the store runs on: SQLite, the embedded default
//! (optionally SQLCipher), and PostgreSQL, a clinic's shared server.
//!
//! Each query is written once, in SQL both engines accept (`$1` placeholders,
//! `IS [NOT] DISTINCT FROM`, `ON CONFLICT`, the time passed in by [`now`]), and
//! [`on_engine!`] expands it once per engine, so each driver type-checks it.
//! Why not the alternatives: `sqlx::Any` can't send SQLCipher's `key` pragma and
//! decodes few types; a `Store<DB: Database>` drowns every query in sqlx's trait
//! bounds.

use sqlx::{PgPool, Postgres, Sqlite, SqlitePool, Transaction};

use super::Result;

/// One thing of each engine: a pool, a transaction.
#[derive(Debug, Clone)]
pub(super) enum Engine<S, P> {
    Sqlite(S),
    Postgres(P),
}

/// A connection pool to one database, of either engine.
pub(super) type Pool = Engine<SqlitePool, PgPool>;

/// A transaction on either engine; rolled back if dropped uncommitted.
pub(super) type Tx = Engine<Transaction<'static, Sqlite>, Transaction<'static, Postgres>>;

/// Runs `$body` with `$db` bound to the engine's own value (a `&SqlitePool`
/// or a `&PgPool`, a `&mut Transaction<Sqlite>` or a `&mut Transaction<Postgres>`):
/// the body is written once and compiled twice, once against each driver.
/// Both expansions must give the same type: `execute`'s result is each
/// engine's own, so a body ends with `.rows_affected()` or `.map(drop)`.
macro_rules! on_engine {
    ($engine:expr, |$db:ident| $body:expr) => {
        match $engine {
            $crate::store::engine::Engine::Sqlite($db) => $body,
            $crate::store::engine::Engine::Postgres($db) => $body,
        }
    };
}
pub(super) use on_engine;

impl<S, P> Engine<S, P> {
    /// `sqlite` or `postgres`, whichever is this engine's: for the few bits of
    /// SQL that differ (functions one of them lacks).
    pub(super) fn pick<'a>(&self, sqlite: &'a str, postgres: &'a str) -> &'a str {
        match self {
            Engine::Sqlite(_) => sqlite,
            Engine::Postgres(_) => postgres,
        }
    }
}

impl Pool {
    /// Starts a write transaction. On SQLite `IMMEDIATE` takes the write lock up
    /// front, so while another connection or program writes, this one waits (up
    /// to the busy timeout); a deferred transaction would fail at once when it
    /// upgrades from reading to writing. PostgreSQL locks rows, not the database.
    pub(super) async fn begin_write(&self) -> Result<Tx> {
        Ok(match self {
            Engine::Sqlite(pool) => Engine::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Engine::Postgres(pool) => Engine::Postgres(pool.begin().await?),
        })
    }

    /// Starts a transaction for reads that must agree with each other.
    pub(super) async fn begin_read(&self) -> Result<Tx> {
        Ok(on_engine!(self, |pool| Tx::from(pool.begin().await?)))
    }

    pub(super) async fn close(&self) {
        on_engine!(self, |pool| pool.close().await)
    }
}

impl From<Transaction<'static, Sqlite>> for Tx {
    fn from(tx: Transaction<'static, Sqlite>) -> Tx {
        Engine::Sqlite(tx)
    }
}

impl From<Transaction<'static, Postgres>> for Tx {
    fn from(tx: Transaction<'static, Postgres>) -> Tx {
        Engine::Postgres(tx)
    }
}

impl Tx {
    /// Ends a SELECT of the rows this transaction is about to change: ` FOR
    /// UPDATE` on PostgreSQL, whose write transactions (READ COMMITTED) would
    /// otherwise read values another connection is changing, and check or
    /// log stale ones. SQLite's `begin_write` already holds the only write lock.
    pub(super) fn for_update(&self) -> &'static str {
        self.pick("", " FOR UPDATE")
    }

    pub(super) async fn commit(self) -> Result<()> {
        on_engine!(self, |tx| tx.commit().await?);
        Ok(())
    }
}

/// The moment now as the store writes it in every `*_at` column: UTC, ISO 8601
/// with milliseconds (`2026-11-25T16:47:02.123Z`), as SQLite's
/// `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` wrote it. Passed in from here so one
/// SQL text serves both engines.
pub(crate) fn now() -> String {
    chrono::Utc::now()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::now;
    use sqlx::SqlitePool;

    async fn memory() -> SqlitePool {
        SqlitePool::connect("sqlite::memory:")
            .await
            .expect("in-memory SQLite")
    }

    /// Rows stamped before the change (by SQLite) and after it sort together.
    #[tokio::test]
    async fn now_is_written_as_sqlite_wrote_it() {
        let pool = memory().await;
        let sqlite_now = || {
            sqlx::query_scalar::<_, String>("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")
                .fetch_one(&pool)
        };
        let before = sqlite_now().await.expect("strftime");
        let ours = now();
        let after = sqlite_now().await.expect("strftime");
        assert_eq!(ours.len(), before.len(), "{ours} vs {before}");
        assert!(before <= ours && ours <= after, "{before} {ours} {after}");
    }

    /// The common SQL needs SQLite 3.39 (`IS DISTINCT FROM`); the bundled
    /// SQLCipher's is newer.
    #[tokio::test]
    async fn the_bundled_sqlite_reads_the_common_sql() {
        let pool = memory().await;
        let (distinct, same): (bool, bool) =
            sqlx::query_as("SELECT $1 IS DISTINCT FROM NULL, NULL IS NOT DISTINCT FROM $2")
                .bind("[]")
                .bind(None::<String>)
                .fetch_one(&pool)
                .await
                .expect("IS DISTINCT FROM");
        assert!(distinct && same);
    }
}
