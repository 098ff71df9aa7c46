use super::statement_block::{statements, StatementBlock};
use super::CaseCtx;
use crate::i18n::{CaseText, CommonText, Words};
use crate::pathway::Destination;
use leptos::prelude::*;

/// "Pakkeforløb for …" as it reads inside a sentence.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default()
}

/// "Hvor hører patienten til": the model's destination (provisional while
/// answers that could change it are open, with those questions), every
/// reason and its section, rules that point different ways side by side,
/// the text's absolute rules, rules outranked by another (with the model's
/// reading where the text states no order), where the text is silent, and
/// the text's cross-references that touch this case. Input problems are in
/// the summary at the top (`CaseSummary`).
#[component]
pub fn DestinationPanel() -> impl IntoView {
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let headline = move || ctx.plan.with(|p| p.as_ref().map(|p| l.pick(p.route.headline())));
    let provisional = move || ctx.plan.with(|p| p.as_ref().is_some_and(|p| p.route.provisional));
    // The open questions that hold the destination, in the wizard's words.
    let waiting = move || {
        ctx.plan.with(|p| {
            p.as_ref().map_or(vec![], |p| {
                p.route
                    .waiting
                    .iter()
                    .filter_map(|(id, rules)| {
                        let q = p.questions.iter().find(|q| q.question.id == *id)?;
                        // What the answer could lead to: the rules that wait for it, or the urgent action.
                        let outcome = if rules.is_empty() {
                            l.t(CaseText::CouldAddUrgent).to_string()
                        } else {
                            let mut to: Vec<String> =
                                rules.iter().map(|r| lower_first(l.pick(r.points_to()))).collect();
                            to.dedup();
                            format!("{} {}", l.t(CaseText::CouldPointTo), to.join(" / "))
                        };
                        Some((
                            q.question.id,
                            q.question.step,
                            q.question.section,
                            l.pick(q.question.text),
                            outcome,
                        ))
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let options = move || ctx.plan.with(|p| p.as_ref().map(|p| p.route.options.clone()).unwrap_or_default());
    let conflict = move || ctx.plan.with(|p| p.as_ref().is_some_and(|p| p.route.destination == Destination::Conflict));
    let superseded = move || ctx.plan.with(|p| p.as_ref().map(|p| p.route.superseded.clone()).unwrap_or_default());
    let slips = move || ctx.plan.with(|p| p.as_ref().map(|p| p.slips_touching_case()).unwrap_or_default());
    view! {
        <section class="panel destination" aria-labelledby="destination-heading" data-testid="destination-panel">
            <h2 id="destination-heading">{l.t(CaseText::WhereBelongs)}</h2>
            <p class="headline" class:provisional=provisional data-testid="destination" aria-live="polite">
                {move || provisional().then(|| view! { <span class="tag" data-testid="provisional">{l.t(CommonText::Provisional)}": "</span> })}
                {headline}
            </p>
            {move || {
                let w = waiting();
                (provisional() && !w.is_empty()).then(|| view! {
                    <div class="waiting" data-testid="provisional-questions">
                        <p>{l.t(CaseText::ProvisionalWaiting)}</p>
                        <ul>
                            {w.into_iter()
                                .map(|(id, step, s, q, outcome)| view! {
                                    <li>
                                        <span class="section">{l.pick(s.label())}</span>" "
                                        // A link to the question itself: its step opens and it takes focus.
                                        <button type="button" class="linklike" data-testid=format!("go-to-question-{}", id.name())
                                            title=l.t(CaseText::GoToQuestion)
                                            on:click=move |_| super::case_nav::go_to_question(ctx.step, step, id)>
                                            {q}
                                        </button>
                                        " "<span class="outcome">"→ "{outcome}</span>
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                    </div>
                })
            }}
            {move || conflict().then(|| view! {
                <div class="options" data-testid="conflict-options">
                    {options()
                        .into_iter()
                        .map(|o| view! {
                            <div class="option" data-testid="conflict-option">
                                <h3>{l.t(CaseText::ConflictOptions)}": "{l.pick(o.destination.headline())}</h3>
                                {statements(l, o.reasons, "option-reasons")}
                            </div>
                        })
                        .collect_view()}
                </div>
            })}
            // Under a conflict the options above carry the reasons.
            <StatementBlock heading=CaseText::Reasons testid="reasons"
                of=|p| if p.route.destination == Destination::Conflict { vec![] } else { p.route.reasons.clone() }/>
            <StatementBlock heading=CaseText::StandingRules testid="standing" of=|p| p.standing.clone()/>
            <StatementBlock heading=CaseText::TextSilent testid="silences" of=|p| p.route.silences.clone()/>
            {move || {
                let s = superseded();
                (!s.is_empty()).then(|| view! {
                    <h3>{l.t(CaseText::Superseded)}</h3>
                    <ul class="superseded" data-testid="superseded">
                        {s.into_iter()
                            .map(|x| {
                                let by = x.by.rule();
                                view! {
                                    <li>
                                        <span class="section">{l.pick(x.statement.section.label())}</span>" "
                                        {l.pick(x.statement.text)}
                                        " — "{l.t(CaseText::SupersededBy)}" "<span class="section">{l.pick(by.section.label())}</span>" "{l.pick(x.by.points_to())}
                                        {x.reading.map(|r| view! { <span class="reading">" ("{l.t(CaseText::ModelReading)}": "{l.pick(r)}")"</span> })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                })
            }}
            {move || {
                let s = slips();
                (!s.is_empty()).then(|| {
                    view! {
                        <details class="slips" data-testid="text-slips">
                            <summary>{l.t(CaseText::TextSlips)}</summary>
                            <ul>
                                {s.into_iter()
                                    .map(|slip| {
                                        let secs = slip.sections.iter().map(|x| l.pick(x.label())).collect::<Vec<_>>().join(", ");
                                        view! {
                                            <li>
                                                <span class="section">{secs}</span>" "{l.t(CaseText::TextSays)}" "
                                                <q lang="da">{slip.text_says}</q>" — "{l.t(CaseText::ReadAs)}" "{l.pick(slip.read_as)}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </details>
                    }
                })
            }}
        </section>
    }
}
