//! Logs, so "why didn't my note save?" has an answer: one file a day in a
//! folder of the app's own, filtered by `RUST_LOG`.
//!
//! What goes in is ids only. The façade's writes each open a span named after
//! the method with the ids it was given (`write_note{session=12}`) and end it
//! with "done" or "failed" and the error's code (`code=signed-note`), never the
//! message; the app adds a span per command. No names, note text, passphrases
//! or paths (a handout's file name holds the client's first name).

use std::path::Path;

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;

use crate::api::{Error, Result};

/// How many days of logs are kept; older files are deleted as new ones start.
pub const DAYS_KEPT: usize = 14;

/// What is logged when `RUST_LOG` is not set: our own crates' spans and events,
/// and only warnings and errors from libraries (whose lines we can't vouch hold
/// ids only). `verbose` adds our debug lines.
fn default_filter(verbose: bool) -> &'static str {
    if verbose {
        "warn,myochart=debug,myochart_app=debug"
    } else {
        "warn,myochart=info,myochart_app=info"
    }
}

/// Starts logging for this program into `folder` (for the app and the CLI
/// alike, [`crate::api::default_log_folder`]): a file a day named
/// `myochart.YYYY-MM-DD.log` (UTC dates), the last [`DAYS_KEPT`] kept. Lines go
/// to the file only, never to stderr, so a CLI's output stays its own; a CLI's
/// `-v` passes `verbose`. `RUST_LOG` (e.g. `RUST_LOG=myochart=debug`), when
/// set, overrides the default filter.
///
/// The folder is created this user's only (0700), and the files found in it
/// are made 0600 (a file a rotation starts while the program runs has the
/// umask's mode until the next start, inside the 0700 folder).
///
/// Call it once, early in `main`: it fails if this program already logs.
pub fn start(folder: &Path, verbose: bool) -> Result<()> {
    let failed = |reason: String| Error::File {
        path: folder.to_owned(),
        reason,
    };
    crate::private::create_folder(folder)
        .and_then(|()| crate::private::restrict(folder))
        .map_err(|error| failed(format!("can't create the log folder: {error}")))?;
    let file = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("myochart")
        .filename_suffix("log")
        .max_log_files(DAYS_KEPT)
        .build(folder)
        .map_err(|error| failed(format!("can't start the log file: {error}")))?;
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        // Best effort: the folder is this user's only whatever the files' modes.
        let _ = crate::private::restrict(&entry.path());
    }
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new(default_filter(verbose)));
    tracing_subscriber::fmt()
        .with_writer(file)
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init()
        .map_err(|error| failed(format!("can't start logging: {error}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_writes_a_private_daily_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let folder = dir.path().join("logs");
        start(&folder, false).expect("starts");
        tracing::info!(session = 7, "saved");
        let files: Vec<_> = std::fs::read_dir(&folder)
            .expect("folder")
            .flatten()
            .map(|entry| entry.path())
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        let text = std::fs::read_to_string(&files[0]).expect("log file");
        assert!(text.contains("session=7"), "{text}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |path: &Path| std::fs::metadata(path).expect("meta").permissions().mode();
            assert_eq!(mode(&folder) & 0o777, 0o700);
            assert_eq!(mode(&files[0]) & 0o777, 0o600);
        }
        assert!(start(&folder, false).is_err(), "only once");
    }
}
