use super::CaseCtx;
use crate::i18n::{CaseText, Words};
use crate::pathway::criteria::{BrainPrinciple, CriteriaVerdict};
use leptos::prelude::*;

/// The §3.1.8 criteria (which held) and the §3.1.4 principle, as the model decides them.
#[component]
pub fn CriteriaPanel() -> impl IntoView {
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let word = move |v: Option<bool>| match v {
        Some(true) => format!("✓ {}", l.t(CaseText::Held)),
        Some(false) => format!("✗ {}", l.t(CaseText::NotHeld)),
        None => format!("? {}", l.t(CaseText::Unknown)),
    };
    let criteria = move || ctx.plan.with(|p| p.as_ref().and_then(|p| p.testicular_criteria));
    let principle = move || ctx.plan.with(|p| p.as_ref().and_then(|p| p.brain_principle));
    let principle_silence = move || ctx.plan.with(|p| p.as_ref().and_then(|p| p.brain_principle_silence.clone()));
    view! {
        {move || {
            criteria().map(|c| {

                let verdict = match c.verdict {
                    CriteriaVerdict::Refer => CaseText::VerdictRefer,
                    CriteriaVerdict::DoNotRefer => CaseText::VerdictDoNotRefer,
                    CriteriaVerdict::Pending => CaseText::VerdictPending,
                };
                view! {
                    <section class="panel criteria" data-testid="criteria-3-1-8">
                        <h2>{l.t(CaseText::Criteria3_1_8)}</h2>
                        <dl>
                            <dt>{l.t(CaseText::CriterionMan55)}</dt><dd data-testid="criterion-1">{word(c.man_under_55)}</dd>
                            <dt>{l.t(CaseText::CriterionMidline)}</dt><dd data-testid="criterion-2">{word(c.midline_tumour)}</dd>
                            <dt>{l.t(CaseText::CriterionMarker)}</dt><dd data-testid="criterion-3">{word(c.hcg_or_afp_raised)}</dd>
                        </dl>
                        <p class="verdict" data-testid="criteria-verdict">{l.t(verdict)}</p>
                    </section>
                }
            })
        }}
        {move || {
            principle().map(|p| {

                let k = match p {
                    BrainPrinciple::OperateSingle => CaseText::Principle1,
                    BrainPrinciple::ConsiderRemovingLargest => CaseText::Principle2,
                    BrainPrinciple::NoneOperable => CaseText::Principle3,
                };
                view! {
                    <section class="panel criteria" data-testid="brain-principle">
                        <h2>{l.t(CaseText::BrainPrinciple)}</h2>
                        <p>{l.t(k)}</p>
                    </section>
                }
            })
        }}
        {move || {
            principle_silence().map(|s| view! {
                <section class="panel criteria" data-testid="brain-principle-silence">
                    <h2>{l.t(CaseText::BrainPrinciple)}</h2>
                    <p><span class="section">{l.pick(s.section.label())}</span>" "{l.pick(s.text)}</p>
                </section>
            })
        }}
    }
}
