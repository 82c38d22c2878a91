use super::{audit, Result, Store};
use crate::model::Settings;

impl Store {
    /// The practice's settings (the migration creates the one row).
    pub async fn settings(&self) -> Result<Settings> {
        Ok(sqlx::query_as(
            "SELECT clinic_name, therapist_name, contact, paper FROM settings WHERE id = 1",
        )
        .fetch_one(&self.pool)
        .await?)
    }

    pub async fn save_settings(&self, actor: &str, settings: &Settings) -> Result<Settings> {
        let mut tx = self.begin().await?;
        let row: Settings = sqlx::query_as(
            "UPDATE settings SET clinic_name = ?, therapist_name = ?, contact = ?, paper = ?,
                 updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = 1 RETURNING clinic_name, therapist_name, contact, paper",
        )
        .bind(&settings.clinic_name)
        .bind(&settings.therapist_name)
        .bind(&settings.contact)
        .bind(settings.paper)
        .fetch_one(&mut *tx)
        .await?;
        audit::record(&mut tx, actor, "settings.update", ("settings", 1), "").await?;
        tx.commit().await?;
        Ok(row)
    }
}
