//! Folding text so that the ways one name, number or date is written compare
//! equal, one character at a time so that a match maps back to the original.
//!
//! A character is decomposed (NFKD: full-width letters and digits are ASCII),
//! its accents dropped and its case lowered ("ZOË" is "zoe"); letters with no
//! accent to drop are written plainly ("Ł" is "l", "ß" is "ss"), digits of
//! every script as ASCII digits ("๑๒" is "12"). Every space, dash and name dot
//! is one space ("Marie–Claire" is "marie claire"); apostrophes and
//! characters that print as nothing (soft hyphens, zero-width spaces) are
//! dropped. What was decomposed is composed again, so a Hangul syllable or a
//! voiced kana is one character however it was typed.

use std::ops::Range;

use aho_corasick::AhoCorasick;
use unicode_normalization::char::{compose, decompose_compatible, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

/// A text folded one character at a time, each folded character knowing the
/// original characters it came from.
pub(super) struct Folded {
    pub(super) chars: Vec<char>,
    /// The first original character of each folded one.
    origin: Vec<usize>,
    /// The original character after the last one each folded one came from.
    until: Vec<usize>,
}

impl Folded {
    pub(super) fn new(original: &[char]) -> Folded {
        let mut folded = Folded {
            chars: Vec::with_capacity(original.len()),
            origin: Vec::with_capacity(original.len()),
            until: Vec::with_capacity(original.len()),
        };
        for (i, &c) in original.iter().enumerate() {
            for f in fold_char(c) {
                let last = folded.chars.last().copied();
                // Runs of spaces fold to one, as a name's do.
                if f == ' ' && last == Some(' ') {
                    continue;
                }
                // What was decomposed is one character again: "ガ" typed as
                // "ｶﾞ", or as "カ" and a separate voicing mark.
                if let Some(composed) = last.and_then(|last| compose(last, f)) {
                    let at = folded.chars.len() - 1;
                    folded.chars[at] = composed;
                    folded.until[at] = i + 1;
                    continue;
                }
                folded.chars.push(f);
                folded.origin.push(i);
                folded.until.push(i + 1);
            }
        }
        folded
    }

    /// The same text with nothing between words (no spaces, no commas), where
    /// full names are looked for: "Anna Berg", "AnnaBerg", "Berg, Anna" and
    /// "Berg Anna" are "annaberg" or "berganna".
    pub(super) fn joined(&self) -> Folded {
        let keep: Vec<usize> = (0..self.chars.len())
            .filter(|&i| !between_words(self.chars[i]))
            .collect();
        Folded {
            chars: keep.iter().map(|&i| self.chars[i]).collect(),
            origin: keep.iter().map(|&i| self.origin[i]).collect(),
            until: keep.iter().map(|&i| self.until[i]).collect(),
        }
    }

    /// Where the patterns of `matcher` occur, overlapping, as (pattern,
    /// folded characters). Overlapping, so that a longer name that is not a
    /// whole word ("Anna Bergman" for "Anna Berg") hides no shorter one.
    pub(super) fn find(&self, matcher: &AhoCorasick) -> Vec<(usize, Range<usize>)> {
        let haystack: String = self.chars.iter().collect();
        // The folded character at each byte of `haystack`.
        let char_at: Vec<usize> = self
            .chars
            .iter()
            .enumerate()
            .flat_map(|(i, c)| std::iter::repeat_n(i, c.len_utf8()))
            .collect();
        matcher
            .find_overlapping_iter(&haystack)
            .filter(|found| found.start() < found.end())
            .map(|found| {
                let chars = char_at[found.start()]..char_at[found.end() - 1] + 1;
                (found.pattern().as_usize(), chars)
            })
            .collect()
    }

    /// [`Folded::original_range`] of a name: a whole word, unless it is
    /// written in a script without spaces.
    pub(super) fn name_range(
        &self,
        original: &[char],
        folded: Range<usize>,
    ) -> Option<(usize, usize)> {
        let whole_word = !self.chars[folded.clone()].iter().any(|&c| unspaced(c));
        self.original_range(original, folded, whole_word)
    }

    /// The range of `original` that the folded characters `folded` came from;
    /// `None` when `whole_word` and it is part of a longer word.
    pub(super) fn original_range(
        &self,
        original: &[char],
        folded: Range<usize>,
        whole_word: bool,
    ) -> Option<(usize, usize)> {
        let start = self.origin[folded.start];
        let mut end = self.until[folded.end - 1];
        // Accents typed as separate combining marks belong to the match (an
        // apostrophe after it does not: "Anna's").
        while end < original.len() && is_combining_mark(original[end]) {
            end += 1;
        }
        // A letter of a script written without spaces next to a name does not
        // make it part of a longer word: "今天Anna来了".
        let word_char = |i: usize| {
            original
                .get(i)
                .is_some_and(|&c| c.is_alphanumeric() && !unspaced(c))
        };
        if whole_word && ((start > 0 && word_char(start - 1)) || word_char(end)) {
            return None;
        }
        Some((start, end))
    }
}

/// `text` folded, without spaces at either end.
pub(super) fn fold(text: &str) -> Vec<char> {
    let chars: Vec<char> = text.chars().collect();
    let mut folded = Folded::new(&chars).chars;
    if folded.last() == Some(&' ') {
        folded.pop();
    }
    if folded.first() == Some(&' ') {
        folded.remove(0);
    }
    folded
}

/// The ways a name is written, folded: as it is, and with the letters people
/// also type as two ("Müller" as "Mueller", "Ødegård" as "Oedegaard",
/// "Đorđe" as "Djordje") typed so, each either way.
pub(super) fn spellings(name: &str) -> Vec<Vec<char>> {
    let two_letters = |c: char| match c {
        'ä' | 'Ä' => Some("ae"),
        'ö' | 'Ö' | 'ø' | 'Ø' => Some("oe"),
        'ü' | 'Ü' => Some("ue"),
        'å' | 'Å' => Some("aa"),
        'đ' | 'Đ' => Some("dj"),
        _ => None,
    };
    let composed: Vec<char> = name.nfc().collect();
    let twos = composed
        .iter()
        .filter(|&&c| two_letters(c).is_some())
        .count();
    // Which of those letters are typed as two: every choice for up to four of
    // them; a name with more is taken as typed one way throughout.
    let ways: Vec<Vec<bool>> = if twos <= 4 {
        (1..1u32 << twos)
            .map(|bits| (0..twos).map(|n| bits & 1 << n != 0).collect())
            .collect()
    } else {
        vec![vec![true; twos]]
    };
    let mut spellings = vec![fold(name)];
    for way in ways {
        let mut way = way.into_iter();
        let written: String = composed
            .iter()
            .map(|&c| match two_letters(c) {
                Some(two) if way.next() == Some(true) => two.to_owned(),
                _ => c.to_string(),
            })
            .collect();
        spellings.push(fold(&written));
    }
    spellings
}

/// What [`Folded::joined`] leaves out between the words of a name.
pub(super) fn between_words(c: char) -> bool {
    c == ' ' || c == ','
}

/// Whether a folded name is in Latin letters only; one in other letters may
/// also be written in Latin ones (Somchai for สมชาย).
pub(super) fn latin(name: &[char]) -> bool {
    name.iter().all(|c| c.is_ascii() || !c.is_alphabetic())
}

/// Scripts written without spaces between words, where a name has no word
/// boundary to check. Korean is written with spaces, but its particles are
/// written onto the name ("민준이는"), so a name is found inside words there too.
pub(super) fn unspaced(c: char) -> bool {
    cjk(c)
        || matches!(c,
            '\u{0E00}'..='\u{0EFF}' // Thai, Lao
            | '\u{1000}'..='\u{109F}' // Myanmar
            | '\u{1780}'..='\u{17FF}' // Khmer
        )
}

/// Chinese, Japanese and Korean letters, where dates are written onto the
/// words around them ("1980年3月12日生").
pub(super) fn cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}' // Hangul jamo
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{3130}'..='\u{318F}' // Hangul compatibility jamo
        | '\u{31F0}'..='\u{31FF}' // Katakana extensions
        | '\u{3400}'..='\u{4DBF}' // CJK ideographs, extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK ideographs
        | '\u{A960}'..='\u{A97F}' // Hangul jamo, extension A
        | '\u{AC00}'..='\u{D7FF}' // Hangul syllables, jamo extension B
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FFDC}' // half-width Katakana and Hangul
        | '\u{20000}'..='\u{3134F}' // CJK ideographs, extensions B to G
    )
}

