use super::checklist::ChecklistPanel;
use super::codes::CodeTable;
use super::criteria::CriteriaPanel;
use super::destination::DestinationPanel;
use super::timeline::TimelinePanel;
use super::urgent_banner::UrgentBanner;
use super::wizard::Wizard;
use leptos::prelude::*;

/// The body of a case, saved or shared: an urgent action first, then the
/// wizard beside where the patient belongs, then the time standards, the
/// codes and the checklist.
#[component]
pub fn CaseBody() -> impl IntoView {
    view! {
        <UrgentBanner/>
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
