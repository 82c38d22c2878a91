//! What the benchmarks share: the busy client whose record they open.

use myochart::api::Api;
use myochart::atlas::{Side, View};
use myochart::model::{Activity, ClientForm, ClientId, FindingForm, SessionForm};

/// Adds a client seen every third day for years: 500 sessions with ten
/// findings each; their id.
pub async fn busy_client(api: &Api) -> ClientId {
    let client = api
        .create_client(ClientForm {
            first_name: "Busy".into(),
            last_name: "Regular".into(),
            ..ClientForm::default()
        })
        .await
        .expect("client");
    for day in 0..500 {
        let date =
            chrono::NaiveDate::from_ymd_opt(2020, 1, 1).expect("date") + chrono::Days::new(day * 3);
        let session = api
            .create_session(
                client.id,
                SessionForm {
                    session_date: date.to_string(),
                    therapist: "T".into(),
                },
            )
            .await
            .expect("session");
        for _ in 0..10 {
            let finding = FindingForm {
                muscle_id: "core:upper-trapezius".into(),
                side: Side::Right,
                view: View::Back,
                x: 0.56,
                y: 0.2,
                tenderness: 6,
                activity: Activity::Active,
                referral_reproduced: false,
                technique_id: None,
                pressure: String::new(),
                duration_seconds: Some(90),
                response: String::new(),
            };
            api.add_finding(session.id, finding).await.expect("finding");
        }
    }
    client.id
}
