use crate::components::case::screen::CaseScreen;
use crate::components::case::shared_screen::SharedScreen;
#[cfg(feature = "split")]
use crate::components::lazy::Lazy;
use crate::components::registration::screen::RegistrationScreen;
use crate::components::shell::about::AboutScreen;
use crate::components::shell::{
    footer::Footer,
    header::Header,
    lock_screen::LockScreen,
    storage_banner::{PassphraseHint, StorageBanner},
    update_banner::UpdateBanner,
};
use crate::components::stats::screen::StatsScreen;
use crate::components::worklist::folder_panel::FolderPanel;
use crate::components::worklist::row_details::RowDetails;
use crate::components::worklist::screen::WorklistScreen;
#[cfg(feature = "split")]
use crate::i18n::CommonText;
use crate::i18n::Words;
use crate::nav::View;
use crate::state::{browser_today, AppState, LockState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Split points with the `split` feature (the release build,
/// scripts/build-split.sh): each screen's code is then a wasm chunk of its
/// own, fetched when the screen first opens (the case screen is fetched in
/// the background once the first screen is up), and the wasm imports its
/// loader from `__wasm_split_placeholder__`, which only the split build
/// resolves. `fallible`: a failed load (network, server) is an `Err`, not a
/// panic that would end the app (Leptos's `#[lazy]` panics), and is not
/// remembered, so calling again fetches again. Without the feature (trunk
/// serve, the browser tests) App renders the screens directly: no Suspend,
/// which alone costs about 5 KB gzip.
#[cfg(feature = "split")]
mod split {
    use super::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};

    /// The department view (#/forloebstider).
    #[wasm_split(stats_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn stats_screen() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <StatsScreen/> }.into_any())
    }

    /// A patient's case (#/sag/N): the wizard, the plan, the codes.
    #[wasm_split(case_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn case_screen(id: u32) -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <CaseScreen id/> }.into_any())
    }

    /// A case opened from a shared link (#/delt/…), read-only until saved.
    #[wasm_split(shared_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn shared_screen() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <SharedScreen/> }.into_any())
    }

    /// The secretary's queue of codes to register (#/registrering).
    #[wasm_split(registration_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn registration_screen() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <RegistrationScreen/> }.into_any())
    }

    /// The shared folder's panel on the worklist (issue 25).
    #[wasm_split(folder_panel, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn folder_panel() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <FolderPanel/> }.into_any())
    }

    /// The shared folder's rounds, crypto and file format (issue 25): only
    /// a PC with a folder fetches them.
    #[wasm_split(folder_work, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn folder_work(
        state: AppState,
        job: crate::state::FolderJob,
    ) -> Result<std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>, SplitLoaderError> {
        Ok(Box::pin(state.folder_do(job)))
    }

    /// A worklist row's details (issue 26.3): the note's editing and its
    /// text rules come with them.
    #[wasm_split(row_details, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn row_details(
        row: crate::patients::Row,
        label: String,
        note: String,
        on_archive: Callback<(u32, bool)>,
    ) -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <RowDetails row label note on_archive/> }.into_any())
    }

    /// "Om": the lock's settings, the role, "Slet alle data" (#/om).
    #[wasm_split(about_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn about_screen() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <AboutScreen/> }.into_any())
    }
}
/// The shared folder's panel: a chunk of its own in the release.
pub fn folder_panel() -> AnyView {
    #[cfg(feature = "split")]
    return view! { <Lazy load=split::folder_panel what=CommonText::ChunkFolderFailed/> }.into_any();
    #[cfg(not(feature = "split"))]
    view! { <FolderPanel/> }.into_any()
}

/// A worklist row's details: a chunk of its own in the release.
pub fn row_details(
    row: crate::patients::Row,
    label: String,
    note: String,
    on_archive: Callback<(u32, bool)>,
) -> AnyView {
    #[cfg(feature = "split")]
    {
        let args = StoredValue::new((row, label, note));
        let load = move || {
            let (row, label, note) = args.get_value();
            split::row_details(row, label, note, on_archive)
        };
        view! { <Lazy load what=CommonText::ChunkDetailsFailed/> }.into_any()
    }
    #[cfg(not(feature = "split"))]
    view! { <RowDetails row label note on_archive/> }.into_any()
}

