//! Trigger-point findings: where on the body chart, which muscle and side,
//! tenderness, active or latent, the referral reproduced, and what was done.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::settings::one_line;
use super::stored::{Double, MaybeWhole};
use super::text::{free_text, lossy};
use super::{ChartPoint, FindingId, Invalid, Score, SessionId};
use crate::atlas::{Atlas, Side, View};

/// Active points cause the client's pain now; latent ones only hurt when pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, sqlx::Type)]
#[serde(rename_all = "lowercase")]
// A text column on both engines (PostgreSQL would otherwise look for an enum type).
#[sqlx(rename_all = "lowercase", type_name = "text")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum Activity {
    Active,
    Latent,
}

/// A trigger point found in a session, where it was tapped on the chart.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Finding {
    pub id: FindingId,
    pub session_id: SessionId,
    /// Namespaced atlas id, e.g. `core:upper-trapezius`.
    pub muscle_id: String,
    /// The muscle's name when charted, so the chart stays readable if the plugin
    /// that defined it is removed.
    pub muscle_label: String,
    pub side: Side,
    pub view: View,
    #[sqlx(try_from = "Double")]
    pub x: f32,
    #[sqlx(try_from = "Double")]
    pub y: f32,
    #[sqlx(try_from = "i64")]
    pub tenderness: u8,
    pub activity: Activity,
    pub referral_reproduced: bool,
    pub technique_id: Option<String>,
    pub pressure: String,
    #[sqlx(try_from = "MaybeWhole")]
    pub duration_seconds: Option<u32>,
    pub response: String,
}

/// What the chart sends when a point is added.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct FindingForm {
    pub muscle_id: String,
    pub side: Side,
    pub view: View,
    pub x: f64,
    pub y: f64,
    #[ts(type = "number")]
    pub tenderness: i64,
    pub activity: Activity,
    #[serde(default)]
    pub referral_reproduced: bool,
    #[serde(default)]
    pub technique_id: Option<String>,
    #[serde(default, with = "lossy")]
    #[ts(type = "string")]
    pub pressure: String,
    #[serde(default)]
    pub duration_seconds: Option<u32>,
    #[serde(default, with = "lossy")]
    #[ts(type = "string")]
    pub response: String,
}

/// A finding checked against the atlas: the muscle and technique exist.
#[derive(Debug, Clone, PartialEq)]
pub struct NewFinding {
    pub muscle_id: String,
    pub muscle_label: String,
    pub side: Side,
    pub view: View,
    pub at: ChartPoint,
    pub tenderness: Score,
    pub activity: Activity,
    pub referral_reproduced: bool,
    pub technique_id: Option<String>,
    pub pressure: String,
    pub duration_seconds: Option<u32>,
    pub response: String,
}

impl NewFinding {
    /// Validates a form against the atlas the finding will be charted on.
    pub fn parse(form: FindingForm, atlas: &Atlas) -> Result<NewFinding, Invalid> {
        let mut invalid = Invalid::default();
        let muscle = invalid.check(
            "muscleId",
            atlas
                .muscle(&form.muscle_id)
                .ok_or_else(|| format!("unknown muscle \"{}\"", form.muscle_id)),
        );
        let at = invalid.check("position", ChartPoint::parse(form.x, form.y));
        if let Some(at) = at {
            invalid.check("side", Side::checked(form.side, form.view, at.x()));
        }
        let tenderness = invalid.check("tenderness", Score::parse(form.tenderness, "Tenderness"));
        let technique_id = form.technique_id.filter(|id| !id.is_empty());
        if let Some(id) = &technique_id {
            invalid.check(
                "techniqueId",
                atlas
                    .technique(id)
                    .map(|_| ())
                    .ok_or_else(|| format!("unknown technique \"{id}\"")),
            );
        }
        if form.duration_seconds.is_some_and(|s| s > 3600) {
            invalid.check::<()>(
                "durationSeconds",
                Err("Duration must be at most an hour".into()),
            );
        }
        let pressure = invalid.check("pressure", one_line(&form.pressure, "Pressure", 200));
        let response = invalid.check(
            "response",
            free_text(form.response.trim(), "Response", 2_000),
        );
        invalid.finish(|| {
            Some(NewFinding {
                muscle_id: form.muscle_id,
                muscle_label: muscle?.name.clone(),
                side: form.side,
                view: form.view,
                at: at?,
                tenderness: tenderness?,
                activity: form.activity,
                referral_reproduced: form.referral_reproduced,
                technique_id,
                pressure: pressure?,
                duration_seconds: form.duration_seconds,
                response: response?,
            })
        })
    }
}

/// Dragging a point to a new place on the chart.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct FindingMove {
    pub view: View,
    pub x: f64,
    pub y: f64,
    /// The side to be on; `None`: the side of the half it is dragged into
    /// (kept within 3% of the midline). Undo passes the side it had.
    #[serde(default)]
    pub side: Option<Side>,
}
