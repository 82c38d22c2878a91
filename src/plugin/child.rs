//! Plugin code run in a child process, so a library that aborts or crashes
//! takes down only the child, and the app reports it and goes on: the probe
//! (`myochart plugins validate PATH`, a library's first load) and every call
//! (`myochart plugins call LIBRARY METHOD`, since a call sees input the probe
//! never tried).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{load, Library, LibraryFile, PluginError, PluginFolder};
use crate::atlas::Atlas;

/// How long a probe may take before the child is killed.
const PROBE_TIMEOUT: Duration = Duration::from_secs(20);

/// How long a call may take: somebody is waiting for its answer.
const CALL_TIMEOUT: Duration = Duration::from_secs(5);

/// The most a plugin process may print on each pipe: its report is a few
/// kilobytes, and whatever it prints is held in the app's memory.
const OUTPUT_CAP: u64 = 4 * 1024 * 1024;

/// How long to wait for the pipes once the child ended and its group was
/// stopped: a process that left the group may still hold them.
const PIPE_GRACE: Duration = Duration::from_secs(1);

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
            Ok(folder) => (folder.library, Some(folder.descriptor.namespace)),
            Err(e) => {
                report.error = Some(e.to_string());
                return report;
            }
        }
    } else {
        (path.to_owned(), None)
    };
    // The hash reported is of the very file loaded: the host compares it
    // with the approved one.
    let file = match LibraryFile::open(&library) {
        Ok(file) => file,
        Err(reason) => {
            report.error = Some(PluginError::new(&library, reason).to_string());
            return report;
        }
    };
    report.sha256 = Some(file.sha256().to_owned());
    match load(file, namespace.as_deref(), &Atlas::builtin(), &[]) {
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

/// What `myochart plugins call LIBRARY METHOD` prints, as JSON: the plugin's
/// reply (JSON text), or why there is none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CallReport {
    Reply(String),
    Error(String),
}

/// Calls `method` of the library at `path` with `input` (JSON) in THIS
/// process, if the file is still the one approved (hash `sha256`): what the
/// child process of [`PluginProcess::call`] runs.
pub fn call(path: &Path, sha256: &str, method: &str, input: &[u8]) -> CallReport {
    // Hashed and loaded through one handle: the bytes checked are the bytes run.
    let approved = match LibraryFile::open(path) {
        Ok(file) if file.sha256() == sha256 => Ok(file),
        Ok(_) => Err("the library is no longer the file that was approved; \
                      approve it again under Plugins"
            .to_owned()),
        Err(_) => Err("its approved copy is gone (the plugin was updated since); \
                       approve the new version under Plugins"
            .to_owned()),
    };
    let reply = approved
        .and_then(Library::open)
        .and_then(|library| library.call(method, input));
    match reply {
        Ok(reply) => CallReport::Reply(String::from_utf8_lossy(&reply).into_owned()),
        Err(reason) => CallReport::Error(reason),
    }
}

/// The `myochart` CLI, run as a child process to execute plugin code for the
/// app. The desktop app, whose executable is not the CLI, passes the CLI's path.
#[derive(Debug, Clone, PartialEq)]
pub struct PluginProcess {
    pub program: PathBuf,
}

impl PluginProcess {
    /// The `myochart` CLI at `program`.
    pub fn cli(program: impl Into<PathBuf>) -> PluginProcess {
        PluginProcess {
            program: program.into(),
        }
    }

    /// This very executable, when it is the `myochart` CLI.
    pub fn current_exe() -> PluginProcess {
        PluginProcess::cli(std::env::current_exe().unwrap_or_else(|_| PathBuf::from("myochart")))
    }

    /// Probes the plugin folder or library at `path`. The error says why the
    /// plugin can't be used, including a crash of the child.
    pub fn probe(&self, path: &Path) -> Result<ProbeReport, String> {
        let args = ["plugins".as_ref(), "validate".as_ref(), path.as_os_str()];
        let report: ProbeReport = self.run(&args, &[], PROBE_TIMEOUT, "loading it")?;
        if report.ok {
            Ok(report)
        } else {
            Err(report
                .error
                .unwrap_or_else(|| "the probe found it invalid".to_owned()))
        }
    }

    /// Calls `method` of the library at `path`, if it is still the file with
    /// hash `sha256`, with `input` (JSON); returns the reply's JSON bytes, or
    /// why there is none (a crash of the child too).
    pub fn call(
        &self,
        path: &Path,
        sha256: &str,
        method: &str,
        input: &[u8],
    ) -> Result<Vec<u8>, String> {
        let args = [
            "plugins".as_ref(),
            "call".as_ref(),
            path.as_os_str(),
            method.as_ref(),
            "--sha256".as_ref(),
            sha256.as_ref(),
        ];
        match self.run(&args, input, CALL_TIMEOUT, &format!("calling {method}"))? {
            CallReport::Reply(reply) => Ok(reply.into_bytes()),
            CallReport::Error(reason) => Err(reason),
        }
    }

