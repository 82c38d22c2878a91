//! Clients imported from another system's CSV export, and the column
//! mappings remembered for the next file from the same system.

use sqlx::types::Json;

use super::{audit, clients::insert_client, Result, Store};
use crate::import_csv::{KnownClient, Remembered};
use crate::model::NewClient;

/// An import to write: the clients, what the audit log says about the file,
/// and the mapping to remember under each of `keys`.
pub struct CsvImport<'a> {
    pub clients: &'a [NewClient],
    pub detail: &'a str,
    pub remembered: &'a Remembered,
    pub keys: &'a [String],
}

impl Store {
    /// The mapping remembered under the first of `keys` that has one.
    pub async fn remembered_mapping(&self, keys: &[String]) -> Result<Option<Remembered>> {
        for key in keys {
            let found: Option<Json<Remembered>> =
                sqlx::query_scalar("SELECT mapping FROM csv_import_mappings WHERE source_key = ?")
                    .bind(key)
                    .fetch_optional(&self.pool)
                    .await?;
            if let Some(Json(remembered)) = found {
                return Ok(Some(remembered));
            }
        }
        Ok(None)
    }

    /// Every client in the list, by name and date of birth.
    pub async fn known_clients(&self) -> Result<Vec<KnownClient>> {
        Ok(sqlx::query_as(
            "SELECT id, first_name, last_name, date_of_birth FROM clients WHERE deleted_at IS NULL",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Adds the clients of an import in one transaction, each recorded in the
    /// audit log as a client created by hand is, then the import itself, and
    /// remembers its mapping: all of it, or nothing. `on_added` hears how
    /// many clients are in so far.
    pub async fn import_clients(
        &self,
        actor: &str,
        import: CsvImport<'_>,
        on_added: &mut (dyn FnMut(usize) + Send),
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        for (done, client) in import.clients.iter().enumerate() {
            insert_client(&mut tx, actor, client).await?;
            on_added(done + 1);
        }
        audit::record(
            &mut tx,
            actor,
            "clients.import",
            ("import", 0),
            import.detail,
        )
        .await?;
        for key in import.keys {
            sqlx::query(
                "INSERT INTO csv_import_mappings (source_key, mapping) VALUES (?, ?)
                 ON CONFLICT (source_key) DO UPDATE SET mapping = excluded.mapping,
                     updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
            )
            .bind(key)
            .bind(Json(import.remembered))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
