//! The body chart: the atlas outlines drawn as vector paths, zoomed to the part
//! of the body that has points, with a numbered badge per muscle.
//!
//! Points on the neck sit a few millimetres apart, so badges are not drawn on
//! the points: each point gets a small dot, and its number goes in a column
//! beside the figure (left column for points left of the midline, right for
//! the others), joined to the dot by a thin leader line. Badges in a column are
//! spread so they never overlap.

use crate::atlas::{Atlas, BodyOutline, Polygon, View};

use super::layout::{Item, Paint, Row};
use super::style::{self, Rgb, MM};
use super::text::one_line;

/// A numbered point to mark, in chart coordinates (0..1 across and down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marker {
    pub number: usize,
    pub x: f32,
    pub y: f32,
}

/// One view of the chart with its markers and shaded zones.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartView {
    pub view: View,
    pub outline: BodyOutline,
    pub markers: Vec<Marker>,
    /// Referral zones drawn under the markers (the atlas review sheet's).
    pub zones: Vec<Shade>,
}

/// A referral zone to shade: essential ones darker than spillover.
#[derive(Debug, Clone, PartialEq)]
pub struct Shade {
    pub polygon: Polygon,
    pub essential: bool,
}

/// The views that have markers, front before back, each with its markers. A
/// view the atlas has no outline for (a removed plugin's) is left out.
pub fn views(markers: &[(View, Marker)], atlas: &Atlas) -> Vec<ChartView> {
    View::ALL
        .into_iter()
        .filter_map(|view| {
            let on_view: Vec<Marker> = markers
                .iter()
                .filter(|(v, _)| *v == view)
                .map(|(_, m)| *m)
                .collect();
            let outline = atlas.outline(view)?.clone();
            (!on_view.is_empty()).then_some(ChartView {
                view,
                outline,
                markers: on_view,
                zones: Vec::new(),
            })
        })
        .collect()
}

const BADGE_RADIUS: f32 = 2.6 * MM;
const DOT_RADIUS: f32 = 1.1 * MM;
/// Width of a badge column beside a figure.
const COLUMN: f32 = 9.0 * MM;
const PANEL_GAP: f32 = 8.0 * MM;
/// How a chart row frames its views.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Framing {
    /// A band of at least a third of the body around the points, as wide as
    /// the body there, up to 95 mm tall: the client recognises the shape.
    Body,
    /// Close around the points and zones, up to 70 mm tall: a hand's points
    /// fill the figure (the atlas review sheet).
    Close,
}

impl Framing {
    fn max_height(self) -> f32 {
        match self {
            Framing::Body => 95.0 * MM,
            Framing::Close => 70.0 * MM,
        }
    }
}
/// Space above a figure for its caption.
const CAPTION: f32 = 9.0 * MM;

/// The part of the chart shown: chart coordinates `x0..x1` across, `y0..y1` down.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Crop {
    x0: f32,
    x1: f32,
    y0: f32,
    y1: f32,
}

/// Every point of the markers and zones of the views.
fn content<'a>(
    views: impl Iterator<Item = &'a ChartView> + 'a,
) -> impl Iterator<Item = [f32; 2]> + 'a {
    views.flat_map(|v| {
        let zones = v.zones.iter().flat_map(|z| z.polygon.iter().copied());
        v.markers.iter().map(|m| [m.x, m.y]).chain(zones)
    })
}

/// The part of each view shown. The body framing shows the same band on every
/// view of the body, so front and back are drawn at one scale and line up; the
/// soles have coordinates of their own and are shown whole. The close framing
/// fits each view to its own content.
fn crops(views: &[ChartView], framing: Framing) -> Vec<Crop> {
    let band = body_band(views);
    views
        .iter()
        .map(|view| match (framing, view.view) {
            (Framing::Body, View::Soles) => whole(view),
            (Framing::Body, _) => band,
            (Framing::Close, _) => close_crop(view),
        })
        .collect()
}

