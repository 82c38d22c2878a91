//! The therapist's charting flow: intake and red flags, checks from the finder,
//! comparison with last session, undo, snippets, and drafts that are never lost.

use std::collections::BTreeMap;

use myochart::api::Code;
use myochart::atlas::{RedFlag, Side};
use myochart::model::{
    screening_answers, CheckForm, ClientForm, FindingForm, NoteForm, PressureTolerance,
    SessionForm, SnippetForm,
};

use crate::helpers::{invalid_fields, trapezius_finding, TestDb};

fn scalenes_finding() -> FindingForm {
    FindingForm {
        muscle_id: "core:scalenes".into(),
        view: myochart::atlas::View::Front,
        x: 0.45,
        y: 0.15,
        ..trapezius_finding()
    }
}

fn intake(red_flags: &[RedFlag]) -> ClientForm {
    ClientForm {
        first_name: "Ελένη".into(),
        last_name: "Νικολάου".into(),
        health_history: "Desk job, migraines as a teenager".into(),
        medications: "Ibuprofen as needed".into(),
        pressure_tolerance: PressureTolerance::Light,
        consent_scope: "Trigger-point therapy of the neck and shoulders".into(),
        consent_date: "2026-11-20".into(),
        consent_signed_by: "Ελένη Νικολάου".into(),
        red_flag_answers: screening_answers(red_flags),
        ..ClientForm::default()
    }
}

async fn intake_is_stored_whole_and_positive_red_flags_become_warnings_everywhere(db: TestDb) {
    let client = db
        .api
        .create_client(intake(&[RedFlag::DizzinessVisual, RedFlag::ArmNumbness]))
        .await
        .expect("client");
    assert_eq!(client.pressure_tolerance, PressureTolerance::Light);
    assert_eq!(client.consent_date.as_deref(), Some("2026-11-20"));
    // Stored in intake order, whatever order they were ticked in.
    assert_eq!(
        client.red_flags,
        [RedFlag::ArmNumbness, RedFlag::DizzinessVisual]
    );
    assert!(client.screened_at.is_some());

    let record = db.api.client_record(client.id).await.expect("record");
    let flags: Vec<RedFlag> = record.warnings.iter().map(|w| w.flag).collect();
    assert_eq!(flags, [RedFlag::ArmNumbness, RedFlag::DizzinessVisual]);
    assert!(record.warnings[0]
        .message
        .contains("numbness, tingling or weakness in the arm or hand"));

    let session = db.session(&client).await;
    let scalenes = db
        .api
        .add_finding(session.id, scalenes_finding())
        .await
        .expect("scalenes");
    db.api
        .add_finding(session.id, trapezius_finding())
        .await
        .expect("trapezius");
    let detail = db.api.session(session.id).await.expect("detail");
    assert_eq!(detail.warnings, record.warnings);
    let cautions: Vec<_> = detail
        .cautions
        .iter()
        .map(|c| (c.finding_id, c.flag))
        .collect();
    assert_eq!(cautions, [(scalenes.id, RedFlag::ArmNumbness)]);
    assert!(
        detail.cautions[0].message.contains("Scalenes"),
        "{}",
        detail.cautions[0].message
    );
}

async fn without_positive_answers_there_are_no_warnings_or_cautions(db: TestDb) {
    let client = db.api.create_client(intake(&[])).await.expect("client");
    assert!(client.screened_at.is_some(), "screened with all answers no");
    let session = db.session(&client).await;
    db.api
        .add_finding(session.id, scalenes_finding())
        .await
        .expect("scalenes");
    let detail = db.api.session(session.id).await.expect("detail");
    assert!(detail.warnings.is_empty() && detail.cautions.is_empty());
    let unscreened = db.client("Anna", "Smith").await;
    assert_eq!(unscreened.screened_at, None);
}

async fn the_screening_date_moves_only_when_the_answers_change(db: TestDb) {
    let client = db.api.create_client(intake(&[])).await.expect("client");
    let first = client.screened_at.clone();
    let edited = db
        .api
        .update_client(
            client.id,
            ClientForm {
                phone: "+30 210 1234567".into(),
                ..intake(&[])
            },
        )
        .await
        .expect("edit");
    assert_eq!(edited.screened_at, first);
    let rescreened = db
        .api
        .update_client(client.id, intake(&[RedFlag::SuddenHeadache]))
        .await
        .expect("edit");
    assert_ne!(rescreened.screened_at, first);
    assert_eq!(rescreened.red_flags, [RedFlag::SuddenHeadache]);
}

