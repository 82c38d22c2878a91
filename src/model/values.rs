//! Small values with rules of their own. Each `parse` returns a message naming what
//! is wrong; the form that uses it adds the field name.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A person's name part: trimmed, not empty, at most 100 characters, no control
/// characters. Any script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Name(String);

impl Name {
    const MAX_CHARS: usize = 100;

    pub fn parse(raw: &str, what: &str) -> Result<Name, String> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(format!("{what} is required"));
        }
        if trimmed.chars().count() > Self::MAX_CHARS {
            return Err(format!(
                "{what} is longer than {} characters",
                Self::MAX_CHARS
            ));
        }
        if trimmed.chars().any(char::is_control) {
            return Err(format!("{what} contains a control character"));
        }
        if trimmed.contains(char::REPLACEMENT_CHARACTER) {
            return Err(super::text::broken(what));
        }
        Ok(Name(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An e-mail address, checked only for shape (`someone@domain.tld`, no spaces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, String> {
        let trimmed = raw.trim();
        let well_formed = trimmed.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        }) && !trimmed
            .chars()
            .any(|c| c.is_whitespace() || c == char::REPLACEMENT_CHARACTER);
        if well_formed {
            Ok(Email(trimmed.to_owned()))
        } else {
            Err(format!(
                "{} is not an e-mail address (like name@example.com)",
                quoted(trimmed)
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The input, quoted for a message: cut after 40 characters, so a message
/// never carries a pasted page back into the form.
fn quoted(raw: &str) -> String {
    const SHOWN: usize = 40;
    let mut shown: String = raw.chars().take(SHOWN).collect();
    if raw.chars().nth(SHOWN).is_some() {
        shown.push('…');
    }
    format!("\"{shown}\"")
}

/// A phone number as the person writes it: digits with optional `+ - . ( )` and
/// spaces, at least 3 digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Phone, String> {
        let trimmed = raw.trim();
        let allowed = trimmed
            .chars()
            .all(|c| c.is_ascii_digit() || " +-.()".contains(c));
        let digits = trimmed.chars().filter(char::is_ascii_digit).count();
        if allowed && (3..=20).contains(&digits) {
            Ok(Phone(trimmed.to_owned()))
        } else {
            Err(format!(
                "{} is not a phone number (digits, spaces and + - . ( ) only)",
                quoted(trimmed)
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct IsoDate(pub NaiveDate);

impl IsoDate {
    pub fn parse(raw: &str) -> Result<IsoDate, String> {
        NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
            .map(IsoDate)
            .map_err(|_| format!("{} is not a date (YYYY-MM-DD)", quoted(raw.trim())))
    }

    /// A date that has happened: a real date, not in the future, not before 1900.
    pub fn parse_past(raw: &str, what: &str) -> Result<IsoDate, String> {
        let date = IsoDate::parse(raw)?;
        let today = chrono::Local::now().date_naive();
        if date.0 > today {
            return Err(format!("{what} {date} is in the future"));
        }
        if date.0 < NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN) {
            return Err(format!("{what} {date} is before 1900"));
        }
        Ok(date)
    }

    /// A date of birth: a real date, not in the future, not before 1900.
    pub fn parse_birth_date(raw: &str) -> Result<IsoDate, String> {
        IsoDate::parse_past(raw, "date of birth")
    }

    pub fn today() -> IsoDate {
        IsoDate(chrono::Local::now().date_naive())
    }
}

impl std::fmt::Display for IsoDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

/// A 0-10 score: tenderness of a point, or pain on the numeric rating scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Score(u8);

impl Score {
    pub fn parse(raw: i64, what: &str) -> Result<Score, String> {
        u8::try_from(raw)
            .ok()
            .filter(|value| *value <= 10)
            .map(Score)
            .ok_or_else(|| format!("{what} must be between 0 and 10, not {raw}"))
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

/// A position on a body chart view, both coordinates in 0..=1 (x across, y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartPoint {
    x: f32,
    y: f32,
}

impl ChartPoint {
    pub fn parse(x: f64, y: f64) -> Result<ChartPoint, String> {
        let in_range = |v: f64| v.is_finite() && (0.0..=1.0).contains(&v);
        if in_range(x) && in_range(y) {
            Ok(ChartPoint {
                x: x as f32,
                y: y as f32,
            })
        } else {
            Err(format!(
                "chart position ({x}, {y}) is outside the chart (both coordinates must be in 0..1)"
            ))
        }
    }

    pub fn x(self) -> f32 {
        self.x
    }

    pub fn y(self) -> f32 {
        self.y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_script_are_trimmed_and_kept() {
        for raw in ["  สมชาย ", "Ελένη", "Zoë", "Đặng"] {
            assert_eq!(
                Name::parse(raw, "name").map(|n| n.0),
                Ok(raw.trim().to_owned())
            );
        }
    }

    #[test]
    fn empty_or_control_names_are_rejected() {
        assert_eq!(
            Name::parse("   ", "First name"),
            Err("First name is required".into())
        );
        assert!(Name::parse("a\u{0007}b", "name").is_err());
        assert!(Name::parse(&"x".repeat(101), "name").is_err());
    }

    #[test]
    fn email_shape_is_checked() {
        assert!(Email::parse("anna@example.com").is_ok());
        for bad in ["anna", "anna@", "@x.com", "an na@x.com", "a@b", "a@b.c@d.e"] {
            assert!(Email::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn phone_allows_common_punctuation_only() {
        assert!(Phone::parse("+66 (0)81-234 5678").is_ok());
        assert!(Phone::parse("12").is_err());
        assert!(Phone::parse("call me").is_err());
    }

    #[test]
    fn scores_are_0_to_10() {
        assert_eq!(Score::parse(10, "x").map(Score::value), Ok(10));
        assert!(Score::parse(11, "Tenderness")
            .expect_err("invalid")
            .contains("between 0 and 10"));
        assert!(Score::parse(-1, "x").is_err());
    }

    #[test]
    fn chart_points_stay_on_the_chart() {
        assert!(ChartPoint::parse(0.0, 1.0).is_ok());
        assert!(ChartPoint::parse(1.01, 0.5).is_err());
        assert!(ChartPoint::parse(f64::NAN, 0.5).is_err());
    }

    #[test]
    fn birth_dates_are_real_and_past() {
        assert!(IsoDate::parse_birth_date("1980-02-29").is_ok());
        assert!(IsoDate::parse_birth_date("1981-02-29").is_err());
        assert!(IsoDate::parse_birth_date("2999-01-01").is_err());
        assert!(IsoDate::parse_birth_date("29/02/1980").is_err());
    }
}
