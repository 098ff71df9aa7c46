use crate::i18n::K;
use leptos::prelude::*;

/// How the figures are counted, in a few sentences (printed too).
#[component]
pub fn HowCounted() -> impl IntoView {
    let l = crate::components::use_lang();
    view! {
        <section class="panel stats-how" aria-labelledby="stats-how-heading">
            <h2 id="stats-how-heading">{l.t(K::StatsHowCounted)}</h2>
            <ul>
                <li>{l.t(K::StatsHow1)}</li>
                <li>{l.t(K::StatsHow2)}</li>
                <li>{l.t(K::StatsWholeNote)}</li>
                <li>{l.t(K::StatsHow3)}</li>
                <li>{l.t(K::StatsHow4)}</li>
            </ul>
        </section>
    }
}
