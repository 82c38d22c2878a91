//! A region pack: regions, muscles, trigger points, where their pain refers,
//! techniques, stretches, skin areas and body outlines.

use serde::{Deserialize, Serialize};

use crate::view::{mirror, Side, View};

/// Width:height of the chart box every coordinate is normalized to. Distances
/// on the chart scale x by this so that they are the same in every direction.
pub const CHART_ASPECT: f32 = 0.45;

/// A closed polygon (or, for outline details, an open polyline) of `[x, y]`
/// chart coordinates.
pub type Polygon = Vec<[f32; 2]>;

/// A unit of atlas content: the app's built-in pack or one a plugin provides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub struct RegionPack {
    /// Prefix of every id in the pack ("core" for "core:upper-trapezius"):
    /// lowercase letters, digits and '-'. A plugin's must match `namespace`
    /// in its `plugin.toml`.
    pub namespace: String,
    /// Shown to the therapist.
    pub name: String,
    /// Body regions with their muscles; may be empty for a technique pack.
    pub regions: Vec<Region>,
    /// Techniques, referenced by muscles of this or a loaded pack.
    pub techniques: Vec<Technique>,
    /// Outlines for views no other pack draws. The app draws every view, so a
    /// plugin leaves this empty.
    #[serde(default)]
    pub outlines: Vec<BodyOutline>,
    /// Skin areas of this pack, for patches of skin the app's areas do not
    /// name; muscles of this pack or a later one can refer to them.
    #[serde(default)]
    pub areas: Vec<SkinArea>,
}

impl RegionPack {
    /// The pack's namespaced ids: regions, muscles, techniques and skin areas.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        let regions = self.regions.iter().map(|r| r.id.as_str());
        let muscles = self.muscles().map(|m| m.id.as_str());
        let techniques = self.techniques.iter().map(|t| t.id.as_str());
        let areas = self.areas.iter().map(|a| a.id.as_str());
        regions.chain(muscles).chain(techniques).chain(areas)
    }

    /// Every muscle of every region.
    pub fn muscles(&self) -> impl Iterator<Item = &Muscle> {
        self.regions.iter().flat_map(|r| &r.muscles)
    }
}

/// A body region: the muscles charted on the views it lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub struct Region {
    /// `namespace:name`.
    pub id: String,
    /// Shown to the therapist.
    pub name: String,
    /// The views its points and zones are drawn on (the app's own regions
    /// list `front`, `back`, `right-side` and `soles`).
    pub views: Vec<View>,
    /// The muscles.
    pub muscles: Vec<Muscle>,
}

/// A muscle with its trigger points, where they refer pain, and self-care.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub struct Muscle {
    /// `namespace:name`.
    pub id: String,
    /// Shown to the therapist and on handouts.
    pub name: String,
    /// Where the trigger points are, in words the client understands.
    pub point_location: String,
    /// Where the pain is felt, in words the client understands.
    pub referral_description: String,
    /// At least one.
    pub points: Vec<TriggerPoint>,
    /// Where the pain refers, by skin area: the usual way. The app draws each
    /// area on every view where it shows (into `referral_zones`).
    #[serde(default)]
    pub referral_areas: ReferralAreas,
    /// Where the pain refers, as polygons: only for a patch no skin area
    /// covers. A muscle needs an essential area or a primary zone.
    #[serde(default)]
    pub referral_zones: Vec<ReferralZone>,
    /// How common the pattern is clinically, 0..=1; the finder weighs it in.
    pub prevalence: f32,
    /// Id of the self-treatment technique (this pack's or a loaded one's, e.g.
    /// `core:pain-free-compression`).
    pub technique: String,
    /// The stretch printed on the handout.
    pub stretch: Stretch,
    /// Self-treatment tips printed on the handout.
    #[serde(default)]
    pub self_care: Vec<String>,
    /// Red flags whose symptoms this muscle's pattern can mimic.
    #[serde(default)]
    pub red_flags: Vec<crate::RedFlag>,
    /// A caution for the therapist, if any.
    pub caution: Option<String>,
    /// Where the pattern is documented ("T&S Vol.2 ch.27", a paper), for
    /// reviewers.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A trigger point, placed for the client's right side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub struct TriggerPoint {
    /// Unique within its muscle, e.g. "tp1".
    pub id: String,
    /// The view it is drawn on.
    pub view: View,
    /// 0..=1 across the chart.
    pub x: f32,
    /// 0..=1 down the chart.
    pub y: f32,
    /// Where to find it, in plain words.
    pub label: String,
}

impl TriggerPoint {
    /// Where the point is on the given side of the client: view, x, y.
    pub fn on_side(&self, side: Side) -> (View, f32, f32) {
        let (view, x) = side.place(self.view, self.x);
        (view, x, self.y)
    }
}

/// The skin areas a muscle's pain refers to, by id (`core:thumb`, or an area
/// of this pack).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub struct ReferralAreas {
    /// The essential zone, felt by nearly everyone with an active point.
    #[serde(default)]
    pub essential: Vec<String>,
    /// The spillover zone, felt by some.
    #[serde(default)]
    pub spillover: Vec<String>,
}

