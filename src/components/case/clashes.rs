//! A patient's clashes (issue 24.3): each field changed in two places that
//! had not seen each other, every value with where and when it was written,
//! and a choice that writes one value replacing them all; and a patient
//! deleted in one place and changed in another.
use crate::i18n::{CommonText, Lang, MergeText, Words};
use crate::merge::Stamp;
use crate::pathway::Choosable;
use crate::records::{with_value, Clash};
use crate::state::{da_date, AppState};
use crate::patients::Patient;
use leptos::prelude::*;
use serde_json::Value;

/// The question an answer field answers: the one whose answer the value
/// changes (against the field left empty).
fn question_for(p: &Patient, key: &str, v: &Value, today: chrono::NaiveDate) -> Option<crate::pathway::AskedQuestion> {
    if v.is_null() {
        return None;
    }
    let with = crate::pathway::evaluate(&with_value(p, key, v).case, today);
    let without = crate::pathway::evaluate(&with_value(p, key, &Value::Null).case, today);
    with.questions.into_iter().find(|q| {
        q.answer != crate::pathway::Answer::Unknown
            && !without.questions.iter().any(|o| o.question.id == q.question.id && o.answer == q.answer)
    })
}

/// The field in words: the question it answers where the wizard asks it.
fn field_name(p: &Patient, c: &Clash, l: Lang, today: chrono::NaiveDate) -> String {
    let key = c.key.as_str();
    let m = |m: MergeText| l.t(m).to_string();
    if key.starts_with("a.") {
        let found = c.values.iter().find_map(|(_, v)| question_for(p, key, v, today));
        return found.map_or_else(
            || format!("{} {key}", m(MergeText::FieldOther)),
            |q| l.pick(q.question.text).to_string(),
        );
    }
    if let Some(e) = key.strip_prefix("e.") {
        let which = match e {
            "referral_received" => MergeText::EventReferralReceived,
            "first_attendance" => MergeText::EventFirstAttendance,
            "referred_to_secondary" => MergeText::EventReferredToSecondary,
            "secondary_first_attendance" => MergeText::EventSecondaryFirstAttendance,
            "ended" => MergeText::EventEnded,
            "acute_referral_made" => MergeText::EventAcuteReferralMade,
            "handed_over" => MergeText::EventHandedOver,
            "workup_lengthened" => MergeText::EventWorkupLengthened,
            _ => return format!("{} {key}", m(MergeText::FieldOther)),
        };
        return m(which);
    }
    if let Some(t) = key.strip_prefix("t.").or_else(|| key.strip_prefix("n.")) {
        let item = crate::pathway::CHECKLIST
            .iter()
            .find(|i| i.id == t)
            .map_or(t.to_string(), |i| l.pick(i.text).to_string());
        let what = if key.starts_with("t.") { MergeText::FieldTick } else { MergeText::FieldNote };
        return format!("{}: {item}", m(what));
    }
    if let Some(code) = key.strip_prefix("r.") {
        return format!("{} {code}", m(MergeText::FieldRegistered));
    }
    match key {
        "label" => m(MergeText::FieldLabel),
        "closed" => m(MergeText::FieldArchived),
        "created" => m(MergeText::FieldCreated),
        "u" => m(MergeText::FieldModel),
        _ => format!("{} {key}", m(MergeText::FieldOther)),
    }
}

/// One value in words.
fn value_text(p: &Patient, c: &Clash, v: &Value, l: Lang, today: chrono::NaiveDate) -> String {
    if v.is_null() {
        return l.t(MergeText::Empty).to_string();
    }
    if c.key.starts_with("a.") {
        if let Some(q) = question_for(p, &c.key, v, today) {
            return crate::journal::answer_words(&q, l);
        }
    }
    match v {
        Value::Bool(true) => l.t(CommonText::Yes).to_string(),
        Value::Bool(false) => l.t(CommonText::No).to_string(),
        Value::String(s) => crate::pathway::iso::parse(s).map_or_else(|| s.clone(), da_date),
        Value::Object(o) => {
            let date = o.get("date").and_then(Value::as_str).and_then(crate::pathway::iso::parse).map(da_date);
            let reason = o.get("reason").and_then(Value::as_str).map(|r| {
                crate::pathway::case::EndReason::CHOICES
                    .iter()
                    .find(|c| c.key == r)
                    .map_or(r.to_string(), |c| l.pick(c.text).to_string())
            });
            [date, reason].into_iter().flatten().collect::<Vec<_>>().join(" — ")
        }
        v => v.to_string(),
    }
}

/// Where and when a value was written.
fn written(s: Stamp, here: crate::merge::Writer, l: Lang) -> String {
    let when = if s.time_ms() == 0 {
        return l.t(MergeText::WrittenBeforeStamps).to_string();
    } else {
        let d = js_sys::Date::new(&(s.time_ms() as f64).into());
        format!(
            "{:02}.{:02}.{} {:02}:{:02}",
            d.get_date(),
            d.get_month() + 1,
            d.get_full_year(),
            d.get_hours(),
            d.get_minutes()
        )
    };
    if s.0 == here {
        format!("{when}, {}", l.t(MergeText::WrittenHere))
    } else {
        format!("{when}, {} {}", l.t(MergeText::WrittenElsewhere), &s.0.text()[..6])
    }
}

#[component]
pub fn Clashes(
    /// The patient's local number; nothing shows unless its record holds a clash.
    id: u32,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = state.lang().get_untracked();
    let today = state.today();
    let in_clash = Memo::new(move |_| state.worklist().with(|w| w.get(id).is_some_and(|p| p.stamps.in_clash())));
    move || {
        if !in_clash.get() {
            return None;
        }
        let p = state.worklist().with(|w| w.get(id).cloned())?;
        let here = state.writer();
        let deleted = p.stamps.deleted_elsewhere();
        let clashes = p.clashes();
        let rows = clashes
            .iter()
            .map(|c| {
                let name = field_name(&p, c, l, today);
                let values = c
                    .values
                    .iter()
                    .enumerate()
                    .map(|(i, (s, v))| {
                        // One text per value: the value, where and when, and whether it is the one shown.
                        let shown = if i == 0 { format!(", {}", l.t(MergeText::Chosen)) } else { String::new() };
                        let text = format!("{} ({}{shown}) ", value_text(&p, c, v, l, today), written(*s, here, l));
                        let (key, value) = (c.key.clone(), v.clone());
                        view! {
                            <li data-testid="clash-value">
                                {text}
                                <button type="button" class="quiet" data-testid="clash-choose" on:click=move |_| state.resolve(id, &key, value.clone())>
                                    {l.t(MergeText::Choose)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <li data-testid="clash">
                        <span data-testid="clash-field">{name}</span>
                        <ul>{values}</ul>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="banner banner-warn clashes" role="status" data-testid="clashes">
                <h2>"⚠ "{l.t(MergeText::ClashHeading)}</h2>
                {deleted.then(|| view! {
                    <p data-testid="deleted-elsewhere">
                        {l.t(MergeText::DeletedElsewhere)}" "
                        <button type="button" data-testid="keep-patient" on:click=move |_| state.resolve(id, crate::merge::DELETED, Value::Null)>
                            {l.t(MergeText::KeepPatient)}
                        </button>" "
                        <button type="button" class="quiet" data-testid="delete-patient" on:click=move |_| state.delete_patient(id)>
                            {l.t(MergeText::DeletePatient)}
                        </button>
                    </p>
                })}
                {(!clashes.is_empty()).then(|| view! { <p>{l.t(MergeText::ClashIntro)}</p> })}
                <ul>{rows}</ul>
            </section>
        })
    }
}
