//! What a plugin's `manifest()` returns, read with the plugin schema's types
//! (unknown fields are errors) and checked before its content joins the atlas.

use crate::atlas::{self, Atlas};

pub use myochart_plugin_schema::{
    Assessment, AssessmentField, AssessmentScore, Manifest, ScoredField,
};

/// Parses a manifest; the error says what is wrong with the JSON.
pub fn parse_manifest(bytes: &[u8]) -> Result<Manifest, String> {
    serde_json::from_slice(bytes)
        .map_err(|e| format!("the manifest is not valid JSON for the plugin schema: {e}"))
}

/// Checks a manifest before its content joins `atlas`: the pack by the atlas
/// rules ([`atlas::validate`]), the assessments by their own
/// ([`Manifest::validate_assessments`]), then that no assessment id is one of
/// `others` (assessments already loaded) and that the library has a `call`
/// function to score them.
pub fn validate_manifest(
    manifest: &Manifest,
    atlas: &Atlas,
    others: &[Assessment],
    has_call: bool,
) -> Result<(), String> {
    atlas::validate(&manifest.pack, atlas).map_err(|e| e.to_string())?;
    manifest.validate_assessments().map_err(|e| e.to_string())?;
    for a in &manifest.assessments {
        if others.iter().any(|o| o.id == a.id) {
            return Err(format!(
                "assessment {}: the id is used more than once",
                a.id
            ));
        }
        if !has_call {
            return Err(format!(
                "assessment {}: the library exports no call function to score it",
                a.id
            ));
        }
    }
    Ok(())
}
