//! `backup`, `backups` and `restore` (also over a database too damaged to open).

use std::path::Path;

use myochart::api::{self, Access, Api};

use crate::args::{BackupArgs, BackupsArgs, RestoreArgs};
use crate::print;

pub async fn backup(api: &Api, args: BackupArgs) -> api::Result<()> {
    let folder = args.to.unwrap_or_else(api::default_backup_folder);
    let backup = api.backup(&folder).await?;
    println!(
        "{}",
        t!("backup-written", path = backup.path.display().to_string())
    );
    Ok(())
}

pub async fn backups(api: &Api, args: BackupsArgs) -> api::Result<()> {
    let folder = args.folder.unwrap_or_else(api::default_backup_folder);
    for backup in api.backups(&folder).await? {
        match (&backup.contents, &backup.problem) {
            (Some(held), _) => println!(
                "{}  {}  {}",
                backup.made,
                print::contents(held),
                backup.path.display()
            ),
            (None, problem) => println!(
                "{}  {}  {}",
                backup.made,
                t!(
                    "backup-unreadable",
                    problem = problem.clone().unwrap_or_default()
                ),
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
        "{}",
        t!(
            "database-holds",
            contents = print::contents(&preview.current)
        )
    );
    print::backup_contents(&preview.backup);
    println!(
        "{}",
        t!("restore-loses", changes = preview.changes_lost.to_string())
    );
    if !args.yes {
        println!("{}", t!("restore-needs-yes"));
        return Ok(api);
    }
    let api = api.restore(&args.backup).await?;
    println!("{}", t!("restored"));
    Ok(api)
}

/// Restores the backup over a database too damaged to open.
pub async fn restore_damaged(path: &Path, access: &Access, args: &RestoreArgs) -> api::Result<()> {
    print::backup_contents(&api::check_backup(&args.backup, access).await?);
    if !args.yes {
        println!("{}", t!("restore-damaged-needs-yes"));
        return Ok(());
    }
    let aside = api::restore_closed(path, access, &args.backup).await?;
    println!(
        "{}",
        t!("restored-damaged", path = aside.display().to_string())
    );
    Ok(())
}
