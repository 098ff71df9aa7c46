//! §3.1.5–§3.1.10: the programme after histology.
use crate::common::*;
use pathway::criteria::{CriteriaVerdict, TesticularCriteria};
use pathway::questions::QuestionId;

fn histo(site: FindingSite, sex: Option<Sex>, h: Histology) -> Case {
    case(|a| {
        a.finding_site = Some(site);
        a.sex = sex;
        a.histology = Some(h);
    })
}

#[test]
fn s3_1_5_no_further_imaging_beyond_the_described_once_histology_is_known() {
    let c = histo(FindingSite::LymphNodeGroin, Some(Sex::Male), Histology::Other);
    assert!(items(&c).contains(&"s3_1_5_no_further_imaging"));
    assert!(!items(
        &histo(FindingSite::LymphNodeGroin, Some(Sex::Male), Histology::Other).tap(|c| c.answers.histology = None)
    )
    .contains(&"s3_1_5_no_further_imaging"));
}

trait Tap {
    fn tap(self, f: impl FnOnce(&mut Self)) -> Self;
}
impl Tap for Case {
    fn tap(mut self, f: impl FnOnce(&mut Self)) -> Self {
        f(&mut self);
        self
    }
}

#[test]
fn s3_1_5_other_histology_the_text_has_no_specific_programme() {
    let c = histo(FindingSite::LymphNodeGroin, Some(Sex::Male), Histology::Other);
    assert_eq!(silence_sections(&c), ["§3.1.5"]);
    assert_eq!(dest(&c), this(Department::Medical));
}

#[test]
fn s3_1_6_adenocarcinoma_in_women_breast_gynaecology_and_thyroid() {
    let ids = items(&histo(FindingSite::Liver, Some(Sex::Female), Histology::Adenocarcinoma));
    for id in ["s3_1_6_women_breast_imaging", "s3_1_6_women_gynaecological", "s3_1_6_women_thyroid"] {
        assert!(ids.contains(&id), "{id}");
    }
    assert!(!ids.iter().any(|i| i.starts_with("s3_1_6_men")));
}

#[test]
fn s3_1_6_adenocarcinoma_in_men_prostate_breast_thyroid_and_psa() {
    let c = histo(FindingSite::Liver, Some(Sex::Male), Histology::Adenocarcinoma);
    let ids = items(&c);
    for id in ["s3_1_6_men_prostate", "s3_1_6_men_breast", "s3_1_6_men_thyroid"] {
        assert!(ids.contains(&id), "{id}");
    }
    // §3.1.6's PSA is §3.1's, asked again: one item with both sections (issue 26.4).
    let psa = plan(&c).checklist.into_iter().find(|i| i.item.id == "s3_1_men_psa").expect("PSA");
    assert_eq!(psa.also_asked.map(|s| s.as_str()), Some("§3.1.6"));
    assert!(!ids.contains(&"s3_1_6_men_psa"));
    assert!(!ids.iter().any(|i| i.starts_with("s3_1_6_women")));
}

#[test]
fn s3_1_6_endoscopy_only_with_blood_in_faeces_or_gi_symptoms() {
    for sex in [Sex::Female, Sex::Male] {
        let mut c = histo(FindingSite::Liver, Some(sex), Histology::Adenocarcinoma);
        assert!(!items(&c).contains(&"s3_1_6_endoscopy"));
        c.answers.gi_bleeding_or_symptoms = Some(true);
        assert!(items(&c).contains(&"s3_1_6_endoscopy"), "{sex:?}");
    }
}

#[test]
fn s3_1_6_women_with_axillary_adenocarcinoma_go_to_breast_pathway() {
    let c = histo(FindingSite::LymphNodeAxilla, Some(Sex::Female), Histology::Adenocarcinoma);
    assert_eq!(dest(&c), other(Pathway::Breast));
}

#[test]
fn s3_1_6_women_with_serous_peritoneal_carcinomatosis_go_to_gynaecology_ovarian_pathway() {
    let mut c = histo(FindingSite::CancerCellsPleuraOrPeritoneum, Some(Sex::Female), Histology::Adenocarcinoma);
    c.answers.serous_peritoneal_carcinomatosis = Some(true);
    assert_eq!(dest(&c), other(Pathway::Ovarian));
    assert_eq!(plan(&c).route.decided_at, Stage::Histology);
    assert!(Pathway::Ovarian.label().da.contains("Gynækologisk afdeling"));
}

#[test]
fn s3_1_6_men_with_serous_peritoneal_carcinomatosis_get_chest_xray_and_breast_palpation() {
    let mut c = histo(FindingSite::CancerCellsPleuraOrPeritoneum, Some(Sex::Male), Histology::Adenocarcinoma);
    c.answers.serous_peritoneal_carcinomatosis = Some(true);
    assert_eq!(dest(&c), this(Department::Medical));
    let ids = items(&c);
    assert!(ids.contains(&"s3_1_6_men_serous_chest_xray") && ids.contains(&"s3_1_6_men_serous_breast_palpation"));
}

