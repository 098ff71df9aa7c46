//! The precedence table: every routing rule of the text, the stage at which
//! it applies, what it outranks and the words that justify it. This is data a
//! clinician can audit; `docs/precedence.md` is rendered from it (a test
//! compares the two), and [`super::route`] weighs the rules by it.
//!
//! Where the text does not state an order, `reading` says so: that row is the
//! model's reading, shown as such. Where two surviving rules point different
//! ways and no row ranks them, the plan shows both and says the text is silent
//! (`Destination::Conflict`): the model never invents a rank.

use super::section::Section;
use super::stage::Stage;
use super::text::Text;
use serde::Serialize;

/// One routing rule of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    Ended,
    UnspecificSymptoms,
    KnownCancer,
    OrganSpecificSuspicion,
    Lymphoma,
    NodeNeck,
    NodeAxillaWoman,
    NodeAxillaMan,
    NodeRetroperitonealOrGroin,
    NodeOther,
    LiverColorectal,
    Liver,
    Lung,
    Bone,
    Brain,
    CancerCellsSpinalFluid,
    CancerCellsPleuraOrPeritoneum,
    OtherSite,
    PrimaryLiverCancer,
    AxillaryAdenocarcinomaWoman,
    SerousCarcinomatosisWoman,
    PoorlyDifferentiatedMan,
    SmallCellUnknownOrigin,
    SmallCellCervicalSuspicion,
    Neuroendocrine,
    PrimaryIdentified,
    NoPrimaryIdentified,
    EntrySuspicionRebutted,
    PrimaryIdentifiedAtOncology,
}

/// What a rule does when it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// Names a destination other than staying in this pathway's work-up.
    Names,
    /// Keeps the patient in this pathway, at a department.
    Stays,
    /// The rule applies, but the text names no destination.
    Silent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub id: RuleId,
    pub section: Section,
    /// The earliest stage at which the rule can apply.
    pub stage: Stage,
    pub effect: Effect,
    /// Where it points, in Danish.
    pub points_to_da: &'static str,
    /// The rules it outranks when both hold (beside the general principles).
    pub outranks: &'static [RuleId],
    /// The text's words that justify the rule and its rank.
    pub words: &'static str,
    /// Where the rank is the model's reading rather than the text's words.
    pub reading: Option<&'static str>,
    /// Never outranked by anything but a recorded end of the pathway (or no finding at all, §2.1).
    pub absolute: bool,
}

/// A principle that applies across the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Principle {
    pub key: &'static str,
    pub da: &'static str,
    pub words: &'static str,
    pub reading: Option<&'static str>,
}

pub const PRINCIPLES: &[Principle] = &[
    Principle {
        key: "urgent_beside",
        da: "En akut handling (§2.2.4: spinalt tværsnitssyndrom) står ved siden af destinationen. Ingen regel, intet åbent spørgsmål og ingen afslutning skjuler den, før den akutte henvisning er registreret som foretaget. Den er ikke en viderehenvisning og udløser ikke i sig selv AFD01X1/X2.",
        words: "§2.2.4: \"Patienter med spinalt tværsnitssyndrom henvises akut efter lokale retningslinjer.\"",
        reading: Some("Teksten siger ikke, om pakkeforløbet fortsætter efter den akutte henvisning, og angiver ingen rækkefølge; værktøjet viser fortsat forløbet ved siden af den akutte henvisning og siger det."),
    },
    Principle {
        key: "named_over_staying",
        da: "En regel, der nævner en anden destination, går forud for de regler, der beholder patienten i dette pakkeforløb, og for regler, hvor teksten ikke nævner nogen destination.",
        words: "§2.3: \"I nogle tilfælde vil det være til dette pakkeforløb og i andre tilfælde til organspecifikke pakkeforløb.\" §3.5: registreringen fortsætter i dette pakkeforløb, \"hvor der ikke foreligger specifikke undersøgelsesresultater, som kan organspecificere kræftsygdommen\".",
        reading: Some("At en tavs regel viger for en regel med en destination, er værktøjets læsning."),
    },
    Principle {
        key: "silent_over_staying",
        da: "En regel, hvor teksten ikke nævner en destination, går forud for at blive i forløbet: destinationen er da \"teksten tager ikke stilling\".",
        words: "Teksten angiver ingen modtagende afdeling for fundet.",
        reading: Some("Modellens læsning."),
    },
    Principle {
        key: "unranked_conflict",
        da: "Peger to regler, som ingen række rangordner, i forskellige retninger, vises begge med deres afsnit, og destinationen er klinisk vurdering. En uspecificeret \"det relevante organspecifikke pakkeforløb\" (§1.2) strider ikke mod et pakkeforløb, som teksten selv nævner.",
        words: "Teksten rangordner ikke reglerne.",
        reading: Some("At et unavngivet »relevant organspecifikt pakkeforløb« kan være det, teksten nævner, er værktøjets læsning."),
    },
    Principle {
        key: "pending_is_provisional",
        da: "Mangler et svar, som kan ændre destinationen (en regel, som intet sikkert svar overtrumfer) eller tilføje en akut handling, vises destinationen, som svarene indtil nu peger, som foreløbig, med de åbne spørgsmål. En foreløbig destination afslutter ingen standard og udløser ingen afslutningskode.",
        words: "—",
        reading: Some("Modellens læsning."),
    },
    Principle {
        key: "lymphoma_carcinoma_contradiction",
        da: "Mistanke om lymfom sammen med en karcinom-histologi er en modstrid: begge veje vises, og destinationen er klinisk vurdering. Henvisningen til hæmatologisk pakkeforløb forbliver synlig.",
        words: "§2.2.1: \"henvises patienten altid til start på pakkeforløb for hæmatologiske sygdomme\"; teksten taler ikke om en senere karcinom-histologi.",
        reading: Some("Modellens læsning."),
    },
];