/// `c` folded: none, one or a few characters.
fn fold_char(c: char) -> Vec<char> {
    let mut folded = Vec::new();
    // Before decomposing: "´" used as an apostrophe decomposes to a space.
    if apostrophe(c) || invisible(c) {
        return folded;
    }
    decompose_compatible(c, |d| {
        for c in d.to_lowercase() {
            if c.is_whitespace() || dash(c) || name_dot(c) {
                folded.push(' ');
            } else if let Some(digit) = digit(c) {
                folded.push(digit);
            } else if let Some(plain) = plain(c) {
                folded.extend(plain.chars());
            } else if c == 'ς' {
                // Greek final sigma is the same letter as sigma.
                folded.push('σ');
            } else if !(('\u{0300}'..='\u{036F}').contains(&c) || apostrophe(c) || invisible(c)) {
                // Only the generic accents go: Thai, Devanagari and other
                // scripts' marks change the word.
                folded.push(c);
            }
        }
    });
    folded
}

fn apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`' | '\u{00B4}' | '\u{02BB}' | '\u{02BC}' | '\u{2018}' | '\u{2019}'
    )
}

/// Unicode's dashes (and the minus sign): "081–234–5678" is "081 234 5678".
pub(super) fn dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{058A}' | '\u{05BE}' | '\u{1400}' | '\u{1806}' | '\u{2010}'
            ..='\u{2015}'
                | '\u{2212}'
                | '\u{2E17}'
                | '\u{2E1A}'
                | '\u{2E3A}'
                | '\u{2E3B}'
                | '\u{2E40}'
                | '\u{2E5D}'
                | '\u{301C}'
                | '\u{3030}'
                | '\u{30A0}'
                | '\u{FE31}'
                | '\u{FE32}'
                | '\u{FE58}'
                | '\u{FE63}'
                | '\u{FF0D}'
    )
}

/// Dots written between the parts of a name: "アンナ・ベルク", "安娜·伯格".
fn name_dot(c: char) -> bool {
    matches!(c, '\u{00B7}' | '\u{2027}' | '\u{30FB}')
}

/// Characters that print as nothing (Unicode's default-ignorable ones): a soft
/// hyphen or a zero-width space inside a name must not hide it.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// A decimal digit of any script as its ASCII digit: "๓" (Thai) is "3".
fn digit(c: char) -> Option<char> {
    // The zero of each run of ten digits: ASCII, Arabic-Indic, Persian, NKo,
    // Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada,
    // Malayalam, Sinhala, Thai, Lao, Tibetan, Myanmar (two), Khmer, Mongolian,
    // Limbu, New Tai Lue, Tai Tham (two), Balinese, Sundanese, Lepcha, Ol
    // Chiki, Vai, Saurashtra, Kayah Li, Javanese, Tai Laing, Cham, Meetei.
    // (Full-width digits are ASCII once decomposed.)
    const ZEROS: [u32; 36] = [
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
        0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
        0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    ];
    let code = u32::from(c);
    ZEROS
        .iter()
        .find_map(|&zero| code.checked_sub(zero).filter(|&value| value < 10))
        .and_then(|value| char::from_digit(value, 10))
}

/// Letters with no accent to drop, as they are typed without them.
pub(super) fn plain(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' => "l",
        'ø' => "o",
        'ß' => "ss",
        'đ' | 'ð' => "d",
        'þ' => "th",
        'æ' => "ae",
        'œ' => "oe",
        'ı' => "i",
        'ħ' => "h",
        'ŧ' => "t",
        _ => return None,
    })
}
