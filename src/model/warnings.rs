//! Red-flag warnings derived from the intake answers: on the client header, on
//! every session, and on findings in muscles whose pattern can mimic the flag.

use serde::Serialize;
use ts_rs::TS;

use super::{Client, Finding, FindingId};
use crate::atlas::{Atlas, RedFlag};

/// A positive red-flag answer, worded for the therapist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct RedFlagWarning {
    pub flag: RedFlag,
    pub message: String,
}

/// A finding in a muscle whose referral can mimic a red flag the client reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct FindingCaution {
    pub finding_id: FindingId,
    pub flag: RedFlag,
    pub message: String,
}

/// One warning per positive answer, in intake order.
pub fn red_flag_warnings(client: &Client) -> Vec<RedFlagWarning> {
    client
        .red_flags
        .iter()
        .map(|&flag| RedFlagWarning {
            flag,
            message: format!(
                "Red flag: {}. Rule out a medical cause and refer to a physician before treating.",
                flag.reported()
            ),
        })
        .collect()
}

/// Cautions for findings whose muscle the atlas ties to a flag the client has.
/// A muscle no longer in the atlas (its plugin removed) has no known ties.
pub fn finding_cautions(
    client: &Client,
    findings: &[Finding],
    atlas: &Atlas,
) -> Vec<FindingCaution> {
    let mut cautions = Vec::new();
    for finding in findings {
        let Some(muscle) = atlas.muscle(&finding.muscle_id) else {
            continue;
        };
        for flag in muscle
            .red_flags
            .iter()
            .filter(|flag| client.red_flags.contains(flag))
        {
            let mut message = format!(
                "{} can refer pain that looks like the client's reported {}: make sure a physician has ruled out other causes.",
                muscle.name,
                flag.reported()
            );
            if let Some(caution) = &muscle.caution {
                message.push(' ');
                message.push_str(caution);
            }
            cautions.push(FindingCaution {
                finding_id: finding.id,
                flag: *flag,
                message,
            });
        }
    }
    cautions
}
