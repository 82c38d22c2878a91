//! Findings on the body chart: adding, moving, removing and restoring them,
//! only while their session's note is a draft.

use super::{audit, ensure_live, Error, Result, Store, FINDINGS, SESSIONS};
use crate::atlas::{Side, View};
use crate::model::{ChartPoint, Finding, FindingId, NewFinding, SessionId};

const FINDING_COLUMNS: &str =
    "id, session_id, muscle_id, muscle_label, side, view, x, y, tenderness, activity,
    referral_reproduced, technique_id, pressure, duration_seconds, response";

impl Store {
    pub async fn insert_finding(
        &self,
        actor: &str,
        session: SessionId,
        finding: &NewFinding,
    ) -> Result<Finding> {
        let mut tx = self.begin().await?;
        ensure_live(&mut tx, SESSIONS, session.0).await?;
        let row: Finding = sqlx::query_as(&format!(
            "INSERT INTO findings (session_id, muscle_id, muscle_label, side, view, x, y, tenderness,
                 activity, referral_reproduced, technique_id, pressure, duration_seconds, response)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING {FINDING_COLUMNS}"
        ))
        .bind(session)
        .bind(&finding.muscle_id)
        .bind(&finding.muscle_label)
        .bind(finding.side)
        .bind(finding.view)
        .bind(finding.at.x())
        .bind(finding.at.y())
        .bind(finding.tenderness.value())
        .bind(finding.activity)
        .bind(finding.referral_reproduced)
        .bind(&finding.technique_id)
        .bind(&finding.pressure)
        .bind(finding.duration_seconds)
        .bind(&finding.response)
        .fetch_one(&mut *tx)
        .await?;
        // Charting a suggested muscle ticks it off the list to check.
        sqlx::query(
            "DELETE FROM session_checks WHERE session_id = ? AND muscle_id = ? AND side = ?",
        )
        .bind(session)
        .bind(&finding.muscle_id)
        .bind(finding.side)
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            actor,
            "finding.add",
            ("finding", row.id.0),
            &finding.muscle_id,
        )
        .await?;
        tx.commit().await?;
        Ok(row)
    }

    pub async fn move_finding(
        &self,
        actor: &str,
        id: FindingId,
        view: View,
        at: ChartPoint,
        side: Option<Side>,
    ) -> Result<Finding> {
        let mut tx = self.begin().await?;
        let old: Finding = sqlx::query_as(&format!(
            "SELECT {FINDING_COLUMNS} FROM findings WHERE id = ? AND deleted_at IS NULL"
        ))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(Error::NotFound {
            entity: "finding",
            id: id.0,
        })?;
        let row: Finding = sqlx::query_as(&format!(
            "UPDATE findings SET view = ?, x = ?, y = ?, side = coalesce(?, side),
                 updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = ? RETURNING {FINDING_COLUMNS}"
        ))
        .bind(view)
        .bind(at.x())
        .bind(at.y())
        .bind(side)
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        audit::record_change(
            &mut tx,
            actor,
            "finding.move",
            ("finding", id.0),
            (&old, &row),
        )
        .await?;
        tx.commit().await?;
        Ok(row)
    }

    /// Takes a finding off the chart (soft delete: the row stays for the record).
    pub async fn remove_finding(&self, actor: &str, id: FindingId) -> Result<()> {
        self.soft_delete(actor, FINDINGS, id.0, "finding.remove")
            .await
    }

    /// Puts a removed finding back on the chart (undo).
    pub async fn restore_finding(&self, actor: &str, id: FindingId) -> Result<Finding> {
        let mut tx = self.begin().await?;
        let row: Finding = sqlx::query_as(&format!(
            "UPDATE findings SET deleted_at = NULL, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = ? AND deleted_at IS NOT NULL RETURNING {FINDING_COLUMNS}"
        ))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(Error::NotFound { entity: "removed finding", id: id.0 })?;
        audit::record(&mut tx, actor, "finding.restore", ("finding", id.0), "").await?;
        tx.commit().await?;
        Ok(row)
    }

    /// The findings of the same client's session before this one (by date), for
    /// comparing today's chart with last time.
    pub async fn earlier_findings(&self, session: SessionId) -> Result<Vec<Finding>> {
        Ok(sqlx::query_as(&format!(
            "SELECT {FINDING_COLUMNS} FROM findings WHERE deleted_at IS NULL AND session_id = (
                 SELECT earlier.id FROM sessions earlier JOIN sessions this ON this.id = ?
                 WHERE earlier.client_id = this.client_id AND earlier.deleted_at IS NULL
                   AND (earlier.session_date, earlier.id) < (this.session_date, this.id)
                 ORDER BY earlier.session_date DESC, earlier.id DESC LIMIT 1)
             ORDER BY id"
        ))
        .bind(session)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A session's findings in the order they were charted.
    pub async fn findings(&self, session: SessionId) -> Result<Vec<Finding>> {
        Ok(sqlx::query_as(&format!(
            "SELECT {FINDING_COLUMNS} FROM findings WHERE session_id = ? AND deleted_at IS NULL ORDER BY id"
        ))
        .bind(session)
        .fetch_all(&self.pool)
        .await?)
    }
}
