//! Test a plugin without the app: [`TestPlugin`] calls the functions
//! [`export_plugin!`](crate::export_plugin) exported, through the same C
//! boundary and JSON the app uses, and [`TestPlugin::check`] applies the
//! app's main content rules.
//!
//! In the plugin crate:
//!
//! ```ignore
//! #[test]
//! fn the_plugin_is_valid() {
//!     let plugin = myochart_plugin_sdk::testing::TestPlugin::new(myochart_plugin_exports());
//!     plugin.check().unwrap();
//! }
//! ```
//!
//! The app checks a little more (for example that ids don't collide with other
//! installed plugins); `myochart plugins validate PATH` runs the app's own
//! checks on the built library.

use std::collections::HashSet;

use crate::abi::{CallFn, FreeFn, ManifestFn, Reply, ABI_VERSION, STATUS_OK};
use crate::{Manifest, View};

/// The functions a plugin exports; `myochart_plugin_exports()` returns them.
#[derive(Debug, Clone, Copy)]
pub struct Exports {
    /// The value of `MYOCHART_PLUGIN_ABI`.
    pub abi_version: u32,
    /// `myochart_plugin_manifest`.
    pub manifest: ManifestFn,
    /// `myochart_plugin_call`, if the plugin answers calls.
    pub call: Option<CallFn>,
    /// `myochart_plugin_free`.
    pub free: FreeFn,
}

/// A plugin under test.
#[derive(Debug, Clone, Copy)]
pub struct TestPlugin {
    exports: Exports,
}

impl TestPlugin {
    /// Wraps a plugin's exported functions.
    pub fn new(exports: Exports) -> TestPlugin {
        TestPlugin { exports }
    }

    /// The manifest, parsed as the app parses it (unknown fields are errors).
    pub fn manifest(&self) -> Result<Manifest, String> {
        // SAFETY: the functions come from `export_plugin!` in this process.
        let bytes = self.take(unsafe { (self.exports.manifest)() })?;
        serde_json::from_slice(&bytes).map_err(|e| format!("the manifest is not valid: {e}"))
    }

    /// Calls `method` with `input`, as the app does.
    pub fn call(
        &self,
        method: &str,
        input: serde_json::Value,
    ) -> Result<serde_json::Value, String> {
        let call = self
            .exports
            .call
            .ok_or("the plugin exports no call function")?;
        let input = input.to_string();
        // SAFETY: both byte ranges are valid for the duration of the call.
        let reply = unsafe { call(method.as_ptr(), method.len(), input.as_ptr(), input.len()) };
        let bytes = self.take(reply)?;
        serde_json::from_slice(&bytes).map_err(|e| format!("the reply is not JSON: {e}"))
    }

    /// Checks the ABI version and the manifest against the app's main rules:
    /// ids namespaced and unique, coordinates in 0..1, nothing on the
    /// `left-side` view (the app mirrors `right-side`), at least one point and
    /// an essential referral area (or a primary zone) per muscle, this pack's
    /// techniques and areas defined, assessment methods answered. Returns the
    /// manifest.
    ///
    /// Names of other packs (`core:thumb`, `core:pain-free-compression`) are
    /// left to the app, which knows what is loaded: `myochart plugins validate`.
    pub fn check(&self) -> Result<Manifest, String> {
        if self.exports.abi_version != ABI_VERSION {
            return Err(format!(
                "ABI version {} is not the SDK's {ABI_VERSION}",
                self.exports.abi_version
            ));
        }
        let manifest = self.manifest()?;
        check_manifest(&manifest)?;
        for a in &manifest.assessments {
            let zeros: serde_json::Map<_, _> = a
                .fields
                .iter()
                .map(|f| (f.id.clone(), serde_json::json!(f.normal)))
                .collect();
            let score = self.call(&a.method, zeros.into())?;
            serde_json::from_value::<crate::AssessmentScore>(score)
                .map_err(|e| format!("assessment {}: the score is not valid: {e}", a.id))?;
        }
        Ok(manifest)
    }

    /// Copies a reply's bytes and gives the reply back to the plugin.
    fn take(&self, reply: Reply) -> Result<Vec<u8>, String> {
        let bytes = if reply.ptr.is_null() {
            Vec::new()
        } else {
            // SAFETY: the plugin hands over `len` readable bytes until freed.
            unsafe { std::slice::from_raw_parts(reply.ptr, reply.len) }.to_vec()
        };
        let ok = reply.status == STATUS_OK;
        // SAFETY: the reply came from this plugin and is freed once.
        unsafe { (self.exports.free)(reply) };
        if ok {
            Ok(bytes)
        } else {
            Err(String::from_utf8_lossy(&bytes).into_owned())
        }
    }
}

