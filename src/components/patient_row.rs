use crate::pathway::evaluate;
use crate::state::AppState;
use crate::worklist::Patient;
use leptos::prelude::*;

/// One patient: label and where the model says the patient belongs.
#[component]
pub fn PatientRow(patient: Patient) -> impl IntoView {
    let state = expect_context::<AppState>();
    let plan = evaluate(&patient.case, state.today);
    view! {
        <li class="patient" data-testid="patient-row">
            <span class="label" data-testid="patient-label">{patient.label}</span>
            <span class="destination" data-testid="patient-destination">{plan.route.destination.headline_da()}</span>
        </li>
    }
}
