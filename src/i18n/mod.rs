//! The handout in the client's language, and the command line in the
//! user's ([`CLI`], in the language [`os_language`] finds).
//!
//! Two kinds of text get translated, each from files a translator edits:
//! - the handout's own fixed text ([`Messages`]): Fluent files,
//!   `assets/i18n/<language>/handout.ftl`, with English as the source;
//! - the atlas's client-facing texts ([`AtlasTranslation`]): TOML files keyed
//!   by atlas id, `assets/atlas/i18n/<language>/<region>.toml`, while English
//!   stays in the atlas itself.
//!
//! A text missing from a translation prints in English, text by text, and is
//! listed as [`Untranslated`] so the therapist knows before printing. Every
//! translation file says who translated it and whether a native speaker has
//! reviewed it ([`Credits`]).

mod atlas;
mod locale;
mod messages;

pub use atlas::{AtlasTranslation, TranslationError};
pub use locale::os_language;
pub use messages::{Catalog, Messages, CLI, HANDOUT};

pub use fluent_bundle::FluentValue;

use serde::Serialize;
use ts_rs::TS;

/// A text that prints in English because its translation is missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Untranslated {
    /// The muscle or technique it belongs to, by its English name; `None`
    /// for the handout's own text.
    pub about: Option<String>,
    /// Which text: "stretch", "self-care", ..., or the id of a handout
    /// message ("footer").
    pub text: String,
}

impl Untranslated {
    fn handout(id: &str) -> Untranslated {
        Untranslated {
            about: None,
            text: id.to_owned(),
        }
    }
}

/// Who translated a file, and whether a native speaker has reviewed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credits {
    pub translator: String,
    pub reviewed_by_native_speaker: bool,
}
