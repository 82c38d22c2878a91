//! The case-study report: one client over a range of sessions, anonymised.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::atlas::GENERIC_TECHNIQUE;
use crate::atlas::{Atlas, RedFlag, Technique, View};
use crate::model::{
    age_band, client_code, Activity, Amendment, Client, Finding, Paper, PressureTolerance, Session,
    SessionStatus, StudentProfile,
};
use crate::pdf::blocks::{bulleted, labelled, long_date, numbered, paragraph, LABEL_WIDTH};
use crate::pdf::chart::{self, ChartView, Marker};
use crate::pdf::layout::{Block, Item, Row};
use crate::pdf::style::{self, MM};
use crate::pdf::text;
use crate::pdf::MissingGlyph;

use super::anonymise::{AnonymityWarning, ClientNames, Identity};
use super::page::{self, block, offset, section, table, BLOCK_GAP};
use super::plot::{pain_plot, PainPoint};
use super::Steps;

/// A session with what was charted in it, as the store has it.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRecord {
    pub session: Session,
    pub findings: Vec<Finding>,
    pub amendments: Vec<Amendment>,
}

/// Everything a case study prints, already anonymised: no field holds the
/// client's name, contact details or date of birth.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseStudy {
    pub code: String,
    pub age_band: String,
    pub student: String,
    pub programme: String,
    pub paper: Paper,
    pub pressure_tolerance: PressureTolerance,
    /// Health history, medications, ... as (label, text).
    pub history: Vec<(&'static str, String)>,
    pub screened: bool,
    pub red_flags: Vec<RedFlag>,
    pub sessions: Vec<SessionPart>,
    /// Techniques with the number of points and sessions they were used on.
    pub techniques: Vec<(String, usize, usize)>,
    /// The atlas's descriptions of the techniques used.
    pub descriptions: Vec<Technique>,
    pub reflection: String,
    /// Where the client's identity was found (and replaced).
    pub warnings: Vec<AnonymityWarning>,
}

/// One session as the report prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionPart {
    pub number: usize,
    pub date: String,
    pub draft: bool,
    pub pain_before: Option<u8>,
    pub pain_after: Option<u8>,
    /// SOAP parts that were written, as (label, text).
    pub note: Vec<(&'static str, String)>,
    /// Per muscle: its number on the chart and what was found and done.
    pub findings: Vec<(usize, String)>,
    pub active_points: usize,
    pub charts: Vec<ChartView>,
    /// Amendments as (reason, text).
    pub amendments: Vec<(String, String)>,
}

impl SessionPart {
    /// Session `number` as a report prints it, every free text passed through
    /// `clean(field, text)` (a case study scrubs the client's identity there).
    pub(super) fn new(
        number: usize,
        record: &SessionRecord,
        atlas: &Atlas,
        clean: &mut dyn FnMut(&str, &str) -> String,
    ) -> SessionPart {
        let session = &record.session;
        let date = long_date(&session.session_date);
        let field = |part: &str| format!("Session {number} ({date}), {part}");
        let note = [
            ("Subjective", &session.subjective),
            ("Objective", &session.objective),
            ("Assessment", &session.assessment),
            ("Plan", &session.plan),
        ]
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(label, text)| (label, clean(&field(label), text)))
        .collect();
        let mut muscles: Vec<(String, usize, Vec<String>)> = Vec::new();
        let mut markers: Vec<(View, Marker)> = Vec::new();
        for finding in &record.findings {
            let technique = finding
                .technique_id
                .as_ref()
                .map(|id| technique_name(atlas, id));
            let line = finding_line(finding, technique.as_deref(), &mut |part, text| {
                clean(&field(part), text)
            });
            let muscle_number = match muscles
                .iter_mut()
                .find(|(id, _, _)| *id == finding.muscle_id)
            {
                Some((_, n, lines)) => {
                    lines.push(line);
                    *n
                }
                None => {
                    muscles.push((finding.muscle_id.clone(), muscles.len() + 1, vec![line]));
                    muscles.len()
                }
            };
            markers.push((
                finding.view,
                Marker {
                    number: muscle_number,
                    x: finding.x,
                    y: finding.y,
                },
            ));
        }
        let charts = chart::views(&markers, atlas);
        let amendments = record
            .amendments
            .iter()
            .map(|a| {
                (
                    clean(&field("amendment reason"), &a.reason),
                    clean(&field("amendment"), &a.text),
                )
            })
            .collect();
        SessionPart {
            number,
            date,
            draft: session.status == SessionStatus::Draft,
            pain_before: session.pain_before,
            pain_after: session.pain_after,
            note,
            findings: muscles
                .into_iter()
                .map(|(_, n, lines)| (n, lines.join("\n")))
                .collect(),
            active_points: record
                .findings
                .iter()
                .filter(|f| f.activity == Activity::Active)
                .count(),
            charts,
            amendments,
        }
    }
}

