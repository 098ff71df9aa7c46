use crate::components::{footer::Footer, header::Header, storage_banner::StorageBanner, worklist::WorklistView};
use crate::state::{browser_today, AppState};
use leptos::prelude::*;

/// The app frame: header, main area, footer; the state root is provided here.
#[component]
pub fn App() -> impl IntoView {
    provide_context(AppState::load(browser_today()));
    view! {
        <Header/>
        <main data-testid="main">
            <StorageBanner/>
            <WorklistView/>
        </main>
        <Footer/>
    }
}
