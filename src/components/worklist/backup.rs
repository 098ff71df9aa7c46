use crate::i18n::{CommonText, Message, Words, WorklistText};
use crate::components::download;
use crate::components::shell::passphrase_input::PassphraseInput;
use crate::lockbox::{self, LockBox, LockError};
use crate::state::{da_date, AppState, LockState};
use crate::storage::{ImportError, Opened, MAX_BACKUP_BYTES};
use crate::patients::{ImportRow, Worklist};
use chrono::NaiveDate;
use leptos::prelude::*;

/// The dated name of a backup file.
pub fn backup_filename(today: NaiveDate, encrypted: bool) -> String {
    let kind = if encrypted { "krypteret-" } else { "" };
    format!("cup-pathway-sikkerhedskopi-{kind}{}.json", crate::nav::iso_date(today))
}

/// A reminder when a backup is due (see [`crate::patients::backup_due`]).
#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = crate::components::use_lang();
    let due =
        move || state.worklist().with(|w| crate::patients::backup_due(w, state.last_backup().get(), state.today()));
    move || due().then(|| view! { <p class="banner banner-warn" data-testid="backup-due">"⚠ "{l.t(WorklistText::BackupDue)}</p> })
}

/// Export everything to one dated JSON file; import one with a preview of
/// what will change; whether the browser keeps the data.
#[component]
pub fn BackupPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = crate::components::use_lang();
    let preview = RwSignal::new(None::<(Worklist, Vec<ImportRow>)>);
    let error = RwSignal::new(None::<ImportError>);
    let done = RwSignal::new(false);
    // A locked backup waiting for its passphrase.
    let locked = RwSignal::new(None::<LockBox>);
    let passphrase = RwSignal::new(String::new());
    let lock_error = RwSignal::new(None::<LockError>);
    let show = move |opened: Opened| match opened {
        Opened::Plain(stored) => {
            error.set(None);
            locked.set(None);
            let rows = state.worklist().with_untracked(|w| w.preview_import(&stored.worklist));
            preview.set(Some((stored.worklist, rows)));
        }
        Opened::Locked { lock, .. } => {
            preview.set(None);
            lock_error.set(None);
            locked.set(Some(lock));
        }
    };
    // Under the lock a plain file is a deliberate choice: it asks first.
    let confirm_plain = RwSignal::new(false);
    let export_plain = move || {
        confirm_plain.set(false);
        let text = state.export_backup();
        download(&text, &backup_filename(state.today(), false), "application/json");
    };
    let export = move |_| {
        if state.lock().get_untracked() == LockState::Unlocked {
            confirm_plain.set(true);
        } else {
            export_plain();
        }
    };
    let export_locked = move |_| {
        leptos::task::spawn_local(async move {
            match state.export_locked_backup().await {
                Ok(text) => download(&text, &backup_filename(state.today(), true), "application/json"),
                Err(e) => lock_error.set(Some(e)),
            }
        });
    };
    // Open a locked backup: its text is then read as strictly as any backup.
    let open_locked = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(b) = locked.get_untracked() else { return };
        let p = passphrase.get_untracked();
        leptos::task::spawn_local(async move {
            match lockbox::open(&p, &b).await {
                Ok((_, text)) => match state.read_backup(&text) {
                    Ok(Opened::Plain(stored)) => {
                        passphrase.set(String::new());
                        show(Opened::Plain(stored));
                    }
                    Ok(Opened::Locked { .. }) => {
                        error.set(Some(ImportError::NotABackup(Some(crate::storage::Fault::Locked))))
                    }
                    Err(e) => error.set(Some(e)),
                },
                Err(e) => lock_error.set(Some(e)),
            }
        });
    };
    let choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        done.set(false);
        // The size first: a file too large is never read into memory.
        if file.size() > MAX_BACKUP_BYTES as f64 {
            preview.set(None);
            locked.set(None);
            error.set(Some(ImportError::TooLarge(file.size() as usize)));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
            match text.map(|t| state.read_backup(&t)) {
                Some(Ok(opened)) => {
                    error.set(None);
                    show(opened);
                }
                Some(Err(e)) => {
                    preview.set(None);
                    locked.set(None);
                    error.set(Some(e));
                }
                None => error.set(Some(ImportError::NotABackup(None))),
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
            <h2 id="backup-heading">{l.t(WorklistText::Backup)}</h2>
            <p data-testid="last-backup">
                {l.t(WorklistText::LastBackup)}": "
                {move || match state.last_backup().get() {
                    Some(d) => da_date(d),
                    // "aldrig" only when a backup is due; before that, not yet.
                    None if state.worklist().with(|w| crate::patients::backup_due(w, None, state.today())) => l.t(WorklistText::Never).to_string(),
                    None => l.t(WorklistText::NoneYet).to_string(),
                }}
            </p>
            <div class="inline">
                // Under the lock, the encrypted backup comes first and is the primary choice.
                {move || (state.lock().get() == LockState::Unlocked).then(|| view! {
                    <button type="button" class="primary" data-testid="export-encrypted" on:click=export_locked>{l.t(WorklistText::ExportEncrypted)}</button>
                })}
                <button type="button" data-testid="export" on:click=export>{l.t(WorklistText::Export)}</button>
                <label class="file-button">
                    {l.t(WorklistText::Import)}
                    <input type="file" accept=".json,application/json" data-testid="import-file" on:change=choose/>
                </label>
            </div>
            <Show when=move || confirm_plain.get()>
                <div class="banner banner-warn" role="alert" data-testid="export-plain-confirm">
                    <p>{l.t(WorklistText::PlainBackupConfirm)}</p>
                    <div class="inline">
                        <button type="button" data-testid="export-plain-yes" on:click=move |_| export_plain()>{l.t(WorklistText::PlainBackupYes)}</button>
                        <button type="button" class="primary" data-testid="export-plain-cancel" on:click=move |_| confirm_plain.set(false)>{l.t(CommonText::ImportCancel)}</button>
                    </div>
                </div>
            </Show>
            <p class="field-error" role="alert" data-testid="import-error">{move || error.get().map(|e| e.message(l))}</p>
            {move || locked.get().is_some().then(|| view! {
                <form class="import-preview" data-testid="import-locked" on:submit=open_locked>
                    <label for="import-passphrase">{l.t(WorklistText::ImportLocked)}</label>
                    <div class="inline">
                        <PassphraseInput id="import-passphrase" autocomplete="off" value=passphrase focus=true/>
                        <button type="submit" class="primary" data-testid="import-open">{l.t(WorklistText::ImportOpen)}</button>
                        <button type="button" on:click=move |_| locked.set(None)>{l.t(CommonText::ImportCancel)}</button>
                    </div>
                </form>
            })}
            <p class="field-error" role="alert" data-testid="lock-import-error">{move || lock_error.get().map(|e| e.message(l))}</p>
            {move || preview.get().map(|(_, rows)| view! {
                <div class="import-preview" data-testid="import-preview">
                    <p>{l.t(WorklistText::ImportPreview)}</p>
                    <ul>
                        {rows.into_iter().map(|r| view! {
                            <li>
                                <strong><bdi>{r.label}</bdi></strong>": "{l.pick(r.kind.label())}
                                {r.replaces.map(|old| view! { " "<span data-testid="import-replaces">{l.t(WorklistText::ImportReplaces)}" »"<bdi>{old}</bdi>"«"</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                    <div class="inline">
                        <button type="button" class="primary" data-testid="import-apply" on:click=apply>{l.t(WorklistText::ImportApply)}</button>
                        <button type="button" data-testid="import-cancel" on:click=move |_| preview.set(None)>{l.t(CommonText::ImportCancel)}</button>
                    </div>
                </div>
            })}
            <p role="status" data-testid="import-done">{move || done.get().then(|| l.t(WorklistText::ImportDone))}</p>
            <p class="persist" data-testid="persist">
                {move || state.persisted().get().map(|g| l.t(if g { WorklistText::PersistGranted } else { WorklistText::PersistDenied }))}
            </p>
        </section>
    }
}
