//! Clinic mode on a real PostgreSQL server: the schema migrates a fresh
//! database and holds every table and column of the SQLite one, and each kind
//! of person, signed in with their own login, is refused what their role
//! doesn't allow when they try it with raw SQL, as any program could. Run with
//! a server: `scripts/with-postgres.sh cargo test --test core clinic` (`make
//! test` does).
//!
//! Each test has its own database, and its people unique logins (roles belong
//! to the whole server); both are dropped afterwards.

use std::io::Write;
use std::process::{Command, Stdio};

use myochart::api::{Api, Changes, Heard, RecordChange};
use myochart::clinic::{Clinic, Error, NewPerson, PersonKind};
use myochart::model::{NoteForm, SessionId, StudentProfile};
use myochart::plugin::PluginOptions;
use sqlx::{Connection, PgConnection, Row};

/// The password every test person signs in with.
pub(crate) const PASSWORD: &str = "correct horse battery";

/// The server's administrator URL, from scripts/with-postgres.sh.
pub(crate) fn server_url() -> String {
    std::env::var("MYOCHART_TEST_POSTGRES").unwrap_or_else(|_| {
        panic!(
            "MYOCHART_TEST_POSTGRES is not set: the clinic tests need a PostgreSQL server. \
             Run them with one: scripts/with-postgres.sh cargo test --test core clinic"
        )
    })
}

/// The certificate the test server presents, for the name localhost.
fn server_certificate() -> String {
    std::env::var("MYOCHART_TEST_POSTGRES_CA").unwrap_or_else(|_| {
        panic!(
            "MYOCHART_TEST_POSTGRES_CA is not set: run the clinic tests with \
             scripts/with-postgres.sh, which makes the server's certificate"
        )
    })
}

/// `url` with another database (the URL's path).
fn with_database(url: &str, database: &str) -> String {
    let (server, _) = url.rsplit_once('/').expect("a URL with a database");
    format!("{server}/{database}")
}

/// `url` signed in as `login` with [`PASSWORD`].
fn signed_in_as(url: &str, login: &str) -> String {
    let (_, after_credentials) = url.split_once('@').expect("a URL with credentials");
    format!(
        "postgres://{login}:{}@{after_credentials}",
        PASSWORD.replace(' ', "%20")
    )
}

/// A clinic database of the test's own (made and migrated by `new`),
/// dropped with its people afterwards.
pub(crate) struct TestClinic {
    /// This database, as the server's administrator.
    admin_url: String,
    database: String,
    /// Prefixes this test's logins, which are server-wide.
    prefix: String,
    logins: Vec<String>,
}

impl TestClinic {
    /// Names for a clinic, whose database is not made yet.
    fn unmade() -> TestClinic {
        let prefix = format!("t{:08x}", fastrand::u32(..));
        let database = format!("clinic_{prefix}");
        TestClinic {
            admin_url: with_database(&server_url(), &database),
            database,
            prefix,
            logins: Vec::new(),
        }
    }

    pub(crate) async fn new() -> TestClinic {
        let clinic = TestClinic::unmade();
        let mut server = PgConnection::connect(&server_url()).await.expect("server");
        sqlx::query(&format!("CREATE DATABASE {}", clinic.database))
            .execute(&mut server)
            .await
            .expect("create database");
        clinic.admin().await.migrate().await.expect("migrate");
        clinic
    }

    /// Adds a person (as the administrator); their login.
    pub(crate) async fn add(
        &mut self,
        name: &str,
        kind: PersonKind,
        supervisor: Option<&str>,
    ) -> String {
        let login = format!("{}_{name}", self.prefix);
        let person = NewPerson::parse(&login, name, kind, PASSWORD, supervisor).expect("person");
        self.admin()
            .await
            .add_person(&person)
            .await
            .expect("add person");
        self.logins.push(login.clone());
        login
    }

    pub(crate) async fn admin(&self) -> Clinic {
        Clinic::connect(&self.admin_url)
            .await
            .expect("connect as admin")
    }

    pub(crate) fn url_of(&self, login: &str) -> String {
        signed_in_as(&self.admin_url, login)
    }

    /// The app's Api signed in as `login`.
    pub(crate) async fn api_of(&self, login: &str) -> Api {
        Api::connect(&self.url_of(login), PluginOptions::new(Vec::new()))
            .await
            .unwrap_or_else(|error| panic!("{login} signs in: {error}"))
    }

    /// A connection as the server's administrator, who sees every row.
    pub(crate) async fn as_admin(&self) -> PgConnection {
        PgConnection::connect(&self.admin_url)
            .await
            .expect("admin signs in")
    }

    /// A connection signed in as `login`, as any program of theirs would have.
    pub(crate) async fn as_person(&self, login: &str) -> PgConnection {
        PgConnection::connect(&self.url_of(login))
            .await
            .unwrap_or_else(|error| panic!("{login} signs in: {error}"))
    }
}

impl Drop for TestClinic {
    fn drop(&mut self) {
        let (database, logins) = (self.database.clone(), self.logins.clone());
        // Drop can't await, and runs on the test's runtime, which can't be
        // blocked on: clean up on a thread with a runtime of its own (also
        // while a failed test unwinds).
        let cleaned = std::thread::spawn(move || {
            let runtime = tokio::runtime::Runtime::new().expect("runtime");
            runtime.block_on(async {
                let mut server = PgConnection::connect(&server_url()).await?;
                sqlx::query(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
                    .execute(&mut server)
                    .await?;
                for login in logins {
                    sqlx::query(&format!("DROP ROLE IF EXISTS {login}"))
                        .execute(&mut server)
                        .await?;
                }
                Ok::<_, sqlx::Error>(())
            })
        })
        .join();
        if !std::thread::panicking() {
            cleaned
                .expect("cleanup thread")
                .expect("drop the test clinic");
        }
    }
}

/// Runs `sql` on `conn`; the rows it changed.
async fn run(conn: &mut PgConnection, sql: &str) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(sql).execute(conn).await?.rows_affected())
}

