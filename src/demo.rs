//! Made-up but realistic clients for exploring the app and for benchmarks: names in
//! several scripts, a few sessions each with SOAP notes, pain scores and findings
//! placed on the muscles' own trigger points.

use crate::api::{Api, Result};
use crate::atlas::{RedFlag, Side};
use crate::model::{
    screening_answers, Activity, ClientForm, FindingForm, NoteForm, PressureTolerance, SessionForm,
};

/// How many clients a demo database gets.
pub const DEFAULT_CLIENTS: usize = 30;

/// First and last names per script, combined in turn so a large demo still reads
/// like real people, and the language their handouts print in.
const NAMES: &[(&[&str], &[&str], &str)] = &[
    (
        &["สมชาย", "สมหญิง", "วิไลวรรณ", "ณัฐพล", "ปิยะนุช"],
        &["ใจดี", "ศรีสุข", "ทองคำ", "วงศ์ใหญ่"],
        "th",
    ),
    (
        &["Ελένη", "Γιώργος", "Δήμητρα", "Νίκος"],
        &["Παπαδοπούλου", "Νικολάου", "Κωνσταντίνου"],
        "el",
    ),
    (
        &["Анна", "Дмитрий", "Ольга"],
        &["Иванова", "Петров", "Смирнова"],
        "ru",
    ),
    (
        &[
            "Zoë",
            "José",
            "François",
            "Łukasz",
            "Chloé",
            "Ayşe",
            "Björn",
        ],
        &[
            "Ångström",
            "Núñez",
            "Lefèvre",
            "Wójcik",
            "Yılmaz",
            "Nyström",
        ],
        "en",
    ),
    (&["Đặng", "Nguyễn"], &["Thị Hoa", "Văn Minh"], "vi"),
    (
        &[
            "Anna", "Michael", "Sarah", "David", "Emma", "James", "Olivia", "Noah", "Grace",
        ],
        &[
            "Smith", "Brown", "Johnson", "Lee", "Walker", "O'Connor", "Taylor",
        ],
        "en",
    ),
];

const TOLERANCES: [PressureTolerance; 3] = [
    PressureTolerance::Light,
    PressureTolerance::Moderate,
    PressureTolerance::Firm,
];

const COMPLAINTS: &[&str] = &[
    "Tension headache at the temple, worse after long days at the computer",
    "Stiff neck, hard to turn the head to check the blind spot when driving",
    "Ache between the shoulder blades since starting a new desk job",
    "Headache at the back of the head spreading toward the eye",
    "Sore top of the shoulder after carrying a heavy bag",
    "Deep ache in the front of the shoulder when reaching overhead",
];

const ASSESSMENTS: &[&str] = &[
    "Myofascial pain consistent with active trigger points; familiar pain reproduced on palpation.",
    "Postural overload of the neck and shoulder muscles; latent points, good response to pain-free compression.",
];

const PLANS: &[&str] = &[
    "Weekly for 3 weeks. Home care: pain-free self-compression once a day, gentle stretches. Review desk set-up.",
    "Fortnightly. Home care handout given; keep self-treatment below pain. Refer to GP if symptoms spread.",
];

/// `count` made-up clients: names from several scripts in turn, phones, e-mails.
pub fn client_forms(count: usize) -> Vec<ClientForm> {
    (0..count)
        .map(|index| {
            let (firsts, lasts, language) = NAMES[index % NAMES.len()];
            let round = index / NAMES.len();
            ClientForm {
                first_name: firsts[round % firsts.len()].into(),
                // Mixed radix: every (first, last) pair comes once before any repeats.
                last_name: lasts[(round / firsts.len() + round % firsts.len()) % lasts.len()]
                    .into(),
                phone: format!(
                    "+66 8{} {:03} {:04}",
                    index % 10,
                    index % 1000,
                    (index * 7919) % 10_000
                ),
                email: if index % 3 == 0 {
                    String::new()
                } else {
                    format!("client{index}@example.com")
                },
                pressure_tolerance: TOLERANCES[index % TOLERANCES.len()],
                consent_scope: "Trigger-point therapy of the neck and shoulders".into(),
                consent_date: "2026-09-01".into(),
                consent_signed_by: "the client".into(),
                // A few clients answered "yes" at intake, so the demo shows warnings.
                red_flag_answers: screening_answers(match index % 9 {
                    4 => &[RedFlag::ArmNumbness],
                    7 => &[RedFlag::DizzinessVisual],
                    _ => &[],
                }),
                language: language.into(),
                ..ClientForm::default()
            }
        })
        .collect()
}

/// Adds `clients` demo clients, each with one to four sessions.
pub async fn fill(api: &Api, clients: usize) -> Result<()> {
    let mut rng = fastrand::Rng::with_seed(clients as u64);
    let atlas = api.atlas();
    let muscles: Vec<_> = atlas.muscles().collect();
    let today = chrono::Local::now().date_naive();
    for client in api.import_clients(client_forms(clients)).await? {
        let sessions = rng.usize(1..=4);
        for visit in 0..sessions {
            let weeks_ago = ((sessions - visit) * 2 + rng.usize(0..2)) as u64;
            let date = today - chrono::Days::new(weeks_ago * 7);
            let session = api
                .create_session(
                    client.id,
                    SessionForm {
                        session_date: date.format("%Y-%m-%d").to_string(),
                        therapist: "Demo Therapist".into(),
                    },
                )
                .await?;
            for _ in 0..rng.usize(1..=4) {
                let muscle = muscles[rng.usize(0..muscles.len())];
                let Some(point) = muscle.points.first() else {
                    continue;
                };
                let side = if rng.bool() { Side::Left } else { Side::Right };
                let (view, x, y) = point.on_side(side);
                let jitter =
                    |v: f32, rng: &mut fastrand::Rng| f64::from(v) + (rng.f64() - 0.5) * 0.01;
                api.add_finding(
                    session.id,
                    FindingForm {
                        muscle_id: muscle.id.clone(),
                        side,
                        view,
                        x: jitter(x, &mut rng).clamp(0.0, 1.0),
                        y: jitter(y, &mut rng).clamp(0.0, 1.0),
                        tenderness: rng.i64(3..=9),
                        activity: if rng.u8(0..3) == 0 {
                            Activity::Latent
                        } else {
                            Activity::Active
                        },
                        referral_reproduced: rng.bool(),
                        technique_id: Some(muscle.technique.clone()),
                        pressure: ["light", "moderate", "firm"][rng.usize(0..3)].into(),
                        duration_seconds: Some(rng.u32(60..=90)),
                        response: "Tenderness eased; referral faded during the hold".into(),
                    },
                )
                .await?;
            }
            let before = rng.i64(4..=8);
            api.write_note(
                session.id,
                NoteForm {
                    subjective: COMPLAINTS[rng.usize(0..COMPLAINTS.len())].into(),
                    objective: "Head-forward posture; neck rotation limited on the painful side."
                        .into(),
                    assessment: ASSESSMENTS[rng.usize(0..ASSESSMENTS.len())].into(),
                    plan: PLANS[rng.usize(0..PLANS.len())].into(),
                    pain_before: Some(before),
                    pain_after: Some((before - rng.i64(1..=4)).max(0)),
                    based_on: None,
                },
            )
            .await?;
            // The latest visit stays a draft, as it would on the day.
            if visit + 1 < sessions {
                api.sign_note(session.id).await?;
            }
        }
    }
    Ok(())
}
