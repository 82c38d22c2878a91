//! The handout's look: units, colours and text styles in one place.

use super::fonts::Weight;
use super::text::{Direction, Style};

/// Points per millimetre (PDF lengths are in points, 1/72 inch).
pub const MM: f32 = 72.0 / 25.4;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    pub const BLACK: Rgb = Rgb(0.0, 0.0, 0.0);
    pub const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);

    /// A colour written as 0xRRGGBB.
    const fn hex(rgb: u32) -> Rgb {
        Rgb(
            ((rgb >> 16) & 0xff) as f32 / 255.0,
            ((rgb >> 8) & 0xff) as f32 / 255.0,
            (rgb & 0xff) as f32 / 255.0,
        )
    }
}

impl From<Rgb> for printpdf::Color {
    fn from(Rgb(r, g, b): Rgb) -> printpdf::Color {
        printpdf::Color::Rgb(printpdf::Rgb {
            r,
            g,
            b,
            icc_profile: None,
        })
    }
}

/// Body text: near-black, softer than pure black on paper.
pub const INK: Rgb = Rgb::hex(0x1f2933);
/// Secondary text: labels, captions, the footer.
pub const MUTED: Rgb = Rgb::hex(0x52606d);
/// Headings and the clinic's name.
pub const ACCENT: Rgb = Rgb::hex(0x0f6b63);
/// The numbered markers on the chart and beside each muscle.
pub const MARKER: Rgb = Rgb::hex(0xc2410c);
pub const BODY_FILL: Rgb = Rgb::hex(0xe8edf1);
pub const BODY_LINE: Rgb = Rgb::hex(0x8795a1);
pub const RULE: Rgb = Rgb::hex(0xcbd2d9);
/// Background of the therapist's advice.
pub const NOTE_FILL: Rgb = Rgb::hex(0xeef6f5);
/// The "see your doctor" box.
pub const WARNING: Rgb = Rgb::hex(0xb91c1c);
/// Referral zones: essential, spillover, and their edges.
pub const ZONE_ESSENTIAL: Rgb = Rgb::hex(0xf19a92);
pub const ZONE_SPILLOVER: Rgb = Rgb::hex(0xfbd9d5);
pub const ZONE_LINE: Rgb = Rgb::hex(0xd64541);
pub const WARNING_FILL: Rgb = Rgb::hex(0xfdf2f2);

pub(crate) const fn style(size: f32, weight: Weight, color: Rgb, leading: f32) -> Style {
    Style {
        size,
        weight,
        color,
        leading,
        direction: Direction::LeftToRight,
    }
}

pub const TITLE: Style = style(22.0, Weight::Bold, INK, 1.25);
pub const CLINIC: Style = style(12.0, Weight::Bold, ACCENT, 1.3);
pub const HEADING: Style = style(14.0, Weight::Bold, ACCENT, 1.3);
pub const MUSCLE: Style = style(12.5, Weight::Bold, INK, 1.3);
pub const BODY: Style = style(10.5, Weight::Regular, INK, 1.42);
pub const BODY_BOLD: Style = style(10.5, Weight::Bold, INK, 1.42);
pub const LABEL: Style = style(9.5, Weight::Bold, MUTED, 1.57);
pub const SMALL: Style = style(9.0, Weight::Regular, MUTED, 1.35);
pub const WARNING_HEADING: Style = style(13.0, Weight::Bold, WARNING, 1.3);
pub const MARKER_NUMBER: Style = style(8.0, Weight::Bold, Rgb::WHITE, 1.0);
pub const BADGE_NUMBER: Style = style(10.0, Weight::Bold, Rgb::WHITE, 1.0);
pub const LEGEND_NUMBER: Style = style(7.0, Weight::Bold, Rgb::WHITE, 1.0);
