//! Backups: made on demand and when the app closes (at most daily), each
//! checked before it counts, kept by rotation (the newest of each of the last 7
//! days, 4 weeks and 12 months that have one), listed with what they hold, and
//! restored all or nothing.
//!
//! A backup of a protected database is encrypted with the same key; its key
//! file is copied beside it, so the passphrase of the day opens it, and the
//! recovery key always does.

use chrono::{Datelike, NaiveDateTime};

use super::*;
use crate::store::key_file;

/// One backup file and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Backup {
    #[ts(type = "string")]
    pub path: PathBuf,
    /// Local time it was made, `YYYY-MM-DD HH:MM`.
    pub made: String,
    /// What it holds, when it reads back whole.
    pub contents: Option<Contents>,
    /// Why it doesn't read back, when it doesn't.
    pub problem: Option<String>,
}

/// What restoring a backup would change.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct RestorePreview {
    pub current: Contents,
    pub backup: Contents,
    /// Changes recorded since the backup's last one: lost by restoring (the
    /// database as it is now is kept aside, though).
    #[ts(type = "number")]
    pub changes_lost: i64,
}

/// How backup files are named: `<database name>-backup-<stamp>.sqlite`.
const STAMP: &str = "%Y%m%d-%H%M%S";
const INFIX: &str = "-backup-";
const EXTENSION: &str = ".sqlite";
const DAY: chrono::TimeDelta = chrono::TimeDelta::days(1);

impl Api {
    /// Writes a checked copy of the database into `folder`, then removes the
    /// backups the rotation no longer keeps.
    #[tracing::instrument(skip_all)]
    pub async fn backup(&self, folder: &Path) -> Result<Backup> {
        logged(async move {
            self.store.can_back_up()?;
            crate::private::create_folder(folder).map_err(|error| Error::File {
                path: folder.to_owned(),
                reason: format!("can't create the backup folder: {error}"),
            })?;
            let made = chrono::Local::now().naive_local();
            let destination = folder.join(backup_name(self.store.path(), made));
            if destination.exists() {
                return Err(Error::File {
                    path: destination,
                    reason: "a backup with this name already exists; wait a second and try again"
                        .into(),
                });
            }
            let contents = self.store.backup_to(&destination).await?;
            if self.access().key.is_some() {
                copy_key_file(self.store.path(), &destination)?;
            }
            self.record_copy("database.backup", ("database", 0), &destination)
                .await?;
            let backup = Backup {
                path: destination.clone(),
                made: made.format("%Y-%m-%d %H:%M").to_string(),
                contents: Some(contents),
                problem: None,
            };
            self.rotate(folder)?;
            Ok(backup)
        })
        .await
    }

    /// A backup into `folder` if the last one is a day old or more (or there is
    /// none): what the app does when it closes.
    #[tracing::instrument(skip_all)]
    pub async fn backup_if_due(&self, folder: &Path) -> Result<Option<Backup>> {
        logged(async move {
            let newest = backup_files(self.store.path(), folder)?.into_iter().next();
            let now = chrono::Local::now().naive_local();
            if newest.is_some_and(|(made, _)| now - made < DAY) {
                return Ok(None);
            }
            self.backup(folder).await.map(Some)
        })
        .await
    }

    /// This database's backups in `folder`, newest first, each checked.
    pub async fn backups(&self, folder: &Path) -> Result<Vec<Backup>> {
        list_backups(self.store.path(), self.access(), folder).await
    }

    /// What restoring `backup` would change.
    pub async fn restore_preview(&self, backup: &Path) -> Result<RestorePreview> {
        let backup = check_backup(backup, self.access()).await?;
        let current = self.store.contents().await?;
        let changes_lost = self
            .store
            .changes_since(backup.last_change.as_deref())
            .await?;
        Ok(RestorePreview {
            current,
            backup,
            changes_lost,
        })
    }

    /// Replaces the database with `backup`, all or nothing; the database as
    /// it was is kept beside it (`<file>.before-restore-<stamp>.sqlite`).
    /// Returns the database reopened; this `Api` is closed.
    #[tracing::instrument(skip_all)]
    pub async fn restore(self, backup: &Path) -> Result<Api> {
        logged(async move {
            let path = self.store.path().to_owned();
            let access = self.access().clone();
            self.store.close().await;
            let restored = restore_closed(&path, &access, backup).await;
            let store = Store::open(&path, &access).await?;
            let aside = restored?;
            let api = Api {
                store,
                client_names: Arc::default(),
                ..self
            };
            api.store
                .record_event(
                    &api.actor,
                    "database.restore",
                    ("database", 0),
                    &format!(
                        "from {}; the database before kept at {}",
                        backup.display(),
                        aside.display()
                    ),
                )
                .await?;
            Ok(api)
        })
        .await
    }

    fn rotate(&self, folder: &Path) -> Result<()> {
        let files = backup_files(self.store.path(), folder)?;
        let made: Vec<NaiveDateTime> = files.iter().map(|(made, _)| *made).collect();
        let kept = kept(&made);
        for (index, (_, path)) in files.iter().enumerate() {
            if !kept.contains(&index) {
                for file in [path.clone(), key_file(path)] {
                    crate::private::remove_if_present(&file).map_err(|error| Error::File {
                        path: file,
                        reason: format!("can't remove an old backup: {error}"),
                    })?;
                }
            }
        }
        Ok(())
    }
}

