//! Fixed text in each language, from Fluent files compiled in: a
//! [`Catalog`] per file name, `assets/i18n/<language>/<file>`; the
//! handout's is [`HANDOUT`], the command line's [`CLI`].

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast::{Entry, PatternElement};

use super::{Credits, Untranslated};
use crate::atlas::RedFlag;
use crate::model::Language;

/// The handout's text in each language, English (the source) first. A new
/// language is its file added here.
pub static HANDOUT: Catalog = Catalog::new(
    "handout.ftl",
    &[
        ("en", include_str!("../../assets/i18n/en/handout.ftl")),
        ("th", include_str!("../../assets/i18n/th/handout.ftl")),
    ],
);

/// What the command line says, in each language, English first.
pub static CLI: Catalog = Catalog::new(
    "cli.ftl",
    &[
        ("en", include_str!("../../assets/i18n/en/cli.ftl")),
        ("th", include_str!("../../assets/i18n/th/cli.ftl")),
    ],
);

/// One Fluent file in every language it is translated into, loaded when
/// first used.
pub struct Catalog {
    file: &'static str,
    /// (language, text), English first.
    sources: &'static [(&'static str, &'static str)],
    loaded: OnceLock<Vec<Translation>>,
}

impl Catalog {
    const fn new(file: &'static str, sources: &'static [(&'static str, &'static str)]) -> Catalog {
        Catalog {
            file,
            sources,
            loaded: OnceLock::new(),
        }
    }

    fn translations(&self) -> &[Translation] {
        self.loaded.get_or_init(|| {
            self.sources
                .iter()
                .map(|&(language, text)| load(self.file, language, text))
                .collect()
        })
    }

    /// The languages it has a file for, English first.
    pub fn languages(&self) -> Vec<&'static str> {
        self.sources.iter().map(|&(language, _)| language).collect()
    }

    /// Its messages in `language`, or in its primary language ("th" for
    /// "th-TH").
    pub fn messages(&'static self, language: &Language) -> Messages {
        let all = self.translations();
        Messages {
            chosen: all.iter().find(|t| t.language == language.primary()),
            english: &all[0],
        }
    }
}

/// One language's file.
struct Translation {
    language: &'static str,
    bundle: FluentBundle<FluentResource>,
    /// The ids of its messages, in file order.
    ids: Vec<&'static str>,
    credits: Option<Credits>,
}

/// A file as far as it parses: a mistake loses only the messages it is in,
/// which then print in English (the tests keep the shipped files whole).
fn load(file: &'static str, language: &'static str, text: &'static str) -> Translation {
    let (resource, errors) = match FluentResource::try_new(text.to_owned()) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    for error in errors {
        tracing::warn!(file, language, %error, "a mistake in a Fluent file");
    }
    let locale = language.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // Unicode isolation marks around each argument would print as boxes.
    bundle.set_use_isolating(false);
    if let Err(error) = bundle.add_builtins() {
        tracing::warn!(language, %error, "Fluent's NUMBER is missing");
    }
    if let Err(errors) = bundle.add_resource(resource) {
        for error in errors {
            tracing::warn!(file, language, %error, "a Fluent file can't be loaded whole");
        }
    }
    let ast = match fluent_syntax::parser::parse(text) {
        Ok(ast) | Err((ast, _)) => ast,
    };
    let term = |name: &str| {
        ast.body.iter().find_map(|entry| match entry {
            Entry::Term(term) if term.id.name == name => match term.value.elements.as_slice() {
                [PatternElement::TextElement { value }] => Some(value.trim()),
                _ => None,
            },
            _ => None,
        })
    };
    let reviewed = match term("reviewed-by-native-speaker") {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => None,
    };
    Translation {
        language,
        ids: ast
            .body
            .iter()
            .filter_map(|entry| match entry {
                Entry::Message(message) => Some(message.id.name),
                _ => None,
            })
            .collect(),
        credits: term("translator")
            .zip(reviewed)
            .map(|(translator, reviewed)| Credits {
                translator: translator.to_owned(),
                reviewed_by_native_speaker: reviewed,
            }),
        bundle,
    }
}

/// A catalog's text in one language, English where its file lacks a
/// message (or has no file at all).
#[derive(Clone, Copy)]
pub struct Messages {
    chosen: Option<&'static Translation>,
    english: &'static Translation,
}

