use crate::i18n::{CommonText, Words};
use crate::state::{AppState, LockState};
use leptos::prelude::*;

/// A patient's label as typed, isolated in `<bdi>` (a direction mark cannot
/// disguise it). Under the lock a printout names the case by its number
/// instead, as the calendar file does: paper is not encrypted (issue 23, point 7).
#[component]
pub fn PatientName(
    /// The patient's number in this worklist (printed under the lock).
    id: u32,
    /// The label the clinician typed.
    label: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = crate::components::use_lang();
    let locked = move || state.lock().get() != LockState::Off;
    view! {
        <bdi class:no-print=locked>{label}</bdi>
        {move || locked().then(|| view! {
            <span class="print-inline" data-testid="printed-name">{l.t(CommonText::CaseNumber)}" "{id}</span>
        })}
    }
}
