//! Files and folders only this user can open. Everything Myochart writes is
//! health information (the database and its journal files, backups, handouts,
//! reports), so folders it creates are 0700 and files 0600, whatever the
//! umask; on systems without Unix modes the user's own folders already are.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// The app's own folder in the OS app-data folder (`~/.local/share/myochart`
/// on Linux); `None` on a system without an app-data folder.
pub fn app_folder() -> Option<PathBuf> {
    dirs::data_dir().map(|data| data.join("myochart"))
}

/// Creates `folder` and its parents; the folders created are this user's only.
pub fn create_folder(folder: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(folder)
}

/// Creates a new file (failing if it exists) that only this user can open.
pub fn create_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Opens a file for writing, creating it (this user's only) if it is missing;
/// an existing one keeps its contents.
pub fn open_or_create(path: &Path) -> io::Result<File> {
    match create_file(path) {
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
            OpenOptions::new().write(true).open(path)
        }
        other => other,
    }
}

/// Makes an existing file or folder this user's only (a file written by an
/// older version, or a folder made before); a missing one is left alone.
pub fn restrict(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => 0o700,
            Ok(_) => 0o600,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(error) => return Err(error),
        };
        fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}
