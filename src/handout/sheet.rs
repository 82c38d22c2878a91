//! What a handout says, resolved from the session, the atlas and the settings
//! ([`Sheet`]), and how it is laid out as blocks of rows ([`Sheet::blocks`]).

use crate::atlas::{Atlas, RedFlag, Side, Stretch, Technique, View, GENERIC_TECHNIQUE};
use crate::i18n::{AtlasTranslation, FluentValue, Messages, Untranslated};
use crate::model::{Finding, HandoutOptions, Language, Paper, Session, Settings};

use crate::pdf::blocks::{bulleted, footer_row, labelled, numbered, paragraph, LABEL_WIDTH};
use crate::pdf::chart::{self, ChartView, Marker};
use crate::pdf::layout::{Block, Frame, Item, Paint, Row};
use crate::pdf::style::{self, MM};
use crate::pdf::text::{self, Style};

/// Everything one handout shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The language it prints in, where translations have it.
    pub language: Language,
    pub paper: Paper,
    pub clinic: String,
    pub contact: String,
    pub therapist: String,
    pub first_name: String,
    /// The session's date as people of the language write it: "20 November
    /// 2026", "20 พฤศจิกายน 2569".
    pub date: String,
    pub charts: Vec<ChartView>,
    /// The techniques the muscles use, each printed once.
    pub techniques: Vec<Technique>,
    pub muscles: Vec<MuscleNotes>,
    pub advice: String,
    pub next_appointment: String,
    /// The atlas's texts above that print in English for want of a
    /// translation.
    pub untranslated_atlas: Vec<Untranslated>,
}

/// One numbered muscle: where, what it does, what to do about it.
#[derive(Debug, Clone, PartialEq)]
pub struct MuscleNotes {
    /// Its badge on the chart.
    pub number: usize,
    /// The atlas id the findings name.
    pub id: String,
    pub name: String,
    /// The client's sides it was found on, in the order charted.
    pub sides: Vec<Side>,
    /// `None` when the atlas no longer knows the muscle.
    pub atlas: Option<MuscleText>,
    /// Name and timing of the technique that releases it, if the atlas has one
    /// (the name translated).
    pub technique: Option<(String, u32, u32)>,
}

/// The atlas's words to the client about a muscle. Not its caution: that is
/// the therapist's ("refer first", "rule out the heart"); the client's warning
/// signs are the handout's "See your doctor if…", and where not to press is in
/// the self-care.
#[derive(Debug, Clone, PartialEq)]
pub struct MuscleText {
    pub point_location: String,
    pub referral: String,
    pub self_care: Vec<String>,
    pub stretch: Stretch,
}

impl Sheet {
    /// The handout of a session, in the options' language (English when they
    /// name none). `findings` must not be empty (the caller says why not);
    /// muscles are numbered in the order they were first charted.
    pub fn new(
        settings: &Settings,
        first_name: &str,
        session: &Session,
        findings: &[Finding],
        atlas: &Atlas,
        options: &HandoutOptions,
    ) -> Sheet {
        let language = options.language.clone().unwrap_or_default();
        let mut words = AtlasWords {
            atlas,
            translation: AtlasTranslation::builtin(&language),
            untranslated: Vec::new(),
        };
        let mut muscles: Vec<MuscleNotes> = Vec::new();
        let mut techniques: Vec<Technique> = Vec::new();
        let mut markers: Vec<(View, Marker)> = Vec::new();
        for finding in findings {
            let known = muscles.iter().position(|m| m.id == finding.muscle_id);
            let index = match known {
                Some(index) => index,
                None => {
                    let number = muscles.len() + 1;
                    let notes = words.muscle_notes(number, finding, &mut techniques);
                    muscles.push(notes);
                    muscles.len() - 1
                }
            };
            let muscle = &mut muscles[index];
            if !muscle.sides.contains(&finding.side) {
                muscle.sides.push(finding.side);
            }
            markers.push((
                finding.view,
                Marker {
                    number: muscle.number,
                    x: finding.x,
                    y: finding.y,
                },
            ));
        }
        // A view no outline draws (a removed plugin's) is left off the chart,
        // its muscles still listed below.
        let charts = chart::views(&markers, atlas);
        let therapist = if session.therapist.trim().is_empty() {
            settings.therapist_name.clone()
        } else {
            session.therapist.trim().to_owned()
        };
        Sheet {
            date: Messages::new(&language).long_date(&session.session_date),
            language,
            paper: options.paper.unwrap_or(settings.paper),
            clinic: settings.clinic_name.clone(),
            contact: settings.contact.clone(),
            therapist,
            first_name: first_name.to_owned(),
            charts,
            techniques,
            muscles,
            advice: options.advice.clone(),
            next_appointment: options.next_appointment.clone(),
            untranslated_atlas: words.untranslated,
        }
    }

