//! A plugin folder on disk: `plugin.toml` and the library beside it, read and
//! hashed without running any of the library's code.

use std::io::Read;
use std::path::{Path, PathBuf};

use myochart_plugin_abi::ABI_VERSION;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::{library::library_in, PluginError};

/// `plugin.toml`: what the plugin manager shows before the library is trusted.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Descriptor {
    /// Prefix of every id the plugin defines; must match its manifest's.
    pub namespace: String,
    pub name: String,
    pub version: String,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub description: String,
    /// The plugin ABI version the library was built for.
    pub abi: u32,
    /// The library's file name, when the folder holds more than one library.
    pub library: Option<String>,
}

impl Descriptor {
    /// Reads the text of a `plugin.toml`; the error says what is wrong.
    pub fn parse(text: &str) -> Result<Descriptor, String> {
        let descriptor: Descriptor =
            toml::from_str(text).map_err(|e| format!("not a valid plugin.toml: {e}"))?;
        let ns = &descriptor.namespace;
        let ns_ok = !ns.is_empty()
            && ns
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ns_ok {
            return Err(format!(
                "namespace {ns:?} must be lowercase letters, digits and '-'"
            ));
        }
        if descriptor.abi != ABI_VERSION {
            return Err(format!(
                "it declares plugin ABI version {}, but this Myochart supports version \
                 {ABI_VERSION}",
                descriptor.abi
            ));
        }
        Ok(descriptor)
    }
}

/// A plugin folder whose `plugin.toml` reads and whose library was found.
#[derive(Debug, Clone, PartialEq)]
pub struct PluginFolder {
    pub folder: PathBuf,
    pub descriptor: Descriptor,
    pub library: PathBuf,
    /// Hex SHA-256 of the library file.
    pub sha256: String,
}

impl PluginFolder {
    /// Reads `folder/plugin.toml`, finds the library and hashes it.
    pub fn read(folder: &Path) -> Result<PluginFolder, PluginError> {
        let toml_path = folder.join("plugin.toml");
        let fail = |reason: String| PluginError::new(&toml_path, reason);
        let text =
            std::fs::read_to_string(&toml_path).map_err(|e| fail(format!("can't read it: {e}")))?;
        let descriptor = Descriptor::parse(&text).map_err(fail)?;
        let library = library_in(folder, descriptor.library.as_deref())
            .map_err(|reason| PluginError::new(folder, reason))?;
        let sha256 = sha256_file(&library)?;
        Ok(PluginFolder {
            folder: folder.to_owned(),
            descriptor,
            library,
            sha256,
        })
    }
}

/// Every plugin folder (a folder holding `plugin.toml`) directly inside
/// `dirs`, sorted by path; folders that can't be read come back as errors.
/// A plugins folder that does not exist holds no plugins.
pub fn discover(dirs: &[PathBuf]) -> Vec<Result<PluginFolder, PluginError>> {
    let mut folders: Vec<PathBuf> = dirs
        .iter()
        .filter_map(|dir| std::fs::read_dir(dir).ok())
        .flatten()
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.join("plugin.toml").is_file())
        .collect();
    folders.sort();
    folders.dedup();
    folders.iter().map(|f| PluginFolder::read(f)).collect()
}

/// Hex SHA-256 of a file's bytes.
pub fn sha256_file(path: &Path) -> Result<String, PluginError> {
    let fail = |e: std::io::Error| PluginError::new(path, format!("can't read the library: {e}"));
    let mut file = std::fs::File::open(path).map_err(fail)?;
    sha256_of(&mut file).map_err(fail)
}

/// Hex SHA-256 of everything `reader` gives.
pub(super) fn sha256_of(reader: &mut impl Read) -> std::io::Result<String> {
    let mut hasher = Sha256::new();
    std::io::copy(reader, &mut hasher)?;
    Ok(hex(&hasher.finalize()))
}

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
