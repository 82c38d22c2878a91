//! What the audit log holds about a client and about a note, for reading in
//! the app: the history is health information too, so it is asked for one
//! client (or one note) at a time, never for the whole log.

use super::{Api, Result};
use crate::model::{ClientId, SessionId};
use crate::store::{AuditEntry, HistoryEntry};

impl Api {
    /// Everything the audit log holds about a client, newest first: changes
    /// to their record (red-flag screening included), their sessions, notes,
    /// findings and handouts, deleted ones too, what was exported about them,
    /// and the backups of the whole database made since they were added,
    /// which hold their records.
    pub async fn client_history(&self, client: ClientId) -> Result<Vec<HistoryEntry>> {
        // A removed client's history is not shown: the client isn't either.
        self.store.client(client).await?;
        Ok(self.store.client_history(client).await?)
    }

    /// The revisions of a session's note, newest first: each draft save with
    /// the text it replaced, the signing and each amendment.
    pub async fn note_history(&self, session: SessionId) -> Result<Vec<AuditEntry>> {
        self.store.session(session).await?;
        Ok(self.store.note_history(session).await?)
    }
}
