//! Clinic mode against the solo app, in the same run: client search over
//! 100,000 clients (the goal: p50 under 5 ms on a local server),
//! opening a client with 500 sessions (the call the client page makes) and a
//! note save, each through the Api on SQLite and on PostgreSQL.
//!
//! Needs a server: `make bench-clinic` runs it inside scripts/with-postgres.sh.
//! The records are made on SQLite through the Api, then moved into the clinic
//! with `clinic import`, so both engines hold the same rows.

use criterion::{criterion_group, criterion_main, Criterion};
use myochart::api::Api;
use myochart::clinic::{Clinic, NewPerson, PersonKind};
use myochart::model::{NoteForm, SessionForm};
use myochart::plugin::PluginOptions;
use sqlx::{Connection, PgConnection};
use tokio::runtime::Runtime;

mod common;

const CLIENTS: usize = 100_000;
const PASSWORD: &str = "bench-password";

/// A clinic database of the run's own on the server that
/// scripts/with-postgres.sh started, with one therapist; the URLs of its
/// administrator and of the therapist.
async fn new_clinic() -> (String, String) {
    let server = std::env::var("MYOCHART_TEST_POSTGRES")
        .expect("MYOCHART_TEST_POSTGRES: run the clinic bench with `make bench-clinic`");
    let name = format!("bench{:08x}", fastrand::u32(..));
    let mut conn = PgConnection::connect(&server).await.expect("server");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .expect("create database");
    let (host, _) = server.rsplit_once('/').expect("a database in the URL");
    let admin_url = format!("{host}/{name}");
    let admin = Clinic::connect(&admin_url).await.expect("admin");
    admin.migrate().await.expect("migrate");
    let person =
        NewPerson::parse(&name, "Bench", PersonKind::Therapist, PASSWORD, None).expect("person");
    admin.add_person(&person).await.expect("therapist");
    let (_, at) = admin_url.split_once('@').expect("credentials in the URL");
    (
        admin_url.clone(),
        format!("postgres://{name}:{PASSWORD}@{at}"),
    )
}

/// The solo database's records moved into the clinic as the therapist.
async fn move_in(solo: &Api, therapist_url: &str) {
    let records = solo.export_records().await.expect("export");
    Clinic::connect(therapist_url)
        .await
        .expect("therapist")
        .import(&records)
        .await
        .expect("import");
}

async fn connect(url: &str) -> Api {
    Api::connect(url, PluginOptions::new(Vec::new()))
        .await
        .expect("connect")
}

fn search(c: &mut Criterion, rt: &Runtime) {
    let dir = tempfile::tempdir().expect("temp");
    let (sqlite, postgres) = rt.block_on(async {
        let sqlite = Api::open(&dir.path().join("search.sqlite"))
            .await
            .expect("open");
        for chunk in myochart::demo::client_forms(CLIENTS).chunks(10_000) {
            sqlite.import_clients(chunk.to_vec()).await.expect("import");
        }
        let (_, therapist) = new_clinic().await;
        move_in(&sqlite, &therapist).await;
        (sqlite, connect(&therapist).await)
    });
    let mut group = c.benchmark_group("search 100k clients");
    for query in [
        "a",
        "smith",
        "ελένη",
        "สมชาย",
        "0812",
        "nobody-by-this-name",
    ] {
        for (engine, api) in [("sqlite", &sqlite), ("postgres", &postgres)] {
            group.bench_function(format!("{engine} {query}"), |b| {
                b.to_async(rt).iter(|| api.search_clients(query));
            });
        }
    }
    group.finish();
}

fn open_client_and_save_note(c: &mut Criterion, rt: &Runtime) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp");
    let (sqlite, therapist, therapist_url) = rt.block_on(async {
        let sqlite = Api::open(&dir.path().join("record.sqlite"))
            .await
            .expect("open");
        common::busy_client(&sqlite).await;
        let (_, therapist_url) = new_clinic().await;
        move_in(&sqlite, &therapist_url).await;
        let therapist = connect(&therapist_url).await;
        (sqlite, therapist, therapist_url)
    });
    let client = |api: &Api| {
        rt.block_on(api.search_clients("busy regular"))
            .expect("search")[0]
            .id
    };
    let (sqlite_client, postgres_client) = (client(&sqlite), client(&therapist));

    let mut group = c.benchmark_group("open client with 500 sessions, 5000 findings");
    group.sample_size(20);
    for (engine, api, id) in [
        ("sqlite", &sqlite, sqlite_client),
        ("postgres", &therapist, postgres_client),
    ] {
        group.bench_function(engine, |b| {
            b.to_async(rt).iter(|| api.client_record(id));
        });
    }
    group.finish();

    // A note save: a new draft of the busy client's note, written again and
    // again, as the therapist; in the app each is first kept on this
    // computer, encrypted, in case the server goes away.
    let kept = rt.block_on(async {
        connect(&therapist_url)
            .await
            .keep_notes_in(&dir.path().join("kept-notes.sqlite"), PASSWORD)
            .await
            .expect("kept notes")
    });
    let mut group = c.benchmark_group("note save");
    for (engine, api, id) in [
        ("sqlite", &sqlite, sqlite_client),
        ("postgres", &therapist, postgres_client),
        ("postgres, kept first (the app)", &kept, postgres_client),
    ] {
        let session = rt
            .block_on(api.create_session(
                id,
                SessionForm {
                    session_date: "2026-11-30".into(),
                    therapist: "T".into(),
                },
            ))
            .expect("draft");
        let mut typed = 0u64;
        group.bench_function(engine, |b| {
            b.to_async(rt).iter(|| {
                typed += 1;
                api.write_note(
                    session.id,
                    NoteForm {
                        subjective: format!("shoulder pain, day {typed}"),
                        ..NoteForm::default()
                    },
                )
            });
        });
    }
    group.finish();
}

fn clinic(c: &mut Criterion) {
    // `make bench` runs every bench, without a server: this one waits for
    // `make bench-clinic`.
    if std::env::var_os("MYOCHART_TEST_POSTGRES").is_none() {
        eprintln!("benches/clinic.rs needs a PostgreSQL server: run make bench-clinic");
        return;
    }
    let rt = Runtime::new().expect("tokio runtime");
    search(c, &rt);
    open_client_and_save_note(c, &rt);
}

criterion_group! {
    name = benches;
    // Shorter than criterion's defaults: the setup (100,000 clients moved in)
    // is most of the run.
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = clinic
}
criterion_main!(benches);
