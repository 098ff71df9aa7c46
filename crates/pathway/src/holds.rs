//! Which rules of the precedence table ([`super::rules`]) hold for a case:
//! the per-section checks, in the table's order, each beside the words it
//! encodes. A rule holds (naming a destination, keeping the patient here, or
//! with the text silent), waits for an answer, or does not apply. Weighing
//! them is [`super::weigh`]'s alone.

use super::case::{AfpLevel, Case, EndReason, FindingSite, Histology, Sex};
use super::criteria::{liver_involved, primary_liver_cancer_open, CriteriaVerdict, TesticularCriteria};
use super::destination::{Department, Destination, Pathway};
use super::questions::QuestionId;
use super::rules::RuleId;
use super::stage::Stage;
use super::statement::Statement;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    To(Destination),
    Stay(Department),
    Silent,
}

#[derive(Clone, Debug)]
pub(super) struct Fired {
    pub(super) rule: RuleId,
    pub(super) outcome: Outcome,
    pub(super) stage: Stage,
    pub(super) why: Statement,
}

/// The rules evaluated on one case.
#[derive(Default)]
pub(super) struct Eval {
    pub(super) fired: Vec<Fired>,
    pub(super) pending: Vec<(RuleId, QuestionId)>,
    pub(super) notes: Vec<Statement>,
    /// A work-up rule (§3.1.2) holds or waits only because the entry does not
    /// (yet) send the patient elsewhere before the first attendance: an open
    /// entry answer that could send them elsewhere can then move the destination.
    pub(super) workup_by_entry: bool,
}

impl Eval {
    pub(super) fn fire(&mut self, rule: RuleId, outcome: Outcome, stage: Stage, why: Statement) {
        self.fired.push(Fired { rule, outcome, stage, why });
    }

    pub(super) fn to(&mut self, rule: RuleId, d: Destination, stage: Stage, why: Statement) {
        self.fire(rule, Outcome::To(d), stage, why);
    }

    pub(super) fn wait(&mut self, rule: RuleId, q: QuestionId) {
        self.pending.push((rule, q));
    }

    /// A yes/no answer a rule needs; unknown waits.
    pub(super) fn yes(&mut self, rule: RuleId, v: Option<bool>, q: QuestionId) -> bool {
        if v.is_none() {
            self.wait(rule, q);
        }
        v == Some(true)
    }
}

pub(super) fn other(p: Pathway) -> Destination {
    Destination::OtherPathway { pathway: p }
}

