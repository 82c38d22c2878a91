//! Sessions and their notes: creating, autosaving a draft (refused if it was
//! saved elsewhere meanwhile), signing, amending, and reading them back.

use sqlx::SqliteConnection;

use super::{audit, ensure_live, Error, Result, Store, CLIENTS, SESSIONS};
use crate::model::{
    Amendment, ClientId, NewAmendment, NewSession, Score, Session, SessionId, SessionNote,
    SessionStatus, SessionSummary,
};

pub(super) const SESSION_COLUMNS: &str =
    "id, client_id, session_date, therapist, subjective, objective, assessment, plan,
    pain_before, pain_after, status, signed_at, note_revision, created_at, updated_at";

const AMENDMENT_COLUMNS: &str = "id, session_id, reason, text, author, created_at";

impl Store {
    pub async fn insert_session(
        &self,
        actor: &str,
        client: ClientId,
        session: &NewSession,
    ) -> Result<Session> {
        let mut tx = self.begin().await?;
        ensure_live(&mut tx, CLIENTS, client.0).await?;
        let row: Session = sqlx::query_as(&format!(
            "INSERT INTO sessions (client_id, session_date, therapist) VALUES (?, ?, ?)
             RETURNING {SESSION_COLUMNS}"
        ))
        .bind(client)
        .bind(session.session_date.to_string())
        .bind(&session.therapist)
        .fetch_one(&mut *tx)
        .await?;
        audit::record(&mut tx, actor, "session.create", ("session", row.id.0), "").await?;
        tx.commit().await?;
        Ok(row)
    }

    pub async fn session(&self, id: SessionId) -> Result<Session> {
        live_session(&mut *self.pool.acquire().await?, id).await
    }

    /// A client's sessions, newest first, with their finding and amendment counts.
    pub async fn sessions_of_client(&self, client: ClientId) -> Result<Vec<SessionSummary>> {
        Ok(sqlx::query_as(
            "SELECT s.id, s.session_date, s.therapist,
                 CASE WHEN instr(s.subjective, char(10)) > 0
                      THEN substr(s.subjective, 1, instr(s.subjective, char(10)) - 1)
                      ELSE s.subjective END AS complaint,
                 s.pain_before, s.pain_after, s.status,
                 (SELECT count(*) FROM findings f
                  WHERE f.session_id = s.id AND f.deleted_at IS NULL) AS finding_count,
                 (SELECT count(*) FROM amendments a WHERE a.session_id = s.id) AS amendment_count
             FROM sessions s
             WHERE s.client_id = ? AND s.deleted_at IS NULL
             ORDER BY s.session_date DESC, s.id DESC",
        )
        .bind(client)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Saves the whole SOAP note of a draft. A signed note refuses with
    /// [`Error::SignedNote`].
    pub async fn write_note(
        &self,
        actor: &str,
        id: SessionId,
        note: &SessionNote,
    ) -> Result<Session> {
        let mut tx = self.begin().await?;
        let old = live_session(&mut tx, id).await?;
        let written: Option<Session> = sqlx::query_as(&format!(
            "UPDATE sessions SET subjective = ?, objective = ?, assessment = ?, plan = ?,
                 pain_before = ?, pain_after = ?, note_revision = note_revision + 1,
                 updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = ? AND deleted_at IS NULL AND note_revision = coalesce(?, note_revision)
             RETURNING {SESSION_COLUMNS}"
        ))
        .bind(&note.subjective)
        .bind(&note.objective)
        .bind(&note.assessment)
        .bind(&note.plan)
        .bind(note.pain_before.map(Score::value))
        .bind(note.pain_after.map(Score::value))
        .bind(id)
        .bind(note.based_on)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = written else {
            // Written since this text was typed over.
            return Err(match old.status {
                SessionStatus::Signed => Error::SignedNote,
                SessionStatus::Draft => Error::ChangedElsewhere {
                    at: local_time(&old.updated_at),
                },
            });
        };
        audit::record_change(
            &mut tx,
            actor,
            "note.write",
            ("session", id.0),
            (&old, &row),
        )
        .await?;
        tx.commit().await?;
        Ok(row)
    }

    /// Signs a draft note; from now on it only takes amendments.
    pub async fn sign_note(&self, actor: &str, id: SessionId) -> Result<Session> {
        let mut tx = self.begin().await?;
        let old = live_session(&mut tx, id).await?;
        // Suggestions not checked by now are moot: the note is final. (Once it
        // is signed they are part of it, so they go first.)
        sqlx::query("DELETE FROM session_checks WHERE session_id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let row: Session = sqlx::query_as(&format!(
            "UPDATE sessions SET status = 'signed', signed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                 updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = ? RETURNING {SESSION_COLUMNS}"
        ))
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        audit::record_change(&mut tx, actor, "note.sign", ("session", id.0), (&old, &row)).await?;
        tx.commit().await?;
        Ok(row)
    }

    /// Appends an amendment to a signed note.
    pub async fn insert_amendment(
        &self,
        actor: &str,
        id: SessionId,
        amendment: &NewAmendment,
    ) -> Result<Amendment> {
        let mut tx = self.begin().await?;
        ensure_live(&mut tx, SESSIONS, id.0).await?;
        let row: Amendment = sqlx::query_as(&format!(
            "INSERT INTO amendments (session_id, reason, text, author) VALUES (?, ?, ?, ?)
             RETURNING {AMENDMENT_COLUMNS}"
        ))
        .bind(id)
        .bind(&amendment.reason)
        .bind(&amendment.text)
        .bind(actor)
        .fetch_one(&mut *tx)
        .await?;
        audit::record_addition(
            &mut tx,
            actor,
            "note.amend",
            ("session", id.0),
            &amendment.reason,
            ("text", &amendment.text),
        )
        .await?;
        tx.commit().await?;
        Ok(row)
    }

    /// A note's amendments in the order they were written.
    pub async fn amendments(&self, id: SessionId) -> Result<Vec<Amendment>> {
        Ok(sqlx::query_as(&format!(
            "SELECT {AMENDMENT_COLUMNS} FROM amendments WHERE session_id = ? ORDER BY id"
        ))
        .bind(id)
        .fetch_all(&self.pool)
        .await?)
    }
}

/// A session not deleted, or [`Error::NotFound`].
async fn live_session(conn: &mut SqliteConnection, id: SessionId) -> Result<Session> {
    sqlx::query_as(&format!(
        "SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ? AND deleted_at IS NULL"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(Error::NotFound {
        entity: "session",
        id: id.0,
    })
}

/// A stored UTC timestamp as the local time of day, for messages.
fn local_time(utc: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(utc)
        .map(|at| {
            at.with_timezone(&chrono::Local)
                .format("%H:%M:%S")
                .to_string()
        })
        .unwrap_or_else(|_| utc.to_owned())
}