/// How many rows `sql` (a SELECT) returns on `conn`.
async fn count(conn: &mut PgConnection, sql: &str) -> usize {
    sqlx::query(sql)
        .fetch_all(conn)
        .await
        .unwrap_or_else(|error| panic!("{sql}: {error}"))
        .len()
}

/// The server refused `result` for lack of privilege: a grant is missing or a
/// row-level policy turned the new row away (SQLSTATE 42501).
fn assert_not_allowed<T: std::fmt::Debug>(result: Result<T, sqlx::Error>, what: &str) {
    match result {
        Err(sqlx::Error::Database(error)) if error.code().as_deref() == Some("42501") => {}
        other => panic!("{what}: expected a refused privilege, got {other:?}"),
    }
}

/// A trigger refused `result` with the coded message `[code] ...`.
fn assert_refused_by_trigger<T: std::fmt::Debug>(result: Result<T, sqlx::Error>, code: &str) {
    match result {
        Err(sqlx::Error::Database(error)) if error.message().starts_with(&format!("[{code}]")) => {}
        other => panic!("expected a [{code}] refusal, got {other:?}"),
    }
}

/// Adds a client as `conn`'s person, with contact details, consent and
/// something clinical, its search key folded as the app folds it; its id.
async fn add_client(conn: &mut PgConnection, name: &str) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO clients (first_name, search_key, sort_key, phone, consent_scope,
             consent_date, consent_signed_by, health_history, notes)
         VALUES ($1, lower($1), $1, '0812345678', 'massage', '2026-11-30', $1, 'migraines',
             'private note')
         RETURNING id",
    )
    .bind(name)
    .fetch_one(conn)
    .await
    .expect("add client")
}

/// Adds a client as `conn`'s person, with a session and a finding; the ids.
pub(crate) async fn client_with_a_session(
    conn: &mut PgConnection,
    first_name: &str,
) -> (i64, i64, i64) {
    let client = add_client(conn, first_name).await;
    let session: i64 = sqlx::query_scalar(
        "INSERT INTO sessions (client_id, session_date, subjective)
         VALUES ($1, '2026-11-30', 'neck pain') RETURNING id",
    )
    .bind(client)
    .fetch_one(&mut *conn)
    .await
    .expect("add session");
    let finding: i64 = sqlx::query_scalar(
        "INSERT INTO findings (session_id, muscle_id, muscle_label, side, view, x, y,
             tenderness, activity)
         VALUES ($1, 'trapezius', 'Trapezius', 'left', 'back', 0.4, 0.2, 6, 'active')
         RETURNING id",
    )
    .bind(session)
    .fetch_one(&mut *conn)
    .await
    .expect("add finding");
    (client, session, finding)
}

#[tokio::test]
async fn a_fresh_database_migrates_and_its_people_sign_in_with_their_own_login() {
    let mut clinic = TestClinic::new().await;
    let owner = clinic.add("owner", PersonKind::Owner, None).await;
    let ann = clinic.add("ann", PersonKind::Therapist, None).await;
    clinic.add("stu", PersonKind::Student, Some(&ann)).await;

    let people = Clinic::connect(&clinic.url_of(&owner))
        .await
        .expect("the owner signs in")
        .people()
        .await
        .expect("people");
    let kinds: Vec<(&str, PersonKind, Option<&str>)> = people
        .iter()
        .map(|p| (p.display_name.as_str(), p.kind, p.supervisor.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("ann", PersonKind::Therapist, None),
            ("owner", PersonKind::Owner, None),
            ("stu", PersonKind::Student, Some(ann.as_str())),
        ]
    );
    let wrong = signed_in_as(&clinic.admin_url, &ann).replace("horse", "donkey");
    assert!(matches!(
        Clinic::connect(&wrong).await,
        Err(Error::WrongPassword)
    ));
}

#[tokio::test]
async fn a_therapist_sees_and_charts_another_therapists_client_only_once_shared() {
    let mut clinic = TestClinic::new().await;
    let ann = clinic.add("ann", PersonKind::Therapist, None).await;
    let bob = clinic.add("bob", PersonKind::Therapist, None).await;
    let mut as_ann = clinic.as_person(&ann).await;
    let mut as_bob = clinic.as_person(&bob).await;
    let (client, session, finding) = client_with_a_session(&mut as_ann, "Malee").await;
    assert_eq!(count(&mut as_ann, "SELECT * FROM findings").await, 1);

    for table in ["clients", "sessions", "findings"] {
        let sql = format!("SELECT * FROM {table}");
        assert_eq!(count(&mut as_bob, &sql).await, 0, "bob reads ann's {table}");
    }
    let updates = [
        format!("UPDATE clients SET notes = 'bob was here' WHERE id = {client}"),
        format!("UPDATE sessions SET plan = 'bob was here' WHERE id = {session}"),
        format!("UPDATE findings SET tenderness = 1 WHERE id = {finding}"),
    ];
    for update in &updates {
        assert_eq!(run(&mut as_bob, update).await.expect(update), 0, "{update}");
    }
    assert_not_allowed(
        run(
            &mut as_bob,
            &format!(
                "INSERT INTO sessions (client_id, session_date) VALUES ({client}, '2026-12-01')"
            ),
        )
        .await,
        "bob adds a session to ann's client",
    );
    // Nor can bob share ann's client with himself.
    assert_not_allowed(
        run(
            &mut as_bob,
            &format!("INSERT INTO client_shares (client_id, therapist) VALUES ({client}, '{bob}')"),
        )
        .await,
        "bob shares ann's client with himself",
    );

    run(
        &mut as_ann,
        &format!("INSERT INTO client_shares (client_id, therapist) VALUES ({client}, '{bob}')"),
    )
    .await
    .expect("ann shares");
    for table in ["clients", "sessions", "findings"] {
        let sql = format!("SELECT * FROM {table}");
        assert_eq!(
            count(&mut as_bob, &sql).await,
            1,
            "bob reads the shared {table}"
        );
    }
    for update in &updates {
        assert_eq!(run(&mut as_bob, update).await.expect(update), 1, "{update}");
    }
    // Sharing doesn't give the client away: only the owner does that.
    assert_not_allowed(
        run(
            &mut as_bob,
            &format!("UPDATE clients SET owner = '{bob}' WHERE id = {client}"),
        )
        .await,
        "bob takes ann's client",
    );
}

