//! The case JSON form: schema 4, migrated from schemas 1–3 (docs/case-format.md).
use crate::common::*;

fn fixture() -> serde_json::Value {
    serde_json::from_str(include_str!("../fixtures/case-schema-1.json")).unwrap()
}

#[test]
fn schema_1_reads_as_schema_3_and_unasked_false_becomes_not_known() {
    let c = Case::from_json_value(fixture()).unwrap();
    assert_eq!(c.schema_version, 4);
    let a = &c.answers;
    assert_eq!(
        (a.lymphoma_suspected, a.colorectal_suspected, a.spinal_cord_compression, a.bone_local_agreement),
        (None, None, None, None)
    );
    assert_eq!(a.bone.destruction_or_soft_tissue, None);
    assert_eq!(a.serous_peritoneal_carcinomatosis, None);
    assert_eq!(a.gi_bleeding_or_symptoms, Some(true), "a stored true was an answer and is kept");
    assert_eq!(a.primary_found, Some(false), "no_primary_found: true said no primary was found");
    assert_eq!(a.sex, Some(Sex::Female));
    assert!(c.ticks.contains("s3_1_biopsy"));
    assert_eq!(c.events.first_attendance, Some(d("2026-11-06")));
}

#[test]
fn schema_1_the_migrated_case_asks_what_was_never_asked() {
    let c = Case::from_json_value(fixture()).unwrap();
    let p = plan(&c);
    assert!(p.route.provisional);
    assert!(p.route.questions.contains(&pathway::questions::QuestionId::LymphomaSuspected));
    assert!(p.route.questions.contains(&pathway::questions::QuestionId::SerousPeritonealCarcinomatosis));
}

#[test]
fn schema_1_a_named_organ_specific_suspicion_becomes_a_yes() {
    let mut v = fixture();
    v["answers"]["organ_specific_suspicion"] = "lungekræft".into();
    let c = Case::from_json_value(v).unwrap();
    assert_eq!(c.answers.organ_specific_suspected, Some(true));
    let mut v = fixture();
    v["answers"]["no_primary_found"] = false.into();
    assert_eq!(Case::from_json_value(v).unwrap().answers.primary_found, None);
}

#[test]
fn schema_1_cases_show_they_were_made_under_model_version_1() {
    assert_eq!(MODEL_VERSION, 5);
    let c = Case::from_json_value(fixture()).unwrap();
    assert_eq!(plan(&c).evaluated_under_other_version.unwrap().model_version, 1);
}

#[test]
fn a_newer_schema_is_refused_never_downgraded() {
    let mut v = fixture();
    v["schema_version"] = 5.into();
    assert_eq!(Case::from_json_value(v), Err(CaseFormatError::NewerSchema(5)));
    assert!(matches!(Case::from_json_value(serde_json::json!([1])), Err(CaseFormatError::Invalid(_))));
    assert!(matches!(
        Case::from_json_value(serde_json::json!({"schema_version": 0})),
        Err(CaseFormatError::Invalid(_))
    ));
    assert!(matches!(
        Case::from_json_value(serde_json::json!({"answers": {"sex": "x"}})),
        Err(CaseFormatError::Invalid(_))
    ));
}

fn fixture_2() -> serde_json::Value {
    serde_json::from_str(include_str!("../fixtures/case-schema-2.json")).unwrap()
}

#[test]
fn schema_2_reads_as_schema_3_and_a_stored_spinal_cord_compression_yes_is_an_urgent_action() {
    let c = Case::from_json_value(fixture_2()).unwrap();
    assert_eq!(c.schema_version, 4);
    assert_eq!(c.answers.spinal_cord_compression, Some(true));
    assert_eq!(c.events.acute_referral_made, None, "schema 2 had no way to record it");
    let p = plan(&c);
    assert!(p.urgent_pending(), "a schema-2 yes is never dropped");
    assert_eq!(p.route.destination, this(Department::Medical));
    assert_eq!(p.evaluated_under_other_version.unwrap().model_version, 2);
    // Written back as schema 4, it round-trips.
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["schema_version"], 4);
    assert_eq!(Case::from_json_value(json).unwrap(), c);
}