#[test]
fn s3_1_7_squamous_cell_carcinoma_in_the_groin_women() {
    let ids = items(&histo(FindingSite::LymphNodeGroin, Some(Sex::Female), Histology::SquamousCellCarcinoma));
    for id in ["s3_1_7_women_genitalia_gyn", "s3_1_7_cystoscopy", "s3_1_7_anoscopy"] {
        assert!(ids.contains(&id), "{id}");
    }
    assert!(!ids.contains(&"s3_1_7_men_genitalia"));
}

#[test]
fn s3_1_7_squamous_cell_carcinoma_in_the_groin_men() {
    let ids = items(&histo(FindingSite::LymphNodeGroin, Some(Sex::Male), Histology::SquamousCellCarcinoma));
    for id in ["s3_1_7_men_genitalia", "s3_1_7_cystoscopy", "s3_1_7_anoscopy"] {
        assert!(ids.contains(&id), "{id}");
    }
    assert!(!ids.contains(&"s3_1_7_women_genitalia_gyn"));
}

#[test]
fn s3_1_7_squamous_cell_carcinoma_elsewhere_the_text_is_silent() {
    let c = histo(FindingSite::Bone, Some(Sex::Male), Histology::SquamousCellCarcinoma);
    assert!(!items(&c).iter().any(|i| i.starts_with("s3_1_7")));
    assert_eq!(silence_sections(&c), ["§3.1.7"]);
}

/// A groin node: not in the midline by site, so all three criteria are asked.
fn poorly(age: Option<u8>, midline: Option<bool>, marker: Option<bool>) -> Case {
    let mut c = histo(FindingSite::LymphNodeGroin, Some(Sex::Male), Histology::PoorlyDifferentiatedCarcinoma);
    c.answers.age_years = age;
    c.answers.midline_tumour = midline;
    c.answers.hcg_or_afp_raised = marker;
    c
}

#[test]
fn s3_1_8_two_of_three_criteria_refers_to_testicular_pathway() {
    for c in [
        poorly(Some(54), Some(true), Some(false)),
        poorly(Some(54), Some(false), Some(true)),
        poorly(Some(70), Some(true), Some(true)),
        poorly(Some(20), Some(true), Some(true)),
    ] {
        assert_eq!(dest(&c), other(Pathway::Testicular), "{:?}", c.answers);
    }
}

#[test]
fn s3_1_8_one_criterion_is_not_enough() {
    for c in [
        poorly(Some(54), Some(false), Some(false)),
        poorly(Some(55), Some(true), Some(false)),
        poorly(Some(80), Some(false), Some(true)),
        poorly(Some(60), Some(false), Some(false)),
    ] {
        assert_eq!(dest(&c), this(Department::Medical), "{:?}", c.answers);
    }
}

#[test]
fn s3_1_8_age_55_is_not_under_55() {
    let at = TesticularCriteria::assess(&poorly(Some(55), Some(true), Some(false)).answers);
    assert_eq!(at.man_under_55, Some(false));
    assert_eq!(at.verdict, CriteriaVerdict::DoNotRefer);
    let below = TesticularCriteria::assess(&poorly(Some(54), Some(true), Some(false)).answers);
    assert_eq!(below.man_under_55, Some(true));
    assert_eq!(below.verdict, CriteriaVerdict::Refer);
}

#[test]
fn s3_1_8_shows_which_criteria_held() {
    let p = plan(&poorly(Some(40), Some(false), Some(true)));
    let t = p.testicular_criteria.unwrap();
    assert_eq!((t.man_under_55, t.midline_tumour, t.hcg_or_afp_raised), (Some(true), Some(false), Some(true)));
    assert_eq!(t.held(), 2);
    assert!(p.route.reasons.last().unwrap().text.da.contains("2 af 3"));
}

#[test]
fn s3_1_8_unknown_criteria_that_could_decide_are_asked() {
    let c = poorly(Some(40), None, None);
    assert_eq!(TesticularCriteria::assess(&c.answers).verdict, CriteriaVerdict::Pending);
    let q = questions(&c);
    assert!(q.contains(&QuestionId::MidlineTumour) && q.contains(&QuestionId::HcgOrAfpRaised));
    assert!(!q.contains(&QuestionId::Age));
    // Two known negatives: the last unknown cannot make two.
    let c = poorly(Some(70), Some(false), None);
    assert_eq!(TesticularCriteria::assess(&c.answers).verdict, CriteriaVerdict::DoNotRefer);
    assert!(!questions(&c).contains(&QuestionId::HcgOrAfpRaised));
}

