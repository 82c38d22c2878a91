//! The plugin host against the three example plugins and the deliberately
//! broken fixtures in `plugins/`. The tests build those libraries themselves
//! (with the same cargo and target folder as the test run), install each in a
//! throwaway plugins folder, and go through `Api` like the app does.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use myochart::api::{Api, Code};
use myochart::atlas::{Atlas, Side, View};
use myochart::finder::{self, Spot};
use myochart::model::{Activity, ClientForm, FindingForm, HandoutOptions, PluginId, SessionForm};
use myochart::plugin::{self, Manifest, PluginInfo, PluginOptions, PluginProcess, PluginState};

use crate::helpers::{Engine, TestDb};
use crate::plugin_builds::{install, PACKAGES};

fn options(dirs: &[&Path]) -> PluginOptions {
    PluginOptions {
        dirs: dirs.iter().map(|d| d.to_path_buf()).collect(),
        process: PluginProcess::cli(env!("CARGO_BIN_EXE_myochart")),
    }
}

/// A database of `engine` and a plugins folder in the test's temp folder.
struct Setup {
    db: TestDb,
}

impl Setup {
    async fn on(engine: Engine, plugins: &[&str]) -> Setup {
        let db = TestDb::on(engine).await;
        for plugin in plugins {
            install(&db.dir.path().join("plugins"), plugin);
        }
        Setup { db }
    }

    /// The test's temp folder.
    fn dir(&self) -> &Path {
        self.db.dir.path()
    }

    fn plugins_dir(&self) -> PathBuf {
        self.dir().join("plugins")
    }

