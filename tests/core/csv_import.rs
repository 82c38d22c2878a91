//! Clients brought over from other systems' CSV exports (issue 11, part 4).

use std::path::{Path, PathBuf};

use myochart::api::Code;
use myochart::import_csv::{
    CsvImportOptions, DateFormat, DuplicateOf, Field, MappingOrigin, RowError,
};
use myochart::model::{Client, ClientForm, ClientId};
use myochart::report::Progress;

use crate::cli::{myochart, stdout};
use crate::helpers::TestDb;

fn csv_file(db: &TestDb, text: &str) -> PathBuf {
    let path = db.dir.path().join("export.csv");
    std::fs::write(&path, text).expect("write csv");
    path
}

async fn import(
    db: &TestDb,
    path: &Path,
    options: &CsvImportOptions,
) -> myochart::api::Result<u32> {
    let summary = db.api.import_csv(path, options, &mut |_| {}).await?;
    Ok(summary.imported)
}

async fn all_clients(db: &TestDb) -> Vec<Client> {
    let mut clients = Vec::new();
    for summary in db.api.search_clients("").await.expect("list") {
        clients.push(
            db.api
                .client_record(summary.id)
                .await
                .expect("record")
                .client,
        );
    }
    clients
}

/// An export as practice-management systems write them: a byte-order mark,
/// Windows line endings, quoted fields with commas and line breaks, names in
/// Thai, Greek and with accents, day-first dates (proven by the 25th).
const CLINIC_EXPORT: &str = "\u{feff}\"First Name\",\"Last Name\",\"DOB\",\"Email\",\"Mobile\",\"Medical history\",\"Notes\"\r\n\
\"สมชาย\",\"ใจดี\",\"07/03/1984\",\"somchai@example.co.th\",\"+66 81 234 5678\",\"Asthma, mild\",\"\"\r\n\
\"Ελένη\",\"Νικολάου\",\"25/12/1990\",\"\",\"+30 210 1234567\",\"\",\"Prefers mornings,\r\nparks at the back\"\r\n\
\"Zoë\",\"Ångström\",\"\",\"zoe@example.com\",\"\",\"\",\"\"\r\n";

async fn a_clinic_export_imports_clients_exactly_like_ones_created_by_hand(db: TestDb) {
    let path = csv_file(&db, CLINIC_EXPORT);
    let preview = db
        .api
        .preview_csv_import(&path, &CsvImportOptions::default())
        .await
        .expect("preview");
    assert_eq!(preview.origin, MappingOrigin::Suggested);
    assert_eq!(preview.date_format, Some(DateFormat::Dmy));
    let fields: Vec<Option<Field>> = preview.columns.iter().map(|c| c.field).collect();
    use Field::*;
    assert_eq!(
        fields,
        [
            Some(FirstName),
            Some(LastName),
            Some(DateOfBirth),
            Some(Email),
            Some(Phone),
            Some(HealthHistory),
            Some(Notes)
        ]
    );
    assert_eq!((preview.rows, preview.to_import), (3, 3));
    assert!(
        preview.ready(),
        "{:?} {:?}",
        preview.problems,
        preview.errors
    );
    let first = &preview.preview[0];
    assert_eq!(first.line, 2);
    assert_eq!(first.values[..3], ["สมชาย", "ใจดี", "1984-03-07"]);
    // The second row's quoted line break spans two lines.
    assert_eq!(preview.preview[2].line, 5);
    assert!(
        all_clients(&db).await.is_empty(),
        "a preview writes nothing"
    );

    assert_eq!(
        import(&db, &path, &CsvImportOptions::default())
            .await
            .expect("import"),
        3
    );

    let by_hand = db
        .api
        .create_client(ClientForm {
            first_name: "Ελένη".into(),
            last_name: "Νικολάου".into(),
            date_of_birth: "1990-12-25".into(),
            phone: "+30 210 1234567".into(),
            notes: "Prefers mornings,\nparks at the back".into(),
            ..ClientForm::default()
        })
        .await
        .expect("by hand");
    let clients = all_clients(&db).await;
    let imported = clients
        .iter()
        .find(|c| c.first_name == "Ελένη" && c.id != by_hand.id)
        .expect("imported Ελένη");
    let same = |client: &Client| Client {
        id: ClientId(0),
        created_at: String::new(),
        updated_at: String::new(),
        ..client.clone()
    };
    assert_eq!(same(imported), same(&by_hand));
    let somchai = clients
        .iter()
        .find(|c| c.first_name == "สมชาย")
        .expect("Thai name");
    assert_eq!(somchai.health_history, "Asthma, mild");
    assert_eq!(somchai.date_of_birth.as_deref(), Some("1984-03-07"));
    assert!(
        somchai.red_flags.is_empty() && somchai.screened_at.is_none(),
        "never screened"
    );
    assert_eq!(
        db.api
            .search_clients("angstrom")
            .await
            .expect("search")
            .len(),
        1
    );

    let trail = db
        .api
        .audit_trail("client", imported.id.0)
        .await
        .expect("trail");
    assert_eq!(trail.len(), 1);
    assert_eq!(
        (trail[0].action.as_str(), trail[0].actor.as_str()),
        ("client.create", db.actor())
    );
    let import_entry = db.api.audit_trail("import", 0).await.expect("trail");
    assert_eq!(import_entry[0].action, "clients.import");
    assert!(
        import_entry[0].detail.contains("export.csv: 3 client(s)"),
        "{}",
        import_entry[0].detail
    );
}

