//! The third clinical revision (issue 22, model version 5), one test or more
//! per point, named by the section it checks.
use crate::common::*;
use pathway::codes::{Code, CodeStatus, Registrar};
use pathway::criteria::TesticularCriteria;
use pathway::questions::QuestionId as Q;
use pathway::rules::RuleId;
use pathway::timeline::MilestoneStatus;
use pathway::Text;
use pathway::{evaluate_as, DepartmentRole, ReferralKind};

fn code(p: &Plan, c: Code) -> CodeStatus {
    p.codes.iter().find(|e| e.info.code == c).unwrap().status
}

fn entry(c: &Plan, q: Q) -> &pathway::AskedQuestion {
    c.questions.iter().find(|a| a.question.id == q).unwrap_or_else(|| panic!("{q:?} is not asked"))
}

/// A finding with its own entry route to another pathway, referred here and attended.
fn attended(site: FindingSite, sex: Sex) -> Case {
    let mut c = case(|a| {
        a.finding_site = Some(site);
        a.sex = Some(sex);
        a.histology = Some(Histology::SquamousCellCarcinoma);
        a.referral_kind = Some(ReferralKind::PathwayReferral);
    });
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.first_attendance = Some(d("2026-11-06"));
    c
}

// 1. An entry suspicion stands until the clinician rebuts it (§7.3, §3.3).

#[test]
fn s7_3_an_entry_route_stays_the_destination_provisional_after_the_first_attendance_until_rebutted() {
    for (site, sex, pathway, organ) in [
        (FindingSite::LymphNodeNeck, Sex::Male, Pathway::HeadAndNeck, "hoved-halskræft"),
        (FindingSite::LymphNodeAxilla, Sex::Female, Pathway::Breast, "brystkræft"),
        (FindingSite::Lung, Sex::Male, Pathway::Lung, "lungekræft"),
    ] {
        let mut c = attended(site, sex);
        let p = plan(&c);
        assert_eq!(p.route.destination, other(pathway.clone()), "{site:?}: the entry route stays");
        assert!(p.route.provisional, "{site:?}: provisional once the patient has attended");
        assert!(p.route.questions.contains(&Q::PrimaryFound));
        assert_ne!(code(&p, Code::Afd01X1), CodeStatus::Next, "no ending on a provisional destination");
        assert_ne!(code(&p, Code::Afd01C), CodeStatus::Next, "an attendance alone decides nothing");
        // The decision question names the entry route's organ as the candidate.
        let q = entry(&p, Q::PrimaryFound);
        assert!(q.open && q.decides_destination);
        assert!(
            q.notes.iter().any(|n| n.text.da.contains(organ) && n.text.da.contains("afkræftet")),
            "{site:?}: {:?}",
            q.notes
        );
        assert!(q.question.text.da.contains("begrundet mistanke om en organspecifik kræfttype eller verificeret"));

        // The clinician confirms: the entry route, decided; AFD01X1 (§7.5).
        c.answers.primary_found = Some(true);
        let p = plan(&c);
        assert_eq!(p.route.destination, other(pathway.clone()));
        assert!(!p.route.provisional);
        assert_eq!(code(&p, Code::Afd01X1), CodeStatus::Next);

        // The clinician rebuts it: oncology under »ukendt primær tumor«, AFD01C,
        // the 6-day standard; the entry route stays shown beside it.
        c.answers.primary_found = Some(false);
        let p = plan(&c);
        assert_eq!(p.route.destination, Destination::Oncology, "{site:?}");
        assert!(!p.route.provisional);
        assert!(p.route.reasons.iter().any(|r| r.section.as_str() == "§7.3" && r.text.da.contains(organ)));
        assert!(p.route.superseded.iter().any(|s| ENTRY.contains(&s.rule) && s.by == RuleId::EntrySuspicionRebutted));
        assert_eq!(code(&p, Code::Afd01C), CodeStatus::Next);
        assert_ne!(p.milestones[2].status, MilestoneStatus::NotApplicable, "the 6-day standard to oncology applies");
        assert!(p.route.headline().da.contains("ukendt primær tumor"));
    }
}

const ENTRY: [RuleId; 3] = [RuleId::NodeNeck, RuleId::NodeAxillaWoman, RuleId::Lung];

#[test]
fn s1_3_s3_1_the_necks_decision_says_this_programme_has_no_ent_examination_and_cites_dahanca() {
    let p = plan(&attended(FindingSite::LymphNodeNeck, Sex::Male));
    let notes = &entry(&p, Q::PrimaryFound).notes;
    assert!(notes
        .iter()
        .any(|n| n.section.as_str() == "§1.3" && n.text.da.contains("DAHANCA") && n.text.da.contains("øre-næse-hals")));
    let lung = plan(&attended(FindingSite::Lung, Sex::Male));
    assert!(entry(&lung, Q::PrimaryFound).notes.iter().all(|n| !n.text.da.contains("DAHANCA")));
}

