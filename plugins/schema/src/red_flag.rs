//! Red flags: symptoms that call for a physician rather than (only) massage.
//! Recorded at intake, shown as a warning while charting, and printed as
//! "see your doctor if…" on every handout (in the handout's language, from
//! `assets/i18n/<language>/handout.ftl`).

use serde::{Deserialize, Serialize};

/// Symptoms that call for a physician: a red-flag question of the intake
/// screening, and what a muscle's pattern can mimic. Flags order as the form
/// asks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, export_to = "../ui/src/bindings/")
)]
pub enum RedFlag {
    /// Numbness, tingling or weakness in the arm or hand.
    ArmNumbness,
    /// Numbness, tingling or weakness in the leg or foot.
    LegNumbness,
    /// A sudden or "worst ever" headache.
    SuddenHeadache,
    /// Headache with fever and a stiff neck.
    HeadacheFeverStiffNeck,
    /// A new temple headache after 50 with jaw pain on chewing, scalp
    /// tenderness or vision change.
    #[serde(rename = "temple-headache-over-50")]
    TempleHeadacheOver50,
    /// Symptoms after a fall, blow or concussion.
    AfterTrauma,
    /// Dizziness or visual changes.
    DizzinessVisual,
    /// Chest pain, pressure or breathlessness.
    ChestPain,
    /// Bladder or bowel changes, numbness in the saddle area.
    BladderBowelSaddle,
    /// A swollen, red or warm calf.
    SwollenCalf,
    /// Unexplained weight loss, a history of cancer, or constant pain worse at
    /// night.
    WeightLossNightPain,
    /// An unexplained lump.
    UnexplainedLump,
    /// Symptoms that spread or keep worsening.
    SpreadingWorsening,
}

impl RedFlag {
    /// Every flag, in the order the intake form asks about them.
    pub const ALL: [RedFlag; 13] = [
        RedFlag::ArmNumbness,
        RedFlag::LegNumbness,
        RedFlag::SuddenHeadache,
        RedFlag::HeadacheFeverStiffNeck,
        RedFlag::TempleHeadacheOver50,
        RedFlag::AfterTrauma,
        RedFlag::DizzinessVisual,
        RedFlag::ChestPain,
        RedFlag::BladderBowelSaddle,
        RedFlag::SwollenCalf,
        RedFlag::WeightLossNightPain,
        RedFlag::UnexplainedLump,
        RedFlag::SpreadingWorsening,
    ];

    /// The intake question, in plain words (the therapist reads it to the client).
    pub fn question(&self) -> &'static str {
        match self {
            RedFlag::ArmNumbness => "Numbness, tingling or weakness in the arm or hand?",
            RedFlag::LegNumbness => "Numbness, tingling or weakness in the leg or foot?",
            RedFlag::SuddenHeadache => "A sudden or \"worst ever\" headache?",
            RedFlag::HeadacheFeverStiffNeck => "Headache with fever and a stiff neck?",
            RedFlag::TempleHeadacheOver50 => {
                "Over 50: a new headache at the temple, with jaw pain when chewing, a tender scalp or changes in vision?"
            }
            RedFlag::AfterTrauma => "Did it start after a fall, a blow or a concussion?",
            RedFlag::DizzinessVisual => "Dizziness or changes in your vision?",
            RedFlag::ChestPain => "Chest pain, pressure or breathlessness?",
            RedFlag::BladderBowelSaddle => {
                "Changes in bladder or bowel control, or numbness between the legs (the saddle area)?"
            }
            RedFlag::SwollenCalf => "A swollen, red or warm calf?",
            RedFlag::WeightLossNightPain => {
                "Unexplained weight loss, a history of cancer, or pain that is constant and worse at night?"
            }
            RedFlag::UnexplainedLump => "An unexplained lump?",
            RedFlag::SpreadingWorsening => "Symptoms that spread or keep getting worse?",
        }
    }

    /// What the client reported, for the therapist's warning: "Red flag: …".
    pub fn reported(&self) -> &'static str {
        match self {
            RedFlag::ArmNumbness => "numbness, tingling or weakness in the arm or hand",
            RedFlag::LegNumbness => "numbness, tingling or weakness in the leg or foot",
            RedFlag::SuddenHeadache => "a sudden or \"worst ever\" headache",
            RedFlag::HeadacheFeverStiffNeck => "headache with fever and a stiff neck",
            RedFlag::TempleHeadacheOver50 => {
                "a new temple headache over 50 with jaw pain on chewing, scalp tenderness or vision change"
            }
            RedFlag::AfterTrauma => "symptoms after a fall, a blow or a concussion",
            RedFlag::DizzinessVisual => "dizziness or visual changes",
            RedFlag::ChestPain => "chest pain, pressure or breathlessness",
            RedFlag::BladderBowelSaddle => "bladder or bowel changes or saddle numbness",
            RedFlag::SwollenCalf => "a swollen, red or warm calf",
            RedFlag::WeightLossNightPain => {
                "unexplained weight loss, a history of cancer, or constant pain worse at night"
            }
            RedFlag::UnexplainedLump => "an unexplained lump",
            RedFlag::SpreadingWorsening => "symptoms that spread or keep getting worse",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flag_has_wording_and_a_kebab_case_name() {
        for flag in RedFlag::ALL {
            assert!(flag.question().ends_with('?'), "{flag:?}");
            assert!(!flag.reported().is_empty(), "{flag:?}");
        }
        let json = serde_json::to_string(&RedFlag::HeadacheFeverStiffNeck).expect("serializes");
        assert_eq!(json, "\"headache-fever-stiff-neck\"");
        let json = serde_json::to_string(&RedFlag::TempleHeadacheOver50).expect("serializes");
        assert_eq!(json, "\"temple-headache-over-50\"");
    }
}
