//! 20 writers on one clinic at once: each signed in as one of four
//! therapists on a connection of its own, adding clients, sessions and
//! findings and saving notes, some on the same shared notes, in both orders
//! (lock waits, deadlocks), retried when the server says to (serialization
//! failure, deadlock, lock not available). Afterwards every write that
//! reported success is in the database exactly once, nothing else is, the
//! audit log holds one entry per write in its writer's name, and no call hung.
//!
//! MYOCHART_LOAD_SECONDS long (5 by default; scripts/clinic-load.sh runs 60).
//! Run with a server: `scripts/with-postgres.sh cargo test --test core clinic_load`.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use myochart::clinic::PersonKind;
use sqlx::{Connection, PgConnection};

use crate::clinic::TestClinic;

const WRITERS: usize = 20;
const THERAPISTS: usize = 4;
/// A call that takes longer has hung: the test fails.
const CALL_TIMEOUT: Duration = Duration::from_secs(30);
/// Deadlock (40P01), serialization failure (40001), lock not available (55P03):
/// the store's `Busy`, which the app retries.
const BUSY: [&str; 3] = ["40P01", "40001", "55P03"];

/// A write that reported success, named by its writer's unique token.
#[derive(Debug)]
enum Done {
    Client {
        id: i64,
        token: String,
    },
    Session {
        id: i64,
        token: String,
    },
    Finding {
        id: i64,
        token: String,
    },
    /// Notes saved on these shared sessions, in one transaction.
    Saved {
        sessions: [i64; 2],
    },
}

/// What one writer did.
#[derive(Default)]
struct Ledger {
    done: Vec<Done>,
    retries: u64,
    /// The longest one attempt took.
    slowest: Duration,
}

fn load_seconds() -> u64 {
    std::env::var("MYOCHART_LOAD_SECONDS")
        .ok()
        .and_then(|seconds| seconds.parse().ok())
        .unwrap_or(5)
}

fn is_busy(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .and_then(|db| db.code())
        .is_some_and(|code| BUSY.contains(&code.as_ref()))
}

/// One attempt of one write, in a transaction of its own.
async fn attempt(
    conn: &mut PgConnection,
    step: u64,
    token: &str,
    mine: &[i64],
    shared: &[i64],
) -> Result<Done, sqlx::Error> {
    let mut tx = conn.begin().await?;
    let done = match step % 4 {
        0 => {
            let id = sqlx::query_scalar(
                "INSERT INTO clients (first_name, search_key, sort_key) VALUES ($1, $1, $1)
                 RETURNING id",
            )
            .bind(token)
            .fetch_one(&mut *tx)
            .await?;
            Done::Client {
                id,
                token: token.to_owned(),
            }
        }
        1 => {
            let client = mine[fastrand::usize(..mine.len())];
            let id = sqlx::query_scalar(
                "INSERT INTO sessions (client_id, session_date, therapist)
                 VALUES ($1, '2026-11-30', $2) RETURNING id",
            )
            .bind(client)
            .bind(token)
            .fetch_one(&mut *tx)
            .await?;
            Done::Session {
                id,
                token: token.to_owned(),
            }
        }
        2 => {
            let session = shared[fastrand::usize(..shared.len())];
            let id = sqlx::query_scalar(
                "INSERT INTO findings (session_id, muscle_id, muscle_label, side, view, x, y,
                     tenderness, activity, response)
                 VALUES ($1, 'trapezius', 'Trapezius', 'left', 'back', 0.5, 0.5, 5, 'active', $2)
                 RETURNING id",
            )
            .bind(session)
            .bind(token)
            .fetch_one(&mut *tx)
            .await?;
            Done::Finding {
                id,
                token: token.to_owned(),
            }
        }
        _ => {
            // Two shared notes, in either order: writers that meet in the
            // opposite order deadlock, and the server breaks one off.
            let first = fastrand::usize(..shared.len());
            let second = (first + 1 + fastrand::usize(..shared.len() - 1)) % shared.len();
            let sessions = [shared[first], shared[second]];
            for session in sessions {
                sqlx::query(
                    "UPDATE sessions SET subjective = $2, note_revision = note_revision + 1
                     WHERE id = $1",
                )
                .bind(session)
                .bind(token)
                .execute(&mut *tx)
                .await?;
            }
            Done::Saved { sessions }
        }
    };
    tx.commit().await?;
    Ok(done)
}

