//! Typed ids, one per kind of record, so a session's id can't be passed where
//! a client's is meant.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

// Each id is a branded number in TypeScript too, so the type-check refuses a
// SessionId where a ClientId is expected. ts-rs takes the type only as a string
// literal, hence the brand is spelled out beside the name.
macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident as $typescript:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, sqlx::Type)]
        #[sqlx(transparent)]
        #[ts(export, export_to = "../ui/src/bindings/")]
        pub struct $name(#[ts(type = $typescript)] pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

typed_id!(
    /// A client's row id.
    ClientId as "number & { readonly __brand: \"ClientId\" }"
);
typed_id!(
    /// A treatment session's row id.
    SessionId as "number & { readonly __brand: \"SessionId\" }"
);
typed_id!(
    /// A charted trigger-point finding's row id.
    FindingId as "number & { readonly __brand: \"FindingId\" }"
);
typed_id!(
    /// An amendment to a signed note.
    AmendmentId as "number & { readonly __brand: \"AmendmentId\" }"
);
typed_id!(
    /// A handout given to a client.
    HandoutId as "number & { readonly __brand: \"HandoutId\" }"
);
typed_id!(
    /// A reusable text snippet.
    SnippetId as "number & { readonly __brand: \"SnippetId\" }"
);
typed_id!(
    /// A trigger point a session still has to check.
    CheckId as "number & { readonly __brand: \"CheckId\" }"
);
typed_id!(
    /// A practice-log entry added by hand, or a session's sign-off.
    LogEntryId as "number & { readonly __brand: \"LogEntryId\" }"
);
typed_id!(
    /// A plugin library in the registry.
    PluginId as "number & { readonly __brand: \"PluginId\" }"
);