async fn semicolons_unix_line_endings_and_month_first_dates_are_read(db: TestDb) {
    let path = csv_file(
        &db,
        "Given name;Surname;Birth date;Phone\n\"Jean-Luc\";\"Lefèvre; fils\";3/25/1984;\"+33 1 23 45 67 89\"\n\
         Ana;García;12/31/2000;\n",
    );
    assert_eq!(
        import(&db, &path, &CsvImportOptions::default())
            .await
            .expect("import"),
        2
    );
    let clients = all_clients(&db).await;
    let jean = clients
        .iter()
        .find(|c| c.first_name == "Jean-Luc")
        .expect("imported");
    assert_eq!(jean.last_name, "Lefèvre; fils");
    assert_eq!(jean.date_of_birth.as_deref(), Some("1984-03-25"));
}

async fn ambiguous_dates_are_never_guessed_the_user_chooses_the_order(db: TestDb) {
    let path = csv_file(&db, "First Name,DOB\nAnna,03/04/1984\nBea,1/2/1990\n");
    let preview = db
        .api
        .preview_csv_import(&path, &CsvImportOptions::default())
        .await
        .expect("preview");
    assert_eq!(preview.date_format, None);
    assert!(
        preview.problems[0].contains("\"03/04/1984\" could be either"),
        "{:?}",
        preview.problems
    );
    let refused = import(&db, &path, &CsvImportOptions::default())
        .await
        .expect_err("refused");
    assert_eq!(refused.code(), Code::Validation);
    assert!(all_clients(&db).await.is_empty());

    for (format, anna) in [
        (DateFormat::Dmy, "1984-04-03"),
        (DateFormat::Mdy, "1984-03-04"),
    ] {
        let options = CsvImportOptions {
            date_format: Some(format),
            ..CsvImportOptions::default()
        };
        let preview = db
            .api
            .preview_csv_import(&path, &options)
            .await
            .expect("preview");
        assert_eq!(preview.preview[0].values, ["Anna", anna]);
    }
}

