//! The finder over the whole built-in atlas (target under 1 ms): one pain
//! spot, a pain drawing of five spots on three views, and the nearest points
//! offered when a finding is charted. Also building the atlas itself (once per
//! start: parsing the files, drawing the areas into zones).

use criterion::{criterion_group, criterion_main, Criterion};
use myochart::atlas::{Atlas, View};
use myochart::finder::{self, Spot};

fn spot(view: View, x: f32, y: f32) -> Spot {
    Spot { view, x, y }
}

fn find(c: &mut Criterion) {
    let atlas = Atlas::builtin();
    let temple = [spot(View::Front, 0.418, 0.058)];
    // A sciatica-like drawing: buttock, back of the thigh, outer thigh, calf,
    // outer ankle.
    let drawing = [
        spot(View::Back, 0.61, 0.49),
        spot(View::Back, 0.6, 0.6),
        spot(View::RightSide, 0.47, 0.6),
        spot(View::Back, 0.6, 0.78),
        spot(View::Front, 0.41, 0.94),
    ];
    assert!(!finder::find(&atlas, &temple).is_empty());
    assert!(!finder::find(&atlas, &drawing).is_empty());
    c.bench_function("finder: one spot", |b| {
        b.iter(|| finder::find(&atlas, &temple))
    });
    c.bench_function("finder: five spots on three views", |b| {
        b.iter(|| finder::find(&atlas, &drawing))
    });
    c.bench_function("nearest points to a tap", |b| {
        b.iter(|| finder::nearest_points(&atlas, View::Back, 0.6, 0.75))
    });
    c.bench_function("build the whole-body atlas", |b| {
        b.iter(|| {
            let pack = myochart::atlas::builtin_pack().expect("pack");
            Atlas::default().with_pack(pack).expect("valid")
        })
    });
}

criterion_group!(benches, find);
criterion_main!(benches);
