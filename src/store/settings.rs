//! The one row of the practice's settings, read and saved with its change in
//! the audit log.

use super::engine::on_engine;
use super::{audit, now, Result, Store};
use crate::model::Settings;

const SELECT_SETTINGS: &str =
    "SELECT clinic_name, therapist_name, contact, paper, auto_lock_minutes FROM settings WHERE id = 1";

impl Store {
    /// The practice's settings (the migration creates the one row).
    pub async fn settings(&self) -> Result<Settings> {
        Ok(on_engine!(&self.pool, |pool| sqlx::query_as(
            SELECT_SETTINGS
        )
        .fetch_one(pool)
        .await?))
    }

    pub async fn save_settings(&self, actor: &str, settings: &Settings) -> Result<Settings> {
        let mut tx = self.begin().await?;
        let select = format!("{SELECT_SETTINGS}{}", tx.for_update());
        let (old, row): (Settings, Settings) = on_engine!(&mut tx, |tx| {
            let old = sqlx::query_as(&select).fetch_one(&mut **tx).await?;
            let row = sqlx::query_as(
                "UPDATE settings SET clinic_name = $1, therapist_name = $2, contact = $3,
                     paper = $4, auto_lock_minutes = $5, updated_at = $6
                 WHERE id = 1
                 RETURNING clinic_name, therapist_name, contact, paper, auto_lock_minutes",
            )
            .bind(&settings.clinic_name)
            .bind(&settings.therapist_name)
            .bind(&settings.contact)
            .bind(settings.paper)
            .bind(i64::from(settings.auto_lock_minutes))
            .bind(now())
            .fetch_one(&mut **tx)
            .await?;
            (old, row)
        });
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
