use super::checklist::ChecklistPanel;
use super::codes::CodeTable;
use super::criteria::CriteriaPanel;
use super::destination::DestinationPanel;
use super::edition::EditionNote;
use super::timeline::TimelinePanel;
use super::wizard::Wizard;
use super::CaseCtx;
use crate::i18n::K;
use crate::nav::View;
use crate::pathway::evaluate;
use crate::state::AppState;
use leptos::html;
use leptos::prelude::*;

/// One patient's case. The plan is derived from the stored case; every
/// change goes through the state root and the plan follows.
#[component]
pub fn CaseScreen(id: u32) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let plan = Memo::new(move |_| state.worklist.with(|w| w.get(id).map(|p| evaluate(&p.case, state.today))));
    let label = Memo::new(move |_| state.worklist.with(|w| w.get(id).map(|p| p.label.clone())));
    provide_context(CaseCtx { id, plan });
    let heading = NodeRef::<html::H1>::new();
    // Opening a case moves focus to its heading.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    view! {
        <nav class="crumbs">
            <a href=View::Worklist.hash() data-testid="back">"← "{move || lang.get().t(K::BackToWorklist)}</a>
        </nav>
        <Show
            when=move || label.with(Option::is_some)
            fallback=move || view! { <p class="banner" data-testid="case-missing">{move || lang.get().t(K::CaseNotFound)}</p> }
        >
            <article class="case" data-testid="case">
                <h1 tabindex="-1" node_ref=heading data-testid="case-title">{move || label.get().unwrap_or_default()}</h1>
                <EditionNote/>
                <div class="case-grid">
                    <Wizard/>
                    <div class="plan-col">
                        <DestinationPanel/>
                        <CriteriaPanel/>
                    </div>
                </div>
                <TimelinePanel/>
                <CodeTable/>
                <ChecklistPanel/>
            </article>
        </Show>
    }
}
