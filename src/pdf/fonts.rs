//! The embedded fonts: Noto Sans (Latin, Greek, Cyrillic) and Noto Sans Thai,
//! regular and bold, all under the SIL Open Font License (assets/fonts/OFL.txt).
//!
//! They are compiled in so a handout prints the same on every machine, whatever
//! fonts it has. printpdf embeds only the glyphs a handout uses (subsetting).

use std::collections::HashMap;
use std::sync::OnceLock;

use rustybuzz::ttf_parser::GlyphId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weight {
    Regular,
    Bold,
}

/// One of the embedded font files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Typeface {
    Sans,
    SansBold,
    Thai,
    ThaiBold,
}

impl Typeface {
    pub const ALL: [Typeface; 4] = [
        Typeface::Sans,
        Typeface::SansBold,
        Typeface::Thai,
        Typeface::ThaiBold,
    ];

    /// The fonts to try for a character, in order.
    fn families(weight: Weight) -> [Typeface; 2] {
        match weight {
            Weight::Regular => [Typeface::Sans, Typeface::Thai],
            Weight::Bold => [Typeface::SansBold, Typeface::ThaiBold],
        }
    }

    fn bytes(self) -> &'static [u8] {
        match self {
            Typeface::Sans => include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
            Typeface::SansBold => include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
            Typeface::Thai => include_bytes!("../../assets/fonts/NotoSansThai-Regular.ttf"),
            Typeface::ThaiBold => include_bytes!("../../assets/fonts/NotoSansThai-Bold.ttf"),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A parsed font: the shaper's face plus what the PDF needs to know about it.
pub struct Font {
    pub face: rustybuzz::Face<'static>,
    /// The font as printpdf embeds it; parsing it takes longer than laying out
    /// a whole handout, so it is done once. `None` only if printpdf can't read
    /// the file, which the unit tests rule out for the embedded fonts.
    pub pdf: Option<printpdf::ParsedFont>,
    pub units_per_em: f32,
    /// The character each glyph stands for in the font's own character map
    /// (the lowest one when several share a glyph), for the PDF's ToUnicode map.
    chars: HashMap<u16, char>,
}

impl Font {
    fn load(typeface: Typeface) -> Font {
        let bytes = typeface.bytes();
        // The files are compiled in and a unit test loads every one of them, so a
        // failure here is a build defect, not something user data can cause.
        let face = rustybuzz::Face::from_slice(bytes, 0)
            .unwrap_or_else(|| panic!("the embedded font {typeface:?} is a valid font file"));
        let mut chars = HashMap::new();
        if let Some(cmap) = face.tables().cmap {
            for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
                subtable.codepoints(|code| {
                    let (Some(c), Some(glyph)) = (char::from_u32(code), subtable.glyph_index(code))
                    else {
                        return;
                    };
                    chars
                        .entry(glyph.0)
                        .and_modify(|known: &mut char| *known = (*known).min(c))
                        .or_insert(c);
                });
            }
        }
        Font {
            units_per_em: face.units_per_em() as f32,
            face,
            pdf: printpdf::ParsedFont::from_bytes(bytes, 0, &mut Vec::new()),
            chars,
        }
    }

    pub fn has_char(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some_and(|g| g.0 != 0)
    }

    /// The character the font maps to `glyph`, if any.
    pub fn char_of(&self, glyph: u16) -> Option<char> {
        self.chars.get(&glyph).copied()
    }

    /// The advance the PDF viewer applies after a glyph: printpdf writes the
    /// font's advance as a whole number of 1/1000 em in the /W array, so text
    /// placed against that number lands exactly where the shaper put it.
    pub fn pdf_advance(&self, glyph: u16) -> f32 {
        let advance = self.face.glyph_hor_advance(GlyphId(glyph)).unwrap_or(0);
        (f32::from(advance) * 1000.0 / self.units_per_em).trunc()
    }
}

/// The font of a typeface, parsed once per process.
pub fn font(typeface: Typeface) -> &'static Font {
    static FONTS: OnceLock<Vec<Font>> = OnceLock::new();
    &FONTS.get_or_init(|| Typeface::ALL.into_iter().map(Font::load).collect())[typeface.index()]
}

/// The typeface to set `c` in. Spaces, digits, punctuation and marks stay in the
/// current run's font when it has them, so they don't split a run; letters go to
/// the first family that has them; a character no font has goes to Noto Sans,
/// which prints a visible box rather than nothing.
pub fn typeface_for(c: char, weight: Weight, current: Option<Typeface>) -> Typeface {
    let families = Typeface::families(weight);
    if let Some(current) = current.filter(|t| families.contains(t)) {
        if !c.is_alphabetic() && font(current).has_char(c) {
            return current;
        }
    }
    families
        .into_iter()
        .find(|&t| font(t).has_char(c))
        .unwrap_or(families[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_font_loads_with_a_character_map() {
        for typeface in Typeface::ALL {
            let font = font(typeface);
            assert!(font.units_per_em > 0.0, "{typeface:?}");
            assert!(font.pdf.is_some(), "{typeface:?}");
            let probe = match typeface {
                Typeface::Sans | Typeface::SansBold => 'Ж',
                Typeface::Thai | Typeface::ThaiBold => 'ก',
            };
            assert!(font.has_char(probe), "{typeface:?}");
            let glyph = font.face.glyph_index(probe).map(|g| g.0);
            assert_eq!(glyph.and_then(|g| font.char_of(g)), Some(probe));
        }
    }

    #[test]
    fn scripts_pick_their_font_and_neutral_characters_stay_in_the_run() {
        assert_eq!(typeface_for('Ω', Weight::Regular, None), Typeface::Sans);
        assert_eq!(typeface_for('ก', Weight::Regular, None), Typeface::Thai);
        assert_eq!(typeface_for('ก', Weight::Bold, None), Typeface::ThaiBold);
        assert_eq!(
            typeface_for(' ', Weight::Regular, Some(Typeface::Thai)),
            Typeface::Thai
        );
        assert_eq!(
            typeface_for('a', Weight::Regular, Some(Typeface::Thai)),
            Typeface::Sans
        );
    }
}
