//! What a clinician has answered about one patient: the input of the model.
//!
//! This is the versioned JSON form that storage, links and backups carry
//! (documented in `docs/case-format.md`). Every field has a default, so a case
//! written by an older version still reads; unknown fields are ignored.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Version of the JSON form of [`Case`]. Bump on any incompatible change.
pub const CASE_SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Case {
    pub schema_version: u32,
    /// The model version and edition the case was last evaluated under.
    pub evaluated_under: Option<ModelStamp>,
    pub answers: Answers,
    pub events: Events,
    /// Ids of checklist items ticked as done.
    pub ticks: BTreeSet<String>,
}

impl Default for Case {
    fn default() -> Self {
        Case {
            schema_version: CASE_SCHEMA_VERSION,
            evaluated_under: None,
            answers: Answers::default(),
            events: Events::default(),
            ticks: BTreeSet::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelStamp {
    pub model_version: u32,
    pub edition: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
}

/// Where the first finding is (§2.1–§2.2.6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingSite {
    /// No finding: unspecific symptoms of serious illness (§2.1).
    UnspecificSymptoms,
    LymphNodeNeck,
    LymphNodeAxilla,
    LymphNodeRetroperitoneal,
    LymphNodeGroin,
    /// A lymph node elsewhere: §2.2.1 names neck, axilla, retroperitoneum and groin only.
    LymphNodeOther,
    Liver,
    Lung,
    Bone,
    Brain,
    /// Cancer cells in spinal fluid (§2.2.6).
    CancerCellsSpinalFluid,
    /// Cancer cells in pleura or peritoneum (§2.2.6).
    CancerCellsPleuraOrPeritoneum,
    /// Any other site: §2.2 names no receiving department.
    Other,
}

impl FindingSite {
    pub const ALL: [FindingSite; 13] = [
        FindingSite::UnspecificSymptoms,
        FindingSite::LymphNodeNeck,
        FindingSite::LymphNodeAxilla,
        FindingSite::LymphNodeRetroperitoneal,
        FindingSite::LymphNodeGroin,
        FindingSite::LymphNodeOther,
        FindingSite::Liver,
        FindingSite::Lung,
        FindingSite::Bone,
        FindingSite::Brain,
        FindingSite::CancerCellsSpinalFluid,
        FindingSite::CancerCellsPleuraOrPeritoneum,
        FindingSite::Other,
    ];

    pub fn label_da(self) -> &'static str {
        match self {
            FindingSite::UnspecificSymptoms => "Uspecifikke symptomer uden fund",
            FindingSite::LymphNodeNeck => "Lymfeknude på hals",
            FindingSite::LymphNodeAxilla => "Lymfeknude i armhule",
            FindingSite::LymphNodeRetroperitoneal => "Lymfeknude retroperitonealt",
            FindingSite::LymphNodeGroin => "Lymfeknude i lysken",
            FindingSite::LymphNodeOther => "Lymfeknude andetsteds",
            FindingSite::Liver => "Leveren",
            FindingSite::Lung => "Lungen",
            FindingSite::Bone => "Knogler",
            FindingSite::Brain => "Hjernen",
            FindingSite::CancerCellsSpinalFluid => "Kræftceller i spinalvæske",
            FindingSite::CancerCellsPleuraOrPeritoneum => "Kræftceller i lungehinde eller bughule",
            FindingSite::Other => "Andet sted",
        }
    }
}

/// The histological diagnosis after biopsy (§3.1.5–§3.1.10).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Histology {
    Adenocarcinoma,
    SquamousCellCarcinoma,
    PoorlyDifferentiatedCarcinoma,
    SmallCellAnaplasticCarcinoma,
    NeuroendocrineTumour,
    /// Any other histology: §3.1.6–§3.1.10 give no specific programme.
    Other,
}

impl Histology {
    pub const ALL: [Histology; 6] = [
        Histology::Adenocarcinoma,
        Histology::SquamousCellCarcinoma,
        Histology::PoorlyDifferentiatedCarcinoma,
        Histology::SmallCellAnaplasticCarcinoma,
        Histology::NeuroendocrineTumour,
        Histology::Other,
    ];

    pub fn label_da(self) -> &'static str {
        match self {
            Histology::Adenocarcinoma => "Adenokarcinom",
            Histology::SquamousCellCarcinoma => "Planocellulært karcinom",
            Histology::PoorlyDifferentiatedCarcinoma => "Lavt differentieret karcinom",
            Histology::SmallCellAnaplasticCarcinoma => "Småcellet, anaplastisk karcinom",
            Histology::NeuroendocrineTumour => "Neuroendokrin tumor",
            Histology::Other => "Anden histologi",
        }
    }
}

