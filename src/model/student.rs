//! Students: their profile (what the school requires) and the practice log.
//!
//! A charted session counts as practice by itself; entries can also be added by
//! hand. A supervisor signs an entry off, and from then on it is locked.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::settings::one_line;
use super::{ClientId, Invalid, IsoDate, LogEntryId, Name, SessionId};

/// The student mode of the settings: who the student is and what the school
/// requires. Also the form the settings screen sends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct StudentProfile {
    /// Shows the practice log and the reports.
    pub student_mode: bool,
    /// Printed on the log and the reports handed in.
    pub student_name: String,
    pub programme: String,
    /// Practice sessions needed to graduate (0: no requirement).
    pub required_sessions: u32,
    /// Hours of practice needed (0: no requirement).
    pub required_hours: f64,
    /// How long a charted session counts for: sessions record no duration.
    pub session_minutes: u32,
    pub supervisors: Vec<String>,
}

impl Default for StudentProfile {
    fn default() -> StudentProfile {
        StudentProfile {
            student_mode: false,
            student_name: String::new(),
            programme: String::new(),
            required_sessions: 0,
            required_hours: 0.0,
            session_minutes: 60,
            supervisors: Vec::new(),
        }
    }
}

impl StudentProfile {
    /// Trims and checks every field; supervisors are de-duplicated and blank
    /// ones dropped.
    pub fn parse(form: StudentProfile) -> Result<StudentProfile, Invalid> {
        let mut invalid = Invalid::default();
        let student_name = invalid.check(
            "studentName",
            one_line(&form.student_name, "The student's name", 100),
        );
        let programme = invalid.check("programme", one_line(&form.programme, "The programme", 200));
        let required_sessions = invalid.check(
            "requiredSessions",
            if form.required_sessions <= 10_000 {
                Ok(form.required_sessions)
            } else {
                Err("Required sessions must be at most 10,000".into())
            },
        );
        let required_hours = invalid.check(
            "requiredHours",
            if form.required_hours.is_finite() && (0.0..=10_000.0).contains(&form.required_hours) {
                // Kept to the minute, as the log counts.
                Ok((form.required_hours * 60.0).round() / 60.0)
            } else {
                Err("Required hours must be between 0 and 10,000".into())
            },
        );
        let session_minutes = invalid.check(
            "sessionMinutes",
            minutes(i64::from(form.session_minutes), "A session's length"),
        );
        let mut supervisors: Vec<String> = Vec::new();
        for (i, raw) in form.supervisors.iter().enumerate() {
            if raw.trim().is_empty() {
                continue;
            }
            let name = invalid.check(
                &format!("supervisors[{i}]"),
                Name::parse(raw, "A supervisor's name"),
            );
            if let Some(name) = name {
                if !supervisors.iter().any(|known| known == name.as_str()) {
                    supervisors.push(name.as_str().to_owned());
                }
            }
        }
        invalid.finish(|| {
            Some(StudentProfile {
                student_mode: form.student_mode,
                student_name: student_name?,
                programme: programme?,
                required_sessions: required_sessions?,
                required_hours: required_hours?,
                session_minutes: session_minutes?,
                supervisors,
            })
        })
    }
}

/// A duration of practice: 1 minute to 12 hours.
fn minutes(raw: i64, what: &str) -> Result<u32, String> {
    u32::try_from(raw)
        .ok()
        .filter(|m| (1..=720).contains(m))
        .ok_or_else(|| format!("{what} must be between 1 and 720 minutes, not {raw}"))
}

/// One line of the practice log: a charted session or an entry added by hand.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct LogEntry {
    /// `None` for a charted session not signed off yet: it has no row of its
    /// own; it is addressed by its session (see [`LogEntryRef`]).
    pub id: Option<LogEntryId>,
    /// The charted session this entry is, if any.
    pub session_id: Option<SessionId>,
    /// `YYYY-MM-DD`.
    pub entry_date: String,
    #[sqlx(try_from = "i64")]
    pub duration_minutes: u32,
    /// Never a name: "C-0007" for a charted client.
    pub client_code: String,
    pub techniques: String,
    pub supervisor: String,
    pub notes: String,
    pub signed_off_by: Option<String>,
    /// The day it was signed off, `YYYY-MM-DD`.
    pub signed_off_at: Option<String>,
}

impl LogEntry {
    pub fn is_signed_off(&self) -> bool {
        self.signed_off_at.is_some()
    }
}

/// Which log entry: one added by hand (or a signed-off session) by its id, or a
/// charted session by the session's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum LogEntryRef {
    Entry(LogEntryId),
    Session(SessionId),
}

