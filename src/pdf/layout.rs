//! Page layout: content is a list of blocks, each a stack of rows (a line of
//! text, a chart). Pagination places whole blocks, so a muscle's instructions
//! are never split when they fit on a page; only a block taller than a page is
//! broken, and then between rows, so nothing is clipped or dropped.
//!
//! Coordinates inside a row are points from the row's top-left, y down; the
//! renderer turns them into PDF coordinates (y up from the page's bottom).

use printpdf::{
    Line as PdfLine, LinePoint, Op, PaintMode, PdfDocument, PdfPage, PdfSaveOptions, Polygon,
    PolygonRing, Pt, Rect, WindingOrder,
};

use std::collections::BTreeSet;

use super::fonts::{font, MissingGlyph, Typeface};
use super::style::{Rgb, MM};
use super::text::{self, FontHandles, Line};

/// Something drawn in a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A line of text; `y` is its baseline.
    Text { x: f32, y: f32, line: Line },
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        paint: Paint,
    },
    Circle {
        x: f32,
        y: f32,
        radius: f32,
        paint: Paint,
    },
    /// A polygon (`closed`) or a polyline.
    Path {
        points: Vec<(f32, f32)>,
        closed: bool,
        paint: Paint,
    },
    /// Items drawn only inside a rectangle.
    Clip {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        items: Vec<Item>,
    },
}

/// How a shape is painted: filled, outlined (colour, width in points), or both.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paint {
    pub fill: Option<Rgb>,
    pub stroke: Option<(Rgb, f32)>,
}

impl Paint {
    pub fn fill(color: Rgb) -> Paint {
        Paint {
            fill: Some(color),
            stroke: None,
        }
    }

    pub fn stroke(color: Rgb, width: f32) -> Paint {
        Paint {
            fill: None,
            stroke: Some((color, width)),
        }
    }
}

/// A horizontal slice of a block; pages break only between rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub height: f32,
    pub items: Vec<Item>,
}

impl Row {
    pub fn space(height: f32) -> Row {
        Row {
            height,
            items: Vec::new(),
        }
    }
}

/// Content kept together on one page when it fits.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Block {
    /// Space above the block, dropped at the top of a page.
    pub gap_before: f32,
    pub rows: Vec<Row>,
    /// A background drawn behind the block (behind each part, if it is split).
    pub frame: Option<Frame>,
}

impl Block {
    pub fn height(&self) -> f32 {
        self.rows.iter().map(|r| r.height).sum()
    }
}

/// A tinted box behind a block, spanning the content width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub fill: Rgb,
    /// A bar down the left edge, in this colour.
    pub bar: Option<Rgb>,
}

/// Where a row goes: its page and the distance from the content top.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub page: usize,
    pub top: f32,
}

/// Places every row of every block on pages whose content area is `height`
/// points tall. A block that fits on the current page stays there; one that
/// fits on a page moves whole to the next; a taller one starts on the current
/// page and breaks between rows. Returns, per block, where each row goes.
pub fn paginate(blocks: &[Block], height: f32) -> Vec<Vec<Placed>> {
    let mut page = 0;
    let mut y = 0.0;
    let mut placed = Vec::with_capacity(blocks.len());
    for block in blocks {
        let gap = if y > 0.0 { block.gap_before } else { 0.0 };
        let block_height = block.height();
        if y + gap + block_height > height && y > 0.0 && block_height <= height {
            page += 1;
            y = 0.0;
        } else {
            y += gap;
        }
        let mut rows = Vec::with_capacity(block.rows.len());
        for row in &block.rows {
            if y + row.height > height && y > 0.0 {
                page += 1;
                y = 0.0;
            }
            rows.push(Placed { page, top: y });
            y += row.height;
        }
        placed.push(rows);
    }
    placed
}

/// The page: size and margins in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    pub width: f32,
    pub height: f32,
    pub margin_x: f32,
    pub margin_top: f32,
    /// Room below the content, the footer included.
    pub margin_bottom: f32,
}

impl PageSize {
    /// A page of `width` x `height` millimetres with the handout's margins.
    pub fn from_mm(width: f32, height: f32) -> PageSize {
        PageSize {
            width: width * MM,
            height: height * MM,
            margin_x: 16.0 * MM,
            margin_top: 14.0 * MM,
            margin_bottom: 20.0 * MM,
        }
    }

    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin_x
    }

    pub fn content_height(&self) -> f32 {
        self.height - self.margin_top - self.margin_bottom
    }
}