use Effect::{Names, Silent, Stays};
use RuleId as R;
use Stage::{Entry, Histology, PrimaryWorkup, Secondary};

// One argument per column of the table, so each row reads like the docs.
#[allow(clippy::too_many_arguments)]
const fn rule(
    id: RuleId,
    section: &'static str,
    stage: Stage,
    effect: Effect,
    points_to_da: &'static str,
    outranks: &'static [RuleId],
    words: &'static str,
    reading: Option<&'static str>,
) -> Rule {
    Rule { id, section: Section(section), stage, effect, points_to_da, outranks, words, reading, absolute: false }
}

const fn absolute(r: Rule) -> Rule {
    Rule { absolute: true, ..r }
}

/// Every rule but the end itself.
const ALL_BUT_ENDED: &[RuleId] = RuleId::ALL.split_at(1).1;

/// Without a finding nothing else of the text applies, but a lymphoma
/// suspicion: §2.2.1's "altid" (every rule after §2.1 in the table's order).
const UNSPECIFIC_OUTRANKS: &[RuleId] = &[
    R::KnownCancer,
    R::OrganSpecificSuspicion,
    R::NodeNeck,
    R::NodeAxillaWoman,
    R::NodeAxillaMan,
    R::NodeRetroperitonealOrGroin,
    R::NodeOther,
    R::LiverColorectal,
    R::Liver,
    R::Lung,
    R::Bone,
    R::Brain,
    R::CancerCellsSpinalFluid,
    R::CancerCellsPleuraOrPeritoneum,
    R::OtherSite,
    R::PrimaryLiverCancer,
    R::AxillaryAdenocarcinomaWoman,
    R::SerousCarcinomatosisWoman,
    R::PoorlyDifferentiatedMan,
    R::SmallCellUnknownOrigin,
    R::SmallCellCervicalSuspicion,
    R::Neuroendocrine,
    R::PrimaryIdentified,
    R::NoPrimaryIdentified,
    R::EntrySuspicionRebutted,
    R::PrimaryIdentifiedAtOncology,
];