/// Writes until `until`, retrying what the server calls busy; a call that
/// takes longer than [`CALL_TIMEOUT`] panics (a hang).
async fn writer(url: String, index: usize, shared: Vec<i64>, until: Instant) -> Ledger {
    let mut conn = PgConnection::connect(&url).await.expect("writer signs in");
    // A write waits this long for a row another holds, then is told busy and
    // retried: a queue of writers on one note never grows without bound.
    sqlx::query("SET lock_timeout = '1s'")
        .execute(&mut conn)
        .await
        .expect("lock timeout");
    let mut ledger = Ledger::default();
    let mut mine = Vec::new();
    let mut step = 0;
    while Instant::now() < until {
        // A session needs a client of the writer's own first.
        let kind = if mine.is_empty() { 0 } else { step };
        let token = format!("w{index}-{step}");
        loop {
            let call = attempt(&mut conn, kind, &token, &mine, &shared);
            let called = Instant::now();
            let result = tokio::time::timeout(CALL_TIMEOUT, call).await;
            ledger.slowest = ledger.slowest.max(called.elapsed());
            match result {
                Err(_) => panic!("writer {index} hung on {token}"),
                Ok(Ok(done)) => {
                    if let Done::Client { id, .. } = done {
                        mine.push(id);
                    }
                    ledger.done.push(done);
                    break;
                }
                Ok(Err(error)) if is_busy(&error) => {
                    ledger.retries += 1;
                    // Apart, so the same writers don't meet again at once.
                    let pause = Duration::from_millis(fastrand::u64(1..50));
                    tokio::time::sleep(pause).await;
                }
                Ok(Err(error)) => panic!("writer {index}, {token}: {error}"),
            }
        }
        step += 1;
    }
    ledger
}

async fn ids_by_token(conn: &mut PgConnection, sql: &str) -> HashMap<String, Vec<i64>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(sql)
        .fetch_all(conn)
        .await
        .unwrap_or_else(|error| panic!("{sql}: {error}"));
    let mut ids: HashMap<String, Vec<i64>> = HashMap::new();
    for (token, id) in rows {
        ids.entry(token).or_default().push(id);
    }
    ids
}

