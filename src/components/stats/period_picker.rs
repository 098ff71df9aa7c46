use super::{period_text, StatsCtx};
use crate::i18n::{CommonText, StatsText, Words};
use crate::pathway::date_input::parse_date_input;
use crate::state::da_date;
use crate::state::AppState;
use crate::course_times::{Quarter, Range};
use chrono::Datelike;
use leptos::prelude::*;

/// The period the figures cover, by the date each period ended: the last 12
/// months (the default), a year, a quarter, or any two dates; the choice is
/// always shown in words (and printed).
#[component]
pub fn PeriodPicker() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<StatsCtx>();
    let l = crate::components::use_lang();
    let today = state.today();
    let range = ctx.range;
    let mut presets: Vec<(String, String, Range)> =
        vec![("last12".into(), l.t(StatsText::StatsLast12).into(), Range::last_12_months(today))];
    for y in [today.year(), today.year() - 1] {
        if let Some(r) = Range::year(y) {
            presets.push((format!("year-{y}"), y.to_string(), r));
        }
    }
    let mut q = Quarter::of(today);
    for _ in 0..5 {
        if let Some(r) = q.range() {
            presets.push((format!("q-{}-{}", q.year, q.number), q.label(l), r));
        }
        q = q.prev();
    }
    let presets = StoredValue::new(presets);
    let chosen = move || {
        let r = range.get();
        presets.with_value(|p| p.iter().find(|(_, _, pr)| *pr == r).map(|(k, label, _)| (k.clone(), label.clone())))
    };
    let invalid = RwSignal::new(false);
    let pick = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        if let Some(r) = presets.with_value(|p| p.iter().find(|(k, _, _)| *k == key).map(|(_, _, r)| *r)) {
            invalid.set(false);
            range.set(r);
        }
    };
    // Typed the Danish way in any browser language (issue 15): an input that
    // cannot be read says so and changes nothing.
    let unreadable = RwSignal::new(false);
    let set_end = move |from_end: bool, value: String| {
        let Ok(d) = parse_date_input(&value) else {
            unreadable.set(true);
            return;
        };
        unreadable.set(false);
        let r = range.get_untracked();
        let new = if from_end { Range::new(d, r.to) } else { Range::new(r.from, d) };
        match new {
            Some(r) => {
                invalid.set(false);
                range.set(r);
            }
            None => invalid.set(true),
        }
    };
    view! {
        <div class="period-picker no-print">
            <div>
                <label for="stats-preset">{l.t(StatsText::StatsChoosePeriod)}</label>
                <select id="stats-preset" data-testid="stats-preset" on:change=pick>
                    {presets.with_value(|p| p.iter().map(|(key, label, _)| {
                        let key = key.clone();
                        let k = key.clone();
                        view! {
                            <option value=key prop:selected=move || chosen().is_some_and(|(c, _)| c == k)>{label.clone()}</option>
                        }
                    }).collect_view())}
                    <option value="custom" disabled=true prop:selected=move || chosen().is_none()>{l.t(StatsText::StatsCustom)}</option>
                </select>
            </div>
            <div>
                <label for="stats-from">{l.t(StatsText::StatsFrom)}</label>
                <input id="stats-from" type="text" inputmode="numeric" autocomplete="off" data-testid="stats-from"
                    placeholder=l.t(CommonText::DatePlaceholder) size="10"
                    prop:value=move || da_date(range.get().from)
                    on:change=move |ev| set_end(true, event_target_value(&ev))/>
            </div>
            <div>
                <label for="stats-to">{l.t(StatsText::StatsTo)}</label>
                <input id="stats-to" type="text" inputmode="numeric" autocomplete="off" data-testid="stats-to"
                    placeholder=l.t(CommonText::DatePlaceholder) size="10"
                    prop:value=move || da_date(range.get().to)
                    on:change=move |ev| set_end(false, event_target_value(&ev))/>
            </div>
        </div>
        <p class="field-error" role="alert" data-testid="stats-period-invalid">
            {move || invalid.get().then(|| l.t(StatsText::StatsPeriodInvalid))}
            {move || unreadable.get().then(|| l.t(CommonText::DateUnreadable))}
        </p>
        <p class="period-shown" data-testid="stats-period">
            <strong>{l.t(StatsText::StatsPeriod)}": "</strong>
            {move || period_text(range.get(), l)}
            {move || format!(" ({})", chosen().map_or_else(|| l.t(StatsText::StatsCustom).to_string(), |(_, label)| label))}
            " · "{l.t(StatsText::StatsCasesInPeriod)}": "
            <span data-testid="stats-cases-in-period">{move || ctx.stats.with(|s| s.cases_in_range)}</span>
        </p>
    }
}
