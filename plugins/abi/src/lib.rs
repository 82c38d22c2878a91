//! The C boundary between Myochart and a plugin library, shared by the host
//! (the `myochart` core) and the plugin SDK so that both sides agree on it.
//!
//! Only C types cross: a `u32` version, byte pointers with lengths, and
//! [`Reply`]. Everything else travels as UTF-8 JSON inside those bytes, because
//! Rust types (`String`, `Vec`, trait objects) have no stable layout between
//! two separately compiled libraries.
//!
//! A plugin library exports (the SDK's `export_plugin!` writes all of them):
//!
//! | symbol | C type | |
//! | --- | --- | --- |
//! | [`ABI_SYMBOL`] | `const uint32_t` | the ABI version; the host reads it first and refuses any other |
//! | [`MANIFEST_SYMBOL`] | [`ManifestFn`] | the content as JSON |
//! | [`CALL_SYMBOL`] | [`CallFn`] | optional: a computed feature, JSON in and out |
//! | [`FREE_SYMBOL`] | [`FreeFn`] | releases a [`Reply`]'s bytes, which the plugin allocated |
//!
//! Version 1 is frozen. A change that an older host or plugin would misread gets
//! a new version; additions that old plugins can ignore are new optional
//! symbols.

#![deny(missing_docs)]

/// The ABI version this crate describes.
pub const ABI_VERSION: u32 = 1;

/// `static MYOCHART_PLUGIN_ABI: u32`: the ABI version the plugin was built for.
pub const ABI_SYMBOL: &[u8] = b"MYOCHART_PLUGIN_ABI\0";
/// `extern "C" fn myochart_plugin_manifest() -> Reply`.
pub const MANIFEST_SYMBOL: &[u8] = b"myochart_plugin_manifest\0";
/// `extern "C" fn myochart_plugin_call(method, method_len, input, input_len) -> Reply`.
pub const CALL_SYMBOL: &[u8] = b"myochart_plugin_call\0";
/// `extern "C" fn myochart_plugin_free(reply: Reply)`.
pub const FREE_SYMBOL: &[u8] = b"myochart_plugin_free\0";

/// The manifest: `{"pack": <region pack>, "assessments": [...]}` as UTF-8 JSON.
pub type ManifestFn = unsafe extern "C" fn() -> Reply;
/// Calls `method` (UTF-8) with `input` (UTF-8 JSON); the reply holds JSON.
pub type CallFn = unsafe extern "C" fn(
    method: *const u8,
    method_len: usize,
    input: *const u8,
    input_len: usize,
) -> Reply;
/// Releases a reply's bytes. Called exactly once per reply, by the host.
pub type FreeFn = unsafe extern "C" fn(reply: Reply);

/// [`Reply::status`]: the bytes are the JSON asked for.
pub const STATUS_OK: u32 = 0;
/// [`Reply::status`]: the call failed (or panicked); the bytes are a UTF-8
/// message saying why.
pub const STATUS_ERROR: u32 = 1;

/// Bytes allocated by the plugin and handed to the host, who copies them and
/// gives the reply back through [`FreeFn`].
#[repr(C)]
#[derive(Debug)]
pub struct Reply {
    /// [`STATUS_OK`] or [`STATUS_ERROR`].
    pub status: u32,
    /// Start of the bytes; may be null when `len` is 0.
    pub ptr: *mut u8,
    /// Number of bytes.
    pub len: usize,
}
