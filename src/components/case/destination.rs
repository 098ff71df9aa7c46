use super::panel_block::{lines, statement_line, Frame, Line, Part, PanelBlock};
use super::CaseCtx;
use crate::i18n::{CaseText, CommonText, Lang, Words};
use crate::pathway::{Destination, Plan};
use leptos::prelude::*;

/// "Pakkeforløb for …" as it reads inside a sentence.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default()
}

/// The open questions that hold a provisional destination, in the wizard's
/// words, each a link to the question, with what its answer could lead to.
fn waiting(p: &Plan, l: Lang) -> Vec<Line> {
    if !p.route.provisional {
        return vec![];
    }
    p.route
        .waiting
        .iter()
        .filter_map(|(id, rules)| {
            let q = p.questions.iter().find(|q| q.question.id == *id)?;
            // What the answer could lead to: the rules that wait for it, or the urgent action.
            let outcome = if rules.is_empty() {
                l.t(CaseText::CouldAddUrgent).to_string()
            } else {
                let mut to: Vec<String> = rules.iter().map(|r| lower_first(l.pick(r.points_to()))).collect();
                to.dedup();
                format!("{} {}", l.t(CaseText::CouldPointTo), to.join(" / "))
            };
            let question = &q.question;
            Some(vec![
                Part::Section(l.pick(question.section.label())),
                Part::Words(" ".into()),
                Part::Question { id: question.id, step: question.step, text: l.pick(question.text).into(), title: l.t(CaseText::GoToQuestion) },
                Part::Words(" ".into()),
                Part::Outcome(format!("→ {outcome}")),
            ])
        })
        .collect()
}

/// Under a conflict the options carry the reasons.
fn reasons(p: &Plan, l: Lang) -> Vec<Line> {
    if p.route.destination == Destination::Conflict {
        return vec![];
    }
    p.route.reasons.iter().map(|s| statement_line(l, s)).collect()
}

fn standing(p: &Plan, l: Lang) -> Vec<Line> {
    p.standing.iter().map(|s| statement_line(l, s)).collect()
}

fn silences(p: &Plan, l: Lang) -> Vec<Line> {
    p.route.silences.iter().map(|s| statement_line(l, s)).collect()
}

/// A rule outranked by another: which, and the model's reading where the text states no order.
fn superseded(p: &Plan, l: Lang) -> Vec<Line> {
    p.route
        .superseded
        .iter()
        .map(|x| {
            let by = x.by.rule();
            let mut line = statement_line(l, &x.statement);
            line.extend([
                Part::Words(format!(" — {} ", l.t(CaseText::SupersededBy))),
                Part::Section(l.pick(by.section.label())),
                Part::Words(format!(" {}", l.pick(x.by.points_to()))),
            ]);
            if let Some(r) = x.reading {
                line.push(Part::Reading(format!(" ({}: {})", l.t(CaseText::ModelReading), l.pick(r))));
            }
            line
        })
        .collect()
}

/// The text's slips that touch this case: what it says, and how it is read.
fn slips(p: &Plan, l: Lang) -> Vec<Line> {
    p.slips_touching_case()
        .into_iter()
        .map(|slip| {
            let secs = slip.sections.iter().map(|x| l.pick(x.label())).collect::<Vec<_>>().join(", ");
            vec![
                Part::Section(secs),
                Part::Words(format!(" {} ", l.t(CaseText::TextSays))),
                Part::Quote(slip.text_says.into()),
                Part::Words(format!(" — {} {}", l.t(CaseText::ReadAs), l.pick(slip.read_as))),
            ]
        })
        .collect()
}

/// "Hvor hører patienten til": the model's destination (provisional while
/// answers that could change it are open, with those questions), every
/// reason and its section, rules that point different ways side by side,
/// the text's absolute rules, rules outranked by another (with the model's
/// reading where the text states no order), where the text is silent, and
/// the text's cross-references that touch this case. Input problems are in
/// the summary at the top (`CaseSummary`). The blocks are [`PanelBlock`]s,
/// each drawn from the plan by one function below.
#[component]
pub fn DestinationPanel() -> impl IntoView {
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let headline = move || ctx.plan.with(|p| p.as_ref().map(|p| l.pick(p.route.headline())));
    let provisional = move || ctx.plan.with(|p| p.as_ref().is_some_and(|p| p.route.provisional));
    let options = move || ctx.plan.with(|p| p.as_ref().map(|p| p.route.options.clone()).unwrap_or_default());
    let conflict = move || ctx.plan.with(|p| p.as_ref().is_some_and(|p| p.route.destination == Destination::Conflict));
    view! {
        <section class="panel destination" aria-labelledby="destination-heading" data-testid="destination-panel">
            <h2 id="destination-heading">{l.t(CaseText::WhereBelongs)}</h2>
            <p class="headline" class:provisional=provisional data-testid="destination" aria-live="polite">
                {move || provisional().then(|| view! { <span class="tag" data-testid="provisional">{l.t(CommonText::Provisional)}": "</span> })}
                {headline}
            </p>
            <PanelBlock frame=Frame::Intro(CaseText::ProvisionalWaiting.into()) testid="provisional-questions" of=waiting/>
            // Rules that point different ways, side by side, each with its reasons.
            {move || conflict().then(|| view! {
                <div class="options" data-testid="conflict-options">
                    {options()
                        .into_iter()
                        .map(|o| view! {
                            <div class="option" data-testid="conflict-option">
                                <h3>{l.t(CaseText::ConflictOptions)}": "{l.pick(o.destination.headline())}</h3>
                                {lines(ctx, o.reasons.iter().map(|s| statement_line(l, s)).collect(), None, Some("option-reasons"))}
                            </div>
                        })
                        .collect_view()}
                </div>
            })}
            <PanelBlock frame=Frame::Heading(CaseText::Reasons.into()) testid="reasons" of=reasons/>
            <PanelBlock frame=Frame::Heading(CaseText::StandingRules.into()) testid="standing" of=standing/>
            <PanelBlock frame=Frame::Heading(CaseText::TextSilent.into()) testid="silences" of=silences/>
            <PanelBlock frame=Frame::Heading(CaseText::Superseded.into()) testid="superseded" class="superseded" of=superseded/>
            <PanelBlock frame=Frame::Folded(CaseText::TextSlips.into()) testid="text-slips" of=slips/>
        </section>
    }
}