    /// Opens (or re-opens, like an app restart) the database with the plugins.
    async fn open(&self) -> Api {
        self.db.reopen_with(options(&[&self.plugins_dir()])).await
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

/// A spot in the middle of a skin area as the app draws it on `view`: where
/// the client points when the pain is there.
fn spot_on(atlas: &Atlas, area: &str, view: View) -> Spot {
    let shape = atlas
        .area(area)
        .and_then(|a| a.shapes.iter().find(|s| s.view == view))
        .unwrap_or_else(|| panic!("{area} is drawn on the {view} view"));
    let n = shape.polygon.len() as f32;
    let (x, y) = shape
        .polygon
        .iter()
        .fold((0.0, 0.0), |(x, y), [px, py]| (x + px / n, y + py / n));
    Spot { view, x, y }
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

async fn new_plugins_are_listed_from_plugin_toml_awaiting_approval(engine: Engine) {
    let setup = Setup::on(engine, &["hand-detail", "fixtures/aborts"]).await;
    // Loading `aborts` would kill this process: listing must not run it.
    let api = setup.open().await;
    let plugins = api.plugins();
    assert_eq!(plugins.len(), 2);
    let hand = named(&plugins, "hand");
    assert_eq!(hand.state, PluginState::AwaitingApproval);
    assert_eq!(
        (
            hand.name.as_str(),
            hand.version.as_str(),
            hand.author.as_str()
        ),
        ("Hand in detail", "2.0.0", "Myochart")
    );
    assert_eq!(
        hand.sha256,
        plugin::sha256_file(Path::new(&hand.library)).expect("hash")
    );
    assert_eq!(hand.sha256.len(), 64);
    assert!(api.atlas().muscle("hand:lumbricals").is_none());
}

async fn the_example_plugins_load_beside_broken_ones_and_join_the_atlas(engine: Engine) {
    let all: Vec<&str> = PACKAGES.iter().map(|(folder, _)| *folder).collect();
    let setup = Setup::on(engine, &all).await;
    let api = setup.open().await;
    for info in api.plugins() {
        api.approve_plugin(info.id.expect("id"))
            .await
            .expect("approve");
    }
    let plugins = api.plugins();
    for namespace in ["hand", "foot", "met"] {
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
        "hand:lumbricals",
        "hand:second-dorsal-interosseous",
        "hand:third-dorsal-interosseous",
        "hand:fourth-dorsal-interosseous",
        "hand:palmar-interossei",
        "hand:abductor-pollicis-brevis",
        "hand:flexor-pollicis-brevis",
        "hand:opponens-digiti-minimi",
        "hand:flexor-digiti-minimi-brevis",
        "foot:dorsal-interossei-second-toe",
        "foot:plantar-interosseous-little-toe",
        "foot:lumbricals",
        "foot:flexor-digiti-minimi-brevis",
        "foot:adductor-hallucis-oblique",
        "foot:adductor-hallucis-transverse",
        "core:upper-trapezius",
    ] {
        assert!(atlas.muscle(muscle).is_some(), "{muscle}");
    }
    assert!(atlas.technique("met:post-isometric-relaxation").is_some());
    assert!(atlas.technique("hand:pincer-compression").is_some());
    assert!(atlas.region("hand:hand").is_some());
    assert!(atlas.region("foot:foot").is_some());
    // The plugins chart on the app's own views: they draw no outline.
    let plugin_outlines = atlas
        .packs()
        .iter()
        .filter(|p| p.namespace != "core")
        .map(|p| p.outlines.len())
        .sum::<usize>();
    assert_eq!(plugin_outlines, 0);

    // After a restart the approved plugins load again, without asking.
    drop(api);
    let again = setup.open().await;
    assert!(again
        .atlas()
        .muscle("foot:adductor-hallucis-transverse")
        .is_some());
    assert_eq!(named(&again.plugins(), "met").state, PluginState::Enabled);
}

async fn a_library_without_the_plugin_symbols_is_refused(engine: Engine) {
    let setup = Setup::on(engine, &["fixtures/no-symbols"]).await;
    let api = setup.open().await;
    let error = failure(&api, "nosym").await;
    assert!(
        error.contains("exports no MYOCHART_PLUGIN_ABI symbol, so it is not a Myochart plugin"),
        "{error}"
    );
}

async fn a_wrong_abi_version_is_refused_before_anything_else_is_called(engine: Engine) {
    // Its manifest aborts: had the host called it, the probe would report a crash.
    let setup = Setup::on(engine, &["fixtures/wrong-abi"]).await;
    let api = setup.open().await;
    let error = failure(&api, "wrongabi").await;
    assert!(
        error.contains("built for plugin ABI version 999, but this Myochart supports version 1"),
        "{error}"
    );
}

async fn a_manifest_that_is_not_json_is_refused(engine: Engine) {
    let setup = Setup::on(engine, &["fixtures/bad-json"]).await;
    let api = setup.open().await;
    let error = failure(&api, "badjson").await;
    assert!(
        error.contains("the manifest is not valid JSON for the plugin schema"),
        "{error}"
    );
}

async fn content_off_the_chart_is_refused(engine: Engine) {
    let setup = Setup::on(engine, &["fixtures/bad-content", "hand-detail"]).await;
    let api = setup.open().await;
    let error = failure(&api, "badcontent").await;
    assert!(
        error.ends_with("muscle badcontent:biceps: trigger point tp1 has x = 1.4, outside 0..1"),
        "{error}"
    );
    // The host goes on with the others.
    assert_eq!(approve(&api, "hand").await.state, PluginState::Enabled);
}

/// The hand plugin's manifest, to break in the next test.
fn hand_manifest() -> Manifest {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("plugins/hand-detail/manifest.json");
    let json = std::fs::read(path).expect("manifest.json");
    plugin::parse_manifest(&json).expect("the hand manifest parses")
}

#[test]
fn duplicate_and_dangling_ids_are_refused() {
    let atlas = Atlas::builtin();
    let validate = |m: &Manifest, has_call| plugin::validate_manifest(m, &atlas, &[], has_call);
    let check = |m: Manifest| validate(&m, true).expect_err("invalid");
    assert_eq!(validate(&hand_manifest(), false), Ok(()));

    let mut twin = hand_manifest();
    let lumbricals = twin.pack.regions[0].muscles[0].clone();
    twin.pack.regions[0].muscles.push(lumbricals);
    assert_eq!(
        check(twin),
        "muscle hand:lumbricals: the id is used more than once"
    );

    let mut dangling = hand_manifest();
    dangling.pack.regions[0].muscles[1].technique = "hand:ice".into();
    assert_eq!(
        check(dangling),
        "muscle hand:second-dorsal-interosseous: technique hand:ice is not defined in this pack or a loaded one"
    );

    // Skin areas resolve too: the app's own, or the pack's.
    let mut nowhere = hand_manifest();
    nowhere.pack.regions[0].muscles[0].referral_areas.spillover = vec!["core:sixth-finger".into()];
    assert_eq!(
        check(nowhere),
        "muscle hand:lumbricals: skin area core:sixth-finger is not defined in this pack or a loaded one"
    );

    let mut foreign = hand_manifest();
    foreign.pack.regions[0].muscles[0].id = "core:lumbricals".into();
    assert_eq!(
        check(foreign),
        "muscle core:lumbricals: the id must be \"hand:\" followed by a name"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn plugins_are_looked_for_beside_the_database_then_where_the_app_is_installed_then_where_told() {
    let told = PathBuf::from("/srv/more-plugins");
    let dirs = plugin::search_dirs(
        Path::new("/clinic/clinic.sqlite"),
        std::slice::from_ref(&told),
    );
    // This test's executable stands for /usr/bin/myochart: the packages put
    // their plugins in /usr/lib/myochart/plugins.
    let exe = std::env::current_exe().expect("exe");
    let prefix = exe.parent().and_then(Path::parent).expect("folder");
    assert_eq!(
        dirs,
        [
            PathBuf::from("/clinic/plugins"),
            prefix.join("lib/myochart/plugins"),
            told
        ]
    );
}

#[tokio::test]
async fn a_second_plugin_with_the_same_namespace_collides() {
    let setup = Setup::on(Engine::Sqlite, &["hand-detail"]).await;
    let other = setup.dir().join("more-plugins");
    install(&other, "hand-detail");
    let api = Api::open_with_plugins(&setup.db.path(), options(&[&setup.plugins_dir(), &other]))
        .await
        .expect("open");
    let ids: Vec<PluginId> = api.plugins().iter().filter_map(|p| p.id).collect();
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
            && error
                .ends_with("pack hand: the namespace is already used by pack \"Hand in detail\""),
        "{error}"
    );
}

#[tokio::test]
async fn a_call_that_panics_or_aborts_is_an_error_and_the_app_goes_on() {
    let setup = Setup::on(Engine::Sqlite, &["fixtures/panics", "met-rom"]).await;
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
    let copy = cache_of(&setup.db.path()).join(format!(
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

async fn a_library_that_crashes_or_aborts_in_the_probe_is_reported(engine: Engine) {
    let setup = Setup::on(
        engine,
        &["fixtures/crash", "fixtures/aborts", "hand-detail"],
    )
    .await;
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
    assert_eq!(approve(&api, "hand").await.state, PluginState::Enabled);
}

#[tokio::test]
async fn a_library_changed_after_approval_awaits_approval_again() {
    let setup = Setup::on(Engine::Sqlite, &["hand-detail"]).await;
    let api = setup.open().await;
    let approved = approve(&api, "hand").await;
    assert_eq!(approved.state, PluginState::Enabled);

    // Append a byte: still a loadable library, but not the file approved.
    // Rewritten in place while this process has the plugin loaded: the host
    // loaded a private copy, so the running plugin is not disturbed.
    let library = PathBuf::from(&approved.library);
    let mut bytes = std::fs::read(&library).expect("read");
    bytes.push(0);
    std::fs::write(&library, &bytes).expect("write");
    let ring_finger = spot_on(&api.atlas(), "core:ring-finger", View::Back);
    let found = api.find(&[ring_finger]).expect("find");
    assert!(
        found
            .iter()
            .any(|m| m.muscle_id == "hand:fourth-dorsal-interosseous"),
        "{found:#?}"
    );
    drop(api);

    let api = setup.open().await;
    let hand = named(&api.plugins(), "hand").clone();
    assert_eq!(hand.state, PluginState::AwaitingApproval);
    assert_ne!(hand.sha256, approved.sha256);
    assert!(api.atlas().muscle("hand:lumbricals").is_none());

    // Changed again between listing and approval: the approval is refused.
    bytes.push(0);
    std::fs::write(&library, &bytes).expect("write");
    let error = api
        .approve_plugin(hand.id.expect("id"))
        .await
        .expect_err("changed");
    assert!(
        error
            .to_string()
            .contains("the library or its plugin.toml changed since it was listed"),
        "{error}"
    );
    assert_eq!(
        named(&api.plugins(), "hand").state,
        PluginState::AwaitingApproval
    );
    // Approving what is there now works.
    let reapproved = approve(&api, "hand").await;
    assert_eq!(reapproved.state, PluginState::Enabled);
    drop(api);

    // At the next start only the approved library's copy is kept.
    let api = setup.open().await;
    assert_eq!(named(&api.plugins(), "hand").state, PluginState::Enabled);
    let cached: Vec<String> = std::fs::read_dir(cache_of(&setup.db.path()))
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

async fn plugin_toml_must_match_its_library(engine: Engine) {
    let setup = Setup::on(engine, &["hand-detail"]).await;
    let toml = setup.plugins_dir().join("hand-detail/plugin.toml");
    let original = std::fs::read_to_string(&toml).expect("plugin.toml");
    std::fs::write(
        &toml,
        original.replace("namespace = \"hand\"", "namespace = \"fingers\""),
    )
    .expect("write");
    let api = setup.open().await;
    let error = failure(&api, "fingers").await;
    assert!(
        error.ends_with(
            "plugin.toml says namespace \"fingers\" but the library's manifest says \"hand\""
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

async fn the_finder_on_a_finger_finds_the_hand_plugins_interosseous_beside_core_muscles(
    engine: Engine,
) {
    let setup = Setup::on(engine, &["hand-detail"]).await;
    let api = setup.open().await;
    // The middle of the middle finger on the back of the client's right hand.
    let finger = spot_on(&api.atlas(), "core:middle-finger", View::Back);
    let before = finder::find(&api.atlas(), &[finger]);
    assert!(
        before.iter().all(|m| m.muscle_id.starts_with("core:")),
        "{before:#?}"
    );
    approve(&api, "hand").await;
    let matches = api.find(&[finger]).expect("find");
    for interosseous in [
        "hand:second-dorsal-interosseous",
        "hand:third-dorsal-interosseous",
    ] {
        let m = matches
            .iter()
            .find(|m| m.muscle_id == interosseous)
            .unwrap_or_else(|| panic!("{interosseous} in {matches:#?}"));
        assert!(m.contains && m.essential, "{m:#?}");
        assert_eq!(m.side, Side::Right);
    }
    // Beside the app's own muscles that refer to the same finger: the plugin
    // adds to them, it replaces none.
    assert!(
        matches.iter().any(|m| m.muscle_id.starts_with("core:")),
        "{matches:#?}"
    );
    for core in &before {
        assert!(
            matches.iter().any(|m| m.muscle_id == core.muscle_id),
            "{}",
            core.muscle_id
        );
    }
    // The same finger of the left hand: the mirror image, the client's left.
    let left = Spot {
        x: 1.0 - finger.x,
        ..finger
    };
    let matches = api.find(&[left]).expect("find");
    let m = matches
        .iter()
        .find(|m| m.muscle_id == "hand:second-dorsal-interosseous")
        .expect("found on the left hand");
    assert_eq!(m.side, Side::Left);
}

async fn a_plugin_muscle_referring_to_a_core_area_is_drawn_where_the_app_draws_the_area(
    engine: Engine,
) {
    let setup = Setup::on(engine, &["hand-detail", "foot-detail"]).await;
    let api = setup.open().await;
    approve(&api, "hand").await;
    approve(&api, "foot").await;
    let atlas = api.atlas();
    for id in [
        "hand:fourth-dorsal-interosseous",
        "hand:abductor-pollicis-brevis",
        "foot:dorsal-interossei-third-toe",
        "foot:adductor-hallucis-transverse",
    ] {
        let muscle = atlas.muscle(id).expect("loaded");
        let areas = &muscle.referral_areas;
        let named = areas
            .essential
            .iter()
            .map(|a| (a, true))
            .chain(areas.spillover.iter().map(|a| (a, false)));
        for (area, essential) in named {
            assert!(area.starts_with("core:"), "{id} refers to the app's areas");
            let drawn = atlas.area(area).expect("a core area");
            for shape in &drawn.shapes {
                let zone = muscle.referral_zones.iter().find(|z| {
                    z.area.as_deref() == Some(area.as_str())
                        && z.view == shape.view
                        && z.polygon == shape.polygon
                });
                let zone = zone.unwrap_or_else(|| panic!("{id}: {area} on {}", shape.view));
                assert_eq!(zone.primary, essential, "{id}: {area}");
            }
        }
    }
    // The ring finger, drawn by the app on the palm and on the back of the
    // hand, is the fourth dorsal interosseous's essential zone on both.
    let zones = &atlas
        .muscle("hand:fourth-dorsal-interosseous")
        .expect("loaded")
        .referral_zones;
    for view in [View::Front, View::Back] {
        assert!(
            zones.iter().any(|z| z.primary
                && z.view == view
                && z.area.as_deref() == Some("core:ring-finger")),
            "{view}"
        );
    }

    // Pain in the small toes, on the top of the foot: the plugin's dorsal
    // interossei beside the app's own foot interossei.
    let toes = spot_on(&atlas, "core:small-toes", View::Front);
    let found: Vec<String> = api
        .find(&[toes])
        .expect("find")
        .into_iter()
        .map(|m| m.muscle_id)
        .collect();
    for muscle in [
        "foot:dorsal-interossei-second-toe",
        "foot:dorsal-interossei-fourth-toe",
        "core:foot-interossei",
    ] {
        assert!(found.iter().any(|m| m == muscle), "{muscle} in {found:?}");
    }
}

/// A finding on the fourth dorsal interosseous, at its point on the back of
/// the client's right hand, treated with the plugin's own technique.
fn interosseous_finding() -> FindingForm {
    FindingForm {
        muscle_id: "hand:fourth-dorsal-interosseous".into(),
        side: Side::Right,
        view: View::Back,
        x: 0.8636,
        y: 0.5189,
        tenderness: 6,
        activity: Activity::Active,
        referral_reproduced: true,
        technique_id: Some("hand:pincer-compression".into()),
        pressure: "light".into(),
        duration_seconds: Some(60),
        response: "ring finger eased".into(),
    }
}

async fn a_finding_on_a_plugin_muscle_keeps_its_label_after_the_plugin_is_disabled(engine: Engine) {
    let setup = Setup::on(engine, &["hand-detail"]).await;
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
        api.add_finding(session.id, interosseous_finding())
            .await
            .is_err(),
        "not enabled yet"
    );

    let hand = approve(&api, "hand").await;
    let finding = api
        .add_finding(session.id, interosseous_finding())
        .await
        .expect("charted");
    assert_eq!(finding.muscle_label, "Fourth dorsal interosseous (hand)");
    // The handout prints the plugin's muscle, its stretch and self-care.
    let pdf = api
        .handout_pdf(session.id, HandoutOptions::default())
        .await
        .expect("handout");
    let file = setup.dir().join("handout.pdf");
    std::fs::write(&file, &pdf).expect("write the PDF");
    let text = crate::handout::text_of(&file);
    assert!(text.contains("Fourth dorsal interosseous"), "{text}");
    assert!(text.contains("Ring-finger side stretch"), "{text}");

    let disabled = api
        .disable_plugin(hand.id.expect("id"))
        .await
        .expect("disable");
    assert_eq!(disabled.state, PluginState::Disabled);
    assert!(
        api.atlas()
            .muscle("hand:fourth-dorsal-interosseous")
            .is_none(),
        "hidden at once"
    );
    let detail = api.session(session.id).await.expect("session");
    let label = "Fourth dorsal interosseous (hand)";
    assert_eq!(detail.findings[0].muscle_label, label);
    assert_eq!(
        detail.findings[0].muscle_id,
        "hand:fourth-dorsal-interosseous"
    );

    // After a restart it stays disabled, and the chart still reads.
    drop(api);
    let api = setup.open().await;
    assert_eq!(named(&api.plugins(), "hand").state, PluginState::Disabled);
    let detail = api.session(session.id).await.expect("session");
    assert_eq!(detail.findings[0].muscle_label, label);
    // Enabling needs no new approval.
    assert_eq!(
        api.enable_plugin(hand.id.expect("id"))
            .await
            .expect("enable")
            .state,
        PluginState::Enabled
    );
    assert!(api
        .atlas()
        .muscle("hand:fourth-dorsal-interosseous")
        .is_some());
}

async fn assessments_are_listed_and_scored_by_their_plugin(engine: Engine) {
    let setup = Setup::on(engine, &["met-rom"]).await;
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

    api.disable_plugin(met.id.expect("id"))
        .await
        .expect("disable");
    assert!(api.assessments().is_empty());
    let error = api
        .score_assessment("met:cervical-rom", values)
        .await
        .expect_err("disabled");
    assert_eq!(error.code(), Code::Validation);
}

async fn a_plugin_must_be_approved_before_it_is_enabled(engine: Engine) {
    let setup = Setup::on(engine, &["hand-detail"]).await;
    let api = setup.open().await;
    let id = named(&api.plugins(), "hand").id.expect("id");
    let error = api.enable_plugin(id).await.expect_err("not approved");
    assert_eq!(error.code(), Code::Validation);
    assert!(api.approve_plugin(PluginId(9999)).await.is_err());
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
    install(dir.path(), "hand-detail");
    install(dir.path(), "fixtures/bad-json");
    install(dir.path(), "fixtures/crash");

    let ok = cli(&[
        "plugins",
        "validate",
        &dir.path().join("hand-detail").display().to_string(),
    ]);
    assert!(ok.status.success());
    let report: serde_json::Value = serde_json::from_slice(&ok.stdout).expect("JSON");
    assert_eq!(
        (
            report["ok"].as_bool(),
            report["namespace"].as_str(),
            report["muscles"].as_u64()
        ),
        (Some(true), Some("hand"), Some(9))
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
    install(&extra, "hand-detail");
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
        .starts_with("1\tawaiting-approval\tHand in detail 2.0.0 (hand) by Myochart"));
    assert!(run(&["plugins", "approve", "1"]).starts_with("1\tenabled\t"));
    let finger = spot_on(&Atlas::builtin(), "core:ring-finger", View::Back);
    let spot = format!("back:{},{}", finger.x, finger.y);
    let found = run(&["finder", "--spot", &spot]);
    assert!(
        found.contains("Fourth dorsal interosseous (hand)"),
        "{found}"
    );
    assert!(run(&["plugins", "disable", "1"]).starts_with("1\tdisabled\t"));
    assert!(run(&["plugins", "list"]).starts_with("1\tdisabled\t"));
}

/// The folder of approved copies that belongs to `database` (issue 10, item 6:
/// the real and the demo database pruned each other's copies from a shared one).
fn cache_of(database: &Path) -> PathBuf {
    database.with_extension("plugin-cache")
}

#[cfg(unix)]
#[tokio::test]
async fn approved_copies_are_read_only_in_a_private_cache_of_their_database() {
    use std::os::unix::fs::PermissionsExt;
    let setup = Setup::on(Engine::Sqlite, &["met-rom"]).await;
    // A library anyone may write: its copy must not keep that.
    let installed = std::fs::read_dir(setup.plugins_dir().join("met-rom"))
        .expect("plugin folder")
        .map(|entry| entry.expect("entry").path())
        .find(|path| {
            path.extension()
                .is_some_and(|e| e == std::env::consts::DLL_EXTENSION)
        })
        .expect("installed library");
    std::fs::set_permissions(&installed, std::fs::Permissions::from_mode(0o666)).expect("chmod");
    let api = setup.open().await;
    let met = approve(&api, "met").await;
    assert_eq!(met.state, PluginState::Enabled);

    let cache = cache_of(&setup.db.path());
    let mode = |path: &Path| {
        std::fs::metadata(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode(&cache), 0o700);
    let copy = cache.join(format!(
        "{}.{}",
        met.sha256,
        std::env::consts::DLL_EXTENSION
    ));
    assert_eq!(mode(&copy) & 0o222, 0, "the copy is read-only");
    assert_eq!(mode(&copy) & 0o077, 0, "the copy is the user's only");

    // The demo database beside it keeps copies of its own and prunes only those.
    let demo = Api::open_with_plugins(
        &setup.dir().join("clinic.demo.sqlite"),
        options(&[&setup.plugins_dir()]),
    )
    .await
    .expect("open the demo database");
    assert_eq!(
        named(&demo.plugins(), "met").state,
        PluginState::AwaitingApproval
    );
    let rom = BTreeMap::from([
        ("flexion".to_owned(), 50.0),
        ("extension".to_owned(), 60.0),
        ("lateral-flexion-left".to_owned(), 45.0),
        ("lateral-flexion-right".to_owned(), 45.0),
        ("rotation-left".to_owned(), 80.0),
        ("rotation-right".to_owned(), 80.0),
    ]);
    api.score_assessment("met:cervical-rom", rom)
        .await
        .expect("the real database's copy is still there");
}

/// A stand-in for the `myochart` CLI: a shell script.
#[cfg(unix)]
fn fake_cli(dir: &Path, script: &str) -> PluginProcess {
    use std::os::unix::fs::PermissionsExt;
    let program = dir.join("fake-myochart");
    std::fs::write(&program, format!("#!/bin/sh\n{script}\n")).expect("script");
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    PluginProcess::cli(program)
}

#[cfg(unix)]
#[tokio::test]
async fn a_probe_that_loaded_another_file_is_refused() {
    let setup = Setup::on(Engine::Sqlite, &["hand-detail"]).await;
    let report = r#"{"ok":true,"path":"x","error":null,"sha256":"0000000000000000000000000000000000000000000000000000000000000000","namespace":"hand","name":"Hand in detail","regions":1,"muscles":9,"techniques":1,"assessments":0}"#;
    let process = fake_cli(setup.dir(), &format!("echo '{report}'"));
    let api = Api::open_with_plugins(
        &setup.db.path(),
        PluginOptions {
            dirs: vec![setup.plugins_dir()],
            process,
        },
    )
    .await
    .expect("open");
    let error = failure(&api, "hand").await;
    assert!(
        error.contains("the probe loaded a different file than the one approved"),
        "{error}"
    );
    assert!(api.atlas().muscle("hand:lumbricals").is_none());
}
async fn a_library_outside_the_plugin_folder_is_refused(engine: Engine) {
    let setup = Setup::on(engine, &[]).await;
    let elsewhere = setup.dir().join("elsewhere");
    let library = install(&elsewhere, "hand-detail");
    let file_name = library
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let toml = std::fs::read_to_string(elsewhere.join("hand-detail/plugin.toml")).expect("toml");
    let plugin = |folder: &str, library: &str| {
        let folder = setup.plugins_dir().join(folder);
        std::fs::create_dir_all(&folder).expect("folder");
        let toml = format!("{toml}\nlibrary = {library:?}\n");
        std::fs::write(folder.join("plugin.toml"), toml).expect("toml");
        folder
    };
    plugin("absolute", &library.display().to_string());
    plugin(
        "dot-dot",
        &format!("../../elsewhere/hand-detail/{file_name}"),
    );
    let linked = plugin("linked", &file_name);
    #[cfg(unix)]
    std::os::unix::fs::symlink(&library, linked.join(&file_name)).expect("symlink");
    #[cfg(not(unix))]
    let _ = linked;

    let api = setup.open().await;
    let plugins = api.plugins();
    assert_eq!(plugins.len(), 3, "{plugins:#?}");
    for listed in &plugins {
        assert_eq!(
            (listed.id, listed.state),
            (None, PluginState::Failed),
            "{listed:#?}"
        );
        let error = listed.error.clone().expect("reason");
        assert!(
            error.contains("must be a file inside the plugin folder"),
            "{error}"
        );
    }
}

async fn a_changed_plugin_toml_awaits_approval_again(engine: Engine) {
    let setup = Setup::on(engine, &["hand-detail"]).await;
    let api = setup.open().await;
    assert_eq!(approve(&api, "hand").await.state, PluginState::Enabled);
    drop(api);

    // Same library, but the manager would show another author: ask again.
    let toml = setup.plugins_dir().join("hand-detail/plugin.toml");
    let original = std::fs::read_to_string(&toml).expect("plugin.toml");
    std::fs::write(
        &toml,
        original.replace("author = \"Myochart\"", "author = \"Someone else\""),
    )
    .expect("write");
    let api = setup.open().await;
    let hand = named(&api.plugins(), "hand").clone();
    assert_eq!(hand.state, PluginState::AwaitingApproval);
    assert_eq!(hand.author, "Someone else");
    assert!(api.atlas().muscle("hand:lumbricals").is_none());

    // Changed between listing and approval: refused, listed again.
    std::fs::write(
        &toml,
        original.replace("name = \"Hand in detail\"", "name = \"Hands\""),
    )
    .expect("write");
    let error = api
        .approve_plugin(hand.id.expect("id"))
        .await
        .expect_err("changed");
    assert!(
        error.to_string().contains("changed since it was listed"),
        "{error}"
    );
    assert_eq!(named(&api.plugins(), "hand").name, "Hands");
    assert_eq!(approve(&api, "hand").await.state, PluginState::Enabled);
}

on_both_engines!(
    engine:
    new_plugins_are_listed_from_plugin_toml_awaiting_approval,
    the_example_plugins_load_beside_broken_ones_and_join_the_atlas,
    a_library_without_the_plugin_symbols_is_refused,
    a_wrong_abi_version_is_refused_before_anything_else_is_called,
    a_manifest_that_is_not_json_is_refused,
    content_off_the_chart_is_refused,
    a_library_that_crashes_or_aborts_in_the_probe_is_reported,
    plugin_toml_must_match_its_library,
    the_finder_on_a_finger_finds_the_hand_plugins_interosseous_beside_core_muscles,
    a_plugin_muscle_referring_to_a_core_area_is_drawn_where_the_app_draws_the_area,
    a_finding_on_a_plugin_muscle_keeps_its_label_after_the_plugin_is_disabled,
    assessments_are_listed_and_scored_by_their_plugin,
    a_plugin_must_be_approved_before_it_is_enabled,
    a_library_outside_the_plugin_folder_is_refused,
    a_changed_plugin_toml_awaits_approval_again,
);