/// A technique's name from the atlas; its id when the atlas no longer has it.
fn technique_name(atlas: &Atlas, id: &str) -> String {
    atlas
        .technique(id)
        .map_or(id.to_owned(), |t| t.name.clone())
}

impl CaseStudy {
    /// Gathers a case study of `client` over `sessions` (oldest first, at least
    /// one), scrubbing every free text of the client's identity and of the
    /// full names in `others` (every client's, from the database).
    pub fn new(
        client: &Client,
        sessions: &[SessionRecord],
        reflection: &str,
        profile: &StudentProfile,
        atlas: &Atlas,
        paper: Paper,
        others: Arc<ClientNames>,
    ) -> CaseStudy {
        let code = client_code(client.id);
        let identity = Identity::new(client, &code).hiding(others);
        let mut warnings = Vec::new();
        let mut clean = |field: &str, text: &str| identity.clean(field, text.trim(), &mut warnings);

        let history = [
            ("Health history", &client.health_history),
            ("Medications", &client.medications),
            ("Contraindications", &client.contraindications),
            ("Areas to avoid", &client.areas_to_avoid),
        ]
        .into_iter()
        .map(|(label, text)| (label, clean(label, text)))
        .collect();

        let mut technique_uses: Vec<(String, usize, Vec<usize>)> = Vec::new();
        let mut technique_ids: Vec<String> = Vec::new();
        let mut parts = Vec::new();
        for (i, record) in sessions.iter().enumerate() {
            let number = i + 1;
            parts.push(SessionPart::new(number, record, atlas, &mut clean));
            for id in record
                .findings
                .iter()
                .filter_map(|f| f.technique_id.as_ref())
            {
                if !technique_ids.contains(id) {
                    technique_ids.push(id.clone());
                }
                let name = technique_name(atlas, id);
                match technique_uses.iter_mut().find(|(n, _, _)| *n == name) {
                    Some((_, points, in_sessions)) => {
                        *points += 1;
                        if !in_sessions.contains(&number) {
                            in_sessions.push(number);
                        }
                    }
                    None => technique_uses.push((name, 1, vec![number])),
                }
            }
        }
        // No technique recorded: describe the ones the atlas gives the muscles.
        if technique_ids.is_empty() {
            for finding in sessions.iter().flat_map(|r| &r.findings) {
                let id = atlas
                    .muscle(&finding.muscle_id)
                    .map_or(GENERIC_TECHNIQUE, |m| m.technique.as_str());
                if !technique_ids.iter().any(|known| known == id) {
                    technique_ids.push(id.to_owned());
                }
            }
        }
        let reflection = clean("Reflection", reflection);
        warnings.extend(identity.limits());
        let last_date = sessions
            .last()
            .and_then(|r| NaiveDate::parse_from_str(&r.session.session_date, "%Y-%m-%d").ok())
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        CaseStudy {
            age_band: age_band(client.date_of_birth.as_deref(), last_date),
            student: profile.student_name.clone(),
            programme: profile.programme.clone(),
            paper,
            pressure_tolerance: client.pressure_tolerance,
            history,
            screened: client.screened_at.is_some(),
            red_flags: client.red_flags.clone(),
            sessions: parts,
            techniques: technique_uses
                .into_iter()
                .map(|(name, points, sessions)| (name, points, sessions.len()))
                .collect(),
            descriptions: technique_ids
                .iter()
                .filter_map(|id| atlas.technique(id).cloned())
                .collect(),
            reflection,
            warnings,
            code,
        }
    }

