//! The record of each handout printed: which session, which file, when.

use super::engine::on_engine;
use super::{audit, Result, Store};
use crate::model::{ClientId, Handout, HandoutOptions, Paper, SessionId};

const HANDOUT_COLUMNS: &str =
    "id, session_id, client_id, created_at, paper, file_path, next_appointment, advice";

/// What is recorded when a handout is given.
#[derive(Debug, Clone, Copy)]
pub struct NewHandout<'a> {
    pub session: SessionId,
    pub client: ClientId,
    pub paper: Paper,
    pub file_path: &'a str,
    pub options: &'a HandoutOptions,
}

impl Store {
    /// Records that a handout was given, with its audit-log entry.
    pub async fn insert_handout(&self, actor: &str, handout: NewHandout<'_>) -> Result<Handout> {
        let mut tx = self.begin().await?;
        let sql = format!(
            "INSERT INTO handouts (session_id, client_id, paper, file_path, next_appointment, advice)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING {HANDOUT_COLUMNS}"
        );
        let row: Handout = on_engine!(&mut tx, |tx| sqlx::query_as(&sql)
            .bind(handout.session)
            .bind(handout.client)
            .bind(handout.paper)
            .bind(handout.file_path)
            .bind(&handout.options.next_appointment)
            .bind(&handout.options.advice)
            .fetch_one(&mut **tx)
            .await?);
        audit::record(
            &mut tx,
            actor,
            "handout.give",
            ("session", handout.session.0),
            handout.file_path,
        )
        .await?;
        tx.commit().await?;
        Ok(row)
    }

    /// The handouts a client was given, newest first.
    pub async fn handouts_of_client(&self, client: ClientId) -> Result<Vec<Handout>> {
        let sql = format!(
            "SELECT {HANDOUT_COLUMNS} FROM handouts WHERE client_id = $1
             ORDER BY created_at DESC, id DESC"
        );
        Ok(on_engine!(&self.pool, |pool| sqlx::query_as(&sql)
            .bind(client)
            .fetch_all(pool)
            .await?))
    }
}