/// Evaluate every rule of the table on the case.
pub(super) fn evaluate_rules(case: &Case, now: Stage, reached: Stage, ev: &mut Eval) {
    let a = &case.answers;
    let e = &case.events;
    use RuleId as R;

    // §7.5: a recorded end settles it.
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
            EndReason::OtherClinicalDecision => Statement::new(
                "§7.5",
                "Klinisk beslutning om, at pakkeforløbet er slut (AFD01X1).",
                "Clinical decision that the pathway has ended (AFD01X1).",
            ),
            EndReason::PatientWish => Statement::new(
                "§7.5",
                "Patienten ønsker at ophøre udredning i pakkeforløbet (AFD01X2).",
                "The patient wishes to stop the work-up (AFD01X2).",
            ),
        };
        ev.to(R::Ended, Destination::Ended { reason: end.reason }, reached, why);
    }

    let Some(site) = a.finding_site else {
        ev.wait(R::UnspecificSymptoms, QuestionId::FindingSite);
        return;
    };

    if site == FindingSite::UnspecificSymptoms {
        ev.to(
            R::UnspecificSymptoms,
            other(Pathway::UnspecificSymptoms),
            Stage::Entry,
            Statement::new(
                "§2.1",
                "Ved mistanke om alvorlig sygdom hos en patient med uspecifikke symptomer henvises til Diagnostisk pakkeforløb for patienter med uspecifikke symptomer på alvorlig sygdom, der kunne være kræft.",
                "Non-specific symptoms without a finding: the diagnostic pathway for non-specific symptoms, not this one.",
            ),
        );
        // §2.2.1 "altid": a lymphoma suspicion outranks §2.1 too (the tool's
        // reading of the sentence outside §2.2.1); B symptoms alone stay with §2.1.
        if ev.yes(R::Lymphoma, a.lymphoma_suspected, QuestionId::LymphomaSuspected) {
            ev.to(R::Lymphoma, other(Pathway::Haematological), Stage::Entry, lymphoma_statement());
        }
        // Without a finding nothing else of the text applies.
        return;
    }

    if ev.yes(R::KnownCancer, a.known_cancer, QuestionId::KnownCancer) {
        ev.to(
            R::KnownCancer,
            Destination::OutsideTargetGroup,
            now,
            Statement::new(
                "§2.4",
                "Beslutning om henvisning til pakkeforløbet gælder fund hos en patient uden kendt kræftsygdom; målgruppen er patienter, hos hvem det første fund er en metastase (§1.2).",
                "Referral to this pathway concerns a patient without known cancer; the target group has a metastasis as the first finding (§1.2).",
            ),
        );
        ev.notes.push(Statement::new(
            "§1.2",
            "Teksten angiver ikke, hvor en patient med kendt kræftsygdom og nyt metastasesuspekt fund henvises. Klinisk vurdering.",
            "The text does not say where a patient with a known cancer and a new suspected metastasis goes. Clinical judgement.",
        ));
    }

    if ev.yes(R::OrganSpecificSuspicion, a.organ_specific_suspected, QuestionId::OrganSpecificSuspected) {
        let name = case.organ_specific_suspicion().unwrap_or("").to_string();
        ev.to(
            R::OrganSpecificSuspicion,
            other(Pathway::OrganSpecific(name)),
            now,
            Statement::new(
                "§1.2",
                "Såfremt patienten frembyder symptomer, der giver mistanke eller begrundet mistanke om organspecifik kræfttype, skal patienten henvises og udredes umiddelbart i henhold til det relevante pakkeforløb.",
                "Symptoms suspicious of an organ-specific cancer: refer and work up at once under the relevant pathway.",
            ),
        );
    }

    if ev.yes(R::Lymphoma, a.lymphoma_suspected, QuestionId::LymphomaSuspected) {
        ev.to(R::Lymphoma, other(Pathway::Haematological), now, lymphoma_statement());
    }

    entry(case, site, now, ev);
    // A histology may come with the referral (a biopsy answer). Where the entry
    // already sends the patient elsewhere and nothing shows the pathway started,
    // its rules decide at entry too; otherwise it is this pathway's work-up.
    let entered = e.referral_received.is_some() || e.first_attendance.is_some();
    let away = ev.fired.iter().any(|f| f.rule != R::Ended && matches!(f.outcome, Outcome::To(_)));
    let hist = if !entered && away { Stage::Entry } else { Stage::Histology };

    // §3.1.2: raised or rising AFP and a solitary liver process, wherever the
    // liver finding arose. While it can still become true (neither answer
    // "no", one open) the destination waits for it: provisional. A work-up
    // rule: for a patient the entry sends elsewhere before this pathway has
    // started, it neither holds nor waits (its questions are not asked then).
    // The work-up begins at the first attendance (§2.8: "den første dag i udredningsperioden").
    let workup = e.first_attendance.is_some() || !away;
    ev.workup_by_entry = e.first_attendance.is_none()
        && !away
        && liver_involved(a) != Some(false)
        && a.liver.solitary != Some(false)
        && !matches!(a.liver.afp, Some(AfpLevel::Normal | AfpLevel::NotMeasured));
    if workup && primary_liver_cancer_open(a) {
        if a.liver.solitary.is_none() {
            ev.wait(R::PrimaryLiverCancer, QuestionId::LiverSolitary);
        }
        if a.liver.afp.is_none() {
            ev.wait(R::PrimaryLiverCancer, QuestionId::LiverAfp);
        }
    }
    // A solitary process with a raised or rising AFP recorded: whether the
    // liver is involved is then the one answer §3.1.2 waits for.
    let points_to_liver = a.liver.solitary == Some(true) && a.liver.afp.is_some_and(AfpLevel::raised_or_rising);
    if workup && liver_involved(a).is_none() && points_to_liver {
        ev.wait(R::PrimaryLiverCancer, QuestionId::LiverInvolved);
    }
    if workup && liver_involved(a) == Some(true) {
        if let (Some(true), Some(true)) = (a.liver.solitary, a.liver.afp.map(AfpLevel::raised_or_rising)) {
            ev.to(
                R::PrimaryLiverCancer,
                other(Pathway::PrimaryLiver),
                reached.max(Stage::PrimaryWorkup),
                Statement::new(
                    "§3.1.2",
                    "Forhøjet eller stigende α-føtoprotein og en solitær proces i leveren: begrundet mistanke om primær leverkræft. Patienten henvises til start på pakkeforløb for primær leverkræft.",
                    "Raised or rising AFP and a solitary liver process: refer to the primary liver cancer pathway.",
                ),
            );
        }
    }

    if let Some(h) = a.histology {
        histology(case, h, site, hist, ev);
    }
    // §3.1.8 criterion 3 reads a raised AFP from the liver work-up only once
    // the liver is known to be involved (`criteria::afp_measured`). While that
    // answer is open and could decide §3.1.8, the destination waits for it;
    // where the liver is not asked about (the entry sends the patient
    // elsewhere before this pathway started), it neither holds nor waits.
    if (entered || !away) && a.histology == Some(Histology::PoorlyDifferentiatedCarcinoma) && a.sex == Some(Sex::Male) {
        let c = TesticularCriteria::assess(a);
        if c.verdict != CriteriaVerdict::Refer && liver_involved(a).is_none() {
            let mut involved = a.clone();
            involved.liver.involved = Some(true);
            if TesticularCriteria::assess(&involved).verdict != c.verdict {
                ev.wait(R::PoorlyDifferentiatedMan, QuestionId::LiverInvolved);
            }
        }
    }

    // §4.1: a primary found during the secondary work-up is the normal course onward.
    let in_secondary = e.referred_to_secondary.is_some() || a.primary_found == Some(false);
    if in_secondary && a.primary_found_in_secondary == Some(true) {
        ev.to(
            R::PrimaryIdentifiedAtOncology,
            other(Pathway::OrganSpecific(case.organ_specific_suspicion().unwrap_or("").to_string())),
            Stage::Secondary,
            Statement::new(
                "§4.1",
                "Den videre udredning har identificeret en primær tumor: patienten henvises umiddelbart til det relevante organspecifikke pakkeforløb.",
                "The further work-up identified a primary tumour: refer at once to the relevant organ-specific pathway.",
            ),
        );
    }

    // §3.3 with §7.3: the decision at the end of the primary work-up. An
    // entry route to another pathway (§2.2.1, §2.2.3) names a suspicion that
    // stands until the clinician rebuts it from the work-up's results: once
    // the patient has attended, it waits for that answer (provisional), and
    // only a recorded "no" outranks it. An attendance alone decides nothing.
    let entry_route = ev.fired.iter().find(|f| ENTRY_ROUTES.contains(&f.rule)).map(|f| f.rule);
    let attended = e.first_attendance.is_some();
    if let (Some(rule), true, None) = (entry_route, attended, a.primary_found) {
        ev.wait(rule, QuestionId::PrimaryFound);
        ev.wait(R::EntrySuspicionRebutted, QuestionId::PrimaryFound);
    }
    match a.primary_found {
        Some(false) if attended && entry_route.is_some() => {
            ev.to(R::EntrySuspicionRebutted, Destination::Oncology, Stage::Secondary, rebuttal_reason(entry_route))
        }
        Some(true) => ev.to(
            R::PrimaryIdentified,
            other(Pathway::OrganSpecific(case.organ_specific_suspicion().unwrap_or("").to_string())),
            Stage::Histology,
            Statement::new(
                "§1.2",
                "Hvis en primær tumor identificeres, skal patienten henvises til start på det relevante organspecifikke pakkeforløb.",
                "A primary tumour is identified: refer to the relevant organ-specific pathway.",
            ),
        ),
        Some(false) => ev.to(R::NoPrimaryIdentified, Destination::Oncology, Stage::Secondary, oncology_reason()),
        None if e.referred_to_secondary.is_some() => {
            ev.to(R::NoPrimaryIdentified, Destination::Oncology, Stage::Secondary, oncology_reason())
        }
        None => {}
    }
}

