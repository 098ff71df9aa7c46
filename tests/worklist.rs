//! Native tests of the worklist rules and the storage envelope (no browser).
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cup_pathway::i18n::Message;
use cup_pathway::pathway::MODEL_VERSION;
use cup_pathway::storage::{decode, encode, StorageError, ENVELOPE_VERSION};
use cup_pathway::patients::{LabelError, Worklist};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

#[test]
fn labels_are_trimmed_and_ids_increase() {
    let mut w = Worklist::default();
    assert_eq!(w.add("  Stue 3 ", day(), "u3".into()), Ok(1));
    assert_eq!(w.add("Stue 4", day(), "u4".into()), Ok(2));
    assert_eq!(w.patients[0].label, "Stue 3");
    assert_eq!(w.patients[0].case.evaluated_under.as_ref().unwrap().model_version, MODEL_VERSION);
}

#[test]
fn bad_labels_are_refused_with_a_reason() {
    let mut w = Worklist::default();
    w.add("Stue 3", day(), "u3".into()).unwrap();
    assert_eq!(w.check_label("   "), Err(LabelError::Empty));
    assert_eq!(w.check_label(&"x".repeat(41)), Err(LabelError::TooLong));
    assert!(w.check_label(&"æ".repeat(40)).is_ok(), "40 characters, not bytes");
    assert_eq!(w.check_label("010203-1234"), Err(LabelError::LooksLikeCpr));
    assert_eq!(w.check_label("0102031234"), Err(LabelError::LooksLikeCpr));
    assert!(w.check_label("Seng 12345").is_ok(), "five digits are not a CPR number");
    assert_eq!(w.check_label("stue 3"), Err(LabelError::Duplicate));
    assert_eq!(w.patients.len(), 1);
}

#[test]
fn the_envelope_round_trips_and_carries_its_version() {
    let mut w = Worklist::default();
    w.add("Pt A", day(), "ua".into()).unwrap();
    let text = encode(&w);
    assert!(text.starts_with(&format!("{{\"format\":\"cup-pathway\",\"version\":{ENVELOPE_VERSION}")));
    assert_eq!(decode(Some(&text)), Ok(w));
    assert_eq!(decode(None), Ok(Worklist::default()));
}

