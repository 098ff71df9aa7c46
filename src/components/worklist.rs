use crate::components::{add_patient::AddPatient, patient_row::PatientRow};
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn WorklistView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let patients = move || state.worklist.with(|w| w.patients.clone());
    let empty = move || state.worklist.with(|w| w.patients.is_empty());
    view! {
        <section class="worklist" aria-labelledby="worklist-heading">
            <h2 id="worklist-heading">"Arbejdsliste"</h2>
            <AddPatient/>
            <Show when=empty>
                <p class="empty" data-testid="worklist-empty">"Ingen patienter endnu."</p>
            </Show>
            <ul data-testid="worklist">
                <For each=patients key=|p| p.id let:patient>
                    <PatientRow patient/>
                </For>
            </ul>
        </section>
    }
}
