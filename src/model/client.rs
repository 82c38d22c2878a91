//! Clients: identity and contact, health history, medications,
//! contraindications, areas to avoid, pressure tolerance, consent and the
//! red-flag screening; the form the UI sends and its parsing into a [`NewClient`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::text::{free_text, lossy};
use super::{ClientId, Email, Invalid, IsoDate, Language, Name, Phone};
use crate::atlas::RedFlag;

/// A client as stored.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Client {
    pub id: ClientId,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub email: String,
    /// `YYYY-MM-DD`, or `None` when not recorded.
    pub date_of_birth: Option<String>,
    pub notes: String,
    pub health_history: String,
    pub medications: String,
    pub contraindications: String,
    pub areas_to_avoid: String,
    pub pressure_tolerance: PressureTolerance,
    /// What the client consented to, when (`YYYY-MM-DD`) and who signed.
    pub consent_scope: String,
    pub consent_date: Option<String>,
    pub consent_signed_by: String,
    /// The red-flag questions answered "yes".
    #[sqlx(json)]
    pub red_flags: Vec<RedFlag>,
    /// The questions that screening asked: questions added to the app since
    /// are unasked, not "no".
    #[sqlx(json)]
    pub screened_flags: Vec<RedFlag>,
    /// When the red-flag questions were last asked; `None`: never screened.
    pub screened_at: Option<String>,
    /// The language their handouts are printed in.
    #[sqlx(try_from = "String")]
    pub language: Language,
    pub created_at: String,
    pub updated_at: String,
}

/// What a clinic's front desk sees of a client: who they are, how to reach
/// them and what they consented to; nothing clinical.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct ClientContact {
    pub id: ClientId,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub email: String,
    /// `YYYY-MM-DD`, or `None` when not recorded.
    pub date_of_birth: Option<String>,
    pub consent_scope: String,
    /// `YYYY-MM-DD`, or `None` when not recorded.
    pub consent_date: Option<String>,
    pub consent_signed_by: String,
}

impl Client {
    /// The red-flag questions the last screening did not ask because they were
    /// added to the app since; none when the client was never screened.
    pub fn unasked_red_flags(&self) -> Vec<RedFlag> {
        if self.screened_at.is_none() {
            return Vec::new();
        }
        RedFlag::ALL
            .into_iter()
            .filter(|flag| !self.screened_flags.contains(flag))
            .collect()
    }

    /// "First Last", or just the first name.
    pub fn full_name(&self) -> String {
        full_name(&self.first_name, &self.last_name)
    }
}

fn full_name(first: &str, last: &str) -> String {
    if last.is_empty() {
        first.to_owned()
    } else {
        format!("{first} {last}")
    }
}

/// One row of the client list.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct ClientSummary {
    pub id: ClientId,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub email: String,
    /// Date of the latest session, if any.
    pub last_session: Option<String>,
}

/// What the client form sends: every field as typed.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct ClientForm {
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub first_name: String,
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub last_name: String,
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub phone: String,
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub email: String,
    /// `YYYY-MM-DD` or empty.
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub date_of_birth: String,
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub notes: String,
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub health_history: String,
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub medications: String,
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub contraindications: String,
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub areas_to_avoid: String,
    pub pressure_tolerance: PressureTolerance,
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub consent_scope: String,
    /// `YYYY-MM-DD` or empty.
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub consent_date: String,
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub consent_signed_by: String,
    /// The red-flag screening, question by question (`true`: "yes"): every
    /// question answered, or none yet.
    pub red_flag_answers: BTreeMap<RedFlag, bool>,
    /// A BCP 47 language tag ("th"); empty: English.
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub language: String,
}

/// Screening answers with every question asked: "yes" to `yes`, "no" to the rest.
pub fn screening_answers(yes: &[RedFlag]) -> BTreeMap<RedFlag, bool> {
    RedFlag::ALL
        .into_iter()
        .map(|flag| (flag, yes.contains(&flag)))
        .collect()
}

/// A client that passed validation; only the store builds rows from it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewClient {
    pub first_name: Name,
    pub last_name: Option<Name>,
    pub phone: Option<Phone>,
    pub email: Option<Email>,
    pub date_of_birth: Option<IsoDate>,
    pub notes: String,
    pub intake: Intake,
    pub language: Language,
}

/// Health history, consent and screening, as validated from the form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Intake {
    pub health_history: String,
    pub medications: String,
    pub contraindications: String,
    pub areas_to_avoid: String,
    pub pressure_tolerance: PressureTolerance,
    pub consent: Option<Consent>,
    pub red_flags: Vec<RedFlag>,
    pub screened: bool,
}

/// Informed consent: all three parts or none.
#[derive(Debug, Clone, PartialEq)]
pub struct Consent {
    pub scope: String,
    pub date: IsoDate,
    pub signed_by: Name,
}

/// How much pressure the client tolerates; many had painful treatments before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS, sqlx::Type)]
#[serde(rename_all = "lowercase")]
// A text column on both engines (PostgreSQL would otherwise look for an enum type).
#[sqlx(rename_all = "lowercase", type_name = "text")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum PressureTolerance {
    #[default]
    Unknown,
    Light,
    Moderate,
    Firm,
}

impl NewClient {
    /// The text the client list searches: names, phone (also as bare digits) and
    /// e-mail, folded by [`crate::search::fold`].
    pub fn search_key(&self) -> String {
        let phone = self.phone.as_ref().map(Phone::as_str).unwrap_or_default();
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        let parts = [
            self.first_name.as_str(),
            self.last_name
                .as_ref()
                .map(Name::as_str)
                .unwrap_or_default(),
            phone,
            &digits,
            self.email.as_ref().map(Email::as_str).unwrap_or_default(),
        ];
        crate::search::fold(&parts.join(" "))
    }

