use super::checklist_item::ChecklistItemRow;
use super::CaseCtx;
use crate::components::keyed::{keyed_list, Keyed};
use crate::i18n::K;
use crate::pathway::Phase;
use leptos::prelude::*;

/// The model's checklist for this patient, grouped by phase.
#[component]
pub fn ChecklistPanel() -> impl IntoView {
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let groups = move || {
        ctx.plan.with(|p| {
            let Some(p) = p else { return vec![] };
            let mut phases: Vec<Phase> = p.checklist.iter().map(|i| i.item.phase).collect();
            phases.dedup();
            phases
                .into_iter()
                .map(|ph| {
                    Keyed::Phase(ph, p.checklist.iter().filter(|i| i.item.phase == ph).map(|i| i.item.id).collect())
                })
                .collect()
        })
    };
    view! {
        <section class="panel checklist" aria-labelledby="checklist-heading" data-testid="checklist">
            <h2 id="checklist-heading">{l.t(K::Checklist)}</h2>
            {keyed_list(Box::new(groups), std::sync::Arc::new(move |group| {
                let Keyed::Phase(phase, ids) = group else { return ().into_any() };
                // "Rækkefølgen er værktøjets læsning" once for the programme, † at its items.
                let read = move || {
                    ctx.plan.with(|p| {
                        p.as_ref().is_some_and(|p| p.checklist.iter().any(|i| i.item.phase == phase && i.order_reading.is_some()))
                    })
                };
                view! {
                    <div class="phase" data-testid=format!("phase-{phase:?}")>
                        <h3>{l.pick(phase.label())}</h3>
                        {move || read().then(|| view! { <p class="hint" data-testid="order-note">{l.t(K::OrderReadingOnce)}</p> })}
                        <ul>
                            {ids.into_iter().map(|id| view! { <ChecklistItemRow item_id=id/> }).collect_view()}
                        </ul>
                    </div>
                }
                .into_any()
            }))}
        </section>
    }
}
