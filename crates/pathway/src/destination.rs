//! The places a patient can belong (§1.2, §2.1–§2.3, §3.1.2, §3.1.5–§3.1.10,
//! §3.3). Which one, and why, is decided in [`super::route`] by the
//! precedence table of [`super::rules`].

use super::case::EndReason;
use serde::Serialize;

/// The department that carries out this pathway's work-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Department {
    Medical,
    Neurological,
    /// §2.2.4: bone metastases go to a medical department "med mindre andet er aftalt lokalt".
    LocallyAgreed,
}

impl Department {
    pub fn label_da(self) -> &'static str {
        match self {
            Department::Medical => "medicinsk afdeling",
            Department::Neurological => "neurologisk afdeling",
            Department::LocallyAgreed => "afdeling efter lokal aftale",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Department::Medical => "medical department",
            Department::Neurological => "neurological department",
            Department::LocallyAgreed => "department as agreed locally",
        }
    }
}

/// Another pathway the text names, or one named by the clinician.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pathway {
    /// Via the filter function: assessment by a practising specialist (§2.2.1).
    HeadAndNeck,
    Breast,
    Haematological,
    /// Colorectal cancer, then colorectal liver metastases (§2.2.2).
    ColorectalThenLiverMetastases,
    Lung,
    PrimaryLiver,
    /// Via the gynaecological department (§3.1.6).
    Ovarian,
    Testicular,
    /// Diagnostisk pakkeforløb for uspecifikke symptomer (§2.1).
    UnspecificSymptoms,
    /// An organ-specific pathway named by the clinician (§1.2).
    OrganSpecific(String),
}

/// Words in a clinician's free-text organ (§1.2) that name a pathway the
/// text itself names. The tool's reading of the name, used only to see that
/// two reasons point to the same action (no false conflict).
const NAMED_IN: &[(&[&str], Pathway)] = &[
    (&["lunge", "lung"], Pathway::Lung),
    (&["bryst", "mamma", "breast"], Pathway::Breast),
    // Not "hals" alone: "livmoderhalskræft" is cervical cancer.
    (&["hoved", "head", "neck"], Pathway::HeadAndNeck),
    (
        &["tyktarm", "tyk- og endetarm", "endetarm", "kolorektal", "colorectal", "colon", "rectum", "rectal"],
        Pathway::ColorectalThenLiverMetastases,
    ),
    (&["primær lever", "leverkræft", "hepatocellul", "primary liver"], Pathway::PrimaryLiver),
    (&["æggestok", "ovarie", "ovarian", "ovary"], Pathway::Ovarian),
    (&["testikel", "testis", "testicular"], Pathway::Testicular),
    (&["lymfom", "hæmatolog", "lymphoma", "haematolog"], Pathway::Haematological),
];

impl Pathway {
    /// The pathway of the text that a clinician's organ name names, if exactly one does.
    pub fn named_in(name: &str) -> Option<Pathway> {
        let n = name.to_lowercase();
        // Lungehinde, brysthinde, bughinde: a membrane is not the organ (mesothelioma).
        if n.contains("hinde") || n.contains("pleura") || n.contains("mesotel") || n.contains("mesothel") {
            return None;
        }
        let mut hits = NAMED_IN.iter().filter(|(words, _)| words.iter().any(|w| n.contains(w))).map(|(_, p)| p);
        match (hits.next(), hits.next()) {
            (Some(p), None) => Some(p.clone()),
            _ => None,
        }
    }

    pub fn label_da(&self) -> String {
        match self {
            Pathway::HeadAndNeck => "Filterfunktion: vurdering hos praktiserende speciallæge mhp. evt. start på pakkeforløb for hoved- og halskræft".into(),
            Pathway::Breast => "Pakkeforløb for brystkræft".into(),
            Pathway::Haematological => "Pakkeforløb for hæmatologiske sygdomme".into(),
            Pathway::ColorectalThenLiverMetastases => {
                "Pakkeforløb for kræft i tyk- og endetarm og senere pakkeforløb for tarmkræftmetastaser i leveren".into()
            }
            Pathway::Lung => "Pakkeforløb for lungekræft".into(),
            Pathway::PrimaryLiver => "Pakkeforløb for primær leverkræft".into(),
            Pathway::Ovarian => "Gynækologisk afdeling: pakkeforløb for kræft i æggestok".into(),
            Pathway::Testicular => "Pakkeforløb for testikelkræft".into(),
            Pathway::UnspecificSymptoms => {
                "Diagnostisk pakkeforløb for patienter med uspecifikke symptomer på alvorlig sygdom, der kunne være kræft".into()
            }
            Pathway::OrganSpecific(name) if name.trim().is_empty() => "Det relevante organspecifikke pakkeforløb".into(),
            Pathway::OrganSpecific(name) => format!("Det relevante organspecifikke pakkeforløb: {name}"),
        }
    }

