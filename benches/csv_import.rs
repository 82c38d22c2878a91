//! CSV client import: checking and importing a 10,000-row export (names in
//! many scripts, day-first dates, quoted notes with commas and line breaks)
//! into an empty database, all in one transaction with its audit log.

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use myochart::api::Api;
use myochart::import_csv::CsvImportOptions;
use tokio::runtime::Runtime;

const ROWS: usize = 10_000;

/// An export as another system writes it, of the demo's clients.
fn write_export(path: &Path) {
    let mut file = csv::Writer::from_path(path).expect("create csv");
    file.write_record(["First Name", "Last Name", "DOB", "Email", "Mobile", "Notes"])
        .expect("header");
    for (index, client) in myochart::demo::client_forms(ROWS).into_iter().enumerate() {
        // A birthday of its own, so no row is a duplicate of another.
        let born = chrono::NaiveDate::from_ymd_opt(1940, 1, 1).expect("a date")
            + chrono::Days::new(index as u64);
        let notes = format!("Referred by a friend, prefers mornings\nVisit {index}");
        file.write_record([
            &client.first_name,
            &client.last_name,
            &born.format("%d/%m/%Y").to_string(),
            &client.email,
            &client.phone,
            &notes,
        ])
        .expect("row");
    }
    file.flush().expect("flush");
}

fn import(c: &mut Criterion) {
    let rt = Runtime::new().expect("tokio runtime");
    let dir = tempfile::tempdir().expect("temp");
    let export = dir.path().join("export.csv");
    write_export(&export);
    let options = CsvImportOptions::default();
    let mut group = c.benchmark_group("csv import 10k rows");
    group.sample_size(10);
    let empty = rt
        .block_on(Api::open(&dir.path().join("preview.sqlite")))
        .expect("open");
    group.bench_function("preview", |b| {
        b.to_async(&rt)
            .iter(|| empty.preview_csv_import(&export, &options));
    });
    group.bench_function("import into an empty database", |b| {
        b.to_async(&rt).iter_custom(|iterations| {
            let (export, options) = (&export, &options);
            async move {
                let mut spent = Duration::ZERO;
                for _ in 0..iterations {
                    let fresh = tempfile::tempdir().expect("temp");
                    let api = Api::open(&fresh.path().join("import.sqlite"))
                        .await
                        .expect("open");
                    let start = Instant::now();
                    let summary = api
                        .import_csv(export, options, &mut |_| {})
                        .await
                        .expect("import");
                    spent += start.elapsed();
                    assert_eq!(summary.imported as usize, ROWS);
                    api.close().await;
                }
                spent
            }
        });
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
