use crate::components::shell::patient_name::PatientName;
use crate::i18n::{CommonText, Words, WorklistText};
use crate::nav::View;
use crate::state::da_date;
use crate::patients::{Row, RowStatus};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One patient on one line (issue 26.3): label, phase, destination in a few
/// words, next deadline with days left, one status (an urgent action and a
/// clash always beside it) and the team's note; the rest one click away in
/// [`RowDetails`]. Everything shown is decided by [`crate::patients::Row`].
#[component]
pub fn PatientRow(
    row: Row,
    /// Archive (or take out of the archive) this patient's row.
    on_archive: Callback<(u32, bool)>,
    /// The patient whose details are open (one at a time; kept at the screen
    /// so that a row redrawn by its own change stays open).
    open: RwSignal<Option<u32>>,
    /// The team's notes by patient ([`crate::patients::row_notes`]).
    notes: Memo<Vec<(u32, String)>>,
) -> impl IntoView {
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let id = row.id;
    let archived = row.archived;
    let (icon, state_key, class) = match row.status {
        RowStatus::Archived => ("■", l.t(WorklistText::StateArchived), "state closed"),
        RowStatus::CheckDates => ("⚠", l.t(CommonText::StateCheckDates), "state check-dates"),
        RowStatus::Overdue => ("⚠", l.t(WorklistText::StateOverdue), "state overdue"),
        RowStatus::DueToday => ("●", l.t(WorklistText::StateDueToday), "state due-today"),
        RowStatus::OnTrack => ("✓", l.t(WorklistText::StateOnTrack), "state on-track"),
        RowStatus::NoDates => ("○", l.t(WorklistText::StateNoDates), "state none"),
        RowStatus::NoDeadline => ("–", l.t(WorklistText::StateNoDeadline), "state none"),
    };
    let next = row.deadline.as_ref().map(|d| {
        let projected = if d.projected { format!(" ({})", l.t(CommonText::Projected)) } else { String::new() };
        format!("{}{projected} · {}", da_date(d.due.date), l.days_left(d.days_left))
    });
    let short = l.pick(row.short.clone());
    // "Foreløbig" and no more: how many answers it waits for is in the details.
    let short = if row.provisional { format!("{}: {short}", l.provisional(0)) } else { short };
    // A patient deleted elsewhere whose label went with the deletion (issue 24.4).
    let label = if row.label.is_empty() { l.t(crate::i18n::MergeText::UnnamedPatient).to_string() } else { row.label.clone() };
    let details_id = format!("row-details-{id}");
    let is_open = move || open.get() == Some(id);
    let note = move || notes.with(|n| n.iter().find(|(i, _)| *i == id).map(|(_, t)| t.clone()));
    let details_label = label.clone();
    let toggle_id = move || format!("row-toggle-{id}");
    // Escape, on the ▸ or inside the details, closes them and gives the focus
    // back to the ▸. A note typed without Enter is saved first (its change
    // event); one refused (a CPR number) keeps them open with its message.
    let escape = move |ev: web_sys::KeyboardEvent| {
        if ev.key() != "Escape" || !is_open() {
            return;
        }
        if let Some(el) = document().active_element() {
            let _ = el.clone().unchecked_into::<web_sys::HtmlElement>().blur();
            if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                if input.value() != note().unwrap_or_default() {
                    let _ = input.focus();
                    return;
                }
            }
        }
        open.set(None);
        if let Some(b) = document().get_element_by_id(&toggle_id()) {
            let _ = b.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    view! {
        <tr data-testid="patient-row" class:closed=archived>
            <th scope="row" class="label-cell">
                <button
                    type="button"
                    class="disclose"
                    data-testid="row-details-toggle"
                    aria-expanded=move || is_open().to_string()
                    aria-controls=details_id.clone()
                    id=toggle_id()
                    on:keydown=escape
                    on:click=move |_| open.set(if is_open() { None } else { Some(id) })
                >
                    // ▸ or ▾ by the style sheet, from aria-expanded.
                    <span aria-hidden="true" class="arrow"></span>
                    <span class="visually-hidden">{l.t(WorklistText::RowDetails)}" "{details_label.clone()}</span>
                </button>
                <a href=View::Case(id).hash() data-testid="patient-label"><PatientName id label=label.clone()/></a>
            </th>
            <td data-testid="patient-phase">{l.pick(row.phase)}</td>
            <td data-testid="patient-destination" class="dest" title=short.clone()>{short.clone()}</td>
            // The column's name shows in the tablet's cards, which have no header row.
            <td data-testid="patient-next" class="next">
                {next.map(|n| view! { <span class="cell-label" aria-hidden="true">{l.t(CommonText::ColNext)}": "</span>{n} })}
            </td>
            <td data-testid="patient-state" class=class>
                {row.urgent.then(|| view! {
                    <span class="flag urgent" data-testid="urgent-flag"><span aria-hidden="true">"⚠ "</span>{l.t(WorklistText::FlagUrgent)}</span>
                    " "
                })}
                {row.clash.then(|| view! {
                    <span class="flag clash" data-testid="clash-flag"><span aria-hidden="true">"⚠ "</span>{l.t(crate::i18n::MergeText::FlagClash)}</span>
                    " "
                })}
                <span class="flag-line">
                    <span aria-hidden="true" class="icon">{icon}</span>
                    " "
                    {state_key}
                </span>
                {(!row.missed.is_empty()).then(|| view! {
                    // An icon, its words for a screen reader and a pointer; named in the details.
                    " "<span class="more" data-testid="row-more" title=l.t(WorklistText::RowMore)><span aria-hidden="true">"+⚠"</span><span class="visually-hidden">{l.t(WorklistText::RowMore)}</span></span>
                })}
            </td>
            <td data-testid="patient-note" class="row-note" title=note>{note}</td>
        </tr>
        {move || is_open().then(|| view! {
            // Escape closes the details and gives the focus back to the ▸.
            <tr class="row-details" id=details_id.clone() data-testid="row-details" on:keydown=escape>
                <td colspan="6">{crate::app::row_details(row.clone(), label.clone(), note().unwrap_or_default(), on_archive)}</td>
            </tr>
        })}
    }
}
