//! The plugin host against the three example plugins and the deliberately
//! broken fixtures in `plugins/`. The tests build those libraries themselves
//! (with the same cargo and target folder as the test run), install each in a
//! throwaway plugins folder, and go through `Api` like the app does.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use myochart::api::{Api, Code};
use myochart::atlas::{Side, View};
use myochart::finder;
use myochart::model::{Activity, ClientForm, FindingForm, HandoutOptions, SessionForm};
use myochart::plugin::{self, Manifest, PluginInfo, PluginOptions, PluginProcess, PluginState};

use crate::plugin_builds::{install, PACKAGES};

fn options(dirs: &[&Path]) -> PluginOptions {
    PluginOptions {
        dirs: dirs.iter().map(|d| d.to_path_buf()).collect(),
        process: PluginProcess::cli(env!("CARGO_BIN_EXE_myochart")),
    }
}

/// A database and a plugins folder in one temp folder.
struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new(plugins: &[&str]) -> Setup {
        let dir = tempfile::tempdir().expect("temp dir");
        for plugin in plugins {
            install(&dir.path().join("plugins"), plugin);
        }
        Setup { dir }
    }

    fn plugins_dir(&self) -> PathBuf {
        self.dir.path().join("plugins")
    }

    /// Opens (or re-opens, like an app restart) the database with the plugins.
    async fn open(&self) -> Api {
        Api::open_with_plugins(
            &self.dir.path().join("clinic.sqlite"),
            options(&[&self.plugins_dir()]),
        )
        .await
        .expect("open with plugins")
        .with_actor("test therapist")
    }
}

fn named<'a>(plugins: &'a [PluginInfo], namespace: &str) -> &'a PluginInfo {
    plugins
        .iter()
        .find(|p| p.namespace == namespace)
        .unwrap_or_else(|| panic!("no plugin {namespace} in {plugins:#?}"))
}

/// Approves the plugin with `namespace` and returns what the manager shows.
async fn approve(api: &Api, namespace: &str) -> PluginInfo {
    let id = named(&api.plugins(), namespace)
        .id
        .expect("listed plugin has an id");
    api.approve_plugin(id).await.expect("approve")
}

/// Approves a broken plugin and returns its error, checking that it names
/// the file.
async fn failure(api: &Api, namespace: &str) -> String {
    let info = approve(api, namespace).await;
    assert_eq!(info.state, PluginState::Failed, "{info:#?}");
    let error = info.error.expect("a reason");
    assert!(error.contains(&info.library), "{error}");
    error
}

#[tokio::test]
async fn new_plugins_are_listed_from_plugin_toml_awaiting_approval() {
    let setup = Setup::new(&["jaw", "fixtures/aborts"]);
    // Loading `aborts` would kill this process: listing must not run it.
    let api = setup.open().await;
    let plugins = api.plugins();
    assert_eq!(plugins.len(), 2);
    let jaw = named(&plugins, "tmj");
    assert_eq!(jaw.state, PluginState::AwaitingApproval);
    assert_eq!(
        (jaw.name.as_str(), jaw.version.as_str(), jaw.author.as_str()),
        ("Jaw (TMJ)", "1.0.0", "Myochart")
    );
    assert_eq!(
        jaw.sha256,
        plugin::sha256_file(Path::new(&jaw.library)).expect("hash")
    );
    assert_eq!(jaw.sha256.len(), 64);
    assert!(api.atlas().muscle("tmj:masseter").is_none());
}

