use myochart::api::Api;
use myochart::atlas::{Side, View};
use myochart::model::{Activity, Client, ClientForm, FindingForm, Session, SessionForm};

/// A fresh database in its own temp folder, deleted when dropped.
pub struct TestDb {
    pub api: Api,
    pub dir: tempfile::TempDir,
}

impl TestDb {
    pub async fn new() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let api = Api::open(&dir.path().join("test.sqlite"))
            .await
            .expect("open database")
            .with_actor("test therapist");
        TestDb { api, dir }
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
