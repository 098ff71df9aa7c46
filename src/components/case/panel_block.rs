use super::CaseCtx;
use crate::i18n::Lang;
use crate::pathway::statement::Statement;
use crate::pathway::{Plan, QuestionId, Step, Text};
use leptos::prelude::*;

/// How a block of the destination panel opens.
#[derive(Clone, Copy)]
pub enum Frame {
    /// A heading over the list.
    Heading(Text),
    /// A paragraph leading into the list, in a marked box (the open questions).
    Intro(Text),
    /// Folded under a summary line (the text's slips).
    Folded(Text),
}

/// One piece of a line, as the panel draws it.
pub enum Part {
    Words(String),
    /// A citation: "§3.1.6".
    Section(String),
    /// The pathway's own Danish words, quoted.
    Quote(String),
    /// The model's reading where the text states no order.
    Reading(String),
    /// What an open answer could lead to.
    Outcome(String),
    /// A link to a question: its step opens and it takes focus.
    Question { id: QuestionId, step: Step, text: String, title: &'static str },
}

/// One line of a block: its parts in order.
pub type Line = Vec<Part>;

/// A statement as a line: its section, then its text.
pub fn statement_line(l: Lang, s: &Statement) -> Line {
    vec![Part::Section(l.pick(s.section.label())), Part::Words(format!(" {}", l.pick(&s.text)))]
}

fn part(ctx: CaseCtx, p: Part) -> AnyView {
    match p {
        Part::Words(w) => w.into_any(),
        Part::Section(s) => view! { <span class="section">{s}</span> }.into_any(),
        Part::Quote(q) => view! { <q lang="da">{q}</q> }.into_any(),
        Part::Reading(r) => view! { <span class="reading">{r}</span> }.into_any(),
        Part::Outcome(o) => view! { <span class="outcome">{o}</span> }.into_any(),
        Part::Question { id, step, text, title } => view! {
            <button type="button" class="linklike" data-testid=format!("go-to-question-{}", id.name()) title=title
                on:click=move |_| super::case_nav::go_to_question(ctx.step, step, id)>
                {text}
            </button>
        }
        .into_any(),
    }
}

/// Lines as a list.
pub fn lines(ctx: CaseCtx, items: Vec<Line>, class: Option<&'static str>, testid: Option<&'static str>) -> impl IntoView {
    view! {
        <ul class=class data-testid=testid>
            {items.into_iter().map(|line| view! { <li>{line.into_iter().map(|p| part(ctx, p)).collect_view()}</li> }).collect_view()}
        </ul>
    }
}

/// One block of the destination panel, rendered from data: the open
/// questions the destination waits for, the reasons, the text's absolute
/// rules, where the text is silent, rules outranked by another, the text's
/// slips. Shown only when it has lines.
#[component]
pub fn PanelBlock(
    /// How the block opens: a heading, a leading paragraph, or folded.
    frame: Frame,
    /// The test id of the block (of its list under a heading).
    testid: &'static str,
    /// The list's class, for its look.
    #[prop(optional, into)]
    class: Option<&'static str>,
    /// The lines, read from the case's plan in the clinician's language (none: not shown).
    of: fn(&Plan, Lang) -> Vec<Line>,
) -> impl IntoView {
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    move || {
        let items = ctx.plan.with(|p| p.as_ref().map(|p| of(p, l)).unwrap_or_default());
        (!items.is_empty()).then(|| match frame {
            Frame::Heading(h) => view! { <h3>{l.pick(h)}</h3> {lines(ctx, items, class, Some(testid))} }.into_any(),
            Frame::Intro(h) => view! {
                <div class="waiting" data-testid=testid><p>{l.pick(h)}</p>{lines(ctx, items, class, None)}</div>
            }
            .into_any(),
            Frame::Folded(h) => view! {
                <details class="slips" data-testid=testid><summary>{l.pick(h)}</summary>{lines(ctx, items, class, None)}</details>
            }
            .into_any(),
        })
    }
}
