//! `backup`, `backups` and `restore` (also over a database too damaged to open).

use std::path::Path;

use myochart::api::{self, Access, Api};

use crate::args::{BackupArgs, BackupsArgs, RestoreArgs};
use crate::print;

pub async fn backup(api: &Api, args: BackupArgs) -> api::Result<()> {
    let folder = args.to.unwrap_or_else(api::default_backup_folder);
    let backup = api.backup(&folder).await?;
    println!("backup written to {} (checked)", backup.path.display());
    Ok(())
}

pub async fn backups(api: &Api, args: BackupsArgs) -> api::Result<()> {
    let folder = args.folder.unwrap_or_else(api::default_backup_folder);
    for backup in api.backups(&folder).await? {
        match (&backup.contents, &backup.problem) {
            (Some(held), _) => println!(
                "{}  {} clients, {} sessions, {} findings  {}",
                backup.made,
                held.clients,
                held.sessions,
                held.findings,
                backup.path.display()
            ),
            (None, problem) => println!(
                "{}  can't be read: {}  {}",
                backup.made,
                problem.as_deref().unwrap_or_default(),
                backup.path.display()
            ),
        }
    }
    Ok(())
}

/// Shows what restoring the backup would change; with `--yes`, restores it
/// and gives back the restored database.
pub async fn restore(api: Api, args: &RestoreArgs) -> api::Result<Api> {
    let preview = api.restore_preview(&args.backup).await?;
    println!(
        "now:    {} clients, {} sessions, {} findings (last change {})",
        preview.current.clients,
        preview.current.sessions,
        preview.current.findings,
        preview.current.last_change.as_deref().unwrap_or("none")
    );
    print::backup_contents(&preview.backup);
    println!(
        "changes made since the backup that restoring loses: {}",
        preview.changes_lost
    );
    if !args.yes {
        println!("nothing changed; run again with --yes to restore");
        return Ok(api);
    }
    let api = api.restore(&args.backup).await?;
    println!("restored; the database as it was is kept beside it");
    Ok(api)
}

/// Restores the backup over a database too damaged to open.
pub async fn restore_damaged(path: &Path, access: &Access, args: &RestoreArgs) -> api::Result<()> {
    print::backup_contents(&api::check_backup(&args.backup, access).await?);
    if !args.yes {
        println!("the database can't be read; run again with --yes to replace it with this backup");
        return Ok(());
    }
    let aside = api::restore_closed(path, access, &args.backup).await?;
    println!(
        "restored; the damaged database is kept at {}",
        aside.display()
    );
    Ok(())
}
