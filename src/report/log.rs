//! The practice log: charted sessions and entries added by hand in one list,
//! and its exports for the school (CSV and PDF).

use crate::atlas::Atlas;
use crate::model::{client_code, LogEntry, LogTotals, Paper, PracticeLog, StudentProfile};
use crate::pdf::blocks::paragraph;
use crate::pdf::style;
use crate::pdf::MissingGlyph;
use crate::store::ChartedSession;

use super::page::{self, block, table, BLOCK_GAP};

/// The log as the student sees it: every entry oldest first, each charted
/// session counted for the profile's session length, with its techniques
/// named as the atlas names them.
pub fn practice_log(
    profile: StudentProfile,
    rows: Vec<LogEntry>,
    charted: Vec<ChartedSession>,
    atlas: &Atlas,
) -> PracticeLog {
    let mut entries = rows;
    entries.extend(charted.into_iter().map(|session| {
        let techniques: Vec<&str> = session
            .technique_ids
            .iter()
            .map(|id| atlas.technique(id).map_or(id.as_str(), |t| t.name.as_str()))
            .collect();
        LogEntry {
            id: None,
            session_id: Some(session.session_id),
            entry_date: session.session_date,
            duration_minutes: profile.session_minutes,
            client_code: client_code(session.client_id),
            techniques: techniques.join(", "),
            supervisor: String::new(),
            notes: String::new(),
            signed_off_by: None,
            signed_off_at: None,
        }
    }));
    entries.sort_by(|a, b| a.entry_date.cmp(&b.entry_date));
    let totals = LogTotals::of(&entries, &profile);
    PracticeLog {
        profile,
        entries,
        totals,
    }
}

const CSV_HEADER: [&str; 10] = [
    "date",
    "minutes",
    "client_code",
    "techniques",
    "supervisor",
    "notes",
    "source",
    "session_id",
    "signed_off_by",
    "signed_off_at",
];

/// The log as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a
/// comma, quote or line break quoted, quotes doubled), in UTF-8 with a byte
/// order mark so spreadsheet programs read Thai or Greek text right. Text that
/// a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) starts with
/// an apostrophe, so a note can't become a live formula on the school's computer.
pub fn log_csv(log: &PracticeLog) -> String {
    let mut csv = String::from("\u{feff}");
    push_record(&mut csv, CSV_HEADER.iter().map(|s| (*s).to_owned()));
    for entry in &log.entries {
        push_record(
            &mut csv,
            [
                entry.entry_date.clone(),
                entry.duration_minutes.to_string(),
                entry.client_code.clone(),
                entry.techniques.clone(),
                entry.supervisor.clone(),
                entry.notes.clone(),
                if entry.session_id.is_some() {
                    "session"
                } else {
                    "manual"
                }
                .to_owned(),
                entry
                    .session_id
                    .map(|id| id.to_string())
                    .unwrap_or_default(),
                entry.signed_off_by.clone().unwrap_or_default(),
                entry.signed_off_at.clone().unwrap_or_default(),
            ],
        );
    }
    csv
}

fn push_record(csv: &mut String, fields: impl IntoIterator<Item = String>) {
    let quoted: Vec<String> = fields.into_iter().map(|field| csv_field(&field)).collect();
    csv.push_str(&quoted.join(","));
    csv.push_str("\r\n");
}

/// One field as CSV: formula-like text defused, quoted when it must be.
fn csv_field(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_owned()
    };
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

/// The log as a PDF for the school: who, the progress, and every entry with
/// its sign-off.
pub fn log_pdf(log: &PracticeLog, paper: Paper) -> Result<Vec<u8>, MissingGlyph> {
    let page = page::portrait(paper);
    let width = page.content_width();
    let profile = &log.profile;
    let mut header = paragraph("Practice log", &style::TITLE, 0.0, width);
    let who: Vec<&str> = [profile.student_name.as_str(), profile.programme.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if !who.is_empty() {
        header.extend(paragraph(&who.join(" · "), &style::CLINIC, 0.0, width));
    }
    header.extend(paragraph(
        &log.totals.summary,
        &style::BODY_BOLD,
        0.0,
        width,
    ));
    if !profile.supervisors.is_empty() {
        header.extend(paragraph(
            &format!("Supervisors: {}", profile.supervisors.join(", ")),
            &style::BODY,
            0.0,
            width,
        ));
    }
    header.extend(paragraph(
        "Charted sessions count automatically, each as one session of the length set in \
         the student profile; clients appear by code only.",
        &style::SMALL,
        0.0,
        width,
    ));
    let records: Vec<Vec<String>> = log
        .entries
        .iter()
        .map(|entry| {
            let mut what = entry.techniques.clone();
            if !entry.notes.is_empty() {
                if !what.is_empty() {
                    what.push('\n');
                }
                what.push_str(&entry.notes);
            }
            let signed = match (&entry.signed_off_by, &entry.signed_off_at) {
                (Some(by), Some(at)) => format!("{by}, {}", short_date(at)),
                _ => "not yet".to_owned(),
            };
            vec![
                short_date(&entry.entry_date),
                entry.duration_minutes.to_string(),
                entry.client_code.clone(),
                what,
                entry.supervisor.clone(),
                signed,
            ]
        })
        .collect();
    let rows = table(
        &[
            ("Date", 0.17),
            ("Minutes", 0.09),
            ("Client", 0.1),
            ("Techniques, notes", 0.27),
            ("Supervisor", 0.15),
            ("Signed off", 0.22),
        ],
        &records,
        width,
    );
    let header_height: f32 = header.iter().map(|r| r.height).sum();
    let mut blocks = vec![block(0.0, header)];
    let first_room = page.content_height() - header_height - BLOCK_GAP;
    blocks.extend(page::table_pages(
        rows,
        first_room,
        page.content_height(),
        BLOCK_GAP,
    ));
    if records.is_empty() {
        blocks.push(block(
            0.0,
            paragraph("Nothing logged yet.", &style::BODY, 0.0, width),
        ));
    }
    blocks.push(block(
        2.0 * BLOCK_GAP,
        paragraph(
            "Checked by the school: ______________________    Date: ____________",
            &style::BODY,
            0.0,
            width,
        ),
    ));
    let what = match profile.student_name.as_str() {
        "" => "Practice log".to_owned(),
        name => format!("Practice log · {name}"),
    };
    page::render(&what, page, &blocks, |number, count| {
        page::footer(&what, number, count, width)
    })
}

/// "2026-09-20" as "20 Sep 2026": fits a table column on one line.
fn short_date(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%-d %b %Y").to_string())
        .unwrap_or_else(|_| iso.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn text_a_spreadsheet_would_run_as_a_formula_stays_text() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+1 stretch"), "'+1 stretch");
        assert_eq!(csv_field("-"), "'-");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("2026-09-01"), "2026-09-01");
    }
}