/// The whole drawing of a view (both soles), with a small margin.
fn whole(view: &ChartView) -> Crop {
    let (mut x0, mut x1, mut y0, mut y1) = (1.0_f32, 0.0_f32, 1.0_f32, 0.0_f32);
    for &[x, y] in view.outline.polygons.iter().flatten() {
        (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
    }
    Crop {
        x0: (x0 - 0.02).max(0.0),
        x1: (x1 + 0.02).min(1.0),
        y0: (y0 - 0.02).max(0.0),
        y1: (y1 + 0.02).min(1.0),
    }
}

/// Close around the view's content, with a margin, at least a tenth of the
/// body tall; the whole sole on the soles view, so it is recognisable.
fn close_crop(view: &ChartView) -> Crop {
    const MARGIN: f32 = 0.03;
    const SMALLEST: f32 = 0.1;
    let sole = match view.view {
        View::Soles => view.outline.polygons.first().cloned().unwrap_or_default(),
        _ => Vec::new(),
    };
    let (mut x0, mut x1, mut y0, mut y1) = (1.0_f32, 0.0_f32, 1.0_f32, 0.0_f32);
    for [x, y] in content(std::iter::once(view)).chain(sole) {
        (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
    }
    let grow = |lo: f32, hi: f32, margin: f32, smallest: f32| {
        let extra = (smallest - (hi - lo)).max(0.0) / 2.0;
        (
            (lo - margin - extra).max(0.0),
            (hi + margin + extra).min(1.0),
        )
    };
    let across = |v: f32| v / Atlas::CHART_ASPECT;
    let (x0, x1) = grow(x0, x1, across(MARGIN), across(SMALLEST));
    let (y0, y1) = grow(y0, y1, MARGIN, SMALLEST);
    Crop { x0, x1, y0, y1 }
}

/// The band of the body around the markers and zones of every view of the
/// body (not the soles), wide enough to show the body's outline at that height.
fn body_band(views: &[ChartView]) -> Crop {
    let body = || views.iter().filter(|v| v.view != View::Soles);
    let lowest = content(body()).fold(1.0_f32, |low, [_, y]| low.min(y));
    let highest = content(body()).fold(0.0_f32, |high, [_, y]| high.max(y));
    let (mut y0, mut y1) = ((lowest - 0.12).max(0.0), (highest + 0.12).min(1.0));
    // Show at least a third of the body, so the client recognises the shape.
    let short = 0.33 - (y1 - y0);
    if short > 0.0 {
        y0 = (y0 - short / 2.0).max(0.0);
        y1 = (y0 + 0.33).min(1.0);
        y0 = y0.min(y1 - 0.33).max(0.0);
    }
    // Snap to the top of the head when close, rather than cutting it off.
    if y0 < 0.08 {
        y0 = 0.0;
    }
    let in_band = body()
        .flat_map(|v| v.outline.polygons.iter().flatten())
        .filter(|[_, y]| (y0..=y1).contains(y));
    let (mut x0, mut x1) = (0.5_f32, 0.5_f32);
    for [x, _] in in_band {
        x0 = x0.min(*x);
        x1 = x1.max(*x);
    }
    Crop {
        x0: (x0 - 0.03).max(0.0),
        x1: (x1 + 0.03).min(1.0),
        y0,
        y1,
    }
}

/// The words around the figures, in the document's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Captions {
    /// Each view's title ("Front"), in [`View`] order.
    pub titles: [String; 5],
    pub your_left: String,
    pub your_right: String,
}

impl Captions {
    pub fn english() -> Captions {
        Captions {
            titles: View::ALL.map(|view| view.title().to_owned()),
            your_left: "Your left".into(),
            your_right: "Your right".into(),
        }
    }

    fn title(&self, view: View) -> &str {
        let index = View::ALL.iter().position(|v| *v == view).unwrap_or(0);
        &self.titles[index]
    }
}

/// The chart as one row, `width` points wide: the views side by side.
pub fn chart_row(views: &[ChartView], width: f32, framing: Framing, captions: &Captions) -> Row {
    if views.is_empty() {
        return Row::default();
    }
    let count = views.len() as f32;
    let slot = (width - PANEL_GAP * (count - 1.0)) / count;
    let mut items = Vec::new();
    let mut bottom: f32 = 0.0;
    for (i, (view, crop)) in views.iter().zip(crops(views, framing)).enumerate() {
        let crop_width = (crop.x1 - crop.x0) * Atlas::CHART_ASPECT;
        let crop_height = crop.y1 - crop.y0;
        // Points per chart unit: as large as the slot and the height cap allow.
        let scale = ((slot - 2.0 * COLUMN) / crop_width).min(framing.max_height() / crop_height);
        let figure_width = crop_width * scale;
        let slot_left = i as f32 * (slot + PANEL_GAP);
        let figure = Figure {
            left: slot_left + (slot - figure_width) / 2.0,
            top: CAPTION,
            crop,
            scale,
        };
        items.extend(caption(view.view, &figure, figure_width, captions));
        items.push(figure.body(&view.outline, &view.zones));
        let (badges, lowest) = figure.markers(&view.markers);
        items.extend(badges);
        bottom = bottom.max(lowest).max(CAPTION + crop_height * scale);
    }
    Row {
        height: bottom + 2.0 * MM,
        items,
    }
}

/// Where one view is drawn in the row.
struct Figure {
    left: f32,
    top: f32,
    crop: Crop,
    /// Points per chart unit.
    scale: f32,
}

impl Figure {
    fn at(&self, x: f32, y: f32) -> (f32, f32) {
        (
            self.left + (x - self.crop.x0) * Atlas::CHART_ASPECT * self.scale,
            self.top + (y - self.crop.y0) * self.scale,
        )
    }

    fn width(&self) -> f32 {
        (self.crop.x1 - self.crop.x0) * Atlas::CHART_ASPECT * self.scale
    }

    fn height(&self) -> f32 {
        (self.crop.y1 - self.crop.y0) * self.scale
    }

    /// The silhouette, its zones and its orientation lines, cut to the crop.
    fn body(&self, outline: &BodyOutline, zones: &[Shade]) -> Item {
        let path = |points: &Vec<[f32; 2]>, closed: bool, paint: Paint| Item::Path {
            points: points.iter().map(|&[x, y]| self.at(x, y)).collect(),
            closed,
            paint,
        };
        let silhouette = Paint {
            fill: Some(style::BODY_FILL),
            stroke: Some((style::BODY_LINE, 0.9)),
        };
        let mut items: Vec<Item> = outline
            .polygons
            .iter()
            .map(|p| path(p, true, silhouette))
            .collect();
        items.extend(zones.iter().map(|zone| {
            let fill = if zone.essential {
                style::ZONE_ESSENTIAL
            } else {
                style::ZONE_SPILLOVER
            };
            let paint = Paint {
                fill: Some(fill),
                stroke: Some((style::ZONE_LINE, 0.4)),
            };
            path(&zone.polygon, true, paint)
        }));
        items.extend(
            outline
                .details
                .iter()
                .map(|d| path(d, false, Paint::stroke(style::BODY_LINE, 0.6))),
        );
        Item::Clip {
            x: self.left,
            y: self.top,
            width: self.width(),
            height: self.height(),
            items,
        }
    }

    /// Dots on the points, numbered badges in the columns beside the figure,
    /// and leader lines between them. Also returns how far down they reach.
    fn markers(&self, markers: &[Marker]) -> (Vec<Item>, f32) {
        let mut items = Vec::new();
        let mut lowest = 0.0_f32;
        let columns = [
            (self.left - COLUMN / 2.0, true),
            (self.left + self.width() + COLUMN / 2.0, false),
        ];
        for (column_x, left_half) in columns {
            let badges = badges_in_column(
                markers
                    .iter()
                    .filter(|m| (m.x < 0.5) == left_half)
                    .map(|m| (m.number, self.at(m.x, m.y))),
                self.top + BADGE_RADIUS,
            );
            for badge in badges {
                lowest = lowest.max(badge.y + BADGE_RADIUS);
                for &(dot_x, dot_y) in &badge.dots {
                    items.push(leader((column_x, badge.y), (dot_x, dot_y)));
                }
                for &(dot_x, dot_y) in &badge.dots {
                    items.push(Item::Circle {
                        x: dot_x,
                        y: dot_y,
                        radius: DOT_RADIUS,
                        paint: Paint {
                            fill: Some(style::MARKER),
                            stroke: Some((Rgb::WHITE, 0.6)),
                        },
                    });
                }
                items.extend(badge_items(column_x, badge.y, badge.number));
            }
        }
        (items, lowest)
    }
}

/// The caption above a figure ("Front") and which side is the client's.
fn caption(view: View, figure: &Figure, width: f32, captions: &Captions) -> Vec<Item> {
    let name = captions.title(view);
    let mut items = Vec::new();
    let title = one_line(name, &style::BODY_BOLD);
    let title_width = title.width();
    let baseline = CAPTION - 3.0 * MM;
    items.push(Item::Text {
        x: figure.left + (width - title_width) / 2.0,
        y: baseline,
        line: title,
    });
    // Left and right are the client's own: on the front view their right is
    // on the viewer's left.
    let (your_left, your_right) = (captions.your_left.as_str(), captions.your_right.as_str());
    let sides = match view {
        View::Front => Some((your_right, your_left)),
        View::Back | View::Soles => Some((your_left, your_right)),
        View::RightSide | View::LeftSide => None,
    };
    if let Some((left, right)) = sides {
        let left = one_line(left, &style::SMALL);
        let right = one_line(right, &style::SMALL);
        // They start in the columns beside the figure; a narrow figure has no
        // room for them beside its title.
        let reach = left.width().max(right.width()) - COLUMN + 2.0 * MM;
        if width < title_width + 2.0 * reach {
            return items;
        }
        items.push(Item::Text {
            x: figure.left - COLUMN,
            y: baseline,
            line: left,
        });
        items.push(Item::Text {
            x: figure.left + width + COLUMN - right.width(),
            y: baseline,
            line: right,
        });
    }
    items
}

fn leader(from: (f32, f32), to: (f32, f32)) -> Item {
    // Start at the badge's edge, not its centre.
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = (dx * dx + dy * dy).sqrt().max(f32::EPSILON);
    let start = (
        from.0 + dx / length * BADGE_RADIUS,
        from.1 + dy / length * BADGE_RADIUS,
    );
    Item::Path {
        points: vec![start, to],
        closed: false,
        paint: Paint::stroke(style::MARKER, 0.6),
    }
}

fn badge_items(x: f32, y: f32, number: usize) -> Vec<Item> {
    let label = one_line(&number.to_string(), &style::MARKER_NUMBER);
    vec![
        Item::Circle {
            x,
            y,
            radius: BADGE_RADIUS,
            paint: Paint::fill(style::MARKER),
        },
        Item::Text {
            x: x - label.width() / 2.0,
            // Digits are about 0.71 em tall in Noto Sans: centre them.
            y: y + 0.71 * style::MARKER_NUMBER.size / 2.0,
            line: label,
        },
    ]
}

/// A badge in a column: its number, its centre's y, and the dots it points to.
#[derive(Debug, Clone, PartialEq)]
struct Badge {
    number: usize,
    y: f32,
    dots: Vec<(f32, f32)>,
}

/// One badge per number in a column, each as close to its dots' height as it
/// can be without overlapping a neighbour or going above `top`.
fn badges_in_column(dots: impl Iterator<Item = (usize, (f32, f32))>, top: f32) -> Vec<Badge> {
    let mut badges: Vec<Badge> = Vec::new();
    for (number, dot) in dots {
        match badges.iter_mut().find(|b| b.number == number) {
            Some(badge) => badge.dots.push(dot),
            None => badges.push(Badge {
                number,
                y: 0.0,
                dots: vec![dot],
            }),
        }
    }
    for badge in &mut badges {
        badge.y = badge.dots.iter().map(|d| d.1).sum::<f32>() / badge.dots.len() as f32;
    }
    badges.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.number.cmp(&b.number)));
    let spacing = 2.0 * BADGE_RADIUS + 0.8 * MM;
    // Badges that would overlap form a group spaced evenly around the mean of
    // where its members want to be; a group that then reaches into the one
    // above merges with it. That keeps each badge as close to its point as the
    // crowd allows.
    struct Group {
        first: usize,
        len: usize,
        top: f32,
    }
    let wanted: Vec<f32> = badges.iter().map(|b| b.y).collect();
    let mut groups: Vec<Group> = Vec::new();
    for (i, &y) in wanted.iter().enumerate() {
        groups.push(Group {
            first: i,
            len: 1,
            top: y,
        });
        while let [.., above, below] = groups.as_slice() {
            if below.top >= above.top + above.len as f32 * spacing {
                break;
            }
            let (first, len) = (above.first, above.len + below.len);
            let top = (0..len)
                .map(|k| wanted[first + k] - k as f32 * spacing)
                .sum::<f32>()
                / len as f32;
            groups.truncate(groups.len() - 2);
            groups.push(Group { first, len, top });
        }
    }
    let mut floor = top;
    for group in &groups {
        let group_top = group.top.max(floor);
        for k in 0..group.len {
            badges[group.first + k].y = group_top + k as f32 * spacing;
        }
        floor = group_top + group.len as f32 * spacing;
    }
    badges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn views(markers: Vec<Marker>) -> Vec<ChartView> {
        let atlas = Atlas::builtin();
        vec![ChartView {
            view: View::Back,
            outline: atlas.outline(View::Back).cloned().expect("back outline"),
            markers,
            zones: Vec::new(),
        }]
    }

    #[test]
    fn neck_points_zoom_to_the_head_and_shoulders() {
        let crop = body_band(&views(vec![
            Marker {
                number: 1,
                x: 0.64,
                y: 0.18,
            },
            Marker {
                number: 2,
                x: 0.54,
                y: 0.11,
            },
        ]));
        assert_eq!(crop.y0, 0.0);
        assert!(crop.y1 > 0.3 && crop.y1 < 0.4, "{crop:?}");
        assert!(crop.x0 > 0.05 && crop.x1 < 0.95, "{crop:?}");
    }

    #[test]
    fn a_point_low_on_the_body_shows_a_third_of_the_body_around_it() {
        let crop = body_band(&views(vec![Marker {
            number: 1,
            x: 0.6,
            y: 0.9,
        }]));
        assert!(crop.y0 <= 0.9 - 0.1 && crop.y1 >= 0.95, "{crop:?}");
        assert!((crop.y1 - crop.y0) >= 0.33 - 1e-6, "{crop:?}");
    }

    #[test]
    fn crowded_badges_never_overlap_and_stay_near_their_points() {
        let dots = [(1, 0.0), (2, 1.0), (3, 2.0), (4, 2.5), (5, 100.0)]
            .map(|(n, y)| (n, (0.0, 100.0 + y)));
        let badges = badges_in_column(dots.into_iter(), 0.0);
        assert_eq!(badges.len(), 5);
        for pair in badges.windows(2) {
            assert!(pair[1].y - pair[0].y >= 2.0 * BADGE_RADIUS, "{badges:?}");
        }
        // The lone point further down keeps its own height.
        assert_eq!(badges[4].y, 200.0);
        // The crowd spreads around where its points are.
        assert!(badges[0].y < 101.0 && badges[3].y > 102.0, "{badges:?}");
    }

    #[test]
    fn one_badge_serves_every_point_of_a_number_in_a_column() {
        let dots = [(1, (0.0, 10.0)), (1, (5.0, 30.0)), (2, (0.0, 50.0))];
        let badges = badges_in_column(dots.into_iter(), 0.0);
        assert_eq!(badges.len(), 2);
        assert_eq!(badges[0].dots.len(), 2);
        assert_eq!(badges[0].y, 20.0);
    }

    #[test]
    fn a_close_framing_fills_the_figure_with_a_hands_points() {
        // A point on the back of the right hand.
        let hand = views(vec![Marker {
            number: 1,
            x: 0.9,
            y: 0.52,
        }]);
        let close = crops(&hand, Framing::Close)[0];
        assert!(close.y1 - close.y0 < 0.2, "{close:?}");
        assert!(close.x0 > 0.7, "{close:?}");
        let body = crops(&hand, Framing::Body)[0];
        assert!(body.y1 - body.y0 >= 0.33, "{body:?}");
    }

    #[test]
    fn the_chart_row_fits_the_width_given() {
        let row = chart_row(
            &views(vec![Marker {
                number: 1,
                x: 0.64,
                y: 0.18,
            }]),
            400.0,
            Framing::Body,
            &Captions::english(),
        );
        assert!(row.height > 100.0);
        for item in &row.items {
            if let Item::Circle { x, .. } = item {
                assert!((0.0..=400.0).contains(x), "{x}");
            }
        }
    }
}
