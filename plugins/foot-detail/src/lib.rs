//! The foot in detail: the deep foot muscles toe by toe, which the built-in
//! atlas groups (the dorsal interossei of the second to fourth toes, the
//! plantar interossei of the third to fifth, the lumbricals, flexor digiti
//! minimi brevis, and the oblique and transverse heads of adductor hallucis).
//!
//! An example of a pack that extends the app's whole-body atlas with the
//! app's own views, areas and technique: its points are on the `front` view
//! (the top of the foot) and the `soles` view, its muscles name the app's skin
//! areas (`core:small-toes`, `core:ball-of-foot`, ...) and use
//! `core:pain-free-compression`. The data is in `manifest.json`, for the
//! client's right foot: on the front view the viewer's left (x < 0.5), on the
//! soles view the viewer's right.

use myochart_plugin_sdk::{export_plugin, Manifest};

fn manifest() -> Manifest {
    // Compiled in, and the test below pins that it parses.
    Manifest::from_json(include_str!("../manifest.json")).expect("manifest.json fits the schema")
}

export_plugin!(manifest: manifest);

#[cfg(test)]
mod tests {
    use myochart_plugin_sdk::testing::TestPlugin;
    use myochart_plugin_sdk::View;

    #[test]
    fn the_manifest_passes_the_checks() {
        let manifest = TestPlugin::new(super::myochart_plugin_exports())
            .check()
            .expect("valid plugin");
        let muscles = &manifest.pack.regions[0].muscles;
        assert_eq!(muscles.len(), 10);
        for m in muscles {
            assert!(m.referral_zones.is_empty(), "{}: refers by skin area", m.id);
            assert_eq!(m.technique, "core:pain-free-compression", "{}", m.id);
            for p in &m.points {
                let right = match p.view {
                    View::Front => p.x < 0.5,
                    View::Soles => p.x > 0.5,
                    _ => false,
                };
                assert!(right, "{} {}", m.id, p.id);
            }
        }
    }
}
