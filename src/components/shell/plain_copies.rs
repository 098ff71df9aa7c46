use crate::components::download;
use crate::i18n::K;
use crate::lock::LockError;
use crate::state::AppState;
use crate::storage::{read_key, remove_unreadable, unreadable_keys, StorageError};
use leptos::prelude::*;

/// Kept copies of unreadable data lie in the clear: before the lock goes on,
/// each can be downloaded and deleted here.
#[component]
pub fn PlainCopies() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = state.lang.get_untracked();
    let copies = RwSignal::new(unreadable_keys());
    move || {
        let keys = copies.get();
        (!keys.is_empty()).then(|| {
            view! {
                <div class="banner banner-warn" data-testid="plain-copies">
                    <p>{l.pick(LockError::PlainCopies(keys.len()).message())}</p>
                    <ul>
                        {keys
                            .into_iter()
                            .map(|key| {
                                let (k1, k2) = (key.clone(), key.clone());
                                view! {
                                    <li class="inline">
                                        <code>{key}</code>
                                        <button type="button" on:click=move |_| {
                                            if let Some(text) = read_key(&k1) {
                                                download(&text, &format!("{k1}.txt"), "text/plain");
                                            }
                                        }>{l.t(K::DownloadUnreadable)}</button>
                                        <button type="button" class="danger" data-testid="delete-copy" on:click=move |_| {
                                            match remove_unreadable(&k2) {
                                                Ok(()) => {
                                                    copies.set(unreadable_keys());
                                                    // The banner that offered this copy has nothing left to offer.
                                                    let gone = |e: &Option<StorageError>| {
                                                        matches!(e, Some(StorageError::Unreadable { kept_under, .. }) if *kept_under == k2)
                                                    };
                                                    if state.storage_error.with_untracked(gone) {
                                                        state.storage_error.set(None);
                                                    }
                                                }
                                                Err(e) => state.storage_error.set(Some(e)),
                                            }
                                        }>{l.t(K::DeleteCopy)}</button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
