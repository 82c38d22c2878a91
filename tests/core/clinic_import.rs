//! Moving in (`myochart clinic import`): a solo database made through the Api
//! goes into a clinic on the test server whole, once, all or nothing, and
//! stays its importer's. Run with a server: `scripts/with-postgres.sh cargo
//! test --test core clinic_import`.

use myochart::clinic::{Clinic, ImportReport, PersonKind, Refusal};
use myochart::model::export::Export;
use myochart::model::{AmendmentForm, LogEntryForm, NoteForm, SnippetForm};
use serde_json::Value;
use sqlx::PgConnection;

use crate::clinic::TestClinic;
use crate::helpers::{trapezius_finding, TestDb};

const NAMES: [(&str, &str); 3] = [
    ("สมชาย", "ใจดี"),
    ("Αλέξανδρος", "Παπαδόπουλος"),
    ("Zoë", "Çelik-Désirée"),
];

/// A solo practice: three clients, each with a session and a finding; the
/// first note signed and amended, a practice-log entry and a snippet.
async fn solo_practice() -> TestDb {
    let solo = TestDb::new().await;
    for (index, (first, last)) in NAMES.iter().enumerate() {
        let client = solo.client(first, last).await;
        let session = solo.session(&client).await;
        solo.api
            .add_finding(session.id, trapezius_finding())
            .await
            .expect("finding");
        solo.api
            .write_note(
                session.id,
                NoteForm {
                    subjective: format!("{first}: ปวดไหล่ — ώμος"),
                    ..NoteForm::default()
                },
            )
            .await
            .expect("note");
        if index == 0 {
            solo.api.sign_note(session.id).await.expect("sign");
            solo.api
                .amend_note(
                    session.id,
                    AmendmentForm {
                        reason: "typo".into(),
                        text: "left, not right".into(),
                    },
                )
                .await
                .expect("amend");
        }
    }
    solo.api
        .add_log_entry(LogEntryForm {
            entry_date: "2026-11-20".into(),
            duration_minutes: 60,
            client_code: "C-0001".into(),
            techniques: "ischaemic compression".into(),
            supervisor: String::new(),
            notes: String::new(),
        })
        .await
        .expect("log entry");
    solo.api
        .create_snippet(SnippetForm {
            label: "ice".into(),
            text: "ice 10 minutes".into(),
        })
        .await
        .expect("snippet");
    solo
}

async fn count(conn: &mut PgConnection, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(conn)
        .await
        .unwrap_or_else(|error| panic!("{sql}: {error}"))
}

/// A clinic with two therapists; their logins.
async fn clinic_of_two() -> (TestClinic, String, String) {
    let mut clinic = TestClinic::new().await;
    let anna = clinic.add("anna", PersonKind::Therapist, None).await;
    let ben = clinic.add("ben", PersonKind::Therapist, None).await;
    (clinic, anna, ben)
}

async fn import_as(clinic: &TestClinic, login: &str, solo: &Export) -> ImportReport {
    Clinic::connect(&clinic.url_of(login))
        .await
        .expect("connect")
        .import(solo)
        .await
        .expect("import")
}

#[tokio::test]
async fn a_solo_database_moves_in_whole_owned_by_its_therapist_with_signed_notes_kept() {
    let solo = solo_practice().await;
    let (clinic, anna, _) = clinic_of_two().await;
    let export = solo.api.export_records().await.expect("export");

    let report = import_as(&clinic, &anna, &export).await;
    assert_eq!(
        (
            report.clients,
            report.sessions,
            report.findings,
            report.signed_notes
        ),
        (3, 3, 3, 1)
    );
    assert_eq!(
        (report.amendments, report.practice_log, report.snippets),
        (1, 1, 1)
    );
    assert!(report.history > 0, "the solo audit log came as history");
    assert_eq!(report.refused, vec![]);

    let mut conn = clinic.as_person(&anna).await;
    let names: Vec<(String, String, String)> =
        sqlx::query_as("SELECT first_name, last_name, owner FROM clients ORDER BY id")
            .fetch_all(&mut conn)
            .await
            .expect("clients");
    let expected: Vec<(String, String, String)> = NAMES
        .iter()
        .map(|(first, last)| (first.to_string(), last.to_string(), anna.clone()))
        .collect();
    assert_eq!(names, expected);
    let notes: Vec<String> = sqlx::query_scalar("SELECT subjective FROM sessions ORDER BY id")
        .fetch_all(&mut conn)
        .await
        .expect("notes");
    assert_eq!(notes[0], "สมชาย: ปวดไหล่ — ώμος");
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) FROM findings f JOIN sessions s ON s.id = f.session_id"
        )
        .await,
        3
    );

    // The signed note is still immutable, its findings too.
    let signed: i64 = sqlx::query_scalar("SELECT id FROM sessions WHERE status = 'signed'")
        .fetch_one(&mut conn)
        .await
        .expect("the signed note");
    let changed = sqlx::query("UPDATE sessions SET plan = 'changed' WHERE id = $1")
        .bind(signed)
        .execute(&mut conn)
        .await;
    let refusal = changed.expect_err("a signed note is refused").to_string();
    assert!(refusal.contains("[signed-note]"), "{refusal}");
    assert_eq!(count(&mut conn, "SELECT count(*) FROM amendments").await, 1);

    // The history keeps its actor and time, marked as brought in by anna.
    let history: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT DISTINCT actor, imported_by FROM audit_log WHERE imported_by IS NOT NULL",
    )
    .fetch_all(&mut conn)
    .await
    .expect("history");
    assert_eq!(
        history,
        vec![("test therapist".to_owned(), Some(anna.clone()))]
    );
    let solo_first: String = export.rows("audit_log").expect("a log")[0]
        .get("at")
        .and_then(Value::as_str)
        .expect("a moment")
        .to_owned();
    assert_eq!(
        count(
            &mut conn,
            &format!("SELECT count(*) FROM audit_log WHERE at = '{solo_first}' AND imported_by IS NOT NULL")
        )
        .await,
        1
    );
}

