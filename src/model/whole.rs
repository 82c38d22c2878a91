//! Whole numbers as the database holds them: 64-bit on both engines (SQLite's
//! INTEGER, PostgreSQL's bigint), while records keep them in smaller types.
//! PostgreSQL's driver decodes a bigint into an `i64` only, so such a field
//! reads one and converts it: `#[sqlx(try_from = "i64")]`, or
//! `#[sqlx(try_from = "MaybeWhole")]` when it may be NULL. A stored value that
//! doesn't fit is an error, not a wrapped-around number.

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