#[tokio::test]
async fn the_example_plugins_load_beside_broken_ones_and_join_the_atlas() {
    let all: Vec<&str> = PACKAGES.iter().map(|(folder, _)| *folder).collect();
    let setup = Setup::new(&all);
    let api = setup.open().await;
    for info in api.plugins() {
        api.approve_plugin(info.id.expect("id"))
            .await
            .expect("approve");
    }
    let plugins = api.plugins();
    for namespace in ["tmj", "lbh", "met"] {
        assert_eq!(
            named(&plugins, namespace).state,
            PluginState::Enabled,
            "{namespace}"
        );
    }
    let failed = plugins
        .iter()
        .filter(|p| p.state == PluginState::Failed)
        .count();
    // All fixtures but `panics`, whose content is fine (only its call panics).
    assert_eq!(failed, 6, "{plugins:#?}");

    let atlas = api.atlas();
    for muscle in [
        "tmj:masseter",
        "tmj:temporalis",
        "tmj:lateral-pterygoid",
        "tmj:medial-pterygoid",
        "tmj:digastric",
        "lbh:quadratus-lumborum",
        "lbh:gluteus-medius",
        "lbh:gluteus-minimus",
        "lbh:piriformis",
        "lbh:iliopsoas",
        "core:upper-trapezius",
    ] {
        assert!(atlas.muscle(muscle).is_some(), "{muscle}");
    }
    assert!(atlas.technique("met:post-isometric-relaxation").is_some());
    assert!(atlas.region("tmj:jaw").is_some());
    assert_eq!(
        atlas
            .outline(View::Side)
            .expect("the jaw's head in profile")
            .view,
        View::Side
    );

    // After a restart the approved plugins load again, without asking.
    drop(api);
    let again = setup.open().await;
    assert!(again.atlas().muscle("lbh:piriformis").is_some());
    assert_eq!(named(&again.plugins(), "met").state, PluginState::Enabled);
}

#[tokio::test]
async fn a_library_without_the_plugin_symbols_is_refused() {
    let setup = Setup::new(&["fixtures/no-symbols"]);
    let api = setup.open().await;
    let error = failure(&api, "nosym").await;
    assert!(
        error.contains("exports no MYOCHART_PLUGIN_ABI symbol, so it is not a Myochart plugin"),
        "{error}"
    );
}

#[tokio::test]
async fn a_wrong_abi_version_is_refused_before_anything_else_is_called() {
    // Its manifest aborts: had the host called it, the probe would report a crash.
    let setup = Setup::new(&["fixtures/wrong-abi"]);
    let api = setup.open().await;
    let error = failure(&api, "wrongabi").await;
    assert!(
        error.contains("built for plugin ABI version 999, but this Myochart supports version 1"),
        "{error}"
    );
}

#[tokio::test]
async fn a_manifest_that_is_not_json_is_refused() {
    let setup = Setup::new(&["fixtures/bad-json"]);
    let api = setup.open().await;
    let error = failure(&api, "badjson").await;
    assert!(
        error.contains("the manifest is not valid JSON for the plugin schema"),
        "{error}"
    );
}

#[tokio::test]
async fn content_off_the_chart_is_refused() {
    let setup = Setup::new(&["fixtures/bad-content", "jaw"]);
    let api = setup.open().await;
    let error = failure(&api, "badcontent").await;
    assert!(
        error.ends_with("muscle badcontent:biceps: trigger point tp1 has x = 1.4, outside 0..1"),
        "{error}"
    );
    // The host goes on with the others.
    assert_eq!(approve(&api, "tmj").await.state, PluginState::Enabled);
}

/// The jaw plugin's manifest, to break in the next test.
fn jaw_manifest() -> Manifest {
    let json =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("plugins/jaw/manifest.json"))
            .expect("manifest.json");
    Manifest::from_json(&json).expect("the jaw manifest parses")
}