/// Runs a folder job; in the release its code is fetched first (a failed
/// fetch is said, and tried again at the next tick or round).
pub async fn folder_job(state: AppState, job: crate::state::FolderJob) {
    #[cfg(feature = "split")]
    {
        let resume = matches!(job, crate::state::FolderJob::Resume(_));
        match split::folder_work(state, job).await {
            Ok(work) => work.await,
            Err(_) => state.folder_job_failed(resume),
        }
    }
    #[cfg(not(feature = "split"))]
    state.folder_do(job).await;
}

/// Fetch the case screen's chunk once, on the first pointer move, key or touch.
#[cfg(feature = "split")]
fn preload_case_screen_on_intent() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static STARTED: AtomicBool = AtomicBool::new(false);
    let Some(window) = web_sys::window() else { return };
    let preload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        if !STARTED.swap(true, Ordering::Relaxed) {
            leptos::task::spawn_local(async {
                let _ = split::__wasm_split_preload_case_screen().await;
            });
        }
    });
    for event in ["pointermove", "pointerdown", "keydown", "touchstart"] {
        let _ = window.add_event_listener_with_callback(event, preload.as_ref().unchecked_ref());
    }
    preload.forget();
}

/// Provided by `main` around [`App`]: the first screen is drawn a task after
/// the frame (header and banners).
#[derive(Clone, Copy)]
pub struct YieldBeforeFirstScreen;

