use super::measure_name;
use crate::i18n::{StatsText, Words};
use crate::course_times::{Measure, Stats};
use leptos::prelude::*;
use std::sync::Arc;

/// One measure quarter by quarter, so a trend is visible; a quarter the
/// chosen period covers only in part is marked so.
#[component]
pub fn QuarterTable(m: Measure, s: Arc<Stats>) -> impl IntoView {
    let l = crate::components::use_lang();
    let rows = s
        .quarters
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let f = &q.measures[m.index()];
            let id = |col: &str| format!("stats-q-{}-{i}-{col}", m.key());
            let partial = q.partial.then(|| format!(" ({})", l.t(StatsText::StatsPartial)));
            view! {
                <tr>
                    <th scope="row" data-testid=id("quarter")>{q.quarter.label(l)}{partial}</th>
                    {super::figures_cells(f, l, &id)}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="group" aria-label=format!("{} — {}", l.t(measure_name(m)), l.t(StatsText::StatsColQuarter))>
            <table class="stats-table" data-testid=format!("stats-quarters-{}", m.key())>
                {super::figures_header(l, StatsText::StatsColQuarter)}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
