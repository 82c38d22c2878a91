//! The class report: trigger-point work across several clients, as portrait
//! pages or as landscape slides for presenting in class. Clients appear by
//! code only and no free text is printed, so nothing in it can identify them.

use crate::atlas::Atlas;
use crate::model::{client_code, ClientId, Paper, StudentProfile};
use crate::pdf::blocks::{long_date, paragraph};
use crate::pdf::layout::{Block, Row};
use crate::pdf::style::{self, Rgb, MM};
use crate::pdf::text::Style;
use crate::pdf::MissingGlyph;

use super::case_study::{change_text, SessionRecord};
use super::page::{self, block, section, slide};
use super::plot::{bar_chart, Bar};
use super::Steps;

/// One client's sessions, as the store has them.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientSessions {
    pub client_id: ClientId,
    pub sessions: Vec<SessionRecord>,
}

/// What a class report shows, counted from the sessions.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassReport {
    pub student: String,
    pub programme: String,
    pub paper: Paper,
    /// Client code and number of sessions, in the order given.
    pub clients: Vec<(String, usize)>,
    /// Muscle and how many findings, most often found first.
    pub muscles: Vec<(String, usize)>,
    /// Technique, average pain change (after minus before) and the number of
    /// sessions it is averaged over; the biggest drop first.
    pub techniques: Vec<(String, f64, usize)>,
    /// Average pain before and after, over the sessions with both scores.
    pub pain: Option<(f64, f64, usize)>,
    pub first_date: String,
    pub last_date: String,
    pub findings: usize,
}

const NO_TECHNIQUE: &str = "No technique recorded";
/// Bars on a slide: more would not fit in large type.
const SLIDE_BARS: usize = 8;

