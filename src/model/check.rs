//! Muscles to check: what the finder suggested for a session, until a finding
//! on that muscle and side is charted.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CheckId, SessionId};
use crate::atlas::Side;

/// A muscle the finder suggested checking in this session, on one side. It goes
/// away when a finding on that muscle and side is charted.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct SessionCheck {
    pub id: CheckId,
    pub session_id: SessionId,
    pub muscle_id: String,
    pub muscle_label: String,
    pub side: Side,
}

/// "Check this muscle on this side."
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct CheckForm {
    pub muscle_id: String,
    pub side: Side,
}
