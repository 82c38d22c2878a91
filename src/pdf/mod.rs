//! The PDF engine that handouts and reports both print with: embedded, subset
//! Noto fonts (`fonts`), shaped and wrapped text (`text`), the page layout
//! that flows rows of items onto pages (`layout`), colours and type sizes
//! (`style`), general blocks such as paragraphs and lists (`blocks`), and
//! the vector body chart (`chart`).

pub(crate) mod blocks;
pub(crate) mod chart;
pub(crate) mod fonts;
pub(crate) mod layout;
pub(crate) mod style;
mod system_fonts;
pub(crate) mod text;

pub use chart::{ChartView, Marker, Shade};
pub use fonts::MissingGlyph;
