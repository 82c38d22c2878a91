//! The trigger-point finder: "it hurts here" -> the muscles whose referral
//! zones cover the pain, most likely first, with the points to check.
//!
//! Pain is usually felt away from the trigger point that causes it, so the
//! finder looks at referral zones, not at points. The client's pain drawing is
//! one or more spots, each on any view; a zone is drawn on every view where its
//! skin shows, so a spot on the side of the head finds the same muscles as one
//! on the temple from the front. For every muscle and both of the client's
//! sides, each spot scores the muscle's best zone on the spot's view:
//!
//! - inside a zone counts fully; just outside counts at most half, fading to
//!   nothing at [`REACH`], so a spot on a zone's edge still suggests it;
//! - an essential zone counts more than a spillover zone.
//!
//! A muscle's score is the mean over the spots: the share of the pain drawing
//! its pattern covers. Equal scores are ordered by prevalence (the common
//! culprit first), then by closeness. Each muscle appears once, on its better
//! side, with its trigger points nearest to the pain first.

use crate::atlas::{contains, Atlas, Muscle, ReferralZone, Side, View};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How far outside a zone a spot still suggests it, in chart heights
/// (0.05 is about 9 cm on an adult).
pub const REACH: f32 = 0.05;
/// Weight of a spillover zone relative to an essential one.
const SPILLOVER: f32 = 0.6;
/// Score of a spot just outside a zone relative to one inside it.
const OUTSIDE: f32 = 0.5;

/// A place where the client feels pain, on one view of the chart.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Spot {
    pub view: View,
    pub x: f32,
    pub y: f32,
}

