//! Text: shaping with rustybuzz, wrapping into lines, and drawing lines as PDF
//! text that both prints right and reads back right.
//!
//! Every string is split into runs of one font and one direction, each run is
//! shaped (so Thai marks, Devanagari conjuncts and joined Arabic come out as the
//! font means them) and drawn glyph by glyph at the shaped positions. Lines
//! break on the text in logical order; each line is then put in display order
//! by the Unicode bidirectional algorithm, so Arabic and Hebrew run right to
//! left inside left-to-right text, and a right-to-left paragraph reads from the
//! right. A line is one text
//! object: horizontal offsets go into the TJ array and vertical ones into the
//! text rise, so `pdftotext`, search and copy see one line of text. Each glyph
//! carries the characters it stands for (the PDF's ToUnicode map), and a
//! left-to-right stretch whose glyphs don't spell its text one to one (Thai
//! SARA AM is drawn as two reordered glyphs) is also wrapped in an /ActualText
//! span with the real text. Right-to-left text is drawn in display order and
//! read back from its glyphs, which `pdftotext` puts in logical order.

use std::collections::BTreeMap;
use std::ops::Range;

use icu_segmenter::options::LineBreakOptions;
use icu_segmenter::LineSegmenter;
use printpdf::{Codepoint, DictItem, FontId, Op, PdfFontHandle, Pt, TextItem, TextMatrix};
use rustybuzz::Direction as ShapingDirection;
use unicode_bidi::{Level, ParagraphBidiInfo};

use super::fonts::{font, needs_no_glyph, typeface_for, MissingGlyph, Typeface, Weight};
use super::style::Rgb;

/// A paragraph's base direction: the order its text runs in, and the side its
/// lines are aligned to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    /// For a page in Arabic or Hebrew: lines start at the right.
    RightToLeft,
}

/// How a piece of text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Font size in points.
    pub size: f32,
    pub weight: Weight,
    pub color: Rgb,
    /// Baseline-to-baseline distance as a multiple of the size.
    pub leading: f32,
    pub direction: Direction,
}

impl Style {
    /// Height of one line, in points.
    pub fn line_height(&self) -> f32 {
        self.size * self.leading
    }

    /// Distance from the top of a line box down to its baseline.
    pub fn ascent(&self) -> f32 {
        // Noto's ascender is about 1.07 em; centering the glyphs' usual height in
        // the line box reads better than hanging them from the top.
        self.size * (0.8 + (self.leading - 1.0) / 2.0)
    }
}

/// One shaped glyph. Lengths are in points at the text's size.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub typeface: Typeface,
    pub id: u16,
    pub advance: f32,
    pub dx: f32,
    pub dy: f32,
    /// The text this glyph stands for, for the PDF's ToUnicode map (may be empty
    /// for the second glyph of a character drawn as two).
    pub unicode: String,
    /// Byte offset of the cluster this glyph belongs to, in the paragraph
    /// while shaping and in its line's text once laid out.
    cluster: usize,
    /// Its bidi embedding level: odd runs right to left.
    level: Level,
}

/// A line of shaped text, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub glyphs: Vec<Glyph>,
    pub style: Style,
}

impl Line {
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }

    /// The first character of the line that no font has, if any: it would
    /// print as the font's missing glyph (a box). Every such glyph counts;
    /// the character named is the one it stands for, or else one of the line
    /// its font lacks.
    pub fn missing_glyph(&self) -> Option<MissingGlyph> {
        let missing = self.glyphs.iter().find(|g| g.id == 0)?;
        let lacks = |c: &char| !needs_no_glyph(*c) && !font(missing.typeface).has_char(*c);
        let stood_for = missing.unicode.chars().find(|&c| !needs_no_glyph(c));
        let character = stood_for
            .or_else(|| self.text.chars().find(lacks))
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        Some(MissingGlyph {
            character,
            text: self.text.clone(),
        })
    }
}

