//! The error every [`crate::api::Api`] call returns, and the `{code, message}` body
//! it becomes for the UI.

use serde::Serialize;
use ts_rs::TS;

use crate::model::{FieldError, Invalid};
use crate::{clinic, store};

/// Why an API call did nothing.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One or more form fields are wrong; nothing was written.
    #[error("{0}")]
    Invalid(#[from] Invalid),
    #[error(transparent)]
    Store(#[from] store::Error),
    /// Connecting or signing in to a clinic server.
    #[error(transparent)]
    Clinic(#[from] clinic::Error),
    /// A plugin could not do what was asked; the message names its file.
    #[error(transparent)]
    Plugin(#[from] crate::plugin::PluginError),
    #[error("{path}: {reason}")]
    File {
        path: std::path::PathBuf,
        reason: String,
    },
    /// A name or note has a character no font can print.
    #[error(transparent)]
    MissingGlyph(#[from] crate::pdf::MissingGlyph),
    /// The clinic server can't be reached, and the note is kept on this
    /// computer until it is back.
    #[error(
        "the clinic server can't be reached: this note is kept on this computer, encrypted, \
         and saved there when the server is back"
    )]
    KeptLocally,
    /// The database is not open (locked, or it failed to open), and why.
    #[error("{}", .0.message)]
    Closed(ErrorBody),
}

/// What the UI branches on. Never branch on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum Code {
    Validation,
    NotFound,
    SignedNote,
    DraftNote,
    /// A practice-log entry a supervisor signed off: locked.
    SignedEntry,
    /// A draft note was saved from somewhere else since this text was typed.
    ChangedElsewhere,
    Busy,
    DiskFull,
    /// The database is protected and not unlocked yet.
    Locked,
    /// The passphrase or recovery key doesn't open this database.
    WrongPassphrase,
    /// The database file can't be read; a backup can be restored.
    Damaged,
    /// The database (or its file) can't be written; it can be opened read-only.
    ReadOnly,
    File,
    Storage,
    Plugin,
    /// A character no installed font has; the message names it.
    MissingGlyph,
    /// The clinic server can't be reached.
    ServerUnreachable,
    /// The clinic server refused the login and password.
    WrongPassword,
    /// The person's role in the clinic doesn't allow it.
    NotAllowed,
    /// A clinic's database, waiting for its person to sign in.
    SignedOut,
    /// The clinic server can't be reached; what was typed is kept on this
    /// computer and saved when it is back.
    KeptLocally,
}

/// The serialized error: a code to branch on, a message for people, and for
/// validation errors the fields to mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct ErrorBody {
    pub code: Code,
    pub message: String,
    pub fields: Vec<FieldError>,
}

/// The code as the UI sees it (`signed-note`, `disk-full`), for logs.
impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.serialize(f)
    }
}

impl Error {
    pub fn code(&self) -> Code {
        match self {
            Error::Invalid(_) => Code::Validation,
            Error::File { .. } => Code::File,
            Error::Plugin(_) => Code::Plugin,
            Error::MissingGlyph(_) => Code::MissingGlyph,
            Error::KeptLocally => Code::KeptLocally,
            Error::Closed(why) => why.code,
            Error::Clinic(error) => match error.code() {
                clinic::Code::Connect => Code::ServerUnreachable,
                clinic::Code::WrongPassword => Code::WrongPassword,
                clinic::Code::NotAllowed => Code::NotAllowed,
                clinic::Code::Validation
                | clinic::Code::LoginTaken
                | clinic::Code::NoSupervisor
                | clinic::Code::LastOwner
                | clinic::Code::NoPerson => Code::Validation,
                clinic::Code::Migrate | clinic::Code::Storage => Code::Storage,
            },
            Error::Store(error) => match error {
                store::Error::NotFound { .. } => Code::NotFound,
                store::Error::SignedNote => Code::SignedNote,
                store::Error::DraftNote => Code::DraftNote,
                store::Error::SignedEntry => Code::SignedEntry,
                store::Error::ChangedElsewhere { .. } => Code::ChangedElsewhere,
                store::Error::Busy => Code::Busy,
                store::Error::DiskFull => Code::DiskFull,
                store::Error::Locked { .. } => Code::Locked,
                store::Error::WrongPassphrase
                | store::Error::WrongRecoveryKey
                | store::Error::KeyFileMissing { .. } => Code::WrongPassphrase,
                store::Error::Damaged => Code::Damaged,
                store::Error::ReadOnly | store::Error::ReadOnlyFile { .. } => Code::ReadOnly,
                store::Error::NotAllowed => Code::NotAllowed,
                store::Error::Unreachable => Code::ServerUnreachable,
                store::Error::AlreadyProtected
                | store::Error::NotProtected
                | store::Error::RecordKept
                | store::Error::Open { .. }
                | store::Error::Migrate { .. }
                | store::Error::NotOnServer { .. }
                | store::Error::Database(_) => Code::Storage,
            },
        }
    }
}

impl From<&Error> for ErrorBody {
    fn from(error: &Error) -> ErrorBody {
        ErrorBody {
            code: error.code(),
            message: error.to_string(),
            fields: match error {
                Error::Invalid(invalid) => invalid.0.clone(),
                _ => Vec::new(),
            },
        }
    }
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ErrorBody::from(self).serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_serialize_to_code_message_and_fields() {
        let error = Error::from(Invalid::field("firstName", "First name is required"));
        assert_eq!(
            serde_json::to_value(&error).expect("serializes"),
            serde_json::json!({
                "code": "validation",
                "message": "First name is required",
                "fields": [{"field": "firstName", "message": "First name is required"}]
            })
        );
        let signed = Error::from(store::Error::SignedNote);
        assert_eq!(
            serde_json::to_value(&signed).expect("serializes")["code"],
            "signed-note"
        );
    }
}
