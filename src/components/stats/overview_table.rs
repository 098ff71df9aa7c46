use super::{measure_short, standard_text};
use crate::i18n::{StatsText, Words};
use crate::course_times::{Measure, Stats};
use leptos::prelude::*;
use std::sync::Arc;

/// Each standard of kap. 6 and the whole course in one table (the standard
/// under its name; the full wording heads each measure's section): completed,
/// within, the share, median, 90th percentile, and those running already over.
#[component]
pub fn OverviewTable(s: Arc<Stats>) -> impl IntoView {
    let l = crate::components::use_lang();
    let rows = Measure::ALL
        .into_iter()
        .map(|m| {
            let f = s.figures(m);
            let id = |col: &str| format!("stats-{}-{col}", m.key());
            view! {
                <tr data-testid=format!("stats-row-{}", m.key())>
                    <th scope="row">
                        {l.t(measure_short(m))}
                        <span class="standard">{l.t(StatsText::StatsColStandard)}": "{standard_text(m, l)}</span>
                        // Said where the figure is read (issue 26.4): the text has no such standard.
                        {(m == Measure::WholeCourse).then(|| view! {
                            <span class="standard is-sum" data-testid="stats-whole-is-sum">{l.t(StatsText::StatsWholeIsSum)}</span>
                        })}
                    </th>
                    {super::figures_cells(f, l, &id)}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel stats-overview" aria-labelledby="stats-overview-heading">
            <h2 id="stats-overview-heading">{l.t(StatsText::StatsOverview)}</h2>
            <div class="table-scroll" tabindex="0" role="group" aria-labelledby="stats-overview-heading">
                <table class="stats-table" data-testid="stats-table">
                    {super::figures_header(l, StatsText::StatsColMeasure)}
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
