//! The practice's settings: the details printed on every handout, the paper
//! size, and how long a protected database stays open unattended.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Invalid;

/// Paper size of printed handouts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS, sqlx::Type)]
#[serde(rename_all = "lowercase")]
// A text column on both engines (PostgreSQL would otherwise look for an enum type).
#[sqlx(rename_all = "lowercase", type_name = "text")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum Paper {
    /// 210 x 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 x 11 in.
    Letter,
}

impl Paper {
    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::Letter => (215.9, 279.4),
        }
    }
}

impl std::fmt::Display for Paper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        })
    }
}

/// The practice's details printed on every handout, and its paper size.
/// Blank fields are simply left off the handout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase", default)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Settings {
    pub clinic_name: String,
    /// Used when a session names no therapist.
    pub therapist_name: String,
    /// How clients reach the practice: phone, e-mail, address.
    pub contact: String,
    pub paper: Paper,
    /// A protected database closes after this many minutes with no one at
    /// the keyboard.
    #[sqlx(try_from = "i64")]
    pub auto_lock_minutes: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            clinic_name: String::new(),
            therapist_name: String::new(),
            contact: String::new(),
            paper: Paper::default(),
            auto_lock_minutes: 10,
        }
    }
}

impl Settings {
    const MAX_CHARS: usize = 200;
    const AUTO_LOCK_MINUTES: std::ops::RangeInclusive<u32> = 1..=240;

    /// Trims every field and checks its length; any script is allowed.
    pub fn parse(form: Settings) -> Result<Settings, Invalid> {
        let mut invalid = Invalid::default();
        let mut field = |name: &str, what: &str, raw: String| {
            invalid.check(name, one_line(&raw, what, Self::MAX_CHARS))
        };
        let clinic_name = field("clinicName", "The clinic name", form.clinic_name);
        let therapist_name = field("therapistName", "The therapist name", form.therapist_name);
        let contact = field("contact", "The contact line", form.contact);
        let auto_lock_minutes = invalid.check(
            "autoLockMinutes",
            Some(form.auto_lock_minutes)
                .filter(|minutes| Self::AUTO_LOCK_MINUTES.contains(minutes))
                .ok_or_else(|| "Lock after 1 to 240 minutes".to_owned()),
        );
        invalid.finish(|| {
            Some(Settings {
                clinic_name: clinic_name?,
                therapist_name: therapist_name?,
                contact: contact?,
                paper: form.paper,
                auto_lock_minutes: auto_lock_minutes?,
            })
        })
    }
}

/// A trimmed single line of text of at most `max` characters (may be empty).
pub(super) fn one_line(raw: &str, what: &str, max: usize) -> Result<String, String> {
    let trimmed = raw.trim();
    if trimmed.chars().count() > max {
        return Err(format!("{what} is longer than {max} characters"));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(format!("{what} must be a single line"));
    }
    if trimmed.contains(char::REPLACEMENT_CHARACTER) {
        return Err(super::text::broken(what));
    }
    Ok(trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_trimmed_and_checked_field_by_field() {
        let settings = Settings::parse(Settings {
            clinic_name: "  Ρίζα Massage ".into(),
            contact: "081 234 5678".into(),
            ..Settings::default()
        })
        .expect("valid");
        assert_eq!(settings.clinic_name, "Ρίζα Massage");
        assert_eq!(settings.paper, Paper::A4);

        let error = Settings::parse(Settings {
            clinic_name: "x".repeat(201),
            contact: "line\nbreak".into(),
            ..Settings::default()
        })
        .expect_err("invalid");
        let fields: Vec<&str> = error.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["clinicName", "contact"]);
    }

    #[test]
    fn paper_is_spelled_as_the_api_spells_it() {
        assert_eq!(
            serde_json::to_string(&Paper::Letter).expect("json"),
            "\"letter\""
        );
        assert_eq!(Paper::Letter.to_string(), "letter");
        assert_eq!(Paper::A4.size_mm(), (210.0, 297.0));
    }
}
