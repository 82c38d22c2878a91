//! The trigger-point finder: "it hurts here" -> the muscles whose referral
//! zones cover that spot, most likely first, with the points to check.
//!
//! Pain is usually felt away from the trigger point that causes it, so the
//! finder looks at referral zones, not at points. For every muscle and both of
//! the client's sides it scores the zones drawn on the tapped view:
//!
//! - inside a zone counts fully; just outside counts at most half, fading to
//!   nothing at [`REACH`], so a tap on a zone's edge still suggests it;
//! - an essential (primary) zone counts more than a spillover zone;
//! - common patterns (higher prevalence) rank above rare ones.
//!
//! Each muscle appears once, on its better side.

use crate::atlas::{Atlas, Muscle, Side, View};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How far outside a zone a tap still suggests it, in chart heights
/// (0.05 is about 9 cm on an adult).
pub const REACH: f32 = 0.05;
/// Weight of a spillover zone relative to a primary one.
const SPILLOVER: f32 = 0.6;
/// Score of a tap just outside a zone relative to one inside it.
const OUTSIDE: f32 = 0.5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct FinderMatch {
    pub muscle_id: String,
    pub muscle_name: String,
    /// The client's side whose zone matched.
    pub side: Side,
    /// 0..1, higher is more likely; comparable between muscles of one search.
    pub score: f32,
    /// Whether the tap is inside one of the muscle's zones.
    pub contains: bool,
    /// Distance from the tap to the matching zone, in chart heights; 0 inside.
    pub distance: f32,
    /// All the muscle's trigger points (every view) placed on `side`.
    pub points: Vec<PointOnChart>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct PointOnChart {
    pub point_id: String,
    pub view: View,
    pub x: f32,
    pub y: f32,
    pub side: Side,
}

/// The muscles whose referral zones on `view` contain or lie near the chart
/// position (`x`, `y`), best first, at most one match per muscle.
///
/// A position that is not a real chart position (non-finite or outside 0..1)
/// matches nothing, so the result is empty rather than an error: the UI can
/// pass a raw pointer position and show "no match".
pub fn find(atlas: &Atlas, view: View, x: f32, y: f32) -> Vec<FinderMatch> {
    let on_chart = (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y);
    if !on_chart {
        return Vec::new();
    }
    let tap = [x, y];
    let tapped_side = Side::at(view, x);
    let mut matches: Vec<FinderMatch> = atlas
        .muscles()
        .filter_map(|m| best_fit(m, view, tap, tapped_side).map(|fit| to_match(m, fit)))
        .collect();
    matches.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.distance.total_cmp(&b.distance))
            .then_with(|| a.muscle_id.cmp(&b.muscle_id))
    });
    matches
}

#[derive(Clone, Copy)]
struct Fit {
    side: Side,
    score: f32,
    contains: bool,
    distance: f32,
}

/// The muscle's best zone on either side, or `None` if every zone is beyond
/// [`REACH`].
fn best_fit(m: &Muscle, view: View, tap: [f32; 2], tapped_side: Option<Side>) -> Option<Fit> {
    let likelihood = 0.5 + 0.5 * m.prevalence;
    let mut best: Option<Fit> = None;
    for &side in sides_on(view) {
        for zone in m.referral_zones.iter().filter(|z| z.view == view) {
            let polygon = zone.polygon_on(side);
            let contains = contains(&polygon, tap);
            let distance = if contains {
                0.0
            } else {
                distance_to_edges(&polygon, tap)
            };
            if distance > REACH {
                continue;
            }
            let proximity = if contains {
                1.0
            } else {
                OUTSIDE * (1.0 - distance / REACH).powi(2)
            };
            let weight = if zone.primary { 1.0 } else { SPILLOVER };
            let fit = Fit {
                side,
                score: proximity * weight * likelihood,
                contains,
                distance,
            };
            let improves = match best {
                None => true,
                Some(b) => better(fit, b, tapped_side),
            };
            if improves {
                best = Some(fit);
            }
        }
    }
    best
}

/// Higher score wins; on a tie (zones that cross the midline) the nearer zone,
/// then the side that was tapped.
fn better(a: Fit, b: Fit, tapped_side: Option<Side>) -> bool {
    if a.score != b.score {
        return a.score > b.score;
    }
    if a.distance != b.distance {
        return a.distance < b.distance;
    }
    Some(a.side) == tapped_side && Some(b.side) != tapped_side
}

