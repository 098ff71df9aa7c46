//! Leaving at the right moment (§1.2, §2.2.4, §3.1.8, §3.3, §4.1, §7.5, kap. 6).
use crate::common::*;
use pathway::questions::QuestionId as Q;
use pathway::timeline::MilestoneStatus;

fn status(c: &Case, code: Code) -> CodeStatus {
    plan(c).codes.into_iter().find(|e| e.info.code == code).unwrap().status
}

#[test]
fn s1_2_a_referral_showing_an_organ_specific_suspicion_never_enters_this_pathway() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.sex = Some(Sex::Male);
        a.organ_specific_suspected = Some(true);
        a.organ_specific_suspicion = Some("kræft i bugspytkirtlen".into());
        a.referral_kind = Some(ReferralKind::ClinicalJudgement);
    });
    let p = plan(&c);
    assert!(p.route.never_enters());
    assert_eq!(status(&c, Code::Afd01A), CodeStatus::NotApplicable, "no AFD01A prompt");
    assert!(!items(&c).iter().any(|i| i.starts_with("s3_")), "no CUP work-up list");
    assert!(p.route.destination.headline().da.contains("kræft i bugspytkirtlen"), "says where to refer");
    assert_eq!(reason_sections(&c), ["§1.2"]);
}

#[test]
fn s2_2_1_lymphoma_on_the_referral_never_enters_this_pathway() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeGroin);
        a.lymphoma_suspected = Some(true);
        a.referral_kind = Some(ReferralKind::ClinicalJudgement);
    });
    assert_eq!(status(&c, Code::Afd01A), CodeStatus::NotApplicable);
    assert!(!items(&c).contains(&"s3_1_biopsy"));
}

#[test]
fn s7_5_the_same_finding_after_the_referral_was_received_is_an_onward_referral_closed_by_afd01x1() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.first_attendance = Some(d("2026-11-05"));
    c.answers.organ_specific_suspected = Some(true);
    let p = plan(&c);
    assert!(p.route.referred_onward());
    assert_eq!(status(&c, Code::Afd01A), CodeStatus::Registered { date: d("2026-11-02") });
    assert_eq!(status(&c, Code::Afd01X1), CodeStatus::Next);
    let silence = p.route.silences.iter().find(|s| s.section.as_str() == "kap. 6").expect("the reading is stated");
    assert!(silence.text.da.contains("definerer ikke") && silence.text.da.contains("AFD01X1"));
    c.events.ended = Some(Ending { date: d("2026-11-12"), reason: EndReason::OrganSpecificReferral });
    let m = &plan(&c).milestones[1];
    assert_eq!((m.status, m.end, m.days_used), (MilestoneStatus::Met, Some(d("2026-11-12")), Some(7)));
}

#[test]
fn s2_2_4_spinal_cord_compression_sends_acutely_first_and_does_not_end_the_pathway() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::Bone);
        a.sex = Some(Sex::Female);
        a.spinal_cord_compression = Some(true);
    });
    c.events.referral_received = Some(d("2026-11-20"));
    let p = plan(&c);
    // Model v3: the destination stays this pathway; the acute referral stands beside it.
    assert_eq!(p.route.destination, this(Department::Medical));
    assert!(p.urgent_pending());
    assert!(p.route.silences.iter().any(|s| s.section.as_str() == "§2.2.4" && s.text.da.contains("siger ikke")));
    for id in ["s3_1_3_bone_biopsy", "s2_2_4_fastest_biopsy", "s3_1_ct_thorax_upper_abdomen"] {
        assert!(items(&c).contains(&id), "{id} kept");
    }
    assert_eq!(status(&c, Code::Afd01B), CodeStatus::Next);
    assert_eq!(status(&c, Code::Afd01X1), CodeStatus::AvailableAnyTime);
    assert!(p.codes.iter().all(|e| e.status != CodeStatus::NotApplicable), "no 'not applicable' codes");
    assert_eq!(p.milestones[0].status, MilestoneStatus::Running);
}

