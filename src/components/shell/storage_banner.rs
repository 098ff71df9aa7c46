use crate::components::download;
use crate::i18n::{CommonText, CommonWords, Message, Words};
use crate::state::{AppState, Banner};
use crate::storage::StorageError;
use leptos::prelude::*;

/// Shows a storage failure, or a notice (something happened, nothing failed),
/// in words; nothing is ever silently lost. Data that could not be read is
/// kept under its own key and offered for download.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.banner().get().map(|e| {
            let l = state.lang().get();
            let kept = match &e {
                Banner::Failed(StorageError::Unreadable { kept_under, .. }) => Some(kept_under.clone()),
                _ => None,
            };
            // A notice is not a failure: drawn as a warning, said in words
            // (not by colour alone), and announced politely, not as an alert.
            let notice = matches!(e, Banner::Notice(_));
            let (class, role) = if notice { ("banner banner-warn", "status") } else { ("banner banner-error", "alert") };
            view! {
                <div class=class role=role data-testid="storage-error">
                    {notice.then(|| view! { <strong>{l.t(CommonText::NoticeLabel)}</strong>" " })}
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
