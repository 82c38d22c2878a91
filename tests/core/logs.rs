//! The log: a failed save can be traced by its ids and code, and nothing a
//! client or a therapist typed is in it.

use std::io::Write;
use std::sync::{Arc, Mutex};

use myochart::api::Code;
use myochart::model::NoteForm;

use crate::helpers::TestDb;

/// Everything logged on this thread, as the log file would hold it.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("log buffer")).into_owned()
    }
}

#[tokio::test]
async fn a_failed_note_save_logs_its_session_and_code_but_no_name_or_text() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::TRACE)
        .finish();
    let _logging = tracing::subscriber::set_default(subscriber);

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

    let log = captured.text();
    let failed = format!("write_note{{session={}}}", session.id.0);
    assert!(
        log.lines().any(|line| line.contains("WARN")
            && line.contains(&failed)
            && line.contains("code=signed-note")),
        "{log}"
    );
    assert!(
        log.lines()
            .any(|line| line.contains("sign_note") && line.contains("saved")),
        "{log}"
    );
    for secret in ["สมหญิง", "ใจดี", "ปวดไหล่", "kayak"] {
        assert!(!log.contains(secret), "{secret} logged:\n{log}");
    }
}
