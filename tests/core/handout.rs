//! Home-care handouts, read back from the PDFs with poppler's own tools
//! (`pdftotext`, `pdfinfo`, `pdffonts`), not only checked for existence.

use std::path::{Path, PathBuf};
use std::process::Command;

use myochart::api::Code;
use myochart::atlas::Atlas;
use myochart::atlas::{RedFlag, Side, View};
use myochart::i18n::{AtlasTranslation, Messages, Untranslated};
use myochart::model::{
    Client, ClientForm, FindingForm, HandoutOptions, Language, Paper, Session, SessionId, Settings,
};

use crate::cli::{myochart, stdout};
use crate::helpers::{assert_no_missing_glyphs, trapezius_finding, TestDb};

/// Runs a poppler tool on a PDF; every PDF read back this way is first checked
/// for missing glyphs (boxes).
pub fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    assert_no_missing_glyphs(pdf);
    let output = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("can't run {tool} (install poppler-utils): {e}"));
    assert!(
        output.status.success(),
        "{tool} failed on {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

pub fn text_of(pdf: &Path) -> String {
    poppler("pdftotext", &[], pdf)
}

pub fn page_text(pdf: &Path, page: usize) -> String {
    let page = page.to_string();
    poppler("pdftotext", &["-f", &page, "-l", &page], pdf)
}

/// `pdfinfo`'s value for `key` ("Pages", "Page size").
pub fn info(pdf: &Path, key: &str) -> String {
    poppler("pdfinfo", &[], pdf)
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{key}:")))
        .map(|value| value.trim().to_owned())
        .unwrap_or_else(|| panic!("pdfinfo has no {key}"))
}

pub fn pages(pdf: &Path) -> usize {
    info(pdf, "Pages").parse().expect("a page count")
}

pub fn finding(muscle: &str, side: Side, view: View, x: f64, y: f64) -> FindingForm {
    FindingForm {
        muscle_id: muscle.into(),
        side,
        view,
        x,
        y,
        ..trapezius_finding()
    }
}

/// A client with a session of four findings on four muscles, front and back.
async fn typical(db: &TestDb, first_name: &str) -> (Client, Session) {
    let client = db.client(first_name, "").await;
    let session = db.session(&client).await;
    for form in [
        trapezius_finding(),
        finding("core:levator-scapulae", Side::Right, View::Back, 0.57, 0.17),
        finding("core:suboccipitals", Side::Left, View::Back, 0.456, 0.106),
        finding("core:scalenes", Side::Right, View::Front, 0.433, 0.164),
    ] {
        db.api
            .add_finding(session.id, form)
            .await
            .expect("add finding");
    }
    (client, session)
}

fn with_advice(advice: &str, next_appointment: &str) -> HandoutOptions {
    HandoutOptions {
        advice: advice.into(),
        next_appointment: next_appointment.into(),
        ..HandoutOptions::default()
    }
}

async fn save(db: &TestDb, session: SessionId, options: HandoutOptions, name: &str) -> PathBuf {
    let path = db.dir.path().join(name);
    db.api
        .save_handout(session, options, &path)
        .await
        .expect("save handout");
    path
}

/// Every file in a folder except the test database and its journals.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| !name.starts_with("test.sqlite"))
        .collect();
    names.sort();
    names
}

