//! The store's rules, checked on real SQLite files.

use myochart::api::{Api, Code};
use myochart::atlas::View;
use myochart::model::{
    AmendmentForm, ClientForm, ClientId, FindingMove, HandoutOptions, NoteForm, SessionId,
};

use crate::helpers::{trapezius_finding, FullDisk, TestDb};

#[tokio::test]
async fn every_migration_applies_to_an_empty_database_and_reopening_is_a_no_op() {
    let db = TestDb::new().await;
    db.client("Anna", "Smith").await;
    db.api.close().await;
    let reopened = Api::open(&db.path()).await.expect("reopen");
    assert_eq!(reopened.info().await.expect("info").client_count, 1);
}

#[tokio::test]
async fn foreign_keys_are_enforced() {
    let db = TestDb::new().await;
    let pool = db.other_program().await;
    sqlx::query("PRAGMA foreign_keys = ON")
        .execute(&pool)
        .await
        .expect("pragma");
    let orphan =
        sqlx::query("INSERT INTO sessions (client_id, session_date) VALUES (999, '2026-01-01')")
            .execute(&pool)
            .await;
    assert!(orphan.is_err(), "a session without a client was stored");
}

async fn a_signed_note_cannot_be_edited_only_amended(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    let session = db.session(&client).await;
    let finding = db
        .api
        .add_finding(session.id, trapezius_finding())
        .await
        .expect("finding");
    let note = NoteForm {
        subjective: "Temple headache".into(),
        pain_before: Some(7),
        pain_after: Some(3),
        ..NoteForm::default()
    };
    db.api
        .write_note(session.id, note.clone())
        .await
        .expect("draft saved");
    let signed = db.api.sign_note(session.id).await.expect("signed");
    assert!(signed.signed_at.is_some());

    let edit = db
        .api
        .write_note(
            session.id,
            NoteForm {
                subjective: "changed".into(),
                ..note
            },
        )
        .await;
    assert_eq!(edit.expect_err("edit refused").code(), Code::SignedNote);
    let add = db.api.add_finding(session.id, trapezius_finding()).await;
    assert_eq!(
        add.expect_err("new finding refused").code(),
        Code::SignedNote
    );
    let moved = db
        .api
        .move_finding(
            finding.id,
            FindingMove {
                view: View::Back,
                x: 0.5,
                y: 0.5,
                side: None,
            },
        )
        .await;
    assert_eq!(moved.expect_err("move refused").code(), Code::SignedNote);
    let removed = db.api.remove_finding(finding.id).await;
    assert_eq!(
        removed.expect_err("removal refused").code(),
        Code::SignedNote
    );
    let resigned = db.api.sign_note(session.id).await;
    assert_eq!(
        resigned.expect_err("signing twice refused").code(),
        Code::SignedNote
    );

    let first = db
        .api
        .amend_note(
            session.id,
            AmendmentForm {
                reason: "typo".into(),
                text: "Left temple, not right".into(),
            },
        )
        .await
        .expect("amended");
    let second = db
        .api
        .amend_note(
            session.id,
            AmendmentForm {
                reason: "late info".into(),
                text: "Client reports better sleep".into(),
            },
        )
        .await
        .expect("amended");
    let detail = db.api.session(session.id).await.expect("detail");
    assert_eq!(detail.session.subjective, "Temple headache");
    assert_eq!(detail.findings.len(), 1);
    assert_eq!(
        detail.amendments.iter().map(|a| a.id).collect::<Vec<_>>(),
        [first.id, second.id]
    );
    assert_eq!(detail.amendments[0].author, db.actor());
}

async fn the_database_itself_refuses_to_change_a_signed_note(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    let session = db.session(&client).await;
    db.api.sign_note(session.id).await.expect("signed");
    let tamper = db
        .other_program_runs(&format!(
            "UPDATE sessions SET subjective = 'tampered' WHERE id = {}",
            session.id
        ))
        .await;
    assert!(tamper
        .expect_err("trigger refuses")
        .to_string()
        .contains("[signed-note]"));
    let delete = db.other_program_runs("DELETE FROM audit_log").await;
    assert!(delete.is_err(), "the audit log was deleted");
}

