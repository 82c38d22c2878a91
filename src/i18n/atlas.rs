//! The atlas's client-facing texts in other languages: TOML files keyed by
//! atlas id, one per region file plus `areas.toml` and `techniques.toml`,
//! in a folder per language (`assets/atlas/i18n/th/arm.toml`). English stays
//! in the atlas, the source; a text a file lacks, or whose list has a
//! different number of items than the English, prints in English.
//!
//! ```toml
//! language = "th"
//! translator = "…"
//! reviewedByNativeSpeaker = false
//!
//! [muscles."core:biceps-brachii"]
//! name = "…"
//! pointLocation = "…"
//! referralDescription = "…"
//! selfCare = ["…", "…"]
//!
//! [muscles."core:biceps-brachii".stretch]
//! name = "…"
//! steps = ["…", "…"]
//! ```

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;

use super::{Credits, Untranslated};
use crate::atlas::{Atlas, Muscle, Technique};
use crate::model::Language;

/// The built-in atlas's translations: (language, file, text), a language's
/// files together. A new language is its files added here.
const BUILTIN: [(&str, &str, &str); 13] = [
    (
        "th",
        "areas.toml",
        include_str!("../../assets/atlas/i18n/th/areas.toml"),
    ),
    (
        "th",
        "techniques.toml",
        include_str!("../../assets/atlas/i18n/th/techniques.toml"),
    ),
    (
        "th",
        "head.toml",
        include_str!("../../assets/atlas/i18n/th/head.toml"),
    ),
    (
        "th",
        "neck.toml",
        include_str!("../../assets/atlas/i18n/th/neck.toml"),
    ),
    (
        "th",
        "shoulder-upper-back.toml",
        include_str!("../../assets/atlas/i18n/th/shoulder-upper-back.toml"),
    ),
    (
        "th",
        "chest.toml",
        include_str!("../../assets/atlas/i18n/th/chest.toml"),
    ),
    (
        "th",
        "arm.toml",
        include_str!("../../assets/atlas/i18n/th/arm.toml"),
    ),
    (
        "th",
        "forearm-hand.toml",
        include_str!("../../assets/atlas/i18n/th/forearm-hand.toml"),
    ),
    (
        "th",
        "trunk.toml",
        include_str!("../../assets/atlas/i18n/th/trunk.toml"),
    ),
    (
        "th",
        "hip-pelvis.toml",
        include_str!("../../assets/atlas/i18n/th/hip-pelvis.toml"),
    ),
    (
        "th",
        "thigh.toml",
        include_str!("../../assets/atlas/i18n/th/thigh.toml"),
    ),
    (
        "th",
        "leg.toml",
        include_str!("../../assets/atlas/i18n/th/leg.toml"),
    ),
    (
        "th",
        "foot.toml",
        include_str!("../../assets/atlas/i18n/th/foot.toml"),
    ),
];

/// Why a translation file can't be used.
#[derive(Debug, thiserror::Error)]
#[error("translation {file}: {reason}")]
pub struct TranslationError {
    pub file: String,
    pub reason: String,
}

