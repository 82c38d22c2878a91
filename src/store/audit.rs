//! The audit log: who changed what, when, and the values each change replaced.
//! Entries are appended inside the transaction of the write they describe.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::engine::{on_engine, Engine, Pool, Tx};
use super::{Result, Store};
use crate::atlas::Side;
use crate::model::{ClientId, SessionId};

/// One line of the audit log: who did what to which record, when, and what
/// the change replaced.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub at: String,
    pub actor: String,
    /// e.g. `client.create`, `note.sign`.
    pub action: String,
    pub entity: String,
    #[ts(type = "number")]
    pub entity_id: i64,
    pub detail: String,
    /// The fields that changed, by their names in the record (`healthHistory`),
    /// with the values before and after; empty for entries that replace
    /// nothing (a record created, a backup made).
    #[sqlx(json)]
    pub changes: BTreeMap<String, Change>,
}

/// An entry of a client's history: an [`AuditEntry`] with, for a session's
/// or a finding's entry, the session's date, and for a finding's, its muscle
/// and side, so the reader knows which record it speaks of.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct HistoryEntry {
    #[serde(flatten)]
    #[sqlx(flatten)]
    pub entry: AuditEntry,
    pub session_date: Option<String>,
    pub muscle_label: Option<String>,
    pub side: Option<Side>,
}

/// One field's value before and after a change.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Change {
    #[ts(type = "unknown")]
    pub old: Value,
    #[ts(type = "unknown")]
    pub new: Value,
}

const ENTRY_COLUMNS: &str =
    "a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.detail, a.changes";

/// The actions that copy the whole database, every client's records with it.
/// (A practice log, also saved from the whole database, holds no client's
/// records.)
const WHOLE_DATABASE_COPIES: [&str; 2] = ["database.backup", "export.all"];

/// Fields every write moves by itself: they say nothing a reader needs.
const BOOKKEEPING: [&str; 2] = ["updatedAt", "noteRevision"];

/// The fields whose values differ between `old` and `new` (two versions of
/// the same record), by their serialized names.
fn changes(old: &impl Serialize, new: &impl Serialize) -> BTreeMap<String, Change> {
    // Records serialize to objects of plain values; anything else has no fields.
    let fields = |value: serde_json::Result<Value>| match value {
        Ok(Value::Object(fields)) => fields,
        _ => Default::default(),
    };
    let old = fields(serde_json::to_value(old));
    let mut new = fields(serde_json::to_value(new));
    old.into_iter()
        .filter(|(field, _)| !BOOKKEEPING.contains(&field.as_str()))
        .filter_map(|(field, old)| {
            let new = new.remove(&field).unwrap_or(Value::Null);
            (old != new).then_some((field, Change { old, new }))
        })
        .collect()
}

/// Appends to the audit log inside the caller's transaction.
pub(super) async fn record(
    tx: &mut Tx,
    actor: &str,
    action: &str,
    entity: (&str, i64),
    detail: &str,
) -> Result<()> {
    insert(tx, actor, action, entity, detail, &BTreeMap::new()).await
}

/// Appends an event that changes no record (an import as a whole) inside the
/// caller's transaction. On PostgreSQL it is written at once through the
/// server's `record_event`, so it doesn't rename the writes of the
/// transaction, which the triggers log at its commit.
pub(super) async fn record_event(
    tx: &mut Tx,
    actor: &str,
    action: &str,
    entity: (&str, i64),
    detail: &str,
) -> Result<()> {
    match tx {
        Engine::Sqlite(_) => record(tx, actor, action, entity, detail).await,
        Engine::Postgres(tx) => {
            sqlx::query("SELECT record_event($1, $2, $3, $4)")
                .bind(action)
                .bind(entity.0)
                .bind(entity.1)
                .bind(detail)
                .execute(&mut **tx)
                .await?;
            Ok(())
        }
    }
}

/// Appends a change of a record to the audit log inside the caller's
/// transaction, with the values of the fields it replaced (`old` and `new` are
/// the record before and after).
pub(super) async fn record_change<T: Serialize>(
    tx: &mut Tx,
    actor: &str,
    action: &str,
    entity: (&str, i64),
    (old, new): (&T, &T),
) -> Result<()> {
    insert(tx, actor, action, entity, "", &changes(old, new)).await
}

/// Appends an addition to a record (an amendment to a note) inside the
/// caller's transaction, with what was added as `field`'s change from nothing.
pub(super) async fn record_addition(
    tx: &mut Tx,
    actor: &str,
    action: &str,
    entity: (&str, i64),
    detail: &str,
    (field, added): (&str, &str),
) -> Result<()> {
    let change = Change {
        old: Value::Null,
        new: added.into(),
    };
    let changes = BTreeMap::from([(field.to_owned(), change)]);
    insert(tx, actor, action, entity, detail, &changes).await
}

