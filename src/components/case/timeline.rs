use super::choice_select::ChoiceSelect;
use super::event_date::EventDate;
use super::milestone_row::MilestoneRow;
use super::CaseCtx;
use crate::i18n::{CaseText, CommonText, Words};
use crate::ics::{calendar, data_url};
use crate::pathway::Choosable;
use crate::pathway::{EndReason, EventKey, Lengthening};
use crate::state::AppState;
use leptos::prelude::*;

/// The dated events, the three standards with due dates and projections,
/// and the date convention in one sentence.
#[component]
pub fn TimelinePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let events = move || ctx.case.with(|c| c.as_ref().map(|c| c.events.clone()).unwrap_or_default());
    let milestones = move || ctx.plan.with(|p| p.as_ref().map(|p| p.milestones.clone()).unwrap_or_default());
    // A reason chosen before any ending exists waits here for its date: the
    // date is asked, never filled in (issue 26.5); "I dag" is one click.
    let pending_end = RwSignal::new(None::<EndReason>);
    let set_end = move |key: Option<&'static str>| {
        let reason = key.and_then(EndReason::from_key);
        if events().ended.is_some() {
            state.set_end_reason(ctx.id, reason);
            pending_end.set(None);
        } else {
            pending_end.set(reason);
        }
    };
    let end_on = Callback::new(move |date| {
        if let Some(reason) = pending_end.get_untracked() {
            state.end_pathway(ctx.id, reason, date);
            pending_end.set(None);
        }
    });
    let set_lengthened =
        move |key: Option<&'static str>| state.set_lengthening(ctx.id, key.and_then(Lengthening::from_key));
    view! {
        <section class="panel timeline" aria-labelledby="timeline-heading" data-testid="timeline">
            <h2 id="timeline-heading">{l.t(CaseText::Timeline)}</h2>
            <p class="convention" data-testid="date-convention">{l.t(CaseText::DateConvention)}</p>
            <div class="events">
                <h3>{l.t(CaseText::Events)}</h3>
                <EventDate label=CaseText::ReferralReceived name="referral" event=EventKey::ReferralReceived/>
                <EventDate label=CaseText::FirstAttendance name="first-attendance" event=EventKey::FirstAttendance/>
                <EventDate label=CaseText::ReferredToSecondary name="secondary" event=EventKey::ReferredToSecondary/>
                <EventDate label=CaseText::SecondaryFirstAttendance name="oncology" event=EventKey::SecondaryFirstAttendance/>
                <ChoiceSelect
                    id="end-reason"
                    label=CaseText::EndOfPathway
                    none=CaseText::NotEnded
                    choices=EndReason::CHOICES
                    current=Signal::derive(move || events().ended.map(|e| e.reason).or(pending_end.get()).map(|r| r.choice().key))
                    on_choose=set_end
                    disabled=ctx.read_only
                />
                <Show when=move || events().ended.is_some() || pending_end.get().is_some()>
                    {move || (events().ended.is_none() && pending_end.get().is_some()).then(|| view! {
                        <p class="hint" role="status" data-testid="end-date-asked">{l.t(CaseText::EndDateAsked)}</p>
                    })}
                    <EventDate
                        label=CommonText::DateLabel
                        name="end"
                        event=EventKey::Ended
                        first=end_on
                    />
                </Show>
                // §2.6, §3.4: after AFD01X1 to another department, the day it took over (the model decides when).
                <Show when=move || events().handed_over.is_some() || ctx.plan.with(|p| p.as_ref().is_some_and(|p| p.handover_pending))>
                    <EventDate label=CaseText::HandedOver name="handed-over" event=EventKey::HandedOver/>
                </Show>
                <ChoiceSelect
                    id="lengthened"
                    label=CaseText::WorkupLengthened
                    none=CaseText::NotRecorded
                    choices=Lengthening::CHOICES
                    current=Signal::derive(move || events().workup_lengthened.map(|x| x.choice().key))
                    on_choose=set_lengthened
                    disabled=ctx.read_only
                />
            </div>
            <h3>{l.t(CaseText::Standards)}</h3>
            <p class="no-print">
                <a
                    data-testid="download-ics"
                    download=format!("cup-forloeb-{}.ics", ctx.id)
                    href=move || {
                        let label = state.calendar_name(ctx.id).words(l);
                        ctx.plan.with(|p| p.as_ref().map(|p| data_url(&calendar(p, ctx.id, &label))).unwrap_or_default())
                    }
                >
                    {l.t(CaseText::DownloadIcs)}
                </a>
            </p>
            <ol class="milestones">
                {move || {

                    milestones().into_iter().map(|m| view! { <MilestoneRow m lang=l/> }).collect_view()
                }}
            </ol>
        </section>
    }
}