impl Spot {
    fn on_chart(&self) -> bool {
        (0.0..=1.0).contains(&self.x) && (0.0..=1.0).contains(&self.y)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct FinderMatch {
    pub muscle_id: String,
    pub muscle_name: String,
    /// The client's side whose zones matched.
    pub side: Side,
    /// 0..1, higher is more likely: the share of the pain the pattern covers,
    /// essential zones counting more than spillover.
    pub score: f32,
    /// Whether every spot is inside one of the muscle's zones.
    pub contains: bool,
    /// Whether an essential zone (not only spillover) covers a spot.
    pub essential: bool,
    /// Mean distance from the spots to the matching zones, in chart heights;
    /// 0 when every spot is inside.
    pub distance: f32,
    /// All the muscle's trigger points (every view) placed on `side`, those
    /// nearest to the pain first.
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

/// The muscles whose referral zones cover or lie near the pain `spots`, best
/// first, at most one match per muscle.
///
/// Spots that are not real chart positions (non-finite or outside 0..1) are
/// ignored, so the UI can pass raw pointer positions; with none left the
/// result is empty rather than an error.
pub fn find(atlas: &Atlas, spots: &[Spot]) -> Vec<FinderMatch> {
    let spots: Vec<Spot> = spots.iter().copied().filter(Spot::on_chart).collect();
    if spots.is_empty() {
        return Vec::new();
    }
    let mut matches: Vec<(f32, FinderMatch)> = atlas
        .muscles()
        .filter_map(|m| {
            let fit = Side::BOTH
                .iter()
                .filter_map(|&side| fit(m, side, &spots))
                .reduce(|a, b| if better(b, a, &spots) { b } else { a })?;
            Some((m.prevalence, to_match(m, fit, &spots)))
        })
        .collect();
    matches.sort_by(|(pa, a), (pb, b)| {
        b.score
            .total_cmp(&a.score)
            .then(pb.total_cmp(pa))
            .then(a.distance.total_cmp(&b.distance))
            .then_with(|| a.muscle_id.cmp(&b.muscle_id))
    });
    matches.into_iter().map(|(_, m)| m).collect()
}

#[derive(Clone, Copy)]
struct Fit {
    side: Side,
    score: f32,
    contains: bool,
    essential: bool,
    distance: f32,
}

/// How well the muscle's zones on `side` cover the spots, or `None` if every
/// spot is beyond [`REACH`] of every zone.
fn fit(m: &Muscle, side: Side, spots: &[Spot]) -> Option<Fit> {
    // Only the zones on a view that was tapped are placed (copied) on the side.
    let tapped =
        |zone: &&ReferralZone| spots.iter().any(|s| side.place(zone.view, 0.0).0 == s.view);
    let zones: Vec<_> = m
        .referral_zones
        .iter()
        .filter(tapped)
        .map(|z| z.on_side(side))
        .collect();
    let mut total = Fit {
        side,
        score: 0.0,
        contains: true,
        essential: false,
        distance: 0.0,
    };
    let mut reached = false;
    for spot in spots {
        let tap = [spot.x, spot.y];
        // (score, inside, essential, distance) of the best zone for this spot.
        let best = zones
            .iter()
            .filter(|z| z.view == spot.view)
            .filter_map(|zone| {
                let inside = contains(&zone.polygon, tap);
                let distance = if inside {
                    0.0
                } else {
                    distance_to_edges(&zone.polygon, tap)
                };
                let proximity = if inside {
                    1.0
                } else if distance <= REACH {
                    OUTSIDE * (1.0 - distance / REACH).powi(2)
                } else {
                    return None;
                };
                let weight = if zone.primary { 1.0 } else { SPILLOVER };
                Some((proximity * weight, inside, zone.primary, distance))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.3.total_cmp(&a.3)));
        match best {
            Some((score, inside, essential, distance)) => {
                reached = true;
                total.score += score;
                total.contains &= inside;
                total.essential |= essential;
                total.distance += distance;
            }
            None => {
                total.contains = false;
                total.distance += REACH;
            }
        }
    }
    let n = spots.len() as f32;
    total.score /= n;
    total.distance /= n;
    reached.then_some(total)
}

/// Higher score wins; on a tie (zones that cross the midline) the nearer one,
/// then the side most spots are on.
fn better(a: Fit, b: Fit, spots: &[Spot]) -> bool {
    if a.score != b.score {
        return a.score > b.score;
    }
    if a.distance != b.distance {
        return a.distance < b.distance;
    }
    let on = |side: Side| {
        spots
            .iter()
            .filter(|s| Side::at(s.view, s.x) == Some(side))
            .count()
    };
    on(a.side) > on(b.side)
}

fn to_match(m: &Muscle, fit: Fit, spots: &[Spot]) -> FinderMatch {
    let mut points: Vec<(f32, PointOnChart)> = m
        .points
        .iter()
        .map(|p| {
            let (view, x, y) = p.on_side(fit.side);
            let nearest = spots
                .iter()
                .filter(|s| s.view == view)
                .map(|s| chart_distance([s.x, s.y], [x, y]))
                .fold(f32::INFINITY, f32::min);
            let point = PointOnChart {
                point_id: p.id.clone(),
                view,
                x,
                y,
                side: fit.side,
            };
            (nearest, point)
        })
        .collect();
    // Stable: points on views without a spot keep the atlas's order, last.
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    FinderMatch {
        muscle_id: m.id.clone(),
        muscle_name: m.name.clone(),
        side: fit.side,
        score: fit.score,
        contains: fit.contains,
        essential: fit.essential,
        distance: fit.distance,
        points: points.into_iter().map(|(_, p)| p).collect(),
    }
}

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
        for side in Side::BOTH {
            let best = muscle
                .points
                .iter()
                .map(|point| (point, point.on_side(side)))
                .filter(|(_, (on, _, _))| *on == view)
                .map(|(point, (_, px, py))| (point, px, py, chart_distance([x, y], [px, py])))
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
    use crate::atlas::{
        AreaShape, ReferralAreas, Region, RegionPack, SkinArea, Stretch, Technique, TriggerPoint,
    };

    fn square(view: View, x: f32, y: f32) -> AreaShape {
        let d = 0.02;
        AreaShape {
            view,
            polygon: vec![
                [x - d, y - d],
                [x + d, y - d],
                [x + d, y + d],
                [x - d, y + d],
            ],
        }
    }

    fn area(name: &str, shapes: Vec<AreaShape>) -> SkinArea {
        SkinArea {
            id: format!("t:{name}"),
            name: name.into(),
            shapes,
        }
    }

    fn muscle(name: &str, prevalence: f32, essential: &[&str], spillover: &[&str]) -> Muscle {
        let ids = |names: &[&str]| names.iter().map(|n| format!("t:{n}")).collect();
        Muscle {
            id: format!("t:{name}"),
            name: name.into(),
            point_location: "here".into(),
            referral_description: "there".into(),
            points: vec![
                TriggerPoint {
                    id: "far".into(),
                    view: View::Back,
                    x: 0.7,
                    y: 0.5,
                    label: "far".into(),
                },
                TriggerPoint {
                    id: "near".into(),
                    view: View::Front,
                    x: 0.3,
                    y: 0.22,
                    label: "near".into(),
                },
            ],
            referral_areas: ReferralAreas {
                essential: ids(essential),
                spillover: ids(spillover),
            },
            referral_zones: vec![],
            prevalence,
            technique: "t:press".into(),
            stretch: Stretch {
                name: "Stretch".into(),
                steps: vec!["Stretch.".into()],
                hold_seconds: 30,
                repetitions: 3,
            },
            self_care: vec![],
            red_flags: vec![],
            caution: None,
            sources: vec![],
        }
    }

    /// Two skin areas of the client's right side: a "temple" drawn on the front
    /// and on the right profile, and a "cheek" on the front only.
    fn atlas(muscles: Vec<Muscle>) -> Atlas {
        let pack = RegionPack {
            namespace: "t".into(),
            name: "Test".into(),
            regions: vec![Region {
                id: "t:head".into(),
                name: "Head".into(),
                views: View::ALL
                    .into_iter()
                    .filter(|v| *v != View::LeftSide)
                    .collect(),
                muscles,
            }],
            techniques: vec![Technique {
                id: "t:press".into(),
                name: "Press".into(),
                summary: "Press.".into(),
                steps: vec!["Press.".into()],
                min_seconds: 60,
                max_seconds: 90,
                cautions: vec![],
                tools: vec![],
            }],
            outlines: vec![],
            areas: vec![
                area(
                    "temple",
                    vec![
                        square(View::Front, 0.3, 0.2),
                        square(View::RightSide, 0.5, 0.2),
                    ],
                ),
                area("cheek", vec![square(View::Front, 0.3, 0.3)]),
            ],
        };
        Atlas::default().with_pack(pack).expect("valid test pack")
    }

    fn spot(view: View, x: f32, y: f32) -> Spot {
        Spot { view, x, y }
    }

    fn ids(found: &[FinderMatch]) -> Vec<&str> {
        found.iter().map(|m| m.muscle_id.as_str()).collect()
    }

    #[test]
    fn essential_zones_rank_above_spillover_whatever_the_prevalence() {
        let atlas = atlas(vec![
            muscle("common", 0.9, &["cheek"], &["temple"]),
            muscle("rare", 0.2, &["temple"], &[]),
        ]);
        let found = find(&atlas, &[spot(View::Front, 0.3, 0.2)]);
        assert_eq!(ids(&found), ["t:rare", "t:common"]);
        assert!(found[0].essential && !found[1].essential);
        assert!(found.iter().all(|m| m.contains && m.side == Side::Right));
    }

    #[test]
    fn prevalence_breaks_ties() {
        let atlas = atlas(vec![
            muscle("rare", 0.2, &["temple"], &[]),
            muscle("common", 0.9, &["temple"], &[]),
        ]);
        let found = find(&atlas, &[spot(View::Front, 0.3, 0.2)]);
        assert_eq!(ids(&found), ["t:common", "t:rare"]);
        assert_eq!(found[0].score, found[1].score);
    }

    #[test]
    fn a_zone_is_found_from_every_view_its_skin_shows_on() {
        let atlas = atlas(vec![muscle("temporal", 0.5, &["temple"], &[])]);
        let right = find(&atlas, &[spot(View::RightSide, 0.5, 0.2)]);
        assert_eq!(right[0].side, Side::Right);
        // The left profile mirrors the right one.
        let left = find(&atlas, &[spot(View::LeftSide, 0.5, 0.2)]);
        assert_eq!(left[0].side, Side::Left);
        let front_left = find(&atlas, &[spot(View::Front, 0.7, 0.2)]);
        assert_eq!(front_left[0].side, Side::Left);
        assert!(front_left[0].points.iter().all(|p| p.side == Side::Left));
    }

    #[test]
    fn the_pattern_covering_more_of_the_pain_drawing_wins() {
        let atlas = atlas(vec![
            muscle("temple-only", 0.9, &["temple"], &[]),
            muscle("both", 0.2, &["temple", "cheek"], &[]),
        ]);
        let drawing = [spot(View::Front, 0.3, 0.2), spot(View::Front, 0.3, 0.3)];
        let found = find(&atlas, &drawing);
        assert_eq!(ids(&found), ["t:both", "t:temple-only"]);
        assert_eq!(found[0].score, 1.0);
        assert!((found[1].score - 0.5).abs() < 1e-6);
        assert!(!found[1].contains);
    }

    #[test]
    fn points_nearest_to_the_pain_come_first() {
        let atlas = atlas(vec![muscle("temporal", 0.5, &["temple"], &[])]);
        let found = find(&atlas, &[spot(View::Front, 0.3, 0.2)]);
        let order: Vec<_> = found[0]
            .points
            .iter()
            .map(|p| p.point_id.as_str())
            .collect();
        assert_eq!(order, ["near", "far"]);
    }

    #[test]
    fn near_a_zone_counts_less_and_far_from_it_not_at_all() {
        let atlas = atlas(vec![muscle("temporal", 0.5, &["temple"], &[])]);
        // 0.02 chart heights outside the temple square.
        let near = find(&atlas, &[spot(View::Front, 0.3, 0.24)]);
        assert!(!near[0].contains && near[0].score < OUTSIDE);
        assert!((near[0].distance - 0.02).abs() < 1e-4);
        assert!(find(&atlas, &[spot(View::Front, 0.3, 0.6)]).is_empty());
        assert!(find(&atlas, &[spot(View::Back, 0.3, 0.2)]).is_empty());
    }

    #[test]
    fn spots_off_the_chart_are_ignored() {
        let atlas = atlas(vec![muscle("temporal", 0.5, &["temple"], &[])]);
        assert!(find(&atlas, &[]).is_empty());
        assert!(find(&atlas, &[spot(View::Front, f32::NAN, 0.2)]).is_empty());
        assert!(find(&atlas, &[spot(View::Front, 0.3, 1.1)]).is_empty());
        let with_junk = [spot(View::Front, -0.1, 0.2), spot(View::Front, 0.3, 0.2)];
        assert_eq!(find(&atlas, &with_junk)[0].score, 1.0);
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
        let atlas = atlas(vec![
            muscle("a", 0.5, &["temple"], &[]),
            muscle("b", 0.5, &["temple"], &[]),
        ]);
        let (x, y) = (0.7, 0.22); // "near" on the client's left
        let nearby = nearest_points(&atlas, View::Front, x, y);
        assert_eq!(nearby[0].point.side, Side::Left);
        assert!(nearby[0].distance < 1e-6);
        assert!((MIN_OFFERED..=NEARBY).contains(&nearby.len()));
        assert!(nearby.windows(2).all(|w| w[0].distance <= w[1].distance));
    }
}
