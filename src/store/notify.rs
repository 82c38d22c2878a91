//! Changes made on a clinic server by the clinic's other windows, as they are
//! committed: the triggers of `migrations/postgres/…03_notify.sql` announce
//! each change of the records (table and ids only) on one channel, and a
//! window listens there to reload what it shows. A file on this computer has
//! no such channel: other programs' changes are seen when the window next
//! reads.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use sqlx::postgres::PgListener;
use ts_rs::TS;

use super::engine::Engine;
use super::{Result, Store};

/// The channel the triggers announce changes on.
const CHANNEL: &str = "myochart_changes";

/// How long to wait before trying again to reach a server that went away.
const RETRY_AFTER: Duration = Duration::from_secs(1);

/// A row of the records that was added, changed or removed: its table and
/// ids only (every listener hears every change, whatever it may read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct RecordChange {
    /// `clients`, `client_shares`, `sessions`, `findings` or `amendments`.
    pub table: String,
    /// The row's id (none for a share, keyed by client and therapist).
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    /// The client it belongs to, where the row names one.
    #[ts(type = "number | null")]
    pub client: Option<i64>,
    /// The session it belongs to, where the row names one.
    #[ts(type = "number | null")]
    pub session: Option<i64>,
}

/// What a listener heard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heard {
    Changed(RecordChange),
    /// The connection was lost and is back: changes made meanwhile were not
    /// heard, so everything shown may be stale.
    Missed,
}

/// Listens to a clinic server's announcements of changes.
#[derive(Debug)]
pub struct Changes {
    listener: PgListener,
}

impl Store {
    /// Starts listening to the changes committed by others; `None` for a
    /// database file.
    pub async fn listen(&self) -> Result<Option<Changes>> {
        let Engine::Postgres(pool) = &self.pool else {
            return Ok(None);
        };
        let mut listener = PgListener::connect_with(pool).await?;
        listener.listen(CHANNEL).await?;
        Ok(Some(Changes { listener }))
    }
}

impl Changes {
    /// Waits for the next change. While the server can't be reached it keeps
    /// trying to reconnect, then says [`Heard::Missed`]; `None` once the store
    /// is closed.
    pub async fn next(&mut self) -> Option<Heard> {
        loop {
            match self.listener.try_recv().await {
                Ok(Some(notification)) => {
                    // A payload that doesn't parse came from another program:
                    // reload everything rather than miss a change.
                    return Some(
                        serde_json::from_str(notification.payload())
                            .map_or(Heard::Missed, Heard::Changed),
                    );
                }
                Ok(None) => return Some(Heard::Missed),
                Err(sqlx::Error::PoolClosed) => return None,
                Err(error) => {
                    tracing::debug!(%error, "the clinic server can't be reached; listening again soon");
                    tokio::time::sleep(RETRY_AFTER).await;
                }
            }
        }
    }
}