fn check_manifest(m: &Manifest) -> Result<(), String> {
    let pack = &m.pack;
    let ns = pack.namespace.as_str();
    if ns.is_empty()
        || !ns
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(format!(
            "namespace {ns:?}: use lowercase letters, digits and '-'"
        ));
    }
    let mut ids = HashSet::new();
    let mut claim = |id: &str| {
        let named = id
            .strip_prefix(ns)
            .and_then(|rest| rest.strip_prefix(':'))
            .is_some_and(|name| !name.trim().is_empty());
        if !named {
            return Err(format!("{id}: ids must be \"{ns}:\" followed by a name"));
        }
        if !ids.insert(id.to_owned()) {
            return Err(format!("{id}: the id is used more than once"));
        }
        Ok(())
    };
    let in_range = |v: f32| (0.0..=1.0).contains(&v);
    let own = format!("{ns}:");
    for t in &pack.techniques {
        claim(&t.id)?;
    }
    for area in &pack.areas {
        claim(&area.id)?;
        for shape in &area.shapes {
            let inside = shape
                .polygon
                .iter()
                .all(|&[x, y]| in_range(x) && in_range(y));
            if shape.polygon.len() < 3 || !inside || shape.view == View::LeftSide {
                return Err(format!("{}: a shape is off the chart", area.id));
            }
        }
    }
    for a in &m.assessments {
        claim(&a.id)?;
        if a.fields.is_empty() {
            return Err(format!("{}: an assessment needs fields", a.id));
        }
    }
    for r in &pack.regions {
        claim(&r.id)?;
        for mu in &r.muscles {
            claim(&mu.id)?;
            let known = pack.techniques.iter().any(|t| t.id == mu.technique);
            if !known && mu.technique.starts_with(&own) {
                return Err(format!(
                    "{}: technique {} is not defined",
                    mu.id, mu.technique
                ));
            }
            let areas = &mu.referral_areas;
            for area in areas.essential.iter().chain(&areas.spillover) {
                let known = pack.areas.iter().any(|a| &a.id == area);
                if !known && area.starts_with(&own) {
                    return Err(format!("{}: skin area {area} is not defined", mu.id));
                }
            }
            let essential =
                !areas.essential.is_empty() || mu.referral_zones.iter().any(|z| z.primary);
            if mu.points.is_empty() || !essential {
                return Err(format!(
                    "{}: needs a point and an essential referral area or primary zone",
                    mu.id
                ));
            }
            // The app mirrors the right profile for the left side.
            let on_views = |v: View| r.views.contains(&v) && v != View::LeftSide;
            for p in &mu.points {
                if !in_range(p.x) || !in_range(p.y) || !on_views(p.view) {
                    return Err(format!(
                        "{}: point {} is off the region's chart",
                        mu.id, p.id
                    ));
                }
            }
            for z in &mu.referral_zones {
                let inside = z.polygon.iter().all(|&[x, y]| in_range(x) && in_range(y));
                if z.polygon.len() < 3 || !inside || !on_views(z.view) {
                    return Err(format!(
                        "{}: a referral zone is off the region's chart",
                        mu.id
                    ));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_manifest;
    use crate::Manifest;
    use serde_json::json;

    /// A pack of one muscle that refers to a skin area of the app.
    fn manifest() -> serde_json::Value {
        json!({
            "pack": {
                "namespace": "hand",
                "name": "Hand",
                "regions": [{
                    "id": "hand:hand",
                    "name": "Hand",
                    "views": ["front", "back", "right-side", "soles"],
                    "muscles": [{
                        "id": "hand:lumbricals",
                        "name": "Lumbricals",
                        "pointLocation": "In the palm",
                        "referralDescription": "Along the fingers",
                        "points": [{ "id": "tp1", "view": "front", "x": 0.11, "y": 0.52, "label": "palm" }],
                        "referralAreas": { "essential": ["core:middle-finger"] },
                        "prevalence": 0.3,
                        "technique": "core:pain-free-compression",
                        "stretch": { "name": "Hook", "steps": ["Curl"], "holdSeconds": 20, "repetitions": 3 },
                        "caution": null,
                        "sources": ["T&S Vol.1 ch.40"]
                    }]
                }],
                "techniques": []
            }
        })
    }

    fn check(json: serde_json::Value) -> Result<(), String> {
        let manifest: Manifest = serde_json::from_value(json).map_err(|e| e.to_string())?;
        check_manifest(&manifest)
    }

    #[test]
    fn a_muscle_may_refer_to_the_apps_areas_instead_of_drawing_zones() {
        assert_eq!(check(manifest()), Ok(()));
    }

    #[test]
    fn a_muscle_needs_an_essential_area_and_its_own_areas_defined() {
        let mut m = manifest();
        let muscle = &mut m["pack"]["regions"][0]["muscles"][0];
        muscle["referralAreas"] = json!({ "spillover": ["core:palm"] });
        assert!(check(m)
            .expect_err("no essential area")
            .contains("essential"));

        let mut m = manifest();
        let muscle = &mut m["pack"]["regions"][0]["muscles"][0];
        muscle["referralAreas"] = json!({ "essential": ["hand:knuckle"] });
        assert_eq!(
            check(m),
            Err("hand:lumbricals: skin area hand:knuckle is not defined".into())
        );
    }

    #[test]
    fn nothing_is_drawn_on_the_mirrored_left_profile() {
        let mut m = manifest();
        m["pack"]["regions"][0]["views"] = json!(["left-side"]);
        m["pack"]["regions"][0]["muscles"][0]["points"][0]["view"] = json!("left-side");
        assert_eq!(
            check(m),
            Err("hand:lumbricals: point tp1 is off the region's chart".into())
        );
    }
}