#[tokio::test]
async fn importing_twice_is_refused_client_by_client_and_adds_nothing() {
    let solo = solo_practice().await;
    let (clinic, anna, _) = clinic_of_two().await;
    let export = solo.api.export_records().await.expect("export");
    import_as(&clinic, &anna, &export).await;

    let again = import_as(&clinic, &anna, &export).await;
    assert_eq!((again.clients, again.sessions, again.findings), (0, 0, 0));
    assert_eq!((again.snippets, again.history), (0, 0));
    let refused: Vec<String> = again
        .refused
        .iter()
        .filter_map(|refusal| match refusal {
            Refusal::AlreadyImported { name, by, .. } if *by == anna => Some(name.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(refused.len(), 3, "{:?}", again.refused);
    assert!(refused.contains(&"Zoë Çelik-Désirée".to_owned()));
    let mut conn = clinic.as_person(&anna).await;
    assert_eq!(count(&mut conn, "SELECT count(*) FROM clients").await, 3);
    assert_eq!(count(&mut conn, "SELECT count(*) FROM sessions").await, 3);
}

#[tokio::test]
async fn an_import_that_fails_midway_leaves_the_clinic_unchanged() {
    let solo = solo_practice().await;
    let (clinic, anna, _) = clinic_of_two().await;
    let mut export = solo.api.export_records().await.expect("export");
    // The last finding breaks the schema's CHECK, after the clients and
    // sessions are written.
    let (_, findings) = export
        .tables
        .0
        .iter_mut()
        .find(|(table, _)| table == "findings")
        .expect("findings");
    let last = findings.last_mut().expect("a finding");
    for (column, value) in last.0.iter_mut() {
        if column == "tenderness" {
            *value = Value::from(99);
        }
    }

    let failed = Clinic::connect(&clinic.url_of(&anna))
        .await
        .expect("connect")
        .import(&export)
        .await;
    assert!(failed.is_err(), "a broken finding fails the import");
    let mut admin = clinic.as_admin().await;
    for table in [
        "clients",
        "sessions",
        "findings",
        "imported_clients",
        "snippets",
    ] {
        let rows = count(&mut admin, &format!("SELECT count(*) FROM {table}")).await;
        assert_eq!(rows, 0, "{table} is as before");
    }
    assert_eq!(
        count(&mut admin, "SELECT count(*) FROM audit_log").await,
        // The two people added.
        2
    );
}

#[tokio::test]
async fn a_therapists_imported_clients_are_invisible_to_another_therapist() {
    let solo = solo_practice().await;
    let (clinic, anna, ben) = clinic_of_two().await;
    let export = solo.api.export_records().await.expect("export");
    import_as(&clinic, &anna, &export).await;

    let mut conn = clinic.as_person(&ben).await;
    for table in [
        "clients",
        "sessions",
        "findings",
        "amendments",
        "practice_log",
    ] {
        let seen = count(&mut conn, &format!("SELECT count(*) FROM {table}")).await;
        assert_eq!(seen, 0, "ben sees none of anna's {table}");
    }
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) FROM audit_log WHERE imported_by IS NOT NULL"
        )
        .await,
        0
    );
}

#[tokio::test]
async fn clinic_import_on_the_command_line_moves_in_and_reports_then_refuses_a_second_time() {
    let solo = solo_practice().await;
    let (clinic, anna, _) = clinic_of_two().await;
    let password_file = solo.dir.path().join("password");
    std::fs::write(&password_file, format!("{}\n", crate::clinic::PASSWORD)).expect("write");
    // The password is not in the URL: only in the file.
    let url = clinic.url_of(&anna).replacen(
        &format!(":{}@", crate::clinic::PASSWORD.replace(' ', "%20")),
        "@",
        1,
    );
    let solo_path = solo.path();
    let import = || {
        let args = [
            "clinic",
            "import",
            "--from",
            solo_path.to_str().expect("a path"),
            "--password-file",
            password_file.to_str().expect("a path"),
        ];
        crate::cli::myochart(std::path::Path::new(&url), &args)
    };

    let first = import();
    let printed = String::from_utf8_lossy(&first.stdout).into_owned();
    assert!(
        first.status.success(),
        "{printed}{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(
        printed.contains("moved into the clinic: 3 clients, 3 sessions (1 signed notes, 1 amendments), 3 findings"),
        "{printed}"
    );

    let second = import();
    let printed = String::from_utf8_lossy(&second.stdout).into_owned();
    assert!(second.status.success());
    assert!(
        printed.contains("moved into the clinic: 0 clients"),
        "{printed}"
    );
    assert!(
        printed.contains("not moved: สมชาย ใจดี is already in the clinic (moved in by"),
        "{printed}"
    );
    let mut conn = clinic.as_person(&anna).await;
    assert_eq!(count(&mut conn, "SELECT count(*) FROM clients").await, 3);
}
