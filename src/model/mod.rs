//! Domain types: typed ids, parsed values that cannot hold invalid data, and the
//! records the store returns.
//!
//! Forms (`ClientForm`, `FindingForm`, ...) are what the UI and the CLI send: plain
//! strings and numbers. `TryFrom<Form>` turns them into the validated types, or into
//! an [`Invalid`] that names every field that is wrong, so a form shows all its
//! errors at once and nothing is written.

mod client;
mod finding;
mod ids;
mod invalid;
mod session;
mod values;

pub use client::{Client, ClientForm, ClientSummary, NewClient};
pub use finding::{Activity, Finding, FindingForm, FindingMove, NewFinding};
pub use ids::{AmendmentId, ClientId, FindingId, SessionId};
pub use invalid::{FieldError, Invalid};
pub use session::{
    Amendment, AmendmentForm, ClientRecord, NewAmendment, NewSession, NoteForm, Session,
    SessionDetail, SessionForm, SessionNote, SessionStatus, SessionSummary,
};
pub use values::{ChartPoint, Email, IsoDate, Name, Phone, Score};
