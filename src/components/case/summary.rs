use super::urgent_banner::UrgentBanner;
use super::CaseCtx;
use crate::i18n::{CaseText, CommonText, Words};
use crate::pathway::{Plan, Text};
use crate::state::da_date;
use leptos::prelude::*;

/// The case at a glance, before everything else: an urgent action, where the
/// patient belongs (provisional, with how many answers are open), the next
/// deadline, the next code and any dated code not marked registered, and the
/// input problems. Every line is the model's plan in words.
#[component]
pub fn CaseSummary() -> impl IntoView {
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let with_plan =
        move |f: fn(&Plan, crate::i18n::Lang) -> AnyView| move || ctx.plan.with(|p| p.as_ref().map(|p| f(p, l)));
    view! {
        <section class="summary" aria-labelledby="summary-heading" data-testid="case-summary">
            <h2 id="summary-heading" tabindex="-1" class="visually-hidden">{l.t(CaseText::AtAGlance)}</h2>
            <UrgentBanner/>
            <dl class="glance">
                <div data-testid="summary-destination">
                    <dt>{l.t(CaseText::WhereBelongs)}</dt>
                    <dd>{with_plan(destination)}</dd>
                </div>
                <div data-testid="summary-deadline">
                    <dt>{l.t(CommonText::ColNext)}</dt>
                    <dd>{with_plan(deadline)}</dd>
                </div>
                <div data-testid="summary-codes">
                    <dt>{l.t(CommonText::NextCode)}</dt>
                    <dd>{with_plan(codes)}</dd>
                </div>
            </dl>
            {with_plan(problems)}
        </section>
    }
}

fn destination(p: &Plan, l: crate::i18n::Lang) -> AnyView {
    let headline = l.pick(p.route.headline());
    if p.route.provisional {
        let n = p.open_deciding_answers();
        view! {
            <strong class="provisional">{l.provisional(n)}</strong>": "{headline}
        }
        .into_any()
    } else {
        view! { <strong>{headline}</strong> }.into_any()
    }
}

fn deadline(p: &Plan, l: crate::i18n::Lang) -> AnyView {
    let Some(d) = p.next_deadline() else { return l.t(CaseText::NoDeadlineRunning).into_any() };
    let to = p.milestones.iter().find(|m| m.id == d.milestone).map_or(Text::new("", ""), |m| m.to);
    let projected = d.projected.then(|| format!(" ({})", l.t(CommonText::Projected)));
    let over = d.days_left < 0;
    let missed = p.missed_standards().iter().map(|m| l.pick(m.to)).collect::<Vec<_>>().join(", ");
    view! {
        {l.pick(to)}": "
        <strong>{da_date(d.due.date)}" ("{l.pick(d.due.weekday)}")"</strong>
        {projected}" — "
        <span class:over=over>{over.then_some("⚠ ")}{l.days_left(d.days_left)}</span>
        {p.dates_contradict.then(|| view! { " " <span class="flag check-dates" data-testid="summary-check-dates">"⚠ "{l.t(CommonText::StateCheckDates)}</span> })}
        {(!missed.is_empty()).then(|| view! { " " <span class="flag missed" data-testid="summary-missed">"⚠ "{l.t(CommonText::FlagMissed)}" "{missed.clone()}</span> })}
    }
    .into_any()
}

fn codes(p: &Plan, l: crate::i18n::Lang) -> AnyView {
    let next = p.next_code().map_or_else(|| l.t(CaseText::NoNextCode).to_string(), |c| c.info().id.to_string());
    let unregistered = p.unregistered_codes().iter().map(|c| c.info().id).collect::<Vec<_>>().join(", ");
    // Another department's next code is said as theirs (issue 22.5).
    let theirs = p.next_code_theirs().map(|(c, who)| {
        format!(" · {} {} {}", c.info().id, l.t(CommonText::RegisteredByThem), l.pick(who.label()).to_lowercase())
    });
    view! {
        <strong data-testid="summary-next-code">{next}</strong>
        {theirs.map(|t| view! { <span class="theirs" data-testid="summary-next-theirs">{t}</span> })}
        {(!unregistered.is_empty()).then(|| view! {
            " "<span class="flag unregistered" data-testid="summary-unregistered">"⚠ "{l.t(CommonText::FlagUnregistered)}" "{unregistered.clone()}</span>
        })}
    }
    .into_any()
}

fn problems(p: &Plan, l: crate::i18n::Lang) -> AnyView {
    if p.problems.is_empty() {
        return ().into_any();
    }
    view! {
        <div class="glance-problems problems" data-testid="summary-problems">
            <p><strong>"⚠ "{l.t(CaseText::Problems)}</strong></p>
            <ul data-testid="problems">
                {p.problems
                    .iter()
                    .map(|s| view! { <li><span class="section">{l.pick(s.section.label())}</span>" "{l.pick(&s.text)}</li> })
                    .collect_view()}
            </ul>
        </div>
    }
    .into_any()
}
