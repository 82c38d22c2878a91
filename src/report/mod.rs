//! Students' paperwork: the practice log (CSV and PDF), the anonymised
//! case-study report and the class report (portrait pages or landscape
//! slides), with the pain-over-time plot and bar charts drawn as vectors.
//!
//! Reports print with the same engine as handouts ([`crate::pdf`]: shaped
//! text, embedded fonts, block layout and the body chart). What a report says is
//! gathered first ([`CaseStudy`], [`ClassReport`]); all text about a client is
//! scrubbed of their identity as it is gathered ([`anonymise`]), so nothing
//! identifying reaches the renderer.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{ClientId, Invalid, IsoDate};

pub mod anonymise;
mod atlas_sheet;
mod case_study;
mod class;
mod client_record;
mod log;
mod page;
mod plot;

pub use anonymise::{AnonymityWarning, ClientNames};
pub use atlas_sheet::atlas_sheet;
pub use case_study::{CaseStudy, SessionRecord};
pub use class::{ClassReport, ClientSessions};
pub use client_record::client_record;
pub use log::{log_csv, log_pdf, practice_log};

/// How far a report is: `step` of `total` done, and what is being done now.
/// The last call has `step == total`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct Progress {
    pub step: u32,
    pub total: u32,
    pub label: String,
}

/// What the UI gives a report to hear about its progress.
pub type OnProgress<'a> = &'a mut (dyn FnMut(Progress) + Send);

/// Counts steps for an [`OnProgress`] callback, so calls only ever go forward.
pub struct Steps<'a> {
    done: u32,
    total: u32,
    callback: OnProgress<'a>,
}

impl<'a> Steps<'a> {
    /// Starts at 0 of `total`, telling the callback so.
    pub fn start(total: u32, label: &str, callback: OnProgress<'a>) -> Steps<'a> {
        let mut steps = Steps {
            done: 0,
            total,
            callback,
        };
        steps.report(label);
        steps
    }

    /// One more step done; never past the total.
    pub fn next(&mut self, label: &str) {
        self.done = (self.done + 1).min(self.total);
        self.report(label);
    }

    /// The last step.
    pub fn finish(&mut self, label: &str) {
        self.done = self.total;
        self.report(label);
    }

    fn report(&mut self, label: &str) {
        (self.callback)(Progress {
            step: self.done,
            total: self.total,
            label: label.to_owned(),
        });
    }
}

/// What "case-study report" sends: the client, the sessions' date range and
/// the student's reflection.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct CaseStudyForm {
    pub client_id: ClientId,
    /// `YYYY-MM-DD`, or empty for the first session.
    #[serde(default)]
    pub from: String,
    /// `YYYY-MM-DD`, or empty for the last session.
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub reflection: String,
}

/// A checked [`CaseStudyForm`].
#[derive(Debug, Clone, PartialEq)]
pub struct CaseStudyRequest {
    pub client_id: ClientId,
    pub from: IsoDate,
    pub to: IsoDate,
    pub reflection: String,
}

impl TryFrom<CaseStudyForm> for CaseStudyRequest {
    type Error = Invalid;

    fn try_from(form: CaseStudyForm) -> Result<CaseStudyRequest, Invalid> {
        let mut invalid = Invalid::default();
        let bound =
            |raw: &str, open: &str| IsoDate::parse(if raw.trim().is_empty() { open } else { raw });
        let from = invalid.check("from", bound(&form.from, "1900-01-01"));
        let to = invalid.check("to", bound(&form.to, "9999-12-31"));
        if let (Some(from), Some(to)) = (from, to) {
            if from > to {
                invalid.check::<()>(
                    "to",
                    Err(format!("The range ends ({to}) before it starts ({from})")),
                );
            }
        }
        let reflection = form.reflection.replace("\r\n", "\n").trim().to_owned();
        if reflection.chars().count() > 10_000 {
            invalid.check::<()>(
                "reflection",
                Err("The reflection is longer than 10,000 characters".into()),
            );
        }
        invalid.finish(|| {
            Some(CaseStudyRequest {
                client_id: form.client_id,
                from: from?,
                to: to?,
                reflection,
            })
        })
    }
}

/// What "class report" sends: the clients to cover, and whether to make
/// landscape slides rather than portrait pages.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct ClassReportForm {
    pub client_ids: Vec<ClientId>,
    pub slides: bool,
}

/// A report saved: where, and what the student should look at (text that
/// named the client, printed with the client's code instead).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export, export_to = "../ui/src/bindings/")]
pub struct SavedReport {
    pub path: String,
    pub warnings: Vec<AnonymityWarning>,
}
