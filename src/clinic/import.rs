//! Moving in: everything in a therapist's solo database (read as an
//! [`Export`]) written into the clinic in one transaction, all or nothing, as
//! the person signed in, who then owns it.
//!
//! Ids are mapped, never kept: other therapists' records already hold the
//! clinic's numbers. The clinic's own triggers still hold while moving in: a
//! signed note takes no new findings, so each session arrives as a draft, gets
//! its findings and checks, and is then signed with its original moment; an
//! amendment is written in the importer's name (the server stamps it).

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use sqlx::{PgConnection, PgPool};

use super::Result;
use crate::model::export::{Export, Row};

/// What moved in, and what was refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub clients: u64,
    pub sessions: u64,
    pub findings: u64,
    pub checks: u64,
    pub signed_notes: u64,
    pub amendments: u64,
    pub handouts: u64,
    pub practice_log: u64,
    pub snippets: u64,
    /// Audit-log entries kept as history, marked imported.
    pub history: u64,
    pub refused: Vec<Refusal>,
}

/// Something of the solo database that did not move in, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Refusal {
    /// The client is already in the clinic, moved in before (by `by`, at `at`).
    AlreadyImported {
        name: String,
        by: String,
        at: String,
    },
    /// A signed-off practice-log entry: a supervisor in the clinic signs it
    /// off again, in their own name.
    SignedOffLogEntry { date: String },
}

/// Which records of the solo database became which in the clinic.
#[derive(Default)]
struct Ids(HashMap<(&'static str, i64), i64>);

impl Ids {
    fn get(&self, table: &'static str, old: &Value) -> Option<i64> {
        self.0.get(&(table, old.as_i64()?)).copied()
    }
}

/// Moves `solo` into the clinic at `pool` (see the module's documentation).
pub async fn import(pool: &PgPool, solo: &Export) -> Result<Report> {
    let mut tx = pool.begin().await?;
    // The triggers log every row written as this import, in the importer's name.
    sqlx::query("SELECT set_config('myochart.action', 'import', true)")
        .execute(&mut *tx)
        .await?;
    let mut import = Import {
        conn: &mut tx,
        json_columns: json_columns(pool).await?,
        ids: Ids::default(),
        report: Report::default(),
    };
    import.clients(rows(solo, "clients")).await?;
    import
        .sessions(
            rows(solo, "sessions"),
            rows(solo, "findings"),
            rows(solo, "session_checks"),
        )
        .await?;
    import.amendments(rows(solo, "amendments")).await?;
    import.handouts(rows(solo, "handouts")).await?;
    import.practice_log(rows(solo, "practice_log")).await?;
    import.snippets(rows(solo, "snippets")).await?;
    import.history(rows(solo, "audit_log")).await?;
    let report = import.report;
    tx.commit().await?;
    Ok(report)
}

fn rows<'a>(solo: &'a Export, table: &str) -> &'a [Row] {
    solo.rows(table).unwrap_or_default()
}

struct Import<'c> {
    conn: &'c mut PgConnection,
    /// (table, column) of the clinic's jsonb columns, which SQLite holds as text.
    json_columns: HashSet<(String, String)>,
    ids: Ids,
    report: Report,
}

