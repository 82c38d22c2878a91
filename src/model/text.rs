//! Free text as forms send it: read even when the web view sends half a
//! character, and checked before it is stored.

use serde::de::{self, Deserializer, Visitor};

/// Free text of a record field: at most `max_chars` characters, and no
/// control characters but newlines and tabs. `what` names the field in the
/// message. One pass over the text, however long.
pub fn free_text(text: &str, what: &str, max_chars: usize) -> Result<String, String> {
    for (count, c) in text.chars().enumerate() {
        if count == max_chars {
            return Err(format!("{what} is longer than {max_chars} characters"));
        }
        if c == char::REPLACEMENT_CHARACTER {
            return Err(broken(what));
        }
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
            return Err(format!(
                "{what} contains a control character (U+{:04X}); remove it",
                u32::from(c)
            ));
        }
    }
    Ok(text.to_owned())
}

/// The message for text with a character that could not be read.
pub fn broken(what: &str) -> String {
    format!(
        "{what} contains a broken character (shown as \u{fffd}), perhaps half of an emoji: \
         retype it"
    )
}

/// A form's text field (`#[serde(with = "lossy")]`), read with a lone UTF-16
/// surrogate (`"\ud83d"`, half an emoji cut by the web view) as U+FFFD instead
/// of refusing the whole form; validation then refuses just that field
/// ([`free_text`], [`super::Name`]).
pub mod lossy {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        // As bytes, serde_json keeps a lone surrogate (encoded like UTF-8,
        // which is invalid UTF-8) where as a string it fails.
        deserializer.deserialize_byte_buf(LossyText)
    }

    /// Written as it is: it is valid Unicode once read.
    pub fn serialize<S: serde::Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(text)
    }
}

struct LossyText;

impl Visitor<'_> for LossyText {
    type Value = String;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("text")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<String, E> {
        Ok(text.to_owned())
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<String, E> {
        Ok(text)
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<String, E> {
        Ok(replace_surrogates(bytes))
    }
}

/// `bytes` as text, each encoded surrogate (`ED A0..BF 80..BF`) or other
/// invalid sequence replaced by one U+FFFD.
fn replace_surrogates(mut bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(rest) => {
                text.push_str(rest);
                return text;
            }
            Err(error) => {
                let (valid, rest) = bytes.split_at(error.valid_up_to());
                // Validated just now.
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                text.push(char::REPLACEMENT_CHARACTER);
                let skip = match rest {
                    [0xED, 0xA0..=0xBF, 0x80..=0xBF, ..] => 3,
                    _ => error.error_len().unwrap_or(rest.len()),
                };
                bytes = &rest[skip..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_encoded_surrogate_becomes_one_replacement_character() {
        assert_eq!(
            replace_surrogates(b"a\xED\xA0\xBDb\xED\xBF\xBF\xFFc"),
            "a\u{fffd}b\u{fffd}\u{fffd}c"
        );
        assert_eq!(replace_surrogates("Zoë 😀".as_bytes()), "Zoë 😀");
    }

    #[test]
    fn free_text_keeps_newlines_and_tabs_and_counts_characters() {
        assert_eq!(free_text("a\n\tb\r\n", "Plan", 10), Ok("a\n\tb\r\n".into()));
        assert_eq!(free_text("ééé", "Plan", 3), Ok("ééé".into()));
        assert!(free_text("éééé", "Plan", 3).is_err());
    }
}
