//! The questions the model asks, as data: wording in Danish and English, the
//! section that makes the answer matter, the kind of answer and its options.
//! The UI renders them without knowing medicine and writes answers back
//! through [`set_answer`]; [`answer`] reads the current one. Which of them
//! a case is asked: [`super::asked`].

use super::case::{AfpLevel, Case, FindingSite, Histology, ReferralKind, Sex, TumourCount};
use super::choice::{Choice, Choosable};
use super::section::Section;
use super::text::Text;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionId {
    FindingSite,
    ReferralKind,
    Sex,
    KnownCancer,
    OrganSpecificSuspected,
    OrganSpecificWhich,
    LymphomaSuspected,
    ColorectalSuspected,
    SpinalCordCompression,
    BoneLocalAgreement,
    InNeurologyDepartment,
    LiverInvolved,
    LiverSolitary,
    LiverAfp,
    LiverExtrahepatic,
    LiverBiopsyElsewhere,
    BoneDestruction,
    BrainOnlyCtSoFar,
    BrainClinicalOperation,
    BrainTumourCount,
    BrainSymptomatic,
    BrainOperable,
    Histology,
    SerousPeritonealCarcinomatosis,
    GiBleedingOrSymptoms,
    Age,
    MidlineTumour,
    HcgOrAfpRaised,
    CervicalCancerSuspected,
    PrimaryFound,
    PrimaryFoundInSecondary,
}

/// The wizard step a question belongs to, in the order the text works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Indgang: the finding and the referral criteria (kap. 2, §1.2).
    Entry,
    /// Udredning: general and site-specific work-up (§3.1–§3.1.4).
    Workup,
    /// Histologi og beslutning (§3.1.5–§3.1.10, §3.3).
    Histology,
    /// Sekundær udredning (kap. 4); the ending (kap. 7) is reached from here.
    Secondary,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::Entry, Step::Workup, Step::Histology, Step::Secondary];

    pub fn label(self) -> super::text::Text {
        match self {
            Step::Entry => super::text::Text::new("Indgang", "Entry"),
            Step::Workup => super::text::Text::new("Primær udredning", "Primary work-up"),
            Step::Histology => super::text::Text::new("Histologi og beslutning", "Histology and decision"),
            Step::Secondary => super::text::Text::new("Sekundær udredning", "Secondary work-up"),
        }
    }
}

