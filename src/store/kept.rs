//! Notes typed while the clinic server couldn't be reached, kept on this
//! computer until they are saved there: one small SQLCipher file per person
//! and clinic, encrypted with the password the person signs in with, so a
//! lost laptop gives nothing away and no other key has to be kept anywhere.
//! Each session has at most one kept note, the newest text typed.

use std::path::Path;

use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

use super::protection::{quoted, sqlite_code, SQLITE_NOTADB};
use super::{now, sibling, Error, Result};
use crate::model::{KeptNote, NoteForm, SessionId};

const SELECT: &str = "SELECT session_id, subjective, objective, assessment, plan, pain_before,
     pain_after, based_on, kept_at FROM kept_notes";

/// The notes kept on this computer for one person on one clinic.
#[derive(Debug, Clone)]
pub struct KeptNotes {
    pool: SqlitePool,
}

impl KeptNotes {
    /// Opens (creating it if missing, this user's only) the file at `path`,
    /// encrypted with `password`. A file that `password` doesn't open was
    /// kept under the person's earlier password: it is moved aside (named
    /// `….locked-<time>`), never deleted, and a new one begun.
    pub async fn open(path: &Path, password: &str) -> Result<KeptNotes> {
        match KeptNotes::open_file(path, password).await {
            Err(error) if sqlite_code(&error) == Some(SQLITE_NOTADB) => {
                let aside = sibling(path, &format!(".locked-{}", now().replace(':', "")));
                tracing::warn!("kept notes locked with an earlier password were moved aside");
                std::fs::rename(path, &aside).map_err(|error| file_error(path, error))?;
                Ok(KeptNotes::open_file(path, password).await?)
            }
            opened => Ok(opened?),
        }
    }

    async fn open_file(path: &Path, password: &str) -> sqlx::Result<KeptNotes> {
        if let Some(folder) = path.parent() {
            crate::private::create_folder(folder)?;
        }
        crate::private::open_or_create(path)?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .pragma("key", quoted(password))
            // Kept because the server is away: it must survive a power cut.
            .synchronous(SqliteSynchronous::Full);
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await?;
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS kept_notes (
                 session_id INTEGER PRIMARY KEY,
                 subjective TEXT NOT NULL,
                 objective TEXT NOT NULL,
                 assessment TEXT NOT NULL,
                 plan TEXT NOT NULL,
                 pain_before INTEGER,
                 pain_after INTEGER,
                 based_on INTEGER,
                 kept_at TEXT NOT NULL
             )",
        )
        .execute(&pool)
        .await?;
        Ok(KeptNotes { pool })
    }

    /// Keeps `note` as the session's newest text. The revision it was typed
    /// over stays the one first kept: nothing typed since reached the server.
    pub async fn keep(&self, session: SessionId, note: &NoteForm) -> Result<()> {
        sqlx::query(
            "INSERT INTO kept_notes (session_id, subjective, objective, assessment, plan,
                 pain_before, pain_after, based_on, kept_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (session_id) DO UPDATE SET subjective = excluded.subjective,
                 objective = excluded.objective, assessment = excluded.assessment,
                 plan = excluded.plan, pain_before = excluded.pain_before,
                 pain_after = excluded.pain_after, kept_at = excluded.kept_at",
        )
        .bind(session)
        .bind(&note.subjective)
        .bind(&note.objective)
        .bind(&note.assessment)
        .bind(&note.plan)
        .bind(note.pain_before)
        .bind(note.pain_after)
        .bind(note.based_on)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Every kept note, oldest first.
    pub async fn all(&self) -> Result<Vec<KeptNote>> {
        Ok(sqlx::query_as(&format!("{SELECT} ORDER BY kept_at"))
            .fetch_all(&self.pool)
            .await?)
    }

    /// The session's kept note, if there is one.
    pub async fn of(&self, session: SessionId) -> Result<Option<KeptNote>> {
        Ok(sqlx::query_as(&format!("{SELECT} WHERE session_id = $1"))
            .bind(session)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Forgets the session's kept note: it is saved on the server, or was
    /// put aside by the person.
    pub async fn forget(&self, session: SessionId) -> Result<()> {
        sqlx::query("DELETE FROM kept_notes WHERE session_id = $1")
            .bind(session)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

fn file_error(path: &Path, error: std::io::Error) -> Error {
    Error::Open {
        path: path.to_owned(),
        reason: error.to_string(),
    }
}
