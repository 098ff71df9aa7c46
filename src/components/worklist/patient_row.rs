use crate::i18n::K;
use crate::nav::View;
use crate::pathway::plan::{Deadline, DeadlineState};
use crate::pathway::Stage;
use crate::state::{da_date, AppState};
use leptos::prelude::*;

/// What one worklist row shows, derived from the model's plan.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RowData {
    pub id: u32,
    pub label: String,
    pub closed: bool,
    pub stage: Stage,
    pub headline: (String, String),
    pub deadline: Option<Deadline>,
    /// The milestone the deadline closes, (da, en).
    pub deadline_label: (&'static str, &'static str),
    /// An urgent action still to be made (§2.2.4).
    pub urgent: bool,
}

/// One patient: label, phase, destination, next deadline and state in words
/// and an icon (never colour alone).
#[component]
pub fn PatientRow(row: RowData) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = state.lang.get_untracked();
    let id = row.id;
    let closed = row.closed;
    let (icon, state_key, class) = match (&row.deadline, closed) {
        (_, true) => ("■", K::StateClosed, "state closed"),
        (Some(d), _) if d.state == DeadlineState::Overdue => ("⚠", K::StateOverdue, "state overdue"),
        (Some(d), _) if d.state == DeadlineState::DueToday => ("●", K::StateDueToday, "state due-today"),
        (Some(_), _) => ("✓", K::StateOnTrack, "state on-track"),
        (None, _) => ("–", K::StateNoDeadline, "state none"),
    };
    let deadline = row.deadline.clone();
    let dl = row.deadline_label;
    let next = {
        deadline.as_ref().map(|d| {
            let days = if d.days_left >= 0 {
                format!("{} {}", d.days_left, l.t(K::DaysLeft))
            } else {
                format!("{} {}", -d.days_left, l.t(K::DaysOver))
            };
            let projected = if d.projected { format!(" ({})", l.t(K::Projected)) } else { String::new() };
            let weekday = l.pick((d.due.weekday_da, d.due.weekday_en));
            format!("{}: {} ({weekday}){projected} — {days}", l.pick(dl), da_date(d.due.date))
        })
    };
    let headline = row.headline.clone();
    view! {
        <tr data-testid="patient-row" class:closed=closed>
            <th scope="row">
                <a href=View::Case(id).hash() data-testid="patient-label">{row.label.clone()}</a>
            </th>
            <td data-testid="patient-phase">{l.pick(row.stage.label())}</td>
            <td data-testid="patient-destination">{l.pick(headline.clone())}</td>
            <td data-testid="patient-next">{next}</td>
            <td data-testid="patient-state" class=class>
                {row.urgent.then(|| view! {
                    <span class="flag urgent" data-testid="urgent-flag"><span aria-hidden="true">"⚠ "</span>{l.t(K::FlagUrgent)}</span>
                    <br/>
                })}
                <span aria-hidden="true" class="icon">{icon}</span>
                " "
                {l.t(state_key)}
            </td>
            <td>
                <button
                    type="button"
                    class="quiet"
                    data-testid="close-case"
                    on:click=move |_| state.set_closed(id, !closed)
                >
                    {l.t(if closed { K::Reopen } else { K::Close })}
                </button>
            </td>
        </tr>
    }
}
