use super::checklist::ChecklistPanel;
use super::codes::CodeTable;
use super::criteria::CriteriaPanel;
use super::destination::DestinationPanel;
use super::timeline::TimelinePanel;
use super::wizard::Wizard;
use leptos::prelude::*;

/// The body of a case, saved or shared: the wizard beside where the patient
/// belongs, then the time standards, the codes and the checklist.
#[component]
pub fn CaseBody() -> impl IntoView {
    view! {
        <div class="case-grid">
            <Wizard/>
            <div class="plan-col">
                <DestinationPanel/>
                <CriteriaPanel/>
            </div>
        </div>
        <TimelinePanel/>
        <CodeTable/>
        <ChecklistPanel/>
    }
}
