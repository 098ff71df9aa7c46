use crate::pathway::{Choice, Text};
use leptos::prelude::*;

/// A labelled select over the model's choices, with an empty first option.
#[component]
pub fn ChoiceSelect(
    /// Element id and test id.
    id: &'static str,
    #[prop(into)]
    label: Text,
    /// The text of the empty option.
    #[prop(into)]
    none: Text,
    choices: &'static [Choice],
    /// The key chosen now, if any.
    #[prop(into)]
    current: Signal<Option<&'static str>>,
    /// Called with the chosen key, or `None` for the empty option.
    on_choose: impl Fn(Option<&'static str>) + 'static,
    /// Shown but not changeable.
    #[prop(optional)]
    disabled: bool,
) -> impl IntoView {
    let l = crate::components::use_lang();
    view! {
        <div class="event">
            <label for=id>{l.pick(label)}</label>
            <select
                id=id
                data-testid=id
                disabled=disabled
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    on_choose(choices.iter().find(|c| c.key == v).map(|c| c.key));
                }
            >
                <option value="" selected=move || current.get().is_none()>{l.pick(none)}</option>
                {choices
                    .iter()
                    .map(|c| view! { <option value=c.key selected=move || current.get() == Some(c.key)>{l.pick(c.text)}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}
