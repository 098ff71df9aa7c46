use crate::i18n::{CommonText, Message, Words, WorklistText, WorklistWords};
use crate::nav::View;
use crate::state::AppState;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// Add a patient under a pseudonymous label and open the new case. A
/// rejected label stays in the field with the reason beside it.
#[component]
pub fn AddPatient() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let label = RwSignal::new(String::new());
    let error = RwSignal::new(None::<crate::patients::LabelError>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match state.add_patient(&label.get_untracked()) {
            Ok(id) => {
                label.set(String::new());
                error.set(None);
                state.go(View::Case(id));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="add-patient no-print" on:submit=submit>
            <label for="new-label">{l.t(CommonText::NewPatient)}</label>
            <div class="inline">
                <input
                    id="new-label"
                    type="text"
                    autocomplete="off"
                    data-testid="add-patient-input"
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    aria-describedby="new-label-hint new-label-error"
                    prop:value=move || label.get()
                    on:input=move |ev| label.set(event_target_value(&ev))
                />
                <button type="submit" class="primary" data-testid="add-patient-button">
                    {l.t(WorklistText::Add)}
                </button>
            </div>
            // The limit the check applies, said before it is met; a longer
            // label is refused with the same number, never cut silently.
            <p id="new-label-hint" class="hint" data-testid="add-patient-hint">{l.label_hint()}</p>
            <p id="new-label-error" class="field-error" role="alert" data-testid="add-patient-error">
                {move || error.get().map(|e| e.message(l))}
            </p>
        </form>
    }
}