    /// How many steps [`CaseStudy::render`] reports.
    pub fn steps(&self) -> u32 {
        u32::try_from(self.sessions.len()).unwrap_or(u32::MAX - 2) + 2
    }

    /// The report as PDF bytes; one progress step per session and one for the
    /// pages.
    pub fn render(&self, steps: &mut Steps<'_>) -> Result<Vec<u8>, MissingGlyph> {
        let page = page::portrait(self.paper);
        let width = page.content_width();
        let mut blocks = vec![self.header(width)];
        blocks.push(self.presentation(width));
        blocks.push(self.history_block(width));
        let total = self.sessions.len();
        for (i, session) in self.sessions.iter().enumerate() {
            steps.next(&format!("Session {} of {total}", i + 1));
            blocks.push(session_block(session, i == 0, width));
        }
        blocks.push(self.techniques_block(width));
        blocks.push(self.plot_block(width));
        blocks.push(section("Outcome", width, self.outcome(width)));
        let reflection = if self.reflection.is_empty() {
            "No reflection written yet."
        } else {
            &self.reflection
        };
        blocks.push(section(
            "Reflection",
            width,
            paragraph(reflection, &style::BODY, 0.0, width),
        ));
        for (i, technique) in self.descriptions.iter().enumerate() {
            blocks.push(technique_block(technique, i == 0, width));
        }
        steps.next("Laying out the pages");
        let what = format!("Case study · client {}", self.code);
        page::render(&what, page, &blocks, |number, count| {
            page::footer(&what, number, count, width)
        })
    }

