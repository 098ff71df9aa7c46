//! The app's one keyed list. Each `<For>` is compiled anew for its item,
//! key and child types (some 6 KB of wasm apiece), so the three keyed lists
//! share one item type and type-erased closures: the keyed diff is compiled
//! once, and each list keeps its own keys (a kept item keeps its DOM).

use crate::pathway::{Phase, QuestionId};
use crate::patients::Row;
use leptos::prelude::*;

/// An item of one of the keyed lists; it is its own key.
// Most items are worklist rows: boxing them would only add an allocation each.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum Keyed {
    /// A checklist phase and its items, in order.
    Phase(Phase, Vec<&'static str>),
    /// A question of the wizard's step.
    Question(QuestionId),
    /// A worklist row.
    Row(Row),
}

/// The items `each` gives, each drawn by `child`, keyed by the item itself.
pub fn keyed_list(
    each: Box<dyn Fn() -> Vec<Keyed> + Send + Sync>,
    child: std::sync::Arc<dyn Fn(Keyed) -> AnyView + Send + Sync>,
) -> impl IntoView {
    view! { <For each=move || each() key=Keyed::clone children=move |item| child(item)/> }
}
