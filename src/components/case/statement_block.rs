use super::CaseCtx;
use crate::i18n::Lang;
use crate::pathway::Text;
use crate::pathway::statement::Statement;
use crate::pathway::Plan;
use leptos::prelude::*;

/// Statements as a list, each after its section.
pub fn statements(l: Lang, items: Vec<Statement>, testid: &'static str) -> impl IntoView {
    view! {
        <ul data-testid=testid>
            {items
                .into_iter()
                .map(|s| view! { <li><span class="section">{l.pick(s.section.label())}</span>" "{l.pick(s.text)}</li> })
                .collect_view()}
        </ul>
    }
}

/// One block of the destination panel: a heading and the plan's statements
/// under it, shown only when there are any (the reasons, the text's absolute
/// rules, where the text is silent: one component, rendered from data).
#[component]
pub fn StatementBlock(
    /// The block's heading.
    #[prop(into)]
    heading: Text,
    /// The test id of its list.
    testid: &'static str,
    /// The statements, read from the case's plan (none: the block is not shown).
    of: fn(&Plan) -> Vec<Statement>,
) -> impl IntoView {
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    move || {
        let s = ctx.plan.with(|p| p.as_ref().map(of).unwrap_or_default());
        (!s.is_empty()).then(|| view! { <h3>{l.pick(heading)}</h3> {statements(l, s, testid)} })
    }
}