#[test]
fn s7_3_no_primary_found_before_the_first_attendance_decides_nothing_beside_an_entry_route() {
    let mut c = attended(FindingSite::Lung, Sex::Male);
    c.events.first_attendance = None;
    c.answers.primary_found = Some(false);
    assert_eq!(dest(&c), other(Pathway::Lung));
}

#[test]
fn s3_1_6_new_evidence_for_the_same_site_still_applies_after_a_rebuttal() {
    let mut c = attended(FindingSite::LymphNodeAxilla, Sex::Female);
    c.answers.histology = Some(Histology::Adenocarcinoma);
    c.answers.serous_peritoneal_carcinomatosis = Some(false);
    c.answers.primary_found = Some(false);
    assert_eq!(dest(&c), other(Pathway::Breast), "§3.1.6: axillary adenocarcinoma in a woman → breast");
}

// 2. Provisional while §3.1.2 can still become true.

#[test]
fn s3_1_2_a_liver_patient_is_provisional_while_solitary_or_afp_can_still_make_it_primary_liver_cancer() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.sex = Some(Sex::Female);
    });
    c.events.referral_received = Some(d("2026-11-02"));
    let p = plan(&c);
    assert!(p.route.provisional);
    assert!(p.route.questions.contains(&Q::LiverSolitary) && p.route.questions.contains(&Q::LiverAfp));
    let waiting = p.route.waiting.iter().find(|(q, _)| *q == Q::LiverAfp).unwrap();
    assert_eq!(waiting.1, [RuleId::PrimaryLiverCancer]);
    // Several lesions make AFP irrelevant; a normal AFP makes "solitary" irrelevant.
    c.answers.liver.solitary = Some(false);
    assert!(!plan(&c).route.provisional);
    c.answers.liver.solitary = Some(true);
    assert!(plan(&c).route.provisional, "solitary, AFP open");
    c.answers.liver.afp = Some(AfpLevel::Normal);
    assert!(!plan(&c).route.provisional);
    c.answers.liver.solitary = None;
    assert!(!plan(&c).route.provisional, "a normal AFP: solitary no longer matters");
}

#[test]
fn s3_1_s3_1_2_a_dated_referral_to_oncology_without_afp_is_registered_with_a_warning_never_blocked() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.sex = Some(Sex::Male);
        a.liver.solitary = Some(true);
        a.histology = Some(Histology::Adenocarcinoma);
        a.primary_found = Some(false);
    });
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.first_attendance = Some(d("2026-11-06"));
    let p = plan(&c);
    assert_eq!(p.route.destination, Destination::Oncology);
    assert!(p.route.provisional, "AFP could still point to primary liver cancer");
    assert_ne!(code(&p, Code::Afd01C), CodeStatus::Next, "never prompted on a provisional destination");
    c.events.referred_to_secondary = Some(d("2026-11-18"));
    let p = plan(&c);
    assert_eq!(code(&p, Code::Afd01C), CodeStatus::Registered { date: d("2026-11-18") });
    assert!(p.problems.iter().any(|s| s.text.da.contains("AFD01C") && s.text.da.contains("»anbefales«")));
    assert!(p.problems_at(EventKey::ReferredToSecondary).iter().any(|s| s.text.da.contains("α-føtoprotein")));
}

// 3. One measurement, every rule that reads it.

fn young_man_poorly_differentiated(afp: Option<AfpLevel>) -> Case {
    case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.sex = Some(Sex::Male);
        a.age_years = Some(60);
        a.midline_tumour = Some(true);
        a.histology = Some(Histology::PoorlyDifferentiatedCarcinoma);
        a.liver.afp = afp;
        a.liver.solitary = Some(false);
    })
}

