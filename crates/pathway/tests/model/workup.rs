//! §3.1–§3.1.4: general and site-specific work-up.
use crate::common::*;
use pathway::case::{AfpLevel, TumourCount};
use pathway::criteria::{brain_principle, BrainPrinciple};
use pathway::questions::QuestionId;

fn site(s: FindingSite, sex: Sex) -> Case {
    case(|a| {
        a.finding_site = Some(s);
        a.sex = Some(sex);
    })
}

#[test]
fn s3_1_everyone_gets_history_examination_biopsy_and_ct() {
    for sex in [Sex::Female, Sex::Male] {
        let ids = items(&site(FindingSite::LymphNodeGroin, sex));
        for id in [
            "s3_1_history",
            "s3_1_clinical_exam",
            "s3_1_blood_tests",
            "s3_1_markers_unspecific",
            "s3_1_biopsy",
            "s3_1_biopsy_sufficient_material",
            "s3_1_ct_thorax_upper_abdomen",
        ] {
            assert!(ids.contains(&id), "{sex:?} {id}");
        }
    }
}

#[test]
fn s3_1_ct_answer_ready_together_with_biopsy_answer() {
    let ct = pathway::checklist::item_by_id("s3_1_ct_thorax_upper_abdomen").unwrap();
    assert!(ct.text.da.contains("samtidigt med svar på biopsi"));
}

#[test]
fn s3_1_men_get_psa_afp_and_hcg() {
    let ids = items(&site(FindingSite::LymphNodeGroin, Sex::Male));
    for id in ["s3_1_men_psa", "s3_1_men_afp", "s3_1_men_hcg"] {
        assert!(ids.contains(&id), "{id}");
    }
    assert!(!ids.contains(&"s3_1_women_afp_solitary_liver"));
}

#[test]
fn s3_1_women_get_afp_only_with_a_solitary_liver_metastasis() {
    let groin = items(&site(FindingSite::LymphNodeGroin, Sex::Female));
    assert!(!groin.iter().any(|i| i.contains("afp") || i.contains("psa") || i.contains("hcg")));

    let mut solitary = site(FindingSite::Liver, Sex::Female);
    solitary.answers.liver.solitary = Some(true);
    assert!(items(&solitary).contains(&"s3_1_women_afp_solitary_liver"));

    let mut several = site(FindingSite::Liver, Sex::Female);
    several.answers.liver.solitary = Some(false);
    assert!(!items(&several).contains(&"s3_1_women_afp_solitary_liver"));
}

#[test]
fn s3_1_sex_unknown_shows_no_sex_specific_item_and_asks() {
    let c = case(|a| a.finding_site = Some(FindingSite::LymphNodeGroin));
    let ids = items(&c);
    assert!(!ids.iter().any(|i| i.contains("men_") || i.contains("women_")));
    assert!(questions(&c).contains(&QuestionId::Sex));
}

#[test]
fn s3_1_2_raised_afp_and_solitary_liver_lesion_goes_to_primary_liver_cancer_pathway() {
    for sex in [Sex::Female, Sex::Male] {
        let mut c = site(FindingSite::Liver, sex);
        c.answers.liver.afp = Some(AfpLevel::RaisedOrRising);
        c.answers.liver.solitary = Some(true);
        assert_eq!(dest(&c), other(Pathway::PrimaryLiver));
        assert_eq!(plan(&c).route.decided_at, Stage::PrimaryWorkup);
    }
}

#[test]
fn s3_1_2_normal_afp_or_several_lesions_stay_in_this_pathway() {
    let mut normal = site(FindingSite::Liver, Sex::Male);
    normal.answers.liver.afp = Some(AfpLevel::Normal);
    normal.answers.liver.solitary = Some(true);
    assert_eq!(dest(&normal), this(Department::Medical));

    let mut several = site(FindingSite::Liver, Sex::Male);
    several.answers.liver.afp = Some(AfpLevel::RaisedOrRising);
    several.answers.liver.solitary = Some(false);
    assert_eq!(dest(&several), this(Department::Medical));
}