#[tokio::test]
async fn a_student_sees_only_their_own_clients_and_practice_log_and_cannot_sign_it_off() {
    let mut clinic = TestClinic::new().await;
    let ann = clinic.add("ann", PersonKind::Therapist, None).await;
    let stu = clinic.add("stu", PersonKind::Student, Some(&ann)).await;
    let sue = clinic.add("sue", PersonKind::Student, Some(&ann)).await;
    let mut as_stu = clinic.as_person(&stu).await;
    let mut as_sue = clinic.as_person(&sue).await;
    let (client, _, _) = client_with_a_session(&mut as_stu, "Somchai").await;
    run(
        &mut as_stu,
        "INSERT INTO practice_log (entry_date, duration_minutes) VALUES ('2026-11-30', 60)",
    )
    .await
    .expect("stu logs practice");

    assert_eq!(count(&mut as_stu, "SELECT * FROM clients").await, 1);
    assert_eq!(count(&mut as_stu, "SELECT * FROM practice_log").await, 1);
    for table in ["clients", "sessions", "findings", "practice_log"] {
        let sql = format!("SELECT * FROM {table}");
        assert_eq!(count(&mut as_sue, &sql).await, 0, "sue reads stu's {table}");
    }
    let update = format!("UPDATE clients SET notes = 'sue was here' WHERE id = {client}");
    assert_eq!(run(&mut as_sue, &update).await.expect("update"), 0);

    assert_not_allowed(
        run(
            &mut as_stu,
            "UPDATE practice_log SET signed_off_by = 'stu', signed_off_at = '2026-11-30'",
        )
        .await,
        "stu signs off their own entry",
    );
    assert_not_allowed(
        run(
            &mut as_stu,
            "INSERT INTO practice_log (entry_date, duration_minutes, signed_off_by, signed_off_at)
             VALUES ('2026-11-30', 60, 'Ms Lee', '2026-11-30')",
        )
        .await,
        "stu adds a signed-off entry",
    );
}

#[tokio::test]
async fn a_supervisor_reads_their_students_work_and_signs_it_off_in_their_own_name() {
    let mut clinic = TestClinic::new().await;
    let ann = clinic.add("ann", PersonKind::Therapist, None).await;
    let bob = clinic.add("bob", PersonKind::Therapist, None).await;
    let stu = clinic.add("stu", PersonKind::Student, Some(&ann)).await;
    let mut as_stu = clinic.as_person(&stu).await;
    let mut as_ann = clinic.as_person(&ann).await;
    let mut as_bob = clinic.as_person(&bob).await;
    let (_, session, _) = client_with_a_session(&mut as_stu, "Somchai").await;
    let entry: i64 = sqlx::query_scalar(
        "INSERT INTO practice_log (entry_date, duration_minutes) VALUES ('2026-11-29', 45)
         RETURNING id",
    )
    .fetch_one(&mut as_stu)
    .await
    .expect("stu logs practice");

    for table in ["clients", "sessions", "findings", "practice_log"] {
        let sql = format!("SELECT * FROM {table}");
        assert_eq!(
            count(&mut as_ann, &sql).await,
            1,
            "ann reads her student's {table}"
        );
        assert_eq!(
            count(&mut as_bob, &sql).await,
            0,
            "bob reads another's student's {table}"
        );
    }
    // A supervisor reads the student's charts; the student charts them.
    let update = format!("UPDATE sessions SET plan = 'ann was here' WHERE id = {session}");
    assert_eq!(run(&mut as_ann, &update).await.expect("update"), 0);

    let sign_off = format!(
        "INSERT INTO practice_log (student, entry_date, duration_minutes, session_id,
             signed_off_by, signed_off_at)
         VALUES ('{stu}', '2026-11-30', 60, {session}, 'Dr Forged', '2026-11-30')"
    );
    assert_not_allowed(
        run(&mut as_bob, &sign_off).await,
        "bob signs off ann's student",
    );
    run(&mut as_ann, &sign_off)
        .await
        .expect("ann signs off the session");
    let hand_entry = format!(
        "UPDATE practice_log SET signed_off_by = 'Dr Forged', signed_off_at = '2026-11-30'
         WHERE id = {entry}"
    );
    assert_eq!(run(&mut as_bob, &hand_entry).await.expect("update"), 0);
    assert_eq!(run(&mut as_ann, &hand_entry).await.expect("sign off"), 1);

    let signers: Vec<String> =
        sqlx::query_scalar("SELECT signed_off_by FROM practice_log ORDER BY id")
            .fetch_all(&mut as_stu)
            .await
            .expect("log");
    assert_eq!(
        signers,
        [ann.clone(), ann.clone()],
        "signed in the supervisor's own name"
    );
    assert_refused_by_trigger(
        run(
            &mut as_ann,
            &format!("UPDATE practice_log SET notes = 'x' WHERE id = {entry}"),
        )
        .await,
        "signed-entry",
    );
}

