//! Export and import: everything out as JSON and back in exactly, one client's
//! record as JSON and PDF, and imports that refuse bad files whole.

use std::path::{Path, PathBuf};

use myochart::api::{Api, Code, Error};
use myochart::atlas::{RedFlag, Side, View};
use myochart::model::{
    screening_answers, AmendmentForm, CheckForm, Client, ClientForm, FindingForm, HandoutOptions,
    LogEntryForm, LogEntryRef, NoteForm, PressureTolerance, Settings, SignOffForm, SnippetForm,
    StudentProfile,
};
use serde_json::{json, Value};

use crate::handout::{pages, text_of};
use crate::helpers::{trapezius_finding, TestDb};

/// A client with everything a record holds, reading `language`.
async fn full_client(db: &TestDb, first: &str, last: &str, language: &str) -> Client {
    db.api
        .create_client(ClientForm {
            first_name: first.into(),
            last_name: last.into(),
            phone: "+66 81 234 5678".into(),
            email: "client@example.com".into(),
            date_of_birth: "1984-02-29".into(),
            notes: "Prefers mornings · ชอบตอนเช้า".into(),
            health_history: "Whiplash 2019; Κεφαλαλγία".into(),
            medications: "ibuprofen".into(),
            contraindications: "varicose veins, left calf".into(),
            areas_to_avoid: "left calf".into(),
            pressure_tolerance: PressureTolerance::Light,
            consent_scope: "Trigger-point therapy, neck and shoulders".into(),
            consent_date: "2026-11-01".into(),
            consent_signed_by: format!("{first} {last}"),
            red_flag_answers: screening_answers(&[RedFlag::ArmNumbness]),
            language: language.into(),
        })
        .await
        .expect("create client")
}

fn finding_on(view: View, x: f64, y: f64) -> FindingForm {
    FindingForm {
        view,
        x,
        y,
        side: Side::required(view, x as f32).unwrap_or(Side::Right),
        ..trapezius_finding()
    }
}

/// A database with every kind of row: clients in several scripts, signed
/// notes with amendments, a draft, findings on every view, deleted rows,
/// checks, a handout, snippets, settings, a student profile and a signed-off
/// practice log.
async fn everything(db: &TestDb) -> Client {
    let somchai = full_client(db, "สมชาย", "ใจดี", "th").await;
    let eleni = full_client(db, "Ελένη", "Παπαδοπούλου", "el").await;
    let zoe = full_client(db, "Zoë", "Ångström-Müller", "").await;
    db.api.delete_client(zoe.id).await.expect("delete client");

    let signed = db.session(&somchai).await;
    for (view, x, y) in [
        (View::Front, 0.433, 0.164),
        (View::Back, 0.6, 0.2),
        (View::RightSide, 0.5, 0.3),
        (View::LeftSide, 0.5, 0.3),
        (View::Soles, 0.3, 0.5),
    ] {
        db.api
            .add_finding(signed.id, finding_on(view, x, y))
            .await
            .expect("add finding");
    }
    let removed = db
        .api
        .add_finding(signed.id, finding_on(View::Front, 0.1234567890123457, 0.5))
        .await
        .expect("add finding");
    db.api.remove_finding(removed.id).await.expect("remove");
    db.api
        .add_checks(
            signed.id,
            vec![CheckForm {
                muscle_id: "core:scalenes".into(),
                side: Side::Left,
            }],
        )
        .await
        .expect("checks");
    db.api
        .write_note(
            signed.id,
            NoteForm {
                subjective: "ปวดคอ, worse at the desk".into(),
                objective: "Taut band, right upper trapezius".into(),
                assessment: "Μυοπεριτονιακό σύνδρομο".into(),
                plan: "Review in a week".into(),
                pain_before: Some(7),
                pain_after: Some(3),
                ..NoteForm::default()
            },
        )
        .await
        .expect("write note");
    db.api
        .save_handout(
            signed.id,
            HandoutOptions::default(),
            &db.dir.path().join("handout.pdf"),
        )
        .await
        .expect("handout");
    db.api.sign_note(signed.id).await.expect("sign");
    db.api
        .amend_note(
            signed.id,
            AmendmentForm {
                reason: "Typo".into(),
                text: "Pain after was 2, not 3 — แก้ไข".into(),
            },
        )
        .await
        .expect("amend");
    let draft = db.session(&eleni).await;
    db.api
        .add_finding(draft.id, trapezius_finding())
        .await
        .expect("add finding");

    db.api
        .save_settings(Settings {
            clinic_name: "Κλινική Ήλιος".into(),
            therapist_name: "Noémie".into(),
            contact: "0812345678".into(),
            ..Settings::default()
        })
        .await
        .expect("settings");
    let snippet = db
        .api
        .create_snippet(SnippetForm {
            label: "Stretch".into(),
            text: "Stretch 3 × 30 s".into(),
        })
        .await
        .expect("snippet");
    db.api
        .create_snippet(SnippetForm {
            label: "Gone".into(),
            text: "deleted".into(),
        })
        .await
        .expect("snippet");
    db.api.delete_snippet(snippet.id).await.expect("delete");
    db.api
        .save_student_profile(StudentProfile {
            student_mode: true,
            student_name: "Ana".into(),
            supervisors: vec!["Dr. Øster".into()],
            ..StudentProfile::default()
        })
        .await
        .expect("profile");
    db.api
        .add_log_entry(LogEntryForm {
            entry_date: "2026-11-02".into(),
            duration_minutes: 60,
            techniques: "compression".into(),
            ..LogEntryForm::default()
        })
        .await
        .expect("log entry");
    db.api
        .sign_off_log_entry(
            LogEntryRef::Session(signed.id),
            SignOffForm {
                supervisor: "Dr. Øster".into(),
                date: "2026-11-21".into(),
            },
        )
        .await
        .expect("sign off");
    somchai
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("read export")).expect("json")
}