async fn every_bad_row_is_reported_with_its_line_and_reason_and_nothing_is_written(db: TestDb) {
    let long_name = "ก".repeat(101);
    let path = csv_file(
        &db,
        &format!(
            "First Name,Last Name,DOB,Email\n\
             Anna,Ok,1984-03-07,anna@example.com\n\
             ,Nameless,1984-03-07,\n\
             Bea,\"Two\nLines\",1984-02-30,bea@\n\
             {long_name},Long,,\n\
             Cleo,Future,2999-01-01,\n\
             Dora,Short\n\
             Eve,Fine,,eve@example.com\n"
        ),
    );
    let preview = db
        .api
        .preview_csv_import(&path, &CsvImportOptions::default())
        .await
        .expect("preview");
    let errors: Vec<(u32, &str)> = preview
        .errors
        .iter()
        .map(|RowError { line, column, .. }| (*line, column.as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            (3, "First Name"),
            (4, "DOB"),
            (4, "Last Name"),
            (4, "Email"),
            (6, "First Name"),
            (7, "DOB"),
            (8, "")
        ],
        "{:#?}",
        preview.errors
    );
    let message = |line: u32, column: &str| {
        preview
            .errors
            .iter()
            .find(|e| e.line == line && e.column == column)
            .map(|e| e.message.clone())
            .unwrap_or_default()
    };
    assert_eq!(message(3, "First Name"), "First name is required");
    assert!(message(4, "DOB").contains("\"1984-02-30\" is not a date"));
    assert!(message(4, "Email").contains("not an e-mail address"));
    assert!(message(6, "First Name").contains("longer than 100 characters"));
    assert!(message(7, "DOB").contains("in the future"));
    assert!(message(8, "").contains("has 2 fields where the header has 4"));
    assert_eq!(preview.to_import, 2);

    let refused = import(&db, &path, &CsvImportOptions::default())
        .await
        .expect_err("refused");
    assert_eq!(refused.code(), Code::Validation);
    assert!(
        refused.to_string().contains("5 row(s) can't be imported"),
        "{refused}"
    );
    assert_eq!(all_clients(&db).await.len(), 0, "all or nothing");
}

async fn duplicates_by_name_and_birth_date_are_skipped_unless_asked(db: TestDb) {
    let known = db
        .api
        .create_client(ClientForm {
            first_name: "Zoë".into(),
            last_name: "Ångström".into(),
            date_of_birth: "1990-01-02".into(),
            ..ClientForm::default()
        })
        .await
        .expect("known");
    // "Zoe\u{308}" is Zoë written with a combining diaeresis.
    let path = csv_file(
        &db,
        "First Name,Last Name,DOB\n\
         ZOE\u{308},ångström,1990-01-02\n\
         Νίκος,Παππάς,1980-05-05\n\
         νίκος , ΠΑΠΠΆΣ,1980-05-05\n\
         Zoe,Angstrom,1990-01-02\n\
         Νίκος,Παππάς,1980-05-06\n",
    );
    let preview = db
        .api
        .preview_csv_import(&path, &CsvImportOptions::default())
        .await
        .expect("preview");
    let duplicates: Vec<(u32, DuplicateOf)> = preview
        .duplicates
        .iter()
        .map(|d| (d.line, d.of.clone()))
        .collect();
    assert_eq!(
        duplicates,
        [
            (2, DuplicateOf::Client { id: known.id }),
            (4, DuplicateOf::Line { line: 3 })
        ]
    );
    assert_eq!(preview.duplicates[0].date_of_birth, "1990-01-02");
    assert_eq!(preview.to_import, 3, "accents are letters: Zoe is not Zoë");

    let summary = db
        .api
        .import_csv(&path, &CsvImportOptions::default(), &mut |_| {})
        .await
        .expect("import");
    assert_eq!((summary.imported, summary.skipped_duplicates), (3, 2));
    assert_eq!(all_clients(&db).await.len(), 4);

    let anyway = CsvImportOptions {
        import_duplicates: true,
        ..CsvImportOptions::default()
    };
    let summary = db
        .api
        .import_csv(&path, &anyway, &mut |_| {})
        .await
        .expect("import");
    assert_eq!((summary.imported, summary.skipped_duplicates), (5, 0));
}

