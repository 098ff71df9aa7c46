//! The answers the model still needs, so the wizard asks only what matters.

use super::case::{Case, FindingSite, Sex};
use super::criteria::{brain_principle, primary_liver_cancer_suspected};
use super::section::Section;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionId {
    FindingSite,
    Sex,
    Age,
    InNeurologyDepartment,
    LiverAfp,
    LiverSolitary,
    LiverExtrahepatic,
    BrainOnlyCtSoFar,
    BrainTumourCount,
    BrainSymptomatic,
    BrainOperable,
    BrainClinicalOperation,
    Histology,
    MidlineTumour,
    HcgOrAfpRaised,
    CervicalCancerSuspected,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: QuestionId,
    pub section: Section,
    pub da: &'static str,
    pub en: &'static str,
}

impl QuestionId {
    pub fn question(self) -> Question {
        let (section, da, en) = match self {
            QuestionId::FindingSite => ("§2.2", "Hvor sidder det første fund?", "Where is the first finding?"),
            QuestionId::Sex => ("§3.1", "Patientens køn?", "The patient's sex?"),
            QuestionId::Age => ("§3.1.8", "Patientens alder (hele år)?", "The patient's age in whole years?"),
            QuestionId::InNeurologyDepartment => (
                "§2.2.5",
                "Er patienten allerede under udredning på en neurologisk afdeling?",
                "Is the patient already under work-up in a neurological department?",
            ),
            QuestionId::LiverAfp => ("§3.1.2", "Er α-føtoprotein forhøjet eller stigende?", "Is AFP raised or rising?"),
            QuestionId::LiverSolitary => {
                ("§3.1.2", "Er der én solitær proces i leveren?", "Is there a single solitary liver lesion?")
            }
            QuestionId::LiverExtrahepatic => (
                "§3.1.2",
                "Er der umiddelbare ekstrahepatiske tumormanifestationer?",
                "Are there immediate extrahepatic tumour manifestations?",
            ),
            QuestionId::BrainOnlyCtSoFar => {
                ("§3.1.4", "Er der indtil nu kun foretaget CT (ikke MR) af cerebrum?", "Only CT of the brain so far?")
            }
            QuestionId::BrainTumourCount => ("§3.1.4", "Hvor mange tumorer i hjernen?", "How many brain tumours?"),
            QuestionId::BrainSymptomatic => {
                ("§3.1.4", "Er tumor/tumorerne symptomgivende?", "Are the tumours symptomatic?")
            }
            QuestionId::BrainOperable => (
                "§3.1.4",
                "Er tumor (ved flere: den største) operabel?",
                "Is the tumour (with several: the largest) operable?",
            ),
            QuestionId::BrainClinicalOperation => (
                "§3.1.4",
                "Skal der af kliniske grunde foretages operation?",
                "Is an operation to be done for clinical reasons?",
            ),
            QuestionId::Histology => ("§3.1.5", "Histologisk diagnose?", "Histological diagnosis?"),
            QuestionId::MidlineTumour => (
                "§3.1.8",
                "Er tumor lokaliseret i midtlinjen (mediastinum, retroperitoneum)?",
                "Is the tumour in the midline (mediastinum, retroperitoneum)?",
            ),
            QuestionId::HcgOrAfpRaised => ("§3.1.8", "Er HCG eller α-føtoprotein forhøjet?", "Is HCG or AFP raised?"),
            QuestionId::CervicalCancerSuspected => {
                ("§3.1.9", "Er der mistanke om livmoderhalskræft?", "Is cervical cancer suspected?")
            }
        };
        Question { id: self, section: Section(section), da, en }
    }
}

/// Questions about the work-up that select checklist items (not the destination).
pub fn workup_questions(case: &Case) -> Vec<QuestionId> {
    let a = &case.answers;
    let mut q = vec![];
    if a.sex.is_none() {
        q.push(QuestionId::Sex);
    }
    match a.finding_site {
        Some(FindingSite::Liver) => {
            if a.liver.solitary.is_none() {
                q.push(QuestionId::LiverSolitary);
            }
            let afp_relevant = a.sex == Some(Sex::Male) || a.liver.solitary != Some(false);
            if afp_relevant && a.liver.afp.is_none() {
                q.push(QuestionId::LiverAfp);
            }
            if !primary_liver_cancer_suspected(a) && a.liver.extrahepatic.is_none() {
                q.push(QuestionId::LiverExtrahepatic);
            }
        }
        Some(FindingSite::Brain) => {
            let b = &a.brain;
            if b.only_ct_so_far.is_none() {
                q.push(QuestionId::BrainOnlyCtSoFar);
            }
            if b.clinical_operation.is_none() {
                q.push(QuestionId::BrainClinicalOperation);
            }
            if brain_principle(b.tumour_count, b.symptomatic, b.operable).is_none() {
                if b.tumour_count.is_none() {
                    q.push(QuestionId::BrainTumourCount);
                }
                if b.symptomatic.is_none() {
                    q.push(QuestionId::BrainSymptomatic);
                }
                if b.operable.is_none() {
                    q.push(QuestionId::BrainOperable);
                }
            }
        }
        _ => {}
    }
    if a.histology.is_none() && a.finding_site.is_some() {
        q.push(QuestionId::Histology);
    }
    q
}
