//! Every answer that changes a route or an item is asked, unknown until
//! answered (§1.2, §2.2–§2.4, §3.1–§3.3); and the questions are data.
use crate::common::*;
use pathway::questions::{answer, set_answer, Answer, AnswerError, AnswerKind, QuestionId as Q};
use pathway::section::SECTIONS;
use pathway::{Choosable, Step};

fn open(c: &Case, q: Q) -> bool {
    plan(c).questions.iter().any(|a| a.question.id == q && a.open)
}

#[test]
fn s2_2_4_spinal_cord_compression_is_asked_and_unknown_holds_the_destination() {
    let c = raw_case(|a| {
        a.finding_site = Some(FindingSite::Bone);
        a.known_cancer = Some(false);
        a.organ_specific_suspected = Some(false);
        a.lymphoma_suspected = Some(false);
    });
    // Model v3: provisional, not blank: where the answers so far point, with the open question.
    assert_eq!(dest(&c), this(Department::Medical));
    assert!(plan(&c).route.provisional);
    assert_eq!(plan(&c).route.questions, [Q::SpinalCordCompression]);
    assert_eq!(Q::SpinalCordCompression.question().step, Step::Entry);
}

#[test]
fn s2_2_1_s2_4_s1_2_the_entry_red_flags_are_asked_for_every_finding() {
    let c = raw_case(|a| a.finding_site = Some(FindingSite::LymphNodeGroin));
    assert_eq!(dest(&c), this(Department::Medical));
    assert!(plan(&c).route.provisional, "no silent 'no'");
    let q = plan(&c).route.questions;
    for id in [Q::KnownCancer, Q::OrganSpecificSuspected, Q::LymphomaSuspected] {
        assert!(q.contains(&id), "{id:?} in {q:?}");
    }
}

#[test]
fn s2_2_2_colorectal_suspicion_is_asked_for_a_liver_finding() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.liver.solitary = Some(false);
        a.colorectal_suspected = None;
    });
    assert_eq!(plan(&c).route.questions, [Q::ColorectalSuspected]);
    assert!(!asked(&case(|a| a.finding_site = Some(FindingSite::Bone))).contains(&Q::ColorectalSuspected));
}

#[test]
fn s2_2_4_a_locally_agreed_department_is_asked_without_holding_the_destination() {
    let c = case(|a| a.finding_site = Some(FindingSite::Bone));
    assert_eq!(dest(&c), this(Department::Medical));
    assert!(open(&c, Q::BoneLocalAgreement));
    assert!(plan(&c).route.reasons[0].text.da.contains("med mindre andet er aftalt lokalt"));
}

#[test]
fn s3_1_3_marked_destruction_is_asked_in_the_work_up_and_selects_the_guided_biopsy_note() {
    let mut c = case(|a| a.finding_site = Some(FindingSite::Bone));
    assert!(open(&c, Q::BoneDestruction));
    assert_eq!(Q::BoneDestruction.question().step, Step::Workup);
    assert!(!items(&c).contains(&"s3_1_3_us_or_palpation_guided"), "not shown while unknown");
    c.answers.bone.destruction_or_soft_tissue = Some(true);
    assert!(items(&c).contains(&"s3_1_3_us_or_palpation_guided"));
}

#[test]
fn s3_1_6_a_woman_with_adenocarcinoma_is_asked_about_serous_peritoneal_carcinomatosis_before_she_stays() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::CancerCellsPleuraOrPeritoneum);
        a.sex = Some(Sex::Female);
        a.histology = Some(Histology::Adenocarcinoma);
    });
    assert_eq!(dest(&c), this(Department::Medical));
    assert!(plan(&c).route.provisional);
    assert_eq!(plan(&c).route.questions, [Q::SerousPeritonealCarcinomatosis]);
    c.answers.serous_peritoneal_carcinomatosis = Some(true);
    assert_eq!(dest(&c), other(Pathway::Ovarian));
    c.answers.serous_peritoneal_carcinomatosis = Some(false);
    assert_eq!(dest(&c), this(Department::Medical));
}