    /// Every text that prints in English for want of a translation: the
    /// atlas's, then the handout's own.
    pub fn untranslated(&self) -> Vec<Untranslated> {
        let mut all = self.untranslated_atlas.clone();
        all.extend(self.messages().untranslated());
        all
    }

    /// The handout's own text in its language.
    pub fn messages(&self) -> Messages {
        Messages::new(&self.language)
    }
}

/// The atlas's words in the handout's language, and those still English.
struct AtlasWords<'a> {
    atlas: &'a Atlas,
    /// `None`: English, the atlas's own.
    translation: Option<&'static AtlasTranslation>,
    untranslated: Vec<Untranslated>,
}

impl AtlasWords<'_> {
    fn muscle_notes(
        &mut self,
        number: usize,
        finding: &Finding,
        techniques: &mut Vec<Technique>,
    ) -> MuscleNotes {
        let english = self.atlas.muscle(&finding.muscle_id);
        let technique = english
            .and_then(|m| self.atlas.technique(&m.technique))
            .or_else(|| self.atlas.technique(GENERIC_TECHNIQUE));
        if let Some(t) = technique {
            if !techniques.iter().any(|known| known.id == t.id) {
                techniques.push(match self.translation {
                    Some(translation) => translation.technique(t, &mut self.untranslated),
                    None => t.clone(),
                });
            }
        }
        let technique = technique.and_then(|t| techniques.iter().find(|known| known.id == t.id));
        let muscle = english.map(|m| match self.translation {
            Some(translation) => translation.muscle(m, &mut self.untranslated),
            None => m.clone(),
        });
        if muscle.is_none() && self.translation.is_some() {
            // A removed plugin's muscle: only its name is left, in English.
            self.untranslated.push(Untranslated {
                about: Some(finding.muscle_label.clone()),
                text: "name".into(),
            });
        }
        MuscleNotes {
            number,
            id: finding.muscle_id.clone(),
            name: muscle
                .as_ref()
                .map_or_else(|| finding.muscle_label.clone(), |m| m.name.clone()),
            sides: Vec::new(),
            technique: technique.map(|t| (t.name.clone(), t.min_seconds, t.max_seconds)),
            atlas: muscle.map(|m| MuscleText {
                point_location: m.point_location,
                referral: m.referral_description,
                self_care: m.self_care,
                stretch: m.stretch,
            }),
        }
    }
}

/// The `muscle-and-side` message's side: "right", "left" or "both".
fn side_key(sides: &[Side]) -> &'static str {
    match sides {
        [Side::Right] => "right",
        [Side::Left] => "left",
        _ => "both",
    }
}

/// "Upper trapezius, right side", in the handout's language.
fn muscle_and_side(messages: &Messages, muscle: &MuscleNotes) -> String {
    messages.text(
        "muscle-and-side",
        &[
            ("muscle", muscle.name.as_str().into()),
            ("side", side_key(&muscle.sides).into()),
        ],
    )
}

// Horizontal positions inside the content area.
const INDENT: f32 = 10.0 * MM;
const SECTION_GAP: f32 = 7.0 * MM;
const BLOCK_GAP: f32 = 5.0 * MM;
/// Inner margin of framed blocks.
const PAD: f32 = 3.5 * MM;

