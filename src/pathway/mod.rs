//! The pathway model: "Pakkeforløb for metastaser uden organspecifik
//! kræfttype" (Sundhedsstyrelsen) in pure Rust.
//!
//! Only `serde` and `chrono` are used here: no UI, browser or storage code
//! (a test checks this). One function, [`evaluate`], takes a [`Case`] and the
//! date of today and returns a [`Plan`]: where the patient belongs and why,
//! the open questions, the checklist, the time standards with due dates and
//! the registration codes — every statement with the section it comes from.
//!
//! Date convention of the time standards: see [`timeline`].

pub mod calendar;
pub mod case;
pub mod checklist;
pub mod checklist_order;
pub mod choice;
pub mod codes;
pub mod criteria;
pub mod date_input;
pub mod destination;
pub mod iso;
pub mod overview;
pub mod plan;
pub mod questions;
pub mod route;
pub mod rules;
pub mod section;
pub mod statement;
pub mod timeline;
pub mod urgent;
pub mod validate;

pub use case::{
    Answers, Case, CaseFormatError, EndReason, Ending, Events, FindingSite, Histology, Lengthening, Sex,
    CASE_SCHEMA_VERSION,
};
pub use checklist::{ChecklistItem, Phase, CHECKLIST};
pub use choice::{Choice, Choosable};
pub use codes::{Code, CodeStatus, CODES};
pub use date_input::{parse_date_input, DateInputError};
pub use destination::{Department, Destination, Pathway, Stage};
pub use plan::{evaluate, Plan};
pub use questions::{answer, set_answer, Answer, AnswerKind, AskedQuestion, QuestionId, Step};
pub use route::{Route, RouteOption, Superseded};
pub use rules::{RuleId, RULES};
pub use section::Section;
pub use statement::Statement;
pub use urgent::UrgentAction;
pub use validate::{EventKey, EventProblem};

use serde::Serialize;

/// Version of the model's rules. Bump whenever a rule, item or code changes,
/// so a stored case shows that it was evaluated under older rules.
pub const MODEL_VERSION: u32 = 4;

/// The guideline edition the model encodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Edition {
    pub title_da: &'static str,
    pub publisher: &'static str,
    /// How the edition is identified; the text itself carries no date or number.
    pub edition_da: &'static str,
}

pub const EDITION: Edition = Edition {
    title_da: "Pakkeforløb for metastaser uden organspecifik kræfttype",
    publisher: "Sundhedsstyrelsen",
    edition_da: "Revideret udgave efter Kræftplan III, forord ved direktør Søren Brostrøm (teksten angiver hverken år eller versionsnummer)",
};

impl Case {
    /// Record the model version and edition this case is evaluated under.
    pub fn stamp(&mut self) {
        self.evaluated_under =
            Some(case::ModelStamp { model_version: MODEL_VERSION, edition: EDITION.edition_da.to_string() });
    }
}
