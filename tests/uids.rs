//! Issue 14, points 4 and 5, natively: no patient is merged into another or
//! lost by its uid (stores, backups, imports, two-tab merges), and text read
//! from a backup, a store or a share link meets the rules typed text meets.
#![cfg(not(target_arch = "wasm32"))]

use cup_pathway::i18n::Message;
use cup_pathway::state::Notice;
use chrono::NaiveDate;
use cup_pathway::i18n::Lang;
use cup_pathway::share::{self, ShareError};
use cup_pathway::storage::{
    decode_backup, decode_opened, decode_stored, encode_backup, encode_stored, ImportError, Opened, Settings,
    StorageError, Stored,
};
use cup_pathway::patients::{ImportKind, Patient, TextFault, TextField, Worklist};
use proptest::prelude::*;
use std::collections::BTreeSet;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn patient(w: &mut Worklist, label: &str, uid: &str, updated_ms: u64) -> u32 {
    let id = w.add(label, day(), uid.into()).unwrap();
    w.get_mut(id).unwrap().updated_ms = updated_ms;
    id
}

/// Two patients with the same uid, as the import before issue 14 could leave them.
fn with_duplicate() -> Worklist {
    let mut w = Worklist::default();
    patient(&mut w, "Seng 1", "same", 100);
    patient(&mut w, "Seng 2", "same", 200);
    w.patients[1].closed = true;
    w
}

fn backup(w: &Worklist) -> String {
    encode_backup(&Stored::new(w.clone(), Settings::default()), day())
}

fn uids(w: &Worklist) -> Vec<&str> {
    w.patients.iter().map(|p| p.uid.as_str()).collect()
}

fn unique(w: &Worklist) -> bool {
    let all = uids(w);
    all.iter().collect::<BTreeSet<_>>().len() == all.len()
}

#[test]
fn a_backup_with_two_patients_under_one_uid_is_refused_naming_both() {
    let e = decode_backup(&backup(&with_duplicate())).unwrap_err();
    assert_eq!(e, ImportError::DuplicateUids(vec!["nr. 1 »Seng 1«".into(), "nr. 2 »Seng 2«".into()]));
    let m = e.message(Lang::Da);
    assert!(m.contains("Seng 1") && m.contains("Seng 2") && m.contains("Intet er importeret"), "{m}");
    assert!(e.message(Lang::En).contains("no. 2"));
}

#[test]
fn a_store_with_two_patients_under_one_uid_gives_the_second_its_own_and_says_so() {
    let text = encode_stored(&Stored::new(with_duplicate(), Settings::default()));
    let s = decode_stored(Some(&text)).unwrap();
    assert_eq!(s.worklist.patients.len(), 2);
    assert!(unique(&s.worklist));
    assert_eq!(s.worklist.patients[0].uid, "same", "the first keeps its uid");
    assert_eq!(s.renumbered, ["nr. 2 »Seng 2«"]);
    assert!(Notice::Renumbered(s.renumbered.clone()).message(Lang::Da).contains("Seng 2"));
    // Every tab renumbers the same way.
    assert_eq!(decode_stored(Some(&text)).unwrap(), s);
    // A clean store says nothing.
    let clean = decode_stored(Some(&encode_stored(&s))).unwrap();
    assert!(clean.renumbered.is_empty());
}

/// The review's reproduction: a backup with two patients under one uid,
/// imported in tab A, merged into tab B (which then saves): one patient was
/// deleted from storage. Now the backup is refused; and even a worklist that
/// reaches the import with a duplicate keeps both patients through A and B.
#[test]
fn a_duplicate_uid_never_loses_a_patient_through_import_and_a_second_tab() {
    assert!(decode_backup(&backup(&with_duplicate())).is_err());
    let mut a = Worklist::default();
    a.apply_import(&with_duplicate());
    assert_eq!(a.patients.len(), 2);
    assert!(unique(&a), "{:?}", uids(&a));
    let mut b = Worklist::default();
    let stored_by_a = decode_stored(Some(&encode_stored(&Stored::new(a.clone(), Settings::default())))).unwrap();
    b.merge_from(&stored_by_a.worklist);
    let stored_by_b = decode_stored(Some(&encode_stored(&Stored::new(b, Settings::default())))).unwrap();
    assert_eq!(stored_by_b.worklist.patients.len(), 2);
}

#[test]
fn a_conflict_copy_gets_a_uid_no_patient_has() {
    let mut here = Worklist::default();
    patient(&mut here, "Seng 1", "c", 100);
    // A patient that happens to carry the uid a copy of "c" would have had.
    patient(&mut here, "Seng 9", "c-import-100", 5);
    let mut there = Worklist::default();
    patient(&mut there, "Seng 1", "c", 100);
    there.patients[0].closed = true;
    // And an incoming patient that carries the next candidate.
    patient(&mut there, "Seng 8", "c-import-100-2", 5);
    let rows = here.apply_import(&there);
    assert_eq!(rows.iter().map(|r| r.kind).collect::<Vec<_>>(), [ImportKind::Conflict, ImportKind::New]);
    assert!(unique(&here), "{:?}", uids(&here));
    // Issue 24: a conflict is no longer a copy beside the patient; both
    // versions stay inside it, a clash (here: archived or not).
    assert_eq!(here.patients.len(), 3);
    // Archived in the file, never written here: taken in (see `tests/merge_store.rs` for a clash).
    let c = here.patients.iter().find(|p| p.uid == "c").unwrap();
    assert!(c.closed);
    assert!(here.patients.iter().all(|p| !p.label.contains("importeret")));
}

