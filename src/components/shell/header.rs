use crate::i18n::{CommonText, Lang, Words};
use crate::nav::View;
use crate::state::{AppState, LockState};
use leptos::prelude::*;

/// Title, link home and the language switch (remembered with the data).
#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang();
    let other = move || match lang.get() {
        Lang::Da => Lang::En,
        Lang::En => Lang::Da,
    };
    view! {
        <header class="app-header" data-app="">
            <a class="app-title" href=View::Worklist.hash() data-testid="app-title">
                {move || lang.get().t(CommonText::AppTitle)}
            </a>
            <div class="header-actions">
                {move || (state.lock().get() == LockState::Unlocked).then(|| view! {
                    <button type="button" class="lock-button" data-testid="lock-button" on:click=move |_| state.lock_now()>
                        {lang.get().t(CommonText::Lock)}
                    </button>
                })}
                <button
                    type="button"
                    class="lang-switch"
                    data-testid="lang-switch"
                    lang=move || other().code()
                    title=move || lang.get().t(CommonText::SwitchLanguageLabel)
                    on:click=move |_| state.set_lang(other())
                >
                    {move || lang.get().t(CommonText::SwitchLanguage)}
                </button>
            </div>
        </header>
    }
}