/// Shapes `text` (one paragraph, no line breaks) into glyphs in logical order
/// (right-to-left runs reversed from the order they are drawn in).
pub fn shape(text: &str, style: &Style) -> Vec<Glyph> {
    let mut glyphs = Vec::new();
    for run in runs(text, style) {
        let font = font(run.typeface);
        let scale = style.size / font.units_per_em;
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(&text[run.text.clone()]);
        buffer.set_direction(if run.level.is_rtl() {
            ShapingDirection::RightToLeft
        } else {
            ShapingDirection::LeftToRight
        });
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(&font.face, &[], buffer);
        let start = glyphs.len();
        for (info, position) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            glyphs.push(Glyph {
                typeface: run.typeface,
                // The fonts have fewer than 65536 glyphs, so ids fit in u16.
                id: u16::try_from(info.glyph_id).unwrap_or(0),
                advance: position.x_advance as f32 * scale,
                dx: position.x_offset as f32 * scale,
                dy: position.y_offset as f32 * scale,
                unicode: String::new(),
                cluster: run.text.start + info.cluster as usize,
                level: run.level,
            });
        }
        if run.level.is_rtl() {
            // The shaper gives right-to-left glyphs in display order; keep
            // them in logical order, like the rest, until a line is laid out.
            glyphs[start..].reverse();
        }
        // The run's text ends its last cluster.
        assign_unicode(&text[..run.text.end], &mut glyphs[start..]);
    }
    // A character that needs no glyph and that the font has no glyph for
    // (a tab, a bidi control) prints as nothing rather than as a box.
    glyphs.retain(|g| g.id != 0 || g.unicode.is_empty() || !g.unicode.chars().all(needs_no_glyph));
    glyphs
}

/// A stretch of text shaped in one go: one font, one direction.
struct Run {
    typeface: Typeface,
    level: Level,
    text: Range<usize>,
}

/// Splits a paragraph into runs of one typeface and one bidi level each.
fn runs(text: &str, style: &Style) -> Vec<Run> {
    let base = match style.direction {
        Direction::LeftToRight => Level::ltr(),
        Direction::RightToLeft => Level::rtl(),
    };
    let levels = ParagraphBidiInfo::new(text, Some(base)).levels;
    let mut runs: Vec<Run> = Vec::new();
    for (at, c) in text.char_indices() {
        let current = runs.last().map(|run| run.typeface);
        let typeface = typeface_for(c, style.weight, current);
        let level = levels[at];
        match runs.last_mut() {
            Some(run) if run.typeface == typeface && run.level == level => {
                run.text.end = at + c.len_utf8();
            }
            _ => runs.push(Run {
                typeface,
                level,
                text: at..at + c.len_utf8(),
            }),
        }
    }
    runs
}

/// Gives each glyph of one run the text it stands for. A ligature (one glyph
/// for several characters, "fi") stands for its cluster's text. Otherwise a
/// glyph stands for the character the font maps to it, so it reads the same
/// everywhere in the document (the map is per font, not per use); a glyph the
/// font maps no character to (a contextual form) gets its cluster's character
/// when the cluster is one glyph per character, else the cluster's text on its
/// first such glyph. Lines that still don't spell their text get /ActualText.
fn assign_unicode(text: &str, glyphs: &mut [Glyph]) {
    for cluster in clusters(text, glyphs) {
        let cluster_text = &text[cluster.text.clone()];
        let chars: Vec<char> = cluster_text.chars().collect();
        let glyphs = &mut glyphs[cluster.glyphs];
        if let [ligature] = glyphs {
            if chars.len() > 1 {
                // Text extraction (poppler's) spreads a glyph's characters
                // left to right over it, then reads a right-to-left word from
                // the right: Arabic lam-alef reads back right only reversed.
                ligature.unicode = if ligature.level.is_rtl() {
                    chars.iter().rev().collect()
                } else {
                    cluster_text.to_owned()
                };
                continue;
            }
        }
        let one_to_one = chars.len() == glyphs.len();
        let mut cluster_text_given = false;
        for (i, glyph) in glyphs.iter_mut().enumerate() {
            glyph.unicode = match font(glyph.typeface).char_of(glyph.id) {
                Some(c) => c.to_string(),
                None if one_to_one => chars[i].to_string(),
                None if !cluster_text_given => {
                    cluster_text_given = true;
                    cluster_text.to_owned()
                }
                None => String::new(),
            };
        }
    }
}

/// A group of glyphs that must stay together, with the text it came from.
#[derive(Debug, Clone, PartialEq)]
struct Cluster {
    glyphs: Range<usize>,
    text: Range<usize>,
}