#[test]
fn s3_1_2_no_extrahepatic_manifestation_means_mdt_before_any_biopsy_decision() {
    let mut c = site(FindingSite::Liver, Sex::Male);
    c.answers.liver.extrahepatic = Some(false);
    let ids = items(&c);
    assert!(ids.contains(&"s3_1_2_mdt_before_biopsy"));
    assert!(ids.contains(&"s3_1_2_weekly_mdt"));
    assert!(!ids.contains(&"s3_1_2_liver_biopsy"));
    let mdt = pathway::checklist::item_by_id("s3_1_2_mdt_before_biopsy").unwrap();
    for who in ["leverkirurg", "radiolog", "patolog", "gastroenterolog", "nuklearmediciner", "onkolog"] {
        assert!(mdt.text.da.contains(who), "{who}");
    }
}

#[test]
fn s3_1_2_with_extrahepatic_manifestations_take_a_liver_biopsy() {
    let mut c = site(FindingSite::Liver, Sex::Male);
    c.answers.liver.extrahepatic = Some(true);
    let ids = items(&c);
    assert!(ids.contains(&"s3_1_2_liver_biopsy"));
    assert!(!ids.contains(&"s3_1_2_mdt_before_biopsy"));
}

#[test]
fn s3_1_2_unknown_extrahepatic_status_is_asked_not_guessed() {
    let c = site(FindingSite::Liver, Sex::Male);
    let ids = items(&c);
    assert!(!ids.contains(&"s3_1_2_liver_biopsy"), "no liver biopsy before the status is known");
    // Issue 15: until the status is known, the MDT conference (with its condition in its words)
    // stands before every biopsy item, so no biopsy is taken before it may be needed.
    assert!(ids.contains(&"s3_1_2_mdt_before_biopsy"));
    let mdt = pathway::checklist::item_by_id("s3_1_2_mdt_before_biopsy").unwrap();
    assert!(mdt.text.da.starts_with("Uden umiddelbare ekstrahepatiske tumormanifestationer:"));
    assert!(questions(&c).contains(&QuestionId::LiverExtrahepatic));
}

#[test]
fn s3_1_3_bone_biopsy_ct_guided_or_surgical_and_us_or_palpation_with_destruction() {
    let mut c = site(FindingSite::Bone, Sex::Female);
    assert!(items(&c).contains(&"s3_1_3_bone_biopsy"));
    assert!(!items(&c).contains(&"s3_1_3_us_or_palpation_guided"));
    c.answers.bone.destruction_or_soft_tissue = Some(true);
    assert!(items(&c).contains(&"s3_1_3_us_or_palpation_guided"));
}

fn brain() -> Case {
    let mut c = site(FindingSite::Brain, Sex::Male);
    c.answers.in_neurology_department = Some(true);
    c
}

#[test]
fn s3_1_4_mr_cerebrum_when_only_ct_so_far() {
    let mut c = brain();
    c.answers.brain.only_ct_so_far = Some(true);
    assert!(items(&c).contains(&"s3_1_4_mr_cerebrum"));
    c.answers.brain.only_ct_so_far = Some(false);
    assert!(!items(&c).contains(&"s3_1_4_mr_cerebrum"));
}

#[test]
fn s3_1_4_chest_xray_and_ct_unless_operating_for_clinical_reasons_and_never_pet_instead() {
    let mut c = brain();
    c.answers.brain.clinical_operation = Some(false);
    let ids = items(&c);
    assert!(ids.contains(&"s3_1_4_chest_xray") && ids.contains(&"s3_1_4_ct_thorax_abdomen"));
    assert!(ids.contains(&"s3_1_4_no_whole_body_pet"));
    c.answers.brain.clinical_operation = Some(true);
    let ids = items(&c);
    assert!(!ids.contains(&"s3_1_4_chest_xray") && !ids.contains(&"s3_1_4_ct_thorax_abdomen"));
}

#[test]
fn s3_1_4_performance_status_may_justify_no_biopsy() {
    let item = pathway::checklist::item_by_id("s3_1_4_performance_status").unwrap();
    assert!(item.text.da.contains("undlade at tage biopsi") && item.text.da.contains("skal naturligvis vurderes"));
    assert!(items(&brain()).contains(&"s3_1_4_performance_status"));
}

