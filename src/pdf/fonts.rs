//! The fonts text is set in, and which one each character takes.
//!
//! A bundled set is compiled in so the common scripts print the same on every
//! machine: Noto Sans (Latin, Greek, Cyrillic, Vietnamese), Noto Sans Thai,
//! Devanagari, Arabic and Hebrew, regular and bold, under the SIL Open Font
//! License (assets/fonts/OFL.txt). A character none of them has is looked for
//! in the fonts installed on the system (`system_fonts`), so Bengali, Tamil or
//! Chinese print wherever their fonts are installed. printpdf embeds only the
//! glyphs a document uses (subsetting).
//!
//! Every font in use is registered once per process and named by a
//! [`Typeface`], a small copyable index into that registry.

use std::collections::HashMap;
use std::sync::{OnceLock, PoisonError, RwLock};

use rustybuzz::ttf_parser::GlyphId;

use super::system_fonts;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weight {
    Regular,
    Bold,
}

/// A font registered in this process: one of the bundled ones, or one loaded
/// from the system when a character needed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Typeface(u16);

/// The bundled families, in the order a character tries them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundled {
    Sans,
    Thai,
    Devanagari,
    Arabic,
    Hebrew,
}

impl Bundled {
    const ALL: [Bundled; 5] = [
        Bundled::Sans,
        Bundled::Thai,
        Bundled::Devanagari,
        Bundled::Arabic,
        Bundled::Hebrew,
    ];

    fn name(self) -> &'static str {
        match self {
            Bundled::Sans => "Noto Sans",
            Bundled::Thai => "Noto Sans Thai",
            Bundled::Devanagari => "Noto Sans Devanagari",
            Bundled::Arabic => "Noto Sans Arabic",
            Bundled::Hebrew => "Noto Sans Hebrew",
        }
    }

    fn bytes(self, weight: Weight) -> &'static [u8] {
        macro_rules! noto {
            ($file:literal) => {
                include_bytes!(concat!("../../assets/fonts/", $file))
            };
        }
        match (self, weight) {
            (Bundled::Sans, Weight::Regular) => noto!("NotoSans-Regular.ttf"),
            (Bundled::Sans, Weight::Bold) => noto!("NotoSans-Bold.ttf"),
            (Bundled::Thai, Weight::Regular) => noto!("NotoSansThai-Regular.ttf"),
            (Bundled::Thai, Weight::Bold) => noto!("NotoSansThai-Bold.ttf"),
            (Bundled::Devanagari, Weight::Regular) => noto!("NotoSansDevanagari-Regular.ttf"),
            (Bundled::Devanagari, Weight::Bold) => noto!("NotoSansDevanagari-Bold.ttf"),
            (Bundled::Arabic, Weight::Regular) => noto!("NotoSansArabic-Regular.ttf"),
            (Bundled::Arabic, Weight::Bold) => noto!("NotoSansArabic-Bold.ttf"),
            (Bundled::Hebrew, Weight::Regular) => noto!("NotoSansHebrew-Regular.ttf"),
            (Bundled::Hebrew, Weight::Bold) => noto!("NotoSansHebrew-Bold.ttf"),
        }
    }
}

impl Typeface {
    /// A bundled font. The registry starts with them, family by family,
    /// regular then bold.
    pub const fn bundled(family: Bundled, weight: Weight) -> Typeface {
        Typeface(family as u16 * 2 + weight as u16)
    }
}

/// A parsed font: the shaper's face plus what the PDF needs to know about it.
pub struct Font {
    /// The family's name, for messages and tests.
    pub family: String,
    pub face: rustybuzz::Face<'static>,
    bytes: &'static [u8],
    index: u32,
    /// The font as printpdf embeds it, parsed on first use: it takes longer
    /// than laying out a whole handout, and most fonts serve no given document.
    pdf: OnceLock<Option<printpdf::ParsedFont>>,
    pub units_per_em: f32,
    /// The character each glyph stands for in the font's own character map
    /// (the lowest one when several share a glyph), for the PDF's ToUnicode map.
    chars: HashMap<u16, char>,
}

