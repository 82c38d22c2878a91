//! Sessions and their SOAP notes: the note's draft and signing, pain before
//! and after, amendments to a signed note, and the client record that gathers
//! a client's sessions.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::atlas::RedFlag;

use super::settings::one_line;
use super::stored::MaybeWhole;
use super::text::{free_text, lossy};
use super::{
    AmendmentId, Client, ClientId, Finding, FindingCaution, Invalid, IsoDate, RedFlagWarning,
    Score, SessionCheck, SessionId,
};

/// A note is a draft until signed; a signed note is never edited, only amended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, sqlx::Type)]
#[serde(rename_all = "lowercase")]
// A text column on both engines (PostgreSQL would otherwise look for an enum type).
#[sqlx(rename_all = "lowercase", type_name = "text")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum SessionStatus {
    Draft,
    Signed,
}

/// A treatment session with its SOAP note.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Session {
    pub id: SessionId,
    pub client_id: ClientId,
    /// `YYYY-MM-DD`.
    pub session_date: String,
    pub therapist: String,
    pub subjective: String,
    pub objective: String,
    pub assessment: String,
    pub plan: String,
    /// Pain on the 0-10 numeric rating scale before treatment.
    #[sqlx(try_from = "MaybeWhole")]
    pub pain_before: Option<u8>,
    #[sqlx(try_from = "MaybeWhole")]
    pub pain_after: Option<u8>,
    pub status: SessionStatus,
    pub signed_at: Option<String>,
    /// Bumped by every write of the note (see [`NoteForm::based_on`]).
    #[ts(type = "number")]
    pub note_revision: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// One line of a client's session list.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct SessionSummary {
    pub id: SessionId,
    pub session_date: String,
    pub therapist: String,
    /// The complaint: the subjective note's first line.
    pub complaint: String,
    #[sqlx(try_from = "MaybeWhole")]
    pub pain_before: Option<u8>,
    #[sqlx(try_from = "MaybeWhole")]
    pub pain_after: Option<u8>,
    pub status: SessionStatus,
    #[sqlx(try_from = "i64")]
    pub finding_count: u32,
    #[sqlx(try_from = "i64")]
    pub amendment_count: u32,
}

/// A client opened: the record and its sessions, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct ClientRecord {
    pub client: Client,
    /// The client's positive red-flag answers, shown on the header.
    pub warnings: Vec<RedFlagWarning>,
    /// Red-flag questions added to the app since the client was screened.
    pub unasked_red_flags: Vec<RedFlag>,
    pub sessions: Vec<SessionSummary>,
}

/// A session opened: its note, findings and amendments (oldest first).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct SessionDetail {
    pub session: Session,
    pub findings: Vec<Finding>,
    pub amendments: Vec<Amendment>,
    /// The client's red flags, shown on every session.
    pub warnings: Vec<RedFlagWarning>,
    /// Findings whose muscle can mimic one of those flags.
    pub cautions: Vec<FindingCaution>,
    /// The findings of the client's previous session, for comparison.
    pub earlier_findings: Vec<Finding>,
    /// Muscles the finder suggested checking, not yet charted.
    pub checks: Vec<SessionCheck>,
    /// On a clinic, the note typed here while the server couldn't be reached
    /// and not saved since (it changed elsewhere meanwhile).
    pub kept: Option<KeptNote>,
}

/// What "new session" sends. An empty date means today.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct SessionForm {
    pub session_date: String,
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub therapist: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewSession {
    pub session_date: IsoDate,
    pub therapist: String,
}

impl TryFrom<SessionForm> for NewSession {
    type Error = Invalid;

    fn try_from(form: SessionForm) -> Result<NewSession, Invalid> {
        let session_date = if form.session_date.trim().is_empty() {
            Ok(IsoDate::today())
        } else {
            IsoDate::parse(&form.session_date)
        };
        let mut invalid = Invalid::default();
        let session_date = invalid.check("sessionDate", session_date);
        let therapist = invalid.check(
            "therapist",
            one_line(&form.therapist, "The therapist's name", 100),
        );
        invalid.finish(|| {
            Some(NewSession {
                session_date: session_date?,
                therapist: therapist?,
            })
        })
    }
}

/// What the SOAP editor sends: the whole note, saved as a draft.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, sqlx::FromRow, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct NoteForm {
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub subjective: String,
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub objective: String,
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub assessment: String,
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub plan: String,
    #[ts(type = "number | null")]
    pub pain_before: Option<i64>,
    #[ts(type = "number | null")]
    pub pain_after: Option<i64>,
    /// The `noteRevision` this text was typed over. If the stored note was
    /// written since (another window, the CLI), the write is refused rather
    /// than overwriting it. `None`: write regardless.
    #[ts(type = "number | null")]
    pub based_on: Option<i64>,
}

