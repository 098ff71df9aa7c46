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
            Pathway::OrganSpecific(name) => format!("Det relevante organspecifikke pakkeforløb: {name}"),
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
    /// Acute referral by local guidelines (§2.2.4).
    Acute,
    /// Onkologisk afdeling under henvisningsdiagnosen "ukendt primær tumor".
    Oncology,
    /// The department responsible under the specialty plan (§3.1.10).
    SpecialtyPlanDepartment,
    /// The text does not say; clinical judgement.
    TextSilent,
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
            Destination::Acute => "Akut henvisning efter lokale retningslinjer".into(),
            Destination::Oncology => "Onkologisk afdeling under henvisningsdiagnosen \"ukendt primær tumor\"".into(),
            Destination::SpecialtyPlanDepartment => {
                "Afdeling, der i henhold til specialeplanlægningen er ansvarlig for udredning af neuroendokrine tumorer"
                    .into()
            }
            Destination::TextSilent => "Pakkeforløbsteksten tager ikke stilling — klinisk vurdering".into(),
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

/// How far the case has come; decides which phases of the checklist show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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
    /// Why, each with its section.
    pub reasons: Vec<Statement>,
    /// Where the text is silent on this case.
    pub silences: Vec<Statement>,
    /// Answers needed before the destination can be decided.
    pub questions: Vec<QuestionId>,
}

impl Route {
    fn new() -> Self {
        Route {
            destination: Destination::Undetermined,
            decided_at: Stage::Entry,
            reasons: vec![],
            silences: vec![],
            questions: vec![],
        }
    }

