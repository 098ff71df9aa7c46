use crate::components::shell::patient_name::PatientName;
use crate::i18n::K;
use crate::nav::View;
use crate::state::da_date;
use crate::worklist::{Row, RowStatus};
use leptos::prelude::*;

/// One patient: label, phase, destination, next deadline and code, and the
/// state in words and an icon (never colour alone). Everything shown is
/// decided by [`crate::worklist::Row`].
#[component]
pub fn PatientRow(
    row: Row,
    /// Archive (or take out of the archive) this patient's row.
    on_archive: Callback<(u32, bool)>,
) -> impl IntoView {
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let id = row.id;
    let archived = row.archived;
    let (icon, state_key, class) = match row.status {
        RowStatus::Archived => ("■", K::StateArchived, "state closed"),
        RowStatus::CheckDates => ("⚠", K::StateCheckDates, "state check-dates"),
        RowStatus::Overdue => ("⚠", K::StateOverdue, "state overdue"),
        RowStatus::DueToday => ("●", K::StateDueToday, "state due-today"),
        RowStatus::OnTrack => ("✓", K::StateOnTrack, "state on-track"),
        RowStatus::NoDeadline => ("–", K::StateNoDeadline, "state none"),
    };
    let dl = row.deadline_label;
    let next = row.deadline.as_ref().map(|d| {
        let projected = if d.projected { format!(" ({})", l.t(K::Projected)) } else { String::new() };
        let weekday = l.pick(d.due.weekday);
        format!("{}: {} ({weekday}){projected} — {}", l.pick(dl), da_date(d.due.date), l.days_left(d.days_left))
    });
    let headline = l.pick(row.headline.clone());
    let headline =
        if row.provisional { format!("{}: {headline}", l.provisional(row.open_questions)) } else { headline };
    let code_id = |c: crate::pathway::Code| c.info().id;
    let unregistered = row.unregistered.iter().map(|c| code_id(*c)).collect::<Vec<_>>().join(", ");
    // A patient deleted elsewhere whose label went with the deletion (issue 24.4).
    let label = if row.label.is_empty() { l.m(crate::i18n::M::UnnamedPatient).to_string() } else { row.label.clone() };
    let missed = row.missed.iter().map(|m| l.pick(*m)).collect::<Vec<_>>().join(", ");
    // An archived patient can be deleted, after a confirmation (issue 24.4:
    // a deletion record travels to the other tabs and copies by the merge).
    let confirming = RwSignal::new(false);
    let state = expect_context::<crate::state::AppState>();
    let delete_label = label.clone();
    view! {
        <tr data-testid="patient-row" class:closed=archived>
            <th scope="row" class="label-cell">
                <a href=View::Case(id).hash() data-testid="patient-label"><PatientName id label=label.clone()/></a>
            </th>
            <td data-testid="patient-phase">{l.pick(row.phase)}</td>
            <td data-testid="patient-destination">{headline}</td>
            <td data-testid="patient-next">
                {next}
                {row.next_code.map(|c| view! {
                    <span class="next-code" data-testid="patient-next-code">{l.t(K::NextCode)}": "{code_id(c)}</span>
                })}
                {row.next_theirs.map(|(c, who)| view! {
                    <span class="next-code theirs" data-testid="patient-next-theirs">{code_id(c)}" "{l.t(K::RegisteredByThem)}" "{l.pick(who.label()).to_lowercase()}</span>
                })}
            </td>
            <td data-testid="patient-state" class=class>
                {row.clash.then(|| view! {
                    <span class="flag clash" data-testid="clash-flag"><span aria-hidden="true">"⚠ "</span>{l.m(crate::i18n::M::FlagClash)}</span>
                })}
                {row.urgent.then(|| view! {
                    <span class="flag urgent" data-testid="urgent-flag"><span aria-hidden="true">"⚠ "</span>{l.t(K::FlagUrgent)}</span>
                })}
                <span class="flag-line">
                    <span aria-hidden="true" class="icon">{icon}</span>
                    " "
                    {l.t(state_key)}
                </span>
                {(!missed.is_empty()).then(|| view! {
                    <span class="flag missed" data-testid="missed-flag">
                        <span aria-hidden="true">"⚠ "</span>{l.t(K::FlagMissed)}" "{missed.clone()}
                    </span>
                })}
                {(!unregistered.is_empty()).then(|| view! {
                    <span class="flag unregistered" data-testid="unregistered-flag">
                        <span aria-hidden="true">"⚠ "</span>{l.t(K::FlagUnregistered)}" "{unregistered.clone()}
                    </span>
                })}
            </td>
            <td>
                <button
                    type="button"
                    class="quiet"
                    data-testid="close-case"
                    on:click=move |ev| {
                        // The second click of a double click would land on the
                        // row that moved up under the pointer: it is ignored.
                        if ev.detail() > 1 {
                            return;
                        }
                        on_archive.run((id, !archived));
                    }
                >
                    {l.t(if archived { K::Unarchive } else { K::Archive })}
                    <span class="visually-hidden">" "{label}</span>
                </button>
                {archived.then(|| view! {
                    " "
                    <Show
                        when=move || confirming.get()
                        fallback=move || view! {
                            <button type="button" class="quiet" data-testid="delete-patient-ask" on:click=move |_| confirming.set(true)>
                                {l.t(K::DeletePatientAsk)}<span class="visually-hidden">" "{delete_label.clone()}</span>
                            </button>
                        }
                    >
                        <span role="alert" data-testid="delete-patient-confirm">
                            {l.t(K::DeletePatientConfirm)}" "
                            <button type="button" class="danger" data-testid="delete-patient-yes" on:click=move |_| {
                                state.delete_patient(id);
                            }>{l.t(K::DeletePatientYes)}</button>
                            " "
                            <button type="button" data-testid="delete-patient-no" on:click=move |_| confirming.set(false)>{l.t(K::ImportCancel)}</button>
                        </span>
                    </Show>
                })}
            </td>
        </tr>
    }
}
