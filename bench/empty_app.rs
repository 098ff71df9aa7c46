//! An empty Leptos app, built by scripts/bench.sh with the same toolchain and
//! profile as the real one, so cold-load times can be compared side by side.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| view! { <p id="ready">"Hej"</p> });
}
