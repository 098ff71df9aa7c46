use crate::state::AppState;
use leptos::prelude::*;

/// Shows a storage failure in words; nothing is ever silently lost.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.storage_error.get().map(|e| {
            view! {
                <div class="banner banner-error" role="alert" data-testid="storage-error">
                    {e.message(state.lang.get())}
                </div>
            }
        })
    }
}