    fn decide(mut self, destination: Destination, at: Stage, reason: Statement) -> Self {
        self.destination = destination;
        self.decided_at = at;
        self.reasons.push(reason);
        self
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
    if a.no_primary_found || e.referred_to_secondary.is_some() || e.secondary_first_attendance.is_some() {
        Stage::Secondary
    } else if a.histology.is_some() {
        Stage::Histology
    } else if e.first_attendance.is_some() || a.finding_site.is_some_and(entry_stays) {
        Stage::PrimaryWorkup
    } else {
        Stage::Entry
    }
}

/// Sites whose referral criteria keep the patient in this pathway (possibly
/// depending on further answers).
fn entry_stays(site: FindingSite) -> bool {
    !matches!(site, FindingSite::UnspecificSymptoms | FindingSite::LymphNodeNeck | FindingSite::Lung)
}

/// Decide where the patient belongs.
pub fn route(case: &Case) -> Route {
    let a = &case.answers;
    let mut r = Route::new();
    let reached = stage_reached(case);

    // A recorded end of the pathway settles it (§3.5, §4.7, §7.5).
    if let Some(end) = &case.events.ended {
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
        return r.decide(Destination::Ended { reason: end.reason }, reached, why);
    }

    // Organ-specific suspicion at any point: the relevant pathway (§1.2, §2.3).
    if let Some(name) = case.organ_specific_suspicion() {
        return r.decide(
            Destination::OtherPathway { pathway: Pathway::OrganSpecific(name.to_string()) },
            reached,
            Statement::new(
                "§1.2",
                "Symptomer eller fund giver mistanke om organspecifik kræfttype: patienten henvises og udredes umiddelbart i henhold til det relevante pakkeforløb.",
                "Suspicion of an organ-specific cancer: refer at once to the relevant pathway.",
            ),
        );
    }

    // Lymphoma: always the haematological pathway (§2.2.1).
    if a.lymphoma_suspected {
        return r.decide(
            Destination::OtherPathway { pathway: Pathway::Haematological },
            reached,
            Statement::new(
                "§2.2.1",
                "Ved klinisk eller billeddiagnostisk begrundet mistanke om lymfom henvises patienten altid til start på pakkeforløb for hæmatologiske sygdomme.",
                "Clinical or imaging suspicion of lymphoma: always the haematological pathway.",
            ),
        );
    }

    // Entry (§2.1–§2.2.6).
    let Some(site) = a.finding_site else {
        r.ask(QuestionId::FindingSite);
        return r;
    };
    let mut department = None;
    match entry(case, site, &mut r) {
        Entry::Leaves(dest, why) => return r.decide(dest, Stage::Entry, why),
        Entry::Stays(d, why) => {
            r.reasons.push(why);
            department = Some(d);
        }
        Entry::Silent(why) => r.silences.push(why),
        Entry::Pending => {}
    }

    // Site-specific work-up (§3.1.2).
    if site == FindingSite::Liver && primary_liver_cancer_suspected(a) {
        return r.decide(
            Destination::OtherPathway { pathway: Pathway::PrimaryLiver },
            Stage::PrimaryWorkup,
            Statement::new(
                "§3.1.2",
                "Forhøjet eller stigende α-føtoprotein og en solitær proces i leveren: begrundet mistanke om primær leverkræft. Patienten henvises til start på pakkeforløb for primær leverkræft.",
                "Raised or rising AFP and a solitary liver lesion: refer to the primary liver cancer pathway.",
            ),
        );
    }

    // Histology (§3.1.5–§3.1.10).
    if let Some(h) = a.histology {
        if let Some((dest, why)) = histology_route(case, h, site, &mut r) {
            return r.decide(dest, Stage::Histology, why);
        }
    }

    // No primary found after the work-up: oncology (§3.3).
    if a.no_primary_found || case.events.referred_to_secondary.is_some() {
        return r.decide(
            Destination::Oncology,
            Stage::Secondary,
            Statement::new(
                "§3.3",
                "Primær tumor er ikke identificeret efter udredningsprogrammet: patienten henvises umiddelbart til onkologisk afdeling under henvisningsdiagnosen \"ukendt primær tumor\" til evt. yderligere udredning og behandling.",
                "No primary tumour identified after the work-up: refer at once to oncology as \"ukendt primær tumor\".",
            ),
        );
    }

    match department {
        Some(d) => {
            r.destination = Destination::ThisPathway { department: d };
            r.decided_at = Stage::Entry;
        }
        None if !r.silences.is_empty() && r.questions.is_empty() => {
            r.destination = Destination::TextSilent;
        }
        None => {}
    }
    r
}

enum Entry {
    Leaves(Destination, Statement),
    Stays(Department, Statement),
    Silent(Statement),
    Pending,
}

fn entry(case: &Case, site: FindingSite, r: &mut Route) -> Entry {
    let a = &case.answers;
    let other = |p: Pathway| Destination::OtherPathway { pathway: p };
    match site {
        FindingSite::UnspecificSymptoms => Entry::Leaves(
            other(Pathway::UnspecificSymptoms),
            Statement::new(
                "§2.1",
                "Ved mistanke om alvorlig sygdom hos en patient med uspecifikke symptomer henvises til Diagnostisk pakkeforløb for patienter med uspecifikke symptomer på alvorlig sygdom, der kunne være kræft.",
                "Unspecific symptoms without a finding: the diagnostic pathway for unspecific symptoms, not this one.",
            ),
        ),
        FindingSite::LymphNodeNeck => Entry::Leaves(
            other(Pathway::HeadAndNeck),
            Statement::new(
                "§2.2.1",
                "Lymfeknude på hals: mistanke om hoved/hals kræft. Patienten henvises til filterfunktion i form af vurdering hos praktiserende speciallæge mhp. evt. start på pakkeforløb for hoved- og halskræft.",
                "Neck node: refer to the specialist filter for the head-and-neck pathway.",
            ),
        ),
        FindingSite::LymphNodeAxilla => match a.sex {
            Some(Sex::Female) => Entry::Leaves(
                other(Pathway::Breast),
                Statement::new(
                    "§2.2.1",
                    "Lymfeknude i armhule hos kvinde: begrundet mistanke om brystkræft. Patienten henvises til start på pakkeforløb for brystkræft.",
                    "Axillary node in a woman: refer to the breast cancer pathway.",
                ),
            ),
            Some(Sex::Male) => Entry::Silent(Statement::new(
                "§2.2.1",
                "Teksten nævner kun lymfeknude i armhule hos kvinde; for en mand angiver den ingen modtagende afdeling. Klinisk vurdering.",
                "The text names an axillary node in a woman only; for a man it is silent. Clinical judgement.",
            )),
            None => {
                r.ask(QuestionId::Sex);
                Entry::Pending
            }
        },
        FindingSite::LymphNodeRetroperitoneal | FindingSite::LymphNodeGroin => Entry::Stays(
            Department::Medical,
            Statement::new(
                "§2.2.1",
                "Lymfeknude retroperitonealt eller i lysken: patienten henvises til medicinsk afdeling til start på dette pakkeforløb.",
                "Retroperitoneal or groin node: this pathway at a medical department.",
            ),
        ),
        FindingSite::LymphNodeOther => Entry::Silent(Statement::new(
            "§2.2.1",
            "Teksten angiver henvisning for lymfeknuder på hals, i armhule (kvinde), retroperitonealt og i lysken; for andre lokalisationer er den tavs. Klinisk vurdering.",
            "The text covers neck, axillary (women), retroperitoneal and groin nodes only. Clinical judgement.",
        )),
        FindingSite::Liver if a.colorectal_suspected => Entry::Leaves(
            other(Pathway::ColorectalThenLiverMetastases),
            Statement::new(
                "§2.2.2",
                "Mulige levermetastaser med samtidig mistanke/begrundet mistanke om kræft i tyk- og endetarm: pakkeforløb for kræft i tyk- og endetarm og senere pakkeforløb for tarmkræftmetastaser i leveren.",
                "Liver metastases with suspicion of colorectal cancer: the colorectal pathway, then the colorectal liver metastases pathway.",
            ),
        ),
        FindingSite::Liver => Entry::Stays(
            Department::Medical,
            Statement::new(
                "§2.2.2",
                "Metastase i leveren: patienten henvises til medicinsk afdeling til start på dette pakkeforløb.",
                "Liver: this pathway at a medical department.",
            ),
        ),
        FindingSite::Lung => Entry::Leaves(
            other(Pathway::Lung),
            Statement::new(
                "§2.2.3",
                "Metastase i lungen: begrundet mistanke om lungekræft. Patienten henvises til start på pakkeforløb for lungekræft.",
                "Lung: refer to the lung cancer pathway.",
            ),
        ),
        FindingSite::Bone if a.spinal_cord_compression => Entry::Leaves(
            Destination::Acute,
            Statement::new(
                "§2.2.4",
                "Patienter med spinalt tværsnitssyndrom henvises akut efter lokale retningslinjer.",
                "Spinal cord compression: acute referral by local guidelines.",
            ),
        ),
        FindingSite::Bone => Entry::Stays(
            if a.bone_local_agreement { Department::LocallyAgreed } else { Department::Medical },
            Statement::new(
                "§2.2.4",
                "Metastase i knogler: patienten henvises til medicinsk afdeling til start på dette pakkeforløb, med mindre andet er aftalt lokalt. Det skal sikres, at patienten får det hurtigst mulige forløb med biopsi.",
                "Bone: this pathway at a medical department unless agreed otherwise locally; the fastest possible course to biopsy.",
            ),
        ),
        FindingSite::Brain => match a.in_neurology_department {
            Some(true) => Entry::Stays(
                Department::Neurological,
                Statement::new(
                    "§2.2.5",
                    "Patienten er under udredning på neurologisk afdeling og fortsætter udredning der i henhold til dette pakkeforløb.",
                    "Already in a neurological department: continues the work-up there under this pathway.",
                ),
            ),
            Some(false) => Entry::Stays(
                Department::Medical,
                Statement::new(
                    "§2.2.5",
                    "Patienter, der ikke er i kontakt med en neurologisk afdeling, henvises til medicinsk afdeling med henblik på udredning.",
                    "Not in contact with a neurological department: refer to a medical department.",
                ),
            ),
            None => {
                r.ask(QuestionId::InNeurologyDepartment);
                Entry::Pending
            }
        },
        FindingSite::CancerCellsSpinalFluid => Entry::Stays(
            Department::Neurological,
            Statement::new(
                "§2.2.6",
                "Ved fund af kræftceller i spinalvæske: patienten henvises til udredning på neurologisk afdeling.",
                "Cancer cells in spinal fluid: work-up at a neurological department.",
            ),
        ),
        FindingSite::CancerCellsPleuraOrPeritoneum => Entry::Stays(
            Department::Medical,
            Statement::new(
                "§2.2.6",
                "Ved fund af kræftceller i lungehinde eller bughule: patienten henvises til udredning på medicinsk afdeling.",
                "Cancer cells in pleura or peritoneum: work-up at a medical department.",
            ),
        ),
        FindingSite::Other => Entry::Silent(Statement::new(
            "§2.2",
            "Afsnit 2.2 angiver ikke en modtagende afdeling for denne lokalisation. Målgruppen er beskrevet i §1.2 (første fund er en metastase, primær tumor ikke klinisk oplagt). Klinisk vurdering.",
            "§2.2 names no receiving department for this site; §1.2 describes the target group. Clinical judgement.",
        )),
    }
}

fn histology_route(case: &Case, h: Histology, site: FindingSite, r: &mut Route) -> Option<(Destination, Statement)> {
    let a = &case.answers;
    let other = |p: Pathway| Destination::OtherPathway { pathway: p };
    match h {
        Histology::Adenocarcinoma => match a.sex {
            Some(Sex::Female) if site == FindingSite::LymphNodeAxilla => Some((
                other(Pathway::Breast),
                Statement::new(
                    "§3.1.6",
                    "Kvinder med adenokarcinom i aksillære glandler skal behandles som patienter med brystkræft og henvises til pakkeforløb for brystkræft.",
                    "Women with axillary adenocarcinoma: the breast cancer pathway.",
                ),
            )),
            Some(Sex::Female) if a.serous_peritoneal_carcinomatosis => Some((
                other(Pathway::Ovarian),
                Statement::new(
                    "§3.1.6",
                    "Kvinder med peritoneal karcinomatose med serøst adenokarcinom henvises til gynækologisk afdeling til start på pakkeforløb for kræft i æggestok.",
                    "Women with serous peritoneal carcinomatosis: gynaecology, ovarian cancer pathway.",
                ),
            )),
            None => {
                r.ask(QuestionId::Sex);
                None
            }
            _ => None,
        },
        Histology::PoorlyDifferentiatedCarcinoma => match a.sex {
            Some(Sex::Male) => {
                let c = TesticularCriteria::assess(a);
                match c.verdict {
                    CriteriaVerdict::Refer => Some((
                        other(Pathway::Testicular),
                        Statement::new(
                            "§3.1.8",
                            format!(
                                "Lavt differentieret karcinom hos mand: {} af 3 karakteristika er til stede (mindst 2 kræves). Henvises til pakkeforløb for testikelkræft.",
                                c.held()
                            ),
                            format!("Poorly differentiated carcinoma in a man: {} of 3 criteria hold (2 needed). Testicular cancer pathway.", c.held()),
                        ),
                    )),
                    CriteriaVerdict::Pending => {
                        if c.man_under_55.is_none() {
                            r.ask(QuestionId::Age);
                        }
                        if c.midline_tumour.is_none() {
                            r.ask(QuestionId::MidlineTumour);
                        }
                        if c.hcg_or_afp_raised.is_none() {
                            r.ask(QuestionId::HcgOrAfpRaised);
                        }
                        None
                    }
                    CriteriaVerdict::DoNotRefer => None,
                }
            }
            Some(Sex::Female) => {
                r.silences.push(Statement::new(
                    "§3.1.8",
                    "§3.1.8 omhandler lavt differentieret karcinom hos mænd; for kvinder har teksten intet særskilt program. Klinisk vurdering.",
                    "§3.1.8 covers men only; for women the text gives no specific programme.",
                ));
                None
            }
            None => {
                r.ask(QuestionId::Sex);
                None
            }
        },
        Histology::SmallCellAnaplasticCarcinoma => {
            let to_oncology = || {
                Some((
                    Destination::Oncology,
                    Statement::new(
                        "§3.1.9",
                        "Småcellet, anaplastisk karcinom af ukendt oprindelse (hos kvinder: ingen mistanke om livmoderhalskræft) henvises til onkologisk afdeling.",
                        "Small-cell anaplastic carcinoma of unknown origin: oncology.",
                    ),
                ))
            };
            match (a.sex, a.cervical_cancer_suspected) {
                (Some(Sex::Male), _) | (Some(Sex::Female), Some(false)) => to_oncology(),
                (Some(Sex::Female), Some(true)) => Some((
                    other(Pathway::OrganSpecific("livmoderhalskræft".into())),
                    Statement::new(
                        "§3.1.9",
                        "Hos kvinder med mistanke om livmoderhalskræft er det småcellede karcinom ikke \"af ukendt oprindelse\" (§3.1.9); organspecifik mistanke henvises til det relevante pakkeforløb (§1.2).",
                        "A woman with suspected cervical cancer: not of unknown origin; refer to the relevant organ-specific pathway.",
                    ),
                )),
                (Some(Sex::Female), None) => {
                    r.ask(QuestionId::CervicalCancerSuspected);
                    None
                }
                (None, _) => {
                    r.ask(QuestionId::Sex);
                    None
                }
            }
        }
        Histology::NeuroendocrineTumour => Some((
            Destination::SpecialtyPlanDepartment,
            Statement::new(
                "§3.1.10",
                "Neuroendokrine tumorer: patienten henvises til en afdeling, der i henhold til specialeplanlægningen er ansvarlig for udredning af disse patienter.",
                "Neuroendocrine tumours: the department responsible under the specialty plan.",
            ),
        )),
        Histology::SquamousCellCarcinoma => {
            if site != FindingSite::LymphNodeGroin {
                r.silences.push(Statement::new(
                    "§3.1.7",
                    "§3.1.7 beskriver undersøgelser for planocellulære metastaser i lysken; for andre lokalisationer er teksten tavs. Klinisk vurdering.",
                    "§3.1.7 describes work-up for squamous metastases in the groin only.",
                ));
            }
            None
        }
        Histology::Other => {
            r.silences.push(Statement::new(
                "§3.1.5",
                "For denne histologi har teksten intet særskilt undersøgelsesprogram (§3.1.6–§3.1.10). Findes primær tumor ikke, henvises til onkologisk afdeling (§3.1.5).",
                "No specific programme for this histology; if no primary is found, refer to oncology.",
            ));
            None
        }
    }
}
