use super::add_patient::AddPatient;
use super::archived_notice::ArchivedNotice;
use super::backup::{BackupPanel, BackupReminder};
use super::folder_section::FolderSection;
use super::patient_row::PatientRow;
use crate::components::keyed::{keyed_list, Keyed};
use crate::components::registration::link::RegistrationLink;
use crate::components::stats::link::StatsLink;
use crate::i18n::{CommonText, Words, WorklistText};
use crate::state::AppState;
use crate::patients::{filter_counts, fold_label, RowFilter};
use leptos::prelude::*;

/// Open cases shown before "Vis alle".
pub const FIRST_ROWS: usize = 100;

/// Forløbsoversigt: every patient in the order of [`crate::patients::rows`]
/// (an urgent action first, then what needs action, then by the next
/// deadline); archived cases kept below, out of the way.
#[component]
pub fn WorklistScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let filter = RwSignal::new(String::new());
    // The most urgent cases first; the rest on request (a screen shows about 15 anyway).
    let show_all = RwSignal::new(false);
    let closed_open = RwSignal::new(false);
    let rows = Memo::new(move |_| {
        state.worklist().with(|w| crate::patients::rows_as(w, state.today(), state.department_role().get()))
    });
    // The row whose details are open (issue 26.3: one click away).
    let details = RwSignal::new(None::<u32>);
    // The team's notes, apart from the rows: typing one redraws no row.
    let notes = Memo::new(move |_| state.worklist().with(crate::patients::row_notes));
    // The patient just archived, with an undo until the notice is dismissed.
    let archived = RwSignal::new(None::<(u32, String)>);
    let on_archive = Callback::new(move |(id, archive): (u32, bool)| {
        state.set_closed(id, archive);
        // The row moves to the other table: its details close.
        details.set(None);
        let label = state.worklist().with_untracked(|w| w.get(id).map(|p| p.label.clone()));
        archived.set(if archive { label.map(|l| (id, l)) } else { None });
    });
    // One filter at a time (issue 26.3), on the open cases.
    let only = RwSignal::new(None::<RowFilter>);
    let shown = move |closed: bool| {
        let needle = fold_label(filter.get().trim());
        let only = if closed { None } else { only.get() };
        let limit = if show_all.get() || !needle.is_empty() || only.is_some() { usize::MAX } else { FIRST_ROWS };
        rows.get()
            .into_iter()
            .filter(move |r| {
                r.archived == closed && fold_label(&r.label).contains(&needle) && only.is_none_or(|f| f.matches(r))
            })
            .take(limit)
    };
    let table = move |closed: bool, testid: &'static str| {
        view! {
            <table class="worklist-table" data-testid=testid>
                <thead>
                    <tr>
                        <th scope="col">{l.t(WorklistText::ColLabel)}</th>
                        <th scope="col">{l.t(WorklistText::ColPhase)}</th>
                        <th scope="col">{l.t(WorklistText::ColDestination)}</th>
                        <th scope="col">{l.t(CommonText::ColNext)}</th>
                        <th scope="col">{l.t(WorklistText::ColState)}</th>
                        <th scope="col">{l.t(WorklistText::ColNote)}</th>
                    </tr>
                </thead>
                <tbody>
                    {keyed_list(
                        Box::new(move || shown(closed).map(Keyed::Row).collect()),
                        std::sync::Arc::new(move |item| match item {
                            Keyed::Row(row) => view! { <PatientRow row on_archive open=details notes/> }.into_any(),
                            _ => ().into_any(),
                        }),
                    )}
                </tbody>
            </table>
        }
    };
    let count = move |closed: bool| rows.with(|r| r.iter().filter(|r| r.archived == closed).count());
    view! {
        <section class="worklist" aria-labelledby="worklist-heading">
            <h1 id="worklist-heading" tabindex="-1">{l.t(WorklistText::Worklist)}</h1>
            <StatsLink/>
            <RegistrationLink count=Signal::derive(move || rows.with(|r| r.iter().map(|r| r.unregistered.len()).sum()))/>
            <AddPatient/>
            <BackupReminder/>
            <FolderSection/>
            <Show
                when=move || state.worklist().with(|w| !w.patients.is_empty())
                fallback=move || view! { <p class="empty" data-testid="worklist-empty">{l.t(WorklistText::NoPatients)}</p> }
            >
                <div class="filter">
                    <label for="filter">{l.t(WorklistText::Filter)}</label>
                    <input
                        id="filter"
                        type="search"
                        data-testid="filter"
                        prop:value=move || filter.get()
                        on:input=move |ev| filter.set(event_target_value(&ev))
                    />
                </div>
                <div class="row-filters" role="group" aria-label=l.t(WorklistText::FilterBy) data-testid="row-filters">
                    {move || rows.with(|r| filter_counts(r)).into_iter().map(|(f, n)| {
                        let on = move || only.get() == Some(f);
                        view! {
                            <button type="button" class="quiet small" data-testid="row-filter"
                                aria-pressed=move || on().to_string()
                                on:click=move |_| only.set(if on() { None } else { Some(f) })>
                                {l.pick(f.label())}" "<span class="badge">{n}</span>
                            </button>
                        }
                    }).collect_view()}
                </div>
                {move || archived.get().map(|(id, label)| view! { <ArchivedNotice id label on_undo=on_archive on_dismiss=move || archived.set(None)/> })}
                {move || (count(false) > 0).then(|| table(false, "worklist"))}
                <Show when=move || { !show_all.get() && filter.get().trim().is_empty() && count(false) > FIRST_ROWS }>
                    <button type="button" data-testid="show-all" on:click=move |_| show_all.set(true)>
                        {move || format!("{} ({})", l.t(WorklistText::ShowAll), count(false))}
                    </button>
                </Show>
                <Show when=move || shown(false).next().is_none() && (!filter.get().is_empty() || only.get().is_some())>
                    <p class="empty">{l.t(WorklistText::NoMatch)}" "
                        <button type="button" class="quiet small" data-testid="clear-filters"
                            on:click=move |_| { filter.set(String::new()); only.set(None); }>
                            {l.t(WorklistText::ClearFilters)}
                        </button>
                    </p>
                </Show>
                <Show when=move || { count(true) > 0 }>
                    <details class="closed-cases" data-testid="closed-cases" on:toggle=move |ev| {
                        let open = event_target::<web_sys::HtmlElement>(&ev).has_attribute("open");
                        closed_open.set(open);
                    }>
                        <summary>{move || format!("{} ({})", l.t(WorklistText::ArchivedCases), count(true))}</summary>
                        // Built only when opened.
                        {move || closed_open.get().then(|| table(true, "worklist-closed"))}
                    </details>
                </Show>
            </Show>
            <BackupPanel/>
        </section>
    }
}