#[test]
fn unreadable_or_foreign_or_newer_data_is_a_typed_error() {
    assert!(matches!(decode(Some("{oops")), Err(StorageError::Corrupt(_))));
    assert!(matches!(decode(Some("[]")), Err(StorageError::Corrupt(_))));
    assert!(matches!(decode(Some(r#"{"format":"other","version":1}"#)), Err(StorageError::Corrupt(_))));
    assert!(matches!(decode(Some(r#"{"format":"cup-pathway"}"#)), Err(StorageError::Corrupt(_))));
    assert_eq!(
        decode(Some(r#"{"format":"cup-pathway","version":8,"worklist":{}}"#)),
        Err(StorageError::NewerVersion(8))
    );
    // Versions 3, 5 and 7 are the locked form: without a box they are not data.
    for v in [3, 5, 7] {
        assert!(matches!(
            decode(Some(&format!(r#"{{"format":"cup-pathway","version":{v},"worklist":{{}}}}"#))),
            Err(StorageError::Corrupt(_))
        ));
    }
    // A case from a newer schema inside a current envelope is never downgraded either.
    assert_eq!(
        decode(Some(
            r#"{"format":"cup-pathway","version":2,"worklist":{"patients":[{"id":1,"label":"A","created":"2026-11-01","case":{"schema_version":5}}]}}"#
        )),
        Err(StorageError::NewerVersion(5))
    );
    use cup_pathway::i18n::Lang;
    use cup_pathway::storage::{Fault, WriteFault};
    // Errors carry no words; each says itself in both languages, and the
    // English message holds no Danish reason.
    for e in [
        StorageError::Unavailable,
        StorageError::Corrupt(Fault::UnknownFormat),
        StorageError::Corrupt(Fault::Locked),
        StorageError::NewerVersion(2),
        StorageError::WriteFailed(WriteFault::Refused("SecurityError".into())),
        StorageError::WriteFailed(WriteFault::Busy),
        StorageError::Unreadable { why: Fault::NoVersion, kept_under: "k".into() },
        StorageError::Corrupt(Fault::LockBox(cup_pathway::lockbox::BoxFault::Iterations(1_000))),
        StorageError::Corrupt(Fault::LockBox(cup_pathway::lockbox::BoxFault::Bytes("salt"))),
    ] {
        let (da, en) = (e.message(Lang::Da), e.message(Lang::En));
        assert!(!da.is_empty() && !en.is_empty() && da != en, "{e:?}");
        for danish in ["ukendt", "låst", "mangler", "fane", "iterationer", "beskadiget"] {
            assert!(!en.contains(danish), "{en}");
        }
    }
}

#[test]
fn a_case_missing_fields_reads_with_defaults() {
    let text = r#"{"format":"cup-pathway","version":1,"worklist":{"patients":[{"id":7,"label":"Pt","created":"2026-11-01","case":{"answers":{"sex":"male"}}}]}}"#;
    let w = decode(Some(text)).unwrap();
    assert_eq!(w.patients[0].case.answers.sex, Some(cup_pathway::pathway::Sex::Male));
    assert_eq!(w.patients[0].case.schema_version, cup_pathway::pathway::CASE_SCHEMA_VERSION);
}

#[test]
fn an_envelope_1_store_is_migrated_case_by_case() {
    use cup_pathway::pathway::{CASE_SCHEMA_VERSION, MODEL_VERSION};
    let text = include_str!("fixtures/envelope-v1.json");
    let w = decode(Some(text)).expect("a version-1 store reads");
    assert_eq!(w.patients.len(), 2);
    let c = &w.patients[0].case;
    assert_eq!(c.schema_version, CASE_SCHEMA_VERSION);
    // A stored `false` nobody could have answered is "not known" now.
    assert_eq!(c.answers.spinal_cord_compression, None);
    assert_eq!(c.answers.lymphoma_suspected, None);
    // The case still says it was made under model version 1.
    assert_eq!(c.evaluated_under.as_ref().unwrap().model_version, 1);
    assert_ne!(MODEL_VERSION, 1);
    // Writing it again writes the current envelope, which reads back unchanged.
    let again = encode(&w);
    assert!(again.contains(&format!("\"version\":{ENVELOPE_VERSION}")));
    assert_eq!(decode(Some(&again)), Ok(w));
}

#[test]
fn free_text_refuses_the_cpr_pattern_and_overlong_notes() {
    use cup_pathway::patients::{check_free_text, looks_like_cpr, NoteError, MAX_NOTE_CHARS};
    assert!(looks_like_cpr("010203-1234") && looks_like_cpr("pt 0102031234"));
    assert!(!looks_like_cpr("seng 12, stue 3, 55 år"));
    assert_eq!(check_free_text("CPR 010203-1234", MAX_NOTE_CHARS), Err(NoteError::LooksLikeCpr));
    assert_eq!(check_free_text(&"x".repeat(201), MAX_NOTE_CHARS), Err(NoteError::TooLong { max_chars: MAX_NOTE_CHARS }));
    assert_eq!(check_free_text("  bestilt 24/11  ", MAX_NOTE_CHARS), Ok("bestilt 24/11".into()));
}

#[test]
fn the_url_fragment_names_the_screen_and_dates_are_read_strictly() {
    use cup_pathway::nav::{iso_date, parse_iso_date, View};
    assert_eq!(View::from_hash("#/sag/12"), View::Case(12));
    assert_eq!(View::from_hash("#/"), View::Worklist);
    assert_eq!(View::from_hash("#/sag/x"), View::Worklist);
    assert_eq!(View::from_hash(""), View::Worklist);
    assert_eq!(View::from_hash(&View::Case(7).hash()), View::Case(7));
    assert_eq!(parse_iso_date("2026-11-26"), Some(day() + chrono::Duration::days(1)));
    for bad in ["2026-02-30", "26-11-2026", "2026-1-01", "2026-11-26x", ""] {
        assert_eq!(parse_iso_date(bad), None, "{bad}");
    }
    assert_eq!(iso_date(day()), "2026-11-25");
}

#[test]
fn settings_travel_in_the_envelope_and_an_old_envelope_reads_with_defaults() {
    use cup_pathway::i18n::Lang;
    use cup_pathway::storage::{decode_stored, encode_stored, Settings, Stored};
    let stored = Stored::new(
        Worklist::default(),
        Settings { lang: Lang::En, last_backup: Some(day()), idle_minutes: 30, ..Settings::default() },
    );
    assert_eq!(decode_stored(Some(&encode_stored(&stored))), Ok(stored));
    let old = include_str!("fixtures/envelope-v1.json");
    assert_eq!(decode_stored(Some(old)).unwrap().settings.lang, Lang::Da);
}

#[test]
fn stored_dates_are_read_strictly_and_labels_fold_for_filtering() {
    use cup_pathway::patients::fold_label;
    let bad = r#"{"format":"cup-pathway","version":2,"worklist":{"patients":[{"id":1,"label":"A","created":"2026-13-01","case":{}}]}}"#;
    assert!(
        matches!(decode(Some(bad)), Err(StorageError::Corrupt(why)) if why.message(cup_pathway::i18n::Lang::En).contains("YYYY-MM-DD"))
    );
    assert_eq!(fold_label("ÆBLE Øst Å 12"), "æble øst å 12");
}

fn patient(w: &mut Worklist, label: &str, uid: &str, updated_ms: u64) -> u32 {
    let id = w.add(label, day(), uid.into()).unwrap();
    w.get_mut(id).unwrap().updated_ms = updated_ms;
    id
}

#[test]
fn a_backup_round_trips_with_its_export_date() {
    use cup_pathway::storage::{decode_backup, encode_backup, Opened, Settings, Stored};
    let mut w = Worklist::default();
    patient(&mut w, "Seng 1", "a", 10);
    let stored = Stored::new(w, Settings::default());
    let text = encode_backup(&stored, day());
    assert!(text.contains("\"exported\":\"2026-11-25\""));
    assert_eq!(decode_backup(&text), Ok(Opened::Plain(stored)));
}

#[test]
fn a_backup_is_read_strictly_and_a_bad_one_imports_nothing() {
    use cup_pathway::storage::{decode_backup, ImportError, MAX_BACKUP_BYTES};
    assert!(matches!(decode_backup(&" ".repeat(MAX_BACKUP_BYTES + 1)), Err(ImportError::TooLarge(_))));
    assert!(matches!(decode_backup("{\"format\":\"other\"}"), Err(ImportError::NotABackup(_))));
    assert!(matches!(decode_backup("[1,2"), Err(ImportError::NotABackup(_))));
    assert_eq!(decode_backup(r#"{"format":"cup-pathway","version":9,"worklist":{}}"#), Err(ImportError::Newer(9)));
    assert_eq!(decode_backup(r#"{"format":"cup-pathway","version":8,"lock":{}}"#), Err(ImportError::Newer(8)));
    let bad_date = r#"{"format":"cup-pathway","version":2,"worklist":{"patients":[{"id":1,"uid":"x","label":"A","created":"2026-11-01","case":{"events":{"referral_received":"2026-02-30"}}}]}}"#;
    assert!(matches!(decode_backup(bad_date), Err(ImportError::NotABackup(_))));
    for e in [
        ImportError::TooLarge(1),
        ImportError::NotABackup(Some(cup_pathway::storage::Fault::UnknownFormat)),
        ImportError::NotABackup(None),
        ImportError::Newer(3),
    ] {
        assert!(e.message(cup_pathway::i18n::Lang::Da).contains("Intet er importeret"));
    }
}

#[test]
fn importing_merges_by_uid_and_never_overwrites_a_newer_edit_silently() {
    use cup_pathway::patients::ImportKind::*;
    let mut here = Worklist::default();
    let kept = patient(&mut here, "Seng 1", "same", 100);
    patient(&mut here, "Seng 2", "older-there", 200);
    let replaced = patient(&mut here, "Seng 3", "newer-there", 100);
    patient(&mut here, "Seng 4", "conflict", 100);
    patient(&mut here, "Seng 5", "x", 1);
    let mut there = here.clone();
    there.patients.retain(|p| p.uid != "x");
    for p in &mut there.patients {
        match p.uid.as_str() {
            "older-there" => {
                p.updated_ms = 150;
                p.closed = true;
            }
            "newer-there" => {
                p.updated_ms = 300;
                p.closed = true;
            }
            "conflict" => p.closed = true,
            _ => {}
        }
    }
    there.add("Seng 5", day(), "new".into()).unwrap();
    let kinds: Vec<_> = here.preview_import(&there).into_iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [Same, Older, Newer, Conflict, New]);
    let before = here.clone();
    let rows = here.apply_import(&there);
    assert_eq!(rows.len(), 5);
    assert_eq!(here.get(kept), before.get(kept), "identical: untouched");
    assert!(!here.patients.iter().find(|p| p.uid == "older-there").unwrap().closed, "the newer local edit stays");
    let r = here.get(replaced).unwrap();
    assert!(r.closed && r.updated_ms == 300, "the newer imported edit replaces, keeping the local number");
    // Issue 24: a conflict is kept inside the patient as a clash, not as a copy beside it.
    assert!(here.patients.iter().all(|p| !p.label.contains("importeret")));
    // Archived there; here never written (a legacy patient records no "not
    // archived"): the one value is taken in, and nothing clashes with it.
    let c = here.patients.iter().find(|p| p.uid == "conflict").unwrap();
    assert!(c.closed && c.clashes().is_empty());
    let added = here.patients.iter().find(|p| p.uid == "new").unwrap();
    assert_eq!(added.label, "Seng 5 (2)", "labels stay unique");
    let mut ids: Vec<_> = here.patients.iter().map(|p| p.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), here.patients.len(), "local numbers stay unique");
}

#[test]
fn two_tabs_merge_by_patient_and_nothing_is_lost() {
    // Issue 24: edits are stamped (writer, counter); wall-clock times decide nothing.
    use cup_pathway::merge::{Clock, Writer};
    let (mut ca, mut cb) = (Clock::new(Writer(1)), Clock::new(Writer(2)));
    let mut a = Worklist::default();
    patient(&mut a, "Seng 1", "one", 100);
    patient(&mut a, "Seng 2", "two", 100);
    a.fill_stamps();
    let mut b = a.clone();
    // Tab A changes patient one; tab B changes patient two and adds a third.
    a.edit(1, &mut ca, 200, |p| p.closed = true);
    b.edit(2, &mut cb, 50, |p| p.closed = true);
    let three = patient(&mut b, "Seng 3", "three", 300);
    b.stamp_new(three, &mut cb, 60);
    // B saves first; A merges what is stored before it saves: nothing is lost.
    let changed = a.merge_from(&b);
    assert_eq!(changed, [2]);
    assert!(a.patients[0].closed, "A's own edit stays");
    assert!(a.patients[1].closed, "B's edit arrives, though its clock is behind");
    assert_eq!(a.patients.len(), 3);
    assert!(a.patients.iter().all(|p| p.clashes().is_empty()));
    // And B takes in A's result.
    b.merge_from(&a);
    assert_eq!(b, a);
}

#[test]
fn labels_that_look_alike_are_one_label_issue_23_5() {
    let mut w = Worklist::default();
    w.add("Stue Æble 3", day(), "u1".into()).unwrap();
    w.add("Café 2", day(), "u2".into()).unwrap();
    w.add("Pt 7", day(), "u3".into()).unwrap();
    w.add("Straße 1", day(), "u4".into()).unwrap();
    for alike in ["stue æble 3", "Cafe\u{301} 2", "\u{FF30}\u{FF54} 7", "STRASSE 1"] {
        assert_eq!(w.add(alike, day(), format!("x-{alike}")), Err(LabelError::Duplicate), "{alike}");
    }
    assert!(w.add("Stue Æble 4", day(), "u5".into()).is_ok(), "a different label still passes");
}

#[test]
fn patients_sharing_a_local_number_get_their_own_on_read_issue_23_5() {
    use cup_pathway::storage::decode_stored;
    let text = r#"{"format":"cup-pathway","version":4,"worklist":{"patients":[
        {"id":1,"uid":"a1","updated_ms":1,"label":"A","created":"2026-11-01","case":{"schema_version":4}},
        {"id":1,"uid":"b2","updated_ms":1,"label":"B","created":"2026-11-01","case":{"schema_version":4}},
        {"id":0,"uid":"c3","updated_ms":1,"label":"C","created":"2026-11-01","case":{"schema_version":4}}]}}"#;
    let s = decode_stored(Some(text)).unwrap();
    let ids: Vec<u32> = s.worklist.patients.iter().map(|p| p.id).collect();
    assert_eq!(ids, [1, 2, 3], "no two patients share a number, none is 0");
    assert_eq!(s.renumbered.len(), 2, "{:?}", s.renumbered);
    assert!(s.renumbered[0].contains("»B«"));
}
