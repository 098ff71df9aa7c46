//! What a clinician has answered about one patient: the input of the model.
//!
//! This is the versioned JSON form that storage, links and backups carry
//! (documented in `docs/case-format.md`). Every field has a default, so a case
//! written by an older version still reads; unknown fields are ignored.

use super::choice::{Choice, Choosable};
use super::codes::Code;
use super::text::Text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Compact JSON: what equals its default is left out, and read back as the default.
pub fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// Version of the JSON form of [`Case`]. Bump on any incompatible change.
pub const CASE_SCHEMA_VERSION: u32 = 4;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Case {
    pub schema_version: u32,
    /// The model version and edition the case was last evaluated under.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evaluated_under: Option<ModelStamp>,
    #[serde(skip_serializing_if = "is_default")]
    pub answers: Answers,
    #[serde(skip_serializing_if = "is_default")]
    pub events: Events,
    /// Ids of checklist items ticked as done.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub ticks: BTreeSet<String>,
    /// The date each item was ticked, where known.
    #[serde(with = "super::iso::map")]
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub ticked_on: BTreeMap<String, NaiveDate>,
    /// Codes the clinician has marked as registered in the patient administrative system.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub registered_codes: BTreeSet<Code>,
}

impl Default for Case {
    fn default() -> Self {
        Case {
            schema_version: CASE_SCHEMA_VERSION,
            evaluated_under: None,
            answers: Answers::default(),
            events: Events::default(),
            ticks: BTreeSet::new(),
            ticked_on: BTreeMap::new(),
            registered_codes: BTreeSet::new(),
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
}

/// α-føtoprotein in a liver finding (§3.1.2). One measurement, read by
/// every rule that names it: raised counts for §3.1.2 and §3.1.8 ("forhøjet
/// HCG eller α-føtoprotein"); rising within the reference range for §3.1.2
/// alone ("forhøjet eller stigende"); "raised or rising" without saying
/// which (schema 3's only choice) for §3.1.2, leaving §3.1.8 open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AfpLevel {
    Normal,
    Raised,
    RisingWithinReference,
    RaisedOrRising,
    /// Not measured, by the clinician's decision: §3.1 "anbefales", not "skal".
    NotMeasured,
}

impl AfpLevel {
    /// §3.1.2: "forhøjet eller stigende α-føtoprotein".
    pub fn raised_or_rising(self) -> bool {
        !matches!(self, AfpLevel::Normal | AfpLevel::NotMeasured)
    }

