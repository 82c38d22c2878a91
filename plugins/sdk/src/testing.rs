//! Test a plugin without the app: [`TestPlugin`] calls the functions
//! [`export_plugin!`](crate::export_plugin) exported, through the same C
//! boundary and JSON the app uses, and [`TestPlugin::check`] applies the
//! app's own rules for a single pack ([`Manifest::validate`]).
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
//! The app checks a little more, against the other packs it has loaded (for
//! example that a technique `core:...` exists, or that the namespace is not
//! taken); `myochart plugins validate PATH` runs those checks too on the built
//! library.

use crate::abi::{CallFn, FreeFn, ManifestFn, Reply, ABI_VERSION, STATUS_OK};
use crate::Manifest;

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

    /// Checks the ABI version, then the manifest by the app's own rules for a
    /// single pack ([`Manifest::validate`]: ids namespaced and unique,
    /// coordinates in 0..1, nothing on the `left-side` view, references to
    /// this pack's own techniques and areas defined, ...), then that every
    /// assessment's method answers with a score. Returns the manifest.
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
        manifest.validate().map_err(|e| e.to_string())?;
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
