use myochart::api::Api;
use myochart::atlas::{Side, View};
use myochart::clinic::PersonKind;
use myochart::model::{Activity, Client, ClientForm, FindingForm, Session, SessionForm};
use myochart::plugin::PluginOptions;

use crate::clinic::TestClinic;

/// The database engines the core runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// A file of the test's own, as a therapist on their own has.
    Sqlite,
    /// A clinic database of the test's own on the server in
    /// `MYOCHART_TEST_POSTGRES` (scripts/with-postgres.sh), signed in as an
    /// owner of the clinic, under the row-level security a real person is.
    Postgres,
}

/// Turns each listed `async fn name(db: TestDb)` into two tests,
/// `name::sqlite` and `name::postgres`, each on a fresh database of its engine;
/// after `engine:`, each `async fn name(engine: Engine)`, for tests that open
/// their database themselves.
macro_rules! on_both_engines {
    (engine: $($test:ident),* $(,)?) => {$(
        mod $test {
            use $crate::helpers::Engine;

            #[tokio::test]
            async fn sqlite() {
                super::$test(Engine::Sqlite).await
            }

            #[tokio::test]
            async fn postgres() {
                super::$test(Engine::Postgres).await
            }
        }
    )*};
    ($($test:ident),* $(,)?) => {$(
        mod $test {
            use $crate::helpers::{Engine, TestDb};

            #[tokio::test]
            async fn sqlite() {
                super::$test(TestDb::on(Engine::Sqlite).await).await
            }

            #[tokio::test]
            async fn postgres() {
                super::$test(TestDb::on(Engine::Postgres).await).await
            }
        }
    )*};
}

/// A fresh database in its own temp folder, deleted when dropped; on
/// PostgreSQL, a database of its own on the server, dropped with its people.
pub struct TestDb {
    pub api: Api,
    /// The test's files (the SQLite database among them).
    pub dir: tempfile::TempDir,
    /// On PostgreSQL, the clinic's database the api signed in to.
    server: Option<ServerDb>,
}

/// The display name of the owner a PostgreSQL test signs in as.
const OWNER_NAME: &str = "owner";

/// The name changes are recorded under on SQLite.
const SQLITE_ACTOR: &str = "test therapist";

impl TestDb {
    /// A fresh SQLite database.
    pub async fn new() -> TestDb {
        TestDb::on(Engine::Sqlite).await
    }

