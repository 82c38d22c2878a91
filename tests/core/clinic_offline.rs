//! The clinic server going away: notes typed meanwhile are kept on this
//! computer, encrypted, and saved once when it is back; the listener says the
//! server is lost and back. The app reaches the server through a relay the
//! test can cut (connections dropped, new ones refused) and restore on the
//! same address, as when the server restarts or the network fails.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use myochart::api::{Api, Changes, Code, Heard};
use myochart::clinic::PersonKind;
use myochart::model::{NoteForm, SessionId};
use myochart::plugin::PluginOptions;
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::task::JoinHandle;

use crate::clinic::{client_with_a_session, TestClinic, PASSWORD};
use crate::helpers::FullDisk;

/// A TCP relay from a local port to the test server that can be cut and
/// restored.
struct Relay {
    port: u16,
    server: String,
    /// The accepting task and every relayed connection's.
    tasks: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Relay {
    /// A relay to the server of `url`, relaying.
    async fn to(url: &str) -> Relay {
        let server = host_and_port(url).to_owned();
        let free = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
        let port = free.local_addr().expect("address").port();
        drop(free);
        let relay = Relay {
            port,
            server,
            tasks: Arc::default(),
        };
        relay.restore();
        relay
    }

    /// `url` through this relay.
    fn url(&self, url: &str) -> String {
        url.replace(host_and_port(url), &format!("127.0.0.1:{}", self.port))
    }

    /// Relays again on the same port.
    fn restore(&self) {
        let socket = TcpSocket::new_v4().expect("socket");
        socket.set_reuseaddr(true).expect("reuse the address");
        socket
            .bind(([127, 0, 0, 1], self.port).into())
            .expect("bind the relay's port");
        let listener = socket.listen(16).expect("listen");
        let (server, tasks) = (self.server.clone(), self.tasks.clone());
        let accepting = tokio::spawn(async move {
            while let Ok((mut app, _)) = listener.accept().await {
                let server = server.clone();
                let relayed = tokio::spawn(async move {
                    if let Ok(mut to_server) = TcpStream::connect(server).await {
                        let _ = tokio::io::copy_bidirectional(&mut app, &mut to_server).await;
                    }
                });
                tasks.lock().expect("tasks").push(relayed);
            }
        });
        self.tasks.lock().expect("tasks").push(accepting);
    }

    /// Drops every relayed connection and refuses new ones.
    async fn cut(&self) {
        let tasks: Vec<_> = self.tasks.lock().expect("tasks").drain(..).collect();
        for task in tasks {
            task.abort();
            let _ = task.await;
        }
    }
}

fn host_and_port(url: &str) -> &str {
    let (_, after) = url.split_once('@').expect("a URL with credentials");
    after.split('/').next().expect("host and port")
}

/// `url` without its password, as the app keeps it.
fn without_password(url: &str) -> String {
    let (credentials, after) = url.split_once('@').expect("credentials");
    let (login, _) = credentials.rsplit_once(':').expect("a password");
    format!("{login}@{after}")
}

/// Signs in to `url` as the window does, keeping notes in `kept`.
async fn sign_in(url: &str, kept: &Path) -> Api {
    Api::sign_in(
        &without_password(url),
        PASSWORD,
        PluginOptions::new(Vec::new()),
    )
    .await
    .expect("sign in")
    .keep_notes_in(kept, PASSWORD)
    .await
    .expect("keep notes")
}

/// What `changes` next hears about the connection, passing over the
/// changes it hears first (this window's own among them).
async fn next_about_the_connection(changes: &mut Changes) -> Heard {
    loop {
        let heard = tokio::time::timeout(Duration::from_secs(30), changes.next())
            .await
            .expect("heard within 30 s")
            .expect("still listening");
        if !matches!(heard, Heard::Changed(_)) {
            return heard;
        }
    }
}

fn note(subjective: &str, based_on: i64) -> NoteForm {
    NoteForm {
        subjective: subjective.into(),
        pain_before: Some(6),
        based_on: Some(based_on),
        ..NoteForm::default()
    }
}

/// The session's note and revision as the server holds them.
async fn on_server(clinic: &TestClinic, session: i64) -> (String, i64) {
    sqlx::query_as("SELECT subjective, note_revision FROM sessions WHERE id = $1")
        .bind(session)
        .fetch_one(&mut clinic.as_admin().await)
        .await
        .expect("the session")
}

/// Writes the session's note on the server as a save of [`note`] would.
async fn write_on_server(clinic: &TestClinic, session: i64, subjective: &str) {
    sqlx::query(
        "UPDATE sessions SET subjective = $1, pain_before = 6,
             note_revision = note_revision + 1 WHERE id = $2",
    )
    .bind(subjective)
    .bind(session)
    .execute(&mut clinic.as_admin().await)
    .await
    .expect("written on the server");
}

/// How many times the session's note was written, by the audit log.
async fn note_writes(clinic: &TestClinic, session: i64) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'note.write' AND entity_id = $1",
    )
    .bind(session)
    .fetch_one(&mut clinic.as_admin().await)
    .await
    .expect("audit log")
}

