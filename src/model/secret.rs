//! The two secrets that unlock a protected database: the passphrase the user
//! chose, and the recovery key the app made for them to print and keep.
//!
//! Neither is ever printed by `Debug`, logged or stored in the clear.

use std::fmt;

use serde::Deserialize;
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

use super::Invalid;

/// A passphrase the user chose: at least [`Passphrase::MIN_CHARS`] characters,
/// in NFC so the same words typed on another system unlock the same database.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

impl Passphrase {
    pub const MIN_CHARS: usize = 8;
    const MAX_CHARS: usize = 1000;

    pub fn parse(text: &str) -> Result<Passphrase, Invalid> {
        let text: String = text.nfc().collect();
        let count = text.chars().count();
        if count < Self::MIN_CHARS {
            return Err(Invalid::field(
                "passphrase",
                format!(
                    "A passphrase needs at least {} characters; a few words are easy to remember \
                     and hard to guess",
                    Self::MIN_CHARS
                ),
            ));
        }
        if count > Self::MAX_CHARS {
            return Err(Invalid::field(
                "passphrase",
                format!(
                    "A passphrase can't be longer than {} characters",
                    Self::MAX_CHARS
                ),
            ));
        }
        Ok(Passphrase(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

/// 160 random bits, written as 32 letters and digits in groups of four
/// (`ABCD-EFGH-…`). The database is encrypted with a key made from it; the
/// passphrase only unlocks a copy of it (see `store::protection`), so a
/// forgotten passphrase or a lost key file still leaves this way in.
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryKey([u8; RecoveryKey::BYTES]);

/// RFC 4648 base 32: no 0, 1 or 8, so a handwritten key reads back.
const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

impl RecoveryKey {
    const BYTES: usize = 20;
    const CHARS: usize = Self::BYTES * 8 / 5;

    /// A new key from the operating system's random source.
    pub fn generate() -> std::io::Result<RecoveryKey> {
        let mut bytes = [0; Self::BYTES];
        getrandom::fill(&mut bytes)?;
        Ok(RecoveryKey(bytes))
    }

    /// Reads a key as the user typed it: any case, with or without spaces and
    /// dashes, and with the digits 0, 1 and 8 read as the letters they look like.
    pub fn parse(text: &str) -> Result<RecoveryKey, Invalid> {
        let wrong = || {
            Invalid::field(
                "recoveryKey",
                format!(
                    "A recovery key is {} letters and digits (2 to 7), as printed when the \
                     passphrase was set",
                    Self::CHARS
                ),
            )
        };
        let digits: Vec<u8> = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| match c.to_ascii_uppercase() {
                '0' => 'O',
                '1' => 'I',
                '8' => 'B',
                other => other,
            })
            .map(|c| {
                ALPHABET
                    .iter()
                    .position(|&a| char::from(a) == c)
                    .and_then(|value| u8::try_from(value).ok())
            })
            .collect::<Option<_>>()
            .ok_or_else(wrong)?;
        if digits.len() != Self::CHARS {
            return Err(wrong());
        }
        let mut bytes = [0; Self::BYTES];
        for (chunk, out) in digits.chunks(8).zip(bytes.chunks_mut(5)) {
            let bits = chunk
                .iter()
                .fold(0u64, |bits, &digit| bits << 5 | u64::from(digit));
            out.copy_from_slice(&bits.to_be_bytes()[3..]);
        }
        Ok(RecoveryKey(bytes))
    }

    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Display for RecoveryKey {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let mut digits = Vec::with_capacity(Self::CHARS);
        for chunk in self.0.chunks(5) {
            let mut word = [0; 8];
            word[3..].copy_from_slice(chunk);
            let bits = u64::from_be_bytes(word);
            digits.extend(
                (0..8)
                    .rev()
                    .map(|i| ALPHABET[(bits >> (i * 5) & 31) as usize]),
            );
        }
        let groups: Vec<&str> = digits
            .chunks(4)
            .map(|group| std::str::from_utf8(group).unwrap_or_default())
            .collect();
        f.write_str(&groups.join("-"))
    }
}

impl fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("RecoveryKey(…)")
    }
}

/// What the user unlocks with.
#[derive(Debug, Clone)]
pub enum Unlock {
    Passphrase(Passphrase),
    RecoveryKey(RecoveryKey),
}

/// The unlock form: the passphrase, or the printed recovery key.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum UnlockForm {
    Passphrase(String),
    RecoveryKey(String),
}

impl Unlock {
    pub fn parse(form: &UnlockForm) -> Result<Unlock, Invalid> {
        Ok(match form {
            UnlockForm::Passphrase(text) => Unlock::Passphrase(Passphrase::parse(text)?),
            UnlockForm::RecoveryKey(text) => Unlock::RecoveryKey(RecoveryKey::parse(text)?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_key_reads_back_as_printed_and_as_carelessly_typed() {
        let key = RecoveryKey::generate().expect("random");
        let printed = key.to_string();
        assert_eq!(printed.len(), 32 + 7);
        assert_eq!(RecoveryKey::parse(&printed), Ok(key.clone()));
        let typed = printed
            .replace('-', " ")
            .to_lowercase()
            .replace('o', "0")
            .replace('i', "1");
        assert_eq!(RecoveryKey::parse(&typed), Ok(key));
    }

    #[test]
    fn a_short_or_foreign_recovery_key_is_refused() {
        assert!(RecoveryKey::parse("ABCD-EFGH").is_err());
        assert!(RecoveryKey::parse(&"9".repeat(32)).is_err());
        assert!(RecoveryKey::parse(&"Ä".repeat(32)).is_err());
    }

    #[test]
    fn passphrases_are_compared_in_one_normal_form() {
        let composed = Passphrase::parse("caf\u{e9} au lait").expect("long enough");
        let decomposed = Passphrase::parse("cafe\u{301} au lait").expect("long enough");
        assert_eq!(composed, decomposed);
        assert!(Passphrase::parse("short").is_err());
        assert_eq!(format!("{composed:?}"), "Passphrase(…)");
    }
}