#[test]
fn s3_1_2_s3_1_8_a_raised_afp_counts_for_both_rules_a_rising_one_for_s3_1_2_alone() {
    let raised = young_man_poorly_differentiated(Some(AfpLevel::Raised));
    assert_eq!(TesticularCriteria::assess(&raised.answers).hcg_or_afp_raised, Some(true));
    assert_eq!(dest(&raised), other(Pathway::Testicular), "midline + raised AFP: 2 of 3");
    let rising = young_man_poorly_differentiated(Some(AfpLevel::RisingWithinReference));
    assert_eq!(TesticularCriteria::assess(&rising.answers).hcg_or_afp_raised, None, "left to the HCG answer");
    let mut solitary = rising.clone();
    solitary.answers.liver.solitary = Some(true);
    assert!(plan(&solitary).route.rules.contains(&RuleId::PrimaryLiverCancer), "§3.1.2: »forhøjet eller stigende«");
    let normal = young_man_poorly_differentiated(Some(AfpLevel::Normal));
    assert_eq!(TesticularCriteria::assess(&normal.answers).hcg_or_afp_raised, None, "open until HCG is known");
    assert!(plan(&normal).route.questions.contains(&Q::HcgOrAfpRaised));
}

#[test]
fn s3_1_8_the_same_fact_recorded_two_ways_is_a_problem() {
    let mut c = young_man_poorly_differentiated(Some(AfpLevel::Raised));
    c.answers.hcg_or_afp_raised = Some(false);
    assert!(plan(&c).problems.iter().any(|s| s.section.as_str() == "§3.1.8" && s.text.da.contains("Modstrid")));
    c.answers.liver.afp = Some(AfpLevel::Normal);
    assert!(
        plan(&c).problems.iter().all(|s| !s.text.da.contains("Modstrid")),
        "a normal AFP and no HCG/AFP raised agree"
    );
}

#[test]
fn s1_2_axillary_nodes_beside_an_adenocarcinoma_biopsied_elsewhere_are_no_automatic_breast_route() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.sex = Some(Sex::Female);
        a.histology = Some(Histology::Adenocarcinoma);
        a.serous_peritoneal_carcinomatosis = Some(false);
        a.liver.solitary = Some(false);
    });
    assert!(!plan(&c).route.rules.contains(&RuleId::AxillaryAdenocarcinomaWoman));
    assert_eq!(dest(&c), this(Department::Medical));
    let mut named = c.clone();
    named.answers.organ_specific_suspected = Some(true);
    named.answers.organ_specific_suspicion = Some("brystkræft".into());
    assert_eq!(dest(&named), other(Pathway::OrganSpecific("brystkræft".into())), "the clinician names it (§1.2)");
}

// 4. Codes from the events and the clinician's decisions.

#[test]
fn s7_1_a_referral_to_this_pathway_makes_afd01a_due_whatever_it_contains_then_afd01x1_at_visitation() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::Lung);
        a.referral_kind = Some(ReferralKind::PathwayReferral);
    });
    let p = plan(&c);
    assert_eq!(code(&p, Code::Afd01A), CodeStatus::Next, "a pathway referral received: AFD01A");
    assert_ne!(code(&p, Code::Afd01X1), CodeStatus::Next, "nothing before AFD01A");
    c.events.referral_received = Some(d("2026-11-02"));
    let p = plan(&c);
    assert_eq!(code(&p, Code::Afd01X1), CodeStatus::Next, "the visitation decision");
    assert_eq!(code(&p, Code::Afd01B), CodeStatus::NotApplicable);
}

#[test]
fn s7_1_without_a_pathway_referral_afd01a_waits_for_the_judgement_and_is_not_given_for_what_goes_elsewhere() {
    let judged = |f: &dyn Fn(&mut Answers)| {
        let mut c = case(|a| {
            a.referral_kind = Some(ReferralKind::ClinicalJudgement);
            a.sex = Some(Sex::Female);
        });
        f(&mut c.answers);
        code(&plan(&c), Code::Afd01A)
    };
    assert_eq!(judged(&|a| a.finding_site = Some(FindingSite::Bone)), CodeStatus::Next);
    assert_eq!(
        judged(&|a| {
            a.finding_site = Some(FindingSite::LymphNodeGroin);
            a.lymphoma_suspected = Some(true);
        }),
        CodeStatus::NotApplicable,
        "a well-founded lymphoma suspicion"
    );
    assert_eq!(
        judged(&|a| {
            a.finding_site = Some(FindingSite::LymphNodeNeck);
            a.histology = Some(Histology::NeuroendocrineTumour);
        }),
        CodeStatus::NotApplicable,
        "a neuroendocrine histology"
    );
    assert_eq!(
        judged(&|a| {
            a.finding_site = Some(FindingSite::LymphNodeAxilla);
            a.organ_specific_suspected = Some(true);
            a.organ_specific_suspicion = Some("kræft i bugspytkirtlen".into());
        }),
        CodeStatus::NotApplicable,
        "a conflict wholly elsewhere"
    );
    assert_eq!(
        judged(&|a| {
            a.finding_site = Some(FindingSite::Bone);
            a.known_cancer = None;
        }),
        CodeStatus::Later,
        "the entry is still open"
    );
}

