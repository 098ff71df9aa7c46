use super::check_dates::CheckDates;
use super::csv_button::CsvButton;
use super::destinations::Destinations;
use super::edition::StatsEdition;
use super::how_counted::HowCounted;
use super::measure_section::MeasureSection;
use super::overview_table::OverviewTable;
use super::period_picker::PeriodPicker;
use super::unregistered::UnregisteredCodes;
use super::StatsCtx;
use crate::i18n::{CommonText, StatsText, Words};
use crate::nav::View;
use crate::state::AppState;
use crate::course_times::{assess_all, summarize, Measure, Range};
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

/// Forløbstider i afdelingen: the chosen period, the figures per standard and
/// per quarter with their charts, destinations, unregistered codes, the cases
/// counted apart, and the CSV export. Prints on its own on A4.
#[component]
pub fn StatsScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let today = state.today();
    let assessed = Memo::new(move |_| state.worklist().with(|w| assess_all(w, today)));
    let range = RwSignal::new(Range::last_12_months(today));
    let stats = Memo::new(move |_| assessed.with(|c| summarize(c, range.get(), today)));
    provide_context(StatsCtx { range, assessed, stats });
    let heading = NodeRef::<html::H1>::new();
    crate::components::focus_heading_on_open(heading);
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <nav class="crumbs">
            <a href=View::Worklist.hash() data-testid="back">"← "{l.t(CommonText::BackToWorklist)}</a>
        </nav>
        <article class="stats" data-testid="stats">
            <div class="case-head">
                <h1 tabindex="-1" node_ref=heading data-testid="stats-title">{l.t(StatsText::StatsTitle)}</h1>
                <span class="inline no-print">
                    <button type="button" class="quiet" data-testid="stats-print" on:click=print>
                        {l.t(CommonText::Print)}
                    </button>
                </span>
            </div>
            <p class="stats-intro">{l.t(StatsText::StatsIntro)}</p>
            <PeriodPicker/>
            <StatsEdition/>
            {move || {
                let s = Arc::new(stats.get());
                view! {
                    <OverviewTable s=s.clone()/>
                    {Measure::ALL.into_iter().map(|m| view! { <MeasureSection m s=s.clone()/> }).collect_view()}
                    <div class="stats-pair">
                        <Destinations s=s.clone()/>
                        <UnregisteredCodes s=s.clone()/>
                    </div>
                    <CheckDates s=s.clone()/>
                }
            }}
            <HowCounted/>
            <CsvButton/>
        </article>
    }
}