/// What "add practice" sends.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct LogEntryForm {
    /// `YYYY-MM-DD`; empty means today.
    pub entry_date: String,
    #[ts(type = "number")]
    pub duration_minutes: i64,
    pub client_code: String,
    pub techniques: String,
    pub supervisor: String,
    pub notes: String,
}

/// A log entry that passed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct NewLogEntry {
    pub entry_date: IsoDate,
    pub duration_minutes: u32,
    pub client_code: String,
    pub techniques: String,
    pub supervisor: String,
    pub notes: String,
}

impl TryFrom<LogEntryForm> for NewLogEntry {
    type Error = Invalid;

    fn try_from(form: LogEntryForm) -> Result<NewLogEntry, Invalid> {
        let mut invalid = Invalid::default();
        let entry_date = invalid.check(
            "entryDate",
            if form.entry_date.trim().is_empty() {
                Ok(IsoDate::today())
            } else {
                IsoDate::parse_past(&form.entry_date, "The practice date")
            },
        );
        let duration = invalid.check(
            "durationMinutes",
            minutes(form.duration_minutes, "The duration"),
        );
        let client_code = invalid.check(
            "clientCode",
            one_line(&form.client_code, "The client code", 20),
        );
        let techniques = invalid.check(
            "techniques",
            one_line(&form.techniques, "The techniques", 300),
        );
        let supervisor = invalid.check(
            "supervisor",
            one_line(&form.supervisor, "The supervisor's name", 100),
        );
        let notes = invalid.check("notes", notes(&form.notes));
        invalid.finish(|| {
            Some(NewLogEntry {
                entry_date: entry_date?,
                duration_minutes: duration?,
                client_code: client_code?,
                techniques: techniques?,
                supervisor: supervisor?,
                notes: notes?,
            })
        })
    }
}

fn notes(raw: &str) -> Result<String, String> {
    let text = raw.replace("\r\n", "\n");
    let text = text.trim();
    if text.chars().count() > 2000 {
        return Err("The notes are longer than 2000 characters".into());
    }
    if text.chars().any(|c| c.is_control() && c != '\n') {
        return Err("The notes contain a control character".into());
    }
    Ok(text.to_owned())
}

/// What a supervisor's sign-off sends: their name and the day (empty: today).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct SignOffForm {
    pub supervisor: String,
    pub date: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SignOff {
    pub supervisor: Name,
    pub date: IsoDate,
}

impl TryFrom<SignOffForm> for SignOff {
    type Error = Invalid;

    fn try_from(form: SignOffForm) -> Result<SignOff, Invalid> {
        let mut invalid = Invalid::default();
        let supervisor = invalid.check(
            "supervisor",
            Name::parse(&form.supervisor, "The supervisor's name"),
        );
        let date = invalid.check(
            "date",
            if form.date.trim().is_empty() {
                Ok(IsoDate::today())
            } else {
                IsoDate::parse_past(&form.date, "The sign-off date")
            },
        );
        invalid.finish(|| {
            Some(SignOff {
                supervisor: supervisor?,
                date: date?,
            })
        })
    }
}

/// Progress toward the school's requirement, at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct LogTotals {
    pub sessions: u32,
    pub required_sessions: u32,
    pub minutes: u32,
    pub required_minutes: u32,
    /// Entries a supervisor has signed off.
    pub signed_off: u32,
    /// The profile sets a requirement and the log meets all of it.
    pub requirement_met: bool,
    /// "18 of 25 sessions, 20.5 of 30 hours (12 signed off)".
    pub summary: String,
}

impl LogTotals {
    pub fn of(entries: &[LogEntry], profile: &StudentProfile) -> LogTotals {
        let sessions = u32::try_from(entries.len()).unwrap_or(u32::MAX);
        let minutes = entries.iter().map(|e| e.duration_minutes).sum();
        let signed_off =
            u32::try_from(entries.iter().filter(|e| e.is_signed_off()).count()).unwrap_or(0);
        let required_minutes = (profile.required_hours * 60.0).round() as u32;
        let sessions_text = match profile.required_sessions {
            0 => format!("{sessions} sessions"),
            required => format!("{sessions} of {required} sessions"),
        };
        let hours_text = match required_minutes {
            0 => format!("{} hours", hours(minutes)),
            required => format!("{} of {} hours", hours(minutes), hours(required)),
        };
        let requirement_met = (profile.required_sessions > 0 || required_minutes > 0)
            && sessions >= profile.required_sessions
            && minutes >= required_minutes;
        let met = if requirement_met {
            "; requirement met"
        } else {
            ""
        };
        LogTotals {
            sessions,
            required_sessions: profile.required_sessions,
            minutes,
            required_minutes,
            signed_off,
            requirement_met,
            summary: format!("{sessions_text}, {hours_text} ({signed_off} signed off{met})"),
        }
    }
}

