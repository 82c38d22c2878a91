//! The clinic's people: each signs in to the server with their own login and
//! is one kind of person, which decides what the server lets them see and do.

use serde::Serialize;

use crate::model::{Invalid, Name, Passphrase};

/// A person's login on the clinic server: lowercase letters, digits and `_`,
/// starting with a letter, at most 63 bytes (PostgreSQL's longest name), and
/// never a server role (`pg_...`) or one of the clinic's groups (`myochart_...`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Login(String);

impl Login {
    const MAX_LEN: usize = 63;

    pub fn parse(raw: &str) -> Result<Login, String> {
        let login = raw.trim();
        let mut chars = login.chars();
        let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_lowercase());
        let plain = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !starts_with_letter || !plain || login.len() > Self::MAX_LEN {
            return Err(format!(
                "a login is lowercase letters (a-z), digits and _, starting with a letter, \
                 at most {} characters",
                Self::MAX_LEN
            ));
        }
        if login.starts_with("pg_") || login.starts_with("myochart_") {
            return Err("a login can't start with pg_ or myochart_: the server keeps those".into());
        }
        Ok(Login(login.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a person is in the clinic; each kind is a group on the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, sqlx::Type)]
#[serde(rename_all = "kebab-case")]
#[sqlx(type_name = "text", rename_all = "kebab-case")]
pub enum PersonKind {
    /// Sees and changes everything, and manages people.
    Owner,
    /// Charts their own clients and those shared with them.
    Therapist,
    /// Charts their own clients; their supervisor reads and signs off.
    Student,
    /// Contact details and consent, nothing clinical.
    FrontDesk,
}

/// Someone to add to the clinic, parsed: a student names their supervisor.
#[derive(Debug, Clone)]
pub struct NewPerson {
    pub login: Login,
    pub display_name: Name,
    pub kind: PersonKind,
    pub password: Passphrase,
    pub supervisor: Option<Login>,
}

impl NewPerson {
    /// Checks every field, reporting all that are wrong.
    pub fn parse(
        login: &str,
        display_name: &str,
        kind: PersonKind,
        password: &str,
        supervisor: Option<&str>,
    ) -> Result<NewPerson, Invalid> {
        let mut invalid = Invalid::default();
        let login = invalid.check("login", Login::parse(login));
        let display_name = invalid.check("displayName", Name::parse(display_name, "Name"));
        let password = match Passphrase::parse(password) {
            Ok(password) => Some(password),
            Err(error) => {
                invalid.0.extend(error.0);
                None
            }
        };
        let supervisor = match (kind, supervisor) {
            (PersonKind::Student, None) => invalid.check(
                "supervisor",
                Err("a student needs a supervisor, a therapist or an owner".into()),
            ),
            (PersonKind::Student, Some(login)) => {
                invalid.check("supervisor", Login::parse(login).map(Some))
            }
            _ => Some(None),
        };
        invalid.finish(|| {
            Some(NewPerson {
                login: login?,
                display_name: display_name?,
                kind,
                password: password?,
                supervisor: supervisor?,
            })
        })
    }
}

/// One of the clinic's people, as the server keeps them.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub login: String,
    pub display_name: String,
    pub kind: PersonKind,
    pub supervisor: Option<String>,
    /// When they left the clinic: they can't sign in any more.
    pub removed_at: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_login_is_a_plain_lowercase_name_the_server_does_not_keep() {
        assert_eq!(
            Login::parse(" ann_lee2 ").map(|l| l.0),
            Ok("ann_lee2".into())
        );
        for refused in [
            "",
            "Ann",
            "2ann",
            "ann-lee",
            "ann lee",
            "pg_ann",
            "myochart_owner",
            "ส",
        ] {
            assert!(Login::parse(refused).is_err(), "{refused:?} was accepted");
        }
        assert!(Login::parse(&"a".repeat(64)).is_err());
    }

    #[test]
    fn a_student_needs_a_supervisor_and_every_wrong_field_is_reported() {
        let refused = NewPerson::parse("Bad", " ", PersonKind::Student, "short", None)
            .expect_err("every field is wrong");
        let fields: Vec<&str> = refused.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["login", "displayName", "passphrase", "supervisor"]);
    }
}