impl Sheet {
    /// The handout's content as blocks `width` points wide, in reading order.
    pub fn blocks(&self, width: f32) -> Vec<Block> {
        let messages = self.messages();
        let mut blocks = vec![self.header(&messages, width)];
        if !self.advice.is_empty() {
            blocks.push(self.advice_block(&messages, width));
        }
        blocks.push(self.chart_block(&messages, width));
        for (i, technique) in self.techniques.iter().enumerate() {
            blocks.extend(technique_blocks(
                &messages,
                technique,
                i == 0,
                self.techniques.len(),
                width,
            ));
        }
        for (i, muscle) in self.muscles.iter().enumerate() {
            blocks.push(muscle_block(&messages, muscle, i == 0, width));
        }
        blocks.push(red_flag_block(&messages, width));
        blocks
    }

    fn header(&self, messages: &Messages, width: f32) -> Block {
        let mut rows = Vec::new();
        if !self.clinic.is_empty() {
            rows.extend(paragraph(&self.clinic, &style::CLINIC, 0.0, width));
        }
        if !self.contact.is_empty() {
            rows.extend(paragraph(&self.contact, &style::SMALL, 0.0, width));
        }
        if !rows.is_empty() {
            rows.push(rule(width, 2.5 * MM));
        }
        let name = ("name", FluentValue::from(self.first_name.as_str()));
        let title = messages.text("title", &[name]);
        rows.extend(paragraph(&title, &style::TITLE, 0.0, width));
        let date = ("date", FluentValue::from(self.date.as_str()));
        let from = if self.therapist.is_empty() {
            messages.text("from-your-treatment", &[date])
        } else {
            let therapist = ("therapist", self.therapist.as_str().into());
            messages.text("from-your-treatment-with", &[date, therapist])
        };
        rows.extend(paragraph(&from, &style::BODY, 0.0, width));
        if !self.next_appointment.is_empty() {
            rows.push(Row::space(1.0 * MM));
            rows.extend(labelled(
                &messages.text("next-visit", &[]),
                paragraph(
                    &self.next_appointment,
                    &style::BODY_BOLD,
                    LABEL_WIDTH,
                    width - LABEL_WIDTH,
                ),
                0.0,
            ));
        }
        Block {
            rows,
            ..Block::default()
        }
    }

    fn advice_block(&self, messages: &Messages, width: f32) -> Block {
        let inner = width - 2.0 * PAD - 1.2 * MM;
        let x = PAD + 1.2 * MM;
        let mut rows = vec![Row::space(PAD)];
        let label = messages.text("from-your-therapist", &[]);
        rows.extend(paragraph(&label, &style::LABEL, x, inner));
        rows.extend(paragraph(&self.advice, &style::BODY, x, inner));
        rows.push(Row::space(PAD));
        Block {
            gap_before: SECTION_GAP,
            rows,
            frame: Some(Frame {
                fill: style::NOTE_FILL,
                bar: Some(style::ACCENT),
            }),
        }
    }

    fn chart_block(&self, messages: &Messages, width: f32) -> Block {
        let heading = messages.text("your-trigger-points", &[]);
        let mut rows = paragraph(&heading, &style::HEADING, 0.0, width);
        let explained = messages.text("trigger-points-explained", &[]);
        rows.extend(paragraph(&explained, &style::BODY, 0.0, width));
        rows.push(Row::space(2.0 * MM));
        let captions = chart::Captions {
            titles: View::ALL.map(|view| messages.text(&format!("view-{view}"), &[])),
            your_left: messages.text("your-left", &[]),
            your_right: messages.text("your-right", &[]),
        };
        let framing = chart::Framing::Body;
        rows.push(chart::chart_row(&self.charts, width, framing, &captions));
        rows.extend(legend(messages, &self.muscles, width));
        Block {
            gap_before: SECTION_GAP,
            rows,
            frame: None,
        }
    }
}

