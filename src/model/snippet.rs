//! Snippets: text the therapist reuses in notes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::text::{free_text, lossy};
use super::{Invalid, Name, SnippetId};

/// Text the therapist reuses in notes, inserted with a click.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Snippet {
    pub id: SnippetId,
    pub label: String,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct SnippetForm {
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub label: String,
    #[serde(with = "lossy")]
    #[ts(type = "string")]
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewSnippet {
    pub label: Name,
    pub text: String,
}

impl TryFrom<SnippetForm> for NewSnippet {
    type Error = Invalid;

    fn try_from(form: SnippetForm) -> Result<NewSnippet, Invalid> {
        let mut invalid = Invalid::default();
        let label = invalid.check("label", Name::parse(&form.label, "A snippet label"));
        let text = invalid.check(
            "text",
            free_text(form.text.trim(), "The snippet text", 20_000).and_then(|text| {
                if text.is_empty() {
                    Err("The snippet text is required".into())
                } else {
                    Ok(text)
                }
            }),
        );
        invalid.finish(|| {
            Some(NewSnippet {
                label: label?,
                text: text?,
            })
        })
    }
}