/// The entry routes to another pathway that name a suspicion for the
/// work-up to confirm or rebut (§2.2.1 neck and a woman's axilla, §2.2.3).
pub const ENTRY_ROUTES: [RuleId; 3] = [RuleId::NodeNeck, RuleId::NodeAxillaWoman, RuleId::Lung];

/// The organ an entry route names, as the §3.3 decision asks about it.
pub fn entry_suspicion(rule: RuleId) -> Option<(&'static str, &'static str, &'static str)> {
    match rule {
        RuleId::NodeNeck => Some(("§2.2.1", "hoved-halskræft", "head and neck cancer")),
        RuleId::NodeAxillaWoman => Some(("§2.2.1", "brystkræft", "breast cancer")),
        RuleId::Lung => Some(("§2.2.3", "lungekræft", "lung cancer")),
        _ => None,
    }
}

fn rebuttal_reason(rule: Option<RuleId>) -> Statement {
    let (sec, da, en) = rule.and_then(entry_suspicion).unwrap_or(("§2.2", "", ""));
    Statement::new(
        "§7.3",
        format!("Klinikeren har ved den primære udredning hverken fundet begrundet mistanke om en organspecifik kræfttype eller verificeret organspecifik kræfttype; indgangens mistanke om {da} ({sec}) er ikke opretholdt. Beslutning om at henvise patienten umiddelbart til onkologisk afdeling under henvisningsdiagnosen »ukendt primær tumor« (§3.3)."),
        format!("The clinician found in the primary work-up neither a reasonable suspicion of an organ-specific cancer nor a verified organ-specific cancer; the entry's suspicion of {en} ({sec}) is not upheld. Decision to refer the patient at once to the oncology department under the referral diagnosis »ukendt primær tumor« (unknown primary tumour) (§3.3)."),
    )
}

