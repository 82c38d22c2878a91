//! What a plugin's `manifest()` returns, read with the core's own atlas types
//! (unknown fields are errors), and the rules for assessments.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::atlas::{self, Atlas, RegionPack};

/// Everything a plugin adds: one region pack and any assessments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Manifest {
    pub pack: RegionPack,
    #[serde(default)]
    pub assessments: Vec<Assessment>,
}

/// A form of measured values that a plugin scores through `call`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Assessment {
    /// Namespaced like atlas ids, e.g. `met:cervical-rom`.
    pub id: String,
    pub name: String,
    pub summary: String,
    /// The plugin's `call` method that scores it.
    pub method: String,
    /// In form order.
    pub fields: Vec<AssessmentField>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct AssessmentField {
    pub id: String,
    pub label: String,
    /// e.g. "°".
    pub unit: String,
    /// The normal (full) value the measurement is compared with.
    pub normal: f64,
}

/// A plugin's score of an assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct AssessmentScore {
    /// One per field, in form order.
    pub items: Vec<ScoredField>,
    /// A sentence or two for the SOAP note.
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct ScoredField {
    pub field: String,
    pub label: String,
    pub value: f64,
    pub normal: f64,
    /// `value` as a percentage of `normal`.
    pub percent: f64,
}

impl Manifest {
    /// Parses a manifest; the error says what is wrong with the JSON.
    pub fn from_json(bytes: &[u8]) -> Result<Manifest, String> {
        serde_json::from_slice(bytes)
            .map_err(|e| format!("the manifest is not valid JSON for the plugin schema: {e}"))
    }

    /// Checks the manifest before its content joins `atlas`: the pack by the
    /// atlas rules ([`atlas::validate`]), then the assessments: namespaced ids
    /// that collide with nothing in `atlas` or `others` (assessments already
    /// loaded), fields with unique ids and a positive normal value, and a
    /// `call` function to score them.
    pub fn validate(
        &self,
        atlas: &Atlas,
        others: &[Assessment],
        has_call: bool,
    ) -> Result<(), String> {
        atlas::validate(&self.pack, atlas).map_err(|e| e.to_string())?;
        let ns = &self.pack.namespace;
        let pack_ids: HashSet<&str> = self
            .pack
            .regions
            .iter()
            .flat_map(|r| {
                std::iter::once(r.id.as_str()).chain(r.muscles.iter().map(|m| m.id.as_str()))
            })
            .chain(self.pack.techniques.iter().map(|t| t.id.as_str()))
            .collect();
        let mut ids = HashSet::new();
        for a in &self.assessments {
            let fail = |reason: String| Err(format!("assessment {}: {reason}", a.id));
            let named =
                a.id.strip_prefix(ns.as_str())
                    .and_then(|rest| rest.strip_prefix(':'))
                    .is_some_and(|name| !name.trim().is_empty());
            if !named {
                return fail(format!("the id must be \"{ns}:\" followed by a name"));
            }
            let taken = pack_ids.contains(a.id.as_str())
                || others.iter().any(|o| o.id == a.id)
                || !ids.insert(a.id.as_str());
            if taken {
                return fail("the id is used more than once".into());
            }
            if a.name.trim().is_empty() || a.method.trim().is_empty() {
                return fail("name and method must not be empty".into());
            }
            if !has_call {
                return fail("the library exports no call function to score it".into());
            }
            if a.fields.is_empty() {
                return fail("has no fields".into());
            }
            let mut field_ids = HashSet::new();
            for f in &a.fields {
                if f.id.trim().is_empty() || !field_ids.insert(f.id.as_str()) {
                    return fail(format!("field \"{}\" is empty or listed twice", f.id));
                }
                if !(f.normal.is_finite() && f.normal > 0.0) {
                    return fail(format!(
                        "field {}: normal is {}, it must be more than 0",
                        f.id, f.normal
                    ));
                }
            }
        }
        Ok(())
    }
}
