use crate::pathway::{EDITION, MODEL_VERSION};
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="app-header">
            <h1 data-testid="app-title">"Pakkeforløb: metastaser uden organspecifik kræfttype"</h1>
            <p class="edition" data-testid="edition">
                {EDITION.publisher}": "{EDITION.title_da}" — "{EDITION.edition_da}
                " · modelversion "{MODEL_VERSION}
            </p>
        </header>
    }
}
