//! The content of a Myochart region pack, in one JSON schema for the app's
//! own whole-body atlas (`assets/atlas/`: one file per region, the skin areas,
//! the outlines) and for plugins alike, and the rules a pack must pass on its
//! own ([`RegionPack::validate`], [`Manifest::validate`]).
//!
//! A [`RegionPack`] holds [`Region`]s of [`Muscle`]s, each with its
//! [`TriggerPoint`]s, where their pain refers ([`ReferralAreas`], or
//! [`ReferralZone`] polygons), a [`Technique`] and a [`Stretch`]; [`SkinArea`]s
//! and [`BodyOutline`]s are drawn per [`View`]. A plugin's [`Manifest`] is one
//! pack plus the [`Assessment`]s it scores.
//!
//! Coordinates are normalized chart coordinates: `x` across and `y` down the
//! chart box, both in `0..=1`; the box is [`CHART_ASPECT`] wide for 1 high.
//! Points and zones are described for the client's RIGHT side (the app mirrors
//! them for the left): on the `front` view that is the viewer's left
//! (x < 0.5), on the `back` and `soles` views the viewer's right (x > 0.5), and
//! `right-side` is the right profile (the left profile is its mirror image,
//! never drawn).
//!
//! Where pain refers is best given by skin area ([`ReferralAreas`]): the app's
//! own areas (`core:thumb`, `core:ball-of-foot`, ...) are drawn on every view
//! where that skin shows, so a muscle naming them needs no polygons.
//!
//! Every id is namespaced by the pack: `"hand:lumbricals"` in pack `"hand"`.
//!
//! Serde only by default: the app turns on `ts` (TypeScript bindings) and
//! `sqlx` (views and sides as text columns); plugins need neither.
//!
//! ```
//! use myochart_plugin_schema::{Manifest, View};
//!
//! let manifest = Manifest::from_json(r#"{
//!     "pack": { "namespace": "demo", "name": "Demo", "regions": [], "techniques": [] }
//! }"#).expect("fits the schema");
//! manifest.validate().expect("passes the pack's own rules");
//! assert_eq!(View::RightSide.mirrored(), View::LeftSide);
//! ```

#![deny(missing_docs)]

mod manifest;
mod pack;
mod red_flag;
mod rules;
mod view;

pub use manifest::{
    Assessment, AssessmentField, AssessmentInput, AssessmentScore, Manifest, ScoredField,
};
pub use pack::{
    contains, AreaShape, BodyOutline, CloseUp, Muscle, Polygon, ReferralAreas, ReferralZone,
    Region, RegionPack, SkinArea, Stretch, Technique, TriggerPoint, CHART_ASPECT,
};
pub use red_flag::RedFlag;
pub use rules::PackError;
pub use view::{mirror, Side, View};
