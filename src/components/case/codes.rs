use super::CaseCtx;
use crate::i18n::{CaseText, CommonText, Words};
use crate::pathway::codes::CodeStatus;
use crate::state::{da_date, AppState};
use leptos::prelude::*;

/// AFD01A–AFD01X2: which applies at which event, its date and trigger; the
/// clinician marks each as registered and can copy the code.
#[component]
pub fn CodeTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ctx = expect_context::<CaseCtx>();
    // Static text: the screen is rebuilt when the language changes (App).
    let l = crate::components::use_lang();
    let copied = RwSignal::new(None::<&'static str>);
    let codes = move || ctx.plan.with(|p| p.as_ref().map(|p| p.codes.clone()).unwrap_or_default());
    view! {
        <section class="panel codes" aria-labelledby="codes-heading" data-testid="codes">
            <h2 id="codes-heading">{l.t(CaseText::Codes)}</h2>
            // Which department "Denne afdeling" is: the setting the registrars follow (issue 22.5).
            <p class="hint" data-testid="codes-seen-from">
                {l.t(CommonText::CodesSeenFrom)}": "<strong>{move || l.pick(state.department_role().get().label())}</strong>" ("{l.t(CommonText::ChangeInAbout)}")"
            </p>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{l.t(CommonText::Code)}</th>
                        <th scope="col">{l.t(CaseText::CodeStatusCol)}</th>
                        <th scope="col">{l.t(CaseText::CodeDate)}</th>
                        <th scope="col">{l.t(CommonText::WhoRegisters)}</th>
                        <th scope="col">{l.t(CaseText::Registered)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {

                        codes()
                            .into_iter()
                            .map(|e| {
                                let id = e.info.id;
                                let code = e.info.code;
                                let next = e.status == CodeStatus::Next;
                                let date = match e.status {
                                    CodeStatus::Registered { date } => Some(da_date(date)),
                                    _ => None,
                                };
                                let due = date.is_some();
                                let secs = e.info.sections.iter().map(|s| l.pick(s.label())).collect::<Vec<_>>().join(", ");
                                view! {
                                    <tr data-testid=format!("code-{id}") class:next=next>
                                        <th scope="row">
                                            <span class="code">{id}</span>
                                            <button type="button" class="quiet small" data-testid=format!("copy-{id}")
                                                aria-label=format!("{} {id}", l.t(CommonText::Copy))
                                                on:click=move |_| {
                                                    if let Some(w) = web_sys::window() {
                                                        let _ = w.navigator().clipboard().write_text(id);
                                                    }
                                                    copied.set(Some(id));
                                                }>
                                                {l.t(CommonText::Copy)}
                                            </button>
                                            <div class="code-title" lang="da">{e.info.title_da}</div>
                                            <details>
                                                <summary>{l.t(CaseText::Trigger)}" "<span class="section">{secs}</span></summary>
                                                <p lang="da">{e.info.trigger_da}</p>
                                                <p lang="da">{l.t(CaseText::RegisteredBy)}": "{e.info.registered_by_da}" · "{e.info.date_da}</p>
                                                <ul>{e.info.notes_da.iter().map(|n| view! { <li lang="da">{*n}</li> }).collect_view()}</ul>
                                            </details>
                                        </th>
                                        <td data-testid="code-status">
                                            {next.then_some("→ ")}{l.pick(e.status.label())}
                                            {e.why_next.clone().map(|w| view! {
                                                <p class="why-next" data-testid="why-next">
                                                    {l.t(CaseText::WhyNext)}": "<span class="section">{l.pick(w.section.label())}</span>" "{l.pick(w.text)}
                                                </p>
                                            })}
                                        </td>
                                        <td data-testid="code-date">{date}</td>
                                        <td data-testid="code-registrar" class:theirs=e.theirs()>
                                            {l.pick(e.registrar.label())}
                                            {e.theirs().then(|| view! { <span class="hint">" ("{l.t(CaseText::TheirsNotFlagged)}")"</span> })}
                                            {e.registrar_reading.clone().map(|r| view! {
                                                <p class="reading"><span class="section">{l.pick(r.section.label())}</span>" "{l.pick(r.text)}</p>
                                            })}
                                        </td>
                                        <td>
                                            <label class="choice">
                                                <input type="checkbox" data-testid=format!("registered-{id}") disabled=ctx.read_only
                                                    prop:checked=e.registered
                                                    on:change=move |ev| state.set_registered(ctx.id, code, event_target_checked(&ev))/>
                                                <span class="visually-hidden">{id}" "</span>
                                                <span>{l.t(CaseText::Registered)}</span>
                                                // The mark in words on paper (a printed checkbox is easily missed).
                                                // Only a code that is due and this department's (issue 26.6: never a code not yet due, nor theirs, as missing).
                                                <span class="print-inline">{if e.registered { format!("✓ {}", l.t(CaseText::Registered)) } else if due && !e.theirs() { l.t(CaseText::NotRegisteredPrint).to_string() } else { String::new() }}</span>
                                            </label>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <p class="copied" role="status">{move || copied.get().map(|c| format!("{}: {c}", l.t(CommonText::Copied)))}</p>
        </section>
    }
}
