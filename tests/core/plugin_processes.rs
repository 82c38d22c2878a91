//! The child processes that run plugin code, against stand-ins for the
//! `myochart` CLI (shell scripts): what they inherit, how much they may print,
//! and that nothing they start outlives them (issue 10, item 8).
#![cfg(unix)]

use std::path::Path;
use std::time::{Duration, Instant};

use myochart::plugin::PluginProcess;

/// A stand-in for the `myochart` CLI running `script`.
fn fake_cli(dir: &Path, script: &str) -> PluginProcess {
    use std::os::unix::fs::PermissionsExt;
    let program = dir.join("fake-myochart");
    std::fs::write(&program, format!("#!/bin/sh\n{script}\n")).expect("script");
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    PluginProcess::cli(program)
}

fn call(process: &PluginProcess) -> Result<Vec<u8>, String> {
    process.call(Path::new("lib.so"), "0", "score", b"{}")
}

/// Whether process `pid` is gone (or a zombie about to be reaped), waiting a
/// little for the kill to land.
fn gone(pid: &str) -> bool {
    let status = format!("/proc/{}/stat", pid.trim());
    let deadline = Instant::now() + Duration::from_secs(3);
    while Instant::now() < deadline {
        match std::fs::read_to_string(&status) {
            Err(_) => return true,
            Ok(stat) if stat.split(") ").nth(1).is_some_and(|s| s.starts_with('Z')) => return true,
            Ok(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    false
}

#[test]
fn plugin_processes_inherit_none_of_the_apps_environment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let process = fake_cli(
        dir.path(),
        r#"echo "{\"reply\":\"${HOME-none} ${MYOCHART_DB-none} ${CARGO-none}\"}""#,
    );
    assert!(std::env::var_os("HOME").is_some() && std::env::var_os("CARGO").is_some());
    assert_eq!(call(&process).expect("reply"), b"none none none");
}

#[test]
fn a_plugin_process_that_prints_too_much_is_stopped() {
    let dir = tempfile::tempdir().expect("temp dir");
    // 64 MB without a line break, then a valid report.
    let process = fake_cli(
        dir.path(),
        "head -c 64000000 /dev/zero | tr '\\0' x\necho '{\"reply\":\"1\"}'",
    );
    let error = call(&process).expect_err("too much output");
    assert!(error.contains("printed more than"), "{error}");
}

#[test]
fn a_process_it_leaves_behind_holding_the_pipes_neither_hangs_nor_survives() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pid = dir.path().join("pid");
    let process = fake_cli(
        dir.path(),
        &format!(
            "sleep 60 &\necho $! > {}\necho '{{\"reply\":\"1\"}}'",
            pid.display()
        ),
    );
    let started = Instant::now();
    assert_eq!(call(&process).expect("reply"), b"1");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert!(gone(&std::fs::read_to_string(&pid).expect("pid")));
}

#[test]
fn a_timeout_stops_every_process_the_plugin_started() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pid = dir.path().join("pid");
    let process = fake_cli(
        dir.path(),
        &format!("sleep 60 &\necho $! > {}\nwait", pid.display()),
    );
    let error = call(&process).expect_err("hangs");
    assert!(error.contains("did not finish within 5 s"), "{error}");
    assert!(gone(&std::fs::read_to_string(&pid).expect("pid")));
}