/// One translation file as a translator writes it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct File {
    language: String,
    translator: String,
    reviewed_by_native_speaker: bool,
    #[serde(default)]
    muscles: BTreeMap<String, MuscleText>,
    #[serde(default)]
    areas: BTreeMap<String, AreaText>,
    #[serde(default)]
    techniques: BTreeMap<String, TechniqueText>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct MuscleText {
    name: Option<String>,
    point_location: Option<String>,
    referral_description: Option<String>,
    self_care: Option<Vec<String>>,
    stretch: Option<StretchText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StretchText {
    name: Option<String>,
    steps: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AreaText {
    name: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TechniqueText {
    name: Option<String>,
    summary: Option<String>,
    steps: Option<Vec<String>>,
    cautions: Option<Vec<String>>,
    tools: Option<Vec<String>>,
}

/// The atlas's texts in one language, from all of its files.
#[derive(Debug, Default)]
pub struct AtlasTranslation {
    /// Each file's name and who translated it.
    pub credits: Vec<(String, Credits)>,
    muscles: BTreeMap<String, MuscleText>,
    areas: BTreeMap<String, AreaText>,
    techniques: BTreeMap<String, TechniqueText>,
}

impl AtlasTranslation {
    /// What translates the built-in atlas into `language`: `None` for English,
    /// the source; an empty translation (everything falls back) for a
    /// language without files.
    pub fn builtin(language: &Language) -> Option<&'static AtlasTranslation> {
        static LOADED: OnceLock<BTreeMap<&str, AtlasTranslation>> = OnceLock::new();
        static NONE: AtlasTranslation = AtlasTranslation {
            credits: Vec::new(),
            muscles: BTreeMap::new(),
            areas: BTreeMap::new(),
            techniques: BTreeMap::new(),
        };
        if language.primary() == "en" {
            return None;
        }
        let loaded = LOADED.get_or_init(|| {
            let mut languages: Vec<&str> = BUILTIN.iter().map(|(language, ..)| *language).collect();
            languages.dedup();
            languages
                .into_iter()
                .map(|language| {
                    let files = BUILTIN
                        .iter()
                        .filter(|(of, ..)| *of == language)
                        .map(|&(_, file, text)| (file, text));
                    // The shipped files are checked by the tests: a broken one
                    // is a bug to fix, not a reason to print nothing.
                    let translation =
                        AtlasTranslation::parse(language, files).unwrap_or_else(|error| {
                            tracing::error!(%error, "a built-in atlas translation");
                            AtlasTranslation::default()
                        });
                    (language, translation)
                })
                .collect()
        });
        Some(loaded.get(language.primary()).unwrap_or(&NONE))
    }

    /// Reads `<folder>/<language>/*.toml`, as a plugin could ship them; no
    /// such folder is an empty translation.
    pub fn from_folder(
        folder: &Path,
        language: &str,
    ) -> Result<AtlasTranslation, TranslationError> {
        let folder = folder.join(language);
        let fail = |file: &Path, error: std::io::Error| TranslationError {
            file: file.display().to_string(),
            reason: error.to_string(),
        };
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(AtlasTranslation::default())
            }
            Err(error) => return Err(fail(&folder, error)),
        };
        let mut files = Vec::new();
        for entry in entries {
            let path = entry.map_err(|e| fail(&folder, e))?.path();
            if path.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&path).map_err(|e| fail(&path, e))?;
                files.push((path.display().to_string(), text));
            }
        }
        files.sort();
        AtlasTranslation::parse(
            language,
            files
                .iter()
                .map(|(name, text)| (name.as_str(), text.as_str())),
        )
    }

    /// Files `(name, text)` of `language`, merged: a text two files give is
    /// an error, as one of them would be silently ignored.
    pub fn parse<'a>(
        language: &str,
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<AtlasTranslation, TranslationError> {
        let mut merged = AtlasTranslation::default();
        for (name, text) in files {
            let fail = |reason: String| TranslationError {
                file: name.to_owned(),
                reason,
            };
            let file: File = toml::from_str(text).map_err(|e| fail(e.to_string()))?;
            if file.language != language {
                return Err(fail(format!(
                    "says language = {:?} but is a {language:?} translation",
                    file.language
                )));
            }
            merged.credits.push((
                name.to_owned(),
                Credits {
                    translator: file.translator,
                    reviewed_by_native_speaker: file.reviewed_by_native_speaker,
                },
            ));
            let twice = merge(&mut merged.muscles, file.muscles)
                .or(merge(&mut merged.areas, file.areas))
                .or(merge(&mut merged.techniques, file.techniques));
            if let Some(id) = twice {
                return Err(fail(format!("{id} is translated in another file too")));
            }
        }
        Ok(merged)
    }

    /// `english` in this language, noting in `untranslated` each text that
    /// stays English.
    pub fn muscle(&self, english: &Muscle, untranslated: &mut Vec<Untranslated>) -> Muscle {
        let mut muscle = english.clone();
        let mut fallback = Fallback::new(&english.name, untranslated);
        let text = self.muscles.get(&english.id);
        fallback.text("name", text.and_then(|t| t.name.as_ref()), &mut muscle.name);
        fallback.text(
            "point-location",
            text.and_then(|t| t.point_location.as_ref()),
            &mut muscle.point_location,
        );
        fallback.text(
            "referral",
            text.and_then(|t| t.referral_description.as_ref()),
            &mut muscle.referral_description,
        );
        fallback.list(
            "self-care",
            text.and_then(|t| t.self_care.as_ref()),
            &mut muscle.self_care,
        );
        let stretch = text.and_then(|t| t.stretch.as_ref());
        let name = stretch.and_then(|s| s.name.as_ref());
        let steps = stretch.and_then(|s| s.steps.as_ref());
        // Half a stretch in each language would read oddly: both or neither.
        match (name, steps) {
            (Some(name), Some(steps)) if steps.len() == english.stretch.steps.len() => {
                muscle.stretch.name = name.clone();
                muscle.stretch.steps = steps.clone();
            }
            _ => fallback.missing("stretch"),
        }
        muscle
    }

    /// `english` in this language, noting in `untranslated` each text that
    /// stays English.
    pub fn technique(
        &self,
        english: &Technique,
        untranslated: &mut Vec<Untranslated>,
    ) -> Technique {
        let mut technique = english.clone();
        let mut fallback = Fallback::new(&english.name, untranslated);
        let text = self.techniques.get(&english.id);
        fallback.text(
            "name",
            text.and_then(|t| t.name.as_ref()),
            &mut technique.name,
        );
        fallback.text(
            "summary",
            text.and_then(|t| t.summary.as_ref()),
            &mut technique.summary,
        );
        fallback.list(
            "steps",
            text.and_then(|t| t.steps.as_ref()),
            &mut technique.steps,
        );
        fallback.list(
            "cautions",
            text.and_then(|t| t.cautions.as_ref()),
            &mut technique.cautions,
        );
        fallback.list(
            "tools",
            text.and_then(|t| t.tools.as_ref()),
            &mut technique.tools,
        );
        technique
    }

    /// An area's name in this language.
    pub fn area_name(&self, id: &str) -> Option<&str> {
        self.areas.get(id)?.name.as_deref()
    }

    /// Every client-facing text of `atlas` this translation lacks (or whose
    /// list doesn't match the English), and every id it translates that the
    /// atlas doesn't have: what a translator still has to do.
    pub fn gaps(&self, atlas: &Atlas) -> Vec<String> {
        let mut gaps = Vec::new();
        let mut untranslated = Vec::new();
        for muscle in atlas.muscles() {
            self.muscle(muscle, &mut untranslated);
        }
        for technique in atlas.techniques() {
            self.technique(technique, &mut untranslated);
        }
        for u in untranslated {
            gaps.push(format!("{}: {}", u.about.unwrap_or_default(), u.text));
        }
        for area in atlas.areas() {
            if self.area_name(&area.id).is_none() {
                gaps.push(format!("{}: name", area.name));
            }
        }
        let unknown = |kind: &str, id: &String, known: bool| {
            (!known).then(|| format!("{kind} {id} is not in the atlas"))
        };
        gaps.extend(
            self.muscles
                .keys()
                .filter_map(|id| unknown("muscle", id, atlas.muscle(id).is_some())),
        );
        gaps.extend(
            self.techniques
                .keys()
                .filter_map(|id| unknown("technique", id, atlas.technique(id).is_some())),
        );
        gaps.extend(
            self.areas
                .keys()
                .filter_map(|id| unknown("area", id, atlas.area(id).is_some())),
        );
        gaps
    }
}

