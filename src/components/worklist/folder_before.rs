use crate::components::download;
use crate::i18n::{CommonText, Words, WorklistText, WorklistWords};
use crate::pathway::Text;
use crate::state::AppState;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the section asks before acting.
#[derive(Clone, Copy, PartialEq)]
enum Asking {
    Restore,
    Remove,
}

/// The list from before a change the safety valve asked about (issue 25,
/// point 5), kept locked on this PC: said with the file and the time, to
/// bring back (after a question), to fetch as an encrypted backup, or to
/// delete (after a question).
#[component]
pub fn FolderBefore() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = crate::components::use_lang();
    state.folder_before_refresh();
    let asking = RwSignal::new(None::<Asking>);
    // How many patients came back (`Some(None)`: it could not be opened here).
    let restored = RwSignal::new(None::<Option<usize>>);
    let question = move |what: Asking, text: WorklistText, yes: Text, testid: &'static str| {
        view! {
            <Show when=move || asking.get() == Some(what)>
                <div class="banner banner-warn" role="group" data-testid=testid>
                    <p>{l.t(text)}</p>
                    <button type="button" data-testid=format!("{testid}-yes") on:click=move |_| {
                        asking.set(None);
                        match what {
                            Asking::Remove => {
                                restored.set(None);
                                state.folder_before_remove();
                            }
                            Asking::Restore => spawn_local(async move {
                                restored.set(Some(state.folder_before_restore().await));
                            }),
                        }
                    }>{l.pick(yes)}</button>
                    " "
                    <button type="button" class="quiet" on:click=move |_| asking.set(None)>{l.t(CommonText::No)}</button>
                </div>
            </Show>
        }
    };
    view! {
        <p role="status" data-testid="folder-before-restored">
            {move || restored.get().map(|n| match n {
                Some(n) => l.folder_restored(n),
                None => l.t(WorklistText::FolderBeforeNotOpened).to_string(),
            })}
        </p>
        // Not beside a new code being shown: one wrong click would undo what was just done.
        {move || state.folder().with(|f| f.before.clone().filter(|_| f.new_secret.is_none())).map(|(file, at_ms)| {
            let when = super::folder_section::date_time(at_ms as f64);
            view! {
                <div class="folder-before" data-testid="folder-before">
                    <p>{l.folder_before(&file, &when)}</p>
                    <div class="folder-actions">
                        <button type="button" data-testid="folder-before-restore"
                            on:click=move |_| asking.set(Some(Asking::Restore))>{l.t(WorklistText::FolderBeforeRestore)}</button>
                        <button type="button" data-testid="folder-before-download" on:click=move |_| {
                            if let Some(text) = state.folder_before_backup() {
                                let name = format!("cup-pathway-foer-faelles-mappe-{}.json", crate::nav::iso_date(state.today()));
                                download(&text, &name, "application/json");
                            }
                        }>{l.t(WorklistText::FolderBeforeDownload)}</button>
                        <button type="button" class="quiet" data-testid="folder-before-remove"
                            on:click=move |_| asking.set(Some(Asking::Remove))>{l.t(WorklistText::FolderBeforeRemove)}</button>
                    </div>
                    {question(Asking::Restore, if file.is_empty() { WorklistText::FolderBeforeRestoreAskWipe } else { WorklistText::FolderBeforeRestoreAsk }, WorklistText::FolderBeforeRestoreYes.into(), "folder-before-restore-ask")}
                    {question(Asking::Remove, WorklistText::FolderBeforeRemoveAsk, CommonText::Yes.into(), "folder-before-remove-ask")}
                </div>
            }
        })}
    }
}