const fn c(key: &'static str, da: &'static str, en: &'static str) -> Choice {
    Choice { key, text: Text::new(da, en) }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AnswerKind {
    /// Ja / nej / ikke kendt endnu.
    YesNo,
    /// One of a list, or not known yet.
    OneOf { choices: &'static [Choice] },
    /// A whole number in a range, or not known yet.
    Number { min: u32, max: u32, unit: Text },
    /// Free text, optional.
    Text { max_chars: usize },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: QuestionId,
    pub step: Step,
    pub section: Section,
    #[serde(flatten)]
    pub text: Text,
    pub kind: AnswerKind,
}

/// An answer as the UI hands it over. `Unknown` is always allowed: "not known yet".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    Unknown,
    Yes,
    No,
    Choice(&'static str),
    Number(u32),
    Text(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    /// The answer is not of the question's kind.
    WrongKind,
    /// Not one of the question's options.
    UnknownChoice,
    OutOfRange {
        min: u32,
        max: u32,
    },
    TooLong {
        max_chars: usize,
    },
}


pub const SEX_CHOICES: [Choice; 2] = [c("female", "Kvinde", "Woman"), c("male", "Mand", "Man")];

/// In the order of [`FindingSite::ALL`].
pub const SITE_CHOICES: [Choice; 13] = [
    c("unspecific_symptoms", "Uspecifikke symptomer uden fund", "Non-specific symptoms, no finding"),
    c("lymph_node_neck", "Lymfeknude på hals", "Lymph node in the neck"),
    c("lymph_node_axilla", "Lymfeknude i armhule", "Lymph node in the axilla"),
    c("lymph_node_retroperitoneal", "Lymfeknude retroperitonealt", "Retroperitoneal lymph node"),
    c("lymph_node_groin", "Lymfeknude i lysken", "Lymph node in the groin"),
    c("lymph_node_other", "Lymfeknude andetsteds", "Lymph node elsewhere"),
    c("liver", "Metastase i leveren", "Metastasis in the liver"),
    c("lung", "Metastase i lungen", "Metastasis in the lung"),
    c("bone", "Metastase i knogler", "Metastasis in bone"),
    c("brain", "Metastase i hjernen", "Metastasis in the brain"),
    c("cancer_cells_spinal_fluid", "Kræftceller i spinalvæske", "Cancer cells in spinal fluid"),
    c(
        "cancer_cells_pleura_or_peritoneum",
        "Kræftceller i lungehinde eller bughule",
        "Cancer cells in pleura or peritoneum",
    ),
    c("other", "Andet fundsted", "Another finding site"),
];

/// In the order of [`Histology::ALL`].
pub const HISTOLOGY_CHOICES: [Choice; 6] = [
    c("adenocarcinoma", "Adenokarcinom", "Adenocarcinoma"),
    c("squamous_cell_carcinoma", "Planocellulært karcinom", "Squamous cell carcinoma"),
    c("poorly_differentiated_carcinoma", "Lavt differentieret karcinom", "Poorly differentiated carcinoma"),
    c("small_cell_anaplastic_carcinoma", "Småcellet, anaplastisk karcinom", "Small-cell anaplastic carcinoma"),
    c("neuroendocrine_tumour", "Neuroendokrin tumor", "Neuroendocrine tumour"),
    c("other", "Anden histologi", "Other histology"),
];

/// In the order of `AFP_LEVELS`: one measurement, read by §3.1.2 and §3.1.8 alike.
pub const AFP_CHOICES: [Choice; 5] = [
    c("normal", "Normalt (og ikke stigende)", "Normal (and not rising)"),
    c("raised", "Forhøjet (over referenceområdet)", "Raised (above the reference range)"),
    c("rising_within_reference", "Stigende, men inden for referenceområdet", "Rising, but within the reference range"),
    c("raised_or_rising", "Forhøjet eller stigende (ikke angivet hvilket)", "Raised or rising (not said which)"),
    c(
        "not_measured",
        "Ikke målt (klinisk beslutning; det »anbefales«)",
        "Not measured (clinical decision; it is »anbefales«, recommended)",
    ),
];

/// In the order of [`ReferralKind`]'s values (§2.7, §7.1).
pub const REFERRAL_KIND_CHOICES: [Choice; 2] = [
    c(
        "pathway_referral",
        "Henvisning til dette pakkeforløb er modtaget i afdelingen",
        "A referral to this pathway was received in the department",
    ),
    c(
        "clinical_judgement",
        "Ingen henvisning til pakkeforløbet (egen afdeling, almindelig henvisning): klinisk vurdering af, om patienten svarer til målgruppen",
        "No referral to the pathway (own department, an ordinary referral): clinical judgement of whether the patient fits the target group",
    ),
];

pub const TUMOUR_COUNT_CHOICES: [Choice; 3] = [
    c("one", "Én tumor", "One tumour"),
    c("two_or_three", "To eller tre", "Two or three"),
    c("more_than_three", "Flere end tre", "More than three"),
];

const SEXES: [Sex; 2] = [Sex::Female, Sex::Male];
const AFP_LEVELS: [AfpLevel; 5] = [
    AfpLevel::Normal,
    AfpLevel::Raised,
    AfpLevel::RisingWithinReference,
    AfpLevel::RaisedOrRising,
    AfpLevel::NotMeasured,
];
const REFERRAL_KINDS: [ReferralKind; 2] = [ReferralKind::PathwayReferral, ReferralKind::ClinicalJudgement];
const TUMOUR_COUNTS: [TumourCount; 3] = [TumourCount::One, TumourCount::TwoOrThree, TumourCount::MoreThanThree];

impl Choosable for FindingSite {
    const VALUES: &'static [Self] = &FindingSite::ALL;
    const CHOICES: &'static [Choice] = &SITE_CHOICES;
}

impl Choosable for Histology {
    const VALUES: &'static [Self] = &Histology::ALL;
    const CHOICES: &'static [Choice] = &HISTOLOGY_CHOICES;
}

const MAX_AGE: u32 = 120;
/// Longest organ name accepted in the free-text answer.
pub const MAX_ORGAN_CHARS: usize = 60;

impl QuestionId {
    /// What the answer needs to be given without doubt, where the question's
    /// words leave room: the text's own definition, or that it gives none
    /// and the answer is a clinical judgement. Never a rule of its own.
    pub fn hint(self) -> Option<Text> {
        use QuestionId as Q;
        match self {
            Q::KnownCancer => Some(Text::new(
                "Teksten definerer ikke »kendt kræftsygdom« — fx om en tidligere, færdigbehandlet eller for længst helbredt kræftsygdom tæller med. Det er en klinisk vurdering. Det nye fund, som henvisningen handler om, regnes ikke med her (§2.4: fund »hos en patient uden kendt kræftsygdom«).",
                "The text does not define »kendt kræftsygdom« (known cancer), e.g. whether an earlier cancer that was treated, or cured long ago, counts. This is a clinical judgement. The new finding that the referral is about does not count here (§2.4: a finding »hos en patient uden kendt kræftsygdom«).",
            )),
            Q::OrganSpecificSuspected => Some(Text::new(
                "Svar ja, hvis symptomer eller fund giver mistanke om en bestemt organspecifik kræfttype, også hvis det er selve fundet, der gør den primære tumors lokalisation klinisk oplagt (§1.2). Fundstedets egne regler i afsnit 2.2 (fx lymfeknude på hals, lymfeknude i armhule hos kvinde, metastase i lungen) anvender værktøjet selv; dem skal der ikke svares ja for her.",
                "Answer yes if symptoms or findings raise suspicion of a particular organ-specific cancer type, including when the finding itself makes the location of the primary tumour clinically obvious (§1.2). The tool applies §2.2's own rules for the finding site (e.g. neck node, axillary node in a woman, lung metastasis) itself; do not answer yes for those here.",
            )),
            Q::BrainOperable => Some(Text::new(
                "Ved flere tumorer spørges der, om mindst én er operabel, fordi princip 3 gælder, når ingen er operable. Princip 2 nævner kirurgisk fjernelse af den største; teksten siger ikke, hvad der gælder, hvis den største ikke er operabel, men en anden er. Det er en klinisk vurdering.",
                "With several tumours the question is whether at least one is operable, because principle 3 applies when none is. Principle 2 names surgical removal of the largest; the text does not say what applies if the largest is not operable but another is. This is a clinical judgement.",
            )),
            Q::SpinalCordCompression => Some(Text::new(
                "Teksten skelner ikke mellem mistanke om og bekræftet spinalt tværsnitssyndrom. Det er en klinisk vurdering.",
                "The text does not distinguish suspected from confirmed spinal cord compression. This is a clinical judgement.",
            )),
            Q::LiverBiopsyElsewhere => Some(Text::new(
                "Teksten nævner ingen undtagelse fra »Alle andre skal have taget biopsi fra leveren« (§3.1.2). At en diagnostisk biopsi taget uden for leveren gør leverbiopsien overflødig (§3.1.5: ét biopsisvar, som udredningen bygger på), er værktøjets læsning; svar nej, hvis leveren skal biopteres.",
                "The text gives no exception to »Alle andre skal have taget biopsi fra leveren« (all others must have a liver biopsy, §3.1.2). That a diagnostic biopsy taken outside the liver makes the liver biopsy unnecessary (§3.1.5: one biopsy result the work-up rests on) is the tool's reading; answer no if the liver is to be biopsied.",
            )),
            Q::ReferralKind => Some(Text::new(
                "AFD01A registreres, når henvisning til pakkeforløb modtages i afdelingen (uanset hvad henvisningen indeholder), eller når det klinisk vurderes, at beskrivelsen på henvisningen svarer til målgruppebeskrivelsen — uanset henvisningsmåde (§2.7, §7.1).",
                "AFD01A is registered when a referral to the pathway is received in the department (whatever the referral contains), or when it is clinically judged that the referral's description fits the target group — whatever the way of referral (§2.7, §7.1).",
            )),
            Q::LymphomaSuspected => Some(Text::new(
                "Teksten kræver »klinisk eller billeddiagnostisk begrundet mistanke om lymfom«. Uspecifikke symptomer alene (fx B-symptomer) er ikke en sådan mistanke; uden fund hører patienten da under §2.1 (værktøjets læsning).",
                "The text requires »klinisk eller billeddiagnostisk begrundet mistanke om lymfom« (a clinical or imaging-based reasonable suspicion of lymphoma). Non-specific symptoms alone (e.g. B symptoms) are not such a suspicion; without a finding the patient then belongs under §2.1 (the tool's reading).",
            )),
            Q::PrimaryFound => Some(Text::new(
                "§7.3: Kun hvis der hverken er fundet begrundet mistanke om en organspecifik kræfttype eller verificeret organspecifik kræfttype, tages beslutning om at henvise patienten umiddelbart til onkologisk afdeling (AFD01C). Et fremmøde eller »ingen primær tumor fundet« alene afgør intet.",
                "§7.3: Only if neither a reasonable suspicion of an organ-specific cancer nor a verified organ-specific cancer has been found is the decision taken to refer the patient at once to the oncology department (AFD01C). An attendance, or »no primary tumour found« alone, decides nothing.",
            )),
            _ => None,
        }
    }

    /// A stable name, for ids in the page and its tests (`q-FindingSite`):
    /// kept apart from `Debug`, whose output is no promise (issue 27.4).
    pub const fn name(self) -> &'static str {
        match self {
            QuestionId::FindingSite => "FindingSite",
            QuestionId::ReferralKind => "ReferralKind",
            QuestionId::Sex => "Sex",
            QuestionId::KnownCancer => "KnownCancer",
            QuestionId::OrganSpecificSuspected => "OrganSpecificSuspected",
            QuestionId::OrganSpecificWhich => "OrganSpecificWhich",
            QuestionId::LymphomaSuspected => "LymphomaSuspected",
            QuestionId::ColorectalSuspected => "ColorectalSuspected",
            QuestionId::SpinalCordCompression => "SpinalCordCompression",
            QuestionId::BoneLocalAgreement => "BoneLocalAgreement",
            QuestionId::InNeurologyDepartment => "InNeurologyDepartment",
            QuestionId::LiverInvolved => "LiverInvolved",
            QuestionId::LiverSolitary => "LiverSolitary",
            QuestionId::LiverAfp => "LiverAfp",
            QuestionId::LiverExtrahepatic => "LiverExtrahepatic",
            QuestionId::LiverBiopsyElsewhere => "LiverBiopsyElsewhere",
            QuestionId::BoneDestruction => "BoneDestruction",
            QuestionId::BrainOnlyCtSoFar => "BrainOnlyCtSoFar",
            QuestionId::BrainClinicalOperation => "BrainClinicalOperation",
            QuestionId::BrainTumourCount => "BrainTumourCount",
            QuestionId::BrainSymptomatic => "BrainSymptomatic",
            QuestionId::BrainOperable => "BrainOperable",
            QuestionId::Histology => "Histology",
            QuestionId::SerousPeritonealCarcinomatosis => "SerousPeritonealCarcinomatosis",
            QuestionId::GiBleedingOrSymptoms => "GiBleedingOrSymptoms",
            QuestionId::Age => "Age",
            QuestionId::MidlineTumour => "MidlineTumour",
            QuestionId::HcgOrAfpRaised => "HcgOrAfpRaised",
            QuestionId::CervicalCancerSuspected => "CervicalCancerSuspected",
            QuestionId::PrimaryFound => "PrimaryFound",
            QuestionId::PrimaryFoundInSecondary => "PrimaryFoundInSecondary",
        }
    }

    pub const ALL: [QuestionId; 31] = [
        QuestionId::FindingSite,
        QuestionId::ReferralKind,
        QuestionId::Sex,
        QuestionId::KnownCancer,
        QuestionId::OrganSpecificSuspected,
        QuestionId::OrganSpecificWhich,
        QuestionId::LymphomaSuspected,
        QuestionId::ColorectalSuspected,
        QuestionId::SpinalCordCompression,
        QuestionId::BoneLocalAgreement,
        QuestionId::InNeurologyDepartment,
        QuestionId::LiverInvolved,
        QuestionId::LiverSolitary,
        QuestionId::LiverAfp,
        QuestionId::LiverExtrahepatic,
        QuestionId::LiverBiopsyElsewhere,
        QuestionId::BoneDestruction,
        QuestionId::BrainOnlyCtSoFar,
        QuestionId::BrainClinicalOperation,
        QuestionId::BrainTumourCount,
        QuestionId::BrainSymptomatic,
        QuestionId::BrainOperable,
        QuestionId::Histology,
        QuestionId::SerousPeritonealCarcinomatosis,
        QuestionId::GiBleedingOrSymptoms,
        QuestionId::Age,
        QuestionId::MidlineTumour,
        QuestionId::HcgOrAfpRaised,
        QuestionId::CervicalCancerSuspected,
        QuestionId::PrimaryFound,
        QuestionId::PrimaryFoundInSecondary,
    ];

    pub fn question(self) -> Question {
        use AnswerKind::{OneOf, YesNo};
        use QuestionId as Q;
        use Step::{Entry, Histology as Hist, Secondary, Workup};
        let (step, section, da, en, kind) = match self {
            Q::FindingSite => (
                Entry,
                "§2.2",
                "Hvor sidder det første fund (den metastasesuspekte proces eller de isolerede kræftceller)?",
                "Where is the first finding (the suspected metastasis or the isolated cancer cells)?",
                OneOf { choices: &SITE_CHOICES },
            ),
            Q::ReferralKind => (
                Entry,
                "§7.1",
                "Er der modtaget en henvisning til dette pakkeforløb?",
                "Has a referral to this pathway been received?",
                OneOf { choices: &REFERRAL_KIND_CHOICES },
            ),
            Q::Sex => (Entry, "§3.1", "Patientens køn", "The patient's sex", OneOf { choices: &SEX_CHOICES }),
            Q::KnownCancer => (
                Entry,
                "§2.4",
                "Har patienten en kræftsygdom, der var kendt før dette fund?",
                "Did the patient have a known cancer before this finding?",
                YesNo,
            ),
            Q::OrganSpecificSuspected => (
                Entry,
                "§1.2",
                "Giver symptomer eller fund mistanke eller begrundet mistanke om en bestemt organspecifik kræfttype (ud over det, afsnit 2.2 selv knytter til fundstedet)?",
                "Do symptoms or findings give suspicion or reasonable suspicion of a particular organ-specific cancer type (beyond what §2.2 itself links to the finding site)?",
                YesNo,
            ),
            Q::OrganSpecificWhich => (
                Entry,
                "§1.2",
                "Hvilken organspecifik kræfttype? (valgfrit)",
                "Which organ-specific cancer? (optional)",
                AnswerKind::Text { max_chars: MAX_ORGAN_CHARS },
            ),
            Q::LymphomaSuspected => (
                Entry,
                "§2.2.1",
                "Er der klinisk eller billeddiagnostisk begrundet mistanke om lymfom?",
                "Is there a clinical or imaging-based reasonable suspicion of lymphoma?",
                YesNo,
            ),
            Q::ColorectalSuspected => (
                Entry,
                "§2.2.2",
                "Er der samtidig mistanke eller begrundet mistanke om kræft i tyk- og endetarm?",
                "Is there at the same time a suspicion or reasonable suspicion of colorectal cancer?",
                YesNo,
            ),
            Q::SpinalCordCompression => (
                Entry,
                "§2.2.4",
                "Har patienten spinalt tværsnitssyndrom?",
                "Does the patient have spinal cord compression?",
                YesNo,
            ),
            Q::BoneLocalAgreement => (
                Entry,
                "§2.2.4",
                "Er det aftalt lokalt, at patienter med knoglemetastaser henvises til en anden afdeling end medicinsk afdeling?",
                "Is it agreed locally that patients with bone metastases are referred to a department other than a medical department?",
                YesNo,
            ),
            Q::InNeurologyDepartment => (
                Entry,
                "§2.2.5",
                "Er patienten under udredning på eller i kontakt med en neurologisk afdeling?",
                "Is the patient under work-up at, or in contact with, a neurological department?",
                YesNo,
            ),
            Q::LiverInvolved => (
                Workup,
                "§3.1.2",
                "Er der metastasesuspekte forandringer i leveren?",
                "Are there changes in the liver suspicious of metastases?",
                YesNo,
            ),
            Q::LiverSolitary => (
                Workup,
                "§3.1.2",
                "Er processen i leveren solitær?",
                "Is the liver process solitary?",
                YesNo,
            ),
            Q::LiverAfp => (
                Workup,
                "§3.1.2",
                "α-føtoprotein",
                "α-fetoprotein (AFP)",
                OneOf { choices: &AFP_CHOICES },
            ),
            Q::LiverExtrahepatic => (
                Workup,
                "§3.1.2",
                "Er der umiddelbare ekstrahepatiske tumormanifestationer?",
                "Are there apparent extrahepatic tumour manifestations?",
                YesNo,
            ),
            Q::LiverBiopsyElsewhere => (
                Workup,
                "§3.1.5",
                "Er den diagnostiske biopsi taget uden for leveren (fra en ekstrahepatisk manifestation)?",
                "Was the diagnostic biopsy taken outside the liver (from an extrahepatic manifestation)?",
                YesNo,
            ),
            Q::BoneDestruction => (
                Workup,
                "§3.1.3",
                "Er der meget udtalt destruktion eller bløddelstumor i området?",
                "Is there very marked destruction or a soft-tissue tumour in the area?",
                YesNo,
            ),
            Q::BrainOnlyCtSoFar => (
                Workup,
                "§3.1.4",
                "Er der indtil nu kun foretaget CT (ikke MR) af cerebrum?",
                "Has only CT (not MRI) of the brain been done so far?",
                YesNo,
            ),
            Q::BrainClinicalOperation => (
                Workup,
                "§3.1.4",
                "Skal der af kliniske grunde foretages operation (hvorved den patologiske diagnose stilles)?",
                "Is an operation needed for clinical reasons (which gives the pathological diagnosis)?",
                YesNo,
            ),
            Q::BrainTumourCount => (
                Workup,
                "§3.1.4",
                "Hvor mange tumorer er der i hjernen?",
                "How many tumours in the brain?",
                OneOf { choices: &TUMOUR_COUNT_CHOICES },
            ),
            Q::BrainSymptomatic => (
                Workup,
                "§3.1.4",
                "Er tumor/tumorerne symptomgivende (fx neurologisk udfald eller masseeffekt)?",
                "Do the tumour(s) cause symptoms (e.g. neurological deficit or mass effect)?",
                YesNo,
            ),
            Q::BrainOperable => (
                Workup,
                "§3.1.4",
                "Er tumor »operabel«, hvilket bl.a. betyder, at den er beliggende relativt overfladisk i hjernen? Ved flere tumorer: Er mindst én af dem operabel?",
                "Is the tumour operable (»operabel«: among other things, located relatively superficially in the brain)? With several tumours: is at least one of them operable?",
                YesNo,
            ),
            Q::Histology => (
                Hist,
                "§3.1.5",
                "Histologisk diagnose (svar på biopsi)",
                "Histological diagnosis (biopsy result)",
                OneOf { choices: &HISTOLOGY_CHOICES },
            ),
            Q::SerousPeritonealCarcinomatosis => (
                Hist,
                "§3.1.6",
                "Er der peritoneal karcinomatose med serøst adenokarcinom?",
                "Is there peritoneal carcinomatosis with serous adenocarcinoma?",
                YesNo,
            ),
            Q::GiBleedingOrSymptoms => (
                Hist,
                "§3.1.6",
                "Er der blod i fæces eller gastrointestinale symptomer?",
                "Is there blood in the faeces or are there gastrointestinal symptoms?",
                YesNo,
            ),
            Q::Age => (
                Hist,
                "§3.1.8",
                "Patientens alder (hele år)",
                "The patient's age (whole years)",
                AnswerKind::Number { min: 0, max: MAX_AGE, unit: Text::new("år", "years") },
            ),
            Q::MidlineTumour => (
                Hist,
                "§3.1.8",
                "Er tumor lokaliseret i midtlinjen (mediastinum, retroperitoneum)?",
                "Is the tumour in the midline (mediastinum, retroperitoneum)?",
                YesNo,
            ),
            Q::HcgOrAfpRaised => (
                Hist,
                "§3.1.8",
                "Findes der forhøjet HCG eller α-føtoprotein?",
                "Is HCG or α-fetoprotein raised?",
                YesNo,
            ),
            Q::CervicalCancerSuspected => (
                Hist,
                "§3.1.9",
                "Er der mistanke om livmoderhalskræft?",
                "Is cervical cancer suspected?",
                YesNo,
            ),
            Q::PrimaryFound => (
                Hist,
                "§3.3",
                "Er der ved den primære udredning fundet begrundet mistanke om en organspecifik kræfttype eller verificeret organspecifik kræfttype? (Svar »Ikke kendt endnu«, indtil udredningsprogrammet er gennemført.)",
                "Has the primary work-up found a reasonable suspicion of an organ-specific cancer type, or a verified organ-specific cancer type? (Answer “Not known yet” until the work-up programme is complete.)",
                YesNo,
            ),
            Q::PrimaryFoundInSecondary => (
                Secondary,
                "§4.1",
                "Har den videre udredning på onkologisk afdeling identificeret en primær tumor?",
                "Has the further work-up at the oncology department identified a primary tumour?",
                YesNo,
            ),
        };
        Question { id: self, step, section: Section(section), text: Text::new(da, en), kind }
    }
}

fn yes_no(v: Option<bool>) -> Answer {
    match v {
        Some(true) => Answer::Yes,
        Some(false) => Answer::No,
        None => Answer::Unknown,
    }
}

/// The value whose choice has this key.
fn pick<T: Copy>(key: Option<&str>, all: &[T], choices: &[Choice]) -> Option<T> {
    key.and_then(|k| choices.iter().position(|ch| ch.key == k)).and_then(|i| all.get(i).copied())
}

fn choice_of<T: Copy + PartialEq>(v: Option<T>, all: &[T], choices: &[Choice]) -> Answer {
    v.and_then(|v| all.iter().position(|x| *x == v)).map_or(Answer::Unknown, |i| Answer::Choice(choices[i].key))
}

/// The current answer to a question.
pub fn answer(case: &Case, id: QuestionId) -> Answer {
    let a = &case.answers;
    use QuestionId as Q;
    match id {
        Q::FindingSite => choice_of(a.finding_site, &FindingSite::ALL, &SITE_CHOICES),
        Q::ReferralKind => choice_of(a.referral_kind, &REFERRAL_KINDS, &REFERRAL_KIND_CHOICES),
        Q::Sex => choice_of(a.sex, &SEXES, &SEX_CHOICES),
        Q::KnownCancer => yes_no(a.known_cancer),
        Q::OrganSpecificSuspected => yes_no(a.organ_specific_suspected),
        Q::OrganSpecificWhich => {
            case.organ_specific_suspicion().map_or(Answer::Unknown, |s| Answer::Text(s.to_string()))
        }
        Q::LymphomaSuspected => yes_no(a.lymphoma_suspected),
        Q::ColorectalSuspected => yes_no(a.colorectal_suspected),
        Q::SpinalCordCompression => yes_no(a.spinal_cord_compression),
        Q::BoneLocalAgreement => yes_no(a.bone_local_agreement),
        Q::InNeurologyDepartment => yes_no(a.in_neurology_department),
        Q::LiverInvolved => yes_no(a.liver.involved),
        Q::LiverSolitary => yes_no(a.liver.solitary),
        Q::LiverAfp => choice_of(a.liver.afp, &AFP_LEVELS, &AFP_CHOICES),
        Q::LiverExtrahepatic => yes_no(a.liver.extrahepatic),
        Q::LiverBiopsyElsewhere => yes_no(a.liver.biopsy_elsewhere),
        Q::BoneDestruction => yes_no(a.bone.destruction_or_soft_tissue),
        Q::BrainOnlyCtSoFar => yes_no(a.brain.only_ct_so_far),
        Q::BrainClinicalOperation => yes_no(a.brain.clinical_operation),
        Q::BrainTumourCount => choice_of(a.brain.tumour_count, &TUMOUR_COUNTS, &TUMOUR_COUNT_CHOICES),
        Q::BrainSymptomatic => yes_no(a.brain.symptomatic),
        Q::BrainOperable => yes_no(a.brain.operable),
        Q::Histology => choice_of(a.histology, &Histology::ALL, &HISTOLOGY_CHOICES),
        Q::SerousPeritonealCarcinomatosis => yes_no(a.serous_peritoneal_carcinomatosis),
        Q::GiBleedingOrSymptoms => yes_no(a.gi_bleeding_or_symptoms),
        Q::Age => a.age_years.map_or(Answer::Unknown, |n| Answer::Number(n as u32)),
        Q::MidlineTumour => yes_no(a.midline_tumour),
        Q::HcgOrAfpRaised => yes_no(a.hcg_or_afp_raised),
        Q::CervicalCancerSuspected => yes_no(a.cervical_cancer_suspected),
        Q::PrimaryFound => yes_no(a.primary_found),
        Q::PrimaryFoundInSecondary => yes_no(a.primary_found_in_secondary),
    }
}

/// Write an answer into the case. Nothing changes when the answer does not fit.
pub fn set_answer(case: &mut Case, id: QuestionId, value: Answer) -> Result<(), AnswerError> {
    let q = id.question();
    // Check the answer against the question's kind first.
    let yes_no_value = match (&q.kind, &value) {
        (_, Answer::Unknown) => None,
        (AnswerKind::YesNo, Answer::Yes) => Some(true),
        (AnswerKind::YesNo, Answer::No) => Some(false),
        (AnswerKind::OneOf { choices }, Answer::Choice(k)) => {
            if !choices.iter().any(|ch| ch.key == *k) {
                return Err(AnswerError::UnknownChoice);
            }
            None
        }
        (AnswerKind::Number { min, max, .. }, Answer::Number(n)) => {
            if n < min || n > max {
                return Err(AnswerError::OutOfRange { min: *min, max: *max });
            }
            None
        }
        (AnswerKind::Text { max_chars }, Answer::Text(t)) => {
            if t.trim().chars().count() > *max_chars {
                return Err(AnswerError::TooLong { max_chars: *max_chars });
            }
            None
        }
        _ => return Err(AnswerError::WrongKind),
    };
    let key = match &value {
        Answer::Choice(k) => Some(*k),
        _ => None,
    };
    let a = &mut case.answers;
    use QuestionId as Q;
    match id {
        Q::FindingSite => a.finding_site = pick(key, &FindingSite::ALL, &SITE_CHOICES),
        Q::ReferralKind => a.referral_kind = pick(key, &REFERRAL_KINDS, &REFERRAL_KIND_CHOICES),
        Q::Sex => a.sex = pick(key, &SEXES, &SEX_CHOICES),
        Q::KnownCancer => a.known_cancer = yes_no_value,
        Q::OrganSpecificSuspected => a.organ_specific_suspected = yes_no_value,
        Q::OrganSpecificWhich => {
            a.organ_specific_suspicion = match value {
                Answer::Text(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
                _ => None,
            }
        }
        Q::LymphomaSuspected => a.lymphoma_suspected = yes_no_value,
        Q::ColorectalSuspected => a.colorectal_suspected = yes_no_value,
        Q::SpinalCordCompression => a.spinal_cord_compression = yes_no_value,
        Q::BoneLocalAgreement => a.bone_local_agreement = yes_no_value,
        Q::InNeurologyDepartment => a.in_neurology_department = yes_no_value,
        Q::LiverInvolved => a.liver.involved = yes_no_value,
        Q::LiverSolitary => a.liver.solitary = yes_no_value,
        Q::LiverAfp => a.liver.afp = pick(key, &AFP_LEVELS, &AFP_CHOICES),
        Q::LiverExtrahepatic => a.liver.extrahepatic = yes_no_value,
        Q::LiverBiopsyElsewhere => a.liver.biopsy_elsewhere = yes_no_value,
        Q::BoneDestruction => a.bone.destruction_or_soft_tissue = yes_no_value,
        Q::BrainOnlyCtSoFar => a.brain.only_ct_so_far = yes_no_value,
        Q::BrainClinicalOperation => a.brain.clinical_operation = yes_no_value,
        Q::BrainTumourCount => a.brain.tumour_count = pick(key, &TUMOUR_COUNTS, &TUMOUR_COUNT_CHOICES),
        Q::BrainSymptomatic => a.brain.symptomatic = yes_no_value,
        Q::BrainOperable => a.brain.operable = yes_no_value,
        Q::Histology => a.histology = pick(key, &Histology::ALL, &HISTOLOGY_CHOICES),
        Q::SerousPeritonealCarcinomatosis => a.serous_peritoneal_carcinomatosis = yes_no_value,
        Q::GiBleedingOrSymptoms => a.gi_bleeding_or_symptoms = yes_no_value,
        Q::Age => {
            a.age_years = match value {
                Answer::Number(n) => u8::try_from(n).ok(),
                _ => None,
            }
        }
        Q::MidlineTumour => a.midline_tumour = yes_no_value,
        Q::HcgOrAfpRaised => a.hcg_or_afp_raised = yes_no_value,
        Q::CervicalCancerSuspected => a.cervical_cancer_suspected = yes_no_value,
        Q::PrimaryFound => a.primary_found = yes_no_value,
        Q::PrimaryFoundInSecondary => a.primary_found_in_secondary = yes_no_value,
    }
    Ok(())
}
