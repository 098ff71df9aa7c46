//! Which questions of the catalogue ([`super::questions`]) a case is asked,
//! and which are still open: from its answers and its route.

use super::case::{Case, FindingSite, Histology, Sex};
use super::criteria::{brain_principle_open, liver_involved, primary_liver_cancer_suspected};
use super::criteria::{CriteriaVerdict, TesticularCriteria};
use super::questions::{answer, Answer, Question, QuestionId};
use super::route::Route;
use serde::Serialize;

/// A question as the plan presents it: with its current answer, and whether
/// it is still open (unanswered and able to change a route or an item).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AskedQuestion {
    #[serde(flatten)]
    pub question: Question,
    pub answer: Answer,
    pub open: bool,
    /// The destination waits for this answer.
    pub decides_destination: bool,
}

/// Every question that belongs to this patient's course so far, in wizard
/// order, with its answer. Answered questions stay so they can be changed.
pub fn asked(case: &Case, route: &Route) -> Vec<AskedQuestion> {
    use QuestionId as Q;
    let a = &case.answers;
    // (question, needed: its answer can still change a route or an item)
    let bone = a.finding_site == Some(FindingSite::Bone);
    // §2.2.4 first, and never dropped: a recorded yes stays askable whatever the
    // site. It can be answered before the site is known or for "another site"
    // (a vertebral lesion may be filed there); it is open (needed) for bone.
    let mut v: Vec<(QuestionId, bool)> = vec![(Q::FindingSite, true)];
    let maybe_bone = matches!(a.finding_site, None | Some(FindingSite::Bone | FindingSite::Other));
    if maybe_bone || a.spinal_cord_compression.is_some() {
        v.push((Q::SpinalCordCompression, bone));
    }
    v.push((Q::Sex, true));
    let site = a.finding_site.filter(|s| *s != FindingSite::UnspecificSymptoms);
    if let Some(site) = site {
        v.extend([(Q::KnownCancer, true), (Q::OrganSpecificSuspected, true)]);
        if a.organ_specific_suspected == Some(true) {
            v.push((Q::OrganSpecificWhich, false));
        }
        v.push((Q::LymphomaSuspected, true));
        match site {
            FindingSite::Liver => v.push((Q::ColorectalSuspected, true)),
            FindingSite::Bone => v.push((Q::BoneLocalAgreement, true)),
            FindingSite::Brain => v.push((Q::InNeurologyDepartment, true)),
            _ => {}
        }
    }
    let in_course = site.is_some() && !route.points_away_at_entry();
    if let (Some(site), true) = (site, in_course) {
        // Udredning (§3.1–§3.1.4).
        if site != FindingSite::Liver {
            v.push((Q::LiverInvolved, true));
        }
        if liver_involved(a) == Some(true) {
            v.push((Q::LiverSolitary, true));
            // AFP matters only for a process that may be solitary (§3.1, §3.1.2).
            if a.liver.solitary != Some(false) {
                v.push((Q::LiverAfp, true));
            }
            if site == FindingSite::Liver && !primary_liver_cancer_suspected(a) {
                v.push((Q::LiverExtrahepatic, true));
            }
        }
        match site {
            FindingSite::Bone => v.push((Q::BoneDestruction, true)),
            FindingSite::Brain => {
                let open = brain_principle_open(a);
                v.extend([
                    (Q::BrainOnlyCtSoFar, true),
                    (Q::BrainClinicalOperation, true),
                    (Q::BrainTumourCount, open),
                    (Q::BrainSymptomatic, open),
                    (Q::BrainOperable, open),
                ]);
            }
            _ => {}
        }
    }
    // Histologi (§3.1.5–§3.1.10): a referral may arrive with a biopsy answer,
    // so it is asked from the entry on; needed once the work-up is this pathway's.
    if let Some(site) = site {
        v.push((Q::Histology, in_course));
        match (a.histology, a.sex) {
            (Some(Histology::Adenocarcinoma), sex) => {
                v.push((Q::SerousPeritonealCarcinomatosis, in_course || sex == Some(Sex::Female)));
                if in_course {
                    v.push((Q::GiBleedingOrSymptoms, true));
                }
            }
            (Some(Histology::PoorlyDifferentiatedCarcinoma), Some(Sex::Male)) => {
                let pending = TesticularCriteria::assess(a).verdict == CriteriaVerdict::Pending;
                v.push((Q::Age, pending));
                // A retroperitoneal finding is in the midline by definition.
                if site != FindingSite::LymphNodeRetroperitoneal {
                    v.push((Q::MidlineTumour, pending));
                }
                v.push((Q::HcgOrAfpRaised, pending));
            }
            (Some(Histology::SmallCellAnaplasticCarcinoma), Some(Sex::Female)) => {
                v.push((Q::CervicalCancerSuspected, true))
            }
            _ => {}
        }
    }
    if let (Some(_), true) = (site, in_course) {
        // Beslutning (§3.3, §4.1).
        let in_pathway = route.destination.keeps_this_pathway();
        if a.histology.is_some() && (in_pathway || a.primary_found.is_some()) {
            v.push((Q::PrimaryFound, in_pathway));
        }
        if case.events.referred_to_secondary.is_some() || a.primary_found == Some(false) {
            v.push((Q::PrimaryFoundInSecondary, true));
        }
    }
    // After the pathway has ended (AFD01X1/X2) nothing is open.
    let ended = case.events.ended.is_some();
    v.into_iter()
        .map(|(id, needed)| {
            let answer = answer(case, id);
            AskedQuestion {
                question: id.question(),
                open: !ended && (needed || route.questions.contains(&id)) && answer == Answer::Unknown,
                decides_destination: route.questions.contains(&id),
                answer,
            }
        })
        .collect()
}
