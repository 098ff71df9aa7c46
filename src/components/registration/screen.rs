use crate::i18n::{CommonText, Words, WorklistText, WorklistWords};
use crate::nav::View;
use crate::pathway::Code;
use crate::registration_queue::{queue, Entry};
use crate::state::{da_date, AppState};
use leptos::html;
use leptos::prelude::*;

/// Codes shown before "Vis alle": the oldest, which are registered first.
const FIRST: usize = 100;

/// *Registrering*: every code this department registers, oldest first, with
/// *Kopiér* ("AFD01C 04.12.2026") and *Markér som registreret* (with undo);
/// another department's codes apart, for information (issue 26.2).
#[component]
pub fn RegistrationScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = state.lang().get_untracked();
    let q = Memo::new(move |_| state.worklist().with(|w| queue(w, state.today(), state.department_role().get())));
    let show_all = RwSignal::new(false);
    let copied = RwSignal::new(None::<String>);
    // The code just marked, with an undo until another is marked.
    let marked = RwSignal::new(None::<(u32, Code, String)>);
    let heading = NodeRef::<html::H1>::new();
    crate::components::focus_heading_on_open(heading);
    let copy = move |text: String| {
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&text);
        }
        copied.set(Some(text.clone()));
        // The notice goes after a few seconds (it sits over the table's foot).
        set_timeout(
            move || {
                if copied.with_untracked(|c| c.as_deref() == Some(text.as_str())) {
                    copied.set(None);
                }
            },
            std::time::Duration::from_secs(4),
        );
    };
    // After an undo the focus goes back to the row's mark (walk-through: it fell to the page).
    let mark_id = |id: u32, code: Code| format!("reg-mark-{id}-{}", code.info().id);
    let row = move |e: Entry, ours: bool| {
        let text = e.copy_text();
        let said = format!("{} {} {}", text, l.t(WorklistText::RegQueueMarked), e.label);
        let (id, code) = (e.patient, e.code);
        view! {
            <tr data-testid=if ours { "reg-row" } else { "reg-row-theirs" }>
                <td data-testid="reg-date">{da_date(e.date)}</td>
                <th scope="row">
                    <span class="code" data-testid="reg-code">{code.info().id}</span>
                    // The code's name (the text's Danish; the prefix every code shares left off).
                    <span class="code-name" lang="da">{code.info().title_da.trim_start_matches("Metastaser uden organspecifik kræfttype: ")}</span>
                </th>
                <td>
                    <a href=View::Case(id).hash() data-testid="reg-label">{e.label.clone()}</a>
                    {e.archived.then(|| view! { <span class="hint">" ("{l.t(WorklistText::RegQueueArchived)}")"</span> })}
                    {e.clash.then(|| view! { <p class="field-error" data-testid="reg-clash">"⚠ "{l.t(WorklistText::RegQueueClash)}</p> })}
                </td>
                <td data-testid="reg-registrar">
                    {l.pick(e.registrar.label())}
                    {e.note.map(|n| view! { <p class="reading"><span class="section">{l.pick(n.section.label())}</span>" "{l.pick(n.text)}</p> })}
                </td>
                <td class="reg-actions">
                    <button type="button" class="quiet small" data-testid="reg-copy" aria-label=format!("{} {text}", l.t(CommonText::Copy))
                        on:click={ let text = text.clone(); move |_| copy(text.clone()) }>
                        {l.t(CommonText::Copy)}
                    </button>
                    {(ours && !e.clash).then(|| view! {
                        <button type="button" class="small" data-testid="reg-mark" id=mark_id(id, code) aria-label=format!("{}: {text}, {}", l.t(WorklistText::RegQueueMark), e.label)
                            on:click=move |_| {
                                state.set_registered(id, code, true);
                                marked.set(Some((id, code, said.clone())));
                                // The notice and its undo take the focus: a second Enter
                                // undoes rather than marks the next row (walk-through).
                                crate::components::focus_after_render("reg-undo".into());
                            }>
                            {l.t(WorklistText::RegQueueMark)}
                        </button>
                    })}
                </td>
            </tr>
        }
    };
    let table = move |entries: Vec<Entry>, ours: bool, testid: &'static str| {
        view! {
            <table class="reg-table" data-testid=testid>
                <thead>
                    <tr>
                        <th scope="col">{l.t(WorklistText::RegQueueDate)}</th>
                        <th scope="col">{l.t(CommonText::Code)}</th>
                        <th scope="col">{l.t(WorklistText::ColLabel)}</th>
                        <th scope="col">{l.t(CommonText::WhoRegisters)}</th>
                        <th scope="col"><span class="visually-hidden">{l.t(CommonText::Copy)}</span></th>
                    </tr>
                </thead>
                <tbody>{entries.into_iter().map(|e| row(e, ours)).collect_view()}</tbody>
            </table>
        }
    };
    let ours = move || {
        let limit = if show_all.get() { usize::MAX } else { FIRST };
        q.with(|q| q.ours.iter().take(limit).cloned().collect::<Vec<_>>())
    };
    view! {
        <nav class="crumbs">
            <a href=View::Worklist.hash() data-testid="back">"← "{l.t(CommonText::BackToWorklist)}</a>
        </nav>
        <section class="registration" aria-labelledby="reg-heading" data-testid="registration">
            <h1 id="reg-heading" tabindex="-1" node_ref=heading>{l.t(WorklistText::RegQueueTitle)}</h1>
            <p data-testid="reg-count"><strong>{move || l.codes_to_register(q.with(|q| q.ours.len()))}</strong></p>
            <p class="hint">{l.t(WorklistText::RegQueueIntro)}</p>
            <p class="hint" data-testid="codes-seen-from">
                {l.t(CommonText::CodesSeenFrom)}": "<strong>{move || l.pick(state.department_role().get().label())}</strong>" ("{l.t(CommonText::ChangeInAbout)}")"
            </p>
            // At the foot of the window, wherever the row was (walk-through: at the
            // top of a long queue they were out of sight).
            <div class="reg-notices">
                {move || marked.get().map(|(id, code, said)| view! {
                    <p class="banner banner-info" role="status" data-testid="reg-marked">
                        <span>{said}</span>" "
                        <button type="button" id="reg-undo" data-testid="reg-undo" on:click=move |_| {
                            state.set_registered(id, code, false);
                            marked.set(None);
                            crate::components::focus_after_render(mark_id(id, code));
                        }>{l.t(WorklistText::Undo)}</button>
                    </p>
                })}
                <p class="copied" class:shown=move || copied.get().is_some() role="status" data-testid="reg-copied">{move || copied.get().map(|c| format!("{}: {c}", l.t(CommonText::Copied)))}</p>
            </div>
            {move || {
                let entries = ours();
                if entries.is_empty() {
                    view! { <p class="empty" data-testid="reg-empty">{l.t(WorklistText::RegQueueEmpty)}</p> }.into_any()
                } else {
                    table(entries, true, "reg-ours").into_any()
                }
            }}
            <Show when=move || !show_all.get() && q.with(|q| q.ours.len() > FIRST)>
                <button type="button" data-testid="reg-show-all" on:click=move |_| show_all.set(true)>
                    {move || format!("{} ({})", l.t(WorklistText::ShowAll), q.with(|q| q.ours.len()))}
                </button>
            </Show>
            <Show when=move || q.with(|q| !q.theirs.is_empty())>
                <h2>{l.t(WorklistText::RegQueueTheirs)}</h2>
                <p class="hint">{l.t(WorklistText::RegQueueTheirsIntro)}</p>
                {move || table(q.with(|q| q.theirs.clone()), false, "reg-theirs")}
            </Show>
        </section>
    }
}