/// The backups of the database at `database` in `folder`, newest first, each
/// checked with `access`; works while the database itself can't be opened.
pub async fn list_backups(database: &Path, access: &Access, folder: &Path) -> Result<Vec<Backup>> {
    let mut backups = Vec::new();
    for (made, path) in backup_files(database, folder)? {
        let checked = check_backup(&path, access).await;
        backups.push(Backup {
            made: made.format("%Y-%m-%d %H:%M").to_string(),
            problem: checked.as_ref().err().map(ToString::to_string),
            contents: checked.ok(),
            path,
        });
    }
    Ok(backups)
}

/// Checks the backup at `path` (opened with `access`'s key): what it holds,
/// or why it can't be read.
pub async fn check_backup(path: &Path, access: &Access) -> Result<Contents> {
    Ok(crate::store::check(path, access).await?)
}

/// Restores `backup` over the closed (perhaps damaged) database at `path`,
/// all or nothing; returns where the database as it was is kept.
#[tracing::instrument(skip_all)]
pub async fn restore_closed(path: &Path, access: &Access, backup: &Path) -> Result<PathBuf> {
    logged(async move {
        let aside =
            crate::store::sibling(path, &format!(".before-restore-{}.sqlite", file_stamp()));
        crate::store::restore(path, access, backup, &aside).await?;
        Ok(aside)
    })
    .await
}

fn backup_name(database: &Path, made: NaiveDateTime) -> String {
    format!(
        "{}{INFIX}{}{EXTENSION}",
        database_name(database),
        made.format(STAMP)
    )
}

fn database_name(database: &Path) -> String {
    let name = database.file_stem().unwrap_or_default().to_string_lossy();
    name.into_owned()
}

/// The backup files of `database` in `folder` with when each was made (from
/// its name), newest first. A missing folder holds none.
fn backup_files(database: &Path, folder: &Path) -> Result<Vec<(NaiveDateTime, PathBuf)>> {
    let prefix = format!("{}{INFIX}", database_name(database));
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => {
            return Err(Error::File {
                path: folder.to_owned(),
                reason: format!("can't list the backups: {error}"),
            })
        }
    };
    let mut files: Vec<(NaiveDateTime, PathBuf)> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let stamp = name.strip_prefix(&prefix)?.strip_suffix(EXTENSION)?;
            let made = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
            Some((made, entry.path()))
        })
        .collect();
    files.sort_by_key(|(made, _)| std::cmp::Reverse(*made));
    Ok(files)
}

/// Which of the backups made at `made` (newest first) the rotation keeps:
/// the newest of each of the 7 latest days, 4 latest weeks and 12 latest
/// months that have a backup.
fn kept(made: &[NaiveDateTime]) -> std::collections::BTreeSet<usize> {
    type Period = fn(&NaiveDateTime) -> (i32, u32);
    let periods: [(Period, usize); 3] = [
        (|at| (at.year(), at.ordinal()), 7),
        (|at| (at.iso_week().year(), at.iso_week().week()), 4),
        (|at| (at.year(), at.month()), 12),
    ];
    let mut kept = std::collections::BTreeSet::new();
    for (period, count) in periods {
        let mut seen = Vec::new();
        for (index, at) in made.iter().enumerate() {
            let key = period(at);
            if !seen.contains(&key) && seen.len() < count {
                seen.push(key);
                kept.insert(index);
            }
        }
    }
    kept
}

/// Copies the key file of `database` beside `backup`.
fn copy_key_file(database: &Path, backup: &Path) -> Result<()> {
    let (from, to) = (key_file(database), key_file(backup));
    crate::private::create_file(&to)
        .and_then(|_| std::fs::copy(&from, &to))
        .map(drop)
        .map_err(|error| Error::File {
            path: to,
            reason: format!("can't copy the key file beside the backup: {error}"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("a time")
    }

    #[test]
    fn rotation_keeps_the_newest_of_each_day_week_and_month() {
        // A backup every 12 hours for 500 days, newest first.
        let newest = at("2026-11-30 18:00");
        let made: Vec<NaiveDateTime> = (0..1000)
            .map(|i| newest - chrono::TimeDelta::hours(12 * i))
            .collect();
        let kept: Vec<NaiveDateTime> = kept(&made).into_iter().map(|i| made[i]).collect();
        // The newest one, then one per day for the other 6 latest days...
        assert_eq!(kept[0], newest);
        assert_eq!(kept[6], at("2026-11-24 18:00"));
        // ... the newest of each of the 4 latest weeks (Monday 23rd's week is
        // covered by the days) and of 12 months: Nov (covered), Oct ... Dec 2025.
        assert!(
            kept.contains(&at("2026-11-15 18:00")),
            "last day of an ISO week"
        );
        assert!(
            kept.contains(&at("2026-10-31 18:00")),
            "last day of October"
        );
        assert!(
            kept.contains(&at("2025-12-31 18:00")),
            "the 12th month back"
        );
        assert!(!kept.iter().any(|made| *made < at("2025-12-01 00:00")));
        assert!(kept.len() <= 7 + 4 + 12);
    }

    #[test]
    fn only_this_databases_backups_are_listed() {
        let folder = tempfile::tempdir().expect("temp dir");
        for name in [
            "myochart-backup-20261130-101500.sqlite",
            "myochart-backup-20261129-101500.sqlite",
            "myochart.demo-backup-20261130-101500.sqlite",
            "myochart-backup-garbage.sqlite",
            "notes.txt",
        ] {
            std::fs::write(folder.path().join(name), "").expect("writes");
        }
        let files = backup_files(Path::new("/data/myochart.sqlite"), folder.path()).expect("lists");
        let names: Vec<String> = files
            .iter()
            .map(|(_, path)| {
                path.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into()
            })
            .collect();
        assert_eq!(
            names,
            [
                "myochart-backup-20261130-101500.sqlite",
                "myochart-backup-20261129-101500.sqlite"
            ]
        );
    }
}
