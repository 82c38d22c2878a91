//! What a plugin's `manifest()` returns: one region pack and the assessments
//! the plugin scores through `call`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::RegionPack;

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

/// A form of measured values that the plugin scores through `call`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub struct Assessment {
    /// `namespace:name`, e.g. `met:cervical-rom`.
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
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub struct AssessmentField {
    /// Unique within the assessment, e.g. "flexion".
    pub id: String,
    /// Shown on the form.
    pub label: String,
    /// e.g. "°".
    pub unit: String,
    /// The normal (full) value the measurement is compared with, more than 0.
    pub normal: f64,
}

/// What the host sends to an assessment's method: the measured value of each
/// field, by field id.
pub type AssessmentInput = BTreeMap<String, f64>;

/// What an assessment's method returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub struct AssessmentScore {
    /// One line per field, in form order.
    pub items: Vec<ScoredField>,
    /// The result in a sentence or two, for the SOAP note.
    pub summary: String,
}

/// One field's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
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
