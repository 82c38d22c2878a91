//! Numbers as the database holds them, 64-bit on both engines (SQLite's
//! INTEGER and REAL, PostgreSQL's bigint and double precision), while records
//! keep them in smaller types. PostgreSQL's driver decodes those columns into
//! `i64` and `f64` only, so such a field reads one and converts it:
//! `#[sqlx(try_from = "i64")]`, `#[sqlx(try_from = "MaybeWhole")]` when it may
//! be NULL (a value that doesn't fit is an error, not a wrapped-around number),
//! `#[sqlx(try_from = "Double")]` for an `f32`.

use std::num::TryFromIntError;

/// A nullable whole-number column.
#[derive(sqlx::Type)]
#[sqlx(transparent)]
pub(crate) struct MaybeWhole(Option<i64>);

impl TryFrom<MaybeWhole> for Option<u8> {
    type Error = TryFromIntError;

    fn try_from(whole: MaybeWhole) -> Result<Self, Self::Error> {
        whole.0.map(u8::try_from).transpose()
    }
}

impl TryFrom<MaybeWhole> for Option<u32> {
    type Error = TryFromIntError;

    fn try_from(whole: MaybeWhole) -> Result<Self, Self::Error> {
        whole.0.map(u32::try_from).transpose()
    }
}

/// A double-precision column holding an `f32` (written from one, so exact).
#[derive(sqlx::Type)]
#[sqlx(transparent)]
pub(crate) struct Double(f64);

impl From<Double> for f32 {
    fn from(double: Double) -> f32 {
        double.0 as f32
    }
}
