use super::CaseCtx;
use crate::i18n::{CaseText, Words};
use crate::journal::answer_words as answer_text;
use leptos::prelude::*;

/// The answers given, for the printout (the wizard shows one step at a time
/// and is not printed): every question of the course with its answer, the
/// open ones marked "Afventer svar".
#[component]
pub fn AnswersPrint() -> impl IntoView {
    let ctx = expect_context::<CaseCtx>();
    let l = crate::components::use_lang();
    let rows = move || ctx.plan.with(|p| p.as_ref().map(|p| p.questions.clone()).unwrap_or_default());
    view! {
        <section class="print-only answers-print panel" data-testid="answers-print">
            <h2>{l.t(CaseText::AnswersHeading)}</h2>
            <table>
                <tbody>
                    {move || {
                        rows()
                            .into_iter()
                            .map(|q| {
                                let answer = answer_text(&q, l);
                                view! {
                                    <tr>
                                        <th scope="row">
                                            <span class="section">{l.pick(q.question.section.label())}</span>" "
                                            {l.pick(q.question.text)}
                                        </th>
                                        <td>
                                            {answer}
                                            {q.open.then(|| view! { " — "<strong>{l.t(CaseText::OpenQuestion)}</strong> })}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </section>
    }
}