async fn a_thai_clients_handout_names_them_and_every_charted_muscle(db: TestDb) {
    db.api
        .save_settings(Settings {
            clinic_name: "Ρίζα Bodywork".into(),
            therapist_name: "Anna".into(),
            contact: "081 234 5678".into(),
            paper: Paper::A4,
            ..Settings::default()
        })
        .await
        .expect("settings");
    let (_, session) = typical(&db, "สมชาย").await;
    let advice = "ดื่มน้ำให้มาก ๆ ผู้ป่วยที่ปวดคอควรพักสายตาทุกชั่วโมง";
    let pdf = save(
        &db,
        session.id,
        with_advice(advice, "Tuesday 2 December, 10:00"),
        "สมชาย.pdf",
    )
    .await;

    let text = text_of(&pdf);
    for expected in [
        "Home care for สมชาย",
        "Ρίζα Bodywork",
        "081 234 5678",
        "20 November 2026",
        // Shaped Thai (tone marks over upper vowels, SARA AM) reads back as typed.
        advice,
        "Tuesday 2 December, 10:00",
        "Upper trapezius, right side",
        "Levator scapulae, right side",
        "Suboccipitals, left side",
        "Scalenes (anterior, middle, posterior), right side",
        "Upper trapezius stretch",
        "Pain-free compression",
        "Theracane",
        "See your doctor if",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    // Long items wrap: compare with the lines joined.
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let english = Messages::new(&Language::english());
    for flag in RedFlag::ALL {
        assert!(joined.contains(&english.see_your_doctor(flag)), "{flag:?}");
    }
    let count = pages(&pdf);
    assert!(text.contains(&format!("Page 1 of {count}")), "{text}");
    assert_eq!(info(&pdf, "Page size"), "595.276 x 841.89 pts (A4)");
}

async fn greek_cyrillic_and_accented_text_prints_and_reads_back(db: TestDb) {
    let (_, session) = typical(&db, "Ελένη").await;
    let advice = "Пейте больше воды. Crème brûlée, Łódź, Ærø, Ñuñoa. Πίνετε νερό.";
    let pdf = save(
        &db,
        session.id,
        with_advice(advice, "Четверг, 4 декабря"),
        "eleni.pdf",
    )
    .await;
    let text = text_of(&pdf);
    assert!(text.contains("Home care for Ελένη"), "{text}");
    assert!(text.contains(advice), "{text}");
    assert!(text.contains("Четверг, 4 декабря"), "{text}");
}

async fn fonts_are_embedded_as_subsets_and_the_file_stays_small(db: TestDb) {
    let (_, session) = typical(&db, "สมชาย Ελένη").await;
    let pdf = save(&db, session.id, HandoutOptions::default(), "fonts.pdf").await;
    let fonts = poppler("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{fonts}");
    for row in rows {
        // emb, sub and uni: embedded, subset, with a ToUnicode map.
        assert!(row.contains("yes yes yes"), "{row}");
    }
    let size = std::fs::metadata(&pdf).expect("pdf").len();
    assert!(size < 300 * 1024, "{size} bytes");
}

async fn a_fifteen_finding_session_flows_onto_numbered_pages(db: TestDb) {
    let client = db.client("Светлана", "").await;
    let session = db.session(&client).await;
    let atlas = db.api.atlas().clone();
    let mut names = Vec::new();
    for muscle in atlas.muscles() {
        for side in Side::BOTH {
            let point = &muscle.points[0];
            let (view, x, y) = point.on_side(side);
            let form = finding(&muscle.id, side, view, x.into(), y.into());
            if names.len() < 15 {
                db.api.add_finding(session.id, form).await.expect("finding");
                names.push(muscle.name.clone());
            }
        }
    }
    let pdf = save(&db, session.id, HandoutOptions::default(), "long.pdf").await;
    let count = pages(&pdf);
    assert!(count >= 3, "{count} pages");
    let text = text_of(&pdf);
    for name in &names {
        assert!(text.contains(name.as_str()), "{name} missing");
    }
    for page in 1..=count {
        let footer = format!("Page {page} of {count}");
        assert!(page_text(&pdf, page).contains(&footer), "{footer}");
    }
    // The red flags close the handout, on its last page.
    assert!(page_text(&pdf, count).contains("See your doctor if"));
}

async fn paper_comes_from_the_settings_unless_the_handout_says_otherwise(db: TestDb) {
    let (client, session) = typical(&db, "Zoë").await;
    db.api
        .save_settings(Settings {
            paper: Paper::Letter,
            ..Settings::default()
        })
        .await
        .expect("settings");
    let letter = save(&db, session.id, HandoutOptions::default(), "letter.pdf").await;
    assert_eq!(info(&letter, "Page size"), "612 x 792 pts (letter)");
    let a4 = save(
        &db,
        session.id,
        HandoutOptions {
            paper: Some(Paper::A4),
            ..HandoutOptions::default()
        },
        "a4.pdf",
    )
    .await;
    assert_eq!(info(&a4, "Page size"), "595.276 x 841.89 pts (A4)");

    let given = db
        .api
        .handouts_of_client(client.id)
        .await
        .expect("handouts");
    let papers: Vec<Paper> = given.iter().map(|h| h.paper).collect();
    assert_eq!(papers, [Paper::A4, Paper::Letter], "newest first");
    assert_eq!(given[0].file_path, a4.display().to_string());
    assert_eq!(given[0].session_id, session.id);
}

async fn a_handout_given_is_recorded_with_its_advice_and_in_the_audit_log(db: TestDb) {
    let (client, session) = typical(&db, "Anna").await;
    let options = with_advice("Walk daily.", "Friday");
    let path = db.dir.path().join("anna.pdf");
    let handout = db
        .api
        .save_handout(session.id, options, &path)
        .await
        .expect("save");
    assert_eq!(
        (
            handout.client_id,
            handout.advice.as_str(),
            handout.next_appointment.as_str()
        ),
        (client.id, "Walk daily.", "Friday")
    );
    let trail = db
        .api
        .audit_trail("session", session.id.0)
        .await
        .expect("trail");
    assert!(trail
        .iter()
        .any(|e| e.action == "handout.give" && e.detail == path.display().to_string()));
    // A preview is the same PDF without a record, in a folder beside the
    // database that only this user can open, replacing the one before.
    let first = db
        .api
        .write_handout_preview(session.id, HandoutOptions::default())
        .await
        .expect("preview");
    let preview = db
        .api
        .write_handout_preview(session.id, HandoutOptions::default())
        .await
        .expect("preview again");
    let folder = db.previews_folder();
    assert_eq!(preview.parent(), Some(folder.as_path()));
    assert!(text_of(&preview).contains("Upper trapezius"));
    let previews = std::fs::read_dir(&folder).expect("folder");
    assert_eq!(previews.count(), 1, "{first:?} was replaced");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let folder = std::fs::metadata(&folder).expect("folder");
        assert_eq!(folder.permissions().mode() & 0o777, 0o700);
    }
    assert_eq!(
        db.api
            .handouts_of_client(client.id)
            .await
            .expect("list")
            .len(),
        1
    );
}

