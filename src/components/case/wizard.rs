use super::question_field::QuestionField;
use super::CaseCtx;
use crate::components::keyed::{keyed_list, Keyed};
use crate::i18n::{CaseText, Words};
use crate::pathway::Step;
use crate::state::AppState;
use leptos::html;
use leptos::prelude::*;

/// The wizard in the order the text works: Indgang → Primær udredning →
/// Histologi og beslutning → Sekundær udredning. Each step shows the model's
/// questions for this patient at that step; every answer can be revisited.
/// The last step leads on to the ending of the pathway (kap. 7). The steps
/// are chosen in the sticky bar ([`super::case_nav::CaseNav`]): one step
/// navigation on the page (issue 26.4).
#[component]
pub fn Wizard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let step = ctx.step;
    let heading = NodeRef::<html::H2>::new();
    // Moving between steps moves focus to the step's heading (not on first render).
    Effect::new(move |prev: Option<Step>| {
        let s = step.get();
        state.set_wizard_step(ctx.id, s);
        if prev.is_some_and(|p| p != s) {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        }
        s
    });
    let ids = move |s: Step| {
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| p.questions.iter().filter(|q| q.question.step == s).map(|q| q.question.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let index = move || Step::ALL.iter().position(|s| *s == step.get()).unwrap_or(0);
    view! {
        <section class="wizard panel" aria-labelledby="wizard-step-heading" data-testid="wizard">
            <h2 id="wizard-step-heading" tabindex="-1" node_ref=heading data-testid="step-heading">
                {move || format!("{} {} / 4: {}", l.t(CaseText::StepOf), index() + 1, l.pick(step.get().label()))}
            </h2>
            <div class="questions">
                {keyed_list(
                    Box::new(move || ids(step.get()).into_iter().map(Keyed::Question).collect()),
                    std::sync::Arc::new(|item| match item {
                        Keyed::Question(qid) => view! { <QuestionField qid/> }.into_any(),
                        _ => ().into_any(),
                    }),
                )}
                <Show when=move || ids(step.get()).is_empty()>
                    <p class="empty" data-testid="no-questions">{l.t(CaseText::NoQuestionsInStep)}</p>
                </Show>
            </div>
            <Show when=move || index() + 1 == Step::ALL.len() && !ctx.read_only>
                <p class="to-ending" data-testid="wizard-to-ending">
                    <button type="button" class="quiet" data-testid="go-to-ending" on:click=|_| super::case_nav::go_to("end-reason")>
                        {l.t(CaseText::GoToEnding)}" ↓"
                    </button>
                    " "{l.t(CaseText::EndingHint)}
                </p>
            </Show>
            <div class="step-buttons">
                <button
                    type="button"
                    data-testid="step-prev"
                    disabled=move || index() == 0
                    on:click=move |_| step.set(Step::ALL[index().saturating_sub(1)])
                >
                    "← "{l.t(CaseText::Previous)}
                </button>
                <button
                    type="button"
                    class="primary"
                    data-testid="step-next"
                    disabled=move || index() + 1 == Step::ALL.len()
                    on:click=move |_| step.set(Step::ALL[(index() + 1).min(Step::ALL.len() - 1)])
                >
                    {l.t(CaseText::Next)}" →"
                </button>
            </div>
        </section>
    }
}