impl Font {
    /// Parses face `index` of a font file; `None` if it isn't a font.
    pub(super) fn parse(family: String, bytes: &'static [u8], index: u32) -> Option<Font> {
        let face = rustybuzz::Face::from_slice(bytes, index)?;
        let mut chars = HashMap::new();
        if let Some(cmap) = face.tables().cmap {
            for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
                subtable.codepoints(|code| {
                    let (Some(c), Some(glyph)) = (char::from_u32(code), subtable.glyph_index(code))
                    else {
                        return;
                    };
                    // Arabic fonts also map the compatibility "presentation
                    // forms" to their joined glyphs; text reads back as the
                    // letters themselves (the glyph then takes its cluster's).
                    if is_presentation_form(c) || glyph.0 == 0 {
                        return;
                    }
                    chars
                        .entry(glyph.0)
                        .and_modify(|known: &mut char| *known = (*known).min(c))
                        .or_insert(c);
                });
            }
        }
        Some(Font {
            family,
            units_per_em: face.units_per_em() as f32,
            face,
            bytes,
            index,
            pdf: OnceLock::new(),
            chars,
        })
    }

    /// The font as printpdf embeds it; `None` if printpdf can't read it (the
    /// unit tests rule that out for the bundled fonts).
    pub fn pdf(&self) -> Option<&printpdf::ParsedFont> {
        self.pdf
            .get_or_init(|| {
                printpdf::ParsedFont::from_bytes(self.bytes, self.index as usize, &mut Vec::new())
            })
            .as_ref()
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

/// Hebrew and Arabic presentation forms (U+FB1D..U+FDFF, U+FE70..U+FEFE).
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// Every font in use in this process, bundled ones first. Fonts are never
/// dropped, so they can be handed out as `&'static`.
fn registry() -> &'static RwLock<Vec<&'static Font>> {
    static REGISTRY: OnceLock<RwLock<Vec<&'static Font>>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let bundled = Bundled::ALL.into_iter().flat_map(|family| {
            [Weight::Regular, Weight::Bold].map(|weight| {
                let name = format!("{} {weight:?}", family.name());
                // Compiled in and loaded by a unit test: a failure is a build
                // defect, not something user data can cause.
                let font = Font::parse(name, family.bytes(weight), 0)
                    .unwrap_or_else(|| panic!("the bundled font {family:?} is a valid font file"));
                &*Box::leak(Box::new(font))
            })
        });
        RwLock::new(bundled.collect())
    })
}

/// The font of a typeface.
pub fn font(typeface: Typeface) -> &'static Font {
    let fonts = registry().read().unwrap_or_else(PoisonError::into_inner);
    // A Typeface is only made for a registered font, and fonts stay registered.
    fonts[usize::from(typeface.0)]
}

/// Adds a font to the registry for good.
pub(super) fn register(font: Font) -> Typeface {
    let mut fonts = registry().write().unwrap_or_else(PoisonError::into_inner);
    fonts.push(Box::leak(Box::new(font)));
    // Fewer than 65536 fonts: each is registered once per face in a process.
    Typeface(u16::try_from(fonts.len() - 1).unwrap_or(u16::MAX))
}

/// Characters that are fine to print as nothing: joiners, variation
/// selectors, bidi controls, other format characters and control characters.
/// The shaper uses them or hides them; they never need a glyph of their own.
pub fn needs_no_glyph(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// The typeface to set `c` in, given the current run's. Spaces, digits,
/// punctuation, marks and characters that need no glyph stay in the current
/// run's font when it has them, so they don't split a run. Letters take the
/// first bundled family that has them, else a system font that has them
/// (found once, then remembered). A character no font has stays in the
/// current font (or Noto Sans) as its missing glyph, which rendering refuses
/// (see [`super::text::Line::missing_glyph`]).
pub fn typeface_for(c: char, weight: Weight, current: Option<Typeface>) -> Typeface {
    let fallback = current.unwrap_or(Typeface::bundled(Bundled::Sans, weight));
    if needs_no_glyph(c) {
        return fallback;
    }
    if let Some(current) = current {
        if !c.is_alphabetic() && font(current).has_char(c) {
            return current;
        }
    }
    Bundled::ALL
        .into_iter()
        .map(|family| Typeface::bundled(family, weight))
        .find(|&t| font(t).has_char(c))
        .or_else(|| system_fonts::typeface_for(c, weight))
        .unwrap_or(fallback)
}

/// A character no font here or on the system has: printing it would show a
/// box, so the document is not made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "no font on this computer can print the character «{character}» (U+{:04X}) in \"{text}\"; \
     install a font for it (for example from the Noto family) and try again",
    u32::from(*.character)
)]
pub struct MissingGlyph {
    pub character: char,
    /// The text it was in.
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    const SANS: Typeface = Typeface::bundled(Bundled::Sans, Weight::Regular);