/// The table, in the text's order.
pub const RULES: &[Rule] = &[
    rule(R::Ended, "§7.5", Entry, Names, "Pakkeforløb slut (AFD01X1/AFD01X2)", ALL_BUT_ENDED,
        "\"Et patientforløb ... afsluttes ... enten ved en klinisk beslutning eller efter patientens ønske ... Beslutningen kan tages i hele patientforløbet.\"",
        None),
    rule(R::UnspecificSymptoms, "§2.1", Entry, Names, "Diagnostisk pakkeforløb for uspecifikke symptomer", UNSPECIFIC_OUTRANKS,
        "\"Ved mistanke om alvorlig sygdom, hos en patient med uspecifikke symptomer henvises til Diagnostisk pakkeforløb ...\" Uden fund er der intet metastasefund, som resten af teksten handler om.",
        Some("At intet andet end en mistanke om lymfom gælder uden fund, er værktøjets læsning.")),
    rule(R::KnownCancer, "§2.4", Entry, Names, "Uden for målgruppen (teksten angiver ikke hvorhen)",
        &[R::NodeRetroperitonealOrGroin, R::Liver, R::Bone, R::Brain, R::CancerCellsSpinalFluid, R::CancerCellsPleuraOrPeritoneum,
          R::NodeAxillaMan, R::NodeOther, R::OtherSite, R::NoPrimaryIdentified, R::EntrySuspicionRebutted, R::SmallCellUnknownOrigin],
        "§2.4: \"hos en patient uden kendt kræftsygdom\"; §1.2: \"hos hvem det første fund er en metastase\".",
        Some("At kendt kræftsygdom går forud for dette pakkeforløbs egne veje (også onkologisk afdeling under »ukendt primær tumor«), er værktøjets læsning af målgruppen. Over for regler, der nævner et andet pakkeforløb, rangordner teksten ikke: begge vises.")),
    rule(R::OrganSpecificSuspicion, "§1.2", Entry, Names, "Det relevante organspecifikke pakkeforløb",
        &[R::KnownCancer, R::SmallCellUnknownOrigin, R::NoPrimaryIdentified, R::EntrySuspicionRebutted],
        "\"Såfremt patienten frembyder symptomer, der giver mistanke eller begrundet mistanke om organspecifik kræfttype, skal patienten henvises og udredes umiddelbart i henhold til det relevante pakkeforløb.\" §3.1.9 gælder kun karcinom \"af ukendt oprindelse\".",
        Some("At en navngivet destination går forud for kendt kræftsygdom (som kun siger »ikke her«), er værktøjets læsning.")),
    absolute(rule(R::Lymphoma, "§2.2.1", Entry, Names, "Pakkeforløb for hæmatologiske sygdomme",
        &[R::KnownCancer, R::NodeNeck, R::NodeAxillaWoman, R::NodeAxillaMan, R::NodeRetroperitonealOrGroin, R::NodeOther,
          R::LiverColorectal, R::Liver, R::Lung, R::Bone, R::Brain, R::CancerCellsSpinalFluid, R::CancerCellsPleuraOrPeritoneum,
          R::OtherSite, R::NoPrimaryIdentified, R::EntrySuspicionRebutted, R::UnspecificSymptoms],
        "\"Det skal bemærkes, at ved klinisk eller billeddiagnostisk begrundet mistanke om lymfom henvises patienten altid til start på pakkeforløb for hæmatologiske sygdomme.\"",
        Some("Sætningen står i §2.2.1 (lymfeknuder); at »altid« også går forud for fundsteder i §2.2.2–§2.2.6, for kendt kræftsygdom og for uspecifikke symptomer uden fund (§2.1), er værktøjets læsning. Uspecifikke symptomer alene (fx B-symptomer) er ikke en klinisk eller billeddiagnostisk begrundet mistanke om lymfom."))),
    rule(R::NodeNeck, "§2.2.1", Entry, Names, "Filterfunktion: praktiserende speciallæge mhp. evt. pakkeforløb for hoved- og halskræft", &[R::NoPrimaryIdentified],
        "\"Lymfeknude på hals: Der er mistanke om hoved/hals kræft. Patienten henvises til filterfunktion ...\"", None),
    rule(R::NodeAxillaWoman, "§2.2.1", Entry, Names, "Pakkeforløb for brystkræft", &[R::NoPrimaryIdentified],
        "\"Lymfeknude i armhule hos kvinde: Der er begrundet mistanke om brystkræft. Patienten henvises til start på pakkeforløb for brystkræft\"", None),
    rule(R::NodeAxillaMan, "§2.2.1", Entry, Silent, "Teksten tager ikke stilling", &[],
        "§2.2.1 nævner kun lymfeknude i armhule hos kvinde.", None),
    rule(R::NodeRetroperitonealOrGroin, "§2.2.1", Entry, Stays, "Dette pakkeforløb: medicinsk afdeling", &[],
        "\"Lymfeknude retroperitonealt eller i lysken: Patienten henvises til medicinsk afdeling til start på dette pakkeforløb.\"", None),
    rule(R::NodeOther, "§2.2.1", Entry, Silent, "Teksten tager ikke stilling", &[],
        "§2.2.1 nævner hals, armhule (kvinde), retroperitonealt og lysken.", None),
    rule(R::LiverColorectal, "§2.2.2", Entry, Names, "Pakkeforløb for kræft i tyk- og endetarm, senere tarmkræftmetastaser i leveren", &[R::Liver, R::NoPrimaryIdentified, R::EntrySuspicionRebutted],
        "\"Patienter med mulige levermetastaser, hos hvem der samtidigt er mistanke/begrundet mistanke om kræft i tyk- og endetarm henvises til pakkeforløb for kræft i tyk- og endetarm ...\"", None),
    rule(R::Liver, "§2.2.2", Entry, Stays, "Dette pakkeforløb: medicinsk afdeling", &[],
        "\"Patienten henvises til medicinsk afdeling til start på dette pakkeforløb\"", None),
    rule(R::Lung, "§2.2.3", Entry, Names, "Pakkeforløb for lungekræft", &[R::NoPrimaryIdentified],
        "\"Der er begrundet mistanke om lungekræft. Patienten henvises til start på pakkeforløb for lungekræft.\"", None),
    rule(R::Bone, "§2.2.4", Entry, Stays, "Dette pakkeforløb: medicinsk afdeling, med mindre andet er aftalt lokalt", &[],
        "\"Patienten henvises til medicinsk afdeling til start på dette pakkeforløb, med mindre andet er aftalt lokalt.\"", None),
    rule(R::Brain, "§2.2.5", Entry, Stays, "Dette pakkeforløb: neurologisk eller medicinsk afdeling", &[],
        "\"... fortsætter udredning der i henhold til dette pakkeforløb. Patienter, der ikke er i kontakt med en neurologisk afdeling, henvises til medicinsk afdeling\"", None),
    rule(R::CancerCellsSpinalFluid, "§2.2.6", Entry, Stays, "Dette pakkeforløb: neurologisk afdeling", &[],
        "\"Ved fund af kræftceller i spinalvæske: patienten henvises til udredning på neurologisk afdeling.\"", None),
    rule(R::CancerCellsPleuraOrPeritoneum, "§2.2.6", Entry, Stays, "Dette pakkeforløb: medicinsk afdeling", &[],
        "\"Ved fund af kræftceller i lungehinde eller bughule: patienten henvises til udredning på medicinsk afdeling.\"", None),
    rule(R::OtherSite, "§2.2", Entry, Silent, "Teksten tager ikke stilling", &[],
        "Afsnit 2.2 nævner ikke fundstedet.", None),
    rule(R::PrimaryLiverCancer, "§3.1.2", PrimaryWorkup, Names, "Pakkeforløb for primær leverkræft", &[R::NoPrimaryIdentified, R::EntrySuspicionRebutted],
        "\"Hos patienter med forhøjet eller stigende α-føtoprotein og en solitær proces i leveren er der begrundet mistanke om primær leverkræft. Patienten henvises til start på pakkeforløb for primær leverkræft.\"",
        Some("Så længe reglen stadig kan blive opfyldt (hverken »solitær« eller α-føtoprotein besvaret nej/normalt, og mindst ét åbent), er destinationen foreløbig. α-føtoprotein »anbefales« (§3.1), det »skal« ikke måles: en dateret klinisk beslutning om henvisning til onkologisk afdeling (AFD01C) registreres også uden det, med en advarsel. En udredningsregel: for en patient, som indgangen sender andetsteds, før forløbet er startet, gælder den ikke og venter ikke.")),
    rule(R::AxillaryAdenocarcinomaWoman, "§3.1.6", Histology, Names, "Pakkeforløb for brystkræft", &[R::NoPrimaryIdentified, R::EntrySuspicionRebutted],
        "\"Kvinder med adenokarcinom i aksillære glandler skal behandles som patienter med brystkræft og henvises til pakkeforløb for brystkræft.\" (Samme vej som §2.2.1.)", None),
    rule(R::SerousCarcinomatosisWoman, "§3.1.6", Histology, Names, "Gynækologisk afdeling: pakkeforløb for kræft i æggestok", &[R::NoPrimaryIdentified, R::EntrySuspicionRebutted],
        "\"Kvinder med peritoneal karcinomatose med serøst adenokarcinom henvises til gynækologisk afdeling til start på pakkeforløb for kræft i æggestok.\"", None),
    absolute(rule(R::PoorlyDifferentiatedMan, "§3.1.8", Histology, Names, "Pakkeforløb for testikelkræft", &[R::NoPrimaryIdentified, R::EntrySuspicionRebutted],
        "\"Lavt differentieret karcinom hos mænd henvises til pakkeforløb for testikelkræft, såfremt blot 2 af følgende 3 karakteristika er til stede\"", None)),
    rule(R::SmallCellUnknownOrigin, "§3.1.9", Histology, Names, "Onkologisk afdeling", &[R::NodeNeck, R::NodeAxillaWoman],
        "\"Patienter med småcellet, anaplastisk karcinom af ukendt oprindelse ... henvises til onkologisk afdeling\": en senere regel for samme fund, når histologien kendes.",
        Some("At §3.1.9 afløser §2.2.1's mistanke ud fra fundstedet (hals, armhule), er værktøjets læsning; over for §2.2.2, §2.2.3 og §3.1.2 rangordner teksten ikke.")),
    rule(R::SmallCellCervicalSuspicion, "§3.1.9", Histology, Names, "Det relevante organspecifikke pakkeforløb (livmoderhalskræft)", &[R::NodeNeck, R::NodeAxillaWoman, R::NoPrimaryIdentified, R::EntrySuspicionRebutted],
        "§3.1.9: \"af ukendt oprindelse, dvs. at der hos kvinder ikke er mistanke om livmoderhalskræft\"; §1.2: mistanke om organspecifik kræfttype henvises til det relevante pakkeforløb.",
        Some("At §3.1.9 for en kvinde med mistanke om livmoderhalskræft afløser §2.2.1's mistanke ud fra fundstedet (hals, armhule), er værktøjets læsning.")),
    rule(R::Neuroendocrine, "§3.1.10", Histology, Names, "Afdeling efter specialeplanlægningen", &[R::NodeNeck, R::NodeAxillaWoman, R::NoPrimaryIdentified, R::EntrySuspicionRebutted],
        "\"Patienterne henvises til en afdeling, der i henhold til specialeplanlægningen er ansvarlig for udredning af disse patienter\"",
        Some("At §3.1.10 afløser §2.2.1's mistanke ud fra fundstedet, er værktøjets læsning.")),
    rule(R::PrimaryIdentified, "§1.2", Histology, Names, "Det relevante organspecifikke pakkeforløb",
        &[R::KnownCancer, R::SmallCellUnknownOrigin, R::NoPrimaryIdentified, R::EntrySuspicionRebutted],
        "§1.2: \"Hvis en primær tumor identificeres, skal patienten henvises til start på det relevante organspecifikke pakkeforløb.\"", None),
    rule(R::NoPrimaryIdentified, "§3.3", Histology, Names, "Onkologisk afdeling under \"ukendt primær tumor\"", &[],
        "\"Hvis en primær tumor ikke er identificeret efter ovenstående udredningsprogram, tages beslutning om at henvise patienten umiddelbart til onkologisk afdeling\". \"Ovenstående udredningsprogram\" omfatter §3.1.6–§3.1.10's henvisninger, og enhver regel, der nævner et andet pakkeforløb, går forud. Over for en indgangsvej til et andet pakkeforløb afgør »ingen primær tumor« alene intet: se `entry_suspicion_rebutted`.",
        None),
    rule(R::EntrySuspicionRebutted, "§7.3", Histology, Names, "Onkologisk afdeling under \"ukendt primær tumor\"", &[R::NodeNeck, R::NodeAxillaWoman, R::Lung],
        "§7.3: \"Hvis der ikke er fundet begrundet mistanke om en organspecifik kræfttype eller verificeret organspecifik kræfttype i forbindelse med primær udredning tages beslutning om at henvise patienten umiddelbart til onkologisk afdeling\". Kun klinikerens registrerede svar efter første fremmøde, at indgangens mistanke (§2.2.1 hals, armhule hos kvinde; §2.2.3 lunge) ikke er opretholdt, går forud for indgangsvejen; indgangsvejen vises fortsat ved siden af.",
        Some("At et fremmøde eller »ingen primær tumor« alene ikke afgør noget, og at afkræftelsen skal være givet efter første fremmøde, er værktøjets læsning af »i forbindelse med primær udredning«.")),
    rule(R::PrimaryIdentifiedAtOncology, "§4.1", Secondary, Names, "Det relevante organspecifikke pakkeforløb",
        &[R::NoPrimaryIdentified, R::EntrySuspicionRebutted, R::SmallCellUnknownOrigin, R::KnownCancer],
        "\"For nogle patienters vedkommende, vil udredningsforløbet medføre, at en primær tumor identificeres, og patienten henvises i så fald umiddelbart til det relevante organspecifikke pakkeforløb.\"", None),
];

