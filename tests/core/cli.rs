//! The `myochart` command line, run as a user would.

use std::process::Command;

/// Runs `myochart --db <db> <args>` in the C locale: in English whatever
/// the machine's language.
pub fn myochart(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    myochart_in("C", db, args)
}

/// Runs `myochart --db <db> <args>` with `locale` as LANG, and nothing else
/// choosing the language.
pub fn myochart_in(locale: &str, db: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_myochart"))
        .env("LANG", locale)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env_remove("MYOCHART_LANGUAGE")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run myochart")
}

pub fn stdout(output: &std::process::Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("utf-8")
}

#[test]
fn a_session_is_charted_signed_and_amended_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("cli.sqlite");
    assert!(stdout(&myochart(
        &db,
        &[
            "client",
            "add",
            "--first",
            "Ελένη",
            "--last",
            "Νικολάου",
            "--phone",
            "+30 210 1234567"
        ]
    ))
    .contains("client 1 added: Ελένη Νικολάου"));
    assert!(stdout(&myochart(&db, &["client", "search", "ελενη"])).contains("Ελένη Νικολάου"));
    assert!(stdout(&myochart(
        &db,
        &["session", "new", "--client", "1", "--date", "2026-11-20"]
    ))
    .contains("session 1 started on 2026-11-20"));
    let finding = stdout(&myochart(
        &db,
        &[
            "finding",
            "add",
            "--session",
            "1",
            "--muscle",
            "core:upper-trapezius",
            "--side",
            "right",
            "--view",
            "back",
            "--x",
            "0.6",
            "--y",
            "0.2",
            "--tenderness",
            "7",
            "--referral",
        ],
    ));
    assert!(finding.contains("Upper trapezius"), "{finding}");
    stdout(&myochart(
        &db,
        &[
            "note",
            "write",
            "--session",
            "1",
            "--subjective",
            "Temple headache",
            "--pain-before",
            "7",
            "--pain-after",
            "3",
        ],
    ));
    // A later write of one part keeps the others (the assertions below).
    stdout(&myochart(
        &db,
        &["note", "write", "--session", "1", "--plan", "Weekly"],
    ));
    stdout(&myochart(&db, &["note", "sign", "--session", "1"]));
    stdout(&myochart(
        &db,
        &[
            "note",
            "amend",
            "--session",
            "1",
            "--reason",
            "typo",
            "--text",
            "left temple",
        ],
    ));
    let show = stdout(&myochart(&db, &["client", "show", "1"]));
    assert!(
        show.contains("2026-11-20")
            && show.contains("Signed")
            && show.contains("pain 7 -> 3")
            && show.contains("Temple headache"),
        "{show}"
    );
}

#[test]
fn errors_go_to_stderr_with_a_nonzero_exit() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("cli.sqlite");
    let empty = myochart(&db, &["client", "add", "--first", " "]);
    assert_eq!(empty.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&empty.stderr).contains("First name is required"));
    assert!(empty.stdout.is_empty());
    let missing = myochart(&db, &["client", "show", "42"]);
    assert_eq!(missing.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("client 42 was not found"));
    stdout(&myochart(&db, &["client", "add", "--first", "Anna"]));
    stdout(&myochart(&db, &["session", "new", "--client", "1"]));
    stdout(&myochart(&db, &["note", "sign", "--session", "1"]));
    let edit = myochart(
        &db,
        &["note", "write", "--session", "1", "--subjective", "changed"],
    );
    assert_eq!(edit.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&edit.stderr).contains("add an amendment instead"));
}

#[test]
fn the_finder_ranks_muscles_for_a_pain_drawing() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("f.sqlite");
    // The client's right temple on the front view.
    let temple = stdout(&myochart(&db, &["finder", "--spot", "front:0.418,0.062"]));
    assert!(
        temple.starts_with(" 1. Upper trapezius (Right)"),
        "{temple}"
    );
    // The temple from the side and the back of the head: two spots, two views.
    let drawing = stdout(&myochart(
        &db,
        &[
            "finder",
            "--spot",
            "right-side:0.505,0.06",
            "--spot",
            "back:0.53,0.085",
        ],
    ));
    assert!(drawing.contains("Upper trapezius (Right)"), "{drawing}");
    // Beside the body, nothing refers pain.
    let beside = stdout(&myochart(&db, &["finder", "--spot", "front:0.05,0.02"]));
    assert_eq!(beside.trim(), "no muscle refers pain here");
    for bad in ["front:1.5,0.5", "front:0.4", "elbow:0.4,0.4"] {
        let refused = myochart(&db, &["finder", "--spot", bad]);
        assert_eq!(refused.status.code(), Some(2), "{bad}");
    }
}