async fn a_draft_cannot_be_amended(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    let session = db.session(&client).await;
    let amend = db
        .api
        .amend_note(
            session.id,
            AmendmentForm {
                reason: "r".into(),
                text: "t".into(),
            },
        )
        .await;
    assert_eq!(amend.expect_err("refused").code(), Code::DraftNote);
}

async fn soft_deleted_clients_leave_the_list_but_stay_in_the_database(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    db.client("Ben", "Jones").await;
    db.api.delete_client(client.id).await.expect("deleted");
    let listed = db.api.search_clients("").await.expect("list");
    assert_eq!(
        listed
            .iter()
            .map(|c| c.first_name.as_str())
            .collect::<Vec<_>>(),
        ["Ben"]
    );
    assert_eq!(
        db.api
            .client_record(client.id)
            .await
            .expect_err("hidden")
            .code(),
        Code::NotFound
    );
    assert_eq!(
        db.api
            .delete_client(client.id)
            .await
            .expect_err("already")
            .code(),
        Code::NotFound
    );
    let trail = db
        .api
        .audit_trail("client", client.id.0)
        .await
        .expect("trail");
    assert_eq!(
        trail.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["client.create", "client.delete"]
    );
}

async fn every_change_is_in_the_audit_log_with_who_did_it(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    db.api
        .update_client(
            client.id,
            ClientForm {
                first_name: "Anne".into(),
                ..ClientForm::default()
            },
        )
        .await
        .expect("updated");
    let session = db.session(&client).await;
    let finding = db
        .api
        .add_finding(session.id, trapezius_finding())
        .await
        .expect("finding");
    db.api
        .move_finding(
            finding.id,
            FindingMove {
                view: View::Back,
                x: 0.62,
                y: 0.21,
                side: None,
            },
        )
        .await
        .expect("moved");
    db.api.remove_finding(finding.id).await.expect("removed");
    db.api
        .write_note(session.id, NoteForm::default())
        .await
        .expect("note");
    db.api.sign_note(session.id).await.expect("signed");
    db.api
        .amend_note(
            session.id,
            AmendmentForm {
                reason: "r".into(),
                text: "t".into(),
            },
        )
        .await
        .expect("amended");

    let actions = |trail: Vec<myochart::api::AuditEntry>| {
        trail
            .into_iter()
            .map(|e| (e.action, e.actor))
            .collect::<Vec<_>>()
    };
    let who = db.actor().to_owned();
    assert_eq!(
        actions(
            db.api
                .audit_trail("client", client.id.0)
                .await
                .expect("trail")
        ),
        [
            ("client.create".to_owned(), who.clone()),
            ("client.update".to_owned(), who.clone())
        ]
    );
    assert_eq!(
        actions(
            db.api
                .audit_trail("finding", finding.id.0)
                .await
                .expect("trail")
        ),
        [
            ("finding.add".into(), who.clone()),
            ("finding.move".into(), who.clone()),
            ("finding.remove".into(), who.clone())
        ]
    );
    let session_actions: Vec<String> = db
        .api
        .audit_trail("session", session.id.0)
        .await
        .expect("trail")
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        session_actions,
        ["session.create", "note.write", "note.sign", "note.amend"]
    );
}

async fn unicode_names_round_trip_exactly(db: TestDb) {
    for (first, last) in [
        ("สมหญิง", "ศรีสุข"),
        ("Ελένη", "Παπαδοπούλου"),
        ("Đặng", "Thị Hoa"),
        ("Zoë", "Ångström"),
        ("Анна", "Иванова"),
    ] {
        let created = db.client(first, last).await;
        let record = db.api.client_record(created.id).await.expect("record");
        assert_eq!(
            (
                record.client.first_name.as_str(),
                record.client.last_name.as_str()
            ),
            (first, last)
        );
    }
}

