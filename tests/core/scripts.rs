//! Every script on paper: names and notes in the world's scripts print with a
//! real glyph for every character (bundled fonts first, then the system's),
//! read back in logical order with `pdftotext`, and embed only subsets of
//! their fonts. A character no font has is refused with a clear error.

use std::path::{Path, PathBuf};

use myochart::api::Code;
use myochart::model::{HandoutOptions, StudentProfile};
use myochart::report::ClassReportForm;

use crate::handout::{poppler, text_of};
use crate::helpers::{trapezius_finding, TestDb};

/// (script, a first name, a note from the therapist), as people write them.
const SCRIPTS: [(&str, &str, &str); 13] = [
    ("Devanagari", "राहुल शर्मा", "रोज़ सुबह स्ट्रेच करें।"),
    ("Bengali", "সুমিতা দত্ত", "প্রতিদিন হালকা স্ট্রেচ করুন।"),
    ("Tamil", "கார்த்திக்", "தினமும் மெதுவாக நீட்டவும்."),
    ("Arabic", "سارة العلي", "تمدد بلطف كل صباح."),
    // Lam-alef: two letters printed as one glyph.
    ("Arabic", "علاء", "لا تضغط بقوة."),
    ("Hebrew", "נועה כהן", "מתיחה עדינה כל בוקר."),
    ("Chinese", "王小明", "每天早上轻轻拉伸。"),
    ("Japanese", "さくら", "毎朝ゆっくりストレッチしてください。"),
    ("Korean", "김민준", "매일 아침 부드럽게 스트레칭하세요."),
    ("Thai", "สมชาย", "ยืดกล้ามเนื้อเบา ๆ ทุกเช้า"),
    (
        "Vietnamese",
        "Nguyễn Thị Hương",
        "Mỗi sáng hãy giãn cơ nhẹ nhàng.",
    ),
    ("Greek", "Ελένη", "Τεντώστε απαλά κάθε πρωί."),
    ("Cyrillic", "Ольга", "Каждое утро мягко растягивайтесь."),
];

/// The text of a PDF as `pdftotext` reads it, without the embedding marks
/// (U+202B..U+202C) it puts around right-to-left words.
fn read_back(pdf: &Path) -> String {
    text_of(pdf).replace(['\u{202B}', '\u{202C}'], "")
}

/// A handout for a client called `first_name`, with `advice` from the
/// therapist, saved in the test folder.
async fn handout(db: &TestDb, first_name: &str, advice: &str, file: &str) -> PathBuf {
    let client = db.client(first_name, "").await;
    let session = db.session(&client).await;
    db.api
        .add_finding(session.id, trapezius_finding())
        .await
        .expect("finding");
    let path = db.dir.path().join(file);
    let options = HandoutOptions {
        advice: advice.into(),
        ..HandoutOptions::default()
    };
    db.api
        .save_handout(session.id, options, &path)
        .await
        .expect("handout");
    path
}

/// Every font `pdffonts` lists is embedded as a subset; returns their names.
fn assert_fonts_are_embedded_subsets(pdf: &Path) -> Vec<String> {
    let listing = poppler("pdffonts", &[], pdf);
    let rows: Vec<Vec<&str>> = listing
        .lines()
        .skip(2)
        .map(|row| row.split_whitespace().collect())
        .collect();
    assert!(!rows.is_empty(), "{listing}");
    for row in &rows {
        // name type encoding emb sub uni object-number generation
        let [.., emb, sub, _, _, _] = row[..] else {
            panic!("unexpected pdffonts row {row:?}");
        };
        assert_eq!((emb, sub), ("yes", "yes"), "{listing}");
    }
    rows.iter().map(|row| row[0].to_owned()).collect()
}

#[tokio::test]
async fn names_and_notes_in_twelve_scripts_print_and_read_back_in_logical_order() {
    let db = TestDb::new().await;
    for (i, (script, name, note)) in SCRIPTS.into_iter().enumerate() {
        // `poppler` checks each PDF for missing glyphs before reading it.
        let pdf = handout(&db, name, note, &format!("{i}-{script}.pdf")).await;
        let text = read_back(&pdf);
        assert!(text.contains(name), "{script}: no {name:?} in\n{text}");
        assert!(text.contains(note), "{script}: no {note:?} in\n{text}");
        let fonts = assert_fonts_are_embedded_subsets(&pdf);
        assert!(fonts.len() >= 2, "{script}: {fonts:?}");
    }
}

