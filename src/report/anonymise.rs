//! Keeping a client unidentifiable in a report: their name, phone, e-mail and
//! date of birth are found in free text (SOAP notes, history, the student's
//! reflection) and replaced by the client's code.
//!
//! Other clients' full names are found too ([`ClientNames`]): a note that
//! mentions another client must not carry their name into a report.
//!
//! Matching is done on text folded like the client search folds it
//! ([`crate::search::fold`], one character at a time so a match maps back to
//! the original text): "ZOË" and "zoe" both match Zoë. In scripts written with
//! spaces a name matches as a whole word only ("Ann" is not in "Annual"); in
//! scripts written without spaces between words (Thai) it matches anywhere.

use std::ops::Range;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Serialize;
use ts_rs::TS;
use unicode_normalization::char::is_combining_mark;

use crate::model::Client;

/// Where a client's identifying details were found in a report's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct AnonymityWarning {
    /// The field, as the report names it: "Session 2 (20 November 2026), Subjective".
    pub field: String,
    /// What was found: "first name", "phone", ...
    pub found: Vec<String>,
    /// For people: what was found where, and what the report prints instead.
    pub message: String,
}

/// What can be found, in the order warnings list them.
const KINDS: [&str; 6] = [
    "first name",
    "last name",
    "phone",
    "e-mail",
    "date of birth",
    ANOTHER_CLIENT,
];

const ANOTHER_CLIENT: &str = "another client's name";

/// What a report prints instead of another client's name.
const ANOTHER_CLIENT_INSTEAD: &str = "[another client]";

/// Something identifying to look for.
#[derive(Debug, Clone, PartialEq)]
struct Needle {
    what: &'static str,
    /// Folded characters, or ASCII digits for [`Match::Digits`].
    chars: Vec<char>,
    matching: Match,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Match {
    /// Folded text, as a whole word where the script has words.
    Text,
    /// The same digits, whatever spaces or dashes are between them.
    Digits,
    /// A number ending in these digits: the phone without its country code,
    /// or with a leading 0 instead.
    DigitTail,
}

/// A client's identifying details, ready to be looked for.
#[derive(Debug, Clone)]
pub struct Identity {
    code: String,
    needles: Vec<Needle>,
    /// The client's full name as [`ClientNames`] has it: theirs, not another's.
    full_name: String,
    others: Arc<ClientNames>,
}

impl Identity {
    /// `code` is what replaces every occurrence ("C-0007").
    pub fn new(client: &Client, code: &str) -> Identity {
        let mut needles = Vec::new();
        let mut text = |what: &'static str, raw: &str| {
            let chars = fold(raw);
            // One letter is an initial, not a name: matching it would eat text.
            if chars.iter().filter(|c| c.is_alphanumeric()).count() >= 2 {
                needles.push(Needle {
                    what,
                    chars,
                    matching: Match::Text,
                });
            }
        };
        for (what, name) in [
            ("first name", &client.first_name),
            ("last name", &client.last_name),
        ] {
            text(what, name);
            // "María José" is also found as "María", "Marie-Claire" as "Claire".
            let words: Vec<&str> = name
                .split(|c: char| c.is_whitespace() || is_hyphen(c))
                .filter(|word| !word.is_empty())
                .collect();
            if words.len() > 1 {
                for word in words {
                    text(what, word);
                }
            }
        }
        text("e-mail", &client.email);
        if let Some(born) = client.date_of_birth.as_deref() {
            for written in date_spellings(born) {
                text("date of birth", &written);
            }
        }
        let digits: Vec<char> = client.phone.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= 6 {
            // The last eight digits also find the number written without its
            // country code or with a leading 0 instead.
            let tail = digits[digits.len().saturating_sub(8)..].to_vec();
            needles.push(Needle {
                what: "phone",
                chars: digits,
                matching: Match::Digits,
            });
            needles.push(Needle {
                what: "phone",
                chars: tail,
                matching: Match::DigitTail,
            });
        }
        // Longest first, so "Anna Maria" is replaced whole before "Anna".
        needles.sort_by_key(|n| std::cmp::Reverse(n.chars.len()));
        Identity {
            code: code.to_owned(),
            needles,
            full_name: full_name(&client.first_name, &client.last_name).unwrap_or_default(),
            others: Arc::default(),
        }
    }