#[test]
fn duplicate_and_dangling_ids_are_refused() {
    let atlas = myochart::atlas::Atlas::builtin();
    let check = |m: Manifest| m.validate(&atlas, &[], true).expect_err("invalid");
    assert_eq!(jaw_manifest().validate(&atlas, &[], false), Ok(()));

    let mut twin = jaw_manifest();
    let masseter = twin.pack.regions[0].muscles[0].clone();
    twin.pack.regions[0].muscles.push(masseter);
    assert_eq!(
        check(twin),
        "muscle tmj:masseter: the id is used more than once"
    );

    let mut dangling = jaw_manifest();
    dangling.pack.regions[0].muscles[1].technique = "tmj:ice".into();
    assert_eq!(
        check(dangling),
        "muscle tmj:temporalis: technique tmj:ice is not defined in this pack or a loaded one"
    );

    let mut foreign = jaw_manifest();
    foreign.pack.regions[0].muscles[0].id = "core:masseter".into();
    assert_eq!(
        check(foreign),
        "muscle core:masseter: the id must be \"tmj:\" followed by a name"
    );
}

#[tokio::test]
async fn a_second_plugin_with_the_same_namespace_collides() {
    let setup = Setup::new(&["jaw"]);
    let other = setup.dir.path().join("more-plugins");
    install(&other, "jaw");
    let api = Api::open_with_plugins(
        &setup.dir.path().join("clinic.sqlite"),
        options(&[&setup.plugins_dir(), &other]),
    )
    .await
    .expect("open");
    let ids: Vec<i64> = api.plugins().iter().filter_map(|p| p.id).collect();
    assert_eq!(ids.len(), 2);
    assert_eq!(
        api.approve_plugin(ids[0]).await.expect("approve").state,
        PluginState::Enabled
    );
    let second = api.approve_plugin(ids[1]).await.expect("approve");
    assert_eq!(second.state, PluginState::Failed);
    let error = second.error.expect("reason");
    assert!(
        error.contains(&second.library)
            && error.ends_with("pack tmj: the namespace is already used by pack \"Jaw (TMJ)\""),
        "{error}"
    );
}

#[tokio::test]
async fn a_call_that_panics_or_aborts_is_an_error_and_the_app_goes_on() {
    let setup = Setup::new(&["fixtures/panics", "met-rom"]);
    let api = setup.open().await;
    assert_eq!(approve(&api, "panics").await.state, PluginState::Enabled);
    approve(&api, "met").await;
    let values = BTreeMap::from([("grip".to_owned(), 30.0)]);
    let error = api
        .score_assessment("panics:grip", values)
        .await
        .expect_err("the call panicked");
    assert_eq!(error.code(), Code::Plugin);
    let message = error.to_string();
    assert!(
        message.contains("libmyochart_fixture_panics")
            || message.contains("myochart_fixture_panics"),
        "{message}"
    );
    assert!(message.contains("scoring panics:grip failed: the plugin panicked: score-grip is not implemented, on purpose"), "{message}");
    // A call that takes down the process it runs in: the child, not the app.
    let values = BTreeMap::from([("balance".to_owned(), 12.0)]);
    let error = api
        .score_assessment("panics:balance", values)
        .await
        .expect_err("the call aborted");
    assert_eq!(error.code(), Code::Plugin);
    assert!(
        error.to_string().ends_with(
            "scoring panics:balance failed: calling score-balance crashed the plugin process: \
             signal 6 (abort)"
        ),
        "{error}"
    );
    // One that never returns is stopped.
    let values = BTreeMap::from([("endurance".to_owned(), 60.0)]);
    let error = api
        .score_assessment("panics:endurance", values)
        .await
        .expect_err("the call hung");
    assert!(
        error.to_string().ends_with(
            "calling score-endurance did not finish within 5 s; the process was stopped"
        ),
        "{error}"
    );
    // Still running, and the other plugin still answers.
    let rom = BTreeMap::from([
        ("flexion".to_owned(), 50.0),
        ("extension".to_owned(), 60.0),
        ("lateral-flexion-left".to_owned(), 45.0),
        ("lateral-flexion-right".to_owned(), 45.0),
        ("rotation-left".to_owned(), 80.0),
        ("rotation-right".to_owned(), 80.0),
    ]);
    let score = api
        .score_assessment("met:cervical-rom", rom.clone())
        .await
        .expect("scored");
    assert_eq!(
        score.summary,
        "Cervical ROM within normal limits in all six movements."
    );

    // Calls run the approved copy only: changed, or gone, it is refused.
    let met = named(&api.plugins(), "met").clone();
    let copy = setup.dir.path().join("plugin-cache").join(format!(
        "{}.{}",
        met.sha256,
        std::env::consts::DLL_EXTENSION
    ));
    // Written aside and renamed over it: this process has the copy mapped,
    // and rewriting a loaded library in place would crash it.
    let mut bytes = std::fs::read(&copy).expect("copy");
    bytes.push(0);
    let changed_copy = copy.with_extension("changed");
    std::fs::write(&changed_copy, &bytes).expect("write");
    std::fs::rename(&changed_copy, &copy).expect("change the copy");
    let changed = api
        .score_assessment("met:cervical-rom", rom.clone())
        .await
        .expect_err("changed copy");
    assert!(
        changed
            .to_string()
            .contains("no longer the file that was approved"),
        "{changed}"
    );
    std::fs::remove_file(&copy).expect("remove the copy");
    let gone = api
        .score_assessment("met:cervical-rom", rom)
        .await
        .expect_err("copy gone");
    assert!(
        gone.to_string().contains("its approved copy is gone"),
        "{gone}"
    );
}

