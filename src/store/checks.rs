//! The muscles to check in a draft session: added from the finder, removed by
//! hand or when the muscle is charted.

use super::engine::on_engine;
use super::{audit, Error, Result, Store};
use crate::atlas::Side;
use crate::model::{CheckId, SessionCheck, SessionId, SessionStatus};

const CHECK_COLUMNS: &str = "id, session_id, muscle_id, muscle_label, side";

impl Store {
    /// Adds muscles to check (each `(muscle id, label, side)`) to a draft session;
    /// ones already listed are kept once.
    pub async fn insert_checks(
        &self,
        actor: &str,
        session: SessionId,
        checks: &[(String, String, Side)],
    ) -> Result<Vec<SessionCheck>> {
        let mut tx = self.begin().await?;
        let status: Option<SessionStatus> = on_engine!(&mut tx, |tx| sqlx::query_scalar(
            "SELECT status FROM sessions WHERE id = $1 AND deleted_at IS NULL"
        )
        .bind(session)
        .fetch_optional(&mut **tx)
        .await?);
        match status {
            None => {
                return Err(Error::NotFound {
                    entity: "session",
                    id: session.0,
                })
            }
            Some(SessionStatus::Signed) => return Err(Error::SignedNote),
            Some(SessionStatus::Draft) => {}
        }
        for (muscle_id, label, side) in checks {
            on_engine!(&mut tx, |tx| sqlx::query(
                "INSERT INTO session_checks (session_id, muscle_id, muscle_label, side)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (session_id, muscle_id, side) DO NOTHING",
            )
            .bind(session)
            .bind(muscle_id)
            .bind(label)
            .bind(side)
            .execute(&mut **tx)
            .await
            .map(drop)?);
        }
        let detail = checks
            .iter()
            .map(|(id, _, _)| id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        audit::record(
            &mut tx,
            actor,
            "checks.add",
            ("session", session.0),
            &detail,
        )
        .await?;
        tx.commit().await?;
        self.checks(session).await
    }

    pub async fn checks(&self, session: SessionId) -> Result<Vec<SessionCheck>> {
        let sql =
            format!("SELECT {CHECK_COLUMNS} FROM session_checks WHERE session_id = $1 ORDER BY id");
        Ok(on_engine!(&self.pool, |pool| sqlx::query_as(&sql)
            .bind(session)
            .fetch_all(pool)
            .await?))
    }

    /// Drops a suggestion the therapist decided not to check, in the audit log
    /// (a signed session's are part of it and stay: the database refuses).
    pub async fn delete_check(&self, actor: &str, id: CheckId) -> Result<()> {
        let mut tx = self.begin().await?;
        let removed: Option<(String, String)> = on_engine!(&mut tx, |tx| sqlx::query_as(
            "DELETE FROM session_checks WHERE id = $1 RETURNING muscle_label, side"
        )
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?);
        let Some((muscle, side)) = removed else {
            return Err(Error::NotFound {
                entity: "check",
                id: id.0,
            });
        };
        let detail = format!("{muscle} ({side})");
        audit::record(&mut tx, actor, "check.remove", ("check", id.0), &detail).await?;
        tx.commit().await?;
        Ok(())
    }
}