fn write_json(dir: &Path, value: &Value) -> PathBuf {
    let path = dir.join("edited.json");
    std::fs::write(&path, serde_json::to_vec(value).expect("json")).expect("write");
    path
}

/// The import failed with these messages, and the database holds nothing.
async fn refused(db: &TestDb, file: &Path) -> Vec<String> {
    let error = db.api.import(file).await.expect_err("refused");
    assert_eq!(error.code(), Code::Validation, "{error}");
    let export = db.dir.path().join("after.json");
    db.api.export_all(&export).await.expect("export");
    let after = read_json(&export);
    for (table, rows) in after["tables"].as_object().expect("tables") {
        if !["settings", "student_profile", "audit_log"].contains(&table.as_str()) {
            assert_eq!(rows, &json!([]), "{table} was written to");
        }
    }
    let log = after["tables"]["audit_log"].as_array().expect("log").len();
    assert_eq!(
        log, 0,
        "only this test's export is logged, after the export"
    );
    messages(&error)
}

fn messages(error: &Error) -> Vec<String> {
    myochart::api::ErrorBody::from(error)
        .fields
        .into_iter()
        .map(|f| f.message)
        .collect()
}

#[tokio::test]
async fn export_import_export_gives_the_same_bytes() {
    let source = TestDb::new().await;
    everything(&source).await;
    let first = source.dir.path().join("first.json");
    source.api.export_all(&first).await.expect("export");

    let target = TestDb::new().await;
    let imported = target.api.import(&first).await.expect("import");
    assert_eq!(imported.clients, 3);
    let mut languages = Vec::new();
    for client in target.api.search_clients("").await.expect("clients") {
        let record = target.api.client_record(client.id).await.expect("client");
        languages.push(record.client.language.to_string());
    }
    languages.sort();
    assert_eq!(
        languages,
        ["el", "th"],
        "the clients' languages are restored"
    );
    let second = target.dir.path().join("second.json");
    target.api.export_all(&second).await.expect("export again");

    let (first, second) = (
        std::fs::read(&first).expect("read"),
        std::fs::read(&second).expect("read"),
    );
    assert_eq!(
        String::from_utf8_lossy(&first),
        String::from_utf8_lossy(&second)
    );
    let text = String::from_utf8(first).expect("utf-8");
    for kept in [
        "สมชาย",
        "Ελένη",
        "Zoë",
        "Ångström-Müller",
        "แก้ไข",
        "Dr. Øster",
    ] {
        assert!(text.contains(kept), "{kept} is in the export");
    }
}

