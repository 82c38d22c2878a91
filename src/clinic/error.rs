//! What can go wrong with a clinic server, as `{code, message}`, and how
//! PostgreSQL's errors (and the schema's coded refusals) become it.

use serde::ser::SerializeStruct;
use serde::Serialize;

use crate::model::Invalid;

/// What can go wrong with a clinic server, in terms a caller can act on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Invalid(#[from] Invalid),
    #[error("can't connect to the clinic server: {reason}")]
    Connect { reason: String },
    #[error("that login and password don't sign in to the clinic server")]
    WrongPassword,
    #[error("can't bring the clinic's database up to date: {reason}")]
    Migrate { reason: String },
    /// A grant, a row-level policy or the people functions refused.
    #[error("your role in the clinic doesn't allow this")]
    NotAllowed,
    #[error("that login is already taken on this server; choose another")]
    LoginTaken,
    #[error("a student's supervisor is one of the clinic's therapists or owners")]
    NoSupervisor,
    #[error("the clinic's last owner stays an owner")]
    LastOwner,
    #[error("no one in the clinic signs in with that login")]
    NoPerson,
    #[error("clinic database error: {0}")]
    Database(sqlx::Error),
}

/// What a caller branches on. Never branch on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    Validation,
    Connect,
    WrongPassword,
    Migrate,
    NotAllowed,
    LoginTaken,
    NoSupervisor,
    LastOwner,
    NoPerson,
    Storage,
}

impl Error {
    pub fn code(&self) -> Code {
        match self {
            Error::Invalid(_) => Code::Validation,
            Error::Connect { .. } => Code::Connect,
            Error::WrongPassword => Code::WrongPassword,
            Error::Migrate { .. } => Code::Migrate,
            Error::NotAllowed => Code::NotAllowed,
            Error::LoginTaken => Code::LoginTaken,
            Error::NoSupervisor => Code::NoSupervisor,
            Error::LastOwner => Code::LastOwner,
            Error::NoPerson => Code::NoPerson,
            Error::Database(_) => Code::Storage,
        }
    }
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut body = serializer.serialize_struct("Error", 2)?;
        body.serialize_field("code", &self.code())?;
        body.serialize_field("message", &self.to_string())?;
        body.end()
    }
}

// PostgreSQL's SQLSTATEs for a refused privilege (a grant, or a row-level
// policy on a new row) and a refused password.
const INSUFFICIENT_PRIVILEGE: &str = "42501";
const INVALID_PASSWORD: &str = "28P01";

impl From<sqlx::Error> for Error {
    fn from(error: sqlx::Error) -> Error {
        let sqlx::Error::Database(db) = &error else {
            return Error::Database(error);
        };
        // The schema's functions raise "[code] message"; the code stays when
        // the message is reworded.
        let coded = db
            .message()
            .strip_prefix('[')
            .and_then(|m| m.split_once(']'));
        match coded.map(|(code, _)| code) {
            Some("not-owner" | "not-allowed") => return Error::NotAllowed,
            Some("login-taken") => return Error::LoginTaken,
            Some("no-person") => return Error::NoPerson,
            Some("no-supervisor") => return Error::NoSupervisor,
            Some("last-owner") => return Error::LastOwner,
            _ => {}
        }
        match db.code().as_deref() {
            Some(INSUFFICIENT_PRIVILEGE) => Error::NotAllowed,
            Some(INVALID_PASSWORD) => Error::WrongPassword,
            _ => Error::Database(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_serializes_to_its_code_and_message() {
        let json = serde_json::to_string(&Error::LastOwner).expect("serializes");
        assert_eq!(
            json,
            r#"{"code":"last-owner","message":"the clinic's last owner stays an owner"}"#
        );
    }
}