    pub async fn on(engine: Engine) -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        match engine {
            Engine::Sqlite => {
                let api = Api::open(&dir.path().join("test.sqlite"))
                    .await
                    .expect("open database")
                    .with_actor(SQLITE_ACTOR);
                TestDb {
                    api,
                    dir,
                    server: None,
                }
            }
            Engine::Postgres => {
                let mut clinic = TestClinic::new().await;
                let login = clinic.add(OWNER_NAME, PersonKind::Owner, None).await;
                let api = Api::connect(&clinic.url_of(&login), PluginOptions::new(Vec::new()))
                    .await
                    .expect("connect to the clinic");
                TestDb {
                    api,
                    dir,
                    server: Some(ServerDb { clinic, login }),
                }
            }
        }
    }

    /// A test database around `api`, a SQLite database opened elsewhere.
    pub fn around(api: Api) -> TestDb {
        TestDb {
            api,
            dir: tempfile::tempdir().expect("temp dir"),
            server: None,
        }
    }

    /// Whom the audit log names for changes made through `api`: the name it
    /// was given on SQLite, the signed-in login on PostgreSQL.
    pub fn actor(&self) -> &str {
        match &self.server {
            None => SQLITE_ACTOR,
            Some(server) => &server.login,
        }
    }

    /// The name a sign-off by `typed` is stamped with: the name typed on
    /// SQLite; on a clinic's server, the signed-in person's display name (the
    /// server stamps who signed).
    pub fn signer<'a>(&self, typed: &'a str) -> &'a str {
        match self.server {
            None => typed,
            Some(_) => OWNER_NAME,
        }
    }

    pub fn path(&self) -> std::path::PathBuf {
        self.dir.path().join("test.sqlite")
    }

    /// A connection of its own to the same file, as another program would have.
    pub async fn other_program(&self) -> sqlx::SqlitePool {
        sqlx::SqlitePool::connect(&format!("sqlite://{}", self.path().display()))
            .await
            .expect("second connection")
    }

    /// Where handout previews are written: beside the database file, or for a
    /// clinic's database beside the place this computer keeps its files.
    pub fn previews_folder(&self) -> std::path::PathBuf {
        match &self.server {
            None => self.dir.path().join("test.sqlite-previews"),
            Some(server) => server.previews_folder(),
        }
    }

    /// The same database opened again with `plugins`, as the app does when it
    /// starts.
    pub async fn reopen_with(&self, plugins: PluginOptions) -> Api {
        match &self.server {
            None => Api::open_with_plugins(&self.path(), plugins)
                .await
                .expect("open with plugins")
                .with_actor(SQLITE_ACTOR),
            Some(server) => Api::connect(&server.url(), plugins)
                .await
                .expect("connect with plugins"),
        }
    }

    /// The same database opened a second time, as another window (on another
    /// machine, for a clinic's) would: signed in as the same person.
    pub async fn other_window(&self) -> Api {
        match &self.server {
            None => Api::open(&self.path()).await.expect("second window"),
            Some(server) => Api::connect(&server.url(), PluginOptions::new(Vec::new()))
                .await
                .expect("second window"),
        }
    }

    /// The api as a new person of the clinic, of `kind`, signed in with their
    /// own login (a student is supervised by the owner `api` signed in as).
    pub async fn another_person(&mut self, name: &str, kind: PersonKind) -> Api {
        let server = self.server.as_mut().expect("a PostgreSQL test database");
        let supervisor = (kind == PersonKind::Student).then_some(server.login.as_str());
        let login = server.clinic.add(name, kind, supervisor).await;
        Api::connect(
            &server.clinic.url_of(&login),
            PluginOptions::new(Vec::new()),
        )
        .await
        .unwrap_or_else(|error| panic!("{login} signs in: {error}"))
    }

    /// Runs `sql` behind the app's back, as another program would: on SQLite
    /// with a connection of its own to the file, on PostgreSQL signed in as
    /// the same person. The rows it changed, or the database's refusal.
    pub async fn other_program_runs(&self, sql: &str) -> Result<u64, sqlx::Error> {
        let done = match &self.server {
            None => {
                let pool = self.other_program().await;
                sqlx::query(sql).execute(&pool).await?.rows_affected()
            }
            Some(server) => {
                let mut conn = server.clinic.as_person(&server.login).await;
                sqlx::query(sql).execute(&mut conn).await?.rows_affected()
            }
        };
        Ok(done)
    }

    /// Another program starts writing to `client` and holds the write lock until
    /// the returned transaction ends.
    pub async fn hold_write_lock(
        &self,
        client: &Client,
    ) -> sqlx::Transaction<'static, sqlx::Sqlite> {
        let mut writer = self.other_program().await.begin().await.expect("begin");
        sqlx::query("UPDATE clients SET notes = 'held' WHERE id = ?")
            .bind(client.id.0)
            .execute(&mut *writer)
            .await
            .expect("lock");
        writer
    }

    pub async fn client(&self, first: &str, last: &str) -> Client {
        self.api
            .create_client(ClientForm {
                first_name: first.into(),
                last_name: last.into(),
                ..ClientForm::default()
            })
            .await
            .expect("create client")
    }

    pub async fn session(&self, client: &Client) -> Session {
        self.api
            .create_session(
                client.id,
                SessionForm {
                    session_date: "2026-11-20".into(),
                    therapist: "Test".into(),
                },
            )
            .await
            .expect("create session")
    }
}

/// A clinic database of the test's own, and the login the test signed in with.
struct ServerDb {
    clinic: TestClinic,
    login: String,
}

impl ServerDb {
    fn url(&self) -> String {
        self.clinic.url_of(&self.login)
    }

    /// Where this computer keeps the app's files for the clinic's database
    /// (previews, the plugin cache): in the app's data folder, named after
    /// the server and the database.
    fn local_place(&self) -> std::path::PathBuf {
        let server: sqlx::postgres::PgConnectOptions = self.url().parse().expect("the URL");
        let place = format!(
            "{}-{}-{}.clinic",
            server.get_host(),
            server.get_port(),
            server.get_database().expect("a database")
        );
        let data = dirs::data_dir().expect("an app-data folder");
        data.join("myochart").join("clinics").join(place)
    }

    fn previews_folder(&self) -> std::path::PathBuf {
        let mut name = self.local_place().into_os_string();
        name.push("-previews");
        name.into()
    }
}

/// The files the clinic's database left on this computer go with it.
impl Drop for ServerDb {
    fn drop(&mut self) {
        let cache = self.local_place().with_extension("plugin-cache");
        for files in [self.previews_folder(), cache] {
            // Absent when the test made none.
            let _ = std::fs::remove_dir_all(files);
        }
    }
}

/// The names of the fields a validation error marks.
pub fn invalid_fields(error: &myochart::api::Error) -> Vec<String> {
    assert_eq!(error.code(), myochart::api::Code::Validation, "{error}");
    myochart::api::ErrorBody::from(error)
        .fields
        .into_iter()
        .map(|f| f.field)
        .collect()
}

