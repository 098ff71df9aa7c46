use super::event_date::EventDate;
use super::milestone_row::MilestoneRow;
use super::CaseCtx;
use crate::i18n::K;
use crate::pathway::{EndReason, Ending, Lengthening};
use crate::state::AppState;
use leptos::prelude::*;

/// The dated events, the three standards with due dates and projections,
/// and the date convention in one sentence.
#[component]
pub fn TimelinePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = state.lang.get_untracked();
    let events = move || state.worklist.with(|w| w.get(ctx.id).map(|p| p.case.events.clone()).unwrap_or_default());
    let milestones = move || ctx.plan.with(|p| p.as_ref().map(|p| p.milestones.clone()).unwrap_or_default());
    let set_end = move |key: String| {
        let today = state.today;
        state.update_case(ctx.id, |c| {
            c.events.ended = EndReason::ALL
                .into_iter()
                .find(|r| r.key() == key)
                .map(|reason| Ending { date: c.events.ended.as_ref().map_or(today, |e| e.date), reason });
        });
    };
    let set_lengthened = move |key: String| {
        state.update_case(ctx.id, |c| {
            c.events.workup_lengthened = Lengthening::ALL.into_iter().find(|l| l.key() == key)
        });
    };
    view! {
        <section class="panel timeline" aria-labelledby="timeline-heading" data-testid="timeline">
            <h2 id="timeline-heading">{l.t(K::Timeline)}</h2>
            <p class="convention" data-testid="date-convention">{l.t(K::DateConvention)}</p>
            <div class="events">
                <h3>{l.t(K::Events)}</h3>
                <EventDate label=K::ReferralReceived name="referral" get=|e| e.referral_received set=|e, d| e.referral_received = d/>
                <EventDate label=K::FirstAttendance name="first-attendance" get=|e| e.first_attendance set=|e, d| e.first_attendance = d/>
                <EventDate label=K::ReferredToSecondary name="secondary" get=|e| e.referred_to_secondary set=|e, d| e.referred_to_secondary = d/>
                <EventDate label=K::SecondaryFirstAttendance name="oncology" get=|e| e.secondary_first_attendance set=|e, d| e.secondary_first_attendance = d/>
                <div class="event">
                    <label for="end-reason">{l.t(K::EndOfPathway)}</label>
                    <select id="end-reason" data-testid="end-reason" on:change=move |ev| set_end(event_target_value(&ev))>
                        <option value="" selected=move || events().ended.is_none()>{l.t(K::NotEnded)}</option>
                        {EndReason::ALL
                            .into_iter()
                            .map(|r| view! {
                                <option value=r.key() selected=move || events().ended.is_some_and(|e| e.reason == r)>
                                    {l.pick(r.label())}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <Show when=move || events().ended.is_some()>
                    <EventDate
                        label=K::DateLabel
                        name="end"
                        get=|e| e.ended.as_ref().map(|x| x.date)
                        set=|e, d| match d {
                            Some(date) => {
                                if let Some(x) = e.ended.as_mut() {
                                    x.date = date;
                                }
                            }
                            None => e.ended = None,
                        }
                    />
                </Show>
                <div class="event">
                    <label for="lengthened">{l.t(K::WorkupLengthened)}</label>
                    <select id="lengthened" data-testid="lengthened" on:change=move |ev| set_lengthened(event_target_value(&ev))>
                        <option value="" selected=move || events().workup_lengthened.is_none()>{l.t(K::NotRecorded)}</option>
                        {Lengthening::ALL
                            .into_iter()
                            .map(|x| view! {
                                <option value=x.key() selected=move || events().workup_lengthened == Some(x)>
                                    {l.pick(x.label())}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <h3>{l.t(K::Standards)}</h3>
            <ol class="milestones">
                {move || {

                    milestones().into_iter().map(|m| view! { <MilestoneRow m lang=l/> }).collect_view()
                }}
            </ol>
        </section>
    }
}
