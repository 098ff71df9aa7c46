fn main() {
    cup_pathway::panic_panel::install();
    leptos::mount::mount_to_body(cup_pathway::app::App);
}
