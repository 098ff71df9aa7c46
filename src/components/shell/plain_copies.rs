use crate::i18n::{CommonText, LockText, Message, Words};
use crate::components::download;
use crate::lockbox::LockError;
use crate::state::AppState;
use leptos::prelude::*;

/// Kept copies of unreadable data lie in the clear: before the lock goes on,
/// each can be downloaded and deleted here.
#[component]
pub fn PlainCopies() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = crate::components::use_lang();
    let copies = RwSignal::new(state.kept_copies());
    move || {
        let keys = copies.get();
        (!keys.is_empty()).then(|| {
            view! {
                <div class="banner banner-warn" data-testid="plain-copies">
                    <p>{LockError::PlainCopies(keys.len()).message(l)}</p>
                    <ul>
                        {keys
                            .into_iter()
                            .map(|key| {
                                let (k1, k2) = (key.clone(), key.clone());
                                view! {
                                    <li class="inline">
                                        <code>{key}</code>
                                        <button type="button" on:click=move |_| {
                                            if let Some(text) = state.kept_copy_text(&k1) {
                                                download(&text, &format!("{k1}.txt"), "text/plain");
                                            }
                                        }>{l.t(CommonText::DownloadUnreadable)}</button>
                                        <button type="button" class="danger" data-testid="delete-copy" on:click=move |_| {
                                            if state.remove_kept_copy(&k2) {
                                                copies.set(state.kept_copies());
                                            }
                                        }>{l.t(LockText::DeleteCopy)}</button>
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
