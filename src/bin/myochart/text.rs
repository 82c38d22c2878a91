//! What the CLI says, in the user's language: the messages of
//! `assets/i18n/<language>/cli.ftl`, through [`t!`]. Data (names, notes,
//! atlas texts) and the core's error messages print as they are.

use std::sync::OnceLock;

use myochart::i18n::{self, Messages, CLI};
use myochart::model::Language;

static CHOSEN: OnceLock<Messages> = OnceLock::new();

/// Speaks `language`, or else the one the OS locale asks for.
pub fn choose(language: Option<Language>) {
    let language = language
        .unwrap_or_else(|| i18n::os_language(|name| std::env::var(name).ok(), &CLI.languages()));
    // Chosen once, before anything is printed.
    let _ = CHOSEN.set(CLI.messages(&language));
}

/// Message `id` in the chosen language (English if none was chosen yet).
pub fn text(id: &str, args: &[(&str, i18n::FluentValue)]) -> String {
    CHOSEN
        .get_or_init(|| CLI.messages(&Language::english()))
        .text(id, args)
}

/// `t!("client-added", id = client.id.to_string(), name = client.full_name())`:
/// message `client-added` of cli.ftl with its variables `$id` and `$name`.
macro_rules! t {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::text::text(
            $id,
            &[$((stringify!($name), myochart::i18n::FluentValue::from($value))),*],
        )
    };
}
