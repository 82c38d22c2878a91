//! The jaw (TMJ) pack: masseter, temporalis, the pterygoids and digastric,
//! charted on a side view of the head that this pack draws.
//!
//! Content follows Travell & Simons (Trigger Point Manual, vol. 1, the head and
//! neck chapters), in plain words. The data is in `manifest.json`: chart
//! coordinates are for the client's right side, the face toward the viewer's
//! right.

use myochart_plugin_sdk::{export_plugin, Manifest};

fn manifest() -> Manifest {
    // Compiled in, and the test below pins that it parses.
    Manifest::from_json(include_str!("../manifest.json")).expect("manifest.json fits the schema")
}

export_plugin!(manifest: manifest);

#[cfg(test)]
mod tests {
    use myochart_plugin_sdk::testing::TestPlugin;

    #[test]
    fn the_manifest_passes_the_checks() {
        let manifest = TestPlugin::new(super::myochart_plugin_exports())
            .check()
            .expect("valid plugin");
        assert_eq!(manifest.pack.regions[0].muscles.len(), 5);
    }
}
