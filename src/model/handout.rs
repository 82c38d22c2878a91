//! Home-care handouts: the options one is printed with, and the record of
//! what was printed for a client and when.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::settings::one_line;
use super::{ClientId, HandoutId, Invalid, Language, Paper, SessionId};

/// What the therapist adds when printing a handout.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct HandoutOptions {
    /// `None`: the paper size from the settings.
    pub paper: Option<Paper>,
    /// Free-text advice for the client; line breaks are kept.
    pub advice: String,
    /// When to come back, as the therapist writes it ("Tue 2 Dec, 10:00").
    pub next_appointment: String,
    /// The language to print in; `None`: the client's.
    pub language: Option<Language>,
}

impl HandoutOptions {
    const MAX_ADVICE_CHARS: usize = 4000;
    const MAX_APPOINTMENT_CHARS: usize = 200;

    /// Trims and checks the texts. Advice keeps its line breaks (Windows ones
    /// become plain `\n`); other control characters are refused.
    pub fn parse(self) -> Result<HandoutOptions, Invalid> {
        let mut invalid = Invalid::default();
        let advice = invalid.check("advice", advice(&self.advice, Self::MAX_ADVICE_CHARS));
        let next_appointment = invalid.check(
            "nextAppointment",
            one_line(
                &self.next_appointment,
                "The next appointment",
                Self::MAX_APPOINTMENT_CHARS,
            ),
        );
        invalid.finish(|| {
            Some(HandoutOptions {
                paper: self.paper,
                language: self.language.clone(),
                advice: advice?,
                next_appointment: next_appointment?,
            })
        })
    }
}

fn advice(raw: &str, max: usize) -> Result<String, String> {
    let text = raw.replace("\r\n", "\n").replace('\t', " ");
    let text = text.trim();
    if text.chars().count() > max {
        return Err(format!("The advice is longer than {max} characters"));
    }
    if text.chars().any(|c| c.is_control() && c != '\n') {
        return Err("The advice contains a control character".into());
    }
    Ok(text.to_owned())
}

/// A handout given to a client: when, on what paper, and where it was saved.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Handout {
    pub id: HandoutId,
    pub session_id: SessionId,
    pub client_id: ClientId,
    pub created_at: String,
    pub paper: Paper,
    pub file_path: String,
    pub next_appointment: String,
    pub advice: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advice_keeps_line_breaks_and_refuses_control_characters() {
        let options = HandoutOptions {
            advice: "  Drink water.\r\nWalk daily.  ".into(),
            next_appointment: " Tue 2 Dec ".into(),
            ..HandoutOptions::default()
        }
        .parse()
        .expect("valid");
        assert_eq!(options.advice, "Drink water.\nWalk daily.");
        assert_eq!(options.next_appointment, "Tue 2 Dec");

        let error = HandoutOptions {
            advice: "bell\u{7}".into(),
            next_appointment: "two\nlines".into(),
            ..HandoutOptions::default()
        }
        .parse()
        .expect_err("invalid");
        let fields: Vec<&str> = error.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["advice", "nextAppointment"]);
    }
}