/// Lays `blocks` out on pages, adds each page's footer (given the page number
/// and the page count, it returns rows drawn from the footer's top) and returns
/// the PDF's bytes. Fails, rather than print a box, on a character no font has.
pub fn render(
    title: &str,
    page: PageSize,
    blocks: &[Block],
    footer: impl Fn(usize, usize) -> Row,
) -> Result<Vec<u8>, MissingGlyph> {
    let placed = paginate(blocks, page.content_height());
    let page_count = placed
        .iter()
        .flatten()
        .map(|p| p.page + 1)
        .max()
        .unwrap_or(1);
    let footers: Vec<Row> = (1..=page_count)
        .map(|number| footer(number, page_count))
        .collect();

    let mut lines = Vec::new();
    for row in blocks.iter().flat_map(|b| &b.rows).chain(&footers) {
        collect_lines(&row.items, &mut lines);
    }
    if let Some(missing) = lines.iter().find_map(|line| line.missing_glyph()) {
        return Err(missing);
    }
    let typefaces: BTreeSet<Typeface> = lines
        .iter()
        .flat_map(|line| line.glyphs.iter().map(|g| g.typeface))
        .collect();
    let mut doc = PdfDocument::new(title);
    let fonts: FontHandles = typefaces
        .into_iter()
        .filter_map(|typeface| Some((typeface, doc.add_font(font(typeface).pdf()?))))
        .collect();

    let mut pages: Vec<Vec<Op>> = vec![Vec::new(); page_count];
    for (block, rows) in blocks.iter().zip(&placed) {
        if let Some(frame) = block.frame {
            for (number, ops) in pages.iter_mut().enumerate() {
                let on_page: Vec<(&Row, &Placed)> = block
                    .rows
                    .iter()
                    .zip(rows)
                    .filter(|(_, p)| p.page == number)
                    .collect();
                if let (Some(first), Some(last)) = (on_page.first(), on_page.last()) {
                    let top = first.1.top;
                    let bottom = last.1.top + last.0.height;
                    draw_frame(frame, page, top, bottom, ops);
                }
            }
        }
        for (row, at) in block.rows.iter().zip(rows) {
            let origin = (page.margin_x, page.margin_top + at.top);
            for item in &row.items {
                draw(item, origin, page.height, &fonts, &mut pages[at.page]);
            }
        }
    }
    for (footer, ops) in footers.iter().zip(&mut pages) {
        let origin = (page.margin_x, page.height - page.margin_bottom + 8.0 * MM);
        for item in &footer.items {
            draw(item, origin, page.height, &fonts, ops);
        }
    }

    let pdf_pages = pages
        .into_iter()
        .map(|ops| {
            PdfPage::new(
                printpdf::Mm(page.width / MM),
                printpdf::Mm(page.height / MM),
                ops,
            )
        })
        .collect();
    Ok(doc
        .with_pages(pdf_pages)
        .save(&PdfSaveOptions::default(), &mut Vec::new()))
}

/// The lines of text among `items`, clipped ones included.
fn collect_lines<'a>(items: &'a [Item], lines: &mut Vec<&'a Line>) {
    for item in items {
        match item {
            Item::Text { line, .. } => lines.push(line),
            Item::Clip { items, .. } => collect_lines(items, lines),
            Item::Rect { .. } | Item::Circle { .. } | Item::Path { .. } => {}
        }
    }
}

fn draw_frame(frame: Frame, page: PageSize, top: f32, bottom: f32, ops: &mut Vec<Op>) {
    let origin = (page.margin_x, page.margin_top);
    let rect = |x: f32, width: f32, color: Rgb| Item::Rect {
        x,
        y: top,
        width,
        height: bottom - top,
        paint: Paint::fill(color),
    };
    let fonts = FontHandles::new();
    draw(
        &rect(0.0, page.content_width(), frame.fill),
        origin,
        page.height,
        &fonts,
        ops,
    );
    if let Some(bar) = frame.bar {
        draw(&rect(0.0, 1.2 * MM, bar), origin, page.height, &fonts, ops);
    }
}

/// Draws an item whose coordinates are relative to `origin` (points from the
/// page's top-left).
fn draw(item: &Item, origin: (f32, f32), page_height: f32, fonts: &FontHandles, ops: &mut Vec<Op>) {
    let at = |x: f32, y: f32| printpdf::Point {
        x: Pt(origin.0 + x),
        y: Pt(page_height - origin.1 - y),
    };
    match item {
        Item::Text { x, y, line } => {
            let p = at(*x, *y);
            text::draw(line, p.x.0, p.y.0, fonts, ops);
        }
        Item::Rect {
            x,
            y,
            width,
            height,
            paint,
        } => {
            let corners = [
                (*x, *y),
                (x + width, *y),
                (x + width, y + height),
                (*x, y + height),
            ];
            let points: Vec<_> = corners.iter().map(|&(x, y)| at(x, y)).collect();
            shape(&points, true, *paint, ops);
        }
        Item::Circle {
            x,
            y,
            radius,
            paint,
        } => {
            let points = circle(*x, *y, *radius)
                .into_iter()
                .map(|(px, py, bezier)| (at(px, py), bezier))
                .collect();
            paint_path(points, true, *paint, ops);
        }
        Item::Path {
            points,
            closed,
            paint,
        } => {
            let points: Vec<_> = points.iter().map(|&(x, y)| at(x, y)).collect();
            shape(&points, *closed, *paint, ops);
        }
        Item::Clip {
            x,
            y,
            width,
            height,
            items,
        } => {
            let bottom_left = at(*x, y + height);
            ops.push(Op::SaveGraphicsState);
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: bottom_left.x,
                    y: bottom_left.y,
                    width: Pt(*width),
                    height: Pt(*height),
                    mode: Some(PaintMode::Clip),
                    winding_order: Some(WindingOrder::NonZero),
                },
            });
            for item in items {
                draw(item, origin, page_height, fonts, ops);
            }
            ops.push(Op::RestoreGraphicsState);
        }
    }
}