#[test]
fn s7_1_the_tool_asks_which_of_the_two_happened() {
    let c = case(|a| a.finding_site = Some(FindingSite::Lung));
    let p = plan(&c);
    assert_eq!(code(&p, Code::Afd01A), CodeStatus::Later);
    assert!(entry(&p, Q::ReferralKind).open);
    // Once AFD01A has its date the question no longer holds anything.
    let mut dated = c.clone();
    dated.events.referral_received = Some(d("2026-11-02"));
    assert!(!entry(&plan(&dated), Q::ReferralKind).open);
}

#[test]
fn s7_2_afd01b_says_blood_tests_and_other_clinical_departments_are_not_a_first_attendance() {
    let b = Code::Afd01B.info();
    assert!(b
        .notes_da
        .iter()
        .any(|n| n.contains("Blodprøver og besøg på andre kliniske afdelinger") && n.contains("Værktøjets læsning")));
}

#[test]
fn s7_3_afd01c_follows_a_decided_oncology_destination_never_before_afd01b() {
    let mut c = in_pathway();
    c.answers.histology = Some(Histology::Other);
    c.answers.primary_found = Some(false);
    c.events.referral_received = Some(d("2026-11-02"));
    assert_eq!(dest(&c), Destination::Oncology);
    assert_eq!(code(&plan(&c), Code::Afd01C), CodeStatus::Later, "before the first attendance: never next");
    c.events.first_attendance = Some(d("2026-11-06"));
    assert_eq!(code(&plan(&c), Code::Afd01C), CodeStatus::Next);
    c.answers.known_cancer = None;
    assert!(plan(&c).route.provisional);
    assert_ne!(code(&plan(&c), Code::Afd01C), CodeStatus::Next, "never on a provisional destination");
}

// 5. Whose code, whose deadline.

#[test]
fn s7_4_for_a_stamafdeling_afd01d_is_oncologys_shown_as_theirs_and_never_flagged_here() {
    let mut c = in_pathway();
    c.answers.histology = Some(Histology::Other);
    c.answers.primary_found = Some(false);
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.first_attendance = Some(d("2026-11-06"));
    c.events.referred_to_secondary = Some(d("2026-11-18"));
    for code_ in [Code::Afd01A, Code::Afd01B, Code::Afd01C] {
        c.set_registered(code_, true);
    }
    let p = plan(&c);
    let d_entry = p.codes.iter().find(|e| e.info.code == Code::Afd01D).unwrap();
    assert_eq!((d_entry.status, d_entry.registrar), (CodeStatus::Next, Registrar::Oncology));
    assert!(d_entry.theirs());
    assert_eq!(p.next_code(), None, "AFD01D is not this department's next code");
    // Between AFD01C and AFD01D the ending is still this department's: §2.6, as the tool's reading.
    let x1 = p.codes.iter().find(|e| e.info.code == Code::Afd01X1).unwrap();
    assert_eq!(x1.registrar, Registrar::ThisDepartment);
    assert!(x1.registrar_reading.as_ref().is_some_and(|r| r.section.as_str() == "§2.6"));
    c.events.secondary_first_attendance = Some(d("2026-11-23"));
    let p = plan(&c);
    assert!(p.unregistered_codes().is_empty(), "oncology's AFD01D is never flagged here: {:?}", p.unregistered_codes());
    let x1 = p.codes.iter().find(|e| e.info.code == Code::Afd01X1).unwrap();
    assert_eq!(x1.registrar, Registrar::Oncology, "once oncology has taken over, the ending is theirs");
    // For the oncology department the same codes turn round.
    let onc = evaluate_as(&c, today(), DepartmentRole::Oncology);
    assert_eq!(onc.unregistered_codes(), [Code::Afd01D]);
    assert!(onc
        .codes
        .iter()
        .filter(|e| e.info.code <= Code::Afd01C)
        .all(|e| e.registrar == Registrar::ReferringDepartment));
}

#[test]
fn kap_6_redirected_before_the_first_attendance_has_no_running_first_attendance_standard() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::Lung);
        a.referral_kind = Some(ReferralKind::PathwayReferral);
    });
    c.events.referral_received = Some(d("2026-11-02"));
    let p = plan(&c);
    assert!(p.route.referred_onward());
    assert_eq!(p.milestones[0].status, MilestoneStatus::NotApplicable, "no referral → first-attendance period runs");
    // Redirected after AFD01B: that standard was met or missed; the 14 days end at the decision.
    c.events.first_attendance = Some(d("2026-11-06"));
    c.answers.primary_found = Some(true);
    c.events.ended = Some(Ending { date: d("2026-11-12"), reason: EndReason::OrganSpecificReferral });
    let p = plan(&c);
    assert_eq!(p.milestones[0].status, MilestoneStatus::Met);
    assert_eq!((p.milestones[1].status, p.milestones[1].end), (MilestoneStatus::Met, Some(d("2026-11-12"))));
}