/// The clusters of shaped text, in logical order.
fn clusters(text: &str, glyphs: &[Glyph]) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    for (i, glyph) in glyphs.iter().enumerate() {
        match clusters.last_mut() {
            Some(last) if glyphs[last.glyphs.start].cluster == glyph.cluster => {
                last.glyphs.end = i + 1;
            }
            _ => clusters.push(Cluster {
                glyphs: i..i + 1,
                text: glyph.cluster..text.len(),
            }),
        }
    }
    for i in 1..clusters.len() {
        let next_start = clusters[i].text.start;
        clusters[i - 1].text.end = next_start;
    }
    clusters
}

/// A short text (a caption, a number) as one line, however long.
pub fn one_line(text: &str, style: &Style) -> Line {
    let glyphs = shape(text, style);
    let clusters = clusters(text, &glyphs);
    line(text, &glyphs, &clusters, style)
}

/// The line of `clusters` (consecutive, in logical order) of a paragraph,
/// its glyphs in display order: the bidi algorithm's reordering of lines
/// (rule L2), cluster by cluster; a right-to-left cluster's own glyphs go
/// back to the order the shaper placed them in.
fn line(paragraph: &str, glyphs: &[Glyph], clusters: &[Cluster], style: &Style) -> Line {
    let (Some(first), Some(last)) = (clusters.first(), clusters.last()) else {
        return Line {
            text: String::new(),
            glyphs: Vec::new(),
            style: *style,
        };
    };
    let levels: Vec<Level> = clusters
        .iter()
        .map(|c| glyphs[c.glyphs.start].level)
        .collect();
    let display_order = ParagraphBidiInfo::reorder_visual(&levels);
    let line_start = first.text.start;
    Line {
        text: paragraph[first.text.start..last.text.end].to_owned(),
        glyphs: display_order
            .into_iter()
            .flat_map(|i| {
                let cluster = &glyphs[clusters[i].glyphs.clone()];
                let mut cluster = cluster.to_vec();
                if levels[i].is_rtl() {
                    cluster.reverse();
                }
                for glyph in &mut cluster {
                    glyph.cluster -= line_start;
                }
                cluster
            })
            .collect(),
        style: *style,
    }
}

/// Shapes and wraps a paragraph into lines at most `width` points wide.
/// Lines break where Unicode's line-breaking rules allow (after spaces and
/// hyphens, and between words of Thai by its dictionary); a word longer than a
/// line breaks between clusters, so nothing is ever cut off or dropped.
/// Explicit newlines start new lines.
pub fn wrap(text: &str, style: &Style, width: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let paragraph = paragraph.trim_end();
        let glyphs = shape(paragraph, style);
        let clusters = clusters(paragraph, &glyphs);
        for range in break_lines(paragraph, &glyphs, &clusters, width) {
            lines.push(line(paragraph, &glyphs, &clusters[range], style));
        }
    }
    lines
}