impl Messages {
    /// The handout's messages in `language`.
    pub fn new(language: &Language) -> Messages {
        HANDOUT.messages(language)
    }

    /// Who translated the language's file, if it has one.
    pub fn credits(&self) -> Option<&Credits> {
        self.chosen?.credits.as_ref()
    }

    /// Message `id` with its arguments.
    pub fn text(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        let args: FluentArgs = args.iter().cloned().collect();
        for translation in self.chosen.iter().chain([&self.english]) {
            let bundle = &translation.bundle;
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            if errors.is_empty() {
                return text.into_owned();
            }
        }
        // Only a message the English file lacks: the tests keep it whole.
        id.to_owned()
    }

    /// A `YYYY-MM-DD` date the way the language writes it: "20 November
    /// 2026", "20 พฤศจิกายน 2569". Anything unparsable as it is.
    pub fn long_date(&self, iso: &str) -> String {
        use chrono::Datelike;
        let Ok(date) = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d") else {
            return iso.to_owned();
        };
        self.text(
            "long-date",
            &[
                ("day", date.day().into()),
                ("month", date.month().into()),
                ("year", date.year().into()),
                // The Buddhist era starts 543 years before the common era.
                ("buddhist-year", (date.year() + 543).into()),
            ],
        )
    }

    /// What completes "See your doctor if…" for `flag`: the message
    /// `see-your-doctor-<flag's id>`.
    pub fn see_your_doctor(&self, flag: RedFlag) -> String {
        let id = serde_json::to_value(flag).ok();
        let id = id.as_ref().and_then(|id| id.as_str()).unwrap_or_default();
        self.text(&format!("see-your-doctor-{id}"), &[])
    }

    /// The messages that print in English because the language lacks them.
    pub fn untranslated(&self) -> Vec<Untranslated> {
        let Some(chosen) = self.chosen else {
            return self
                .english
                .ids
                .iter()
                .map(|id| Untranslated::handout(id))
                .collect();
        };
        self.english
            .ids
            .iter()
            .filter(|id| !chosen.bundle.has_message(id))
            .map(|id| Untranslated::handout(id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every argument any handout message takes.
    fn every_handout_argument() -> Vec<(&'static str, FluentValue<'static>)> {
        vec![
            ("name", "Anna".into()),
            ("date", "20 November 2026".into()),
            ("therapist", "Mai".into()),
            ("page", 1.into()),
            ("count", 2.into()),
            ("day", 20.into()),
            ("month", 11.into()),
            ("year", 2026.into()),
            ("buddhist-year", 2569.into()),
            ("techniques", 2.into()),
            ("muscle", "Upper trapezius".into()),
            ("side", "left".into()),
            ("technique", "Pain-free compression".into()),
            ("min", 60.into()),
            ("max", 90.into()),
            ("stretch", "Neck stretch".into()),
            ("seconds", 30.into()),
            ("times", 3.into()),
        ]
    }

    /// Every argument any command-line message takes.
    fn every_cli_argument() -> Vec<(&'static str, FluentValue<'static>)> {
        CLI_ARGUMENTS
            .iter()
            .map(|&name| (name, FluentValue::from(2)))
            .collect()
    }

    /// The variables of cli.ftl; each takes a number or a text alike.
    const CLI_ARGUMENTS: &[&str] = &[
        "after",
        "amendments",
        "at",
        "author",
        "before",
        "born",
        "by",
        "changes",
        "checks",
        "clients",
        "clinic",
        "column",
        "columns",
        "complaint",
        "contact",
        "contents",
        "count",
        "date",
        "duplicates",
        "error",
        "errors",
        "field",
        "findings",
        "format",
        "handouts",
        "history",
        "hours",
        "id",
        "imported",
        "key",
        "language",
        "last",
        "library",
        "line",
        "log",
        "login",
        "message",
        "minutes",
        "muscle",
        "muscles",
        "name",
        "namespace",
        "of",
        "on",
        "origin",
        "pair",
        "paper",
        "path",
        "problem",
        "programme",
        "records",
        "region",
        "rows",
        "samples",
        "score",
        "session",
        "sessions",
        "sha256",
        "shown",
        "side",
        "signed",
        "skipped",
        "snippets",
        "state",
        "status",
        "supervisors",
        "texts",
        "therapist",
        "values",
        "variable",
        "version",
    ];

    #[test]
    fn every_file_parses_says_who_translated_it_and_formats_every_message() {
        for (catalog, args) in [
            (&HANDOUT, every_handout_argument()),
            (&CLI, every_cli_argument()),
        ] {
            let args: FluentArgs = args.into_iter().collect();
            for &(language, text) in catalog.sources {
                let file = catalog.file;
                assert!(
                    FluentResource::try_new(text.to_owned()).is_ok(),
                    "{language}/{file}"
                );
                let translation = load(file, language, text);
                let credits = translation.credits.as_ref();
                let messages = catalog.messages(&Language::parse(language).expect("a tag"));
                assert_eq!(messages.credits(), credits);
                assert!(
                    credits.is_some_and(|c| !c.translator.is_empty()),
                    "{language}/{file} needs -translator and -reviewed-by-native-speaker = yes or no"
                );
                for id in &translation.ids {
                    let bundle = &translation.bundle;
                    let pattern = bundle.get_message(id).and_then(|m| m.value());
                    let pattern =
                        pattern.unwrap_or_else(|| panic!("{language}/{file}: {id} has no value"));
                    let mut errors = Vec::new();
                    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                    assert!(errors.is_empty(), "{language}/{file}: {id}: {errors:?}");
                    assert!(!text.contains('{'), "{language}/{file}: {id}: {text}");
                }
            }
        }
    }

    #[test]
    fn credits_need_a_translator_and_a_yes_or_no_review() {
        let credits = |text: &'static str| load("handout.ftl", "xx", text).credits;
        assert_eq!(
            credits("-translator = Mai\n-reviewed-by-native-speaker = yes\n"),
            Some(Credits {
                translator: "Mai".into(),
                reviewed_by_native_speaker: true,
            })
        );
        assert_eq!(
            credits("-translator = Mai\n-reviewed-by-native-speaker = maybe\n"),
            None
        );
        assert_eq!(credits("-reviewed-by-native-speaker = no\n"), None);
    }

    #[test]
    fn thai_has_every_message_english_has() {
        for catalog in [&HANDOUT, &CLI] {
            let thai = catalog.messages(&Language::parse("th").expect("th"));
            assert_eq!(thai.untranslated(), [], "{}", catalog.file);
            let all = catalog.translations();
            assert_eq!(
                all[0].ids.len(),
                all[1].ids.len(),
                "no message only Thai has in {}",
                catalog.file
            );
        }
    }

    #[test]
    fn thai_dates_count_years_in_the_buddhist_era() {
        let thai = Messages::new(&Language::parse("th-TH").expect("th-TH"));
        assert_eq!(thai.long_date("2026-11-30"), "30 พฤศจิกายน 2569");
        assert_eq!(thai.long_date("2027-01-05"), "5 มกราคม 2570");
        let english = Messages::new(&Language::english());
        assert_eq!(english.long_date("2026-11-30"), "30 November 2026");
        assert_eq!(english.long_date("someday"), "someday");
    }

    #[test]
    fn a_language_without_a_file_prints_and_reports_every_message_in_english() {
        let spanish = Messages::new(&Language::parse("es").expect("es"));
        assert_eq!(
            spanish.text("page-of", &[("page", 1.into()), ("count", 3.into())]),
            "Page 1 of 3"
        );
        let untranslated = spanish.untranslated();
        assert_eq!(untranslated.len(), HANDOUT.translations()[0].ids.len());
        assert!(untranslated.contains(&Untranslated::handout("footer")));
        assert_eq!(Messages::new(&Language::english()).untranslated(), []);
    }

    #[test]
    fn every_red_flag_has_its_see_your_doctor_line() {
        let english = Messages::new(&Language::english());
        for flag in RedFlag::ALL {
            let line = english.see_your_doctor(flag);
            assert!(!line.starts_with("see-your-doctor"), "{flag:?}: {line}");
        }
        assert_eq!(
            english.see_your_doctor(RedFlag::SwollenCalf),
            "your calf is swollen, red or warm (do not massage it)"
        );
    }

    #[test]
    fn english_counts_once_and_times() {
        let english = Messages::new(&Language::english());
        let hold = |times: u32| {
            english.text(
                "stretch-hold",
                &[
                    ("stretch", "Neck stretch".into()),
                    ("seconds", 30.into()),
                    ("times", times.into()),
                ],
            )
        };
        assert_eq!(hold(1), "Neck stretch: hold for 30 seconds, once.");
        assert_eq!(hold(3), "Neck stretch: hold for 30 seconds, 3 times.");
    }
}