/// A technique's steps, then its cautions, then its tools: three blocks, so a
/// long technique flows on rather than leaving half a page empty.
fn technique_blocks(
    messages: &Messages,
    technique: &Technique,
    first: bool,
    count: usize,
    width: f32,
) -> Vec<Block> {
    let mut steps = Vec::new();
    if first {
        let heading = messages.text("how-to-release", &[("techniques", count.into())]);
        steps.extend(paragraph(&heading, &style::HEADING, 0.0, width));
    }
    if count > 1 {
        steps.extend(paragraph(&technique.name, &style::MUSCLE, 0.0, width));
    }
    steps.extend(paragraph(&technique.summary, &style::BODY, 0.0, width));
    steps.push(Row::space(1.5 * MM));
    steps.extend(numbered(&technique.steps, &style::BODY, 0.0, width));
    let mut blocks = vec![Block {
        gap_before: if first { SECTION_GAP } else { BLOCK_GAP },
        rows: steps,
        frame: None,
    }];
    if !technique.cautions.is_empty() {
        let mut rows = Vec::new();
        for caution in &technique.cautions {
            rows.extend(paragraph(caution, &style::BODY_BOLD, 0.0, width));
        }
        blocks.push(Block {
            gap_before: 2.0 * MM,
            rows,
            frame: None,
        });
    }
    if !technique.tools.is_empty() {
        let label = messages.text("what-you-can-use", &[]);
        let mut rows = paragraph(&label, &style::LABEL, 0.0, width);
        rows.extend(bulleted(&technique.tools, &style::BODY, 0.0, width));
        blocks.push(Block {
            gap_before: 2.0 * MM,
            rows,
            frame: None,
        });
    }
    blocks
}

fn muscle_block(messages: &Messages, muscle: &MuscleNotes, first: bool, width: f32) -> Block {
    let mut rows = Vec::new();
    if first {
        let heading = messages.text("your-muscles", &[]);
        rows.extend(paragraph(&heading, &style::HEADING, 0.0, width));
        rows.push(Row::space(1.0 * MM));
    }
    let title = muscle_and_side(messages, muscle);
    let mut heading = paragraph(&title, &style::MUSCLE, INDENT, width - INDENT);
    if let Some(first_line) = heading.first_mut() {
        let radius = 3.2 * MM;
        let center_y = style::MUSCLE.ascent() - 0.36 * style::MUSCLE.size;
        // The number is read before the name.
        let badge = number_badge(
            muscle.number,
            (radius, center_y),
            radius,
            &style::BADGE_NUMBER,
        );
        first_line.items.splice(0..0, badge);
    }
    rows.extend(heading);
    rows.push(Row::space(1.0 * MM));

    let x = INDENT + LABEL_WIDTH;
    let value_width = width - x;
    let body = |text: &str| paragraph(text, &style::BODY, x, value_width);
    let text = |id: &str| messages.text(id, &[]);
    let mut entry = |label: &str, value: Vec<Row>| {
        rows.extend(labelled(&text(label), value, INDENT));
        rows.push(Row::space(1.2 * MM));
    };
    match &muscle.atlas {
        Some(atlas) => {
            entry("the-point", body(&atlas.point_location));
            entry("pain-it-sends", body(&atlas.referral));
        }
        None => entry("the-point", body(&text("therapist-will-show-the-point"))),
    }
    let mut release = match &muscle.technique {
        Some((name, min, max)) => body(&messages.text(
            "release-with-technique",
            &[
                ("technique", name.as_str().into()),
                ("min", (*min).into()),
                ("max", (*max).into()),
            ],
        )),
        None => body(&text("release-as-shown")),
    };
    if let Some(atlas) = &muscle.atlas {
        release.extend(bulleted(&atlas.self_care, &style::BODY, x, value_width));
    }
    entry("release-it", release);
    if let Some(atlas) = &muscle.atlas {
        let stretch = &atlas.stretch;
        let hold = messages.text(
            "stretch-hold",
            &[
                ("stretch", stretch.name.as_str().into()),
                ("seconds", stretch.hold_seconds.into()),
                ("times", stretch.repetitions.into()),
            ],
        );
        let mut rows = paragraph(&hold, &style::BODY, x, value_width);
        rows.extend(numbered(&stretch.steps, &style::BODY, x, value_width));
        entry("stretch", rows);
    }
    entry("how-often", body(&text("how-often-advice")));
    // The last entry's spacing is the block's bottom margin.
    Block {
        gap_before: if first { SECTION_GAP } else { BLOCK_GAP },
        rows,
        frame: None,
    }
}

