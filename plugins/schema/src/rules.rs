//! The rules a pack must pass on its own, before the app sets it beside the
//! packs already loaded: the app runs these same checks, then its own about
//! the other packs (a namespace already taken, a technique or skin area of
//! another pack that is not loaded, a view another pack already draws).

use std::collections::HashSet;

use crate::{
    Assessment, BodyOutline, Manifest, Muscle, Region, RegionPack, SkinArea, Technique, View,
    CHART_ASPECT,
};

/// Why a pack breaks a rule, naming the offending item.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PackError {
    /// The namespace is not lowercase letters, digits and '-'.
    #[error("pack {namespace:?}: the namespace must be lowercase letters, digits and '-'")]
    BadNamespace {
        /// The namespace given.
        namespace: String,
    },
    /// An id is not `namespace:name`.
    #[error("{kind} {id}: the id must be \"{namespace}:\" followed by a name")]
    NotNamespaced {
        /// What the id names ("muscle").
        kind: &'static str,
        /// The id given.
        id: String,
        /// The pack's namespace.
        namespace: String,
    },
    /// Two items share an id.
    #[error("{kind} {id}: the id is used more than once")]
    DuplicateId {
        /// What the second item is.
        kind: &'static str,
        /// The id.
        id: String,
    },
    /// A muscle names a technique that no pack defines.
    #[error("muscle {muscle}: technique {technique} is not defined in this pack or a loaded one")]
    UnknownTechnique {
        /// The muscle's id.
        muscle: String,
        /// The technique it names.
        technique: String,
    },
    /// A muscle names a skin area that no pack defines.
    #[error("muscle {muscle}: skin area {area} is not defined in this pack or a loaded one")]
    UnknownArea {
        /// The muscle's id.
        muscle: String,
        /// The area it names.
        area: String,
    },
    /// Any other rule; `reason` says which.
    #[error("{kind} {id}: {reason}")]
    Invalid {
        /// What the item is ("muscle").
        kind: &'static str,
        /// Its id.
        id: String,
        /// The rule it breaks.
        reason: String,
    },
}

impl PackError {
    /// A broken rule of the item `kind` `id`.
    pub fn invalid(kind: &'static str, id: &str, reason: impl Into<String>) -> PackError {
        PackError::Invalid {
            kind,
            id: id.to_owned(),
            reason: reason.into(),
        }
    }
}

impl RegionPack {
    /// Checks the rules a pack must pass on its own:
    /// - the namespace is lowercase letters, digits and '-';
    /// - every region, muscle, technique and skin area id is `namespace:name`
    ///   and unique;
    /// - names are not blank, prevalence is in 0..=1, a technique's time range
    ///   is ordered;
    /// - every muscle has at least one trigger point (ids unique within the
    ///   muscle) and an essential referral area or a primary referral zone, on
    ///   views its region shows; a technique or skin area it names in this
    ///   pack's namespace is defined here (other namespaces are the app's to
    ///   resolve);
    /// - nothing is drawn on the left profile, which mirrors the right one;
    /// - coordinates are finite and in 0..=1, polygons have at least 3 vertices;
    /// - outlines use [`CHART_ASPECT`], one per view.
    pub fn validate(&self) -> Result<(), PackError> {
        let ns = self.namespace.as_str();
        let ns_ok = !ns.is_empty()
            && ns
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ns_ok {
            return Err(PackError::BadNamespace {
                namespace: ns.to_owned(),
            });
        }
        not_blank("pack", ns, "name", &self.name)?;

        let mut ids = Ids::new(ns);
        for t in &self.techniques {
            ids.claim("technique", &t.id)?;
            validate_technique(t)?;
        }
        for area in &self.areas {
            ids.claim("skin area", &area.id)?;
            validate_area(area)?;
        }
        for region in &self.regions {
            ids.claim("region", &region.id)?;
            not_blank("region", &region.id, "name", &region.name)?;
            if region.views.is_empty() {
                return Err(PackError::invalid("region", &region.id, "lists no views"));
            }
            for m in &region.muscles {
                ids.claim("muscle", &m.id)?;
                validate_muscle(m, region, self)?;
            }
        }
        for (i, outline) in self.outlines.iter().enumerate() {
            validate_outline(outline, &self.outlines[..i])?;
        }
        Ok(())
    }

