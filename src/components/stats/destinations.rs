use crate::i18n::{StatsText, Words};
use crate::course_times::Stats;
use leptos::prelude::*;
use std::sync::Arc;

/// Where the cases of the period went, as the model says.
#[component]
pub fn Destinations(s: Arc<Stats>) -> impl IntoView {
    let l = crate::components::use_lang();
    let rows = s
        .destinations
        .iter()
        .map(|(d, n)| {
            view! {
                <tr>
                    <th scope="row">{l.pick(d.headline())}</th>
                    <td class="num">{*n}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="stats-destinations-heading">
            <h2 id="stats-destinations-heading">{l.t(StatsText::StatsDestinations)}</h2>
            <p class="stats-note">{l.t(StatsText::StatsDestinationsNote)}</p>
            <table class="stats-table" data-testid="stats-destinations">
                <thead>
                    <tr>
                        <th scope="col">{l.t(StatsText::StatsColDestination)}</th>
                        <th scope="col">{l.t(StatsText::StatsColCases)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{l.t(StatsText::StatsTotal)}</th>
                        <td class="num" data-testid="stats-destinations-total">{s.cases_in_range}</td>
                    </tr>
                </tfoot>
            </table>
        </section>
    }
}
