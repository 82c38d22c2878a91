//! Sessions and their notes: creating, autosaving a draft (refused if it was
//! saved elsewhere meanwhile), signing, amending, and reading them back.

use super::engine::{on_engine, Tx};
use super::{audit, ensure_live, now, Error, Result, Store, CLIENTS, SESSIONS};
use crate::model::{
    Amendment, ClientId, NewAmendment, NewSession, Session, SessionId, SessionNote, SessionStatus,
    SessionSummary,
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
        let sql = format!(
            "INSERT INTO sessions (client_id, session_date, therapist) VALUES ($1, $2, $3)
             RETURNING {SESSION_COLUMNS}"
        );
        let row: Session = on_engine!(&mut tx, |tx| sqlx::query_as(&sql)
            .bind(client)
            .bind(session.session_date.to_string())
            .bind(&session.therapist)
            .fetch_one(&mut **tx)
            .await?);
        audit::record(&mut tx, actor, "session.create", ("session", row.id.0), "").await?;
        tx.commit().await?;
        Ok(row)
    }

    pub async fn session(&self, id: SessionId) -> Result<Session> {
        live_session(&mut self.pool.begin_read().await?, id).await
    }

    /// A client's sessions, newest first, with their finding and amendment counts.
    pub async fn sessions_of_client(&self, client: ClientId) -> Result<Vec<SessionSummary>> {
        // The complaint is the first line of the subjective note.
        let complaint = self.pool.pick(
            "CASE WHEN instr(s.subjective, char(10)) > 0
                  THEN substr(s.subjective, 1, instr(s.subjective, char(10)) - 1)
                  ELSE s.subjective END",
            "split_part(s.subjective, chr(10), 1)",
        );
        let sql = format!(
            "SELECT s.id, s.session_date, s.therapist, {complaint} AS complaint,
                 s.pain_before, s.pain_after, s.status,
                 (SELECT count(*) FROM findings f
                  WHERE f.session_id = s.id AND f.deleted_at IS NULL) AS finding_count,
                 (SELECT count(*) FROM amendments a WHERE a.session_id = s.id) AS amendment_count
             FROM sessions s
             WHERE s.client_id = $1 AND s.deleted_at IS NULL
             ORDER BY s.session_date DESC, s.id DESC"
        );
        Ok(on_engine!(&self.pool, |pool| sqlx::query_as(&sql)
            .bind(client)
            .fetch_all(pool)
            .await?))
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
        let sql = format!(
            "UPDATE sessions SET subjective = $1, objective = $2, assessment = $3, plan = $4,
                 pain_before = $5, pain_after = $6, note_revision = note_revision + 1,
                 updated_at = $7
             WHERE id = $8 AND deleted_at IS NULL AND note_revision = coalesce($9, note_revision)
             RETURNING {SESSION_COLUMNS}"
        );
        let written: Option<Session> = on_engine!(&mut tx, |tx| sqlx::query_as(&sql)
            .bind(&note.subjective)
            .bind(&note.objective)
            .bind(&note.assessment)
            .bind(&note.plan)
            .bind(note.pain_before.map(|pain| i64::from(pain.value())))
            .bind(note.pain_after.map(|pain| i64::from(pain.value())))
            .bind(now())
            .bind(id)
            .bind(note.based_on)
            .fetch_optional(&mut **tx)
            .await?);
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
        let sql = format!(
            "UPDATE sessions SET status = 'signed', signed_at = $1, updated_at = $1
             WHERE id = $2 RETURNING {SESSION_COLUMNS}"
        );
        let row: Session = on_engine!(&mut tx, |tx| {
            sqlx::query("DELETE FROM session_checks WHERE session_id = $1")
                .bind(id)
                .execute(&mut **tx)
                .await?;
            sqlx::query_as(&sql)
                .bind(now())
                .bind(id)
                .fetch_one(&mut **tx)
                .await?
        });
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
        let sql = format!(
            "INSERT INTO amendments (session_id, reason, text, author) VALUES ($1, $2, $3, $4)
             RETURNING {AMENDMENT_COLUMNS}"
        );
        let row: Amendment = on_engine!(&mut tx, |tx| sqlx::query_as(&sql)
            .bind(id)
            .bind(&amendment.reason)
            .bind(&amendment.text)
            .bind(actor)
            .fetch_one(&mut **tx)
            .await?);
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
        let sql =
            format!("SELECT {AMENDMENT_COLUMNS} FROM amendments WHERE session_id = $1 ORDER BY id");
        Ok(on_engine!(&self.pool, |pool| sqlx::query_as(&sql)
            .bind(id)
            .fetch_all(pool)
            .await?))
    }
}

/// A session not deleted, or [`Error::NotFound`].
async fn live_session(tx: &mut Tx, id: SessionId) -> Result<Session> {
    let sql = format!(
        "SELECT {SESSION_COLUMNS} FROM sessions WHERE id = $1 AND deleted_at IS NULL{}",
        tx.for_update()
    );
    let found: Option<Session> = on_engine!(tx, |tx| sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?);
    found.ok_or(Error::NotFound {
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
