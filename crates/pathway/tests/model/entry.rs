//! Kapitel 2: entry and where the patient belongs.
use crate::common::*;
use pathway::questions::QuestionId;

#[test]
fn s2_2_no_finding_site_is_undetermined_and_asks_for_it() {
    let c = Case::default();
    assert_eq!(dest(&c), Destination::Undetermined);
    assert_eq!(questions(&c).first(), Some(&QuestionId::FindingSite));
}

#[test]
fn s2_1_unspecific_symptoms_go_to_the_diagnostic_pathway_not_this_one() {
    let c = case(|a| a.finding_site = Some(FindingSite::UnspecificSymptoms));
    assert_eq!(dest(&c), other(Pathway::UnspecificSymptoms));
    assert_eq!(reason_sections(&c), ["§2.1"]);
    assert_eq!(items(&c).iter().filter(|i| i.starts_with("s3_")).count(), 0, "no work-up of this pathway");
}

#[test]
fn s2_2_1_neck_node_goes_to_head_and_neck_via_specialist_filter() {
    let c = case(|a| a.finding_site = Some(FindingSite::LymphNodeNeck));
    assert_eq!(dest(&c), other(Pathway::HeadAndNeck));
    assert!(Pathway::HeadAndNeck.label().da.contains("praktiserende speciallæge"));
}

#[test]
fn s2_2_1_axillary_node_in_a_woman_goes_to_breast_pathway() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeAxilla);
        a.sex = Some(Sex::Female);
    });
    assert_eq!(dest(&c), other(Pathway::Breast));
    assert_eq!(reason_sections(&c), ["§2.2.1"]);
}

#[test]
fn s2_2_1_axillary_node_in_a_man_the_text_is_silent() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeAxilla);
        a.sex = Some(Sex::Male);
    });
    assert_eq!(dest(&c), Destination::TextSilent);
    assert_eq!(silence_sections(&c), ["§2.2.1"]);
}

#[test]
fn s2_2_1_axillary_node_without_sex_asks_for_sex() {
    let c = case(|a| a.finding_site = Some(FindingSite::LymphNodeAxilla));
    assert_eq!(dest(&c), Destination::Undetermined);
    assert_eq!(questions(&c).first(), Some(&QuestionId::Sex));
}

#[test]
fn s2_2_1_retroperitoneal_and_groin_nodes_stay_in_this_pathway_at_medical_department() {
    for site in [FindingSite::LymphNodeRetroperitoneal, FindingSite::LymphNodeGroin] {
        let c = case(|a| a.finding_site = Some(site));
        assert_eq!(dest(&c), this(Department::Medical), "{site:?}");
        assert!(items(&c).contains(&"s3_1_1_node_biopsy"));
    }
}

#[test]
fn s2_2_1_other_lymph_nodes_the_text_is_silent() {
    let c = case(|a| a.finding_site = Some(FindingSite::LymphNodeOther));
    assert_eq!(dest(&c), Destination::TextSilent);
}

#[test]
fn s2_2_1_lymphoma_suspicion_always_goes_to_haematology_whatever_the_site() {
    // Unspecific symptoms are no finding: §2.1 sends them to the diagnostic pathway before §2.2 applies.
    for site in FindingSite::ALL.into_iter().filter(|s| *s != FindingSite::UnspecificSymptoms) {
        let c = case(|a| {
            a.finding_site = Some(site);
            a.sex = Some(Sex::Female);
            a.lymphoma_suspected = Some(true);
        });
        assert_eq!(dest(&c), other(Pathway::Haematological), "{site:?}");
    }
}

#[test]
fn s2_2_2_liver_goes_to_medical_department() {
    let c = case(|a| a.finding_site = Some(FindingSite::Liver));
    assert_eq!(dest(&c), this(Department::Medical));
    assert_eq!(reason_sections(&c), ["§2.2.2"]);
}

#[test]
fn s2_2_2_liver_with_colorectal_suspicion_goes_to_colorectal_then_liver_metastases_pathway() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.colorectal_suspected = Some(true);
    });
    assert_eq!(dest(&c), other(Pathway::ColorectalThenLiverMetastases));
    let label = Pathway::ColorectalThenLiverMetastases.label().da;
    assert!(label.contains("tyk- og endetarm") && label.contains("tarmkræftmetastaser i leveren"));
}

#[test]
fn s2_2_3_lung_goes_to_lung_cancer_pathway() {
    let c = case(|a| a.finding_site = Some(FindingSite::Lung));
    assert_eq!(dest(&c), other(Pathway::Lung));
}

#[test]
fn s2_2_4_bone_goes_to_medical_department_with_fastest_biopsy() {
    let c = case(|a| a.finding_site = Some(FindingSite::Bone));
    assert_eq!(dest(&c), this(Department::Medical));
    assert!(items(&c).contains(&"s2_2_4_fastest_biopsy"));
}