/// A draft note typed while the clinic server couldn't be reached, kept on
/// this computer until it is saved there (`store/kept.rs`); shown with its
/// session when it couldn't be saved because the note changed meanwhile.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct KeptNote {
    pub session_id: SessionId,
    /// As the editor sent it; `basedOn` is the revision on the server it was
    /// typed over.
    #[serde(flatten)]
    #[sqlx(flatten)]
    pub note: NoteForm,
    /// When it was last typed (UTC, ISO 8601).
    pub kept_at: String,
}

impl KeptNote {
    /// Whether `session` holds this text: then it was saved.
    pub fn is_in(&self, session: &Session) -> bool {
        let note = &self.note;
        let pain = |score: Option<u8>| score.map(i64::from);
        (
            &note.subjective,
            &note.objective,
            &note.assessment,
            &note.plan,
        ) == (
            &session.subjective,
            &session.objective,
            &session.assessment,
            &session.plan,
        ) && (note.pain_before, note.pain_after)
            == (pain(session.pain_before), pain(session.pain_after))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionNote {
    pub subjective: String,
    pub objective: String,
    pub assessment: String,
    pub plan: String,
    pub pain_before: Option<Score>,
    pub pain_after: Option<Score>,
    pub based_on: Option<i64>,
}

impl SessionNote {
    /// The most characters of each SOAP field: pages of text, far more than
    /// a session needs, and a bound on what reports have to lay out.
    const MAX_CHARS: usize = 20_000;
}

impl TryFrom<NoteForm> for SessionNote {
    type Error = Invalid;

    fn try_from(form: NoteForm) -> Result<SessionNote, Invalid> {
        let mut invalid = Invalid::default();
        let mut soap = |field: &str, raw: &str, what: &str| {
            invalid.check(field, free_text(raw, what, SessionNote::MAX_CHARS))
        };
        let subjective = soap("subjective", &form.subjective, "Subjective");
        let objective = soap("objective", &form.objective, "Objective");
        let assessment = soap("assessment", &form.assessment, "Assessment");
        let plan = soap("plan", &form.plan, "Plan");
        let mut pain = |field: &str, raw: Option<i64>, what: &str| {
            raw.map(|raw| invalid.check(field, Score::parse(raw, what)))
        };
        let pain_before = pain("painBefore", form.pain_before, "Pain before");
        let pain_after = pain("painAfter", form.pain_after, "Pain after");
        invalid.finish(|| {
            Some(SessionNote {
                subjective: subjective?,
                objective: objective?,
                assessment: assessment?,
                plan: plan?,
                pain_before: pain_before.map(|score| score.ok_or(())).transpose().ok()?,
                pain_after: pain_after.map(|score| score.ok_or(())).transpose().ok()?,
                based_on: form.based_on,
            })
        })
    }
}

/// An addition to a signed note: its date and reason are part of the record.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Amendment {
    pub id: AmendmentId,
    pub session_id: SessionId,
    pub reason: String,
    pub text: String,
    pub author: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct AmendmentForm {
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub reason: String,
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewAmendment {
    pub reason: String,
    pub text: String,
}

impl TryFrom<AmendmentForm> for NewAmendment {
    type Error = Invalid;

    fn try_from(form: AmendmentForm) -> Result<NewAmendment, Invalid> {
        let required = |raw: &str, what: &str, max_chars: usize| {
            let text = free_text(raw.trim(), what, max_chars)?;
            if text.is_empty() {
                Err(format!("{what} is required"))
            } else {
                Ok(text)
            }
        };
        let mut invalid = Invalid::default();
        let reason = invalid.check(
            "reason",
            required(&form.reason, "A reason for the amendment", 1_000),
        );
        let text = invalid.check(
            "text",
            required(&form.text, "The amendment text", SessionNote::MAX_CHARS),
        );
        invalid.finish(|| {
            Some(NewAmendment {
                reason: reason?,
                text: text?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pain_scores_outside_0_to_10_are_rejected_by_field() {
        let err = SessionNote::try_from(NoteForm {
            pain_before: Some(11),
            pain_after: Some(-2),
            ..NoteForm::default()
        })
        .expect_err("invalid");
        let fields: Vec<&str> = err.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["painBefore", "painAfter"]);
    }

    #[test]
    fn missing_pain_scores_are_allowed_in_a_draft() {
        let note = SessionNote::try_from(NoteForm {
            pain_before: Some(7),
            ..NoteForm::default()
        })
        .expect("valid note");
        assert_eq!(note.pain_before.map(Score::value), Some(7));
        assert_eq!(note.pain_after, None);
    }

    #[test]
    fn an_empty_session_date_means_today() {
        let session = NewSession::try_from(SessionForm::default()).expect("valid");
        assert_eq!(session.session_date, IsoDate::today());
        assert!(NewSession::try_from(SessionForm {
            session_date: "yesterday".into(),
            ..SessionForm::default()
        })
        .is_err());
    }
}