    /// Also finds the full names of `others` (the client's own name is theirs).
    pub fn hiding(self, others: Arc<ClientNames>) -> Identity {
        Identity { others, ..self }
    }

    /// `text` with every identifying detail replaced by the client's code, and
    /// what kinds of detail were found (empty: nothing found).
    pub fn scrub(&self, text: &str) -> (String, Vec<&'static str>) {
        let original: Vec<char> = text.chars().collect();
        // Every match as (start, end, what, replacement), in characters of
        // `original`: the client's own details, then other clients' names.
        let mut candidates: Vec<(usize, usize, &'static str, &str)> = Vec::new();
        for needle in &self.needles {
            let matches = match needle.matching {
                Match::Text => text_matches(&original, &needle.chars),
                Match::Digits => digit_matches(&original, &needle.chars, false),
                Match::DigitTail => digit_matches(&original, &needle.chars, true),
            };
            candidates.extend(
                matches
                    .into_iter()
                    .map(|(s, e)| (s, e, needle.what, &*self.code)),
            );
        }
        let others = self.others.matches(&original, &self.full_name);
        candidates.extend(
            others
                .into_iter()
                .map(|(s, e)| (s, e, ANOTHER_CLIENT, ANOTHER_CLIENT_INSTEAD)),
        );
        // The longest match wins where matches overlap ("Anna Berg", another
        // client, over the client's own "Anna"; "anna@example.com" over
        // "Anna"); on a tie the client's own (it came first: the sort is stable).
        candidates.sort_by_key(|&(start, end, _, _)| std::cmp::Reverse(end - start));
        let mut found: Vec<&'static str> = Vec::new();
        let mut ranges: Vec<(usize, usize, &str)> = Vec::new();
        for (start, end, what, with) in candidates {
            if ranges.iter().any(|&(s, e, _)| start < e && s < end) {
                continue;
            }
            if !found.contains(&what) {
                found.push(what);
            }
            ranges.push((start, end, with));
        }
        found.sort_by_key(|what| KINDS.iter().position(|k| k == what));
        if ranges.is_empty() {
            return (text.to_owned(), found);
        }
        ranges.sort_unstable();
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for (start, end, with) in ranges {
            if end <= at {
                continue;
            }
            if start >= at {
                out.extend(&original[at..start]);
                out.push_str(with);
            }
            at = end;
        }
        out.extend(&original[at..]);
        (out, found)
    }

    /// [`Identity::scrub`], with a warning in `warnings` when something was
    /// found, naming `field`.
    pub fn clean(&self, field: &str, text: &str, warnings: &mut Vec<AnonymityWarning>) -> String {
        let (clean, found) = self.scrub(text);
        let (others, own): (Vec<&str>, Vec<&str>) =
            found.iter().partition(|&&what| what == ANOTHER_CLIENT);
        let mut sentences = Vec::new();
        if !own.is_empty() {
            sentences.push(format!(
                "{field} mentions the client's {}; the report prints {} instead.",
                own.join(", "),
                self.code
            ));
        }
        if !others.is_empty() {
            sentences.push(format!(
                "{field} mentions another client by name; the report prints \
                 {ANOTHER_CLIENT_INSTEAD} instead."
            ));
        }
        if !found.is_empty() {
            warnings.push(AnonymityWarning {
                field: field.to_owned(),
                found: found.iter().map(|s| (*s).to_owned()).collect(),
                message: sentences.join(" "),
            });
        }
        clean
    }
}

/// Every client's full name, folded, to find in text about someone else.
#[derive(Debug, Default)]
pub struct ClientNames {
    /// The folded full names, by pattern id.
    names: Vec<String>,
    /// `None` when there are no names to find.
    matcher: Option<AhoCorasick>,
}

impl ClientNames {
    /// From (first name, last name) pairs. Only full names are looked for: a
    /// first name alone ("May", "Will") is too often an ordinary word.
    pub fn new<'a>(names: impl IntoIterator<Item = (&'a str, &'a str)>) -> ClientNames {
        let names: Vec<String> = names
            .into_iter()
            .filter_map(|(first, last)| full_name(first, last))
            .collect();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .ok()
            .filter(|_| !names.is_empty());
        ClientNames { names, matcher }
    }