#[tokio::test]
async fn a_library_that_crashes_or_aborts_in_the_probe_is_reported() {
    let setup = Setup::new(&["fixtures/crash", "fixtures/aborts", "jaw"]);
    let api = setup.open().await;
    let crash = failure(&api, "crash").await;
    let aborts = failure(&api, "aborts").await;
    #[cfg(unix)]
    {
        assert!(
            crash
                .ends_with("loading it crashed the plugin process: signal 11 (segmentation fault)"),
            "{crash}"
        );
        assert!(
            aborts.ends_with("loading it crashed the plugin process: signal 6 (abort)"),
            "{aborts}"
        );
    }
    let _ = (crash, aborts);
    assert_eq!(approve(&api, "tmj").await.state, PluginState::Enabled);
}

#[tokio::test]
async fn a_library_changed_after_approval_awaits_approval_again() {
    let setup = Setup::new(&["jaw"]);
    let api = setup.open().await;
    let approved = approve(&api, "tmj").await;
    assert_eq!(approved.state, PluginState::Enabled);

    // Append a byte: still a loadable library, but not the file approved.
    // Rewritten in place while this process has the plugin loaded: the host
    // loaded a private copy, so the running plugin is not disturbed.
    let library = PathBuf::from(&approved.library);
    let mut bytes = std::fs::read(&library).expect("read");
    bytes.push(0);
    std::fs::write(&library, &bytes).expect("write");
    assert_eq!(
        api.find(View::Side, 0.655, 0.569).expect("find")[0].muscle_id,
        "tmj:masseter"
    );
    drop(api);

    let api = setup.open().await;
    let jaw = named(&api.plugins(), "tmj").clone();
    assert_eq!(jaw.state, PluginState::AwaitingApproval);
    assert_ne!(jaw.sha256, approved.sha256);
    assert!(api.atlas().muscle("tmj:masseter").is_none());

    // Changed again between listing and approval: the approval is refused.
    bytes.push(0);
    std::fs::write(&library, &bytes).expect("write");
    let error = api
        .approve_plugin(jaw.id.expect("id"))
        .await
        .expect_err("changed");
    assert!(
        error
            .to_string()
            .contains("the library changed since it was listed"),
        "{error}"
    );
    assert_eq!(
        named(&api.plugins(), "tmj").state,
        PluginState::AwaitingApproval
    );
    // Approving what is there now works.
    let reapproved = approve(&api, "tmj").await;
    assert_eq!(reapproved.state, PluginState::Enabled);
    drop(api);

    // At the next start only the approved library's copy is kept.
    let api = setup.open().await;
    assert_eq!(named(&api.plugins(), "tmj").state, PluginState::Enabled);
    let cached: Vec<String> = std::fs::read_dir(setup.dir.path().join("plugin-cache"))
        .expect("plugin cache")
        .map(|file| {
            file.expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let copy = format!("{}.{}", reapproved.sha256, std::env::consts::DLL_EXTENSION);
    assert_eq!(cached, [copy]);
}

#[tokio::test]
async fn plugin_toml_must_match_its_library() {
    let setup = Setup::new(&["jaw"]);
    let toml = setup.plugins_dir().join("jaw/plugin.toml");
    let original = std::fs::read_to_string(&toml).expect("plugin.toml");
    std::fs::write(
        &toml,
        original.replace("namespace = \"tmj\"", "namespace = \"jaw\""),
    )
    .expect("write");
    let api = setup.open().await;
    let error = failure(&api, "jaw").await;
    assert!(
        error.ends_with(
            "plugin.toml says namespace \"jaw\" but the library's manifest says \"tmj\""
        ),
        "{error}"
    );

    // A plugin.toml for another ABI is refused without loading anything.
    std::fs::write(&toml, original.replace("abi = 1", "abi = 2")).expect("write");
    let api = setup.open().await;
    let listed = &api.plugins()[0];
    assert_eq!((listed.id, listed.state), (None, PluginState::Failed));
    let error = listed.error.clone().expect("reason");
    assert!(
        error.contains(
            "plugin.toml: it declares plugin ABI version 2, but this Myochart supports version 1"
        ),
        "{error}"
    );
}

#[tokio::test]
async fn the_finder_ranks_a_jaw_muscle_for_jaw_pain_once_the_jaw_plugin_is_enabled() {
    let setup = Setup::new(&["jaw"]);
    let api = setup.open().await;
    // Over the lower back teeth, on the head in profile.
    let (x, y) = (0.655, 0.569);
    assert!(finder::find(&api.atlas(), View::Side, x, y).is_empty());
    approve(&api, "tmj").await;
    let matches = finder::find(&api.atlas(), View::Side, x, y);
    assert_eq!(matches[0].muscle_id, "tmj:masseter", "{matches:#?}");
    assert!(matches[0].contains);
    // The profile shows the client's right side only: no mirrored left matches.
    assert!(
        matches.iter().all(|m| m.side == Side::Right),
        "{matches:#?}"
    );
    // Through the API too; and the temple sends the finder to temporalis.
    assert_eq!(
        api.find(View::Side, 0.57, 0.299).expect("find")[0].muscle_id,
        "tmj:temporalis"
    );
}

#[tokio::test]
async fn the_low_back_zones_land_on_the_body() {
    let setup = Setup::new(&["low-back-hip"]);
    let api = setup.open().await;
    approve(&api, "lbh").await;
    // Mid-buttock on the back chart, client's right side (viewer's right).
    let buttock = api.find(View::Back, 0.59, 0.53).expect("find");
    let top: Vec<&str> = buttock
        .iter()
        .take(3)
        .map(|m| m.muscle_id.as_str())
        .collect();
    assert!(top.contains(&"lbh:piriformis"), "{top:?}");
    // Back of the thigh: gluteus minimus' "sciatica" pattern.
    assert_eq!(
        api.find(View::Back, 0.63, 0.62).expect("find")[0].muscle_id,
        "lbh:gluteus-minimus"
    );
    // Front of the thigh: iliopsoas.
    assert_eq!(
        api.find(View::Front, 0.40, 0.57).expect("find")[0].muscle_id,
        "lbh:iliopsoas"
    );
}

fn masseter_finding() -> FindingForm {
    FindingForm {
        muscle_id: "tmj:masseter".into(),
        side: Side::Right,
        view: View::Side,
        x: 0.57,
        y: 0.54,
        tenderness: 6,
        activity: Activity::Active,
        referral_reproduced: true,
        technique_id: Some("tmj:jaw-compression".into()),
        pressure: "light".into(),
        duration_seconds: Some(60),
        response: "jaw opened wider".into(),
    }
}

#[tokio::test]
async fn a_finding_on_a_plugin_muscle_keeps_its_label_after_the_plugin_is_disabled() {
    let setup = Setup::new(&["jaw"]);
    let api = setup.open().await;
    let client = api
        .create_client(ClientForm {
            first_name: "Mira".into(),
            ..ClientForm::default()
        })
        .await
        .expect("client");
    let session = api
        .create_session(
            client.id,
            SessionForm {
                session_date: "2026-11-20".into(),
                therapist: "Test".into(),
            },
        )
        .await
        .expect("session");
    assert!(
        api.add_finding(session.id, masseter_finding())
            .await
            .is_err(),
        "not enabled yet"
    );

    let jaw = approve(&api, "tmj").await;
    let finding = api
        .add_finding(session.id, masseter_finding())
        .await
        .expect("charted");
    assert_eq!(finding.muscle_label, "Masseter");
    // The handout prints the plugin's muscle, its self-care and the side view.
    let pdf = api
        .handout_pdf(session.id, HandoutOptions::default())
        .await
        .expect("handout");
    let file = setup.dir.path().join("handout.pdf");
    std::fs::write(&file, &pdf).expect("write the PDF");
    let text = Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) reads the handout");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Masseter"), "{text}");
    assert!(text.contains("Keep your teeth apart"), "{text}");

    let disabled = api
        .enable_plugin(jaw.id.expect("id"), false)
        .await
        .expect("disable");
    assert_eq!(disabled.state, PluginState::Disabled);
    assert!(
        api.atlas().muscle("tmj:masseter").is_none(),
        "hidden at once"
    );
    let detail = api.session(session.id).await.expect("session");
    assert_eq!(detail.findings[0].muscle_label, "Masseter");
    assert_eq!(detail.findings[0].muscle_id, "tmj:masseter");

    // After a restart it stays disabled, and the chart still reads.
    drop(api);
    let api = setup.open().await;
    assert_eq!(named(&api.plugins(), "tmj").state, PluginState::Disabled);
    let detail = api.session(session.id).await.expect("session");
    assert_eq!(detail.findings[0].muscle_label, "Masseter");
    // Enabling needs no new approval.
    assert_eq!(
        api.enable_plugin(jaw.id.expect("id"), true)
            .await
            .expect("enable")
            .state,
        PluginState::Enabled
    );
    assert!(api.atlas().muscle("tmj:masseter").is_some());
}

