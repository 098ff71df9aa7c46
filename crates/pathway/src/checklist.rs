//! The checklist: what the text says to do, tell and decide, as data.
//!
//! Each item carries its section and the condition under which it applies.
//! The model evaluates the conditions; the UI only renders the result.

use super::case::TumourCount;
use super::case::{Answers, FindingSite, Histology, Sex};
use super::criteria::{brain_principle, extrahepatic, liver_involved, primary_liver_cancer_suspected, BrainPrinciple};
use super::section::Section;
use super::text::Text;
use serde::Serialize;

/// The phase of the pathway an item belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Indgang (kap. 2).
    Entry,
    /// Udredning, before the biopsy answer (§3.1–§3.1.4).
    PrimaryWorkup,
    /// After histology and CT (§3.1.5–§3.1.10) and the close of chapter 3.
    Histology,
    /// Videre udredning på onkologisk afdeling (kap. 4).
    Secondary,
}

impl Phase {
    /// A stable name, for ids in the page and its tests (issue 27.4).
    pub const fn name(self) -> &'static str {
        match self {
            Phase::Entry => "Entry",
            Phase::PrimaryWorkup => "PrimaryWorkup",
            Phase::Histology => "Histology",
            Phase::Secondary => "Secondary",
        }
    }

    /// The phase's name: the same four names as the wizard's steps and the
    /// worklist's phase (one vocabulary, issue 15).
    pub fn label(self) -> super::text::Text {
        self.stage().label()
    }

    pub fn stage(self) -> super::stage::Stage {
        use super::stage::Stage;
        match self {
            Phase::Entry => Stage::Entry,
            Phase::PrimaryWorkup => Stage::PrimaryWorkup,
            Phase::Histology => Stage::Histology,
            Phase::Secondary => Stage::Secondary,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// An examination or step to do; can be ticked.
    Action,
    /// A decision to take; can be ticked.
    Decision,
    /// What to tell the patient; can be ticked.
    Communication,
    /// Who is responsible; information.
    Responsibility,
    /// Information to keep in mind.
    Note,
}

impl ItemKind {
    pub fn label(self) -> super::text::Text {
        match self {
            ItemKind::Action => super::text::Text::new("Handling", "Action"),
            ItemKind::Decision => super::text::Text::new("Beslutning", "Decision"),
            ItemKind::Communication => super::text::Text::new("Kommunikation", "Communication"),
            ItemKind::Responsibility => super::text::Text::new("Ansvar", "Responsibility"),
            ItemKind::Note => super::text::Text::new("Bemærkning", "Note"),
        }
    }

    pub fn tickable(self) -> bool {
        matches!(self, ItemKind::Action | ItemKind::Decision | ItemKind::Communication)
    }
}

/// A predicate on the answers that is more than sex, site or histology.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Blood in faeces or GI symptoms: yes.
    GiBleedingOrSymptoms,
    SerousPeritonealCarcinomatosis,
    /// A liver process (first finding or found since) that is solitary, or not yet known not to be.
    LiverPossiblySolitary,
    /// No apparent extrahepatic manifestations, or not yet known: the MDT
    /// conference comes before any decision on biopsy (§3.1.2).
    LiverPossiblyNoExtrahepatic,
    LiverExtrahepatic,
    /// With extrahepatic manifestations, the diagnostic biopsy was taken outside the liver (§3.1.5).
    LiverBiopsyElsewhere,
    BoneDestructionOrSoftTissue,
    /// Only CT so far, or not yet known.
    BrainPossiblyOnlyCt,
    /// No operation for clinical reasons, or not yet known.
    BrainNoClinicalOperation,
    Brain(BrainPrinciple),
    BrainMoreThanThree,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    Always,
    Sex(Sex),
    Site(FindingSite),
    Histology(Histology),
    Flag(Flag),
    All(&'static [Condition]),
    Any(&'static [Condition]),
    Not(&'static Condition),
}

impl Condition {
    /// Whether the condition holds for these answers. Unknown sex, site or
    /// histology never satisfies a condition that names one.
    pub fn holds(&self, a: &Answers) -> bool {
        match self {
            Condition::Always => true,
            Condition::Sex(s) => a.sex == Some(*s),
            Condition::Site(s) => a.finding_site == Some(*s),
            Condition::Histology(h) => a.histology == Some(*h),
            Condition::Flag(f) => f.holds(a),
            Condition::All(cs) => cs.iter().all(|c| c.holds(a)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds(a)),
            Condition::Not(c) => !c.holds(a),
        }
    }
}

impl Flag {
    fn holds(self, a: &Answers) -> bool {
        match self {
            Flag::GiBleedingOrSymptoms => a.gi_bleeding_or_symptoms == Some(true),
            Flag::SerousPeritonealCarcinomatosis => a.serous_peritoneal_carcinomatosis == Some(true),
            Flag::LiverPossiblySolitary => liver_involved(a) == Some(true) && a.liver.solitary != Some(false),
            Flag::LiverPossiblyNoExtrahepatic => extrahepatic(a) != Some(true) && !primary_liver_cancer_suspected(a),
            Flag::LiverExtrahepatic => extrahepatic(a) == Some(true) && !primary_liver_cancer_suspected(a),
            Flag::LiverBiopsyElsewhere => a.liver.biopsy_elsewhere == Some(true),
            Flag::BoneDestructionOrSoftTissue => a.bone.destruction_or_soft_tissue == Some(true),
            Flag::BrainPossiblyOnlyCt => a.brain.only_ct_so_far != Some(false),
            Flag::BrainNoClinicalOperation => a.brain.clinical_operation != Some(true),
            Flag::Brain(p) => brain_principle(a.brain.tumour_count, a.brain.symptomatic, a.brain.operable) == Some(p),
            Flag::BrainMoreThanThree => a.brain.tumour_count == Some(TumourCount::MoreThanThree),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ChecklistItem {
    /// Stable id; ticks are stored under it. Never reuse or rename one.
    pub id: &'static str,
    pub phase: Phase,
    pub kind: ItemKind,
    pub section: Section,
    #[serde(flatten)]
    pub text: Text,
    #[serde(skip)]
    pub applies: Condition,
}

use Condition::{All, Always, Any, Flag as F, Histology as H, Not, Sex as S, Site};
use ItemKind::{Action, Communication, Decision, Note, Responsibility};
use Phase::{Entry, Histology as Hist, PrimaryWorkup, Secondary};

const fn item(
    id: &'static str,
    phase: Phase,
    kind: ItemKind,
    section: &'static str,
    da: &'static str,
    en: &'static str,
    applies: Condition,
) -> ChecklistItem {
    ChecklistItem { id, phase, kind, section: Section(section), text: Text::new(da, en), applies }
}

const ADENO_F: Condition = All(&[H(Histology::Adenocarcinoma), S(Sex::Female)]);
const ADENO_M: Condition = All(&[H(Histology::Adenocarcinoma), S(Sex::Male)]);
const LIVER_OR_BRAIN: Condition = Any(&[Site(FindingSite::Liver), Site(FindingSite::Brain)]);
const SQUAMOUS_GROIN: Condition = All(&[H(Histology::SquamousCellCarcinoma), Site(FindingSite::LymphNodeGroin)]);

/// Items the text asks twice for the same patient: the second is shown as
/// the first, once, with both sections (issue 26.4). PSA: §3.1 asks it of
/// men ("anbefales"), §3.1.6 again of men with adenocarcinoma.
pub const ASKED_TWICE: &[(&str, &str)] = &[("s3_1_men_psa", "s3_1_6_men_psa")];

/// Every checklist item of the pathway, in the order the text gives them.
/// The primary work-up is shown in the order of work of the patient's
/// programme (§3.1–§3.1.4, [`super::checklist_order`]).
pub const CHECKLIST: &[ChecklistItem] = &[
    // Kapitel 2: Indgang.
    item("s2_4_decide_referral", Entry, Decision, "§2.4",
        "Den afdeling/læge, der modtager svar om fund af metastasesuspekt proces eller fund af isolerede kræftceller hos en patient uden kendt kræftsygdom, skal umiddelbart træffe beslutning om henvisning til start på pakkeforløb.",
        "The department or doctor who receives the finding of a suspected metastasis or isolated cancer cells in a patient without known cancer must decide at once on referral to the pathway.", Always),
    item("s2_5_inform_referral", Entry, Communication, "§2.5",
        "Patienten informeres om, at der er fundet en metastasesuspekt proces eller kræftceller, og at patienten derfor henvises til udredning i pakkeforløb for kræft.",
        "Tell the patient a suspected metastasis or cancer cells were found and that they are referred to a cancer pathway.", Always),
    item("s2_6_responsible_until_handover", Entry, Responsibility, "§2.6",
        "Afdelingen/lægen, der varetager udredningen, hvor der findes begrundet mistanke om kræft, er ansvarlig for patientforløbet, indtil modtagende afdeling tager over.",
        "The department or doctor whose work-up found the reasonable suspicion of cancer is responsible for the patient's course until the receiving department takes over.", Always),
    item("s2_2_4_fastest_biopsy", Entry, Action, "§2.2.4",
        "Det skal under alle omstændigheder sikres, at patienten får det hurtigst mulige forløb med biopsi.",
        "In all circumstances, it must be ensured that the patient gets the fastest possible course with biopsy.", Site(FindingSite::Bone)),
    item("s1_5_responsible_specialist", PrimaryWorkup, Responsibility, "§1.5",
        "På afdelinger, der varetager udredning efter dette pakkeforløb, skal der udpeges en speciallæge, der er ansvarlig for de lokale patientforløb i samarbejde med afdelingens øvrige personale. Det multidisciplinære team bør mødes regelmæssigt. Hvor det er hensigtsmæssigt, kan patienten konfereres med det eksisterende, relevante MDT fra et af de organspecifikke pakkeforløb.",
        "A specialist must be designated who is responsible for the local patient courses together with the department's other staff. The MDT should meet regularly. Where appropriate, the patient may be discussed with the relevant MDT of an organ-specific pathway.", Always),
    item("s1_5_mdt_members", PrimaryWorkup, Note, "§1.5",
        "Det multidisciplinære team vil oftest bestå af intern mediciner fra relevant speciale eller ortopædkirurg, billeddiagnostiker, patolog, onkolog og evt. neurolog, leverkirurg osv. MDT kan fastlægge regler for, hvilke patienter der skal drøftes i MDT, og kan uddelegere ansvar og beslutningskompetence til en bestemt afdeling/speciale vedrørende bestemte patientgrupper.",
        "The MDT usually has an internist from the relevant specialty or an orthopaedic surgeon, a radiologist, a pathologist, an oncologist and possibly a neurologist, liver surgeon etc. It may set rules for which patients are discussed, and may delegate responsibility and decision-making authority to a specific department or specialty for specific patient groups.", Always),
    // §3.1: for alle patienter.
    item("s3_1_history", PrimaryWorkup, Action, "§3.1", "Fyldestgørende anamnese", "Full history", Always),
    item("s3_1_clinical_exam", PrimaryWorkup, Action, "§3.1", "Grundig klinisk undersøgelse", "Thorough clinical examination", Always),
    item("s3_1_blood_tests", PrimaryWorkup, Action, "§3.1", "Evt. blodprøvestatus", "Blood tests as needed", Always),
    item("s3_1_men_psa", PrimaryWorkup, Action, "§3.1", "PSA (anbefales hos mænd)", "PSA (recommended in men)", S(Sex::Male)),
    item("s3_1_men_afp", PrimaryWorkup, Action, "§3.1", "α-føtoprotein (anbefales hos mænd)", "AFP (recommended in men)", S(Sex::Male)),
    item("s3_1_men_hcg", PrimaryWorkup, Action, "§3.1", "HCG (anbefales hos mænd)", "HCG (recommended in men)", S(Sex::Male)),
    item("s3_1_women_afp_solitary_liver", PrimaryWorkup, Action, "§3.1",
        "α-føtoprotein (anbefales hos kvinder, hvis der er tale om solitær levermetastase)",
        "AFP (recommended in women with a solitary liver metastasis)",
        All(&[S(Sex::Female), F(Flag::LiverPossiblySolitary)])),
    item("s3_1_markers_unspecific", PrimaryWorkup, Note, "§3.1",
        "De fleste tumormarkører er uspecifikke og kan ikke alene afgøre diagnosen, men kan anvendes i kombination med et biopsisvar.",
        "Most tumour markers are non-specific and cannot settle the diagnosis alone, but can be used together with a biopsy result.", Always),
    item("s3_1_biopsy_principle", PrimaryWorkup, Note, "§3.1",
        "Det helt overordnede princip er, at der så hurtigt som muligt skal tages en biopsi med henblik på histologisk vurdering af den mistænkte proces. Sidder processen i hjerne eller lever, kan der være behov for særlige undersøgelser eller specifikke hensyn (§3.1.2, §3.1.4).",
        "The overriding principle: a biopsy must be taken as soon as possible for histological assessment of the suspected process. If the process is in the brain or liver, special examinations or considerations may be needed (§3.1.2, §3.1.4).", Always),
    item("s3_1_biopsy", PrimaryWorkup, Action, "§3.1",
        "Biopsi fra metastasen/processen mhp. patologisk vurdering — den vigtigste undersøgelse. Tages efter lokale retningslinjer.",
        "Biopsy of the metastasis for pathology — the most important examination; by local guidelines.",
        Any(&[Not(&LIVER_OR_BRAIN), All(&[Site(FindingSite::Liver), F(Flag::LiverExtrahepatic), F(Flag::LiverBiopsyElsewhere)])])),
    item("s3_1_biopsy_sufficient_material", PrimaryWorkup, Note, "§3.1",
        "Det er afgørende, at der udhentes tilstrækkeligt biopsimateriale til de omfattende patologiske undersøgelser.",
        "Take enough biopsy material for the extensive pathology work-up.", Always),
    item("s3_1_ct_thorax_upper_abdomen", PrimaryWorkup, Action, "§3.1",
        "Patienten skal derefter have foretaget CT-scanning af thorax og øvre abdomen. Svar på CT-scanning skal foreligge samtidigt med svar på biopsi.",
        "The patient must then (»derefter«) have CT of thorax and upper abdomen. The CT report must be available at the same time as the biopsy result.", Always),
    // §3.6: time set aside in the 14 days.
    item("s3_6_comorbidity", PrimaryWorkup, Note, "§3.6",
        "I udredningsperioden afsættes desuden tid til vurdering og eventuelt stabilisering af komorbiditet.",
        "Time is also set aside in the work-up period for assessing and, if needed, stabilising comorbidity.", Always),
    item("s3_6_pause_anticoagulants", PrimaryWorkup, Note, "§3.6",
        "I udredningsperioden afsættes desuden tid til evt. pause med blodfortyndende medicin før biopsi.",
        "Time is also set aside for a pause in anticoagulant medication before the biopsy, if needed.", Always),
    // §3.1.1 Lymfeknuder.
    item("s3_1_1_node_biopsy", PrimaryWorkup, Note, "§3.1.1",
        "Ved begrundet mistanke om kræft i lymfeknuder i lyske eller retroperitonealt tages biopsi som beskrevet (§3.1).",
        "Groin or retroperitoneal node: biopsy as described in §3.1.",
        Any(&[Site(FindingSite::LymphNodeGroin), Site(FindingSite::LymphNodeRetroperitoneal)])),
    // §3.1.2 Lever.
    item("s3_1_2_mdt_before_biopsy", PrimaryWorkup, Decision, "§3.1.2",
        "Uden umiddelbare ekstrahepatiske tumormanifestationer: diskutér på MDT-konference forud for beslutning om biopsi, med deltagelse af leverkirurg, radiolog, patolog, gastroenterolog, nuklearmediciner og onkolog. Der tages stilling til evt. videre udredning med målrettede billeddiagnostiske undersøgelser.",
        "No apparent extrahepatic tumour manifestations: the patient must be discussed at an MDT conference (liver surgeon, radiologist, pathologist, gastroenterologist, nuclear medicine physician, oncologist) before the decision on biopsy. The conference decides on any further work-up with targeted imaging.",
        All(&[Site(FindingSite::Liver), F(Flag::LiverPossiblyNoExtrahepatic)])),
    item("s3_1_2_weekly_mdt", PrimaryWorkup, Note, "§3.1.2",
        "Der bør afholdes ugentlige MDT-konferencer. Et fåtal af patienter med levermetastaser uden ekstrahepatiske manifestationer kan tilbydes operation uanset kræfttypen.",
        "Weekly MDT conferences should be held. A few patients with liver metastases without extrahepatic tumour manifestations can be offered an operation whatever the cancer type.",
        All(&[Site(FindingSite::Liver), F(Flag::LiverPossiblyNoExtrahepatic)])),
    item("s3_1_2_liver_biopsy", PrimaryWorkup, Action, "§3.1.2",
        "Alle andre skal have taget biopsi fra leveren (her: der er umiddelbare ekstrahepatiske tumormanifestationer).",
        "All others must have a liver biopsy (apparent extrahepatic manifestations present).",
        All(&[Site(FindingSite::Liver), F(Flag::LiverExtrahepatic), Not(&F(Flag::LiverBiopsyElsewhere))])),
    // §3.1.3 Knogler.
    item("s3_1_3_bone_biopsy", PrimaryWorkup, Action, "§3.1.3",
        "Knoglebiopsi fra metastasesuspekt område, CT-vejledt eller ved operation.",
        "Bone biopsy, CT-guided or surgical.", Site(FindingSite::Bone)),
    item("s3_1_3_us_or_palpation_guided", PrimaryWorkup, Note, "§3.1.3",
        "Ved meget udtalt destruktion eller bløddelstumor i området kan biopsien udføres UL-vejledt eller palpatorisk vejledt.",
        "With very marked (»meget udtalt«) destruction or a soft-tissue tumour in the area, the biopsy may be ultrasound- or palpation-guided.",
        All(&[Site(FindingSite::Bone), F(Flag::BoneDestructionOrSoftTissue)])),
    // §3.1.4 Hjerne.
    item("s3_1_4_mr_cerebrum", PrimaryWorkup, Action, "§3.1.4",
        "I de fleste tilfælde skal der suppleres med MR af cerebrum, hvis der forinden kun er foretaget CT (følsomheden er væsentligt bedre; der påvises hyppigere flere processer).",
        "In most cases, MRI of the brain must be added if only CT has been done so far (markedly better sensitivity: more lesions are found more often).",
        All(&[Site(FindingSite::Brain), F(Flag::BrainPossiblyOnlyCt)])),
    item("s3_1_4_chest_xray", PrimaryWorkup, Action, "§3.1.4",
        "Røntgen af thorax mhp. diagnose af primærtumor (medmindre der af kliniske grunde skal foretages operation, hvorved den patologiske diagnose stilles).",
        "Chest X-ray for the primary (unless operating for clinical reasons).",
        All(&[Site(FindingSite::Brain), F(Flag::BrainNoClinicalOperation)])),
    item("s3_1_4_ct_thorax_abdomen", PrimaryWorkup, Action, "§3.1.4",
        "CT af thorax og abdomen mhp. diagnose af primærtumor (medmindre der af kliniske grunde skal foretages operation, hvorved den patologiske diagnose stilles), idet en biopsi fx fra thorax er mindre risikabel for patienten end en cerebral biopsi.",
        "CT of thorax and abdomen for the primary (unless operating for clinical reasons), since a biopsy from e.g. the thorax is less risky for the patient than a cerebral biopsy.",
        All(&[Site(FindingSite::Brain), F(Flag::BrainNoClinicalOperation)])),
    item("s3_1_4_no_whole_body_pet", PrimaryWorkup, Note, "§3.1.4",
        "Der er ikke holdepunkt for, at helkrops-PET-scanning kan erstatte disse undersøgelser.",
        "There is no evidence that whole-body PET can replace these examinations.", Site(FindingSite::Brain)),
    item("s3_1_4_performance_status", PrimaryWorkup, Note, "§3.1.4",
        "Principperne nedenfor skal naturligvis vurderes på baggrund af patientens almentilstand (performance status). Hvis det skønnes, at prognosen er meget dårlig, kan man overveje at afstå fra patologisk diagnostik, dvs. undlade at tage biopsi.",
        "The principles below must of course be weighed against the patient's performance status. If the prognosis is judged very poor, forgoing pathological diagnosis (not taking a biopsy) may be considered.", Site(FindingSite::Brain)),
    item("s3_1_4_principle_1_operate", PrimaryWorkup, Decision, "§3.1.4",
        "Princip 1: Én tumor, som er symptomgivende (især ved neurologisk udfald og/eller masseeffekt med symptomer på forhøjet intrakranielt tryk): operation med fjernelse af tumor og dermed patologisk diagnose anbefales, såfremt tumor er »operabel«, hvilket bl.a. betyder, at den er beliggende relativt overfladisk i hjernen.",
        "Principle 1: one symptomatic tumour (especially with neurological deficit and/or mass effect with symptoms of raised intracranial pressure): an operation removing the tumour, and so giving the pathological diagnosis, is recommended if the tumour is operable (»operabel«), which among other things means that it lies relatively superficially in the brain.",
        All(&[Site(FindingSite::Brain), F(Flag::Brain(BrainPrinciple::OperateSingle))])),
    item("s3_1_4_principle_2_largest", PrimaryWorkup, Decision, "§3.1.4",
        "Princip 2: Mere end én tumor (dog helst kun i alt to eller tre), som er symptomgivende: kirurgisk fjernelse af den største kan overvejes, hvorved der opnås patologisk diagnose.",
        "Principle 2: more than one symptomatic tumour (though preferably only two or three in all): removing the largest may be considered, which gives the diagnosis.",
        All(&[Site(FindingSite::Brain), F(Flag::Brain(BrainPrinciple::ConsiderRemovingLargest))])),
    item("s3_1_4_principle_2_preference", PrimaryWorkup, Note, "§3.1.4",
        "Princip 2 gælder »dog helst kun i alt to eller tre« tumorer; her er der flere end tre.",
        "Principle 2 applies to »dog helst kun i alt to eller tre« (“though preferably only two or three in all”) tumours; here there are more than three.",
        All(&[Site(FindingSite::Brain), F(Flag::Brain(BrainPrinciple::ConsiderRemovingLargest)), F(Flag::BrainMoreThanThree)])),
    item("s3_1_4_principle_3_none_operable", PrimaryWorkup, Decision, "§3.1.4",
        "Princip 3: Én eller flere tumorer, hvoraf ingen er operable: a) biopsi, stereotaktisk eller på anden måde billedvejledt (neuronavigation), og herved patologisk diagnose, eller b) udredning med røntgen af thorax og CT af thorax og abdomen.",
        "Principle 3: one or more tumours, none operable: a) stereotactic or otherwise image-guided biopsy (neuronavigation), or b) chest X-ray and CT of thorax and abdomen.",
        All(&[Site(FindingSite::Brain), F(Flag::Brain(BrainPrinciple::NoneOperable))])),
    // §3.1.5 Efter histologi.
    item("s3_1_5_no_further_imaging", Hist, Note, "§3.1.5",
        "Der skal ikke foretages yderligere billeddiagnostiske undersøgelser eller fornyet biopsi ud over dem, som er beskrevet nedenfor (§3.1.6–§3.1.10).",
        "No further imaging or repeat biopsy beyond those described below (§3.1.6–§3.1.10).", Always),
    item("s3_1_5_immunohistochemistry", Hist, Note, "§3.1.5",
        "Den patologiske udredning kan inkludere en meget omfattende immunhistokemisk undersøgelse, der målrettes efter patientens køn, metastasens lokalisation og det histologiske fund. Den immunhistokemiske undersøgelse er retningsgivende for videre udredning og behandling.",
        "The pathology work-up may include a very extensive immunohistochemical examination, targeted by the patient's sex, the site of the metastasis and the histology; it guides further work-up and treatment.", Always),
    // §3.1.6 Adenokarcinom.
    item("s3_1_6_women_breast_imaging", Hist, Action, "§3.1.6",
        "Ultralydsundersøgelse (UL) af mammae og mammografi", "Breast ultrasound and mammography", ADENO_F),
    item("s2_2_1_axilla_squamous_breast_imaging", Hist, Action, "§2.2.1",
        "Ultralydsundersøgelse (UL) af mammae og mammografi — værktøjets læsning: §2.2.1's mistanke om brystkræft ud fra fundstedet (armhule hos kvinde) står, også ved planocellulært karcinom; §3.1.6 nævner undersøgelserne for adenokarcinom.",
        "Breast ultrasound and mammography — the tool's reading: §2.2.1's suspicion of breast cancer from the site (a woman's axilla) stands, also with squamous cell carcinoma; §3.1.6 names these examinations for adenocarcinoma.",
        All(&[H(Histology::SquamousCellCarcinoma), S(Sex::Female), Site(FindingSite::LymphNodeAxilla)])),
    item("s3_1_6_women_gynaecological", Hist, Action, "§3.1.6",
        "Gynækologisk undersøgelse inkl. transvaginal UL evt. med abrasio", "Gynaecological examination incl. transvaginal ultrasound, possibly curettage", ADENO_F),
    item("s3_1_6_women_thyroid", Hist, Action, "§3.1.6",
        "Palpation og UL af thyreoidea", "Palpation and ultrasound of the thyroid", ADENO_F),
    item("s3_1_6_men_prostate", Hist, Action, "§3.1.6", "Palpation af prostata", "Palpation of the prostate", ADENO_M),
    item("s3_1_6_men_breast", Hist, Action, "§3.1.6", "Palpation af mammae", "Palpation of the breasts", ADENO_M),
    item("s3_1_6_men_thyroid", Hist, Action, "§3.1.6", "Palpation og UL af thyreoidea", "Palpation and ultrasound of the thyroid", ADENO_M),
    item("s3_1_6_men_psa", Hist, Action, "§3.1.6", "Måling af PSA", "PSA measurement", ADENO_M),
    item("s3_1_6_endoscopy", Hist, Action, "§3.1.6",
        "Endoskopi af mavetarmkanalen, da der er blod i fæces eller gastrointestinale symptomer",
        "GI endoscopy (blood in faeces or GI symptoms)",
        All(&[H(Histology::Adenocarcinoma), F(Flag::GiBleedingOrSymptoms)])),
    item("s3_1_6_men_serous_chest_xray", Hist, Action, "§3.1.6",
        "Røntgen af thorax (peritoneal karcinomatose med serøst adenokarcinom hos mand)",
        "Chest X-ray (serous peritoneal carcinomatosis in a man)",
        All(&[ADENO_M, F(Flag::SerousPeritonealCarcinomatosis)])),
    item("s3_1_6_men_serous_breast_palpation", Hist, Action, "§3.1.6",
        "Palpation af bryst (peritoneal karcinomatose med serøst adenokarcinom hos mand)",
        "Breast palpation (serous peritoneal carcinomatosis in a man)",
        All(&[ADENO_M, F(Flag::SerousPeritonealCarcinomatosis)])),
    // §3.1.7 Planocellulært karcinom i lysken.
    item("s3_1_7_women_genitalia_gyn", Hist, Action, "§3.1.7",
        "Objektiv undersøgelse af genitalia externa inkl. gynækologisk undersøgelse og gynækologisk UL",
        "Examination of the external genitalia, including gynaecological examination and gynaecological ultrasound",
        All(&[SQUAMOUS_GROIN, S(Sex::Female)])),
    item("s3_1_7_men_genitalia", Hist, Action, "§3.1.7",
        "Objektiv undersøgelse af genitalia externa", "Examination of external genitalia",
        All(&[SQUAMOUS_GROIN, S(Sex::Male)])),
    item("s3_1_7_cystoscopy", Hist, Action, "§3.1.7", "Cystoskopi", "Cystoscopy", SQUAMOUS_GROIN),
    item("s3_1_7_anoscopy", Hist, Action, "§3.1.7", "Anoskopi", "Anoscopy", SQUAMOUS_GROIN),
    // §3.2–§3.4.
    item("s3_2_inform_result", Hist, Communication, "§3.2",
        "Patienten informeres om, hvorvidt der er fundet begrundet mistanke om en organspecifik kræft og om henvisning til det relevante pakkeforløb herfor. Er primær tumor ikke påvist: informér om, at evt. videre udredning og behandling foregår på onkologisk afdeling, og at patienten henvises hertil.",
        "Tell the patient whether a reasonable suspicion (»begrundet mistanke«) of an organ-specific cancer has been found and about the referral to its pathway; if no primary tumour is found, that any further work-up and treatment take place at the oncology department and that they are referred there.", Always),
    item("s3_3_decide_oncology", Hist, Decision, "§3.3",
        "Er primær tumor ikke identificeret efter udredningsprogrammet: beslutning om at henvise patienten umiddelbart til onkologisk afdeling under henvisningsdiagnosen »ukendt primær tumor« til evt. yderligere udredning og behandling.",
        "If no primary tumour is identified after the work-up programme: decide on immediate referral to the oncology department under the referral diagnosis »ukendt primær tumor« (unknown primary tumour), for any further work-up and treatment.", Always),
    item("s3_4_responsible", Hist, Responsibility, "§3.4",
        "Den afdeling, pakkeforløbet er startet på, er ansvarlig for det videre forløb, herunder en evt. henvisning til relevant pakkeforløb eller onkologisk afdeling.",
        "The department where the pathway started is responsible, including onward referral.", Always),
    // Kapitel 4: onkologisk afdeling.
    item("s4_1_individual_course", Secondary, Note, "§4.1",
        "På onkologisk afdeling tilrettelægges et individuelt forløb: supplerende udredning eller umiddelbar behandling, vurderet ud fra bl.a. performance status og komorbiditet. Udredningen kan omfatte revision af alle tidligere billeddiagnostiske, biokemiske og histopatologiske undersøgelser. Det vil i de fleste tilfælde være nødvendigt med en udvidet immunhistokemisk diagnostik af biopsi (eksisterende materiale eller ny biopsi). Behandlingen bør om muligt foregå i protokolleret regi.",
        "Oncology plans an individual course (further work-up or treatment at once, weighing performance status and comorbidity). The work-up may include revision of all earlier imaging, biochemical and histopathological examinations; in most cases extended immunohistochemistry of the biopsy will be needed (existing material or a new biopsy). Treatment should, where possible, be given within a protocol.", Always),
    item("s4_1_treat_soon", Secondary, Note, "§4.1",
        "Det overordnede princip er, at patienten så hurtigt som muligt bør tilbydes en behandling på grund af den generelt dårlige prognose.",
        "The overriding principle: the patient should be offered treatment as soon as possible, given the generally poor prognosis.", Always),
    item("s4_1_favourable_subgroups", Secondary, Note, "§4.1",
        "Enkelte veldefinerede grupper af patienter, hvor det ikke lykkes at identificere en primær tumor, har dog en god prognose og behandles efter landsdækkende kliniske retningslinjer.",
        "A few well-defined groups without an identified primary have a good prognosis and are treated by national clinical guidelines.", Always),
    item("s4_1_primary_found_refer", Secondary, Note, "§4.1",
        "Identificeres en primær tumor under den videre udredning, henvises patienten umiddelbart til det relevante organspecifikke pakkeforløb.",
        "If the further work-up finds a primary, refer at once to the organ-specific pathway.", Always),
    item("s4_4_inform", Secondary, Communication, "§4.4",
        "Patienten skal informeres om det individuelt tilrettelagte udredningsprogram, diagnose, prognose og den mulige terapi. Såfremt behandlingen er led i en videnskabelig protokol, skal de sædvanlige krav om information i den sammenhæng opfyldes.",
        "The patient must be informed about the individual programme, diagnosis, prognosis and possible therapy. If treatment is part of a scientific protocol, the usual information requirements must be met.", Always),
    item("s4_5_decision", Secondary, Decision, "§4.5",
        "Onkologisk afdeling er i samarbejde med relevante specialer på MDT ansvarlig for tilrettelæggelse og beslutning om et sekundært udredningsprogram og behandling; involverer behandlingen operation, overtager den kirurgiske afdeling ansvaret i forbindelse med indgrebet.",
        "Oncology, with the MDT, decides secondary work-up and treatment; surgery moves responsibility to the surgical department for the operation.", Always),
    item("s4_6_responsible", Secondary, Responsibility, "§4.6",
        "Den onkologiske afdeling er ansvarlig for tilrettelæggelsen af behandlingen for patienter med ukendt primær tumor.",
        "Oncology is responsible for treatment planning.", Always),
];

pub fn item_by_id(id: &str) -> Option<&'static ChecklistItem> {
    CHECKLIST.iter().find(|i| i.id == id)
}