impl RuleId {
    /// Every rule, in the enum's (and the table's) order.
    pub const ALL: [RuleId; 29] = [
        R::Ended,
        R::UnspecificSymptoms,
        R::KnownCancer,
        R::OrganSpecificSuspicion,
        R::Lymphoma,
        R::NodeNeck,
        R::NodeAxillaWoman,
        R::NodeAxillaMan,
        R::NodeRetroperitonealOrGroin,
        R::NodeOther,
        R::LiverColorectal,
        R::Liver,
        R::Lung,
        R::Bone,
        R::Brain,
        R::CancerCellsSpinalFluid,
        R::CancerCellsPleuraOrPeritoneum,
        R::OtherSite,
        R::PrimaryLiverCancer,
        R::AxillaryAdenocarcinomaWoman,
        R::SerousCarcinomatosisWoman,
        R::PoorlyDifferentiatedMan,
        R::SmallCellUnknownOrigin,
        R::SmallCellCervicalSuspicion,
        R::Neuroendocrine,
        R::PrimaryIdentified,
        R::NoPrimaryIdentified,
        R::EntrySuspicionRebutted,
        R::PrimaryIdentifiedAtOncology,
    ];

    /// The rule's row. `RULES` lists the rules in the enum's order (a test checks it).
    pub fn rule(self) -> &'static Rule {
        &RULES[self as usize]
    }

    /// Whether this rule outranks `other` by the table.
    pub fn outranks(self, other: RuleId) -> bool {
        self.rule().outranks.contains(&other)
    }

    /// The stable key used in the table and the docs.
    pub fn key(self) -> String {
        serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
    }
}