// 6. Standing rules only where their condition holds.

#[test]
fn s3_1_2_the_mdt_rule_stands_only_without_known_extrahepatic_manifestations() {
    let mdt = |c: &Case| plan(c).standing.iter().any(|s| s.section.as_str() == "§3.1.2" && s.text.da.contains("MDT"));
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::Bone);
        a.sex = Some(Sex::Male);
        a.liver.involved = Some(true);
    });
    assert!(!mdt(&c), "a first finding outside the liver is an extrahepatic manifestation");
    assert!(entry(&plan(&c), Q::LiverExtrahepatic).notes.iter().any(|n| n.text.da.contains("uden for leveren")));
    c.answers.liver.extrahepatic = Some(false);
    assert!(mdt(&c), "recorded as not tumour: the MDT rule applies");
    let liver = case(|a| a.finding_site = Some(FindingSite::Liver));
    assert!(mdt(&liver), "a liver finding, extrahepatic status unknown");
}

#[test]
fn s3_1_2_s3_1_5_no_liver_biopsy_when_the_diagnostic_biopsy_was_taken_elsewhere() {
    let mut c = in_pathway();
    c.answers.liver.extrahepatic = Some(true);
    assert!(items(&c).contains(&"s3_1_2_liver_biopsy"));
    assert!(entry(&plan(&c), Q::LiverBiopsyElsewhere).open);
    c.answers.liver.biopsy_elsewhere = Some(true);
    let shown = items(&c);
    assert!(!shown.contains(&"s3_1_2_liver_biopsy"), "{shown:?}");
    assert!(shown.contains(&"s3_1_biopsy"));
}

// 7. "Altid" wherever the finding.

#[test]
fn s2_2_1_a_lymphoma_suspicion_with_unspecific_symptoms_goes_to_haematology_and_s2_1_does_not_apply() {
    let mut c = raw_case(|a| a.finding_site = Some(FindingSite::UnspecificSymptoms));
    let p = plan(&c);
    assert!(p.route.provisional && p.route.questions.contains(&Q::LymphomaSuspected));
    assert!(entry(&p, Q::LymphomaSuspected).question.id == Q::LymphomaSuspected);
    assert!(Q::LymphomaSuspected.hint().unwrap().da.contains("B-symptomer"), "B symptoms alone stay with §2.1");
    c.answers.lymphoma_suspected = Some(true);
    let p = plan(&c);
    assert_eq!(p.route.destination, other(Pathway::Haematological));
    let s =
        p.route.superseded.iter().find(|s| s.rule == RuleId::UnspecificSymptoms).expect("§2.1 shown as not applying");
    assert_eq!(s.by, RuleId::Lymphoma);
    assert!(s.reading.unwrap().da.contains("værktøjets læsning"));
    c.answers.lymphoma_suspected = Some(false);
    assert_eq!(dest(&c), other(Pathway::UnspecificSymptoms));
}

// 8. Order of work (the liver's CT before the MDT: crates/pathway/tests/model/order.rs).

#[test]
fn s3_1_4_an_operated_patient_keeps_the_ct_of_s3_1_but_not_the_imaging_the_operation_exempts() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Brain);
        a.sex = Some(Sex::Female);
        a.brain.clinical_operation = Some(true);
    });
    let shown = items(&c);
    assert!(shown.contains(&"s3_1_ct_thorax_upper_abdomen"), "{shown:?}");
    assert!(!shown.contains(&"s3_1_4_chest_xray") && !shown.contains(&"s3_1_4_ct_thorax_abdomen"));
}

// 9. Disputed readings as options.

#[test]
fn s2_2_1_s3_1_6_squamous_cell_carcinoma_in_a_womans_axilla_after_a_work_up_here_is_a_suspicion_to_rebut() {
    let c = attended(FindingSite::LymphNodeAxilla, Sex::Female);
    let p = plan(&c);
    assert_eq!(p.route.destination, other(Pathway::Breast));
    assert!(p.route.provisional && p.route.questions.contains(&Q::PrimaryFound));
    let shown = items(&c);
    assert!(
        shown.contains(&"s2_2_1_axilla_squamous_breast_imaging"),
        "mammography and breast ultrasound, as a reading"
    );
    assert!(shown.iter().all(|i| !i.starts_with("s3_1_7")), "no §3.1.7 groin items: {shown:?}");
}

