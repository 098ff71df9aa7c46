//! The case view: wizard, where the patient belongs, time standards, codes
//! and checklist. Everything shown comes from the model's plan.
pub mod answers_print;
pub mod body;
pub mod case_nav;
pub mod checklist;
pub mod checklist_item;
pub mod choice_select;
pub mod clashes;
pub mod codes;
pub mod criteria;
pub mod destination;
pub mod edition;
pub mod fold;
pub mod event_date;
pub mod journal_copy;
pub mod milestone_row;
pub mod question_field;
pub mod screen;
pub mod share;
pub mod shared_screen;
pub mod panel_block;
pub mod summary;
pub mod timeline;
pub mod urgent_banner;
pub mod wizard;

use crate::pathway::{Case, Plan, Step};
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
    /// The wizard's step on screen; the in-page navigation moves it too.
    pub step: RwSignal<Step>,
}

impl CaseCtx {
    /// The context for a case: its plan is derived from it. The wizard
    /// starts at `kept` (where the clinician was in this case), else at the
    /// first open question, else at the furthest step the course has reached.
    pub fn new(
        id: u32,
        case: Memo<Option<Case>>,
        read_only: bool,
        today: chrono::NaiveDate,
        kept: Option<Step>,
    ) -> Self {
        // Whose code each code is follows the department setting (issue 22.5).
        let role = use_context::<crate::state::AppState>().map(|s| s.department_role());
        let plan = Memo::new(move |_| {
            let role = role.map(|r| r.get()).unwrap_or_default();
            case.with(|c| c.as_ref().map(|c| crate::pathway::evaluate_as(c, today, role)))
        });
        let first = kept.unwrap_or_else(|| {
            plan.with_untracked(|p| {
                p.as_ref()
                    .and_then(|p| {
                        let q = &p.questions;
                        q.iter().find(|q| q.open).or_else(|| q.last()).map(|q| q.question.step)
                    })
                    .unwrap_or(Step::Entry)
            })
        });
        CaseCtx { id, case, plan, read_only, step: RwSignal::new(first) }
    }
}
