//! Export and import: every row of every table, read and written column by
//! column as the database holds them, so a restore is exact (ids, signed
//! notes, deleted rows and the audit log included). What the file looks like
//! and how it is checked is [`crate::model::export`]. SQLite only for now: the
//! columns are read from SQLite's own description of its tables.

use serde_json::Value;
use sqlx::sqlite::{SqliteArguments, SqliteRow};
use sqlx::{Row as _, Sqlite, SqliteConnection, SqlitePool, TypeInfo, ValueRef};

use super::{Result, Store};
use crate::model::export::{Column, Export, Kind, Row, TableSchema};
use crate::model::ClientId;

/// A table an export holds, and which of its rows belong to the client `$1`.
struct Exported {
    name: &'static str,
    of_client: &'static str,
}

const OF_CLIENT_SESSIONS: &str = "session_id IN (SELECT id FROM sessions WHERE client_id = $1)";
const NONE_OF_A_CLIENT: &str = "FALSE";

/// Every table the migrations create, in the order an import writes them.
///
/// Findings and suggested checks come before their sessions: a signed note
/// takes no new findings (a trigger in `migrations/` refuses them), so they
/// are written while their session isn't there yet, and references are
/// checked at commit instead (`defer_foreign_keys`). Amendments come after
/// their sessions: only a signed note takes one.
const TABLES: [Exported; 12] = [
    Exported {
        name: "settings",
        of_client: NONE_OF_A_CLIENT,
    },
    Exported {
        name: "student_profile",
        of_client: NONE_OF_A_CLIENT,
    },
    Exported {
        name: "clients",
        of_client: "id = $1",
    },
    Exported {
        name: "findings",
        of_client: OF_CLIENT_SESSIONS,
    },
    Exported {
        name: "session_checks",
        of_client: OF_CLIENT_SESSIONS,
    },
    Exported {
        name: "sessions",
        of_client: "client_id = $1",
    },
    Exported {
        name: "amendments",
        of_client: OF_CLIENT_SESSIONS,
    },
    Exported {
        name: "handouts",
        of_client: "client_id = $1",
    },
    Exported {
        name: "practice_log",
        of_client: OF_CLIENT_SESSIONS,
    },
    Exported {
        name: "snippets",
        of_client: NONE_OF_A_CLIENT,
    },
    Exported {
        name: "plugins",
        of_client: NONE_OF_A_CLIENT,
    },
    Exported {
        name: "audit_log",
        of_client: "(entity = 'client' AND entity_id = $1)
            OR (entity = 'session' AND entity_id IN (SELECT id FROM sessions WHERE client_id = $1))
            OR (entity = 'finding' AND entity_id IN (SELECT f.id FROM findings f
                JOIN sessions s ON s.id = f.session_id WHERE s.client_id = $1))
            OR (entity = 'check' AND entity_id IN (SELECT c.id FROM session_checks c
                JOIN sessions s ON s.id = c.session_id WHERE s.client_id = $1))",
    },
];

/// Tables the migrations create with their one row in it: an import replaces
/// that row.
const ONE_ROW_TABLES: [&str; 2] = ["settings", "student_profile"];

/// What a clinic server does instead of an export or an import.
const ON_A_SERVER: &str = "on a clinic server, back up with pg_dump and restore with pg_restore";

impl Store {
    /// The database file's pool: exports and imports are of files.
    fn export_pool(&self, action: &'static str) -> Result<&SqlitePool> {
        self.file_pool(action, ON_A_SERVER)
    }

    /// The exported tables as this database defines them.
    pub async fn export_schema(&self) -> Result<Vec<TableSchema>> {
        schema(&mut *self.export_pool("exporting")?.acquire().await?).await
    }