async fn half_a_screening_is_refused_so_unasked_questions_never_read_as_no(db: TestDb) {
    let client = db.api.create_client(intake(&[])).await.expect("client");
    let mut half = intake(&[]);
    half.red_flag_answers = BTreeMap::from([(RedFlag::ArmNumbness, true)]);
    let error = db
        .api
        .update_client(client.id, half)
        .await
        .expect_err("refused");
    assert_eq!(invalid_fields(&error), ["redFlagAnswers"]);
    assert!(error.to_string().contains("12 of the 13"), "{error}");
    let unchanged = db.api.client_record(client.id).await.expect("record");
    assert_eq!(
        unchanged.client, client,
        "nothing of the refused edit is saved"
    );

    // Clearing every answer is a choice too: screen at the next visit.
    let cleared = db
        .api
        .update_client(
            client.id,
            ClientForm {
                red_flag_answers: BTreeMap::new(),
                ..intake(&[])
            },
        )
        .await
        .expect("cleared");
    assert_eq!((cleared.screened_at, cleared.red_flags), (None, vec![]));
}

async fn consent_is_all_or_nothing(db: TestDb) {
    let error = db
        .api
        .create_client(
            ClientForm {
                consent_scope: "Neck work".into(),
                ..intake(&[])
            }
            .with_consent("", ""),
        )
        .await
        .expect_err("refused");
    let fields = invalid_fields(&error);
    assert_eq!(fields, ["consentDate", "consentSignedBy"]);
    let future = db
        .api
        .create_client(ClientForm {
            consent_date: "2999-01-01".into(),
            ..intake(&[])
        })
        .await
        .expect_err("refused");
    assert!(future.to_string().contains("in the future"), "{future}");
    let none = db
        .api
        .create_client(ClientForm {
            first_name: "Ben".into(),
            ..ClientForm::default()
        })
        .await
        .expect("no consent is fine");
    assert_eq!(
        (none.consent_scope.as_str(), none.consent_date.as_deref()),
        ("", None)
    );
}

trait WithConsent {
    fn with_consent(self, date: &str, signed_by: &str) -> Self;
}

impl WithConsent for ClientForm {
    fn with_consent(self, date: &str, signed_by: &str) -> Self {
        ClientForm {
            consent_date: date.into(),
            consent_signed_by: signed_by.into(),
            ..self
        }
    }
}

async fn finder_checks_are_listed_once_ticked_off_by_charting_and_cleared_by_signing(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    let session = db.session(&client).await;
    let checks = vec![
        CheckForm {
            muscle_id: "core:upper-trapezius".into(),
            side: Side::Right,
        },
        CheckForm {
            muscle_id: "core:scalenes".into(),
            side: Side::Right,
        },
        CheckForm {
            muscle_id: "core:upper-trapezius".into(),
            side: Side::Right,
        },
    ];
    let listed = db.api.add_checks(session.id, checks).await.expect("checks");
    assert_eq!(
        listed
            .iter()
            .map(|c| c.muscle_label.as_str())
            .collect::<Vec<_>>(),
        ["Upper trapezius", "Scalenes (anterior, middle, posterior)"]
    );

    db.api
        .add_finding(session.id, trapezius_finding())
        .await
        .expect("charted");
    let left = db.api.session(session.id).await.expect("detail").checks;
    assert_eq!(
        left.iter()
            .map(|c| c.muscle_id.as_str())
            .collect::<Vec<_>>(),
        ["core:scalenes"]
    );

    let unknown = db
        .api
        .add_checks(
            session.id,
            vec![CheckForm {
                muscle_id: "core:biceps".into(),
                side: Side::Left,
            }],
        )
        .await;
    assert_eq!(unknown.expect_err("unknown").code(), Code::Validation);

    db.api.sign_note(session.id).await.expect("signed");
    assert!(db
        .api
        .session(session.id)
        .await
        .expect("detail")
        .checks
        .is_empty());
    let late = db
        .api
        .add_checks(
            session.id,
            vec![CheckForm {
                muscle_id: "core:scalenes".into(),
                side: Side::Left,
            }],
        )
        .await;
    assert_eq!(late.expect_err("signed").code(), Code::SignedNote);
}

async fn a_session_shows_the_previous_sessions_findings_for_comparison(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    let other = db.client("Ben", "Jones").await;
    let date = |d: &str| SessionForm {
        session_date: d.into(),
        therapist: String::new(),
    };
    let first = db
        .api
        .create_session(client.id, date("2026-10-01"))
        .await
        .expect("s");
    let second = db
        .api
        .create_session(client.id, date("2026-10-15"))
        .await
        .expect("s");
    let third = db
        .api
        .create_session(client.id, date("2026-11-01"))
        .await
        .expect("s");
    let foreign = db
        .api
        .create_session(other.id, date("2026-10-20"))
        .await
        .expect("s");
    db.api
        .add_finding(first.id, scalenes_finding())
        .await
        .expect("f");
    let last_time = db
        .api
        .add_finding(second.id, trapezius_finding())
        .await
        .expect("f");
    db.api
        .add_finding(foreign.id, scalenes_finding())
        .await
        .expect("f");
    let earlier = db
        .api
        .session(third.id)
        .await
        .expect("detail")
        .earlier_findings;
    assert_eq!(
        earlier.iter().map(|f| f.id).collect::<Vec<_>>(),
        [last_time.id]
    );
    assert!(db
        .api
        .session(first.id)
        .await
        .expect("detail")
        .earlier_findings
        .is_empty());
}