#[tokio::test]
async fn an_export_holds_every_table_every_column_and_deleted_rows() {
    let db = TestDb::new().await;
    everything(&db).await;
    let path = db.dir.path().join("all.json");
    db.api.export_all(&path).await.expect("export");
    let export = read_json(&path);
    assert_eq!(export["format"], "myochart-export");
    assert_eq!(export["version"], 1);

    let pool = db.other_program().await;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table'
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx_%' ORDER BY name",
    )
    .fetch_all(&pool)
    .await
    .expect("tables");
    let mut exported: Vec<String> = export["tables"]
        .as_object()
        .expect("tables")
        .keys()
        .cloned()
        .collect();
    exported.sort();
    assert_eq!(exported, tables);
    for table in &tables {
        let columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind(table)
                .fetch_all(&pool)
                .await
                .expect("columns");
        let count: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
            .fetch_one(&pool)
            .await
            .expect("count");
        let rows = export["tables"][table].as_array().expect("rows");
        // The export's own audit entry is written after the file.
        let expected = if table == "audit_log" {
            count - 1
        } else {
            count
        };
        assert_eq!(rows.len() as i64, expected, "{table}");
        let mut columns = columns;
        columns.sort();
        for row in rows {
            // serde_json's map lists the keys sorted.
            let keys: Vec<&String> = row.as_object().expect("row").keys().collect();
            assert_eq!(keys, columns.iter().collect::<Vec<_>>(), "{table}");
        }
    }
    let deleted = |table: &str| {
        export["tables"][table]
            .as_array()
            .expect("rows")
            .iter()
            .filter(|row| !row["deleted_at"].is_null())
            .count()
    };
    assert_eq!(deleted("clients"), 1);
    assert_eq!(deleted("findings"), 1);
    assert_eq!(deleted("snippets"), 1);
}

#[tokio::test]
async fn an_imported_database_works_like_the_original() {
    let source = TestDb::new().await;
    let somchai = everything(&source).await;
    let path = source.dir.path().join("all.json");
    source.api.export_all(&path).await.expect("export");
    let target = TestDb::new().await;
    target.api.import(&path).await.expect("import");

    // Search finds the imported clients (not the deleted one).
    let found = target.api.search_clients("สมชาย").await.expect("search");
    assert_eq!(found.len(), 1);
    assert!(target
        .api
        .search_clients("zoe")
        .await
        .expect("search")
        .is_empty());
    // A signed note stays signed: the triggers still guard it.
    let record = target.api.client_record(somchai.id).await.expect("record");
    let signed = &record.sessions[0];
    let error = target
        .api
        .add_finding(signed.id, trapezius_finding())
        .await
        .expect_err("signed");
    assert_eq!(error.code(), Code::SignedNote);
    // The audit trail came along, entry for entry.
    assert_eq!(
        target
            .api
            .audit_trail("client", somchai.id.0)
            .await
            .expect("trail"),
        source
            .api
            .audit_trail("client", somchai.id.0)
            .await
            .expect("trail")
    );
}

#[tokio::test]
async fn an_import_into_a_database_with_records_is_refused_and_changes_nothing() {
    let source = TestDb::new().await;
    everything(&source).await;
    let path = source.dir.path().join("all.json");
    source.api.export_all(&path).await.expect("export");

    let target = TestDb::new().await;
    target.client("Ayşe", "Yılmaz").await;
    let error = target.api.import(&path).await.expect_err("refused");
    assert_eq!(error.code(), Code::File);
    assert!(
        error.to_string().contains("already holds records"),
        "{error}"
    );
    let clients = target.api.search_clients("").await.expect("list");
    assert_eq!(clients.len(), 1);
    assert_eq!(clients[0].first_name, "Ayşe");
}

#[tokio::test]
async fn malformed_json_is_refused_with_where_it_breaks() {
    let db = TestDb::new().await;
    let path = db.dir.path().join("broken.json");
    std::fs::write(
        &path,
        "{\"format\": \"myochart-export\", \"version\": 1, \"tables\": {",
    )
    .expect("write");
    let messages = refused(&db, &path).await;
    assert_eq!(messages.len(), 1);
    assert!(messages[0].contains("not valid JSON"), "{messages:?}");
    assert!(messages[0].contains("line 1"), "{messages:?}");
}

