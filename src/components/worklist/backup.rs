use crate::components::download;
use crate::i18n::K;
use crate::state::{da_date, AppState};
use crate::storage::{decode_backup, ImportError};
use crate::worklist::{ImportRow, Worklist};
use leptos::prelude::*;

/// Days after which the worklist reminds the clinician to export a backup.
pub const BACKUP_REMINDER_DAYS: i64 = 7;

/// A reminder when there are cases and the last backup is older than a week.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = state.lang.get_untracked();
    let due = move || {
        state.worklist.with(|w| !w.patients.is_empty())
            && state.last_backup.get().is_none_or(|d| (state.today - d).num_days() > BACKUP_REMINDER_DAYS)
    };
    move || due().then(|| view! { <p class="banner banner-warn" data-testid="backup-due">"⚠ "{l.t(K::BackupDue)}</p> })
}

/// Export everything to one dated JSON file; import one with a preview of
/// what will change; whether the browser keeps the data.
#[component]
pub fn BackupPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = state.lang.get_untracked();
    let preview = RwSignal::new(None::<(Worklist, Vec<ImportRow>)>);
    let error = RwSignal::new(None::<ImportError>);
    let done = RwSignal::new(false);
    let export = move |_| {
        let text = state.export_backup();
        download(
            &text,
            &format!("cup-pathway-sikkerhedskopi-{}.json", crate::nav::iso_date(state.today)),
            "application/json",
        );
    };
    let choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        done.set(false);
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
            match text.map(|t| decode_backup(&t)) {
                Some(Ok(stored)) => {
                    error.set(None);
                    let rows = state.worklist.with_untracked(|w| w.preview_import(&stored.worklist));
                    preview.set(Some((stored.worklist, rows)));
                }
                Some(Err(e)) => {
                    preview.set(None);
                    error.set(Some(e));
                }
                None => error.set(Some(ImportError::NotABackup(String::new()))),
            }
        });
    };
    let apply = move |_| {
        if let Some((incoming, _)) = preview.get_untracked() {
            state.import(&incoming);
            preview.set(None);
            done.set(true);
        }
    };
    view! {
        <section class="panel backup" aria-labelledby="backup-heading" data-testid="backup">
            <h2 id="backup-heading">{l.t(K::Backup)}</h2>
            <p data-testid="last-backup">
                {l.t(K::LastBackup)}": "{move || state.last_backup.get().map_or(l.t(K::Never).to_string(), da_date)}
            </p>
            <div class="inline">
                <button type="button" data-testid="export" on:click=export>{l.t(K::Export)}</button>
                <label class="file-button">
                    {l.t(K::Import)}
                    <input type="file" accept=".json,application/json" data-testid="import-file" on:change=choose/>
                </label>
            </div>
            <p class="field-error" role="alert" data-testid="import-error">{move || error.get().map(|e| e.message(l))}</p>
            {move || preview.get().map(|(_, rows)| view! {
                <div class="import-preview" data-testid="import-preview">
                    <p>{l.t(K::ImportPreview)}</p>
                    <ul>
                        {rows.into_iter().map(|r| view! { <li><strong>{r.label}</strong>": "{l.pick(r.kind.label())}</li> }).collect_view()}
                    </ul>
                    <div class="inline">
                        <button type="button" class="primary" data-testid="import-apply" on:click=apply>{l.t(K::ImportApply)}</button>
                        <button type="button" data-testid="import-cancel" on:click=move |_| preview.set(None)>{l.t(K::ImportCancel)}</button>
                    </div>
                </div>
            })}
            <p role="status" data-testid="import-done">{move || done.get().then(|| l.t(K::ImportDone))}</p>
            <p class="persist" data-testid="persist">
                {move || state.persisted.get().map(|g| l.t(if g { K::PersistGranted } else { K::PersistDenied }))}
            </p>
        </section>
    }
}
