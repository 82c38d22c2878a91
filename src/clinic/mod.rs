//! Clinic mode: one PostgreSQL database that the clinic's people share, each
//! signed in as their own login. What each may see and change is decided by
//! the server (grants and row-level security in `migrations/postgres/`), not by
//! the app, and the audit log is written there by triggers in the signed-in
//! login's name.
//!
//! This module connects, brings the schema up to date and manages people;
//! the records themselves are read and written by the same store as on
//! SQLite ([`crate::store::Store::on_postgres`]), opened by
//! [`crate::api::Api::connect`].

mod address;
mod error;
mod import;
mod person;

use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::MigrateDatabase;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::Postgres;

pub use address::{ClinicAddress, TlsMode};
pub use error::{Code, Error};
pub use import::{Refusal, Report as ImportReport};
pub use person::{Login, NewPerson, Person, PersonKind};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How long to wait for the server (connecting, or a free connection):
/// enough for a slow network, and soon told when the server is away.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// A connection pool to a clinic's database, signed in as one person.
#[derive(Debug, Clone)]
pub struct Clinic {
    pool: PgPool,
}

impl Clinic {
    /// Connects to `url`, `postgres://login:password@host:port/database`. Its
    /// query parameters are honoured, TLS among them: `sslmode=verify-full`
    /// (with `sslrootcert=` the clinic's certificate authority) refuses a
    /// server whose certificate doesn't match its name; `require` encrypts
    /// without checking who answers; the default, `prefer`, uses TLS when the
    /// server offers it.
    pub async fn connect(url: &str) -> Result<Clinic> {
        Clinic::connect_with(parse_url(url)?).await
    }

    /// Connects to `url` (which has no password) with `password`, asked of
    /// the person rather than written anywhere.
    pub async fn sign_in(url: &str, password: &str) -> Result<Clinic> {
        Clinic::connect_with(parse_url(url)?.password(password)).await
    }

    async fn connect_with(options: PgConnectOptions) -> Result<Clinic> {
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(CONNECT_TIMEOUT)
            .connect_with(options)
            .await
            .map_err(connecting)?;
        Ok(Clinic { pool })
    }

    /// The pool, for the store that reads and writes the clinic's records.
    pub fn into_pool(self) -> PgPool {
        self.pool
    }

    /// Connects to the database at `url`, creating it first when the server
    /// has none of that name (which takes the server's administrator).
    pub async fn create(url: &str) -> Result<Clinic> {
        if !Postgres::database_exists(url).await.map_err(connecting)? {
            Postgres::create_database(url).await.map_err(connecting)?;
        }
        Clinic::connect(url).await
    }

    /// Brings the database's schema up to date (`migrations/postgres/`). The
    /// first time, it also creates the clinic's groups on the server, so it is
    /// run by the server's administrator (a superuser), not by a person.
    pub async fn migrate(&self) -> Result<()> {
        sqlx::migrate!("migrations/postgres")
            .run(&self.pool)
            .await
            .map_err(|error| Error::Migrate {
                reason: error.to_string(),
            })
    }

    /// Adds a person with their own login, in their kind's group. Only the
    /// clinic's owner (or the server's administrator) may.
    pub async fn add_person(&self, person: &NewPerson) -> Result<()> {
        sqlx::query("SELECT add_person($1, $2, $3, $4, $5)")
            .bind(person.login.as_str())
            .bind(person.display_name.as_str())
            .bind(person.kind)
            .bind(person.password.as_str())
            .bind(person.supervisor.as_ref().map(Login::as_str))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Moves a therapist's solo database (`solo`, all of it) into the
    /// clinic as the person signed in, in one transaction, and reports what
    /// moved and what was refused (src/clinic/import.rs says how).
    pub async fn import(&self, solo: &crate::model::export::Export) -> Result<ImportReport> {
        import::import(&self.pool, solo).await
    }

    /// The clinic's people, by name, those who left too.
    pub async fn people(&self) -> Result<Vec<Person>> {
        Ok(sqlx::query_as(
            "SELECT login, display_name, kind, supervisor, removed_at FROM people
             ORDER BY display_name, login",
        )
        .fetch_all(&self.pool)
        .await?)
    }
}

fn parse_url(url: &str) -> Result<PgConnectOptions> {
    PgConnectOptions::from_str(url).map_err(|error| Error::Connect {
        reason: error.to_string(),
    })
}

/// Whether `db` names a clinic's database on a server rather than a file.
pub fn is_server_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// What failing to reach the server means: a refused password or privilege as
/// such, anything else as not connecting.
fn connecting(error: sqlx::Error) -> Error {
    match Error::from(error) {
        Error::Database(error) => Error::Connect {
            reason: error.to_string(),
        },
        known => known,
    }
}
