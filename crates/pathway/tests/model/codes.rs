//! §2.7, §3.5, §4.7 and kapitel 7: registration codes.
use crate::common::*;

fn status(c: &Case, code: Code) -> CodeStatus {
    plan(c).codes.into_iter().find(|e| e.info.code == code).unwrap().status
}

#[test]
fn kap_7_six_codes_in_order_with_their_titles() {
    let ids: Vec<_> = CODES.iter().map(|c| c.id).collect();
    assert_eq!(ids, ["AFD01A", "AFD01B", "AFD01C", "AFD01D", "AFD01X1", "AFD01X2"]);
    assert_eq!(
        Code::Afd01C.info().title_da,
        "Metastaser uden organspecifik kræfttype: henvisning til sekundær udredning"
    );
    let json = serde_json::to_string(&Code::Afd01X1).unwrap();
    assert_eq!(json, "\"AFD01X1\"");
    // `Code::info` indexes CODES by the enum's order.
    for code in [Code::Afd01A, Code::Afd01B, Code::Afd01C, Code::Afd01D, Code::Afd01X1, Code::Afd01X2] {
        assert_eq!(code.info().code, code);
    }
}

#[test]
fn s3_5_x1_and_x2_are_usable_at_any_time() {
    let any: Vec<_> = CODES.iter().filter(|c| c.any_time).map(|c| c.code).collect();
    assert_eq!(any, [Code::Afd01X1, Code::Afd01X2]);
    let c = in_pathway();
    assert_eq!(status(&c, Code::Afd01X1), CodeStatus::AvailableAnyTime);
    assert_eq!(status(&c, Code::Afd01X2), CodeStatus::AvailableAnyTime);
}

#[test]
fn s2_7_afd01a_is_next_and_carries_the_date_the_referral_is_received() {
    let mut c = in_pathway();
    assert_eq!(status(&c, Code::Afd01A), CodeStatus::Next);
    assert_eq!(status(&c, Code::Afd01B), CodeStatus::Later);
    c.events.referral_received = Some(d("2026-11-02"));
    assert_eq!(status(&c, Code::Afd01A), CodeStatus::Registered { date: d("2026-11-02") });
    assert_eq!(status(&c, Code::Afd01B), CodeStatus::Next);
}

#[test]
fn s3_5_afd01b_carries_the_first_attendance() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.first_attendance = Some(d("2026-11-06"));
    assert_eq!(status(&c, Code::Afd01B), CodeStatus::Registered { date: d("2026-11-06") });
    assert_eq!(status(&c, Code::Afd01C), CodeStatus::Later);
}

#[test]
fn s3_5_afd01c_is_next_when_no_primary_is_found_then_afd01d() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.first_attendance = Some(d("2026-11-06"));
    c.answers.primary_found = Some(false);
    assert_eq!(status(&c, Code::Afd01C), CodeStatus::Next);
    c.events.referred_to_secondary = Some(d("2026-11-18"));
    assert_eq!(status(&c, Code::Afd01C), CodeStatus::Registered { date: d("2026-11-18") });
    assert_eq!(status(&c, Code::Afd01D), CodeStatus::Next);
    c.events.secondary_first_attendance = Some(d("2026-11-23"));
    assert_eq!(status(&c, Code::Afd01D), CodeStatus::Registered { date: d("2026-11-23") });
}

#[test]
fn s7_5_afd01x1_is_next_when_referred_on_to_an_organ_specific_pathway() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-02"));
    c.answers.organ_specific_suspected = Some(true);
    c.answers.organ_specific_suspicion = Some("lungekræft".into());
    assert_eq!(status(&c, Code::Afd01X1), CodeStatus::Next);
    assert_eq!(status(&c, Code::Afd01C), CodeStatus::NotApplicable);
    c.events.ended = Some(Ending { date: d("2026-11-10"), reason: EndReason::OrganSpecificReferral });
    assert_eq!(status(&c, Code::Afd01X1), CodeStatus::Registered { date: d("2026-11-10") });
    assert_eq!(status(&c, Code::Afd01X2), CodeStatus::NotApplicable);
}

#[test]
fn s7_5_afd01x2_carries_the_date_of_the_patients_wish() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.ended = Some(Ending { date: d("2026-11-04"), reason: EndReason::PatientWish });
    assert_eq!(status(&c, Code::Afd01X2), CodeStatus::Registered { date: d("2026-11-04") });
    assert_eq!(status(&c, Code::Afd01X1), CodeStatus::NotApplicable);
    assert_eq!(status(&c, Code::Afd01B), CodeStatus::NotApplicable);
}

#[test]
fn s2_3_s7_1_without_a_pathway_referral_a_patient_sent_elsewhere_at_entry_gets_none_of_its_codes() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Lung);
        a.referral_kind = Some(ReferralKind::ClinicalJudgement);
    });
    for code in [Code::Afd01A, Code::Afd01B, Code::Afd01C, Code::Afd01D, Code::Afd01X1, Code::Afd01X2] {
        assert_eq!(status(&c, code), CodeStatus::NotApplicable, "{code:?}");
    }
}

#[test]
fn s3_5_out_of_order_dates_are_reported_and_kept() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-10"));
    c.events.first_attendance = Some(d("2026-11-08"));
    c.events.secondary_first_attendance = Some(d("2026-11-20"));
    let p = plan(&c);
    assert!(p.problems.iter().any(|s| s.text.da.contains("AFD01B") && s.text.da.contains("før AFD01A")));
    assert!(p
        .problems
        .iter()
        .any(|s| s.text.da.contains("AFD01D") && s.text.da.contains("AFD01C") && s.text.da.contains("mangler")));
    // Nothing is dropped: the dates stay as entered.
    assert_eq!(status(&c, Code::Afd01B), CodeStatus::Registered { date: d("2026-11-08") });
}

#[test]
fn s3_5_dates_after_today_are_reported() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-26"));
    assert!(plan(&c).problems.iter().any(|s| s.text.da.contains("efter i dag")));
}

#[test]
fn s3_5_first_attendance_rules_travel_with_afd01b_and_afd01d() {
    let b = Code::Afd01B.info();
    assert!(b.trigger_da.contains("paraklinisk afdeling i henvisningsperioden"));
    assert!(b.notes_da.iter().any(|n| n.contains("radiologiske, fysiologiske og nuklearmedicinske")));
    assert!(b.notes_da.iter().any(|n| n.contains("direkte til paraklinisk afdeling")));
    assert!(Code::Afd01D.info().notes_da.iter().any(|n| n.contains("Paraklinisk afdeling defineres")));
    assert_eq!(Code::Afd01C.info().registered_by_da, "Henvisende afdeling");
    assert_eq!(Code::Afd01D.info().registered_by_da, "Onkologisk afdeling");
}

#[test]
fn kap_7_a_code_marked_registered_is_kept_in_the_case_and_shown() {
    let mut c = in_pathway();
    c.set_registered(Code::Afd01A, true);
    assert!(plan(&c).codes.iter().find(|e| e.info.code == Code::Afd01A).unwrap().registered);
    let json = serde_json::to_string(&c).unwrap();
    assert!(json.contains("\"registered_codes\":[\"AFD01A\"]"), "{json}");
    c.set_registered(Code::Afd01A, false);
    assert!(plan(&c).codes.iter().all(|e| !e.registered));
}
