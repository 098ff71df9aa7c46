use leptos::prelude::*;

/// A password field bound to `value`. The passphrase is never stored; the
/// owner empties `value` once it has been used.
#[component]
pub fn PassphraseInput(
    /// Element id and test id; the label's `for` points here.
    id: &'static str,
    /// `current-password` to unlock, `new-password` to set one, `off` for a backup's.
    autocomplete: &'static str,
    value: RwSignal<String>,
    /// Focus it when it appears.
    #[prop(optional)]
    focus: bool,
    /// The id of the element that says what is wrong with it.
    #[prop(optional)]
    described_by: Option<&'static str>,
) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    if focus {
        // `autofocus` acts only on page load; locking happens later.
        Effect::new(move |_| {
            if let Some(el) = input.get() {
                let _ = el.focus();
            }
        });
    }
    view! {
        <input
            id=id
            type="password"
            autocomplete=autocomplete
            data-testid=id
            node_ref=input
            aria-describedby=described_by
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
        />
    }
}
