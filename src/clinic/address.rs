//! Where a clinic's database is and who signs in to it: what the window shows
//! in its header and remembers in its settings. Never the password, which is
//! asked for at each sign-in.

use serde::{Deserialize, Serialize};
use sqlx::postgres::PgSslMode;
use ts_rs::TS;

use super::{parse_url, Result};

/// A clinic's database on its server, and the login that signs in to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct ClinicAddress {
    pub server: String,
    pub port: u16,
    pub database: String,
    pub login: String,
    pub tls: TlsMode,
}

/// How the connection is encrypted (PostgreSQL's `sslmode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum TlsMode {
    /// Plain text: only on a network the clinic trusts.
    Disable,
    /// Encrypted when the server offers it.
    Prefer,
    /// Always encrypted, without checking who answers.
    Require,
    /// Encrypted, to a server whose certificate the clinic's authority signed.
    VerifyCa,
    /// Encrypted, to a server whose certificate bears its name.
    VerifyFull,
}

impl ClinicAddress {
    /// The address in `url` (`postgres://login@server:port/database?sslmode=…`);
    /// a password in it is left out.
    pub fn parse(url: &str) -> Result<ClinicAddress> {
        let options = parse_url(url)?;
        Ok(ClinicAddress {
            server: options.get_host().to_owned(),
            port: options.get_port(),
            database: options.get_database().unwrap_or_default().to_owned(),
            login: options.get_username().to_owned(),
            tls: match options.get_ssl_mode() {
                PgSslMode::Disable => TlsMode::Disable,
                PgSslMode::Allow | PgSslMode::Prefer => TlsMode::Prefer,
                PgSslMode::Require => TlsMode::Require,
                PgSslMode::VerifyCa => TlsMode::VerifyCa,
                PgSslMode::VerifyFull => TlsMode::VerifyFull,
            },
        })
    }

    /// The URL to connect to, without a password.
    /// The name of the file where this person's notes wait while the
    /// server can't be reached: one per login and clinic.
    pub fn kept_notes_file_name(&self) -> String {
        let name = format!(
            "kept-notes {}@{}-{}-{}.sqlite",
            self.login, self.server, self.port, self.database
        );
        name.chars()
            .map(|c| {
                if c.is_alphanumeric() || "@.-_ ".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    }

    pub fn url(&self) -> String {
        let tls = serde_json::to_value(self.tls).unwrap_or_default();
        let tls = tls.as_str().unwrap_or("prefer");
        format!(
            "postgres://{}@{}:{}/{}?sslmode={tls}",
            self.login, self.server, self.port, self.database
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_read_from_a_url_leaves_the_password_out_and_makes_the_url_again() {
        let address =
            ClinicAddress::parse("postgres://ann:secret@db.clinic:5433/clinic?sslmode=verify-full")
                .expect("address");
        assert_eq!(
            address,
            ClinicAddress {
                server: "db.clinic".into(),
                port: 5433,
                database: "clinic".into(),
                login: "ann".into(),
                tls: TlsMode::VerifyFull,
            }
        );
        assert_eq!(
            address.url(),
            "postgres://ann@db.clinic:5433/clinic?sslmode=verify-full"
        );
    }
}
