//! Clients: creating, updating (with the changed fields in the audit log),
//! soft-deleting, and reading a client's record.

use sqlx::query::QueryAs;
use sqlx::sqlite::SqliteArguments;
use sqlx::{Sqlite, SqliteConnection};

use super::{audit, Error, Result, Store, CLIENTS};
use crate::atlas::RedFlag;
use crate::model::{Client, ClientId, ClientSummary, NewClient};

const CLIENT_COLUMNS: &str = "id, first_name, last_name, phone, email, date_of_birth, notes,
    health_history, medications, contraindications, areas_to_avoid, pressure_tolerance,
    consent_scope, consent_date, consent_signed_by, red_flags, screened_flags, screened_at,
    language, created_at, updated_at";

/// The client's fields as `?1..?17`, in the order [`bind_fields`] binds them.
const FIELD_COLUMNS: &str =
    "first_name, last_name, phone, email, date_of_birth, notes, search_key, sort_key,
    health_history, medications, contraindications, areas_to_avoid, pressure_tolerance,
    consent_scope, consent_date, consent_signed_by, red_flags";

/// `?18` is whether the red-flag questions were asked, `?19` which questions
/// there are (all of them were answered). The screening date moves only when
/// they are first asked, questions were added or the answers change
/// (`red_flags` here is the stored value, `?17` the new one), not on every edit
/// of the record.
const SCREENED_AT: &str = "CASE WHEN ?18 THEN
        CASE WHEN screened_at IS NULL OR red_flags IS NOT ?17 OR screened_flags IS NOT ?19
             THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') ELSE screened_at END
    END";
const SCREENED_FLAGS: &str = "CASE WHEN ?18 THEN ?19 ELSE '[]' END";
/// `?20`: the language the client reads.
const LANGUAGE: &str = "?20";

const SUMMARY_COLUMNS: &str = "c.id, c.first_name, c.last_name, c.phone, c.email,
    (SELECT max(s.session_date) FROM sessions s
     WHERE s.client_id = c.id AND s.deleted_at IS NULL) AS last_session";

fn optional_text<T>(value: &Option<T>, as_str: impl Fn(&T) -> &str) -> &str {
    value.as_ref().map(as_str).unwrap_or_default()
}

impl Store {
    /// The newest audit-log entry's id: a copy of something read at one value
    /// is current while it holds.
    pub async fn latest_change(&self) -> Result<i64> {
        audit::latest(&self.pool).await
    }

    /// Every client's first and last name, removed clients' too: for finding
    /// them in reports about someone else.
    pub async fn client_names(&self) -> Result<Vec<(String, String)>> {
        Ok(sqlx::query_as("SELECT first_name, last_name FROM clients")
            .fetch_all(&self.pool)
            .await?)
    }

    pub async fn insert_client(&self, actor: &str, client: &NewClient) -> Result<Client> {
        let mut tx = self.begin().await?;
        let row = insert_client(&mut tx, actor, client).await?;
        tx.commit().await?;
        Ok(row)
    }

    /// Adds many clients in one transaction: all of them, or none.
    pub async fn insert_clients(&self, actor: &str, clients: &[NewClient]) -> Result<Vec<Client>> {
        let mut tx = self.begin().await?;
        let mut rows = Vec::with_capacity(clients.len());
        for client in clients {
            rows.push(insert_client(&mut tx, actor, client).await?);
        }
        tx.commit().await?;
        Ok(rows)
    }

    pub async fn update_client(
        &self,
        actor: &str,
        id: ClientId,
        client: &NewClient,
    ) -> Result<Client> {
        let mut tx = self.begin().await?;
        let old = live_client(&mut tx, id).await?;
        let assignments: Vec<String> = FIELD_COLUMNS
            .split(',')
            .enumerate()
            .map(|(index, column)| format!("{} = ?{}", column.trim(), index + 1))
            .collect();
        let sql = format!(
            "UPDATE clients SET {}, screened_at = {SCREENED_AT},
                 screened_flags = {SCREENED_FLAGS}, language = {LANGUAGE},
                 updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = ?21 AND deleted_at IS NULL RETURNING {CLIENT_COLUMNS}",
            assignments.join(", ")
        );
        let red_flags = red_flags_json(client)?;
        let row: Client = bind_fields(sqlx::query_as(&sql), client, &red_flags)
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        audit::record_change(
            &mut tx,
            actor,
            "client.update",
            ("client", id.0),
            (&old, &row),
        )
        .await?;
        tx.commit().await?;
        Ok(row)
    }