async fn a_removed_finding_can_be_put_back(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    let session = db.session(&client).await;
    let finding = db
        .api
        .add_finding(session.id, trapezius_finding())
        .await
        .expect("f");
    db.api.remove_finding(finding.id).await.expect("removed");
    assert!(db
        .api
        .session(session.id)
        .await
        .expect("detail")
        .findings
        .is_empty());
    let restored = db.api.restore_finding(finding.id).await.expect("restored");
    assert_eq!(restored, finding);
    assert_eq!(
        db.api
            .restore_finding(finding.id)
            .await
            .expect_err("not removed")
            .code(),
        Code::NotFound
    );
}

async fn snippets_are_kept_sorted_and_validated(db: TestDb) {
    let plan = db
        .api
        .create_snippet(SnippetForm {
            label: "Plan: weekly".into(),
            text: "Weekly for 3 weeks, then review.".into(),
        })
        .await
        .expect("snippet");
    db.api
        .create_snippet(SnippetForm {
            label: "home care".into(),
            text: "Pain-free self-compression daily.".into(),
        })
        .await
        .expect("snippet");
    let labels: Vec<String> = db
        .api
        .snippets()
        .await
        .expect("list")
        .into_iter()
        .map(|s| s.label)
        .collect();
    assert_eq!(labels, ["home care", "Plan: weekly"]);
    let empty = db
        .api
        .create_snippet(SnippetForm {
            label: " ".into(),
            text: " ".into(),
        })
        .await
        .expect_err("refused");
    assert_eq!(invalid_fields(&empty), ["label", "text"]);
    db.api.delete_snippet(plan.id).await.expect("deleted");
    assert_eq!(db.api.snippets().await.expect("list").len(), 1);
}

async fn every_autosaved_draft_survives_reopening_the_database(db: TestDb) {
    let client = db.client("สมชาย", "ใจดี").await;
    let session = db.session(&client).await;
    let mut typed = String::new();
    for word in ["ปวด", "ขมับ", "ขวา", "since Monday"] {
        typed.push_str(word);
        typed.push(' ');
        db.api
            .write_note(
                session.id,
                NoteForm {
                    subjective: typed.clone(),
                    pain_before: Some(6),
                    ..NoteForm::default()
                },
            )
            .await
            .expect("autosave");
    }
    db.api.close().await;
    let reopened = db.other_window().await;
    let draft = reopened.session(session.id).await.expect("detail").session;
    assert_eq!(draft.subjective, typed);
    assert_eq!(draft.pain_before, Some(6));
    assert_eq!(draft.status, myochart::model::SessionStatus::Draft);
}

async fn a_draft_saved_elsewhere_is_never_overwritten_by_text_typed_over_an_older_one(db: TestDb) {
    let client = db.client("Anna", "Smith").await;
    let session = db.session(&client).await;
    assert_eq!(session.note_revision, 0);
    let note = |subjective: &str, based_on: i64| NoteForm {
        subjective: subjective.into(),
        based_on: Some(based_on),
        ..NoteForm::default()
    };
    // Two windows open the same draft at revision 0; the first one saves...
    let first = db
        .api
        .write_note(session.id, note("Neck pain, typed in window one", 0))
        .await
        .expect("first window");
    assert_eq!(first.note_revision, 1);
    // ...and keeps saving from the revision it got back.
    let again = db
        .api
        .write_note(session.id, note("Neck pain since Monday", 1))
        .await
        .expect("first window again");
    // The second window's text was typed over revision 0: refused, nothing lost.
    let error = db
        .api
        .write_note(session.id, note("Shoulder, typed in window two", 0))
        .await
        .expect_err("changed elsewhere");
    assert_eq!(error.code(), Code::ChangedElsewhere);
    assert!(error.to_string().contains("changed elsewhere"), "{error}");
    let stored = db.api.session(session.id).await.expect("detail").session;
    assert_eq!(stored, again);
    assert_eq!(stored.subjective, "Neck pain since Monday");
    // Once signed, a late save from any window is told so, whatever it was typed over.
    db.api.sign_note(session.id).await.expect("sign");
    for based_on in [0, 2] {
        let late = db
            .api
            .write_note(session.id, note("Late words", based_on))
            .await
            .expect_err("signed");
        assert_eq!(late.code(), Code::SignedNote, "{late}");
    }
}

on_both_engines!(
    every_autosaved_draft_survives_reopening_the_database,
    intake_is_stored_whole_and_positive_red_flags_become_warnings_everywhere,
    without_positive_answers_there_are_no_warnings_or_cautions,
    the_screening_date_moves_only_when_the_answers_change,
    half_a_screening_is_refused_so_unasked_questions_never_read_as_no,
    consent_is_all_or_nothing,
    finder_checks_are_listed_once_ticked_off_by_charting_and_cleared_by_signing,
    a_session_shows_the_previous_sessions_findings_for_comparison,
    a_removed_finding_can_be_put_back,
    snippets_are_kept_sorted_and_validated,
    a_draft_saved_elsewhere_is_never_overwritten_by_text_typed_over_an_older_one,
);
