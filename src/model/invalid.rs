//! Why a form was refused: every wrong field at once, each with a message a
//! person can act on, so a form shows all its errors together.

use serde::Serialize;
use ts_rs::TS;

/// One form field that failed validation, with a message a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct FieldError {
    /// The form field's name as the UI knows it (camelCase), e.g. `firstName`.
    pub field: String,
    pub message: String,
}

/// Every field error of one form. Never empty when returned as an error.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Invalid(pub Vec<FieldError>);

impl Invalid {
    /// One field error.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        Invalid(vec![FieldError {
            field: field.to_owned(),
            message: message.into(),
        }])
    }

    /// Parses one field, remembering its error and returning `None` on failure, so a
    /// form can collect the errors of all its fields before giving up.
    pub fn check<T>(&mut self, field: &str, parsed: Result<T, String>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(message) => {
                self.0.push(FieldError {
                    field: field.to_owned(),
                    message,
                });
                None
            }
        }
    }

    /// `Ok(value)` when no field failed; `value` is only built then.
    pub fn finish<T>(self, value: impl FnOnce() -> Option<T>) -> Result<T, Invalid> {
        match (self.0.is_empty(), value()) {
            (true, Some(value)) => Ok(value),
            _ => Err(self),
        }
    }
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let messages: Vec<&str> = self.0.iter().map(|e| e.message.as_str()).collect();
        f.write_str(&messages.join("; "))
    }
}

impl std::error::Error for Invalid {}