fn red_flag_block(messages: &Messages, width: f32) -> Block {
    let x = PAD + 1.2 * MM;
    let inner = width - x - PAD;
    let mut rows = vec![Row::space(PAD)];
    let heading = messages.text("see-your-doctor-if", &[]);
    rows.extend(paragraph(&heading, &style::WARNING_HEADING, x, inner));
    let stop = messages.text("stop-and-see-a-doctor", &[]);
    rows.extend(paragraph(&stop, &style::BODY, x, inner));
    let flags: Vec<String> = RedFlag::ALL
        .iter()
        .map(|flag| messages.see_your_doctor(*flag))
        .collect();
    rows.extend(bulleted(&flags, &style::BODY, x, inner));
    rows.push(Row::space(PAD));
    Block {
        gap_before: SECTION_GAP,
        rows,
        frame: Some(Frame {
            fill: style::WARNING_FILL,
            bar: Some(style::WARNING),
        }),
    }
}

/// The footer of page `page` of `count`: who the handout is for, and the page.
pub fn footer(sheet: &Sheet, page: usize, count: usize, width: f32) -> Row {
    let messages = sheet.messages();
    let who = messages.text(
        "footer",
        &[
            ("name", sheet.first_name.as_str().into()),
            ("date", sheet.date.as_str().into()),
        ],
    );
    let pages = messages.text("page-of", &[("page", page.into()), ("count", count.into())]);
    footer_row(&who, &pages, width)
}

/// The chart's key: each number with its muscle and side, in two columns.
fn legend(messages: &Messages, muscles: &[MuscleNotes], width: f32) -> Vec<Row> {
    let column = width / 2.0;
    let badge = 2.1 * MM;
    let text_x = 2.0 * badge + 2.0 * MM;
    let cell = |muscle: &MuscleNotes, x: f32| {
        let label = muscle_and_side(messages, muscle);
        let mut rows = paragraph(
            &label,
            &style::SMALL,
            x + text_x,
            column - text_x - 3.0 * MM,
        );
        if let Some(first) = rows.first_mut() {
            let center_y = style::SMALL.ascent() - 0.36 * style::SMALL.size;
            let number = number_badge(
                muscle.number,
                (x + badge, center_y),
                badge,
                &style::LEGEND_NUMBER,
            );
            first.items.splice(0..0, number);
        }
        rows
    };
    let mut rows = vec![Row::space(1.0 * MM)];
    for pair in muscles.chunks(2) {
        let left = pair.first().map(|m| cell(m, 0.0)).unwrap_or_default();
        let right = pair.get(1).map(|m| cell(m, column)).unwrap_or_default();
        for i in 0..left.len().max(right.len()) {
            let mut row = Row::default();
            for part in [left.get(i), right.get(i)].into_iter().flatten() {
                row.height = row.height.max(part.height + 0.6 * MM);
                row.items.extend(part.items.iter().cloned());
            }
            rows.push(row);
        }
    }
    rows
}

/// A horizontal rule with `space` above and below it.
fn rule(width: f32, space: f32) -> Row {
    Row {
        height: 2.0 * space,
        items: vec![Item::Path {
            points: vec![(0.0, space), (width, space)],
            closed: false,
            paint: Paint::stroke(style::RULE, 0.7),
        }],
    }
}

