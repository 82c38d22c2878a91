//! Finding a date of birth however it is written: "12/03/80", "1980-03-12",
//! "March 12th, 1980", "12 de marzo de 1980", "12 มี.ค. 2523", "1980年3月12日".
//!
//! A date is three numbers, or two and a month's name, in a row, with only
//! spaces, commas, dots, slashes (dashes fold to spaces) or small words ("de",
//! "of", "年") between them. It is the date of birth if it reads as one as
//! day-month-year, month-day-year or year-month-day, the year written in full,
//! in two digits, in the Buddhist era (Thai: 2523 for 1980), or counted in a
//! Japanese era or in Taiwan's Minguo years. One pass over the text.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use unicode_normalization::char::is_combining_mark;

use super::fold::{cjk, fold};

/// How each month's name begins, in the languages clients' notes are most
/// likely written in: "mar" finds "March", "marzo", "mars", "März", "marca".
const MONTHS: [&str; 12] = [
    "jan gen ene sty oca янв ιαν มกรา ม.ค",
    "feb fév lut şub фев φεβ กุมภา ก.พ",
    "mar maa mrt mac мар μαρ มีนา มี.ค",
    "apr avr abr kwi nis апр απρ เมษา เม.ย",
    "may mai mag mei maj мая май μαΐ พฤษภา พ.ค",
    "jun juin giu cze haz июн ιουν มิถุนา มิ.ย",
    "jul juil lug lip tem июл ιουλ กรกฎา ก.ค",
    "aug aoû ago agu ogo sie авг αυγ สิงหา ส.ค",
    "sep set wrz eyl сен σεπ กันยา ก.ย",
    "oct okt ott out paź eki окт οκτ ตุลา ต.ค",
    "nov lis kas ноя νοε พฤศจิกา พ.ย",
    "dec dez dic des dis gru ara дек δεκ ธันวา ธ.ค",
];

/// Small words a date is written with, between its parts or on them.
const CONNECTORS: [&str; 25] = [
    // "12 de marzo de 1980", "the 12th of March", "1er mars"
    "de", "del", "of", "the", "th", "st", "nd", "rd", "er",
    // Vietnamese: "ngày 12 tháng 3 năm 1980"
    "ngày", "tháng", "năm",
    // "1980年3月12日", "1980년 3월 12일", and the eras: "昭和55年", "民國69年"
    "年", "月", "日", "년", "월", "일", "昭和", "平成", "令和", "民國", "民国",
    // Thai: the Buddhist and the Common era, "พ.ศ. 2523"
    "พ.ศ", "ค.ศ",
];

/// [`MONTHS`] folded, with the month (1 to 12) each begins.
static MONTH_STARTS: LazyLock<Vec<(Vec<char>, u32)>> = LazyLock::new(|| {
    (1..)
        .zip(MONTHS)
        .flat_map(|(month, starts)| {
            starts
                .split_whitespace()
                .map(move |start| (fold(start), month))
        })
        .collect()
});

static CONNECTOR_WORDS: LazyLock<Vec<Vec<char>>> =
    LazyLock::new(|| CONNECTORS.iter().map(|word| fold(word)).collect());

/// One part of a date as written.
#[derive(Debug, Clone, Copy)]
enum Part {
    Number(u32),
    /// The months a name may be, as bits (1 << month).
    Month(u16),
}

#[derive(Debug, Clone, Copy)]
struct Token {
    part: Part,
    /// Where the part starts, with a connector written onto its front.
    start: usize,
    end: usize,
}

