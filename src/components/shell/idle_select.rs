use crate::i18n::{CommonText, Words};
use crate::state::AppState;
use crate::state::IDLE_CHOICES;
use leptos::prelude::*;

/// How many minutes without use before the lock closes.
#[component]
pub fn IdleSelect() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = crate::components::use_lang();
    view! {
        <div class="event">
            <label for="idle-minutes">{l.t(CommonText::IdleMinutes)}</label>
            <select
                id="idle-minutes"
                data-testid="idle-minutes"
                on:change=move |ev| {
                    if let Ok(m) = event_target_value(&ev).parse() {
                        state.set_idle_minutes(m);
                    }
                }
            >
                {IDLE_CHOICES
                    .iter()
                    .map(|m| {
                        let m = *m;
                        view! { <option value=m.to_string() selected=move || state.idle_minutes().get() == m>{m}" "{l.t(CommonText::Minutes)}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