/// A number in a filled circle centred on `center`.
fn number_badge(number: usize, center: (f32, f32), radius: f32, digits: &Style) -> Vec<Item> {
    let label = text::one_line(&number.to_string(), digits);
    vec![
        Item::Circle {
            x: center.0,
            y: center.1,
            radius,
            paint: Paint::fill(style::MARKER),
        },
        Item::Text {
            x: center.0 - label.width() / 2.0,
            // Digits are about 0.71 em tall in Noto Sans: centre them.
            y: center.1 + 0.71 * digits.size / 2.0,
            line: label,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, ClientId, FindingId, SessionId, SessionStatus};

    fn session(therapist: &str) -> Session {
        Session {
            id: SessionId(1),
            client_id: ClientId(1),
            session_date: "2026-11-20".into(),
            therapist: therapist.into(),
            subjective: String::new(),
            objective: String::new(),
            assessment: String::new(),
            plan: String::new(),
            pain_before: None,
            pain_after: None,
            status: SessionStatus::Draft,
            signed_at: None,
            note_revision: 0,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    fn finding(muscle_id: &str, label: &str, side: Side, view: View) -> Finding {
        Finding {
            id: FindingId(1),
            session_id: SessionId(1),
            muscle_id: muscle_id.into(),
            muscle_label: label.into(),
            side,
            view,
            x: 0.6,
            y: 0.2,
            tenderness: 5,
            activity: Activity::Active,
            referral_reproduced: false,
            technique_id: None,
            pressure: String::new(),
            duration_seconds: None,
            response: String::new(),
        }
    }

    fn sheet(findings: &[Finding], settings: &Settings, therapist: &str) -> Sheet {
        Sheet::new(
            settings,
            "Anna",
            &session(therapist),
            findings,
            &Atlas::builtin(),
            &HandoutOptions::default(),
        )
    }

    #[test]
    fn muscles_are_numbered_in_charted_order_with_their_sides_merged() {
        let findings = [
            finding(
                "core:levator-scapulae",
                "Levator scapulae",
                Side::Right,
                View::Back,
            ),
            finding(
                "core:upper-trapezius",
                "Upper trapezius",
                Side::Right,
                View::Back,
            ),
            finding(
                "core:levator-scapulae",
                "Levator scapulae",
                Side::Left,
                View::Back,
            ),
            finding(
                "core:levator-scapulae",
                "Levator scapulae",
                Side::Left,
                View::Back,
            ),
        ];
        let sheet = sheet(&findings, &Settings::default(), "");
        let muscles: Vec<(usize, &str, &str)> = sheet
            .muscles
            .iter()
            .map(|m| (m.number, m.name.as_str(), side_key(&m.sides)))
            .collect();
        assert_eq!(
            muscles,
            [
                (1, "Levator scapulae", "both"),
                (2, "Upper trapezius", "right")
            ]
        );
        // Every finding is marked, with its muscle's number; only the back is drawn.
        assert_eq!(sheet.charts.len(), 1);
        let numbers: Vec<usize> = sheet.charts[0].markers.iter().map(|m| m.number).collect();
        assert_eq!(numbers, [1, 2, 1, 1]);
        // One technique, printed once.
        assert_eq!(sheet.techniques.len(), 1);
        assert_eq!(sheet.date, "20 November 2026");
    }

    #[test]
    fn a_muscle_whose_plugin_was_removed_still_prints_with_the_generic_technique() {
        let findings = [finding(
            "tmj:masseter",
            "Masseter",
            Side::Left,
            View::RightSide,
        )];
        let sheet = sheet(&findings, &Settings::default(), "");
        let masseter = &sheet.muscles[0];
        assert_eq!(masseter.name, "Masseter");
        assert_eq!(masseter.atlas, None);
        assert_eq!(
            masseter.technique,
            Some(("Pain-free compression".to_owned(), 60, 90))
        );
        assert_eq!(sheet.techniques[0].id, GENERIC_TECHNIQUE);
        // The core draws the right side: the point still has its chart.
        assert_eq!(sheet.charts.len(), 1);
        let blocks = sheet.blocks(500.0);
        let text = words(&blocks);
        assert!(text.contains("Masseter, left side"), "{text}");
        assert!(text.contains("Your therapist will show you"), "{text}");
    }

    #[test]
    fn a_translation_without_a_muscles_stretch_prints_that_stretch_alone_in_english() {
        let atlas = Atlas::builtin();
        let english = atlas.muscle("core:upper-trapezius").expect("trapezius");
        let thai = AtlasTranslation::builtin(&Language::parse("th").expect("th"));
        let thai = thai.expect("Thai").muscle(english, &mut Vec::new());
        let mut texts = toml::Table::new();
        texts.insert("name".into(), thai.name.clone().into());
        texts.insert("pointLocation".into(), thai.point_location.clone().into());
        texts.insert(
            "referralDescription".into(),
            thai.referral_description.clone().into(),
        );
        texts.insert("selfCare".into(), thai.self_care.clone().into());
        let file = format!(
            "language = \"th\"\ntranslator = \"Test\"\nreviewedByNativeSpeaker = false\n\
             [muscles.\"core:upper-trapezius\"]\n{}",
            toml::to_string(&texts).expect("toml")
        );
        let translation = AtlasTranslation::parse("th", [("shoulder.toml", file.as_str())]);
        let mut words = AtlasWords {
            atlas: &atlas,
            translation: Some(Box::leak(Box::new(translation.expect("parses")))),
            untranslated: Vec::new(),
        };
        let notes = words.muscle_notes(1, &trapezius(), &mut Vec::new());
        assert_eq!(notes.name, thai.name);
        let text = notes.atlas.expect("the atlas's texts");
        assert_eq!(text.point_location, thai.point_location);
        assert_eq!(text.stretch, english.stretch);
        let trapezius: Vec<&Untranslated> = words
            .untranslated
            .iter()
            .filter(|u| u.about.as_deref() == Some("Upper trapezius"))
            .collect();
        let stretch = Untranslated {
            about: Some("Upper trapezius".into()),
            text: "stretch".into(),
        };
        assert_eq!(trapezius, [&stretch]);
    }

    #[test]
    fn the_sessions_therapist_wins_over_the_settings_one() {
        let settings = Settings {
            therapist_name: "Default Therapist".into(),
            ..Settings::default()
        };
        let findings = [trapezius()];
        assert_eq!(
            sheet(&findings, &settings, "").therapist,
            "Default Therapist"
        );
        assert_eq!(sheet(&findings, &settings, " Mai ").therapist, "Mai");
    }

    #[test]
    fn every_red_flag_is_in_the_last_block() {
        let sheet = sheet(&[trapezius()], &Settings::default(), "");
        let blocks = sheet.blocks(500.0);
        // Without the bullets, which sit after a wrapped item's first line.
        let last = words(&blocks[blocks.len() - 1..]).replace(" •", "");
        assert!(last.starts_with("See your doctor if…"), "{last}");
        let english = Messages::new(&Language::english());
        for flag in RedFlag::ALL {
            let line = english.see_your_doctor(flag);
            assert!(line.starts_with("you"), "{flag:?}: {line}");
            assert!(last.contains(&line), "{flag:?} {last}");
        }
    }

    #[test]
    fn labels_share_the_baseline_of_the_text_beside_them() {
        let rows = labelled(
            "The point",
            paragraph("On top.", &style::BODY, 100.0, 200.0),
            0.0,
        );
        let baselines: Vec<f32> = rows[0]
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text { y, .. } => Some(*y),
                _ => None,
            })
            .collect();
        assert_eq!(baselines.len(), 2);
        assert_eq!(baselines[0], baselines[1]);
    }

    fn trapezius() -> Finding {
        finding(
            "core:upper-trapezius",
            "Upper trapezius",
            Side::Right,
            View::Back,
        )
    }

    /// The text of some blocks, lines joined by spaces.
    fn words(blocks: &[Block]) -> String {
        let mut lines = Vec::new();
        for row in blocks.iter().flat_map(|b| &b.rows) {
            for item in &row.items {
                if let Item::Text { line, .. } = item {
                    lines.push(line.text.clone());
                }
            }
        }
        lines.join(" ")
    }
}