#[tokio::test]
async fn the_front_desk_reads_contact_and_consent_but_nothing_clinical() {
    let mut clinic = TestClinic::new().await;
    let ann = clinic.add("ann", PersonKind::Therapist, None).await;
    let desk = clinic.add("desk", PersonKind::FrontDesk, None).await;
    let mut as_ann = clinic.as_person(&ann).await;
    let mut as_desk = clinic.as_person(&desk).await;
    let (client, _, _) = client_with_a_session(&mut as_ann, "Malee").await;

    let row = sqlx::query("SELECT phone, consent_scope FROM clients WHERE id = $1")
        .bind(client)
        .fetch_one(&mut as_desk)
        .await
        .expect("the desk reads contact and consent");
    assert_eq!(row.get::<String, _>("phone"), "0812345678");
    assert_eq!(row.get::<String, _>("consent_scope"), "massage");

    for refused in [
        "SELECT notes FROM clients",
        "SELECT health_history FROM clients",
        "SELECT * FROM clients",
        "SELECT * FROM sessions",
        "SELECT * FROM findings",
        "SELECT * FROM amendments",
        "SELECT * FROM practice_log",
        "SELECT * FROM audit_log",
        "UPDATE clients SET notes = 'desk'",
    ] {
        assert_not_allowed(run(&mut as_desk, refused).await, refused);
    }
    // The desk books a client for a therapist, never for itself.
    let booking = "INSERT INTO clients (owner, first_name, phone, search_key, sort_key)
                   VALUES ('{owner}', 'Niran', '0899999999', 'niran', 'niran')";
    run(&mut as_desk, &booking.replace("{owner}", &ann))
        .await
        .expect("the desk books a client for ann");
    assert_not_allowed(
        run(&mut as_desk, &booking.replace("{owner}", &desk)).await,
        "the desk books a client for itself",
    );
    assert_eq!(count(&mut as_ann, "SELECT * FROM clients").await, 2);
}

#[tokio::test]
async fn only_the_owner_adds_changes_and_removes_people() {
    let mut clinic = TestClinic::new().await;
    let owner = clinic.add("owner", PersonKind::Owner, None).await;
    let ann = clinic.add("ann", PersonKind::Therapist, None).await;
    let stu = clinic.add("stu", PersonKind::Student, Some(&ann)).await;
    let desk = clinic.add("desk", PersonKind::FrontDesk, None).await;
    let newcomer = format!("{}_new", clinic.prefix);
    let person =
        NewPerson::parse(&newcomer, "New", PersonKind::Owner, PASSWORD, None).expect("person");

    for login in [&ann, &stu, &desk] {
        let as_them = Clinic::connect(&clinic.url_of(login))
            .await
            .expect("sign in");
        assert!(
            matches!(as_them.add_person(&person).await, Err(Error::NotAllowed)),
            "{login} adds a person"
        );
        let mut conn = clinic.as_person(login).await;
        for call in [
            format!("SELECT set_person_kind('{stu}', 'therapist')"),
            format!("SELECT remove_person('{ann}')"),
        ] {
            assert_not_allowed(run(&mut conn, &call).await, &call);
        }
        assert_not_allowed(
            run(
                &mut conn,
                "INSERT INTO people (login, display_name, kind) VALUES ('x', 'X', 'owner')",
            )
            .await,
            "writing the people table",
        );
    }

    let as_owner = Clinic::connect(&clinic.url_of(&owner))
        .await
        .expect("owner");
    as_owner
        .add_person(&person)
        .await
        .expect("the owner adds a person");
    clinic.logins.push(newcomer.clone());
    clinic.as_person(&newcomer).await;
    assert!(matches!(
        as_owner.add_person(&person).await,
        Err(Error::LoginTaken)
    ));
    // A student's supervisor is one of the clinic's therapists, not the desk.
    let supervised_by_desk = NewPerson::parse(
        &format!("{}_sam", clinic.prefix),
        "Sam",
        PersonKind::Student,
        PASSWORD,
        Some(&desk),
    )
    .expect("person");
    assert!(matches!(
        as_owner.add_person(&supervised_by_desk).await,
        Err(Error::NoSupervisor)
    ));

    let mut conn = clinic.as_person(&owner).await;
    run(
        &mut conn,
        &format!("SELECT set_person_kind('{stu}', 'therapist')"),
    )
    .await
    .expect("a student qualifies");
    let groups: (bool, bool) = sqlx::query_as(
        "SELECT pg_has_role($1, 'myochart_therapist', 'MEMBER'),
                pg_has_role($1, 'myochart_student', 'MEMBER')",
    )
    .bind(&stu)
    .fetch_one(&mut conn)
    .await
    .expect("groups");
    assert_eq!(groups, (true, false), "the qualified student's groups");
    run(&mut conn, &format!("SELECT remove_person('{ann}')"))
        .await
        .expect("ann leaves");
    assert!(
        PgConnection::connect(&clinic.url_of(&ann)).await.is_err(),
        "ann signs in after leaving"
    );
    for gone in [
        format!("SELECT remove_person('{ann}')"),
        format!("SELECT set_person_kind('{ann}', 'owner')"),
    ] {
        assert_refused_by_trigger(run(&mut conn, &gone).await, "no-person");
    }
    run(&mut conn, &format!("SELECT remove_person('{newcomer}')"))
        .await
        .expect("one of two owners leaves");
    assert_refused_by_trigger(
        run(&mut conn, &format!("SELECT remove_person('{owner}')")).await,
        "last-owner",
    );
}

