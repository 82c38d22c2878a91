//! The language a client reads: a BCP 47 tag ("en", "th", "pt-BR"), which
//! their handout is printed in where a translation exists.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;
use unic_langid::LanguageIdentifier;

/// A well-formed BCP 47 language tag, kept in its canonical spelling
/// ("pt-br" is "pt-BR"). English unless the client's record says otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Hash, TS)]
#[ts(export, export_to = "../ui/src/bindings/", type = "string")]
pub struct Language(LanguageIdentifier);

impl Language {
    /// English, the language every text is written in first.
    pub fn english() -> Language {
        Language("en".parse().expect("\"en\" is a language tag"))
    }

    pub fn parse(raw: &str) -> Result<Language, String> {
        let trimmed = raw.trim();
        trimmed
            .parse::<LanguageIdentifier>()
            .ok()
            .filter(|_| !trimmed.is_empty())
            .map(Language)
            .ok_or_else(|| {
                format!(
                    "{:?} is not a language tag (BCP 47, like \"en\", \"th\" or \"pt-BR\")",
                    trimmed.chars().take(40).collect::<String>()
                )
            })
    }

    pub fn id(&self) -> &LanguageIdentifier {
        &self.0
    }

    /// The primary language alone: "pt" for "pt-BR".
    pub fn primary(&self) -> &str {
        self.0.language.as_str()
    }
}

impl Default for Language {
    fn default() -> Language {
        Language::english()
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl TryFrom<String> for Language {
    type Error = String;

    fn try_from(raw: String) -> Result<Language, String> {
        Language::parse(&raw)
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Language, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Language::parse(&raw).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_kept_in_its_canonical_spelling() {
        let parse = |raw: &str| Language::parse(raw).map(|l| l.to_string());
        assert_eq!(parse(" th "), Ok("th".to_owned()));
        assert_eq!(parse("pt-br"), Ok("pt-BR".to_owned()));
        assert_eq!(parse("zh-hant-tw"), Ok("zh-Hant-TW".to_owned()));
        assert_eq!(Language::default().to_string(), "en");
        assert_eq!(
            Language::parse("pt-BR").map(|l| l.primary().to_owned()),
            Ok("pt".into())
        );
    }

    #[test]
    fn anything_else_is_refused_with_an_example() {
        for raw in ["", "english!", "th_TH_x", "12"] {
            let error = Language::parse(raw).expect_err(raw);
            assert!(error.contains("BCP 47"), "{error}");
        }
    }
}
