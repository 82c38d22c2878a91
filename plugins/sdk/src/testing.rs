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
    /// ids namespaced and unique, coordinates in 0..1, at least one point and
    /// one primary referral zone per muscle, techniques defined, assessment
    /// methods answered. Returns the manifest.
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
    for t in &pack.techniques {
        claim(&t.id)?;
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
            let own = pack.techniques.iter().any(|t| t.id == mu.technique);
            if !own && mu.technique.starts_with(&format!("{ns}:")) {
                return Err(format!(
                    "{}: technique {} is not defined",
                    mu.id, mu.technique
                ));
            }
            if mu.points.is_empty() || !mu.referral_zones.iter().any(|z| z.primary) {
                return Err(format!(
                    "{}: needs a point and a primary referral zone",
                    mu.id
                ));
            }
            let on_views = |v: View| r.views.contains(&v);
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