#[tokio::test]
async fn the_audit_log_is_written_by_the_server_in_the_signed_in_persons_name_only() {
    let mut clinic = TestClinic::new().await;
    let owner = clinic.add("owner", PersonKind::Owner, None).await;
    let ann = clinic.add("ann", PersonKind::Therapist, None).await;
    let bob = clinic.add("bob", PersonKind::Therapist, None).await;
    let mut as_ann = clinic.as_person(&ann).await;
    let mut as_bob = clinic.as_person(&bob).await;
    let mut as_owner = clinic.as_person(&owner).await;
    let (client, _, _) = client_with_a_session(&mut as_ann, "Malee").await;

    // Ann tries to pass for someone else: other logins and the owner's group
    // are not hers to become; her own group is, but changes no name.
    for refused in [
        format!("SET ROLE {bob}"),
        "SET ROLE myochart_owner".to_owned(),
        format!("SET SESSION AUTHORIZATION {bob}"),
    ] {
        assert!(run(&mut as_ann, &refused).await.is_err(), "{refused}");
    }
    run(&mut as_ann, "SET ROLE myochart_therapist")
        .await
        .expect("her own group");
    let mut tx = as_ann.begin().await.expect("begin");
    run(
        &mut tx,
        "SELECT set_config('myochart.action', 'client.update', true)",
    )
    .await
    .expect("name the action");
    run(
        &mut tx,
        &format!("UPDATE clients SET health_history = 'none' WHERE id = {client}"),
    )
    .await
    .expect("ann updates her client");
    tx.commit().await.expect("commit");

    let entry = sqlx::query(
        "SELECT actor, action, changes::text AS changes FROM audit_log
         WHERE entity = 'client' AND entity_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(client)
    .fetch_one(&mut as_owner)
    .await
    .expect("the owner reads the log");
    assert_eq!(entry.get::<String, _>("actor"), ann);
    assert_eq!(entry.get::<String, _>("action"), "client.update");
    assert_eq!(
        entry.get::<String, _>("changes"),
        r#"{"healthHistory": {"new": "none", "old": "migraines"}}"#
    );

    for (who, conn) in [("ann", &mut as_ann), ("owner", &mut as_owner)] {
        for write in [
            format!(
                "INSERT INTO audit_log (actor, action, entity, entity_id)
                 VALUES ('{bob}', 'client.delete', 'client', {client})"
            ),
            format!("UPDATE audit_log SET actor = '{bob}'"),
            "DELETE FROM audit_log".to_owned(),
            "TRUNCATE audit_log".to_owned(),
        ] {
            assert_not_allowed(run(conn, &write).await, &format!("{who}: {write}"));
        }
    }
    // Not even the server's administrator changes what was logged.
    let mut admin = PgConnection::connect(&clinic.admin_url)
        .await
        .expect("admin");
    assert_refused_by_trigger(
        run(&mut admin, "DELETE FROM audit_log").await,
        "record-kept",
    );
    assert_refused_by_trigger(
        run(&mut admin, "UPDATE audit_log SET actor = 'x'").await,
        "record-kept",
    );

    // An event that changes no row is logged in the session user's name too.
    run(
        &mut as_ann,
        &format!("SELECT record_event('export.client-pdf', 'client', {client}, 'record.pdf')"),
    )
    .await
    .expect("ann records an export");
    let exported_by: String =
        sqlx::query_scalar("SELECT actor FROM audit_log WHERE action = 'export.client-pdf'")
            .fetch_one(&mut as_owner)
            .await
            .expect("the export's entry");
    assert_eq!(exported_by, ann);

    // Bob reads nothing about a client he doesn't see.
    let about_malee =
        format!("SELECT * FROM audit_log WHERE entity = 'client' AND entity_id = {client}");
    assert_eq!(count(&mut as_bob, &about_malee).await, 0);
    assert!(count(&mut as_ann, &about_malee).await >= 2);
}

#[tokio::test]
async fn a_signed_note_is_never_changed_by_anyone() {
    let mut clinic = TestClinic::new().await;
    let owner = clinic.add("owner", PersonKind::Owner, None).await;
    let ann = clinic.add("ann", PersonKind::Therapist, None).await;
    let mut as_ann = clinic.as_person(&ann).await;
    let (_, session, finding) = client_with_a_session(&mut as_ann, "Malee").await;
    run(
        &mut as_ann,
        &format!(
            "UPDATE sessions SET status = 'signed', signed_at = utc_now() WHERE id = {session}"
        ),
    )
    .await
    .expect("ann signs the note");

    let mut as_owner = clinic.as_person(&owner).await;
    let mut admin = PgConnection::connect(&clinic.admin_url)
        .await
        .expect("admin");
    for conn in [&mut as_ann, &mut as_owner, &mut admin] {
        for change in [
            format!("UPDATE sessions SET plan = 'changed' WHERE id = {session}"),
            format!("UPDATE sessions SET deleted_at = utc_now() WHERE id = {session}"),
            format!("UPDATE findings SET tenderness = 1 WHERE id = {finding}"),
            format!(
                "INSERT INTO findings (session_id, muscle_id, muscle_label, side, view, x, y,
                     tenderness, activity)
                 VALUES ({session}, 'levator', 'Levator', 'left', 'back', 0.4, 0.2, 6, 'active')"
            ),
        ] {
            assert_refused_by_trigger(run(conn, &change).await, "signed-note");
        }
    }
    assert_refused_by_trigger(
        run(
            &mut admin,
            &format!("DELETE FROM sessions WHERE id = {session}"),
        )
        .await,
        "signed-note",
    );
    // An amendment is how a signed note is corrected, in its author's name.
    run(
        &mut as_ann,
        &format!(
            "INSERT INTO amendments (session_id, reason, text, author)
             VALUES ({session}, 'typo', 'left, not right', 'someone else')"
        ),
    )
    .await
    .expect("ann amends");
    let author: String = sqlx::query_scalar("SELECT author FROM amendments")
        .fetch_one(&mut as_ann)
        .await
        .expect("amendment");
    assert_eq!(author, ann);
}

