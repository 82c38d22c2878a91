//! The form parsers on generated input: whatever a form holds (any script,
//! control characters, half an emoji turned into U+FFFD, huge text, numbers
//! off every scale), parsing answers with a value or field errors, never a
//! panic, and an error message never echoes the input back. A short pass runs
//! with every test run; `scripts/fuzz.sh` runs `fuzz_for_a_while` for longer.

use std::time::{Duration, Instant};

use myochart::atlas::{Atlas, Side, View};
use myochart::model::{
    Activity, AmendmentForm, ClientForm, FindingForm, Invalid, NewAmendment, NewClient, NewFinding,
    NewSession, NewSnippet, NoteForm, SessionForm, SessionNote, SnippetForm,
};

/// Pieces text is made of: scripts, separators, controls, a replaced half of
/// an emoji, look-alike dates and numbers.
const PIECES: [&str; 22] = [
    "",
    " ",
    "a",
    "Zoë",
    "Ζωή",
    "สมชาย",
    "王伟",
    "민준",
    "O'Brien",
    "-",
    "+44 20 7946 0000",
    "2026-11-30",
    "2026-13-45",
    "31/02/1980",
    "@",
    "x@y.z",
    "\u{0}",
    "\u{7}",
    "\n\t",
    "\u{FFFD}",
    "\u{200B}",
    "😀",
];

struct Generator(fastrand::Rng);

impl Generator {
    fn text(&mut self) -> String {
        let mut text = String::new();
        for _ in 0..self.0.usize(0..6) {
            text.push_str(PIECES[self.0.usize(..PIECES.len())]);
        }
        // Now and then far too long for any field.
        if self.0.u8(..20) == 0 {
            text = text.repeat(self.0.usize(1..4) * 10_000 / text.len().max(1));
        }
        text
    }

    fn number(&mut self) -> i64 {
        [self.0.i64(-3..14), i64::MIN, i64::MAX, 0][self.0.usize(..4)]
    }

    fn coordinate(&mut self) -> f64 {
        [self.0.f64(), -0.5, 1.5, f64::NAN, f64::INFINITY][self.0.usize(..5)]
    }
}

/// One case: every form filled from `seed`.
fn case(seed: u64, atlas: &Atlas) {
    let mut g = Generator(fastrand::Rng::with_seed(seed));
    let short = |result: Result<(), Invalid>| {
        if let Err(invalid) = result {
            for error in invalid.0 {
                assert!(
                    error.message.chars().count() < 400,
                    "seed {seed}: {} echoes its input",
                    error.field
                );
            }
        }
    };
    let client = ClientForm {
        first_name: g.text(),
        last_name: g.text(),
        phone: g.text(),
        email: g.text(),
        date_of_birth: g.text(),
        notes: g.text(),
        health_history: g.text(),
        ..ClientForm::default()
    };
    short(NewClient::try_from(client).map(drop));
    let note = NoteForm {
        subjective: g.text(),
        objective: g.text(),
        assessment: g.text(),
        plan: g.text(),
        pain_before: Some(g.number()),
        pain_after: Some(g.number()),
        based_on: None,
    };
    short(SessionNote::try_from(note).map(drop));
    let session = SessionForm {
        session_date: g.text(),
        therapist: g.text(),
    };
    short(NewSession::try_from(session).map(drop));
    let amendment = AmendmentForm {
        reason: g.text(),
        text: g.text(),
    };
    short(NewAmendment::try_from(amendment).map(drop));
    let snippet = SnippetForm {
        label: g.text(),
        text: g.text(),
    };
    short(NewSnippet::try_from(snippet).map(drop));
    let finding = FindingForm {
        muscle_id: ["core:soleus", "core:nothing", ""][g.0.usize(..3)].to_owned(),
        side: [Side::Left, Side::Right][g.0.usize(..2)],
        view: View::ALL[g.0.usize(..View::ALL.len())],
        x: g.coordinate(),
        y: g.coordinate(),
        tenderness: g.number(),
        activity: Activity::Active,
        referral_reproduced: g.0.bool(),
        technique_id: None,
        pressure: g.text(),
        duration_seconds: None,
        response: g.text(),
    };
    short(NewFinding::parse(finding, atlas).map(drop));
}

#[test]
fn generated_forms_get_values_or_field_errors_never_a_panic() {
    let atlas = Atlas::builtin();
    for seed in 0..1500 {
        case(seed, &atlas);
    }
}

/// For long runs (`scripts/fuzz.sh`): fresh seeds for `FUZZ_SECONDS` (60
/// unless set); a failure names its seed, which `FUZZ_SEED` replays.
#[test]
#[ignore = "long: run by scripts/fuzz.sh"]
fn fuzz_for_a_while() {
    let atlas = Atlas::builtin();
    if let Some(seed) = std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok()) {
        return case(seed, &atlas);
    }
    let seconds = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok());
    let until = Instant::now() + Duration::from_secs(seconds.unwrap_or(60));
    let mut cases = 0;
    while Instant::now() < until {
        case(fastrand::u64(..), &atlas);
        cases += 1;
    }
    println!("form parsers: {cases} cases, no failure");
}