    #[test]
    fn every_bundled_font_loads_with_a_character_map() {
        for family in Bundled::ALL {
            for weight in [Weight::Regular, Weight::Bold] {
                let font = font(Typeface::bundled(family, weight));
                assert!(font.units_per_em > 0.0, "{family:?}");
                assert!(font.pdf().is_some(), "{family:?}");
                let probe = match family {
                    Bundled::Sans => 'Ж',
                    Bundled::Thai => 'ก',
                    Bundled::Devanagari => 'क',
                    Bundled::Arabic => 'ب',
                    Bundled::Hebrew => 'ש',
                };
                assert!(font.has_char(probe), "{family:?}");
                let glyph = font.face.glyph_index(probe).map(|g| g.0);
                assert_eq!(glyph.and_then(|g| font.char_of(g)), Some(probe));
            }
        }
    }

    #[test]
    fn scripts_pick_their_bundled_font_in_order_and_neutral_characters_stay_in_the_run() {
        let thai = Typeface::bundled(Bundled::Thai, Weight::Regular);
        let cases = [
            (
                'Ω',
                Weight::Regular,
                Typeface::bundled(Bundled::Sans, Weight::Regular),
            ),
            (
                'ệ',
                Weight::Regular,
                Typeface::bundled(Bundled::Sans, Weight::Regular),
            ),
            (
                'ก',
                Weight::Bold,
                Typeface::bundled(Bundled::Thai, Weight::Bold),
            ),
            (
                'र',
                Weight::Regular,
                Typeface::bundled(Bundled::Devanagari, Weight::Regular),
            ),
            (
                'س',
                Weight::Bold,
                Typeface::bundled(Bundled::Arabic, Weight::Bold),
            ),
            (
                'ש',
                Weight::Regular,
                Typeface::bundled(Bundled::Hebrew, Weight::Regular),
            ),
        ];
        for (c, weight, expected) in cases {
            assert_eq!(typeface_for(c, weight, None), expected, "{c}");
        }
        assert_eq!(typeface_for(' ', Weight::Regular, Some(thai)), thai);
        assert_eq!(typeface_for('\u{200D}', Weight::Regular, Some(thai)), thai);
        assert_eq!(typeface_for('a', Weight::Regular, Some(thai)), SANS);
    }

    #[test]
    fn characters_no_bundled_font_has_come_from_the_system_and_bold_from_its_bold_face() {
        // Debian's fonts-noto-core and fonts-noto-cjk (scripts/setup.sh).
        for (c, family) in [
            ('ক', "Noto Sans Bengali"),
            ('த', "Noto Sans Tamil"),
            ('漢', "Noto Sans CJK"),
        ] {
            let regular = typeface_for(c, Weight::Regular, None);
            assert!(
                font(regular).family.starts_with(family),
                "{c}: {}",
                font(regular).family
            );
            assert!(font(regular).has_char(c));
            let bold = typeface_for(c, Weight::Bold, None);
            assert_ne!(bold, regular, "{c}");
            assert!(font(bold).has_char(c));
            // Found once: the same font serves the next character.
            assert_eq!(typeface_for(c, Weight::Regular, None), regular);
        }
    }

    #[test]
    fn bold_falls_back_to_the_regular_face_of_a_family_without_bold() {
        // A Tamil fraction sign: only Noto Sans Tamil Supplement has it, and
        // only in regular.
        let c = '\u{11FC0}';
        let regular = typeface_for(c, Weight::Regular, None);
        assert!(font(regular).has_char(c));
        assert_eq!(typeface_for(c, Weight::Bold, None), regular);
    }

    #[test]
    fn a_character_no_font_has_stays_in_the_current_font() {
        // U+0378 is unassigned: no font maps it.
        assert_eq!(typeface_for('\u{0378}', Weight::Regular, None), SANS);
        let thai = Typeface::bundled(Bundled::Thai, Weight::Regular);
        assert_eq!(typeface_for('\u{0378}', Weight::Regular, Some(thai)), thai);
    }

    #[test]
    fn the_missing_glyph_error_names_the_character_and_the_text() {
        let error = MissingGlyph {
            character: 'ᚠ',
            text: "ᚠᚢᚦ Smith".into(),
        };
        let message = error.to_string();
        assert!(message.contains("«ᚠ» (U+16A0)"), "{message}");
        assert!(message.contains("in \"ᚠᚢᚦ Smith\""), "{message}");
    }
}
