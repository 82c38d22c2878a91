//! The `myochart` command line, run as a user would.

use std::process::Command;

pub fn myochart(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_myochart"))
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
fn the_finder_ranks_muscles_for_a_spot() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("f.sqlite");
    // The client's right temple on the front view.
    let temple = stdout(&myochart(
        &db,
        &["finder", "--view", "front", "--x", "0.418", "--y", "0.062"],
    ));
    assert!(
        temple.starts_with(" 1. Upper trapezius (Right)"),
        "{temple}"
    );
    let foot = stdout(&myochart(
        &db,
        &["finder", "--view", "front", "--x", "0.41", "--y", "0.97"],
    ));
    assert_eq!(foot.trim(), "no muscle refers pain to this spot");
    let off_chart = myochart(
        &db,
        &["finder", "--view", "front", "--x", "1.5", "--y", "0.5"],
    );
    assert_eq!(off_chart.status.code(), Some(2));
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
    assert!(backup.contains("myochart-backup-"), "{backup}");
}
