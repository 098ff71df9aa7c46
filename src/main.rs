fn main() {
    cup_pathway::panic_panel::install();
    cup_pathway::state::reload_when_locked();
    leptos::mount::mount_to_body(|| {
        leptos::prelude::provide_context(cup_pathway::app::YieldBeforeFirstScreen);
        cup_pathway::app::App()
    });
}