    /// Runs the child with `args`, `input` on its stdin; the report it printed
    /// last (whether it exited successfully or not), else why there is none.
    /// `doing` names the work in the errors: "loading it crashed ...".
    ///
    /// The child isolates crashes; it is not a sandbox: it runs as the user.
    /// It gets no environment (nothing of the app's leaks into plugin code),
    /// runs in a process group of its own that is stopped with it (whatever
    /// the plugin started goes too), may print [`OUTPUT_CAP`] bytes on each
    /// pipe, and nothing here waits without a deadline.
    fn run<T: DeserializeOwned>(
        &self,
        args: &[&std::ffi::OsStr],
        input: &[u8],
        timeout: Duration,
        doing: &str,
    ) -> Result<T, String> {
        let mut command = Command::new(&self.program);
        command
            .args(args)
            .env_clear()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        // Windows can't load system libraries without it.
        #[cfg(windows)]
        if let Some(root) = std::env::var_os("SystemRoot") {
            command.env("SystemRoot", root);
        }
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut child = command
            .spawn()
            .map_err(|e| format!("can't start {}: {e}", self.program.display()))?;
        // Written on a thread: a child that never reads must not block us.
        let stdin = child.stdin.take();
        let input = input.to_vec();
        std::thread::spawn(move || {
            if let Some(mut stdin) = stdin {
                // A child that dies before reading is reported by its status.
                let _ = stdin.write_all(&input);
            }
        });
        // Read while the child runs: one that fills a pipe would otherwise wait
        // for us while we wait for it.
        let (sender, pipes) = mpsc::channel();
        read_in_background(child.stdout.take(), Pipe::Stdout, sender.clone());
        read_in_background(child.stderr.take(), Pipe::Stderr, sender);
        let mut output = Output::default();
        let deadline = Instant::now() + timeout;
        let status = loop {
            while let Ok((pipe, bytes)) = pipes.try_recv() {
                output.add(pipe, bytes);
            }
            if output.flooded() {
                stop(&mut child);
                return Err(flood_message(doing));
            }
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if Instant::now() > deadline => {
                    stop(&mut child);
                    return Err(format!(
                        "{doing} did not finish within {} s; the process was stopped",
                        timeout.as_secs()
                    ));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(1)),
                Err(e) => {
                    stop(&mut child);
                    return Err(format!("can't wait for the plugin process: {e}"));
                }
            }
        };
        // What the plugin started and left behind goes with it, and so the
        // pipes it held close.
        stop_group(child.id());
        let deadline = Instant::now() + PIPE_GRACE;
        while !output.complete() {
            let left = deadline.saturating_duration_since(Instant::now());
            match pipes.recv_timeout(left) {
                Ok((pipe, bytes)) => output.add(pipe, bytes),
                // A process that left the group holds a pipe: go on without it.
                Err(_) => break,
            }
        }
        if output.flooded() {
            return Err(flood_message(doing));
        }
        // The report is the last line: a plugin may print before it.
        let stdout = String::from_utf8_lossy(output.stdout.as_deref().unwrap_or_default());
        let last = stdout.lines().rev().find(|line| !line.trim().is_empty());
        if let Some(report) = last.and_then(|line| serde_json::from_str(line).ok()) {
            return Ok(report);
        }
        let stderr = String::from_utf8_lossy(output.stderr.as_deref().unwrap_or_default());
        Err(crash_message(doing, status, stderr.trim()))
    }
}

#[derive(Debug, Clone, Copy)]
enum Pipe {
    Stdout,
    Stderr,
}

/// What the child printed, pipe by pipe, once each pipe closed or passed the cap.
#[derive(Debug, Default)]
struct Output {
    stdout: Option<Vec<u8>>,
    stderr: Option<Vec<u8>>,
}

impl Output {
    fn add(&mut self, pipe: Pipe, bytes: Vec<u8>) {
        match pipe {
            Pipe::Stdout => self.stdout = Some(bytes),
            Pipe::Stderr => self.stderr = Some(bytes),
        }
    }

    fn complete(&self) -> bool {
        self.stdout.is_some() && self.stderr.is_some()
    }

    fn flooded(&self) -> bool {
        [&self.stdout, &self.stderr]
            .iter()
            .any(|bytes| bytes.as_ref().is_some_and(|b| b.len() as u64 > OUTPUT_CAP))
    }
}

fn flood_message(doing: &str) -> String {
    format!(
        "{doing}: the plugin printed more than {} MB; the process was stopped",
        OUTPUT_CAP / (1024 * 1024)
    )
}

/// Reads a child's pipe on a thread of its own until it closes or gives more
/// than [`OUTPUT_CAP`] bytes, then sends what it read.
fn read_in_background(
    pipe: Option<impl Read + Send + 'static>,
    which: Pipe,
    sender: mpsc::Sender<(Pipe, Vec<u8>)>,
) {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(pipe) = pipe {
            // What could be read is what there is to report.
            let _ = pipe.take(OUTPUT_CAP + 1).read_to_end(&mut bytes);
        }
        // Nobody listens any more once the run gave up: nothing to do then.
        let _ = sender.send((which, bytes));
    });
}

/// Stops the child and everything in its process group, and reaps it.
fn stop(child: &mut Child) {
    stop_group(child.id());
    // Where there are no process groups; elsewhere the child is gone already.
    let _ = child.kill();
    let _ = child.wait();
}

/// Kills the process group the child led (it was started as its leader).
/// Called while the child runs or just after it was reaped: while any of the
/// group is alive its id can't be reused, and after that only a new process
/// taking the id and leading a group of its own in between could be hit.
fn stop_group(child: u32) {
    #[cfg(unix)]
    if let Ok(group) = i32::try_from(child) {
        // SAFETY: kill has no memory effects; a group already gone is ESRCH.
        unsafe { libc::kill(-group, libc::SIGKILL) };
    }
    #[cfg(not(unix))]
    let _ = child;
}

/// Why the child ended without a report: usually the library crashed it.
fn crash_message(doing: &str, status: std::process::ExitStatus, stderr: &str) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            let name = match signal {
                6 => " (abort)",
                11 => " (segmentation fault)",
                4 => " (illegal instruction)",
                7 => " (bus error)",
                8 => " (arithmetic error)",
                _ => "",
            };
            return format!("{doing} crashed the plugin process: signal {signal}{name}");
        }
    }
    let detail = stderr.lines().last().unwrap_or("no output");
    format!("the plugin process failed ({status}): {detail}")
}
