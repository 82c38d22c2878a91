//! Folding text for search: case-insensitive everywhere, accent-insensitive for
//! scripts that write accents as combining diacritics (Latin, Greek, Cyrillic).
//!
//! Thai, Devanagari and other scripts whose vowel and tone marks are combining
//! characters keep them: those marks change the word, so only the generic
//! diacritics block (U+0300..U+036F) is dropped.
//!
//! ```
//! assert_eq!(myochart::search::fold("  Zoë  ÅNGSTRÖM "), "zoe angstrom");
//! assert_eq!(myochart::search::fold("Ελένη"), "ελενη");
//! assert_eq!(myochart::search::fold("สมชาย"), "สมชาย");
//! ```

use unicode_normalization::UnicodeNormalization;

/// Lower-cases, strips Latin/Greek/Cyrillic accents, and collapses whitespace.
pub fn fold(text: &str) -> String {
    let stripped: String = text
        .nfkd()
        .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
        .flat_map(char::to_lowercase)
        // Greek final sigma is the same letter as sigma.
        .map(|c| if c == 'ς' { 'σ' } else { c })
        .nfc()
        .collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}
