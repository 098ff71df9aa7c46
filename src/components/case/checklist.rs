use super::checklist_item::ChecklistItemRow;
use super::CaseCtx;
use crate::i18n::K;
use crate::pathway::Phase;
use crate::state::AppState;
use leptos::prelude::*;

/// The model's checklist for this patient, grouped by phase.
#[component]
pub fn ChecklistPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = state.lang().get_untracked();
    // A memo: the groups are rebuilt only when the items shown change (a tick
    // changes no group). Cheaper in the wasm than a keyed `<For>` (issue 26).
    let groups = Memo::new(move |_| {
        ctx.plan.with(|p| {
            let Some(p) = p else { return vec![] };
            let mut phases: Vec<Phase> = p.checklist.iter().map(|i| i.item.phase).collect();
            phases.dedup();
            phases
                .into_iter()
                .map(|ph| {
                    (ph, p.checklist.iter().filter(|i| i.item.phase == ph).map(|i| i.item.id).collect::<Vec<_>>())
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel checklist" aria-labelledby="checklist-heading" data-testid="checklist">
            <h2 id="checklist-heading">{l.t(K::Checklist)}</h2>
            {move || groups.get().into_iter().map(|group| view! {
                <div class="phase" data-testid=format!("phase-{:?}", group.0)>
                    <h3>{l.pick((group.0.label_da(), group.0.label_en()))}</h3>
                    <ul>
                        {group.1.iter().map(|id| view! { <ChecklistItemRow item_id=*id/> }).collect_view()}
                    </ul>
                </div>
            }).collect_view()}
        </section>
    }
}