fn to_match(m: &Muscle, fit: Fit) -> FinderMatch {
    let points = m
        .points
        .iter()
        .map(|p| {
            let (x, y) = p.on_side(fit.side);
            PointOnChart {
                point_id: p.id.clone(),
                view: p.view,
                x,
                y,
                side: fit.side,
            }
        })
        .collect();
    FinderMatch {
        muscle_id: m.id.clone(),
        muscle_name: m.name.clone(),
        side: fit.side,
        score: fit.score,
        contains: fit.contains,
        distance: fit.distance,
        points,
    }
}

/// Even-odd rule point-in-polygon test (the aspect does not matter here).
/// How many trigger points [`nearest_points`] suggests, at most and at least.
const NEARBY: usize = 5;
const MIN_OFFERED: usize = 3;

/// A trigger point near a tapped spot, on the side of the body it lies on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct NearbyPoint {
    pub muscle_id: String,
    pub muscle_name: String,
    pub point: PointOnChart,
    /// From the tap, in chart heights.
    pub distance: f32,
}

/// The trigger points on `view` nearest to (`x`, `y`), closest first, on both
/// sides: when a finding is charted there, these are the likely muscles. At most
/// one point per muscle and side; those beyond [`REACH`] only to make up the
/// minimum of three.
pub fn nearest_points(atlas: &Atlas, view: View, x: f32, y: f32) -> Vec<NearbyPoint> {
    let mut nearby: Vec<NearbyPoint> = Vec::new();
    for muscle in atlas.muscles() {
        for &side in sides_on(view) {
            let best = muscle
                .points
                .iter()
                .filter(|point| point.view == view)
                .map(|point| {
                    let (px, py) = point.on_side(side);
                    (point, px, py, chart_distance([x, y], [px, py]))
                })
                .min_by(|a, b| a.3.total_cmp(&b.3));
            if let Some((point, px, py, distance)) = best {
                nearby.push(NearbyPoint {
                    muscle_id: muscle.id.clone(),
                    muscle_name: muscle.name.clone(),
                    point: PointOnChart {
                        point_id: point.id.clone(),
                        view,
                        x: px,
                        y: py,
                        side,
                    },
                    distance,
                });
            }
        }
    }
    nearby.sort_by(|a, b| a.distance.total_cmp(&b.distance));
    let within_reach = nearby.iter().take_while(|p| p.distance <= REACH).count();
    // Always offer a few, even when the tap falls between points.
    nearby.truncate(within_reach.clamp(MIN_OFFERED, NEARBY));
    nearby
}

