use crate::i18n::{CommonText, Words};
use crate::pathway::DepartmentRole;
use crate::state::AppState;
use leptos::prelude::*;

/// Which department the tool serves (issue 22.5): whose code each
/// registration code is follows it, in the case and the worklist.
#[component]
pub fn DepartmentRoleSelect() -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = crate::components::use_lang();
    view! {
        <article class="panel about" data-testid="department-role-panel">
            <h2>{l.t(CommonText::DepartmentRoleHeading)}</h2>
            <div class="event">
                <label for="department-role">{l.t(CommonText::DepartmentRoleLabel)}</label>
                <select
                    id="department-role"
                    data-testid="department-role"
                    aria-describedby="department-role-hint"
                    on:change=move |ev| {
                        let v: usize = event_target_value(&ev).parse().unwrap_or(0);
                        if let Some(r) = DepartmentRole::ALL.get(v) {
                            state.set_department_role(*r);
                        }
                    }
                >
                    {DepartmentRole::ALL
                        .iter()
                        .enumerate()
                        .map(|(i, r)| {
                            let r = *r;
                            view! { <option value=i.to_string() selected=move || state.department_role().get() == r>{l.pick(r.label())}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <p class="hint" id="department-role-hint">{l.t(CommonText::DepartmentRoleHint)}</p>
        </article>
    }
}
