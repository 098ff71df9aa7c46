use super::CaseCtx;
use crate::i18n::{CaseText, CommonText, Message, Words};
use crate::pathway::{Answer, AnswerKind, AskedQuestion, QuestionId, Text};
use crate::state::AppState;
use leptos::prelude::*;

/// One model question, rendered from its data alone: the wording, section,
/// kind and options come from the model; the answer goes back through it.
/// "Not known yet" is always a choice.
#[component]
pub fn QuestionField(
    /// The question (the model's catalogue); its answer and whether it is asked come from the case's plan.
    qid: QuestionId,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let q = qid.question();
    let name = format!("q-{}", qid.name());
    let asked = Memo::new(move |_| {
        ctx.plan.with(|p| p.as_ref().and_then(|p| p.questions.iter().find(|a| a.question.id == qid).cloned()))
    });
    let current = move || asked.with(|a| a.as_ref().map_or(Answer::Unknown, |a| a.answer.clone()));
    let flag = move |f: fn(&AskedQuestion) -> bool| asked.with(|a| a.as_ref().is_some_and(f));
    let error = RwSignal::new(None::<String>);
    let set = move |value: Answer| match state.answer(ctx.id, qid, value) {
        Ok(()) => error.set(None),
        Err(e) => error.set(Some(e.message(l))),
    };
    let error_id = format!("{name}-error");
    let input: AnyView = match q.kind {
        AnswerKind::YesNo => {
            let options =
                [(Answer::Yes, "yes", CommonText::Yes.into()), (Answer::No, "no", CommonText::No.into()), (Answer::Unknown, "unknown", CaseText::NotKnownYet.into())];
            radios(
                &name,
                options.into_iter().map(|(a, key, text)| (a, key.to_string(), text)).collect(),
                current,
                set,
                ctx.read_only,
            )
        }
        AnswerKind::OneOf { choices } if choices.len() <= 4 => {
            let mut options: Vec<_> =
                choices.iter().map(|c| (Answer::Choice(c.key), c.key.to_string(), c.text)).collect();
            options.push((Answer::Unknown, "unknown".into(), CaseText::NotKnownYet.into()));
            radios(&name, options, current, set, ctx.read_only)
        }
        AnswerKind::OneOf { choices } => {
            let id = name.clone();
            view! {
                <select
                    id=id
                    data-testid=name.clone()
                    disabled=ctx.read_only
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set(choices.iter().find(|c| c.key == v).map_or(Answer::Unknown, |c| Answer::Choice(c.key)));
                    }
                >
                    <option value="" selected=move || current() == Answer::Unknown>{l.t(CaseText::NotKnownYet)}</option>
                    {choices
                        .iter()
                        .map(|c| {
                            view! {
                                <option value=c.key selected=move || current() == Answer::Choice(c.key)>
                                    {l.pick(c.text)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            }
            .into_any()
        }
        AnswerKind::Number { min, max, unit } => {
            let id = name.clone();
            view! {
                <span class="inline">
                    <input
                        id=id
                        type="number"
                        inputmode="numeric"
                        disabled=ctx.read_only
                        min=min
                        max=max
                        data-testid=name.clone()
                        aria-describedby=error_id.clone()
                        prop:value=move || match current() {
                            Answer::Number(n) => n.to_string(),
                            _ => String::new(),
                        }
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let v = v.trim();
                            if v.is_empty() {
                                set(Answer::Unknown);
                            } else {
                                match v.parse::<u32>() {
                                    Ok(n) => set(Answer::Number(n)),
                                    Err(_) => error.set(Some(crate::pathway::questions::AnswerError::OutOfRange { min, max }.message(l))),
                                }
                            }
                        }
                    />
                    " "{l.pick(unit)}
                </span>
            }
            .into_any()
        }
        AnswerKind::Text { max_chars } => {
            let id = name.clone();
            view! {
                <input
                    id=id
                    type="text"
                    autocomplete="off"
                    disabled=ctx.read_only
                    maxlength=max_chars + 20
                    data-testid=name.clone()
                    aria-describedby=error_id.clone()
                    prop:value=move || match current() {
                        Answer::Text(t) => t,
                        _ => String::new(),
                    }
                    on:change=move |ev| set(Answer::Text(event_target_value(&ev)))
                />
            }
            .into_any()
        }
    };
    let labelled_by_legend =
        matches!(q.kind, AnswerKind::YesNo) || matches!(q.kind, AnswerKind::OneOf { choices } if choices.len() <= 4);
    let title = l.pick(q.text);
    let badges = move || {
        view! {
            <span class="section">{l.pick(q.section.label())}</span>
            {move || flag(|a| a.open).then(|| view! { <span class="badge open">{l.t(CaseText::OpenQuestion)}</span> })}
            {move || flag(|a| a.decides_destination).then(|| view! { <span class="badge decides">{l.t(CaseText::DecidesDestination)}</span> })}
        }
    };
    view! {
        <div class="question" class:open=move || flag(|a| a.open) id=format!("question-{}", qid.name()) tabindex="-1" data-testid=format!("question-{}", qid.name())>
            {if labelled_by_legend {
                view! {
                    <fieldset>
                        <legend>{title}" "{badges}</legend>
                        {input}
                    </fieldset>
                }
                .into_any()
            } else {
                view! {
                    <label for=name.clone()>{title}" "{badges}</label>
                    {input}
                }
                .into_any()
            }}
            {qid.hint().map(|h| view! { <p class="hint" data-testid=format!("hint-{}", qid.name())>{l.pick(h)}</p> })}
            // What this case adds: the entry route's suspicion to confirm or rebut, a reading, an overlap.
            {move || {
                let notes = asked.with(|a| a.as_ref().map(|a| a.notes.clone()).unwrap_or_default());
                (!notes.is_empty()).then(|| view! {
                    <ul class="hint question-notes" data-testid=format!("notes-{}", qid.name())>
                        {notes.into_iter().map(|n| view! { <li><span class="section">{l.pick(n.section.label())}</span>" "{l.pick(n.text)}</li> }).collect_view()}
                    </ul>
                })
            }}
            <p id=format!("q-{}-error", qid.name()) class="field-error" role="alert">{move || error.get()}</p>
        </div>
    }
}

fn radios(
    name: &str,
    options: Vec<(Answer, String, Text)>,
    current: impl Fn() -> Answer + Copy + Send + Sync + 'static,
    set: impl Fn(Answer) + Copy + Send + Sync + 'static,
    disabled: bool,
) -> AnyView {
    let l = crate::components::use_lang();
    options
        .into_iter()
        .map(|(value, key, label)| {
            let id = format!("{name}-{key}");
            let (for_id, testid) = (id.clone(), id.clone());
            let checked_value = value.clone();
            view! {
                <label class="choice" for=for_id>
                    <input
                        type="radio"
                        disabled=disabled
                        id=id
                        name=name.to_string()
                        data-testid=testid
                        prop:checked=move || current() == checked_value
                        on:change=move |_| set(value.clone())
                    />
                    {l.pick(label)}
                </label>
            }
        })
        .collect_view()
        .into_any()
}