/// Where `born` is written in `chars` (folded text), as ranges of `chars`.
pub(super) fn matches(chars: &[char], born: NaiveDate) -> Vec<Range<usize>> {
    let years = years(born.year());
    let birth = |parts: [Part; 3]| reads_as(parts, born, &years);
    let mut found: Vec<Range<usize>> = Vec::new();
    // The last parts written in a row, at most three.
    let mut row: Vec<Token> = Vec::new();
    // A connector ending right here goes with a number starting here.
    let mut connector_from: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let end = if c.is_ascii_digit() {
            chars[i..]
                .iter()
                .position(|c| !c.is_ascii_digit())
                .map_or(chars.len(), |n| i + n)
        } else if letter(c) {
            word_end(chars, i)
        } else {
            // Spaces and punctuation dates are written with keep the row.
            if !matches!(c, ' ' | ',' | '.' | '/') {
                row.clear();
            }
            i += 1;
            continue;
        };
        let word = &chars[i..end];
        let start = match connector_from {
            Some((from, until)) if until == i => from,
            _ => i,
        };
        let part = if c.is_ascii_digit() {
            // Written without separators: "19800312", "12031980", "120380".
            if compact(word).into_iter().any(birth) {
                found.push(start..end);
            }
            Some(Part::Number(number(word)))
        } else {
            month(word).map(Part::Month)
        };
        match part {
            Some(part) => {
                row.push(Token { part, start, end });
                if row.len() > 3 {
                    row.remove(0);
                }
                if let [a, b, c] = row[..] {
                    if birth([a.part, b.part, c.part]) {
                        found.push(a.start..c.end);
                    }
                }
            }
            None if CONNECTOR_WORDS.iter().any(|w| w == word) => {
                // A connector written onto the end of a date is part of it
                // ("12日"); one written onto the front of a number goes with it
                // ("昭和55").
                if let Some(last) = found.last_mut().filter(|r| r.end == i) {
                    last.end = end;
                }
                connector_from = Some((i, end));
            }
            None => row.clear(),
        }
        i = end;
    }
    found
}

/// Whether `[a, b, c]` is `born` as day-month-year, month-day-year or
/// year-month-day, the year as one of `years`.
fn reads_as([a, b, c]: [Part; 3], born: NaiveDate, years: &[u32]) -> bool {
    let day = |part| matches!(part, Part::Number(n) if n == born.day());
    let month = |part| match part {
        Part::Number(n) => n == born.month(),
        Part::Month(months) => months & (1 << born.month()) != 0,
    };
    let year = |part| matches!(part, Part::Number(n) if years.contains(&n));
    (day(a) && month(b) && year(c))
        || (month(a) && day(b) && year(c))
        || (year(a) && month(b) && day(c))
}

/// The ways `year` is written: in full, in two digits, in the Buddhist era
/// (Thailand: 1980 is 2523), and counted from the first year of Taiwan's
/// Minguo calendar (1912) or of the Japanese era it fell in.
fn years(year: i32) -> Vec<u32> {
    let buddhist = year + 543;
    let mut years = vec![year, year % 100, buddhist, buddhist % 100];
    // Minguo from 1912; Shōwa from 1926, Heisei from 1989, Reiwa from 2019.
    for first in [1912, 1926, 1989, 2019] {
        if year >= first {
            years.push(year - first + 1);
        }
    }
    years
        .into_iter()
        .filter_map(|year| u32::try_from(year).ok())
        .collect()
}

/// A date written as one number, split into its parts: eight digits as
/// year-month-day or day-month-year, six as two digits each.
fn compact(digits: &[char]) -> Vec<[Part; 3]> {
    let split = |a: usize, b: usize| {
        [
            Part::Number(number(&digits[..a])),
            Part::Number(number(&digits[a..a + b])),
            Part::Number(number(&digits[a + b..])),
        ]
    };
    match digits.len() {
        8 => vec![split(4, 2), split(2, 2)],
        6 => vec![split(2, 2)],
        _ => Vec::new(),
    }
}

/// ASCII digits as a number; a long run is no part of a date.
fn number(digits: &[char]) -> u32 {
    digits.iter().fold(0u32, |n, d| {
        n.saturating_mul(10)
            .saturating_add(d.to_digit(10).unwrap_or(0))
    })
}

/// The months `word` may name, as bits (1 << month); `None` if none.
fn month(word: &[char]) -> Option<u16> {
    let months = MONTH_STARTS
        .iter()
        .filter(|(start, _)| word.starts_with(start))
        .fold(0u16, |months, (_, month)| months | 1 << month);
    (months != 0).then_some(months)
}

fn letter(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c)
}

/// Where the word starting at `start` ends. A dot between letters is part of
/// it ("มี.ค", "พ.ศ"). Chinese, Japanese and Korean letters are written onto
/// one another: there each is a word of its own ("年", "月").
fn word_end(chars: &[char], start: usize) -> usize {
    if cjk(chars[start]) {
        // Two-letter eras ("昭和") stay together.
        let pair = chars.get(start..start + 2);
        let era = pair.is_some_and(|pair| CONNECTOR_WORDS.iter().any(|w| w == pair));
        return start + if era { 2 } else { 1 };
    }
    let mut end = start;
    while end < chars.len() {
        let c = chars[end];
        let dot_in_word = c == '.'
            && end > start
            && chars
                .get(end + 1)
                .is_some_and(|&next| letter(next) && !cjk(next));
        if !(letter(c) && !cjk(c) || dot_in_word) {
            break;
        }
        end += 1;
    }
    end
}
