use crate::components::shell::passphrase_input::PassphraseInput;
use crate::i18n::K;
use crate::lock::LockError;
use crate::nav::View;
use crate::state::AppState;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// Shown instead of every screen while the lock is closed: the passphrase,
/// and what a forgotten one means. Nothing of the cases is in memory here.
#[component]
pub fn LockScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = state.lang().get_untracked();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<LockError>);
    let busy = RwSignal::new(false);
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
            <h1>{l.t(K::LockedTitle)}</h1>
            <p>{l.t(K::LockedIntro)}</p>
            <form on:submit=submit>
                <label for="unlock-passphrase">{l.t(K::Passphrase)}</label>
                <div class="inline">
                    <PassphraseInput id="unlock-passphrase" autocomplete="current-password" value=passphrase focus=true described_by="unlock-error"/>
                    <button type="submit" class="primary" data-testid="unlock-submit" disabled=move || busy.get()>
                        {l.t(K::Unlock)}
                    </button>
                </div>
                <p role="status" data-testid="unlock-busy">{move || busy.get().then(|| l.t(K::Working))}</p>
                <p id="unlock-error" class="field-error" role="alert" data-testid="unlock-error">
                    {move || error.get().map(|e| e.message(l))}
                </p>
            </form>
            // The lock was removed outside this tab: nothing opens in the clear without a word here.
            <Show when=move || state.lock_removed().get()>
                <div class="banner banner-error" role="alert" data-testid="lock-removed">
                    <p>{l.t(K::LockRemovedIntro)}</p>
                    <button type="button" class="danger" data-testid="lock-removed-yes" on:click=move |_| {
                        error.set(None);
                        state.accept_without_lock();
                    }>{l.t(K::LockRemovedYes)}</button>
                </div>
            </Show>
            <p class="muted">{l.t(K::LockForgotten)}" "<a href=View::About.hash()>{l.t(K::About)}</a></p>
        </article>
    }
}
