use crate::i18n::{Words, WorklistText, WorklistWords};
use crate::state::{AppState, FolderPhase};
use leptos::prelude::*;

/// "HH:MM" of a time in ms since 1970, in the PC's time zone.
pub fn clock_time(ms: f64) -> String {
    let d = js_sys::Date::new(&ms.into());
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// "DD.MM.YYYY HH:MM" of a time in ms since 1970, in the PC's time zone.
pub fn date_time(ms: f64) -> String {
    let d = js_sys::Date::new(&ms.into());
    format!("{:02}.{:02}.{} {}", d.get_date(), d.get_month() + 1, d.get_full_year(), clock_time(ms))
}

/// *Fælles mappe* on the worklist (issue 25): one line with the status
/// ("3 aktive PC'er (7 dage), sidst delt 10:42", "Ikke delt endnu") and the
/// panel when opened. The panel's code is a chunk of its own in the
/// release, and `web/folder.js` is fetched only when it opens (or at start
/// on a PC with a seat).
#[component]
pub fn FolderSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = crate::components::use_lang();
    let open = Memo::new(move |_| state.folder().with(|f| f.panel_open));
    let line = move || {
        state.folder().with(|f| match f.phase {
            FolderPhase::Connected if f.problems.contains(&crate::state::FolderProblem::Moved) => {
                Some(format!("{} · ⚠", l.t(WorklistText::FolderWaitsForCode)))
            }
            FolderPhase::Connected if f.valve_waits() => {
                Some(format!("{} · ⚠", l.t(WorklistText::FolderWaitsForAnswer)))
            }
            FolderPhase::Connected => {
                let last = f.last_shared_ms.map(clock_time);
                let mut s = l.folder_line(f.active, last.as_deref(), f.unwritten);
                if !f.problems.is_empty() {
                    s.push_str(" · ⚠");
                }
                Some(s)
            }
            FolderPhase::NeedPermission => Some(l.t(WorklistText::FolderNeedPermission).to_owned()),
            _ => None,
        })
    };
    view! {
        <details class="folder-section" data-testid="folder-section" prop:open=move || open.get() on:toggle=move |ev| {
            state.folder_panel_open(event_target::<web_sys::HtmlElement>(&ev).has_attribute("open"));
        }>
            <summary>
                {l.t(WorklistText::FolderTitle)}
                {move || line().map(|s| view! {
                    ": "<span data-testid="folder-line"
                        data-rounds=move || state.folder().with(|f| f.rounds.to_string())
                        data-busy=move || state.folder().with(|f| f.busy.to_string())>{s}</span>
                })}
            </summary>
            {move || open.get().then(crate::app::folder_panel)}
        </details>
    }
}
