//! The language the operating system's locale asks for, the POSIX way.

use crate::model::Language;

/// The first of `available` languages the locale asks for, else English.
/// `variable` reads an environment variable. The locale is the first set of
/// `LC_ALL`, `LC_MESSAGES` and `LANG` ("th_TH.UTF-8"); `LANGUAGE`, a list of
/// preferences ("th:en"), comes before it unless the locale is "C" or
/// "POSIX", as GNU gettext does.
pub fn os_language(variable: impl Fn(&str) -> Option<String>, available: &[&str]) -> Language {
    let set = |name: &str| variable(name).filter(|value| !value.is_empty());
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(set)
        .unwrap_or_default();
    if matches!(locale.as_str(), "" | "C" | "POSIX") || locale.starts_with("C.") {
        return Language::english();
    }
    let preferences = set("LANGUAGE").unwrap_or_default();
    let chosen = preferences
        .split(':')
        .chain([locale.as_str()])
        .filter_map(parse_locale)
        .find(|language| available.contains(&language.primary()));
    chosen.unwrap_or_default()
}

/// "th_TH.UTF-8@modifier" as the language tag "th-TH".
fn parse_locale(locale: &str) -> Option<Language> {
    let tag = locale.split(['.', '@']).next()?.replace('_', "-");
    Language::parse(&tag).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language(variables: &[(&str, &str)]) -> String {
        let variable = |name: &str| {
            variables
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, value)| value.to_string())
        };
        os_language(variable, &["en", "th"]).to_string()
    }

    #[test]
    fn a_thai_locale_is_thai_and_any_other_is_english() {
        assert_eq!(language(&[("LANG", "th_TH.UTF-8")]), "th-TH");
        assert_eq!(language(&[("LANG", "th")]), "th");
        assert_eq!(language(&[("LANG", "fr_FR.UTF-8")]), "en");
        assert_eq!(language(&[("LANG", "en_GB.UTF-8")]), "en-GB");
        assert_eq!(language(&[("LANG", "de_DE@euro")]), "en");
    }

    #[test]
    fn c_posix_or_nothing_is_english() {
        assert_eq!(language(&[]), "en");
        assert_eq!(language(&[("LANG", "C")]), "en");
        assert_eq!(language(&[("LANG", "C.UTF-8")]), "en");
        assert_eq!(language(&[("LANG", "POSIX")]), "en");
        assert_eq!(language(&[("LANG", "")]), "en");
        // gettext ignores LANGUAGE under the C locale.
        assert_eq!(language(&[("LANG", "C"), ("LANGUAGE", "th")]), "en");
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang() {
        let thai = "th_TH.UTF-8";
        let french = "fr_FR.UTF-8";
        assert_eq!(language(&[("LC_ALL", thai), ("LANG", french)]), "th-TH");
        assert_eq!(language(&[("LC_ALL", french), ("LANG", thai)]), "en");
        assert_eq!(
            language(&[("LC_MESSAGES", thai), ("LANG", "en_US.UTF-8")]),
            "th-TH"
        );
        assert_eq!(language(&[("LC_ALL", ""), ("LANG", thai)]), "th-TH");
    }

    #[test]
    fn language_lists_preferences_before_the_locale() {
        assert_eq!(
            language(&[("LANG", "en_US.UTF-8"), ("LANGUAGE", "th")]),
            "th"
        );
        assert_eq!(
            language(&[("LANG", "th_TH.UTF-8"), ("LANGUAGE", "fr:en")]),
            "en"
        );
        assert_eq!(
            language(&[("LANG", "th_TH.UTF-8"), ("LANGUAGE", "fr:de")]),
            "th-TH"
        );
    }
}
