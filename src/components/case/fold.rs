use leptos::prelude::*;

/// A folded part of the checklist: a button that says what it holds and
/// how many, and the part itself, shown on the button and always in print.
#[component]
pub fn Fold(
    /// Whether the part shows.
    open: RwSignal<bool>,
    /// The part's test id; the button's is `{testid}-toggle`.
    testid: &'static str,
    /// What the part holds, with its count.
    label: impl Fn() -> String + Send + Sync + Copy + 'static,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="fold" data-testid=testid>
            <button
                type="button"
                class="fold-toggle"
                aria-expanded=move || open.get().to_string()
                data-testid=format!("{testid}-toggle")
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span aria-hidden="true">{move || if open.get() { "▾ " } else { "▸ " }}</span>
                {label}
            </button>
            // In print the button is gone: its words head the part.
            <h3 class="print-only fold-print-title">{label}</h3>
            <div class="fold-body" class:folded=move || !open.get()>{children()}</div>
        </div>
    }
}
