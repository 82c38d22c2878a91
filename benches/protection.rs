//! The protected (SQLCipher) database against the plain one, at the size of a
//! busy practice after years: 100,000 clients with 500,000 sessions. Searching,
//! opening a client, opening the database (which reads every page to find
//! damage), a checked backup, and protecting a plain database in place.

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use myochart::api::{self, Access, Api};
use myochart::model::{ClientId, Passphrase, Unlock};
use tokio::runtime::Runtime;

const CLIENTS: usize = 100_000;
const SESSIONS_PER_CLIENT: usize = 5;
const PASSPHRASE: &str = "benchmark passphrase";

/// The plain database, and its protected copy with the access that opens it.
struct Databases {
    _dir: tempfile::TempDir,
    plain: PathBuf,
    protected: PathBuf,
    key: Access,
}

fn databases(rt: &Runtime) -> Databases {
    let dir = tempfile::tempdir().expect("temp");
    let plain = dir.path().join("plain.sqlite");
    let protected = dir.path().join("protected.sqlite");
    rt.block_on(async {
        let api = Api::open(&plain).await.expect("open");
        for chunk in myochart::demo::client_forms(CLIENTS).chunks(10_000) {
            api.import_clients(chunk.to_vec()).await.expect("import");
        }
        api.close().await;
        add_sessions(&plain).await;
        std::fs::copy(&plain, &protected).expect("copy");
        let recovery = Api::new_recovery_key().expect("random");
        let passphrase = Passphrase::parse(PASSPHRASE).expect("valid");
        let api = Api::open(&protected).await.expect("open copy");
        api.protect(&passphrase, &recovery)
            .await
            .expect("protect")
            .close()
            .await;
    });
    let key = rt
        .block_on(api::unlock(
            &protected,
            &Unlock::Passphrase(Passphrase::parse(PASSPHRASE).expect("valid")),
        ))
        .expect("unlock");
    Databases {
        _dir: dir,
        plain,
        protected,
        key,
    }
}

/// Five sessions with a short note for every client, written in one statement
/// (through the app it would take hours).
async fn add_sessions(path: &Path) {
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display()))
        .await
        .expect("connect");
    sqlx::query(&format!(
        "WITH RECURSIVE visit(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM visit WHERE n < {})
         INSERT INTO sessions (client_id, session_date, therapist, subjective, pain_before, pain_after)
         SELECT id, date('2021-01-04', '+' || (n * 21 + id % 7) || ' days'), 'Anna',
                'Neck and shoulder ache after desk work, worse in the afternoon', 6, 3
         FROM clients, visit",
        SESSIONS_PER_CLIENT - 1
    ))
    .execute(&pool)
    .await
    .expect("sessions");
    pool.close().await;
}

fn plain_against_protected(c: &mut Criterion) {
    let rt = Runtime::new().expect("tokio runtime");
    let dbs = databases(&rt);
    let opened =
        |path: &Path, access: &Access| rt.block_on(Api::open_as(path, access)).expect("open");
    let both = [
        (
            "plain",
            opened(&dbs.plain, &Access::default()),
            dbs.plain.clone(),
            Access::default(),
        ),
        (
            "encrypted",
            opened(&dbs.protected, &dbs.key),
            dbs.protected.clone(),
            dbs.key.clone(),
        ),
    ];

    let mut group = c.benchmark_group("100k clients, 500k sessions");
    for (name, api, _, _) in &both {
        group.bench_function(format!("search 'smith', {name}"), |b| {
            b.to_async(&rt).iter(|| api.search_clients("smith"));
        });
        group.bench_function(format!("open a client's record, {name}"), |b| {
            b.to_async(&rt).iter(|| api.client_record(ClientId(50_000)));
        });
    }
    group.sample_size(10);
    for (name, api, path, access) in &both {
        group.bench_function(format!("open the database, {name}"), |b| {
            b.to_async(&rt).iter(|| async {
                Api::open_as(path, access)
                    .await
                    .expect("open")
                    .close()
                    .await;
            });
        });
        let folder = tempfile::tempdir().expect("temp");
        group.bench_function(format!("back up and check, {name}"), |b| {
            b.to_async(&rt).iter_batched(
                // One backup a second at most has a name of its own: a fresh
                // folder each time.
                || {
                    folder
                        .path()
                        .join(format!("{:?}", std::time::Instant::now()))
                },
                |into| async move { api.backup(&into).await.expect("backup") },
                BatchSize::PerIteration,
            );
        });
    }
    group.bench_function("protect a plain database in place", |b| {
        b.iter_batched(
            || {
                let copy = tempfile::tempdir().expect("temp");
                std::fs::copy(&dbs.plain, copy.path().join("copy.sqlite")).expect("copy");
                copy
            },
            |copy| {
                rt.block_on(async {
                    let api = Api::open(&copy.path().join("copy.sqlite"))
                        .await
                        .expect("open");
                    let recovery = Api::new_recovery_key().expect("random");
                    let passphrase = Passphrase::parse(PASSPHRASE).expect("valid");
                    api.protect(&passphrase, &recovery)
                        .await
                        .expect("protect")
                        .close()
                        .await;
                });
                copy
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, plain_against_protected);
criterion_main!(benches);
