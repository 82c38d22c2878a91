//! Durability: a program writing records is killed (SIGKILL) at a random
//! moment, again and again on the same file. Every write that had returned is
//! still there afterwards, and the file opens clean.
//!
//! The writer is this test binary itself, started as a child running only
//! [`crash_writer`], so it writes through the same `Api` the app does.
//! `CRASH_ROUNDS` sets how many times it is killed (100 unless set;
//! `scripts/crash.sh` runs a longer trial).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use myochart::api::Api;
use myochart::model::{ClientForm, ClientId, FindingId, NoteForm, SessionForm, SessionId};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use crate::helpers::trapezius_finding;

/// Where the writer writes: set only in the child.
const WRITER_DB: &str = "MYOCHART_CRASH_WRITER_DB";

/// A write the writer reported after it returned.
#[derive(Debug, Clone, PartialEq)]
enum Write {
    Client(ClientId),
    Session(SessionId),
    Note(SessionId),
    Finding(SessionId, FindingId),
}

impl Write {
    /// The line the writer prints for it.
    fn line(&self) -> String {
        match self {
            Write::Client(id) => format!("wrote: client {}", id.0),
            Write::Session(id) => format!("wrote: session {}", id.0),
            Write::Note(id) => format!("wrote: note {}", id.0),
            Write::Finding(session, id) => format!("wrote: finding {} {}", session.0, id.0),
        }
    }

    /// The write a line reports; anything else the test harness printed is
    /// `None`.
    fn parse(line: &str) -> Option<Write> {
        let (_, reported) = line.split_once("wrote: ")?;
        let words: Vec<&str> = reported.split(' ').collect();
        let id = |index: usize| words.get(index)?.parse::<i64>().ok();
        match *words.first()? {
            "client" => Some(Write::Client(ClientId(id(1)?))),
            "session" => Some(Write::Session(SessionId(id(1)?))),
            "note" => Some(Write::Note(SessionId(id(1)?))),
            "finding" => Some(Write::Finding(SessionId(id(1)?), FindingId(id(2)?))),
            _ => None,
        }
    }
}

/// What the writer writes into a session's note, in several scripts.
fn note_text(session: SessionId) -> String {
    format!("Session {}: ปวดคอ, Nackenschmerz ✓", session.0)
}

/// The child: writes a client, then sessions with a note and a finding each,
/// until it is killed, printing each write after it returned.
#[tokio::test]
#[ignore = "the writer that the crash test starts and kills"]
async fn crash_writer() {
    let Some(path) = std::env::var_os(WRITER_DB) else {
        return;
    };
    let report = |write: Write| println!("{}", write.line());
    let api = Api::open(Path::new(&path)).await.expect("open");
    let client = api
        .create_client(ClientForm {
            first_name: "Zoë".into(),
            ..ClientForm::default()
        })
        .await
        .expect("client");
    report(Write::Client(client.id));
    loop {
        let form = SessionForm {
            session_date: "2026-11-20".into(),
            therapist: "Test".into(),
        };
        let session = api.create_session(client.id, form).await.expect("session");
        report(Write::Session(session.id));
        let note = NoteForm {
            subjective: note_text(session.id),
            ..NoteForm::default()
        };
        api.write_note(session.id, note).await.expect("note");
        report(Write::Note(session.id));
        let finding = api
            .add_finding(session.id, trapezius_finding())
            .await
            .expect("finding");
        report(Write::Finding(session.id, finding.id));
    }
}

/// When the writer is killed.
#[derive(Debug, Clone, Copy)]
enum Kill {
    /// This long after it started: while it opens the file, or writes.
    AfterStart(Duration),
    /// This long after its first write returned: in the stream of writes.
    AfterFirstWrite(Duration),
}

/// Starts the writer on `path`, kills it as `kill` says, and returns the
/// writes it reported, those still in the pipe at the kill included.
fn write_until_killed(path: &Path, kill: Kill) -> Vec<Write> {
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args(["crash::crash_writer", "--exact", "--ignored", "--nocapture"])
        .args(["--test-threads", "1", "--quiet"])
        .env(WRITER_DB, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the writer");
    let stdout = child.stdout.take().expect("piped");
    let (lines, reported) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let mut writes = Vec::new();
    let after = match kill {
        Kill::AfterStart(after) => after,
        Kill::AfterFirstWrite(after) => {
            // Ends early only if the writer died by itself; then it is checked.
            writes.extend(reported.iter().find_map(|line| Write::parse(&line)));
            after
        }
    };
    let deadline = Instant::now() + after;
    while let Ok(line) = reported.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        writes.extend(Write::parse(&line));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("killed");
    reader.join().expect("reader");
    writes.extend(reported.try_iter().filter_map(|line| Write::parse(&line)));
    writes
}

/// `PRAGMA integrity_check` on a connection of its own.
async fn integrity(path: &Path) -> String {
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .connect()
        .await
        .expect("connect");
    let result: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .expect("integrity check");
    conn.close().await.expect("close");
    result
}

/// Asserts that each of `writes` is in the database.
async fn assert_kept(api: &Api, writes: &[Write]) {
    for write in writes {
        match write {
            Write::Client(id) => {
                api.client_record(*id).await.expect("client kept");
            }
            Write::Session(id) => {
                api.session(*id).await.expect("session kept");
            }
            Write::Note(id) => {
                let detail = api.session(*id).await.expect("session kept");
                assert_eq!(detail.session.subjective, note_text(*id), "note of {id:?}");
            }
            Write::Finding(session, id) => {
                let detail = api.session(*session).await.expect("session kept");
                assert!(
                    detail.findings.iter().any(|f| f.id == *id),
                    "finding {id:?} lost"
                );
            }
        }
    }
}

#[test]
fn every_write_that_returned_survives_a_kill_and_the_file_opens_clean() {
    let rounds: usize = std::env::var("CRASH_ROUNDS")
        .ok()
        .and_then(|rounds| rounds.parse().ok())
        .unwrap_or(100);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("crash.sqlite");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let mut kept = Vec::new();
    for round in 0..rounds {
        // Mostly in the middle of writing, sometimes while the file is opened.
        let kill = if round % 4 == 3 {
            Kill::AfterStart(Duration::from_millis(fastrand::u64(0..150)))
        } else {
            Kill::AfterFirstWrite(Duration::from_millis(fastrand::u64(0..100)))
        };
        let writes = write_until_killed(&path, kill);
        if !path.exists() {
            assert!(writes.is_empty(), "round {round}: written without a file");
            continue;
        }
        runtime.block_on(async {
            assert_eq!(integrity(&path).await, "ok", "round {round}");
            let api = Api::open(&path).await.expect("reopens after a kill");
            assert_kept(&api, &writes).await;
            api.close().await;
        });
        kept.extend(writes);
    }
    // Later kills lost nothing of earlier rounds either.
    runtime.block_on(async {
        let api = Api::open(&path).await.expect("open");
        assert_kept(&api, &kept).await;
    });
    assert!(!kept.is_empty(), "the writer wrote nothing to check");
}
