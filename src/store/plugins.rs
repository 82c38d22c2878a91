//! The plugin registry: which library files were seen, with which hash, and
//! whether the user approved and enabled them.

use super::{audit, Error, Result, Store};
use crate::model::PluginId;

/// A registry row.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PluginRow {
    pub id: PluginId,
    pub path: String,
    pub namespace: String,
    pub name: String,
    pub version: String,
    pub author: String,
    pub description: String,
    pub sha256: String,
    pub approved_at: Option<String>,
    pub enabled: bool,
    pub last_error: Option<String>,
}

/// What discovery read about a library, before running any of its code.
#[derive(Debug, Clone, Copy)]
pub struct SeenPlugin<'a> {
    pub path: &'a str,
    pub namespace: &'a str,
    pub name: &'a str,
    pub version: &'a str,
    pub author: &'a str,
    pub description: &'a str,
    pub sha256: &'a str,
}

impl SeenPlugin<'_> {
    /// Whether `row` records this very library with this very `plugin.toml`:
    /// an approval covers both, since the manager shows the toml's words.
    pub fn describes(&self, row: &PluginRow) -> bool {
        (
            self.path,
            self.namespace,
            self.name,
            self.version,
            self.author,
            self.description,
            self.sha256,
        ) == (
            row.path.as_str(),
            row.namespace.as_str(),
            row.name.as_str(),
            row.version.as_str(),
            row.author.as_str(),
            row.description.as_str(),
            row.sha256.as_str(),
        )
    }
}

const COLUMNS: &str = "id, path, namespace, name, version, author, description, sha256, \
                       approved_at, enabled, last_error";

impl Store {
    /// Records a library found on disk. A new file, or one whose hash or
    /// `plugin.toml` differs from the one on record, is (again) awaiting
    /// approval and disabled.
    pub async fn see_plugin(&self, actor: &str, seen: SeenPlugin<'_>) -> Result<PluginRow> {
        let mut tx = self.begin().await?;
        let before: Option<PluginRow> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM plugins WHERE path = ?"))
                .bind(seen.path)
                .fetch_optional(&mut *tx)
                .await?;
        let same = before.as_ref().is_some_and(|row| seen.describes(row));
        let row: PluginRow = sqlx::query_as(&format!(
            "INSERT INTO plugins (path, namespace, name, version, author, description, sha256)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (path) DO UPDATE SET
                 namespace = excluded.namespace, name = excluded.name,
                 version = excluded.version, author = excluded.author,
                 description = excluded.description,
                 approved_at = CASE WHEN ?8 THEN approved_at END,
                 enabled = CASE WHEN ?8 THEN enabled ELSE 0 END,
                 last_error = CASE WHEN ?8 THEN last_error END,
                 sha256 = excluded.sha256,
                 seen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             RETURNING {COLUMNS}"
        ))
        .bind(seen.path)
        .bind(seen.namespace)
        .bind(seen.name)
        .bind(seen.version)
        .bind(seen.author)
        .bind(seen.description)
        .bind(seen.sha256)
        .bind(same)
        .fetch_one(&mut *tx)
        .await?;
        let action = match before {
            None => Some("plugin.discover"),
            Some(_) if !same => Some("plugin.changed"),
            Some(_) => None,
        };
        if let Some(action) = action {
            audit::record(&mut tx, actor, action, ("plugin", row.id.0), seen.sha256).await?;
        }
        tx.commit().await?;
        Ok(row)
    }

    pub async fn plugin(&self, id: PluginId) -> Result<PluginRow> {
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM plugins WHERE id = ?"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(Error::NotFound {
                entity: "plugin",
                id: id.0,
            })
    }

    /// The hashes of the approved libraries, in any plugins folder.
    pub async fn approved_plugin_hashes(&self) -> Result<Vec<String>> {
        Ok(
            sqlx::query_scalar("SELECT sha256 FROM plugins WHERE approved_at IS NOT NULL")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// Approves the library with hash `sha256` and enables it. Approval is of
    /// that exact file: if the hash on record differs, nothing changes.
    pub async fn approve_plugin(&self, actor: &str, id: PluginId, sha256: &str) -> Result<bool> {
        let mut tx = self.begin().await?;
        let approved = sqlx::query(
            "UPDATE plugins SET approved_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), enabled = 1,
                 last_error = NULL
             WHERE id = ? AND sha256 = ?",
        )
        .bind(id)
        .bind(sha256)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if approved {
            audit::record(&mut tx, actor, "plugin.approve", ("plugin", id.0), sha256).await?;
        }
        tx.commit().await?;
        Ok(approved)
    }

    /// Shows (`enabled`) or hides an approved plugin's content.
    pub async fn set_plugin_enabled(
        &self,
        actor: &str,
        id: PluginId,
        enabled: bool,
    ) -> Result<PluginRow> {
        let mut tx = self.begin().await?;
        let row: Option<PluginRow> = sqlx::query_as(&format!(
            "UPDATE plugins SET enabled = ? WHERE id = ? RETURNING {COLUMNS}"
        ))
        .bind(enabled)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let row = row.ok_or(Error::NotFound {
            entity: "plugin",
            id: id.0,
        })?;
        let action = if enabled {
            "plugin.enable"
        } else {
            "plugin.disable"
        };
        audit::record(&mut tx, actor, action, ("plugin", id.0), "").await?;
        tx.commit().await?;
        Ok(row)
    }

    /// Remembers why a plugin failed (or, with `None`, that it loaded).
    pub async fn set_plugin_error(&self, id: PluginId, error: Option<&str>) -> Result<()> {
        sqlx::query("UPDATE plugins SET last_error = ? WHERE id = ?")
            .bind(error)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
