fn main() {
    cup_pathway::panic_panel::install();
    cup_pathway::state::reload_when_locked();
    // The app is drawn a task after the module's start, and its first screen
    // a task after its frame (`YieldBeforeFirstScreen`): the start's work in
    // three shorter tasks, so the browser answers input between them (issue 26).
    leptos::prelude::set_timeout(
        || {
            leptos::mount::mount_to_body(|| {
                leptos::prelude::provide_context(cup_pathway::app::YieldBeforeFirstScreen);
                cup_pathway::app::App()
            });
        },
        std::time::Duration::ZERO,
    );
}
