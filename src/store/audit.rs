use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};
use ts_rs::TS;

use super::{Result, Store};

/// One line of the audit log: who did what to which record, when.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    /// e.g. `client.create`, `note.sign`.
    pub action: String,
    pub entity: String,
    pub entity_id: i64,
    pub detail: String,
}

/// Appends to the audit log inside the caller's transaction.
pub(super) async fn record(
    conn: &mut SqliteConnection,
    actor: &str,
    action: &str,
    (entity, entity_id): (&str, i64),
    detail: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(actor)
    .bind(action)
    .bind(entity)
    .bind(entity_id)
    .bind(detail)
    .execute(conn)
    .await?;
    Ok(())
}

/// The newest entry's id (0 for none). Every write adds one, so this moves
/// with every change made through the store, in any window or program.
pub(super) async fn latest(pool: &SqlitePool) -> Result<i64> {
    // Exactly `max(id)`: SQLite answers that from the end of the table's
    // b-tree; wrapped in another function it would scan the whole log.
    let latest: Option<i64> = sqlx::query_scalar("SELECT max(id) FROM audit_log")
        .fetch_one(pool)
        .await?;
    Ok(latest.unwrap_or(0))
}

impl Store {
    /// The audit trail of one record, oldest first.
    pub async fn audit_trail(&self, entity: &str, entity_id: i64) -> Result<Vec<AuditEntry>> {
        Ok(sqlx::query_as(
            "SELECT at, actor, action, entity, entity_id, detail FROM audit_log
             WHERE entity = ? AND entity_id = ? ORDER BY id",
        )
        .bind(entity)
        .bind(entity_id)
        .fetch_all(&self.pool)
        .await?)
    }
}
