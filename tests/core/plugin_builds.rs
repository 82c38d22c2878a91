//! Builds the plugin libraries in `plugins/` and installs them into plugins
//! folders, for the plugin tests and the plugin benchmark (which includes
//! this file with `#[path]`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// Every plugin crate the tests install, by folder name.
pub const PACKAGES: [(&str, &str); 10] = [
    ("hand-detail", "myochart-plugin-hand-detail"),
    ("foot-detail", "myochart-plugin-foot-detail"),
    ("met-rom", "myochart-plugin-met-rom"),
    ("fixtures/no-symbols", "myochart-fixture-no-symbols"),
    ("fixtures/wrong-abi", "myochart-fixture-wrong-abi"),
    ("fixtures/bad-json", "myochart-fixture-bad-json"),
    ("fixtures/bad-content", "myochart-fixture-bad-content"),
    ("fixtures/panics", "myochart-fixture-panics"),
    ("fixtures/crash", "myochart-fixture-crash"),
    ("fixtures/aborts", "myochart-fixture-aborts"),
];

/// Builds every plugin library once per test run; the path of each by its
/// folder under `plugins/`. Cargo reports where it put them, so this works
/// with any target folder.
fn libraries() -> &'static HashMap<&'static str, PathBuf> {
    static BUILT: OnceLock<HashMap<&'static str, PathBuf>> = OnceLock::new();
    BUILT.get_or_init(|| {
        let mut cargo = Command::new(env!("CARGO"));
        cargo
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["build", "--message-format=json-render-diagnostics"]);
        // The benchmark (an optimized build) measures optimized plugins.
        if !cfg!(debug_assertions) {
            cargo.arg("--release");
        }
        for (_, package) in PACKAGES {
            cargo.args(["-p", package]);
        }
        let output = cargo.output().expect("run cargo build for the plugins");
        assert!(
            output.status.success(),
            "building the plugins failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let mut libraries = HashMap::new();
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if message["reason"] != "compiler-artifact" {
                continue;
            }
            let name = message["target"]["name"]
                .as_str()
                .unwrap_or_default()
                .replace('_', "-");
            let Some((folder, _)) = PACKAGES.iter().find(|(_, p)| *p == name) else {
                continue;
            };
            let files = message["filenames"].as_array().cloned().unwrap_or_default();
            let library = files
                .iter()
                .filter_map(|f| f.as_str())
                .find(|f| f.ends_with(std::env::consts::DLL_EXTENSION))
                .expect("a library file");
            libraries.insert(*folder, PathBuf::from(library));
        }
        assert_eq!(libraries.len(), PACKAGES.len(), "{libraries:?}");
        libraries
    })
}

/// Copies a built plugin and its plugin.toml into `dir/<name>`, as a user
/// installs one; returns the installed library.
pub fn install(dir: &Path, plugin: &str) -> PathBuf {
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("plugins")
        .join(plugin);
    let library = &libraries()[plugin];
    let folder = dir.join(plugin.trim_start_matches("fixtures/"));
    std::fs::create_dir_all(&folder).expect("plugin folder");
    std::fs::copy(source.join("plugin.toml"), folder.join("plugin.toml")).expect("plugin.toml");
    let installed = folder.join(library.file_name().expect("library name"));
    std::fs::copy(library, &installed).expect("library");
    installed
}