#[test]
fn labels_an_import_makes_keep_the_length_limit() {
    let long = "Stue med et meget langt navn, seng nr. 9";
    assert_eq!(long.chars().count(), 40);
    let mut here = Worklist::default();
    patient(&mut here, long, "c", 100);
    let mut there = Worklist::default();
    patient(&mut there, long, "c", 100);
    there.patients[0].closed = true; // a conflict: a copy with a suffix
    let mut d = there.patients[0].clone(); // new, with the same label: numbered
    d.uid = "d".into();
    d.id = 2;
    there.patients.push(d);
    here.apply_import(&there);
    // Issue 24: the conflict stays inside the patient (no copy); the new one is numbered.
    assert_eq!(here.patients.len(), 2);
    for p in &here.patients {
        assert!(p.label.chars().count() <= 40, "{:?}", p.label);
    }
    assert!(here.patients[0].closed);
    assert!(here.patients[1].label.ends_with(" (2)"));
    // And the store they are written to reads back.
    let text = encode_stored(&Stored::new(here.clone(), Settings::default()));
    assert_eq!(decode_stored(Some(&text)).unwrap().worklist, here);
}

#[test]
fn importing_the_same_backup_twice_adds_nothing_the_second_time() {
    let mut here = Worklist::default();
    patient(&mut here, "Seng 1", "c", 100);
    patient(&mut here, "Seng 5", "other", 1);
    let mut there = Worklist::default();
    patient(&mut there, "Seng 1", "c", 100);
    there.patients[0].closed = true; // a conflict
    patient(&mut there, "Seng 5", "new", 7); // new, renamed "Seng 5 (2)" here
    let file = backup(&there);
    let Ok(Opened::Plain(incoming)) = decode_backup(&file) else { panic!() };
    here.apply_import(&incoming.worklist);
    // Issue 24: the conflict stays inside "c" (no copy); "new" is added.
    assert_eq!(here.patients.len(), 3);
    let once = here.clone();
    let rows = here.apply_import(&incoming.worklist);
    assert_eq!(here, once, "the second import changed {rows:?}");
    assert!(rows.iter().all(|r| r.kind == ImportKind::Same), "{rows:?}");
    assert!(here.preview_import(&incoming.worklist).iter().all(|r| r.kind == ImportKind::Same));
}

// ----- Point 5: text read from outside meets the typed-input rules -----

fn refused(w: &Worklist) -> (ImportError, StorageError) {
    let b = decode_backup(&backup(w)).unwrap_err();
    let s = decode_opened(Some(&encode_stored(&Stored::new(w.clone(), Settings::default())))).unwrap_err();
    (b, s)
}

#[test]
fn a_backup_or_store_with_text_typed_input_refuses_is_refused_whole_naming_patient_and_field() {
    let good = || {
        let mut w = Worklist::default();
        patient(&mut w, "Seng 1", "a", 1);
        patient(&mut w, "Seng 2", "b", 1);
        w
    };
    let cases: Vec<(Box<dyn Fn(&mut Patient)>, TextField, TextFault, &str)> = vec![
        (Box::new(|p| p.label = "x".repeat(41)), TextField::Label, TextFault::TooLong(40), "betegnelsen"),
        (Box::new(|p| p.label = "Hansen 010203-1234".into()), TextField::Label, TextFault::LooksLikeCpr, "betegnelsen"),
        (Box::new(|p| p.label = "  ".into()), TextField::Label, TextFault::Empty, "betegnelsen"),
        (
            Box::new(|p| {
                p.notes.insert("s3_1_history".into(), "y".repeat(201));
            }),
            TextField::Note,
            TextFault::TooLong(200),
            "en note",
        ),
        (
            Box::new(|p| {
                p.notes.insert("s3_1_history".into(), "cpr 0102031234".into());
            }),
            TextField::Note,
            TextFault::LooksLikeCpr,
            "en note",
        ),
        (
            Box::new(|p| p.case.answers.organ_specific_suspicion = Some("z".repeat(61))),
            TextField::Organ,
            TextFault::TooLong(60),
            "kræfttypen",
        ),
        (
            Box::new(|p| p.case.answers.organ_specific_suspicion = Some("lunge 010203-1234".into())),
            TextField::Organ,
            TextFault::LooksLikeCpr,
            "kræfttypen",
        ),
    ];
    for (break_it, field, fault, word) in cases {
        let mut w = good();
        break_it(&mut w.patients[1]);
        let (b, s) = refused(&w);
        let ImportError::Text(t) = &b else { panic!("{b:?}") };
        assert_eq!((t.field, t.fault), (field, fault));
        let m = b.message(Lang::Da);
        assert!(m.contains("nr. 2") && m.contains(word) && m.contains("Intet er importeret"), "{m}");
        assert!(!m.contains("010203") && !m.contains("0102031234"), "the CPR-like text is never repeated: {m}");
        if field != TextField::Label {
            assert!(m.contains("Seng 2"), "{m}");
        }
        assert!(
            matches!(s, StorageError::Corrupt(ref why) if why.message(cup_pathway::i18n::Lang::Da).contains("nr. 2")),
            "{s:?}"
        );
    }
    // At the limits: accepted.
    let mut w = good();
    w.patients[1].label = "æ".repeat(40);
    w.patients[1].notes.insert("s3_1_history".into(), "ø".repeat(200));
    w.patients[1].case.answers.organ_specific_suspicion = Some("å".repeat(60));
    assert!(decode_backup(&backup(&w)).is_ok());
}

