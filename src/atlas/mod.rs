//! The anatomy as data: regions, muscles, trigger points, referral zones,
//! techniques and body outlines.
//!
//! The pack types and the rules a pack must pass on its own are the plugin
//! schema's (`plugins/schema`, re-exported here), shared with plugins; one
//! schema serves the built-in whole-body pack (compiled in from
//! `assets/atlas/`) and plugin packs alike. This module adds what needs every
//! loaded pack: the [`Atlas`], and the rules a pack must pass to join it.
//!
//! Coordinates are normalized chart coordinates: `x` across and `y` down the
//! whole-body chart box, both in `0..=1`, the box being [`Atlas::CHART_ASPECT`]
//! wide for 1 high. Points and zones are described for the client's RIGHT side;
//! the left side is their mirror image ([`mirror`]). On the `front` view the
//! client's right is the viewer's left (x < 0.5); on the `back` view it is the
//! viewer's right (x > 0.5).

mod builtin;

pub use builtin::{pack as builtin_pack, GENERIC_TECHNIQUE};
pub use myochart_plugin_schema::{
    contains, mirror, AreaShape, BodyOutline, CloseUp, Muscle, PackError, Polygon, RedFlag,
    ReferralAreas, ReferralZone, Region, RegionPack, Side, SkinArea, Stretch, Technique,
    TriggerPoint, View,
};

use serde::Serialize;
use ts_rs::TS;

/// Why a pack can't join the atlas: it breaks a rule of its own, or clashes
/// with a pack already loaded.
#[derive(Debug, thiserror::Error)]
pub enum AtlasError {
    #[error("pack {namespace}: the namespace is already used by pack {existing:?}")]
    NamespaceTaken { namespace: String, existing: String },
    #[error(transparent)]
    Pack(#[from] PackError),
}

/// All loaded region packs. Only validated packs get in ([`Atlas::with_pack`]),
/// so the rest of the app can trust ids, references and coordinates.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Atlas {
    packs: Vec<RegionPack>,
}

impl Atlas {
    /// Width:height of the chart box. Distances on the chart scale x by this so
    /// that they are the same in every direction.
    pub const CHART_ASPECT: f32 = myochart_plugin_schema::CHART_ASPECT;

    /// Adds a pack after checking it against the rules of [`validate`], then
    /// draws its muscles' referral areas as zones and mirrors its right
    /// profile into the left one.
    pub fn with_pack(mut self, mut pack: RegionPack) -> Result<Atlas, AtlasError> {
        validate(&pack, &self)?;
        let zones: Vec<Vec<ReferralZone>> = pack
            .regions
            .iter()
            .flat_map(|r| &r.muscles)
            .map(|m| self.area_zones(m, &pack.areas))
            .collect();
        let muscles = pack.regions.iter_mut().flat_map(|r| &mut r.muscles);
        for (muscle, zones) in muscles.zip(zones) {
            muscle.referral_zones.extend(zones);
        }
        let mirrored: Vec<BodyOutline> = pack
            .outlines
            .iter()
            .filter(|o| o.view == View::RightSide)
            .map(BodyOutline::mirrored)
            .collect();
        pack.outlines.extend(mirrored);
        self.packs.push(pack);
        Ok(self)
    }

    /// The zones of a muscle's referral areas, on every view where they show.
    /// `own` are the areas of the muscle's pack; validation has checked that
    /// every name resolves.
    fn area_zones(&self, muscle: &Muscle, own: &[SkinArea]) -> Vec<ReferralZone> {
        muscle
            .referral_areas
            .all()
            .filter_map(|(id, primary)| {
                let area = own.iter().find(|a| &a.id == id).or_else(|| self.area(id))?;
                Some(area.shapes.iter().map(move |shape| ReferralZone {
                    view: shape.view,
                    polygon: shape.polygon.clone(),
                    primary,
                    area: Some(area.id.clone()),
                }))
            })
            .flatten()
            .collect()
    }

    pub fn packs(&self) -> &[RegionPack] {
        &self.packs
    }

    pub fn regions(&self) -> impl Iterator<Item = &Region> {
        self.packs.iter().flat_map(|p| &p.regions)
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions().find(|r| r.id == id)
    }

    pub fn muscles(&self) -> impl Iterator<Item = &Muscle> {
        self.regions().flat_map(|r| &r.muscles)
    }

    pub fn muscle(&self, id: &str) -> Option<&Muscle> {
        self.muscles().find(|m| m.id == id)
    }

    /// The region a muscle belongs to (findings record both ids).
    pub fn region_of(&self, muscle_id: &str) -> Option<&Region> {
        self.regions()
            .find(|r| r.muscles.iter().any(|m| m.id == muscle_id))
    }

