use crate::i18n::{CommonText, StatsText, Words};
use crate::pathway::{EDITION, MODEL_VERSION};
use crate::state::{da_date, AppState};
use leptos::prelude::*;

/// The guideline edition and model version the figures were computed under,
/// and on paper the date printed: the print stands on its own.
#[component]
pub fn StatsEdition() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = crate::components::use_lang();
    view! {
        <div class="edition-note" data-testid="stats-edition">
            <p class="print-only" data-testid="stats-printed-on">
                <strong>{l.t(StatsText::StatsPrintDate)}": "</strong>{da_date(state.today())}
            </p>
            <p>
                {l.t(CommonText::Edition)}": "<cite lang="da">{EDITION.title_da}</cite>" ("{EDITION.publisher}"), "
                {l.pick(EDITION.edition)}" · "{l.t(CommonText::ModelVersion)}" "{MODEL_VERSION}
            </p>
        </div>
    }
}