#[test]
fn an_atlas_region_prints_as_a_review_sheet() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("a.sqlite");
    let regions = stdout(&myochart(&db, &["atlas", "regions"]));
    assert!(regions.contains("core:leg"), "{regions}");
    let out = dir.path().join("leg.pdf");
    let out_arg = out.to_str().expect("utf-8 path");
    stdout(&myochart(
        &db,
        &["atlas", "sheet", "--region", "core:leg", "--out", out_arg],
    ));
    let text = crate::handout::text_of(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "Atlas review · Knee and lower leg",
        "core:gastrocnemius",
        "Calf",
        "Soleus",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    let unknown = myochart(
        &db,
        &["atlas", "sheet", "--region", "core:tail", "--out", out_arg],
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("core:leg"));
}

#[test]
fn demo_fills_an_empty_database_only_and_backup_copies_it() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("demo.sqlite");
    assert!(stdout(&myochart(&db, &["demo", "--clients", "12"])).contains("12 demo clients added"));
    let list = stdout(&myochart(&db, &["client", "list"]));
    assert!(list.contains("12 client(s)"), "{list}");
    assert!(list.contains("สมชาย") && list.contains("Ελένη"), "{list}");
    let again = myochart(&db, &["demo"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("empty database only"));
    let backup = stdout(&myochart(
        &db,
        &[
            "backup",
            "--to",
            dir.path().join("backups").to_str().expect("utf-8"),
        ],
    ));
    assert!(backup.contains("demo-backup-"), "{backup}");
}

#[test]
fn the_command_line_speaks_thai_in_a_thai_locale_unless_told_otherwise() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("thai.sqlite");
    let thai = |args: &[&str]| stdout(&myochart_in("th_TH.UTF-8", &db, args));
    let added = thai(&["client", "add", "--first", "สมหญิง", "--last", "ใจดี"]);
    assert_eq!(added, "เพิ่มผู้รับบริการ 1 แล้ว: สมหญิง ใจดี\n");
    let list = thai(&["client", "list"]);
    assert!(list.contains("ยังไม่มีการนวด"), "{list}");
    assert!(list.contains("ผู้รับบริการ 1 คน"), "{list}");
    let session = thai(&["session", "new", "--client", "1", "--date", "2026-11-20"]);
    assert_eq!(session, "เริ่มการนวด 1 วันที่ 2026-11-20\n");
    let finding = thai(&[
        "finding",
        "add",
        "--session",
        "1",
        "--muscle",
        "core:upper-trapezius",
        "--side",
        "right",
        "--view",
        "back",
        "--x",
        "0.6",
        "--y",
        "0.2",
        "--tenderness",
        "7",
    ]);
    // The muscle's name is the atlas's, English in the CLI.
    assert_eq!(finding, "เพิ่มสิ่งที่พบ 1 แล้ว: Upper trapezius (ขวา)\n");
    let show = thai(&["client", "show", "1"]);
    assert!(show.contains("(ผู้รับบริการ 1)"), "{show}");
    assert!(show.contains("การนวด 1 ครั้ง"), "{show}");
    assert!(show.contains("ฉบับร่าง"), "{show}");
    let out = dir.path().join("handout.pdf");
    let out = out.to_str().expect("utf-8");
    let handout = thai(&[
        "handout",
        "--session",
        "1",
        "--out",
        out,
        "--language",
        "th",
    ]);
    assert!(
        handout.starts_with("บันทึกเอกสารดูแลตนเองที่บ้านของการนวด 1 ไว้ที่"),
        "{handout}"
    );
    let error = myochart_in("th_TH.UTF-8", &db, &["client", "show", "42"]);
    let error = String::from_utf8_lossy(&error.stderr);
    // The CLI's own words in Thai; the core's error message in English.
    assert!(
        error.starts_with("ข้อผิดพลาด: client 42 was not found"),
        "{error}"
    );

    let english = thai(&["--language", "en", "client", "list"]);
    assert!(english.contains("1 client(s)"), "{english}");
    let mut by_variable = Command::new(env!("CARGO_BIN_EXE_myochart"));
    by_variable
        .env("LANG", "th_TH.UTF-8")
        .env("MYOCHART_LANGUAGE", "en")
        .arg("--db")
        .arg(&db)
        .args(["client", "list"]);
    let english = stdout(&by_variable.output().expect("run myochart"));
    assert!(english.contains("1 client(s)"), "{english}");
}