async fn a_mapping_is_remembered_per_source_and_per_header_row_after_an_import(db: TestDb) {
    let path = csv_file(
        &db,
        "Client,Family,Born,Address\nAnna,Berg,25/03/1984,\"1 Main St, Springfield\"\n",
    );
    let chosen = CsvImportOptions {
        columns: Some(vec![
            Some(Field::FirstName),
            Some(Field::LastName),
            Some(Field::DateOfBirth),
            Some(Field::Notes),
        ]),
        source: "ClinicPro".into(),
        ..CsvImportOptions::default()
    };
    let preview = db
        .api
        .preview_csv_import(&path, &chosen)
        .await
        .expect("preview");
    assert_eq!(preview.origin, MappingOrigin::Chosen);
    assert_eq!(preview.date_format, Some(DateFormat::Dmy));
    let unnamed = CsvImportOptions::default();
    let before = db
        .api
        .preview_csv_import(&path, &unnamed)
        .await
        .expect("preview");
    assert_eq!(
        before.origin,
        MappingOrigin::Suggested,
        "a preview remembers nothing"
    );
    assert!(
        !before.problems.is_empty(),
        "no first-name column suggested"
    );

    import(&db, &path, &chosen).await.expect("import");
    let notes = &all_clients(&db).await[0].notes;
    assert_eq!(notes, "1 Main St, Springfield");

    // The next export from the same system: a column added, others moved.
    std::fs::write(
        &path,
        "Address,Client,Phone,Family,Born\n\"2 Side St\",Bea,555 0101,Cole,03/04/1990\n",
    )
    .expect("write");
    let same_source = CsvImportOptions {
        source: "clinicpro".into(),
        ..CsvImportOptions::default()
    };
    let next = db
        .api
        .preview_csv_import(&path, &same_source)
        .await
        .expect("preview");
    assert_eq!(next.origin, MappingOrigin::Remembered);
    let fields: Vec<Option<Field>> = next.columns.iter().map(|c| c.field).collect();
    use Field::*;
    assert_eq!(
        fields,
        [
            Some(Notes),
            Some(FirstName),
            Some(Phone),
            Some(LastName),
            Some(DateOfBirth)
        ]
    );
    assert_eq!(
        next.date_format,
        Some(DateFormat::Dmy),
        "the order chosen before, not a guess"
    );
    assert_eq!(
        next.preview[0].values,
        ["Bea", "Cole", "1990-04-03", "555 0101", "2 Side St"]
    );
}

async fn several_columns_gather_into_one_text_field_under_their_headers(db: TestDb) {
    let path = csv_file(&db, "First Name,Address,Emergency contact\nAnna,\"1 Main St\r\nSpringfield\",\"Bo, 555 0101\"\nBea,,\n");
    let options = CsvImportOptions {
        columns: Some(vec![
            Some(Field::FirstName),
            Some(Field::Notes),
            Some(Field::Notes),
        ]),
        ..CsvImportOptions::default()
    };
    import(&db, &path, &options).await.expect("import");
    let clients = all_clients(&db).await;
    let notes: Vec<&str> = clients.iter().map(|c| c.notes.as_str()).collect();
    assert_eq!(
        notes,
        [
            "Address: 1 Main St\nSpringfield\nEmergency contact: Bo, 555 0101",
            ""
        ]
    );
}

async fn a_field_chosen_for_two_columns_or_no_first_name_is_a_problem_to_fix_first(db: TestDb) {
    let path = csv_file(&db, "Mobile,Home phone,Name\n1234,5678,Anna\n");
    let options = CsvImportOptions {
        columns: Some(vec![Some(Field::Phone), Some(Field::Phone), None]),
        ..CsvImportOptions::default()
    };
    let preview = db
        .api
        .preview_csv_import(&path, &options)
        .await
        .expect("preview");
    assert_eq!(preview.problems.len(), 2, "{:?}", preview.problems);
    assert!(preview.problems[1].contains("Phone is chosen for 2 columns (Mobile, Home phone)"));
    assert!(preview.preview.is_empty() && preview.errors.is_empty());
    let wrong_length = CsvImportOptions {
        columns: Some(vec![None]),
        ..CsvImportOptions::default()
    };
    let error = import(&db, &path, &wrong_length)
        .await
        .expect_err("refused");
    assert!(
        error
            .to_string()
            .contains("has 1 columns but the file has 3"),
        "{error}"
    );
}