    fn header(&self, width: f32) -> Block {
        let mut rows = paragraph(
            &format!("Case study: client {}", self.code),
            &style::TITLE,
            0.0,
            width,
        );
        let span = match (self.sessions.first(), self.sessions.last()) {
            (Some(first), Some(last)) if self.sessions.len() > 1 => format!(
                "{} sessions, {} to {}",
                self.sessions.len(),
                first.date,
                last.date
            ),
            (Some(only), _) => format!("1 session, {}", only.date),
            _ => String::new(),
        };
        rows.extend(paragraph(
            &format!("Age {} · {span}", self.age_band),
            &style::BODY_BOLD,
            0.0,
            width,
        ));
        let by: Vec<&str> = [self.student.as_str(), self.programme.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if !by.is_empty() {
            rows.extend(paragraph(
                &format!("Prepared by {}", by.join(" · ")),
                &style::CLINIC,
                0.0,
                width,
            ));
        }
        rows.extend(paragraph(
            &format!(
                "Anonymised: the client appears as {} and an age band; their name, \
                 contact details and date of birth are left out.",
                self.code
            ),
            &style::SMALL,
            0.0,
            width,
        ));
        block(0.0, rows)
    }

    fn presentation(&self, width: f32) -> Block {
        let value = |text: &str| paragraph(text, &style::BODY, LABEL_WIDTH, width - LABEL_WIDTH);
        let first = self.sessions.first();
        let complaint = first
            .and_then(|s| s.note.iter().find(|(label, _)| *label == "Subjective"))
            .map_or("Not recorded.", |(_, text)| text.as_str());
        let mut rows = labelled("Complaint", value(complaint), 0.0);
        let pain = first
            .and_then(|s| s.pain_before)
            .map_or("Not recorded.".to_owned(), |p| {
                format!("{p} out of 10 before the first session")
            });
        rows.extend(labelled("Pain", value(&pain), 0.0));
        rows.extend(labelled(
            "Pressure",
            value(pressure_text(self.pressure_tolerance)),
            0.0,
        ));
        section("Presentation", width, rows)
    }

    fn history_block(&self, width: f32) -> Block {
        let value = |text: &str| paragraph(text, &style::BODY, LABEL_WIDTH, width - LABEL_WIDTH);
        let mut rows = Vec::new();
        for (label, text) in &self.history {
            let text = if text.is_empty() {
                "None recorded."
            } else {
                text
            };
            // Too long a word for the label column: break it where a person would.
            let label = label.replace("Contraindications", "Contra-\nindications");
            rows.extend(labelled(&label, value(text), 0.0));
            rows.push(Row::space(1.0 * MM));
        }
        let screening = if !self.screened {
            value("Not screened at intake.")
        } else if self.red_flags.is_empty() {
            value("Screened at intake: no red flags reported.")
        } else {
            reported_flags("Screened at intake. Reported:", &self.red_flags, width)
        };
        rows.extend(labelled("Red flags", screening, 0.0));
        section("History and red-flag screening", width, rows)
    }

    fn techniques_block(&self, width: f32) -> Block {
        let rows = if self.techniques.is_empty() {
            paragraph(
                "No technique was recorded with the findings.",
                &style::BODY,
                0.0,
                width,
            )
        } else {
            let records: Vec<Vec<String>> = self
                .techniques
                .iter()
                .map(|(name, points, sessions)| {
                    vec![name.clone(), points.to_string(), sessions.to_string()]
                })
                .collect();
            table(
                &[
                    ("Technique", 0.6),
                    ("Points treated", 0.2),
                    ("Sessions", 0.2),
                ],
                &records,
                width,
            )
        };
        section("Techniques used", width, rows)
    }

    fn plot_block(&self, width: f32) -> Block {
        pain_over_time(&self.sessions, width)
    }

    fn outcome(&self, width: f32) -> Vec<Row> {
        let mut lines = Vec::new();
        let first_before = self.sessions.iter().find_map(|s| s.pain_before);
        let last_after = self.sessions.iter().rev().find_map(|s| s.pain_after);
        match (first_before, last_after) {
            (Some(before), Some(after)) if self.sessions.len() == 1 => lines.push(format!(
                "Pain went from {before} out of 10 before the session to {after} after it ({}).",
                change_text(f64::from(after) - f64::from(before))
            )),
            (Some(before), Some(after)) => lines.push(format!(
                "Pain went from {before} out of 10 before the first session to {after} \
                 after the last ({}).",
                change_text(f64::from(after) - f64::from(before))
            )),
            _ => lines.push("Pain scores were not recorded at both ends.".to_owned()),
        }
        let changes: Vec<f64> = self
            .sessions
            .iter()
            .filter_map(|s| Some(f64::from(s.pain_after?) - f64::from(s.pain_before?)))
            .collect();
        if changes.len() > 1 {
            let average = changes.iter().sum::<f64>() / changes.len() as f64;
            lines.push(format!(
                "Within a session pain changed by {} on average ({} sessions with both scores).",
                change_text(average),
                changes.len()
            ));
        }
        if let (Some(first), Some(last)) = (self.sessions.first(), self.sessions.last()) {
            if self.sessions.len() > 1 {
                lines.push(format!(
                    "Active trigger points found: {} in the first session, {} in the last.",
                    first.active_points, last.active_points
                ));
            }
        }
        if let Some((_, assessment)) = self
            .sessions
            .last()
            .and_then(|s| s.note.iter().find(|(label, _)| *label == "Assessment"))
        {
            lines.push(format!("Last assessment: {assessment}"));
        }
        lines
            .iter()
            .flat_map(|line| {
                let mut rows = paragraph(line, &style::BODY, 0.0, width);
                rows.push(Row::space(1.0 * MM));
                rows
            })
            .collect()
    }
}

/// One finding as a line: muscle and side, what was found, what was done.
fn finding_line(
    finding: &Finding,
    technique: Option<&str>,
    clean: &mut dyn FnMut(&str, &str) -> String,
) -> String {
    let side = finding.side.name();
    let activity = match finding.activity {
        Activity::Active => "active",
        Activity::Latent => "latent",
    };
    let mut line = format!(
        "{}, {side}: tenderness {}/10, {activity}",
        finding.muscle_label, finding.tenderness
    );
    if finding.referral_reproduced {
        line.push_str(", referral reproduced");
    }
    let mut done: Vec<String> = Vec::new();
    if let Some(technique) = technique {
        done.push(technique.to_owned());
    }
    if !finding.pressure.is_empty() {
        done.push(format!("{} pressure", clean("pressure", &finding.pressure)));
    }
    if let Some(seconds) = finding.duration_seconds {
        done.push(format!("{seconds} s"));
    }
    if !done.is_empty() {
        line.push_str(&format!(". {}", done.join(", ")));
    }
    if !finding.response.is_empty() {
        line.push_str(&format!(
            ". Response: {}",
            clean("finding response", &finding.response)
        ));
    }
    line
}

/// A session: its heading, pain, note, chart and findings.
pub(super) fn session_block(session: &SessionPart, first: bool, width: f32) -> Block {
    let mut rows = Vec::new();
    if first {
        rows.extend(paragraph("Sessions", &style::HEADING, 0.0, width));
        rows.push(Row::space(1.0 * MM));
    }
    let draft = if session.draft { " (draft note)" } else { "" };
    rows.extend(paragraph(
        &format!("Session {} · {}{draft}", session.number, session.date),
        &style::MUSCLE,
        0.0,
        width,
    ));
    let score = |p: Option<u8>| p.map_or("–".to_owned(), |p| p.to_string());
    let value = |text: &str| paragraph(text, &style::BODY, LABEL_WIDTH, width - LABEL_WIDTH);
    rows.extend(labelled(
        "Pain (0–10)",
        value(&format!(
            "{} before, {} after",
            score(session.pain_before),
            score(session.pain_after)
        )),
        0.0,
    ));
    for (label, text) in &session.note {
        rows.extend(labelled(label, value(text), 0.0));
    }
    for (reason, text) in &session.amendments {
        rows.extend(labelled(
            "Amendment",
            value(&format!("{text} (reason: {reason})")),
            0.0,
        ));
    }
    if session.findings.is_empty() {
        rows.extend(paragraph(
            "No trigger points charted.",
            &style::BODY,
            LABEL_WIDTH,
            width - LABEL_WIDTH,
        ));
    }
    if !session.charts.is_empty() {
        rows.push(Row::space(1.5 * MM));
        // Smaller than on a handout: a report has many sessions to show.
        let share = if session.charts.len() == 1 { 0.42 } else { 0.8 };
        let chart = chart::chart_row(
            &session.charts,
            width * share,
            chart::Framing::Body,
            &chart::Captions::english(),
        );
        let dx = width * (1.0 - share) / 2.0;
        rows.push(Row {
            height: chart.height,
            items: chart
                .items
                .into_iter()
                .map(|i| offset(i, dx, 0.0))
                .collect(),
        });
    }
    for (number, text) in &session.findings {
        let mut lines = paragraph(text, &style::BODY, 8.0 * MM, width - 8.0 * MM);
        if let Some(first) = lines.first_mut() {
            first.items.extend(number_marker(*number));
        }
        rows.extend(lines);
        rows.push(Row::space(0.8 * MM));
    }
    // One block: kept on one page when it fits, broken between rows when not.
    block(
        if first {
            page::SECTION_GAP
        } else {
            BLOCK_GAP * 2.0
        },
        rows,
    )
}

/// The muscle's number as on the chart's badges.
fn number_marker(number: usize) -> Vec<Item> {
    let radius = 2.3 * MM;
    let center_y = style::BODY.ascent() - 0.36 * style::BODY.size;
    let label = text::one_line(&number.to_string(), &style::LEGEND_NUMBER);
    vec![
        Item::Circle {
            x: radius,
            y: center_y,
            radius,
            paint: crate::pdf::layout::Paint::fill(style::MARKER),
        },
        Item::Text {
            x: radius - label.width() / 2.0,
            y: center_y + 0.71 * style::LEGEND_NUMBER.size / 2.0,
            line: label,
        },
    ]
}

fn technique_block(technique: &Technique, first: bool, width: f32) -> Block {
    let mut rows = Vec::new();
    if first {
        rows.extend(paragraph(
            "About the technique",
            &style::HEADING,
            0.0,
            width,
        ));
        rows.push(Row::space(1.0 * MM));
    }
    rows.extend(paragraph(&technique.name, &style::MUSCLE, 0.0, width));
    rows.extend(paragraph(&technique.summary, &style::BODY, 0.0, width));
    rows.extend(paragraph(
        &format!(
            "{} to {} seconds on each point.",
            technique.min_seconds, technique.max_seconds
        ),
        &style::BODY,
        0.0,
        width,
    ));
    rows.push(Row::space(1.0 * MM));
    rows.extend(numbered(&technique.steps, &style::BODY, 0.0, width));
    if !technique.cautions.is_empty() {
        rows.push(Row::space(1.0 * MM));
        rows.extend(bulleted(&technique.cautions, &style::BODY_BOLD, 0.0, width));
    }
    block(if first { page::SECTION_GAP } else { BLOCK_GAP }, rows)
}

/// The pain-over-time section: pain before and after each session.
pub(super) fn pain_over_time(sessions: &[SessionPart], width: f32) -> Block {
    let points: Vec<PainPoint> = sessions
        .iter()
        .map(|s| PainPoint {
            label: short_date(&s.date),
            before: s.pain_before,
            after: s.pain_after,
        })
        .collect();
    let mut rows = paragraph(
        "Pain on the 0–10 numeric rating scale, before and after each session.",
        &style::SMALL,
        0.0,
        width,
    );
    rows.push(Row::space(2.0 * MM));
    rows.push(pain_plot(&points, width, 70.0 * MM, &style::SMALL));
    section("Pain over time", width, rows)
}

/// "20 November 2026" as "20 Nov".
fn short_date(long: &str) -> String {
    NaiveDate::parse_from_str(long, "%d %B %Y")
        .map(|d| d.format("%-d %b").to_string())
        .unwrap_or_else(|_| long.to_owned())
}

/// "3 points less", "1 point more", "no change".
pub fn change_text(change: f64) -> String {
    let size = change.abs();
    let amount = if (size - size.round()).abs() < 0.05 {
        format!("{size:.0}")
    } else {
        format!("{size:.1}")
    };
    let unit = if amount == "1" { "point" } else { "points" };
    match change {
        c if c.abs() < 0.05 => "no change".to_owned(),
        c if c < 0.0 => format!("{amount} {unit} less"),
        _ => format!("{amount} {unit} more"),
    }
}

/// How much pressure the client tolerates, in words.
pub(super) fn pressure_text(tolerance: PressureTolerance) -> &'static str {
    match tolerance {
        PressureTolerance::Unknown => "Not recorded.",
        PressureTolerance::Light => "Light pressure only",
        PressureTolerance::Moderate => "Moderate pressure",
        PressureTolerance::Firm => "Firm pressure",
    }
}

/// A screening's reported red flags beside the label column: `heading`, then
/// each flag as a bullet.
pub(super) fn reported_flags(heading: &str, flags: &[RedFlag], width: f32) -> Vec<Row> {
    let mut rows = paragraph(heading, &style::BODY, LABEL_WIDTH, width - LABEL_WIDTH);
    let flags: Vec<String> = flags.iter().map(|f| capitalise(f.reported())).collect();
    rows.extend(bulleted(
        &flags,
        &style::BODY,
        LABEL_WIDTH,
        width - LABEL_WIDTH,
    ));
    rows
}

pub(super) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