/// α-føtoprotein in a liver finding (§3.1.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AfpLevel {
    Normal,
    RaisedOrRising,
}

/// How many brain tumours imaging shows (§3.1.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TumourCount {
    One,
    /// More than one; the text prefers "helst kun i alt to eller tre" for surgery.
    TwoOrThree,
    MoreThanThree,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub sex: Option<Sex>,
    /// Age in whole years (§3.1.8 asks "under 55 år").
    pub age_years: Option<u8>,
    pub finding_site: Option<FindingSite>,
    /// Clinical or imaging suspicion of lymphoma (§2.2.1).
    pub lymphoma_suspected: bool,
    /// Suspicion of an organ-specific cancer, named by the clinician (§1.2).
    pub organ_specific_suspicion: Option<String>,
    /// Liver finding with suspicion of colorectal cancer (§2.2.2).
    pub colorectal_suspected: bool,
    /// Spinal cord compression, "spinalt tværsnitssyndrom" (§2.2.4).
    pub spinal_cord_compression: bool,
    /// Bone: another department is agreed locally (§2.2.4).
    pub bone_local_agreement: bool,
    /// Brain: already under work-up in a neurological department (§2.2.5).
    pub in_neurology_department: Option<bool>,
    pub liver: LiverAnswers,
    pub bone: BoneAnswers,
    pub brain: BrainAnswers,
    pub histology: Option<Histology>,
    /// Peritoneal carcinomatosis with serous adenocarcinoma (§3.1.6).
    pub serous_peritoneal_carcinomatosis: bool,
    /// Blood in faeces or gastrointestinal symptoms (§3.1.6).
    pub gi_bleeding_or_symptoms: bool,
    /// §3.1.8 criterion 2: tumour in the midline (mediastinum, retroperitoneum).
    pub midline_tumour: Option<bool>,
    /// §3.1.8 criterion 3: raised HCG or α-føtoprotein.
    pub hcg_or_afp_raised: Option<bool>,
    /// §3.1.9: in a woman, is cervical cancer suspected?
    pub cervical_cancer_suspected: Option<bool>,
    /// §3.3: the primary work-up is done and no primary tumour is identified.
    pub no_primary_found: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LiverAnswers {
    pub afp: Option<AfpLevel>,
    /// One solitary process in the liver.
    pub solitary: Option<bool>,
    /// Immediate extrahepatic tumour manifestations.
    pub extrahepatic: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BoneAnswers {
    /// Very marked destruction or a soft-tissue tumour in the area (§3.1.3).
    pub destruction_or_soft_tissue: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BrainAnswers {
    /// Only CT of the brain so far, no MR.
    pub only_ct_so_far: Option<bool>,
    pub tumour_count: Option<TumourCount>,
    /// The tumour(s) give symptoms.
    pub symptomatic: Option<bool>,
    /// One (or, with several, the largest) tumour is operable.
    pub operable: Option<bool>,
    /// Operation is to be done for clinical reasons, which gives the diagnosis.
    pub clinical_operation: Option<bool>,
}

/// The dated events of the pathway. Each is what one registration code records.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Events {
    /// The department receives the referral (AFD01A, §2.7).
    pub referral_received: Option<NaiveDate>,
    /// First attendance for primary work-up (AFD01B, §3.5).
    pub first_attendance: Option<NaiveDate>,
    /// Referral to secondary work-up at oncology: the end of primary work-up
    /// when no primary tumour is found (AFD01C, §3.5).
    pub referred_to_secondary: Option<NaiveDate>,
    /// First attendance at the oncological department (AFD01D, §4.7).
    pub secondary_first_attendance: Option<NaiveDate>,
    /// The pathway ends (AFD01X1 or AFD01X2, §3.5, §4.7).
    pub ended: Option<Ending>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ending {
    pub date: NaiveDate,
    pub reason: EndReason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    /// Clinical decision: referred on to an organ-specific pathway (AFD01X1).
    OrganSpecificReferral,
    /// Clinical decision: the suspicion is disproved (AFD01X1).
    SuspicionDisproved,
    /// The patient wishes to stop (AFD01X2).
    PatientWish,
}

impl Case {
    /// The organ-specific suspicion, if one is named (blank names do not count).
    pub fn organ_specific_suspicion(&self) -> Option<&str> {
        self.answers.organ_specific_suspicion.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
}
