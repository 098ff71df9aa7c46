use crate::i18n::{LockText, Message, Words};
use crate::components::shell::passphrase_input::PassphraseInput;
use crate::lockbox::LockError;
use crate::state::AppState;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// Shown instead of every screen while the lock is closed: the passphrase,
/// and what a forgotten one means. Nothing of the cases is in memory here.
#[component]
pub fn LockScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = crate::components::use_lang();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<LockError>);
    let busy = RwSignal::new(false);
    // "Slet alle data" under the lock: with the passphrase, or without it
    // by typing the confirmation word, after being told what is lost.
    let delete_phrase = RwSignal::new(String::new());
    let delete_error = RwSignal::new(None::<LockError>);
    let word = RwSignal::new(String::new());
    let delete_with_phrase = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        delete_error.set(None);
        leptos::task::spawn_local(async move {
            let result = state.delete_all_locked(&delete_phrase.get_untracked()).await;
            busy.set(false);
            delete_phrase.set(String::new());
            if let Err(e) = result {
                delete_error.set(Some(e));
            }
        });
    };
    let confirmed = move || word.with(|w| w.trim() == l.t(LockText::LockedForgottenWord));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = state.unlock(&passphrase.get_untracked()).await;
            busy.set(false);
            match result {
                // The passphrase leaves the page's memory with the field.
                Ok(()) => passphrase.set(String::new()),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <article class="panel lock-screen" data-testid="lock-screen">
            <h1>{l.t(LockText::LockedTitle)}</h1>
            <p>{l.t(LockText::LockedIntro)}</p>
            {state.folder_seat_here().then(|| view! { <p data-testid="locked-folder-note">{l.t(LockText::FolderLockedNote)}</p> })}
            <form on:submit=submit>
                <label for="unlock-passphrase">{l.t(LockText::Passphrase)}</label>
                <div class="inline">
                    <PassphraseInput id="unlock-passphrase" autocomplete="current-password" value=passphrase focus=true described_by="unlock-error"/>
                    <button type="submit" class="primary" data-testid="unlock-submit" disabled=move || busy.get()>
                        {l.t(LockText::Unlock)}
                    </button>
                </div>
                <p role="status" data-testid="unlock-busy">{move || busy.get().then(|| l.t(LockText::Working))}</p>
                <p id="unlock-error" class="field-error" role="alert" data-testid="unlock-error">
                    {move || error.get().map(|e| e.message(l))}
                </p>
            </form>
            // The lock was removed outside this tab: nothing opens in the clear without a word here.
            <Show when=move || state.lock_removed().get()>
                <div class="banner banner-error" role="alert" data-testid="lock-removed">
                    <p>{l.t(LockText::LockRemovedIntro)}</p>
                    <button type="button" class="danger" data-testid="lock-removed-yes" on:click=move |_| {
                        error.set(None);
                        state.accept_without_lock();
                    }>{l.t(LockText::LockRemovedYes)}</button>
                </div>
            </Show>
            <section class="locked-delete" aria-labelledby="locked-delete-heading" data-testid="locked-delete">
                <h2 id="locked-delete-heading">{l.t(LockText::DeleteAll)}</h2>
                <p class="muted">{l.t(LockText::LockForgotten)}</p>
                <p>{l.t(LockText::LockedDeleteIntro)}</p>
                <form on:submit=delete_with_phrase>
                    <label for="locked-delete-passphrase">{l.t(LockText::Passphrase)}</label>
                    <div class="inline">
                        <PassphraseInput id="locked-delete-passphrase" autocomplete="current-password" value=delete_phrase described_by="locked-delete-error"/>
                        <button type="submit" class="danger" data-testid="locked-delete-submit" disabled=move || busy.get()>
                            {l.t(LockText::LockedDeleteButton)}
                        </button>
                    </div>
                    <p id="locked-delete-error" class="field-error" role="alert" data-testid="locked-delete-error">
                        {move || delete_error.get().map(|e| e.message(l))}
                    </p>
                </form>
                <details data-testid="locked-forgotten">
                    <summary>{l.t(LockText::LockedForgottenSummary)}</summary>
                    <p data-testid="locked-forgotten-lost">{l.t(LockText::LockedForgottenLost)}</p>
                    <label for="locked-forgotten-word">{l.t(LockText::LockedForgottenWordLabel)}</label>
                    <div class="inline">
                        <input id="locked-forgotten-word" type="text" autocomplete="off" spellcheck="false" data-testid="locked-forgotten-word"
                            prop:value=move || word.get() on:input=move |ev| word.set(event_target_value(&ev))/>
                        <button type="button" class="danger" data-testid="locked-forgotten-delete" disabled=move || !confirmed()
                            on:click=move |_| {
                                if confirmed() {
                                    state.delete_all_forgotten();
                                }
                            }>{l.t(LockText::LockedForgottenButton)}</button>
                    </div>
                </details>
            </section>
        </article>
    }
}
