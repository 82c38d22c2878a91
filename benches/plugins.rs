//! Plugin figures: loading and validating a plugin in this process (target
//! under 5 ms per plugin), and the child processes that run plugin code for
//! the app: the probe before the first load, and a call (scoring an
//! assessment), beside the same call made in this process.

use std::path::Path;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use myochart::atlas::Atlas;
use myochart::plugin::{self, PluginProcess};

#[allow(dead_code)]
#[path = "../tests/core/plugin_builds.rs"]
mod plugin_builds;

const EXAMPLES: [(&str, &str); 3] = [
    ("hand-detail", "hand"),
    ("foot-detail", "foot"),
    ("met-rom", "met"),
];

fn library_in(folder: &Path) -> std::path::PathBuf {
    plugin::PluginFolder::read(folder)
        .expect("plugin folder")
        .library
}

fn open(library: &Path) -> plugin::LibraryFile {
    plugin::LibraryFile::open(library).expect("library")
}

fn load(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let atlas = Atlas::builtin();
    for (name, namespace) in EXAMPLES {
        let library = plugin_builds::install(dir.path(), name);
        // The very first load maps and relocates the file; later loads of the
        // same file reuse the mapping. Print the first, then measure the rest.
        let started = Instant::now();
        plugin::load(open(&library), Some(namespace), &atlas, &[]).expect("valid plugin");
        println!(
            "first load and validation of {name}: {:?}",
            started.elapsed()
        );
        c.bench_function(&format!("load and validate {name}"), |b| {
            b.iter(|| {
                plugin::load(open(&library), Some(namespace), &atlas, &[]).expect("valid plugin")
            })
        });
    }
}

fn probe(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    plugin_builds::install(dir.path(), "hand-detail");
    let folder = dir.path().join("hand-detail");
    assert!(library_in(&folder).is_file());
    let process = PluginProcess::cli(env!("CARGO_BIN_EXE_myochart"));
    let mut group = c.benchmark_group("probe");
    group.sample_size(20);
    group.bench_function("hand-detail in a child process", |b| {
        b.iter(|| process.probe(&folder).expect("probe passes"))
    });
    group.finish();
}

fn call(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = plugin_builds::install(dir.path(), "met-rom");
    let process = PluginProcess::cli(env!("CARGO_BIN_EXE_myochart"));
    let movements = [
        "flexion",
        "extension",
        "lateral-flexion-left",
        "lateral-flexion-right",
        "rotation-left",
        "rotation-right",
    ];
    let values: serde_json::Map<String, serde_json::Value> = movements
        .iter()
        .map(|m| ((*m).to_owned(), 45.0.into()))
        .collect();
    let input = serde_json::to_vec(&values).expect("json");
    let method = "score-cervical-rom";
    let sha256 = plugin::sha256_file(&library).expect("hash");
    let mut group = c.benchmark_group("score cervical ROM");
    group.sample_size(20);
    group.bench_function("in this process", |b| {
        b.iter(|| match plugin::call(&library, &sha256, method, &input) {
            plugin::CallReport::Reply(reply) => reply,
            plugin::CallReport::Error(e) => panic!("{e}"),
        })
    });
    group.bench_function("in a child process", |b| {
        b.iter(|| {
            process
                .call(&library, &sha256, method, &input)
                .expect("scored")
        })
    });
    group.finish();
}

criterion_group!(benches, load, probe, call);
criterion_main!(benches);
