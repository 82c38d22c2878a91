//! One client's whole record as a readable PDF, for a client who asks for
//! their data: their details, health history, consent and red-flag
//! screening, then every session as the case study prints it (SOAP note,
//! pain scores, chart, findings, amendments) and pain over time. Nothing is
//! anonymised: it is their own record.

use crate::atlas::Atlas;
use crate::model::{Client, Settings};
use crate::pdf::blocks::{labelled, long_date, paragraph, LABEL_WIDTH};
use crate::pdf::layout::{Block, Row};
use crate::pdf::style::{self, MM};
use crate::pdf::MissingGlyph;

use super::case_study::SessionRecord;
use super::case_study::{
    pain_over_time, pressure_text, reported_flags, session_block, SessionPart,
};
use super::page::{self, block, section};

/// The PDF of `client`'s record with `sessions` (oldest first), on the
/// practice's paper, headed with its name.
pub fn client_record(
    client: &Client,
    sessions: &[SessionRecord],
    settings: &Settings,
    atlas: &Atlas,
) -> Result<Vec<u8>, MissingGlyph> {
    let page = page::portrait(settings.paper);
    let width = page.content_width();
    let mut as_written = |_: &str, text: &str| text.trim().to_owned();
    let parts: Vec<SessionPart> = sessions
        .iter()
        .enumerate()
        .map(|(i, record)| SessionPart::new(i + 1, record, atlas, &mut as_written))
        .collect();

    let mut blocks = vec![header(client, settings, width)];
    blocks.push(details(client, width));
    blocks.push(history(client, width));
    if parts.is_empty() {
        blocks.push(section(
            "Sessions",
            width,
            paragraph("No sessions recorded.", &style::BODY, 0.0, width),
        ));
    }
    for (i, part) in parts.iter().enumerate() {
        blocks.push(session_block(part, i == 0, width));
    }
    if !parts.is_empty() {
        blocks.push(pain_over_time(&parts, width));
    }
    let what = format!("Client record · {}", client.full_name());
    page::render(&what, page, &blocks, |number, count| {
        page::footer(&what, number, count, width)
    })
}

fn header(client: &Client, settings: &Settings, width: f32) -> Block {
    let mut rows = paragraph(
        &format!("Client record: {}", client.full_name()),
        &style::TITLE,
        0.0,
        width,
    );
    if !settings.clinic_name.is_empty() {
        rows.extend(paragraph(&settings.clinic_name, &style::CLINIC, 0.0, width));
    }
    rows.extend(paragraph(
        &format!(
            "Everything recorded about {} as of {}, given at their request.",
            client.first_name,
            long_date(&chrono::Local::now().date_naive().to_string())
        ),
        &style::SMALL,
        0.0,
        width,
    ));
    block(0.0, rows)
}

/// Text for a field, or "Not recorded."
fn or_not_recorded(text: &str) -> &str {
    if text.trim().is_empty() {
        "Not recorded."
    } else {
        text
    }
}

/// `text` beside the label column, or that it was not recorded.
fn recorded(text: &str, width: f32) -> Vec<Row> {
    paragraph(
        or_not_recorded(text),
        &style::BODY,
        LABEL_WIDTH,
        width - LABEL_WIDTH,
    )
}

fn details(client: &Client, width: f32) -> Block {
    let value = |text: &str| recorded(text, width);
    let birth = client.date_of_birth.as_deref().map(long_date);
    let mut rows = Vec::new();
    for (label, text) in [
        ("Name", client.full_name()),
        ("Born", birth.unwrap_or_default()),
        ("Phone", client.phone.clone()),
        ("E-mail", client.email.clone()),
        (
            "Pressure",
            pressure_text(client.pressure_tolerance).to_owned(),
        ),
        ("Notes", client.notes.clone()),
    ] {
        rows.extend(labelled(label, value(&text), 0.0));
    }
    section("Details", width, rows)
}

fn history(client: &Client, width: f32) -> Block {
    let value = |text: &str| recorded(text, width);
    let mut rows = Vec::new();
    for (label, text) in [
        ("Health history", &client.health_history),
        ("Medications", &client.medications),
        ("Contra-\nindications", &client.contraindications),
        ("Areas to avoid", &client.areas_to_avoid),
    ] {
        rows.extend(labelled(label, value(text), 0.0));
        rows.push(Row::space(1.0 * MM));
    }
    let consent = match &client.consent_date {
        Some(date) => format!(
            "{} (signed by {} on {})",
            client.consent_scope,
            client.consent_signed_by,
            long_date(date)
        ),
        None => String::new(),
    };
    rows.extend(labelled("Consent", value(&consent), 0.0));
    rows.push(Row::space(1.0 * MM));
    // A moment (`2026-11-25T16:47:02.123Z`) as its day.
    let day = |at: &str| long_date(at.get(..10).unwrap_or(at));
    let screening = match &client.screened_at {
        None => value("Not screened."),
        Some(at) if client.red_flags.is_empty() => {
            value(&format!("Screened {}: no red flags reported.", day(at)))
        }
        Some(at) => reported_flags(
            &format!("Screened {}. Reported:", day(at)),
            &client.red_flags,
            width,
        ),
    };
    rows.extend(labelled("Red flags", screening, 0.0));
    section("Health history, consent and screening", width, rows)
}
