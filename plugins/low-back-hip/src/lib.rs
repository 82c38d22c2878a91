//! The low back and hip pack: quadratus lumborum, gluteus medius and
//! minimus, piriformis and iliopsoas, on the app's front and back views.
//!
//! Content follows Travell & Simons (Trigger Point Manual, vol. 2, the lower
//! body chapters), in plain words. The data is in `manifest.json`: on the back
//! view the client's right side is the viewer's right (x > 0.5), on the front
//! view the viewer's left.

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