    /// The key the list is ordered by: last name, then first name, folded.
    pub fn sort_key(&self) -> String {
        let last = self
            .last_name
            .as_ref()
            .map(Name::as_str)
            .unwrap_or_default();
        crate::search::fold(&format!("{last} {}", self.first_name.as_str()))
            .trim()
            .to_owned()
    }
}

fn optional<T>(
    raw: &str,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Result<Option<T>, String> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        parse(raw).map(Some)
    }
}

impl TryFrom<ClientForm> for NewClient {
    type Error = Invalid;

    fn try_from(form: ClientForm) -> Result<NewClient, Invalid> {
        let mut invalid = Invalid::default();
        let first_name = invalid.check("firstName", Name::parse(&form.first_name, "First name"));
        let last_name = invalid.check(
            "lastName",
            optional(&form.last_name, |raw| Name::parse(raw, "Last name")),
        );
        let phone = invalid.check("phone", optional(&form.phone, Phone::parse));
        let email = invalid.check("email", optional(&form.email, Email::parse));
        let date_of_birth = invalid.check(
            "dateOfBirth",
            optional(&form.date_of_birth, IsoDate::parse_birth_date),
        );
        let notes = invalid.check("notes", long_text(&form.notes, "Notes"));
        let health_history = invalid.check(
            "healthHistory",
            long_text(&form.health_history, "Health history"),
        );
        let medications = invalid.check("medications", long_text(&form.medications, "Medications"));
        let contraindications = invalid.check(
            "contraindications",
            long_text(&form.contraindications, "Contraindications"),
        );
        let areas_to_avoid = invalid.check(
            "areasToAvoid",
            long_text(&form.areas_to_avoid, "Areas to avoid"),
        );
        let consent = consent(&form, &mut invalid);
        let screening = invalid.check("redFlagAnswers", screening(&form.red_flag_answers));
        let language = invalid.check(
            "language",
            if form.language.trim().is_empty() {
                Ok(Language::english())
            } else {
                Language::parse(&form.language)
            },
        );
        invalid.finish(|| {
            Some(NewClient {
                first_name: first_name?,
                last_name: last_name?,
                phone: phone?,
                email: email?,
                date_of_birth: date_of_birth?,
                notes: notes?,
                intake: Intake {
                    health_history: health_history?,
                    medications: medications?,
                    contraindications: contraindications?,
                    areas_to_avoid: areas_to_avoid?,
                    pressure_tolerance: form.pressure_tolerance,
                    consent: consent?,
                    screened: screening.as_ref()?.is_some(),
                    red_flags: screening?.unwrap_or_default(),
                },
                language: language?,
            })
        })
    }
}

/// The flags answered "yes" (in intake order) when every question was answered,
/// `None` when none was. Half a screening is refused rather than stored: its
/// unanswered questions would read as "no" ever after.
fn screening(answers: &BTreeMap<RedFlag, bool>) -> Result<Option<Vec<RedFlag>>, String> {
    let questions = RedFlag::ALL.len();
    match answers.len() {
        0 => Ok(None),
        answered if answered == questions => Ok(Some(
            answers
                .iter()
                .filter(|(_, yes)| **yes)
                .map(|(flag, _)| *flag)
                .collect(),
        )),
        answered => Err(format!(
            "{} of the {questions} red-flag questions are not answered: \
             answer every one, or clear the answers to screen later",
            questions - answered
        )),
    }
}

/// Free text of a record field: at most 10,000 characters.
fn long_text(raw: &str, what: &str) -> Result<String, String> {
    free_text(raw.trim(), what, 10_000)
}

/// Consent is recorded whole (what, when, who signed) or not at all. `None` when
/// a part is wrong (the error is in `invalid`); `Some(None)` when not given.
fn consent(form: &ClientForm, invalid: &mut Invalid) -> Option<Option<Consent>> {
    let parts = [
        &form.consent_scope,
        &form.consent_date,
        &form.consent_signed_by,
    ];
    if parts.iter().all(|part| part.trim().is_empty()) {
        return Some(None);
    }
    let scope = invalid.check(
        "consentScope",
        long_text(&form.consent_scope, "Consent").and_then(|scope| {
            if scope.is_empty() {
                Err("Say what the client consented to".into())
            } else {
                Ok(scope)
            }
        }),
    );
    let date = invalid.check(
        "consentDate",
        if form.consent_date.trim().is_empty() {
            Err("Consent needs the date it was given".into())
        } else {
            IsoDate::parse_past(&form.consent_date, "consent date")
        },
    );
    let signed_by = invalid.check(
        "consentSignedBy",
        Name::parse(&form.consent_signed_by, "Who signed the consent"),
    );
    Some(Some(Consent {
        scope: scope?,
        date: date?,
        signed_by: signed_by?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_reports_every_bad_field_at_once() {
        let form = ClientForm {
            first_name: " ".into(),
            email: "nope".into(),
            date_of_birth: "1990-13-01".into(),
            language: "thai!".into(),
            ..ClientForm::default()
        };
        let fields: Vec<String> = NewClient::try_from(form)
            .expect_err("invalid")
            .0
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["firstName", "email", "dateOfBirth", "language"]);
    }

    #[test]
    fn search_key_folds_accents_and_keeps_phone_digits() {
        let client = NewClient::try_from(ClientForm {
            first_name: "Zoë".into(),
            last_name: "Ångström".into(),
            phone: "+66 81-234".into(),
            ..ClientForm::default()
        })
        .expect("valid form");
        let key = client.search_key();
        assert!(key.contains("zoe angstrom"), "{key}");
        assert!(key.contains("6681234"), "{key}");
        assert_eq!(client.sort_key(), "angstrom zoe");
    }
}
