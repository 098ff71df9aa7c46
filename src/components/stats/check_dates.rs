use crate::i18n::{StatsText, Words};
use crate::nav::View;
use crate::course_times::Stats;
use leptos::prelude::*;
use std::sync::Arc;

/// "Kontrollér datoer": the cases counted apart, never silently, each a link
/// to the case where its dates are corrected.
#[component]
pub fn CheckDates(s: Arc<Stats>) -> impl IntoView {
    let l = crate::components::use_lang();
    let n = s.check_dates.len();
    let list = s
        .check_dates
        .iter()
        .map(|c| view! { <li><a href=View::Case(c.id).hash()>{c.label.clone()}</a></li> })
        .collect_view();
    view! {
        <section class="panel stats-check" class:has-problems={n > 0} aria-labelledby="stats-check-heading" data-testid="stats-check-dates">
            <h2 id="stats-check-heading">
                {(n > 0).then(|| view! { <span aria-hidden="true">"⚠ "</span> })}
                {l.t(StatsText::StatsCheckDates)}": "<span data-testid="stats-check-dates-count">{n}</span>
            </h2>
            {if n == 0 {
                view! { <p>{l.t(StatsText::StatsCheckDatesNone)}</p> }.into_any()
            } else {
                view! { <p>{l.t(StatsText::StatsCheckDatesNote)}</p><ul>{list}</ul> }.into_any()
            }}
        </section>
    }
}
