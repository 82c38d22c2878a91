//! Clients imported from another system's CSV export, and the column
//! mappings remembered (in the settings row) for the next file from the same
//! system.

use std::collections::BTreeMap;

use sqlx::types::Json;

use super::engine::{on_engine, Tx};
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
        let mut remembered = mappings(&mut self.pool.begin_read().await?).await?;
        Ok(keys.iter().find_map(|key| remembered.remove(key)))
    }

    /// Every client in the list, by name and date of birth.
    pub async fn known_clients(&self) -> Result<Vec<KnownClient>> {
        Ok(on_engine!(&self.pool, |pool| sqlx::query_as(
            "SELECT id, first_name, last_name, date_of_birth FROM clients WHERE deleted_at IS NULL",
        )
        .fetch_all(pool)
        .await?))
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
        audit::record_event(
            &mut tx,
            actor,
            "clients.import",
            ("import", 0),
            import.detail,
        )
        .await?;
        let mut remembered = mappings(&mut tx).await?;
        for key in import.keys {
            remembered.insert(key.clone(), import.remembered.clone());
        }
        on_engine!(&mut tx, |tx| sqlx::query(
            "UPDATE settings SET csv_import_mappings = $1 WHERE id = 1"
        )
        .bind(Json(&remembered))
        .execute(&mut **tx)
        .await
        .map(drop)?);
        tx.commit().await?;
        Ok(())
    }
}

/// Every remembered mapping, by key.
async fn mappings(tx: &mut Tx) -> Result<BTreeMap<String, Remembered>> {
    let Json(mappings) = on_engine!(tx, |tx| sqlx::query_scalar(
        "SELECT csv_import_mappings FROM settings WHERE id = 1"
    )
    .fetch_one(&mut **tx)
    .await?);
    Ok(mappings)
}