pub fn lymphoma_statement() -> Statement {
    Statement::new(
        "§2.2.1",
        "Ved klinisk eller billeddiagnostisk begrundet mistanke om lymfom henvises patienten altid til start på pakkeforløb for hæmatologiske sygdomme.",
        "With a clinical or imaging-based reasonable suspicion (»begrundet mistanke«) of lymphoma, the patient is always referred to start on the pathway for haematological diseases.",
    )
}

fn oncology_reason() -> Statement {
    Statement::new(
        "§3.3",
        "Primær tumor er ikke identificeret efter udredningsprogrammet: beslutning om at henvise patienten umiddelbart til onkologisk afdeling under henvisningsdiagnosen »ukendt primær tumor« til evt. yderligere udredning og behandling.",
        "No primary tumour identified after the work-up programme: refer at once to the oncology department under the referral diagnosis »ukendt primær tumor« (unknown primary tumour), for any further work-up and treatment.",
    )
}

fn stay(ev: &mut Eval, rule: RuleId, department: Department, why: Statement) {
    ev.fire(rule, Outcome::Stay(department), Stage::Entry, why);
}

fn entry(case: &Case, site: FindingSite, now: Stage, ev: &mut Eval) {
    let a = &case.answers;
    use RuleId as R;
    match site {
        FindingSite::UnspecificSymptoms => {}
        FindingSite::LymphNodeNeck => ev.to(
            R::NodeNeck,
            other(Pathway::HeadAndNeck),
            now,
            Statement::new(
                "§2.2.1",
                "Lymfeknude på hals: mistanke om hoved/hals kræft. Patienten henvises til filterfunktion i form af vurdering hos praktiserende speciallæge mhp. evt. start på pakkeforløb for hoved- og halskræft.",
                "Neck node: suspicion of head and neck cancer. Refer to the filter function (assessment by a practising specialist) with a view to a possible start on the head and neck cancer pathway.",
            ),
        ),
        FindingSite::LymphNodeAxilla => match a.sex {
            Some(Sex::Female) => ev.to(
                R::NodeAxillaWoman,
                other(Pathway::Breast),
                now,
                Statement::new(
                    "§2.2.1",
                    "Lymfeknude i armhule hos kvinde: begrundet mistanke om brystkræft. Patienten henvises til start på pakkeforløb for brystkræft.",
                    "Axillary node in a woman: there is a reasonable suspicion (»begrundet mistanke«) of breast cancer. The patient is referred to start on the breast cancer pathway.",
                ),
            ),
            Some(Sex::Male) => ev.fire(
                R::NodeAxillaMan,
                Outcome::Silent,
                now,
                Statement::new(
                    "§2.2.1",
                    "Teksten nævner kun lymfeknude i armhule hos kvinde; for en mand angiver den ingen modtagende afdeling. Klinisk vurdering.",
                    "The text names an axillary node in a woman only; for a man it is silent. Clinical judgement.",
                ),
            ),
            None => ev.wait(R::NodeAxillaWoman, QuestionId::Sex),
        },
        FindingSite::LymphNodeRetroperitoneal | FindingSite::LymphNodeGroin => stay(
            ev,
            R::NodeRetroperitonealOrGroin,
            Department::Medical,
            Statement::new(
                "§2.2.1",
                "Lymfeknude retroperitonealt eller i lysken: patienten henvises til medicinsk afdeling til start på dette pakkeforløb.",
                "Retroperitoneal or groin node: this pathway at a medical department.",
            ),
        ),
        FindingSite::LymphNodeOther => ev.fire(
            R::NodeOther,
            Outcome::Silent,
            now,
            Statement::new(
                "§2.2.1",
                "Teksten angiver henvisning for lymfeknuder på hals, i armhule (kvinde), retroperitonealt og i lysken; for andre lokalisationer er den tavs. Klinisk vurdering.",
                "The text covers neck, axillary (women), retroperitoneal and groin nodes only. Clinical judgement.",
            ),
        ),
        FindingSite::Liver => {
            if ev.yes(R::LiverColorectal, a.colorectal_suspected, QuestionId::ColorectalSuspected) {
                ev.to(
                    R::LiverColorectal,
                    other(Pathway::ColorectalThenLiverMetastases),
                    now,
                    Statement::new(
                        "§2.2.2",
                        "Mulige levermetastaser med samtidig mistanke/begrundet mistanke om kræft i tyk- og endetarm: pakkeforløb for kræft i tyk- og endetarm og senere pakkeforløb for tarmkræftmetastaser i leveren.",
                        "Possible liver metastases with a simultaneous suspicion or reasonable suspicion (»mistanke/begrundet mistanke«) of colorectal cancer: the colorectal cancer pathway, and later the pathway for colorectal liver metastases.",
                    ),
                );
            }
            stay(
                ev,
                R::Liver,
                Department::Medical,
                Statement::new(
                    "§2.2.2",
                    "Metastase i leveren: patienten henvises til medicinsk afdeling til start på dette pakkeforløb.",
                    "Liver: this pathway at a medical department.",
                ),
            );
        }
        FindingSite::Lung => ev.to(
            R::Lung,
            other(Pathway::Lung),
            now,
            Statement::new(
                "§2.2.3",
                "Metastase i lungen: begrundet mistanke om lungekræft. Patienten henvises til start på pakkeforløb for lungekræft.",
                "Metastasis in the lung: there is a reasonable suspicion (»begrundet mistanke«) of lung cancer. The patient is referred to start on the lung cancer pathway.",
            ),
        ),
        FindingSite::Bone => {
            let department =
                if a.bone_local_agreement == Some(true) { Department::LocallyAgreed } else { Department::Medical };
            stay(
                ev,
                R::Bone,
                department,
                Statement::new(
                    "§2.2.4",
                    "Metastase i knogler: patienten henvises til medicinsk afdeling til start på dette pakkeforløb, med mindre andet er aftalt lokalt.",
                    "Bone: this pathway at a medical department, unless agreed otherwise locally.",
                ),
            );
        }
        FindingSite::Brain => match a.in_neurology_department {
            Some(true) => stay(
                ev,
                R::Brain,
                Department::Neurological,
                Statement::new(
                    "§2.2.5",
                    "Patienten er under udredning på neurologisk afdeling og fortsætter udredning der i henhold til dette pakkeforløb.",
                    "Already in a neurological department: continues the work-up there under this pathway.",
                ),
            ),
            Some(false) => stay(
                ev,
                R::Brain,
                Department::Medical,
                Statement::new(
                    "§2.2.5",
                    "Patienter, der ikke er i kontakt med en neurologisk afdeling, henvises til medicinsk afdeling med henblik på udredning.",
                    "Not in contact with a neurological department: refer to a medical department.",
                ),
            ),
            None => ev.wait(R::Brain, QuestionId::InNeurologyDepartment),
        },
        FindingSite::CancerCellsSpinalFluid => stay(
            ev,
            R::CancerCellsSpinalFluid,
            Department::Neurological,
            Statement::new(
                "§2.2.6",
                "Ved fund af kræftceller i spinalvæske: patienten henvises til udredning på neurologisk afdeling.",
                "Cancer cells in spinal fluid: work-up at a neurological department.",
            ),
        ),
        FindingSite::CancerCellsPleuraOrPeritoneum => stay(
            ev,
            R::CancerCellsPleuraOrPeritoneum,
            Department::Medical,
            Statement::new(
                "§2.2.6",
                "Ved fund af kræftceller i lungehinde eller bughule: patienten henvises til udredning på medicinsk afdeling.",
                "Cancer cells in pleura or peritoneum: work-up at a medical department.",
            ),
        ),
        FindingSite::Other => ev.fire(
            R::OtherSite,
            Outcome::Silent,
            now,
            Statement::new(
                "§2.2",
                "Afsnit 2.2 angiver ikke en modtagende afdeling for denne lokalisation. Målgruppen er beskrevet i §1.2 (første fund er en metastase, primær tumor ikke klinisk oplagt). Klinisk vurdering.",
                "§2.2 names no receiving department for this site; §1.2 describes the target group. Clinical judgement.",
            ),
        ),
    }
}