async fn saving_over_an_existing_file_replaces_it_whole(db: TestDb) {
    let (_, session) = typical(&db, "Anna").await;
    let path = db.dir.path().join("again.pdf");
    std::fs::write(&path, "an old, unrelated file").expect("write");
    save(&db, session.id, HandoutOptions::default(), "again.pdf").await;
    assert!(std::fs::read(&path).expect("read").starts_with(b"%PDF-"));
    assert_eq!(files_in(db.dir.path()), ["again.pdf"]);
}

async fn a_missing_session_or_one_without_findings_is_refused_and_nothing_is_written(db: TestDb) {
    let path = db.dir.path().join("nothing.pdf");
    let missing = db
        .api
        .save_handout(SessionId(404), HandoutOptions::default(), &path)
        .await
        .expect_err("no such session");
    assert_eq!(missing.code(), Code::NotFound);
    assert_eq!(missing.to_string(), "session 404 was not found");

    let client = db.client("Anna", "").await;
    let empty = db.session(&client).await;
    let none = db
        .api
        .save_handout(empty.id, HandoutOptions::default(), &path)
        .await
        .expect_err("no findings");
    assert_eq!(none.code(), Code::Validation);
    assert!(
        none.to_string().contains("no charted trigger points"),
        "{none}"
    );
    assert!(db
        .api
        .handout_pdf(empty.id, HandoutOptions::default())
        .await
        .is_err());

    assert_eq!(files_in(db.dir.path()), Vec::<String>::new());
    assert!(db
        .api
        .handouts_of_client(client.id)
        .await
        .expect("list")
        .is_empty());
}

async fn an_unwritable_path_is_a_file_error_that_leaves_no_partial_file(db: TestDb) {
    let (client, session) = typical(&db, "Anna").await;
    let blocker = db.dir.path().join("not-a-folder");
    std::fs::write(&blocker, "a file").expect("write");
    for path in [
        db.dir.path().join("missing").join("handout.pdf"),
        blocker.join("handout.pdf"),
        db.dir.path().to_owned(),
    ] {
        let error = db
            .api
            .save_handout(session.id, HandoutOptions::default(), &path)
            .await
            .expect_err("unwritable");
        assert_eq!(error.code(), Code::File, "{error}");
        assert!(
            error.to_string().contains(&*path.to_string_lossy()),
            "{error}"
        );
    }
    assert_eq!(files_in(db.dir.path()), ["not-a-folder"]);
    assert!(db
        .api
        .handouts_of_client(client.id)
        .await
        .expect("list")
        .is_empty());
}

