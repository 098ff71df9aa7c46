use crate::i18n::{StatsText, Words};
use leptos::prelude::*;

/// How the figures are counted, in a few sentences (printed too).
#[component]
pub fn HowCounted() -> impl IntoView {
    let l = crate::components::use_lang();
    view! {
        <section class="panel stats-how" aria-labelledby="stats-how-heading">
            <h2 id="stats-how-heading">{l.t(StatsText::StatsHowCounted)}</h2>
            <ul>
                <li>{l.t(StatsText::StatsHow1)}</li>
                <li>{l.t(StatsText::StatsHow2)}</li>
                <li>{l.t(StatsText::StatsWholeNote)}</li>
                <li>{l.t(StatsText::StatsHow3)}</li>
                <li>{l.t(StatsText::StatsHow4)}</li>
            </ul>
        </section>
    }
}
