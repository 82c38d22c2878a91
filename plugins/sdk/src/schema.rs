//! The content a plugin provides, in the same JSON schema as Myochart's own
//! atlas (`assets/atlas/neck-shoulder.json` in the app is one such pack).
//!
//! Coordinates are normalized chart coordinates: `x` across and `y` down the
//! chart box, both in `0..=1`; the box is 0.45 wide for 1 high. Points and
//! zones are described for the client's RIGHT side (the app mirrors them for
//! the left): on the `front` view that is the viewer's left (x < 0.5), on the
//! `back` view the viewer's right (x > 0.5). On the `side` view the head faces
//! the viewer's right.
//!
//! Every id is namespaced by the pack: `"tmj:masseter"` in pack `"tmj"`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything a plugin adds: one region pack and any assessments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Manifest {
    /// Regions, muscles, techniques and body outlines.
    pub pack: RegionPack,
    /// Forms the therapist fills in and the plugin scores through `call`.
    #[serde(default)]
    pub assessments: Vec<Assessment>,
}

impl Manifest {
    /// Parses a manifest written as JSON, e.g. `include_str!("../manifest.json")`;
    /// unknown fields are errors, as in the app.
    pub fn from_json(json: &str) -> Result<Manifest, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// Which body chart a position is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum View {
    /// The whole body from the front.
    Front,
    /// The whole body from the back.
    Back,
    /// A side view, drawn by the pack that needs it (see [`BodyOutline`]).
    Side,
}

/// Symptoms that call for a physician; a muscle lists those its pain can mimic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RedFlag {
    /// Numbness, tingling or weakness in the arm or hand.
    ArmNumbness,
    /// A sudden or "worst ever" headache.
    SuddenHeadache,
    /// Headache with fever or a stiff neck.
    HeadacheFeverStiffNeck,
    /// Symptoms after a fall, blow or concussion.
    AfterTrauma,
    /// Dizziness or visual changes.
    DizzinessVisual,
    /// An unexplained lump.
    UnexplainedLump,
    /// Symptoms that spread or keep worsening.
    SpreadingWorsening,
}

/// A polygon (or an outline's polyline) of `[x, y]` chart coordinates.
pub type Polygon = Vec<[f32; 2]>;

/// A unit of atlas content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegionPack {
    /// Prefix of every id: lowercase letters, digits and '-'. Must match
    /// `namespace` in `plugin.toml`.
    pub namespace: String,
    /// Shown to the therapist.
    pub name: String,
    /// Body regions with their muscles; may be empty for a technique pack.
    pub regions: Vec<Region>,
    /// Techniques, referenced by muscles of this or a loaded pack.
    pub techniques: Vec<Technique>,
    /// Outlines for views no other pack draws (the built-in pack draws front
    /// and back).
    #[serde(default)]
    pub outlines: Vec<BodyOutline>,
}

/// A body region: the muscles charted on the views it lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Region {
    /// `namespace:name`.
    pub id: String,
    /// Shown to the therapist.
    pub name: String,
    /// The views its points and zones are drawn on.
    pub views: Vec<View>,
    /// The muscles.
    pub muscles: Vec<Muscle>,
}

/// A muscle with its trigger points, where they refer pain, and self-care.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
    /// At least one primary zone.
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
    /// Red flags this muscle's pattern can mimic.
    #[serde(default)]
    pub red_flags: Vec<RedFlag>,
    /// A caution for the therapist, if any.
    pub caution: Option<String>,
}

/// A trigger point, placed for the client's right side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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

/// Where a muscle's points send pain, as a polygon on one view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReferralZone {
    /// The view it is drawn on.
    pub view: View,
    /// At least 3 vertices.
    pub polygon: Polygon,
    /// The essential zone (true) or a spillover zone (false).
    pub primary: bool,
}

/// A stretch for the handout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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

/// The drawing of the body for a view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BodyOutline {
    /// The view it draws.
    pub view: View,
    /// Width:height of the chart box: always 0.45.
    pub aspect: f32,
    /// Filled shapes: the silhouette.
    pub polygons: Vec<Polygon>,
    /// Open polylines drawn over it (jaw line, ear, eye).
    #[serde(default)]
    pub details: Vec<Polygon>,
}

/// A form of measured values that the plugin scores through `call`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Assessment {
    /// `namespace:name`.
    pub id: String,
    /// Shown to the therapist.
    pub name: String,
    /// What it measures and how, in one or two sentences.
    pub summary: String,
    /// The `call` method that scores it: input [`AssessmentInput`], output
    /// [`AssessmentScore`].
    pub method: String,
    /// The values to measure, in form order; ids unique.
    pub fields: Vec<AssessmentField>,
}

/// One measured value of an assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssessmentField {
    /// Unique within the assessment, e.g. "flexion".
    pub id: String,
    /// Shown on the form.
    pub label: String,
    /// e.g. "°".
    pub unit: String,
    /// The normal (full) value, more than 0.
    pub normal: f64,
}

/// What the host sends to an assessment's method: the measured value of each
/// field, by field id.
pub type AssessmentInput = BTreeMap<String, f64>;

/// What an assessment's method returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssessmentScore {
    /// One line per field, in form order.
    pub items: Vec<ScoredField>,
    /// The result in a sentence or two, for the SOAP note.
    pub summary: String,
}

/// One field's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScoredField {
    /// The field's id.
    pub field: String,
    /// The field's label.
    pub label: String,
    /// What was measured.
    pub value: f64,
    /// The normal value it is compared with.
    pub normal: f64,
    /// `value` as a percentage of `normal`.
    pub percent: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The SDK re-declares the app's atlas schema for plugin authors; the app
    /// parses manifests with its own types, rejecting unknown fields. These
    /// checks catch the two copies drifting apart: the app's own data must
    /// read into the SDK's types (the app's tests load the SDK-built example
    /// plugins for the other direction).
    #[test]
    fn the_schema_reads_the_apps_own_atlas() {
        let pack: RegionPack =
            serde_json::from_str(include_str!("../../../assets/atlas/neck-shoulder.json"))
                .expect("the built-in pack fits the SDK schema");
        assert_eq!(pack.namespace, "core");
        let outlines: Vec<BodyOutline> =
            serde_json::from_str(include_str!("../../../assets/atlas/outlines.json"))
                .expect("the built-in outlines fit the SDK schema");
        assert_eq!(outlines.len(), 2);
    }
}