    /// §3.1.8 criterion 3 as far as this AFP tells: raised (yes), within the
    /// reference range (no), or not said which (unknown).
    pub fn raised(self) -> Option<bool> {
        match self {
            AfpLevel::Raised => Some(true),
            AfpLevel::Normal | AfpLevel::RisingWithinReference => Some(false),
            AfpLevel::RaisedOrRising | AfpLevel::NotMeasured => None,
        }
    }
}

/// How the patient came to this department (§2.7, §7.1): the two ways
/// AFD01A is registered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralKind {
    /// "når henvisning til pakkeforløb modtages i afdelingen": AFD01A on the
    /// day it is received, whatever the referral contains.
    PathwayReferral,
    /// No referral to this pathway (own department, an ordinary referral):
    /// AFD01A "når det klinisk vurderes, at beskrivelsen på henvisningen
    /// svarer til målgruppebeskrivelsen".
    ClinicalJudgement,
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

/// Everything the clinician answers. A yes/no answer is `None` until it is
/// answered: the model asks rather than assumes (schema 2; see `migrate`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// Age in whole years (§3.1.8 asks "under 55 år").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_years: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finding_site: Option<FindingSite>,
    /// How the patient came: a referral to this pathway, or the clinician's judgement (§7.1; schema 4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referral_kind: Option<ReferralKind>,
    /// A known cancer: §2.4 covers patients "uden kendt kræftsygdom" (§1.2 the target group).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub known_cancer: Option<bool>,
    /// Symptoms or findings suspicious of an organ-specific cancer, at any stage (§1.2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ_specific_suspected: Option<bool>,
    /// Which organ-specific cancer, named by the clinician (§1.2); optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ_specific_suspicion: Option<String>,
    /// Clinical or imaging suspicion of lymphoma (§2.2.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lymphoma_suspected: Option<bool>,
    /// Liver finding with suspicion of colorectal cancer (§2.2.2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub colorectal_suspected: Option<bool>,
    /// Spinal cord compression, "spinalt tværsnitssyndrom" (§2.2.4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spinal_cord_compression: Option<bool>,
    /// Bone: another department is agreed locally (§2.2.4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bone_local_agreement: Option<bool>,
    /// Brain: already under work-up in a neurological department (§2.2.5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_neurology_department: Option<bool>,
    #[serde(skip_serializing_if = "is_default")]
    pub liver: LiverAnswers,
    #[serde(skip_serializing_if = "is_default")]
    pub bone: BoneAnswers,
    #[serde(skip_serializing_if = "is_default")]
    pub brain: BrainAnswers,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub histology: Option<Histology>,
    /// Peritoneal carcinomatosis with serous adenocarcinoma (§3.1.6).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub serous_peritoneal_carcinomatosis: Option<bool>,
    /// Blood in faeces or gastrointestinal symptoms (§3.1.6).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gi_bleeding_or_symptoms: Option<bool>,
    /// §3.1.8 criterion 2: tumour in the midline (mediastinum, retroperitoneum).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub midline_tumour: Option<bool>,
    /// §3.1.8 criterion 3: raised HCG or α-føtoprotein.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hcg_or_afp_raised: Option<bool>,
    /// §3.1.9: in a woman, is cervical cancer suspected?
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cervical_cancer_suspected: Option<bool>,
    /// §3.3 with §7.3's whole condition: has the primary work-up found a
    /// reasonable suspicion of, or verified, an organ-specific cancer (the
    /// entry route's organ among the candidates)? `false` is the clinician's
    /// rebuttal that makes oncology reachable (schema 4: see `migrate`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_found: Option<bool>,
    /// §4.1: did the secondary work-up at oncology identify a primary tumour?
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_found_in_secondary: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LiverAnswers {
    /// Suspected liver metastases when the first finding is elsewhere (§3.1, §3.1.2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub involved: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub afp: Option<AfpLevel>,
    /// One solitary process in the liver.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub solitary: Option<bool>,
    /// Apparent ("umiddelbare") extrahepatic tumour manifestations (§3.1.2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extrahepatic: Option<bool>,
    /// With extrahepatic manifestations: the diagnostic biopsy was taken
    /// outside the liver (§3.1.5: one biopsy answer; schema 4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub biopsy_elsewhere: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BoneAnswers {
    /// Very marked destruction or a soft-tissue tumour in the area (§3.1.3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destruction_or_soft_tissue: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BrainAnswers {
    /// Only CT of the brain so far, no MR.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub only_ct_so_far: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tumour_count: Option<TumourCount>,
    /// The tumour(s) give symptoms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symptomatic: Option<bool>,
    /// One (or, with several, the largest) tumour is operable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operable: Option<bool>,
    /// Operation is to be done for clinical reasons, which gives the diagnosis.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clinical_operation: Option<bool>,
}

/// The dated events of the pathway. Each is what one registration code records.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Events {
    /// The department receives the referral (AFD01A, §2.7).
    #[serde(with = "super::iso::option")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referral_received: Option<NaiveDate>,
    /// First attendance for primary work-up (AFD01B, §3.5).
    #[serde(with = "super::iso::option")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_attendance: Option<NaiveDate>,
    /// Referral to secondary work-up at oncology: the end of primary work-up
    /// when no primary tumour is found (AFD01C, §3.5).
    #[serde(with = "super::iso::option")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referred_to_secondary: Option<NaiveDate>,
    /// First attendance at the oncological department (AFD01D, §4.7).
    #[serde(with = "super::iso::option")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secondary_first_attendance: Option<NaiveDate>,
    /// The pathway ends (AFD01X1 or AFD01X2, §3.5, §4.7).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended: Option<Ending>,
    /// Why the primary work-up took longer, as §3.6 allows (recorded, never applied).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workup_lengthened: Option<Lengthening>,
    /// The acute referral for spinal cord compression has been made (§2.2.4; schema 3).
    #[serde(with = "super::iso::option")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acute_referral_made: Option<NaiveDate>,
    /// After an onward referral (AFD01X1): the receiving department has taken
    /// over (§2.6 "indtil modtagende afdeling tager over", §3.4; schema 4).
    #[serde(with = "super::iso::option")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handed_over: Option<NaiveDate>,
}