/// A clinic with a therapist and a session of hers; the clinic, her URL and the session.
async fn anns_session() -> (TestClinic, String, i64) {
    let mut clinic = TestClinic::new().await;
    let ann = clinic.add("ann", PersonKind::Therapist, None).await;
    let (_, session, _) = client_with_a_session(&mut clinic.as_person(&ann).await, "Malee").await;
    let url = clinic.url_of(&ann);
    (clinic, url, session)
}

fn kept_file(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("kept-notes.sqlite")
}

#[tokio::test]
async fn a_note_typed_while_the_server_is_away_is_kept_encrypted_and_saved_once_when_it_is_back() {
    let (clinic, url, session) = anns_session().await;
    let relay = Relay::to(&url).await;
    let dir = tempfile::tempdir().expect("temp");
    let api = sign_in(&relay.url(&url), &kept_file(&dir)).await;
    let mut changes = api.listen().await.expect("listen").expect("a server");
    let id = SessionId(session);
    api.write_note(id, note("Neck pain", 0))
        .await
        .expect("saved");

    relay.cut().await;
    assert_eq!(next_about_the_connection(&mut changes).await, Heard::Lost);
    let typed = "Neck pain since Monday, Ελένη's ทดสอบ";
    for text in [typed, &format!("{typed}; worse at night")] {
        let error = api.write_note(id, note(text, 1)).await.expect_err("away");
        assert_eq!(error.code(), Code::KeptLocally);
    }
    assert_eq!(on_server(&clinic, session).await, ("Neck pain".into(), 1));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(kept_file(&dir))
            .expect("kept file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the kept notes are this user's only");
    }
    let bytes = std::fs::read(kept_file(&dir)).expect("kept file");
    assert!(
        !bytes.windows(6).any(|w| w == b"Monday"),
        "the kept note is encrypted"
    );

    relay.restore();
    assert_eq!(next_about_the_connection(&mut changes).await, Heard::Missed);
    assert_eq!(api.save_kept_notes().await.expect("saved"), []);
    let last = format!("{typed}; worse at night");
    assert_eq!(on_server(&clinic, session).await, (last.clone(), 2));

    // The editor still types over revision 1: its next save goes on top of
    // what was kept, not refused as changed elsewhere.
    let more = format!("{last}. Better after heat.");
    let stored = api
        .write_note(id, note(&more, 1))
        .await
        .expect("saved on top");
    assert_eq!(stored.note_revision, 3);
    assert_eq!(note_writes(&clinic, session).await, 3);
    assert_eq!(api.save_kept_notes().await.expect("nothing kept"), []);
    assert_eq!(on_server(&clinic, session).await.1, 3, "saved once each");
}

#[tokio::test]
async fn a_full_disk_here_neither_keeps_a_note_from_the_server_nor_passes_for_keeping_it() {
    let Some(disk) = FullDisk::mount() else {
        return;
    };
    let (clinic, url, session) = anns_session().await;
    let relay = Relay::to(&url).await;
    let api = sign_in(&relay.url(&url), &disk.dir.path().join("kept-notes.sqlite")).await;
    disk.fill();
    let id = SessionId(session);
    api.write_note(id, note("Neck pain", 0))
        .await
        .expect("saved on the server, with no copy kept here");
    assert_eq!(on_server(&clinic, session).await, ("Neck pain".into(), 1));

    // Away, and no room to keep it: the therapist is told the server can't
    // be reached, not that the note is kept (the editor holds on to it).
    relay.cut().await;
    let typed = "Neck pain since Monday";
    let error = api.write_note(id, note(typed, 1)).await.expect_err("away");
    assert_eq!(error.code(), Code::ServerUnreachable, "{error}");

    // Back, with room again: the editor's next save is the one that counts.
    disk.empty();
    relay.restore();
    assert_eq!(api.save_kept_notes().await.expect("nothing kept"), []);
    api.write_note(id, note(typed, 1)).await.expect("saved");
    assert_eq!(on_server(&clinic, session).await, (typed.into(), 2));
}

