use crate::i18n::K;
use crate::nav::View;
use crate::state::AppState;
use leptos::prelude::*;

/// From the worklist to the department's pathway times.
#[component]
pub fn StatsLink() -> impl IntoView {
    let l = expect_context::<AppState>().lang().get_untracked();
    view! {
        <p class="stats-link no-print">
            <a href=View::Stats.hash() data-testid="stats-link">{l.t(K::StatsTitle)}</a>
        </p>
    }
}
