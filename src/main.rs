fn main() {
    cup_pathway::panic_panel::install();
    cup_pathway::state::reload_when_locked();
    leptos::mount::mount_to_body(cup_pathway::app::App);
}
