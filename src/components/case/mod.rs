//! The case view: wizard, where the patient belongs, time standards, codes
//! and checklist. Everything shown comes from the model's plan.
pub mod checklist;
pub mod checklist_item;
pub mod choice_select;
pub mod codes;
pub mod criteria;
pub mod destination;
pub mod edition;
pub mod event_date;
pub mod milestone_row;
pub mod question_field;
pub mod screen;
pub mod timeline;
pub mod wizard;

use crate::pathway::Plan;
use leptos::prelude::*;

/// The open case, provided to the panels of the case view.
#[derive(Clone, Copy)]
pub struct CaseCtx {
    pub id: u32,
    /// The model's plan for the case as it is now; `None` if it is gone.
    pub plan: Memo<Option<Plan>>,
}