async fn bad_options_and_settings_name_their_fields(db: TestDb) {
    let (_, session) = typical(&db, "Anna").await;
    let error = db
        .api
        .handout_pdf(
            session.id,
            HandoutOptions {
                next_appointment: "two\nlines".into(),
                ..HandoutOptions::default()
            },
        )
        .await
        .expect_err("invalid");
    assert_eq!(error.code(), Code::Validation);
    let error = db
        .api
        .save_settings(Settings {
            clinic_name: "x".repeat(201),
            ..Settings::default()
        })
        .await
        .expect_err("invalid");
    let body = myochart::api::ErrorBody::from(&error);
    assert_eq!(body.fields[0].field, "clinicName");
    assert_eq!(
        db.api.settings().await.expect("settings"),
        Settings::default()
    );
}

#[test]
fn the_command_line_saves_a_handout() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("cli.sqlite");
    let settings = stdout(&myochart(
        &db,
        &["settings", "set", "--clinic", "Ρίζα", "--paper", "letter"],
    ));
    assert!(settings.contains("clinic:    Ρίζα") && settings.contains("paper:     letter"));
    stdout(&myochart(&db, &["client", "add", "--first", "Ελένη"]));
    stdout(&myochart(
        &db,
        &["session", "new", "--client", "1", "--date", "2026-11-20"],
    ));
    let out = dir.path().join("eleni.pdf");
    let out_arg = out.to_str().expect("utf-8 path");

    let empty = myochart(&db, &["handout", "--session", "1", "--out", out_arg]);
    assert_eq!(empty.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&empty.stderr).contains("no charted trigger points"));
    assert!(!out.exists());

    stdout(&myochart(
        &db,
        &[
            "finding",
            "add",
            "--session",
            "1",
            "--muscle",
            "core:upper-trapezius",
            "--side",
            "left",
            "--view",
            "back",
            "--x",
            "0.36",
            "--y",
            "0.18",
            "--tenderness",
            "6",
        ],
    ));
    let saved = stdout(&myochart(
        &db,
        &[
            "handout",
            "--session",
            "1",
            "--out",
            out_arg,
            "--paper",
            "a4",
            "--advice",
            "Πίνετε νερό",
            "--next-appointment",
            "Friday 10:00",
        ],
    ));
    assert!(
        saved.contains("eleni.pdf") && saved.contains("(a4)"),
        "{saved}"
    );
    let text = text_of(&out);
    assert!(text.contains("Home care for Ελένη") && text.contains("Πίνετε νερό"));
    assert!(text.contains("Upper trapezius, left side") && text.contains("Friday 10:00"));

    let missing = myochart(&db, &["handout", "--session", "9", "--out", out_arg]);
    assert_eq!(missing.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("session 9 was not found"));
}

async fn handouts_saved_into_a_folder_get_readable_names_that_never_overwrite(db: TestDb) {
    // A slash, and what Windows reserves, can't be in a file name.
    let (_, session) = typical(&db, "Zoë/Ann: \"Jo\"?").await;
    let folder = db.dir.path().join("handouts");
    for _ in 0..2 {
        db.api
            .save_handout_in(session.id, HandoutOptions::default(), &folder)
            .await
            .expect("saved");
    }
    assert_eq!(
        files_in(&folder),
        [
            "Home care - Zoë-Ann- -Jo-- - 2026-11-20 (2).pdf",
            "Home care - Zoë-Ann- -Jo-- - 2026-11-20.pdf"
        ]
    );
    assert_eq!(
        db.api
            .handouts_of_client(session.client_id)
            .await
            .expect("list")
            .len(),
        2
    );
}

