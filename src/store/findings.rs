//! Findings on the body chart: adding, moving, removing and restoring them,
//! only while their session's note is a draft.

use super::engine::on_engine;
use super::{audit, ensure_live, now, Error, Result, Store, FINDINGS, SESSIONS};
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
        let sql = format!(
            "INSERT INTO findings (session_id, muscle_id, muscle_label, side, view, x, y, tenderness,
                 activity, referral_reproduced, technique_id, pressure, duration_seconds, response)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
             RETURNING {FINDING_COLUMNS}"
        );
        let row: Finding = on_engine!(&mut tx, |tx| {
            let row = sqlx::query_as(&sql)
                .bind(session)
                .bind(&finding.muscle_id)
                .bind(&finding.muscle_label)
                .bind(finding.side)
                .bind(finding.view)
                .bind(f64::from(finding.at.x()))
                .bind(f64::from(finding.at.y()))
                .bind(i64::from(finding.tenderness.value()))
                .bind(finding.activity)
                .bind(finding.referral_reproduced)
                .bind(&finding.technique_id)
                .bind(&finding.pressure)
                .bind(finding.duration_seconds.map(i64::from))
                .bind(&finding.response)
                .fetch_one(&mut **tx)
                .await?;
            // Charting a suggested muscle ticks it off the list to check.
            sqlx::query(
                "DELETE FROM session_checks WHERE session_id = $1 AND muscle_id = $2 AND side = $3",
            )
            .bind(session)
            .bind(&finding.muscle_id)
            .bind(finding.side)
            .execute(&mut **tx)
            .await?;
            row
        });
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
        let select = format!(
            "SELECT {FINDING_COLUMNS} FROM findings WHERE id = $1 AND deleted_at IS NULL{}",
            tx.for_update()
        );
        let update = format!(
            "UPDATE findings SET view = $1, x = $2, y = $3, side = coalesce($4, side),
                 updated_at = $5
             WHERE id = $6 RETURNING {FINDING_COLUMNS}"
        );
        let (old, row): (Finding, Finding) = on_engine!(&mut tx, |tx| {
            let old = sqlx::query_as(&select)
                .bind(id)
                .fetch_optional(&mut **tx)
                .await?
                .ok_or(Error::NotFound {
                    entity: "finding",
                    id: id.0,
                })?;
            let row = sqlx::query_as(&update)
                .bind(view)
                .bind(f64::from(at.x()))
                .bind(f64::from(at.y()))
                .bind(side)
                .bind(now())
                .bind(id)
                .fetch_one(&mut **tx)
                .await?;
            (old, row)
        });
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
        let sql = format!(
            "UPDATE findings SET deleted_at = NULL, updated_at = $1
             WHERE id = $2 AND deleted_at IS NOT NULL RETURNING {FINDING_COLUMNS}"
        );
        let restored: Option<Finding> = on_engine!(&mut tx, |tx| sqlx::query_as(&sql)
            .bind(now())
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?);
        let row = restored.ok_or(Error::NotFound {
            entity: "removed finding",
            id: id.0,
        })?;
        audit::record(&mut tx, actor, "finding.restore", ("finding", id.0), "").await?;
        tx.commit().await?;
        Ok(row)
    }

    /// The findings of the same client's session before this one (by date), for
    /// comparing today's chart with last time.
    pub async fn earlier_findings(&self, session: SessionId) -> Result<Vec<Finding>> {
        let sql = format!(
            "SELECT {FINDING_COLUMNS} FROM findings WHERE deleted_at IS NULL AND session_id = (
                 SELECT earlier.id FROM sessions earlier JOIN sessions this ON this.id = $1
                 WHERE earlier.client_id = this.client_id AND earlier.deleted_at IS NULL
                   AND (earlier.session_date, earlier.id) < (this.session_date, this.id)
                 ORDER BY earlier.session_date DESC, earlier.id DESC LIMIT 1)
             ORDER BY id"
        );
        Ok(on_engine!(&self.pool, |pool| sqlx::query_as(&sql)
            .bind(session)
            .fetch_all(pool)
            .await?))
    }

    /// A session's findings in the order they were charted.
    pub async fn findings(&self, session: SessionId) -> Result<Vec<Finding>> {
        let sql = format!(
            "SELECT {FINDING_COLUMNS} FROM findings WHERE session_id = $1 AND deleted_at IS NULL
             ORDER BY id"
        );
        Ok(on_engine!(&self.pool, |pool| sqlx::query_as(&sql)
            .bind(session)
            .fetch_all(pool)
            .await?))
    }
}