/// §3.6: "Udredningen kan vare længere tid, såfremt biopsien skal afkalkes,
/// eller der skal foretages målrettede immunkemiske undersøgelser."
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lengthening {
    Decalcification,
    TargetedImmunohistochemistry,
    Both,
}

impl Lengthening {
    pub const ALL: [Lengthening; 3] =
        [Lengthening::Decalcification, Lengthening::TargetedImmunohistochemistry, Lengthening::Both];
}

impl Choosable for Lengthening {
    const VALUES: &'static [Self] = &Lengthening::ALL;
    /// In the order of [`Lengthening::ALL`]; keys as in the case JSON.
    const CHOICES: &'static [Choice] = &[
        Choice { key: "decalcification", text: Text::new("Biopsien skal afkalkes", "The biopsy must be decalcified") },
        Choice {
            key: "targeted_immunohistochemistry",
            text: Text::new(
                "Der skal foretages målrettede immunkemiske undersøgelser",
                "Targeted immunohistochemistry is needed",
            ),
        },
        Choice { key: "both", text: Text::new("Begge dele", "Both") },
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ending {
    #[serde(with = "super::iso")]
    pub date: NaiveDate,
    pub reason: EndReason,
}

impl Events {
    /// Change why the pathway ended (§7.5), keeping the date given; `None`
    /// removes the ending with its date. Never dates an ending by itself
    /// (issue 26.5): a new ending is made with the date the clinician gives
    /// ([`Events::end`]); without an ending this changes nothing.
    pub fn set_end_reason(&mut self, reason: Option<EndReason>) {
        match (reason, self.ended.as_mut()) {
            (None, _) => self.ended = None,
            (Some(reason), Some(x)) => x.reason = reason,
            (Some(_), None) => {}
        }
    }

    /// End the pathway (AFD01X1/AFD01X2) on the date the clinician gave.
    pub fn end(&mut self, reason: EndReason, date: NaiveDate) {
        self.ended = Some(Ending { date, reason });
    }
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
    /// Another clinical decision that the pathway is over (AFD01X1): §7.5 lists
    /// what the decision "kan omhandle", not all it may be (schema 3).
    OtherClinicalDecision,
}

impl EndReason {
    pub const ALL: [EndReason; 4] = [
        EndReason::OrganSpecificReferral,
        EndReason::SuspicionDisproved,
        EndReason::OtherClinicalDecision,
        EndReason::PatientWish,
    ];
}

impl Choosable for EndReason {
    const VALUES: &'static [Self] = &EndReason::ALL;
    /// The reasons as the text words them (§7.5), in the order of [`EndReason::ALL`].
    const CHOICES: &'static [Choice] = &[
        Choice {
            key: "organ_specific_referral",
            text: Text::new(
                "Klinisk beslutning: viderehenvisning til et organspecifikt pakkeforløb (AFD01X1)",
                "Clinical decision: referred on to an organ-specific pathway (AFD01X1)",
            ),
        },
        Choice {
            key: "suspicion_disproved",
            text: Text::new(
                "Klinisk beslutning: mistanken er afkræftet (AFD01X1)",
                "Clinical decision: the suspicion is disproved (AFD01X1)",
            ),
        },
        Choice {
            key: "other_clinical_decision",
            text: Text::new(
                "Anden klinisk beslutning om, at pakkeforløbet er slut (AFD01X1)",
                "Another clinical decision that the pathway has ended (AFD01X1)",
            ),
        },
        Choice { key: "patient_wish", text: Text::new("Patientens ønske (AFD01X2)", "The patient's wish (AFD01X2)") },
    ];
}

impl Case {
    /// Tick a checklist item as done on `date`, or untick it.
    pub fn set_tick(&mut self, id: &str, done: bool, date: NaiveDate) {
        if done {
            self.ticks.insert(id.to_string());
            self.ticked_on.insert(id.to_string(), date);
        } else {
            self.ticks.remove(id);
            self.ticked_on.remove(id);
        }
    }

    /// Mark a code as registered, or not.
    pub fn set_registered(&mut self, code: Code, registered: bool) {
        if registered {
            self.registered_codes.insert(code);
        } else {
            self.registered_codes.remove(&code);
        }
    }

