use crate::i18n::{CaseText, CommonText, Message, Words};
use super::body::CaseBody;
use super::CaseCtx;
use crate::nav::View;
use crate::state::AppState;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// A case opened from a share link: read-only, with "Gem som nyt forløb"
/// asking for a label. A damaged link shows why and loads nothing.
#[component]
pub fn SharedScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = crate::components::use_lang();
    let case = Memo::new(move |_| state.shared().with(|s| s.as_ref().and_then(|r| r.as_ref().ok()).cloned()));
    provide_context(CaseCtx::new(0, case, true, state.today(), None));
    let label = RwSignal::new(String::new());
    let error = RwSignal::new(None::<crate::patients::LabelError>);
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(c) = case.get_untracked() else { return };
        match state.add_patient_with_case(&label.get_untracked(), c) {
            Ok(id) => {
                state.close_shared();
                state.go(View::Case(id));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <nav class="crumbs">
            <a href=View::Worklist.hash() data-testid="back">"← "{l.t(CommonText::BackToWorklist)}</a>
        </nav>
        <article class="case" data-testid="shared-case">
            <h1 tabindex="-1" data-testid="case-title">{l.t(CaseText::SharedHeading)}</h1>
            {move || match state.shared().get() {
                None => view! { <p class="banner" data-testid="shared-missing">{l.t(CaseText::SharedMissing)}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="banner banner-error" role="alert" data-testid="shared-error">{e.message(l)}</p> }.into_any(),
                Some(Ok(_)) => view! {
                    <p>{l.t(CaseText::SharedHelp)}</p>
                    <form class="add-patient" on:submit=save>
                        <label for="shared-label">{l.t(CommonText::NewPatient)}</label>
                        <div class="inline">
                            <input id="shared-label" type="text" autocomplete="off" data-testid="shared-label"
                                prop:value=move || label.get() on:input=move |ev| label.set(event_target_value(&ev))/>
                            <button type="submit" class="primary" data-testid="save-shared">{l.t(CaseText::SaveAsNew)}</button>
                        </div>
                        <p class="field-error" role="alert">{move || error.get().map(|e| e.message(l))}</p>
                    </form>
                    <CaseBody/>
                }.into_any(),
            }}
        </article>
    }
}
