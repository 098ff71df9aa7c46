use crate::i18n::{CommonText, Message, Words, WorklistText, WorklistWords};
use crate::state::{AppState, FolderPhase, FolderProblem, LockState};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the panel asks before acting.
#[derive(Clone, PartialEq)]
enum Asking {
    /// *Slet filen* on a file reported unreadable (its name).
    RemoveFile(String),
    Rotate,
    Wipe,
    Disconnect,
}

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
    let code_copied = RwSignal::new(false);
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
    // The question asked before something that cannot be undone.
    let asking = RwSignal::new(None::<Asking>);
    let problems = move || {
        state.folder().with(|f| f.problems.clone()).into_iter().map(|p| {
            let action = match &p {
                FolderProblem::Valve { file, .. } => {
                    let file = file.clone();
                    Some(view! {
                        " "<button type="button" class="small" data-testid="folder-accept"
                            on:click=move |_| state.folder_accept(&file)>{l.t(WorklistText::FolderAccept)}</button>
                    }.into_any())
                }
                FolderProblem::Moved | FolderProblem::NewerEpoch => Some(view! {
                    " "<button type="button" class="small" data-testid="folder-rejoin"
                        on:click=move |_| {
                            typed.set(String::new());
                            spawn_local(async move { state.folder_rejoin().await })
                        }>{l.t(WorklistText::FolderRejoin)}</button>
                }.into_any()),
                FolderProblem::Unreadable(file) | FolderProblem::NewerVersion { file, .. } => {
                    let ask = if matches!(p, FolderProblem::NewerVersion { .. }) { WorklistText::FolderRemoveAskNewer } else { WorklistText::FolderRemoveAsk };
                    let (f1, f2) = (file.clone(), file.clone());
                    let newer = matches!(p, FolderProblem::NewerVersion { .. });
                    Some(view! {
                        " "
                        {newer.then(|| view! {
                            <button type="button" class="small" data-testid="folder-reload"
                                on:click=move |_| { let _ = window().location().reload(); }>{l.t(WorklistText::FolderReload)}</button>
                            " "
                        })}
                        <Show when=move || asking.get() == Some(Asking::RemoveFile(f1.clone()))
                            fallback={
                                let file = file.clone();
                                move || {
                                    let file = file.clone();
                                    view! {
                                        <button type="button" class="small quiet" data-testid="folder-remove-file"
                                            on:click=move |_| asking.set(Some(Asking::RemoveFile(file.clone())))>{l.t(WorklistText::FolderRemoveFile)}</button>
                                    }
                                }
                            }>
                            {
                                let file = f2.clone();
                                view! {
                                    <span role="group">
                                        {l.t(ask)}" "
                                        <button type="button" class="small" data-testid="folder-remove-yes" on:click=move |_| {
                                            let file = file.clone();
                                            asking.set(None);
                                            spawn_local(async move { state.folder_remove_file(&file).await });
                                        }>{l.t(CommonText::Yes)}</button>
                                        " "
                                        <button type="button" class="small quiet" on:click=move |_| asking.set(None)>{l.t(CommonText::No)}</button>
                                    </span>
                                }
                            }
                        </Show>
                    }.into_any())
                }
                _ => None,
            };
            view! {
                <li data-testid="folder-problem">
                    {p.message(l)}
                    {action}
                </li>
            }
        }).collect_view()
    };
    view! {
        <div class="folder-panel" data-testid="folder-panel">
            <p>{l.t(WorklistText::FolderIntro)}</p>
            // What needs an answer or went wrong: first, above every button.
            <div role="status" id="folder-problems"><ul class="folder-problems">{problems}</ul></div>
            {move || match phase() {
                FolderPhase::Off if !unlocked() => view! {
                    <p data-testid="folder-needs-lock">{l.t(CommonText::FolderNeedsLock)}" "
                        <a href=crate::nav::View::About.hash() data-testid="folder-go-to-lock">{l.t(WorklistText::FolderGoToLock)}</a>
                    </p>
                }.into_any(),
                FolderPhase::Off => view! {
                    <button type="button" data-testid="folder-connect" on:click=connect>{l.t(WorklistText::FolderConnect)}</button>
                }.into_any(),
                FolderPhase::Working => view! {
                    <p role="status" data-testid="folder-working">{l.t(WorklistText::FolderWorking)}</p>
                }.into_any(),
                FolderPhase::NeedSecret => view! {
                    <form on:submit=join data-testid="folder-join-form">
                        <p>{move || l.folder_need_secret(state.folder().with(|f| f.rejoin))}</p>
                        <label for="folder-secret">{l.t(WorklistText::FolderSecretLabel)}</label>
                        <div class="inline">
                            <input id="folder-secret" class="secret-input" data-testid="folder-secret" autocomplete="off"
                                spellcheck="false" size="32" aria-describedby="folder-problems"
                                prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                            <button type="submit" class="primary" data-testid="folder-join">{l.t(WorklistText::FolderJoin)}</button>
                            <button type="button" class="quiet" data-testid="folder-join-cancel"
                                on:click=move |_| state.folder_cancel_join()>{l.t(WorklistText::FolderCancel)}</button>
                        </div>
                    </form>
                }.into_any(),
                FolderPhase::NeedPermission => view! {
                    <button type="button" data-testid="folder-permit"
                        on:click=move |_| spawn_local(async move { state.folder_permit().await })>
                        {l.t(WorklistText::FolderPermit)}
                    </button>
                    <button type="button" class="quiet" data-testid="folder-disconnect"
                        on:click=move |_| state.folder_disconnect()>{l.t(WorklistText::FolderDisconnect)}</button>
                }.into_any(),
                FolderPhase::Connected => view! {
                    {move || state.folder().with(|f| f.joined).map(|n| view! {
                        <p class="banner banner-info" role="status" data-testid="folder-joined">{l.folder_joined(n)}</p>
                    })}
                    {move || state.folder().with(|f| f.new_secret.clone()).map(|code| {
                        let copy = code.clone();
                        let name = state.folder().with_untracked(|f| f.folder_name.clone());
                        view! {
                            <div class="folder-secret banner banner-warn" data-testid="folder-new-secret-box">
                                <h3 class="print-only">{l.t(WorklistText::FolderPrintHeading)}</h3>
                                <p class="no-print">{move || l.t(if state.folder().with(|f| f.rotated) { WorklistText::FolderRotatedSecret } else { WorklistText::FolderNewSecret })}</p>
                                <p class="secret-code" data-testid="folder-new-secret">{code}</p>
                                <p class="print-only">{l.t(WorklistText::FolderFolderName)}": "{name}" · "{crate::state::da_date(state.today())}</p>
                                <p class="print-only">{l.t(WorklistText::FolderPrintHow)}</p>
                                <p role="status" class="no-print">{move || code_copied.get().then(|| l.t(WorklistText::FolderCodeCopied))}</p>
                                <div class="folder-actions">
                                    <button type="button" on:click=move |_| {
                                        let root = document().document_element();
                                        if let Some(r) = &root { let _ = r.class_list().add_1("print-code"); }
                                        let _ = window().print();
                                        if let Some(r) = &root { let _ = r.class_list().remove_1("print-code"); }
                                    }>{l.t(WorklistText::FolderPrint)}</button>
                                    <button type="button" data-testid="folder-copy-code" on:click=move |_| {
                                        let text = copy.clone();
                                        spawn_local(async move {
                                            code_copied.set(crate::folder_web::start("copy", &[text.into()]).await.is_ok());
                                        });
                                    }>{l.t(WorklistText::FolderCopyCode)}</button>
                                    <button type="button" data-testid="folder-secret-noted"
                                        on:click=move |_| state.folder_secret_noted()>{l.t(WorklistText::FolderSecretNoted)}</button>
                                </div>
                            </div>
                        }
                    })}
                    <p class="folder-name">{l.t(WorklistText::FolderFolderName)}": "{move || state.folder().with(|f| f.folder_name.clone())}</p>
                    <Show when=move || !state.folder_behind()>
                    <div class="folder-actions">
                        // Nothing is shared while the safety valve waits for its answer.
                        <Show when=move || !state.folder().with(|f| f.valve_waits())>
                            <button type="button" class="primary" data-testid="folder-sync-now"
                                on:click=move |_| spawn_local(async move { state.folder_round().await })>
                                {l.t(WorklistText::FolderSyncNow)}
                            </button>
                        </Show>
                        <button type="button" data-testid="folder-show-code"
                            on:click=move |_| spawn_local(async move { state.folder_show_code().await })>
                            {l.t(WorklistText::FolderShowCode)}
                        </button>
                        <button type="button" class="quiet" data-testid="folder-diagnose" on:click=move |_| {
                            let text = state.folder().with_untracked(|f| f.diagnosis.clone());
                            spawn_local(async move {
                                copied.set(crate::folder_web::start("copy", &[text.into()]).await.is_ok());
                            });
                        }>{l.t(WorklistText::FolderDiagnose)}</button>
                    </div>
                    </Show>
                    <Show when=move || copied.get()>
                        <p role="status">{l.t(WorklistText::FolderDiagnoseCopied)}</p>
                    </Show>
                    <Show when=move || state.folder().with(|f| f.new_secret.is_none())>
                    <div class="folder-actions folder-risky">
                        <Show when=move || !state.folder_behind()>
                            <button type="button" class="quiet" data-testid="folder-rotate"
                                on:click=move |_| asking.set(Some(Asking::Rotate))>{l.t(WorklistText::FolderRotate)}</button>
                        </Show>
                        <button type="button" class="quiet" data-testid="folder-disconnect"
                            on:click=move |_| asking.set(Some(Asking::Disconnect))>{l.t(WorklistText::FolderDisconnect)}</button>
                        <Show when=move || !state.folder_behind()>
                            <button type="button" class="quiet risky" data-testid="folder-wipe"
                                on:click=move |_| asking.set(Some(Asking::Wipe))>{l.t(WorklistText::FolderWipe)}</button>
                        </Show>
                    </div>
                    </Show>
                    // The question before a step that cannot be undone.
                    {move || asking.get().and_then(|a| {
                        let (id, text, yes) = match &a {
                            Asking::Wipe => ("folder-wipe", l.folder_wipe_ask(state.worklist().with_untracked(|w| w.patients.len())), l.t(WorklistText::FolderWipeYes)),
                            Asking::Rotate => ("folder-rotate", l.t(WorklistText::FolderRotateAsk).to_owned(), l.t(WorklistText::FolderRotateYes)),
                            Asking::Disconnect => ("folder-disconnect", l.t(WorklistText::FolderDisconnectAsk).to_owned(), l.t(CommonText::Yes)),
                            Asking::RemoveFile(_) => return None,
                        };
                        Some(view! {
                            <div class="banner banner-warn" role="group" data-testid=format!("{id}-ask")>
                                <p>{text}</p>
                                <button type="button" class:danger=id == "folder-wipe" data-testid=format!("{id}-yes") on:click=move |_| {
                                    asking.set(None);
                                    match a {
                                        Asking::Wipe => spawn_local(async move { state.folder_wipe().await }),
                                        Asking::Rotate => spawn_local(async move { state.folder_rotate().await }),
                                        _ => state.folder_disconnect(),
                                    }
                                }>{yes}</button>
                                " "
                                <button type="button" class="quiet" on:click=move |_| asking.set(None)>{l.t(CommonText::No)}</button>
                            </div>
                        })
                    })}
                }.into_any(),
            }}
            <super::folder_before::FolderBefore/>
        </div>
    }
}