impl Import<'_> {
    async fn clients(&mut self, rows: &[Row]) -> Result<()> {
        for row in rows {
            let fingerprint = fingerprint(row);
            let earlier: Option<(String, String)> = sqlx::query_as(
                "SELECT imported_by, imported_at FROM imported_clients WHERE fingerprint = $1",
            )
            .bind(&fingerprint)
            .fetch_optional(&mut *self.conn)
            .await?;
            if let Some((by, at)) = earlier {
                self.report.refused.push(Refusal::AlreadyImported {
                    name: full_name(row),
                    by,
                    at,
                });
                continue;
            }
            let id = self.insert("clients", row, &[]).await?;
            sqlx::query("INSERT INTO imported_clients (fingerprint, client_id) VALUES ($1, $2)")
                .bind(&fingerprint)
                .bind(id)
                .execute(&mut *self.conn)
                .await?;
            self.map("clients", row, id);
            self.report.clients += 1;
        }
        Ok(())
    }

    /// Sessions with their findings and checks, each signed (with its own
    /// moment) once they are in.
    async fn sessions(&mut self, sessions: &[Row], findings: &[Row], checks: &[Row]) -> Result<()> {
        for row in sessions {
            let Some(client) = self.ids.get("clients", field(row, "client_id")) else {
                continue;
            };
            let draft = [
                ("client_id", Value::from(client)),
                ("status", Value::from("draft")),
                ("signed_at", Value::Null),
            ];
            let id = self.insert("sessions", row, &draft).await?;
            self.map("sessions", row, id);
            self.report.sessions += 1;
        }
        self.report.findings = self.of_sessions("findings", findings).await?;
        self.report.checks = self.of_sessions("session_checks", checks).await?;
        for row in sessions
            .iter()
            .filter(|row| field(row, "status") == "signed")
        {
            let Some(id) = self.ids.get("sessions", field(row, "id")) else {
                continue;
            };
            sqlx::query(
                "UPDATE sessions SET status = 'signed', signed_at = $2, updated_at = $3
                 WHERE id = $1",
            )
            .bind(id)
            .bind(field(row, "signed_at").as_str())
            .bind(field(row, "updated_at").as_str())
            .execute(&mut *self.conn)
            .await?;
            self.report.signed_notes += 1;
        }
        Ok(())
    }

    /// Findings and checks (`table`) of the sessions that moved in.
    async fn of_sessions(&mut self, table: &'static str, rows: &[Row]) -> Result<u64> {
        let mut moved = 0;
        for row in rows {
            if let Some(session) = self.ids.get("sessions", field(row, "session_id")) {
                let id = self
                    .insert(table, row, &[("session_id", Value::from(session))])
                    .await?;
                self.map(table, row, id);
                moved += 1;
            }
        }
        Ok(moved)
    }

    async fn amendments(&mut self, rows: &[Row]) -> Result<()> {
        for row in rows {
            if let Some(session) = self.ids.get("sessions", field(row, "session_id")) {
                self.insert("amendments", row, &[("session_id", Value::from(session))])
                    .await?;
                self.report.amendments += 1;
            }
        }
        Ok(())
    }

    async fn handouts(&mut self, rows: &[Row]) -> Result<()> {
        for row in rows {
            let session = self.ids.get("sessions", field(row, "session_id"));
            let client = self.ids.get("clients", field(row, "client_id"));
            if let (Some(session), Some(client)) = (session, client) {
                let ids = [
                    ("session_id", Value::from(session)),
                    ("client_id", Value::from(client)),
                ];
                self.insert("handouts", row, &ids).await?;
                self.report.handouts += 1;
            }
        }
        Ok(())
    }

    async fn practice_log(&mut self, rows: &[Row]) -> Result<()> {
        for row in rows {
            if !field(row, "signed_off_at").is_null() {
                self.report.refused.push(Refusal::SignedOffLogEntry {
                    date: text(row, "entry_date"),
                });
                continue;
            }
            self.insert("practice_log", row, &[]).await?;
            self.report.practice_log += 1;
        }
        Ok(())
    }

    /// The importer's snippets, but for those they already have.
    async fn snippets(&mut self, rows: &[Row]) -> Result<()> {
        for row in rows {
            let kept: bool = sqlx::query_scalar(
                "SELECT EXISTS (SELECT FROM snippets
                 WHERE owner = session_user AND label = $1 AND text = $2)",
            )
            .bind(text(row, "label"))
            .bind(text(row, "text"))
            .fetch_one(&mut *self.conn)
            .await?;
            if !kept {
                self.insert("snippets", row, &[]).await?;
                self.report.snippets += 1;
            }
        }
        Ok(())
    }

    /// The solo audit log of the records that moved in, as history marked
    /// imported (through the schema's `import_history`, as nobody writes the
    /// audit log directly). Entries about the solo practice's settings,
    /// plugins and the like stay behind: the clinic has its own.
    async fn history(&mut self, rows: &[Row]) -> Result<()> {
        let mut entries = Vec::new();
        for row in rows {
            let table = match field(row, "entity").as_str() {
                Some("client") => "clients",
                Some("session") => "sessions",
                Some("finding") => "findings",
                Some("check") => "session_checks",
                _ => continue,
            };
            let Some(id) = self.ids.get(table, field(row, "entity_id")) else {
                continue;
            };
            let mut entry = object(row);
            entry.insert("entity_id".into(), Value::from(id));
            entry.insert("changes".into(), parsed(field(row, "changes")));
            entries.push(Value::Object(entry));
        }
        if !entries.is_empty() {
            let taken: i64 = sqlx::query_scalar("SELECT import_history($1)")
                .bind(Value::Array(entries))
                .fetch_one(&mut *self.conn)
                .await?;
            self.report.history = taken as u64;
        }
        Ok(())
    }

    /// Inserts `row` into `table` under a new id, with `overrides` in place of
    /// its own values; the new id.
    async fn insert(
        &mut self,
        table: &'static str,
        row: &Row,
        overrides: &[(&str, Value)],
    ) -> Result<i64> {
        let mut values = object(row);
        values.remove("id");
        for (column, value) in overrides {
            values.insert((*column).to_owned(), value.clone());
        }
        for (column, value) in values.iter_mut() {
            if self
                .json_columns
                .contains(&(table.to_owned(), column.clone()))
            {
                *value = parsed(value);
            }
        }
        let columns: Vec<String> = values.keys().map(|c| format!("\"{c}\"")).collect();
        let columns = columns.join(", ");
        // jsonb_populate_record turns each JSON value into its column's type
        // (SQLite's 0/1 flags into booleans among them).
        let sql = format!(
            "INSERT INTO {table} ({columns}) SELECT {columns}
             FROM jsonb_populate_record(NULL::{table}, $1) RETURNING id"
        );
        Ok(sqlx::query_scalar(&sql)
            .bind(Value::Object(values))
            .fetch_one(&mut *self.conn)
            .await?)
    }

    fn map(&mut self, table: &'static str, row: &Row, new: i64) {
        if let Some(old) = field(row, "id").as_i64() {
            self.ids.0.insert((table, old), new);
        }
    }
}

