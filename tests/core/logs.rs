//! The log: a failed save can be traced by its ids and code, and nothing a
//! client or a therapist typed is in it.

use std::cell::RefCell;
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use myochart::api::Code;
use myochart::model::NoteForm;

use crate::helpers::TestDb;

thread_local! {
    /// Where this thread's log lines go while a test captures them.
    static CAPTURE: RefCell<Option<Arc<Mutex<Vec<u8>>>>> = const { RefCell::new(None) };
}

/// Writes a line into this thread's capture, if it has one.
struct ThisThread;

impl Write for ThisThread {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        CAPTURE.with_borrow(|capture| {
            if let Some(buffer) = capture {
                buffer.lock().expect("log buffer").extend_from_slice(bytes);
            }
        });
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Captures what this thread logs from now on, every level, as the log file
/// would hold it. One global subscriber for the whole test binary: a scoped
/// one (`set_default`) misses events whose callsites other tests' threads
/// registered first.
fn capture() -> Arc<Mutex<Vec<u8>>> {
    static GLOBAL: OnceLock<()> = OnceLock::new();
    GLOBAL.get_or_init(|| {
        tracing_subscriber::fmt()
            .with_writer(|| ThisThread)
            .with_ansi(false)
            .with_max_level(tracing::Level::TRACE)
            .init();
    });
    let buffer = Arc::new(Mutex::new(Vec::new()));
    CAPTURE.set(Some(Arc::clone(&buffer)));
    buffer
}

#[tokio::test]
async fn a_failed_note_save_logs_its_session_and_code_but_no_name_or_text() {
    let captured = capture();

    let db = TestDb::new().await;
    let client = db.client("สมหญิง", "ใจดี").await;
    let session = db.session(&client).await;
    let note = NoteForm {
        subjective: "ปวดไหล่ขวา since the kayak trip".into(),
        pain_before: Some(6),
        ..NoteForm::default()
    };
    db.api
        .write_note(session.id, note.clone())
        .await
        .expect("draft saved");
    db.api.sign_note(session.id).await.expect("signed");
    let error = db
        .api
        .write_note(session.id, note)
        .await
        .expect_err("a signed note is only amended");
    assert_eq!(error.code(), Code::SignedNote);

    let log = String::from_utf8_lossy(&captured.lock().expect("log buffer")).into_owned();
    let failed = format!("write_note{{session={}}}", session.id.0);
    assert!(
        log.lines().any(|line| line.contains("WARN")
            && line.contains(&failed)
            && line.contains("code=signed-note")),
        "{log}"
    );
    assert!(
        log.lines()
            .any(|line| line.contains("sign_note") && line.contains("done")),
        "{log}"
    );
    for secret in ["สมหญิง", "ใจดี", "ปวดไหล่", "kayak"] {
        assert!(!log.contains(secret), "{secret} logged:\n{log}");
    }
}
