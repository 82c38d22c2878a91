use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, sqlx::Type)]
        #[sqlx(transparent)]
        #[ts(export, export_to = "../ui/src/bindings/")]
        pub struct $name(#[ts(type = "number")] pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

typed_id!(
    /// A client's row id.
    ClientId
);
typed_id!(
    /// A treatment session's row id.
    SessionId
);
typed_id!(
    /// A charted trigger-point finding's row id.
    FindingId
);
typed_id!(
    /// An amendment to a signed note.
    AmendmentId
);
typed_id!(
    /// A handout given to a client.
    HandoutId
);
typed_id!(
    /// A reusable text snippet.
    SnippetId
);
typed_id!(
    /// A trigger point a session still has to check.
    CheckId
);
typed_id!(
    /// A practice-log entry added by hand, or a session's sign-off.
    LogEntryId
);
typed_id!(
    /// A plugin library in the registry.
    PluginId
);
