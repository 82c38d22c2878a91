//! The anatomy as data: regions, muscles, trigger points, referral zones,
//! techniques and body outlines.
//!
//! One schema serves the built-in neck/shoulder pack (compiled in from
//! `assets/atlas/`) and plugin packs alike, and every pack is validated before
//! it joins the [`Atlas`].
//!
//! Coordinates are normalized chart coordinates: `x` across and `y` down the
//! whole-body chart box, both in `0..=1`, the box being [`Atlas::CHART_ASPECT`]
//! wide for 1 high. Points and zones are described for the client's RIGHT side;
//! the left side is their mirror image ([`mirror`]). On the `front` view the
//! client's right is the viewer's left (x < 0.5); on the `back` view it is the
//! viewer's right (x > 0.5).

mod red_flag;

pub use red_flag::RedFlag;

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::sync::OnceLock;
use ts_rs::TS;

/// Which body chart a position is on. Stored as text ("front") in findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, sqlx::Type)]
#[serde(rename_all = "kebab-case")]
#[sqlx(rename_all = "kebab-case")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum View {
    Front,
    Back,
    Side,
}

impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            View::Front => "front",
            View::Back => "back",
            View::Side => "side",
        })
    }
}

/// The client's own side (not the viewer's). Stored as text ("left") in findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, sqlx::Type)]
#[serde(rename_all = "kebab-case")]
#[sqlx(rename_all = "kebab-case")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Right, Side::Left];

    /// The chart x of a position that the atlas describes for the right side,
    /// placed on this side.
    pub fn place_x(self, x: f32) -> f32 {
        match self {
            Side::Right => x,
            Side::Left => mirror(x),
        }
    }

    /// Which of the client's sides a chart x falls on: `None` on the midline
    /// and on the side view, where x runs front to back, not left to right.
    pub fn at(view: View, x: f32) -> Option<Side> {
        let viewer_left = match view {
            View::Front => Side::Right,
            View::Back => Side::Left,
            View::Side => return None,
        };
        if x < 0.5 {
            Some(viewer_left)
        } else if x > 0.5 {
            Some(viewer_left.other())
        } else {
            None
        }
    }

    /// The side a finding at chart x must be on: the half it is clearly in
    /// (a point within 3% of the midline may be either), and the right on a
    /// side view, which shows the client's right side.
    pub fn required(view: View, x: f32) -> Option<Side> {
        const MIDLINE_SLACK: f32 = 0.03;
        match view {
            View::Side => Some(Side::Right),
            _ if (x - 0.5).abs() < MIDLINE_SLACK => None,
            _ => Side::at(view, x),
        }
    }

    /// `side`, if a point at chart x may be on it (see [`Side::required`]);
    /// else why not, for the form.
    pub fn checked(side: Side, view: View, x: f32) -> Result<Side, String> {
        match Side::required(view, x) {
            Some(required) if required != side => Err(format!(
                "This point is on the client's {} side on the chart",
                required.name()
            )),
            _ => Ok(side),
        }
    }

    /// "left" or "right", for sentences.
    pub fn name(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// The mirror image of a chart x: right side <-> left side.
pub fn mirror(x: f32) -> f32 {
    1.0 - x
}

/// A closed polygon (or, for outline details, an open polyline) of `[x, y]`
/// chart coordinates.
pub type Polygon = Vec<[f32; 2]>;

/// The drawing of the body for one view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct BodyOutline {
    pub view: View,
    /// Width:height of the chart box; always [`Atlas::CHART_ASPECT`].
    pub aspect: f32,
    /// Filled shapes: the body silhouette.
    pub polygons: Vec<Polygon>,
    /// Open polylines drawn over the silhouette to help orientation:
    /// collarbones, face, shoulder blades, spine.
    #[serde(default)]
    pub details: Vec<Polygon>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct TriggerPoint {
    /// Unique within its muscle, e.g. "tp1".
    pub id: String,
    pub view: View,
    pub x: f32,
    pub y: f32,
    /// Where to find it, in plain words.
    pub label: String,
}

impl TriggerPoint {
    /// The point's `(x, y)` on the given side of the client.
    pub fn on_side(&self, side: Side) -> (f32, f32) {
        (side.place_x(self.x), self.y)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct ReferralZone {
    pub view: View,
    pub polygon: Polygon,
    /// The essential zone (true) or a spillover zone (false).
    pub primary: bool,
}

impl ReferralZone {
    /// The zone's polygon on the given side of the client.
    pub fn polygon_on(&self, side: Side) -> Polygon {
        self.polygon
            .iter()
            .map(|&[x, y]| [side.place_x(x), y])
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Stretch {
    pub name: String,
    pub steps: Vec<String>,
    pub hold_seconds: u32,
    pub repetitions: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Technique {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub steps: Vec<String>,
    pub min_seconds: u32,
    pub max_seconds: u32,
    #[serde(default)]
    pub cautions: Vec<String>,
    #[serde(default)]
    pub tools: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Muscle {
    pub id: String,
    pub name: String,
    /// Where the trigger points are, in words the client understands.
    pub point_location: String,
    /// Where the pain is felt, in words the client understands.
    pub referral_description: String,
    pub points: Vec<TriggerPoint>,
    pub referral_zones: Vec<ReferralZone>,
    /// How common this pattern is clinically, 0..=1; the finder weighs it in.
    pub prevalence: f32,
    /// Id of the self-treatment technique.
    pub technique: String,
    pub stretch: Stretch,
    /// Self-treatment tips specific to this muscle (printed on the handout).
    #[serde(default)]
    pub self_care: Vec<String>,
    /// Red flags whose symptoms this muscle's pattern can mimic.
    #[serde(default)]
    pub red_flags: Vec<RedFlag>,
    pub caution: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Region {
    pub id: String,
    pub name: String,
    pub views: Vec<View>,
    pub muscles: Vec<Muscle>,
}

/// A unit of atlas content: the built-in pack or one a plugin provides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct RegionPack {
    /// Prefix of every id in the pack, e.g. "core" for "core:upper-trapezius".
    pub namespace: String,
    pub name: String,
    pub regions: Vec<Region>,
    pub techniques: Vec<Technique>,
    /// Body outlines for views no other pack draws (e.g. a plugin's side view).
    #[serde(default)]
    pub outlines: Vec<BodyOutline>,
}

impl RegionPack {
    /// Parses a pack from JSON; unknown fields are rejected so typos surface.
    /// Parsing does not validate: see [`Atlas::with_pack`].
    pub fn from_json(json: &str) -> Result<RegionPack, AtlasError> {
        Ok(serde_json::from_str(json)?)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AtlasError {
    #[error("region pack is not valid JSON for the atlas schema: {0}")]
    Json(#[from] serde_json::Error),
    #[error("pack {namespace:?}: the namespace must be lowercase letters, digits and '-'")]
    BadNamespace { namespace: String },
    #[error("pack {namespace}: the namespace is already used by pack {existing:?}")]
    NamespaceTaken { namespace: String, existing: String },
    #[error("{kind} {id}: the id must be \"{namespace}:\" followed by a name")]
    NotNamespaced {
        kind: &'static str,
        id: String,
        namespace: String,
    },
    #[error("{kind} {id}: the id is used more than once")]
    DuplicateId { kind: &'static str, id: String },
    #[error("muscle {muscle}: technique {technique} is not defined in this pack or a loaded one")]
    UnknownTechnique { muscle: String, technique: String },
    /// Any other rule; `reason` says which, naming the offending item.
    #[error("{kind} {id}: {reason}")]
    Invalid {
        kind: &'static str,
        id: String,
        reason: String,
    },
}

/// All loaded region packs. Only validated packs get in ([`Atlas::with_pack`]),
/// so the rest of the app can trust ids, references and coordinates.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Atlas {
    packs: Vec<RegionPack>,
}

const BUILTIN_PACK: &str = include_str!("../../assets/atlas/neck-shoulder.json");
const BUILTIN_OUTLINES: &str = include_str!("../../assets/atlas/outlines.json");

impl Atlas {
    /// Width:height of the chart box. Distances on the chart scale x by this so
    /// that they are the same in every direction.
    pub const CHART_ASPECT: f32 = 0.45;

    /// The compiled-in neck/shoulder pack with the front and back outlines.
    pub fn builtin() -> Atlas {
        static BUILTIN: OnceLock<Atlas> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                // The data is compiled in and a unit test pins that it parses and
                // validates, so failing here is a build defect, not a user error.
                let mut pack = RegionPack::from_json(BUILTIN_PACK)
                    .expect("assets/atlas/neck-shoulder.json is a valid region pack");
                pack.outlines = serde_json::from_str(BUILTIN_OUTLINES)
                    .expect("assets/atlas/outlines.json is a valid list of body outlines");
                Atlas::default()
                    .with_pack(pack)
                    .expect("the built-in atlas passes validation")
            })
            .clone()
    }

    /// Adds a pack after checking it against the rules of [`validate`].
    pub fn with_pack(mut self, pack: RegionPack) -> Result<Atlas, AtlasError> {
        validate(&pack, &self)?;
        self.packs.push(pack);
        Ok(self)
    }

    pub fn packs(&self) -> &[RegionPack] {
        &self.packs
    }

    pub fn regions(&self) -> impl Iterator<Item = &Region> {
        self.packs.iter().flat_map(|p| &p.regions)
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions().find(|r| r.id == id)
    }

    pub fn muscles(&self) -> impl Iterator<Item = &Muscle> {
        self.regions().flat_map(|r| &r.muscles)
    }

    pub fn muscle(&self, id: &str) -> Option<&Muscle> {
        self.muscles().find(|m| m.id == id)
    }

    /// The region a muscle belongs to (findings record both ids).
    pub fn region_of(&self, muscle_id: &str) -> Option<&Region> {
        self.regions()
            .find(|r| r.muscles.iter().any(|m| m.id == muscle_id))
    }

    pub fn techniques(&self) -> impl Iterator<Item = &Technique> {
        self.packs.iter().flat_map(|p| &p.techniques)
    }

    pub fn technique(&self, id: &str) -> Option<&Technique> {
        self.techniques().find(|t| t.id == id)
    }

    pub fn outline(&self, view: View) -> Option<&BodyOutline> {
        self.packs
            .iter()
            .flat_map(|p| &p.outlines)
            .find(|o| o.view == view)
    }
}

/// Checks a pack before it joins `existing`:
/// - the namespace is lowercase letters, digits and '-', and not taken by a
///   loaded pack (so, ids being namespaced, they cannot collide with theirs);
/// - every region, muscle and technique id is `namespace:name` and unique;
/// - names are not blank, prevalence is in 0..=1, a technique's time range is
///   ordered;
/// - every muscle has at least one trigger point (ids unique within the muscle)
///   and at least one primary referral zone, on views its region shows, and its
///   technique is defined in this pack or a loaded one;
/// - coordinates are finite and in 0..=1, polygons have at least 3 vertices;
/// - outlines use the chart aspect, and each view is drawn by one pack only.
pub fn validate(pack: &RegionPack, existing: &Atlas) -> Result<(), AtlasError> {
    let ns = pack.namespace.as_str();
    let ns_ok = !ns.is_empty()
        && ns
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !ns_ok {
        return Err(AtlasError::BadNamespace {
            namespace: ns.to_owned(),
        });
    }
    if let Some(other) = existing.packs.iter().find(|p| p.namespace == ns) {
        return Err(AtlasError::NamespaceTaken {
            namespace: ns.to_owned(),
            existing: other.name.clone(),
        });
    }
    not_blank("pack", ns, "name", &pack.name)?;

    let mut ids = HashSet::new();
    let mut claim = |kind: &'static str, id: &str| -> Result<(), AtlasError> {
        let named = id
            .strip_prefix(ns)
            .and_then(|rest| rest.strip_prefix(':'))
            .is_some_and(|name| !name.trim().is_empty());
        if !named {
            return Err(AtlasError::NotNamespaced {
                kind,
                id: id.to_owned(),
                namespace: ns.to_owned(),
            });
        }
        if !ids.insert(id.to_owned()) {
            return Err(AtlasError::DuplicateId {
                kind,
                id: id.to_owned(),
            });
        }
        Ok(())
    };

    for t in &pack.techniques {
        claim("technique", &t.id)?;
        validate_technique(t)?;
    }
    for region in &pack.regions {
        claim("region", &region.id)?;
        not_blank("region", &region.id, "name", &region.name)?;
        if region.views.is_empty() {
            return Err(invalid("region", &region.id, "lists no views"));
        }
        for m in &region.muscles {
            claim("muscle", &m.id)?;
            validate_muscle(m, region, pack, existing)?;
        }
    }
    for (i, outline) in pack.outlines.iter().enumerate() {
        validate_outline(outline, &pack.outlines[..i], existing)?;
    }
    Ok(())
}

fn validate_technique(t: &Technique) -> Result<(), AtlasError> {
    not_blank("technique", &t.id, "name", &t.name)?;
    if t.steps.is_empty() {
        return Err(invalid("technique", &t.id, "has no steps"));
    }
    if t.min_seconds > t.max_seconds {
        return Err(invalid(
            "technique",
            &t.id,
            format!(
                "min_seconds {} is more than max_seconds {}",
                t.min_seconds, t.max_seconds
            ),
        ));
    }
    Ok(())
}

fn validate_muscle(
    m: &Muscle,
    region: &Region,
    pack: &RegionPack,
    existing: &Atlas,
) -> Result<(), AtlasError> {
    let id = m.id.as_str();
    not_blank("muscle", id, "name", &m.name)?;
    not_blank("muscle", id, "stretch name", &m.stretch.name)?;
    if !(0.0..=1.0).contains(&m.prevalence) {
        return Err(invalid(
            "muscle",
            id,
            format!("prevalence is {}, outside 0..1", m.prevalence),
        ));
    }
    let technique_known = pack.techniques.iter().any(|t| t.id == m.technique)
        || existing.technique(&m.technique).is_some();
    if !technique_known {
        return Err(AtlasError::UnknownTechnique {
            muscle: id.to_owned(),
            technique: m.technique.clone(),
        });
    }
    let check_view = |what: &str, view: View| {
        if region.views.contains(&view) {
            Ok(())
        } else {
            Err(invalid(
                "muscle",
                id,
                format!(
                    "{what} is on the {view} view, which region {} does not show",
                    region.id
                ),
            ))
        }
    };

    if m.points.is_empty() {
        return Err(invalid("muscle", id, "has no trigger points"));
    }
    let mut point_ids = HashSet::new();
    for p in &m.points {
        let what = format!("trigger point {}", p.id);
        if p.id.trim().is_empty() {
            return Err(invalid("muscle", id, "a trigger point has an empty id"));
        }
        if !point_ids.insert(p.id.as_str()) {
            return Err(invalid("muscle", id, format!("{what} is listed twice")));
        }
        check_view(&what, p.view)?;
        check_xy("muscle", id, &what, p.x, p.y)?;
    }

    if !m.referral_zones.iter().any(|z| z.primary) {
        return Err(invalid("muscle", id, "has no primary referral zone"));
    }
    for (i, z) in m.referral_zones.iter().enumerate() {
        let what = format!("referral zone {}", i + 1);
        check_view(&what, z.view)?;
        check_shape("muscle", id, &what, &z.polygon, 3)?;
    }
    Ok(())
}

fn validate_outline(
    o: &BodyOutline,
    earlier: &[BodyOutline],
    existing: &Atlas,
) -> Result<(), AtlasError> {
    let id = o.view.to_string();
    let taken = earlier.iter().any(|e| e.view == o.view) || existing.outline(o.view).is_some();
    if taken {
        return Err(invalid("outline", &id, "this view already has an outline"));
    }
    if (o.aspect - Atlas::CHART_ASPECT).abs() > 1e-4 {
        return Err(invalid(
            "outline",
            &id,
            format!(
                "aspect is {}, the chart's is {}",
                o.aspect,
                Atlas::CHART_ASPECT
            ),
        ));
    }
    if o.polygons.is_empty() {
        return Err(invalid("outline", &id, "has no polygons"));
    }
    for (i, p) in o.polygons.iter().enumerate() {
        check_shape("outline", &id, &format!("polygon {}", i + 1), p, 3)?;
    }
    for (i, d) in o.details.iter().enumerate() {
        check_shape("outline", &id, &format!("detail line {}", i + 1), d, 2)?;
    }
    Ok(())
}

fn invalid(kind: &'static str, id: &str, reason: impl Into<String>) -> AtlasError {
    AtlasError::Invalid {
        kind,
        id: id.to_owned(),
        reason: reason.into(),
    }
}

fn not_blank(kind: &'static str, id: &str, field: &str, value: &str) -> Result<(), AtlasError> {
    if value.trim().is_empty() {
        Err(invalid(kind, id, format!("{field} is empty")))
    } else {
        Ok(())
    }
}

fn check_xy(kind: &'static str, id: &str, what: &str, x: f32, y: f32) -> Result<(), AtlasError> {
    for (axis, v) in [("x", x), ("y", y)] {
        // `contains` is false for NaN, so this also rejects non-finite values.
        if !(0.0..=1.0).contains(&v) {
            return Err(invalid(
                kind,
                id,
                format!("{what} has {axis} = {v}, outside 0..1"),
            ));
        }
    }
    Ok(())
}

fn check_shape(
    kind: &'static str,
    id: &str,
    what: &str,
    shape: &[[f32; 2]],
    min_vertices: usize,
) -> Result<(), AtlasError> {
    if shape.len() < min_vertices {
        return Err(invalid(
            kind,
            id,
            format!(
                "{what} has {} vertices, it needs at least {min_vertices}",
                shape.len()
            ),
        ));
    }
    for (i, &[x, y]) in shape.iter().enumerate() {
        check_xy(kind, id, &format!("{what} vertex {}", i + 1), x, y)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn technique(id: &str) -> Technique {
        Technique {
            id: id.into(),
            name: "Press".into(),
            summary: "Press gently.".into(),
            steps: vec!["Press.".into()],
            min_seconds: 60,
            max_seconds: 90,
            cautions: vec![],
            tools: vec![],
        }
    }

    fn muscle(id: &str) -> Muscle {
        Muscle {
            id: id.into(),
            name: "Masseter".into(),
            point_location: "Cheek".into(),
            referral_description: "Teeth".into(),
            points: vec![TriggerPoint {
                id: "tp1".into(),
                view: View::Front,
                x: 0.45,
                y: 0.1,
                label: "cheek".into(),
            }],
            referral_zones: vec![ReferralZone {
                view: View::Front,
                polygon: vec![[0.4, 0.08], [0.45, 0.08], [0.45, 0.12]],
                primary: true,
            }],
            prevalence: 0.5,
            technique: "tmj:press".into(),
            stretch: Stretch {
                name: "Jaw stretch".into(),
                steps: vec!["Open wide.".into()],
                hold_seconds: 10,
                repetitions: 3,
            },
            self_care: vec![],
            red_flags: vec![],
            caution: None,
        }
    }

    /// A small valid plugin pack, namespace "tmj".
    fn pack() -> RegionPack {
        RegionPack {
            namespace: "tmj".into(),
            name: "Jaw".into(),
            regions: vec![Region {
                id: "tmj:jaw".into(),
                name: "Jaw".into(),
                views: vec![View::Front, View::Side],
                muscles: vec![muscle("tmj:masseter")],
            }],
            techniques: vec![technique("tmj:press")],
            outlines: vec![BodyOutline {
                view: View::Side,
                aspect: Atlas::CHART_ASPECT,
                polygons: vec![vec![[0.4, 0.0], [0.6, 0.0], [0.5, 1.0]]],
                details: vec![],
            }],
        }
    }

    fn m0(p: &mut RegionPack) -> &mut Muscle {
        &mut p.regions[0].muscles[0]
    }

    /// Validates `pack` against the built-in atlas and returns the message.
    fn error(pack: RegionPack) -> String {
        match Atlas::builtin().with_pack(pack) {
            Ok(_) => panic!("pack was accepted"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn builtin_atlas_is_valid_and_complete() {
        let atlas = Atlas::builtin();
        let muscles: Vec<_> = atlas.muscles().collect();
        assert_eq!(muscles.len(), 10);
        for m in muscles {
            assert!(!m.points.is_empty(), "{}", m.id);
            assert!(m.referral_zones.iter().any(|z| z.primary), "{}", m.id);
            assert!(atlas.technique(&m.technique).is_some(), "{}", m.id);
            assert!(!m.self_care.is_empty(), "{}", m.id);
            assert!(!m.stretch.steps.is_empty(), "{}", m.id);
            assert_eq!(
                atlas.region_of(&m.id).map(|r| r.id.as_str()),
                Some("core:neck-shoulder")
            );
        }
        let technique = atlas
            .technique("core:pain-free-compression")
            .expect("built-in technique");
        assert_eq!(technique.steps.len(), 5);
        assert_eq!((technique.min_seconds, technique.max_seconds), (60, 90));
        assert!(atlas.muscle("core:upper-trapezius").is_some());
        assert!(atlas.outline(View::Front).is_some());
        assert!(atlas.outline(View::Back).is_some());
        assert!(atlas.outline(View::Side).is_none());
        // Validating the built-in pack again is refused only for its namespace.
        let again = atlas.packs()[0].clone();
        assert!(validate(&again, &Atlas::default()).is_ok());
    }

    #[test]
    fn silhouettes_have_enough_vertices_to_look_like_a_person() {
        let atlas = Atlas::builtin();
        for view in [View::Front, View::Back] {
            let outline = atlas.outline(view).expect("outline");
            let silhouette = &outline.polygons[0];
            assert!((60..=150).contains(&silhouette.len()), "{view}");
        }
    }

    #[test]
    fn sides_mirror_and_follow_the_view_convention() {
        assert_eq!(Side::Left.place_x(0.2), 0.8);
        assert_eq!(Side::Right.place_x(0.2), 0.2);
        assert_eq!(Side::at(View::Front, 0.3), Some(Side::Right));
        assert_eq!(Side::at(View::Back, 0.3), Some(Side::Left));
        assert_eq!(Side::at(View::Back, 0.5), None);
        assert_eq!(Side::at(View::Side, 0.3), None);
        let zone = ReferralZone {
            view: View::Back,
            polygon: vec![[0.6, 0.1], [0.7, 0.1], [0.7, 0.2]],
            primary: true,
        };
        let left = zone.polygon_on(Side::Left);
        assert!((left[1][0] - 0.3).abs() < 1e-6 && left[1][1] == 0.1);
    }

    #[test]
    fn a_valid_plugin_pack_is_added() {
        let atlas = Atlas::builtin().with_pack(pack()).expect("valid pack");
        assert!(atlas.muscle("tmj:masseter").is_some());
        assert!(atlas.outline(View::Side).is_some());
        assert_eq!(atlas.packs().len(), 2);
    }

    #[test]
    fn a_pack_may_use_a_technique_from_a_loaded_pack() {
        let mut p = pack();
        p.techniques.clear();
        m0(&mut p).technique = "core:pain-free-compression".into();
        assert!(Atlas::builtin().with_pack(p).is_ok());
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let mut json = serde_json::to_value(pack()).expect("serializes");
        json["regions"][0]["muscles"][0]["prevelance"] = 0.5.into();
        let err = RegionPack::from_json(&json.to_string()).expect_err("typo rejected");
        assert!(err.to_string().contains("prevelance"), "{err}");
    }

    #[test]
    fn namespace_must_be_well_formed_and_free() {
        let mut p = pack();
        p.namespace = "Tmj:".into();
        assert!(error(p).contains("namespace must be lowercase"));
        let mut p = pack();
        p.namespace = "core".into();
        assert!(error(p).contains("already used"));
    }

    #[test]
    fn ids_are_namespaced_and_unique() {
        let mut p = pack();
        m0(&mut p).id = "masseter".into();
        assert_eq!(
            error(p),
            "muscle masseter: the id must be \"tmj:\" followed by a name"
        );
        let mut p = pack();
        p.regions[0].id = "tmj:".into();
        assert_eq!(
            error(p),
            "region tmj:: the id must be \"tmj:\" followed by a name"
        );
        let mut p = pack();
        let twin = p.regions[0].muscles[0].clone();
        p.regions[0].muscles.push(twin);
        assert_eq!(
            error(p),
            "muscle tmj:masseter: the id is used more than once"
        );
    }

    #[test]
    fn coordinates_must_be_finite_and_in_range() {
        let mut p = pack();
        m0(&mut p).points[0].x = 1.4;
        assert_eq!(
            error(p),
            "muscle tmj:masseter: trigger point tp1 has x = 1.4, outside 0..1"
        );
        let mut p = pack();
        m0(&mut p).referral_zones[0].polygon[2][1] = f32::NAN;
        assert_eq!(
            error(p),
            "muscle tmj:masseter: referral zone 1 vertex 3 has y = NaN, outside 0..1"
        );
        let mut p = pack();
        p.outlines[0].polygons[0][0][0] = -0.1;
        assert!(error(p).starts_with("outline side: polygon 1 vertex 1 has x = -0.1"));
    }

    #[test]
    fn polygons_need_three_vertices() {
        let mut p = pack();
        m0(&mut p).referral_zones[0].polygon.truncate(2);
        assert_eq!(
            error(p),
            "muscle tmj:masseter: referral zone 1 has 2 vertices, it needs at least 3"
        );
    }

    #[test]
    fn technique_must_resolve() {
        let mut p = pack();
        m0(&mut p).technique = "tmj:squeeze".into();
        assert_eq!(
            error(p),
            "muscle tmj:masseter: technique tmj:squeeze is not defined in this pack or a loaded one"
        );
    }

    #[test]
    fn prevalence_must_be_in_range() {
        let mut p = pack();
        m0(&mut p).prevalence = 1.5;
        assert!(error(p).contains("prevalence is 1.5"));
        let mut p = pack();
        m0(&mut p).prevalence = f32::NAN;
        assert!(error(p).contains("prevalence is NaN"));
    }

    #[test]
    fn names_must_not_be_blank() {
        let mut p = pack();
        m0(&mut p).name = "  ".into();
        assert_eq!(error(p), "muscle tmj:masseter: name is empty");
        let mut p = pack();
        p.techniques[0].name.clear();
        assert_eq!(error(p), "technique tmj:press: name is empty");
        let mut p = pack();
        p.name.clear();
        assert_eq!(error(p), "pack tmj: name is empty");
    }

    #[test]
    fn points_and_zones_must_be_on_the_regions_views() {
        let mut p = pack();
        m0(&mut p).points[0].view = View::Back;
        assert_eq!(
            error(p),
            "muscle tmj:masseter: trigger point tp1 is on the back view, which region tmj:jaw does not show"
        );
        let mut p = pack();
        m0(&mut p).referral_zones[0].view = View::Back;
        assert!(error(p).contains("referral zone 1 is on the back view"));
    }

    #[test]
    fn muscles_need_points_and_a_primary_zone() {
        let mut p = pack();
        m0(&mut p).points.clear();
        assert_eq!(error(p), "muscle tmj:masseter: has no trigger points");
        let mut p = pack();
        m0(&mut p).referral_zones[0].primary = false;
        assert_eq!(
            error(p),
            "muscle tmj:masseter: has no primary referral zone"
        );
        let mut p = pack();
        let twin = m0(&mut p).points[0].clone();
        m0(&mut p).points.push(twin);
        assert_eq!(
            error(p),
            "muscle tmj:masseter: trigger point tp1 is listed twice"
        );
    }

    #[test]
    fn outlines_must_fit_the_chart_and_not_replace_one() {
        let mut p = pack();
        p.outlines[0].view = View::Front;
        p.regions[0].views = vec![View::Front];
        assert_eq!(error(p), "outline front: this view already has an outline");
        let mut p = pack();
        p.outlines[0].aspect = 0.5;
        assert!(error(p).starts_with("outline side: aspect is 0.5"));
    }

    #[test]
    fn technique_times_must_be_ordered() {
        let mut p = pack();
        p.techniques[0].min_seconds = 120;
        assert_eq!(
            error(p),
            "technique tmj:press: min_seconds 120 is more than max_seconds 90"
        );
    }
}