#[tokio::test]
async fn clinic_server_sh_makes_the_database_with_its_schema_and_first_owner() {
    let mut clinic = TestClinic::unmade();
    let owner = format!("{}_owner", clinic.prefix);
    clinic.logins.push(owner.clone());
    // The server without a database: the script names its own.
    let server = with_database(&server_url(), "");
    let mut script = Command::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scripts/clinic-server.sh"
    ))
    .args([
        "--database",
        &clinic.database,
        "--owner",
        &owner,
        "--owner-name",
        "Somchai J.",
    ])
    .env("MYOCHART_CLINIC_SERVER", &server)
    .env("MYOCHART", env!("CARGO_BIN_EXE_myochart"))
    .env("MYOCHART_LANGUAGE", "en")
    .env_remove("MYOCHART_DB")
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .expect("run clinic-server.sh");
    // The owner's password comes on standard input, as from a pipe.
    writeln!(script.stdin.take().expect("stdin"), "{PASSWORD}").expect("password");
    let output = script.wait_with_output().expect("clinic-server.sh ends");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        said.contains("the clinic's database is up to date"),
        "{said}"
    );

    let people = Clinic::connect(&clinic.url_of(&owner))
        .await
        .expect("the owner signs in with the password given")
        .people()
        .await
        .expect("people");
    assert_eq!(people.len(), 1);
    assert_eq!(
        (people[0].display_name.as_str(), people[0].kind),
        ("Somchai J.", PersonKind::Owner)
    );
}

#[tokio::test]
async fn verify_full_connects_only_to_a_server_whose_certificate_bears_its_name() {
    let checked = |url: String| {
        format!(
            "{url}?sslmode=verify-full&sslrootcert={}",
            server_certificate()
        )
    };
    // The certificate names localhost, not the address 127.0.0.1.
    let by_name = server_url().replace("@127.0.0.1:", "@localhost:");
    Clinic::connect(&checked(by_name))
        .await
        .expect("the name the certificate bears");
    assert!(
        matches!(
            Clinic::connect(&checked(server_url())).await,
            Err(Error::Connect { .. })
        ),
        "a server whose certificate names another host"
    );
}

/// Every table's columns, in order, as (table, columns).
type Columns = Vec<(String, Vec<String>)>;

/// Grouped by table: `rows` are (table, column) in table and column order.
fn by_table(rows: Vec<(String, String)>) -> Columns {
    let mut tables: Columns = Vec::new();
    for (table, column) in rows {
        match tables.last_mut() {
            Some((last, columns)) if *last == table => columns.push(column),
            _ => tables.push((table, vec![column])),
        }
    }
    tables
}

#[tokio::test]
async fn the_clinic_schema_has_every_table_and_column_of_the_sqlite_one_in_order() {
    let solo = crate::helpers::TestDb::new().await;
    let sqlite: Vec<(String, String)> = sqlx::query_as(
        "SELECT m.name, c.name FROM sqlite_master m, pragma_table_info(m.name) c
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations'
         ORDER BY m.name, c.cid",
    )
    .fetch_all(&solo.other_program().await)
    .await
    .expect("SQLite's columns");

    let clinic = TestClinic::new().await;
    let mut admin = PgConnection::connect(&clinic.admin_url)
        .await
        .expect("admin");
    let postgres: Vec<(String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'
         ORDER BY table_name COLLATE \"C\", ordinal_position",
    )
    .fetch_all(&mut admin)
    .await
    .expect("PostgreSQL's columns");
    // What the clinic adds: its people, shares, whose each record is, and what
    // moved in from a solo database.
    let clinic_only = |(table, column): &(String, String)| {
        matches!(
            table.as_str(),
            "people" | "client_shares" | "imported_clients" | "student_profiles"
        ) || matches!(
            (table.as_str(), column.as_str()),
            ("clients" | "snippets", "owner")
                | ("practice_log", "student")
                | ("audit_log", "imported_by")
        )
    };
    let postgres = postgres.into_iter().filter(|c| !clinic_only(c)).collect();
    assert_eq!(by_table(postgres), by_table(sqlite));
}