async fn a_client_record_lists_sessions_newest_first_with_counts(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    let older = db
        .api
        .create_session(
            client.id,
            myochart::model::SessionForm {
                session_date: "2026-01-05".into(),
                therapist: String::new(),
            },
        )
        .await
        .expect("s1");
    let newer = db
        .api
        .create_session(
            client.id,
            myochart::model::SessionForm {
                session_date: "2026-02-05".into(),
                therapist: String::new(),
            },
        )
        .await
        .expect("s2");
    db.api
        .add_finding(older.id, trapezius_finding())
        .await
        .expect("f");
    db.api
        .add_finding(older.id, trapezius_finding())
        .await
        .expect("f");
    db.api
        .write_note(
            older.id,
            NoteForm {
                subjective: "Stiff neck\nsince Monday".into(),
                ..NoteForm::default()
            },
        )
        .await
        .expect("note");
    let record = db.api.client_record(client.id).await.expect("record");
    assert_eq!(
        record.sessions.iter().map(|s| s.id).collect::<Vec<_>>(),
        [newer.id, older.id]
    );
    assert_eq!(record.sessions[1].finding_count, 2);
    assert_eq!(record.sessions[1].complaint, "Stiff neck");
    assert_eq!(
        db.api.search_clients("anna").await.expect("search")[0]
            .last_session
            .as_deref(),
        Some("2026-02-05")
    );
}

#[tokio::test]
async fn backup_writes_a_complete_copy_that_opens() {
    let db = TestDb::new().await;
    db.client("Ελένη", "Νικολάου").await;
    let backup = db
        .api
        .backup(&db.dir.path().join("backups"))
        .await
        .expect("backup");
    let copy = Api::open(&backup.path).await.expect("open backup");
    assert_eq!(copy.search_clients("ελενη").await.expect("search").len(), 1);
}

#[tokio::test]
async fn a_locked_database_gives_a_busy_error_and_loses_nothing() {
    let db = TestDb::new().await;
    let client = db.client("Anna", "Smith").await;
    // Another program holds the write lock for longer than the busy timeout.
    let blocker = db.hold_write_lock(&client).await;
    let blocked = db
        .api
        .update_client(
            client.id,
            ClientForm {
                first_name: "Anne".into(),
                ..ClientForm::default()
            },
        )
        .await;
    assert_eq!(blocked.expect_err("busy").code(), Code::Busy);
    blocker.rollback().await.expect("release");
    let record = db.api.client_record(client.id).await.expect("record");
    assert_eq!(record.client.first_name, "Anna");
    let saved = db
        .api
        .update_client(
            client.id,
            ClientForm {
                first_name: "Anne".into(),
                ..ClientForm::default()
            },
        )
        .await
        .expect("saved after release");
    assert_eq!(saved.first_name, "Anne");
}

#[tokio::test]
async fn a_write_waits_for_a_short_lock_instead_of_failing() {
    let db = TestDb::new().await;
    let client = db.client("Anna", "Smith").await;
    let blocker = db.hold_write_lock(&client).await;
    let release = tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        blocker.rollback().await.expect("release");
    });
    let saved = db
        .api
        .update_client(
            client.id,
            ClientForm {
                first_name: "Anne".into(),
                ..ClientForm::default()
            },
        )
        .await;
    release.await.expect("released");
    assert_eq!(saved.expect("waited for the lock").first_name, "Anne");
}

