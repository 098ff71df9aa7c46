use crate::i18n::{Words, WorklistText};
use leptos::html;
use leptos::prelude::*;

/// "Pt 4 er arkiveret …" with an undo. Focus moves to the undo when the
/// notice appears, so a keyboard user is not left on a row that moved.
#[component]
pub fn ArchivedNotice(
    id: u32,
    label: String,
    /// Takes the patient out of the archive again: `(id, false)`.
    on_undo: Callback<(u32, bool)>,
    on_dismiss: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let l = crate::components::use_lang();
    let undo = NodeRef::<html::Button>::new();
    // After this render: the row's own button, which had focus, is gone by then.
    Effect::new(move |_| {
        if let Some(b) = undo.get() {
            set_timeout(
                move || {
                    let _ = b.focus();
                },
                std::time::Duration::ZERO,
            );
        }
    });
    view! {
        <p class="banner banner-info archived-notice" role="status" data-testid="archived-notice">
            <span>{label.clone()}" "{l.t(WorklistText::ArchivedNotice)}</span>
            " "
            <button type="button" node_ref=undo data-testid="archive-undo" on:click=move |_| on_undo.run((id, false))>
                {l.t(WorklistText::Undo)}<span class="visually-hidden">": "{label.clone()}</span>
            </button>
            " "
            <button type="button" class="quiet" data-testid="archive-dismiss" on:click=move |_| on_dismiss()>
                {l.t(WorklistText::Dismiss)}
            </button>
        </p>
    }
}
