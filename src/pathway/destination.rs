//! Where the patient belongs (§1.2, §2.1–§2.3, §3.1.2, §3.1.5–§3.1.10, §3.3).

use super::case::{Case, EndReason, FindingSite, Histology, Sex};
use super::criteria::{primary_liver_cancer_suspected, CriteriaVerdict, TesticularCriteria};
use super::questions::QuestionId;
use super::statement::Statement;
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

impl Pathway {
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
                "Diagnostic pathway for unspecific symptoms of serious illness that could be cancer".into()
            }
            Pathway::OrganSpecific(name) if name.trim().is_empty() => "The relevant organ-specific pathway".into(),
            Pathway::OrganSpecific(name) => format!("The relevant organ-specific pathway: {name}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Destination {
    /// An answer is missing; `Plan::questions` says which.
    Undetermined,
    /// This pathway, at this department.
    ThisPathway { department: Department },
    /// Another pathway.
    OtherPathway { pathway: Pathway },
    /// Spinal cord compression: acute referral by local guidelines first
    /// (§2.2.4). The text does not say that the pathway ends, so the model
    /// keeps this pathway's work-up and codes at this department.
    AcuteFirst { department: Department },
    /// Onkologisk afdeling under henvisningsdiagnosen "ukendt primær tumor".
    Oncology,
    /// The department responsible under the specialty plan (§3.1.10).
    SpecialtyPlanDepartment,
    /// The text does not say; clinical judgement.
    TextSilent,
    /// A known cancer: outside the target group (§1.2, §2.4). The text does
    /// not say where such a patient goes.
    OutsideTargetGroup,
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
            Destination::AcuteFirst { department } => format!(
                "Henvises først akut efter lokale retningslinjer (spinalt tværsnitssyndrom); derefter dette pakkeforløb: {}",
                department.label_da()
            ),
            Destination::Oncology => "Onkologisk afdeling under henvisningsdiagnosen \"ukendt primær tumor\"".into(),
            Destination::SpecialtyPlanDepartment => {
                "Afdeling, der i henhold til specialeplanlægningen er ansvarlig for udredning af neuroendokrine tumorer"
                    .into()
            }
            Destination::TextSilent => "Pakkeforløbsteksten tager ikke stilling — klinisk vurdering".into(),
            Destination::OutsideTargetGroup => {
                "Uden for målgruppen: kendt kræftsygdom — teksten angiver ikke hvorhen; klinisk vurdering".into()
            }
            Destination::Ended { reason } => match reason {
                EndReason::OrganSpecificReferral => {
                    "Pakkeforløb slut: videre henvist til organspecifikt pakkeforløb".into()
                }
                EndReason::SuspicionDisproved => "Pakkeforløb slut: mistanken er afkræftet".into(),
                EndReason::PatientWish => "Pakkeforløb slut: patientens ønske".into(),
            },
        }
    }
}

impl Destination {
    pub fn headline_en(&self) -> String {
        match self {
            Destination::Undetermined => "Not yet decided — answer the open questions".into(),
            Destination::ThisPathway { department } => format!("This pathway: {}", department.label_en()),
            Destination::OtherPathway { pathway } => pathway.label_en(),
            Destination::AcuteFirst { department } => format!(
                "Acute referral first by local guidelines (spinal cord compression); then this pathway: {}",
                department.label_en()
            ),
            Destination::Oncology => "Oncology department as \"ukendt primær tumor\" (unknown primary)".into(),
            Destination::SpecialtyPlanDepartment => {
                "The department responsible for neuroendocrine tumours under the specialty plan".into()
            }
            Destination::TextSilent => "The pathway text does not say — clinical judgement".into(),
            Destination::OutsideTargetGroup => {
                "Outside the target group: known cancer — the text does not say where; clinical judgement".into()
            }
            Destination::Ended { reason } => match reason {
                EndReason::OrganSpecificReferral => "Pathway ended: referred on to an organ-specific pathway".into(),
                EndReason::SuspicionDisproved => "Pathway ended: the suspicion is disproved".into(),
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
}

impl Stage {
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Stage::Entry => ("Indgang", "Entry"),
            Stage::PrimaryWorkup => ("Primær udredning", "Primary work-up"),
            Stage::Histology => ("Histologi og beslutning", "Histology and decision"),
            Stage::Secondary => ("Sekundær udredning (onkologi)", "Secondary work-up (oncology)"),
        }
    }
}

/// How far the case has come; decides which phases of the checklist show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Entry,
    PrimaryWorkup,
    Histology,
    Secondary,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Route {
    pub destination: Destination,
    /// The stage at which the destination was decided.
    pub decided_at: Stage,
    /// Every rule that points to the destination, each with its section.
    pub reasons: Vec<Statement>,
    /// Where the text is silent on this case.
    pub silences: Vec<Statement>,
    /// Answers needed before the destination can be decided.
    pub questions: Vec<QuestionId>,
    /// The department received the referral (AFD01A) or the patient attended (AFD01B).
    pub entered: bool,
}

impl Route {
    /// The patient goes elsewhere on the referral itself and never enters
    /// this pathway: no AFD01A, no work-up of this pathway (§2.3, §1.2).
    pub fn never_enters(&self) -> bool {
        self.destination.is_elsewhere() && self.decided_at == Stage::Entry && !self.entered
    }

