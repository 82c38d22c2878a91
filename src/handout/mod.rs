//! PDF home-care handouts: the client's own trigger points on the body chart,
//! what to do about each, and when to see a doctor.
//!
//! [`Sheet`] gathers what a handout says from a session, the atlas and the
//! settings; [`render`] lays it out on A4 or US Letter pages and returns the
//! PDF. Text is shaped with rustybuzz and set in embedded, subset Noto fonts,
//! so any Latin, Greek, Cyrillic or Thai name or note prints correctly.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::api::Error;

// Shared with the student reports (crate::report), which print the same way.
pub(crate) mod chart;
pub(crate) mod fonts;
pub(crate) mod layout;
pub(crate) mod sheet;
pub(crate) mod style;
pub(crate) mod text;

pub use chart::{ChartView, Marker, Shade};
pub use sheet::{MuscleNotes, MuscleText, Sheet, GENERIC_TECHNIQUE};

/// The handout as PDF bytes.
pub fn render(sheet: &Sheet) -> Vec<u8> {
    let (width, height) = sheet.paper.size_mm();
    let page = layout::PageSize::from_mm(width, height);
    let content_width = page.content_width();
    let title = format!("Home care for {} – {}", sheet.first_name, sheet.date);
    layout::render(
        &title,
        page,
        &sheet.blocks(content_width),
        |number, count| sheet::footer(sheet, number, count, content_width),
    )
}

/// Writes `bytes` (a handout, a report) to `path` through a temporary file in
/// the same folder and a rename, so a failure (no such folder, no permission,
/// disk full) never leaves a partial file behind, and an existing file is
/// replaced whole.
pub fn save(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let fail = |reason: String| Error::File {
        path: path.to_owned(),
        reason,
    };
    let Some(name) = path.file_name() else {
        return Err(fail("this is not a file name".into()));
    };
    if path.is_dir() {
        return Err(fail("this is a folder; give a file name".into()));
    }
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(fail(format!(
            "the folder {} does not exist",
            folder.display()
        )));
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
            io::ErrorKind::PermissionDenied => fail(format!(
                "no permission to write in {}; choose another folder",
                folder.display()
            )),
            _ => fail(format!("can't save the file: {error}")),
        }
    })
}

fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = crate::private::create_file(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}