#[test]
fn s2_2_4_bone_unless_agreed_otherwise_locally() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Bone);
        a.bone_local_agreement = Some(true);
    });
    assert_eq!(dest(&c), this(Department::LocallyAgreed));
}

#[test]
fn s2_2_4_spinal_cord_compression_is_acute_referral() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Bone);
        a.spinal_cord_compression = Some(true);
    });
    // Model v3: the acute referral stands beside the destination (Plan::urgent), not as one.
    assert_eq!(dest(&c), this(Department::Medical));
    assert!(plan(&c).urgent[0].statement.text.da.contains("akut efter lokale retningslinjer"));
}

#[test]
fn s2_2_5_brain_stays_in_neurology_when_already_there() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Brain);
        a.in_neurology_department = Some(true);
    });
    assert_eq!(dest(&c), this(Department::Neurological));
}

#[test]
fn s2_2_5_brain_otherwise_goes_to_medical_department() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Brain);
        a.in_neurology_department = Some(false);
    });
    assert_eq!(dest(&c), this(Department::Medical));
}

#[test]
fn s2_2_5_brain_without_department_answer_asks() {
    let c = case(|a| a.finding_site = Some(FindingSite::Brain));
    assert_eq!(dest(&c), Destination::Undetermined);
    assert!(questions(&c).contains(&QuestionId::InNeurologyDepartment));
}

#[test]
fn s2_2_6_cancer_cells_in_spinal_fluid_go_to_neurology() {
    let c = case(|a| a.finding_site = Some(FindingSite::CancerCellsSpinalFluid));
    assert_eq!(dest(&c), this(Department::Neurological));
}

#[test]
fn s2_2_6_cancer_cells_in_pleura_or_peritoneum_go_to_medical_department() {
    let c = case(|a| a.finding_site = Some(FindingSite::CancerCellsPleuraOrPeritoneum));
    assert_eq!(dest(&c), this(Department::Medical));
}

#[test]
fn s2_2_other_site_the_text_names_no_department() {
    let c = case(|a| a.finding_site = Some(FindingSite::Other));
    assert_eq!(dest(&c), Destination::TextSilent);
    assert_eq!(silence_sections(&c), ["§2.2"]);
}

#[test]
fn s1_2_organ_specific_suspicion_at_any_point_goes_to_that_pathway() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.histology = Some(Histology::Adenocarcinoma);
        a.sex = Some(Sex::Male);
        a.organ_specific_suspected = Some(true);
        a.organ_specific_suspicion = Some("  prostatakræft ".into());
    });
    assert_eq!(dest(&c), other(Pathway::OrganSpecific("prostatakræft".into())));
    assert_eq!(reason_sections(&c), ["§1.2"]);
}

#[test]
fn s1_2_a_name_without_a_yes_does_not_count_and_a_yes_without_a_name_does() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.organ_specific_suspicion = Some("prostatakræft".into());
    });
    assert_eq!(dest(&c), this(Department::Medical), "the answer is no; a leftover name does not decide");
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.organ_specific_suspected = Some(true);
        a.organ_specific_suspicion = Some("   ".into());
    });
    assert_eq!(dest(&c), other(Pathway::OrganSpecific(String::new())));
    assert_eq!(dest(&c).headline().da, "Det relevante organspecifikke pakkeforløb");
}

#[test]
fn s2_4_to_2_6_entry_items_are_always_shown() {
    let ids = items(&Case::default());
    for id in ["s2_4_decide_referral", "s2_5_inform_referral", "s2_6_responsible_until_handover"] {
        assert!(ids.contains(&id), "{id}");
    }
}

#[test]
fn s2_2_leaving_at_entry_hides_this_pathways_work_up() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Lung);
        a.sex = Some(Sex::Male);
    });
    assert!(!items(&c).contains(&"s3_1_biopsy"));
    let stays = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeGroin);
        a.sex = Some(Sex::Male);
    });
    assert!(items(&stays).contains(&"s3_1_biopsy"));
}

#[test]
fn s2_2_a_patient_leaving_at_entry_is_not_asked_about_this_pathways_work_up() {
    use pathway::Step;
    let c = case(|a| a.finding_site = Some(FindingSite::Lung));
    // The histology is asked from the entry on (a referral may carry a biopsy answer), never as open.
    let p = plan(&c);
    let steps: Vec<_> =
        p.questions.iter().filter(|q| q.question.id != QuestionId::Histology).map(|q| q.question.step).collect();
    assert!(steps.iter().all(|s| *s == Step::Entry), "{:?}", asked(&c));
    assert!(p.questions.iter().any(|q| q.question.id == QuestionId::Histology && !q.open));
    let stays = case(|a| a.finding_site = Some(FindingSite::LymphNodeGroin));
    assert!(questions(&stays).contains(&QuestionId::Histology));
}
