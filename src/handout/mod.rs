//! PDF home-care handouts: the client's own trigger points on the body chart,
//! what to do about each, and when to see a doctor.
//!
//! [`Sheet`] gathers what a handout says from a session, the atlas and the
//! settings; [`render`] lays it out on A4 or US Letter pages and returns the
//! PDF. Text is shaped with rustybuzz and set in embedded, subset fonts (Noto,
//! bundled or installed), so a name or note in any script prints correctly. It
//! prints in the client's language where translations have it
//! ([`crate::i18n`]), and [`Sheet::untranslated`] says what stays English.

mod sheet;

pub use sheet::{MuscleNotes, MuscleText, Sheet};

/// The handout as PDF bytes; fails on a character no font can print.
pub fn render(sheet: &Sheet) -> Result<Vec<u8>, crate::pdf::MissingGlyph> {
    let (width, height) = sheet.paper.size_mm();
    let page = crate::pdf::layout::PageSize::from_mm(width, height);
    let content_width = page.content_width();
    let title = sheet.messages().text(
        "document-title",
        &[
            ("name", sheet.first_name.as_str().into()),
            ("date", sheet.date.as_str().into()),
        ],
    );
    crate::pdf::layout::render(
        &title,
        page,
        &sheet.blocks(content_width),
        |number, count| sheet::footer(sheet, number, count, content_width),
    )
}
