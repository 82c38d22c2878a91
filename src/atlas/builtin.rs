//! The built-in whole-body atlas, compiled in from `assets/atlas/`: one file
//! per region (the muscles), the skin areas with one drawing per view, the
//! outlines and the techniques. Kept as reviewable data; this module only
//! puts the files together into the `core` pack.

use super::{
    AreaShape, Atlas, BodyOutline, Polygon, Region, RegionPack, SkinArea, Technique, View,
};
use serde::Deserialize;
use std::sync::OnceLock;

/// The technique printed for a muscle the atlas no longer has (its plugin was
/// removed): the built-in pain-free compression.
pub const GENERIC_TECHNIQUE: &str = "core:pain-free-compression";

const REGIONS: [&str; 11] = [
    include_str!("../../assets/atlas/regions/head.json"),
    include_str!("../../assets/atlas/regions/neck.json"),
    include_str!("../../assets/atlas/regions/shoulder-upper-back.json"),
    include_str!("../../assets/atlas/regions/chest.json"),
    include_str!("../../assets/atlas/regions/arm.json"),
    include_str!("../../assets/atlas/regions/forearm-hand.json"),
    include_str!("../../assets/atlas/regions/trunk.json"),
    include_str!("../../assets/atlas/regions/hip-pelvis.json"),
    include_str!("../../assets/atlas/regions/thigh.json"),
    include_str!("../../assets/atlas/regions/leg.json"),
    include_str!("../../assets/atlas/regions/foot.json"),
];
const SKIN: [&str; 4] = [
    include_str!("../../assets/atlas/skin/front.json"),
    include_str!("../../assets/atlas/skin/back.json"),
    include_str!("../../assets/atlas/skin/right-side.json"),
    include_str!("../../assets/atlas/skin/soles.json"),
];
const AREAS: &str = include_str!("../../assets/atlas/areas.json");
const OUTLINES: &str = include_str!("../../assets/atlas/outlines.json");
const TECHNIQUES: &str = include_str!("../../assets/atlas/techniques.json");

/// An area's name, from `areas.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AreaName {
    id: String,
    name: String,
}

/// One view's skin map, from `skin/<view>.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SkinMap {
    view: View,
    areas: Vec<AreaDrawing>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AreaDrawing {
    area: String,
    polygon: Polygon,
}

/// The `core` pack, as the files describe it (not yet validated: see
/// [`Atlas::with_pack`]).
pub fn pack() -> Result<RegionPack, String> {
    fn parse<'a, T: Deserialize<'a>>(what: &str, json: &'a str) -> Result<T, String> {
        serde_json::from_str(json).map_err(|e| format!("{what}: {e}"))
    }
    let regions = REGIONS
        .iter()
        .map(|json| parse::<Region>("a region file", json))
        .collect::<Result<Vec<_>, _>>()?;
    let mut areas: Vec<SkinArea> = parse::<Vec<AreaName>>("areas.json", AREAS)?
        .into_iter()
        .map(|a| SkinArea {
            id: a.id,
            name: a.name,
            shapes: Vec::new(),
        })
        .collect();
    for json in SKIN {
        let map: SkinMap = parse("a skin map", json)?;
        for drawing in map.areas {
            let area = areas
                .iter_mut()
                .find(|a| a.id == drawing.area)
                .ok_or_else(|| format!("skin map {}: no area {}", map.view, drawing.area))?;
            area.shapes.push(AreaShape {
                view: map.view,
                polygon: drawing.polygon,
            });
        }
    }
    Ok(RegionPack {
        namespace: "core".into(),
        name: "Whole body".into(),
        regions,
        techniques: parse::<Vec<Technique>>("techniques.json", TECHNIQUES)?,
        outlines: parse::<Vec<BodyOutline>>("outlines.json", OUTLINES)?,
        areas,
    })
}

impl Atlas {
    /// The compiled-in whole-body pack.
    pub fn builtin() -> Atlas {
        static BUILTIN: OnceLock<Atlas> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                // The data is compiled in and unit tests pin that it parses and
                // validates, so failing here is a build defect, not a user error.
                let pack = pack().unwrap_or_else(|e| panic!("assets/atlas: {e}"));
                Atlas::default()
                    .with_pack(pack)
                    .unwrap_or_else(|e| panic!("the built-in atlas: {e}"))
            })
            .clone()
    }
}