/// The table's "points to" column in English, in the enum's order.
const POINTS_TO_EN: [&str; 29] = [
    "End of the pathway (AFD01X1/AFD01X2)",
    "Diagnostic pathway for non-specific symptoms",
    "Outside the target group (the text does not say where)",
    "The relevant organ-specific pathway",
    "Pathway for haematological diseases",
    "Filter function: practising specialist, for a possible head and neck cancer pathway",
    "Breast cancer pathway",
    "The text does not say",
    "This pathway: medical department",
    "The text does not say",
    "Colorectal cancer pathway, later colorectal liver metastases",
    "This pathway: medical department",
    "Lung cancer pathway",
    "This pathway: medical department, unless agreed otherwise locally",
    "This pathway: neurological or medical department",
    "This pathway: neurological department",
    "This pathway: medical department",
    "The text does not say",
    "Primary liver cancer pathway",
    "Breast cancer pathway",
    "Gynaecological department: ovarian cancer pathway",
    "Testicular cancer pathway",
    "Oncology department",
    "The relevant organ-specific pathway (cervical cancer)",
    "Department under the specialty plan",
    "The relevant organ-specific pathway",
    "Oncology department under »ukendt primær tumor« (unknown primary tumour)",
    "Oncology department under »ukendt primær tumor« (unknown primary tumour)",
    "The relevant organ-specific pathway",
];