pub(crate) fn contains(polygon: &[[f32; 2]], [x, y]: [f32; 2]) -> bool {
    let mut inside = false;
    let mut j = polygon.len().wrapping_sub(1);
    for (i, &[xi, yi]) in polygon.iter().enumerate() {
        let [xj, yj] = polygon[j];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// Shortest distance from a point to the polygon's edges, in chart heights:
/// x is scaled by the chart aspect so that distances are the same both ways.
fn distance_to_edges(polygon: &[[f32; 2]], [x, y]: [f32; 2]) -> f32 {
    let a = Atlas::CHART_ASPECT;
    let p = [x * a, y];
    let n = polygon.len();
    (0..n)
        .map(|i| {
            let [x1, y1] = polygon[i];
            let [x2, y2] = polygon[(i + 1) % n];
            segment_distance(p, [x1 * a, y1], [x2 * a, y2])
        })
        .fold(f32::INFINITY, f32::min)
}

/// The client's sides a view shows. Front and back show both, mirrored about the
/// midline; a side view is a profile of the client's right side, so mirroring
/// it would invent a left side drawn on top of the right.
fn sides_on(view: View) -> &'static [Side] {
    match view {
        View::Side => &[Side::Right],
        View::Front | View::Back => &Side::BOTH,
    }
}

/// Distance between two chart positions, in chart heights.
fn chart_distance([x1, y1]: [f32; 2], [x2, y2]: [f32; 2]) -> f32 {
    let a = Atlas::CHART_ASPECT;
    ((x1 - x2) * a).hypot(y1 - y2)
}

fn segment_distance(p: [f32; 2], a: [f32; 2], b: [f32; 2]) -> f32 {
    let ab = [b[0] - a[0], b[1] - a[1]];
    let ap = [p[0] - a[0], p[1] - a[1]];
    let len2 = ab[0] * ab[0] + ab[1] * ab[1];
    let t = if len2 > 0.0 {
        ((ap[0] * ab[0] + ap[1] * ab[1]) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let d = [ap[0] - t * ab[0], ap[1] - t * ab[1]];
    (d[0] * d[0] + d[1] * d[1]).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Taps are written as anatomy: `d` is the offset from the body's midline
    /// toward the client's RIGHT in chart heights, `y` the height on the chart.
    /// These are landmarks of the built-in outline (see `taps_are_on_the_body`).
    fn front(d: f32, y: f32) -> (View, f32, f32) {
        (View::Front, 0.5 - d / Atlas::CHART_ASPECT, y)
    }
    fn back(d: f32, y: f32) -> (View, f32, f32) {
        (View::Back, 0.5 + d / Atlas::CHART_ASPECT, y)
    }

    fn temple() -> (View, f32, f32) {
        front(0.037, 0.062)
    }
    fn occiput() -> (View, f32, f32) {
        back(0.018, 0.085)
    }
    fn between_shoulder_blades() -> (View, f32, f32) {
        back(0.025, 0.245)
    }
    fn thumb_side_forearm() -> (View, f32, f32) {
        front(0.162, 0.42)
    }
    fn front_of_shoulder() -> (View, f32, f32) {
        front(0.108, 0.205)
    }
    fn vertex() -> (View, f32, f32) {
        back(0.006, 0.03)
    }
    fn foot() -> (View, f32, f32) {
        front(0.04, 0.97)
    }

    fn search((view, x, y): (View, f32, f32)) -> Vec<FinderMatch> {
        find(&Atlas::builtin(), view, x, y)
    }

    fn rank(matches: &[FinderMatch], muscle: &str) -> Option<usize> {
        matches.iter().position(|m| m.muscle_id == muscle)
    }

    fn names(matches: &[FinderMatch]) -> Vec<(&str, f32)> {
        matches
            .iter()
            .map(|m| (m.muscle_id.as_str(), m.score))
            .collect()
    }

    #[test]
    fn taps_are_on_the_body() {
        let atlas = Atlas::builtin();
        let taps = [
            temple(),
            occiput(),
            between_shoulder_blades(),
            thumb_side_forearm(),
            front_of_shoulder(),
            vertex(),
            foot(),
        ];
        for (view, x, y) in taps {
            let outline = atlas.outline(view).expect("outline");
            assert!(contains(&outline.polygons[0], [x, y]), "{view} {x} {y}");
        }
    }

    #[test]
    fn temple_headache_suggests_upper_trapezius_on_the_right() {
        let found = search(temple());
        let i = rank(&found, "core:upper-trapezius").expect("upper trapezius found");
        assert!(i < 3, "{:?}", names(&found));
        assert_eq!(found[i].side, Side::Right);
        assert!(found[i].contains);
        assert!(rank(&found, "core:semispinalis-capitis").is_some_and(|i| i < 3));
    }

    #[test]
    fn back_of_head_suggests_suboccipitals_or_splenius_cervicis() {
        let found = search(occiput());
        let top3 = &found[..3.min(found.len())];
        assert!(
            top3.iter()
                .any(|m| m.muscle_id == "core:suboccipitals"
                    || m.muscle_id == "core:splenius-cervicis"),
            "{:?}",
            names(&found)
        );
    }

    #[test]
    fn between_the_shoulder_blades_suggests_scalenes_and_levator() {
        let found = search(between_shoulder_blades());
        for muscle in ["core:scalenes", "core:levator-scapulae"] {
            assert!(
                rank(&found, muscle).is_some_and(|i| i < 4),
                "{muscle}: {:?}",
                names(&found)
            );
        }
    }

    #[test]
    fn thumb_side_forearm_suggests_scalenes_first() {
        let found = search(thumb_side_forearm());
        assert_eq!(found[0].muscle_id, "core:scalenes", "{:?}", names(&found));
        assert_eq!(found[0].side, Side::Right);
    }

    #[test]
    fn front_of_shoulder_suggests_infraspinatus() {
        let found = search(front_of_shoulder());
        assert_eq!(
            found[0].muscle_id,
            "core:infraspinatus",
            "{:?}",
            names(&found)
        );
    }

    #[test]
    fn top_of_head_suggests_splenius_capitis() {
        let found = search(vertex());
        assert!(
            rank(&found, "core:splenius-capitis").is_some_and(|i| i < 3),
            "{:?}",
            names(&found)
        );
    }

    #[test]
    fn a_tap_on_the_left_finds_the_left_side_with_mirrored_points() {
        let (view, x, y) = temple();
        let found = find(&Atlas::builtin(), view, 1.0 - x, y);
        let trap = found
            .iter()
            .find(|m| m.muscle_id == "core:upper-trapezius")
            .expect("upper trapezius found");
        assert_eq!(trap.side, Side::Left);
        let atlas = Atlas::builtin();
        let muscle = atlas.muscle("core:upper-trapezius").expect("muscle");
        assert_eq!(trap.points.len(), muscle.points.len());
        for (found, point) in trap.points.iter().zip(&muscle.points) {
            assert_eq!(found.side, Side::Left);
            assert!((found.x - (1.0 - point.x)).abs() < 1e-6);
            assert_eq!(found.y, point.y);
        }
    }

    #[test]
    fn far_from_every_zone_finds_nothing() {
        assert!(search(foot()).is_empty());
    }

    #[test]
    fn positions_off_the_chart_find_nothing() {
        let atlas = Atlas::builtin();
        let (view, x, y) = temple();
        assert!(find(&atlas, view, f32::NAN, y).is_empty());
        assert!(find(&atlas, view, x, f32::INFINITY).is_empty());
        assert!(find(&atlas, view, -0.1, y).is_empty());
        assert!(find(&atlas, view, x, 1.1).is_empty());
        assert!(find(&atlas, View::Side, x, y).is_empty());
    }

    #[test]
    fn results_are_ranked_scored_and_one_per_muscle() {
        for tap in [temple(), occiput(), between_shoulder_blades(), vertex()] {
            let found = search(tap);
            assert!(!found.is_empty());
            for pair in found.windows(2) {
                assert!(pair[0].score >= pair[1].score);
                assert_ne!(pair[0].muscle_id, pair[1].muscle_id);
            }
            let mut ids: Vec<_> = found.iter().map(|m| &m.muscle_id).collect();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), found.len());
            for m in &found {
                assert!((0.0..=1.0).contains(&m.score));
                assert_eq!(m.contains, m.distance == 0.0);
                assert!(m.distance <= REACH);
            }
        }
    }

    #[test]
    fn distance_is_isotropic() {
        let square = [[0.4, 0.4], [0.6, 0.4], [0.6, 0.6], [0.4, 0.6]];
        let a = Atlas::CHART_ASPECT;
        // 0.01 chart heights to the right of the square, then 0.01 below it.
        let right = distance_to_edges(&square, [0.6 + 0.01 / a, 0.5]);
        let below = distance_to_edges(&square, [0.5, 0.61]);
        assert!((right - 0.01).abs() < 1e-5 && (below - 0.01).abs() < 1e-5);
        assert!(contains(&square, [0.5, 0.5]));
        assert!(!contains(&square, [0.7, 0.5]));
    }

    #[test]
    fn nearest_points_put_the_tapped_point_first_on_its_side() {
        let atlas = Atlas::builtin();
        let trapezius = atlas.muscle("core:upper-trapezius").expect("built in");
        let point = trapezius
            .points
            .iter()
            .find(|p| p.view == View::Back)
            .expect("back point");
        let (x, y) = point.on_side(Side::Left);
        let nearby = nearest_points(&atlas, View::Back, x, y);
        assert_eq!(nearby[0].muscle_id, "core:upper-trapezius");
        assert_eq!(nearby[0].point.side, Side::Left);
        assert!(nearby[0].distance < 1e-6);
        assert!((MIN_OFFERED..=NEARBY).contains(&nearby.len()));
        assert!(nearby.windows(2).all(|w| w[0].distance <= w[1].distance));
    }

    #[test]
    fn nearest_points_offer_a_few_even_far_from_any_point() {
        let nearby = nearest_points(&Atlas::builtin(), View::Front, 0.41, 0.97);
        assert_eq!(nearby.len(), MIN_OFFERED);
    }
}
