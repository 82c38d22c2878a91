//! Clients: creating, updating (with the changed fields in the audit log),
//! soft-deleting, and reading a client's record.

use sqlx::types::Json;

use super::engine::{on_engine, Tx};
use super::{audit, now, Error, Result, Store, CLIENTS};
use crate::atlas::RedFlag;
use crate::model::{Client, ClientContact, ClientId, ClientSummary, NewClient};

const CLIENT_COLUMNS: &str = "id, first_name, last_name, phone, email, date_of_birth, notes,
    health_history, medications, contraindications, areas_to_avoid, pressure_tolerance,
    consent_scope, consent_date, consent_signed_by, red_flags, screened_flags, screened_at,
    language, created_at, updated_at";

/// The client's fields as `$1..$17`, in the order [`bind_fields!`] binds them.
const FIELD_COLUMNS: &str =
    "first_name, last_name, phone, email, date_of_birth, notes, search_key, sort_key,
    health_history, medications, contraindications, areas_to_avoid, pressure_tolerance,
    consent_scope, consent_date, consent_signed_by, red_flags";

/// `$18` is whether the red-flag questions were asked, `$19` which questions
/// there are (all of them were answered), `$21` the moment now. The screening
/// date moves only when they are first asked, questions were added or the
/// answers change (`red_flags` here is the stored value, `$17` the new one),
/// not on every edit of the record.
const SCREENED_AT: &str = "CASE WHEN $18 THEN
        CASE WHEN screened_at IS NULL OR red_flags IS DISTINCT FROM $17
                  OR screened_flags IS DISTINCT FROM $19
             THEN $21 ELSE screened_at END
    END";
const SCREENED_FLAGS: &str = "CASE WHEN $18 THEN $19 ELSE '[]' END";
/// `$20`: the language the client reads.
const LANGUAGE: &str = "$20";

/// Binds `$1..$21` of `$query`: the columns of [`FIELD_COLUMNS`], whether
/// screened, the questions a screening answers, the language and the moment
/// now. A macro rather than a function: `$query` is of either engine.
macro_rules! bind_fields {
    ($query:expr, $client:expr) => {{
        let client: &NewClient = $client;
        let intake = &client.intake;
        let consent = intake.consent.as_ref();
        $query
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
            .bind(Json(&intake.red_flags))
            .bind(intake.screened)
            // Every red-flag question, as stored in `screened_flags`.
            .bind(Json(RedFlag::ALL))
            .bind(client.language.to_string())
            .bind(now())
    }};
}

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
        Ok(on_engine!(&self.pool, |pool| sqlx::query_as(
            "SELECT first_name, last_name FROM clients"
        )
        .fetch_all(pool)
        .await?))
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
            .map(|(index, column)| format!("{} = ${}", column.trim(), index + 1))
            .collect();
        let sql = format!(
            "UPDATE clients SET {}, screened_at = {SCREENED_AT},
                 screened_flags = {SCREENED_FLAGS}, language = {LANGUAGE},
                 updated_at = $21
             WHERE id = $22 AND deleted_at IS NULL RETURNING {CLIENT_COLUMNS}",
            assignments.join(", ")
        );
        let row: Client = on_engine!(&mut tx, |tx| bind_fields!(sqlx::query_as(&sql), client)
            .bind(id)
            .fetch_one(&mut **tx)
            .await?);
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
        live_client(&mut self.pool.begin_read().await?, id).await
    }

    /// A client's contact details and consent, the columns a clinic's front
    /// desk may read.
    pub async fn client_contact(&self, id: ClientId) -> Result<ClientContact> {
        let contact: Option<ClientContact> = on_engine!(&self.pool, |pool| sqlx::query_as(
            "SELECT id, first_name, last_name, phone, email, date_of_birth, consent_scope,
                 consent_date, consent_signed_by
             FROM clients WHERE id = $1 AND deleted_at IS NULL"
        )
        .bind(id)
        .fetch_optional(pool)
        .await?);
        contact.ok_or(Error::NotFound {
            entity: "client",
            id: id.0,
        })
    }

    /// Whether the person signed in sees only clients' contact details and
    /// consent: a clinic's front desk. Never on a database file.
    pub async fn contact_only(&self) -> Result<bool> {
        let sql = self.pool.pick(
            "SELECT false",
            "SELECT pg_has_role(session_user, 'myochart_front_desk', 'MEMBER')",
        );
        Ok(on_engine!(&self.pool, |pool| sqlx::query_scalar(sql)
            .fetch_one(pool)
            .await?))
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
                 ORDER BY c.sort_key, c.id LIMIT $1"
            );
            return Ok(on_engine!(&self.pool, |pool| sqlx::query_as(&sql)
                .bind(i64::from(limit))
                .fetch_all(pool)
                .await?));
        }
        let ids = self
            .clients
            .matching(&self.pool, &terms, limit as usize)
            .await?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM clients c WHERE c.id IN ({})
             ORDER BY c.sort_key, c.id",
            placeholders.join(", ")
        );
        Ok(on_engine!(&self.pool, |pool| {
            let mut select = sqlx::query_as(&sql);
            for &id in &ids {
                select = select.bind(id);
            }
            select.fetch_all(pool).await?
        }))
    }

    /// How many clients the list holds.
    pub async fn count_clients(&self) -> Result<i64> {
        Ok(on_engine!(&self.pool, |pool| sqlx::query_scalar(
            "SELECT count(*) FROM clients WHERE deleted_at IS NULL"
        )
        .fetch_one(pool)
        .await?))
    }
}

/// A client not deleted, or [`Error::NotFound`].
async fn live_client(tx: &mut Tx, id: ClientId) -> Result<Client> {
    let sql = format!(
        "SELECT {CLIENT_COLUMNS} FROM clients WHERE id = $1 AND deleted_at IS NULL{}",
        tx.for_update()
    );
    let found: Option<Client> = on_engine!(tx, |tx| sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?);
    found.ok_or(Error::NotFound {
        entity: "client",
        id: id.0,
    })
}

pub(super) async fn insert_client(tx: &mut Tx, actor: &str, client: &NewClient) -> Result<Client> {
    let sql = format!(
        "INSERT INTO clients ({FIELD_COLUMNS}, screened_at, screened_flags, language)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                 CASE WHEN $18 THEN $21 END, {SCREENED_FLAGS}, {LANGUAGE})
         RETURNING {CLIENT_COLUMNS}"
    );
    let row: Client = on_engine!(&mut *tx, |tx| bind_fields!(sqlx::query_as(&sql), client)
        .fetch_one(&mut **tx)
        .await?);
    audit::record(tx, actor, "client.create", ("client", row.id.0), "").await?;
    Ok(row)
}