/// The table's "the model's reading" column in English, in the enum's order
/// (a test checks that each reading has its English and nothing else has).
const READING_EN: [Option<&str>; 29] = [
    None,
    Some("That nothing but a lymphoma suspicion applies without a finding is the tool's reading."),
    Some("That a known cancer goes before this pathway's own routes (also oncology under »ukendt primær tumor«) is the tool's reading of the target group. Against rules that name another pathway the text gives no rank: both are shown."),
    Some("That a named destination goes before a known cancer (which only says »not here«) is the tool's reading."),
    Some("The sentence stands in §2.2.1 (lymph nodes); that »altid« (always) also goes before the sites of §2.2.2–§2.2.6, a known cancer and non-specific symptoms without a finding (§2.1) is the tool's reading. Non-specific symptoms alone (e.g. B symptoms) are not a clinical or imaging-based reasonable suspicion of lymphoma."),
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    Some("While the rule can still hold (neither »solitary« nor α-fetoprotein answered no/normal, and at least one open), the destination is provisional. α-fetoprotein »anbefales« (is recommended, §3.1), it need not (»skal« not) be measured: a dated clinical decision to refer to oncology (AFD01C) is registered without it too, with a warning. A work-up rule: for a patient the entry sends elsewhere before this pathway has started, it neither holds nor waits."),
    None,
    None,
    None,
    Some("That §3.1.9 supersedes §2.2.1's suspicion from the site (neck, axilla) is the tool's reading; against §2.2.2, §2.2.3 and §3.1.2 the text gives no rank."),
    Some("That §3.1.9, for a woman with suspected cervical cancer, supersedes §2.2.1's suspicion from the site (neck, axilla) is the tool's reading."),
    Some("That §3.1.10 supersedes §2.2.1's suspicion from the site is the tool's reading."),
    None,
    None,
    Some("That an attendance, or »no primary tumour« alone, decides nothing, and that the rebuttal must be given after the first attendance, is the tool's reading of »i forbindelse med primær udredning« (in connection with the primary work-up)."),
    None,
];