#[test]
fn s3_1_9_oncology_without_the_referral_diagnosis_only_s3_3_adds_with_afd01c_and_the_6_day_standard() {
    let mut c = in_pathway();
    c.answers.histology = Some(Histology::SmallCellAnaplasticCarcinoma);
    c.answers.primary_found = Some(false);
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.first_attendance = Some(d("2026-11-06"));
    c.answers.primary_found = None;
    let pathway::Text { da, .. } = plan(&c).route.headline();
    assert!(!da.contains("ukendt primær tumor") && da.contains("§3.1.9"), "{da}");
    // Once §3.3 is decided it carries the referral diagnosis; §3.1.9 alone does not.
    c.answers.primary_found = Some(false);
    let p = plan(&c);
    assert_eq!(p.route.destination, Destination::Oncology);
    assert!(p.route.headline().da.contains("ukendt primær tumor"));
    let mut before = c.clone();
    before.events.first_attendance = None;
    before.answers.primary_found = None;
    let pathway::Text { da, en } = plan(&before).route.headline();
    assert!(!da.contains("ukendt primær tumor") && da.contains("§3.1.9"), "{da}");
    assert!(en.contains("§3.1.9"));
    assert_eq!(code(&p, Code::Afd01C), CodeStatus::Next);
    assert_ne!(p.milestones[2].status, MilestoneStatus::NotApplicable);
}

#[test]
fn s3_1_9_s3_1_10_the_histology_choice_flags_the_overlap_of_small_cell_and_neuroendocrine() {
    for h in [Histology::SmallCellAnaplasticCarcinoma, Histology::NeuroendocrineTumour] {
        let mut c = in_pathway();
        c.answers.histology = Some(h);
        let p = plan(&c);
        let q = entry(&p, Q::Histology);
        assert!(
            q.notes.iter().any(|n| n.text.da.contains("Småcellet karcinom er også et neuroendokrint karcinom")),
            "{h:?}"
        );
    }
    let mut c = in_pathway();
    c.answers.histology = Some(Histology::Adenocarcinoma);
    assert!(entry(&plan(&c), Q::Histology).notes.is_empty());
}

// 10. No false conflicts.

#[test]
fn s1_2_s2_2_3_lung_cancer_named_at_a_lung_finding_is_one_destination_with_both_reasons() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Lung);
        a.organ_specific_suspected = Some(true);
        a.organ_specific_suspicion = Some("Lungekræft".into());
    });
    let p = plan(&c);
    assert_eq!(p.route.destination, other(Pathway::Lung), "not a conflict");
    let mut sections = reason_sections(&c);
    sections.sort();
    assert_eq!(sections, ["§1.2", "§2.2.3"]);
    assert_eq!(Pathway::named_in("livmoderhalskræft"), None, "a cervical cancer is no head and neck cancer");
    assert!(p.route.silences.iter().any(|s| s.text.da.contains("Værktøjets læsning af navnet")));
}

#[test]
fn s1_2_s2_2_1_a_named_head_and_neck_suspicion_beside_the_neck_filter_is_the_stronger_step() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeNeck);
        a.organ_specific_suspected = Some(true);
        a.organ_specific_suspicion = Some("hoved-halskræft".into());
    });
    let p = plan(&c);
    assert_eq!(p.route.destination, other(Pathway::OrganSpecific("hoved-halskræft".into())));
    assert!(p.route.rules.contains(&RuleId::NodeNeck) && p.route.rules.contains(&RuleId::OrganSpecificSuspicion));
    assert!(p.route.options.is_empty());
}

// 11. Handed over, not lost.

#[test]
fn s2_6_s3_4_a_case_ended_by_referral_reads_awaiting_receipt_until_the_receiving_department_takes_over() {
    let mut c = attended(FindingSite::Lung, Sex::Male);
    c.answers.primary_found = Some(true);
    c.events.ended = Some(Ending { date: d("2026-11-12"), reason: EndReason::OrganSpecificReferral });
    let p = plan(&c);
    assert!(p.handover_pending);
    assert_eq!(p.phase().da, "Henvist – afventer modtagelse");
    c.events.handed_over = Some(d("2026-11-14"));
    let p = plan(&c);
    assert!(!p.handover_pending);
    assert_eq!(p.phase().da, "Afsluttet");
    // A patient's wish ends it at once; nothing to hand over.
    c.events.handed_over = None;
    c.events.ended = Some(Ending { date: d("2026-11-12"), reason: EndReason::PatientWish });
    assert_eq!(plan(&c).phase().da, "Afsluttet");
    // A take-over before the end is a date problem at its field.
    c.events.ended = Some(Ending { date: d("2026-11-12"), reason: EndReason::OrganSpecificReferral });
    c.events.handed_over = Some(d("2026-11-10"));
    assert!(!plan(&c).problems_at(EventKey::HandedOver).is_empty());
}

