//! A panic shows a panel, not a dead page. It is plain DOM outside the Leptos
//! tree: after a panic (panic = "abort") the wasm instance cannot run again,
//! so the export is a `data:` link to the stored text and "reload" is a link.
//! The app's own elements (marked `data-app`) are removed first: nothing of
//! the cases stays on a page whose lock no longer runs. With the lock on, the
//! page reloads instead (the WebAssembly heap may hold decrypted cases): it
//! comes back locked and says why ([`restarted`]); only a second error within
//! a minute shows the panel, so an error at start-up cannot loop.

use crate::storage::{read_key, STORAGE_KEY};

/// This tab's mark (sessionStorage) of a restart after an error: its time.
const RESTART_MARK: &str = "cup-pathway.restarted";
/// A restart this recent is not repeated (and is announced after the reload).
const RESTART_WINDOW_MS: u64 = 60_000;

/// The wall clock in whole milliseconds (integers: parsing or printing a
/// float would bring ~20 KB of float tables into the wasm).
fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Install the hook: log to the console, then reload locked or show the panel.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if crate::storage::stored_is_locked_form() && restart_locked() {
            return;
        }
        show(&info.to_string());
    }));
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// When this tab last restarted after an error, if within the window.
fn recent_restart() -> Option<u64> {
    let at = session_storage()?.get_item(RESTART_MARK).ok()??.parse::<u64>().ok()?;
    (now_ms().saturating_sub(at) < RESTART_WINDOW_MS).then_some(at)
}

/// Did the page restart after an error in the last minute? (Read at load, for the notice.)
pub fn restarted() -> bool {
    recent_restart().is_some()
}

/// Remove the app's page, mark the restart and reload; `false` (do nothing)
/// if it restarted within the window already.
fn restart_locked() -> bool {
    if recent_restart().is_some() {
        return false;
    }
    let Some(s) = session_storage() else { return false };
    if s.set_item(RESTART_MARK, &now_ms().to_string()).is_err() {
        return false;
    }
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        remove_app(&document);
    }
    web_sys::window().is_some_and(|w| w.location().reload().is_ok())
}

/// The app's page goes: its timers and handlers no longer run, so an
/// unlocked screen left behind would never lock again.
fn remove_app(document: &web_sys::Document) {
    if let Ok(app) = document.query_selector_all("[data-app]") {
        for i in 0..app.length() {
            if let Some(node) = app.item(i) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
}

/// After a second error with the lock on, the panel stays this long, then
/// the page reloads at the worklist: the dead heap may hold decrypted cases,
/// and no idle lock runs any more.
const LOCKED_PANEL_SECONDS: u32 = 120;

/// Render the panel with `detail` (the panic message); once per page.
pub fn show(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    remove_app(&document);
    if document.query_selector("[data-testid='panic-panel']").ok().flatten().is_some() {
        return;
    }
    // With the lock on, a reload later (a meta refresh needs no script: the wasm is dead).
    if crate::storage::stored_is_locked_form() {
        if let (Ok(meta), Some(head), Some(w)) = (document.create_element("meta"), document.head(), web_sys::window()) {
            let page = w.location().href().unwrap_or_default();
            let page = page.split('#').next().unwrap_or_default();
            let _ = meta.set_attribute("http-equiv", "refresh");
            let _ = meta.set_attribute("content", &format!("{LOCKED_PANEL_SECONDS};url={page}#/"));
            let _ = head.append_child(&meta);
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
    if crate::storage::stored_is_locked_form() {
        add("p", "Låsen er slået til: siden genindlæses om 2 minutter, låst. / The lock is on: the page reloads in 2 minutes, locked.");
    }
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
