//! §3.2–§3.4 and kapitel 4: the outcome of the primary work-up.
use crate::common::*;

fn worked_up() -> Case {
    case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeGroin);
        a.sex = Some(Sex::Female);
        a.histology = Some(Histology::Adenocarcinoma);
        a.serous_peritoneal_carcinomatosis = Some(false);
        a.gi_bleeding_or_symptoms = Some(false);
    })
}

#[test]
fn s3_3_no_primary_found_goes_to_oncology_as_ukendt_primaer_tumor() {
    let mut c = worked_up();
    assert_eq!(dest(&c), this(Department::Medical));
    c.answers.primary_found = Some(false);
    assert_eq!(dest(&c), Destination::Oncology);
    assert!(Destination::Oncology.headline().da.contains("ukendt primær tumor"));
    assert_eq!(reason_sections(&c).last(), Some(&"§3.3"));
}

#[test]
fn s3_3_a_registered_referral_to_secondary_work_up_means_oncology() {
    let mut c = worked_up();
    c.events.referral_received = Some(d("2026-11-01"));
    c.events.first_attendance = Some(d("2026-11-05"));
    c.events.referred_to_secondary = Some(d("2026-11-15"));
    assert_eq!(dest(&c), Destination::Oncology);
}

#[test]
fn s3_2_to_3_4_communication_decision_and_responsibility_after_histology() {
    let ids = items(&worked_up());
    for id in ["s3_2_inform_result", "s3_3_decide_oncology", "s3_4_responsible"] {
        assert!(ids.contains(&id), "{id}");
    }
}

#[test]
fn s4_oncology_items_show_only_when_the_patient_goes_to_oncology() {
    let mut c = worked_up();
    assert!(!items(&c).iter().any(|i| i.starts_with("s4_")));
    c.answers.primary_found = Some(false);
    let ids = items(&c);
    for id in ["s4_1_individual_course", "s4_1_primary_found_refer", "s4_4_inform", "s4_5_decision", "s4_6_responsible"]
    {
        assert!(ids.contains(&id), "{id}");
    }
}

#[test]
fn s4_5_surgery_moves_responsibility_to_the_surgical_department() {
    let item = pathway::checklist::item_by_id("s4_5_decision").unwrap();
    assert!(item.text.da.contains("kirurgiske afdeling"));
}

#[test]
fn s7_5_suspicion_disproved_ends_the_pathway() {
    let mut c = worked_up();
    c.events.ended = Some(Ending { date: d("2026-11-20"), reason: EndReason::SuspicionDisproved });
    assert_eq!(dest(&c), Destination::Ended { reason: EndReason::SuspicionDisproved });
}

#[test]
fn s7_5_patients_wish_ends_the_pathway_at_any_time() {
    let mut c = case(|a| a.finding_site = Some(FindingSite::Liver));
    c.events.ended = Some(Ending { date: d("2026-11-20"), reason: EndReason::PatientWish });
    assert_eq!(dest(&c), Destination::Ended { reason: EndReason::PatientWish });
    assert!(dest(&c).headline().da.contains("patientens ønske"));
}

#[test]
fn s1_2_organ_specific_suspicion_outranks_no_primary_found() {
    let mut c = worked_up();
    c.answers.primary_found = Some(false);
    c.answers.organ_specific_suspected = Some(true);
    c.answers.organ_specific_suspicion = Some("kræft i æggestok".into());
    assert_eq!(dest(&c), other(Pathway::OrganSpecific("kræft i æggestok".into())));
}

#[test]
fn kap_5_overview_has_every_phase_of_the_table() {
    use pathway::overview::OVERVIEW;
    let phases: Vec<_> = OVERVIEW.iter().map(|r| r.phase_da).collect();
    for p in ["Indgang til pakkeforløb", "Udredning", "Sekundær udredning", "Initial behandling", "Efterforløbet"] {
        assert!(phases.contains(&p), "{p}");
    }
    assert!(OVERVIEW.iter().all(|r| r.section.as_str() == "kap. 5"));
}

#[test]
fn a_case_evaluated_under_another_model_version_says_so() {
    let mut c = worked_up();
    assert_eq!(plan(&c).evaluated_under_other_version, None);
    c.stamp();
    assert_eq!(plan(&c).evaluated_under_other_version, None);
    c.evaluated_under.as_mut().unwrap().model_version = MODEL_VERSION + 1;
    assert_eq!(plan(&c).evaluated_under_other_version.unwrap().model_version, MODEL_VERSION + 1);
}

#[test]
fn unknown_ticks_and_implausible_ages_are_reported_and_kept() {
    let mut c = worked_up();
    c.answers.age_years = Some(121);
    c.ticks.insert("s9_9_retired_item".into());
    c.ticks.insert("s3_1_history".into());
    let p = plan(&c);
    assert!(p.problems.iter().any(|s| s.text.da.contains("121")));
    assert!(p.problems.iter().any(|s| s.text.da.contains("s9_9_retired_item")));
    assert!(p.checklist.iter().any(|i| i.item.id == "s3_1_history" && i.done));
    c.answers.age_years = Some(120);
    assert!(!plan(&c).problems.iter().any(|s| s.text.da.contains("120")));
}
