//! The reports' charts, drawn as vector shapes: pain over time (NRS before and
//! after each session) and horizontal bar charts.

use crate::pdf::layout::{Item, Paint, Row};
use crate::pdf::style::{self, Rgb, MM};
use crate::pdf::text::{self, Style};

/// One session on the pain plot.
#[derive(Debug, Clone, PartialEq)]
pub struct PainPoint {
    /// Under the axis: the session's short date.
    pub label: String,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

const BEFORE: Rgb = style::MARKER;
const AFTER: Rgb = style::ACCENT;

/// Pain before and after each session as two lines over the sessions, with
/// axes, a 0-10 grid and a legend; one row `width` x `height` points. The
/// two series differ in shape as well as colour (circles before, squares
/// after), so the plot reads in black and white too.
pub fn pain_plot(points: &[PainPoint], width: f32, height: f32, small: &Style) -> Row {
    let mut items = Vec::new();
    let legend_height = small.line_height() + 2.0 * MM;
    let left = small.size * 2.2;
    let right = width - 3.0 * MM;
    let top = legend_height + 2.0 * MM;
    let bottom = height - 2.2 * small.line_height();

    // The y axis's title and the legend share the top line.
    let baseline = small.ascent();
    items.push(text_at("Pain (NRS 0–10)", 0.0, baseline, small));
    let mut x = right;
    for (name, color, square) in [("Pain after", AFTER, true), ("Pain before", BEFORE, false)] {
        let label = text::one_line(name, small);
        x -= label.width();
        let mark_y = baseline - 0.35 * small.size;
        items.push(Item::Text {
            x,
            y: baseline,
            line: label,
        });
        x -= 2.0 * MM;
        items.push(line(vec![(x - 7.0 * MM, mark_y), (x, mark_y)], color));
        items.push(mark(x - 3.5 * MM, mark_y, color, square));
        x -= 7.0 * MM + 6.0 * MM;
    }

    let y_of = |score: u8| bottom - f32::from(score) / 10.0 * (bottom - top);
    for score in (0..=10).step_by(2) {
        let y = y_of(score);
        let grid = if score == 0 {
            style::BODY_LINE
        } else {
            style::RULE
        };
        items.push(Item::Path {
            points: vec![(left, y), (right, y)],
            closed: false,
            paint: Paint::stroke(grid, if score == 0 { 0.8 } else { 0.4 }),
        });
        let label = text::one_line(&score.to_string(), small);
        items.push(Item::Text {
            x: left - 2.0 * MM - label.width(),
            y: y + 0.35 * small.size,
            line: label,
        });
    }
    items.push(Item::Path {
        points: vec![(left, top), (left, bottom)],
        closed: false,
        paint: Paint::stroke(style::BODY_LINE, 0.8),
    });

    let pad = 5.0 * MM;
    let count = points.len();
    let x_of = |i: usize| match count {
        0 | 1 => (left + right) / 2.0,
        _ => left + pad + i as f32 * (right - left - 2.0 * pad) / (count - 1) as f32,
    };
    // Date labels: as many as fit side by side, always the first and last.
    let widest = points
        .iter()
        .map(|p| text::one_line(&p.label, small).width())
        .fold(0.0_f32, f32::max);
    let spacing = if count > 1 {
        (right - left - 2.0 * pad) / (count - 1) as f32
    } else {
        f32::MAX
    };
    let every = ((widest + 2.0 * MM) / spacing).ceil().max(1.0) as usize;
    for (i, point) in points.iter().enumerate() {
        let x = x_of(i);
        items.push(Item::Path {
            points: vec![(x, bottom), (x, bottom + 1.2 * MM)],
            closed: false,
            paint: Paint::stroke(style::BODY_LINE, 0.6),
        });
        let last = i + 1 == count;
        let crowds_last = !last && count > 1 && (count - 1 - i) < every;
        if (i % every == 0 && !crowds_last) || last {
            let label = text::one_line(&point.label, small);
            items.push(Item::Text {
                x: x - label.width() / 2.0,
                y: bottom + 1.5 * MM + small.ascent(),
                line: label,
            });
        }
    }
    let title = text::one_line("Session", small);
    items.push(Item::Text {
        x: (left + right - title.width()) / 2.0,
        y: bottom + 1.5 * MM + small.line_height() + small.ascent(),
        line: title,
    });

    for (series, color, square) in [
        (
            points.iter().map(|p| p.before).collect::<Vec<_>>(),
            BEFORE,
            false,
        ),
        (points.iter().map(|p| p.after).collect(), AFTER, true),
    ] {
        // A session without a score breaks the line rather than bridging it.
        let mut run: Vec<(f32, f32)> = Vec::new();
        let mut marks = Vec::new();
        for (i, score) in series.iter().enumerate() {
            match score {
                Some(score) => {
                    run.push((x_of(i), y_of(*score)));
                    marks.push(mark(x_of(i), y_of(*score), color, square));
                }
                None if run.len() > 1 => items.push(line(std::mem::take(&mut run), color)),
                None => run.clear(),
            }
        }
        if run.len() > 1 {
            items.push(line(run, color));
        }
        items.extend(marks);
    }
    Row { height, items }
}

fn text_at(text: &str, x: f32, y: f32, style: &Style) -> Item {
    Item::Text {
        x,
        y,
        line: text::one_line(text, style),
    }
}

fn line(points: Vec<(f32, f32)>, color: Rgb) -> Item {
    Item::Path {
        points,
        closed: false,
        paint: Paint::stroke(color, 1.4),
    }
}

/// A data point: a circle, or a square.
fn mark(x: f32, y: f32, color: Rgb, square: bool) -> Item {
    let paint = Paint {
        fill: Some(color),
        stroke: Some((Rgb::WHITE, 0.6)),
    };
    if square {
        let half = 1.4 * MM;
        Item::Rect {
            x: x - half,
            y: y - half,
            width: 2.0 * half,
            height: 2.0 * half,
            paint,
        }
    } else {
        Item::Circle {
            x,
            y,
            radius: 1.5 * MM,
            paint,
        }
    }
}

/// One bar: its label, its value, and the value as printed beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

/// Horizontal bars, one row each, at least `min_row` points tall: label on the
/// left, the bar from a zero line (values may be negative), the value's text
/// on the right.
pub fn bar_chart(bars: &[Bar], width: f32, label: &Style, color: Rgb, min_row: f32) -> Vec<Row> {
    let gap = 3.0 * MM;
    let label_width = bars
        .iter()
        .map(|b| text::one_line(&b.label, label).width())
        .fold(0.0_f32, f32::max)
        .min(0.4 * width);
    let value_width = bars
        .iter()
        .map(|b| text::one_line(&b.text, label).width())
        .fold(0.0_f32, f32::max);
    let x0 = label_width + gap;
    let x1 = width - value_width - gap;
    let low = bars.iter().map(|b| b.value).fold(0.0_f64, f64::min);
    let mut high = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    if (high - low).abs() < f64::EPSILON {
        high = low + 1.0;
    }
    let x_of = |value: f64| x0 + ((value - low) / (high - low)) as f32 * (x1 - x0);
    let zero = x_of(0.0);
    let bar_height = (label.size * 0.95).max(min_row * 0.55);
    bars.iter()
        .map(|bar| {
            let lines = text::wrap(&bar.label, label, label_width);
            let text_height = lines.len() as f32 * label.line_height();
            let height = text_height.max(bar_height + 2.5 * MM).max(min_row);
            let middle = height / 2.0;
            let mut items: Vec<Item> = Vec::new();
            let first_baseline = middle - text_height / 2.0 + label.ascent();
            for (i, line) in lines.into_iter().enumerate() {
                items.push(Item::Text {
                    x: label_width - line.width(),
                    y: first_baseline + i as f32 * label.line_height(),
                    line,
                });
            }
            let end = x_of(bar.value);
            items.push(Item::Rect {
                x: zero.min(end),
                y: middle - bar_height / 2.0,
                width: (end - zero).abs().max(0.6),
                height: bar_height,
                paint: Paint::fill(color),
            });
            items.push(Item::Path {
                points: vec![(zero, 0.0), (zero, height)],
                closed: false,
                paint: Paint::stroke(style::BODY_LINE, 0.8),
            });
            let value = text::one_line(&bar.text, label);
            items.push(Item::Text {
                x: width - value.width(),
                y: middle + 0.35 * label.size,
                line: value,
            });
            Row { height, items }
        })
        .collect()
}