async fn progress_goes_forward_in_steps_and_ends_at_the_total(db: TestDb) {
    let mut text = String::from("First Name,Last Name\n");
    for n in 0..250 {
        text.push_str(&format!("Client,Number {n}\n"));
    }
    let path = csv_file(&db, &text);
    let mut steps = Vec::new();
    let mut progress = |p: Progress| steps.push((p.step, p.total));
    db.api
        .import_csv(&path, &CsvImportOptions::default(), &mut progress)
        .await
        .expect("import");
    assert_eq!(steps, [(0, 250), (100, 250), (200, 250), (250, 250)]);
}

async fn a_missing_or_empty_file_is_a_file_error(db: TestDb) {
    let missing = db.dir.path().join("nope.csv");
    let error = db
        .api
        .preview_csv_import(&missing, &CsvImportOptions::default())
        .await
        .expect_err("missing");
    assert_eq!(error.code(), Code::File);
    let empty = csv_file(&db, "");
    let error = db
        .api
        .preview_csv_import(&empty, &CsvImportOptions::default())
        .await
        .expect_err("empty");
    assert!(error.to_string().contains("the file is empty"), "{error}");
}

#[test]
fn the_command_line_previews_refuses_bad_files_and_imports_with_a_mapping() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("cli.sqlite");
    let file = dir.path().join("clients.csv");
    std::fs::write(
        &file,
        "Name,Surname,Born,Address\nΕλένη,Νικολάου,03/04/1984,Athens\n,Nameless,,\n",
    )
    .expect("write");
    let file = file.to_str().expect("utf-8 path");

    let dry = myochart(&db, &["import-clients", file, "--dry-run"]);
    assert_eq!(dry.status.code(), Some(2));
    let printed = String::from_utf8_lossy(&dry.stdout);
    assert!(
        printed.contains("problem: Choose the column that holds the first name"),
        "{printed}"
    );

    let map = "Name=firstName,Surname=last-name,Born=dateOfBirth";
    let dry = myochart(
        &db,
        &[
            "import-clients",
            file,
            "--map",
            map,
            "--date-format",
            "dmy",
            "--dry-run",
        ],
    );
    let printed = String::from_utf8_lossy(&dry.stdout);
    assert!(
        printed.contains("error: line 3, Name: First name is required"),
        "{printed}"
    );
    assert!(
        printed
            .contains("line 2: First name: Ελένη; Last name: Νικολάου; Date of birth: 1984-04-03"),
        "{printed}"
    );

    std::fs::write(
        file,
        "Name,Surname,Born,Address\nΕλένη,Νικολάου,03/04/1984,Athens\n",
    )
    .expect("write");
    let imported = stdout(&myochart(
        &db,
        &[
            "import-clients",
            file,
            "--map",
            map,
            "--date-format",
            "dmy",
            "--source",
            "Old system",
        ],
    ));
    assert!(imported.contains("1 client(s) imported"), "{imported}");
    assert!(stdout(&myochart(&db, &["client", "search", "ελενη"])).contains("Ελένη Νικολάου"));
    let again = myochart(
        &db,
        &[
            "import-clients",
            file,
            "--source",
            "old system",
            "--dry-run",
        ],
    );
    let printed = stdout(&again);
    assert!(
        printed.contains("columns (remembered mapping)"),
        "{printed}"
    );
    assert!(printed.contains("is the same as client 1"), "{printed}");
}

on_both_engines!(
    a_clinic_export_imports_clients_exactly_like_ones_created_by_hand,
    semicolons_unix_line_endings_and_month_first_dates_are_read,
    ambiguous_dates_are_never_guessed_the_user_chooses_the_order,
    every_bad_row_is_reported_with_its_line_and_reason_and_nothing_is_written,
    duplicates_by_name_and_birth_date_are_skipped_unless_asked,
    a_mapping_is_remembered_per_source_and_per_header_row_after_an_import,
    several_columns_gather_into_one_text_field_under_their_headers,
    a_field_chosen_for_two_columns_or_no_first_name_is_a_problem_to_fix_first,
    progress_goes_forward_in_steps_and_ends_at_the_total,
    a_missing_or_empty_file_is_a_file_error,
);