/// The clinic's jsonb columns.
async fn json_columns(pool: &PgPool) -> Result<HashSet<(String, String)>> {
    let columns: Vec<(String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text FROM information_schema.columns
         WHERE table_schema = 'public' AND data_type = 'jsonb'",
    )
    .fetch_all(pool)
    .await?;
    Ok(columns.into_iter().collect())
}

/// A solo client's fingerprint: its creation moment and name, hashed.
fn fingerprint(client: &Row) -> String {
    let mut hash = Sha256::new();
    for column in ["created_at", "first_name", "last_name"] {
        hash.update(text(client, column));
        hash.update([0]);
    }
    hash.finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn full_name(client: &Row) -> String {
    format!(
        "{} {}",
        text(client, "first_name"),
        text(client, "last_name")
    )
    .trim()
    .to_owned()
}

const NULL: &Value = &Value::Null;

fn field<'r>(row: &'r Row, column: &str) -> &'r Value {
    row.get(column).unwrap_or(NULL)
}

fn text(row: &Row, column: &str) -> String {
    field(row, column).as_str().unwrap_or_default().to_owned()
}

fn object(row: &Row) -> Map<String, Value> {
    row.0.iter().cloned().collect()
}

/// A JSON column's value: SQLite holds it as its text.
fn parsed(value: &Value) -> Value {
    match value {
        Value::String(json) => serde_json::from_str(json).unwrap_or_else(|_| value.clone()),
        other => other.clone(),
    }
}
