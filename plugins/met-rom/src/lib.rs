//! Muscle energy technique and a cervical range-of-motion assessment.
//!
//! Written as typed Rust rather than JSON, to show both ways. The assessment's
//! score is computed here, through `call`: each movement as a percentage of its
//! normal range, plus a one-line summary for the SOAP note's Objective part.

use myochart_plugin_sdk::serde_json::{self, Value};
use myochart_plugin_sdk::{
    export_plugin, Assessment, AssessmentField, AssessmentInput, AssessmentScore, CallError,
    Manifest, RegionPack, ScoredField, Technique,
};

/// The `call` method that scores the cervical range of motion.
const SCORE_CERVICAL_ROM: &str = "score-cervical-rom";
/// Below this share of the normal range a movement counts as restricted.
const RESTRICTED_PERCENT: f64 = 80.0;
/// A left-right difference this large (in degrees) is worth noting.
const ASYMMETRY_DEGREES: f64 = 10.0;
/// No neck moves further than this; a larger number is a typing error.
const MAX_DEGREES: f64 = 180.0;

/// The movements with their normal active range in degrees.
const MOVEMENTS: [(&str, &str, f64); 6] = [
    ("flexion", "Flexion (chin to chest)", 50.0),
    ("extension", "Extension (looking up)", 60.0),
    ("lateral-flexion-left", "Side bending, left", 45.0),
    ("lateral-flexion-right", "Side bending, right", 45.0),
    ("rotation-left", "Rotation, left", 80.0),
    ("rotation-right", "Rotation, right", 80.0),
];

fn manifest() -> Manifest {
    Manifest {
        pack: RegionPack {
            namespace: "met".into(),
            name: "Muscle energy technique".into(),
            regions: vec![],
            techniques: vec![muscle_energy()],
            outlines: vec![],
            areas: vec![],
        },
        assessments: vec![Assessment {
            id: "met:cervical-rom".into(),
            name: "Cervical range of motion".into(),
            summary: "Active neck movements measured in degrees (goniometer or inclinometer), \
                      client sitting tall, compared with normal ranges."
                .into(),
            method: SCORE_CERVICAL_ROM.into(),
            fields: MOVEMENTS
                .iter()
                .map(|&(id, label, normal)| AssessmentField {
                    id: id.into(),
                    label: label.into(),
                    unit: "°".into(),
                    normal,
                })
                .collect(),
        }],
    }
}

fn muscle_energy() -> Technique {
    Technique {
        id: "met:post-isometric-relaxation".into(),
        name: "Muscle energy technique (post-isometric relaxation)".into(),
        summary: "The client gently tenses the tight muscle against the therapist's hand, \
                  relaxes, and the muscle is eased to a new, longer position."
            .into(),
        steps: vec![
            "Move the part slowly until you feel the first resistance (the barrier); stop \
             before any pain."
                .into(),
            "Ask the client to push gently against your hand, away from the barrier, with about \
             a fifth of their strength, so that nothing moves. Hold 5 to 10 seconds while they \
             breathe normally."
                .into(),
            "Ask them to let go completely and breathe out.".into(),
            "As they relax, take up the slack to the new barrier, without stretching into pain."
                .into(),
            "Repeat 3 to 5 times, then recheck the range of motion.".into(),
        ],
        min_seconds: 60,
        max_seconds: 120,
        cautions: vec![
            "Gentle effort only: a hard push recruits other muscles and can strain the joint."
                .into(),
            "Not on a recent injury, an inflamed joint, or where movement causes sharp or \
             radiating pain."
                .into(),
        ],
        tools: vec![],
    }
}

fn call(method: &str, input: Value) -> Result<Value, CallError> {
    match method {
        SCORE_CERVICAL_ROM => {
            let values: AssessmentInput = serde_json::from_value(input)
                .map_err(|e| CallError::BadInput(format!("expected degrees by movement: {e}")))?;
            let score = score_cervical_rom(&values)?;
            serde_json::to_value(score).map_err(|e| CallError::Failed(e.to_string()))
        }
        other => Err(CallError::UnknownMethod(other.into())),
    }
}

