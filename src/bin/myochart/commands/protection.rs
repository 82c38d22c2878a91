//! `protect` and `change-passphrase`, and where the CLI reads a passphrase.

use std::path::PathBuf;

use myochart::api::{self, Api};
use myochart::model::{Invalid, Passphrase, RecoveryKey, Unlock};

use crate::args::ChangePassphraseArgs;

/// Where the CLI reads a passphrase: a file's first line, else an environment
/// variable, else a prompt that doesn't show what is typed.
pub struct Secret {
    pub file: Option<PathBuf>,
    pub variable: &'static str,
}

impl Secret {
    /// What the file or the variable holds, if either is given.
    fn given(&self) -> api::Result<Option<String>> {
        if let Some(file) = &self.file {
            let text = std::fs::read_to_string(file).map_err(|error| api::Error::File {
                path: file.clone(),
                reason: t!("passphrase-file-unreadable", error = error.to_string()),
            })?;
            return Ok(Some(text.lines().next().unwrap_or_default().to_owned()));
        }
        Ok(std::env::var(self.variable).ok())
    }

    fn text(&self, prompt: &str) -> api::Result<String> {
        if let Some(text) = self.given()? {
            return Ok(text);
        }
        rpassword::prompt_password(prompt).map_err(|_| {
            Invalid::field(
                "passphrase",
                t!("passphrase-no-terminal", variable = self.variable),
            )
            .into()
        })
    }

    /// The password of a clinic login.
    pub fn password(&self) -> api::Result<String> {
        if let Some(text) = self.given()? {
            return Ok(text);
        }
        rpassword::prompt_password(t!("prompt-clinic-password")).map_err(|_| {
            Invalid::field(
                "password",
                t!("password-no-terminal", variable = self.variable),
            )
            .into()
        })
    }

    /// The passphrase, or the recovery key when what was given reads as one.
    pub fn unlock(&self) -> api::Result<Unlock> {
        let text = self.text(&t!("prompt-passphrase-or-key"))?;
        Ok(match RecoveryKey::parse(&text) {
            Ok(key) => Unlock::RecoveryKey(key),
            Err(_) => Unlock::Passphrase(Passphrase::parse(&text)?),
        })
    }

    /// A new passphrase; asked for twice when it is typed.
    fn new_passphrase(&self) -> api::Result<Passphrase> {
        let text = self.text(&t!("prompt-new-passphrase"))?;
        let passphrase = Passphrase::parse(&text)?;
        if self.file.is_none() && std::env::var(self.variable).is_err() {
            let again = self.text(&t!("prompt-passphrase-again"))?;
            if again != text {
                return Err(Invalid::field("passphrase", t!("passphrases-differ")).into());
            }
        }
        Ok(passphrase)
    }
}

/// Protects the database and prints its recovery key; gives back the
/// protected database.
pub async fn protect(api: Api, secret: &Secret) -> api::Result<Api> {
    let passphrase = secret.new_passphrase()?;
    let recovery = Api::new_recovery_key()?;
    let api = api.protect(&passphrase, &recovery).await?;
    println!("{}", t!("protected", key = recovery.to_string()));
    Ok(api)
}

pub async fn change_passphrase(
    api: &Api,
    args: ChangePassphraseArgs,
    secret: &Secret,
) -> api::Result<()> {
    let current = secret.unlock()?;
    let new = Secret {
        file: args.new_passphrase_file,
        variable: "MYOCHART_NEW_PASSPHRASE",
    }
    .new_passphrase()?;
    api.change_passphrase(&current, &new).await?;
    println!("{}", t!("passphrase-changed"));
    Ok(())
}
