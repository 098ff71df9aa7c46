//! A panic shows a panel, not a dead page. It is plain DOM outside the Leptos
//! tree: after a panic (panic = "abort") the wasm instance cannot run again,
//! so the export is a `data:` link to the stored text and "reload" is a link.
//! The app's own elements (marked `data-app`) are removed first: nothing of
//! the cases stays on a page whose lock no longer runs.

use crate::storage::{read_key, STORAGE_KEY};

/// Install the hook: log to the console, then show the panel.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Render the panel with `detail` (the panic message).
pub fn show(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    // The app's page goes first: its timers and handlers no longer run, so an
    // unlocked screen left behind the panel would never lock again.
    if let Ok(app) = document.query_selector_all("[data-app]") {
        for i in 0..app.length() {
            if let Some(node) = app.item(i) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
    // Through the storage module (probe first), like every other access.
    let stored = read_key(STORAGE_KEY).unwrap_or_default();
    let Ok(panel) = document.create_element("div") else { return };
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "panic-panel");
    let _ = panel.set_attribute("class", "panic-panel");
    let add = |tag: &str, text: &str| -> Option<web_sys::Element> {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        panel.append_child(&el).ok()?;
        Some(el)
    };
    add("h2", "Værktøjet stødte på en fejl og er stoppet");
    add("p", "Dine gemte data er ikke ændret. Hent dem som fil, og genindlæs siden. / The tool hit an error and stopped. Your saved data is unchanged: download it, then reload the page.");
    if let Some(a) = add("a", "Hent de gemte data (JSON) / Download the saved data") {
        let _ =
            a.set_attribute("href", &crate::ics::data_url(&stored).replacen("text/calendar", "application/json", 1));
        let _ = a.set_attribute("download", "cup-pathway-nødeksport.json");
        let _ = a.set_attribute("data-testid", "panic-export");
    }
    add("span", " · ");
    if let Some(a) = add("a", "Genindlæs siden / Reload") {
        let _ = a.set_attribute("href", "");
    }
    add("pre", detail);
    let _ = body.prepend_with_node_1(&panel);
}