/// The atlas's cautions are the therapist's ("refer first", "rule out the
/// heart"): the client's handout gives its own warning signs instead, and the
/// self-care says where not to press.
async fn a_handout_leaves_the_therapists_cautions_out_and_says_where_not_to_press(db: TestDb) {
    let (_, session) = typical(&db, "Zoë").await;
    let chest = finding(
        "core:pectoralis-major-sternal",
        Side::Left,
        View::Front,
        0.54,
        0.24,
    );
    db.api
        .add_finding(session.id, chest)
        .await
        .expect("add finding");
    let pdf = save(&db, session.id, HandoutOptions::default(), "cautions.pdf").await;
    let text = squeezed(&text_of(&pdf));

    let atlas = Atlas::builtin();
    for id in [
        "core:scalenes",
        "core:suboccipitals",
        "core:pectoralis-major-sternal",
    ] {
        let caution = atlas.muscle(id).and_then(|m| m.caution.as_deref());
        let caution = squeezed(caution.expect("the atlas has a caution"));
        assert!(!text.contains(&caution), "{id}'s caution in:\n{text}");
    }
    assert!(!text.contains("Takecare"), "{text}");
    let scalenes = atlas.muscle("core:scalenes").expect("scalenes");
    let light_pressure = &scalenes.self_care[0];
    assert!(
        light_pressure.contains("Keep off any pulse"),
        "{light_pressure}"
    );
    assert!(text.contains(&squeezed(light_pressure)), "{text}");
    let english = Messages::new(&Language::english());
    for flag in RedFlag::ALL {
        let sign = squeezed(&english.see_your_doctor(flag));
        assert!(text.contains(&sign), "{flag:?} missing from:\n{text}");
    }
}

fn language(tag: &str) -> Language {
    Language::parse(tag).expect("a language tag")
}

/// The text without any white space: Thai has no spaces between words, so
/// a line may break anywhere and `pdftotext` puts a break there.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The English a handout prints where it has no translation.
const ENGLISH_FIXED_TEXT: [&str; 12] = [
    "Home care for",
    "From your treatment",
    "Your trigger points",
    "How to release",
    "Your muscles, one by one",
    "The point",
    "Pain it sends",
    "Release it",
    "How often",
    "See your doctor",
    "Page 1 of",
    "November",
];

async fn a_thai_clients_handout_prints_in_thai_with_buddhist_era_dates(db: TestDb) {
    let client = db
        .api
        .create_client(ClientForm {
            first_name: "สมชาย".into(),
            language: "th".into(),
            ..ClientForm::default()
        })
        .await
        .expect("client");
    let session = db.session(&client).await;
    db.api
        .add_finding(session.id, trapezius_finding())
        .await
        .expect("finding");
    // No language in the options: the client's.
    let pdf = save(&db, session.id, HandoutOptions::default(), "thai.pdf").await;
    // In content order: the layout order splits lines where marks sit raised.
    let text = squeezed(&poppler("pdftotext", &["-raw"], &pdf));

    let thai = Messages::new(&language("th"));
    let atlas = Atlas::builtin();
    let translation = AtlasTranslation::builtin(&language("th")).expect("Thai");
    let mut untranslated = Vec::new();
    let trapezius = atlas.muscle("core:upper-trapezius").expect("trapezius");
    let trapezius = translation.muscle(trapezius, &mut untranslated);
    let technique = atlas
        .technique("core:pain-free-compression")
        .expect("technique");
    let technique = translation.technique(technique, &mut untranslated);
    assert_eq!(untranslated, [], "the Thai atlas translates these");

    let mut expected = vec![
        "การดูแลตนเองที่บ้านสำหรับคุณสมชาย·20พฤศจิกายน2569".to_owned(),
        squeezed(&thai.text(
            "page-of",
            &[("page", 1.into()), ("count", pages(&pdf).into())],
        )),
        trapezius.point_location.clone(),
        trapezius.referral_description.clone(),
        trapezius.stretch.name.clone(),
    ];
    expected.extend(trapezius.stretch.steps.iter().cloned());
    expected.extend(trapezius.self_care.iter().cloned());
    expected.extend(technique.steps.iter().cloned());
    expected.extend(technique.cautions.iter().cloned());
    expected.extend(RedFlag::ALL.map(|flag| thai.see_your_doctor(flag)));
    for expected in expected {
        assert!(
            text.contains(&squeezed(&expected)),
            "{expected:?} missing from:\n{text}"
        );
    }
    for english in ENGLISH_FIXED_TEXT {
        assert!(
            !text.contains(&squeezed(english)),
            "{english:?} in:\n{text}"
        );
    }
    let left = db
        .api
        .handout_untranslated(session.id, HandoutOptions::default())
        .await
        .expect("untranslated");
    assert_eq!(left, [], "everything is in Thai");
}