#[tokio::test]
async fn assessments_are_listed_and_scored_by_their_plugin() {
    let setup = Setup::new(&["met-rom"]);
    let api = setup.open().await;
    assert!(api.assessments().is_empty());
    let met = approve(&api, "met").await;
    let assessments = api.assessments();
    assert_eq!(assessments.len(), 1);
    let rom = &assessments[0];
    assert_eq!(rom.id, "met:cervical-rom");
    let normals: Vec<(&str, f64)> = rom
        .fields
        .iter()
        .map(|f| (f.id.as_str(), f.normal))
        .collect();
    assert_eq!(
        normals,
        [
            ("flexion", 50.0),
            ("extension", 60.0),
            ("lateral-flexion-left", 45.0),
            ("lateral-flexion-right", 45.0),
            ("rotation-left", 80.0),
            ("rotation-right", 80.0)
        ]
    );
    let values: BTreeMap<String, f64> = [
        ("flexion", 40.0),
        ("extension", 60.0),
        ("lateral-flexion-left", 30.0),
        ("lateral-flexion-right", 45.0),
        ("rotation-left", 60.0),
        ("rotation-right", 80.0),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let score = api
        .score_assessment("met:cervical-rom", values.clone())
        .await
        .expect("scored");
    let percents: Vec<f64> = score.items.iter().map(|i| i.percent).collect();
    assert_eq!(percents, [80.0, 100.0, 66.7, 100.0, 75.0, 100.0]);
    assert_eq!(
        score.summary,
        "Cervical ROM restricted: side bending, left (66.7% of normal); rotation, left (75% of normal). \
         Left-right difference in side bending: 15°. Left-right difference in rotation: 20°."
    );

    let mut typo = values.clone();
    typo.insert("flection".into(), 40.0);
    let error = api
        .score_assessment("met:cervical-rom", typo)
        .await
        .expect_err("unknown field");
    assert_eq!(error.code(), Code::Validation);
    let mut missing = values.clone();
    missing.remove("flexion");
    let error = api
        .score_assessment("met:cervical-rom", missing)
        .await
        .expect_err("missing field");
    assert!(
        error
            .to_string()
            .ends_with("bad input: Flexion (chin to chest) was not measured"),
        "{error}"
    );

    api.enable_plugin(met.id.expect("id"), false)
        .await
        .expect("disable");
    assert!(api.assessments().is_empty());
    let error = api
        .score_assessment("met:cervical-rom", values)
        .await
        .expect_err("disabled");
    assert_eq!(error.code(), Code::Validation);
}

#[tokio::test]
async fn a_plugin_must_be_approved_before_it_is_enabled() {
    let setup = Setup::new(&["jaw"]);
    let api = setup.open().await;
    let id = named(&api.plugins(), "tmj").id.expect("id");
    let error = api.enable_plugin(id, true).await.expect_err("not approved");
    assert_eq!(error.code(), Code::Validation);
    assert!(api.approve_plugin(9999).await.is_err());
}

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_myochart"))
        .args(args)
        .output()
        .expect("run myochart")
}