/// The app frame; the state root is provided here. The view follows the URL
/// fragment, so back, forward and reload return to where the clinician was.
#[component]
pub fn App() -> impl IntoView {
    let start = View::from_hash(&location_hash().unwrap_or_default());
    let state = AppState::load(browser_today(), start);
    provide_context(state);
    // The case screen's chunk is fetched in the background at the first sign
    // of a hand on the page (a pointer moving, a key, a touch), so a click on
    // a patient does not wait for it (a failed fetch is tried again when a
    // case opens); never during the start, where it lengthened the first
    // screen's work (issue 26: Lighthouse's blocking time).
    #[cfg(feature = "split")]
    preload_case_screen_on_intent();
    state.open_shared_link(&location_hash().unwrap_or_default());
    crate::state::set_folder_runner(|state, job| Box::pin(folder_job(state, job)));
    // The shared folder (issue 25): its script where this PC has a seat, a
    // round when due, and at once when the tab is hidden (unwritten changes).
    state.folder_prepare();
    set_interval(move || state.folder_tick(), std::time::Duration::from_secs(5));
    // Leaving with changes not yet in the folder: the browser asks first
    // (a profile wiped at logout would lose them with the tab).
    let _ = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if state.folder_unwritten() {
            state.folder_tick();
            ev.prevent_default();
            ev.set_return_value(state.lang().get_untracked().t(crate::i18n::CommonText::FolderUnloadWarning));
        }
    });
    // web/sw-register.js may answer before the app starts (a flag) or after (an event).
    let flag = move |name: &str| js_sys::Reflect::get(&window(), &name.into()).ok().and_then(|v| v.as_bool());
    let read_flags = move || {
        state.set_service_worker_flags(flag("cupUpdateReady") == Some(true), flag("cupPersisted"));
    };
    read_flags();
    let _ = window_event_listener_untyped("cup-update-ready", move |_| read_flags());
    let _ = window_event_listener_untyped("cup-persist", move |_| read_flags());
    // Another tab saved: show its changes here (a storage event never fires in the tab that wrote).
    // `localStorage.clear()` elsewhere comes with no key.
    let _ = window_event_listener(leptos::ev::storage, move |ev| state.on_storage_event(ev.key(), ev.new_value()));
    // Locking in one tab locks every tab; use in one keeps every tab open.
    crate::tabs::listen(move |signal| state.on_signal(signal));
    // The lock closes after the chosen time without use: checked every 10 s,
    // and at once when the page is shown again (a tablet woken from sleep, a
    // tab brought forward, a page restored from the back-forward cache).
    for event in ["pointerdown", "keydown", "wheel", "touchstart"] {
        let _ = window_event_listener_untyped(event, move |_| state.touch());
    }
    set_interval(move || state.lock_if_idle(), std::time::Duration::from_secs(10));
    let _ = window_event_listener_untyped("focus", move |_| state.lock_if_idle());
    // A page restored from the back-forward cache, or shown after it was
    // hidden (perhaps frozen), heard none of the other tabs meanwhile: it
    // reads the store again before anything is written (a deletion there
    // empties it; see `storage::Generation`).
    let _ = window_event_listener(leptos::ev::pageshow, move |ev| {
        state.lock_if_idle();
        if ev.persisted() {
            state.recheck_store();
        }
    });
    let _ = leptos::prelude::document().add_event_listener_with_callback(
        "visibilitychange",
        wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                state.lock_if_idle();
                state.recheck_store();
            } else {
                state.folder_tick();
            }
        })
        .into_js_value()
        .unchecked_ref(),
    );
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = location_hash().unwrap_or_default();
        if !state.open_shared_link(&hash) {
            state.show_view(View::from_hash(&hash));
        }
    });
    // Sync outward: the document's language follows the switch.
    Effect::new(move |_| {
        let code = state.lang().get().code();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
    });
    // The page's start (`main`) draws in three tasks: the state (above), the
    // frame (header and banners), then the screen, so the browser answers
    // input between them (issue 26: the start's one long task, Lighthouse's
    // blocking time); a test's mount draws everything at once.
    let drawn = RwSignal::new(if use_context::<YieldBeforeFirstScreen>().is_some() { 0u8 } else { 2 });
    if drawn.get_untracked() == 0 {
        set_timeout(
            move || {
                drawn.set(1);
                set_timeout(move || drawn.set(2), std::time::Duration::ZERO);
            },
            std::time::Duration::ZERO,
        );
    }
    let frame = Memo::new(move |_| drawn.get() >= 1);
    let first_screen = Memo::new(move |_| drawn.get() >= 2);
    // Screens are rebuilt when the lock closes or opens, not when it is turned on or off.
    let locked = Memo::new(move |_| state.lock().get() == LockState::Locked);
    view! {
        {move || frame.get().then(|| view! { <Header/> })}
        <main data-testid="main" data-app="">
            {move || frame.get().then(|| view! { <UpdateBanner/><StorageBanner/><PassphraseHint/> })}
            // Screens render their text statically and are rebuilt when the
            // language changes: far less code than a closure per text.
            {move || {
                state.lang().track();
                if !first_screen.get() {
                    return ().into_any();
                }
                // Locked, every page is the same lock screen with its field
                // (and its own "Slet alle data", which asks for the passphrase).
                if locked.get() {
                    return view! { <LockScreen/> }.into_any();
                }
                match state.view().get() {
                    #[cfg(feature = "split")]
                    View::About => view! { <Lazy load=split::about_screen what=CommonText::ChunkAboutFailed back=true/> }.into_any(),
                    #[cfg(not(feature = "split"))]
                    View::About => view! { <AboutScreen/> }.into_any(),
                    View::Worklist => view! { <WorklistScreen/> }.into_any(),
                    #[cfg(feature = "split")]
                    View::Case(id) => view! { <Lazy load=move || split::case_screen(id) what=CommonText::ChunkCaseFailed back=true/> }.into_any(),
                    #[cfg(not(feature = "split"))]
                    View::Case(id) => view! { <CaseScreen id/> }.into_any(),
                    #[cfg(feature = "split")]
                    View::Shared => view! { <Lazy load=split::shared_screen what=CommonText::ChunkCaseFailed back=true/> }.into_any(),
                    #[cfg(not(feature = "split"))]
                    View::Shared => view! { <SharedScreen/> }.into_any(),
                    // Lazy with the `split` feature (the release): the department
                    // view's code is its own wasm chunk, fetched when first opened.
                    #[cfg(feature = "split")]
                    View::Stats => view! { <Lazy load=split::stats_screen what=CommonText::ChunkStatsFailed back=true/> }.into_any(),
                    #[cfg(not(feature = "split"))]
                    View::Stats => view! { <StatsScreen/> }.into_any(),
                    #[cfg(feature = "split")]
                    View::Registration => view! { <Lazy load=split::registration_screen what=CommonText::ChunkRegistrationFailed back=true/> }.into_any(),
                    #[cfg(not(feature = "split"))]
                    View::Registration => view! { <RegistrationScreen/> }.into_any(),
                }
            }}
        </main>
        {move || {
            state.lang().track();
            first_screen.get().then(|| view! { <Footer/> })
        }}
    }
}
