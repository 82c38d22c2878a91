//! The student profile and the practice log.
//!
//! Charted sessions are read from the sessions table every time
//! ([`Store::charted_sessions`]), so the log always matches the charts; only
//! entries added by hand and sessions a supervisor signed off have rows.

use serde::Serialize;
use sqlx::types::Json;

use super::engine::{on_engine, Engine};
use super::sessions::SESSION_COLUMNS;
use super::{audit, ensure_live, now, Error, Result, Store, Table, CLIENTS};
use crate::model::{
    ClientId, IsoDate, LogEntry, LogEntryId, NewLogEntry, Session, SessionId, SignOff,
    StudentProfile,
};

const PRACTICE_LOG: Table = Table {
    name: "practice_log",
    entity: "log entry",
};

/// The log's columns as a [`LogEntry`] reads them. A clinic's server stamps a
/// sign-off with the signer's login: it reads as their display name, the name
/// SQLite stores.
fn log_columns<S, P>(engine: &Engine<S, P>) -> String {
    let signer = engine.pick(
        "signed_off_by",
        "coalesce((SELECT display_name FROM people WHERE login = signed_off_by), signed_off_by)
             AS signed_off_by",
    );
    format!(
        "id, session_id, entry_date, duration_minutes, client_code, techniques, supervisor,
         notes, {signer}, signed_off_at"
    )
}

/// A charted session that counts as practice and has no sign-off yet.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct ChartedSession {
    pub session_id: SessionId,
    pub client_id: ClientId,
    pub session_date: String,
    /// The techniques its findings name, in the order first charted.
    #[sqlx(json)]
    pub technique_ids: Vec<String>,
}

#[derive(sqlx::FromRow)]
struct ProfileRow {
    student_mode: bool,
    student_name: String,
    programme: String,
    #[sqlx(try_from = "i64")]
    required_sessions: u32,
    #[sqlx(try_from = "i64")]
    required_minutes: u32,
    #[sqlx(try_from = "i64")]
    session_minutes: u32,
    #[sqlx(json)]
    supervisors: Vec<String>,
}

impl From<ProfileRow> for StudentProfile {
    fn from(row: ProfileRow) -> StudentProfile {
        StudentProfile {
            student_mode: row.student_mode,
            student_name: row.student_name,
            programme: row.programme,
            required_sessions: row.required_sessions,
            required_hours: f64::from(row.required_minutes) / 60.0,
            session_minutes: row.session_minutes,
            supervisors: row.supervisors,
        }
    }
}

const PROFILE_COLUMNS: &str = "student_mode, student_name, programme, required_sessions,
    required_minutes, session_minutes, supervisors";

impl Store {
    /// The student profile (the migration creates its one row).
    pub async fn student_profile(&self) -> Result<StudentProfile> {
        let sql = format!("SELECT {PROFILE_COLUMNS} FROM student_profile WHERE id = 1");
        let row: ProfileRow = on_engine!(&self.pool, |pool| sqlx::query_as(&sql)
            .fetch_one(pool)
            .await?);
        Ok(row.into())
    }

    pub async fn save_student_profile(
        &self,
        actor: &str,
        profile: &StudentProfile,
    ) -> Result<StudentProfile> {
        let mut tx = self.begin().await?;
        let select = format!(
            "SELECT {PROFILE_COLUMNS} FROM student_profile WHERE id = 1{}",
            tx.for_update()
        );
        let update = format!(
            "UPDATE student_profile SET student_mode = $1, student_name = $2, programme = $3,
                 required_sessions = $4, required_minutes = $5, session_minutes = $6,
                 supervisors = $7, updated_at = $8
             WHERE id = 1 RETURNING {PROFILE_COLUMNS}"
        );
        let (old, row): (ProfileRow, ProfileRow) = on_engine!(&mut tx, |tx| {
            let old = sqlx::query_as(&select).fetch_one(&mut **tx).await?;
            let row = sqlx::query_as(&update)
                .bind(profile.student_mode)
                .bind(&profile.student_name)
                .bind(&profile.programme)
                .bind(i64::from(profile.required_sessions))
                .bind(i64::from((profile.required_hours * 60.0).round() as u32))
                .bind(i64::from(profile.session_minutes))
                .bind(Json(&profile.supervisors))
                .bind(now())
                .fetch_one(&mut **tx)
                .await?;
            (old, row)
        });
        let (old, row) = (StudentProfile::from(old), StudentProfile::from(row));
        audit::record_change(
            &mut tx,
            actor,
            "student.profile",
            ("student profile", 1),
            (&old, &row),
        )
        .await?;
        tx.commit().await?;
        Ok(row)
    }