    /// Every row of every table, or only the rows of `client`'s records (their
    /// client row, sessions, findings, checks, amendments, handouts, practice-log
    /// sign-offs and audit trail), read in one transaction so the tables agree.
    pub async fn export(&self, client: Option<ClientId>) -> Result<Export> {
        let mut tx = self.export_pool("exporting")?.begin().await?;
        let mut tables = Vec::with_capacity(TABLES.len());
        for (table, exported) in schema(&mut tx).await?.iter().zip(&TABLES) {
            let sql = format!(
                "SELECT {} FROM {} WHERE $1 IS NULL OR ({}) ORDER BY id",
                column_list(table),
                table.name,
                exported.of_client
            );
            let rows = sqlx::query(&sql)
                .bind(client)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|row| read_row(table, row))
                .collect::<Result<Vec<Row>>>()?;
            tables.push((table.name.clone(), rows));
        }
        tx.commit().await?;
        Ok(Export::new(tables))
    }

    /// Whether the database holds anything besides the settings it starts with.
    pub async fn holds_records(&self) -> Result<bool> {
        holds_records(&mut *self.export_pool("importing")?.acquire().await?).await
    }

    /// Writes every row of `export` (already checked with [`Export::check`])
    /// as it is, in one transaction: all of it or nothing. `false`, writing
    /// nothing, when the database holds records. Nothing is added to the audit
    /// log: the file's own log is restored as it was.
    pub async fn import(&self, export: &Export) -> Result<bool> {
        let mut tx = self
            .export_pool("importing")?
            .begin_with("BEGIN IMMEDIATE")
            .await?;
        if holds_records(&mut tx).await? {
            return Ok(false);
        }
        sqlx::query("PRAGMA defer_foreign_keys = ON")
            .execute(&mut *tx)
            .await?;
        for table in schema(&mut tx).await? {
            let Some(rows) = export.rows(&table.name) else {
                continue;
            };
            let verb = match ONE_ROW_TABLES.contains(&table.name.as_str()) {
                true => "INSERT OR REPLACE",
                false => "INSERT",
            };
            let placeholders = vec!["?"; table.columns.len()].join(", ");
            let sql = format!(
                "{verb} INTO {} ({}) VALUES ({placeholders})",
                table.name,
                column_list(&table)
            );
            for row in rows {
                let mut insert = sqlx::query(&sql);
                for column in &table.columns {
                    insert = bind(insert, row.get(&column.name).unwrap_or(&Value::Null));
                }
                insert.execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        self.clients.forget().await;
        Ok(true)
    }
}

async fn schema(conn: &mut SqliteConnection) -> Result<Vec<TableSchema>> {
    let mut tables = Vec::with_capacity(TABLES.len());
    for table in &TABLES {
        let columns: Vec<(String, String, bool)> =
            sqlx::query_as("SELECT name, type, \"notnull\" FROM pragma_table_info(?) ORDER BY cid")
                .bind(table.name)
                .fetch_all(&mut *conn)
                .await?;
        let references =
            sqlx::query_as("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)")
                .bind(table.name)
                .fetch_all(&mut *conn)
                .await?;
        tables.push(TableSchema {
            name: table.name.to_owned(),
            columns: columns
                .into_iter()
                .map(|(name, declared, required)| Column {
                    name,
                    kind: Kind::of_declared(&declared),
                    required,
                })
                .collect(),
            references,
        });
    }
    Ok(tables)
}

async fn holds_records(conn: &mut SqliteConnection) -> Result<bool> {
    for table in TABLES.iter().filter(|t| !ONE_ROW_TABLES.contains(&t.name)) {
        let sql = format!("SELECT EXISTS (SELECT 1 FROM {})", table.name);
        if sqlx::query_scalar(&sql).fetch_one(&mut *conn).await? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn column_list(table: &TableSchema) -> String {
    let names: Vec<String> = table
        .columns
        .iter()
        .map(|column| format!("\"{}\"", column.name))
        .collect();
    names.join(", ")
}

/// A row as JSON values of the types SQLite stored.
fn read_row(table: &TableSchema, row: &SqliteRow) -> Result<Row> {
    let mut values = Vec::with_capacity(table.columns.len());
    for (index, column) in table.columns.iter().enumerate() {
        let raw = row.try_get_raw(index)?;
        let value = if raw.is_null() {
            Value::Null
        } else {
            match raw.type_info().name() {
                "INTEGER" => Value::from(row.try_get::<i64, _>(index)?),
                "REAL" => Value::from(row.try_get::<f64, _>(index)?),
                _ => Value::from(row.try_get::<String, _>(index)?),
            }
        };
        values.push((column.name.clone(), value));
    }
    Ok(crate::model::export::Ordered(values))
}

type Insert<'q> = sqlx::query::Query<'q, Sqlite, SqliteArguments<'q>>;

fn bind<'q>(insert: Insert<'q>, value: &'q Value) -> Insert<'q> {
    match value {
        Value::Null => insert.bind(None::<i64>),
        Value::Bool(flag) => insert.bind(*flag),
        Value::Number(number) => match number.as_i64() {
            Some(integer) => insert.bind(integer),
            None => insert.bind(number.as_f64()),
        },
        Value::String(text) => insert.bind(text.as_str()),
        // Checked away before; stored as their JSON text if they ever come.
        other => insert.bind(other.to_string()),
    }
}
