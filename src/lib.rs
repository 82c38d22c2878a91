//! Myochart's core: client records, trigger-point charting, SOAP notes and the
//! trigger-point finder, with no UI in it.
//!
//! - [`api::Api`] is the one façade. The Tauri app, the `myochart` CLI and the
//!   tests all go through it: forms in, records or an [`api::Error`] out.
//! - [`model`] holds the domain types. Forms are parsed into validated values
//!   (`TryFrom<ClientForm> for NewClient`), so the store never sees bad data.
//! - `store::Store` is the only code with SQL: SQLite through sqlx, migrations
//!   embedded, every change written to the audit log in the same transaction.
//! - [`atlas`] is the anatomy as data: regions, muscles, trigger points, referral
//!   zones and body outlines; [`finder`] turns "it hurts here" into ranked muscles.
//! - [`handout`] prints a session's home-care handout in the client's language,
//!   from the translation files [`i18n`] reads (English where one lacks a text).
//! - [`clinic::Clinic`] is a clinic's shared PostgreSQL database, where the
//!   server decides what each person signed in sees (clinic mode, issue 15).
//!
//! ```
//! # tokio::runtime::Runtime::new().unwrap().block_on(async {
//! use myochart::api::Api;
//! use myochart::model::ClientForm;
//!
//! let dir = tempfile::tempdir().unwrap();
//! let api = Api::open(&dir.path().join("clinic.sqlite")).await.unwrap();
//! api.create_client(ClientForm { first_name: "Ελένη".into(), ..Default::default() }).await.unwrap();
//!
//! let found = api.search_clients("ελενη").await.unwrap();
//! assert_eq!(found[0].first_name, "Ελένη");
//! # });
//! ```

pub mod api;
pub mod atlas;
pub mod clinic;
pub mod demo;
mod error;
pub mod finder;
pub mod handout;
pub mod i18n;
pub mod import_csv;
pub mod logs;
pub mod model;
pub mod pdf;
pub mod plugin;
pub mod private;
pub mod report;
pub mod search;
mod store;