// 12. English says what the Danish says.

#[test]
fn english_readings_points_to_and_text_slips_exist_for_every_danish_one() {
    use pathway::rules::{english_columns_complete, RULES};
    use pathway::section::TEXT_SLIPS;
    assert!(english_columns_complete());
    for r in RULES {
        let Text { da, en } = r.id.points_to();
        assert!(!en.is_empty() && en != da, "{:?}", r.id);
        if let Some(Text { da, en }) = r.id.reading() {
            assert!(!en.is_empty() && en != da && !en.contains("værktøjets læsning"), "{:?}", r.id);
        }
    }
    assert!(TEXT_SLIPS.iter().all(|s| !s.read_as.en.is_empty() && s.read_as.en != s.read_as.da));
}

#[test]
fn english_keeps_the_texts_modality_and_its_distinctions() {
    let en = |id: &str| CHECKLIST.iter().find(|i| i.id == id).unwrap().text.en;
    assert!(en("s3_1_ct_thorax_upper_abdomen").contains("then"), "derefter");
    assert!(en("s3_1_2_weekly_mdt").contains("without extrahepatic tumour manifestations"));
    assert!(en("s3_1_3_us_or_palpation_guided").contains("very marked"));
    assert!(en("s3_1_men_psa").contains("recommended"), "anbefales, not must");
    let small_cell = {
        let mut c = in_pathway();
        c.answers.histology = Some(Histology::SmallCellAnaplasticCarcinoma);
        plan(&c).route.reasons.iter().find(|r| r.section.as_str() == "§3.1.9").unwrap().text.en.clone()
    };
    assert!(small_cell.contains("in women: no suspicion of cervical cancer"));
    let colorectal = {
        let c = case(|a| {
            a.finding_site = Some(FindingSite::Liver);
            a.colorectal_suspected = Some(true);
        });
        plan(&c).route.reasons.iter().find(|r| r.section.as_str() == "§2.2.2").unwrap().text.en.clone()
    };
    assert!(colorectal.contains("suspicion or reasonable suspicion"), "mistanke/begrundet mistanke: {colorectal}");
    let lung = plan(&case(|a| a.finding_site = Some(FindingSite::Lung))).route.reasons[0].text.en.clone();
    assert!(lung.contains("reasonable suspicion"), "begrundet mistanke: {lung}");
    let first = &plan(&in_pathway()).milestones[0];
    assert!(first.notes.iter().any(|n| n.text.en.contains("is not counted in the referral period")), "§2.8");
}

// The independent review's findings (issue 22), each under a test.

#[test]
fn s2_8_s2_2_2_a_provisional_destination_elsewhere_prompts_no_afd01b_and_runs_no_first_attendance_standard() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.colorectal_suspected = Some(true);
        a.referral_kind = Some(ReferralKind::PathwayReferral);
    });
    c.events.referral_received = Some(d("2026-11-20"));
    let p = plan(&c);
    assert_eq!(p.route.destination, other(Pathway::ColorectalThenLiverMetastases));
    assert!(!p.route.provisional, "§3.1.2 is the work-up's and waits from the first attendance on");
    assert_ne!(code(&p, Code::Afd01B), CodeStatus::Next);
    assert_eq!(p.milestones[0].status, MilestoneStatus::NotApplicable);
    let lung = {
        let mut c = case(|a| {
            a.finding_site = Some(FindingSite::Lung);
            a.lymphoma_suspected = None;
        });
        c.events.referral_received = Some(d("2026-11-20"));
        plan(&c)
    };
    assert!(lung.route.provisional, "the lymphoma answer is open");
    assert_ne!(code(&lung, Code::Afd01B), CodeStatus::Next, "every answer sends the patient elsewhere");
}

