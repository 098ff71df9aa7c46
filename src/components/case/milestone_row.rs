use crate::i18n::{CaseText, Lang, Words};
use crate::pathway::calendar::DayFacts;
use crate::pathway::timeline::{Milestone, MilestoneStatus};
use crate::state::da_date;
use leptos::prelude::*;

/// A due date with its weekday, ISO week and a weekend/holiday flag.
pub fn day_text(l: Lang, d: &DayFacts) -> String {
    let mut s =
        format!("{} ({}, {} {})", da_date(d.date), l.pick(d.weekday), l.t(CaseText::Week), d.iso_week);
    if let Some(h) = d.holiday {
        s.push_str(&format!(" ⚑ {}: {h}", l.t(CaseText::Holiday)));
    } else if d.weekend {
        s.push_str(&format!(" ⚑ {}", l.t(CaseText::Weekend)));
    }
    s
}

/// One time standard: dates, days used of allowed (in words and as a bar),
/// status, the projected latest date, and the text's notes.
#[component]
pub fn MilestoneRow(
    /// One time standard of the case's timeline: its days, due date and status.
    m: Milestone,
    /// The clinician's language (the row is rebuilt with the screen).
    lang: Lang,
) -> impl IntoView {
    let l = lang;
    let allowed = m.standard_days;
    let used = m.days_used;
    let pct = used.map_or(0, |u| (u.max(0) * 100 / allowed.max(1)).min(100));
    let over = used.is_some_and(|u| u > allowed);
    let status_class = match m.status {
        MilestoneStatus::Overdue | MilestoneStatus::Exceeded | MilestoneStatus::Invalid => "bad",
        MilestoneStatus::DueToday => "warn",
        MilestoneStatus::Met => "good",
        _ => "",
    };
    let used_text = used.map(|u| format!("{} {} {allowed}", l.days(u), l.t(CaseText::DaysUsedOf)));
    let secs = m.sections.iter().map(|s| l.pick(s.label())).collect::<Vec<_>>().join(", ");
    view! {
        <li class="milestone" data-testid=format!("milestone-{}", m.id.name())>
            <h3>
                {l.pick(m.from)}" → "{l.pick(m.to)}
                " "<span class="section">{secs}</span>
            </h3>
            <p class="ms-line">
                <span>{l.t(CaseText::Standard)}": "{allowed}" "{l.t(CaseText::CalendarDays)}</span>
                {m.start.map(|s| view! { <span>{l.t(CaseText::Start)}": "{da_date(s)}</span> })}
                {m.due.as_ref().map(|d| view! { <span data-testid="due">{l.t(CaseText::Due)}": "{day_text(l, d)}</span> })}
                <span class=format!("status {status_class}") data-testid="status">{l.pick(m.status.label())}</span>
            </p>
            {m.projected.as_ref().map(|p| view! {
                <p class="projected" data-testid="projected">
                    {l.t(CaseText::LatestProjected)}": "{l.t(CaseText::Start)}" "{da_date(p.latest_start)}
                    {p.start_passed.then(|| view! { " "<strong data-testid="projected-passed">{l.t(CaseText::ProjectedPassed)}</strong> })}
                    ", "{l.t(CaseText::Due).to_lowercase()}" "{day_text(l, &p.latest_due)}
                    {p.due_passed.then(|| view! { " "<strong>{l.t(CaseText::ProjectedPassed)}</strong> })}
                </p>
            })}
            {used_text.clone().map(|t| view! {
                <div class="bar-row">
                    <div class="bar" role="img" aria-label=t.clone() class:over=over>
                        <div class="used" style=format!("width: {pct}%")></div>
                    </div>
                    <span class="bar-text" data-testid="days-used">{t}{over.then_some(" ⚠")}</span>
                </div>
            })}
            {m.recorded_reason.as_ref().map(|r| view! { <p class="recorded" data-testid="recorded-reason"><span class="section">{l.pick(r.section.label())}</span>" "{l.pick(&r.text)}</p> })}
            <details>
                <summary>{l.t(CaseText::WhatTheTextSays)}</summary>
                <ul>
                    {m.notes.iter().map(|n| view! { <li><span class="section">{l.pick(n.section.label())}</span>" "{l.pick(&n.text)}</li> }).collect_view()}
                </ul>
            </details>
        </li>
    }
}
