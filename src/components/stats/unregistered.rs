use crate::i18n::{StatsText, Words};
use crate::course_times::Stats;
use leptos::prelude::*;
use std::sync::Arc;

/// Codes whose event has a date but that no one has marked registered: in
/// the period by the code's date, and whatever the date.
#[component]
pub fn UnregisteredCodes(s: Arc<Stats>) -> impl IntoView {
    let l = crate::components::use_lang();
    let rows = s
        .unregistered
        .iter()
        .map(|u| {
            view! {
                <tr>
                    <th scope="row" class="code">{u.id}</th>
                    <td class="num" data-testid=format!("stats-unregistered-{}", u.id)>{u.in_range}</td>
                    <td class="num" data-testid=format!("stats-unregistered-{}-all", u.id)>{u.total}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="stats-unregistered-heading">
            <h2 id="stats-unregistered-heading">{l.t(StatsText::StatsUnregistered)}</h2>
            <table class="stats-table" data-testid="stats-unregistered">
                <thead>
                    <tr>
                        <th scope="col">{l.t(StatsText::StatsColCode)}</th>
                        <th scope="col">{l.t(StatsText::StatsColInPeriod)}</th>
                        <th scope="col">{l.t(StatsText::StatsColAllDates)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