/// The whole log with the profile it is measured against.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct PracticeLog {
    pub profile: StudentProfile,
    /// Oldest first.
    pub entries: Vec<LogEntry>,
    pub totals: LogTotals,
}

/// Minutes as hours for people: "20.5", "30", "1.25".
pub fn hours(minutes: u32) -> String {
    let text = format!("{:.2}", f64::from(minutes) / 60.0);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The code a client goes by in the log and in reports, derived from the id so
/// it is the same everywhere and never changes: "C-0007".
pub fn client_code(id: ClientId) -> String {
    format!("C-{:04}", id.0)
}

/// The client's age as a decade on `on` ("40–49"), so a report shows the age
/// group and never the date of birth. Ages from 90 are one band, as few people
/// are that old that the band itself could identify them.
pub fn age_band(date_of_birth: Option<&str>, on: NaiveDate) -> String {
    let Some(born) = date_of_birth.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    else {
        return "age not recorded".into();
    };
    let Some(age) = on.years_since(born) else {
        return "age not recorded".into();
    };
    match age {
        90.. => "90 or older".into(),
        0..=17 => "under 18".into(),
        18..=19 => "18–19".into(),
        _ => {
            let decade = age / 10 * 10;
            format!("{decade}–{}", decade + 9)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(iso: &str) -> NaiveDate {
        NaiveDate::parse_from_str(iso, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn age_bands_are_decades_and_never_the_date() {
        let on = date("2026-11-20");
        assert_eq!(age_band(Some("1980-11-21"), on), "40–49");
        assert_eq!(age_band(Some("1976-11-20"), on), "50–59");
        assert_eq!(age_band(Some("2010-01-01"), on), "under 18");
        assert_eq!(age_band(Some("1930-01-01"), on), "90 or older");
        assert_eq!(age_band(None, on), "age not recorded");
    }

    #[test]
    fn client_codes_are_stable_and_padded() {
        assert_eq!(client_code(ClientId(7)), "C-0007");
        assert_eq!(client_code(ClientId(12345)), "C-12345");
    }

    #[test]
    fn totals_read_like_the_school_counts() {
        let entry = |minutes, signed: bool| LogEntry {
            id: None,
            session_id: None,
            entry_date: "2026-11-20".into(),
            duration_minutes: minutes,
            client_code: String::new(),
            techniques: String::new(),
            supervisor: String::new(),
            notes: String::new(),
            signed_off_by: signed.then(|| "Ms Lee".into()),
            signed_off_at: signed.then(|| "2026-11-21".into()),
        };
        let profile = StudentProfile {
            required_sessions: 25,
            required_hours: 30.0,
            ..StudentProfile::default()
        };
        let totals = LogTotals::of(&[entry(60, true), entry(90, false)], &profile);
        assert_eq!(
            totals.summary,
            "2 of 25 sessions, 2.5 of 30 hours (1 signed off)"
        );
        assert_eq!(hours(1230), "20.5");
        let done = StudentProfile {
            required_sessions: 1,
            required_hours: 1.0,
            ..StudentProfile::default()
        };
        let totals = LogTotals::of(&[entry(60, true), entry(90, false)], &done);
        assert!(totals.requirement_met);
        assert_eq!(
            totals.summary,
            "2 of 1 sessions, 2.5 of 1 hours (1 signed off; requirement met)"
        );
    }

    #[test]
    fn a_profile_drops_blank_and_repeated_supervisors_and_checks_numbers() {
        let profile = StudentProfile::parse(StudentProfile {
            supervisors: vec![
                " Ms Lee ".into(),
                "".into(),
                "Ms Lee".into(),
                "Κώστας".into(),
            ],
            required_hours: 30.5,
            ..StudentProfile::default()
        })
        .expect("valid");
        assert_eq!(profile.supervisors, ["Ms Lee", "Κώστας"]);
        let error = StudentProfile::parse(StudentProfile {
            required_hours: -1.0,
            session_minutes: 0,
            ..StudentProfile::default()
        })
        .expect_err("invalid");
        let fields: Vec<&str> = error.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["requiredHours", "sessionMinutes"]);
    }
}
