//! Invalid input gets a specific error naming the field, and changes nothing.

use myochart::api::Code;
use myochart::atlas::{Side, View};
use myochart::finder::Spot;
use myochart::model::{ClientForm, ClientId, FindingMove, NoteForm, SessionForm, SessionId};

use crate::helpers::{invalid_fields, trapezius_finding, TestDb};

fn fields(error: myochart::api::Error) -> Vec<String> {
    invalid_fields(&error)
}

async fn an_empty_name_is_refused_and_nothing_is_stored(db: TestDb) {
    let error = db
        .api
        .create_client(ClientForm {
            first_name: "  ".into(),
            ..ClientForm::default()
        })
        .await
        .expect_err("refused");
    assert_eq!(error.to_string(), "First name is required");
    assert_eq!(fields(error), ["firstName"]);
    assert_eq!(db.api.info().await.expect("info").client_count, 0);
}

async fn an_invalid_edit_keeps_the_old_record(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    let error = db
        .api
        .update_client(
            client.id,
            ClientForm {
                first_name: "Anne".into(),
                email: "not-an-email".into(),
                ..ClientForm::default()
            },
        )
        .await
        .expect_err("refused");
    assert_eq!(fields(error), ["email"]);
    assert_eq!(
        db.api
            .client_record(client.id)
            .await
            .expect("record")
            .client
            .first_name,
        "Anna"
    );
}

async fn finding_errors_name_the_field(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    let session = db.session(&client).await;
    let cases = [
        (
            myochart::model::FindingForm {
                tenderness: 11,
                ..trapezius_finding()
            },
            "tenderness",
        ),
        (
            myochart::model::FindingForm {
                x: 1.2,
                ..trapezius_finding()
            },
            "position",
        ),
        (
            myochart::model::FindingForm {
                y: -0.1,
                ..trapezius_finding()
            },
            "position",
        ),
        (
            myochart::model::FindingForm {
                muscle_id: "core:biceps".into(),
                ..trapezius_finding()
            },
            "muscleId",
        ),
        (
            myochart::model::FindingForm {
                technique_id: Some("core:cupping".into()),
                ..trapezius_finding()
            },
            "techniqueId",
        ),
        (
            // x 0.6 on the back is the client's right.
            myochart::model::FindingForm {
                side: Side::Left,
                ..trapezius_finding()
            },
            "side",
        ),
    ];
    for (form, field) in cases {
        assert_eq!(
            fields(
                db.api
                    .add_finding(session.id, form)
                    .await
                    .expect_err("refused")
            ),
            [field]
        );
    }
    let unknown = db
        .api
        .add_finding(
            session.id,
            myochart::model::FindingForm {
                muscle_id: "core:biceps".into(),
                ..trapezius_finding()
            },
        )
        .await
        .expect_err("refused");
    assert!(
        unknown
            .to_string()
            .contains("unknown muscle \"core:biceps\""),
        "{unknown}"
    );
    assert!(db
        .api
        .session(session.id)
        .await
        .expect("detail")
        .findings
        .is_empty());
}

async fn moving_a_finding_off_the_chart_is_refused(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    let session = db.session(&client).await;
    let finding = db
        .api
        .add_finding(session.id, trapezius_finding())
        .await
        .expect("finding");
    let error = db
        .api
        .move_finding(
            finding.id,
            FindingMove {
                view: View::Back,
                x: 2.0,
                y: 0.5,
                side: None,
            },
        )
        .await
        .expect_err("refused");
    assert_eq!(fields(error), ["position"]);
    let kept = &db.api.session(session.id).await.expect("detail").findings[0];
    assert_eq!((kept.x, kept.y), (finding.x, finding.y));
}

async fn pain_scores_outside_the_scale_are_refused(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    let session = db.session(&client).await;
    let error = db
        .api
        .write_note(
            session.id,
            NoteForm {
                subjective: "kept?".into(),
                pain_before: Some(12),
                ..NoteForm::default()
            },
        )
        .await
        .expect_err("refused");
    assert_eq!(fields(error), ["painBefore"]);
    assert_eq!(
        db.api
            .session(session.id)
            .await
            .expect("detail")
            .session
            .subjective,
        ""
    );
}

async fn missing_records_are_not_found(db: TestDb) {
    assert_eq!(
        db.api
            .client_record(ClientId(404))
            .await
            .expect_err("missing")
            .code(),
        Code::NotFound
    );
    assert_eq!(
        db.api
            .create_session(ClientId(404), SessionForm::default())
            .await
            .expect_err("missing")
            .code(),
        Code::NotFound
    );
    assert_eq!(
        db.api
            .add_finding(SessionId(404), trapezius_finding())
            .await
            .expect_err("missing")
            .code(),
        Code::NotFound
    );
    assert_eq!(
        db.api
            .sign_note(SessionId(404))
            .await
            .expect_err("missing")
            .to_string(),
        "session 404 was not found"
    );
}

async fn a_bad_session_date_is_refused(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    let error = db
        .api
        .create_session(
            client.id,
            SessionForm {
                session_date: "31/12/2026".into(),
                therapist: String::new(),
            },
        )
        .await
        .expect_err("refused");
    assert_eq!(fields(error), ["sessionDate"]);
}

async fn the_finder_refuses_taps_off_the_chart_and_no_taps(db: TestDb) {
    let off_chart = Spot {
        view: View::Front,
        x: 1.5,
        y: 0.1,
    };
    assert_eq!(
        fields(db.api.find(&[off_chart]).expect_err("refused")),
        ["spots"]
    );
    assert_eq!(fields(db.api.find(&[]).expect_err("refused")), ["spots"]);
}

