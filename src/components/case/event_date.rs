use super::CaseCtx;
use crate::i18n::{CaseText, CommonText, Lang, Words};
use crate::pathway::Text;
use crate::nav::iso_date;
use crate::pathway::calendar;
use crate::pathway::{parse_date_input, DateInputError, EventKey};
use crate::state::{da_date, AppState};
use chrono::{Datelike, NaiveDate};
use leptos::html::Input;
use leptos::prelude::*;

fn weekday(l: Lang, d: NaiveDate) -> &'static str {
    l.pick(calendar::weekday(d.weekday()))
}

/// Why a typed date was refused, and that the stored date stands.
fn refusal(l: Lang, e: DateInputError, kept: Option<NaiveDate>) -> String {
    let why = match e {
        DateInputError::NoSuchDate => l.t(CaseText::DateNoSuchDay),
        DateInputError::OutOfRange => l.t(CaseText::DateOutOfRange),
        DateInputError::Unreadable | DateInputError::Empty => l.t(CommonText::DateUnreadable),
    };
    match kept {
        Some(d) => format!("{why} {} {} {}.", l.t(CaseText::DateKept), weekday(l, d), da_date(d)),
        None => format!("{why} {}", l.t(CaseText::DateNoneKept)),
    }
}

/// One dated event of the course: a text field read the Danish way
/// (`parse_date_input`; any browser language), a calendar picker beside it,
/// "I dag" and "Ryd", the weekday, and the model's problems about this event.
/// A typed date that cannot be read changes nothing and says why.
#[component]
pub fn EventDate(
    /// The event's label.
    #[prop(into)]
    label: Text,
    /// A stable name for ids and tests.
    name: &'static str,
    /// The event: its date in the case, and the model's problems about it shown at the field.
    event: EventKey,
    /// Where the event has no date yet, a date given goes here instead (the
    /// ending: its reason chosen, its date asked, issue 26.5).
    #[prop(optional)]
    first: Option<Callback<NaiveDate>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let value = Memo::new(move |_| ctx.case.with(|c| c.as_ref().and_then(|c| event.date(&c.events))));
    let error = RwSignal::new(None::<DateInputError>);
    let input = NodeRef::<Input>::new();
    let write = move |d: Option<NaiveDate>| {
        // A change event after the field is gone (Enter recorded the date and the
        // field went with the urgent banner) has nothing left to do.
        let Some(stored) = value.try_get_untracked() else { return };
        error.set(None);
        // Show the date as it is stored, also when it did not change (26.11.26 → 26.11.2026).
        if let Some(i) = input.get_untracked() {
            i.set_value(&d.map(da_date).unwrap_or_default());
        }
        match (stored, d, first) {
            (None, Some(d), Some(first)) => first.run(d),
            _ if stored != d => state.set_event_date(ctx.id, event, d),
            _ => {}
        }
    };
    // An empty field clears the date; anything unreadable keeps it and the typed text.
    let commit = move |text: String| match parse_date_input(&text) {
        Ok(d) => write(Some(d)),
        Err(DateInputError::Empty) => write(None),
        Err(e) => {
            error.try_set(Some(e));
        }
    };
    let problems = move || {
        ctx.plan.with(|p| {
            p.as_ref().map(|p| p.problems_at(event).into_iter().cloned().collect::<Vec<_>>()).unwrap_or_default()
        })
    };
    let id = format!("event-{name}");
    let error_id = format!("{id}-error");
    let problems_id = format!("{id}-problems");
    let described_by = {
        let (e, p) = (error_id.clone(), problems_id.clone());
        move || if problems().is_empty() { e.clone() } else { format!("{e} {p}") }
    };
    view! {
        <div class="event" data-testid=id.clone()>
            <label for=id.clone()>{l.pick(label)}</label>
            <span class="inline">
                <input
                    type="text"
                    class="date-text"
                    node_ref=input
                    id=id.clone()
                    data-testid=format!("{id}-input")
                    inputmode="numeric"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=l.t(CommonText::DatePlaceholder)
                    disabled=ctx.read_only
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby=described_by
                    prop:value=move || value.get().map(da_date).unwrap_or_default()
                    on:change=move |ev| commit(event_target_value(&ev))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            commit(event_target_value(&ev));
                        }
                    }
                />
                <input
                    type="date"
                    class="date-picker"
                    data-testid=format!("{id}-picker")
                    aria-label=format!("{} ({})", l.t(CaseText::DatePick), l.pick(label))
                    disabled=ctx.read_only
                    prop:value=move || value.get().map(iso_date).unwrap_or_default()
                    on:change=move |ev| {
                        // The picker writes ISO; a half-filled picker writes nothing and changes nothing.
                        let v = event_target_value(&ev);
                        if !v.is_empty() {
                            commit(v);
                        }
                    }
                />
                <button type="button" class="quiet" data-testid=format!("{id}-today") disabled=ctx.read_only on:click=move |_| write(Some(state.today()))>
                    {l.t(CaseText::Today)}
                </button>
                <button
                    type="button"
                    class="quiet"
                    data-testid=format!("{id}-clear")
                    disabled=move || ctx.read_only || value.get().is_none()
                    on:click=move |_| write(None)
                >
                    {l.t(CaseText::Clear)}
                </button>
                <span class="date-read" data-testid=format!("{id}-weekday")>{move || value.get().map(|d| weekday(l, d))}</span>
            </span>
            <p class="field-error" role="alert" id=error_id data-testid=format!("{id}-error")>
                {move || error.get().map(|e| refusal(l, e, value.get()))}
            </p>
            {move || {
                let ps = problems();
                (!ps.is_empty()).then(|| view! {
                    <ul class="field-problems" id=problems_id.clone() data-testid=problems_id.clone()>
                        {ps
                            .into_iter()
                            .map(|s| view! {
                                <li>
                                    <span aria-hidden="true">"⚠ "</span>
                                    <span class="section">{s.section.as_str()}</span>" "{l.pick(s.text)}
                                </li>
                            })
                            .collect_view()}
                    </ul>
                })
            }}
        </div>
    }
}
