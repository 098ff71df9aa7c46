use super::body::CaseBody;
use super::edition::EditionNote;
use super::journal_copy::JournalCopy;
use super::share::SharePanel;
use super::CaseCtx;
use crate::components::shell::patient_name::PatientName;
use crate::i18n::{CaseText, CommonText, Words};
use crate::nav::View;
use crate::state::{da_date, AppState, LockState};
use leptos::html;
use leptos::prelude::*;

fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// One patient's case. The plan is derived from the stored case; every
/// change goes through the state root and the plan follows.
#[component]
pub fn CaseScreen(id: u32) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let case = Memo::new(move |_| state.worklist().with(|w| w.get(id).map(|p| p.case.clone())));
    let label = Memo::new(move |_| state.worklist().with(|w| w.get(id).map(|p| p.label.clone())));
    // The patient's label at the top of every printed page (issue 26.6).
    Effect::new(move |_| set_print_head(label.get().as_deref()));
    on_cleanup(|| set_print_head(None));
    let kept = state.wizard_step().get_untracked().filter(|(k, _)| *k == id).map(|(_, s)| s);
    let ctx = CaseCtx::new(id, case, false, state.today(), kept);
    provide_context(ctx);
    let sharing = RwSignal::new(false);
    // Under the lock the link and the QR code (not encrypted) are a deliberate choice: asked first.
    let confirm_share = RwSignal::new(false);
    let share = move |_| {
        if sharing.get_untracked() {
            sharing.set(false);
        } else if state.lock().get_untracked() == LockState::Unlocked {
            confirm_share.set(true);
        } else {
            sharing.set(true);
        }
    };
    let heading = NodeRef::<html::H1>::new();
    crate::components::focus_heading_on_open(heading);
    view! {
        <nav class="crumbs">
            <a href=View::Worklist.hash() data-testid="back">"← "{l.t(CommonText::BackToWorklist)}</a>
        </nav>
        <Show
            when=move || label.with(Option::is_some)
            fallback=move || view! { <p class="banner" data-testid="case-missing">{l.t(CaseText::CaseNotFound)}</p> }
        >
            <article class="case" data-testid="case">
                <div class="case-head">
                    <h1 tabindex="-1" node_ref=heading data-testid="case-title">
                        {move || label.get().map(|label| {
                            // A patient deleted elsewhere whose label went with the deletion (issue 24.4).
                            let label = if label.is_empty() { l.t(crate::i18n::MergeText::UnnamedPatient).to_string() } else { label };
                            view! { <PatientName id label/> }
                        })}
                    </h1>
                    <span class="inline no-print">
                        <button type="button" class="quiet" data-testid="share" aria-expanded=move || sharing.get().to_string() on:click=share>
                            {l.t(CaseText::Share)}
                        </button>
                        <button type="button" class="quiet" data-testid="print" on:click=|_| print_page()>
                            {l.t(CommonText::Print)}
                        </button>
                    </span>
                </div>
                <JournalCopy/>
                {move || confirm_share.get().then(|| view! {
                    <div class="banner banner-warn no-print" role="alert" data-testid="share-confirm">
                        <p>{l.t(CaseText::ShareLockConfirm)}</p>
                        <button type="button" data-testid="share-yes" on:click=move |_| {
                            confirm_share.set(false);
                            sharing.set(true);
                        }>{l.t(CaseText::ShareLockYes)}</button>
                        " "
                        <button type="button" on:click=move |_| confirm_share.set(false)>{l.t(CommonText::ImportCancel)}</button>
                    </div>
                })}
                <Show when=move || sharing.get()>
                    <SharePanel/>
                </Show>
                {move || (state.changed_elsewhere().get() == Some(id)).then(|| view! {
                    <p class="banner banner-info" role="status" data-testid="changed-elsewhere">
                        {l.t(CaseText::ChangedElsewhere)}
                        <button type="button" class="quiet" on:click=move |_| state.dismiss_changed_elsewhere()>"OK"</button>
                    </p>
                })}
                <super::clashes::Clashes id/>
                <p class="print-only" data-testid="printed-on">{l.t(CaseText::PrintedOn)}" "{da_date(state.today())}</p>
                <EditionNote/>
                <CaseBody/>
            </article>
        </Show>
    }
}

/// `@page`'s top-left box names the patient on every printed page: a rule
/// put first in the app's style sheet through the CSSOM (the CSP allows no
/// inline style) while a case is open, and taken out when it closes. Not
/// the document's title, which the browser's history would keep.
fn set_print_head(label: Option<&str>) {
    use js_sys::{Function, Reflect};
    let Ok(sheet) = Reflect::get(&document(), &"styleSheets".into()).and_then(|s| Reflect::get(&s, &0.into())) else {
        return;
    };
    let call = |name: &str, args: &[wasm_bindgen::JsValue]| {
        let f: Function = Reflect::get(&sheet, &name.into()).ok()?.into();
        f.apply(&sheet, &args.iter().collect()).ok()
    };
    let first = Reflect::get(&sheet, &"cssRules".into())
        .and_then(|r| Reflect::get(&r, &0.into()))
        .and_then(|r| Reflect::get(&r, &"cssText".into()))
        .ok()
        .and_then(|t| t.as_string());
    if first.is_some_and(|t| t.contains("top-left")) {
        call("deleteRule", &[0.into()]);
    }
    if let Some(label) = label.filter(|l| !l.is_empty()) {
        let text = label.replace('\\', "\\\\").replace('"', "\\\"");
        let rule = format!("@page {{ @top-left {{ content: \"{text}\"; font-size: 8pt; }} }}");
        call("insertRule", &[rule.into(), 0.into()]);
    }
}
