//! Write a Myochart plugin: body regions, techniques and assessments that join
//! the app's atlas.
//!
//! A plugin is a `cdylib` crate. Its author writes data ([`Manifest`], the same
//! schema as the app's own atlas) and, optionally, one ordinary function that
//! answers `call`s, such as scoring an assessment. [`export_plugin!`] writes
//! the C boundary (see [`abi`]): JSON bytes in and out, every entry wrapped in
//! `catch_unwind` so a panic becomes an error message instead of aborting the
//! app, and memory released by the side that allocated it.
//!
//! A complete plugin (`Cargo.toml` needs `crate-type = ["cdylib"]`, and a
//! `plugin.toml` ships beside the library; see the guide, `plugins/README.md`):
//!
//! ```
//! use myochart_plugin_sdk::{export_plugin, CallError, Manifest, RegionPack, Technique};
//! use serde_json::{json, Value};
//!
//! fn manifest() -> Manifest {
//!     Manifest {
//!         pack: RegionPack {
//!             namespace: "demo".into(),
//!             name: "Demo techniques".into(),
//!             regions: vec![],
//!             techniques: vec![Technique {
//!                 id: "demo:hold".into(),
//!                 name: "Gentle hold".into(),
//!                 summary: "Rest a hand on the area.".into(),
//!                 steps: vec!["Rest your hand on the area and breathe slowly.".into()],
//!                 min_seconds: 30,
//!                 max_seconds: 60,
//!                 cautions: vec![],
//!                 tools: vec![],
//!             }],
//!             outlines: vec![],
//!             areas: vec![],
//!         },
//!         assessments: vec![],
//!     }
//! }
//!
//! fn call(method: &str, input: Value) -> Result<Value, CallError> {
//!     match method {
//!         "echo" => Ok(json!({ "echo": input })),
//!         other => Err(CallError::UnknownMethod(other.into())),
//!     }
//! }
//!
//! export_plugin!(manifest: manifest, call: call);
//!
//! // The test helper goes through the same C boundary as the app.
//! let plugin = myochart_plugin_sdk::testing::TestPlugin::new(myochart_plugin_exports());
//! let manifest = plugin.check().expect("valid");
//! assert_eq!(manifest.pack.techniques[0].id, "demo:hold");
//! assert_eq!(plugin.call("echo", json!(1)).expect("echo"), json!({ "echo": 1 }));
//! assert!(plugin.call("nope", json!(null)).expect_err("unknown").contains("nope"));
//! ```

#![deny(missing_docs)]

pub mod testing;

pub use myochart_plugin_abi as abi;
/// The content schema, shared with the app (`plugins/schema`); its types are
/// also re-exported here at the top.
pub use myochart_plugin_schema as schema;
pub use schema::*;
pub use serde_json;

/// Why a `call` failed; the host shows the message to the therapist.
#[derive(Debug, Clone, PartialEq)]
pub enum CallError {
    /// The plugin has no method of that name.
    UnknownMethod(String),
    /// The input is not what the method expects; say what is wrong.
    BadInput(String),
    /// Anything else.
    Failed(String),
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::UnknownMethod(method) => write!(f, "no method \"{method}\""),
            CallError::BadInput(reason) => write!(f, "bad input: {reason}"),
            CallError::Failed(reason) => f.write_str(reason),
        }
    }
}

impl std::error::Error for CallError {}