/// The cluster ranges of each line (greedy: as many words as fit). Spaces at a
/// break are left out of both lines.
fn break_lines(
    text: &str,
    glyphs: &[Glyph],
    clusters: &[Cluster],
    width: f32,
) -> Vec<Range<usize>> {
    let widths: Vec<f32> = clusters
        .iter()
        .map(|c| glyphs[c.glyphs.clone()].iter().map(|g| g.advance).sum())
        .collect();
    let is_space: Vec<bool> = clusters
        .iter()
        .map(|c| text[c.text.clone()].chars().all(char::is_whitespace))
        .collect();
    let width_of = |range: Range<usize>| widths[range].iter().sum::<f32>();

    let mut lines = Vec::new();
    let mut line = 0..0; // the current line's clusters, without trailing spaces
    let mut segment_start = 0;
    for segment_end in break_opportunities(text, clusters) {
        // A segment runs from one break opportunity to the next: a word and
        // the spaces after it, or a Thai word. Spaces never end or start a line.
        let mut segment = segment_start..segment_end;
        segment_start = segment_end;
        while segment.end > segment.start && is_space[segment.end - 1] {
            segment.end -= 1;
        }
        if line.is_empty() {
            while segment.start < segment.end && is_space[segment.start] {
                segment.start += 1;
            }
            line = segment.start..segment.start;
        }
        if segment.is_empty() {
            continue;
        }
        if width_of(line.start..segment.end) <= width {
            line.end = segment.end;
            continue;
        }
        if !line.is_empty() {
            lines.push(line.clone());
        }
        // The segment starts a line. Longer than a whole line, it breaks
        // between clusters, each line taking at least one so nothing is lost.
        let mut from = segment.start;
        loop {
            let mut to = from + 1;
            while to < segment.end && width_of(from..to + 1) <= width {
                to += 1;
            }
            if to == segment.end {
                line = from..to;
                break;
            }
            lines.push(from..to);
            from = to;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Where lines may end, as cluster indices (the last is `clusters.len()`):
/// the break opportunities of Unicode's line-breaking rules that fall between
/// clusters.
fn break_opportunities(text: &str, clusters: &[Cluster]) -> Vec<usize> {
    let segmenter = LineSegmenter::new_dictionary(LineBreakOptions::default());
    let mut opportunities = segmenter.segment_str(text).peekable();
    let mut breaks = Vec::new();
    for (index, cluster) in clusters.iter().enumerate().skip(1) {
        while opportunities
            .next_if(|&at| at < cluster.text.start)
            .is_some()
        {}
        if opportunities.next_if_eq(&cluster.text.start).is_some() {
            breaks.push(index);
        }
    }
    breaks.push(clusters.len());
    breaks
}

/// The PDF fonts registered for a document, by typeface.
pub type FontHandles = BTreeMap<Typeface, FontId>;

/// Draws a line with its left end at `x` and its baseline at `y` (PDF
/// coordinates: points from the bottom-left corner).
pub fn draw(line: &Line, x: f32, y: f32, fonts: &FontHandles, ops: &mut Vec<Op>) {
    if line.glyphs.is_empty() {
        return;
    }
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFillColor {
        col: line.style.color.into(),
    });
    let size = line.style.size;
    let mut pen = x;
    for stretch in line
        .glyphs
        .chunk_by(|a, b| a.level.is_rtl() == b.level.is_rtl())
    {
        let actual_text = actual_text(line, stretch);
        if let Some(text) = &actual_text {
            ops.push(Op::BeginMarkedContentWithProperties {
                tag: "Span".into(),
                properties: DictItem::Dict {
                    map: BTreeMap::from([("ActualText".to_owned(), pdf_text_string(text))]),
                },
            });
        }
        for run in stretch.chunk_by(|a, b| a.typeface == b.typeface) {
            if let Some(id) = fonts.get(&run[0].typeface) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(id.clone()),
                    size: Pt(size),
                });
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(pen), Pt(y)),
                });
                show_run(run, size, ops);
            }
            pen += run.iter().map(|g| g.advance).sum::<f32>();
        }
        if actual_text.is_some() {
            ops.push(Op::EndMarkedContentWithProperties);
        }
    }
    ops.push(Op::EndTextSection);
}

/// The text a stretch of a line in one direction stands for, for /ActualText,
/// when its glyphs alone would read back wrong: their characters don't spell
/// it (a Devanagari vowel sign drawn before its consonant), or it has marks
/// drawn as glyphs of no width over the letter before (Thai vowel and tone
/// marks), which extraction (pdftotext's) would otherwise part from their
/// letter, even onto a line of their own. Never for
/// right-to-left text: extraction puts its glyphs back in logical order
/// itself, and would reverse an /ActualText too.
fn actual_text(line: &Line, stretch: &[Glyph]) -> Option<String> {
    let (first, last) = (stretch.first()?, stretch.last()?);
    if first.level.is_rtl() {
        return None;
    }
    // Left to right, the stretch's clusters are in logical order: its text
    // runs from its first cluster to the next cluster of the line.
    let end = line
        .glyphs
        .iter()
        .map(|g| g.cluster)
        .filter(|&c| c > last.cluster)
        .min()
        .unwrap_or(line.text.len());
    let text = line.text.get(first.cluster..end)?;
    let spelled: String = stretch.iter().map(|g| g.unicode.as_str()).collect();
    let has_marks = stretch.iter().any(|g| g.advance == 0.0);
    (spelled != text || has_marks).then(|| text.to_owned())
}