#[tokio::test]
async fn a_full_disk_here_does_not_keep_a_therapist_from_signing_in() {
    let Some(disk) = FullDisk::mount() else {
        return;
    };
    let (clinic, url, session) = anns_session().await;
    disk.fill();
    let api = sign_in(&url, &disk.dir.path().join("kept-notes.sqlite")).await;
    assert!(!api.keeps_notes(), "no room to keep notes in");
    api.write_note(SessionId(session), note("Neck pain", 0))
        .await
        .expect("saved on the server");
    assert_eq!(on_server(&clinic, session).await, ("Neck pain".into(), 1));
}

#[tokio::test]
async fn notes_kept_when_the_app_closed_are_saved_at_the_next_sign_in_and_not_again() {
    let (clinic, url, session) = anns_session().await;
    let relay = Relay::to(&url).await;
    let dir = tempfile::tempdir().expect("temp");
    let api = sign_in(&relay.url(&url), &kept_file(&dir)).await;
    relay.cut().await;
    let error = api
        .write_note(SessionId(session), note("Typed while away", 0))
        .await
        .expect_err("away");
    assert_eq!(error.code(), Code::KeptLocally);
    api.close().await;

    relay.restore();
    let next = sign_in(&relay.url(&url), &kept_file(&dir)).await;
    assert_eq!(next.save_kept_notes().await.expect("saved"), []);
    assert_eq!(
        on_server(&clinic, session).await,
        ("Typed while away".into(), 1)
    );
    assert_eq!(next.save_kept_notes().await.expect("nothing left"), []);
    assert_eq!(note_writes(&clinic, session).await, 1);
}

#[tokio::test]
async fn a_kept_note_the_server_got_though_its_answer_was_lost_is_not_saved_twice() {
    let (clinic, url, session) = anns_session().await;
    let relay = Relay::to(&url).await;
    let dir = tempfile::tempdir().expect("temp");
    let api = sign_in(&relay.url(&url), &kept_file(&dir)).await;
    relay.cut().await;
    api.write_note(SessionId(session), note("Sent as the line dropped", 0))
        .await
        .expect_err("away");
    // The save reached the server; only its answer was lost.
    write_on_server(&clinic, session, "Sent as the line dropped").await;

    relay.restore();
    assert_eq!(api.save_kept_notes().await.expect("settled"), []);
    assert_eq!(on_server(&clinic, session).await.1, 1, "not written again");
    let next = api
        .write_note(
            SessionId(session),
            note("Sent as the line dropped. More.", 0),
        )
        .await
        .expect("typed on top");
    assert_eq!(next.note_revision, 2);
}

#[tokio::test]
async fn a_kept_note_whose_note_changed_elsewhere_meanwhile_stays_kept_and_shows_with_its_session()
{
    let (clinic, url, session) = anns_session().await;
    let relay = Relay::to(&url).await;
    let dir = tempfile::tempdir().expect("temp");
    let api = sign_in(&relay.url(&url), &kept_file(&dir)).await;
    let id = SessionId(session);
    relay.cut().await;
    api.write_note(id, note("Ann's words, typed while away", 0))
        .await
        .expect_err("away");
    // Someone else saved the note meanwhile.
    write_on_server(&clinic, session, "Saved elsewhere").await;

    relay.restore();
    let unsaved = api.save_kept_notes().await.expect("tried");
    assert_eq!(unsaved.len(), 1);
    assert_eq!(unsaved[0].note.subjective, "Ann's words, typed while away");
    assert_eq!(
        on_server(&clinic, session).await,
        ("Saved elsewhere".into(), 1)
    );
    let detail = api.session(id).await.expect("session");
    assert_eq!(
        detail.kept.map(|kept| kept.note.subjective),
        Some("Ann's words, typed while away".into())
    );
    api.forget_kept_note(id).await.expect("put aside");
    assert_eq!(api.session(id).await.expect("session").kept, None);
}

#[tokio::test]
async fn kept_notes_locked_with_an_earlier_password_are_moved_aside_never_deleted() {
    let (_clinic, url, session) = anns_session().await;
    let dir = tempfile::tempdir().expect("temp");
    let file = kept_file(&dir);
    let earlier = myochart::api::Api::sign_in(
        &without_password(&url),
        PASSWORD,
        PluginOptions::new(Vec::new()),
    )
    .await
    .expect("sign in")
    .keep_notes_in(&file, "an earlier password")
    .await
    .expect("kept under the earlier password");
    earlier.close().await;

    let api = sign_in(&url, &file).await;
    api.write_note(SessionId(session), note("Saved", 0))
        .await
        .expect("a fresh file keeps and saves");
    let aside: Vec<_> = crate::handout::files_in(dir.path())
        .into_iter()
        .filter(|name| name.starts_with("kept-notes.sqlite.locked-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
}