/// Through the app, what the server's policies refuse is the api's not-found
/// (a record the person can't see) or not-allowed (a change their role
/// doesn't make), not a database error. The app names the database it is on
/// by login, server and database, never with the password.
#[tokio::test]
async fn the_app_reports_the_servers_refusals_as_not_found_and_not_allowed() {
    use myochart::api::Code;
    use myochart::model::ClientForm;

    use crate::helpers::{Engine, TestDb};

    let mut db = TestDb::on(Engine::Postgres).await;
    let info = db.api.info().await.expect("info");
    let expected = format!("postgres://{}@", db.actor());
    assert!(info.path.starts_with(&expected), "{}", info.path);
    assert!(info.path.contains("/clinic_t"), "{}", info.path);
    // A word of PASSWORD, however a URL would encode its spaces.
    assert!(!info.path.contains("horse"), "{}", info.path);
    let owners = db.client("Anna", "Smith").await;
    let therapist = db.another_person("ben", PersonKind::Therapist).await;
    let unseen = therapist
        .client_record(owners.id)
        .await
        .expect_err("not their client");
    assert_eq!(unseen.code(), Code::NotFound, "{unseen}");
    let form = ClientForm {
        first_name: "Changed".into(),
        last_name: "Smith".into(),
        ..ClientForm::default()
    };
    let unchanged = therapist
        .update_client(owners.id, form)
        .await
        .expect_err("not their client");
    assert_eq!(unchanged.code(), Code::NotFound, "{unchanged}");
    let settings = therapist
        .settings()
        .await
        .expect("anyone reads the settings");
    let refused = therapist
        .save_settings(settings)
        .await
        .expect_err("the owner's to change");
    assert_eq!(refused.code(), Code::NotAllowed, "{refused}");
    let theirs = therapist
        .create_client(ClientForm {
            first_name: "Chai".into(),
            last_name: "Dee".into(),
            ..ClientForm::default()
        })
        .await
        .expect("a therapist adds their own client");
    assert_eq!(
        therapist
            .client_record(theirs.id)
            .await
            .expect("theirs")
            .client
            .first_name,
        "Chai"
    );
}

/// The next change `changes` hears, within a second.
async fn heard_within_a_second(changes: &mut Changes) -> RecordChange {
    let heard = tokio::time::timeout(std::time::Duration::from_secs(1), changes.next())
        .await
        .expect("a change announced within a second")
        .expect("still listening");
    match heard {
        Heard::Changed(change) => change,
        Heard::Lost | Heard::Missed => panic!("the connection was lost"),
    }
}

#[tokio::test]
async fn a_change_committed_by_one_person_is_announced_to_another_within_a_second() {
    let mut clinic = TestClinic::new().await;
    let ann = clinic.add("ann", PersonKind::Therapist, None).await;
    let bob = clinic.add("bob", PersonKind::Therapist, None).await;
    let api = Api::connect(&clinic.url_of(&ann), PluginOptions::new(Vec::new()))
        .await
        .expect("ann signs in");
    let mut changes = api.listen().await.expect("listen").expect("a server");

    let mut writer = clinic.as_person(&bob).await;
    let (client, session, finding) = client_with_a_session(&mut writer, "Somchai").await;

    // Ids only: ann may not read bob's client, and hears of it all the same.
    let announced = |table: &str, id, client, session| RecordChange {
        table: table.into(),
        id,
        client,
        session,
    };
    assert_eq!(
        heard_within_a_second(&mut changes).await,
        announced("clients", Some(client), Some(client), None)
    );
    assert_eq!(
        heard_within_a_second(&mut changes).await,
        announced("sessions", Some(session), Some(client), Some(session))
    );
    assert_eq!(
        heard_within_a_second(&mut changes).await,
        announced("findings", Some(finding), None, Some(session))
    );
    api.close().await;
    assert_eq!(
        changes.next().await,
        None,
        "closing the store stops listening"
    );
}

#[tokio::test]
async fn a_change_rolled_back_is_not_announced() {
    let mut clinic = TestClinic::new().await;
    let ann = clinic.add("ann", PersonKind::Therapist, None).await;
    let api = Api::connect(&clinic.url_of(&ann), PluginOptions::new(Vec::new()))
        .await
        .expect("ann signs in");
    let mut changes = api.listen().await.expect("listen").expect("a server");
    let mut writer = clinic.as_person(&ann).await;

    run(&mut writer, "BEGIN").await.expect("begin");
    client_with_a_session(&mut writer, "Somchai").await;
    run(&mut writer, "ROLLBACK").await.expect("roll back");
    let (client, _, _) = client_with_a_session(&mut writer, "Malee").await;

    assert_eq!(heard_within_a_second(&mut changes).await.id, Some(client));
}

#[tokio::test]
async fn the_command_line_signs_in_with_a_password_file_and_says_when_it_is_wrong() {
    let mut clinic = TestClinic::new().await;
    let ann = clinic.add("ann", PersonKind::Therapist, None).await;
    let (_, server) = clinic.admin_url.split_once('@').expect("credentials");
    let url = format!("postgres://{ann}@{server}");
    let dir = tempfile::tempdir().expect("temp");
    let myochart = |password: &str, args: &[&str]| {
        let file = dir.path().join("password");
        std::fs::write(&file, format!("{password}\n")).expect("password file");
        Command::new(env!("CARGO_BIN_EXE_myochart"))
            .env("MYOCHART_LANGUAGE", "en")
            .args(["--db", &url, "--password-file"])
            .arg(&file)
            .args(args)
            .output()
            .expect("run myochart")
    };

    client_with_a_session(&mut clinic.as_person(&ann).await, "Malee").await;
    let listed = myochart(PASSWORD, &["client", "list"]);
    assert!(
        String::from_utf8_lossy(&listed.stdout).contains("Malee"),
        "{listed:?}"
    );

    let refused = myochart("not the password", &["client", "list"]);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("password"), "{said}");
}