    /// Whether `id` is in this pack's namespace, so this pack must define it.
    fn owns(&self, id: &str) -> bool {
        id.strip_prefix(self.namespace.as_str())
            .is_some_and(|rest| rest.starts_with(':'))
    }
}

impl Manifest {
    /// Checks the pack ([`RegionPack::validate`]) and the assessments
    /// ([`Manifest::validate_assessments`]).
    pub fn validate(&self) -> Result<(), PackError> {
        self.pack.validate()?;
        self.validate_assessments()
    }

    /// Checks the assessments: ids namespaced like the pack's and used by
    /// nothing else in it, names and methods not blank, fields with unique
    /// ids and a positive normal value.
    pub fn validate_assessments(&self) -> Result<(), PackError> {
        let mut ids = Ids::new(&self.pack.namespace);
        ids.seen.extend(self.pack.ids());
        for a in &self.assessments {
            ids.claim("assessment", &a.id)?;
            validate_assessment(a)?;
        }
        Ok(())
    }
}

/// The ids claimed so far in one pack.
struct Ids<'a> {
    namespace: &'a str,
    seen: HashSet<&'a str>,
}

impl<'a> Ids<'a> {
    fn new(namespace: &'a str) -> Ids<'a> {
        Ids {
            namespace,
            seen: HashSet::new(),
        }
    }

    /// Takes `id` for an item of `kind`: it must be `namespace:name` and new.
    fn claim(&mut self, kind: &'static str, id: &'a str) -> Result<(), PackError> {
        let ns = self.namespace;
        let named = id
            .strip_prefix(ns)
            .and_then(|rest| rest.strip_prefix(':'))
            .is_some_and(|name| !name.trim().is_empty());
        if !named {
            return Err(PackError::NotNamespaced {
                kind,
                id: id.to_owned(),
                namespace: ns.to_owned(),
            });
        }
        if !self.seen.insert(id) {
            return Err(PackError::DuplicateId {
                kind,
                id: id.to_owned(),
            });
        }
        Ok(())
    }
}

fn validate_technique(t: &Technique) -> Result<(), PackError> {
    not_blank("technique", &t.id, "name", &t.name)?;
    if t.steps.is_empty() {
        return Err(PackError::invalid("technique", &t.id, "has no steps"));
    }
    if t.min_seconds > t.max_seconds {
        return Err(PackError::invalid(
            "technique",
            &t.id,
            format!(
                "min_seconds {} is more than max_seconds {}",
                t.min_seconds, t.max_seconds
            ),
        ));
    }
    Ok(())
}

fn validate_area(area: &SkinArea) -> Result<(), PackError> {
    not_blank("skin area", &area.id, "name", &area.name)?;
    for (i, shape) in area.shapes.iter().enumerate() {
        let what = format!("shape {}", i + 1);
        drawable("skin area", &area.id, &what, shape.view)?;
        check_shape("skin area", &area.id, &what, &shape.polygon, 3)?;
    }
    Ok(())
}

/// Content is drawn for the right side only: the left profile is its mirror.
fn drawable(kind: &'static str, id: &str, what: &str, view: View) -> Result<(), PackError> {
    if view == View::LeftSide {
        return Err(PackError::invalid(
            kind,
            id,
            format!(
                "{what} is on the left-side view: draw it on right-side, the left is its mirror"
            ),
        ));
    }
    Ok(())
}

fn validate_muscle(m: &Muscle, region: &Region, pack: &RegionPack) -> Result<(), PackError> {
    let id = m.id.as_str();
    not_blank("muscle", id, "name", &m.name)?;
    not_blank("muscle", id, "stretch name", &m.stretch.name)?;
    if !(0.0..=1.0).contains(&m.prevalence) {
        return Err(PackError::invalid(
            "muscle",
            id,
            format!("prevalence is {}, outside 0..1", m.prevalence),
        ));
    }
    let own_technique = pack.techniques.iter().any(|t| t.id == m.technique);
    if !own_technique && pack.owns(&m.technique) {
        return Err(PackError::UnknownTechnique {
            muscle: id.to_owned(),
            technique: m.technique.clone(),
        });
    }
    let check_view = |what: &str, view: View| {
        drawable("muscle", id, what, view)?;
        if region.views.contains(&view) {
            Ok(())
        } else {
            Err(PackError::invalid(
                "muscle",
                id,
                format!(
                    "{what} is on the {view} view, which region {} does not show",
                    region.id
                ),
            ))
        }
    };

    if m.points.is_empty() {
        return Err(PackError::invalid("muscle", id, "has no trigger points"));
    }
    let mut point_ids = HashSet::new();
    for p in &m.points {
        let what = format!("trigger point {}", p.id);
        if p.id.trim().is_empty() {
            return Err(PackError::invalid(
                "muscle",
                id,
                "a trigger point has an empty id",
            ));
        }
        if !point_ids.insert(p.id.as_str()) {
            return Err(PackError::invalid(
                "muscle",
                id,
                format!("{what} is listed twice"),
            ));
        }
        check_view(&what, p.view)?;
        check_xy("muscle", id, &what, p.x, p.y)?;
    }

    for (area, _) in m.referral_areas.all() {
        let own_area = pack.areas.iter().any(|a| &a.id == area);
        if !own_area && pack.owns(area) {
            return Err(PackError::UnknownArea {
                muscle: id.to_owned(),
                area: area.clone(),
            });
        }
    }
    if m.referral_areas.essential.is_empty() && !m.referral_zones.iter().any(|z| z.primary) {
        return Err(PackError::invalid(
            "muscle",
            id,
            "has no essential referral area or primary referral zone",
        ));
    }
    for (i, z) in m.referral_zones.iter().enumerate() {
        let what = format!("referral zone {}", i + 1);
        check_view(&what, z.view)?;
        check_shape("muscle", id, &what, &z.polygon, 3)?;
    }
    Ok(())
}

fn validate_outline(o: &BodyOutline, earlier: &[BodyOutline]) -> Result<(), PackError> {
    let id = o.view.to_string();
    drawable("outline", &id, "the outline", o.view)?;
    if earlier.iter().any(|e| e.view == o.view) {
        return Err(PackError::invalid(
            "outline",
            &id,
            "this view already has an outline",
        ));
    }
    if (o.aspect - CHART_ASPECT).abs() > 1e-4 {
        return Err(PackError::invalid(
            "outline",
            &id,
            format!("aspect is {}, the chart's is {CHART_ASPECT}", o.aspect),
        ));
    }
    if o.polygons.is_empty() {
        return Err(PackError::invalid("outline", &id, "has no polygons"));
    }
    for (i, p) in o.polygons.iter().enumerate() {
        check_shape("outline", &id, &format!("polygon {}", i + 1), p, 3)?;
    }
    for (i, d) in o.details.iter().enumerate() {
        check_shape("outline", &id, &format!("detail line {}", i + 1), d, 2)?;
    }
    for c in &o.close_ups {
        let what = format!("close-up {:?}", c.name);
        not_blank("outline", &id, "a close-up's name", &c.name)?;
        check_xy("outline", &id, &what, c.x0, c.y0)?;
        check_xy("outline", &id, &what, c.x1, c.y1)?;
        if c.x0 >= c.x1 || c.y0 >= c.y1 {
            return Err(PackError::invalid(
                "outline",
                &id,
                format!("{what} is empty"),
            ));
        }
    }
    Ok(())
}

fn validate_assessment(a: &Assessment) -> Result<(), PackError> {
    let fail = |reason: String| Err(PackError::invalid("assessment", &a.id, reason));
    if a.name.trim().is_empty() || a.method.trim().is_empty() {
        return fail("name and method must not be empty".into());
    }
    if a.fields.is_empty() {
        return fail("has no fields".into());
    }
    let mut field_ids = HashSet::new();
    for f in &a.fields {
        if f.id.trim().is_empty() || !field_ids.insert(f.id.as_str()) {
            return fail(format!("field \"{}\" is empty or listed twice", f.id));
        }
        if !(f.normal.is_finite() && f.normal > 0.0) {
            return fail(format!(
                "field {}: normal is {}, it must be more than 0",
                f.id, f.normal
            ));
        }
    }
    Ok(())
}

fn not_blank(kind: &'static str, id: &str, field: &str, value: &str) -> Result<(), PackError> {
    if value.trim().is_empty() {
        Err(PackError::invalid(kind, id, format!("{field} is empty")))
    } else {
        Ok(())
    }
}

fn check_xy(kind: &'static str, id: &str, what: &str, x: f32, y: f32) -> Result<(), PackError> {
    for (axis, v) in [("x", x), ("y", y)] {
        // `contains` is false for NaN, so this also rejects non-finite values.
        if !(0.0..=1.0).contains(&v) {
            return Err(PackError::invalid(
                kind,
                id,
                format!("{what} has {axis} = {v}, outside 0..1"),
            ));
        }
    }
    Ok(())
}

fn check_shape(
    kind: &'static str,
    id: &str,
    what: &str,
    shape: &[[f32; 2]],
    min_vertices: usize,
) -> Result<(), PackError> {
    if shape.len() < min_vertices {
        return Err(PackError::invalid(
            kind,
            id,
            format!(
                "{what} has {} vertices, it needs at least {min_vertices}",
                shape.len()
            ),
        ));
    }
    for (i, &[x, y]) in shape.iter().enumerate() {
        check_xy(kind, id, &format!("{what} vertex {}", i + 1), x, y)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::Manifest;
    use serde_json::json;

    /// A pack of one muscle that refers to a skin area of the app.
    fn manifest() -> serde_json::Value {
        json!({
            "pack": {
                "namespace": "hand",
                "name": "Hand",
                "regions": [{
                    "id": "hand:hand",
                    "name": "Hand",
                    "views": ["front", "back", "right-side", "soles"],
                    "muscles": [{
                        "id": "hand:lumbricals",
                        "name": "Lumbricals",
                        "pointLocation": "In the palm",
                        "referralDescription": "Along the fingers",
                        "points": [{ "id": "tp1", "view": "front", "x": 0.11, "y": 0.52, "label": "palm" }],
                        "referralAreas": { "essential": ["core:middle-finger"] },
                        "prevalence": 0.3,
                        "technique": "core:pain-free-compression",
                        "stretch": { "name": "Hook", "steps": ["Curl"], "holdSeconds": 20, "repetitions": 3 },
                        "caution": null,
                        "sources": ["T&S Vol.1 ch.40"]
                    }]
                }],
                "techniques": []
            }
        })
    }

    fn check(json: serde_json::Value) -> Result<(), String> {
        let manifest: Manifest = serde_json::from_value(json).map_err(|e| e.to_string())?;
        manifest.validate().map_err(|e| e.to_string())
    }

    #[test]
    fn a_muscle_may_refer_to_the_apps_areas_instead_of_drawing_zones() {
        assert_eq!(check(manifest()), Ok(()));
    }

    #[test]
    fn a_muscle_needs_an_essential_area_and_its_own_areas_defined() {
        let mut m = manifest();
        let muscle = &mut m["pack"]["regions"][0]["muscles"][0];
        muscle["referralAreas"] = json!({ "spillover": ["core:palm"] });
        assert!(check(m)
            .expect_err("no essential area")
            .contains("essential"));

        let mut m = manifest();
        let muscle = &mut m["pack"]["regions"][0]["muscles"][0];
        muscle["referralAreas"] = json!({ "essential": ["hand:knuckle"] });
        assert_eq!(
            check(m),
            Err(
                "muscle hand:lumbricals: skin area hand:knuckle is not defined in this pack or a loaded one"
                    .into()
            )
        );
    }

    #[test]
    fn nothing_is_drawn_on_the_mirrored_left_profile() {
        let mut m = manifest();
        m["pack"]["regions"][0]["views"] = json!(["left-side"]);
        m["pack"]["regions"][0]["muscles"][0]["points"][0]["view"] = json!("left-side");
        assert_eq!(
            check(m),
            Err(
                "muscle hand:lumbricals: trigger point tp1 is on the left-side view: \
                 draw it on right-side, the left is its mirror"
                    .into()
            )
        );
    }

    #[test]
    fn an_assessment_id_is_namespaced_and_its_own() {
        let mut m = manifest();
        let field = json!({ "id": "flexion", "label": "Flexion", "unit": "°", "normal": 50 });
        m["assessments"] = json!([{
            "id": "hand:hand", "name": "Grip", "summary": "Grip.", "method": "score",
            "fields": [field]
        }]);
        assert_eq!(
            check(m),
            Err("assessment hand:hand: the id is used more than once".into())
        );
    }
}
