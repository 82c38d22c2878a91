//! The probe: a plugin's first load happens in a child process
//! (`myochart plugins validate PATH`), so a library that aborts or crashes
//! takes down only the child, and the app reports it and goes on.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{load, PluginFolder};
use crate::atlas::Atlas;

/// How long a probe may take before the child is killed.
const PROBE_TIMEOUT: Duration = Duration::from_secs(20);

/// What `myochart plugins validate PATH` prints, as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct ProbeReport {
    pub ok: bool,
    /// The folder or library probed.
    pub path: String,
    /// Why it is not a valid plugin, naming the file.
    pub error: Option<String>,
    pub sha256: Option<String>,
    pub namespace: Option<String>,
    pub name: Option<String>,
    pub regions: u32,
    pub muscles: u32,
    pub techniques: u32,
    pub assessments: u32,
}

/// Loads and validates a plugin in THIS process: what the child process of a
/// probe runs. `path` is a plugin folder (its `plugin.toml` must match the
/// library) or a library file. Content is checked against the built-in atlas.
pub fn probe(path: &Path) -> ProbeReport {
    let mut report = ProbeReport {
        ok: false,
        path: path.display().to_string(),
        error: None,
        sha256: None,
        namespace: None,
        name: None,
        regions: 0,
        muscles: 0,
        techniques: 0,
        assessments: 0,
    };
    let (library, namespace) = if path.is_dir() {
        match PluginFolder::read(path) {
            Ok(folder) => {
                report.sha256 = Some(folder.sha256);
                (folder.library, Some(folder.descriptor.namespace))
            }
            Err(e) => {
                report.error = Some(e.to_string());
                return report;
            }
        }
    } else {
        match super::folder::sha256_file(path) {
            Ok(sha) => report.sha256 = Some(sha),
            Err(e) => {
                report.error = Some(e.to_string());
                return report;
            }
        }
        (path.to_owned(), None)
    };
    match load(&library, namespace.as_deref(), &Atlas::builtin(), &[]) {
        Ok((_, manifest)) => {
            let pack = &manifest.pack;
            let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            report.ok = true;
            report.namespace = Some(pack.namespace.clone());
            report.name = Some(pack.name.clone());
            report.regions = count(pack.regions.len());
            report.muscles = count(pack.regions.iter().map(|r| r.muscles.len()).sum());
            report.techniques = count(pack.techniques.len());
            report.assessments = count(manifest.assessments.len());
        }
        Err(e) => report.error = Some(e.to_string()),
    }
    report
}

/// How to start the probe's child process: `program args... PATH`, which must
/// print a [`ProbeReport`]. The `myochart` CLI is such a program; the desktop
/// app, whose executable is not the CLI, passes the CLI's path.
#[derive(Debug, Clone, PartialEq)]
pub struct ProbeCommand {
    pub program: PathBuf,
    pub args: Vec<String>,
}

impl ProbeCommand {
    /// `program plugins validate PATH`: the `myochart` CLI at `program`.
    pub fn cli(program: impl Into<PathBuf>) -> ProbeCommand {
        ProbeCommand {
            program: program.into(),
            args: vec!["plugins".into(), "validate".into()],
        }
    }

    /// This very executable, when it is the `myochart` CLI.
    pub fn current_exe() -> ProbeCommand {
        ProbeCommand::cli(std::env::current_exe().unwrap_or_else(|_| PathBuf::from("myochart")))
    }

    /// Runs the probe on `path` in a child process. The error says why the
    /// plugin can't be used, including a crash of the child.
    pub fn run(&self, path: &Path) -> Result<ProbeReport, String> {
        let mut child = Command::new(&self.program)
            .args(&self.args)
            .arg(path)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("can't start the probe {}: {e}", self.program.display()))?;
        let started = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if started.elapsed() > PROBE_TIMEOUT => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(format!(
                        "loading it did not finish within {} s; the probe was stopped",
                        PROBE_TIMEOUT.as_secs()
                    ));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(1)),
                Err(e) => return Err(format!("can't wait for the probe: {e}")),
            }
        };
        let mut stdout = String::new();
        if let Some(mut out) = child.stdout.take() {
            let _ = out.read_to_string(&mut stdout);
        }
        match serde_json::from_str::<ProbeReport>(stdout.trim()) {
            Ok(report) if report.ok => Ok(report),
            Ok(report) => Err(report
                .error
                .unwrap_or_else(|| "the probe found it invalid".to_owned())),
            Err(_) => {
                let mut stderr = String::new();
                if let Some(mut err) = child.stderr.take() {
                    let _ = err.read_to_string(&mut stderr);
                }
                Err(crash_message(status, stderr.trim()))
            }
        }
    }
}

/// Why a probe ended without a report: usually the library crashed it.
fn crash_message(status: std::process::ExitStatus, stderr: &str) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            let name = match signal {
                6 => " (abort)",
                11 => " (segmentation fault)",
                4 => " (illegal instruction)",
                7 => " (bus error)",
                _ => "",
            };
            return format!("loading it crashed the probe process: signal {signal}{name}");
        }
    }
    let detail = stderr.lines().last().unwrap_or("no output");
    format!("the probe process failed ({status}): {detail}")
}