#[test]
fn s3_1_4_the_three_operability_principles() {
    use TumourCount::*;
    assert_eq!(brain_principle(Some(One), Some(true), Some(true)), Some(BrainPrinciple::OperateSingle));
    assert_eq!(
        brain_principle(Some(TwoOrThree), Some(true), Some(true)),
        Some(BrainPrinciple::ConsiderRemovingLargest)
    );
    assert_eq!(
        brain_principle(Some(MoreThanThree), Some(true), Some(true)),
        Some(BrainPrinciple::ConsiderRemovingLargest)
    );
    for n in [One, TwoOrThree, MoreThanThree] {
        for s in [None, Some(true), Some(false)] {
            assert_eq!(brain_principle(Some(n), s, Some(false)), Some(BrainPrinciple::NoneOperable));
        }
    }
    // Asymptomatic operable tumours: the text gives no principle.
    assert_eq!(brain_principle(Some(One), Some(false), Some(true)), None);
    assert_eq!(brain_principle(None, Some(true), Some(true)), None);
}

#[test]
fn s3_1_4_principle_shows_as_its_checklist_decision() {
    let mut c = brain();
    c.answers.brain.tumour_count = Some(TumourCount::One);
    c.answers.brain.symptomatic = Some(true);
    c.answers.brain.operable = Some(true);
    let p = plan(&c);
    assert_eq!(p.brain_principle, Some(BrainPrinciple::OperateSingle));
    let ids: Vec<_> = p.checklist.iter().map(|i| i.item.id).collect();
    assert!(ids.contains(&"s3_1_4_principle_1_operate"));
    assert!(!ids.contains(&"s3_1_4_principle_3_none_operable"));
    c.answers.brain.operable = Some(false);
    assert!(items(&c).contains(&"s3_1_4_principle_3_none_operable"));
}

#[test]
fn s3_1_ticks_mark_items_done() {
    let mut c = site(FindingSite::LymphNodeGroin, Sex::Male);
    c.ticks.insert("s3_1_history".into());
    let p = plan(&c);
    let done: Vec<_> = p.checklist.iter().filter(|i| i.done).map(|i| i.item.id).collect();
    assert_eq!(done, ["s3_1_history"]);
}

#[test]
fn s1_5_a_designated_specialist_and_the_mdt_are_part_of_the_work_up() {
    assert!(items(&site(FindingSite::Bone, Sex::Male)).contains(&"s1_5_responsible_specialist"));
    assert!(!items(&site(FindingSite::Lung, Sex::Male)).contains(&"s1_5_responsible_specialist"));
}

#[test]
fn s3_1_examinations_decisions_and_communication_can_be_ticked_notes_cannot() {
    use pathway::checklist::{item_by_id, ItemKind};
    assert!(item_by_id("s3_1_biopsy").unwrap().kind.tickable());
    assert!(item_by_id("s2_5_inform_referral").unwrap().kind == ItemKind::Communication);
    assert!(item_by_id("s2_5_inform_referral").unwrap().kind.tickable());
    assert!(!item_by_id("s3_1_markers_unspecific").unwrap().kind.tickable());
    assert!(!item_by_id("s3_4_responsible").unwrap().kind.tickable());
}

#[test]
fn s3_1_the_generic_biopsy_does_not_contradict_the_liver_mdt_or_the_brain_principles() {
    let liver = case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.liver.extrahepatic = Some(false);
    });
    let ids = items(&liver);
    assert!(ids.contains(&"s3_1_2_mdt_before_biopsy") && !ids.contains(&"s3_1_biopsy"));
    assert!(ids.contains(&"s3_1_biopsy_principle"), "the overriding principle stays, as a note");
    let brain = case(|a| {
        a.finding_site = Some(FindingSite::Brain);
        a.in_neurology_department = Some(false);
    });
    assert!(!items(&brain).contains(&"s3_1_biopsy"));
    let principle = pathway::checklist::item_by_id("s3_1_biopsy_principle").unwrap();
    assert!(principle.text.da.contains("så hurtigt som muligt") && principle.text.da.contains("§3.1.4"));
}

