//! General building blocks of a page, for handouts and reports alike:
//! paragraphs, labelled rows, numbered and bulleted lists, footers, dates.

use super::layout::{Item, Paint, Row};
use super::style::{self, MM};
use super::text::{self, Direction, Style};

/// Where a value starts beside its label.
pub(crate) const LABEL_WIDTH: f32 = 27.0 * MM;
/// How far a list item's text is indented from its marker.
const LIST_MARKER: f32 = 5.0 * MM;

/// "2026-11-20" as "20 November 2026"; anything unparsable as it is.
pub(crate) fn long_date(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%-d %B %Y").to_string())
        .unwrap_or_else(|_| iso.to_owned())
}

/// A footer: `who` (or what) on the left, `pages` ("Page N of M") on the
/// right.
pub(crate) fn footer_row(who: &str, pages: &str, width: f32) -> Row {
    let pages = text::one_line(pages, &style::SMALL);
    let who_width = width - pages.width() - 6.0 * MM;
    let mut items = vec![Item::Path {
        points: vec![(0.0, 0.0), (width, 0.0)],
        closed: false,
        paint: Paint::stroke(style::RULE, 0.5),
    }];
    let baseline = 2.0 * MM + style::SMALL.ascent();
    // A very long name is cut short here only: the title prints it whole.
    if let Some(who) = text::wrap(who, &style::SMALL, who_width).into_iter().next() {
        items.push(Item::Text {
            x: 0.0,
            y: baseline,
            line: who,
        });
    }
    items.push(Item::Text {
        x: width - pages.width(),
        y: baseline,
        line: pages,
    });
    Row {
        height: 8.0 * MM,
        items,
    }
}

/// A paragraph wrapped to `width`, one row per line, starting at `x`; a
/// right-to-left paragraph's lines end at `x + width` instead.
pub(crate) fn paragraph(text: &str, style: &Style, x: f32, width: f32) -> Vec<Row> {
    text::wrap(text, style, width)
        .into_iter()
        .map(|line| Row {
            height: style.line_height(),
            items: vec![Item::Text {
                x: match style.direction {
                    Direction::LeftToRight => x,
                    Direction::RightToLeft => x + width - line.width(),
                },
                y: style.ascent(),
                line,
            }],
        })
        .collect()
}

/// `value` rows with `label` beside the first, at `x`.
pub(crate) fn labelled(label: &str, mut value: Vec<Row>, x: f32) -> Vec<Row> {
    let label_rows = paragraph(label, &style::LABEL, x, LABEL_WIDTH - 2.0 * MM);
    if value.len() < label_rows.len() {
        value.resize(label_rows.len(), Row::space(style::LABEL.line_height()));
    }
    for (row, label) in value.iter_mut().zip(label_rows) {
        row.height = row.height.max(label.height);
        // Labels are smaller than the text beside them: share its baseline.
        let baseline = row.items.iter().find_map(|item| match item {
            Item::Text { y, .. } => Some(*y),
            _ => None,
        });
        // Before the value's text, so a copy or a screen reader reads the
        // label first.
        for (i, mut item) in label.items.into_iter().enumerate() {
            if let (Item::Text { y, .. }, Some(baseline)) = (&mut item, baseline) {
                *y = baseline;
            }
            row.items.insert(i, item);
        }
    }
    value
}

/// A numbered list: 1., 2., ...
pub(crate) fn numbered(items: &[String], style: &Style, x: f32, width: f32) -> Vec<Row> {
    list(items, |i| format!("{}.", i + 1), style, x, width)
}

/// A bulleted list.
pub(crate) fn bulleted(items: &[String], style: &Style, x: f32, width: f32) -> Vec<Row> {
    list(items, |_| "•".to_owned(), style, x, width)
}

/// A list: each item's marker at `x`, its text indented beside it.
fn list(
    items: &[String],
    marker: impl Fn(usize) -> String,
    style: &Style,
    x: f32,
    width: f32,
) -> Vec<Row> {
    let mut rows = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let mut item_rows = paragraph(item, style, x + LIST_MARKER, width - LIST_MARKER);
        if let Some(first) = item_rows.first_mut() {
            // The marker is read before the item.
            first.items.insert(
                0,
                Item::Text {
                    x,
                    y: style.ascent(),
                    line: text::one_line(&marker(i), style),
                },
            );
        }
        rows.extend(item_rows);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_right_to_left_paragraph_is_aligned_right() {
        let right_to_left = Style {
            direction: Direction::RightToLeft,
            ..style::BODY
        };
        for (style, expected_end) in [(style::BODY, None), (right_to_left, Some(210.0))] {
            let rows = paragraph("סָרָה", &style, 10.0, 200.0);
            let Some(Item::Text { x, line, .. }) = rows[0].items.first() else {
                panic!("a line of text");
            };
            match expected_end {
                None => assert_eq!(*x, 10.0),
                Some(end) => assert!((x + line.width() - end).abs() < 0.01, "{x}"),
            }
        }
    }
}
