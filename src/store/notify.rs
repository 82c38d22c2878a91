//! Changes made on a clinic server by the clinic's other windows, as they are
//! committed: the triggers of `migrations/postgres/…03_notify.sql` announce
//! each change of the records (table and ids only) on one channel, and a
//! window listens there to reload what it shows. A file on this computer has
//! no such channel: other programs' changes are seen when the window next
//! reads.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use sqlx::postgres::{PgListener, PgPool};
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
    /// The connection to the server was lost: it can't be reached.
    Lost,
    /// Changes may have been missed (the connection is back after being
    /// lost), so everything shown may be stale.
    Missed,
}

/// Listens to a clinic server's announcements of changes.
#[derive(Debug)]
pub struct Changes {
    listener: PgListener,
    pool: PgPool,
    /// The connection was lost and is not back yet.
    lost: bool,
}

impl Store {
    /// Starts listening to the changes committed by others; `None` for a
    /// database file.
    pub async fn listen(&self) -> Result<Option<Changes>> {
        let Engine::Postgres(pool) = &self.pool else {
            return Ok(None);
        };
        Ok(Some(Changes {
            listener: listen_on(pool).await?,
            pool: pool.clone(),
            lost: false,
        }))
    }
}

async fn listen_on(pool: &PgPool) -> sqlx::Result<PgListener> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

impl Changes {
    /// Waits for the next change. A lost connection (or any failure to hear)
    /// is [`Heard::Lost`] at once; the next call tries to reconnect every
    /// second until it can, then says [`Heard::Missed`]. `None` once the
    /// store is closed.
    pub async fn next(&mut self) -> Option<Heard> {
        if self.lost {
            self.reconnect().await?;
            self.lost = false;
            return Some(Heard::Missed);
        }
        match self.listener.try_recv().await {
            // A payload that doesn't parse came from another program: reload
            // everything rather than miss a change.
            Ok(Some(notification)) => Some(
                serde_json::from_str(notification.payload()).map_or(Heard::Missed, Heard::Changed),
            ),
            Err(sqlx::Error::PoolClosed) => None,
            Ok(None) | Err(_) => {
                self.lost = true;
                Some(Heard::Lost)
            }
        }
    }

    /// Listens on a new connection (the old one may be broken in ways the
    /// listener doesn't notice); `None` once the store is closed.
    async fn reconnect(&mut self) -> Option<()> {
        loop {
            match listen_on(&self.pool).await {
                Ok(listener) => {
                    self.listener = listener;
                    return Some(());
                }
                Err(sqlx::Error::PoolClosed) => return None,
                Err(error) => {
                    tracing::debug!(%error, "the clinic server can't be reached; trying again soon");
                    tokio::time::sleep(RETRY_AFTER).await;
                }
            }
        }
    }
}