impl ClassReport {
    pub fn new(
        clients: &[ClientSessions],
        profile: &StudentProfile,
        atlas: &Atlas,
        paper: Paper,
    ) -> ClassReport {
        let mut muscles: Vec<(String, usize)> = Vec::new();
        let mut changes: Vec<(String, Vec<f64>)> = Vec::new();
        let mut pain: Vec<(f64, f64)> = Vec::new();
        let mut dates: Vec<&str> = Vec::new();
        let mut findings = 0;
        for record in clients.iter().flat_map(|c| &c.sessions) {
            let session = &record.session;
            dates.push(&session.session_date);
            findings += record.findings.len();
            for finding in &record.findings {
                let name = atlas
                    .muscle(&finding.muscle_id)
                    .map_or(finding.muscle_label.clone(), |m| m.name.clone());
                match muscles.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, count)) => *count += 1,
                    None => muscles.push((name, 1)),
                }
            }
            let (Some(before), Some(after)) = (session.pain_before, session.pain_after) else {
                continue;
            };
            let (before, after) = (f64::from(before), f64::from(after));
            pain.push((before, after));
            // The session's change counts once for each technique used in it.
            let mut used: Vec<String> = Vec::new();
            for finding in &record.findings {
                let name = match &finding.technique_id {
                    Some(id) => atlas.technique(id).map_or(id.clone(), |t| t.name.clone()),
                    None => NO_TECHNIQUE.to_owned(),
                };
                if !used.contains(&name) {
                    used.push(name);
                }
            }
            for name in used {
                match changes.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, list)) => list.push(after - before),
                    None => changes.push((name, vec![after - before])),
                }
            }
        }
        muscles.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut techniques: Vec<(String, f64, usize)> = changes
            .into_iter()
            .map(|(name, list)| {
                let average = list.iter().sum::<f64>() / list.len() as f64;
                (name, average, list.len())
            })
            .collect();
        techniques.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        dates.sort_unstable();
        let average = |values: Vec<f64>| values.iter().sum::<f64>() / values.len() as f64;
        ClassReport {
            student: profile.student_name.clone(),
            programme: profile.programme.clone(),
            paper,
            clients: clients
                .iter()
                .map(|c| (client_code(c.client_id), c.sessions.len()))
                .collect(),
            muscles,
            techniques,
            pain: (!pain.is_empty()).then(|| {
                (
                    average(pain.iter().map(|p| p.0).collect()),
                    average(pain.iter().map(|p| p.1).collect()),
                    pain.len(),
                )
            }),
            first_date: dates.first().map(|d| long_date(d)).unwrap_or_default(),
            last_date: dates.last().map(|d| long_date(d)).unwrap_or_default(),
            findings,
        }
    }

    /// How many steps [`ClassReport::render`] reports.
    pub fn steps(&self) -> u32 {
        2
    }

    fn session_count(&self) -> usize {
        self.clients.iter().map(|c| c.1).sum()
    }

    /// "4 clients, 12 sessions from 3 March 2026 to 20 May 2026, 31 trigger points".
    fn scope(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let span = if self.first_date == self.last_date {
            format!("on {}", self.first_date)
        } else {
            format!("from {} to {}", self.first_date, self.last_date)
        };
        format!(
            "{}, {} {span}, {} charted",
            plural(self.clients.len(), "client", "clients"),
            plural(self.session_count(), "session", "sessions"),
            plural(self.findings, "trigger point", "trigger points"),
        )
    }

    fn by_line(&self) -> Option<String> {
        let by: Vec<&str> = [self.student.as_str(), self.programme.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        (!by.is_empty()).then(|| by.join(" · "))
    }

    fn pain_text(&self) -> String {
        match self.pain {
            Some((before, after, n)) => format!(
                "Pain averaged {before:.1} out of 10 before a session and {after:.1} after \
                 ({}; {n} {} with both scores).",
                change_text(after - before),
                if n == 1 { "session" } else { "sessions" }
            ),
            None => "No session has pain scores both before and after.".to_owned(),
        }
    }

    fn muscle_bars(&self, limit: usize) -> Vec<Bar> {
        self.muscles
            .iter()
            .take(limit)
            .map(|(name, count)| Bar {
                label: name.clone(),
                value: *count as f64,
                text: count.to_string(),
            })
            .collect()
    }

    fn technique_bars(&self, limit: usize) -> Vec<Bar> {
        self.techniques
            .iter()
            .take(limit)
            .map(|(name, change, n)| Bar {
                label: name.clone(),
                value: *change,
                text: format!("{change:+.1} (n={n})"),
            })
            .collect()
    }

    fn client_bars(&self, limit: usize) -> Vec<Bar> {
        self.clients
            .iter()
            .take(limit)
            .map(|(code, count)| Bar {
                label: code.clone(),
                value: *count as f64,
                text: count.to_string(),
            })
            .collect()
    }

    /// The report as PDF bytes: portrait pages, or landscape `slides`.
    pub fn render(&self, slides: bool, steps: &mut Steps<'_>) -> Result<Vec<u8>, MissingGlyph> {
        steps.next("Counting findings and pain scores");
        if slides {
            self.slides()
        } else {
            self.pages()
        }
    }

    fn pages(&self) -> Result<Vec<u8>, MissingGlyph> {
        let page = page::portrait(self.paper);
        let width = page.content_width();
        let mut header = paragraph(
            "Class report: trigger-point work",
            &style::TITLE,
            0.0,
            width,
        );
        if let Some(by) = self.by_line() {
            header.extend(paragraph(&by, &style::CLINIC, 0.0, width));
        }
        header.extend(paragraph(
            &format!("{}.", self.scope()),
            &style::BODY,
            0.0,
            width,
        ));
        header.extend(paragraph(&self.pain_text(), &style::BODY, 0.0, width));
        header.extend(paragraph(
            "Clients appear by code only.",
            &style::SMALL,
            0.0,
            width,
        ));
        let chart = |bars: Vec<Bar>, color: Rgb| bar_chart(&bars, width, &style::BODY, color, 0.0);
        let mut techniques = chart(self.technique_bars(usize::MAX), style::ACCENT);
        techniques.push(Row::space(1.5 * MM));
        techniques.extend(paragraph(CHANGE_NOTE, &style::SMALL, 0.0, width));
        let blocks = vec![
            block(0.0, header),
            section(
                "Muscles most often found",
                width,
                chart(self.muscle_bars(15), style::MARKER),
            ),
            section("Average pain change per technique", width, techniques),
            section(
                "Sessions per client",
                width,
                chart(self.client_bars(usize::MAX), style::BODY_LINE),
            ),
        ];
        page::render("Class report", page, &blocks, |number, count| {
            page::footer("Class report: trigger-point work", number, count, width)
        })
    }

    fn slides(&self) -> Result<Vec<u8>, MissingGlyph> {
        let page = page::landscape(self.paper);
        let width = page.content_width();
        let title = |text: &str| {
            let mut rows = paragraph(text, &page::SLIDE_TITLE, 0.0, width);
            rows.push(page::accent_rule(4.0 * MM));
            rows.push(Row::space(6.0 * MM));
            rows
        };
        let text = |text: &str, style: &Style| paragraph(text, style, 0.0, width);
        // Bars share the slide's height, up to a comfortable thickness.
        let chart = |bars: Vec<Bar>, color: Rgb| {
            let room = page.content_height() - 45.0 * MM;
            let row = (room / bars.len().max(1) as f32).min(20.0 * MM);
            bar_chart(&bars, width, &page::SLIDE_LABEL, color, row)
        };
        let more = |shown: usize, all: usize| {
            (all > shown).then(|| {
                let mut rows = vec![Row::space(3.0 * MM)];
                rows.extend(text(
                    &format!("and {} more", all - shown),
                    &page::SLIDE_SMALL,
                ));
                rows
            })
        };

        let mut opening = vec![Row::space(30.0 * MM)];
        opening.extend(text("Trigger-point work", &page::SLIDE_BIG));
        opening.push(Row::space(4.0 * MM));
        opening.extend(text("Class report", &page::SLIDE_TITLE));
        opening.push(Row::space(10.0 * MM));
        opening.extend(text(&format!("{}.", self.scope()), &page::SLIDE_TEXT));
        if let Some(by) = self.by_line() {
            opening.push(Row::space(6.0 * MM));
            opening.extend(text(&by, &page::SLIDE_SMALL));
        }

        let mut muscles = title("Muscles most often found");
        muscles.extend(chart(self.muscle_bars(SLIDE_BARS), style::MARKER));
        muscles.extend(more(SLIDE_BARS, self.muscles.len()).unwrap_or_default());

        let mut techniques = title("Average pain change per technique");
        techniques.extend(chart(self.technique_bars(SLIDE_BARS), style::ACCENT));
        techniques.push(Row::space(5.0 * MM));
        techniques.extend(text(CHANGE_NOTE, &page::SLIDE_SMALL));

        let mut clients = title("Sessions per client");
        clients.extend(chart(self.client_bars(SLIDE_BARS), style::BODY_LINE));
        clients.extend(more(SLIDE_BARS, self.clients.len()).unwrap_or_default());

        let mut found = title("What we found");
        let mut points = vec![self.pain_text()];
        if let Some((name, count)) = self.muscles.first() {
            points.push(format!("Most often found: {name} ({count} times)."));
        }
        if let Some((name, change, n)) = self.techniques.first() {
            points.push(format!(
                "Biggest average drop in pain: {name}, {} (n={n}).",
                change_text(*change)
            ));
        }
        for point in points {
            found.extend(text(&format!("•  {point}"), &page::SLIDE_TEXT));
            found.push(Row::space(5.0 * MM));
        }

        let blocks: Vec<Block> = [opening, muscles, techniques, clients, found]
            .into_iter()
            .map(|rows| slide(rows, page))
            .collect();
        page::render("Class report (slides)", page, &blocks, |number, count| {
            page::footer("Class report: trigger-point work", number, count, width)
        })
    }
}

const CHANGE_NOTE: &str = "Pain after the session minus pain before (0–10 scale), averaged over \
     the sessions that used the technique; below zero means less pain. n: sessions.";
