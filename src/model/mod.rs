//! Domain types: typed ids, parsed values that cannot hold invalid data, and the
//! records the store returns.
//!
//! Forms (`ClientForm`, `FindingForm`, ...) are what the UI and the CLI send: plain
//! strings and numbers. `TryFrom<Form>` turns them into the validated types, or into
//! an [`Invalid`] that names every field that is wrong, so a form shows all its
//! errors at once and nothing is written.

mod check;
mod client;
pub mod export;
mod finding;
mod handout;
mod ids;
mod invalid;
mod language;
mod secret;
mod session;
mod settings;
mod snippet;
mod stored;
mod student;
mod text;
mod values;
mod warnings;

pub use check::{CheckForm, SessionCheck};
pub use client::{
    screening_answers, Client, ClientContact, ClientForm, ClientSummary, Consent, Intake,
    NewClient, PressureTolerance,
};
pub use finding::{Activity, Finding, FindingForm, FindingMove, NewFinding};
pub use handout::{Handout, HandoutOptions};
pub use ids::{
    AmendmentId, CheckId, ClientId, FindingId, HandoutId, LogEntryId, PluginId, SessionId,
    SnippetId,
};
pub use invalid::{FieldError, Invalid};
pub use language::Language;
pub use secret::{Passphrase, RecoveryKey, Unlock, UnlockForm};
pub use session::{
    Amendment, AmendmentForm, ClientRecord, KeptNote, NewAmendment, NewSession, NoteForm, Session,
    SessionDetail, SessionForm, SessionNote, SessionStatus, SessionSummary,
};
pub use settings::{Paper, Settings};
pub use snippet::{NewSnippet, Snippet, SnippetForm};
pub use student::{
    age_band, client_code, hours, LogEntry, LogEntryForm, LogEntryRef, LogTotals, NewLogEntry,
    PracticeLog, SignOff, SignOffForm, StudentProfile,
};
pub use values::{ChartPoint, Email, IsoDate, Name, Phone, Score};
pub use warnings::{finding_cautions, red_flag_warnings, FindingCaution, RedFlagWarning};
