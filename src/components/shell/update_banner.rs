use crate::i18n::{CommonText, Words};
use crate::state::{apply_update, AppState};
use leptos::prelude::*;

/// Says when a new version is deployed and offers to reload into it.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.update_ready().get().then(|| {
            let l = state.lang().get();
            view! {
                <div class="banner banner-info" role="status" data-testid="update-ready">
                    {l.t(CommonText::UpdateReady)}" "
                    <button type="button" class="primary" data-testid="apply-update" on:click=|_| apply_update()>
                        {l.t(CommonText::ReloadNow)}
                    </button>
                </div>
            }
        })
    }
}