    /// The organ-specific suspicion, if one is named (blank names do not count).
    pub fn organ_specific_suspicion(&self) -> Option<&str> {
        self.answers.organ_specific_suspicion.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
}

/// Why a stored case could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseFormatError {
    /// Written under a newer schema than this model knows: never downgraded.
    NewerSchema(u64),
    /// Not a case in any known schema.
    Invalid(String),
}

/// Schema-1 yes/no answers that no question asked: a stored `false` was the
/// default, not an answer, so it becomes "not known" (`null`).
const V1_UNASKED_BOOLS: &[&[&str]] = &[
    &["lymphoma_suspected"],
    &["colorectal_suspected"],
    &["spinal_cord_compression"],
    &["bone_local_agreement"],
    &["bone", "destruction_or_soft_tissue"],
    &["serous_peritoneal_carcinomatosis"],
    &["gi_bleeding_or_symptoms"],
];

/// Bring a case's JSON from any earlier schema to the current one, in place.
pub fn migrate(value: &mut serde_json::Value) -> Result<(), CaseFormatError> {
    use serde_json::Value;
    let Value::Object(case) = value else { return Err(CaseFormatError::Invalid("not an object".into())) };
    // Schema 1 always wrote its version; a missing one is read as 1.
    let version = match case.get("schema_version") {
        None => 1,
        Some(v) => v.as_u64().ok_or_else(|| CaseFormatError::Invalid("schema_version".into()))?,
    };
    if version > CASE_SCHEMA_VERSION as u64 {
        return Err(CaseFormatError::NewerSchema(version));
    }
    if version == 0 {
        return Err(CaseFormatError::Invalid("schema_version 0".into()));
    }
    if version < 2 {
        if let Some(Value::Object(answers)) = case.get_mut("answers") {
            for path in V1_UNASKED_BOOLS {
                let slot = match path {
                    [k] => answers.get_mut(*k),
                    [outer, k] => answers.get_mut(*outer).and_then(|o| o.get_mut(*k)),
                    _ => None,
                };
                if let Some(v) = slot {
                    if *v == Value::Bool(false) {
                        *v = Value::Null;
                    }
                }
            }
            // A named suspicion was the only way to say "yes" in schema 1.
            let named =
                answers.get("organ_specific_suspicion").and_then(Value::as_str).is_some_and(|s| !s.trim().is_empty());
            if named {
                answers.insert("organ_specific_suspected".into(), Value::Bool(true));
            }
            // `no_primary_found: true` said "no primary tumour found" (§3.3); false was the default.
            if answers.remove("no_primary_found") == Some(Value::Bool(true)) {
                answers.insert("primary_found".into(), Value::Bool(false));
            }
        }
        case.insert("schema_version".into(), Value::from(2u32));
    }
    // Schema 3 adds `events.acute_referral_made` and the end reason
    // `other_clinical_decision`; a schema-2 case reads unchanged.
    if version < 3 {
        case.insert("schema_version".into(), Value::from(3u32));
    }
    // Schema 4: `primary_found: false` is §7.3's rebuttal of every
    // organ-specific suspicion. Before, it said "no primary identified",
    // which never outranked an entry route to another pathway (§2.2.1 neck,
    // a woman's axilla; §2.2.3 lung): there it decided nothing, and it must
    // not become a rebuttal the clinician never gave. It is asked again.
    // Schema 4 also adds `referral_kind`, `events.handed_over` and the AFP levels.
    if version < 4 {
        if let Some(Value::Object(answers)) = case.get_mut("answers") {
            let site = answers.get("finding_site").and_then(Value::as_str).unwrap_or("");
            let female = answers.get("sex").and_then(Value::as_str) == Some("female");
            let entry_route = matches!(site, "lymph_node_neck" | "lung") || (site == "lymph_node_axilla" && female);
            if entry_route && answers.get("primary_found") == Some(&Value::Bool(false)) {
                answers.remove("primary_found");
            }
        }
        case.insert("schema_version".into(), Value::from(4u32));
    }
    Ok(())
}

impl Case {
    /// Read a case from its JSON form, migrating an older schema.
    pub fn from_json_value(mut value: serde_json::Value) -> Result<Case, CaseFormatError> {
        migrate(&mut value)?;
        serde_json::from_value(value).map_err(|e| CaseFormatError::Invalid(e.to_string()))
    }
}
