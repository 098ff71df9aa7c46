use super::CaseCtx;
use crate::i18n::{CaseText, Words};
use crate::state::AppState;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// *Kopiér journalnotat* (issue 26.1): the record text the model's plan
/// gives at today's milestone (`crate::journal`), copied with the clipboard
/// API; where the browser refuses, the text stays shown and selected.
#[component]
pub fn JournalCopy() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<CaseCtx>();
    let l = state.lang().get_untracked();
    // Shown once asked for, and kept true to the case as it changes.
    let shown = RwSignal::new(false);
    // The text last copied (true) or selected instead (false): said only
    // while it is still the case's text.
    let copied = RwSignal::new(None::<(bool, String)>);
    let area = NodeRef::<html::Textarea>::new();
    let build = move || {
        let (label, clash) = state
            .worklist()
            .with(|w| w.get(ctx.id).map(|p| (p.label.clone(), p.stamps.in_clash())))
            .unwrap_or_default();
        let text = ctx.case.with(|c| {
            ctx.plan.with(|p| match (c, p) {
                (Some(c), Some(p)) => crate::journal::journal_text(&label, c, p, l),
                _ => String::new(),
            })
        });
        // A clash (issue 24.3): the text says first that it rests on one of two values.
        if clash && !text.is_empty() {
            format!("{}\n\n{text}", l.t(CaseText::JournalClash))
        } else {
            text
        }
    };
    let copy = move |_| {
        let t = untrack(build);
        shown.set(true);
        copied.set(None);
        let Some(w) = web_sys::window() else { return };
        let promise = w.navigator().clipboard().write_text(&t);
        wasm_bindgen_futures::spawn_local(async move {
            let ok = JsFuture::from(promise).await.is_ok();
            copied.set(Some((ok, t)));
            if let (false, Some(a)) = (ok, area.get_untracked()) {
                let _ = a.focus();
                a.select();
                a.set_scroll_top(0);
            }
        });
    };
    view! {
        <div class="journal-copy no-print" data-testid="journal">
            <button type="button" data-testid="copy-journal" on:click=copy>{l.t(CaseText::CopyJournal)}</button>
            <p role="status" data-testid="journal-status">
                {move || {
                    let now = build();
                    copied.with(|c| c.as_ref().filter(|(_, t)| *t == now).map(|(ok, _)| l.t(if *ok { CaseText::JournalCopied } else { CaseText::JournalCopyFailed })))
                }}
            </p>
            <p class="hint" data-testid="journal-draft-note">{l.t(CaseText::JournalDraftNote)}</p>
            {move || shown.get().then(|| view! {
                <label for="journal-text" class="visually-hidden">{l.t(CaseText::JournalTextLabel)}</label>
                <textarea id="journal-text" readonly rows="12" data-testid="journal-text" node_ref=area
                    prop:value=build></textarea>
            })}
        </div>
    }
}