#[test]
fn s3_1_10_neuroendocrine_tumour_after_afd01a_prompts_afd01x1() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.sex = Some(Sex::Female);
        a.histology = Some(Histology::NeuroendocrineTumour);
        a.liver.solitary = Some(false);
    });
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.first_attendance = Some(d("2026-11-05"));
    assert_eq!(status(&c, Code::Afd01X1), CodeStatus::Next);
    assert_eq!(status(&c, Code::Afd01C), CodeStatus::NotApplicable);
}

#[test]
fn s3_1_8_before_s3_3_no_primary_found_does_not_send_a_man_to_oncology_while_the_criteria_are_pending() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeGroin);
        a.sex = Some(Sex::Male);
        a.histology = Some(Histology::PoorlyDifferentiatedCarcinoma);
        a.age_years = Some(50);
        a.primary_found = Some(false);
    });
    // Model v3: where the answers point (oncology), provisional while §3.1.8 could still decide.
    assert_eq!(dest(&c), Destination::Oncology);
    assert!(plan(&c).route.provisional);
    assert!(plan(&c).route.questions.contains(&Q::MidlineTumour));
    c.answers.midline_tumour = Some(false);
    c.answers.hcg_or_afp_raised = Some(false);
    assert_eq!(dest(&c), Destination::Oncology);
}

#[test]
fn s3_1_5_oncology_without_any_histology_on_record_is_reported() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.first_attendance = Some(d("2026-11-05"));
    c.events.referred_to_secondary = Some(d("2026-11-18"));
    assert_eq!(dest(&c), Destination::Oncology);
    assert!(plan(&c).problems.iter().any(|p| p.section.as_str() == "§3.1.5" && p.text.da.contains("histologisk")));
    c.answers.histology = Some(Histology::Adenocarcinoma);
    assert!(!plan(&c).problems.iter().any(|p| p.section.as_str() == "§3.1.5"));
}

#[test]
fn s4_1_a_primary_found_during_secondary_work_up_is_the_normal_course_not_a_problem() {
    let mut c = in_pathway();
    c.answers.histology = Some(Histology::SquamousCellCarcinoma);
    c.answers.primary_found = Some(false);
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.first_attendance = Some(d("2026-11-05"));
    c.events.referred_to_secondary = Some(d("2026-11-16"));
    c.events.secondary_first_attendance = Some(d("2026-11-20"));
    assert!(questions(&c).contains(&Q::PrimaryFoundInSecondary));
    c.answers.primary_found_in_secondary = Some(true);
    let p = plan(&c);
    assert!(matches!(p.route.destination, Destination::OtherPathway { .. }));
    assert_eq!(reason_sections(&c), ["§4.1"]);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(status(&c, Code::Afd01X1), CodeStatus::Next);
    assert_eq!(status(&c, Code::Afd01D), CodeStatus::Registered { date: d("2026-11-20") });
}

#[test]
fn s2_2_1_s3_1_6_every_rule_that_points_the_same_way_is_cited() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeAxilla);
        a.sex = Some(Sex::Female);
        a.histology = Some(Histology::Adenocarcinoma);
        a.serous_peritoneal_carcinomatosis = Some(false);
    });
    assert_eq!(dest(&c), other(Pathway::Breast));
    assert_eq!(reason_sections(&c), ["§2.2.1", "§3.1.6"]);
}

#[test]
fn s7_5_choosing_an_end_reason_never_dates_it_by_itself_and_a_changed_reason_keeps_the_date() {
    use pathway::EndReason;
    let mut c = Case::default();
    c.events.set_end_reason(Some(EndReason::PatientWish));
    assert_eq!(c.events.ended, None, "no date given: no ending, never today's date silently (issue 26.5)");
    c.events.end(EndReason::PatientWish, d("2026-11-20"));
    assert_eq!(c.events.ended.as_ref().map(|e| (e.date, e.reason)), Some((d("2026-11-20"), EndReason::PatientWish)));
    c.events.set_end_reason(Some(EndReason::OtherClinicalDecision));
    assert_eq!(
        c.events.ended.as_ref().map(|e| (e.date, e.reason)),
        Some((d("2026-11-20"), EndReason::OtherClinicalDecision)),
        "the date given stays"
    );
    c.events.set_end_reason(None);
    assert_eq!(c.events.ended, None);
}