/// A man of 55 with poorly differentiated carcinoma in a retroperitoneal node
/// (one criterion), HCG/AFP answered no, a named organ-specific suspicion, and
/// a raised AFP kept in the liver block while the liver's involvement is open.
fn afp_kept_in_the_liver_block() -> Case {
    raw_case(|a| {
        a.sex = Some(Sex::Male);
        a.age_years = Some(55);
        a.finding_site = Some(FindingSite::LymphNodeRetroperitoneal);
        a.organ_specific_suspected = Some(true);
        a.organ_specific_suspicion = Some("lungekræft".into());
        a.lymphoma_suspected = Some(false);
        a.liver.afp = Some(AfpLevel::Raised);
        a.histology = Some(Histology::PoorlyDifferentiatedCarcinoma);
        a.hcg_or_afp_raised = Some(false);
    })
}

/// §3.1.8 criterion 3 reads a raised AFP from the liver work-up only once the
/// liver is known to be involved. While that is open, it could decide §3.1.8:
/// the destination waits for it rather than being shown as decided (found by
/// `an_open_answer_never_changes_a_destination_that_is_not_provisional`).
#[test]
fn s3_1_8_a_raised_afp_kept_from_the_liver_work_up_makes_liver_involvement_an_answer_that_could_decide() {
    let mut c = afp_kept_in_the_liver_block();
    c.events.first_attendance = Some(d("2026-11-02"));
    let p = plan(&c);
    assert!(p.route.provisional, "{:?}", p.route.destination);
    assert!(p.route.waiting.iter().any(|(q, _)| *q == QuestionId::LiverInvolved));
    // Answered yes, the AFP counts: two of three, and §3.1.8 stands beside §1.2.
    c.answers.liver.involved = Some(true);
    assert_eq!(TesticularCriteria::assess(&c.answers).verdict, CriteriaVerdict::Refer);
    assert!(plan(&c).route.options.iter().any(|o| o.destination == other(Pathway::Testicular)));
    // Answered no, it does not: the entry's organ-specific suspicion decides.
    c.answers.liver.involved = Some(false);
    let p = plan(&c);
    assert_eq!(p.route.destination, other(Pathway::OrganSpecific("lungekræft".into())));
    assert!(!p.route.waiting.iter().any(|(q, _)| *q == QuestionId::LiverInvolved));
}

/// Where the entry sends the patient elsewhere before this pathway started,
/// the liver is not asked about: the destination does not wait for it.
#[test]
fn s3_1_8_the_liver_is_not_waited_for_where_the_entry_sends_the_patient_elsewhere() {
    let c = afp_kept_in_the_liver_block();
    let p = plan(&c);
    assert!(!p.route.waiting.iter().any(|(q, _)| *q == QuestionId::LiverInvolved));
    assert!(!asked(&c).contains(&QuestionId::LiverInvolved));
}

#[test]
fn s3_1_8_applies_to_men_only_women_the_text_is_silent() {
    let mut c =
        histo(FindingSite::LymphNodeRetroperitoneal, Some(Sex::Female), Histology::PoorlyDifferentiatedCarcinoma);
    c.answers.age_years = Some(30);
    c.answers.midline_tumour = Some(true);
    c.answers.hcg_or_afp_raised = Some(true);
    assert_eq!(dest(&c), this(Department::Medical));
    assert_eq!(silence_sections(&c), ["§3.1.8"]);
    assert!(plan(&c).testicular_criteria.is_none());
}

#[test]
fn s3_1_9_small_cell_anaplastic_carcinoma_in_a_man_goes_to_oncology() {
    let c = histo(FindingSite::Liver, Some(Sex::Male), Histology::SmallCellAnaplasticCarcinoma);
    assert_eq!(dest(&c), Destination::Oncology);
    assert_eq!(reason_sections(&c).last(), Some(&"§3.1.9"));
}

#[test]
fn s3_1_9_small_cell_in_a_woman_only_when_cervical_cancer_is_not_suspected() {
    let mut c = histo(FindingSite::Liver, Some(Sex::Female), Histology::SmallCellAnaplasticCarcinoma);
    c.answers.liver.solitary = Some(false);
    assert!(plan(&c).route.provisional, "the destination waits for the answer");
    assert_eq!(plan(&c).route.questions, [QuestionId::CervicalCancerSuspected]);
    c.answers.cervical_cancer_suspected = Some(false);
    assert_eq!(dest(&c), Destination::Oncology);
    c.answers.cervical_cancer_suspected = Some(true);
    assert_eq!(dest(&c), other(Pathway::OrganSpecific("livmoderhalskræft".into())));
}

#[test]
fn s3_1_10_neuroendocrine_tumours_go_to_the_specialty_plan_department() {
    let c = histo(FindingSite::Liver, Some(Sex::Female), Histology::NeuroendocrineTumour);
    assert_eq!(dest(&c), Destination::SpecialtyPlanDepartment);
    assert!(Destination::SpecialtyPlanDepartment.headline().da.contains("specialeplanlægningen"));
}