#[test]
fn s3_1_4_wording_mr_in_most_cases_operable_means_superficial_and_the_preference_for_two_or_three() {
    use pathway::case::TumourCount;
    use pathway::checklist::item_by_id;
    assert!(item_by_id("s3_1_4_mr_cerebrum").unwrap().text.da.starts_with("I de fleste tilfælde"));
    assert!(item_by_id("s3_1_4_principle_1_operate").unwrap().text.da.contains("relativt overfladisk"));
    let mut c = brain();
    c.answers.brain.tumour_count = Some(TumourCount::MoreThanThree);
    c.answers.brain.symptomatic = Some(true);
    c.answers.brain.operable = Some(true);
    assert!(items(&c).contains(&"s3_1_4_principle_2_preference"));
    c.answers.brain.tumour_count = Some(TumourCount::TwoOrThree);
    assert!(!items(&c).contains(&"s3_1_4_principle_2_preference"));
}

#[test]
fn s3_1_4_principle_3_whenever_none_is_operable_whatever_the_count() {
    use pathway::criteria::{brain_principle, BrainPrinciple};
    assert_eq!(brain_principle(None, None, Some(false)), Some(BrainPrinciple::NoneOperable));
    let mut c = brain();
    c.answers.brain.operable = Some(false);
    assert!(items(&c).contains(&"s3_1_4_principle_3_none_operable"));
    let open: Vec<_> = plan(&c).questions.iter().filter(|q| q.open).map(|q| q.question.id).collect();
    assert!(!open.contains(&pathway::questions::QuestionId::BrainTumourCount));
}

#[test]
fn s3_1_5_s3_6_s4_1_s1_5_the_missing_items_are_there() {
    use pathway::checklist::{item_by_id, ItemKind};
    let c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeGroin);
        a.sex = Some(Sex::Male);
        a.histology = Some(Histology::SquamousCellCarcinoma);
        a.primary_found = Some(false);
    });
    let ids = items(&c);
    for id in [
        "s3_1_5_immunohistochemistry",
        "s3_6_comorbidity",
        "s3_6_pause_anticoagulants",
        "s4_1_treat_soon",
        "s4_1_favourable_subgroups",
        "s1_5_mdt_members",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    // §3.6 sets time aside ("Desuden afsættes tid til"); §3.1.5 "kan inkludere": information, not obligations.
    assert_eq!(item_by_id("s3_6_comorbidity").unwrap().kind, ItemKind::Note);
    assert_eq!(item_by_id("s3_6_pause_anticoagulants").unwrap().kind, ItemKind::Note);
    assert_eq!(item_by_id("s3_1_5_immunohistochemistry").unwrap().kind, ItemKind::Note);
    assert!(item_by_id("s3_1_5_immunohistochemistry").unwrap().text.da.contains("køn, metastasens lokalisation"));
    assert!(item_by_id("s1_5_mdt_members").unwrap().text.da.contains("patolog, onkolog"));
}

#[test]
fn s2_4_s3_1_s3_1_5_s3_1_2_the_texts_own_words() {
    use pathway::checklist::item_by_id;
    use pathway::questions::QuestionId;
    assert!(item_by_id("s2_4_decide_referral").unwrap().text.da.contains("uden kendt kræftsygdom"));
    assert!(item_by_id("s3_1_ct_thorax_upper_abdomen").unwrap().text.da.contains("derefter"));
    assert!(item_by_id("s3_1_5_no_further_imaging").unwrap().text.da.contains("nedenfor"));
    let q = QuestionId::LiverExtrahepatic.question();
    assert!(q.text.da.contains("umiddelbare") && q.text.en.contains("apparent") && !q.text.en.contains("immediate"));
}

#[test]
fn s3_1_ticking_stores_the_date_and_unticking_forgets_it() {
    let mut c = in_pathway();
    c.set_tick("s3_1_history", true, d("2026-11-20"));
    let item = plan(&c).checklist.into_iter().find(|i| i.item.id == "s3_1_history").unwrap();
    assert_eq!((item.done, item.ticked_on), (true, Some(d("2026-11-20"))));
    c.set_tick("s3_1_history", false, d("2026-11-21"));
    assert!(!c.ticks.contains("s3_1_history") && c.ticked_on.is_empty());
}