#[tokio::test]
async fn a_full_disk_is_a_clear_error_and_what_was_saved_stays_whole() {
    let Some(disk) = FullDisk::mount() else {
        return;
    };
    let path = disk.dir.path().join("clinic.sqlite");
    let api = Api::open(&path).await.expect("open");
    let notes = "Trigger points in both upper trapezius. ".repeat(200);
    let mut saved = 0;
    let error = loop {
        let added = api
            .create_client(ClientForm {
                first_name: format!("Client {saved}"),
                notes: notes.clone(),
                ..ClientForm::default()
            })
            .await;
        match added {
            Ok(_) => saved += 1,
            Err(error) => break error,
        }
        assert!(saved < 10_000, "the disk never filled");
    };
    assert_eq!(error.code(), Code::DiskFull, "{error}");
    assert!(error.to_string().contains("the disk is full"), "{error}");
    assert!(saved > 0);
    // Every client saved before the disk filled is there, and the file is sound.
    api.close().await;
    drop(api);
    let reopened = Api::open(&path).await.expect("reopen on a full disk");
    assert_eq!(reopened.info().await.expect("info").client_count, saved);
    let pool = sqlx::SqlitePool::connect(&format!("sqlite:{}", path.display()))
        .await
        .expect("connect");
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .expect("integrity check");
    pool.close().await;
    assert_eq!(check, "ok");
    reopened.close().await;

    // A handout saved onto the full disk: a file error, no partial file, and
    // no record of a handout the client never got. (Closing the database may
    // have freed a little room: take it.)
    disk.fill();
    let db = TestDb::new().await;
    let client = db.client("Anna", "Smith").await;
    let session = db.session(&client).await;
    db.api
        .add_finding(session.id, trapezius_finding())
        .await
        .expect("finding");
    let before: Vec<_> = std::fs::read_dir(disk.dir.path())
        .expect("list")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    let handout = disk.dir.path().join("handout.pdf");
    let error = db
        .api
        .save_handout(session.id, HandoutOptions::default(), &handout)
        .await
        .expect_err("no room for the handout");
    assert_eq!(error.code(), Code::File, "{error}");
    let after: Vec<_> = std::fs::read_dir(disk.dir.path())
        .expect("list")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    assert_eq!(after, before, "a partial file was left");
    assert!(db
        .api
        .handouts_of_client(client.id)
        .await
        .expect("handouts")
        .is_empty());
}

/// A database as the previous release left it: every migration before
/// `version`, with the rows `seed` inserts.
async fn database_before(version: i64, seed: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("old.sqlite").display()
    );
    let pool = sqlx::SqlitePool::connect(&url).await.expect("create");
    let mut migrator = sqlx::migrate!("./migrations");
    migrator.migrations = migrator
        .migrations
        .iter()
        .filter(|m| m.version < version)
        .cloned()
        .collect::<Vec<_>>()
        .into();
    migrator.run(&pool).await.expect("older migrations");
    sqlx::raw_sql(seed).execute(&pool).await.expect("seed");
    pool.close().await;
    dir
}

#[tokio::test]
async fn a_signed_finding_on_the_old_head_close_up_moves_to_the_head_of_the_right_side() {
    let dir = database_before(
        20261130000008,
        "INSERT INTO clients (first_name, search_key, sort_key, red_flags, screened_at)
             VALUES ('Anna', 'anna', 'anna', '[\"arm-numbness\"]', '2026-11-01T10:00:00Z');
         INSERT INTO sessions (client_id, session_date) VALUES (1, '2026-11-20');
         INSERT INTO findings (session_id, muscle_id, muscle_label, side, view, x, y, tenderness, activity)
             VALUES (1, 'tmj:masseter', 'Masseter', 'right', 'side', 0.57, 0.488, 6, 'active');
         UPDATE sessions SET status = 'signed', signed_at = '2026-11-20T11:00:00Z' WHERE id = 1;",
    )
    .await;
    let api = Api::open(&dir.path().join("old.sqlite"))
        .await
        .expect("migrated");
    let session = api.session(SessionId(1)).await.expect("session");
    let masseter = &session.findings[0];
    assert_eq!(masseter.view, View::RightSide);
    assert_eq!(masseter.muscle_label, "Masseter");
    // On the cheek of the whole-body profile, between the ear and the nose.
    assert!((0.45..0.6).contains(&masseter.x), "x {}", masseter.x);
    assert!((0.08..0.12).contains(&masseter.y), "y {}", masseter.y);
    let outline = api
        .atlas()
        .outline(View::RightSide)
        .cloned()
        .expect("outline");
    assert!(outline.covers([masseter.x as f32, masseter.y as f32]));
    // The six questions added since were not asked: they are not "no".
    let record = api.client_record(ClientId(1)).await.expect("client");
    assert_eq!(record.client.screened_flags.len(), 7);
    assert_eq!(record.unasked_red_flags.len(), 6);
}

#[tokio::test]
async fn records_are_kept_whatever_program_deletes_them() {
    let db = TestDb::new().await;
    let client = db.client("Anna", "Smith").await;
    let draft = db.session(&client).await;
    db.api
        .add_finding(draft.id, trapezius_finding())
        .await
        .expect("finding");
    let pool = db.other_program().await;
    for delete in [
        "DELETE FROM findings",
        "DELETE FROM sessions",
        "DELETE FROM clients",
    ] {
        let refused = sqlx::query(delete).execute(&pool).await.expect_err(delete);
        assert!(
            refused.to_string().contains("records are kept"),
            "{refused}"
        );
    }
    assert_eq!(
        db.api.session(draft.id).await.expect("kept").findings.len(),
        1
    );
}

