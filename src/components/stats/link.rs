use crate::i18n::{StatsText, Words};
use crate::nav::View;
use leptos::prelude::*;

/// From the worklist to the department's pathway times.
#[component]
pub fn StatsLink() -> impl IntoView {
    let l = crate::components::use_lang();
    view! {
        <p class="stats-link no-print">
            <a href=View::Stats.hash() data-testid="stats-link">{l.t(StatsText::StatsTitle)}</a>
        </p>
    }
}
