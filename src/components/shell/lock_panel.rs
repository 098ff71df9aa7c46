use crate::i18n::{CommonText, LockText, Message, Words};
use crate::components::download;
use crate::components::shell::idle_select::IdleSelect;
use crate::components::shell::passphrase_input::PassphraseInput;
use crate::components::shell::plain_copies::PlainCopies;
use crate::components::worklist::backup::backup_filename;
use crate::lockbox::{self, check_new_passphrase, LockError};
use crate::state::{AppState, LockState};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    Backup,
    Enable,
}

/// The lock for shared PCs, on the Om page: turn it on (after the warning
/// and a backup offered first), choose the idle time, lock now, turn it off.
#[component]
pub fn LockPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = crate::components::use_lang();
    let passphrase = RwSignal::new(String::new());
    let repeated = RwSignal::new(String::new());
    let error = RwSignal::new(None::<LockError>);
    let busy = RwSignal::new(false);
    let done = RwSignal::new(None::<LockText>);
    let confirming = RwSignal::new(false);
    // Check the two fields, then back up or turn the lock on, one task at a time.
    let run = move |action: Action| {
        let p = passphrase.get_untracked();
        if let Err(e) = check_new_passphrase(&p, &repeated.get_untracked()) {
            error.set(Some(e));
            return;
        }
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        done.set(None);
        leptos::task::spawn_local(async move {
            let result = match action {
                Action::Backup => state
                    .export_locked_backup_with(&p)
                    .await
                    .map(|text| download(&text, &backup_filename(state.today(), true), "application/json")),
                Action::Enable => state.enable_lock(&p).await,
            };
            busy.set(false);
            match result {
                // The passphrase leaves the page's memory with the fields.
                Ok(()) if action == Action::Enable => {
                    passphrase.set(String::new());
                    repeated.set(String::new());
                }
                Ok(()) => {}
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let backup_plain = move |_| {
        let text = state.export_backup();
        download(&text, &backup_filename(state.today(), false), "application/json");
    };
    let disable = move |_| {
        confirming.set(false);
        leptos::task::spawn_local(async move {
            if state.disable_lock().await.is_ok() {
                done.set(Some(LockText::LockTurnedOff));
            }
        });
    };
    let field = move |id: &'static str, label: LockText, value: RwSignal<String>| {
        view! {
            <div class="event">
                <label for=id>{l.t(label)}</label>
                <PassphraseInput id autocomplete="new-password" value/>
            </div>
        }
    };
    view! {
        <section class="panel lock-panel" aria-labelledby="lock-heading" data-testid="lock-panel">
            <h2 id="lock-heading">{l.t(LockText::LockSection)}</h2>
            <p>{l.t(LockText::LockExplain)}</p>
            {move || match state.lock().get() {
                LockState::Off if !lockbox::available() => view! {
                    <p class="banner banner-warn" data-testid="lock-unavailable">{LockError::Unavailable.message(l)}</p>
                }.into_any(),
                LockState::Off => view! {
                    <div data-testid="lock-setup">
                        <PlainCopies/>
                        {field("lock-passphrase", LockText::Passphrase, passphrase)}
                        {field("lock-repeat", LockText::PassphraseRepeat, repeated)}
                        <IdleSelect/>
                        <p class="banner banner-warn" data-testid="lock-warning"><strong>{l.t(LockText::LockWarning)}</strong></p>
                        <p>{l.t(LockText::LockBackupFirst)}</p>
                        <div class="inline">
                            <button type="button" data-testid="lock-backup-plain" on:click=backup_plain>{l.t(LockText::BackupPlain)}</button>
                            <button type="button" data-testid="lock-backup-encrypted" on:click=move |_| run(Action::Backup) disabled=move || busy.get()>
                                {l.t(LockText::BackupEncrypted)}
                            </button>
                        </div>
                        <p>
                            <button type="button" class="primary" data-testid="lock-enable" on:click=move |_| run(Action::Enable) disabled=move || busy.get()>
                                {l.t(LockText::LockEnable)}
                            </button>
                        </p>
                    </div>
                }.into_any(),
                LockState::Unlocked => view! {
                    <div data-testid="lock-on">
                        <p class="banner banner-info">{l.t(LockText::LockIsOn)}</p>
                        <IdleSelect/>
                        <div class="inline">
                            <button type="button" class="primary" data-testid="lock-now" on:click=move |_| state.lock_now()>{l.t(LockText::LockNow)}</button>
                            <button type="button" data-testid="lock-disable" on:click=move |_| confirming.set(true)>{l.t(LockText::LockDisable)}</button>
                        </div>
                        <Show when=move || confirming.get()>
                            <div class="banner banner-error" role="alert" data-testid="lock-disable-confirm">
                                <p>{l.t(LockText::LockDisableConfirm)}</p>
                                <div class="inline">
                                    <button type="button" class="danger" data-testid="lock-disable-yes" on:click=disable>{l.t(LockText::LockDisableYes)}</button>
                                    <button type="button" on:click=move |_| confirming.set(false)>{l.t(CommonText::ImportCancel)}</button>
                                </div>
                            </div>
                        </Show>
                    </div>
                }.into_any(),
                LockState::Locked => view! { <p>{l.t(LockText::LockedIntro)}</p> }.into_any(),
            }}
            <p role="status" data-testid="lock-busy">{move || busy.get().then(|| l.t(LockText::Working))}</p>
            <p class="field-error" role="alert" data-testid="lock-error">{move || error.get().map(|e| e.message(l))}</p>
            <p role="status" data-testid="lock-done">{move || done.get().map(|k| l.t(k))}</p>
        </section>
    }
}