#[tokio::test]
async fn another_format_version_is_refused() {
    let source = TestDb::new().await;
    everything(&source).await;
    let path = source.dir.path().join("all.json");
    source.api.export_all(&path).await.expect("export");
    let mut export = read_json(&path);
    export["version"] = json!(2);

    let db = TestDb::new().await;
    let messages = refused(&db, &write_json(db.dir.path(), &export)).await;
    assert_eq!(
        messages,
        ["version: this export is format version 2; this Myochart reads version 1"]
    );
}

#[tokio::test]
async fn a_dangling_reference_is_refused_with_its_path() {
    let source = TestDb::new().await;
    everything(&source).await;
    let path = source.dir.path().join("all.json");
    source.api.export_all(&path).await.expect("export");
    let mut export = read_json(&path);
    export["tables"]["findings"][2]["session_id"] = json!(999);
    export["tables"]["sessions"][0]["client_id"] = json!(777);

    let db = TestDb::new().await;
    let messages = refused(&db, &write_json(db.dir.path(), &export)).await;
    assert_eq!(
        messages,
        [
            "findings[2].session_id: refers to sessions id 999, which the file doesn't hold",
            "sessions[0].client_id: refers to clients id 777, which the file doesn't hold",
        ]
    );
}

#[tokio::test]
async fn every_bad_value_is_listed_with_its_path() {
    let source = TestDb::new().await;
    everything(&source).await;
    let path = source.dir.path().join("all.json");
    source.api.export_all(&path).await.expect("export");
    let mut export = read_json(&path);
    let tables = &mut export["tables"];
    tables["clients"][1]["date_of_birth"] = json!("1984-02-30");
    tables["clients"][2]["email"] = json!("not an address");
    tables["clients"][0]["first_name"] = json!("  ");
    tables["findings"][0]["tenderness"] = json!(11);
    tables["findings"][1]["x"] = json!(1.5);
    tables["findings"][3]["view"] = json!("top");
    tables["sessions"][0]["pain_before"] = json!("seven");
    tables["sessions"][1]["created_at"] = json!("yesterday");
    tables["amendments"][0]
        .as_object_mut()
        .expect("row")
        .remove("reason");
    tables["amendments"][0]["mood"] = json!("good");
    tables["snippets"][1]["id"] = tables["snippets"][0]["id"].clone();

    let db = TestDb::new().await;
    let messages = refused(&db, &write_json(db.dir.path(), &export)).await;
    let paths: Vec<&str> = messages
        .iter()
        .map(|m| m.split_once(':').map_or(m.as_str(), |(path, _)| path))
        .collect();
    assert_eq!(
        paths,
        [
            "clients[0].first_name",
            "clients[1].date_of_birth",
            "clients[2].email",
            "findings[0].tenderness",
            "findings[1].x",
            "findings[3].view",
            "sessions[0].pain_before",
            "sessions[1].created_at",
            "amendments[0].mood",
            "amendments[0].reason",
            "snippets[1].id",
        ],
        "{messages:#?}"
    );
    assert!(messages[1].contains("not a date"), "{}", messages[1]);
    assert!(
        messages[6].contains("not a whole number"),
        "{}",
        messages[6]
    );
}