#[tokio::test]
async fn a_draft_saved_from_another_computer_is_not_overwritten_by_text_typed_over_the_older_one() {
    let mut clinic = TestClinic::new().await;
    let owner = clinic.add("owner", PersonKind::Owner, None).await;
    let ann = clinic.add("ann", PersonKind::Therapist, None).await;
    let (_, session, _) = client_with_a_session(&mut clinic.as_person(&ann).await, "Malee").await;
    let (anns, owners) = (clinic.api_of(&ann).await, clinic.api_of(&owner).await);
    let note = |subjective: &str| NoteForm {
        subjective: subjective.into(),
        based_on: Some(0),
        ..NoteForm::default()
    };

    // Both opened the draft at revision 0; Ann saves first.
    anns.write_note(SessionId(session), note("Neck pain since Monday"))
        .await
        .expect("ann saves");
    let error = owners
        .write_note(
            SessionId(session),
            note("Shoulder, typed on the other computer"),
        )
        .await
        .expect_err("changed elsewhere");
    assert_eq!(error.code(), myochart::api::Code::ChangedElsewhere);
    let stored = owners.session(SessionId(session)).await.expect("detail");
    assert_eq!(stored.session.subjective, "Neck pain since Monday");
}

#[tokio::test]
async fn each_person_keeps_their_own_student_profile() {
    let mut clinic = TestClinic::new().await;
    let teacher = clinic.add("teacher", PersonKind::Therapist, None).await;
    let somchai = clinic
        .add("somchai", PersonKind::Student, Some(&teacher))
        .await;
    let malee = clinic
        .add("malee", PersonKind::Student, Some(&teacher))
        .await;
    let (somchais, malees) = (clinic.api_of(&somchai).await, clinic.api_of(&malee).await);
    let profile = |name: &str, sessions| StudentProfile {
        student_mode: true,
        student_name: name.into(),
        programme: "Thai massage, level 2".into(),
        required_sessions: sessions,
        ..StudentProfile::default()
    };

    somchais
        .save_student_profile(profile("Somchai", 40))
        .await
        .expect("somchai saves his");
    malees
        .save_student_profile(profile("มาลี", 60))
        .await
        .expect("malee saves hers");
    assert_eq!(
        somchais.student_profile().await.expect("his"),
        profile("Somchai", 40)
    );
    assert_eq!(
        malees.student_profile().await.expect("hers"),
        profile("มาลี", 60)
    );
    let teachers = clinic.api_of(&teacher).await.student_profile().await;
    assert!(!teachers.expect("the teacher's own").student_mode);

    // The table itself is out of reach: only one's own row, through the view.
    let mut raw = clinic.as_person(&malee).await;
    assert_not_allowed(
        sqlx::query("SELECT student_name FROM student_profiles")
            .fetch_all(&mut raw)
            .await,
        "reading everyone's profiles",
    );
    let seen: Vec<String> = sqlx::query_scalar("SELECT student_name FROM student_profile")
        .fetch_all(&mut raw)
        .await
        .expect("her own");
    assert_eq!(seen, ["มาลี"]);
}

#[tokio::test]
async fn the_front_desk_and_each_therapist_find_the_clients_they_may_see_as_they_change() {
    let mut clinic = TestClinic::new().await;
    let ann = clinic.add("ann", PersonKind::Therapist, None).await;
    let bob = clinic.add("bob", PersonKind::Therapist, None).await;
    let desk = clinic.add("desk", PersonKind::FrontDesk, None).await;
    let (desks, bobs) = (clinic.api_of(&desk).await, clinic.api_of(&bob).await);
    let found = |api: &Api, query: &'static str| {
        let api = api.clone();
        async move {
            let found = api.search_clients(query).await.expect("search");
            found.into_iter().map(|c| c.first_name).collect::<Vec<_>>()
        }
    };

    let mut anns = clinic.as_person(&ann).await;
    add_client(&mut anns, "Somchai").await;
    assert_eq!(found(&desks, "som").await, ["Somchai"]);
    // The index follows changes made since it was read, by anyone.
    add_client(&mut anns, "Somsak").await;
    assert_eq!(found(&desks, "som").await, ["Somchai", "Somsak"]);
    assert_eq!(found(&bobs, "som").await, Vec::<String>::new());
    run(
        &mut anns,
        "UPDATE clients SET first_name = 'Malee', search_key = 'malee' WHERE first_name = 'Somsak'",
    )
    .await
    .expect("renamed");
    assert_eq!(found(&desks, "som").await, ["Somchai"]);
    assert_eq!(found(&bobs, "malee").await, Vec::<String>::new());
    // The front desk's window shows contact details and consent, not the
    // record behind them.
    assert!(desks.info().await.expect("info").contact_only);
    assert!(!bobs.info().await.expect("info").contact_only);
    let somchai = desks.search_clients("somchai").await.expect("search")[0].id;
    let contact = desks.client_contact(somchai).await.expect("contact");
    assert_eq!(
        (contact.phone.as_str(), contact.consent_scope.as_str()),
        ("0812345678", "massage")
    );
    assert_eq!(contact.consent_signed_by, "Somchai");
    let refused = desks.client_record(somchai).await.expect_err("clinical");
    assert_eq!(refused.code(), myochart::api::Code::NotAllowed);
}

#[tokio::test]
async fn a_database_file_is_never_contact_only() {
    let db = crate::helpers::TestDb::new().await;
    let client = db.client("Anna", "Smith").await;
    assert!(!db.api.info().await.expect("info").contact_only);
    let contact = db.api.client_contact(client.id).await.expect("contact");
    assert_eq!(
        (contact.first_name, contact.last_name),
        ("Anna".into(), "Smith".into())
    );
}