async fn a_language_without_translations_prints_english_and_says_what_fell_back(db: TestDb) {
    let (_, session) = typical(&db, "Lucía").await;
    let spanish = HandoutOptions {
        language: Some(language("es")),
        ..HandoutOptions::default()
    };
    let pdf = save(&db, session.id, spanish.clone(), "es.pdf").await;
    let text = text_of(&pdf);
    for english in ENGLISH_FIXED_TEXT {
        assert!(text.contains(english), "{english:?} missing from:\n{text}");
    }
    assert!(text.contains("Upper trapezius, right side"), "{text}");

    let untranslated = db
        .api
        .handout_untranslated(session.id, spanish)
        .await
        .expect("untranslated");
    let english = db
        .api
        .handout_untranslated(session.id, HandoutOptions::default())
        .await
        .expect("nothing to translate");
    assert_eq!(english, []);
    let about = |about: Option<&str>, text: &str| Untranslated {
        about: about.map(str::to_owned),
        text: text.to_owned(),
    };
    for fell_back in [
        about(None, "footer"),
        about(None, "see-your-doctor-chest-pain"),
        about(None, "long-date"),
        about(Some("Upper trapezius"), "name"),
        about(Some("Upper trapezius"), "point-location"),
        about(Some("Upper trapezius"), "stretch"),
        about(Some("Scalenes (anterior, middle, posterior)"), "self-care"),
        about(Some("Pain-free compression"), "steps"),
    ] {
        assert!(
            untranslated.contains(&fell_back),
            "{fell_back:?} in {untranslated:?}"
        );
    }
    // The technique four muscles share is listed once.
    let steps = untranslated.iter().filter(|u| u.text == "steps").count();
    assert_eq!(steps, 1, "{untranslated:?}");
}

#[tokio::test]
async fn a_thai_handout_prints_a_removed_plugins_muscle_in_english_and_says_so() {
    let db = TestDb::new().await;
    let (_, session) = typical(&db, "สมชาย").await;
    let pool = db.other_program().await;
    // The finding of a plugin since removed: its label snapshot is all that is left.
    sqlx::query(
        "UPDATE findings SET muscle_id = 'tmj:masseter', muscle_label = 'Masseter'
         WHERE muscle_id = 'core:scalenes'",
    )
    .execute(&pool)
    .await
    .expect("a removed plugin's finding");
    let thai = HandoutOptions {
        language: Some(language("th")),
        ..HandoutOptions::default()
    };
    let untranslated = db
        .api
        .handout_untranslated(session.id, thai.clone())
        .await
        .expect("untranslated");
    let masseter = Untranslated {
        about: Some("Masseter".into()),
        text: "name".into(),
    };
    let others: Vec<&Untranslated> = untranslated.iter().filter(|u| **u != masseter).collect();
    assert!(untranslated.contains(&masseter), "{untranslated:?}");
    assert_eq!(
        others,
        Vec::<&Untranslated>::new(),
        "only the masseter is English"
    );
    let text = text_of(&save(&db, session.id, thai, "masseter.pdf").await);
    assert!(text.contains("Masseter ด้านขวา"), "{text}");
}

on_both_engines!(
    a_thai_clients_handout_names_them_and_every_charted_muscle,
    greek_cyrillic_and_accented_text_prints_and_reads_back,
    fonts_are_embedded_as_subsets_and_the_file_stays_small,
    a_fifteen_finding_session_flows_onto_numbered_pages,
    paper_comes_from_the_settings_unless_the_handout_says_otherwise,
    a_handout_given_is_recorded_with_its_advice_and_in_the_audit_log,
    saving_over_an_existing_file_replaces_it_whole,
    a_missing_session_or_one_without_findings_is_refused_and_nothing_is_written,
    an_unwritable_path_is_a_file_error_that_leaves_no_partial_file,
    bad_options_and_settings_name_their_fields,
    handouts_saved_into_a_folder_get_readable_names_that_never_overwrite,
    a_thai_clients_handout_prints_in_thai_with_buddhist_era_dates,
    a_language_without_translations_prints_english_and_says_what_fell_back,
    a_handout_leaves_the_therapists_cautions_out_and_says_where_not_to_press,
);