#[test]
fn s3_1_6_blood_in_faeces_or_gi_symptoms_is_asked_with_adenocarcinoma() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeGroin);
        a.sex = Some(Sex::Male);
        a.histology = Some(Histology::Adenocarcinoma);
    });
    assert!(open(&c, Q::GiBleedingOrSymptoms));
    assert!(!items(&c).contains(&"s3_1_6_endoscopy"));
    c.answers.gi_bleeding_or_symptoms = Some(true);
    assert!(items(&c).contains(&"s3_1_6_endoscopy"));
    c.answers.histology = Some(Histology::SquamousCellCarcinoma);
    assert!(!asked(&c).contains(&Q::GiBleedingOrSymptoms));
}

#[test]
fn s2_4_a_known_cancer_is_outside_the_target_group_and_the_text_does_not_say_where() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.known_cancer = Some(true);
        a.referral_kind = Some(ReferralKind::ClinicalJudgement);
    });
    let p = plan(&c);
    assert_eq!(p.route.destination, Destination::OutsideTargetGroup);
    assert_eq!(reason_sections(&c), ["§2.4"]);
    assert!(p.route.silences.iter().any(|s| s.section.as_str() == "§1.2"));
    assert!(!items(&c).iter().any(|i| i.starts_with("s3_")), "no work-up of this pathway");
    assert!(p.codes.iter().all(|e| e.status == CodeStatus::NotApplicable), "no code of this pathway");
}

#[test]
fn s1_2_an_organ_specific_suspicion_is_asked_with_which_cancer_as_an_optional_answer() {
    let mut c = case(|a| a.finding_site = Some(FindingSite::Liver));
    c.answers.organ_specific_suspected = None;
    assert!(plan(&c).route.questions.contains(&Q::OrganSpecificSuspected));
    assert!(!asked(&c).contains(&Q::OrganSpecificWhich));
    c.answers.organ_specific_suspected = Some(true);
    let which = plan(&c).questions.into_iter().find(|q| q.question.id == Q::OrganSpecificWhich).unwrap();
    assert!(!which.open, "optional: never holds anything up");
    set_answer(&mut c, Q::OrganSpecificWhich, Answer::Text("  brystkræft ".into())).unwrap();
    assert_eq!(dest(&c), other(Pathway::OrganSpecific("brystkræft".into())));
}

#[test]
fn s3_3_whether_a_primary_was_found_is_asked_at_the_end_of_the_primary_work_up() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeGroin);
        a.sex = Some(Sex::Male);
    });
    assert!(!asked(&c).contains(&Q::PrimaryFound), "not before histology");
    c.answers.histology = Some(Histology::SquamousCellCarcinoma);
    assert!(open(&c, Q::PrimaryFound));
    assert_eq!(Q::PrimaryFound.question().step, Step::Histology);
    assert_eq!(dest(&c), this(Department::Medical), "still in the pathway until decided");
    c.answers.primary_found = Some(true);
    assert_eq!(dest(&c), other(Pathway::OrganSpecific(String::new())));
    assert_eq!(reason_sections(&c), ["§1.2"]);
    c.answers.primary_found = Some(false);
    assert_eq!(dest(&c), Destination::Oncology);
}

#[test]
fn s3_1_afp_is_asked_for_a_woman_with_a_solitary_liver_metastasis_wherever_the_liver_finding_arose() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::Bone);
        a.sex = Some(Sex::Female);
    });
    assert!(open(&c, Q::LiverInvolved));
    assert!(!items(&c).contains(&"s3_1_women_afp_solitary_liver"));
    c.answers.liver.involved = Some(true);
    c.answers.liver.solitary = Some(true);
    assert!(items(&c).contains(&"s3_1_women_afp_solitary_liver"));
    assert!(open(&c, Q::LiverAfp));
    c.answers.liver.afp = Some(pathway::case::AfpLevel::RaisedOrRising);
    assert_eq!(dest(&c), other(Pathway::PrimaryLiver), "§3.1.2 applies to a liver process found later too");
}

#[test]
fn s3_1_2_afp_is_not_asked_for_a_man_whose_liver_lesions_are_not_solitary() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.sex = Some(Sex::Male);
    });
    assert!(asked(&c).contains(&Q::LiverAfp));
    c.answers.liver.solitary = Some(false);
    assert!(!asked(&c).contains(&Q::LiverAfp));
    assert!(items(&c).contains(&"s3_1_men_afp"), "men still have AFP measured under §3.1");
}

