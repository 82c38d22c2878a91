//! Store benchmarks: search over 100,000 clients, opening a client with 500
//! sessions and 5,000 findings, opening (and migrating) a database, and what
//! syncing every commit (`synchronous = FULL`) costs a save.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use myochart::api::Api;
use myochart::model::{ClientForm, NoteForm, SessionForm, SessionId};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use tokio::runtime::Runtime;

mod common;

const CLIENTS: usize = 100_000;

fn runtime() -> Runtime {
    Runtime::new().expect("tokio runtime")
}

fn search(c: &mut Criterion) {
    let rt = runtime();
    let dir = tempfile::tempdir().expect("temp");
    let api = rt.block_on(async {
        let api = Api::open(&dir.path().join("search.sqlite"))
            .await
            .expect("open");
        for chunk in myochart::demo::client_forms(CLIENTS).chunks(10_000) {
            api.import_clients(chunk.to_vec()).await.expect("import");
        }
        api
    });
    let mut group = c.benchmark_group("search 100k clients");
    // What a therapist types: a first letter, a partial name in several scripts,
    // a full name, a phone fragment, and something nobody is called.
    for query in [
        "a",
        "sm",
        "smith",
        "ελένη",
        "สมชาย",
        "zoe angstrom",
        "0812",
        "nobody-by-this-name",
    ] {
        group.bench_function(query, |b| {
            b.to_async(&rt).iter(|| api.search_clients(query));
        });
    }
    group.finish();
}

fn open_client(c: &mut Criterion) {
    let rt = runtime();
    let dir = tempfile::tempdir().expect("temp");
    let (api, client) = rt.block_on(async {
        let api = Api::open(&dir.path().join("record.sqlite"))
            .await
            .expect("open");
        let client = common::busy_client(&api).await;
        (api, client)
    });
    c.bench_function("open client with 500 sessions, 5000 findings", |b| {
        b.to_async(&rt).iter(|| api.client_record(client));
    });
}

fn open_database(c: &mut Criterion) {
    let rt = runtime();
    let dir = tempfile::tempdir().expect("temp");
    let existing = dir.path().join("existing.sqlite");
    rt.block_on(async { Api::open(&existing).await.expect("create").close().await });
    let mut group = c.benchmark_group("open database");
    group.bench_function("create and migrate a new file", |b| {
        b.to_async(&rt).iter_batched(
            || tempfile::tempdir().expect("temp"),
            |fresh| async move {
                let api = Api::open(&fresh.path().join("new.sqlite"))
                    .await
                    .expect("open");
                api.close().await;
            },
            BatchSize::PerIteration,
        );
    });
    group.bench_function("open an up-to-date file", |b| {
        b.to_async(&rt).iter(|| async {
            let api = Api::open(&existing).await.expect("open");
            api.close().await;
        });
    });
    group.finish();
}

/// Saving a note under WAL with `synchronous` NORMAL (syncs at checkpoints
/// only) and FULL (syncs the log at every commit, as the store does), on the
/// disk the target folder is on: a memory-backed temp folder would hide the
/// syncing this measures.
fn save_note(c: &mut Criterion) {
    let rt = runtime();
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp");
    let path = dir.path().join("writes.sqlite");
    let (api, session) = rt.block_on(async {
        let api = Api::open(&path).await.expect("open");
        let client = api
            .create_client(ClientForm {
                first_name: "Often".into(),
                ..ClientForm::default()
            })
            .await
            .expect("client");
        let form = SessionForm {
            session_date: "2026-11-20".into(),
            therapist: "T".into(),
        };
        let session = api.create_session(client.id, form).await.expect("session");
        (api, session.id)
    });
    let mut group = c.benchmark_group("save a note");
    let mut typed = 0_u64;
    group.bench_function("through the app (FULL)", |b| {
        b.to_async(&rt).iter(|| {
            typed += 1;
            let note = NoteForm {
                subjective: format!("Neck ache, day {typed}"),
                ..NoteForm::default()
            };
            api.write_note(session, note)
        });
    });
    // The store opens its pool with FULL only, so the comparison opens its
    // own, one per setting, and writes what a save writes: the note and its
    // audit-log entry in one transaction.
    for (name, synchronous) in [
        (
            "the note and its audit entry, NORMAL",
            SqliteSynchronous::Normal,
        ),
        (
            "the note and its audit entry, FULL",
            SqliteSynchronous::Full,
        ),
    ] {
        let pool = rt.block_on(async {
            let options = SqliteConnectOptions::new()
                .filename(&path)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(synchronous);
            SqlitePoolOptions::new()
                .max_connections(1)
                .connect_with(options)
                .await
                .expect("pool")
        });
        group.bench_function(name, |b| {
            b.to_async(&rt).iter(|| write_note(&pool, session));
        });
    }
    group.finish();
}

async fn write_note(pool: &SqlitePool, session: SessionId) {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.expect("begin");
    sqlx::query(
        "UPDATE sessions SET subjective = 'Neck ache, day ' || note_revision,
             note_revision = note_revision + 1
         WHERE id = ?",
    )
    .bind(session.0)
    .execute(&mut *tx)
    .await
    .expect("note");
    sqlx::query(
        "INSERT INTO audit_log (actor, action, entity, entity_id, changes)
         VALUES ('bench', 'note.write', 'session', ?, '{}')",
    )
    .bind(session.0)
    .execute(&mut *tx)
    .await
    .expect("audit entry");
    tx.commit().await.expect("commit");
}

criterion_group!(benches, search, open_client, open_database, save_note);
criterion_main!(benches);