/// On SQLite, appends the entry. On PostgreSQL the server's triggers write the
/// log, in the signed-in person's name and with the changed fields, when the
/// transaction commits (they are deferred so that this, called after the
/// write, still names it): here the store only names the action and detail.
async fn insert(
    tx: &mut Tx,
    actor: &str,
    action: &str,
    (entity, entity_id): (&str, i64),
    detail: &str,
    changes: &BTreeMap<String, Change>,
) -> Result<()> {
    match tx {
        Engine::Sqlite(tx) => {
            sqlx::query(
                "INSERT INTO audit_log (actor, action, entity, entity_id, detail, changes)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(actor)
            .bind(action)
            .bind(entity)
            .bind(entity_id)
            .bind(detail)
            .bind(sqlx::types::Json(changes))
            .execute(&mut **tx)
            .await?;
        }
        Engine::Postgres(tx) => {
            sqlx::query(
                "SELECT set_config('myochart.action', $1, true),
                        set_config('myochart.detail', $2, true)",
            )
            .bind(action)
            .bind(detail)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

/// The newest entry's id (0 for none). Every write adds one, so this moves
/// with every change made through the store, in any window or program.
pub(super) async fn latest(pool: &Pool) -> Result<i64> {
    // Exactly `max(id)`: SQLite answers that from the end of the table's
    // b-tree; wrapped in another function it would scan the whole log. On a
    // clinic, past the log's row-level security (see its migration).
    let sql = pool.pick(
        "SELECT max(id) FROM audit_log",
        "SELECT latest_audit_entry()",
    );
    let latest: Option<i64> =
        on_engine!(pool, |pool| sqlx::query_scalar(sql).fetch_one(pool).await?);
    Ok(latest.unwrap_or(0))
}

impl Store {
    /// The audit trail of one record, oldest first.
    pub async fn audit_trail(&self, entity: &str, entity_id: i64) -> Result<Vec<AuditEntry>> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM audit_log a
             WHERE a.entity = $1 AND a.entity_id = $2 ORDER BY a.id"
        );
        Ok(on_engine!(&self.pool, |pool| sqlx::query_as(&sql)
            .bind(entity)
            .bind(entity_id)
            .fetch_all(pool)
            .await?))
    }

    /// Everything the audit log holds about a client, newest first: the
    /// client record, their sessions (notes, handouts) and findings, deleted
    /// ones too, and the copies of the whole database made since they were
    /// added, which hold them.
    pub async fn client_history(&self, client: ClientId) -> Result<Vec<HistoryEntry>> {
        // One indexed lookup per kind of record, rather than one scan of the
        // whole log for entries that lead to the client.
        let sql = format!(
            "SELECT {ENTRY_COLUMNS}, NULL AS session_date, NULL AS muscle_label, NULL AS side
                 FROM audit_log a WHERE a.entity = 'client' AND a.entity_id = $1
             UNION ALL
             SELECT {ENTRY_COLUMNS}, s.session_date, NULL, NULL
                 FROM sessions s JOIN audit_log a ON a.entity = 'session' AND a.entity_id = s.id
                 WHERE s.client_id = $1
             UNION ALL
             SELECT {ENTRY_COLUMNS}, s.session_date, f.muscle_label, f.side
                 FROM sessions s JOIN findings f ON f.session_id = s.id
                 JOIN audit_log a ON a.entity = 'finding' AND a.entity_id = f.id
                 WHERE s.client_id = $1
             UNION ALL
             SELECT {ENTRY_COLUMNS}, NULL, NULL, NULL
                 FROM audit_log a WHERE a.entity = 'database' AND a.action IN ({copies})
                 -- Copies made since the client was added: earlier ones don't hold them.
                 AND a.id > (SELECT min(id) FROM audit_log
                             WHERE entity = 'client' AND entity_id = $1)
             ORDER BY id DESC",
            copies = WHOLE_DATABASE_COPIES
                .map(|action| format!("'{action}'"))
                .join(", "),
        );
        Ok(on_engine!(&self.pool, |pool| sqlx::query_as(&sql)
            .bind(client)
            .fetch_all(pool)
            .await?))
    }

    /// The revisions of a session's note, newest first: each draft save with
    /// what it replaced, the signing and each amendment.
    pub async fn note_history(&self, session: SessionId) -> Result<Vec<AuditEntry>> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM audit_log a
             WHERE a.entity = 'session' AND a.entity_id = $1 AND a.action LIKE 'note.%'
             ORDER BY a.id DESC"
        );
        Ok(on_engine!(&self.pool, |pool| sqlx::query_as(&sql)
            .bind(session)
            .fetch_all(pool)
            .await?))
    }

    /// How many changes were recorded after `since` (all of them without it).
    pub async fn changes_since(&self, since: Option<&str>) -> Result<i64> {
        Ok(on_engine!(&self.pool, |pool| sqlx::query_scalar(
            "SELECT count(*) FROM audit_log WHERE $1 IS NULL OR at > $1"
        )
        .bind(since)
        .fetch_one(pool)
        .await?))
    }

    /// Records an event that changes no record: records that left the
    /// database (a backup, an export; `detail` says where they went, after the
    /// copy is made), the database protected or restored.
    pub async fn record_event(
        &self,
        actor: &str,
        action: &str,
        entity: (&str, i64),
        detail: &str,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        record_event(&mut tx, actor, action, entity, detail).await?;
        tx.commit().await?;
        Ok(())
    }
}
