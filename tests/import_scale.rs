//! Issue 23, point 6, natively: no file can hang the tab. A backup of
//! 4,000 patients who all carry the same label previews (decoded, then the
//! import worked out) in under a second, and every label stays unique.
#![cfg(not(target_arch = "wasm32"))]

use cup_pathway::i18n::Message;
use chrono::NaiveDate;
use cup_pathway::storage::{decode_backup, encode_backup, Opened, Settings, Stored};
use cup_pathway::patients::Worklist;
use std::collections::HashSet;
use std::time::{Duration, Instant};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

#[test]
fn a_4000_patient_backup_of_one_label_previews_in_under_a_second_and_labels_stay_unique() {
    let mut template = Worklist::default();
    template.add("Seng", day(), "t".into()).unwrap();
    let one = template.patients[0].clone();
    let mut file = Worklist::default();
    for i in 0..4000u32 {
        let mut p = one.clone();
        p.id = i + 1;
        p.uid = format!("uid-{i}");
        file.patients.push(p);
    }
    let text = encode_backup(&Stored::new(file, Settings::default()), day());
    let mut here = Worklist::default();
    here.add("seng", day(), "here".into()).unwrap();
    here.add("Seng (2)", day(), "here-2".into()).unwrap();

    // Decoding is linear (serde); the import's own work is what once grew
    // with the cube of a shared label's count. Timed alone, as a debug build
    // (`cargo test --release` does both in about 0.1 s).
    let Ok(Opened::Plain(read)) = decode_backup(&text) else { panic!("not read") };
    let started = Instant::now();
    let rows = here.preview_import(&read.worklist);
    let took = started.elapsed();
    assert_eq!(rows.len(), 4000);
    assert!(took < Duration::from_secs(1), "previewed in {took:?}");

    here.apply_import(&read.worklist);
    assert_eq!(here.patients.len(), 4002);
    let labels: HashSet<String> = here.patients.iter().map(|p| p.label.to_ascii_lowercase()).collect();
    assert_eq!(labels.len(), 4002, "every label unique");
    let ids: HashSet<u32> = here.patients.iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), 4002, "every id unique");
    assert!(here.patients.iter().all(|p| p.label.chars().count() <= 40));
}

/// Issue 23, point 5 (in part): numbers from a file are bounded. A time
/// stamp or an id at the type's limit neither overflows (a panic in a debug
/// build, a wrap to 0 in the release) nor makes two patients one.
#[test]
fn stamps_and_ids_at_their_limits_saturate() {
    let mut w = Worklist::default();
    w.add("Seng 1", day(), "a".into()).unwrap();
    w.patients[0].updated_ms = u64::MAX;
    w.patients[0].touch(5);
    assert_eq!(w.patients[0].updated_ms, u64::MAX);
    w.patients[0].id = u32::MAX;
    let id = w.add("Seng 2", day(), "b".into()).unwrap();
    assert_eq!(id, 1, "never wrapped to 0, never the other patient's id");
    let id = w.add("Seng 3", day(), "c".into()).unwrap();
    assert_eq!(id, 2);
}

/// Issue 23, point 7 (in part): the CSV quotes a cell holding a comma too.
#[test]
fn a_csv_cell_with_a_comma_is_quoted() {
    assert_eq!(cup_pathway::csv_export::cell("Seng 4, stue 2"), "\"Seng 4, stue 2\"");
    assert_eq!(cup_pathway::csv_export::cell("Seng 4"), "Seng 4");
}

/// Issue 23, point 6: a backup has a cap on patients.
#[test]
fn a_backup_with_more_patients_than_the_cap_is_refused_whole() {
    use cup_pathway::storage::{ImportError, MAX_BACKUP_PATIENTS};
    let mut template = Worklist::default();
    template.add("Seng", day(), "t".into()).unwrap();
    let mut file = Worklist::default();
    for i in 0..=MAX_BACKUP_PATIENTS as u32 {
        let mut p = template.patients[0].clone();
        p.id = i + 1;
        p.uid = format!("u{i}");
        p.label = format!("S{i}");
        file.patients.push(p);
    }
    let text = encode_backup(&Stored::new(file, Settings::default()), day());
    assert_eq!(decode_backup(&text), Err(ImportError::TooManyPatients(MAX_BACKUP_PATIENTS + 1)));
    assert!(ImportError::TooManyPatients(10_001).message(cup_pathway::i18n::Lang::Da).contains("Intet er importeret"));
}

/// Issue 23, point 5 (in part): an import whose uid matches a patient here
/// under another label says, in the preview, whom it replaces.
#[test]
fn the_preview_says_whom_a_newer_edit_under_another_label_replaces() {
    let mut here = Worklist::default();
    here.add("Seng 1", day(), "a".into()).unwrap();
    here.patients[0].updated_ms = 100;
    let mut file = here.clone();
    file.patients[0].label = "Stue 9".into();
    file.patients[0].closed = true;
    file.patients[0].updated_ms = 200;
    let rows = here.preview_import(&file);
    assert_eq!(rows[0].kind, cup_pathway::patients::ImportKind::Newer);
    assert_eq!(rows[0].replaces.as_deref(), Some("Seng 1"));
    // The same label: nothing to say.
    file.patients[0].label = "seng 1".into();
    assert_eq!(here.preview_import(&file)[0].replaces, None);
}
