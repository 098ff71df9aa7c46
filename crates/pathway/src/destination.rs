//! The places a patient can belong (§1.2, §2.1–§2.3, §3.1.2, §3.1.5–§3.1.10,
//! §3.3). Which one, and why, is decided in [`super::route`] by the
//! precedence table of [`super::rules`].

use super::case::EndReason;
use super::text::Text;
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
    pub fn label(self) -> Text {
        match self {
            Department::Medical => Text::new("medicinsk afdeling", "medical department"),
            Department::Neurological => Text::new("neurologisk afdeling", "neurological department"),
            Department::LocallyAgreed => Text::new("afdeling efter lokal aftale", "department as agreed locally"),
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

    pub fn label(&self) -> Text<String> {
        let t = |da: &str, en: &str| Text::new(da.to_string(), en.to_string());
        match self {
            Pathway::HeadAndNeck => t(
                "Filterfunktion: vurdering hos praktiserende speciallæge mhp. evt. start på pakkeforløb for hoved- og halskræft",
                "Filter function: assessment by a practising specialist for a possible head and neck cancer pathway",
            ),
            Pathway::Breast => t("Pakkeforløb for brystkræft", "Breast cancer pathway"),
            Pathway::Haematological => t("Pakkeforløb for hæmatologiske sygdomme", "Pathway for haematological diseases"),
            Pathway::ColorectalThenLiverMetastases => t(
                "Pakkeforløb for kræft i tyk- og endetarm og senere pakkeforløb for tarmkræftmetastaser i leveren",
                "Colorectal cancer pathway, later the pathway for colorectal liver metastases",
            ),
            Pathway::Lung => t("Pakkeforløb for lungekræft", "Lung cancer pathway"),
            Pathway::PrimaryLiver => t("Pakkeforløb for primær leverkræft", "Primary liver cancer pathway"),
            Pathway::Ovarian => {
                t("Gynækologisk afdeling: pakkeforløb for kræft i æggestok", "Gynaecological department: ovarian cancer pathway")
            }
            Pathway::Testicular => t("Pakkeforløb for testikelkræft", "Testicular cancer pathway"),
            Pathway::UnspecificSymptoms => t(
                "Diagnostisk pakkeforløb for patienter med uspecifikke symptomer på alvorlig sygdom, der kunne være kræft",
                "Diagnostic pathway for patients with non-specific symptoms of serious illness that could be cancer",
            ),
            Pathway::OrganSpecific(name) if name.trim().is_empty() => {
                t("Det relevante organspecifikke pakkeforløb", "The relevant organ-specific pathway")
            }
            Pathway::OrganSpecific(name) => Text::new(
                format!("Det relevante organspecifikke pakkeforløb: {name}"),
                format!("The relevant organ-specific pathway: {name}"),
            ),
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
    pub fn headline(&self) -> Text<String> {
        let t = |da: &str, en: &str| Text::new(da.to_string(), en.to_string());
        match self {
            Destination::Undetermined => {
                t("Endnu ikke afgjort — besvar de åbne spørgsmål", "Not yet decided — answer the open questions")
            }
            Destination::ThisPathway { department } => {
                let d = department.label();
                Text::new(format!("Dette pakkeforløb: {}", d.da), format!("This pathway: {}", d.en))
            }
            Destination::OtherPathway { pathway } => pathway.label(),
            Destination::Oncology => t(
                "Onkologisk afdeling under henvisningsdiagnosen »ukendt primær tumor«",
                "Oncology department under the referral diagnosis »ukendt primær tumor« (unknown primary tumour)",
            ),
            Destination::SpecialtyPlanDepartment => t(
                "Afdeling, der i henhold til specialeplanlægningen er ansvarlig for udredning af neuroendokrine tumorer",
                "The department responsible for neuroendocrine tumours under the specialty plan",
            ),
            Destination::TextSilent => t(
                "Pakkeforløbsteksten tager ikke stilling — klinisk vurdering",
                "The pathway text does not say — clinical judgement",
            ),
            Destination::OutsideTargetGroup => t(
                "Uden for målgruppen: kendt kræftsygdom — teksten angiver ikke, hvortil patienten henvises; klinisk vurdering",
                "Outside the target group: known cancer — the text does not say where; clinical judgement",
            ),
            Destination::Conflict => t(
                "Reglerne peger i forskellige retninger, og teksten rangordner dem ikke — klinisk vurdering",
                "The rules point different ways and the text does not rank them — clinical judgement",
            ),
            Destination::Ended { reason } => match reason {
                EndReason::OrganSpecificReferral => t(
                    "Pakkeforløb slut: viderehenvist til et organspecifikt pakkeforløb",
                    "Pathway ended: referred on to an organ-specific pathway",
                ),
                EndReason::SuspicionDisproved => {
                    t("Pakkeforløb slut: mistanken er afkræftet", "Pathway ended: the suspicion is disproved")
                }
                EndReason::OtherClinicalDecision => {
                    t("Pakkeforløb slut: klinisk beslutning", "Pathway ended: clinical decision")
                }
                EndReason::PatientWish => t("Pakkeforløb slut: patientens ønske", "Pathway ended: the patient's wish"),
            },
        }
    }

    /// The destination in a few words, for a worklist row (issue 26.3); the
    /// whole [`Destination::headline`] stays one click away.
    pub fn short(&self) -> Text<String> {
        let t = |da: &str, en: &str| Text::new(da.to_string(), en.to_string());
        match self {
            Destination::Undetermined => t("Endnu ikke afgjort", "Not yet decided"),
            Destination::ThisPathway { department } => {
                let d = department.label();
                Text::new(
                    format!("Dette pakkeforløb: {}", d.da.replace(" afdeling", " afd.")),
                    format!("This pathway: {}", d.en.replace(" department", " dept.")),
                )
            }
            Destination::OtherPathway { .. } => self.headline(),
            Destination::Oncology => t("Onkologi: »ukendt primær tumor«", "Oncology: »ukendt primær tumor«"),
            Destination::SpecialtyPlanDepartment => {
                t("Specialeplanens afdeling (NET)", "Specialty-plan department (NET)")
            }
            Destination::TextSilent => {
                t("Klinisk vurdering: teksten tager ikke stilling", "Clinical judgement: the text does not say")
            }
            Destination::OutsideTargetGroup => {
                t("Uden for målgruppen: kendt kræftsygdom", "Outside the target group: known cancer")
            }
            Destination::Conflict => {
                t("Klinisk vurdering: reglerne er uenige", "Clinical judgement: the rules disagree")
            }
            Destination::Ended { reason } => match reason {
                EndReason::OrganSpecificReferral => {
                    t("Slut: organspecifikt pakkeforløb", "Ended: organ-specific pathway")
                }
                EndReason::SuspicionDisproved => t("Slut: mistanken afkræftet", "Ended: suspicion disproved"),
                EndReason::OtherClinicalDecision => t("Slut: klinisk beslutning", "Ended: clinical decision"),
                EndReason::PatientWish => t("Slut: patientens ønske", "Ended: the patient's wish"),
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
