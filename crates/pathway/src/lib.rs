//! The pathway model: "Pakkeforløb for metastaser uden organspecifik
//! kræfttype" (Sundhedsstyrelsen) in pure Rust.
//!
//! Only `serde`, `serde_json` and `chrono` are used here: no UI, browser or
//! storage code (its own crate, so Cargo keeps it so). One function, [`evaluate`], takes a [`Case`] and the
//! date of today and returns a [`Plan`]: where the patient belongs and why,
//! the open questions, the checklist, the time standards with due dates and
//! the registration codes — every statement with the section it comes from.
//!
//! Date convention of the time standards: see [`timeline`]. The files
//! import each other one way, never in a circle (crates/pathway/tests/model/modules.rs).

// No unwrap or expect where user data can reach: failures are values.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod asked;
pub mod calendar;
pub mod case;
pub mod checklist;
pub mod checklist_order;
pub mod choice;
pub mod codes;
pub mod criteria;
pub mod date_input;
pub mod destination;
pub mod edition;
pub mod holds;
pub mod iso;
pub mod overview;
pub mod plan;
pub mod questions;
pub mod registration;
pub mod route;
pub mod rules;
pub mod section;
/// One sort for the model and the app (its comparator compiled once).
pub mod sort;
pub mod stage;
pub mod statement;
pub mod text;
pub mod timeline;
pub mod urgent;
pub mod validate;
pub mod weigh;

pub use asked::AskedQuestion;
pub use text::{Bilingual, Text};
pub use case::{
    Answers, Case, CaseFormatError, EndReason, Ending, Events, FindingSite, Histology, Lengthening, ReferralKind, Sex,
    CASE_SCHEMA_VERSION,
};
pub use checklist::{ChecklistItem, Phase, CHECKLIST};
pub use choice::{Choice, Choosable};
pub use codes::{Code, CodeStatus, DepartmentRole, Registrar, CODES};
pub use date_input::{parse_date_input, DateInputError};
pub use destination::{Department, Destination, Pathway};
pub use edition::{Edition, EDITION, MODEL_VERSION};
pub use plan::{evaluate, evaluate_as, ChecklistSections, Plan};
pub use questions::{answer, set_answer, Answer, AnswerKind, QuestionId, Step};
pub use route::{Route, RouteOption, Superseded};
pub use rules::{RuleId, RULES};
pub use section::Section;
pub use stage::Stage;
pub use statement::Statement;
pub use urgent::UrgentAction;
pub use validate::{EventKey, EventProblem};
