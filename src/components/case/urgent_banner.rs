use super::event_date::EventDate;
use super::CaseCtx;
use crate::i18n::{CaseText, Words};
use crate::state::da_date;
use leptos::prelude::*;

/// The urgent action of §2.2.4 at the top of the case, before everything
/// else: what the text says, in words and an icon (never colour alone), and
/// the date the acute referral was made. It is announced (`role="alert"`)
/// only when it appears while the case is open, not on every visit.
#[component]
pub fn UrgentBanner() -> impl IntoView {
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let urgent = Memo::new(move |_| ctx.plan.with(|p| p.as_ref().map(|p| p.urgent.clone()).unwrap_or_default()));
    let there_at_opening = urgent.with_untracked(|u| u.iter().any(|a| a.pending()));
    // An urgent action that appears while the case is open (a "Ja" to
    // spinal cord compression) takes focus to the date of the acute
    // referral, and the banner is announced (issue 26.4).
    Effect::new(move |before: Option<bool>| {
        let pending = urgent.with(|u| u.iter().any(|a| a.pending()));
        // And when the date is recorded the banner becomes the confirmation
        // (announced, role="status"): focus stays on the date field there.
        if before.is_some_and(|b| b != pending) {
            request_animation_frame(|| {
                if let Some(el) = document().get_element_by_id("event-acute-referral") {
                    let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&el).focus();
                }
            });
        }
        pending
    });
    // The date the acute referral was made: recorded in the banner, correctable after.
    let date_field = || {
        view! {
            <EventDate
                label=CaseText::AcuteReferralMade
                name="acute-referral"
                event=crate::pathway::EventKey::AcuteReferralMade
            />
        }
    };
    view! {
        {move || {
            urgent
                .get()
                .into_iter()
                .map(|a| {
                    let made = a.made_on;
                    let statement = a.statement.clone();
                    let note = a.note.clone();
                    if let Some(date) = made {
                        view! {
                            <div class="urgent-done">
                                <p data-testid="urgent-made" role="status">
                                    <span aria-hidden="true">"✓ "</span>
                                    {l.t(CaseText::UrgentMadeOn)}" "{da_date(date)}" "<span class="section">{l.pick(statement.section.label())}</span>
                                </p>
                                {date_field()}
                            </div>
                        }
                        .into_any()
                    } else {
                        view! {
                            <section
                                class="urgent-banner"
                                data-testid="urgent-banner"
                                aria-labelledby="urgent-heading"
                                role=(!there_at_opening).then_some("alert")
                            >
                                <h2 id="urgent-heading">
                                    <span aria-hidden="true" class="icon">"⚠ "</span>
                                    {l.t(CaseText::UrgentHeading)}
                                </h2>
                                <p>
                                    <span class="section">{l.pick(statement.section.label())}</span>" "
                                    <span lang="da">{statement.text.da.clone()}</span>
                                    {(l == crate::i18n::Lang::En).then(|| view! { <span class="translation">" ("{statement.text.en.clone()}")"</span> })}
                                </p>
                                {note.map(|n| view! { <p class="urgent-note">{l.pick(n.text)}</p> })}
                                {date_field()}
                            </section>
                        }
                        .into_any()
                    }
                })
                .collect_view()
        }}
    }
}