async fn a_draft_finding_cant_be_moved_into_a_signed_session(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    let signed = db.session(&client).await;
    db.api.sign_note(signed.id).await.expect("signed");
    let draft = db.session(&client).await;
    let finding = db
        .api
        .add_finding(draft.id, trapezius_finding())
        .await
        .expect("finding");
    let moved = db
        .other_program_runs(&format!(
            "UPDATE findings SET session_id = {} WHERE id = {}",
            signed.id, finding.id
        ))
        .await
        .expect_err("refused");
    assert!(moved.to_string().contains("[signed-note]"), "{moved}");
}

async fn removing_a_check_is_audited_and_a_signed_sessions_checks_stay(db: TestDb) {
    use myochart::atlas::Side;
    use myochart::model::CheckForm;
    let client = db.client("Anna", "Smith").await;
    let session = db.session(&client).await;
    let check = |muscle: &str| CheckForm {
        muscle_id: muscle.into(),
        side: Side::Right,
    };
    let checks = db
        .api
        .add_checks(session.id, vec![check("core:scalenes")])
        .await
        .expect("checks");
    db.api.remove_check(checks[0].id).await.expect("removed");
    let trail = db
        .api
        .audit_trail("check", checks[0].id.0)
        .await
        .expect("trail");
    assert_eq!(trail[0].action, "check.remove");
    assert!(trail[0].detail.contains("Scalenes"), "{}", trail[0].detail);

    db.api
        .add_checks(session.id, vec![check("core:levator-scapulae")])
        .await
        .expect("checks");
    db.api.sign_note(session.id).await.expect("signed");
    // Signing cleared the list: what is left of a signed session is part of
    // its note, and another program can't delete it.
    assert!(db
        .api
        .session(session.id)
        .await
        .expect("session")
        .checks
        .is_empty());
    db.other_program_runs(&format!(
        "INSERT INTO session_checks (session_id, muscle_id, muscle_label, side)
         VALUES ({}, 'core:scalenes', 'Scalenes', 'right')",
        session.id
    ))
    .await
    .expect("inserted behind the app's back");
    let deleted = db
        .other_program_runs(&format!(
            "DELETE FROM session_checks WHERE session_id = {}",
            session.id
        ))
        .await
        .expect_err("refused");
    assert!(deleted.to_string().contains("[signed-note]"), "{deleted}");
}

#[tokio::test]
async fn two_programs_opening_a_new_database_at_once_both_get_it() {
    // A race: without the update lock around connecting (which turns on the
    // write-ahead log) one opening of 30 or so is refused as busy.
    for round in 0..30 {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("shared.sqlite");
        let (first, second) = tokio::join!(Api::open(&path), Api::open(&path));
        let first = first.unwrap_or_else(|e| panic!("round {round}, first: {e}"));
        let second = second.unwrap_or_else(|e| panic!("round {round}, second: {e}"));
        first
            .create_client(ClientForm {
                first_name: "Anna".into(),
                ..ClientForm::default()
            })
            .await
            .expect("client");
        assert_eq!(second.info().await.expect("info").client_count, 1);
        first.close().await;
        second.close().await;
    }
}

