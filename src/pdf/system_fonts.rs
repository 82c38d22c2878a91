//! Fonts installed on the system, for characters no bundled font has.
//!
//! The list of installed fonts comes from `fontdb`: on Linux it reads
//! fontconfig's configuration for the font folders (those `fc-list` lists
//! from), on Windows and macOS the system's font folders. It is pure Rust, so
//! it needs no fontconfig library or `fc-match` program at run time (which
//! exist on Linux only), and it hands over each font's bytes, which the shaper
//! and printpdf both need. rust-fontconfig, which printpdf's layout already
//! builds, could too, but around its own pattern matching and caches that we
//! don't need; fontdb's small API does just this.
//!
//! The list is read only when a character first misses the bundled fonts, and
//! kept for the process, as is every answer and every font loaded from it.
//! Reading it took 20-35 ms for 359 faces (Debian's fonts-noto-core and
//! fonts-noto-cjk); loading one face of Noto Sans CJK and parsing it for the
//! PDF costs about 200 ms, once per process.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, OnceLock, PoisonError};

use fontdb::{Database, FaceInfo, Source, ID};

use super::fonts::{font, register, Font, Typeface, Weight};

/// The installed fonts, and what has been found and loaded from them.
struct SystemFonts {
    db: Database,
    /// The regular upright faces that may supply a character, most wanted
    /// first: Noto Sans families (the bundled fonts' look), other Noto, the rest.
    candidates: Vec<ID>,
    found: Mutex<Found>,
}

#[derive(Default)]
struct Found {
    /// The answer for each character asked about, per weight.
    by_char: HashMap<(char, Weight), Option<Typeface>>,
    /// Faces loaded so far, and the regular ones among them in load order
    /// (tried before scanning again: a Bengali name needs one Bengali font).
    loaded: HashMap<ID, Typeface>,
    regular: Vec<(ID, Typeface)>,
}

fn system() -> &'static SystemFonts {
    static SYSTEM: OnceLock<SystemFonts> = OnceLock::new();
    SYSTEM.get_or_init(|| {
        let started = std::time::Instant::now();
        let mut db = Database::new();
        db.load_system_fonts();
        let mut candidates: Vec<&FaceInfo> = db
            .faces()
            .filter(|f| f.weight == fontdb::Weight::NORMAL && f.style == fontdb::Style::Normal)
            .collect();
        // Within a preference, by file: a collection's first face is its
        // default (Noto Sans CJK's is Japanese), and the order is the same
        // on every run.
        candidates.sort_by_key(|f| (preference(family(f)), path(f), f.index));
        let candidates: Vec<ID> = candidates.into_iter().map(|f| f.id).collect();
        tracing::debug!(
            faces = db.len(),
            candidates = candidates.len(),
            took_ms = started.elapsed().as_millis(),
            "read the system's font list"
        );
        SystemFonts {
            db,
            candidates,
            found: Mutex::default(),
        }
    })
}

fn family(face: &FaceInfo) -> &str {
    face.families.first().map_or("", |(name, _)| name.as_str())
}

fn path(face: &FaceInfo) -> Option<&Path> {
    match &face.source {
        Source::File(path) | Source::SharedFile(path, _) => Some(path),
        Source::Binary(_) => None,
    }
}

/// Lower is preferred.
fn preference(family: &str) -> u8 {
    match family {
        f if f.starts_with("Noto Sans") && !f.contains("Mono") => 0,
        f if f.starts_with("Noto") => 1,
        _ => 2,
    }
}

/// An installed font that has `c`, in `weight` when the family has that
/// weight, else its regular face; `None` if no installed font has it.
pub fn typeface_for(c: char, weight: Weight) -> Option<Typeface> {
    let system = system();
    let mut found = system.found.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(&answer) = found.by_char.get(&(c, weight)) {
        return answer;
    }
    let answer = system.find(c, weight, &mut found);
    found.by_char.insert((c, weight), answer);
    answer
}

impl SystemFonts {
    fn find(&self, c: char, weight: Weight, found: &mut Found) -> Option<Typeface> {
        let loaded = found
            .regular
            .iter()
            .find(|(_, typeface)| font(*typeface).has_char(c))
            .map(|&(id, _)| id);
        let regular = loaded.or_else(|| {
            self.candidates
                .iter()
                .copied()
                .filter(|id| !found.loaded.contains_key(id))
                .find(|&id| self.has_char(id, c))
        })?;
        let regular_typeface = self.load(regular, found)?;
        if !found.regular.iter().any(|&(id, _)| id == regular) {
            found.regular.push((regular, regular_typeface));
        }
        if weight == Weight::Regular {
            return Some(regular_typeface);
        }
        let bold = self
            .bold_of(regular)
            .and_then(|bold| self.load(bold, found));
        Some(
            bold.filter(|&b| font(b).has_char(c))
                .unwrap_or(regular_typeface),
        )
    }

    fn has_char(&self, id: ID, c: char) -> bool {
        self.db
            .with_face_data(id, |data, index| {
                let Ok(face) = rustybuzz::ttf_parser::Face::parse(data, index) else {
                    return false;
                };
                // Colour bitmap fonts (emoji) have no outlines a PDF can embed.
                let outlines = face.tables().glyf.is_some() || face.tables().cff.is_some();
                outlines && face.glyph_index(c).is_some_and(|glyph| glyph.0 != 0)
            })
            .unwrap_or(false)
    }

    /// The bold upright face of a face's family, if installed.
    fn bold_of(&self, id: ID) -> Option<ID> {
        let name = family(self.db.face(id)?);
        self.db
            .faces()
            .find(|f| {
                family(f) == name
                    && f.weight == fontdb::Weight::BOLD
                    && f.style == fontdb::Style::Normal
            })
            .map(|f| f.id)
    }

    /// Reads a face into memory for good and registers it; `None` if the file
    /// can't be read or parsed (it then supplies nothing).
    fn load(&self, id: ID, found: &mut Found) -> Option<Typeface> {
        if let Some(&typeface) = found.loaded.get(&id) {
            return Some(typeface);
        }
        let started = std::time::Instant::now();
        let face = self.db.face(id)?;
        let name = format!("{} {}", family(face), face.weight.0);
        let (bytes, index) = self
            .db
            .with_face_data(id, |data, index| (data.to_vec(), index))?;
        let font = Font::parse(name, Box::leak(bytes.into_boxed_slice()), index)?;
        tracing::debug!(
            font = %font.family,
            took_ms = started.elapsed().as_millis(),
            "loaded a system font"
        );
        let typeface = register(font);
        found.loaded.insert(id, typeface);
        Some(typeface)
    }
}
