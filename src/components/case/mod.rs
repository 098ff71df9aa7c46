//! The case view: wizard, where the patient belongs, time standards, codes
//! and checklist. Everything shown comes from the model's plan.
pub mod body;
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
pub mod share;
pub mod shared_screen;
pub mod timeline;
pub mod urgent_banner;
pub mod wizard;

use crate::pathway::{Case, Plan};
use leptos::prelude::*;

/// The open case, provided to the panels of the case view.
#[derive(Clone, Copy)]
pub struct CaseCtx {
    /// The patient's local number; 0 for a shared case not saved here.
    pub id: u32,
    /// The case as it is now; `None` if it is gone.
    pub case: Memo<Option<Case>>,
    /// The model's plan for the case as it is now.
    pub plan: Memo<Option<Plan>>,
    /// A shared case is shown read-only until it is saved as a new case.
    pub read_only: bool,
}

impl CaseCtx {
    /// The context for a case: its plan is derived from it.
    pub fn new(id: u32, case: Memo<Option<Case>>, read_only: bool, today: chrono::NaiveDate) -> Self {
        let plan = Memo::new(move |_| case.with(|c| c.as_ref().map(|c| crate::pathway::evaluate(c, today))));
        CaseCtx { id, case, plan, read_only }
    }
}