#[tokio::test]
async fn a_database_with_records_is_copied_before_its_schema_changes() {
    let dir = database_before(
        20261130000008,
        "INSERT INTO clients (first_name, search_key, sort_key) VALUES ('Anna', 'anna', 'anna');",
    )
    .await;
    let api = Api::open(&dir.path().join("old.sqlite"))
        .await
        .expect("migrated");
    api.close().await;
    let copies: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().contains(".before-update-"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    // The copy is the database as it was: the old schema, the client in it.
    let url = format!("sqlite://{}?mode=ro", copies[0].display());
    let copy = sqlx::SqlitePool::connect(&url)
        .await
        .expect("open the copy");
    let (clients, version): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM clients), (SELECT max(version) FROM _sqlx_migrations)",
    )
    .fetch_one(&copy)
    .await
    .expect("read the copy");
    assert_eq!((clients, version), (1, 20261125000007));
    copy.close().await;
    // A database already up to date, or one without records, is not copied.
    let again = Api::open(&dir.path().join("old.sqlite"))
        .await
        .expect("reopen");
    again.close().await;
    let fresh = TestDb::new().await;
    fresh.api.close().await;
    let count = |dir: &std::path::Path| {
        std::fs::read_dir(dir)
            .expect("list")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().contains(".before-update-"))
            })
            .count()
    };
    assert_eq!((count(dir.path()), count(fresh.dir.path())), (1, 0));
}

/// Issue 12: the audit log kept no old values, so a changed health history,
/// a removed contraindication or a cleared red flag could not be read back.
async fn the_audit_log_keeps_what_each_change_replaced(db: TestDb) {
    use myochart::atlas::RedFlag;
    use myochart::model::{screening_answers, Settings};
    use serde_json::json;

    let intake = ClientForm {
        first_name: "Anna".into(),
        health_history: "Asthma".into(),
        contraindications: "Varicose veins, left calf".into(),
        red_flag_answers: screening_answers(&[RedFlag::SwollenCalf]),
        ..ClientForm::default()
    };
    let client = db.api.create_client(intake.clone()).await.expect("client");
    db.api
        .update_client(
            client.id,
            ClientForm {
                health_history: "Asthma, well controlled".into(),
                contraindications: String::new(),
                red_flag_answers: screening_answers(&[]),
                ..intake
            },
        )
        .await
        .expect("updated");
    let last = |trail: Vec<myochart::api::AuditEntry>| trail.into_iter().last().expect("entry");
    let update = last(
        db.api
            .audit_trail("client", client.id.0)
            .await
            .expect("trail"),
    );
    let changed = |entry: &myochart::api::AuditEntry, field: &str| {
        let change = &entry.changes[field];
        (change.old.clone(), change.new.clone())
    };
    assert_eq!(update.action, "client.update");
    assert_eq!(
        changed(&update, "healthHistory"),
        (json!("Asthma"), json!("Asthma, well controlled"))
    );
    assert_eq!(
        changed(&update, "contraindications"),
        (json!("Varicose veins, left calf"), json!(""))
    );
    assert_eq!(
        changed(&update, "redFlags"),
        (json!(["swollen-calf"]), json!([]))
    );
    // Only what changed, and no bookkeeping.
    assert!(!update.changes.contains_key("firstName"), "{update:?}");
    assert!(!update.changes.contains_key("updatedAt"), "{update:?}");

    let session = db.session(&client).await;
    for subjective in ["Headache", "Headache, left temple"] {
        db.api
            .write_note(
                session.id,
                NoteForm {
                    subjective: subjective.into(),
                    ..NoteForm::default()
                },
            )
            .await
            .expect("note");
    }
    let write = last(
        db.api
            .audit_trail("session", session.id.0)
            .await
            .expect("trail"),
    );
    assert_eq!(
        changed(&write, "subjective"),
        (json!("Headache"), json!("Headache, left temple"))
    );
    assert_eq!(write.changes.len(), 1, "{write:?}");
    db.api.sign_note(session.id).await.expect("signed");
    let sign = last(
        db.api
            .audit_trail("session", session.id.0)
            .await
            .expect("trail"),
    );
    assert_eq!(changed(&sign, "status"), (json!("draft"), json!("signed")));

    let finding = db
        .api
        .add_finding(db.session(&client).await.id, trapezius_finding())
        .await
        .expect("finding");
    db.api
        .move_finding(
            finding.id,
            FindingMove {
                view: View::Front,
                x: 0.40,
                y: 0.25,
                side: None,
            },
        )
        .await
        .expect("moved");
    let moved = last(
        db.api
            .audit_trail("finding", finding.id.0)
            .await
            .expect("trail"),
    );
    assert_eq!(changed(&moved, "view").0, json!("back"));
    assert_eq!(changed(&moved, "x").0, json!(finding.x));

    let settings = Settings {
        clinic_name: "Old Town Massage".into(),
        ..Settings::default()
    };
    db.api.save_settings(settings.clone()).await.expect("saved");
    db.api
        .save_settings(Settings {
            clinic_name: "New Town Massage".into(),
            ..settings
        })
        .await
        .expect("saved");
    let saved = last(db.api.audit_trail("settings", 1).await.expect("trail"));
    assert_eq!(
        changed(&saved, "clinicName"),
        (json!("Old Town Massage"), json!("New Town Massage"))
    );
}

