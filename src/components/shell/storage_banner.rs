use crate::components::download;
use crate::i18n::{CommonText, CommonWords, Words};
use crate::state::AppState;
use crate::storage::StorageError;
use leptos::prelude::*;

/// Shows a storage failure in words; nothing is ever silently lost. Data that
/// could not be read is kept under its own key and offered for download.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.storage_error().get().map(|e| {
            let l = state.lang().get();
            let kept = match &e {
                StorageError::Unreadable { kept_under, .. } => Some(kept_under.clone()),
                _ => None,
            };
            view! {
                <div class="banner banner-error" role="alert" data-testid="storage-error">
                    {e.message(l)}
                    {kept.map(|key| view! {
                        " "
                        <button type="button" data-testid="download-unreadable" on:click=move |_| {
                            if let Some(text) = state.kept_copy_text(&key) {
                                download(&text, &format!("{key}.txt"), "text/plain");
                            }
                        }>{l.t(CommonText::DownloadUnreadable)}</button>
                    })}
                </div>
            }
        })
    }
}

/// Unlocked with a passphrase a new lock would refuse: a hint to change it.
#[component]
pub fn PassphraseHint() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        (state.weak_passphrase().get() && state.lock().get() == crate::state::LockState::Unlocked).then(|| {
            view! { <p class="banner banner-warn" role="status" data-testid="passphrase-hint">{state.lang().get().weak_passphrase()}</p> }
        })
    }
}
