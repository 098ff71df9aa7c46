use super::CaseCtx;
use crate::i18n::{CaseText, Words};
use crate::pathway::Step;
use leptos::prelude::*;

/// Scroll to the element with `id` and move focus there (headings get a
/// `tabindex="-1"` for it), so keyboard and screen-reader users land where
/// the eye does.
pub fn go_to(id: &str) {
    let Some(el) = document().get_element_by_id(id) else { return };
    el.scroll_into_view();
    if !el.has_attribute("tabindex") && el.tag_name().starts_with('H') {
        let _ = el.set_attribute("tabindex", "-1");
    }
    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
        let _ = el.focus();
    }
}

/// Open the wizard at `step` and move focus to the question `id` (a link
/// from the provisional destination to what it waits for).
pub fn go_to_question(
    step_signal: RwSignal<crate::pathway::Step>,
    step: crate::pathway::Step,
    id: crate::pathway::QuestionId,
) {
    step_signal.set(step);
    // After the step's questions are rendered.
    leptos::prelude::set_timeout(move || go_to(&format!("question-{}", id.name())), std::time::Duration::from_millis(0));
}

/// The case's sections one action away from anywhere: the overview, the four
/// wizard steps, Forløbstider, Registreringskoder and Tjekliste. Sticks to
/// the top of the window while scrolling (not printed).
#[component]
pub fn CaseNav() -> impl IntoView {
    let ctx = expect_context::<CaseCtx>();
    let l = crate::components::use_lang();
    let open_in = move |s: Step| ctx.plan.with(|p| p.as_ref().map_or(0, |p| p.open_in_step(s)));
    // One Tab stop for the whole bar (the current step's button), the
    // arrow keys along it (the toolbar pattern): from a new case to the
    // first question in five Tabs (issue 26.4).
    let link = |target: &'static str, key: CaseText| {
        view! {
            <button type="button" class="navlink" tabindex="-1" data-testid=format!("nav-{target}") on:click=move |_| go_to(target)>
                {l.t(key)}
            </button>
        }
    };
    let arrows = move |ev: leptos::ev::KeyboardEvent| {
        let by: i32 = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            "Home" => -99,
            "End" => 99,
            _ => return,
        };
        ev.prevent_default();
        let Some(bar) = ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        else {
            return;
        };
        let Ok(buttons) = bar.query_selector_all("button") else { return };
        let n = buttons.length() as i32;
        let active = document().active_element();
        let at = (0..n).find(|i| buttons.item(*i as u32).as_ref() == active.as_ref().map(AsRef::as_ref)).unwrap_or(0);
        if let Some(b) = buttons.item((at + by).clamp(0, n - 1) as u32) {
            let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&b).focus();
        }
    };
    view! {
        <nav class="case-nav no-print" aria-label=l.t(CaseText::CaseSections) data-testid="case-nav">
            <div role="toolbar" aria-label=l.t(CaseText::CaseSections) on:keydown=arrows>
                {link("summary-heading", CaseText::AtAGlance)}
                {Step::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| {
                        view! {
                                <button
                                    type="button"
                                    class="navlink"
                                    tabindex=move || if ctx.step.get() == s { "0" } else { "-1" }
                                    data-testid=format!("nav-step-{i}")
                                    aria-current=move || (ctx.step.get() == s).then_some("step")
                                    on:click=move |_| {
                                        ctx.step.set(s);
                                        go_to("wizard-step-heading");
                                    }
                                >
                                    {i + 1}". "{l.pick(s.label())}
                                    {move || {
                                        let n = open_in(s);
                                        (n > 0).then(|| view! { <span class="badge">" "{n}<span class="visually-hidden">" "{l.t(CaseText::OpenQuestion)}</span></span> })
                                    }}
                                </button>
                        }
                    })
                    .collect_view()}
                {link("timeline-heading", CaseText::Timeline)}
                {link("codes-heading", CaseText::Codes)}
                {link("checklist-heading", CaseText::Checklist)}
            </div>
        </nav>
    }
}