impl ReferralAreas {
    /// Every area named, with whether it is essential.
    pub fn all(&self) -> impl Iterator<Item = (&String, bool)> {
        let essential = self.essential.iter().map(|a| (a, true));
        essential.chain(self.spillover.iter().map(|a| (a, false)))
    }
}

/// Where a muscle's points send pain, as a polygon on one view (prefer
/// [`ReferralAreas`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub struct ReferralZone {
    /// The view it is drawn on.
    pub view: View,
    /// At least 3 vertices.
    pub polygon: Polygon,
    /// The essential zone (true) or a spillover zone (false).
    pub primary: bool,
    /// The skin area the app drew this zone from, if it was (see
    /// [`ReferralAreas`]); a pack leaves it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub area: Option<String>,
}

impl ReferralZone {
    /// The zone placed on the given side of the client (its view may change:
    /// the right profile's zones are on the left profile for the left side).
    pub fn on_side(&self, side: Side) -> ReferralZone {
        let (view, _) = side.place(self.view, 0.0);
        ReferralZone {
            view,
            polygon: self
                .polygon
                .iter()
                .map(|&[x, y]| [side.place(self.view, x).1, y])
                .collect(),
            primary: self.primary,
            area: self.area.clone(),
        }
    }
}

/// A named patch of skin ("core:outer-elbow"), drawn on every view where it
/// shows. Muscles name the areas their pain refers to instead of drawing
/// polygons, so one drawing of the outer elbow serves every muscle that refers
/// there, on every view, and a tap anywhere on that skin finds them all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub struct SkinArea {
    /// `namespace:name`.
    pub id: String,
    /// Shown to the therapist ("Outer elbow").
    pub name: String,
    /// One polygon per view it shows on (or more).
    #[serde(default)]
    pub shapes: Vec<AreaShape>,
}

/// A skin area's drawing on one view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub struct AreaShape {
    /// The view (not `left-side`: the app mirrors `right-side`).
    pub view: View,
    /// At least 3 vertices, inside the body's outline.
    pub polygon: Polygon,
}

/// A stretch for the handout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub struct Stretch {
    /// Its name.
    pub name: String,
    /// What to do, one step per entry.
    pub steps: Vec<String>,
    /// How long to hold it.
    pub hold_seconds: u32,
    /// How many times.
    pub repetitions: u32,
}

/// A technique: shown in the charting pickers and printed on handouts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub struct Technique {
    /// `namespace:name`.
    pub id: String,
    /// Shown to the therapist and on handouts.
    pub name: String,
    /// One sentence.
    pub summary: String,
    /// At least one step.
    pub steps: Vec<String>,
    /// Shortest time per point or muscle, in seconds.
    pub min_seconds: u32,
    /// Longest time, at least `min_seconds`.
    pub max_seconds: u32,
    /// When to take care or not to use it.
    #[serde(default)]
    pub cautions: Vec<String>,
    /// Tools that help.
    #[serde(default)]
    pub tools: Vec<String>,
}

/// The drawing of the body for one view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub struct BodyOutline {
    /// The view it draws.
    pub view: View,
    /// Width:height of the chart box: always [`CHART_ASPECT`].
    pub aspect: f32,
    /// Filled shapes: the body silhouette first.
    pub polygons: Vec<Polygon>,
    /// Open polylines drawn over the silhouette to help orientation:
    /// collarbones, face, shoulder blades, spine.
    #[serde(default)]
    pub details: Vec<Polygon>,
    /// Parts of the view shown enlarged, where the whole body is too small to
    /// tap (the head, a hand, a foot).
    #[serde(default)]
    pub close_ups: Vec<CloseUp>,
}

impl BodyOutline {
    /// The same drawing seen in a mirror, for the other profile.
    pub fn mirrored(&self) -> BodyOutline {
        let flip = |shape: &Polygon| shape.iter().map(|&[x, y]| [mirror(x), y]).collect();
        BodyOutline {
            view: self.view.mirrored(),
            aspect: self.aspect,
            polygons: self.polygons.iter().map(flip).collect(),
            details: self.details.iter().map(flip).collect(),
            close_ups: self
                .close_ups
                .iter()
                .map(|c| CloseUp {
                    name: c.name.clone(),
                    x0: mirror(c.x1),
                    x1: mirror(c.x0),
                    ..*c
                })
                .collect(),
        }
    }

    /// Whether a chart position is on the body: inside one of its shapes.
    pub fn covers(&self, point: [f32; 2]) -> bool {
        self.polygons.iter().any(|shape| contains(shape, point))
    }
}

/// Even-odd rule point-in-polygon test (the aspect does not matter here).
pub fn contains(polygon: &[[f32; 2]], [x, y]: [f32; 2]) -> bool {
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

/// A part of a view shown enlarged: chart coordinates `x0..x1` across and
/// `y0..y1` down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub struct CloseUp {
    /// Shown on the button ("Right hand").
    pub name: String,
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
}
