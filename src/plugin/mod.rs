//! The plugin host: finds plugin folders, keeps the user's approval of each
//! library (by its SHA-256), probes approved ones in a child process, loads
//! them, validates their content and adds it to the atlas.
//!
//! The order is the point (see DESIGN.md, Plugins): a library's code runs only
//! after the user approved that exact file (the host loads a private copy
//! whose hash it checked, read-only in the database's own `.plugin-cache`
//! folder, loaded through the handle it hashed, so the file can't change
//! between check and load); its first run is in a child
//! process ([`PluginProcess`]) so a crash can't take the app down; in this
//! process the ABI version is checked before anything else is called; the
//! manifest is validated like the built-in atlas; a library, once loaded,
//! is never unloaded: disabling hides its content until restart; and its
//! `call`s run in a child process too, since they see input the probe never
//! tried (a crash while scoring costs that score, not the session).
//!
//! Every failure is a [`PluginError`] naming the file and the reason, and the
//! host goes on with the other plugins.

mod child;
mod folder;
#[cfg(test)]
mod fuzz;
mod host;
mod library;
mod manifest;

use std::path::{Path, PathBuf};

pub use child::{call, probe, CallReport, PluginProcess, ProbeReport};
pub use folder::{discover, sha256_file, Descriptor, PluginFolder};
pub use host::{PluginHost, PluginInfo, PluginOptions, PluginState};
pub use library::{Library, LibraryFile};
pub use manifest::{
    parse_manifest, validate_manifest, Assessment, AssessmentField, AssessmentScore, Manifest,
    ScoredField,
};

use crate::atlas::Atlas;

/// Why a plugin can't be used: the file, and the reason in plain words.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("plugin {}: {reason}", path.display())]
pub struct PluginError {
    pub path: PathBuf,
    pub reason: String,
}

impl PluginError {
    pub fn new(path: &Path, reason: impl Into<String>) -> PluginError {
        PluginError {
            path: path.to_owned(),
            reason: reason.into(),
        }
    }
}

/// The plugins folder that belongs with a database: `plugins` beside it (in
/// the OS app-data folder for the default database).
pub fn default_dir(database: &Path) -> PathBuf {
    database
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("plugins")
}

/// The folder of plugins installed with the app (the packages ship the
/// example plugins there), found from this executable's folder the way the
/// packages lay it out: `/usr/bin` and `/usr/lib/myochart/plugins` on Linux
/// (the same inside an AppImage), `Contents/MacOS` and `Contents/Resources/plugins`
/// in a macOS app, `plugins` beside the executable on Windows. Its plugins
/// wait for the user's approval like any others.
pub fn installed_dir() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let bin = exe.parent()?;
    if cfg!(windows) {
        return Some(bin.join("plugins"));
    }
    let prefix = bin.parent()?;
    Some(if cfg!(target_os = "macos") {
        prefix.join("Resources/plugins")
    } else {
        prefix.join("lib/myochart/plugins")
    })
}

/// Where the app and the CLI look for plugins: the database's own folder,
/// the installed one, then `extra` (given with `--plugins-dir`).
pub fn search_dirs(database: &Path, extra: &[PathBuf]) -> Vec<PathBuf> {
    let mut dirs = vec![default_dir(database)];
    dirs.extend(installed_dir());
    dirs.extend_from_slice(extra);
    dirs
}

/// Loads the library `file` into this process and validates its manifest
/// against `atlas` and the `assessments` already loaded: ABI version first,
/// then the manifest's JSON, its namespace against `namespace` (from
/// `plugin.toml`), and the content rules of [`validate_manifest`].
pub fn load(
    file: LibraryFile,
    namespace: Option<&str>,
    atlas: &Atlas,
    assessments: &[Assessment],
) -> Result<(Library, Manifest), PluginError> {
    let path = file.path().to_owned();
    let fail = |reason: String| PluginError::new(&path, reason);
    let library = Library::open(file).map_err(fail)?;
    let manifest = parse_manifest(&library.manifest().map_err(fail)?).map_err(fail)?;
    if let Some(expected) = namespace {
        if manifest.pack.namespace != expected {
            return Err(fail(format!(
                "plugin.toml says namespace \"{expected}\" but the library's manifest says \"{}\"",
                manifest.pack.namespace
            )));
        }
    }
    validate_manifest(&manifest, atlas, assessments, library.has_call()).map_err(fail)?;
    Ok((library, manifest))
}
