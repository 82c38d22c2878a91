//! Export and import of a big database: 5,000 demo clients with their
//! sessions (signed and draft notes), findings and audit log, exported to
//! JSON and imported into an empty database.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use myochart::api::Api;
use tokio::runtime::Runtime;

const CLIENTS: usize = 5_000;

fn export_and_import(c: &mut Criterion) {
    let rt = Runtime::new().expect("tokio runtime");
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("export.json");
    let api = rt.block_on(async {
        let api = Api::open(&dir.path().join("big.sqlite"))
            .await
            .expect("open");
        myochart::demo::fill(&api, CLIENTS)
            .await
            .expect("demo data");
        api.export_all(&file).await.expect("export");
        api
    });
    let size = std::fs::metadata(&file).expect("export file").len();
    println!("export of {CLIENTS} clients: {:.1} MB", size as f64 / 1e6);

    let mut group = c.benchmark_group("export 5k clients");
    group.sample_size(10);
    group.bench_function("export everything", |b| {
        b.to_async(&rt).iter(|| api.export_all(&file));
    });
    let fresh = AtomicUsize::new(0);
    group.bench_function("import into an empty database", |b| {
        // Only the import is timed, not opening (and migrating) the empty database.
        b.to_async(&rt).iter_custom(|iters| {
            let (dir, file, fresh) = (dir.path(), &file, &fresh);
            async move {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let n = fresh.fetch_add(1, Ordering::Relaxed);
                    let empty = Api::open(&dir.join(format!("empty-{n}.sqlite")))
                        .await
                        .expect("open empty");
                    let start = Instant::now();
                    empty.import(file).await.expect("import");
                    total += start.elapsed();
                    empty.close().await;
                }
                total
            }
        });
    });
    group.finish();
}

criterion_group!(benches, export_and_import);
criterion_main!(benches);