#[tokio::test]
async fn a_clients_record_holds_their_rows_only_and_reads_as_a_pdf() {
    let db = TestDb::new().await;
    let somchai = everything(&db).await;
    let json_path = db.dir.path().join("record.json");
    db.api
        .export_client(somchai.id, &json_path)
        .await
        .expect("export client");
    let export = read_json(&json_path);
    let tables = &export["tables"];
    assert_eq!(tables["clients"].as_array().expect("clients").len(), 1);
    assert_eq!(tables["clients"][0]["first_name"], "สมชาย");
    assert_eq!(tables["sessions"].as_array().expect("sessions").len(), 1);
    assert_eq!(tables["findings"].as_array().expect("findings").len(), 6);
    assert_eq!(
        tables["amendments"].as_array().expect("amendments").len(),
        1
    );
    assert_eq!(tables["settings"], json!([]));
    let text = std::fs::read_to_string(&json_path).expect("read");
    assert!(
        !text.contains("Ελένη") && !text.contains("Zoë"),
        "other clients stay out"
    );
    let trail = tables["audit_log"].as_array().expect("log");
    assert!(trail.iter().all(|entry| entry["entity"] != "settings"));
    assert!(trail.iter().any(|entry| entry["action"] == "note.sign"));

    // The record restores on its own.
    let copy = TestDb::new().await;
    copy.api
        .import(&json_path)
        .await
        .expect("import a client's record");

    let pdf = db.dir.path().join("record.pdf");
    db.api
        .export_client_pdf(somchai.id, &pdf)
        .await
        .expect("pdf");
    let text = text_of(&pdf);
    for expected in [
        "Client record: สมชาย ใจดี",
        "Whiplash 2019",
        "Trigger-point therapy, neck and shoulders",
        "ปวดคอ, worse at the desk",
        "Μυοπεριτονιακό σύνδρομο",
        "Pain after was 2, not 3",
        "Upper trapezius",
        "7 before, 3 after",
        "Pain over time",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    assert!(!text.contains("Ελένη"), "other clients stay out");
    assert!(pages(&pdf) >= 2, "{} pages", pages(&pdf));
}

#[tokio::test]
async fn every_export_is_in_the_audit_log() {
    let db = TestDb::new().await;
    let somchai = everything(&db).await;
    let all = db.dir.path().join("all.json");
    db.api.export_all(&all).await.expect("export");
    db.api
        .export_client(somchai.id, &db.dir.path().join("one.json"))
        .await
        .expect("export");
    db.api
        .export_client_pdf(somchai.id, &db.dir.path().join("one.pdf"))
        .await
        .expect("export");
    let whole = db.api.audit_trail("database", 0).await.expect("trail");
    assert!(whole
        .iter()
        .any(|e| e.action == "export.all" && e.detail.ends_with("all.json")));
    let actions: Vec<String> = db
        .api
        .audit_trail("client", somchai.id.0)
        .await
        .expect("trail")
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert!(actions.contains(&"export.client".to_owned()), "{actions:?}");
    assert!(
        actions.contains(&"export.client-pdf".to_owned()),
        "{actions:?}"
    );
}

#[test]
fn the_command_line_exports_and_imports() {
    let dir = tempfile::tempdir().expect("temp");
    let source = dir.path().join("source.sqlite");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let client = runtime.block_on(async {
        let api = Api::open(&source).await.expect("open");
        let db = TestDb::around(api);
        let client = everything(&db).await;
        db.api.close().await;
        client
    });
    let file = dir.path().join("all.json");
    let run = |db: &Path, args: &[&str]| crate::cli::myochart(db, args);
    crate::cli::stdout(&run(
        &source,
        &["export", "--out", file.to_str().expect("utf-8")],
    ));
    let pdf = dir.path().join("one.pdf");
    let one = dir.path().join("one.json");
    let id = client.id.0.to_string();
    crate::cli::stdout(&run(
        &source,
        &[
            "export",
            "--client",
            &id,
            "--out",
            one.to_str().expect("utf-8"),
            "--pdf",
            pdf.to_str().expect("utf-8"),
        ],
    ));
    assert!(text_of(&pdf).contains("สมชาย"));

    let target = dir.path().join("target.sqlite");
    let out = crate::cli::stdout(&run(&target, &["import", file.to_str().expect("utf-8")]));
    assert!(out.contains("3 clients"), "{out}");
    // Again: the database now holds records.
    let again = run(&target, &["import", file.to_str().expect("utf-8")]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds records"));

    // Each problem on a line of its own.
    let mut bad = read_json(&file);
    bad["tables"]["clients"][0]["date_of_birth"] = json!("someday");
    bad["tables"]["findings"][0]["session_id"] = json!(404);
    let bad = write_json(dir.path(), &bad);
    let empty = dir.path().join("empty.sqlite");
    let refused = run(&empty, &["import", bad.to_str().expect("utf-8")]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].starts_with("error: clients[0].date_of_birth: "),
        "{stderr}"
    );
    assert!(
        lines[1].starts_with("error: findings[0].session_id: "),
        "{stderr}"
    );
}
