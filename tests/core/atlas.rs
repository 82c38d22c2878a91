//! The built-in whole-body atlas as reviewable data: every muscle the issue
//! lists, each complete, every point and zone on the body, left and right
//! mirror images, and the clinical fixes pinned.

use std::collections::HashSet;

use myochart::atlas::{Atlas, Muscle, Side, View};

fn muscle(atlas: &Atlas, id: &str) -> Muscle {
    atlas
        .muscle(id)
        .unwrap_or_else(|| panic!("{id} is in the atlas"))
        .clone()
}

#[test]
fn the_whole_body_is_covered_by_at_least_ninety_muscles() {
    let atlas = Atlas::builtin();
    let muscles: Vec<_> = atlas.muscles().collect();
    assert!(muscles.len() >= 90, "{} muscles", muscles.len());
    let regions: Vec<_> = atlas.regions().map(|r| r.id.as_str()).collect();
    for region in [
        "core:head",
        "core:neck-shoulder",
        "core:shoulder-upper-back",
        "core:chest-wall",
        "core:arm",
        "core:forearm-hand",
        "core:trunk",
        "core:hip-pelvis",
        "core:thigh",
        "core:leg",
        "core:foot",
    ] {
        assert!(regions.contains(&region), "{region}");
    }
    // A sample from every region of the list.
    for id in [
        "core:temporalis",
        "core:medial-pterygoid",
        "core:upper-trapezius",
        "core:supraspinatus",
        "core:rhomboids",
        "core:pectoralis-minor",
        "core:brachialis",
        "core:supinator",
        "core:adductor-pollicis",
        "core:multifidi-rotatores",
        "core:quadratus-lumborum",
        "core:piriformis",
        "core:vastus-medialis",
        "core:gastrocnemius",
        "core:soleus",
        "core:quadratus-plantae",
    ] {
        muscle(&atlas, id);
    }
}

#[test]
fn every_muscle_is_complete() {
    let atlas = Atlas::builtin();
    for m in atlas.muscles() {
        let id = &m.id;
        assert!(!m.point_location.trim().is_empty(), "{id}");
        assert!(!m.referral_description.trim().is_empty(), "{id}");
        assert!(
            !m.referral_areas.essential.is_empty(),
            "{id}: essential zone"
        );
        assert!(
            m.referral_zones.iter().any(|z| z.primary),
            "{id}: the essential zone is drawn"
        );
        assert!(!m.stretch.steps.is_empty(), "{id}: stretch");
        assert!((15..=60).contains(&m.stretch.hold_seconds), "{id}: hold");
        assert!(!m.self_care.is_empty(), "{id}: self-care");
        assert!(!m.sources.is_empty(), "{id}: sources");
        assert!(atlas.technique(&m.technique).is_some(), "{id}: technique");
        assert!((0.0..=1.0).contains(&m.prevalence), "{id}");
    }
}

#[test]
fn every_skin_area_is_drawn_and_every_view_has_an_outline() {
    let atlas = Atlas::builtin();
    for area in atlas.areas() {
        assert!(!area.shapes.is_empty(), "{} is drawn nowhere", area.id);
    }
    for view in View::ALL {
        assert!(atlas.outline(view).is_some(), "{view}");
    }
}

#[test]
fn every_point_is_on_the_body_on_both_sides() {
    let atlas = Atlas::builtin();
    for m in atlas.muscles() {
        for p in &m.points {
            for side in Side::BOTH {
                let (view, x, y) = p.on_side(side);
                let outline = atlas.outline(view).expect("outline");
                assert!(
                    outline.covers([x, y]),
                    "{} {} on the {side:?} is off the {view} outline at ({x}, {y})",
                    m.id,
                    p.id
                );
            }
        }
    }
}

