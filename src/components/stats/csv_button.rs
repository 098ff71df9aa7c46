use super::StatsCtx;
use crate::components::download;
use crate::csv_export;
use crate::i18n::{CommonText, StatsText, Words};
use crate::state::{AppState, LockState};
use leptos::prelude::*;

/// The clerk's CSV of every case. Under the lock it asks first: the file is
/// not encrypted.
#[component]
pub fn CsvButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<StatsCtx>();
    let l = crate::components::use_lang();
    let today = state.today();
    let confirm = RwSignal::new(false);
    let save = move || {
        confirm.set(false);
        let text = ctx.assessed.with_untracked(|c| csv_export::build(c, today));
        download(&text, &csv_export::filename(today), "text/csv;charset=utf-8");
    };
    let export = move |_| {
        if state.lock().get_untracked() == LockState::Unlocked {
            confirm.set(true);
        } else {
            save();
        }
    };
    view! {
        <section class="panel no-print" aria-labelledby="stats-csv-heading">
            <h2 id="stats-csv-heading">{l.t(StatsText::StatsExportCsv)}</h2>
            <p class="stats-note">{l.t(StatsText::StatsCsvNote)}</p>
            <button type="button" data-testid="stats-csv" on:click=export>{l.t(StatsText::StatsExportCsv)}</button>
            <Show when=move || confirm.get()>
                <div class="banner banner-warn" role="alert" data-testid="stats-csv-confirm">
                    <p>{l.t(StatsText::StatsCsvLockConfirm)}</p>
                    <button type="button" data-testid="stats-csv-yes" on:click=move |_| save()>{l.t(StatsText::StatsCsvLockYes)}</button>
                    " "
                    <button type="button" on:click=move |_| confirm.set(false)>{l.t(CommonText::ImportCancel)}</button>
                </div>
            </Show>
        </section>
    }
}
