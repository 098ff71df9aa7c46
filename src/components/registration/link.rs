use crate::i18n::{Words, WorklistText, WorklistWords};
use crate::nav::View;
use crate::state::AppState;
use leptos::prelude::*;

/// From the worklist to the registration queue, with its count
/// ("3 koder til registrering"): the codes the worklist rows mark as dated
/// and not registered, this department's only (the same as the queue's).
#[component]
pub fn RegistrationLink(count: Signal<usize>) -> impl IntoView {
    let l = expect_context::<AppState>().lang().get_untracked();
    view! {
        <p class="stats-link no-print">
            <a href=View::Registration.hash() data-testid="registration-link" class:due=move || { count.get() > 0 }>
                {l.t(WorklistText::RegQueueTitle)}": "<span data-testid="registration-count">{move || l.codes_to_register(count.get())}</span>
            </a>
        </p>
    }
}