#[test]
fn s7_1_a_date_in_afd01a_does_not_start_this_pathway_for_a_patient_judged_outside_the_target_group() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeGroin);
        a.lymphoma_suspected = Some(true);
        a.referral_kind = Some(ReferralKind::ClinicalJudgement);
    });
    c.events.referral_received = Some(d("2026-11-20"));
    let p = plan(&c);
    assert_eq!(code(&p, Code::Afd01A), CodeStatus::NotApplicable);
    assert_eq!(code(&p, Code::Afd01X1), CodeStatus::NotApplicable, "no ending for a pathway never started");
    assert!(p.problems_at(EventKey::ReferralReceived).iter().any(|s| s.section.as_str() == "§7.1"));
    assert!(p.unregistered_codes().is_empty());
    // A neuroendocrine biopsy with the referral is judged outside too, whatever the site.
    let mut net = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeGroin);
        a.histology = Some(Histology::NeuroendocrineTumour);
        a.referral_kind = Some(ReferralKind::ClinicalJudgement);
    });
    assert_eq!(code(&plan(&net), Code::Afd01A), CodeStatus::NotApplicable);
    net.answers.referral_kind = Some(ReferralKind::PathwayReferral);
    assert_eq!(code(&plan(&net), Code::Afd01A), CodeStatus::Next, "a pathway referral: AFD01A whatever it contains");
}

#[test]
fn s7_3_afd01c_is_never_prompted_without_afd01a() {
    let mut c = in_pathway();
    c.answers.histology = Some(Histology::Other);
    c.answers.primary_found = Some(false);
    c.events.first_attendance = Some(d("2026-11-06"));
    assert_ne!(code(&plan(&c), Code::Afd01C), CodeStatus::Next);
}

#[test]
fn s1_2_a_membrane_is_not_the_organ_a_mesothelioma_is_no_lung_cancer() {
    assert_eq!(Pathway::named_in("lungehindekræft (mesotheliom)"), None);
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Lung);
        a.organ_specific_suspected = Some(true);
        a.organ_specific_suspicion = Some("lungehindekræft (mesotheliom)".into());
    });
    assert_eq!(dest(&c), Destination::Conflict, "two pathways, both shown");
}

#[test]
fn s3_1_9_small_cell_waits_for_the_s3_3_decision_once_the_patient_has_attended() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeGroin);
        a.sex = Some(Sex::Male);
        a.histology = Some(Histology::SmallCellAnaplasticCarcinoma);
    });
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.first_attendance = Some(d("2026-11-06"));
    let p = plan(&c);
    assert_eq!(p.route.destination, Destination::Oncology);
    assert!(p.route.provisional && p.route.questions.contains(&Q::PrimaryFound));
    assert_ne!(code(&p, Code::Afd01C), CodeStatus::Next);
    c.answers.primary_found = Some(false);
    assert_eq!(code(&plan(&c), Code::Afd01C), CodeStatus::Next);
}

#[test]
fn s2_6_another_clinical_decision_awaits_receipt_only_where_the_patient_was_sent_elsewhere() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.ended = Some(Ending { date: d("2026-11-10"), reason: EndReason::OtherClinicalDecision });
    assert!(!plan(&c).handover_pending, "no further work-up wanted: nothing to hand over");
    let mut net = c.clone();
    net.answers.histology = Some(Histology::NeuroendocrineTumour);
    let p = plan(&net);
    assert!(p.handover_pending, "sent to the specialty-plan department");
    assert!(
        p.route.headline().da.contains("specialeplanlægningen"),
        "the ended case says where: {}",
        p.route.headline().da
    );
}

#[test]
fn s3_1_afp_not_measured_is_the_clinicians_decision_said_and_never_a_gate() {
    let mut c = in_pathway();
    c.answers.liver.solitary = Some(true);
    c.answers.liver.afp = Some(AfpLevel::NotMeasured);
    c.answers.histology = Some(Histology::Other);
    c.answers.primary_found = Some(false);
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.first_attendance = Some(d("2026-11-06"));
    let p = plan(&c);
    assert!(!p.route.provisional);
    assert_eq!(code(&p, Code::Afd01C), CodeStatus::Next, "anbefales is not a gate");
    assert!(p.problems.iter().any(|s| s.section.as_str() == "§3.1" && s.text.da.contains("ikke målt")));
    assert_eq!(TesticularCriteria::assess(&c.answers).hcg_or_afp_raised, None);
}

#[test]
fn s2_2_1_s2_2_5_beside_a_contradicted_lymphoma_suspicion_the_brains_open_department_keeps_it_provisional() {
    // Found by the property: lymphoma suspected, a carcinoma histology (a
    // contradiction that suspends the lymphoma rank), a brain finding whose
    // department is still open: the answer can add this pathway as an option.
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Brain);
        a.lymphoma_suspected = Some(true);
        a.histology = Some(Histology::SquamousCellCarcinoma);
        a.in_neurology_department = None;
    });
    let p = plan(&c);
    assert!(p.route.provisional && p.route.questions.contains(&Q::InNeurologyDepartment), "{:?}", p.route.questions);
}
