//! Snippets: creating, listing and soft-deleting them.

use super::engine::on_engine;
use super::{audit, Result, Store, SNIPPETS};
use crate::model::{NewSnippet, Snippet, SnippetId};

impl Store {
    /// The therapist's snippets, by label.
    pub async fn snippets(&self) -> Result<Vec<Snippet>> {
        // lower() folds ASCII letters only on SQLite, as its NOCASE does.
        Ok(on_engine!(&self.pool, |pool| sqlx::query_as(
            "SELECT id, label, text FROM snippets WHERE deleted_at IS NULL
             ORDER BY lower(label), id",
        )
        .fetch_all(pool)
        .await?))
    }

    pub async fn insert_snippet(&self, actor: &str, snippet: &NewSnippet) -> Result<Snippet> {
        let mut tx = self.begin().await?;
        let row: Snippet = on_engine!(&mut tx, |tx| sqlx::query_as(
            "INSERT INTO snippets (label, text) VALUES ($1, $2) RETURNING id, label, text",
        )
        .bind(snippet.label.as_str())
        .bind(&snippet.text)
        .fetch_one(&mut **tx)
        .await?);
        audit::record(&mut tx, actor, "snippet.create", ("snippet", row.id.0), "").await?;
        tx.commit().await?;
        Ok(row)
    }

    pub async fn delete_snippet(&self, actor: &str, id: SnippetId) -> Result<()> {
        self.soft_delete(actor, SNIPPETS, id.0, "snippet.delete")
            .await
    }
}