/// Shows one font's glyphs from the current text position. TJ numbers are in
/// 1/1000 em and move the pen left; after each glyph the viewer advances by the
/// font's own advance, so each number corrects that to the shaped position.
/// A glyph raised or lowered by the shaper gets its own TJ inside a text rise.
fn show_run(run: &[Glyph], size: f32, ops: &mut Vec<Op>) {
    let em = |points: f32| points * 1000.0 / size;
    let mut items: Vec<Codepoint> = Vec::new();
    let mut rise = 0.0;
    // Where the viewer's pen is, relative to where the shaper's pen is (1/1000 em).
    let mut drift = 0.0;
    for glyph in run {
        // Move from the viewer's pen to this glyph's shaped offset.
        let kern = drift - em(glyph.dx);
        if kern != 0.0 {
            match items.last_mut() {
                Some(previous) => previous.offset += kern,
                None => ops.push(Op::ShowText {
                    items: vec![TextItem::Offset(kern)],
                }),
            }
        }
        if glyph.dy != rise {
            flush(&mut items, ops);
            rise = glyph.dy;
            ops.push(Op::SetLineOffset { multiplier: rise });
        }
        items.push(Codepoint::with_cid(glyph.id, 0.0, glyph.unicode.clone()));
        let viewer_advance = font(glyph.typeface).pdf_advance(glyph.id);
        // After drawing: the viewer is at dx + its advance; the shaper at advance.
        drift = em(glyph.dx) + viewer_advance - em(glyph.advance);
    }
    flush(&mut items, ops);
    if rise != 0.0 {
        ops.push(Op::SetLineOffset { multiplier: 0.0 });
    }
}

fn flush(items: &mut Vec<Codepoint>, ops: &mut Vec<Op>) {
    if !items.is_empty() {
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(std::mem::take(items))],
        });
    }
}

