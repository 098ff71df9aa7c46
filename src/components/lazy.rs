//! A split point's view (the `split` feature: the release, scripts/build-split.sh):
//! the view once its wasm chunk is loaded; if the load fails, a short message
//! with a retry button in its place, the rest of the app unaffected.
use crate::i18n::K;
use crate::nav::View;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;

/// `load`: the split point (a `#[wasm_split(…, fallible)]` function); a
/// failed load is not remembered, so a retry fetches again. `what`: the
/// message naming what could not be loaded. `back`: a link back to the
/// worklist (a whole screen), or none (a panel inside one).
#[component]
pub fn Lazy<F, Fut>(load: F, what: K, #[prop(optional)] back: bool) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    let l = crate::components::use_lang();
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        Suspend::new(async move {
            match load().await {
                Ok(view) => view,
                Err(_) => view! {
                    <div class="banner banner-error" role="alert" data-testid="chunk-error">
                        <p>{l.t(what)}</p>
                        <button type="button" data-testid="chunk-retry" on:click=move |_| attempt.update(|n| *n += 1)>
                            {l.t(K::ChunkRetry)}
                        </button>
                        {back.then(|| view! { " "<a href=View::Worklist.hash() data-testid="back">"← "{l.t(K::BackToWorklist)}</a> })}
                    </div>
                }
                .into_any(),
            }
        })
    }
}