/// §3.1.9 and §3.1.10 overlap: the histology choice says so.
pub fn small_cell_neuroendocrine_overlap() -> Statement {
    Statement::new(
        "§3.1.9",
        "Småcellet karcinom er også et neuroendokrint karcinom. Teksten behandler småcellet, anaplastisk karcinom (§3.1.9: onkologisk afdeling) og neuroendokrine tumorer (§3.1.10: afdeling efter specialeplanlægningen) i hvert sit afsnit og siger ikke, hvilket der gælder, hvor begge kan læses. Klinisk vurdering; overlappet er værktøjets læsning.",
        "Small-cell carcinoma is also a neuroendocrine carcinoma. The text treats small-cell anaplastic carcinoma (§3.1.9: oncology) and neuroendocrine tumours (§3.1.10: the department under the specialty plan) in separate sections and does not say which applies where both can be read. Clinical judgement; the overlap is the tool's reading.",
    )
}

fn histology(case: &Case, h: Histology, site: FindingSite, at: Stage, ev: &mut Eval) {
    let a = &case.answers;
    use RuleId as R;
    if matches!(h, Histology::SmallCellAnaplasticCarcinoma | Histology::NeuroendocrineTumour) {
        ev.notes.push(small_cell_neuroendocrine_overlap());
    }
    match h {
        Histology::Adenocarcinoma => match a.sex {
            Some(Sex::Female) => {
                if site == FindingSite::LymphNodeAxilla {
                    ev.to(
                        R::AxillaryAdenocarcinomaWoman,
                        other(Pathway::Breast),
                        at,
                        Statement::new(
                            "§3.1.6",
                            "Kvinder med adenokarcinom i aksillære glandler skal behandles som patienter med brystkræft og henvises til pakkeforløb for brystkræft.",
                            "Women with axillary adenocarcinoma: the breast cancer pathway.",
                        ),
                    );
                }
                if ev.yes(
                    R::SerousCarcinomatosisWoman,
                    a.serous_peritoneal_carcinomatosis,
                    QuestionId::SerousPeritonealCarcinomatosis,
                ) {
                    ev.to(
                        R::SerousCarcinomatosisWoman,
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
            None => ev.wait(R::SerousCarcinomatosisWoman, QuestionId::Sex),
        },
        Histology::SquamousCellCarcinoma => {
            if site == FindingSite::LymphNodeAxilla && a.sex == Some(Sex::Female) {
                // A disputed reading, shown as one: §2.2.1 depends on the site
                // alone, so its breast route stands until rebutted (§7.3).
                ev.notes.push(Statement::new(
                    "§3.1.6",
                    "Planocellulært karcinom i armhulen hos en kvinde: §2.2.1's henvisning til pakkeforløb for brystkræft afhænger alene af fundstedet og står derfor; §3.1.6 taler kun om adenokarcinom i aksillære glandler. Efter udredning her er brystkræft en navngiven mistanke, som afkræftes eller bekræftes ved beslutningen (§3.3, §7.3). Værktøjets læsning.",
                    "Squamous cell carcinoma in a woman's axilla: §2.2.1's referral to the breast cancer pathway depends on the site alone and so stands; §3.1.6 speaks only of adenocarcinoma in axillary nodes. After a work-up here, breast cancer is a named suspicion to confirm or rebut at the decision (§3.3, §7.3). The tool's reading.",
                ));
            }
            if site != FindingSite::LymphNodeGroin {
                ev.notes.push(Statement::new(
                    "§3.1.7",
                    "Afsnittet om planocellulært karcinom nævner kun metastaser i lysken; om undersøgelserne gælder planocellulære metastaser andre steder, siger teksten ikke udtrykkeligt. Klinisk vurdering.",
                    "The section on squamous cell carcinoma names groin metastases only; whether its examinations apply to squamous metastases elsewhere, the text does not say. Clinical judgement.",
                ));
            }
        }
        Histology::PoorlyDifferentiatedCarcinoma => match a.sex {
            Some(Sex::Male) => {
                let c = TesticularCriteria::assess(a);
                match c.verdict {
                    CriteriaVerdict::Refer => ev.to(R::PoorlyDifferentiatedMan, other(Pathway::Testicular), at, testicular_statement(&c)),
                    CriteriaVerdict::Pending => {
                        if c.man_under_55.is_none() {
                            ev.wait(R::PoorlyDifferentiatedMan, QuestionId::Age);
                        }
                        if c.midline_tumour.is_none() {
                            ev.wait(R::PoorlyDifferentiatedMan, QuestionId::MidlineTumour);
                        }
                        if c.hcg_or_afp_raised.is_none() {
                            ev.wait(R::PoorlyDifferentiatedMan, QuestionId::HcgOrAfpRaised);
                        }
                    }
                    CriteriaVerdict::DoNotRefer => {}
                }
            }
            Some(Sex::Female) => ev.notes.push(Statement::new(
                "§3.1.8",
                "§3.1.8 omhandler lavt differentieret karcinom hos mænd; for kvinder har teksten intet særskilt program. Klinisk vurdering.",
                "§3.1.8 covers poorly differentiated carcinoma in men; for women the text gives no specific programme. Clinical judgement.",
            )),
            None => ev.wait(R::PoorlyDifferentiatedMan, QuestionId::Sex),
        },
        Histology::SmallCellAnaplasticCarcinoma => {
            let cervical = match a.sex {
                Some(Sex::Male) => Some(false),
                Some(Sex::Female) => {
                    if a.cervical_cancer_suspected.is_none() {
                        // Either answer decides: cervical cancer (yes) or oncology (no).
                        ev.wait(R::SmallCellCervicalSuspicion, QuestionId::CervicalCancerSuspected);
                        ev.wait(R::SmallCellUnknownOrigin, QuestionId::CervicalCancerSuspected);
                    }
                    a.cervical_cancer_suspected
                }
                None => {
                    ev.wait(R::SmallCellUnknownOrigin, QuestionId::Sex);
                    // A woman with a suspected cervical cancer is not "of unknown origin".
                    if a.cervical_cancer_suspected != Some(false) {
                        ev.wait(R::SmallCellCervicalSuspicion, QuestionId::Sex);
                    }
                    None
                }
            };
            // "af ukendt oprindelse": once the patient has attended, the §3.3
            // decision could still name a primary tumour (§1.2) and move it.
            if cervical == Some(false) && a.primary_found.is_none() && case.events.first_attendance.is_some() {
                ev.wait(R::PrimaryIdentified, QuestionId::PrimaryFound);
            }
            match cervical {
                Some(false) => ev.to(
                    R::SmallCellUnknownOrigin,
                    Destination::Oncology,
                    at,
                    Statement::new(
                        "§3.1.9",
                        "Småcellet, anaplastisk karcinom af ukendt oprindelse (hos kvinder: ingen mistanke om livmoderhalskræft) henvises til onkologisk afdeling.",
                        "Small-cell anaplastic carcinoma of unknown origin (in women: no suspicion of cervical cancer) is referred to the oncology department.",
                    ),
                ),
                Some(true) => ev.to(
                    R::SmallCellCervicalSuspicion,
                    other(Pathway::OrganSpecific("livmoderhalskræft".into())),
                    at,
                    Statement::new(
                        "§3.1.9",
                        "Hos kvinder med mistanke om livmoderhalskræft er det småcellede karcinom ikke »af ukendt oprindelse« (§3.1.9); ved mistanke om en organspecifik kræfttype henvises patienten til det relevante pakkeforløb (§1.2).",
                        "A woman with suspected cervical cancer: not of unknown origin; refer to the relevant organ-specific pathway.",
                    ),
                ),
                None => {}
            }
        }
        Histology::NeuroendocrineTumour => ev.to(
            R::Neuroendocrine,
            Destination::SpecialtyPlanDepartment,
            at,
            Statement::new(
                "§3.1.10",
                "Neuroendokrine tumorer: patienten henvises til en afdeling, der i henhold til specialeplanlægningen er ansvarlig for udredning af disse patienter.",
                "Neuroendocrine tumours: the department responsible under the specialty plan.",
            ),
        ),
        Histology::Other => ev.notes.push(Statement::new(
            "§3.1.5",
            "For denne histologi har teksten intet særskilt undersøgelsesprogram (§3.1.6–§3.1.10). Kan en primær tumor ikke lokaliseres, henvises patienten umiddelbart til onkologisk afdeling under henvisningsdiagnosen »ukendt primær tumor« (§3.1.5).",
            "The text has no specific programme for this histology (§3.1.6–§3.1.10). If no primary tumour can be located, refer at once to the oncology department under the referral diagnosis »ukendt primær tumor« (unknown primary tumour) (§3.1.5).",
        )),
    }
}

pub fn testicular_statement(c: &TesticularCriteria) -> Statement {
    Statement::new(
        "§3.1.8",
        format!(
            "Lavt differentieret karcinom hos mand: {} af 3 karakteristika er til stede (blot 2 kræves). Henvises til pakkeforløb for testikelkræft.",
            c.held()
        ),
        format!(
            "Poorly differentiated carcinoma in a man: {} of 3 characteristics are present (2 suffice). Refer to the testicular cancer pathway.",
            c.held()
        ),
    )
}