    /// Where a full name other than `except` occurs in `original`, as ranges
    /// of its characters.
    fn matches(&self, original: &[char], except: &str) -> Vec<(usize, usize)> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let folded = Folded::new(original);
        let haystack: String = folded.chars.iter().collect();
        // The folded character at each byte offset of `haystack`.
        let char_at: Vec<usize> = folded
            .chars
            .iter()
            .enumerate()
            .flat_map(|(i, c)| std::iter::repeat_n(i, c.len_utf8()))
            .collect();
        matcher
            .find_iter(&haystack)
            .filter(|found| self.names[found.pattern().as_usize()] != except)
            .filter_map(|found| {
                let chars = char_at[found.start()]..char_at[found.end() - 1] + 1;
                let whole_word = !folded.chars[chars.clone()].iter().any(|&c| unspaced(c));
                folded.original_range(original, chars, whole_word)
            })
            .collect()
    }
}

/// A character folded as the client search folds text, and then the ways one
/// name is written made one: whitespace and hyphens a space ("Marie-Claire"
/// is "Marie Claire"), apostrophes dropped ("O’Brien" is "O'Brien" is "OBrien").
fn fold_char(c: char) -> String {
    if c.is_whitespace() || is_hyphen(c) {
        " ".to_owned()
    } else if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`') {
        String::new()
    } else {
        crate::search::fold(c.encode_utf8(&mut [0; 4]))
    }
}

/// "first last", folded; `None` unless both parts have something to find.
fn full_name(first: &str, last: &str) -> Option<String> {
    let (first, last) = (fold(first), fold(last));
    let found = |part: &[char]| part.iter().any(|c| c.is_alphanumeric());
    (found(&first) && found(&last)).then(|| {
        let mut name: String = first.into_iter().collect();
        name.push(' ');
        name.extend(last);
        name
    })
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn fold(text: &str) -> Vec<char> {
    let folded: String = text.trim().chars().map(fold_char).collect();
    // Typed with two spaces or one: the same name.
    folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect()
}

/// Scripts written without spaces between words: a name there has no word
/// boundary to check.
fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}' // Thai, Lao
        | '\u{1000}'..='\u{109F}' // Myanmar
        | '\u{1780}'..='\u{17FF}' // Khmer
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{4E00}'..='\u{9FFF}' // CJK ideographs
    )
}

/// Where `needle` (folded) occurs in `original`, as ranges of `original`'s
/// characters.
fn text_matches(original: &[char], needle: &[char]) -> Vec<(usize, usize)> {
    let folded = Folded::new(original);
    if needle.is_empty() || needle.len() > folded.chars.len() {
        return Vec::new();
    }
    let whole_word = !needle.iter().any(|&c| unspaced(c));
    (0..=folded.chars.len() - needle.len())
        .filter(|&k| folded.chars[k..k + needle.len()] == *needle)
        .filter_map(|k| folded.original_range(original, k..k + needle.len(), whole_word))
        .collect()
}

/// A text folded one character at a time, each folded character knowing the
/// original character it came from.
struct Folded {
    chars: Vec<char>,
    origin: Vec<usize>,
}

impl Folded {
    fn new(original: &[char]) -> Folded {
        let mut chars: Vec<char> = Vec::with_capacity(original.len());
        let mut origin: Vec<usize> = Vec::with_capacity(original.len());
        for (i, &c) in original.iter().enumerate() {
            for f in fold_char(c).chars() {
                // Runs of spaces fold to one, as a needle's do.
                if f == ' ' && chars.last() == Some(&' ') {
                    continue;
                }
                chars.push(f);
                origin.push(i);
            }
        }
        Folded { chars, origin }
    }

    /// The range of `original` that the folded characters `folded` came from;
    /// `None` when `whole_word` and it is part of a longer word.
    fn original_range(
        &self,
        original: &[char],
        folded: Range<usize>,
        whole_word: bool,
    ) -> Option<(usize, usize)> {
        let start = self.origin[folded.start];
        let mut end = self.origin[folded.end - 1] + 1;
        // Accents typed as separate combining marks belong to the match (an
        // apostrophe after it does not: "Anna's").
        while end < original.len() && is_combining_mark(original[end]) {
            end += 1;
        }
        let word_char = |i: usize| original.get(i).is_some_and(|c| c.is_alphanumeric());
        if whole_word && ((start > 0 && word_char(start - 1)) || word_char(end)) {
            return None;
        }
        Some((start, end))
    }
}

/// Where the digits of `needle` occur in `original` in a row, ignoring what is
/// between them (spaces, dashes, brackets), but not followed by more digits.
/// A `tail` may have digits before it (a prefix: they are part of the match);
/// otherwise it must start a number.
fn digit_matches(original: &[char], needle: &[char], tail: bool) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let digits: Vec<usize> = (0..original.len())
        .filter(|&i| original[i].is_ascii_digit())
        .collect();
    if needle.is_empty() || needle.len() > digits.len() {
        return ranges;
    }
    let spacer = |c: char| " -.()/+".contains(c);
    for k in 0..=digits.len() - needle.len() {
        let run = &digits[k..k + needle.len()];
        let same = run.iter().zip(needle).all(|(&i, &d)| original[i] == d);
        // The digits must be one number as written: only spacers between them.
        let together = run
            .windows(2)
            .all(|w| original[w[0] + 1..w[1]].iter().all(|&c| spacer(c)));
        let mut start = run[0];
        let end = run[run.len() - 1] + 1;
        let digit_at = |i: usize| original.get(i).is_some_and(char::is_ascii_digit);
        if !same || !together || digit_at(end) {
            continue;
        }
        if tail {
            while start > 0 && digit_at(start - 1) {
                start -= 1;
            }
        } else if start > 0 && digit_at(start - 1) {
            continue;
        }
        // The plus of an international number goes with it.
        if start > 0 && original[start - 1] == '+' {
            start -= 1;
        }
        ranges.push((start, end));
    }
    ranges
}

/// The ways people write a date of birth: "1980-03-12", "12/03/1980",
/// "03/12/1980", "12.03.1980", "12 March 1980", "March 12, 1980", "12 Mar 1980".
fn date_spellings(iso: &str) -> Vec<String> {
    let Ok(date) = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d") else {
        return vec![iso.to_owned()];
    };
    [
        "%Y-%m-%d",
        "%d/%m/%Y",
        "%m/%d/%Y",
        "%d.%m.%Y",
        "%-d %B %Y",
        "%B %-d, %Y",
        "%-d %b %Y",
        "%-d/%-m/%Y",
        "%-m/%-d/%Y",
    ]
    .iter()
    .map(|format| date.format(format).to_string())
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClientId, PressureTolerance};

    fn client(first: &str, last: &str, phone: &str, email: &str, born: Option<&str>) -> Client {
        Client {
            id: ClientId(7),
            first_name: first.into(),
            last_name: last.into(),
            phone: phone.into(),
            email: email.into(),
            date_of_birth: born.map(str::to_owned),
            notes: String::new(),
            health_history: String::new(),
            medications: String::new(),
            contraindications: String::new(),
            areas_to_avoid: String::new(),
            pressure_tolerance: PressureTolerance::Unknown,
            consent_scope: String::new(),
            consent_date: None,
            consent_signed_by: String::new(),
            red_flags: Vec::new(),
            screened_flags: Vec::new(),
            screened_at: None,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    fn scrub(client: &Client, text: &str) -> (String, Vec<&'static str>) {
        Identity::new(client, "C-0007").scrub(text)
    }

    #[test]
    fn names_are_found_whatever_the_case_or_accents() {
        let zoe = client("Zoë", "Ångström", "", "", None);
        let (text, found) = scrub(&zoe, "ZOE said Mrs angström's neck hurts. Zoë\u{0308}!");
        assert_eq!(text, "C-0007 said Mrs C-0007's neck hurts. C-0007!");
        assert_eq!(found, ["first name", "last name"]);
    }

    #[test]
    fn hyphens_and_apostrophes_are_written_many_ways() {
        let marie = client("Marie-Claire", "O'Brien", "", "", None);
        let (text, found) = scrub(
            &marie,
            "Marie Claire O’Brien came; marie-claire obrien paid. Claire's neck, Marie's back.",
        );
        assert_eq!(
            text,
            "C-0007 C-0007 came; C-0007 C-0007 paid. C-0007's neck, C-0007's back."
        );
        assert_eq!(found, ["first name", "last name"]);
    }

    #[test]
    fn a_latin_name_is_a_whole_word_but_a_thai_one_is_found_inside_text() {
        let ann = client("Ann", "", "", "", None);
        assert_eq!(
            scrub(&ann, "Annual review with ann.").0,
            "Annual review with C-0007."
        );
        let somchai = client("สมชาย", "ใจดี", "", "", None);
        let (text, found) = scrub(&somchai, "คุณสมชายปวดคอ ใจดีมาก");
        assert_eq!(text, "คุณC-0007ปวดคอ C-0007มาก");
        assert_eq!(found, ["first name", "last name"]);
    }

    #[test]
    fn greek_final_sigma_and_accents_fold() {
        let eleni = client("Ελένη", "Παπαδοπούλου", "", "", None);
        let (text, _) = scrub(&eleni, "Η ΕΛΕΝΗ ΠΑΠΑΔΟΠΟΥΛΟΥ ήρθε.");
        assert_eq!(text, "Η C-0007 C-0007 ήρθε.");
    }

    #[test]
    fn phones_match_whatever_the_spacing_and_prefix_and_emails_whatever_the_case() {
        let anna = client("Anna", "", "+66 81-234 5678", "Anna.K@Example.com", None);
        let (text, found) = scrub(
            &anna,
            "Call 081 234 5678 or +66812345678, mail anna.k@example.COM. Room 12345678901.",
        );
        assert_eq!(
            text,
            "Call C-0007 or C-0007, mail C-0007. Room 12345678901."
        );
        assert_eq!(found, ["phone", "e-mail"]);
    }

    #[test]
    fn a_date_of_birth_is_found_as_people_write_it() {
        let anna = client("Anna", "", "", "", Some("1980-03-12"));
        let (text, found) = scrub(&anna, "Born 12 March 1980 (12/03/1980, 1980-03-12).");
        assert_eq!(text, "Born C-0007 (C-0007, C-0007).");
        assert_eq!(found, ["date of birth"]);
    }

    #[test]
    fn warnings_name_the_field_and_what_was_found() {
        let anna = client("Anna", "Berg", "", "", None);
        let mut warnings = Vec::new();
        let identity = Identity::new(&anna, "C-0007");
        assert_eq!(identity.clean("Plan", "Rest.", &mut warnings), "Rest.");
        identity.clean("Reflection", "Anna Berg improved.", &mut warnings);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].field, "Reflection");
        assert_eq!(warnings[0].found, ["first name", "last name"]);
    }

    #[test]
    fn other_clients_full_names_are_hidden_too() {
        let anna = client("Anna", "Berg", "", "", None);
        let names = ClientNames::new([
            ("Anna", "Berg"),
            ("Zoë", "Ångström"),
            ("สมชาย", "ใจดี"),
            ("Will", "Jones"),
            ("May", ""),
        ]);
        let identity = Identity::new(&anna, "C-0007").hiding(Arc::new(names));
        let mut warnings = Vec::new();
        let text = "Anna Berg came with ZOE ANGSTROM; คุณสมชาย ใจดีแนะนำมา. \
                    She will see Will Jones in May.";
        assert_eq!(
            identity.clean("Subjective", text, &mut warnings),
            "C-0007 C-0007 came with [another client]; คุณ[another client]แนะนำมา. \
             She will see [another client] in May."
        );
        assert_eq!(
            warnings[0].found,
            ["first name", "last name", "another client's name"]
        );
        assert_eq!(
            warnings[0].message,
            "Subjective mentions the client's first name, last name; the report prints \
             C-0007 instead. Subjective mentions another client by name; the report prints \
             [another client] instead."
        );
    }

    #[test]
    fn another_clients_name_wins_over_a_part_it_shares_with_the_clients_own() {
        let names = || {
            Arc::new(ClientNames::new([
                ("Anna", "Smith"),
                ("Anna", "Berg"),
                ("Eva", "Berg"),
                // Names with nothing to find are left out, not matched everywhere.
                ("-", "-"),
                ("May", "-"),
            ]))
        };
        let smith = client("Anna", "Smith", "", "", None);
        let identity = Identity::new(&smith, "C-0007").hiding(names());
        let (text, _) = identity.scrub("Anna Berg called Anna Smith in May.");
        assert_eq!(text, "[another client] called C-0007 C-0007 in May.");
        let berg = client("Anna", "Berg", "", "", None);
        let identity = Identity::new(&berg, "C-0007").hiding(names());
        let (text, found) = identity.scrub("Eva Berg is Anna Berg's sister.");
        assert_eq!(text, "[another client] is C-0007 C-0007's sister.");
        assert_eq!(found, ["first name", "last name", "another client's name"]);
    }
}