#[tokio::test]
async fn right_to_left_names_inside_english_read_back_in_logical_order() {
    let db = TestDb::new().await;
    let note = "Ask سارة or נועה at reception, room 12.";
    let pdf = handout(&db, "Anna", note, "mixed.pdf").await;
    // In its default (reading order) mode pdftotext moves the space after a
    // right-to-left word before it; in content order (-raw) it reads the
    // whole sentence back as written.
    let text = poppler("pdftotext", &["-raw"], &pdf).replace(['\u{202B}', '\u{202C}'], "");
    assert!(text.contains(note), "{text}");
    let text = read_back(&pdf);
    for word in ["Ask", "سارة", "נועה", "at reception, room 12."] {
        assert!(text.contains(word), "no {word:?} in\n{text}");
    }
}

#[tokio::test]
async fn a_handout_in_three_scripts_embeds_only_the_glyphs_it_uses() {
    let db = TestDb::new().await;
    let pdf = handout(
        &db,
        "สมชาย",
        "राहुल will see you next week; ยืดกล้ามเนื้อเบา ๆ ทุกเช้า.",
        "three.pdf",
    )
    .await;
    let fonts = assert_fonts_are_embedded_subsets(&pdf);
    assert!(fonts.iter().any(|f| f.contains("Devanagari")), "{fonts:?}");
    assert!(fonts.iter().any(|f| f.contains("Thai")), "{fonts:?}");
    let size = std::fs::metadata(&pdf).expect("size").len();
    assert!(size < 100 * 1024, "{size} bytes");
}

#[tokio::test]
async fn invisible_characters_print_as_nothing_not_as_a_missing_glyph() {
    let db = TestDb::new().await;
    // A zero-width joiner and non-joiner, a variation selector, a
    // left-to-right mark and a tab, as they arrive in pasted text.
    let note = "Stretch\tgently: क्\u{200D}ष, می\u{200C}خواهم, ✓\u{FE0F} \u{200E}ok";
    let pdf = handout(&db, "Anna", note, "invisible.pdf").await;
    let text = text_of(&pdf);
    assert!(text.contains("gently"), "{text}");
}

#[tokio::test]
async fn a_character_no_font_has_is_a_missing_glyph_error_that_names_it() {
    let db = TestDb::new().await;
    // A private-use character: no font here maps it, so it would print a box.
    let client = db.client("Anna \u{E000}", "").await;
    let session = db.session(&client).await;
    db.api
        .add_finding(session.id, trapezius_finding())
        .await
        .expect("finding");
    let error = db
        .api
        .handout_pdf(session.id, HandoutOptions::default())
        .await
        .expect_err("no font has U+E000");
    assert_eq!(error.code(), Code::MissingGlyph);
    let message = error.to_string();
    assert!(message.contains("(U+E000)"), "{message}");
    assert!(message.contains("Anna \u{E000}"), "{message}");
    let body = serde_json::to_value(myochart::api::ErrorBody::from(&error)).expect("json");
    assert_eq!(body["code"], "missing-glyph");

    let path = db.dir.path().join("never.pdf");
    let saved = db
        .api
        .save_handout(session.id, HandoutOptions::default(), &path)
        .await;
    assert_eq!(saved.map_err(|e| e.code()).err(), Some(Code::MissingGlyph));
    assert!(!path.exists());
}

#[tokio::test]
async fn a_class_report_by_a_student_named_in_five_scripts_reads_back() {
    let db = TestDb::new().await;
    const FIVE_SCRIPTS: [(&str, &str, &str); 5] =
        [SCRIPTS[0], SCRIPTS[1], SCRIPTS[3], SCRIPTS[5], SCRIPTS[6]];
    let student = "राहुल শর্মা";
    let programme = "جامعة النيل · 北京 · 서울";
    db.api
        .save_student_profile(StudentProfile {
            student_mode: true,
            student_name: student.into(),
            programme: programme.into(),
            ..StudentProfile::default()
        })
        .await
        .expect("profile");
    let mut ids = Vec::new();
    for (_, name, _) in &FIVE_SCRIPTS {
        let client = db.client(name, "").await;
        let session = db.session(&client).await;
        db.api
            .add_finding(session.id, trapezius_finding())
            .await
            .expect("finding");
        ids.push(client.id);
    }
    let pdf = db.dir.path().join("class.pdf");
    db.api
        .save_class_report(
            ClassReportForm {
                client_ids: ids,
                slides: false,
            },
            &pdf,
            &mut |_| {},
        )
        .await
        .expect("class report");
    let text = read_back(&pdf);
    // pdftotext moves the separators beside a right-to-left word around,
    // so the parts are checked one by one.
    for part in [student, "جامعة النيل", "北京", "서울"] {
        assert!(text.contains(part), "no {part:?} in\n{text}");
    }
    // Clients appear by code only, whatever their script.
    for (_, name, _) in &FIVE_SCRIPTS {
        assert!(!text.contains(name), "{name} in\n{text}");
    }
    assert_fonts_are_embedded_subsets(&pdf);
}
