use super::CaseCtx;
use crate::i18n::K;
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
    leptos::prelude::set_timeout(move || go_to(&format!("question-{id:?}")), std::time::Duration::from_millis(0));
}

/// The case's sections one action away from anywhere: the overview, the four
/// wizard steps, Forløbstider, Registreringskoder and Tjekliste. Sticks to
/// the top of the window while scrolling (not printed).
#[component]
pub fn CaseNav() -> impl IntoView {
    let ctx = expect_context::<CaseCtx>();
    let l = crate::components::use_lang();
    let open_in = move |s: Step| ctx.plan.with(|p| p.as_ref().map_or(0, |p| p.open_in_step(s)));
    let link = |target: &'static str, key: K| {
        view! {
            <li>
                <button type="button" class="navlink" data-testid=format!("nav-{target}") on:click=move |_| go_to(target)>
                    {l.t(key)}
                </button>
            </li>
        }
    };
    view! {
        <nav class="case-nav no-print" aria-label=l.t(K::CaseSections) data-testid="case-nav">
            <ul>
                {link("summary-heading", K::AtAGlance)}
                {Step::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="navlink"
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
                                        (n > 0).then(|| view! { <span class="badge">" "{n}<span class="visually-hidden">" "{l.t(K::OpenQuestion)}</span></span> })
                                    }}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
                {link("timeline-heading", K::Timeline)}
                {link("codes-heading", K::Codes)}
                {link("checklist-heading", K::Checklist)}
            </ul>
        </nav>
    }
}
