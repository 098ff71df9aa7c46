use super::add_patient::AddPatient;
use super::backup::{BackupPanel, BackupReminder};
use super::patient_row::{PatientRow, RowData};
use crate::components::stats::link::StatsLink;
use crate::i18n::{Lang, K};
use crate::pathway::evaluate;
use crate::state::AppState;
use crate::worklist::fold_label;
use chrono::NaiveDate;
use leptos::prelude::*;

/// Where the patient belongs, marked provisional where the model says so.
fn headline(plan: &crate::pathway::Plan) -> (String, String) {
    let (da, en) = plan.route.headline();
    if plan.route.provisional {
        let p = |l: Lang| l.t(K::Provisional);
        (format!("{}: {da}", p(Lang::Da)), format!("{}: {en}", p(Lang::En)))
    } else {
        (da, en)
    }
}

/// Open cases shown before "Vis alle".
pub const FIRST_ROWS: usize = 100;

/// Forløbsoversigt: every patient, an urgent action first, then sorted by the next deadline; closed cases
/// kept below, out of the way.
#[component]
pub fn WorklistScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = state.lang.get_untracked();
    let filter = RwSignal::new(String::new());
    // The most urgent cases first; the rest on request (a screen shows about 15 anyway).
    let show_all = RwSignal::new(false);
    let closed_open = RwSignal::new(false);
    let rows = Memo::new(move |_| {
        let today = state.today;
        let mut rows: Vec<RowData> = state.worklist.with(|w| {
            w.patients
                .iter()
                .map(|p| {
                    let plan = evaluate(&p.case, today);
                    let deadline = plan.next_deadline();
                    let deadline_label = deadline
                        .as_ref()
                        .and_then(|d| plan.milestones.iter().find(|m| m.id == d.milestone))
                        .map_or(("", ""), |m| (m.to_da, m.to_en));
                    RowData {
                        id: p.id,
                        label: p.label.clone(),
                        closed: p.closed,
                        stage: plan.stage,
                        headline: headline(&plan),
                        deadline,
                        deadline_label,
                        urgent: plan.urgent_pending(),
                    }
                })
                .collect()
        });
        // An urgent action first, then by the next deadline.
        rows.sort_by_key(|r| {
            (!r.urgent, r.deadline.as_ref().map_or(NaiveDate::MAX, |d| d.due.date), fold_label(&r.label))
        });
        rows
    });
    let shown = move |closed: bool| {
        let needle = fold_label(filter.get().trim());
        let limit = if show_all.get() || !needle.is_empty() { usize::MAX } else { FIRST_ROWS };
        rows.get().into_iter().filter(move |r| r.closed == closed && fold_label(&r.label).contains(&needle)).take(limit)
    };
    let table = move |closed: bool, testid: &'static str| {
        view! {
            <table class="worklist-table" data-testid=testid>
                <thead>
                    <tr>
                        <th scope="col">{l.t(K::ColLabel)}</th>
                        <th scope="col">{l.t(K::ColPhase)}</th>
                        <th scope="col">{l.t(K::ColDestination)}</th>
                        <th scope="col">{l.t(K::ColNext)}</th>
                        <th scope="col">{l.t(K::ColState)}</th>
                        <th scope="col"><span class="visually-hidden">{l.t(K::Close)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || shown(closed) key=|r| r.clone() let:row>
                        <PatientRow row/>
                    </For>
                </tbody>
            </table>
        }
    };
    let count = move |closed: bool| rows.with(|r| r.iter().filter(|r| r.closed == closed).count());
    view! {
        <section class="worklist" aria-labelledby="worklist-heading">
            <h1 id="worklist-heading" tabindex="-1">{l.t(K::Worklist)}</h1>
            <StatsLink/>
            <AddPatient/>
            <BackupReminder/>
            <Show
                when=move || state.worklist.with(|w| !w.patients.is_empty())
                fallback=move || view! { <p class="empty" data-testid="worklist-empty">{l.t(K::NoPatients)}</p> }
            >
                <div class="filter">
                    <label for="filter">{l.t(K::Filter)}</label>
                    <input
                        id="filter"
                        type="search"
                        data-testid="filter"
                        prop:value=move || filter.get()
                        on:input=move |ev| filter.set(event_target_value(&ev))
                    />
                </div>
                {move || (count(false) > 0).then(|| table(false, "worklist"))}
                <Show when=move || { !show_all.get() && filter.get().trim().is_empty() && count(false) > FIRST_ROWS }>
                    <button type="button" data-testid="show-all" on:click=move |_| show_all.set(true)>
                        {move || format!("{} ({})", l.t(K::ShowAll), count(false))}
                    </button>
                </Show>
                <Show when=move || shown(false).next().is_none() && !filter.get().is_empty()>
                    <p class="empty">{l.t(K::NoMatch)}</p>
                </Show>
                <Show when=move || { count(true) > 0 }>
                    <details class="closed-cases" data-testid="closed-cases" on:toggle=move |ev| {
                        let open = event_target::<web_sys::HtmlElement>(&ev).has_attribute("open");
                        closed_open.set(open);
                    }>
                        <summary>{move || format!("{} ({})", l.t(K::ClosedCases), count(true))}</summary>
                        // Built only when opened.
                        {move || closed_open.get().then(|| table(true, "worklist-closed"))}
                    </details>
                </Show>
            </Show>
            <BackupPanel/>
        </section>
    }
}
