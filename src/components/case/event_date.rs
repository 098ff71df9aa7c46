use super::CaseCtx;
use crate::i18n::K;
use crate::nav::{iso_date, parse_iso_date};
use crate::pathway::Events;
use crate::state::{da_date, AppState};
use chrono::NaiveDate;
use leptos::prelude::*;

/// One dated event of the course: a date input, "I dag" and "Ryd".
#[component]
pub fn EventDate(
    /// The event's label.
    label: K,
    /// A stable name for ids and tests.
    name: &'static str,
    get: fn(&Events) -> Option<NaiveDate>,
    set: fn(&mut Events, Option<NaiveDate>),
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = state.lang.get_untracked();
    let value = Memo::new(move |_| ctx.case.with(|c| c.as_ref().and_then(|c| get(&c.events))));
    let error = RwSignal::new(false);
    let write = move |d: Option<NaiveDate>| {
        error.set(false);
        state.update_case(ctx.id, |c| set(&mut c.events, d));
    };
    let id = format!("event-{name}");
    view! {
        <div class="event" data-testid=id.clone()>
            <label for=id.clone()>{l.t(label)}</label>
            <span class="inline">
                <input
                    type="date"
                    id=id.clone()
                    data-testid=format!("{id}-input")
                    disabled=ctx.read_only
                    prop:value=move || value.get().map(iso_date).unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        match (v.is_empty(), parse_iso_date(&v)) {
                            (true, _) => write(None),
                            (false, Some(d)) => write(Some(d)),
                            (false, None) => error.set(true),
                        }
                    }
                />
                <button type="button" class="quiet" data-testid=format!("{id}-today") disabled=ctx.read_only on:click=move |_| write(Some(state.today))>
                    {l.t(K::Today)}
                </button>
                <button
                    type="button"
                    class="quiet"
                    data-testid=format!("{id}-clear")
                    disabled=move || ctx.read_only || value.get().is_none()
                    on:click=move |_| write(None)
                >
                    {l.t(K::Clear)}
                </button>
                <span class="date-read">{move || value.get().map(da_date)}</span>
            </span>
            <p class="field-error" role="alert">{move || error.get().then(|| l.t(K::InvalidDate))}</p>
        </div>
    }
}
