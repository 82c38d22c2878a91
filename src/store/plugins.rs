//! The plugin registry: which library files were seen, with which hash, and
//! whether the user approved and enabled them.

use super::engine::on_engine;
use super::{audit, now, Error, Result, Store};
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
        let select = format!(
            "SELECT {COLUMNS} FROM plugins WHERE path = $1{}",
            tx.for_update()
        );
        let before: Option<PluginRow> = on_engine!(&mut tx, |tx| sqlx::query_as(&select)
            .bind(seen.path)
            .fetch_optional(&mut **tx)
            .await?);
        let same = before.as_ref().is_some_and(|row| seen.describes(row));
        let upsert = format!(
            "INSERT INTO plugins (path, namespace, name, version, author, description, sha256)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (path) DO UPDATE SET
                 namespace = excluded.namespace, name = excluded.name,
                 version = excluded.version, author = excluded.author,
                 description = excluded.description,
                 approved_at = CASE WHEN $8 THEN plugins.approved_at END,
                 enabled = CASE WHEN $8 THEN plugins.enabled ELSE FALSE END,
                 last_error = CASE WHEN $8 THEN plugins.last_error END,
                 sha256 = excluded.sha256,
                 seen_at = $9
             RETURNING {COLUMNS}"
        );
        let row: PluginRow = on_engine!(&mut tx, |tx| sqlx::query_as(&upsert)
            .bind(seen.path)
            .bind(seen.namespace)
            .bind(seen.name)
            .bind(seen.version)
            .bind(seen.author)
            .bind(seen.description)
            .bind(seen.sha256)
            .bind(same)
            .bind(now())
            .fetch_one(&mut **tx)
            .await?);
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
        let sql = format!("SELECT {COLUMNS} FROM plugins WHERE id = $1");
        let found: Option<PluginRow> = on_engine!(&self.pool, |pool| sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await?);
        found.ok_or(Error::NotFound {
            entity: "plugin",
            id: id.0,
        })
    }

    /// The hashes of the approved libraries, in any plugins folder.
    pub async fn approved_plugin_hashes(&self) -> Result<Vec<String>> {
        Ok(on_engine!(&self.pool, |pool| sqlx::query_scalar(
            "SELECT sha256 FROM plugins WHERE approved_at IS NOT NULL"
        )
        .fetch_all(pool)
        .await?))
    }

    /// Approves the library with hash `sha256` and enables it. Approval is of
    /// that exact file: if the hash on record differs, nothing changes.
    pub async fn approve_plugin(&self, actor: &str, id: PluginId, sha256: &str) -> Result<bool> {
        let mut tx = self.begin().await?;
        let approved = on_engine!(&mut tx, |tx| sqlx::query(
            "UPDATE plugins SET approved_at = $1, enabled = TRUE, last_error = NULL
             WHERE id = $2 AND sha256 = $3",
        )
        .bind(now())
        .bind(id)
        .bind(sha256)
        .execute(&mut **tx)
        .await?
        .rows_affected())
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
        let sql = format!("UPDATE plugins SET enabled = $1 WHERE id = $2 RETURNING {COLUMNS}");
        let row: Option<PluginRow> = on_engine!(&mut tx, |tx| sqlx::query_as(&sql)
            .bind(enabled)
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?);
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
        on_engine!(&self.pool, |pool| sqlx::query(
            "UPDATE plugins SET last_error = $1 WHERE id = $2"
        )
        .bind(error)
        .bind(id)
        .execute(pool)
        .await
        .map(drop)?);
        Ok(())
    }
}
