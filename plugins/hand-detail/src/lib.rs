//! The hand in detail: the small hand muscles the built-in atlas leaves out
//! (lumbricals, the second to fourth dorsal interossei, the palmar interossei,
//! abductor and flexor pollicis brevis, opponens and flexor digiti minimi
//! brevis), with a technique of its own for them.
//!
//! An example of a pack that extends the app's whole-body atlas: its points
//! are on the app's `front` (palm) and `back` views, and its muscles name the
//! app's skin areas (`core:middle-finger`, `core:thumb-pad`, ...) instead of
//! drawing referral zones. The data is in `manifest.json`, for the client's
//! right hand: on the front view the viewer's left (x < 0.5), on the back view
//! the viewer's right.

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
        assert_eq!(muscles.len(), 9);
        for m in muscles {
            assert!(m.referral_zones.is_empty(), "{}: refers by skin area", m.id);
            assert!(!m.sources.is_empty(), "{}: cites a source", m.id);
            // The client's right hand: the palm on the viewer's left, the back
            // of the hand on the viewer's right.
            for p in &m.points {
                let right = match p.view {
                    View::Front => p.x < 0.5,
                    View::Back => p.x > 0.5,
                    _ => false,
                };
                assert!(right, "{} {}", m.id, p.id);
            }
        }
    }
}