/// A valid finding on the upper trapezius.
pub fn trapezius_finding() -> FindingForm {
    FindingForm {
        muscle_id: "core:upper-trapezius".into(),
        side: Side::Right,
        view: View::Back,
        x: 0.6,
        y: 0.2,
        tenderness: 7,
        activity: Activity::Active,
        referral_reproduced: true,
        technique_id: Some("core:pain-free-compression".into()),
        pressure: "moderate".into(),
        duration_seconds: Some(90),
        response: "eased".into(),
    }
}

/// Fails if any text shown in the PDF at `pdf` uses glyph 0 (.notdef, the
/// box a font prints for a character it lacks). Our fonts are Type0 with
/// 2-byte codes (glyph ids, or CIDs for CFF fonts), so every pair of bytes in
/// a Tj/TJ string is a glyph; 0 is the missing glyph in either scheme.
pub fn assert_no_missing_glyphs(pdf: &std::path::Path) {
    use lopdf::{Document, Object};
    let doc = Document::load(pdf).unwrap_or_else(|e| panic!("lopdf reads {pdf:?}: {e}"));
    for (number, page) in doc.get_pages() {
        let fonts = doc.get_page_fonts(page).expect("page fonts");
        let content = doc.get_and_decode_page_content(page).expect("content");
        let mut two_byte = false;
        for operation in content.operations {
            let strings: Vec<&[u8]> = match (operation.operator.as_str(), &operation.operands[..]) {
                ("Tf", [Object::Name(name), ..]) => {
                    let subtype = fonts.get(name).and_then(|f| f.get(b"Subtype").ok());
                    two_byte = subtype.and_then(|s| s.as_name().ok()) == Some(b"Type0");
                    continue;
                }
                ("Tj" | "'" | "\"", operands) => operands.iter().filter_map(as_bytes).collect(),
                ("TJ", [Object::Array(items)]) => items.iter().filter_map(as_bytes).collect(),
                _ => continue,
            };
            for bytes in strings {
                let zero = if two_byte {
                    bytes.chunks(2).any(|code| code == [0, 0])
                } else {
                    bytes.contains(&0)
                };
                assert!(
                    !zero,
                    "{pdf:?} page {number} shows a missing glyph (.notdef)"
                );
            }
        }
    }

    fn as_bytes(object: &Object) -> Option<&[u8]> {
        match object {
            Object::String(bytes, _) => Some(bytes),
            _ => None,
        }
    }
}

/// The check above finds a box when there is one: a page showing glyph 0.
#[test]
fn the_missing_glyph_check_finds_glyph_zero() {
    use printpdf::{
        Codepoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt,
        TextItem,
    };
    let bytes = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
    let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("Noto Sans");
    let letter_a = font.lookup_glyph_index('A' as u32).expect("A");
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf_showing = |glyph: u16| {
        let mut doc = PdfDocument::new("glyphs");
        let id = doc.add_font(&font);
        let ops = vec![
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(id),
                size: Pt(12.0),
            },
            Op::ShowText {
                items: vec![TextItem::GlyphIds(vec![Codepoint::with_cid(
                    glyph,
                    0.0,
                    "A".to_owned(),
                )])],
            },
            Op::EndTextSection,
        ];
        let bytes = doc
            .with_pages(vec![PdfPage::new(Mm(50.0), Mm(20.0), ops)])
            .save(&PdfSaveOptions::default(), &mut Vec::new());
        let path = dir.path().join(format!("glyph-{glyph}.pdf"));
        std::fs::write(&path, bytes).expect("write");
        path
    };
    assert_no_missing_glyphs(&pdf_showing(letter_a));
    let boxed = pdf_showing(0);
    let found = std::panic::catch_unwind(|| assert_no_missing_glyphs(&boxed));
    assert!(found.is_err(), "glyph 0 went unnoticed");
}

/// A folder on a tiny file system of its own (a 1 MB tmpfs), unmounted when
/// dropped.
pub struct FullDisk {
    pub dir: tempfile::TempDir,
}

impl FullDisk {
    /// `None`, saying the test is skipped, where this user may not mount one.
    pub fn mount() -> Option<FullDisk> {
        let dir = tempfile::tempdir().expect("temp dir");
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        if !mounted {
            eprintln!("skipped: can't mount a tmpfs here (needs root)");
        }
        mounted.then_some(FullDisk { dir })
    }

    /// Takes what room is left, with a file [`FullDisk::empty`] removes.
    pub fn fill(&self) {
        let mut filler = std::fs::File::create(self.filler()).expect("filler");
        while std::io::Write::write_all(&mut filler, &[0; 4096]).is_ok() {}
    }

    /// Gives back the room [`FullDisk::fill`] took.
    pub fn empty(&self) {
        std::fs::remove_file(self.filler()).expect("filler removed");
    }

    fn filler(&self) -> std::path::PathBuf {
        self.dir.path().join("filler")
    }
}

impl Drop for FullDisk {
    fn drop(&mut self) {
        // Lazily: a file still open on it can't keep it mounted.
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}
