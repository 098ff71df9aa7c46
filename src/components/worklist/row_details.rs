use super::row_actions::RowActions;
use crate::i18n::{CommonText, Message, Words, WorklistText};
use crate::state::da_date;
use crate::patients::{Row, ROW_NOTE};
use leptos::prelude::*;

/// What the compact row leaves out, under it: where the patient belongs in
/// full, the next deadline's milestone, the codes, the standards missed and
/// the note to edit (issue 26.3).
#[component]
pub fn RowDetails(
    /// The row the details belong to.
    row: Row,
    /// The patient's label as the row shows it.
    label: String,
    /// The team's note as it is when the details open.
    note: String,
    /// Archive this patient's row.
    on_archive: Callback<(u32, bool)>,
) -> impl IntoView {
    let l = crate::components::use_lang();
    let state = expect_context::<crate::state::AppState>();
    let id = row.id;
    let code_id = |c: crate::pathway::Code| c.info().id;
    let headline = l.pick(row.headline.clone());
    let headline =
        if row.provisional { format!("{}: {headline}", l.provisional(row.open_questions)) } else { headline };
    let dl = row.deadline_label;
    let next = row.deadline.as_ref().map(|d| {
        let projected = if d.projected { format!(" ({})", l.t(CommonText::Projected)) } else { String::new() };
        let weekday = l.pick(d.due.weekday);
        format!("{}: {} ({weekday}){projected} — {}", l.pick(dl), da_date(d.due.date), l.days_left(d.days_left))
    });
    let unregistered = row.unregistered.iter().map(|c| code_id(*c)).collect::<Vec<_>>().join(", ");
    let missed = row.missed.iter().map(|m| l.pick(*m)).collect::<Vec<_>>().join(", ");
    let note_error = RwSignal::new(None::<crate::patients::NoteError>);
    let note_id = format!("row-note-{id}");
    view! {
        <>
                <p data-testid="row-destination">{l.t(WorklistText::ColDestination)}": "{headline}</p>
                {next.map(|n| view! { <p data-testid="row-next">{n}</p> })}
                {row.next_code.map(|c| view! {
                    <p class="next-code" data-testid="patient-next-code">{l.t(CommonText::NextCode)}": "{code_id(c)}</p>
                })}
                {row.next_theirs.map(|(c, who)| view! {
                    <p class="next-code theirs" data-testid="patient-next-theirs">{code_id(c)}" "{l.t(CommonText::RegisteredByThem)}" "{l.pick(who.label()).to_lowercase()}</p>
                })}
                {(!missed.is_empty()).then(|| view! {
                    <p class="flag missed" data-testid="missed-flag">
                        <span aria-hidden="true">"⚠ "</span>{l.t(CommonText::FlagMissed)}" "{missed.clone()}
                    </p>
                })}
                {(!unregistered.is_empty()).then(|| view! {
                    <p class="flag unregistered" data-testid="unregistered-flag">
                        <span aria-hidden="true">"⚠ "</span>{l.t(CommonText::FlagUnregistered)}" "{unregistered.clone()}
                    </p>
                })}
                <div class="row-note-edit">
                    <label for=note_id.clone()>{l.t(WorklistText::RowNoteLabel)}</label>
                    <input
                        id=note_id.clone()
                        data-testid="row-note-input"
                        type="text"
                        autocomplete="off"
                        prop:value=note
                        on:change=move |ev| note_error.set(state.set_note(id, ROW_NOTE, &event_target_value(&ev)).err())
                    />
                    <p class="field-error" role="alert">{move || note_error.get().map(|e| e.message(l))}</p>
                </div>
                <p class="row-actions"><RowActions id archived=row.archived label on_archive/></p>
        </>
    }
}
