use crate::i18n::{CommonText, Words, WorklistText};
use leptos::prelude::*;

/// Archive, or take out of the archive and delete (issue 24.4): in the row's
/// details (issue 26.3).
#[component]
pub fn RowActions(
    /// The patient.
    id: u32,
    /// The patient is archived: "Tag ud af arkivet" and the deletion.
    archived: bool,
    /// The patient's label, for the buttons' accessible names.
    label: String,
    /// Archive (or take out of the archive) this patient's row.
    on_archive: Callback<(u32, bool)>,
) -> impl IntoView {
    let l = crate::components::use_lang();
    // An archived patient can be deleted, after a confirmation (issue 24.4:
    // a deletion record travels to the other tabs and copies by the merge).
    let confirming = RwSignal::new(false);
    let state = expect_context::<crate::state::AppState>();
    let delete_label = label.clone();
    let archive_label = label;
    view! {
                <button
                    type="button"
                    class="quiet small"
                    data-testid="close-case"
                    on:click=move |ev| {
                        // The second click of a double click would land on the
                        // row that moved up under the pointer: it is ignored.
                        if ev.detail() > 1 {
                            return;
                        }
                        on_archive.run((id, !archived));
                    }
                >
                    {l.t(if archived { WorklistText::Unarchive } else { WorklistText::Archive })}
                    <span class="visually-hidden">" "{archive_label}</span>
                </button>
                {archived.then(|| view! {
                    " "
                    <Show
                        when=move || confirming.get()
                        fallback=move || view! {
                            <button type="button" class="quiet small" data-testid="delete-patient-ask" on:click=move |_| confirming.set(true)>
                                {l.t(WorklistText::DeletePatientAsk)}<span class="visually-hidden">" "{delete_label.clone()}</span>
                            </button>
                        }
                    >
                        <span role="alert" data-testid="delete-patient-confirm">
                            {l.t(WorklistText::DeletePatientConfirm)}" "
                            <button type="button" class="danger" data-testid="delete-patient-yes" on:click=move |_| {
                                state.delete_patient(id);
                            }>{l.t(WorklistText::DeletePatientYes)}</button>
                            " "
                            <button type="button" data-testid="delete-patient-no" on:click=move |_| confirming.set(false)>{l.t(CommonText::ImportCancel)}</button>
                        </span>
                    </Show>
                })}
    }
}
