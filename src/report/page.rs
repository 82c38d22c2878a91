//! What every report page shares: page sizes, text styles, the footer, section
//! blocks and a simple table, on top of the handout's layout.

use crate::model::Paper;
use crate::pdf::blocks::paragraph;
use crate::pdf::fonts::Weight;
use crate::pdf::layout::{Block, Item, PageSize, Paint, Row};
use crate::pdf::style::{self, style, MM};
use crate::pdf::text::{self, Style};

pub use crate::pdf::layout::render;

pub const SECTION_GAP: f32 = 7.0 * MM;
pub const BLOCK_GAP: f32 = 4.0 * MM;

/// A table's header cells.
pub const TABLE_HEAD: Style = style(9.0, Weight::Bold, style::MUTED, 1.35);
/// A table's cells.
pub const TABLE_CELL: Style = style(9.0, Weight::Regular, style::INK, 1.35);

// Slides are read from the back of a classroom: large type.
pub const SLIDE_TITLE: Style = style(30.0, Weight::Bold, style::ACCENT, 1.2);
pub const SLIDE_BIG: Style = style(40.0, Weight::Bold, style::INK, 1.15);
pub const SLIDE_TEXT: Style = style(20.0, Weight::Regular, style::INK, 1.35);
pub const SLIDE_LABEL: Style = style(17.0, Weight::Regular, style::INK, 1.25);
pub const SLIDE_SMALL: Style = style(13.0, Weight::Regular, style::MUTED, 1.3);

/// A portrait page of the chosen paper, with the handout's margins.
pub fn portrait(paper: Paper) -> PageSize {
    let (width, height) = paper.size_mm();
    PageSize::from_mm(width, height)
}

/// A landscape page of the chosen paper for slides, margins all round.
pub fn landscape(paper: Paper) -> PageSize {
    let (width, height) = paper.size_mm();
    PageSize {
        margin_x: 18.0 * MM,
        margin_top: 15.0 * MM,
        margin_bottom: 16.0 * MM,
        ..PageSize::from_mm(height, width)
    }
}

/// The footer: what the document is on the left, "Page N of M" on the right.
pub(crate) fn footer(what: &str, page: usize, count: usize, width: f32) -> Row {
    crate::pdf::blocks::footer_row(what, &format!("Page {page} of {count}"), width)
}

/// A block of `rows` after a gap.
pub fn block(gap_before: f32, rows: Vec<Row>) -> Block {
    Block {
        gap_before,
        rows,
        frame: None,
    }
}

/// A section's heading kept with the first of its content.
pub fn section(title: &str, width: f32, rows: Vec<Row>) -> Block {
    let mut all = paragraph(title, &style::HEADING, 0.0, width);
    all.push(Row::space(1.0 * MM));
    all.extend(rows);
    block(SECTION_GAP, all)
}

/// A short, thick accent-coloured rule under a slide's title, `space` below
/// the title.
pub fn accent_rule(space: f32) -> Row {
    Row {
        height: space + 1.5 * MM,
        items: vec![Item::Rect {
            x: 0.0,
            y: space,
            width: 28.0 * MM,
            height: 1.5 * MM,
            paint: Paint::fill(style::ACCENT),
        }],
    }
}

/// Moves an item by `dx`, `dy` points.
pub fn offset(item: Item, dx: f32, dy: f32) -> Item {
    let shift =
        |points: Vec<(f32, f32)>| points.into_iter().map(|(x, y)| (x + dx, y + dy)).collect();
    match item {
        Item::Text { x, y, line } => Item::Text {
            x: x + dx,
            y: y + dy,
            line,
        },
        Item::Rect {
            x,
            y,
            width,
            height,
            paint,
        } => Item::Rect {
            x: x + dx,
            y: y + dy,
            width,
            height,
            paint,
        },
        Item::Circle {
            x,
            y,
            radius,
            paint,
        } => Item::Circle {
            x: x + dx,
            y: y + dy,
            radius,
            paint,
        },
        Item::Path {
            points,
            closed,
            paint,
        } => Item::Path {
            points: shift(points),
            closed,
            paint,
        },
        Item::Clip {
            x,
            y,
            width,
            height,
            items,
        } => Item::Clip {
            x: x + dx,
            y: y + dy,
            width,
            height,
            items: items.into_iter().map(|i| offset(i, dx, dy)).collect(),
        },
    }
}

