use crate::i18n::{CommonText, Words};
use crate::pathway::{EDITION, MODEL_VERSION};
use crate::state::{da_date, AppState};
use leptos::prelude::*;

/// Where the data lives, the edition and model version, and today's date.
#[component]
pub fn Footer() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    view! {
        <footer class="app-footer" data-testid="footer" data-app="">
            <p>{l.t(CommonText::DataLocal)}" "<a href=crate::nav::View::About.hash() data-testid="about-link">{l.t(CommonText::About)}</a></p>
            <p data-testid="edition">
                {EDITION.publisher}": "<span lang="da">{EDITION.title_da}</span>" — "{l.pick(EDITION.edition)}" · "
                {l.t(CommonText::ModelVersion)}" "{MODEL_VERSION}
            </p>
            <p>{l.t(CommonText::DateLabel)}": " <time data-testid="today">{da_date(state.today())}</time></p>
        </footer>
    }
}