/// The principles' readings in English, in the order of [`PRINCIPLES`].
const PRINCIPLE_READING_EN: [&str; 6] = [
    "The text does not say whether the pathway continues after the acute referral, and gives no order; the tool keeps showing the pathway beside the acute referral and says so.",
    "That a silent rule gives way to a rule with a destination is the tool's reading.",
    "The model's reading.",
    "That an unnamed »relevant organ-specific pathway« may be the one the text names is the tool's reading.",
    "The model's reading.",
    "The model's reading.",
];

impl RuleId {
    /// Where the rule points, in Danish and English.
    pub fn points_to(self) -> Text {
        Text::new(self.rule().points_to_da, POINTS_TO_EN[self as usize])
    }

    /// The model's reading of the rule's rank, in Danish and English.
    pub fn reading(self) -> Option<Text> {
        self.rule().reading.zip(READING_EN[self as usize]).map(|(da, en)| Text::new(da, en))
    }
}

/// A principle's reading, in Danish and English.
pub fn principle_reading(key: &str) -> Option<Text> {
    let i = PRINCIPLES.iter().position(|p| p.key == key)?;
    PRINCIPLES[i].reading.zip(PRINCIPLE_READING_EN.get(i).copied()).map(|(da, en)| Text::new(da, en))
}

/// The English columns match the Danish ones: a reading has its English, and nothing else has.
pub fn english_columns_complete() -> bool {
    RULES.iter().enumerate().all(|(i, r)| r.reading.is_some() == READING_EN[i].is_some())
        && PRINCIPLES.len() == PRINCIPLE_READING_EN.len()
}

/// A principle by its key.
pub fn principle(key: &str) -> &'static Principle {
    PRINCIPLES.iter().find(|p| p.key == key).unwrap_or(&PRINCIPLES[0])
}

/// The table as Markdown, as `docs/precedence.md` shows it between its markers.
pub fn precedence_markdown() -> String {
    let mut s = String::new();
    s.push_str("| rule | section | stage | points to | outranks | the text's words | the model's reading |\n");
    s.push_str("|---|---|---|---|---|---|---|\n");
    for r in RULES {
        let outranks = if r.outranks == ALL_BUT_ENDED {
            "every other rule".to_string()
        } else if r.outranks == UNSPECIFIC_OUTRANKS {
            "every rule but `ended` and `lymphoma`".to_string()
        } else if r.outranks.is_empty() {
            "—".to_string()
        } else {
            r.outranks.iter().map(|o| format!("`{}`", o.key())).collect::<Vec<_>>().join(", ")
        };
        let abs = if r.absolute { " **(absolute)**" } else { "" };
        s.push_str(&format!(
            "| `{}`{} | {} | {} | {} | {} | {} | {} |\n",
            r.id.key(),
            abs,
            r.section,
            r.stage.label().en,
            r.points_to_da,
            outranks,
            r.words.replace('|', "\\|"),
            r.reading.unwrap_or("—"),
        ));
    }
    s.push_str("\n| principle | what the model does | the text's words | the model's reading |\n|---|---|---|---|\n");
    for p in PRINCIPLES {
        s.push_str(&format!("| `{}` | {} | {} | {} |\n", p.key, p.da, p.words, p.reading.unwrap_or("—")));
    }
    s
}