    /// Referred on elsewhere after this pathway started: AFD01X1 (§7.5).
    pub fn referred_onward(&self) -> bool {
        self.destination.is_elsewhere() && !self.never_enters()
    }

    fn ask(&mut self, q: QuestionId) {
        if !self.questions.contains(&q) {
            self.questions.push(q);
        }
    }
}

/// How far a case has come, from its answers and events.
pub fn stage_reached(case: &Case) -> Stage {
    let a = &case.answers;
    let e = &case.events;
    if a.primary_found == Some(false) || e.referred_to_secondary.is_some() || e.secondary_first_attendance.is_some() {
        Stage::Secondary
    } else if a.histology.is_some() {
        Stage::Histology
    } else if e.first_attendance.is_some() {
        Stage::PrimaryWorkup
    } else {
        Stage::Entry
    }
}

/// Rules are weighed in the text's order of precedence. The first that
/// decides sets the destination, unless an earlier one still waits for an
/// answer; every later rule that points the same way is cited too.
struct Decider {
    r: Route,
    chosen: bool,
    blocked: bool,
    department: Option<Department>,
    /// Why the patient stays in this pathway; cited only if nothing sends them elsewhere.
    stay_reasons: Vec<Statement>,
    acute: bool,
}

impl Decider {
    /// Where the text is silent on a rule that could still decide.
    fn silent(&mut self, why: Statement) {
        if !self.chosen {
            self.r.silences.push(why);
        }
    }

    fn fire(&mut self, destination: Destination, at: Stage, why: Statement) {
        if !self.chosen && !self.blocked {
            self.chosen = true;
            self.r.destination = destination;
            self.r.decided_at = at;
            self.r.reasons.push(why);
        } else if self.chosen && self.r.destination == destination {
            self.r.reasons.push(why);
        }
    }

    /// An answer this rule needs is not known: it blocks every later rule.
    fn pending(&mut self, q: QuestionId) {
        if !self.chosen {
            self.blocked = true;
            self.r.ask(q);
        }
    }

