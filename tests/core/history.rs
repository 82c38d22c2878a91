//! A client's history and a note's revisions, as the client's page shows them:
//! exactly what the audit log holds, for that client alone.

use myochart::api::Code;
use myochart::api::{AuditEntry, HistoryEntry};
use myochart::atlas::{Side, View};
use myochart::model::{
    AmendmentForm, ClientForm, Finding, FindingMove, HandoutOptions, NoteForm, Session,
};
use serde_json::json;

use crate::helpers::{trapezius_finding, TestDb};

/// A client with a phone number, a session, a finding moved, a signed and
/// amended note and a handout.
async fn charted_client(db: &TestDb, first: &str) -> (ClientForm, Session, Finding) {
    let form = ClientForm {
        first_name: first.into(),
        phone: "555-0100".into(),
        ..ClientForm::default()
    };
    let client = db.api.create_client(form.clone()).await.expect("client");
    let session = db.session(&client).await;
    let finding = db
        .api
        .add_finding(session.id, trapezius_finding())
        .await
        .expect("finding");
    let moved = FindingMove {
        view: View::Back,
        x: 0.62,
        y: 0.21,
        side: None,
    };
    db.api.move_finding(finding.id, moved).await.expect("moved");
    let note = NoteForm {
        subjective: "Neck ache".into(),
        ..NoteForm::default()
    };
    db.api.write_note(session.id, note).await.expect("note");
    db.api
        .save_handout(
            session.id,
            HandoutOptions::default(),
            &db.dir.path().join(format!("{first}.pdf")),
        )
        .await
        .expect("handout");
    db.api.sign_note(session.id).await.expect("signed");
    let amendment = AmendmentForm {
        reason: "Late information".into(),
        text: "Client mentioned a fall last week.".into(),
    };
    db.api
        .amend_note(session.id, amendment)
        .await
        .expect("amended");
    (form, session, finding)
}

fn actions(history: &[HistoryEntry]) -> Vec<&str> {
    history.iter().map(|h| h.entry.action.as_str()).collect()
}

#[tokio::test]
async fn a_clients_history_is_what_the_audit_log_holds_about_them_newest_first() {
    let db = TestDb::new().await;
    let (form, session, finding) = charted_client(&db, "Anna").await;
    let client = session.client_id;
    db.api
        .update_client(
            client,
            ClientForm {
                phone: "555-0199".into(),
                ..form
            },
        )
        .await
        .expect("phone changed");
    db.api
        .backup(&db.dir.path().join("backups"))
        .await
        .expect("backup");

    let history = db.api.client_history(client).await.expect("history");
    assert_eq!(
        actions(&history),
        [
            "database.backup",
            "client.update",
            "note.amend",
            "note.sign",
            "handout.give",
            "note.write",
            "finding.move",
            "finding.add",
            "session.create",
            "client.create",
        ]
    );
    let phone = &history[1].entry.changes["phone"];
    assert_eq!(
        (&phone.old, &phone.new),
        (&json!("555-0100"), &json!("555-0199"))
    );

    // Entry for entry the log's own: the trails of the client, the session,
    // the finding and the backups, merged.
    let mut trails: Vec<AuditEntry> = Vec::new();
    for (entity, id) in [
        ("client", client.0),
        ("session", session.id.0),
        ("finding", finding.id.0),
        ("database", 0),
    ] {
        trails.extend(db.api.audit_trail(entity, id).await.expect("trail"));
    }
    trails.sort_by_key(|entry| std::cmp::Reverse(entry.id));
    let entries: Vec<AuditEntry> = history.iter().map(|h| h.entry.clone()).collect();
    assert_eq!(entries, trails);
}

async fn a_clients_history_names_the_session_and_the_muscle_it_concerns(db: TestDb) {
    let (_, session, _) = charted_client(&db, "Anna").await;
    let history = db
        .api
        .client_history(session.client_id)
        .await
        .expect("history");
    let about = |action: &str| {
        let entry = history
            .iter()
            .find(|h| h.entry.action == action)
            .expect("entry");
        (
            entry.session_date.as_deref(),
            entry.muscle_label.as_deref(),
            entry.side,
        )
    };
    let date = Some(session.session_date.as_str());
    assert_eq!(about("client.create"), (None, None, None));
    assert_eq!(about("note.sign"), (date, None, None));
    assert_eq!(
        about("finding.move"),
        (date, Some("Upper trapezius"), Some(Side::Right))
    );
}

#[tokio::test]
async fn a_backup_is_in_the_history_of_the_clients_it_holds_only() {
    let db = TestDb::new().await;
    let backups = db.dir.path().join("backups");
    let before = db.client("Anna", "Smith").await;
    db.api.backup(&backups).await.expect("backup");
    let after = db.client("Bella", "Jones").await;
    let backed_up =
        |history: Vec<HistoryEntry>| history.iter().any(|h| h.entry.action == "database.backup");
    assert!(backed_up(
        db.api.client_history(before.id).await.expect("history")
    ));
    assert!(!backed_up(
        db.api.client_history(after.id).await.expect("history")
    ));
}

async fn a_clients_history_holds_nothing_of_another_client(db: TestDb) {
    let (_, anna, _) = charted_client(&db, "Anna").await;
    let (_, bella, _) = charted_client(&db, "Bella").await;
    let annas = db
        .api
        .client_history(anna.client_id)
        .await
        .expect("history");
    let bellas = db
        .api
        .client_history(bella.client_id)
        .await
        .expect("history");
    assert_eq!(actions(&annas), actions(&bellas));
    let ids =
        |history: &[HistoryEntry]| -> Vec<i64> { history.iter().map(|h| h.entry.id).collect() };
    assert!(
        ids(&annas).iter().all(|id| !ids(&bellas).contains(id)),
        "{annas:?}\n{bellas:?}"
    );
}

async fn a_removed_clients_history_is_not_shown(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    db.api.delete_client(client.id).await.expect("removed");
    let refused = db.api.client_history(client.id).await.expect_err("removed");
    assert_eq!(refused.code(), Code::NotFound);
}

async fn a_notes_history_has_each_save_the_signing_and_each_amendment_with_its_text(db: TestDb) {
    let (_, session, _) = charted_client(&db, "Anna").await;
    let history = db.api.note_history(session.id).await.expect("history");
    let summary: Vec<(&str, &str)> = history
        .iter()
        .map(|e| (e.action.as_str(), e.actor.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("note.amend", db.actor()),
            ("note.sign", db.actor()),
            ("note.write", db.actor()),
        ]
    );
    let change = |entry: &AuditEntry, field: &str| {
        let change = &entry.changes[field];
        (change.old.clone(), change.new.clone())
    };
    assert_eq!(history[0].detail, "Late information");
    assert_eq!(
        change(&history[0], "text"),
        (json!(null), json!("Client mentioned a fall last week."))
    );
    assert_eq!(
        change(&history[1], "status"),
        (json!("draft"), json!("signed"))
    );
    assert_eq!(
        change(&history[2], "subjective"),
        (json!(""), json!("Neck ache"))
    );
}

on_both_engines!(
    a_clients_history_names_the_session_and_the_muscle_it_concerns,
    a_clients_history_holds_nothing_of_another_client,
    a_removed_clients_history_is_not_shown,
    a_notes_history_has_each_save_the_signing_and_each_amendment_with_its_text,
);