    /// The log's own rows (entries added by hand and signed-off sessions),
    /// oldest first.
    pub async fn log_rows(&self) -> Result<Vec<LogEntry>> {
        let sql = format!(
            "SELECT {} FROM practice_log WHERE deleted_at IS NULL
             ORDER BY entry_date, id",
            log_columns(&self.pool)
        );
        Ok(on_engine!(&self.pool, |pool| sqlx::query_as(&sql)
            .fetch_all(pool)
            .await?))
    }

    /// The sessions that count as practice by themselves (a signed note, or at
    /// least one finding charted: an empty draft is not practice) and have no
    /// sign-off row yet, oldest first.
    pub async fn charted_sessions(&self) -> Result<Vec<ChartedSession>> {
        // A JSON array, [] for none: SQLite's aggregate keeps the order of
        // the rows it is given, PostgreSQL's is told it.
        let techniques = self.pool.pick(
            "json_group_array(technique_id)",
            "coalesce(jsonb_agg(technique_id ORDER BY first_id), '[]')",
        );
        let sql = format!(
            "SELECT s.id AS session_id, s.client_id, s.session_date,
                 (SELECT {techniques} FROM (
                      SELECT technique_id, min(id) AS first_id FROM findings
                      WHERE session_id = s.id AND deleted_at IS NULL AND technique_id IS NOT NULL
                      GROUP BY technique_id ORDER BY first_id) AS used) AS technique_ids
             FROM sessions s JOIN clients c ON c.id = s.client_id
             WHERE s.deleted_at IS NULL AND c.deleted_at IS NULL
               AND (s.status = 'signed' OR EXISTS (
                   SELECT 1 FROM findings f WHERE f.session_id = s.id AND f.deleted_at IS NULL))
               AND NOT EXISTS (
                   SELECT 1 FROM practice_log p WHERE p.session_id = s.id AND p.deleted_at IS NULL)
             ORDER BY s.session_date, s.id"
        );
        Ok(on_engine!(&self.pool, |pool| sqlx::query_as(&sql)
            .fetch_all(pool)
            .await?))
    }

