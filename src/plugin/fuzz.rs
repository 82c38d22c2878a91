//! Generated-input tests of what the plugin host reads before it trusts a
//! plugin: `plugin.toml` ([`Descriptor::parse`], [`library_in`]) and the
//! manifest JSON ([`parse_manifest`], [`validate_manifest`]). None may
//! panic, and a library path that is accepted lies inside its folder.
//!
//! The normal test run tries a few thousand cases from a fixed seed;
//! `scripts/fuzz.sh` runs [`fuzz_for_a_while`] on fresh seeds for
//! `FUZZ_SECONDS`.

use std::path::Path;
use std::time::{Duration, Instant};

use super::library::library_in;
use super::{parse_manifest, validate_manifest, Descriptor};
use crate::atlas::Atlas;

/// Valid inputs the cases start from.
const MANIFESTS: [&str; 2] = [
    include_str!("../../plugins/hand-detail/manifest.json"),
    include_str!("../../plugins/foot-detail/manifest.json"),
];
const DESCRIPTORS: [&str; 3] = [
    include_str!("../../plugins/hand-detail/plugin.toml"),
    include_str!("../../plugins/foot-detail/plugin.toml"),
    include_str!("../../plugins/met-rom/plugin.toml"),
];

/// Pieces that make parsers and checks take unusual paths.
const TOKENS: [&str; 24] = [
    "\"",
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "null",
    "true",
    "-0",
    "1e999",
    "-1e-999",
    "18446744073709551616",
    "NaN",
    "\\u0000",
    "\\ud800",
    "é",
    "\u{202e}",
    "..",
    "/",
    "\\",
    "\n",
    "library = \"../x.so\"\n",
    "[[x]]\n",
];

/// `text` changed in a few random places: bytes flipped, inserted, removed,
/// repeated, or a token put in.
fn mutate(rng: &mut fastrand::Rng, text: &str) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..rng.usize(1..8) {
        let at = rng.usize(..=bytes.len());
        match rng.u8(..5) {
            0 if at < bytes.len() => bytes[at] ^= 1 << rng.u8(..8),
            1 => bytes.insert(at, rng.u8(..)),
            2 => {
                let end = (at + rng.usize(..64)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => {
                let end = (at + rng.usize(..64)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            _ => {
                let token = TOKENS[rng.usize(..TOKENS.len())].as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
        }
    }
    bytes
}

/// A random value for a JSON leaf.
fn leaf(rng: &mut fastrand::Rng) -> serde_json::Value {
    match rng.u8(..6) {
        0 => serde_json::Value::Null,
        1 => serde_json::json!(rng.f64() * 4.0 - 2.0),
        2 => serde_json::json!(f64::MAX),
        3 => serde_json::json!(TOKENS[rng.usize(..TOKENS.len())]),
        4 => serde_json::json!([]),
        _ => serde_json::json!(""),
    }
}

/// `value` with one random leaf (or a whole branch) replaced: still JSON, so
/// it gets past the parser more often and into the content checks.
fn replace_leaf(rng: &mut fastrand::Rng, value: &mut serde_json::Value) {
    let children = match value {
        serde_json::Value::Array(items) => items.len(),
        serde_json::Value::Object(fields) => fields.len(),
        _ => 0,
    };
    if children == 0 || rng.u8(..8) == 0 {
        *value = leaf(rng);
        return;
    }
    let pick = rng.usize(..children);
    let child = match value {
        serde_json::Value::Array(items) => items.get_mut(pick),
        serde_json::Value::Object(fields) => fields.values_mut().nth(pick),
        _ => None,
    };
    if let Some(child) = child {
        replace_leaf(rng, child);
    }
}

/// Tries `count` generated cases from `seed`; panics (with the seed) on the
/// first that breaks a property.
fn run(seed: u64, count: usize, atlas: &Atlas, folder: &Path) {
    let mut rng = fastrand::Rng::with_seed(seed);
    for _ in 0..count {
        let manifest = MANIFESTS[rng.usize(..MANIFESTS.len())];
        let bytes = if rng.bool() {
            mutate(&mut rng, manifest)
        } else {
            let mut value: serde_json::Value =
                serde_json::from_str(manifest).expect("the example manifests are JSON");
            for _ in 0..rng.usize(1..4) {
                replace_leaf(&mut rng, &mut value);
            }
            serde_json::to_vec(&value).expect("JSON")
        };
        if let Ok(manifest) = parse_manifest(&bytes) {
            let _ = validate_manifest(&manifest, atlas, &[], rng.bool());
        }

        let descriptor = DESCRIPTORS[rng.usize(..DESCRIPTORS.len())];
        let toml = mutate(&mut rng, descriptor);
        let _ = Descriptor::parse(&String::from_utf8_lossy(&toml));

        let name: String = (0..rng.usize(1..5))
            .map(|_| ["lib.so", "..", "/", "sub", ".", "outside.so", "\0", "//"][rng.usize(..8)])
            .collect();
        if let Ok(library) = library_in(folder, Some(&name)) {
            let inside = library
                .canonicalize()
                .is_ok_and(|l| l.starts_with(folder.canonicalize().expect("folder")));
            assert!(
                inside,
                "seed {seed}: library {name:?} accepted outside the folder"
            );
        }
    }
}

/// A plugin folder with a library and a subfolder, inside a folder holding
/// another library and a link out.
fn folders() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("plugin");
    std::fs::create_dir_all(folder.join("sub")).expect("folders");
    std::fs::write(folder.join("lib.so"), b"not run").expect("library");
    std::fs::write(dir.path().join("outside.so"), b"not run").expect("library");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("outside.so"), folder.join("outside.so"))
        .expect("link");
    dir
}

#[test]
fn plugin_toml_and_manifests_never_panic_and_libraries_stay_inside() {
    let dir = folders();
    run(1, 3000, &Atlas::builtin(), &dir.path().join("plugin"));
}

/// For long runs (`scripts/fuzz.sh`): fresh seeds for `FUZZ_SECONDS` (60
/// unless set); a failure names its seed, which `FUZZ_SEED` replays.
#[test]
#[ignore = "long: run by scripts/fuzz.sh"]
fn fuzz_for_a_while() {
    let seconds = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok());
    let until = Instant::now() + Duration::from_secs(seconds.unwrap_or(60));
    let (dir, atlas) = (folders(), Atlas::builtin());
    if let Some(seed) = std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok()) {
        return run(seed, 1000, &atlas, &dir.path().join("plugin"));
    }
    let mut cases = 0;
    while Instant::now() < until {
        run(fastrand::u64(..), 1000, &atlas, &dir.path().join("plugin"));
        cases += 1000;
    }
    println!("plugin readers: {cases} cases, no failure");
}
