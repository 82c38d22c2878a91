//! The façade for notes typed while the clinic server can't be reached. On a
//! clinic, every note is kept on this computer (encrypted, see
//! `store/kept.rs`; while its disk has room) before it is sent, and forgotten
//! once the server has it: so what was typed survives the server going away,
//! the app closing and a power cut, and is saved when the server is back, once.

use std::collections::HashMap;

use tokio::sync::Mutex;

use super::*;
use crate::store::KeptNotes;

/// The notes kept on this computer for the person signed in to a clinic.
#[derive(Debug)]
pub(super) struct Kept {
    notes: KeptNotes,
    /// Held for every note write, so that writes of one session never
    /// interleave. It maps each session whose kept note was saved by
    /// [`Api::save_kept_notes`] to the revision its editor still types over
    /// and the one saving made: the editor's text is newer than what was
    /// kept, so it goes on top rather than being refused as changed elsewhere.
    saved: Mutex<HashMap<SessionId, (Option<i64>, i64)>>,
}

impl Api {
    /// Keeps the notes that can't reach the clinic server in the file at
    /// `path`, encrypted with `password`, the one the person signs in with.
    /// With no room for the file on this computer's disk, notes are not kept
    /// ([`Api::keeps_notes`]): the server needs nothing from this disk, and a
    /// note that can't reach it is then refused as such, never called kept.
    pub async fn keep_notes_in(mut self, path: &Path, password: &str) -> Result<Api> {
        let notes = match KeptNotes::open(path, password).await {
            Ok(notes) => notes,
            Err(StoreError::DiskFull) => {
                tracing::warn!(code = %Code::DiskFull, "notes are not kept on this computer");
                return Ok(self);
            }
            Err(error) => return Err(error.into()),
        };
        self.kept = Some(Arc::new(Kept {
            notes,
            saved: Mutex::default(),
        }));
        Ok(self)
    }

    /// Whether notes that can't reach the clinic server are kept on this
    /// computer (see [`Api::keep_notes_in`]).
    pub fn keeps_notes(&self) -> bool {
        self.kept.is_some()
    }

    /// Saves the notes kept while the server couldn't be reached, and
    /// returns those it can't: their note was changed elsewhere meanwhile
    /// (or signed, or may no longer be written by this person). They stay
    /// kept, and show with their session until put aside.
    #[tracing::instrument(skip_all)]
    pub async fn save_kept_notes(&self) -> Result<Vec<KeptNote>> {
        let Some(kept) = &self.kept else {
            return Ok(Vec::new());
        };
        logged(async move {
            let mut saved = kept.saved.lock().await;
            let mut unsaved = Vec::new();
            for note in kept.notes.all().await? {
                let session = note.session_id;
                let written = self
                    .store
                    .write_note(
                        &self.actor,
                        session,
                        &SessionNote::try_from(note.note.clone())?,
                    )
                    .await;
                let revision = match written {
                    Ok(stored) => Some(stored.note_revision),
                    Err(StoreError::ChangedElsewhere { .. }) => self.landed(&note).await?,
                    Err(StoreError::Unreachable) => return Err(StoreError::Unreachable.into()),
                    Err(_) => None,
                };
                match revision {
                    Some(revision) => {
                        saved.insert(session, (note.note.based_on, revision));
                        kept.notes.forget(session).await?;
                    }
                    None => unsaved.push(note),
                }
            }
            Ok(unsaved)
        })
        .await
    }

    /// Puts aside the session's kept note that couldn't be saved, once the
    /// person has taken from it what they need.
    #[tracing::instrument(skip_all, fields(session = session.0))]
    pub async fn forget_kept_note(&self, session: SessionId) -> Result<()> {
        let Some(kept) = &self.kept else {
            return Ok(());
        };
        logged(async move {
            let _writing = kept.saved.lock().await;
            Ok(kept.notes.forget(session).await?)
        })
        .await
    }

    /// The session's note kept on this computer and not saved yet.
    pub(super) async fn kept_note(&self, session: SessionId) -> Result<Option<KeptNote>> {
        match &self.kept {
            Some(kept) => Ok(kept.notes.of(session).await?),
            None => Ok(None),
        }
    }

    /// [`Api::write_note`] on a clinic: the note is kept before it is sent,
    /// and forgotten once the server has it. While the server can't be
    /// reached it stays kept: [`Error::KeptLocally`].
    pub(super) async fn write_or_keep_note(
        &self,
        kept: &Kept,
        session: SessionId,
        form: NoteForm,
    ) -> Result<Session> {
        let mut note = SessionNote::try_from(form.clone())?;
        let mut saved = kept.saved.lock().await;
        if let Some(&(typed_over, revision)) = saved.get(&session) {
            if note.based_on == typed_over {
                note.based_on = Some(revision);
            }
        }
        // This computer's copy helps; failing to read or write it (a full
        // disk) must not keep the note from the server.
        let earlier = kept.notes.of(session).await.ok().flatten();
        let typed = NoteForm {
            based_on: note.based_on,
            ..form
        };
        let is_kept = match kept.notes.keep(session, &typed).await {
            Ok(()) => true,
            Err(error) => {
                tracing::warn!(code = %Error::from(error).code(), "not kept on this computer");
                false
            }
        };
        let mut written = self.store.write_note(&self.actor, session, &note).await;
        if let (Err(StoreError::ChangedElsewhere { .. }), Some(earlier)) = (&written, &earlier) {
            // A save whose answer was lost on the way back may have landed:
            // this text is typed on top of it.
            if let Some(revision) = self.landed(earlier).await? {
                note.based_on = Some(revision);
                written = self.store.write_note(&self.actor, session, &note).await;
            }
        }
        match written {
            Ok(stored) => {
                saved.remove(&session);
                // Left kept, it is recognised as saved when next tried.
                if let Err(error) = kept.notes.forget(session).await {
                    tracing::warn!(code = %Error::from(error).code(), "kept copy not forgotten");
                }
                Ok(stored)
            }
            Err(StoreError::Unreachable) if is_kept => Err(Error::KeptLocally),
            // Kept, to show with the session: someone else's save came first.
            Err(error @ StoreError::ChangedElsewhere { .. }) => Err(error.into()),
            Err(error) => {
                kept.notes.forget(session).await?;
                Err(error.into())
            }
        }
    }

    /// The session's note revision if `note` is what the server holds: it
    /// was saved, though no answer said so.
    async fn landed(&self, note: &KeptNote) -> Result<Option<i64>> {
        let stored = self.store.session(note.session_id).await?;
        Ok(note.is_in(&stored).then_some(stored.note_revision))
    }

    /// Closes the file of kept notes.
    pub(super) async fn close_kept(&self) {
        if let Some(kept) = &self.kept {
            kept.notes.close().await;
        }
    }
}
