use crate::state::AppState;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// Add a patient under a pseudonymous label. A rejected label stays in the
/// field with the reason beside it.
#[component]
pub fn AddPatient() -> impl IntoView {
    let state = expect_context::<AppState>();
    let label = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match state.add_patient(&label.get_untracked()) {
            Ok(_) => {
                label.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e.message_da())),
        }
    };
    view! {
        <form class="add-patient" on:submit=submit>
            <label for="new-label">"Ny patient (pseudonym betegnelse)"</label>
            <input
                id="new-label"
                type="text"
                autocomplete="off"
                data-testid="add-patient-input"
                prop:value=move || label.get()
                on:input=move |ev| label.set(event_target_value(&ev))
            />
            <button type="submit" data-testid="add-patient-button">"Tilføj"</button>
            {move || error.get().map(|m| view! { <p class="field-error" role="alert" data-testid="add-patient-error">{m}</p> })}
        </form>
    }
}
