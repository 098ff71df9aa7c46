use super::answers_print::AnswersPrint;
use super::case_nav::CaseNav;
use super::checklist::ChecklistPanel;
use super::codes::CodeTable;
use super::criteria::CriteriaPanel;
use super::destination::DestinationPanel;
use super::summary::CaseSummary;
use super::timeline::TimelinePanel;
use super::wizard::Wizard;
use leptos::prelude::*;

/// The body of a case, saved or shared: the case at a glance first (an
/// urgent action before everything), the in-page navigation, then the
/// wizard beside where the patient belongs, the time standards, the codes
/// and the checklist.
#[component]
pub fn CaseBody() -> impl IntoView {
    view! {
        <CaseSummary/>
        <CaseNav/>
        <AnswersPrint/>
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
