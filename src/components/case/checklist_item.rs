use super::CaseCtx;
use crate::i18n::{CaseText, Message, Words};
use crate::pathway::checklist::item_by_id;
use crate::state::{da_date, AppState};
use leptos::prelude::*;

/// One checklist item: tick (stores the date), section and kind, an optional
/// short note, and the Danish source sentence on demand.
#[component]
pub fn ChecklistItemRow(
    /// The checklist item's id in the model (`checklist::item_by_id`); its tick is read from the case's plan.
    item_id: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let Some(item) = item_by_id(item_id) else { return ().into_any() };
    let done = move || {
        ctx.plan.with(|p| {
            p.as_ref().and_then(|p| p.checklist.iter().find(|i| i.item.id == item_id).map(|i| (i.done, i.ticked_on)))
        })
    };
    let note = move || state.worklist().with(|w| w.get(ctx.id).and_then(|p| p.notes.get(item_id).cloned()));
    let note_error = RwSignal::new(None::<crate::patients::NoteError>);
    let tick_id = format!("tick-{item_id}");
    let note_id = format!("note-{item_id}");
    // The plan's wording (a "derefter" with no biopsy before it is dropped) and
    // the tool's reading of the item's place in the order of work, if any.
    let planned = move || {
        ctx.plan.with(|p| {
            p.as_ref().and_then(|p| {
                p.checklist
                    .iter()
                    .find(|i| i.item.id == item_id)
                    .map(|i| (i.item.text, i.order_reading, i.also_asked))
            })
        })
    };
    let text = move || planned().map_or(l.pick(item.text), |(text, _, _)| l.pick(text));
    // Asked twice by the text: shown once, with both sections (issue 26.4).
    let also = move || planned().and_then(|p| p.2);
    let reading = move || planned().and_then(|p| p.1);
    view! {
        <li class="item" class:done=move || done().is_some_and(|d| d.0) data-testid=format!("item-{item_id}")>
            {if item.kind.tickable() {
                view! {
                    <label class="tick" for=tick_id.clone()>
                        <input
                            type="checkbox"
                            id=tick_id.clone()
                            data-testid=tick_id.clone()
                            disabled=ctx.read_only
                            prop:checked=move || done().is_some_and(|d| d.0)
                            on:change=move |ev| state.set_tick(ctx.id, item_id, event_target_checked(&ev))
                        />
                        <span>{text}</span>
                    </label>
                }
                .into_any()
            } else {
                view! { <p class="info"><span aria-hidden="true">"ℹ "</span>{text}</p> }.into_any()
            }}
            <p class="meta">
                <span class="section">{l.pick(item.section.label())}</span>" "
                {move || also().map(|s| view! { <span class="section" data-testid=format!("also-{item_id}")>{l.pick(s.label())}</span>" " })}
                <span class="kind">{l.pick(item.kind.label())}</span>
                {move || done().and_then(|d| d.1).map(|date| format!(" · {} {}", l.t(CaseText::TickedOn), da_date(date)))}
                // A mark; the words once above the programme (issue 26.4).
                {move || reading().map(|_| view! {
                    " "<span class="order-reading" title=l.t(CaseText::OrderReading) data-testid=format!("order-reading-{item_id}")><span aria-hidden="true">"†"</span><span class="visually-hidden">{l.t(CaseText::OrderReading)}</span></span>
                })}
            </p>
            // The note printed in full: the details below do not print.
            {move || note().filter(|n| !n.is_empty()).map(|n| view! { <p class="print-only note-print">{l.t(CaseText::NoteLabel)}": "{n}</p> })}
            <details>
                <summary>{l.t(if item.kind.tickable() { CaseText::SourceAndNote } else { CaseText::SourceText })}</summary>
                <blockquote lang="da">{item.text.da}</blockquote>
                {move || reading().map(|r| view! { <p class="order-why"><strong>{l.t(CaseText::OrderReading)}": "</strong>{l.pick(r)}</p> })}
                {item.kind.tickable().then(|| view! {
                    <label for=note_id.clone()>{l.t(CaseText::NoteLabel)}</label>
                    <input
                        type="text"
                        id=note_id.clone()
                        data-testid=note_id.clone()
                        disabled=ctx.read_only
                        autocomplete="off"
                        // Over the limit by a little: the message says why, nothing is cut silently.
                        maxlength=crate::patients::MAX_NOTE_CHARS + 20
                        prop:value=move || note().unwrap_or_default()
                        on:change=move |ev| note_error.set(state.set_note(ctx.id, item_id, &event_target_value(&ev)).err())
                    />
                    <p class="field-error" role="alert">{move || note_error.get().map(|e| e.message(l))}</p>
                })}
            </details>
        </li>
    }
    .into_any()
}
