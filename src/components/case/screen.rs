use super::body::CaseBody;
use super::edition::EditionNote;
use super::journal_copy::JournalCopy;
use super::share::SharePanel;
use super::CaseCtx;
use crate::i18n::K;
use crate::nav::View;
use crate::state::{da_date, AppState};
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
    let l = state.lang().get_untracked();
    let case = Memo::new(move |_| state.worklist().with(|w| w.get(id).map(|p| p.case.clone())));
    let label = Memo::new(move |_| state.worklist().with(|w| w.get(id).map(|p| p.label.clone())));
    let kept = state.wizard_step().get_untracked().filter(|(k, _)| *k == id).map(|(_, s)| s);
    let ctx = CaseCtx::new(id, case, false, state.today(), kept);
    provide_context(ctx);
    let sharing = RwSignal::new(false);
    let heading = NodeRef::<html::H1>::new();
    crate::components::focus_heading_on_open(heading);
    view! {
        <nav class="crumbs">
            <a href=View::Worklist.hash() data-testid="back">"← "{l.t(K::BackToWorklist)}</a>
        </nav>
        <Show
            when=move || label.with(Option::is_some)
            fallback=move || view! { <p class="banner" data-testid="case-missing">{l.t(K::CaseNotFound)}</p> }
        >
            <article class="case" data-testid="case">
                <div class="case-head">
                    <h1 tabindex="-1" node_ref=heading data-testid="case-title">{move || label.get().unwrap_or_default()}</h1>
                    <span class="inline no-print">
                        <button type="button" class="quiet" data-testid="share" aria-expanded=move || sharing.get().to_string() on:click=move |_| sharing.update(|s| *s = !*s)>
                            {l.t(K::Share)}
                        </button>
                        <button type="button" class="quiet" data-testid="print" on:click=|_| print_page()>
                            {l.t(K::Print)}
                        </button>
                    </span>
                </div>
                <JournalCopy/>
                <Show when=move || sharing.get()>
                    <SharePanel/>
                </Show>
                {move || (state.changed_elsewhere().get() == Some(id)).then(|| view! {
                    <p class="banner banner-info" role="status" data-testid="changed-elsewhere">
                        {l.t(K::ChangedElsewhere)}
                        <button type="button" class="quiet" on:click=move |_| state.dismiss_changed_elsewhere()>"OK"</button>
                    </p>
                })}
                <p class="print-only" data-testid="printed-on">{l.t(K::PrintedOn)}" "{da_date(state.today())}</p>
                <EditionNote/>
                <CaseBody/>
            </article>
        </Show>
    }
}