#[test]
fn a_share_link_whose_organ_text_typed_input_refuses_is_refused() {
    for bad in ["lunge 010203-1234".to_string(), "z".repeat(61)] {
        let mut c = cup_pathway::pathway::Case::default();
        c.answers.organ_specific_suspicion = Some(bad);
        assert_eq!(share::decode(&share::encode(&c)), Err(ShareError::Text));
    }
    let mut c = cup_pathway::pathway::Case::default();
    c.answers.organ_specific_suspicion = Some("å".repeat(60));
    assert_eq!(share::decode(&share::encode(&c)), Ok(c));
}

// ----- The property: no merge or import ever loses a patient; uids stay unique -----

/// A patient from small pools, so that uids repeat and edits conflict.
fn gen_patient() -> impl Strategy<Value = (u8, u8, u64, bool)> {
    (0u8..6, 0u8..4, 0u64..3, any::<bool>())
}

fn worklist(spec: &[(u8, u8, u64, bool)]) -> Worklist {
    let mut w = Worklist::default();
    for (i, (uid, label, ms, closed)) in spec.iter().enumerate() {
        w.patients.push(Patient {
            id: i as u32 + 1,
            uid: format!("u{uid}"),
            updated_ms: *ms,
            // Some at the longest a label may be: an import's suffixes must still fit.
            label: if *label == 3 {
                format!("Stue med et meget langt navn, seng {uid}{ms}")
            } else {
                format!("Seng {label}")
            },
            created: day(),
            case: Default::default(),
            closed: *closed,
            notes: Default::default(),
            stamps: Default::default(),
        });
    }
    w
}

/// What a tab reads back from a store another wrote.
fn through_store(w: &Worklist) -> Worklist {
    decode_stored(Some(&encode_stored(&Stored::new(w.clone(), Settings::default())))).unwrap().worklist
}

fn has_all(after: &Worklist, before: &Worklist) -> bool {
    before.patients.iter().all(|p| after.patients.iter().any(|q| q.uid == p.uid))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_merge_or_import_loses_a_patient_and_uids_stay_unique(
        here in proptest::collection::vec(gen_patient(), 0..8),
        file in proptest::collection::vec(gen_patient(), 0..8),
        other_tab in proptest::collection::vec(gen_patient(), 0..8),
    ) {
        // Stores are read with their uids made unique, and count every patient.
        let here_raw = worklist(&here);
        let mut a = through_store(&here_raw);
        prop_assert_eq!(a.patients.len(), here_raw.patients.len());
        prop_assert!(unique(&a));
        let incoming = worklist(&file);
        // A backup with a duplicate is refused whole; otherwise imported.
        let decoded = decode_backup(&backup(&incoming));
        prop_assert_eq!(decoded.is_err(), !unique(&incoming));
        // The import, whatever reaches it (a duplicate too), loses nothing.
        let before = a.clone();
        let rows = a.apply_import(&incoming);
        prop_assert_eq!(rows.len(), incoming.patients.len());
        prop_assert!(unique(&a), "uids {:?}", uids(&a));
        prop_assert!(has_all(&a, &before), "a patient here was lost");
        prop_assert!(has_all(&a, &incoming), "an imported patient was lost");
        prop_assert_eq!(a.patients.iter().map(|p| p.id).collect::<BTreeSet<_>>().len(), a.patients.len());
        // The preview says what the import did.
        prop_assert_eq!(before.preview_import(&incoming), rows);
        // Importing it again adds nothing.
        let once = a.clone();
        a.apply_import(&incoming);
        prop_assert_eq!(&a, &once);
        // A second tab with its own patients merges A's store, and A merges
        // the second tab's: neither loses a patient, uids stay unique.
        let mut b = through_store(&worklist(&other_tab));
        let b_before = b.clone();
        b.merge_from(&through_store(&a));
        prop_assert!(unique(&b));
        prop_assert!(has_all(&b, &a) && has_all(&b, &b_before));
        a.merge_from(&through_store(&b));
        prop_assert!(unique(&a));
        prop_assert!(has_all(&a, &b));
    }
}
