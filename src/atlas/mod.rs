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

mod builtin;
mod red_flag;
mod view;

pub use builtin::{pack as builtin_pack, GENERIC_TECHNIQUE};
pub use red_flag::RedFlag;
pub use view::{mirror, Side, View};

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

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
    fn mirrored(&self) -> BodyOutline {
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
}

impl BodyOutline {
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct CloseUp {
    pub name: String,
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
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
    /// Where the point is on the given side of the client: view, x, y.
    pub fn on_side(&self, side: Side) -> (View, f32, f32) {
        let (view, x) = side.place(self.view, self.x);
        (view, x, self.y)
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
    /// The skin area this zone was drawn from, if it was (see [`ReferralAreas`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct SkinArea {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub shapes: Vec<AreaShape>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct AreaShape {
    pub view: View,
    pub polygon: Polygon,
}

/// The skin areas a muscle's pain refers to: the essential zone, felt by
/// nearly everyone with an active point, and the spillover, felt by some.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct ReferralAreas {
    #[serde(default)]
    pub essential: Vec<String>,
    #[serde(default)]
    pub spillover: Vec<String>,
}

impl ReferralAreas {
    /// Every area named, with whether it is essential.
    fn all(&self) -> impl Iterator<Item = (&String, bool)> {
        let essential = self.essential.iter().map(|a| (a, true));
        essential.chain(self.spillover.iter().map(|a| (a, false)))
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
    /// Where the pain refers, by skin area; joining the atlas draws them into
    /// `referral_zones`.
    #[serde(default)]
    pub referral_areas: ReferralAreas,
    /// Where the pain refers, drawn: polygons given by the pack, then those of
    /// its `referral_areas` on every view where they show.
    #[serde(default)]
    pub referral_zones: Vec<ReferralZone>,
    /// How common this pattern is clinically, 0..=1; the finder breaks ties with it.
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
    /// Where the pattern is documented (keys or chapters), for reviewers.
    #[serde(default)]
    pub sources: Vec<String>,
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
    /// Body outlines for views no other pack draws.
    #[serde(default)]
    pub outlines: Vec<BodyOutline>,
    /// Skin areas muscles of this pack or a later one can refer to.
    #[serde(default)]
    pub areas: Vec<SkinArea>,
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
    #[error("muscle {muscle}: skin area {area} is not defined in this pack or a loaded one")]
    UnknownArea { muscle: String, area: String },
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

impl Atlas {
    /// Width:height of the chart box. Distances on the chart scale x by this so
    /// that they are the same in every direction.
    pub const CHART_ASPECT: f32 = 0.45;

    /// Adds a pack after checking it against the rules of [`validate`], then
    /// draws its muscles' referral areas as zones and mirrors its right
    /// profile into the left one.
    pub fn with_pack(mut self, mut pack: RegionPack) -> Result<Atlas, AtlasError> {
        validate(&pack, &self)?;
        let zones: Vec<Vec<ReferralZone>> = pack
            .regions
            .iter()
            .flat_map(|r| &r.muscles)
            .map(|m| self.area_zones(m, &pack.areas))
            .collect();
        let muscles = pack.regions.iter_mut().flat_map(|r| &mut r.muscles);
        for (muscle, zones) in muscles.zip(zones) {
            muscle.referral_zones.extend(zones);
        }
        let mirrored: Vec<BodyOutline> = pack
            .outlines
            .iter()
            .filter(|o| o.view == View::RightSide)
            .map(BodyOutline::mirrored)
            .collect();
        pack.outlines.extend(mirrored);
        self.packs.push(pack);
        Ok(self)
    }

    /// The zones of a muscle's referral areas, on every view where they show.
    /// `own` are the areas of the muscle's pack; validation has checked that
    /// every name resolves.
    fn area_zones(&self, muscle: &Muscle, own: &[SkinArea]) -> Vec<ReferralZone> {
        muscle
            .referral_areas
            .all()
            .filter_map(|(id, primary)| {
                let area = own.iter().find(|a| &a.id == id).or_else(|| self.area(id))?;
                Some(area.shapes.iter().map(move |shape| ReferralZone {
                    view: shape.view,
                    polygon: shape.polygon.clone(),
                    primary,
                    area: Some(area.id.clone()),
                }))
            })
            .flatten()
            .collect()
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

    pub fn areas(&self) -> impl Iterator<Item = &SkinArea> {
        self.packs.iter().flat_map(|p| &p.areas)
    }

    pub fn area(&self, id: &str) -> Option<&SkinArea> {
        self.areas().find(|a| a.id == id)
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
/// - every region, muscle, technique and skin area id is `namespace:name` and
///   unique;
/// - names are not blank, prevalence is in 0..=1, a technique's time range is
///   ordered;
/// - every muscle has at least one trigger point (ids unique within the muscle)
///   and an essential referral area or a primary referral zone, on views its
///   region shows; its technique and areas are defined in this pack or a loaded
///   one;
/// - nothing is drawn on the left profile, which mirrors the right one;
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
    for area in &pack.areas {
        claim("skin area", &area.id)?;
        validate_area(area)?;
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

fn validate_area(area: &SkinArea) -> Result<(), AtlasError> {
    not_blank("skin area", &area.id, "name", &area.name)?;
    for (i, shape) in area.shapes.iter().enumerate() {
        let what = format!("shape {}", i + 1);
        drawable("skin area", &area.id, &what, shape.view)?;
        check_shape("skin area", &area.id, &what, &shape.polygon, 3)?;
    }
    Ok(())
}

/// Content is drawn for the right side only: the left profile is its mirror.
fn drawable(kind: &'static str, id: &str, what: &str, view: View) -> Result<(), AtlasError> {
    if view == View::LeftSide {
        return Err(invalid(
            kind,
            id,
            format!(
                "{what} is on the left-side view: draw it on right-side, the left is its mirror"
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
        drawable("muscle", id, what, view)?;
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

    for (area, _) in m.referral_areas.all() {
        let known = pack.areas.iter().any(|a| &a.id == area) || existing.area(area).is_some();
        if !known {
            return Err(AtlasError::UnknownArea {
                muscle: id.to_owned(),
                area: area.clone(),
            });
        }
    }
    if m.referral_areas.essential.is_empty() && !m.referral_zones.iter().any(|z| z.primary) {
        return Err(invalid(
            "muscle",
            id,
            "has no essential referral area or primary referral zone",
        ));
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
    drawable("outline", &id, "the outline", o.view)?;
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
    for c in &o.close_ups {
        let what = format!("close-up {:?}", c.name);
        not_blank("outline", &id, "a close-up's name", &c.name)?;
        check_xy("outline", &id, &what, c.x0, c.y0)?;
        check_xy("outline", &id, &what, c.x1, c.y1)?;
        if c.x0 >= c.x1 || c.y0 >= c.y1 {
            return Err(invalid("outline", &id, format!("{what} is empty")));
        }
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
            referral_areas: ReferralAreas::default(),
            referral_zones: vec![ReferralZone {
                view: View::Front,
                polygon: vec![[0.4, 0.08], [0.45, 0.08], [0.45, 0.12]],
                primary: true,
                area: None,
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
            sources: vec![],
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
                views: vec![View::Front, View::RightSide],
                muscles: vec![muscle("tmj:masseter")],
            }],
            techniques: vec![technique("tmj:press")],
            outlines: vec![],
            areas: vec![],
        }
    }

    /// The pack with a right-side outline, for an atlas without one.
    fn pack_with_outline() -> RegionPack {
        RegionPack {
            outlines: vec![BodyOutline {
                view: View::RightSide,
                aspect: Atlas::CHART_ASPECT,
                polygons: vec![vec![[0.4, 0.0], [0.6, 0.0], [0.5, 1.0]]],
                details: vec![],
                close_ups: vec![CloseUp {
                    name: "Head".into(),
                    x0: 0.4,
                    y0: 0.0,
                    x1: 0.7,
                    y1: 0.2,
                }],
            }],
            ..pack()
        }
    }

    /// Validates `pack` against an empty atlas and returns the message.
    fn outline_error(pack: RegionPack) -> String {
        match Atlas::default().with_pack(pack) {
            Ok(_) => panic!("pack was accepted"),
            Err(e) => e.to_string(),
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
    fn referral_areas_are_drawn_on_every_view_they_show_on() {
        let mut p = pack();
        p.areas.push(SkinArea {
            id: "tmj:cheek".into(),
            name: "Cheek".into(),
            shapes: vec![
                AreaShape {
                    view: View::Front,
                    polygon: vec![[0.4, 0.1], [0.45, 0.1], [0.45, 0.12]],
                },
                AreaShape {
                    view: View::RightSide,
                    polygon: vec![[0.6, 0.1], [0.65, 0.1], [0.65, 0.12]],
                },
            ],
        });
        m0(&mut p).referral_areas.spillover = vec!["tmj:cheek".into()];
        let atlas = Atlas::builtin().with_pack(p).expect("valid pack");
        let zones = &atlas.muscle("tmj:masseter").expect("added").referral_zones;
        let from_area: Vec<_> = zones.iter().filter(|z| z.area.is_some()).collect();
        assert_eq!(from_area.len(), 2);
        assert!(from_area.iter().all(|z| !z.primary));
        assert_eq!(from_area[1].view, View::RightSide);
    }

    #[test]
    fn a_muscle_may_refer_to_an_area_of_a_loaded_pack() {
        let mut p = pack();
        let core_area = Atlas::builtin()
            .areas()
            .next()
            .expect("core areas")
            .id
            .clone();
        m0(&mut p).referral_zones.clear();
        m0(&mut p).referral_areas.essential = vec![core_area];
        let atlas = Atlas::builtin().with_pack(p).expect("valid pack");
        assert!(!atlas
            .muscle("tmj:masseter")
            .expect("added")
            .referral_zones
            .is_empty());
    }

    #[test]
    fn unknown_areas_and_left_profiles_are_refused() {
        let mut p = pack();
        m0(&mut p).referral_areas.essential = vec!["tmj:nowhere".into()];
        assert_eq!(
            error(p),
            "muscle tmj:masseter: skin area tmj:nowhere is not defined in this pack or a loaded one"
        );
        let mut p = pack();
        m0(&mut p).points[0].view = View::LeftSide;
        assert!(error(p).contains("draw it on right-side, the left is its mirror"));
    }

    #[test]
    fn the_left_profile_is_the_right_one_mirrored() {
        let atlas = Atlas::default()
            .with_pack(pack_with_outline())
            .expect("valid pack");
        let right = atlas.outline(View::RightSide).expect("drawn");
        let left = atlas.outline(View::LeftSide).expect("mirrored");
        let [x, y] = right.polygons[0][0];
        assert_eq!(left.polygons[0][0], [1.0 - x, y]);
        let (r, l) = (&right.close_ups[0], &left.close_ups[0]);
        assert!((l.x0 - (1.0 - r.x1)).abs() < 1e-6 && (l.x1 - (1.0 - r.x0)).abs() < 1e-6);
    }

    #[test]
    fn a_valid_plugin_pack_is_added() {
        let atlas = Atlas::builtin().with_pack(pack()).expect("valid pack");
        assert!(atlas.muscle("tmj:masseter").is_some());
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
        let mut p = pack_with_outline();
        p.outlines[0].polygons[0][0][0] = -0.1;
        assert!(outline_error(p).starts_with("outline right-side: polygon 1 vertex 1 has x = -0.1"));
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
            "muscle tmj:masseter: has no essential referral area or primary referral zone"
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
        let mut p = pack_with_outline();
        p.outlines[0].view = View::Front;
        p.regions[0].views = vec![View::Front];
        assert_eq!(error(p), "outline front: this view already has an outline");
        let mut p = pack_with_outline();
        p.outlines[0].aspect = 0.5;
        assert!(outline_error(p).starts_with("outline right-side: aspect is 0.5"));
        let mut p = pack_with_outline();
        p.outlines[0].close_ups[0].y1 = 0.0;
        assert_eq!(
            outline_error(p),
            "outline right-side: close-up \"Head\" is empty"
        );
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