async fn a_finding_is_on_the_side_of_the_chart_it_is_drawn_on(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    let session = db.session(&client).await;
    // Near the midline either side is the therapist's call.
    let midline = db
        .api
        .add_finding(
            session.id,
            myochart::model::FindingForm {
                side: Side::Left,
                x: 0.51,
                ..trapezius_finding()
            },
        )
        .await
        .expect("near the midline");
    assert_eq!(midline.side, Side::Left);
    let move_to = |x: f64, side: Option<Side>| {
        let to = FindingMove {
            view: View::Back,
            x,
            y: 0.2,
            side,
        };
        db.api.move_finding(midline.id, to)
    };
    // Dragged clearly across the midline, the point changes side with it.
    assert_eq!(move_to(0.7, None).await.expect("moved").side, Side::Right);
    assert_eq!(move_to(0.3, None).await.expect("back").side, Side::Left);
    // Undo puts a point back with the side it had, near the midline too...
    let undone = move_to(0.51, Some(Side::Left)).await.expect("undone");
    assert_eq!((undone.x, undone.side), (0.51, Side::Left));
    // ...but never a side the point is clearly not on.
    let wrong = move_to(0.3, Some(Side::Right))
        .await
        .expect_err("wrong side");
    assert_eq!(fields(wrong), ["side"]);
}

/// The messages of a validation error, by field.
fn messages(error: &myochart::api::Error) -> Vec<(String, String)> {
    assert_eq!(error.code(), Code::Validation, "{error}");
    myochart::api::ErrorBody::from(error)
        .fields
        .into_iter()
        .map(|f| (f.field, f.message))
        .collect()
}

/// Issue 13: SOAP fields, amendments, pressure and response took text of any
/// length with any control characters.
async fn note_finding_and_amendment_text_is_limited_and_has_no_control_characters(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    let session = db.session(&client).await;
    let error = db
        .api
        .write_note(
            session.id,
            NoteForm {
                subjective: "x".repeat(20_001),
                objective: "Taut band\u{7}".into(),
                // Newlines and tabs are text.
                assessment: "Line one\n\tLine two\r\n".into(),
                plan: "Self-care\u{1b}[2J".into(),
                ..NoteForm::default()
            },
        )
        .await
        .expect_err("refused");
    assert_eq!(
        messages(&error),
        [
            (
                "subjective".into(),
                "Subjective is longer than 20000 characters".into()
            ),
            (
                "objective".into(),
                "Objective contains a control character (U+0007); remove it".into()
            ),
            (
                "plan".into(),
                "Plan contains a control character (U+001B); remove it".into()
            ),
        ]
    );

    let mut finding = trapezius_finding();
    finding.pressure = "p".repeat(201);
    finding.response = "Eased\u{0}".into();
    let error = db
        .api
        .add_finding(session.id, finding)
        .await
        .expect_err("refused");
    assert_eq!(fields(error), ["pressure", "response"]);

    db.api.sign_note(session.id).await.expect("signed");
    let error = db
        .api
        .amend_note(
            session.id,
            myochart::model::AmendmentForm {
                reason: "r".repeat(1_001),
                text: "t\u{8}".into(),
            },
        )
        .await
        .expect_err("refused");
    assert_eq!(fields(error), ["reason", "text"]);
}

/// Issue 13: a lone UTF-16 surrogate (half an emoji, cut by the web view)
/// made the whole form fail to deserialize with a cryptic message; now only
/// its field is refused, with a message saying what to do.
#[tokio::test]
async fn a_lone_surrogate_from_the_web_view_refuses_only_its_field() {
    // What `JSON.stringify` in the web view sends for such a string.
    let json = r#"{"subjective": "Pain \ud83d here", "plan": "Heat \ud83d\ude00 daily"}"#;
    let form: NoteForm = serde_json::from_str(json).expect("the form deserializes");
    assert_eq!(form.subjective, "Pain \u{fffd} here");
    assert_eq!(form.plan, "Heat \u{1f600} daily");

    let db = TestDb::new().await;
    let client = db.client("Anna", "Smith").await;
    let session = db.session(&client).await;
    let error = db
        .api
        .write_note(session.id, form)
        .await
        .expect_err("refused");
    assert_eq!(
        messages(&error),
        [(
            "subjective".into(),
            "Subjective contains a broken character (shown as \u{fffd}), perhaps half of an \
             emoji: retype it"
                .into()
        )]
    );

    let json = r#"{"muscleId": "core:upper-trapezius", "side": "right", "view": "back",
        "x": 0.6, "y": 0.2, "tenderness": 5, "activity": "active", "response": "\udc00"}"#;
    let finding: myochart::model::FindingForm = serde_json::from_str(json).expect("deserializes");
    assert_eq!(finding.response, "\u{fffd}");
    let json = r#"{"firstName": "Ann\ud800a", "healthHistory": "\udfff"}"#;
    let client: ClientForm = serde_json::from_str(json).expect("deserializes");
    let error = db.api.create_client(client).await.expect_err("refused");
    assert_eq!(fields(error), ["firstName", "healthHistory"]);
}

on_both_engines!(
    an_empty_name_is_refused_and_nothing_is_stored,
    an_invalid_edit_keeps_the_old_record,
    finding_errors_name_the_field,
    moving_a_finding_off_the_chart_is_refused,
    pain_scores_outside_the_scale_are_refused,
    missing_records_are_not_found,
    a_bad_session_date_is_refused,
    the_finder_refuses_taps_off_the_chart_and_no_taps,
    a_finding_is_on_the_side_of_the_chart_it_is_drawn_on,
    note_finding_and_amendment_text_is_limited_and_has_no_control_characters,
);
