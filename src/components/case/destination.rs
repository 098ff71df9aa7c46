use super::CaseCtx;
use crate::i18n::K;
use crate::pathway::section::{Section, TEXT_SLIPS};
use crate::pathway::statement::Statement;
use crate::pathway::Plan;
use crate::state::AppState;
use leptos::prelude::*;

/// "Hvor hører patienten til": the model's destination with every reason and
/// its section, where the text is silent, problems in the input, and the
/// text's slips where they touch this case.
#[component]
pub fn DestinationPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = state.lang.get_untracked();
    let with_plan = move |f: fn(&Plan) -> Vec<Statement>| ctx.plan.with(|p| p.as_ref().map(f).unwrap_or_default());
    let list = move |items: Vec<Statement>, testid: &'static str| {
        view! {
            <ul data-testid=testid>
                {items
                    .into_iter()
                    .map(|s| view! { <li><span class="section">{s.section.as_str()}</span>" "{l.pick((s.da, s.en))}</li> })
                    .collect_view()}
            </ul>
        }
    };
    let headline = move || {
        ctx.plan.with(|p| {
            p.as_ref().map(|p| l.pick((p.route.destination.headline_da(), p.route.destination.headline_en())))
        })
    };
    let slips = move || {
        ctx.plan.with(|p| {
            let Some(p) = p else { return vec![] };
            let cited: Vec<Section> = p
                .route
                .reasons
                .iter()
                .chain(&p.route.silences)
                .map(|s| s.section)
                .chain(p.checklist.iter().map(|i| i.item.section))
                .collect();
            TEXT_SLIPS.iter().filter(|s| s.sections.iter().any(|x| cited.contains(x))).copied().collect::<Vec<_>>()
        })
    };
    view! {
        <section class="panel destination" aria-labelledby="destination-heading" data-testid="destination-panel">
            <h2 id="destination-heading">{l.t(K::WhereBelongs)}</h2>
            <p class="headline" data-testid="destination" aria-live="polite">{headline}</p>
            {move || {
                let r = with_plan(|p| p.route.reasons.clone());
                (!r.is_empty()).then(|| view! { <h3>{l.t(K::Reasons)}</h3> {list(r, "reasons")} })
            }}
            {move || {
                let s = with_plan(|p| p.route.silences.clone());
                (!s.is_empty()).then(|| view! { <h3>{l.t(K::TextSilent)}</h3> {list(s, "silences")} })
            }}
            {move || {
                let s = with_plan(|p| p.problems.clone());
                (!s.is_empty()).then(|| view! { <div class="problems"><h3>"⚠ "{l.t(K::Problems)}</h3> {list(s, "problems")}</div> })
            }}
            {move || {
                let s = slips();
                (!s.is_empty()).then(|| {

                    view! {
                        <details class="slips" data-testid="text-slips">
                            <summary>{l.t(K::TextSlips)}</summary>
                            <ul>
                                {s.into_iter()
                                    .map(|slip| {
                                        let secs = slip.sections.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(", ");
                                        view! {
                                            <li>
                                                <span class="section">{secs}</span>" "{l.t(K::TextSays)}" "
                                                <q lang="da">{slip.text_says}</q>" — "{l.t(K::ReadAs)}" "<span lang="da">{slip.read_as}</span>
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