fn shape(points: &[printpdf::Point], closed: bool, paint: Paint, ops: &mut Vec<Op>) {
    let points = points.iter().map(|&p| (p, false)).collect();
    paint_path(points, closed, paint, ops);
}

fn paint_path(points: Vec<(printpdf::Point, bool)>, closed: bool, paint: Paint, ops: &mut Vec<Op>) {
    let points: Vec<LinePoint> = points
        .into_iter()
        .map(|(p, bezier)| LinePoint { p, bezier })
        .collect();
    if let Some(color) = paint.fill {
        ops.push(Op::SetFillColor { col: color.into() });
    }
    if let Some((color, width)) = paint.stroke {
        ops.push(Op::SetOutlineColor { col: color.into() });
        ops.push(Op::SetOutlineThickness { pt: Pt(width) });
    }
    if !closed {
        if paint.stroke.is_some() {
            ops.push(Op::DrawLine {
                line: PdfLine {
                    points,
                    is_closed: false,
                },
            });
        }
        return;
    }
    let mode = match (paint.fill, paint.stroke) {
        (Some(_), Some(_)) => PaintMode::FillStroke,
        (Some(_), None) => PaintMode::Fill,
        (None, Some(_)) => PaintMode::Stroke,
        (None, None) => return,
    };
    ops.push(Op::DrawPolygon {
        polygon: Polygon {
            rings: vec![PolygonRing { points }],
            mode,
            winding_order: WindingOrder::NonZero,
        },
    });
}

/// A circle as four cubic Bézier arcs: (x, y, is_control_point).
fn circle(cx: f32, cy: f32, r: f32) -> Vec<(f32, f32, bool)> {
    // The standard control distance for a quarter circle.
    let k = 0.552_284_8 * r;
    vec![
        (cx + r, cy, false),
        (cx + r, cy + k, true),
        (cx + k, cy + r, true),
        (cx, cy + r, false),
        (cx - k, cy + r, true),
        (cx - r, cy + k, true),
        (cx - r, cy, false),
        (cx - r, cy - k, true),
        (cx - k, cy - r, true),
        (cx, cy - r, false),
        (cx + k, cy - r, true),
        (cx + r, cy - k, true),
        (cx + r, cy, false),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(gap: f32, rows: &[f32]) -> Block {
        Block {
            gap_before: gap,
            rows: rows.iter().map(|&h| Row::space(h)).collect(),
            frame: None,
        }
    }

    fn pages_of(placed: &[Vec<Placed>]) -> Vec<Vec<usize>> {
        placed
            .iter()
            .map(|rows| rows.iter().map(|p| p.page).collect())
            .collect()
    }

    #[test]
    fn blocks_that_fit_share_a_page_with_their_gaps() {
        let placed = paginate(&[block(10.0, &[20.0, 20.0]), block(10.0, &[30.0])], 100.0);
        assert_eq!(pages_of(&placed), [vec![0, 0], vec![0]]);
        // The first block's gap is dropped at the top of the page.
        assert_eq!(placed[0][0].top, 0.0);
        assert_eq!(placed[0][1].top, 20.0);
        assert_eq!(placed[1][0].top, 50.0);
    }

    #[test]
    fn a_block_that_does_not_fit_moves_whole_to_the_next_page() {
        let placed = paginate(&[block(0.0, &[60.0]), block(10.0, &[20.0, 20.0])], 100.0);
        assert_eq!(pages_of(&placed), [vec![0], vec![1, 1]]);
        // No gap at the top of the new page.
        assert_eq!(placed[1][0].top, 0.0);
    }

    #[test]
    fn a_block_taller_than_a_page_breaks_between_rows_and_keeps_every_row() {
        let placed = paginate(&[block(0.0, &[30.0]), block(5.0, &[40.0; 6])], 100.0);
        assert_eq!(pages_of(&placed), [vec![0], vec![0, 1, 1, 2, 2, 3]]);
        for rows in &placed {
            for p in rows {
                assert!(p.top + 40.0 <= 100.0, "{p:?}");
            }
        }
    }

    #[test]
    fn a_row_taller_than_a_page_gets_a_page_of_its_own_rather_than_a_loop() {
        let placed = paginate(
            &[
                block(0.0, &[10.0]),
                block(0.0, &[150.0]),
                block(0.0, &[10.0]),
            ],
            100.0,
        );
        assert_eq!(pages_of(&placed), [vec![0], vec![1], vec![2]]);
    }

    #[test]
    fn circles_close_on_their_start() {
        let points = circle(1.0, 2.0, 3.0);
        assert_eq!(
            points.first().map(|p| (p.0, p.1)),
            points.last().map(|p| (p.0, p.1))
        );
        assert_eq!(points.iter().filter(|p| !p.2).count(), 5);
    }
}
