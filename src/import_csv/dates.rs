//! Dates of birth as other systems write them: `1984-03-07`, `07/03/1984`,
//! `3/7/1984`, `7.3.1984`, perhaps with a time after them. Whether `03/07` is
//! the 3rd of July or March the 7th is never guessed: the file must prove it,
//! or the user says.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The order of day, month and year in a file's dates. A date with a
/// four-digit year first (`1984-03-07`) reads as year-month-day whatever the
/// order: it can mean nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum DateFormat {
    Ymd,
    Dmy,
    Mdy,
}

impl DateFormat {
    pub const ALL: [DateFormat; 3] = [DateFormat::Dmy, DateFormat::Mdy, DateFormat::Ymd];

    /// How the order reads to a person, with an example.
    pub fn label(self) -> &'static str {
        match self {
            DateFormat::Ymd => "year-month-day (1984-03-25)",
            DateFormat::Dmy => "day/month/year (25/03/1984)",
            DateFormat::Mdy => "month/day/year (03/25/1984)",
        }
    }

    /// The date written in `raw`, as `YYYY-MM-DD`.
    pub fn read(self, raw: &str) -> Result<String, String> {
        let not_a_date = || format!("\"{raw}\" is not a date written {}", self.label());
        let [first, second, third] = parts(raw).ok_or_else(not_a_date)?;
        let (year, month, day) = match self {
            _ if first.len() == 4 => (first, second, third),
            DateFormat::Ymd => return Err(not_a_date()),
            DateFormat::Dmy => (third, second, first),
            DateFormat::Mdy => (third, first, second),
        };
        if year.len() != 4 {
            return Err(format!(
                "\"{raw}\" has no four-digit year: write years in full (1984, not 84)"
            ));
        }
        let number = |digits: &str| digits.parse::<u32>().ok();
        let date = match (number(year), number(month), number(day)) {
            (Some(year), Some(month), Some(day)) => i32::try_from(year)
                .ok()
                .and_then(|year| NaiveDate::from_ymd_opt(year, month, day)),
            _ => None,
        };
        date.map(|date| date.format("%Y-%m-%d").to_string())
            .ok_or_else(not_a_date)
    }

    /// The order the file's `dates` are written in, when they prove it: all
    /// year-first, or some readable only day-first (`25/03/1984`) and none only
    /// month-first, or the other way round. `Ok(None)` when there are no dates;
    /// otherwise an error with a date that reads either way, if there is one.
    pub fn evident<'a>(
        dates: impl IntoIterator<Item = &'a str>,
    ) -> Result<Option<DateFormat>, Option<&'a str>> {
        let mut proven = Vec::new();
        let mut either = None;
        let mut any = false;
        for date in dates.into_iter().filter(|date| !date.trim().is_empty()) {
            any = true;
            if parts(date).is_some_and(|[first, ..]| first.len() == 4) {
                continue;
            }
            let fits: Vec<DateFormat> = [DateFormat::Dmy, DateFormat::Mdy]
                .into_iter()
                .filter(|format| format.read(date).is_ok())
                .collect();
            match fits[..] {
                [only] if !proven.contains(&only) => proven.push(only),
                [_, _] => either = either.or(Some(date)),
                // Read in no order: a bad date, reported on its row.
                _ => {}
            }
        }
        match (any, either, &proven[..]) {
            (false, ..) => Ok(None),
            (true, None, []) => Ok(Some(DateFormat::Ymd)),
            (true, _, [only]) => Ok(Some(*only)),
            (true, either, _) => Err(either),
        }
    }
}

/// The three runs of digits of a date (`-`, `/` or `.` between them, the
/// same twice), without a time that follows it.
fn parts(raw: &str) -> Option<[&str; 3]> {
    let date = raw.trim().split([' ', 'T']).next()?;
    let separator = date.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let mut parts = date.split(separator);
    let parts = [parts.next()?, parts.next()?, parts.next()?, ""].map(str::trim);
    let digits =
        |part: &str| (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
    (parts[..3].iter().all(|part| digits(part)) && date.split(separator).count() == 3)
        .then(|| [parts[0], parts[1], parts[2]])
}

#[cfg(test)]
mod tests {
    use super::*;
    use DateFormat::*;

    #[test]
    fn each_order_reads_its_own_dates_and_iso_always() {
        assert_eq!(Dmy.read("07/03/1984"), Ok("1984-03-07".into()));
        assert_eq!(Mdy.read("3/7/1984"), Ok("1984-03-07".into()));
        assert_eq!(Dmy.read("7.3.1984"), Ok("1984-03-07".into()));
        assert_eq!(Mdy.read("1984-03-07"), Ok("1984-03-07".into()));
        assert_eq!(Ymd.read("1984/3/7 00:00:00"), Ok("1984-03-07".into()));
        assert_eq!(Dmy.read("1984-03-07T00:00:00Z"), Ok("1984-03-07".into()));
    }

    #[test]
    fn impossible_dates_and_short_years_are_refused() {
        assert!(Dmy.read("31/02/1984").is_err());
        assert!(Mdy.read("25/03/1984").is_err());
        assert!(Ymd.read("07/03/1984").is_err());
        assert!(Dmy
            .read("07/03/84")
            .is_err_and(|e| e.contains("four-digit year")));
        assert!(Dmy.read("07/03-1984").is_err());
        assert!(Dmy.read("7 March 1984").is_err());
        assert!(Dmy.read("1/2/3/1984").is_err());
    }

    #[test]
    fn the_order_is_evident_only_when_the_dates_prove_it() {
        assert_eq!(DateFormat::evident(["1984-03-07", ""]), Ok(Some(Ymd)));
        assert_eq!(
            DateFormat::evident(["03/04/1984", "25/03/1984"]),
            Ok(Some(Dmy))
        );
        assert_eq!(
            DateFormat::evident(["03/04/1984", "3/25/1984"]),
            Ok(Some(Mdy))
        );
        assert_eq!(
            DateFormat::evident(["03/04/1984", "1984-03-07"]),
            Err(Some("03/04/1984"))
        );
        assert_eq!(DateFormat::evident(["", " "]), Ok(None));
        // Both orders proven: the file mixes them, the user chooses.
        assert_eq!(DateFormat::evident(["25/03/1984", "3/25/1984"]), Err(None));
    }
}