/// A table as rows: a header, then one row per record, cells wrapped in
/// their column (widths as fractions of `width`). Each record is one row, so
/// a page never breaks inside it.
pub fn table(columns: &[(&str, f32)], records: &[Vec<String>], width: f32) -> Vec<Row> {
    let pad = 1.5 * MM;
    let lefts: Vec<f32> = columns
        .iter()
        .scan(0.0, |x, (_, fraction)| {
            let left = *x;
            *x += fraction * width;
            Some(left)
        })
        .collect();
    let line = |points: Vec<(f32, f32)>| Item::Path {
        points,
        closed: false,
        paint: Paint::stroke(style::RULE, 0.5),
    };
    let row = |cells: &[String], style: &Style| {
        let mut items = Vec::new();
        let mut height: f32 = 0.0;
        for ((cell, (_, fraction)), left) in cells.iter().zip(columns).zip(&lefts) {
            let lines = text::wrap(cell, style, fraction * width - 2.0 * pad);
            height = height.max(lines.len() as f32 * style.line_height());
            for (i, line) in lines.into_iter().enumerate() {
                items.push(Item::Text {
                    x: left + pad,
                    y: pad + style.ascent() + i as f32 * style.line_height(),
                    line,
                });
            }
        }
        let height = height + 2.0 * pad;
        items.push(line(vec![(0.0, height), (width, height)]));
        Row { height, items }
    };
    let head: Vec<String> = columns.iter().map(|(name, _)| (*name).to_owned()).collect();
    let mut rows = vec![row(&head, &TABLE_HEAD)];
    rows.extend(records.iter().map(|record| row(record, &TABLE_CELL)));
    rows
}

/// A [`table`]'s rows as one block per page, each starting with the header
/// row, so every page of a long table says what its columns are. The first
/// page has `first_room` points left; the others `room`.
pub fn table_pages(rows: Vec<Row>, first_room: f32, room: f32, gap: f32) -> Vec<Block> {
    let mut rows = rows.into_iter();
    let Some(head) = rows.next() else {
        return Vec::new();
    };
    let mut blocks = Vec::new();
    let mut current = vec![head.clone()];
    let mut left = first_room - head.height;
    for row in rows {
        // A hair of slack, so rounding never pushes a full page over.
        if row.height > left - 0.5 && current.len() > 1 {
            blocks.push(block(if blocks.is_empty() { gap } else { 0.0 }, current));
            current = vec![head.clone()];
            left = room - head.height;
        }
        left -= row.height;
        current.push(row);
    }
    blocks.push(block(if blocks.is_empty() { gap } else { 0.0 }, current));
    blocks
}

/// Pads a slide's rows to a whole page, so the next slide starts a new page.
pub fn slide(rows: Vec<Row>, page: PageSize) -> Block {
    let height: f32 = rows.iter().map(|r| r.height).sum();
    let mut rows = rows;
    let room = page.content_height() - height;
    // A hair short of the page, so rounding never pushes the padding over.
    if room > 1.0 {
        rows.push(Row::space(room - 0.5));
    }
    block(0.0, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_table_repeats_its_header_on_every_page_and_fills_each_page() {
        let head = Row::space(10.0);
        let mut rows = vec![head.clone()];
        rows.extend((0..30).map(|_| Row::space(20.0)));
        let blocks = table_pages(rows, 100.0, 200.0, 5.0);
        let heights: Vec<f32> = blocks.iter().map(Block::height).collect();
        // 10 + 4 x 20 on the first page, 10 + 9 x 20 on the others.
        assert_eq!(heights, [90.0, 190.0, 190.0, 170.0]);
        assert!(blocks.iter().all(|b| b.rows[0] == head));
        assert_eq!(blocks[0].gap_before, 5.0);
        let body_rows: usize = blocks.iter().map(|b| b.rows.len() - 1).sum();
        assert_eq!(body_rows, 30);
    }
}
