//! Report benchmarks: a 30-session case study and a class report (portrait and
//! slides) over three clients, from the database to the saved PDF; then the
//! case study again with 100,000 other clients in the database, whose full
//! names it must look for in every free text.

use criterion::{criterion_group, criterion_main, Criterion};
use myochart::api::Api;
use myochart::atlas::{Side, View};
use myochart::model::{Activity, ClientForm, ClientId, FindingForm, NoteForm, SessionForm};
use myochart::report::{CaseStudyForm, ClassReportForm};
use tokio::runtime::Runtime;

fn finding(muscle: &str, side: Side, view: View, x: f64, y: f64) -> FindingForm {
    FindingForm {
        muscle_id: muscle.into(),
        side,
        view,
        x,
        y,
        tenderness: 6,
        activity: Activity::Active,
        referral_reproduced: true,
        technique_id: Some("core:pain-free-compression".into()),
        pressure: "moderate".into(),
        duration_seconds: Some(90),
        response: "eased".into(),
    }
}

/// A client with `sessions` weekly sessions of three findings and a note.
async fn client(api: &Api, name: &str, sessions: i64) -> ClientId {
    let client = api
        .create_client(ClientForm {
            first_name: name.into(),
            date_of_birth: "1980-03-12".into(),
            ..ClientForm::default()
        })
        .await
        .expect("client");
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).expect("date");
    for week in 0..sessions {
        let date = start + chrono::Duration::days(7 * week);
        let session = api
            .create_session(
                client.id,
                SessionForm {
                    session_date: date.format("%Y-%m-%d").to_string(),
                    therapist: String::new(),
                },
            )
            .await
            .expect("session");
        for form in [
            finding("core:upper-trapezius", Side::Right, View::Back, 0.64, 0.18),
            finding("core:levator-scapulae", Side::Left, View::Back, 0.43, 0.17),
            finding("core:scalenes", Side::Right, View::Front, 0.433, 0.164),
        ] {
            api.add_finding(session.id, form).await.expect("finding");
        }
        api.write_note(
            session.id,
            NoteForm {
                subjective: format!("{name} reports a temple headache after desk work."),
                pain_before: Some(7),
                pain_after: Some(3),
                ..NoteForm::default()
            },
        )
        .await
        .expect("note");
    }
    client.id
}

fn reports(c: &mut Criterion) {
    let runtime = Runtime::new().expect("runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    let (api, ids) = runtime.block_on(async {
        let api = Api::open(&dir.path().join("bench.sqlite"))
            .await
            .expect("open");
        let ids = vec![
            client(&api, "สมชาย", 30).await,
            client(&api, "Ελένη", 10).await,
            client(&api, "Zoë", 10).await,
        ];
        (api, ids)
    });
    let out = dir.path().join("report.pdf");
    let case_study = |name: &str, c: &mut Criterion| {
        c.bench_function(name, |b| {
            b.to_async(&runtime).iter(|| async {
                let form = CaseStudyForm {
                    client_id: ids[0],
                    from: String::new(),
                    to: String::new(),
                    reflection: "Slower pressure worked better.".into(),
                };
                api.save_case_study(form, &out, &mut |_| {})
                    .await
                    .expect("case study")
            })
        });
    };
    case_study("case study, 30 sessions", c);
    for slides in [false, true] {
        let name = if slides {
            "class report slides, 3 clients"
        } else {
            "class report, 3 clients"
        };
        c.bench_function(name, |b| {
            b.to_async(&runtime).iter(|| async {
                let form = ClassReportForm {
                    client_ids: ids.clone(),
                    slides,
                };
                api.save_class_report(form, &out, &mut |_| {})
                    .await
                    .expect("class report")
            })
        });
    }
    runtime.block_on(async {
        for chunk in myochart::demo::client_forms(100_000).chunks(10_000) {
            api.import_clients(chunk.to_vec()).await.expect("import");
        }
    });
    case_study("case study, 30 sessions, 100,000 other clients", c);
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = reports
}
criterion_main!(benches);