/// Issue 12: backups and exports copy health records out of the database;
/// the audit log says who made them and where they went.
#[tokio::test]
async fn backups_and_exports_are_in_the_audit_log() {
    let db = TestDb::new().await;
    let backup = db
        .api
        .backup(&db.dir.path().join("backups"))
        .await
        .expect("backup");
    let log = db
        .api
        .save_practice_log_csv(&db.dir.path().join("log.csv"))
        .await
        .expect("csv");
    let trail = db.api.audit_trail("database", 0).await.expect("trail");
    let entries: Vec<(&str, &str, &str)> = trail
        .iter()
        .map(|e| (e.action.as_str(), e.actor.as_str(), e.detail.as_str()))
        .collect();
    assert_eq!(
        entries,
        [
            (
                "database.backup",
                "test therapist",
                backup.path.to_str().expect("utf-8")
            ),
            (
                "export.practice-log",
                "test therapist",
                log.to_str().expect("utf-8")
            ),
        ]
    );
}

/// Issue 12: the store knows a trigger's refusal by the code its message starts
/// with, so every trigger that refuses must give one.
#[tokio::test]
async fn every_trigger_refuses_with_a_code() {
    let db = TestDb::new().await;
    let pool = db.other_program().await;
    let triggers: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE%'",
    )
    .fetch_all(&pool)
    .await
    .expect("triggers");
    assert!(triggers.len() >= 19, "{}", triggers.len());
    for (name, sql) in triggers {
        for raise in sql.split("RAISE(ABORT, '").skip(1) {
            assert!(
                raise.starts_with('['),
                "{name} raises without a code: {raise}"
            );
        }
    }
}

async fn a_clients_language_is_kept_through_create_and_edit_and_a_bad_tag_is_refused(db: TestDb) {
    let english = db.client("Anna", "").await;
    assert_eq!(english.language.to_string(), "en", "English unless said");
    let form = |language: &str| ClientForm {
        first_name: "สมชาย".into(),
        language: language.into(),
        ..ClientForm::default()
    };
    let thai = db.api.create_client(form("th")).await.expect("create");
    assert_eq!(thai.language.to_string(), "th");
    let edited = db
        .api
        .update_client(thai.id, form("pt-br"))
        .await
        .expect("edit");
    assert_eq!(edited.language.to_string(), "pt-BR");
    let record = db.api.client_record(thai.id).await.expect("record");
    assert_eq!(record.client.language, edited.language);

    let refused = db
        .api
        .update_client(thai.id, form("Thai language"))
        .await
        .expect_err("not a tag");
    assert_eq!(crate::helpers::invalid_fields(&refused), ["language"]);
    let body = serde_json::to_value(myochart::api::ErrorBody::from(&refused)).expect("json");
    assert_eq!(body["code"], "validation", "{body}");
    let message = body["fields"][0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("\"Thai language\" is not a language tag"),
        "{message}"
    );
}

on_both_engines!(
    removing_a_check_is_audited_and_a_signed_sessions_checks_stay,
    the_audit_log_keeps_what_each_change_replaced,
    a_draft_finding_cant_be_moved_into_a_signed_session,
    the_database_itself_refuses_to_change_a_signed_note,
    a_signed_note_cannot_be_edited_only_amended,
    a_draft_cannot_be_amended,
    soft_deleted_clients_leave_the_list_but_stay_in_the_database,
    every_change_is_in_the_audit_log_with_who_did_it,
    unicode_names_round_trip_exactly,
    a_client_record_lists_sessions_newest_first_with_counts,
    a_clients_language_is_kept_through_create_and_edit_and_a_bad_tag_is_refused,
);