/// A PDF text string in UTF-16BE with a byte-order mark, as /ActualText needs.
fn pdf_text_string(text: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        data.extend_from_slice(&unit.to_be_bytes());
    }
    DictItem::String {
        data,
        literal: false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fonts::Bundled;
    use super::*;

    fn body() -> Style {
        Style {
            size: 10.0,
            weight: Weight::Regular,
            color: Rgb::BLACK,
            leading: 1.4,
            direction: Direction::LeftToRight,
        }
    }

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn short_text_is_one_line() {
        let lines = wrap("Press gently.", &body(), 500.0);
        assert_eq!(texts(&lines), ["Press gently."]);
        assert!(lines[0].width() > 40.0 && lines[0].width() < 80.0);
    }

    #[test]
    fn lines_break_at_spaces_and_never_exceed_the_width() {
        let text =
            "Over 60 to 90 seconds, slowly increase the pressure, always staying below pain.";
        let lines = wrap(text, &body(), 120.0);
        assert!(lines.len() >= 3, "{:?}", texts(&lines));
        for line in &lines {
            assert!(line.width() <= 120.0, "{:?} is {}", line.text, line.width());
            assert_eq!(line.text.trim(), line.text);
        }
        assert_eq!(texts(&lines).join(" "), text);
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken_not_cut() {
        let word = "Pneumonoultramicroscopicsilicovolcanoconiosis";
        let lines = wrap(&format!("See {word} now"), &body(), 60.0);
        for line in &lines {
            assert!(line.width() <= 60.0, "{:?}", line.text);
        }
        assert_eq!(
            texts(&lines).concat().replace(' ', ""),
            format!("See{word}now")
        );
    }

    #[test]
    fn newlines_start_new_lines_and_blank_lines_are_kept() {
        let lines = wrap("one\n\ntwo", &body(), 500.0);
        assert_eq!(texts(&lines), ["one", "", "two"]);
    }

    #[test]
    fn thai_marks_stay_with_their_consonant_when_a_line_breaks() {
        // No spaces: the only breaks are between clusters.
        let text = "น้ำที่ผู้ป่วยดื่มทุกวันช่วยให้กล้ามเนื้อผ่อนคลาย";
        let lines = wrap(text, &body(), 50.0);
        assert!(lines.len() > 1);
        assert_eq!(texts(&lines).concat(), text);
        for line in &lines {
            let first = line.text.chars().next().expect("not empty");
            // A line never starts with a combining vowel or tone mark.
            assert!(!('\u{0E31}'..='\u{0E3A}').contains(&first), "{}", line.text);
            assert!(!('\u{0E47}'..='\u{0E4E}').contains(&first), "{}", line.text);
        }
    }

    #[test]
    fn thai_lines_break_between_words() {
        let words = [
            "น้ำ",
            "ที่",
            "ผู้ป่วย",
            "ดื่ม",
            "ทุก",
            "วัน",
            "ช่วย",
            "ให้",
            "กล้ามเนื้อ",
            "ผ่อน",
            "คลาย",
        ];
        let text = words.concat();
        let word_ends: Vec<usize> = words
            .iter()
            .scan(0, |end, word| {
                *end += word.len();
                Some(*end)
            })
            .collect();
        for width in [60.0, 90.0, 120.0] {
            let lines = wrap(&text, &body(), width);
            assert!(lines.len() > 1, "{:?}", texts(&lines));
            assert_eq!(texts(&lines).concat(), text);
            let mut end = 0;
            for line in &lines {
                end += line.text.len();
                assert!(
                    word_ends.contains(&end),
                    "{:?} ends inside a word",
                    line.text
                );
                assert!(line.width() <= width, "{:?}", line.text);
            }
        }
    }

    #[test]
    fn thai_with_raised_marks_reads_back_from_its_actual_text() {
        // Vowel and tone marks are glyphs of no width drawn over their consonant.
        let line = one_line("ผู้ป่วยที่นี่", &body());
        assert!(line.glyphs.iter().any(|g| g.advance == 0.0));
        assert_eq!(actual_text(&line, &line.glyphs).as_deref(), Some("ผู้ป่วยที่นี่"));
        let plain = one_line("Press gently", &body());
        assert_eq!(actual_text(&plain, &plain.glyphs), None);
    }

    #[test]
    fn ligatures_stand_for_their_letters() {
        let glyphs = shape("stiff fingers", &body());
        let spelled: String = glyphs.iter().map(|g| g.unicode.as_str()).collect();
        assert_eq!(spelled, "stiff fingers");
    }

    #[test]
    fn mixed_scripts_are_set_in_runs_of_their_own_font() {
        let glyphs = shape("Anna สมชาย Ελένη", &body());
        let sans = Typeface::bundled(Bundled::Sans, Weight::Regular);
        let faces: Vec<Typeface> = glyphs.iter().map(|g| g.typeface).collect();
        assert_eq!(faces.first(), Some(&sans));
        assert!(faces.contains(&Typeface::bundled(Bundled::Thai, Weight::Regular)));
        assert_eq!(faces.last(), Some(&sans));
        let spelled: String = glyphs.iter().map(|g| g.unicode.as_str()).collect();
        assert_eq!(spelled, "Anna สมชาย Ελένη");
    }

    fn rtl(style: Style) -> Style {
        Style {
            direction: Direction::RightToLeft,
            ..style
        }
    }

    /// The characters of a line's glyphs, in the order they are drawn.
    fn drawn(line: &Line) -> String {
        line.glyphs.iter().map(|g| g.unicode.as_str()).collect()
    }

    #[test]
    fn arabic_joins_and_devanagari_forms_conjuncts() {
        let alone = shape("س", &body());
        let joined = shape("سا", &body());
        assert_ne!(alone[0].id, joined[0].id, "seen joins to alef");
        // क + virama + ष is one conjunct glyph.
        assert_eq!(shape("क्ष", &body()).len(), 1);
    }

    #[test]
    fn an_arabic_name_in_english_runs_right_to_left() {
        let line = one_line("Anna سارة Smith", &body());
        assert_eq!(line.text, "Anna سارة Smith");
        assert_eq!(drawn(&line), "Anna ةراس Smith");
    }

    #[test]
    fn a_right_to_left_paragraph_reads_from_the_right() {
        // "Anna 12" is one left-to-right stretch (digits after Latin).
        let line = one_line("سارة Anna 12", &rtl(body()));
        assert_eq!(drawn(&line), "Anna 12 ةراس");
        let hebrew = one_line("נועה כהן", &rtl(body()));
        assert_eq!(drawn(&hebrew), "ןהכ העונ");
    }

    #[test]
    fn right_to_left_lines_break_in_logical_order() {
        let text = "تمدد بلطف كل صباح ثم استرح قليلا";
        let lines = wrap(text, &rtl(body()), 60.0);
        assert!(lines.len() > 1, "{:?}", texts(&lines));
        assert_eq!(texts(&lines).join(" "), text);
        for line in &lines {
            assert!(line.width() <= 60.0, "{:?}", line.text);
            let reversed: String = line.text.chars().rev().collect();
            assert_eq!(drawn(line), reversed);
        }
    }

    #[test]
    fn invisible_characters_draw_nothing_and_a_missing_one_is_named() {
        let line = one_line("a\u{200D}b\tc\u{FE0F}", &body());
        assert_eq!(line.missing_glyph(), None);
        assert!(line.glyphs.iter().all(|g| g.id != 0));
        let line = one_line("Anna \u{E000}", &body());
        let missing = line.missing_glyph().expect("no font has U+E000");
        assert_eq!(missing.character, '\u{E000}');
        assert_eq!(missing.text, "Anna \u{E000}");
    }
}
