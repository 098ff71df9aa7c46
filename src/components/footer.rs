use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <footer class="app-footer" data-testid="footer">
            <p>
                "Data gemmes kun i denne browser og sendes ingen steder. Brug pseudonyme betegnelser — aldrig navn eller CPR-nummer."
            </p>
            <p>"Dato: " <time data-testid="today">{state.today.format("%d.%m.%Y").to_string()}</time></p>
        </footer>
    }
}