    fn yes_no(&mut self, v: Option<bool>, q: QuestionId) -> bool {
        if v.is_none() {
            self.pending(q);
        }
        v == Some(true)
    }
}

fn other(p: Pathway) -> Destination {
    Destination::OtherPathway { pathway: p }
}

/// Decide where the patient belongs.
pub fn route(case: &Case) -> Route {
    let a = &case.answers;
    let e = &case.events;
    let reached = stage_reached(case);
    let entered = e.referral_received.is_some() || e.first_attendance.is_some();
    let mut d = Decider {
        r: Route {
            destination: Destination::Undetermined,
            decided_at: Stage::Entry,
            reasons: vec![],
            silences: vec![],
            questions: vec![],
            entered,
        },
        chosen: false,
        blocked: false,
        department: None,
        stay_reasons: vec![],
        acute: false,
    };
    // A finding at referral decides at entry; once the pathway has started it is an onward referral.
    let now = if entered { reached.max(Stage::PrimaryWorkup) } else { Stage::Entry };

    // A recorded end of the pathway settles it (§3.5, §4.7, §7.5).
    if let Some(end) = &e.ended {
        let why = match end.reason {
            EndReason::OrganSpecificReferral => Statement::new(
                "§7.5",
                "Klinisk beslutning: begrundet mistanke ændret til viderehenvisning til et organspecifikt pakkeforløb (AFD01X1).",
                "Clinical decision: referred on to an organ-specific pathway (AFD01X1).",
            ),
            EndReason::SuspicionDisproved => Statement::new(
                "§7.5",
                "Klinisk beslutning: begrundet mistanke om metastaser afkræftet (AFD01X1).",
                "Clinical decision: the suspicion of metastases is disproved (AFD01X1).",
            ),
            EndReason::PatientWish => Statement::new(
                "§7.5",
                "Patienten ønsker at ophøre udredning i pakkeforløbet (AFD01X2).",
                "The patient wishes to stop the work-up (AFD01X2).",
            ),
        };
        d.fire(Destination::Ended { reason: end.reason }, reached, why);
        return d.r;
    }

    let Some(site) = a.finding_site else {
        d.r.ask(QuestionId::FindingSite);
        return d.r;
    };

    // §2.1: no finding, unspecific symptoms: another pathway; nothing else applies.
    if site == FindingSite::UnspecificSymptoms {
        d.fire(
            other(Pathway::UnspecificSymptoms),
            Stage::Entry,
            Statement::new(
                "§2.1",
                "Ved mistanke om alvorlig sygdom hos en patient med uspecifikke symptomer henvises til Diagnostisk pakkeforløb for patienter med uspecifikke symptomer på alvorlig sygdom, der kunne være kræft.",
                "Unspecific symptoms without a finding: the diagnostic pathway for unspecific symptoms, not this one.",
            ),
        );
        return d.r;
    }

    // §2.4, §1.2: the pathway is for a patient "uden kendt kræftsygdom".
    if d.yes_no(a.known_cancer, QuestionId::KnownCancer) {
        d.fire(
            Destination::OutsideTargetGroup,
            now,
            Statement::new(
                "§2.4",
                "Beslutning om henvisning til pakkeforløbet gælder fund hos en patient uden kendt kræftsygdom; målgruppen er patienter, hvor første fund er en metastase (§1.2).",
                "Referral to this pathway concerns a patient without known cancer; the target group has a metastasis as the first finding (§1.2).",
            ),
        );
        d.r.silences.push(Statement::new(
            "§1.2",
            "Teksten angiver ikke, hvor en patient med kendt kræftsygdom og nyt metastasesuspekt fund henvises. Klinisk vurdering.",
            "The text does not say where a patient with a known cancer and a new suspected metastasis goes. Clinical judgement.",
        ));
    }

    // §1.2: suspicion of an organ-specific cancer at any stage.
    if d.yes_no(a.organ_specific_suspected, QuestionId::OrganSpecificSuspected) {
        let name = case.organ_specific_suspicion().unwrap_or("").to_string();
        d.fire(
            other(Pathway::OrganSpecific(name)),
            now,
            Statement::new(
                "§1.2",
                "Såfremt patienten frembyder symptomer, der giver mistanke eller begrundet mistanke om organspecifik kræfttype, skal patienten henvises og udredes umiddelbart i henhold til det relevante pakkeforløb.",
                "Symptoms suspicious of an organ-specific cancer: refer and work up at once under the relevant pathway.",
            ),
        );
    }

    // §2.2.1: lymphoma, always the haematological pathway.
    if d.yes_no(a.lymphoma_suspected, QuestionId::LymphomaSuspected) {
        d.fire(
            other(Pathway::Haematological),
            now,
            Statement::new(
                "§2.2.1",
                "Ved klinisk eller billeddiagnostisk begrundet mistanke om lymfom henvises patienten altid til start på pakkeforløb for hæmatologiske sygdomme.",
                "Clinical or imaging suspicion of lymphoma: always the haematological pathway.",
            ),
        );
    }

    // Entry by site (§2.2.1–§2.2.6).
    entry(case, site, now, &mut d);

    // §3.1.2: raised AFP and a solitary liver process, wherever the liver finding arose.
    if primary_liver_cancer_suspected(a) {
        d.fire(
            other(Pathway::PrimaryLiver),
            reached.max(Stage::PrimaryWorkup),
            Statement::new(
                "§3.1.2",
                "Forhøjet eller stigende α-føtoprotein og en solitær proces i leveren: begrundet mistanke om primær leverkræft. Patienten henvises til start på pakkeforløb for primær leverkræft.",
                "Raised or rising AFP and a solitary liver process: refer to the primary liver cancer pathway.",
            ),
        );
    }

    // Histology (§3.1.5–§3.1.10).
    if let Some(h) = a.histology {
        histology_route(case, h, site, &mut d);
    }

    // §4.1: a primary found during the secondary work-up is the normal course onward.
    let in_secondary = e.referred_to_secondary.is_some() || a.primary_found == Some(false);
    if in_secondary && a.primary_found_in_secondary == Some(true) {
        d.fire(
            other(Pathway::OrganSpecific(case.organ_specific_suspicion().unwrap_or("").to_string())),
            Stage::Secondary,
            Statement::new(
                "§4.1",
                "Den videre udredning har identificeret en primær tumor: patienten henvises umiddelbart til det relevante organspecifikke pakkeforløb.",
                "The further work-up identified a primary tumour: refer at once to the relevant organ-specific pathway.",
            ),
        );
    }

    // §3.3 and §1.2: the decision at the end of the primary work-up.
    match a.primary_found {
        Some(true) => d.fire(
            other(Pathway::OrganSpecific(case.organ_specific_suspicion().unwrap_or("").to_string())),
            Stage::Histology,
            Statement::new(
                "§1.2",
                "Hvis en primær tumor identificeres, skal patienten henvises til start på det relevante organspecifikke pakkeforløb.",
                "A primary tumour is identified: refer to the relevant organ-specific pathway.",
            ),
        ),
        Some(false) => d.fire(Destination::Oncology, Stage::Secondary, oncology_reason()),
        None if e.referred_to_secondary.is_some() => {
            d.fire(Destination::Oncology, Stage::Secondary, oncology_reason())
        }
        None => {}
    }

    if d.chosen {
        // Leaving after the pathway started: the text does not define when the work-up period ends.
        if d.r.referred_onward() {
            d.r.silences.push(Statement::new(
                "kap. 6",
                "Teksten definerer ikke afslutningen på den primære udredning (14 dage, §3.6) ved viderehenvisning til et andet forløb; modellen lader perioden slutte på datoen for AFD01X1.",
                "The text does not define the end of the primary work-up (14 days, §3.6) for an onward referral; the model ends the period on the AFD01X1 date.",
            ));
        }
        return d.r;
    }
    if d.blocked {
        return d.r;
    }
    d.r.reasons.append(&mut d.stay_reasons);
    match d.department {
        Some(department) if d.acute => {
            d.r.destination = Destination::AcuteFirst { department };
            d.r.silences.push(Statement::new(
                "§2.2.4",
                "Teksten siger ikke, om pakkeforløbet fortsætter efter den akutte henvisning. Modellen fortsætter forløbets udredning, koder og frister; den akutte henvisning kommer først.",
                "The text does not say whether the pathway continues after the acute referral. The model keeps the work-up, codes and time standards; the acute referral comes first.",
            ));
        }
        Some(department) => d.r.destination = Destination::ThisPathway { department },
        None if !d.r.silences.is_empty() => d.r.destination = Destination::TextSilent,
        None => {}
    }
    d.r.decided_at = Stage::Entry;
    d.r
}

fn oncology_reason() -> Statement {
    Statement::new(
        "§3.3",
        "Primær tumor er ikke identificeret efter udredningsprogrammet: beslutning om at henvise patienten umiddelbart til onkologisk afdeling under henvisningsdiagnosen \"ukendt primær tumor\" til evt. yderligere udredning og behandling.",
        "No primary tumour identified after the work-up: refer at once to oncology as \"ukendt primær tumor\".",
    )
}

fn stays(d: &mut Decider, department: Department, why: Statement) {
    d.department = Some(department);
    d.stay_reasons.push(why);
}

fn entry(case: &Case, site: FindingSite, now: Stage, d: &mut Decider) {
    let a = &case.answers;
    match site {
        FindingSite::UnspecificSymptoms => {}
        FindingSite::LymphNodeNeck => d.fire(
            other(Pathway::HeadAndNeck),
            now,
            Statement::new(
                "§2.2.1",
                "Lymfeknude på hals: mistanke om hoved/hals kræft. Patienten henvises til filterfunktion i form af vurdering hos praktiserende speciallæge mhp. evt. start på pakkeforløb for hoved- og halskræft.",
                "Neck node: refer to the specialist filter for the head-and-neck pathway.",
            ),
        ),
        FindingSite::LymphNodeAxilla => match a.sex {
            Some(Sex::Female) => d.fire(
                other(Pathway::Breast),
                now,
                Statement::new(
                    "§2.2.1",
                    "Lymfeknude i armhule hos kvinde: begrundet mistanke om brystkræft. Patienten henvises til start på pakkeforløb for brystkræft.",
                    "Axillary node in a woman: refer to the breast cancer pathway.",
                ),
            ),
            Some(Sex::Male) => d.silent(Statement::new(
                "§2.2.1",
                "Teksten nævner kun lymfeknude i armhule hos kvinde; for en mand angiver den ingen modtagende afdeling. Klinisk vurdering.",
                "The text names an axillary node in a woman only; for a man it is silent. Clinical judgement.",
            )),
            None => d.pending(QuestionId::Sex),
        },
        FindingSite::LymphNodeRetroperitoneal | FindingSite::LymphNodeGroin => stays(
            d,
            Department::Medical,
            Statement::new(
                "§2.2.1",
                "Lymfeknude retroperitonealt eller i lysken: patienten henvises til medicinsk afdeling til start på dette pakkeforløb.",
                "Retroperitoneal or groin node: this pathway at a medical department.",
            ),
        ),
        FindingSite::LymphNodeOther => d.silent(Statement::new(
            "§2.2.1",
            "Teksten angiver henvisning for lymfeknuder på hals, i armhule (kvinde), retroperitonealt og i lysken; for andre lokalisationer er den tavs. Klinisk vurdering.",
            "The text covers neck, axillary (women), retroperitoneal and groin nodes only. Clinical judgement.",
        )),
        FindingSite::Liver => {
            if d.yes_no(a.colorectal_suspected, QuestionId::ColorectalSuspected) {
                d.fire(
                    other(Pathway::ColorectalThenLiverMetastases),
                    now,
                    Statement::new(
                        "§2.2.2",
                        "Mulige levermetastaser med samtidig mistanke/begrundet mistanke om kræft i tyk- og endetarm: pakkeforløb for kræft i tyk- og endetarm og senere pakkeforløb for tarmkræftmetastaser i leveren.",
                        "Liver metastases with suspicion of colorectal cancer: the colorectal pathway, then the colorectal liver metastases pathway.",
                    ),
                );
            }
            stays(
                d,
                Department::Medical,
                Statement::new(
                    "§2.2.2",
                    "Metastase i leveren: patienten henvises til medicinsk afdeling til start på dette pakkeforløb.",
                    "Liver: this pathway at a medical department.",
                ),
            );
        }
        FindingSite::Lung => d.fire(
            other(Pathway::Lung),
            now,
            Statement::new(
                "§2.2.3",
                "Metastase i lungen: begrundet mistanke om lungekræft. Patienten henvises til start på pakkeforløb for lungekræft.",
                "Lung: refer to the lung cancer pathway.",
            ),
        ),
        FindingSite::Bone => {
            if d.yes_no(a.spinal_cord_compression, QuestionId::SpinalCordCompression) {
                d.acute = true;
                d.stay_reasons.push(Statement::new(
                    "§2.2.4",
                    "Patienter med spinalt tværsnitssyndrom henvises akut efter lokale retningslinjer.",
                    "Spinal cord compression: acute referral by local guidelines.",
                ));
            }
            let department =
                if a.bone_local_agreement == Some(true) { Department::LocallyAgreed } else { Department::Medical };
            stays(
                d,
                department,
                Statement::new(
                    "§2.2.4",
                    "Metastase i knogler: patienten henvises til medicinsk afdeling til start på dette pakkeforløb, med mindre andet er aftalt lokalt. Det skal under alle omstændigheder sikres, at patienten får det hurtigst mulige forløb med biopsi.",
                    "Bone: this pathway at a medical department unless agreed otherwise locally; in any case the fastest possible course to biopsy.",
                ),
            );
        }
        FindingSite::Brain => match a.in_neurology_department {
            Some(true) => stays(
                d,
                Department::Neurological,
                Statement::new(
                    "§2.2.5",
                    "Patienten er under udredning på neurologisk afdeling og fortsætter udredning der i henhold til dette pakkeforløb.",
                    "Already in a neurological department: continues the work-up there under this pathway.",
                ),
            ),
            Some(false) => stays(
                d,
                Department::Medical,
                Statement::new(
                    "§2.2.5",
                    "Patienter, der ikke er i kontakt med en neurologisk afdeling, henvises til medicinsk afdeling med henblik på udredning.",
                    "Not in contact with a neurological department: refer to a medical department.",
                ),
            ),
            None => d.pending(QuestionId::InNeurologyDepartment),
        },
        FindingSite::CancerCellsSpinalFluid => stays(
            d,
            Department::Neurological,
            Statement::new(
                "§2.2.6",
                "Ved fund af kræftceller i spinalvæske: patienten henvises til udredning på neurologisk afdeling.",
                "Cancer cells in spinal fluid: work-up at a neurological department.",
            ),
        ),
        FindingSite::CancerCellsPleuraOrPeritoneum => stays(
            d,
            Department::Medical,
            Statement::new(
                "§2.2.6",
                "Ved fund af kræftceller i lungehinde eller bughule: patienten henvises til udredning på medicinsk afdeling.",
                "Cancer cells in pleura or peritoneum: work-up at a medical department.",
            ),
        ),
        FindingSite::Other => d.silent(Statement::new(
            "§2.2",
            "Afsnit 2.2 angiver ikke en modtagende afdeling for denne lokalisation. Målgruppen er beskrevet i §1.2 (første fund er en metastase, primær tumor ikke klinisk oplagt). Klinisk vurdering.",
            "§2.2 names no receiving department for this site; §1.2 describes the target group. Clinical judgement.",
        )),
    }
}

fn histology_route(case: &Case, h: Histology, site: FindingSite, d: &mut Decider) {
    let a = &case.answers;
    let at = Stage::Histology;
    match h {
        Histology::Adenocarcinoma => match a.sex {
            Some(Sex::Female) => {
                if site == FindingSite::LymphNodeAxilla {
                    d.fire(
                        other(Pathway::Breast),
                        at,
                        Statement::new(
                            "§3.1.6",
                            "Kvinder med adenokarcinom i aksillære glandler skal behandles som patienter med brystkræft og henvises til pakkeforløb for brystkræft.",
                            "Women with axillary adenocarcinoma: the breast cancer pathway.",
                        ),
                    );
                }
                if d.yes_no(a.serous_peritoneal_carcinomatosis, QuestionId::SerousPeritonealCarcinomatosis) {
                    d.fire(
                        other(Pathway::Ovarian),
                        at,
                        Statement::new(
                            "§3.1.6",
                            "Kvinder med peritoneal karcinomatose med serøst adenokarcinom henvises til gynækologisk afdeling til start på pakkeforløb for kræft i æggestok.",
                            "Women with serous peritoneal carcinomatosis: gynaecology, ovarian cancer pathway.",
                        ),
                    );
                }
            }
            Some(Sex::Male) => {}
            None => d.pending(QuestionId::Sex),
        },
        Histology::PoorlyDifferentiatedCarcinoma => match a.sex {
            Some(Sex::Male) => {
                let c = TesticularCriteria::assess(a);
                match c.verdict {
                    CriteriaVerdict::Refer => d.fire(
                        other(Pathway::Testicular),
                        at,
                        Statement::new(
                            "§3.1.8",
                            format!(
                                "Lavt differentieret karcinom hos mand: {} af 3 karakteristika er til stede (blot 2 kræves). Henvises til pakkeforløb for testikelkræft.",
                                c.held()
                            ),
                            format!(
                                "Poorly differentiated carcinoma in a man: {} of 3 characteristics hold (2 suffice). Testicular cancer pathway.",
                                c.held()
                            ),
                        ),
                    ),
                    // §3.1.8 comes before §3.3: while it is pending, "no primary found" does not decide.
                    CriteriaVerdict::Pending => {
                        if c.man_under_55.is_none() {
                            d.pending(QuestionId::Age);
                        }
                        if c.midline_tumour.is_none() {
                            d.pending(QuestionId::MidlineTumour);
                        }
                        if c.hcg_or_afp_raised.is_none() {
                            d.pending(QuestionId::HcgOrAfpRaised);
                        }
                    }
                    CriteriaVerdict::DoNotRefer => {}
                }
            }
            Some(Sex::Female) => d.silent(Statement::new(
                "§3.1.8",
                "§3.1.8 omhandler lavt differentieret karcinom hos mænd; for kvinder har teksten intet særskilt program. Klinisk vurdering.",
                "§3.1.8 covers men only; for women the text gives no specific programme.",
            )),
            None => d.pending(QuestionId::Sex),
        },
        Histology::SmallCellAnaplasticCarcinoma => {
            let unknown_origin = match a.sex {
                Some(Sex::Male) => Some(true),
                Some(Sex::Female) => match a.cervical_cancer_suspected {
                    Some(v) => Some(!v),
                    None => {
                        d.pending(QuestionId::CervicalCancerSuspected);
                        None
                    }
                },
                None => {
                    d.pending(QuestionId::Sex);
                    None
                }
            };
            match unknown_origin {
                Some(true) => d.fire(
                    Destination::Oncology,
                    at,
                    Statement::new(
                        "§3.1.9",
                        "Småcellet, anaplastisk karcinom af ukendt oprindelse (hos kvinder: ingen mistanke om livmoderhalskræft) henvises til onkologisk afdeling.",
                        "Small-cell anaplastic carcinoma of unknown origin: oncology.",
                    ),
                ),
                Some(false) => d.fire(
                    other(Pathway::OrganSpecific("livmoderhalskræft".into())),
                    at,
                    Statement::new(
                        "§3.1.9",
                        "Hos kvinder med mistanke om livmoderhalskræft er det småcellede karcinom ikke \"af ukendt oprindelse\" (§3.1.9); organspecifik mistanke henvises til det relevante pakkeforløb (§1.2).",
                        "A woman with suspected cervical cancer: not of unknown origin; refer to the relevant organ-specific pathway.",
                    ),
                ),
                None => {}
            }
        }
        Histology::NeuroendocrineTumour => d.fire(
            Destination::SpecialtyPlanDepartment,
            at,
            Statement::new(
                "§3.1.10",
                "Neuroendokrine tumorer: patienten henvises til en afdeling, der i henhold til specialeplanlægningen er ansvarlig for udredning af disse patienter.",
                "Neuroendocrine tumours: the department responsible under the specialty plan.",
            ),
        ),
        Histology::SquamousCellCarcinoma => {
            if site != FindingSite::LymphNodeGroin {
                d.silent(Statement::new(
                    "§3.1.7",
                    "§3.1.7 beskriver undersøgelser for planocellulære metastaser i lysken; for andre lokalisationer er teksten tavs. Klinisk vurdering.",
                    "§3.1.7 describes work-up for squamous metastases in the groin only.",
                ));
            }
        }
        Histology::Other => d.silent(Statement::new(
            "§3.1.5",
            "For denne histologi har teksten intet særskilt undersøgelsesprogram (§3.1.6–§3.1.10). Findes primær tumor ikke, henvises til onkologisk afdeling (§3.1.5).",
            "No specific programme for this histology; if no primary is found, refer to oncology.",
        )),
    }
}
