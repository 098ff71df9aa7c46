//! A split point's view (the `split` feature: the release, scripts/build-split.sh):
//! the view once its wasm chunk is loaded; if the load fails, a short message
//! with a retry button in its place, the rest of the app unaffected.
use crate::i18n::{CommonText, Words};
use crate::nav::View;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;

/// `load`: the split point (a `#[wasm_split(…, fallible)]` function); a
/// failed load is not remembered, so a retry fetches again. `what`: the
/// message naming what could not be loaded. `back`: a link back to the
/// worklist (a whole screen), or none (a panel inside one).
#[component]
pub fn Lazy<F, Fut>(load: F, what: CommonText, #[prop(optional)] back: bool) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    let l = crate::components::use_lang();
    // 0: fetching, 1: failed, 2: here (taken out of `screen` once).
    let phase = RwSignal::new(0u8);
    let attempt = RwSignal::new(0u32);
    let screen = StoredValue::new_local(None::<AnyView>);
    // The screen is built under this component's owner (its context: the
    // state root), also when a retry is clicked; a fetch still under way
    // when the screen is left is dropped.
    let owner = StoredValue::new_local(Owner::current());
    let fetch = move || {
        phase.set(0);
        let run = move || leptos::task::spawn_local_scoped_with_cancellation(async move {
            match load().await {
                Ok(view) => {
                    screen.set_value(Some(view));
                    phase.set(2);
                }
                Err(_) => phase.set(1),
            }
        });
        owner.with_value(|o| match o {
            Some(o) => o.with(run),
            None => run(),
        });
    };
    fetch();
    move || match phase.get() {
        // While the chunk is fetched: a line that says so (a slow network
        // otherwise shows an empty page between header and footer).
        0 => view! { <p class="loading" role="status" data-testid="chunk-loading">{l.t(CommonText::ChunkLoading)}</p> }.into_any(),
        2 => screen.try_update_value(Option::take).flatten().into_any(),
        _ => {
            let tries = attempt.get_untracked();
            view! {
                <div class="banner banner-error" role="alert" data-testid="chunk-error">
                    <p>{l.t(what)}</p>
                    // A retry that fails again says it was tried.
                    {(tries > 0).then(|| view! { <p data-testid="chunk-tries">{format!("{} {}", l.t(CommonText::ChunkTriedAgain), tries + 1)}</p> })}
                    <button type="button" data-testid="chunk-retry" on:click=move |_| {
                        attempt.update(|n| *n += 1);
                        fetch();
                    }>
                        {l.t(CommonText::ChunkRetry)}
                    </button>
                    {back.then(|| view! { " "<a href=View::Worklist.hash() data-testid="back">"← "{l.t(CommonText::BackToWorklist)}</a> })}
                </div>
            }
            .into_any()
        }
    }
}