    pub fn label_en(&self) -> String {
        match self {
            Pathway::HeadAndNeck => {
                "Filter function: assessment by a practising specialist for a possible head and neck cancer pathway"
                    .into()
            }
            Pathway::Breast => "Breast cancer pathway".into(),
            Pathway::Haematological => "Pathway for haematological diseases".into(),
            Pathway::ColorectalThenLiverMetastases => {
                "Colorectal cancer pathway, later the pathway for colorectal liver metastases".into()
            }
            Pathway::Lung => "Lung cancer pathway".into(),
            Pathway::PrimaryLiver => "Primary liver cancer pathway".into(),
            Pathway::Ovarian => "Gynaecological department: ovarian cancer pathway".into(),
            Pathway::Testicular => "Testicular cancer pathway".into(),
            Pathway::UnspecificSymptoms => {
                "Diagnostic pathway for patients with non-specific symptoms of serious illness that could be cancer"
                    .into()
            }
            Pathway::OrganSpecific(name) if name.trim().is_empty() => "The relevant organ-specific pathway".into(),
            Pathway::OrganSpecific(name) => format!("The relevant organ-specific pathway: {name}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Destination {
    /// Nothing points anywhere yet; `Route::questions` says what to answer.
    Undetermined,
    /// This pathway, at this department.
    ThisPathway { department: Department },
    /// Another pathway.
    OtherPathway { pathway: Pathway },
    /// Onkologisk afdeling under henvisningsdiagnosen "ukendt primær tumor".
    Oncology,
    /// The department responsible under the specialty plan (§3.1.10).
    SpecialtyPlanDepartment,
    /// The text does not say; clinical judgement.
    TextSilent,
    /// A known cancer: outside the target group (§1.2, §2.4). The text does
    /// not say where such a patient goes.
    OutsideTargetGroup,
    /// Rules point different ways and the text does not rank them:
    /// `Route::options` lists each with its reasons; clinical judgement.
    Conflict,
    /// The pathway has ended (AFD01X1/AFD01X2).
    Ended { reason: EndReason },
}

impl Destination {
    pub fn headline_da(&self) -> String {
        match self {
            Destination::Undetermined => "Endnu ikke afgjort — besvar de åbne spørgsmål".into(),
            Destination::ThisPathway { department } => {
                format!("Dette pakkeforløb: {}", department.label_da())
            }
            Destination::OtherPathway { pathway } => pathway.label_da(),
            Destination::Oncology => "Onkologisk afdeling under henvisningsdiagnosen »ukendt primær tumor«".into(),
            Destination::SpecialtyPlanDepartment => {
                "Afdeling, der i henhold til specialeplanlægningen er ansvarlig for udredning af neuroendokrine tumorer"
                    .into()
            }
            Destination::TextSilent => "Pakkeforløbsteksten tager ikke stilling — klinisk vurdering".into(),
            Destination::OutsideTargetGroup => {
                "Uden for målgruppen: kendt kræftsygdom — teksten angiver ikke, hvortil patienten henvises; klinisk vurdering".into()
            }
            Destination::Conflict => {
                "Reglerne peger i forskellige retninger, og teksten rangordner dem ikke — klinisk vurdering".into()
            }
            Destination::Ended { reason } => match reason {
                EndReason::OrganSpecificReferral => {
                    "Pakkeforløb slut: viderehenvist til et organspecifikt pakkeforløb".into()
                }
                EndReason::SuspicionDisproved => "Pakkeforløb slut: mistanken er afkræftet".into(),
                EndReason::OtherClinicalDecision => "Pakkeforløb slut: klinisk beslutning".into(),
                EndReason::PatientWish => "Pakkeforløb slut: patientens ønske".into(),
            },
        }
    }

    pub fn headline_en(&self) -> String {
        match self {
            Destination::Undetermined => "Not yet decided — answer the open questions".into(),
            Destination::ThisPathway { department } => format!("This pathway: {}", department.label_en()),
            Destination::OtherPathway { pathway } => pathway.label_en(),
            Destination::Oncology => {
                "Oncology department under the referral diagnosis »ukendt primær tumor« (unknown primary tumour)".into()
            }
            Destination::SpecialtyPlanDepartment => {
                "The department responsible for neuroendocrine tumours under the specialty plan".into()
            }
            Destination::TextSilent => "The pathway text does not say — clinical judgement".into(),
            Destination::OutsideTargetGroup => {
                "Outside the target group: known cancer — the text does not say where; clinical judgement".into()
            }
            Destination::Conflict => {
                "The rules point different ways and the text does not rank them — clinical judgement".into()
            }
            Destination::Ended { reason } => match reason {
                EndReason::OrganSpecificReferral => "Pathway ended: referred on to an organ-specific pathway".into(),
                EndReason::SuspicionDisproved => "Pathway ended: the suspicion is disproved".into(),
                EndReason::OtherClinicalDecision => "Pathway ended: clinical decision".into(),
                EndReason::PatientWish => "Pathway ended: the patient's wish".into(),
            },
        }
    }

    /// Somewhere other than this pathway (its primary or secondary work-up).
    pub fn is_elsewhere(&self) -> bool {
        matches!(
            self,
            Destination::OtherPathway { .. } | Destination::SpecialtyPlanDepartment | Destination::OutsideTargetGroup
        )
    }

    /// The course stays with this pathway's work-up and time standards, or
    /// may (undecided, silent or disputed: the standards keep running).
    pub fn keeps_this_pathway(&self) -> bool {
        matches!(
            self,
            Destination::ThisPathway { .. }
                | Destination::TextSilent
                | Destination::Undetermined
                | Destination::Conflict
                | Destination::Oncology
        )
    }
}
