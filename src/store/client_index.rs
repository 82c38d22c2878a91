//! The client list's search keys, in list order, kept in memory.
//!
//! Search as you type asks for the first page of clients, in list order, whose
//! folded key contains every typed term. In SQL that means sorting every match
//! (thousands for a common name among 100,000 clients); here it is one pass over
//! keys already in order that stops when the page is full.
//!
//! The copy follows the database through the audit log, which every write of a
//! client goes into (in the same transaction): changes since the last search are
//! read back one client at a time, so other windows and the CLI are seen too.

use memchr::memmem::Finder;
use tokio::sync::Mutex;

use super::engine::{on_engine, Pool};
use super::Result;

/// Above this many changed clients, reading them all again is quicker.
const RELOAD_AFTER: usize = 1000;

#[derive(Debug, Default)]
pub(super) struct ClientIndex {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    /// The last audit-log entry applied; `None` before the first load.
    seen: Option<i64>,
    /// Live clients ordered like the list: by sort key, then id.
    entries: Vec<Entry>,
    /// Every entry's search key, one after the other: a scan reads memory in
    /// order instead of chasing a separate allocation per client. Keys of
    /// changed clients stay behind until the next full reload.
    keys: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    sort_key: String,
    id: i64,
    /// Where the search key is in [`State::keys`]: start and end.
    key: (usize, usize),
}

/// A live client's [`Row`], by id.
const ROW_OF_CLIENT: &str =
    "SELECT sort_key, id, search_key FROM clients WHERE id = $1 AND deleted_at IS NULL";

#[derive(sqlx::FromRow)]
struct Row {
    sort_key: String,
    id: i64,
    search_key: String,
}

impl ClientIndex {
    /// Ids of the first `limit` live clients, in list order, whose search key
    /// contains every one of `terms` (already folded).
    pub(super) async fn matching(
        &self,
        pool: &Pool,
        terms: &[&str],
        limit: usize,
    ) -> Result<Vec<i64>> {
        let mut state = self.state.lock().await;
        state.catch_up(pool).await?;
        // SIMD substring search, prepared once per term.
        let finders: Vec<Finder> = terms
            .iter()
            .map(|term| Finder::new(term.as_bytes()))
            .collect();
        let keys = state.keys.as_bytes();
        Ok(state
            .entries
            .iter()
            .filter(|entry| {
                let key = &keys[entry.key.0..entry.key.1];
                finders.iter().all(|finder| finder.find(key).is_some())
            })
            .take(limit)
            .map(|entry| entry.id)
            .collect())
    }
}

impl ClientIndex {
    /// Drops the copy; the next search reads every key again (after an
    /// import, whose clients the audit log may not all name).
    pub(super) async fn forget(&self) {
        *self.state.lock().await = State::default();
    }
}

impl State {
    async fn catch_up(&mut self, pool: &Pool) -> Result<()> {
        let latest = super::audit::latest(pool).await?;
        let Some(seen) = self.seen.filter(|seen| *seen <= latest) else {
            return self.reload(pool, latest).await;
        };
        if seen == latest {
            return Ok(());
        }
        // On a clinic, past the log's row-level security (see its migration).
        let sql = pool.pick(
            "SELECT DISTINCT entity_id FROM audit_log
             WHERE id > $1 AND id <= $2 AND entity = 'client'",
            "SELECT clients_changed($1, $2)",
        );
        let changed: Vec<i64> = on_engine!(pool, |pool| sqlx::query_scalar(sql)
            .bind(seen)
            .bind(latest)
            .fetch_all(pool)
            .await?);
        if changed.len() > RELOAD_AFTER {
            return self.reload(pool, latest).await;
        }
        for id in changed {
            self.entries.retain(|entry| entry.id != id);
            let current: Option<Row> = on_engine!(pool, |pool| sqlx::query_as(ROW_OF_CLIENT)
                .bind(id)
                .fetch_optional(pool)
                .await?);
            if let Some(row) = current {
                let entry = self.store_key(row);
                let at = self.entries.partition_point(|other| *other < entry);
                self.entries.insert(at, entry);
            }
        }
        self.seen = Some(latest);
        Ok(())
    }

    async fn reload(&mut self, pool: &Pool, latest: i64) -> Result<()> {
        // Rows read here may be newer than `latest`; applying those changes again
        // on the next search is harmless.
        let rows: Vec<Row> = on_engine!(pool, |pool| sqlx::query_as(
            "SELECT sort_key, id, search_key FROM clients WHERE deleted_at IS NULL
             ORDER BY sort_key, id",
        )
        .fetch_all(pool)
        .await?);
        self.keys = String::with_capacity(rows.iter().map(|row| row.search_key.len()).sum());
        self.entries = rows.into_iter().map(|row| self.store_key(row)).collect();
        // SQLite orders text by bytes, as Rust does; sorting again costs little
        // and keeps the order the binary search above relies on.
        self.entries.sort_unstable();
        self.seen = Some(latest);
        Ok(())
    }

    /// Appends a row's search key to [`State::keys`] and returns its entry.
    fn store_key(&mut self, row: Row) -> Entry {
        let start = self.keys.len();
        self.keys.push_str(&row.search_key);
        Entry {
            sort_key: row.sort_key,
            id: row.id,
            key: (start, self.keys.len()),
        }
    }
}
