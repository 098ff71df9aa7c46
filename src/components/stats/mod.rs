//! Forløbstider i afdelingen (issue 17): the department's pathway times per
//! standard and quarter, the charts, and the clerk's CSV. Every figure comes
//! from [`crate::course_times`]; these components only render it.
pub mod check_dates;
pub mod csv_button;
pub mod destinations;
pub mod edition;
pub mod how_counted;
pub mod link;
pub mod measure_section;
pub mod overview_table;
pub mod period_picker;
pub mod quarter_table;
pub mod screen;
pub mod unregistered;

use crate::i18n::{Lang, StatsText, Words};
use crate::course_times::{CaseTimes, Figures, Measure, Range, Stats};
use leptos::prelude::*;

/// The view's state, provided to its panels.
#[derive(Clone, Copy)]
pub struct StatsCtx {
    /// The chosen period (by the date each period ended).
    pub range: RwSignal<Range>,
    /// Every patient assessed once by the model, for the figures and the CSV.
    pub assessed: Memo<Vec<CaseTimes>>,
    /// The figures of `assessed` for `range`.
    pub stats: Memo<Stats>,
}

/// The measure's name, as kap. 6 words it.
pub fn measure_name(m: Measure) -> StatsText {
    match m {
        Measure::FirstAttendance => StatsText::StatsMeasureFirst,
        Measure::PrimaryWorkup => StatsText::StatsMeasureWorkup,
        Measure::Oncology => StatsText::StatsMeasureOncology,
        Measure::WholeCourse => StatsText::StatsMeasureWhole,
    }
}

/// The measure's short name, for the overview table.
pub fn measure_short(m: Measure) -> StatsText {
    match m {
        Measure::FirstAttendance => StatsText::StatsShortFirst,
        Measure::PrimaryWorkup => StatsText::StatsShortWorkup,
        Measure::Oncology => StatsText::StatsShortOncology,
        Measure::WholeCourse => StatsText::StatsShortWhole,
    }
}

/// "6 dage", or "20 eller 26 dage" for the whole course.
pub fn standard_text(m: Measure, l: Lang) -> String {
    match m.standard_days() {
        Some(n) => format!("{n} {}", l.t(StatsText::StatsDays)),
        None => l.t(StatsText::StatsWholeStandard).to_string(),
    }
}

/// A number of days, or a dash where nothing was completed.
pub fn days_text(d: Option<i64>) -> String {
    d.map_or_else(|| "—".to_string(), |d| d.to_string())
}

pub fn share_text(f: &Figures, l: Lang) -> String {
    f.share().map_or_else(|| "—".to_string(), |s| s.text(l))
}

/// The chosen period in words: "Perioder, der sluttede 11.07.2025–10.07.2026".
pub fn period_text(r: Range, l: Lang) -> String {
    format!("{} {}–{}", l.t(StatsText::StatsPeriodShown), crate::state::da_date(r.from), crate::state::da_date(r.to))
}

/// The figures in one sentence, for a chart's accessible name.
pub fn figures_sentence(name: &str, f: &Figures, l: Lang) -> String {
    match f.share() {
        None => format!("{name}: {}", l.t(StatsText::StatsNoneCompleted)),
        Some(s) => format!(
            "{name}: {} {}, {} {} ({}); {} {} {d}, {} {} {d}.",
            f.completed,
            l.t(StatsText::StatsChartCompleted),
            f.within,
            l.t(StatsText::StatsWithinWord),
            s.text(l),
            l.t(StatsText::StatsChartMedian),
            days_text(f.median()),
            l.t(StatsText::StatsChartP90),
            days_text(f.p90()),
            d = l.t(StatsText::StatsDays),
        ),
    }
}

/// The header row of a table of figures: the first column's name, then
/// completed, within, share, median, 90th percentile and running-over.
pub fn figures_header(l: Lang, first: StatsText) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let cols = [
        first,
        StatsText::StatsColCompleted,
        StatsText::StatsColWithin,
        StatsText::StatsColShare,
        StatsText::StatsColMedian,
        StatsText::StatsColP90,
        StatsText::StatsColRunningOver,
    ];
    view! {
        <thead>
            <tr>{cols.into_iter().map(|k| view! { <th scope="col">{l.t(k)}</th> }).collect_view()}</tr>
        </thead>
    }
}

/// A row's figure cells under [`figures_header`], each test id named by
/// `id` from its column: one view type for both tables of figures (one copy
/// of its code in the wasm, not one per table).
pub fn figures_cells(f: &Figures, l: Lang, id: &dyn Fn(&str) -> String) -> impl leptos::IntoView {
    use leptos::prelude::*;
    view! {
        <td class="num" data-testid=id("completed")>{f.completed}</td>
        <td class="num" data-testid=id("within")>{f.within}</td>
        <td class="num share" data-testid=id("share")>{share_text(f, l)}</td>
        <td class="num" data-testid=id("median")>{days_text(f.median())}</td>
        <td class="num" data-testid=id("p90")>{days_text(f.p90())}</td>
        <td class="num" data-testid=id("running-over")>{f.running_over}</td>
    }
}
