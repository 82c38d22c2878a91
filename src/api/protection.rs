//! Protecting the database with a passphrase, unlocking it, and changing the
//! passphrase. See `store::protection` for how the keys fit together.

use super::*;
use crate::model::{Passphrase, RecoveryKey, Unlock};
use crate::store::{recovery_key, write_key_file, DatabaseKey};

/// The access that opens the protected database at `path`, unlocked with its
/// passphrase (through its key file) or its recovery key.
pub async fn unlock(path: &Path, unlock: &Unlock) -> Result<Access> {
    let recovery = recovery_key(path, unlock).await?;
    Ok(Access {
        key: Some(DatabaseKey::from_recovery_key(&recovery)),
        read_only: false,
    })
}

impl Api {
    /// How this database was opened (its key, read-only): its demo and its
    /// backups are opened alike.
    pub fn access(&self) -> &Access {
        self.store.access()
    }

    /// A new recovery key, to show the user before [`Api::protect`].
    pub fn new_recovery_key() -> Result<RecoveryKey> {
        RecoveryKey::generate().map_err(|error| Error::File {
            path: PathBuf::new(),
            reason: format!("the system gave no random numbers: {error}"),
        })
    }

    /// Protects this plain database with `passphrase`, encrypting it in place
    /// with the key made from `recovery` (which the user has printed): an
    /// encrypted copy is written and checked, then swapped in. Returns the
    /// database reopened; this `Api` is closed. If anything fails, the
    /// database is as it was, unprotected.
    #[tracing::instrument(skip_all)]
    pub async fn protect(self, passphrase: &Passphrase, recovery: &RecoveryKey) -> Result<Api> {
        logged(async move {
            self.store.can_protect()?;
            if self.access().key.is_some() {
                return Err(crate::store::Error::AlreadyProtected.into());
            }
            let path = self.store.path().to_owned();
            write_key_file(&path, passphrase, recovery).await?;
            let key = DatabaseKey::from_recovery_key(recovery);
            let store = match self.store.clone().encrypt(&key).await {
                Ok(store) => store,
                Err(error) => {
                    let _ = std::fs::remove_file(crate::store::key_file(&path));
                    return Err(error.into());
                }
            };
            let api = Api { store, ..self };
            api.store
                .record_event(&api.actor, "database.protect", ("database", 0), "")
                .await?;
            Ok(api)
        })
        .await
    }

    /// Sets a new passphrase, after `current` (the passphrase or the recovery
    /// key) proves it is the user's. Only the key file is rewritten: the
    /// database and its backups keep their key, and the recovery key stays valid.
    #[tracing::instrument(skip_all)]
    pub async fn change_passphrase(&self, current: &Unlock, new: &Passphrase) -> Result<()> {
        logged(async move {
            let path = self.store.path();
            let Some(key) = &self.access().key else {
                return Err(crate::store::Error::NotProtected.into());
            };
            let recovery = recovery_key(path, current).await?;
            if DatabaseKey::from_recovery_key(&recovery) != *key {
                return Err(crate::store::Error::WrongRecoveryKey.into());
            }
            write_key_file(path, new, &recovery).await?;
            Ok(self
                .store
                .record_event(
                    &self.actor,
                    "database.passphrase-change",
                    ("database", 0),
                    "",
                )
                .await?)
        })
        .await
    }
}
