//! One component per file, grouped by screen.
pub mod case;
pub mod keyed;
#[cfg(feature = "split")]
pub mod lazy;
pub mod registration;
pub mod shell;
pub mod stats;
pub mod worklist;

use wasm_bindgen::JsCast;

/// The language a screen renders its text in. Screens render their text
/// once, statically, and the app rebuilds them when the language changes
/// (`src/app.rs`): far less code than a closure per text. So this reads the
/// language without tracking it; a text that must follow the switch on its
/// own (the header, the banners above the screen) reads
/// `state.lang().get()` in a closure instead. See `src/i18n/mod.rs`.
pub fn use_lang() -> crate::i18n::Lang {
    use leptos::prelude::*;
    expect_context::<crate::state::AppState>().lang().get_untracked()
}

/// Offer text as a file download (a Blob URL on a temporary link).
pub fn download(text: &str, filename: &str, mime: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document.create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", filename);
        if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
            a.click();
        }
    }
    // Let the download start before the URL is released.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
}

/// Focus the element with this id once the current render is done (the
/// element that had focus may be gone by then, or the target not yet drawn).
pub fn focus_after_render(id: String) {
    leptos::prelude::set_timeout(
        move || {
            if let Some(el) = leptos::prelude::document().get_element_by_id(&id) {
                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Opening a screen moves focus to its heading, unless focus is still on a
/// control that survived (the language switch keeps focus where it is).
pub fn focus_heading_on_open(heading: leptos::prelude::NodeRef<leptos::html::H1>) {
    use leptos::prelude::*;
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let active = document().active_element();
            let body = document().body().map(|b| b.unchecked_into::<web_sys::Element>());
            if active.is_none() || active == body {
                let _ = h.focus();
            }
        }
    });
}
