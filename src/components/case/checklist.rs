use super::checklist_item::ChecklistItemRow;
use super::fold::Fold;
use super::CaseCtx;
use crate::components::keyed::{keyed_list, Keyed};
use crate::i18n::{CaseText, Lang, Words};
use crate::pathway::plan::PhaseGroup;
use crate::pathway::ChecklistSections;
use leptos::prelude::*;

/// The model's checklist for this patient (issue 26.4): the open items of
/// the current step first, under their phases; the later steps' items and
/// the items done one click away (both print).
#[component]
pub fn ChecklistPanel() -> impl IntoView {
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    // The items done when the page opened: an item ticked since stays in
    // its place, also when the case moves on a step (Plan::checklist_sections;
    // a walk-through found ticked items vanishing into »Udført« at a new date).
    let settled = Memo::new(move |prev: Option<&Option<Vec<&'static str>>>| match prev {
        Some(Some(ids)) => Some(ids.clone()),
        _ => ctx.plan.with(|p| p.as_ref().map(|p| p.done_items())),
    });
    let sections = Memo::new(move |_| {
        let settled = settled.get().unwrap_or_default();
        ctx.plan.with(|p| p.as_ref().map(|p| p.checklist_sections(&settled)).unwrap_or_default())
    });
    let groups = move |pick: fn(&ChecklistSections) -> &Vec<PhaseGroup>| {
        Box::new(move || {
            sections.with(|s| pick(s).iter().map(|(ph, ids)| Keyed::Phase(*ph, ids.clone())).collect::<Vec<_>>())
        }) as Box<dyn Fn() -> Vec<Keyed> + Send + Sync>
    };
    let later_count = move || sections.with(|s| s.later.iter().map(|g| g.1.len()).sum::<usize>());
    let done_count = move || sections.with(|s| s.done.len());
    let later_names =
        move || sections.with(|s| s.later.iter().map(|g| l.pick(g.0.label())).collect::<Vec<_>>().join(", "));
    let later_open = RwSignal::new(false);
    let done_open = RwSignal::new(false);
    view! {
        <section class="panel checklist" aria-labelledby="checklist-heading" data-testid="checklist">
            <h2 id="checklist-heading">{l.t(CaseText::Checklist)}</h2>
            {keyed_list(groups(|s| &s.open), std::sync::Arc::new(move |g| phase_group(ctx, l, g)))}
            {move || (later_count() > 0).then(|| view! {
                <Fold open=later_open testid="checklist-later" label=move || format!("{}: {} ({})", l.t(CaseText::ChecklistLater), later_names(), later_count())>
                    {keyed_list(groups(|s| &s.later), std::sync::Arc::new(move |g| phase_group(ctx, l, g)))}
                </Fold>
            })}
            {move || (done_count() > 0).then(|| view! {
                <Fold open=done_open testid="checklist-done" label=move || format!("{} ({})", l.t(CaseText::ChecklistDone), done_count())>
                    <ul>
                        {move || sections.with(|s| s.done.clone()).into_iter().map(|id| view! { <ChecklistItemRow item_id=id/> }).collect_view()}
                    </ul>
                </Fold>
            })}
        </section>
    }
}

/// One phase's heading, the order note once for it, and its items.
fn phase_group(ctx: CaseCtx, l: Lang, group: Keyed) -> AnyView {
    let Keyed::Phase(phase, ids) = group else { return ().into_any() };
    // "Rækkefølgen er værktøjets læsning" once for the programme, † at its items.
    let read = move || {
        ctx.plan.with(|p| {
            p.as_ref().is_some_and(|p| p.checklist.iter().any(|i| i.item.phase == phase && i.order_reading.is_some()))
        })
    };
    // A step the case has passed, with an item still to tick (an ℹ note has no tick).
    let earlier = move || {
        ctx.plan.with(|p| {
            p.as_ref().is_some_and(|p| {
                phase.stage() < p.stage
                    && p.checklist.iter().any(|i| i.item.phase == phase && !i.done && i.item.kind.tickable())
            })
        })
    };
    view! {
        <div class="phase" data-testid=format!("phase-{}", phase.name())>
            <h3>{l.pick(phase.label())}</h3>
            // Still open from a step the case has passed: the items most easily forgotten.
            {move || earlier().then(|| view! { <p class="hint earlier" data-testid="still-open">{l.t(CaseText::ChecklistStillOpen)}</p> })}
            {move || read().then(|| view! { <p class="hint" data-testid="order-note">{l.t(CaseText::OrderReadingOnce)}</p> })}
            <ul>
                {ids.into_iter().map(|id| view! { <ChecklistItemRow item_id=id/> }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}