/// Moves `more` into `all`; the first id both have, if any.
fn merge<T>(all: &mut BTreeMap<String, T>, more: BTreeMap<String, T>) -> Option<String> {
    for (id, text) in more {
        if all.contains_key(&id) {
            return Some(id);
        }
        all.insert(id, text);
    }
    None
}

/// Replaces the English texts of one muscle or technique with their
/// translations, noting each text that has none.
struct Fallback<'a> {
    about: &'a str,
    untranslated: &'a mut Vec<Untranslated>,
}

impl<'a> Fallback<'a> {
    fn new(about: &'a str, untranslated: &'a mut Vec<Untranslated>) -> Fallback<'a> {
        Fallback {
            about,
            untranslated,
        }
    }

    fn missing(&mut self, text: &str) {
        self.untranslated.push(Untranslated {
            about: Some(self.about.to_owned()),
            text: text.to_owned(),
        });
    }

    fn text(&mut self, what: &str, translated: Option<&String>, english: &mut String) {
        match translated {
            Some(text) if !text.trim().is_empty() => *english = text.clone(),
            _ if english.is_empty() => {}
            _ => self.missing(what),
        }
    }

    /// A list translates item for item: one with more or fewer items than
    /// the English is left out rather than printed with a step missing.
    fn list(&mut self, what: &str, translated: Option<&Vec<String>>, english: &mut Vec<String>) {
        match translated {
            Some(items) if items.len() == english.len() => english.clone_from(items),
            _ if english.is_empty() => {}
            _ => self.missing(what),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thai() -> Language {
        Language::parse("th").expect("th")
    }

    #[test]
    fn every_client_facing_text_of_the_core_atlas_has_a_thai_translation() {
        let thai = AtlasTranslation::builtin(&thai()).expect("Thai is translated");
        let gaps = thai.gaps(&Atlas::builtin());
        assert!(gaps.is_empty(), "{} gaps:\n{}", gaps.len(), gaps.join("\n"));
    }

    #[test]
    fn every_built_in_file_parses_and_says_who_translated_it() {
        for &(language, file, text) in &BUILTIN {
            let parsed = AtlasTranslation::parse(language, [(file, text)])
                .unwrap_or_else(|error| panic!("{error}"));
            let (_, credits) = &parsed.credits[0];
            assert!(!credits.translator.trim().is_empty(), "{file}");
        }
    }

    const ARM: &str = r#"
language = "th"
translator = "Test"
reviewedByNativeSpeaker = false

[muscles."core:biceps-brachii"]
name = "กล้ามเนื้อลูกหนู"
pointLocation = "กึ่งกลางต้นแขนด้านหน้า"
referralDescription = "ปวดที่หัวไหล่ด้านหน้า"
selfCare = ["หนึ่ง"]
"#;

    #[test]
    fn a_missing_stretch_or_a_list_of_another_length_falls_back_alone() {
        let translation = AtlasTranslation::parse("th", [("arm.toml", ARM)]).expect("parses");
        let atlas = Atlas::builtin();
        let english = atlas.muscle("core:biceps-brachii").expect("biceps");
        let mut untranslated = Vec::new();
        let muscle = translation.muscle(english, &mut untranslated);
        assert_eq!(muscle.name, "กล้ามเนื้อลูกหนู");
        assert_eq!(muscle.point_location, "กึ่งกลางต้นแขนด้านหน้า");
        assert_eq!(muscle.stretch, english.stretch);
        let texts: Vec<&str> = untranslated.iter().map(|u| u.text.as_str()).collect();
        let mut expected = vec!["stretch"];
        if english.self_care.len() != 1 {
            expected.insert(0, "self-care");
            assert_eq!(muscle.self_care, english.self_care);
        }
        assert_eq!(texts, expected);
        assert!(untranslated
            .iter()
            .all(|u| u.about.as_deref() == Some("Biceps brachii")));
    }

    #[test]
    fn a_translators_typo_is_an_error_that_names_the_file() {
        let typo = ARM.replace("pointLocation", "pointLocaton");
        let error = AtlasTranslation::parse("th", [("arm.toml", typo.as_str())])
            .expect_err("unknown field");
        assert!(error.to_string().contains("arm.toml"), "{error}");
        assert!(error.to_string().contains("pointLocaton"), "{error}");
        let error = AtlasTranslation::parse("es", [("arm.toml", ARM)]).expect_err("wrong language");
        assert!(error.to_string().contains("\"es\""), "{error}");
        let error = AtlasTranslation::parse("th", [("arm.toml", ARM), ("arm2.toml", ARM)])
            .expect_err("twice");
        assert!(error.to_string().contains("core:biceps-brachii"), "{error}");
    }

    #[test]
    fn a_folder_holds_a_translation_per_language() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("th")).expect("th folder");
        std::fs::write(dir.path().join("th/arm.toml"), ARM).expect("write");
        let thai = AtlasTranslation::from_folder(dir.path(), "th").expect("reads");
        assert_eq!(thai.credits.len(), 1);
        assert!(thai.muscles.contains_key("core:biceps-brachii"));
        let spanish = AtlasTranslation::from_folder(dir.path(), "es").expect("no folder");
        assert!(spanish.credits.is_empty());
    }

    #[test]
    fn english_needs_no_translation_and_other_languages_fall_back_whole() {
        assert!(AtlasTranslation::builtin(&Language::english()).is_none());
        let spanish = AtlasTranslation::builtin(&Language::parse("es").expect("es"));
        let spanish = spanish.expect("a translation, if empty");
        let atlas = Atlas::builtin();
        let english = atlas.muscle("core:upper-trapezius").expect("trapezius");
        let mut untranslated = Vec::new();
        assert_eq!(&spanish.muscle(english, &mut untranslated), english);
        assert!(untranslated.len() >= 5, "{untranslated:?}");
    }
}