/// Exports a plugin's C boundary from its `manifest` function and, optionally,
/// its `call` function:
///
/// ```ignore
/// export_plugin!(manifest: manifest);
/// export_plugin!(manifest: manifest, call: call);
/// ```
///
/// - `manifest: fn() -> Manifest`
/// - `call: fn(method: &str, input: serde_json::Value) -> Result<serde_json::Value, CallError>`
///
/// It also defines `myochart_plugin_exports()`, which hands the exported
/// functions to [`testing::TestPlugin`].
#[macro_export]
macro_rules! export_plugin {
    (manifest: $manifest:path $(,)?) => {
        $crate::export_plugin!(@common $manifest, ::core::option::Option::None);
    };
    (manifest: $manifest:path, call: $call:path $(,)?) => {
        /// Answers a `call` from the host: method and input in, JSON out.
        ///
        /// # Safety
        /// `method` and `input` point to `method_len` and `input_len` readable bytes.
        #[no_mangle]
        pub unsafe extern "C" fn myochart_plugin_call(
            method: *const u8,
            method_len: usize,
            input: *const u8,
            input_len: usize,
        ) -> $crate::abi::Reply {
            // SAFETY: the host passes valid byte ranges (the ABI contract).
            unsafe { $crate::__private::call_reply(method, method_len, input, input_len, $call) }
        }
        $crate::export_plugin!(@common $manifest, ::core::option::Option::Some(
            myochart_plugin_call as $crate::abi::CallFn
        ));
    };
    (@common $manifest:path, $call:expr) => {
        /// The ABI version this plugin was built for; the host reads it first.
        #[no_mangle]
        pub static MYOCHART_PLUGIN_ABI: u32 = $crate::abi::ABI_VERSION;

        /// The plugin's content as JSON.
        #[no_mangle]
        pub extern "C" fn myochart_plugin_manifest() -> $crate::abi::Reply {
            $crate::__private::manifest_reply($manifest)
        }

        /// Releases a reply this plugin returned.
        ///
        /// # Safety
        /// `reply` came from this plugin and is released only once.
        #[no_mangle]
        pub unsafe extern "C" fn myochart_plugin_free(reply: $crate::abi::Reply) {
            // SAFETY: the host gives back a reply this library made, once.
            unsafe { $crate::__private::free_reply(reply) }
        }

        /// The exported functions, for the SDK's `testing::TestPlugin`.
        #[doc(hidden)]
        pub fn myochart_plugin_exports() -> $crate::testing::Exports {
            $crate::testing::Exports {
                abi_version: MYOCHART_PLUGIN_ABI,
                manifest: myochart_plugin_manifest,
                call: $call,
                free: myochart_plugin_free,
            }
        }
    };
}

/// What [`export_plugin!`] expands to calls; not part of the API.
#[doc(hidden)]
pub mod __private {
    use crate::abi::{Reply, STATUS_ERROR, STATUS_OK};
    use crate::{CallError, Manifest};
    use std::panic::{catch_unwind, AssertUnwindSafe};

    /// Hands `bytes` to the host; [`free_reply`] takes them back.
    fn reply(status: u32, bytes: Vec<u8>) -> Reply {
        // A boxed slice has no spare capacity, so `len` alone rebuilds it.
        let boxed = bytes.into_boxed_slice();
        let len = boxed.len();
        Reply {
            status,
            ptr: Box::into_raw(boxed).cast::<u8>(),
            len,
        }
    }

    fn error(message: String) -> Reply {
        reply(STATUS_ERROR, message.into_bytes())
    }

    fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
        let text = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_owned());
        format!("the plugin panicked: {text}")
    }

    pub fn manifest_reply(manifest: fn() -> Manifest) -> Reply {
        let result = catch_unwind(AssertUnwindSafe(|| serde_json::to_vec(&manifest())));
        match result {
            Ok(Ok(json)) => reply(STATUS_OK, json),
            Ok(Err(e)) => error(format!("the manifest does not serialize: {e}")),
            Err(payload) => error(panic_message(payload.as_ref())),
        }
    }

    /// # Safety
    /// The pointers cover `*_len` readable bytes (or are null with length 0).
    pub unsafe fn call_reply(
        method: *const u8,
        method_len: usize,
        input: *const u8,
        input_len: usize,
        call: fn(&str, serde_json::Value) -> Result<serde_json::Value, CallError>,
    ) -> Reply {
        // SAFETY: guaranteed by the caller.
        let (method, input) = unsafe { (bytes(method, method_len), bytes(input, input_len)) };
        let result = catch_unwind(AssertUnwindSafe(|| {
            let method = std::str::from_utf8(method)
                .map_err(|_| CallError::BadInput("the method name is not UTF-8".into()))?;
            let input = serde_json::from_slice(input)
                .map_err(|e| CallError::BadInput(format!("the input is not JSON: {e}")))?;
            let output = call(method, input)?;
            serde_json::to_vec(&output).map_err(|e| CallError::Failed(e.to_string()))
        }));
        match result {
            Ok(Ok(json)) => reply(STATUS_OK, json),
            Ok(Err(e)) => error(e.to_string()),
            Err(payload) => error(panic_message(payload.as_ref())),
        }
    }

    /// # Safety
    /// `ptr` covers `len` readable bytes, or `len` is 0.
    unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
        if ptr.is_null() || len == 0 {
            &[]
        } else {
            // SAFETY: guaranteed by the caller.
            unsafe { std::slice::from_raw_parts(ptr, len) }
        }
    }

    /// # Safety
    /// `reply` was made by `reply` in this library and is freed once.
    pub unsafe fn free_reply(reply: Reply) {
        if reply.ptr.is_null() {
            return;
        }
        let slice = std::ptr::slice_from_raw_parts_mut(reply.ptr, reply.len);
        // SAFETY: `ptr` and `len` came from `Box::into_raw` of a boxed slice.
        drop(unsafe { Box::from_raw(slice) });
    }
}