    /// Hides a client from the list and search; the record stays in the database.
    pub async fn soft_delete_client(&self, actor: &str, id: ClientId) -> Result<()> {
        self.soft_delete(actor, CLIENTS, id.0, "client.delete")
            .await
    }

    pub async fn client(&self, id: ClientId) -> Result<Client> {
        live_client(&mut *self.pool.acquire().await?, id).await
    }

    /// Clients whose folded name, phone or e-mail contains every term of the
    /// already folded `query`, in list order. An empty query lists everyone.
    pub async fn search_clients(&self, query: &str, limit: u32) -> Result<Vec<ClientSummary>> {
        let terms: Vec<&str> = query.split_whitespace().collect();
        if terms.is_empty() {
            // The list as the window opens: its first page through the sort-key
            // index, without reading every client's key into memory first.
            let sql = format!(
                "SELECT {SUMMARY_COLUMNS} FROM clients c WHERE c.deleted_at IS NULL
                 ORDER BY c.sort_key, c.id LIMIT ?"
            );
            return Ok(sqlx::query_as(&sql)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?);
        }
        let ids = self
            .clients
            .matching(&self.pool, &terms, limit as usize)
            .await?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = vec!["?"; ids.len()].join(", ");
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM clients c WHERE c.id IN ({placeholders})
             ORDER BY c.sort_key, c.id"
        );
        let mut select = sqlx::query_as(&sql);
        for id in ids {
            select = select.bind(id);
        }
        Ok(select.fetch_all(&self.pool).await?)
    }

    /// How many clients the list holds.
    pub async fn count_clients(&self) -> Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT count(*) FROM clients WHERE deleted_at IS NULL")
                .fetch_one(&self.pool)
                .await?,
        )
    }
}

/// A client not deleted, or [`Error::NotFound`].
async fn live_client(conn: &mut SqliteConnection, id: ClientId) -> Result<Client> {
    sqlx::query_as(&format!(
        "SELECT {CLIENT_COLUMNS} FROM clients WHERE id = ? AND deleted_at IS NULL"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(Error::NotFound {
        entity: "client",
        id: id.0,
    })
}

pub(super) async fn insert_client(
    conn: &mut SqliteConnection,
    actor: &str,
    client: &NewClient,
) -> Result<Client> {
    let sql = format!(
        "INSERT INTO clients ({FIELD_COLUMNS}, screened_at, screened_flags, language)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 CASE WHEN ?18 THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END, {SCREENED_FLAGS},
                 {LANGUAGE})
         RETURNING {CLIENT_COLUMNS}"
    );
    let red_flags = red_flags_json(client)?;
    let row: Client = bind_fields(sqlx::query_as(&sql), client, &red_flags)
        .fetch_one(&mut *conn)
        .await?;
    audit::record(conn, actor, "client.create", ("client", row.id.0), "").await?;
    Ok(row)
}

type ClientQuery<'q> = QueryAs<'q, Sqlite, Client, SqliteArguments<'q>>;

fn red_flags_json(client: &NewClient) -> Result<String> {
    serde_json::to_string(&client.intake.red_flags)
        .map_err(|error| Error::Database(sqlx::Error::Encode(error.into())))
}

/// Binds `?1..?20`: the columns of [`FIELD_COLUMNS`], whether screened, the
/// questions a screening answers and the language.
fn bind_fields<'q>(
    query: ClientQuery<'q>,
    client: &'q NewClient,
    red_flags: &'q str,
) -> ClientQuery<'q> {
    let intake = &client.intake;
    let consent = intake.consent.as_ref();
    query
        .bind(client.first_name.as_str())
        .bind(optional_text(&client.last_name, |n| n.as_str()))
        .bind(optional_text(&client.phone, |p| p.as_str()))
        .bind(optional_text(&client.email, |e| e.as_str()))
        .bind(client.date_of_birth.map(|d| d.to_string()))
        .bind(&client.notes)
        .bind(client.search_key())
        .bind(client.sort_key())
        .bind(&intake.health_history)
        .bind(&intake.medications)
        .bind(&intake.contraindications)
        .bind(&intake.areas_to_avoid)
        .bind(intake.pressure_tolerance)
        .bind(consent.map(|c| c.scope.as_str()).unwrap_or_default())
        .bind(consent.map(|c| c.date.to_string()))
        .bind(consent.map(|c| c.signed_by.as_str()).unwrap_or_default())
        .bind(red_flags)
        .bind(intake.screened)
        .bind(ALL_QUESTIONS.as_str())
        .bind(client.language.to_string())
}

/// Every red-flag question, as stored in `screened_flags`.
static ALL_QUESTIONS: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| serde_json::to_string(&RedFlag::ALL).expect("red flags serialize"));
