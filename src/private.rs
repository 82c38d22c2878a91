//! Files and folders only this user can open. Everything Myochart writes is
//! health information (the database and its journal files, backups, handouts,
//! reports), so folders it creates are 0700 and files 0600, whatever the
//! umask; on systems without Unix modes the user's own folders already are.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
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

/// Why a file could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("this is not a file name")]
    NotAFile,
    #[error("this is a folder; give a file name")]
    Folder,
    #[error("the folder {} does not exist", .0.display())]
    NoFolder(PathBuf),
    #[error("no permission to write in {}; choose another folder", .0.display())]
    NoPermission(PathBuf),
    #[error("can't save the file: {0}")]
    Io(#[from] io::Error),
}

/// Writes `bytes` (a handout, a report, an export) to `path`, this user's
/// only, through a temporary file in the same folder and a rename, so a
/// failure (no such folder, no permission, disk full) never leaves a partial
/// file behind, and an existing file is replaced whole.
pub fn save(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let name = path.file_name().ok_or(SaveError::NotAFile)?;
    if path.is_dir() {
        return Err(SaveError::Folder);
    }
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(SaveError::NoFolder(folder.to_owned()));
    }
    let temp = folder.join(format!(
        ".{}.{:08x}.part",
        name.to_string_lossy(),
        fastrand::u32(..)
    ));
    let written = write_new(&temp, bytes).and_then(|()| fs::rename(&temp, path));
    written.map_err(|error| {
        let _ = fs::remove_file(&temp);
        match error.kind() {
            io::ErrorKind::PermissionDenied => SaveError::NoPermission(folder.to_owned()),
            _ => SaveError::Io(error),
        }
    })
}

fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = create_file(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Removes the file at `path`; one that isn't there is already removed.
pub fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}
