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
