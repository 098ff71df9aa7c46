//! Which questions of the catalogue ([`super::questions`]) a case is asked,
//! and which are still open: from its answers and its route.

use super::case::{Case, FindingSite, Histology, Sex};
use super::criteria::{brain_principle_open, extrahepatic, liver_involved, primary_liver_cancer_suspected};
use super::criteria::{CriteriaVerdict, TesticularCriteria};
use super::destination::Destination;
use super::questions::{answer, Answer, Question, QuestionId};
use super::route::Route;
use super::route::{entry_suspicion, small_cell_neuroendocrine_overlap, ENTRY_ROUTES};
use super::statement::Statement;
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
    /// What this case adds to the question: the entry route's suspicion the
    /// decision confirms or rebuts, a reading, an overlap in the text.
    pub notes: Vec<Statement>,
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
    // §7.1: how the patient came decides AFD01A while it has no date.
    if a.finding_site.is_some() {
        let a_pending = case.events.referral_received.is_none() && case.events.ended.is_none();
        let decided_here = route.destination.keeps_this_pathway()
            && route.destination != Destination::Undetermined
            && !route.entry_open;
        v.push((Q::ReferralKind, a_pending && !decided_here));
    }
    v.push((Q::Sex, true));
    // §2.2.1 "altid": a lymphoma suspicion is asked without a finding too (§2.1).
    if a.finding_site == Some(FindingSite::UnspecificSymptoms) {
        v.push((Q::LymphomaSuspected, true));
    }
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
            if !primary_liver_cancer_suspected(a) {
                // Outside the liver the first finding is extrahepatic unless
                // recorded as none: asked, never needed.
                v.push((Q::LiverExtrahepatic, site == FindingSite::Liver));
                if site == FindingSite::Liver && extrahepatic(a) == Some(true) {
                    v.push((Q::LiverBiopsyElsewhere, true));
                }
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
        let waited = route.questions.contains(&Q::PrimaryFound);
        if (a.histology.is_some() && (in_pathway || a.primary_found.is_some())) || waited {
            v.push((Q::PrimaryFound, in_pathway || waited));
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
                notes: notes(case, route, id),
                answer,
            }
        })
        .collect()
}

/// What this case adds to a question.
fn notes(case: &Case, route: &Route, id: QuestionId) -> Vec<Statement> {
    let a = &case.answers;
    let mut v = vec![];
    match id {
        QuestionId::PrimaryFound => {
            // The entry route's organ, named as the candidate to confirm or rebut (§7.3).
            let entry = route
                .rules
                .iter()
                .chain(route.superseded.iter().map(|s| &s.rule))
                .chain(route.waiting.iter().flat_map(|(_, r)| r))
                .find(|r| ENTRY_ROUTES.contains(r))
                .copied();
            if let Some((sec, da, en)) = entry.and_then(entry_suspicion) {
                v.push(Statement::new(
                    sec,
                    format!("Indgangen byggede på mistanke om {da} ({sec}). Svar ja, hvis den er bekræftet eller fortsat begrundet; svar nej kun, hvis udredningens resultater har afkræftet den og ingen anden organspecifik kræfttype er fundet eller mistænkt. Først da er onkologisk afdeling (AFD01C) mulig; indgangsvejen vises fortsat. Er en anden organspecifik kræfttype fundet, så svar ja til mistanke om en bestemt organspecifik kræfttype (§1.2, trin 1) og navngiv den: begge veje vises da."),
                    format!("The entry rested on a suspicion of {en} ({sec}). Answer yes if it is confirmed or still reasonable; answer no only if the work-up's results have rebutted it and no other organ-specific cancer is found or suspected. Only then is the oncology department (AFD01C) possible; the entry route stays shown. If another organ-specific cancer is found, answer yes to the suspicion of a particular organ-specific cancer (§1.2, step 1) and name it: both ways are then shown."),
                ));
                if entry == Some(super::rules::RuleId::NodeNeck) {
                    v.push(Statement::new(
                        "§1.3",
                        "Dette pakkeforløbs udredningsprogram (§3.1) omfatter ingen øre-næse-hals-undersøgelse og ingen billeddiagnostik af halsen. §1.3 henviser til DAHANCA's retningslinje »Karcinommetastase på halsen fra ukendt primær tumor«.",
                        "This pathway's work-up programme (§3.1) includes no ear-nose-throat examination and no imaging of the neck. §1.3 cites DAHANCA's guideline »Karcinommetastase på halsen fra ukendt primær tumor« (carcinoma metastasis in the neck from an unknown primary).",
                    ));
                }
            }
        }
        QuestionId::LiverExtrahepatic if a.finding_site.is_some_and(|s| s != FindingSite::Liver) => {
            v.push(Statement::new(
                "§3.1.2",
                "Det første fund ligger uden for leveren og regnes som en umiddelbar ekstrahepatisk tumormanifestation, medmindre du svarer nej (fundet er ikke tumor). Værktøjets læsning.",
                "The first finding is outside the liver and counts as an apparent extrahepatic tumour manifestation unless you answer no (the finding is not tumour). The tool's reading.",
            ));
        }
        QuestionId::Histology
            if matches!(
                a.histology,
                Some(Histology::SmallCellAnaplasticCarcinoma | Histology::NeuroendocrineTumour)
            ) =>
        {
            v.push(small_cell_neuroendocrine_overlap());
        }
        _ => {}
    }
    v
}