fn score_cervical_rom(values: &AssessmentInput) -> Result<AssessmentScore, CallError> {
    if let Some(unknown) = values
        .keys()
        .find(|k| !MOVEMENTS.iter().any(|(id, ..)| id == k))
    {
        return Err(CallError::BadInput(format!(
            "unknown movement \"{unknown}\""
        )));
    }
    let mut items = Vec::with_capacity(MOVEMENTS.len());
    for (id, label, normal) in MOVEMENTS {
        let value = *values
            .get(id)
            .ok_or_else(|| CallError::BadInput(format!("{label} was not measured")))?;
        if !(0.0..=MAX_DEGREES).contains(&value) {
            return Err(CallError::BadInput(format!(
                "{label}: {value}° is not a possible range (0 to {MAX_DEGREES}°)"
            )));
        }
        items.push(ScoredField {
            field: id.into(),
            label: label.into(),
            value,
            normal,
            percent: (value / normal * 1000.0).round() / 10.0,
        });
    }
    let summary = summarize(&items);
    Ok(AssessmentScore { items, summary })
}

/// "Cervical ROM: restricted rotation, left (50% of normal). Left-right difference: rotation 40°."
fn summarize(items: &[ScoredField]) -> String {
    let restricted: Vec<String> = items
        .iter()
        .filter(|i| i.percent < RESTRICTED_PERCENT)
        .map(|i| format!("{} ({}% of normal)", i.label.to_lowercase(), i.percent))
        .collect();
    let mut summary = if restricted.is_empty() {
        "Cervical ROM within normal limits in all six movements.".to_owned()
    } else {
        format!("Cervical ROM restricted: {}.", restricted.join("; "))
    };
    let value = |id: &str| {
        items
            .iter()
            .find(|i| i.field == id)
            .map_or(0.0, |i| i.value)
    };
    for (pair, name) in [
        ("lateral-flexion", "side bending"),
        ("rotation", "rotation"),
    ] {
        let difference = (value(&format!("{pair}-left")) - value(&format!("{pair}-right"))).abs();
        if difference >= ASYMMETRY_DEGREES {
            summary.push_str(&format!(" Left-right difference in {name}: {difference}°."));
        }
    }
    summary
}

export_plugin!(manifest: manifest, call: call);

#[cfg(test)]
mod tests {
    use super::*;
    use myochart_plugin_sdk::serde_json::json;
    use myochart_plugin_sdk::testing::TestPlugin;

    fn plugin() -> TestPlugin {
        TestPlugin::new(myochart_plugin_exports())
    }

    #[test]
    fn the_manifest_passes_the_checks() {
        let manifest = plugin().check().expect("valid plugin");
        assert_eq!(manifest.assessments[0].fields.len(), 6);
    }

    #[test]
    fn scores_each_movement_against_its_normal_range() {
        let measured = json!({
            "flexion": 50, "extension": 45,
            "lateral-flexion-left": 45, "lateral-flexion-right": 40,
            "rotation-left": 40, "rotation-right": 80
        });
        let score: AssessmentScore =
            serde_json::from_value(plugin().call(SCORE_CERVICAL_ROM, measured).expect("scored"))
                .expect("a score");
        let percents: Vec<f64> = score.items.iter().map(|i| i.percent).collect();
        assert_eq!(percents, [100.0, 75.0, 100.0, 88.9, 50.0, 100.0]);
        assert_eq!(
            score.summary,
            "Cervical ROM restricted: extension (looking up) (75% of normal); rotation, left \
             (50% of normal). Left-right difference in rotation: 40°."
        );
    }

    #[test]
    fn bad_input_is_an_error_not_a_crash() {
        let missing = plugin().call(SCORE_CERVICAL_ROM, json!({ "flexion": 50 }));
        assert_eq!(
            missing.expect_err("incomplete"),
            "bad input: Extension (looking up) was not measured"
        );
        let impossible = plugin().call(SCORE_CERVICAL_ROM, json!({ "flexion": 500 }));
        assert!(impossible
            .expect_err("impossible")
            .contains("500° is not a possible range"));
        let unknown = plugin().call("score", json!({}));
        assert_eq!(unknown.expect_err("unknown method"), "no method \"score\"");
    }
}
