//! Search as you type: any script, case- and accent-insensitive, by name, phone
//! or e-mail.

use myochart::model::ClientForm;

use crate::helpers::TestDb;

async fn names(db: &TestDb, query: &str) -> Vec<String> {
    db.api
        .search_clients(query)
        .await
        .expect("search")
        .into_iter()
        .map(|c| {
            format!("{} {}", c.first_name, c.last_name)
                .trim()
                .to_owned()
        })
        .collect()
}

async fn clinic(db: TestDb) -> TestDb {
    for (first, last, phone, email) in [
        ("Zoë", "Ångström", "+66 81 234 5678", "zoe@example.com"),
        ("สมชาย", "ใจดี", "", ""),
        ("สมหญิง", "ศรีสุข", "", ""),
        ("Ελένη", "Παπαδοπούλου", "", "eleni@example.gr"),
        ("Νίκος", "Νικολάου", "", ""),
        ("José", "Núñez", "", ""),
        ("Anna", "Smith", "020 7946 0000", "anna.smith@example.com"),
    ] {
        db.api
            .create_client(ClientForm {
                first_name: first.into(),
                last_name: last.into(),
                phone: phone.into(),
                email: email.into(),
                ..ClientForm::default()
            })
            .await
            .expect("client");
    }
    db
}

async fn latin_search_ignores_case_and_accents_both_ways(db: TestDb) {
    let db = clinic(db).await;
    assert_eq!(names(&db, "ANGSTROM").await, ["Zoë Ångström"]);
    assert_eq!(names(&db, "zoë").await, ["Zoë Ångström"]);
    assert_eq!(names(&db, "nunez").await, ["José Núñez"]);
    assert_eq!(names(&db, "jo").await, ["José Núñez"]);
}

async fn thai_names_are_found_by_any_part(db: TestDb) {
    let db = clinic(db).await;
    assert_eq!(names(&db, "สมชาย").await, ["สมชาย ใจดี"]);
    assert_eq!(names(&db, "สม").await.len(), 2);
    assert_eq!(names(&db, "ศรีสุข").await, ["สมหญิง ศรีสุข"]);
}

async fn greek_search_ignores_case_and_tonos(db: TestDb) {
    let db = clinic(db).await;
    assert_eq!(names(&db, "ελενη").await, ["Ελένη Παπαδοπούλου"]);
    assert_eq!(names(&db, "ΝΙΚΟΣ").await, ["Νίκος Νικολάου"]);
}

async fn phone_is_found_with_or_without_punctuation_and_email_by_part(db: TestDb) {
    let db = clinic(db).await;
    assert_eq!(names(&db, "812345").await, ["Zoë Ångström"]);
    assert_eq!(names(&db, "81 234").await, ["Zoë Ångström"]);
    assert_eq!(names(&db, "example.gr").await, ["Ελένη Παπαδοπούλου"]);
}

async fn every_word_must_match_and_order_is_by_last_name(db: TestDb) {
    let db = clinic(db).await;
    assert_eq!(names(&db, "anna smith").await, ["Anna Smith"]);
    assert!(names(&db, "anna jones").await.is_empty());
    let everyone = names(&db, "").await;
    assert_eq!(everyone.len(), 7);
    assert_eq!(everyone[0], "Zoë Ångström");
}

async fn query_syntax_in_user_text_is_taken_literally(db: TestDb) {
    let db = clinic(db).await;
    for odd in [
        "\"",
        "a\"b",
        "OR",
        "NEAR(",
        "*",
        "%",
        "_",
        "'; DROP TABLE clients; --",
    ] {
        assert!(db.api.search_clients(odd).await.is_ok(), "{odd} failed");
    }
    assert_eq!(names(&db, "").await.len(), 7);
}

