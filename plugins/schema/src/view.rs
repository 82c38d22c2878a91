//! Views of the body chart and the client's sides on them.
//!
//! The atlas describes everything for the client's RIGHT side; the left side is
//! its mirror image. On the front and back views both sides show, mirrored about
//! the midline; a profile shows one side, and the left profile is the mirror
//! image of the right one, so atlas content is drawn on `right-side` only.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Which body chart a position is on. The app draws every view's outline and
/// stores the view as text ("front") in findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(
    feature = "sqlx",
    derive(sqlx::Type),
    // A text column on both engines (PostgreSQL would otherwise look for an enum type).
    sqlx(rename_all = "kebab-case", type_name = "text")
)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub enum View {
    /// Facing the viewer, palms forward: the client's right is the viewer's left.
    Front,
    /// From behind: the client's right is the viewer's right.
    Back,
    /// A profile of the client's right side, facing the viewer's right.
    RightSide,
    /// The mirror image of [`View::RightSide`]: the client's left side, made
    /// by the app. Content on it is refused: draw it on `right-side`.
    LeftSide,
    /// Both soles from below, toes up: the right sole on the viewer's right.
    Soles,
}

impl View {
    /// Every view, in the order the chart shows them.
    pub const ALL: [View; 5] = [
        View::Front,
        View::Back,
        View::RightSide,
        View::LeftSide,
        View::Soles,
    ];

    /// The view that shows this one's mirror image: the other profile, or the
    /// same view where both sides show.
    pub fn mirrored(self) -> View {
        match self {
            View::RightSide => View::LeftSide,
            View::LeftSide => View::RightSide,
            other => other,
        }
    }

    /// The one side a profile shows; `None` where both sides show.
    pub fn profile_of(self) -> Option<Side> {
        match self {
            View::RightSide => Some(Side::Right),
            View::LeftSide => Some(Side::Left),
            View::Front | View::Back | View::Soles => None,
        }
    }

    /// Which of the client's sides is on the viewer's left, where both show.
    fn viewer_left(self) -> Option<Side> {
        match self {
            View::Front => Some(Side::Right),
            View::Back | View::Soles => Some(Side::Left),
            View::RightSide | View::LeftSide => None,
        }
    }

    /// The view's name for people: "Front", "Right side".
    pub fn title(self) -> &'static str {
        match self {
            View::Front => "Front",
            View::Back => "Back",
            View::RightSide => "Right side",
            View::LeftSide => "Left side",
            View::Soles => "Soles",
        }
    }
}

impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            View::Front => "front",
            View::Back => "back",
            View::RightSide => "right-side",
            View::LeftSide => "left-side",
            View::Soles => "soles",
        })
    }
}

/// The client's own side (not the viewer's). Stored as text ("left") in findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(
    feature = "sqlx",
    derive(sqlx::Type),
    // A text column on both engines (PostgreSQL would otherwise look for an enum type).
    sqlx(rename_all = "kebab-case", type_name = "text")
)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub enum Side {
    /// The client's left.
    Left,
    /// The client's right: the side the atlas describes.
    Right,
}

impl Side {
    /// Both sides, the described one first.
    pub const BOTH: [Side; 2] = [Side::Right, Side::Left];

    /// Where a position that the atlas describes for the right side lies on
    /// this side: the same view and x on the right; on the left, the mirrored x
    /// on the mirrored view.
    pub fn place(self, view: View, x: f32) -> (View, f32) {
        match self {
            Side::Right => (view, x),
            Side::Left => (view.mirrored(), mirror(x)),
        }
    }

    /// Which of the client's sides a chart x falls on: the profile's side, or
    /// the half of a front, back or soles view; `None` on the midline.
    pub fn at(view: View, x: f32) -> Option<Side> {
        if let Some(side) = view.profile_of() {
            return Some(side);
        }
        let viewer_left = view.viewer_left()?;
        if x < 0.5 {
            Some(viewer_left)
        } else if x > 0.5 {
            Some(viewer_left.other())
        } else {
            None
        }
    }

    /// The side a finding at chart x must be on: the profile's side, or the half
    /// it is clearly in (a point within 3% of the midline may be either).
    pub fn required(view: View, x: f32) -> Option<Side> {
        const MIDLINE_SLACK: f32 = 0.03;
        if view.profile_of().is_none() && (x - 0.5).abs() < MIDLINE_SLACK {
            return None;
        }
        Side::at(view, x)
    }

    /// `side`, if a point at chart x may be on it (see [`Side::required`]);
    /// else why not, for the form.
    pub fn checked(side: Side, view: View, x: f32) -> Result<Side, String> {
        match Side::required(view, x) {
            Some(required) if required != side => Err(format!(
                "This point is on the client's {} side on the chart",
                required.name()
            )),
            _ => Ok(side),
        }
    }

    /// "left" or "right", for sentences.
    pub fn name(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }

    /// The opposite side.
    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// The mirror image of a chart x: right side <-> left side.
pub fn mirror(x: f32) -> f32 {
    1.0 - x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_mirror_and_follow_the_view_convention() {
        assert_eq!(Side::Left.place(View::Front, 0.2), (View::Front, 0.8));
        assert_eq!(Side::Right.place(View::Back, 0.2), (View::Back, 0.2));
        assert_eq!(
            Side::Left.place(View::RightSide, 0.7),
            (View::LeftSide, 1.0 - 0.7)
        );
        assert_eq!(Side::at(View::Front, 0.3), Some(Side::Right));
        assert_eq!(Side::at(View::Back, 0.3), Some(Side::Left));
        assert_eq!(Side::at(View::Soles, 0.7), Some(Side::Right));
        assert_eq!(Side::at(View::Back, 0.5), None);
        assert_eq!(Side::at(View::RightSide, 0.3), Some(Side::Right));
        assert_eq!(Side::at(View::LeftSide, 0.9), Some(Side::Left));
    }

    #[test]
    fn a_profile_requires_its_own_side_and_the_midline_either() {
        assert_eq!(Side::required(View::LeftSide, 0.5), Some(Side::Left));
        assert_eq!(Side::required(View::Front, 0.51), None);
        assert!(Side::checked(Side::Right, View::LeftSide, 0.4).is_err());
        assert_eq!(Side::checked(Side::Left, View::Front, 0.9), Ok(Side::Left));
    }

    #[test]
    fn views_are_stored_in_kebab_case() {
        for view in View::ALL {
            let json = serde_json::to_string(&view).expect("serializes");
            assert_eq!(json, format!("\"{view}\""));
            assert_eq!(view.mirrored().mirrored(), view);
        }
    }
}