#[test]
fn cli_validate_prints_a_json_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    install(dir.path(), "jaw");
    install(dir.path(), "fixtures/bad-json");
    install(dir.path(), "fixtures/crash");

    let ok = cli(&[
        "plugins",
        "validate",
        &dir.path().join("jaw").display().to_string(),
    ]);
    assert!(ok.status.success());
    let report: serde_json::Value = serde_json::from_slice(&ok.stdout).expect("JSON");
    assert_eq!(
        (
            report["ok"].as_bool(),
            report["namespace"].as_str(),
            report["muscles"].as_u64()
        ),
        (Some(true), Some("tmj"), Some(5))
    );

    let bad = cli(&[
        "plugins",
        "validate",
        &dir.path().join("bad-json").display().to_string(),
    ]);
    assert_eq!(bad.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&bad.stdout).expect("JSON");
    assert_eq!(report["ok"], false);
    assert!(
        report["error"]
            .as_str()
            .expect("error")
            .contains("not valid JSON"),
        "{report}"
    );

    let crash = cli(&[
        "plugins",
        "validate",
        &dir.path().join("crash").display().to_string(),
    ]);
    assert!(!crash.status.success());
}

#[test]
fn cli_lists_approves_and_disables_plugins() {
    let dir = tempfile::tempdir().expect("temp dir");
    let extra = dir.path().join("extra");
    install(&extra, "jaw");
    let db = dir.path().join("clinic.sqlite").display().to_string();
    let extra = extra.display().to_string();
    let run = |args: &[&str]| {
        let mut all = vec!["--db", &db, "--plugins-dir", &extra];
        all.extend_from_slice(args);
        let output = cli(&all);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8")
    };
    assert!(run(&["plugins", "list"])
        .starts_with("1\tawaiting-approval\tJaw (TMJ) 1.0.0 (tmj) by Myochart"));
    assert!(run(&["plugins", "approve", "1"]).starts_with("1\tenabled\t"));
    let found = run(&["finder", "--view", "side", "--x", "0.655", "--y", "0.569"]);
    assert!(found.contains("Masseter"), "{found}");
    assert!(run(&["plugins", "disable", "1"]).starts_with("1\tdisabled\t"));
    assert!(run(&["plugins", "list"]).starts_with("1\tdisabled\t"));
}
