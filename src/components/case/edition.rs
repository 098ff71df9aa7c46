use super::CaseCtx;
use crate::i18n::{CaseText, CommonText, Words};
use crate::pathway::{EDITION, MODEL_VERSION};
use leptos::prelude::*;

/// The guideline edition, the model version, that local and national
/// guidance prevail, and a warning when the case was made under an older model.
#[component]
pub fn EditionNote() -> impl IntoView {
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let older = move || ctx.plan.with(|p| p.as_ref().and_then(|p| p.evaluated_under_other_version.clone()));
    view! {
        <div class="edition-note">
            <p>
                {l.t(CommonText::Edition)}": "<cite lang="da">{EDITION.title_da}</cite>" ("{EDITION.publisher}") · "
                {l.t(CommonText::ModelVersion)}" "{MODEL_VERSION}
            </p>
            <p class="prevails">{l.t(CaseText::GuidancePrevails)}</p>
            {move || older().map(|s| view! {
                <p class="banner banner-warn" data-testid="older-model">
                    "⚠ "{l.t(CaseText::OlderModel)}" "{s.model_version}"."
                </p>
            })}
        </div>
    }
}
