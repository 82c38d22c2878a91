//! Red flags: symptoms that call for a physician rather than (only) massage.
//! Recorded at intake, shown as a warning while charting, and printed as
//! "see your doctor if…" on every handout.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A red-flag question of the intake screening; flags order as the form asks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub enum RedFlag {
    ArmNumbness,
    SuddenHeadache,
    HeadacheFeverStiffNeck,
    AfterTrauma,
    DizzinessVisual,
    UnexplainedLump,
    SpreadingWorsening,
}

impl RedFlag {
    /// Every flag, in the order the intake form asks about them.
    pub const ALL: [RedFlag; 7] = [
        RedFlag::ArmNumbness,
        RedFlag::SuddenHeadache,
        RedFlag::HeadacheFeverStiffNeck,
        RedFlag::AfterTrauma,
        RedFlag::DizzinessVisual,
        RedFlag::UnexplainedLump,
        RedFlag::SpreadingWorsening,
    ];

    /// The intake question, in plain words (the therapist reads it to the client).
    pub fn question(&self) -> &'static str {
        match self {
            RedFlag::ArmNumbness => "Numbness, tingling or weakness in the arm or hand?",
            RedFlag::SuddenHeadache => "A sudden or \"worst ever\" headache?",
            RedFlag::HeadacheFeverStiffNeck => "Headache with fever or a stiff neck?",
            RedFlag::AfterTrauma => "Did it start after a fall, a blow or a concussion?",
            RedFlag::DizzinessVisual => "Dizziness or changes in your vision?",
            RedFlag::UnexplainedLump => "An unexplained lump?",
            RedFlag::SpreadingWorsening => "Symptoms that spread or keep getting worse?",
        }
    }

    /// What the client reported, for the therapist's warning: "Red flag: …".
    pub fn reported(&self) -> &'static str {
        match self {
            RedFlag::ArmNumbness => "numbness, tingling or weakness in the arm or hand",
            RedFlag::SuddenHeadache => "a sudden or \"worst ever\" headache",
            RedFlag::HeadacheFeverStiffNeck => "headache with fever or a stiff neck",
            RedFlag::AfterTrauma => "symptoms after a fall, a blow or a concussion",
            RedFlag::DizzinessVisual => "dizziness or visual changes",
            RedFlag::UnexplainedLump => "an unexplained lump",
            RedFlag::SpreadingWorsening => "symptoms that spread or keep getting worse",
        }
    }

    /// Completes "See your doctor if …" on the client's handout.
    pub fn see_your_doctor(&self) -> &'static str {
        match self {
            RedFlag::ArmNumbness => "your arm or hand goes numb, tingles or feels weak",
            RedFlag::SuddenHeadache => "you get a sudden or \"worst ever\" headache",
            RedFlag::HeadacheFeverStiffNeck => "you have a headache with fever or a stiff neck",
            RedFlag::AfterTrauma => "your symptoms started after a fall, a blow or a concussion",
            RedFlag::DizzinessVisual => "you feel dizzy or your vision changes",
            RedFlag::UnexplainedLump => "you find a lump you can't explain",
            RedFlag::SpreadingWorsening => "your symptoms spread or keep getting worse",
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
            assert!(!flag.see_your_doctor().is_empty(), "{flag:?}");
            assert!(!flag.reported().is_empty(), "{flag:?}");
        }
        let json = serde_json::to_string(&RedFlag::HeadacheFeverStiffNeck).expect("serializes");
        assert_eq!(json, "\"headache-fever-stiff-neck\"");
    }
}