    pub async fn insert_log_entry(&self, actor: &str, entry: &NewLogEntry) -> Result<LogEntry> {
        let mut tx = self.begin().await?;
        let columns = log_columns(&tx);
        let sql = format!(
            "INSERT INTO practice_log (entry_date, duration_minutes, client_code, techniques,
                 supervisor, notes) VALUES ($1, $2, $3, $4, $5, $6) RETURNING {columns}"
        );
        let row: LogEntry = on_engine!(&mut tx, |tx| sqlx::query_as(&sql)
            .bind(entry.entry_date.to_string())
            .bind(i64::from(entry.duration_minutes))
            .bind(&entry.client_code)
            .bind(&entry.techniques)
            .bind(&entry.supervisor)
            .bind(&entry.notes)
            .fetch_one(&mut **tx)
            .await?);
        let id = row.id.map_or(0, |id| id.0);
        audit::record(&mut tx, actor, "log.add", (PRACTICE_LOG.entity, id), "").await?;
        tx.commit().await?;
        Ok(row)
    }

    /// Changes an entry added by hand; a signed-off one refuses with
    /// [`Error::SignedEntry`] (the trigger says so).
    pub async fn update_log_entry(
        &self,
        actor: &str,
        id: LogEntryId,
        entry: &NewLogEntry,
    ) -> Result<LogEntry> {
        let mut tx = self.begin().await?;
        let columns = log_columns(&tx);
        let select = format!(
            "SELECT {columns} FROM practice_log WHERE id = $1 AND deleted_at IS NULL{}",
            tx.for_update()
        );
        let update = format!(
            "UPDATE practice_log SET entry_date = $1, duration_minutes = $2, client_code = $3,
                 techniques = $4, supervisor = $5, notes = $6, updated_at = $7
             WHERE id = $8 RETURNING {columns}"
        );
        let (old, row): (LogEntry, LogEntry) = on_engine!(&mut tx, |tx| {
            let old = sqlx::query_as(&select)
                .bind(id)
                .fetch_optional(&mut **tx)
                .await?
                .ok_or(Error::NotFound {
                    entity: PRACTICE_LOG.entity,
                    id: id.0,
                })?;
            let row = sqlx::query_as(&update)
                .bind(entry.entry_date.to_string())
                .bind(i64::from(entry.duration_minutes))
                .bind(&entry.client_code)
                .bind(&entry.techniques)
                .bind(&entry.supervisor)
                .bind(&entry.notes)
                .bind(now())
                .bind(id)
                .fetch_one(&mut **tx)
                .await?;
            (old, row)
        });
        audit::record_change(
            &mut tx,
            actor,
            "log.update",
            (PRACTICE_LOG.entity, id.0),
            (&old, &row),
        )
        .await?;
        tx.commit().await?;
        Ok(row)
    }

    /// Removes an entry from the log (soft delete); not a signed-off one.
    pub async fn delete_log_entry(&self, actor: &str, id: LogEntryId) -> Result<()> {
        self.soft_delete(actor, PRACTICE_LOG, id.0, "log.delete")
            .await
    }

    /// Signs off an entry added by hand. Signing twice is refused by the
    /// trigger like any other change to a signed entry.
    pub async fn sign_off_log_entry(
        &self,
        actor: &str,
        id: LogEntryId,
        sign_off: &SignOff,
    ) -> Result<LogEntry> {
        let mut tx = self.begin().await?;
        ensure_live(&mut tx, PRACTICE_LOG, id.0).await?;
        let columns = log_columns(&tx);
        let sql = format!(
            "UPDATE practice_log SET signed_off_by = $1, signed_off_at = $2, updated_at = $3
             WHERE id = $4 RETURNING {columns}"
        );
        let row: LogEntry = on_engine!(&mut tx, |tx| sqlx::query_as(&sql)
            .bind(sign_off.supervisor.as_str())
            .bind(sign_off.date.to_string())
            .bind(now())
            .bind(id)
            .fetch_one(&mut **tx)
            .await?);
        audit::record(
            &mut tx,
            actor,
            "log.sign-off",
            (PRACTICE_LOG.entity, id.0),
            sign_off.supervisor.as_str(),
        )
        .await?;
        tx.commit().await?;
        Ok(row)
    }

    /// Signs off a charted session: its entry as the log shows it now
    /// (`entry`) is kept as a row, so what the supervisor signed never changes.
    pub async fn sign_off_session(
        &self,
        actor: &str,
        entry: &LogEntry,
        sign_off: &SignOff,
    ) -> Result<LogEntry> {
        let session = entry.session_id.ok_or(Error::NotFound {
            entity: "session",
            id: 0,
        })?;
        let mut tx = self.begin().await?;
        let signed: Option<i64> = on_engine!(&mut tx, |tx| sqlx::query_scalar(
            "SELECT id FROM practice_log WHERE session_id = $1 AND deleted_at IS NULL",
        )
        .bind(session)
        .fetch_optional(&mut **tx)
        .await?);
        if signed.is_some() {
            return Err(Error::SignedEntry);
        }
        let columns = log_columns(&tx);
        let sql = format!(
            "INSERT INTO practice_log (entry_date, duration_minutes, client_code, techniques,
                 supervisor, notes, session_id, signed_off_by, signed_off_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {columns}"
        );
        let row: LogEntry = on_engine!(&mut tx, |tx| sqlx::query_as(&sql)
            .bind(&entry.entry_date)
            .bind(i64::from(entry.duration_minutes))
            .bind(&entry.client_code)
            .bind(&entry.techniques)
            .bind(sign_off.supervisor.as_str())
            .bind(&entry.notes)
            .bind(session)
            .bind(sign_off.supervisor.as_str())
            .bind(sign_off.date.to_string())
            .fetch_one(&mut **tx)
            .await?);
        let id = row.id.map_or(0, |id| id.0);
        audit::record(
            &mut tx,
            actor,
            "log.sign-off",
            (PRACTICE_LOG.entity, id),
            &format!("session {session}; {}", sign_off.supervisor.as_str()),
        )
        .await?;
        tx.commit().await?;
        Ok(row)
    }

    /// A client's sessions from `from` to `to` (both included), oldest first.
    pub async fn sessions_between(
        &self,
        client: ClientId,
        from: IsoDate,
        to: IsoDate,
    ) -> Result<Vec<Session>> {
        let mut tx = self.pool.begin_read().await?;
        ensure_live(&mut tx, CLIENTS, client.0).await?;
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM sessions
             WHERE client_id = $1 AND deleted_at IS NULL AND session_date BETWEEN $2 AND $3
             ORDER BY session_date, id"
        );
        Ok(on_engine!(&mut tx, |tx| sqlx::query_as(&sql)
            .bind(client)
            .bind(from.to_string())
            .bind(to.to_string())
            .fetch_all(&mut **tx)
            .await?))
    }
}
