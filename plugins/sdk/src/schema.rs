//! The content a plugin provides, in the same JSON schema as Myochart's own
//! whole-body atlas (`assets/atlas/` in the app: one file per region, the skin
//! areas, the outlines).
//!
//! Coordinates are normalized chart coordinates: `x` across and `y` down the
//! chart box, both in `0..=1`; the box is 0.45 wide for 1 high. Points and
//! zones are described for the client's RIGHT side (the app mirrors them for
//! the left): on the `front` view that is the viewer's left (x < 0.5), on the
//! `back` and `soles` views the viewer's right (x > 0.5), and `right-side` is
//! the right profile (the left profile is its mirror image, never drawn).
//!
//! Where pain refers is best given by skin area ([`ReferralAreas`]): the app's
//! own areas (`core:thumb`, `core:ball-of-foot`, ...) are drawn on every view
//! where that skin shows, so a muscle naming them needs no polygons.
//!
//! Every id is namespaced by the pack: `"hand:lumbricals"` in pack `"hand"`.

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

/// Which body chart a position is on. The app draws every view's outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum View {
    /// The whole body facing the viewer, palms forward: the client's right is
    /// the viewer's left.
    Front,
    /// The whole body from behind: the client's right is the viewer's right.
    Back,
    /// The client's right side in profile, facing the viewer's right.
    RightSide,
    /// The mirror image of [`View::RightSide`], made by the app: content on it
    /// is refused, draw it on `right-side`.
    LeftSide,
    /// Both soles from below, toes up: the right sole on the viewer's right.
    Soles,
}

/// Symptoms that call for a physician; a muscle lists those its pain can mimic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RedFlag {
    /// Numbness, tingling or weakness in the arm or hand.
    ArmNumbness,
    /// Numbness, tingling or weakness in the leg or foot.
    LegNumbness,
    /// A sudden or "worst ever" headache.
    SuddenHeadache,
    /// Headache with fever and a stiff neck.
    HeadacheFeverStiffNeck,
    /// A new temple headache after 50 with jaw pain on chewing, scalp
    /// tenderness or vision change.
    #[serde(rename = "temple-headache-over-50")]
    TempleHeadacheOver50,
    /// Symptoms after a fall, blow or concussion.
    AfterTrauma,
    /// Dizziness or visual changes.
    DizzinessVisual,
    /// Chest pain, pressure or breathlessness.
    ChestPain,
    /// Bladder or bowel changes, numbness in the saddle area.
    BladderBowelSaddle,
    /// A swollen, red or warm calf.
    SwollenCalf,
    /// Unexplained weight loss, a history of cancer, or constant pain worse at
    /// night.
    WeightLossNightPain,
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
    /// Outlines for views no other pack draws. The app draws every view, so a
    /// plugin leaves this empty.
    #[serde(default)]
    pub outlines: Vec<BodyOutline>,
    /// Skin areas of this pack, for patches of skin the app's areas do not
    /// name; muscles of this pack or a later one can refer to them.
    #[serde(default)]
    pub areas: Vec<SkinArea>,
}

/// A body region: the muscles charted on the views it lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
    /// area on every view where it shows.
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
    /// Red flags this muscle's pattern can mimic.
    #[serde(default)]
    pub red_flags: Vec<RedFlag>,
    /// A caution for the therapist, if any.
    pub caution: Option<String>,
    /// Where the pattern is documented ("T&S Vol.2 ch.27", a paper), for
    /// reviewers.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// The skin areas a muscle's pain refers to, by id (`core:thumb`, or an area
/// of this pack).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReferralAreas {
    /// The essential zone, felt by nearly everyone with an active point.
    #[serde(default)]
    pub essential: Vec<String>,
    /// The spillover zone, felt by some.
    #[serde(default)]
    pub spillover: Vec<String>,
}

/// A named patch of skin, drawn on each view where it shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
pub struct AreaShape {
    /// The view (not `left-side`: the app mirrors `right-side`).
    pub view: View,
    /// At least 3 vertices, inside the body's outline.
    pub polygon: Polygon,
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

/// Where a muscle's points send pain, as a polygon on one view (prefer
/// [`ReferralAreas`]).
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
    /// Filled shapes: the silhouette first.
    pub polygons: Vec<Polygon>,
    /// Open polylines drawn over it (collarbones, face, spine).
    #[serde(default)]
    pub details: Vec<Polygon>,
    /// Parts shown enlarged, where the whole body is too small to tap.
    #[serde(default)]
    pub close_ups: Vec<CloseUp>,
}

/// A part of a view shown enlarged: chart coordinates `x0..x1` across and
/// `y0..y1` down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
    use std::path::Path;

    fn atlas_file(name: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../assets/atlas")
            .join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The SDK re-declares the app's atlas schema for plugin authors; the app
    /// parses manifests with its own types, rejecting unknown fields. These
    /// checks catch the two copies drifting apart: the app's own data must
    /// read into the SDK's types (the app's tests load the SDK-built example
    /// plugins for the other direction).
    #[test]
    fn the_schema_reads_the_apps_own_atlas() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/atlas/regions");
        let mut regions = 0;
        for file in std::fs::read_dir(&folder).expect("the app's region files") {
            let path = file.expect("a region file").path();
            let json = std::fs::read_to_string(&path).expect("readable");
            let region: Region = serde_json::from_str(&json)
                .unwrap_or_else(|e| panic!("{} fits the SDK schema: {e}", path.display()));
            assert!(region.id.starts_with("core:"), "{}", region.id);
            regions += 1;
        }
        assert!(regions > 0);
        let outlines: Vec<BodyOutline> = serde_json::from_str(&atlas_file("outlines.json"))
            .expect("the built-in outlines fit the SDK schema");
        assert!(outlines.iter().any(|o| o.view == View::Front));
        // The area names (their drawings are per view, in skin/).
        let areas: Vec<SkinArea> = serde_json::from_str(&atlas_file("areas.json"))
            .expect("the built-in areas fit the SDK schema");
        assert!(areas.iter().any(|a| a.id == "core:thumb"));
        let techniques: Vec<Technique> = serde_json::from_str(&atlas_file("techniques.json"))
            .expect("the built-in techniques fit the SDK schema");
        assert!(techniques
            .iter()
            .any(|t| t.id == "core:pain-free-compression"));
    }

    #[test]
    fn views_and_red_flags_are_written_as_the_app_writes_them() {
        let views = [
            View::Front,
            View::Back,
            View::RightSide,
            View::LeftSide,
            View::Soles,
        ];
        let json = serde_json::to_string(&views).expect("serializes");
        assert_eq!(json, r#"["front","back","right-side","left-side","soles"]"#);
        let flag = serde_json::to_string(&RedFlag::TempleHeadacheOver50).expect("serializes");
        assert_eq!(flag, r#""temple-headache-over-50""#);
    }
}