#[test]
fn every_point_is_described_on_the_clients_right() {
    // The right is the viewer's left on the front, the viewer's right on the
    // back and soles; a point on the midline may be either.
    let atlas = Atlas::builtin();
    for m in atlas.muscles() {
        for p in &m.points {
            let side = Side::at(p.view, p.x);
            let on_midline = (p.x - 0.5).abs() < 0.03;
            assert!(
                on_midline || side == Some(Side::Right),
                "{} {} is on the {side:?} of the {} view",
                m.id,
                p.id,
                p.view
            );
        }
    }
}

#[test]
fn every_zone_is_on_the_body() {
    let atlas = Atlas::builtin();
    for area in atlas.areas() {
        for shape in &area.shapes {
            let outline = atlas.outline(shape.view).expect("outline");
            for &vertex in &shape.polygon {
                assert!(
                    outline.covers(vertex),
                    "{} on {} has a vertex off the body at {vertex:?}",
                    area.id,
                    shape.view
                );
            }
        }
    }
}

#[test]
fn left_zones_are_the_mirror_of_right_ones() {
    let atlas = Atlas::builtin();
    let trapezius = muscle(&atlas, "core:upper-trapezius");
    for zone in &trapezius.referral_zones {
        let left = zone.on_side(Side::Left);
        assert_eq!(left.view, zone.view.mirrored());
        for (r, l) in zone.polygon.iter().zip(&left.polygon) {
            assert!((l[0] - (1.0 - r[0])).abs() < 1e-6 && l[1] == r[1]);
        }
    }
    // The temple shows on the front and on both profiles.
    let temple: HashSet<View> = trapezius
        .referral_zones
        .iter()
        .filter(|z| z.area.as_deref() == Some("core:temple"))
        .flat_map(|z| Side::BOTH.map(|s| z.on_side(s).view))
        .collect();
    for view in [View::Front, View::RightSide, View::LeftSide] {
        assert!(temple.contains(&view), "temple on {view}");
    }
}

/// The text of a muscle's stretch, lower-cased.
fn stretch(atlas: &Atlas, id: &str) -> String {
    muscle(atlas, id).stretch.steps.join(" ").to_lowercase()
}

#[test]
fn the_reviewed_clinical_mistakes_stay_fixed() {
    let atlas = Atlas::builtin();
    // The upper trapezius: face turned toward the sore side; the levator: away.
    assert!(stretch(&atlas, "core:upper-trapezius").contains("toward"));
    assert!(stretch(&atlas, "core:levator-scapulae").contains("away"));
    // The temporalis is stretched by opening the jaw, not stroked.
    assert!(stretch(&atlas, "core:temporalis").contains("open"));
    // Stretches that extend or rotate the neck warn about dizziness.
    for id in ["core:scm-sternal", "core:scm-clavicular", "core:scalenes"] {
        assert!(
            stretch(&atlas, id).contains("stop if you feel dizzy or your vision changes"),
            "{id}"
        );
    }
}

#[test]
fn mimicked_red_flags_are_tied_to_their_muscles() {
    use myochart::atlas::RedFlag;
    let atlas = Atlas::builtin();
    let flags = |id: &str| muscle(&atlas, id).red_flags;
    assert!(flags("core:scalenes").contains(&RedFlag::ChestPain));
    assert!(flags("core:pectoralis-minor").contains(&RedFlag::ChestPain));
    assert!(flags("core:temporalis").contains(&RedFlag::TempleHeadacheOver50));
    assert!(flags("core:gastrocnemius").contains(&RedFlag::SwollenCalf));
    assert!(flags("core:piriformis").contains(&RedFlag::LegNumbness));
    let used: HashSet<RedFlag> = atlas.muscles().flat_map(|m| m.red_flags.clone()).collect();
    for flag in [
        RedFlag::BladderBowelSaddle,
        RedFlag::WeightLossNightPain,
        RedFlag::ArmNumbness,
    ] {
        assert!(used.contains(&flag), "{flag:?} mimicked by no muscle");
    }
}
