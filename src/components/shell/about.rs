use crate::components::shell::department_role_select::DepartmentRoleSelect;
use crate::components::shell::lock_panel::LockPanel;
use crate::i18n::{CommonText, LockText, Words};
use crate::nav::View;
use crate::state::{AppState, LockState};
use leptos::prelude::*;

/// "Om": what is stored, where, that it never leaves the device; and
/// "Slet alle data" behind a confirmation.
#[component]
pub fn AboutScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = crate::components::use_lang();
    let confirming = RwSignal::new(false);
    let deleted = RwSignal::new(false);
    let count = move || state.worklist().with(|w| w.patients.len());
    view! {
        <nav class="crumbs">
            <a href=View::Worklist.hash() data-testid="back">"← "{l.t(CommonText::BackToWorklist)}</a>
        </nav>
        <article class="panel about" data-testid="about">
            <h1>{l.t(CommonText::About)}</h1>
            <p>{l.t(LockText::AboutText1)}</p>
            <p>{l.t(LockText::AboutText2)}</p>
            <p>{l.t(LockText::AboutText3)}</p>
            <p>{l.t(LockText::AboutText4)}</p>
        </article>
        <DepartmentRoleSelect/>
        <LockPanel/>
        <article class="panel about">
            <h2>{l.t(LockText::DeleteAll)}</h2>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" data-testid="delete-all" on:click=move |_| { confirming.set(true); deleted.set(false); }>
                        {l.t(LockText::DeleteAll)}
                        // Locked, the cases are not in memory: no count rather than a wrong one.
                        {move || (state.lock().get() != LockState::Locked).then(|| format!(" ({})", count()))}
                    </button>
                }
            >
                <div class="banner banner-error" role="alert" data-testid="delete-confirm">
                    <p>{l.t(LockText::DeleteAllConfirm)}</p>
                    <div class="inline">
                        <button type="button" class="danger" data-testid="delete-all-yes" on:click=move |_| {
                            if state.delete_all() {
                                deleted.set(true);
                            }
                            confirming.set(false);
                        }>{l.t(LockText::DeleteAllYes)}</button>
                        <button type="button" data-testid="delete-all-cancel" on:click=move |_| confirming.set(false)>
                            {l.t(CommonText::ImportCancel)}
                        </button>
                    </div>
                </div>
            </Show>
            <p role="status" data-testid="deleted">{move || deleted.get().then(|| l.t(LockText::Deleted))}</p>
        </article>
    }
}