/// (entity, id) -> the actors of its audit entries with `action`.
async fn audited(conn: &mut PgConnection, action: &str) -> HashMap<(String, i64), Vec<String>> {
    let rows: Vec<(String, i64, String)> =
        sqlx::query_as("SELECT entity, entity_id, actor FROM audit_log WHERE action = $1")
            .bind(action)
            .fetch_all(conn)
            .await
            .expect("audit log");
    let mut actors: HashMap<(String, i64), Vec<String>> = HashMap::new();
    for (entity, id, actor) in rows {
        actors.entry((entity, id)).or_default().push(actor);
    }
    actors
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_writers_lose_nothing_duplicate_nothing_and_never_hang() {
    let mut clinic = TestClinic::new().await;
    let mut therapists = Vec::new();
    for index in 0..THERAPISTS {
        therapists.push(
            clinic
                .add(&format!("therapist{index}"), PersonKind::Therapist, None)
                .await,
        );
    }
    // Four shared notes: each therapist's client with one session, shared
    // with the others.
    let mut shared = Vec::new();
    for (index, login) in therapists.iter().enumerate() {
        let mut conn = clinic.as_person(login).await;
        let client: i64 = sqlx::query_scalar(
            "INSERT INTO clients (first_name, search_key, sort_key)
             VALUES ('shared', 'shared', 'shared') RETURNING id",
        )
        .fetch_one(&mut conn)
        .await
        .expect("shared client");
        for other in therapists.iter().filter(|other| *other != login) {
            sqlx::query("INSERT INTO client_shares (client_id, therapist) VALUES ($1, $2)")
                .bind(client)
                .bind(other)
                .execute(&mut conn)
                .await
                .expect("share");
        }
        shared.push(
            sqlx::query_scalar(
                "INSERT INTO sessions (client_id, session_date, therapist)
                 VALUES ($1, '2026-11-30', $2) RETURNING id",
            )
            .bind(client)
            .bind(format!("shared{index}"))
            .fetch_one(&mut conn)
            .await
            .expect("shared session"),
        );
    }

    let started = Instant::now();
    let until = started + Duration::from_secs(load_seconds());
    let writers: Vec<_> = (0..WRITERS)
        .map(|index| {
            let url = clinic.url_of(&therapists[index % THERAPISTS]);
            tokio::spawn(writer(url, index, shared.clone(), until))
        })
        .collect();
    let mut ledgers = Vec::new();
    for writer in writers {
        ledgers.push(writer.await.expect("a writer finished"));
    }
    let elapsed = started.elapsed();

    let mut admin = clinic.as_admin().await;
    let clients = ids_by_token(
        &mut admin,
        "SELECT first_name, id FROM clients WHERE first_name <> 'shared'",
    )
    .await;
    let sessions = ids_by_token(
        &mut admin,
        "SELECT therapist, id FROM sessions WHERE therapist NOT LIKE 'shared%'",
    )
    .await;
    let findings = ids_by_token(&mut admin, "SELECT response, id FROM findings").await;
    let revisions: HashMap<i64, i64> =
        sqlx::query_as("SELECT id, note_revision FROM sessions WHERE therapist LIKE 'shared%'")
            .fetch_all(&mut admin)
            .await
            .expect("revisions")
            .into_iter()
            .collect();
    let client_entries = audited(&mut admin, "clients.insert").await;
    let session_entries = audited(&mut admin, "sessions.insert").await;
    let finding_entries = audited(&mut admin, "findings.insert").await;
    let update_entries = audited(&mut admin, "sessions.update").await;

    let mut saves: HashMap<i64, i64> = HashMap::new();
    let (mut reported, mut retries) = ([0u64; 4], 0);
    let slowest = ledgers.iter().map(|ledger| ledger.slowest).max();
    for (index, ledger) in ledgers.iter().enumerate() {
        let login = &therapists[index % THERAPISTS];
        retries += ledger.retries;
        for done in &ledger.done {
            let (rows, entries, entity, id, token, kind) = match done {
                Done::Client { id, token } => (&clients, &client_entries, "client", id, token, 0),
                Done::Session { id, token } => {
                    (&sessions, &session_entries, "session", id, token, 1)
                }
                Done::Finding { id, token } => {
                    (&findings, &finding_entries, "finding", id, token, 2)
                }
                Done::Saved { sessions } => {
                    for session in sessions {
                        *saves.entry(*session).or_default() += 1;
                    }
                    reported[3] += 1;
                    continue;
                }
            };
            reported[kind] += 1;
            assert_eq!(rows.get(token), Some(&vec![*id]), "{token} is there once");
            assert_eq!(
                entries.get(&(entity.to_owned(), *id)),
                Some(&vec![login.clone()]),
                "{token} is audited once, as its writer"
            );
        }
    }
    // Nothing that didn't report success is there.
    assert_eq!(clients.len() as u64, reported[0], "clients");
    assert_eq!(sessions.len() as u64, reported[1], "sessions");
    assert_eq!(findings.len() as u64, reported[2], "findings");
    for (session, revision) in &revisions {
        let saved = saves.get(session).copied().unwrap_or(0);
        assert_eq!(
            *revision, saved,
            "every save of note {session} counted once"
        );
        let entries = update_entries
            .get(&("session".to_owned(), *session))
            .map_or(0, Vec::len);
        assert_eq!(
            entries as i64, saved,
            "every save of note {session} audited once"
        );
    }
    assert!(reported.iter().all(|count| *count > 0), "{reported:?}");
    println!(
        "{WRITERS} writers for {:.1} s: {} clients, {} sessions, {} findings, {} note saves \
         (two notes each), {retries} retries on busy, slowest call {slowest:?}",
        elapsed.as_secs_f64(),
        reported[0],
        reported[1],
        reported[2],
        reported[3]
    );
}