async fn an_edited_name_is_found_by_its_new_spelling_only(db: TestDb) {
    let db = clinic(db).await;
    let anna = &db.api.search_clients("anna").await.expect("search")[0];
    db.api
        .update_client(
            anna.id,
            ClientForm {
                first_name: "Hannah".into(),
                last_name: "Smyth".into(),
                ..ClientForm::default()
            },
        )
        .await
        .expect("update");
    assert!(names(&db, "anna smith").await.is_empty());
    assert_eq!(names(&db, "smyth").await, ["Hannah Smyth"]);
}

async fn changes_made_by_another_window_or_the_cli_show_up_in_search(db: TestDb) {
    let db = clinic(db).await;
    assert_eq!(names(&db, "ben").await, Vec::<String>::new());
    let other = db.other_window().await;
    let ben = other
        .create_client(ClientForm {
            first_name: "Ben".into(),
            last_name: "Jones".into(),
            ..ClientForm::default()
        })
        .await
        .expect("client");
    assert_eq!(names(&db, "ben").await, ["Ben Jones"]);
    other
        .update_client(
            ben.id,
            ClientForm {
                first_name: "Benedict".into(),
                last_name: "Jones".into(),
                ..ClientForm::default()
            },
        )
        .await
        .expect("renamed");
    assert_eq!(names(&db, "jones").await, ["Benedict Jones"]);
    other.delete_client(ben.id).await.expect("deleted");
    assert!(names(&db, "jones").await.is_empty());
    assert_eq!(names(&db, "").await.len(), 7);
}

async fn many_clients_added_at_once_are_all_searchable(db: TestDb) {
    let db = clinic(db).await;
    assert_eq!(names(&db, "").await.len(), 7);
    let forms = myochart::demo::client_forms(1500);
    // More than the index catches up on one by one: it reads them all again.
    let zoes = forms
        .iter()
        .filter(|f| {
            myochart::search::fold(&format!("{} {}", f.first_name, f.last_name)) == "zoe angstrom"
        })
        .count();
    db.api.import_clients(forms).await.expect("import");
    let everyone = db.api.search_clients("").await.expect("search");
    assert_eq!(everyone.len() as u32, myochart::api::SEARCH_LIMIT);
    assert_eq!(names(&db, "zoe angstrom").await.len(), zoes + 1);
    assert!(names(&db, "josé núñez")
        .await
        .contains(&"José Núñez".to_owned()));
}

/// Issue 14: the list as the window opens is read straight from the database,
/// not from the search keys in memory: the same clients, in the same order, as
/// a search every client matches.
async fn the_list_as_it_opens_is_in_search_order_without_deleted_clients(db: TestDb) {
    let mut ids = Vec::new();
    for (first, last) in [
        ("Zoë", "Ångström"),
        ("สมชาย", "ใจดี"),
        ("Ελένη", "Παπαδοπούλου"),
        ("Anna", "Smith"),
        ("anna", "smith"),
        ("José", "Núñez"),
    ] {
        let form = ClientForm {
            first_name: first.into(),
            last_name: last.into(),
            phone: "0800 111 222".into(),
            ..ClientForm::default()
        };
        ids.push(db.api.create_client(form).await.expect("client").id);
    }
    db.api.delete_client(ids[2]).await.expect("deleted");

    let listed = names(&db, "").await;
    assert_eq!(listed, names(&db, "0800").await);
    assert_eq!(listed.len(), 5, "{listed:?}");
    assert!(!listed.contains(&"Ελένη Παπαδοπούλου".to_owned()));
}

on_both_engines!(
    latin_search_ignores_case_and_accents_both_ways,
    thai_names_are_found_by_any_part,
    greek_search_ignores_case_and_tonos,
    phone_is_found_with_or_without_punctuation_and_email_by_part,
    every_word_must_match_and_order_is_by_last_name,
    query_syntax_in_user_text_is_taken_literally,
    an_edited_name_is_found_by_its_new_spelling_only,
    changes_made_by_another_window_or_the_cli_show_up_in_search,
    many_clients_added_at_once_are_all_searchable,
    the_list_as_it_opens_is_in_search_order_without_deleted_clients,
);