    pub fn techniques(&self) -> impl Iterator<Item = &Technique> {
        self.packs.iter().flat_map(|p| &p.techniques)
    }

    pub fn technique(&self, id: &str) -> Option<&Technique> {
        self.techniques().find(|t| t.id == id)
    }

    pub fn areas(&self) -> impl Iterator<Item = &SkinArea> {
        self.packs.iter().flat_map(|p| &p.areas)
    }

    pub fn area(&self, id: &str) -> Option<&SkinArea> {
        self.areas().find(|a| a.id == id)
    }

    pub fn outline(&self, view: View) -> Option<&BodyOutline> {
        self.packs
            .iter()
            .flat_map(|p| &p.outlines)
            .find(|o| o.view == view)
    }
}

/// Checks a pack before it joins `existing`: its namespace is not taken by a
/// loaded pack (so, ids being namespaced, they cannot collide with theirs),
/// it passes its own rules ([`RegionPack::validate`]), and what it names in
/// other packs is loaded: every muscle's technique and skin areas, and no
/// outline of a view another pack already draws.
pub fn validate(pack: &RegionPack, existing: &Atlas) -> Result<(), AtlasError> {
    if let Some(other) = existing
        .packs
        .iter()
        .find(|p| p.namespace == pack.namespace)
    {
        return Err(AtlasError::NamespaceTaken {
            namespace: pack.namespace.clone(),
            existing: other.name.clone(),
        });
    }
    pack.validate()?;
    for m in pack.muscles() {
        let technique_known = pack.techniques.iter().any(|t| t.id == m.technique)
            || existing.technique(&m.technique).is_some();
        if !technique_known {
            return Err(PackError::UnknownTechnique {
                muscle: m.id.clone(),
                technique: m.technique.clone(),
            }
            .into());
        }
        for (area, _) in m.referral_areas.all() {
            let known = pack.areas.iter().any(|a| &a.id == area) || existing.area(area).is_some();
            if !known {
                return Err(PackError::UnknownArea {
                    muscle: m.id.clone(),
                    area: area.clone(),
                }
                .into());
            }
        }
    }
    if let Some(o) = pack
        .outlines
        .iter()
        .find(|o| existing.outline(o.view).is_some())
    {
        let reason = "this view already has an outline";
        return Err(PackError::invalid("outline", &o.view.to_string(), reason).into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn technique(id: &str) -> Technique {
        Technique {
            id: id.into(),
            name: "Press".into(),
            summary: "Press gently.".into(),
            steps: vec!["Press.".into()],
            min_seconds: 60,
            max_seconds: 90,
            cautions: vec![],
            tools: vec![],
        }
    }

    fn muscle(id: &str) -> Muscle {
        Muscle {
            id: id.into(),
            name: "Masseter".into(),
            point_location: "Cheek".into(),
            referral_description: "Teeth".into(),
            points: vec![TriggerPoint {
                id: "tp1".into(),
                view: View::Front,
                x: 0.45,
                y: 0.1,
                label: "cheek".into(),
            }],
            referral_areas: ReferralAreas::default(),
            referral_zones: vec![ReferralZone {
                view: View::Front,
                polygon: vec![[0.4, 0.08], [0.45, 0.08], [0.45, 0.12]],
                primary: true,
                area: None,
            }],
            prevalence: 0.5,
            technique: "tmj:press".into(),
            stretch: Stretch {
                name: "Jaw stretch".into(),
                steps: vec!["Open wide.".into()],
                hold_seconds: 10,
                repetitions: 3,
            },
            self_care: vec![],
            red_flags: vec![],
            caution: None,
            sources: vec![],
        }
    }

    /// A small valid plugin pack, namespace "tmj".
    fn pack() -> RegionPack {
        RegionPack {
            namespace: "tmj".into(),
            name: "Jaw".into(),
            regions: vec![Region {
                id: "tmj:jaw".into(),
                name: "Jaw".into(),
                views: vec![View::Front, View::RightSide],
                muscles: vec![muscle("tmj:masseter")],
            }],
            techniques: vec![technique("tmj:press")],
            outlines: vec![],
            areas: vec![],
        }
    }

    /// The pack with a right-side outline, for an atlas without one.
    fn pack_with_outline() -> RegionPack {
        RegionPack {
            outlines: vec![BodyOutline {
                view: View::RightSide,
                aspect: Atlas::CHART_ASPECT,
                polygons: vec![vec![[0.4, 0.0], [0.6, 0.0], [0.5, 1.0]]],
                details: vec![],
                close_ups: vec![CloseUp {
                    name: "Head".into(),
                    x0: 0.4,
                    y0: 0.0,
                    x1: 0.7,
                    y1: 0.2,
                }],
            }],
            ..pack()
        }
    }

    /// Validates `pack` against an empty atlas and returns the message.
    fn outline_error(pack: RegionPack) -> String {
        match Atlas::default().with_pack(pack) {
            Ok(_) => panic!("pack was accepted"),
            Err(e) => e.to_string(),
        }
    }

    fn m0(p: &mut RegionPack) -> &mut Muscle {
        &mut p.regions[0].muscles[0]
    }

    /// Validates `pack` against the built-in atlas and returns the message.
    fn error(pack: RegionPack) -> String {
        match Atlas::builtin().with_pack(pack) {
            Ok(_) => panic!("pack was accepted"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn referral_areas_are_drawn_on_every_view_they_show_on() {
        let mut p = pack();
        p.areas.push(SkinArea {
            id: "tmj:cheek".into(),
            name: "Cheek".into(),
            shapes: vec![
                AreaShape {
                    view: View::Front,
                    polygon: vec![[0.4, 0.1], [0.45, 0.1], [0.45, 0.12]],
                },
                AreaShape {
                    view: View::RightSide,
                    polygon: vec![[0.6, 0.1], [0.65, 0.1], [0.65, 0.12]],
                },
            ],
        });
        m0(&mut p).referral_areas.spillover = vec!["tmj:cheek".into()];
        let atlas = Atlas::builtin().with_pack(p).expect("valid pack");
        let zones = &atlas.muscle("tmj:masseter").expect("added").referral_zones;
        let from_area: Vec<_> = zones.iter().filter(|z| z.area.is_some()).collect();
        assert_eq!(from_area.len(), 2);
        assert!(from_area.iter().all(|z| !z.primary));
        assert_eq!(from_area[1].view, View::RightSide);
    }

    #[test]
    fn a_muscle_may_refer_to_an_area_of_a_loaded_pack() {
        let mut p = pack();
        let core_area = Atlas::builtin()
            .areas()
            .next()
            .expect("core areas")
            .id
            .clone();
        m0(&mut p).referral_zones.clear();
        m0(&mut p).referral_areas.essential = vec![core_area];
        let atlas = Atlas::builtin().with_pack(p).expect("valid pack");
        assert!(!atlas
            .muscle("tmj:masseter")
            .expect("added")
            .referral_zones
            .is_empty());
    }

    #[test]
    fn unknown_areas_and_left_profiles_are_refused() {
        let mut p = pack();
        m0(&mut p).referral_areas.essential = vec!["tmj:nowhere".into()];
        assert_eq!(
            error(p),
            "muscle tmj:masseter: skin area tmj:nowhere is not defined in this pack or a loaded one"
        );
        let mut p = pack();
        m0(&mut p).points[0].view = View::LeftSide;
        assert!(error(p).contains("draw it on right-side, the left is its mirror"));
    }

    #[test]
    fn the_left_profile_is_the_right_one_mirrored() {
        let atlas = Atlas::default()
            .with_pack(pack_with_outline())
            .expect("valid pack");
        let right = atlas.outline(View::RightSide).expect("drawn");
        let left = atlas.outline(View::LeftSide).expect("mirrored");
        let [x, y] = right.polygons[0][0];
        assert_eq!(left.polygons[0][0], [1.0 - x, y]);
        let (r, l) = (&right.close_ups[0], &left.close_ups[0]);
        assert!((l.x0 - (1.0 - r.x1)).abs() < 1e-6 && (l.x1 - (1.0 - r.x0)).abs() < 1e-6);
    }

    #[test]
    fn a_valid_plugin_pack_is_added() {
        let atlas = Atlas::builtin().with_pack(pack()).expect("valid pack");
        assert!(atlas.muscle("tmj:masseter").is_some());
        assert_eq!(atlas.packs().len(), 2);
    }

    #[test]
    fn a_pack_may_use_a_technique_from_a_loaded_pack() {
        let mut p = pack();
        p.techniques.clear();
        m0(&mut p).technique = "core:pain-free-compression".into();
        assert!(Atlas::builtin().with_pack(p).is_ok());
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let mut json = serde_json::to_value(pack()).expect("serializes");
        json["regions"][0]["muscles"][0]["prevelance"] = 0.5.into();
        let err = serde_json::from_value::<RegionPack>(json).expect_err("typo rejected");
        assert!(err.to_string().contains("prevelance"), "{err}");
    }

    #[test]
    fn namespace_must_be_well_formed_and_free() {
        let mut p = pack();
        p.namespace = "Tmj:".into();
        assert!(error(p).contains("namespace must be lowercase"));
        let mut p = pack();
        p.namespace = "core".into();
        assert!(error(p).contains("already used"));
    }

    #[test]
    fn ids_are_namespaced_and_unique() {
        let mut p = pack();
        m0(&mut p).id = "masseter".into();
        assert_eq!(
            error(p),
            "muscle masseter: the id must be \"tmj:\" followed by a name"
        );
        let mut p = pack();
        p.regions[0].id = "tmj:".into();
        assert_eq!(
            error(p),
            "region tmj:: the id must be \"tmj:\" followed by a name"
        );
        let mut p = pack();
        let twin = p.regions[0].muscles[0].clone();
        p.regions[0].muscles.push(twin);
        assert_eq!(
            error(p),
            "muscle tmj:masseter: the id is used more than once"
        );
    }

    #[test]
    fn coordinates_must_be_finite_and_in_range() {
        let mut p = pack();
        m0(&mut p).points[0].x = 1.4;
        assert_eq!(
            error(p),
            "muscle tmj:masseter: trigger point tp1 has x = 1.4, outside 0..1"
        );
        let mut p = pack();
        m0(&mut p).referral_zones[0].polygon[2][1] = f32::NAN;
        assert_eq!(
            error(p),
            "muscle tmj:masseter: referral zone 1 vertex 3 has y = NaN, outside 0..1"
        );
        let mut p = pack_with_outline();
        p.outlines[0].polygons[0][0][0] = -0.1;
        assert!(outline_error(p).starts_with("outline right-side: polygon 1 vertex 1 has x = -0.1"));
    }

    #[test]
    fn polygons_need_three_vertices() {
        let mut p = pack();
        m0(&mut p).referral_zones[0].polygon.truncate(2);
        assert_eq!(
            error(p),
            "muscle tmj:masseter: referral zone 1 has 2 vertices, it needs at least 3"
        );
    }

    #[test]
    fn technique_must_resolve() {
        let mut p = pack();
        m0(&mut p).technique = "tmj:squeeze".into();
        assert_eq!(
            error(p),
            "muscle tmj:masseter: technique tmj:squeeze is not defined in this pack or a loaded one"
        );
    }

    #[test]
    fn prevalence_must_be_in_range() {
        let mut p = pack();
        m0(&mut p).prevalence = 1.5;
        assert!(error(p).contains("prevalence is 1.5"));
        let mut p = pack();
        m0(&mut p).prevalence = f32::NAN;
        assert!(error(p).contains("prevalence is NaN"));
    }

    #[test]
    fn names_must_not_be_blank() {
        let mut p = pack();
        m0(&mut p).name = "  ".into();
        assert_eq!(error(p), "muscle tmj:masseter: name is empty");
        let mut p = pack();
        p.techniques[0].name.clear();
        assert_eq!(error(p), "technique tmj:press: name is empty");
        let mut p = pack();
        p.name.clear();
        assert_eq!(error(p), "pack tmj: name is empty");
    }

    #[test]
    fn points_and_zones_must_be_on_the_regions_views() {
        let mut p = pack();
        m0(&mut p).points[0].view = View::Back;
        assert_eq!(
            error(p),
            "muscle tmj:masseter: trigger point tp1 is on the back view, which region tmj:jaw does not show"
        );
        let mut p = pack();
        m0(&mut p).referral_zones[0].view = View::Back;
        assert!(error(p).contains("referral zone 1 is on the back view"));
    }

    #[test]
    fn muscles_need_points_and_a_primary_zone() {
        let mut p = pack();
        m0(&mut p).points.clear();
        assert_eq!(error(p), "muscle tmj:masseter: has no trigger points");
        let mut p = pack();
        m0(&mut p).referral_zones[0].primary = false;
        assert_eq!(
            error(p),
            "muscle tmj:masseter: has no essential referral area or primary referral zone"
        );
        let mut p = pack();
        let twin = m0(&mut p).points[0].clone();
        m0(&mut p).points.push(twin);
        assert_eq!(
            error(p),
            "muscle tmj:masseter: trigger point tp1 is listed twice"
        );
    }

    #[test]
    fn outlines_must_fit_the_chart_and_not_replace_one() {
        let mut p = pack_with_outline();
        p.outlines[0].view = View::Front;
        p.regions[0].views = vec![View::Front];
        assert_eq!(error(p), "outline front: this view already has an outline");
        let mut p = pack_with_outline();
        p.outlines[0].aspect = 0.5;
        assert!(outline_error(p).starts_with("outline right-side: aspect is 0.5"));
        let mut p = pack_with_outline();
        p.outlines[0].close_ups[0].y1 = 0.0;
        assert_eq!(
            outline_error(p),
            "outline right-side: close-up \"Head\" is empty"
        );
    }

    #[test]
    fn technique_times_must_be_ordered() {
        let mut p = pack();
        p.techniques[0].min_seconds = 120;
        assert_eq!(
            error(p),
            "technique tmj:press: min_seconds 120 is more than max_seconds 90"
        );
    }
}
