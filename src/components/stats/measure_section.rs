use super::quarter_table::QuarterTable;
use super::{figures_sentence, measure_name, standard_text};
use crate::i18n::{StatsText, Words};
use crate::course_times::{Measure, Stats};
use crate::course_times_svg::{self, HistogramText, QuarterBar};
use leptos::prelude::*;
use std::sync::Arc;

/// One measure: the distribution of days used with the standard as a line,
/// the share within per quarter, and the same numbers as tables.
#[component]
pub fn MeasureSection(m: Measure, s: Arc<Stats>) -> impl IntoView {
    let l = crate::components::use_lang();
    let f = s.figures(m);
    let name = l.t(measure_name(m));
    let key = m.key();
    let summary = figures_sentence(&format!("{} ({})", name, standard_text(m, l)), f, l);
    let histogram = course_times_svg::histogram(
        &format!("stats-histogram-{key}"),
        &f.days,
        &f.over_days,
        &m.standards(),
        &HistogramText {
            summary: &format!("{}. {summary}", l.t(StatsText::StatsDistribution)),
            days: l.t(StatsText::StatsDaysUsed),
            standard: l.t(StatsText::StatsStandardWord),
            within: l.t(StatsText::StatsWithinWord),
            over: l.t(StatsText::StatsOverWord),
            days_unit: l.t(StatsText::StatsDays),
        },
    );
    let bars: Vec<QuarterBar> = s
        .quarters
        .iter()
        .map(|q| {
            let f = &q.measures[m.index()];
            let label = q.quarter.label(l);
            let (first, second) =
                label.rsplit_once(' ').map_or((label.clone(), String::new()), |(a, b)| (a.into(), b.into()));
            QuarterBar { label: (first, second), share: f.share(), completed: f.completed }
        })
        .collect();
    let quarter_summary = format!(
        "{} — {name}: {}",
        l.t(StatsText::StatsShareByQuarter),
        s.quarters
            .iter()
            .map(|q| {
                let f = &q.measures[m.index()];
                format!("{} {} (n = {})", q.quarter.label(l), super::share_text(f, l), f.completed)
            })
            .collect::<Vec<_>>()
            .join("; ")
    );
    let quarters = course_times_svg::quarter_shares(&format!("stats-quarter-chart-{key}"), &bars, &quarter_summary, l);
    // The distribution as a table: days used, and how many within and over.
    let mut by_day: Vec<(i64, usize, usize)> = vec![];
    for &d in &f.days {
        match by_day.last_mut() {
            Some((day, n, _)) if *day == d => *n += 1,
            _ => by_day.push((d, 1, 0)),
        }
    }
    for &d in &f.over_days {
        if let Some(row) = by_day.iter_mut().find(|r| r.0 == d) {
            row.1 -= 1;
            row.2 += 1;
        }
    }
    // Built only when opened: the charts and the quarter table carry the figures.
    let by_day = StoredValue::new(by_day);
    let completed = f.completed;
    let open = RwSignal::new(false);
    let heading = format!("stats-measure-{key}-heading");
    let labelled_by = heading.clone();
    view! {
        <section class="panel stats-measure" aria-labelledby=labelled_by data-testid=format!("stats-measure-{key}")>
            <h2 id=heading>{name}" ("{standard_text(m, l)}")"</h2>
            {(m == Measure::WholeCourse).then(|| view! { <p class="stats-note">{l.t(StatsText::StatsWholeNote)}</p> })}
            <div class="stats-charts">
                <figure>
                    <figcaption>{l.t(StatsText::StatsDistribution)}</figcaption>
                    <div class="chart-box" inner_html=histogram></div>
                </figure>
                <figure>
                    <figcaption>{l.t(StatsText::StatsShareByQuarter)}</figcaption>
                    <div class="chart-box" inner_html=quarters></div>
                </figure>
            </div>
            <QuarterTable m s=s.clone()/>
            <details class="no-print" on:toggle=move |ev| {
                open.set(event_target::<web_sys::HtmlElement>(&ev).has_attribute("open"));
            }>
                <summary>{l.t(StatsText::StatsDistributionTable)}</summary>
                {move || open.get().then(|| if completed == 0 {
                    view! { <p>{l.t(StatsText::StatsNoneCompleted)}</p> }.into_any()
                } else {
                    let rows = by_day.with_value(|rows| rows
                        .iter()
                        .map(|&(d, within, over)| view! { <tr><th scope="row">{d}</th><td class="num">{within}</td><td class="num">{over}</td></tr> })
                        .collect_view());
                    view! {
                        <table class="stats-table" data-testid=format!("stats-distribution-{key}")>
                            <thead>
                                <tr>
                                    <th scope="col">{l.t(StatsText::StatsColDays)}</th>
                                    <th scope="col">{l.t(StatsText::StatsColNumberWithin)}</th>
                                    <th scope="col">{l.t(StatsText::StatsColNumberOver)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }.into_any()
                })}
            </details>
        </section>
    }
}
