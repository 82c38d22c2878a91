//! The one row of the practice's settings, read and saved with its change in
//! the audit log.

use super::{audit, Result, Store};
use crate::model::Settings;

const SELECT_SETTINGS: &str =
    "SELECT clinic_name, therapist_name, contact, paper, auto_lock_minutes FROM settings WHERE id = 1";

impl Store {
    /// The practice's settings (the migration creates the one row).
    pub async fn settings(&self) -> Result<Settings> {
        Ok(sqlx::query_as(SELECT_SETTINGS)
            .fetch_one(&self.pool)
            .await?)
    }

    pub async fn save_settings(&self, actor: &str, settings: &Settings) -> Result<Settings> {
        let mut tx = self.begin().await?;
        let old: Settings = sqlx::query_as(SELECT_SETTINGS).fetch_one(&mut *tx).await?;
        let row: Settings = sqlx::query_as(
            "UPDATE settings SET clinic_name = ?, therapist_name = ?, contact = ?, paper = ?,
                 auto_lock_minutes = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = 1
             RETURNING clinic_name, therapist_name, contact, paper, auto_lock_minutes",
        )
        .bind(&settings.clinic_name)
        .bind(&settings.therapist_name)
        .bind(&settings.contact)
        .bind(settings.paper)
        .bind(settings.auto_lock_minutes)
        .fetch_one(&mut *tx)
        .await?;
        audit::record_change(
            &mut tx,
            actor,
            "settings.update",
            ("settings", 1),
            (&old, &row),
        )
        .await?;
        tx.commit().await?;
        Ok(row)
    }
}
