//! Snippets: creating, listing and soft-deleting them.

use super::{audit, Result, Store, SNIPPETS};
use crate::model::{NewSnippet, Snippet, SnippetId};

impl Store {
    /// The therapist's snippets, by label.
    pub async fn snippets(&self) -> Result<Vec<Snippet>> {
        Ok(sqlx::query_as(
            "SELECT id, label, text FROM snippets WHERE deleted_at IS NULL ORDER BY label COLLATE NOCASE, id",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn insert_snippet(&self, actor: &str, snippet: &NewSnippet) -> Result<Snippet> {
        let mut tx = self.begin().await?;
        let row: Snippet = sqlx::query_as(
            "INSERT INTO snippets (label, text) VALUES (?, ?) RETURNING id, label, text",
        )
        .bind(snippet.label.as_str())
        .bind(&snippet.text)
        .fetch_one(&mut *tx)
        .await?;
        audit::record(&mut tx, actor, "snippet.create", ("snippet", row.id.0), "").await?;
        tx.commit().await?;
        Ok(row)
    }

    pub async fn delete_snippet(&self, actor: &str, id: SnippetId) -> Result<()> {
        self.soft_delete(actor, SNIPPETS, id.0, "snippet.delete")
            .await
    }
}
