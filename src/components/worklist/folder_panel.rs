use crate::i18n::{Message, K};
use crate::state::{AppState, FolderPhase, FolderProblem, LockState};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The shared folder's panel (issue 25): connect (a new department's code
/// shown once), join with the department's code, the problems in words,
/// share now, the helpdesk's diagnosis, disconnect. It renders what
/// `state::folder` decides.
#[component]
pub fn FolderPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = crate::components::use_lang();
    spawn_local(async {
        crate::folder_web::load_script().await;
    });
    let typed = RwSignal::new(String::new());
    let copied = RwSignal::new(false);
    let phase = move || state.folder().with(|f| f.phase.clone());
    let unlocked = move || state.lock().get() == LockState::Unlocked;
    let connect = move |_| {
        spawn_local(async move {
            crate::folder_web::load_script().await;
            state.folder_connect().await;
        })
    };
    let join = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = typed.get_untracked();
        spawn_local(async move { state.folder_join(&t).await });
    };
    let problems = move || {
        state.folder().with(|f| f.problems.clone()).into_iter().map(|p| {
            let accept = match &p {
                FolderProblem::Valve { file, .. } => Some(file.clone()),
                _ => None,
            };
            view! {
                <li data-testid="folder-problem">
                    {p.message(l)}
                    {accept.map(|file| view! {
                        " "<button type="button" class="small" data-testid="folder-accept"
                            on:click=move |_| state.folder_accept(&file)>{l.t(K::FolderAccept)}</button>
                    })}
                </li>
            }
        }).collect_view()
    };
    view! {
        <div class="folder-panel" data-testid="folder-panel">
            <p>{l.t(K::FolderIntro)}</p>
            <div role="status"><ul class="folder-problems">{problems}</ul></div>
            {move || match phase() {
                FolderPhase::Off if !unlocked() => view! {
                    <p data-testid="folder-needs-lock">{l.t(K::FolderNeedsLock)}</p>
                }.into_any(),
                FolderPhase::Off => view! {
                    <button type="button" data-testid="folder-connect" on:click=connect>{l.t(K::FolderConnect)}</button>
                }.into_any(),
                FolderPhase::Working => view! {
                    <p role="status" data-testid="folder-working">{l.t(K::FolderWorking)}</p>
                }.into_any(),
                FolderPhase::NeedSecret => view! {
                    <form on:submit=join data-testid="folder-join-form">
                        <p>{l.t(K::FolderNeedSecret)}</p>
                        <label for="folder-secret">{l.t(K::FolderSecretLabel)}</label>
                        <input id="folder-secret" data-testid="folder-secret" autocomplete="off" spellcheck="false"
                            prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                        <button type="submit" data-testid="folder-join">{l.t(K::FolderJoin)}</button>
                    </form>
                }.into_any(),
                FolderPhase::NeedPermission => view! {
                    <button type="button" data-testid="folder-permit"
                        on:click=move |_| spawn_local(async move { state.folder_permit().await })>
                        {l.t(K::FolderPermit)}
                    </button>
                    <button type="button" class="quiet" data-testid="folder-disconnect"
                        on:click=move |_| state.folder_disconnect()>{l.t(K::FolderDisconnect)}</button>
                }.into_any(),
                FolderPhase::Connected => view! {
                    {move || state.folder().with(|f| f.new_secret.clone()).map(|code| view! {
                        <div class="folder-secret banner banner-warn" data-testid="folder-new-secret-box">
                            <p>{l.t(K::FolderNewSecret)}</p>
                            <p class="secret-code" data-testid="folder-new-secret">{code}</p>
                            <button type="button" on:click=move |_| { let _ = window().print(); }>{l.t(K::FolderPrint)}</button>
                            " "
                            <button type="button" data-testid="folder-secret-noted"
                                on:click=move |_| state.folder_secret_noted()>{l.t(K::FolderSecretNoted)}</button>
                        </div>
                    })}
                    <p class="folder-name">{move || state.folder().with(|f| f.folder_name.clone())}</p>
                    <div class="folder-actions">
                        <button type="button" data-testid="folder-sync-now"
                            on:click=move |_| spawn_local(async move { state.folder_round().await })>
                            {l.t(K::FolderSyncNow)}
                        </button>
                        <button type="button" class="quiet" data-testid="folder-diagnose" on:click=move |_| {
                            let text = state.folder().with_untracked(|f| f.diagnosis.clone());
                            spawn_local(async move {
                                copied.set(crate::folder_web::start("copy", &[text.into()]).await.is_ok());
                            });
                        }>{l.t(K::FolderDiagnose)}</button>
                        <button type="button" class="quiet" data-testid="folder-disconnect"
                            on:click=move |_| state.folder_disconnect()>{l.t(K::FolderDisconnect)}</button>
                    </div>
                    <Show when=move || copied.get()>
                        <p role="status">{l.t(K::FolderDiagnoseCopied)}</p>
                    </Show>
                }.into_any(),
            }}
        </div>
    }
}