#[test]
fn s3_1_8_a_retroperitoneal_finding_is_in_the_midline_and_is_not_asked_again() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeRetroperitoneal);
        a.sex = Some(Sex::Male);
        a.histology = Some(Histology::PoorlyDifferentiatedCarcinoma);
        a.age_years = Some(60);
    });
    assert!(!asked(&c).contains(&Q::MidlineTumour));
    assert_eq!(plan(&c).testicular_criteria.unwrap().midline_tumour, Some(true));
    c.answers.hcg_or_afp_raised = Some(true);
    assert_eq!(dest(&c), other(Pathway::Testicular));
}

#[test]
fn questions_are_data_with_wording_section_kind_and_labelled_options() {
    for id in Q::ALL {
        let q = id.question();
        assert_eq!(q.id, id);
        assert!(!q.text.da.is_empty() && !q.text.en.is_empty(), "{id:?}");
        assert!(SECTIONS.contains(&q.section), "{id:?} cites {}", q.section);
        if let AnswerKind::OneOf { choices } = q.kind {
            assert!(choices.len() >= 2, "{id:?}");
            let mut keys: Vec<_> = choices.iter().map(|c| c.key).collect();
            keys.sort();
            keys.dedup();
            assert_eq!(keys.len(), choices.len(), "{id:?} has duplicate keys");
            assert!(choices.iter().all(|c| !c.text.da.is_empty() && !c.text.en.is_empty()));
        }
    }
    // Every enum value is an option of its question, with the case JSON's own key.
    for site in FindingSite::ALL {
        let key = serde_json::to_value(site).unwrap();
        assert_eq!(site.choice().key, key.as_str().unwrap());
    }
    for h in Histology::ALL {
        assert_eq!(h.choice().key, serde_json::to_value(h).unwrap().as_str().unwrap());
    }
    for r in EndReason::ALL {
        assert_eq!(r.choice().key, serde_json::to_value(r).unwrap().as_str().unwrap());
        assert_eq!(EndReason::from_key(r.choice().key), Some(r));
    }
    for x in Lengthening::ALL {
        assert_eq!(x.choice().key, serde_json::to_value(x).unwrap().as_str().unwrap());
        assert_eq!(Lengthening::from_key(x.choice().key), Some(x));
    }
}

#[test]
fn set_answer_refuses_what_does_not_fit_and_changes_nothing() {
    let mut c = in_pathway();
    let before = c.clone();
    assert_eq!(set_answer(&mut c, Q::Sex, Answer::Yes), Err(AnswerError::WrongKind));
    assert_eq!(set_answer(&mut c, Q::FindingSite, Answer::Choice("spleen")), Err(AnswerError::UnknownChoice));
    assert_eq!(set_answer(&mut c, Q::Age, Answer::Number(121)), Err(AnswerError::OutOfRange { min: 0, max: 120 }));
    let long = "x".repeat(61);
    assert_eq!(
        set_answer(&mut c, Q::OrganSpecificWhich, Answer::Text(long)),
        Err(AnswerError::TooLong { max_chars: 60 })
    );
    assert_eq!(c, before);
    set_answer(&mut c, Q::Age, Answer::Number(54)).unwrap();
    assert_eq!(answer(&c, Q::Age), Answer::Number(54));
    set_answer(&mut c, Q::Sex, Answer::Unknown).unwrap();
    assert_eq!(c.answers.sex, None, "'not known yet' is always a choice");
}

/// Issue 27.4: the page's ids and its tests' are built from these names, not
/// from `Debug`: each is one word of ASCII letters, and no two are alike.
#[test]
fn every_question_milestone_and_phase_has_a_stable_name_of_its_own() {
    use pathway::checklist::Phase;
    use pathway::timeline::MilestoneId;
    let names: Vec<&str> = QuestionId::ALL.iter().map(|q| q.name()).collect();
    let milestones = [MilestoneId::FirstAttendance, MilestoneId::PrimaryWorkupEnd, MilestoneId::OncologyFirstAttendance];
    let phases = [Phase::Entry, Phase::PrimaryWorkup, Phase::Histology, Phase::Secondary];
    for set in [names, milestones.iter().map(|m| m.name()).collect(), phases.iter().map(|p| p.name()).collect()] {
        assert!(set.iter().all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphabetic())), "{set:?}");
        let mut unique = set.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), set.len(), "{set:?}");
    }
    // The names the page used before stay (the tests and a clinician's bookmarks of a question).
    assert_eq!(QuestionId::FindingSite.name(), "FindingSite");
    assert_eq!(MilestoneId::PrimaryWorkupEnd.name(), "PrimaryWorkupEnd");
}
