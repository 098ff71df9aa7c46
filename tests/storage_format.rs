//! The stored form (issue 16): compact envelope version 4, read from every
//! older version, written by an encoder that re-encodes only what changed.

use cup_pathway::storage::{decode_stored, encode_stored, Encoder, Settings, Stored};
use cup_pathway::patients::{Patient, Worklist};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn a_version_2_store_reads_as_before_and_is_written_compact_as_version_6() {
    let v2 = decode_stored(Some(&fixture("envelope-v2.json"))).unwrap();
    assert_eq!(v2.worklist.patients.len(), 3);
    assert_eq!(v2.settings.last_backup.map(|d| d.to_string()).as_deref(), Some("2026-11-20"));
    let v6 = encode_stored(&v2);
    assert!(v6.starts_with(r#"{"format":"cup-pathway","version":6,"#), "{v6}");
    // Nothing is lost: the compact text reads back as the same store.
    assert_eq!(decode_stored(Some(&v6)).unwrap(), v2);
    // The form is fixed: any change to it is a new envelope version and a
    // migration. Read from version 2, nothing is stamped (issue 24: the
    // stamps of a legacy patient are derived from its content, never
    // recorded as an edit), so version 6 is version 4's text.
    assert_eq!(v6, fixture("envelope-v6.json").trim_end());
    assert_eq!(decode_stored(Some(&fixture("envelope-v4.json"))).unwrap(), v2);
    assert!(!v6.contains("null") && !v6.contains("[]") && !v6.contains("{}"), "{v6}");
}

#[test]
fn the_fixtures_cases_are_stored_in_at_most_500_characters_each_on_average() {
    let stored = decode_stored(Some(&fixture("envelope-v2.json"))).unwrap();
    let full = fixture("envelope-v2.json").chars().count();
    let compact = encode_stored(&stored).chars().count();
    let n = stored.worklist.patients.len();
    // A worked liver case (answers, two dates, a tick, a code, a note), an
    // acute bone referral and an ended case.
    assert!(compact / n <= 500, "{} characters per case", compact / n);
    assert!(compact * 3 < full, "compact {compact} against {full}");
}

#[test]
fn a_current_envelope_holding_an_older_case_still_migrates_it() {
    // Schema 1 wrote `false` for a question not asked: it reads as open.
    let text = r#"{"format":"cup-pathway","version":4,"worklist":{"patients":[{"id":1,"uid":"u","updated_ms":1,"label":"A","created":"2026-11-01","case":{"schema_version":1,"answers":{"lymphoma_suspected":false}}}]}}"#;
    let s = decode_stored(Some(text)).unwrap();
    let case = &s.worklist.patients[0].case;
    assert_eq!(case.answers.lymphoma_suspected, None);
    assert_eq!(case.schema_version, cup_pathway::pathway::CASE_SCHEMA_VERSION);
}

#[test]
fn a_change_within_the_same_millisecond_or_under_a_clock_set_back_is_still_newer() {
    let mut p: Patient =
        serde_json::from_str(r#"{"id":1,"label":"A","created":"2026-11-01","updated_ms":500}"#).unwrap();
    p.touch(500);
    assert_eq!(p.updated_ms, 501);
    p.touch(100);
    assert_eq!(p.updated_ms, 502);
    p.touch(9_000);
    assert_eq!(p.updated_ms, 9_000);
}

/// One change a clinician or another tab can make to the worklist.
#[derive(Clone, Debug)]
enum Op {
    Add,
    Answer(u8, bool),
    Note(u8, String),
    Close(u8),
    Remove(u8),
    Swap(u8, u8),
    /// A change that keeps `updated_ms` (the encoder must see it anyway).
    Silent(u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        Just(Op::Add),
        (any::<u8>(), any::<bool>()).prop_map(|(i, b)| Op::Answer(i, b)),
        (any::<u8>(), "[a-zæøå ]{0,12}").prop_map(|(i, t)| Op::Note(i, t)),
        any::<u8>().prop_map(Op::Close),
        any::<u8>().prop_map(Op::Remove),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::Swap(a, b)),
        any::<u8>().prop_map(Op::Silent),
    ]
}

fn apply(w: &mut Worklist, op: &Op, n: &mut u32) {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let len = w.patients.len();
    let at = |i: &u8| (len > 0).then(|| *i as usize % len);
    match op {
        Op::Add => {
            *n += 1;
            let _ = w.add(&format!("Pt {n}"), today, format!("uid-{n}"));
        }
        Op::Answer(i, b) => {
            if let Some(i) = at(i) {
                w.patients[i].case.answers.known_cancer = Some(*b);
                w.patients[i].touch(1);
            }
        }
        Op::Note(i, t) => {
            if let Some(i) = at(i) {
                w.patients[i].notes.insert("s3_1_history".into(), t.clone());
                w.patients[i].touch(1);
            }
        }
        Op::Close(i) => {
            if let Some(i) = at(i) {
                w.patients[i].closed = !w.patients[i].closed;
                w.patients[i].touch(1);
            }
        }
        Op::Remove(i) => {
            if let Some(i) = at(i) {
                w.patients.remove(i);
            }
        }
        Op::Swap(a, b) => {
            if let (Some(a), Some(b)) = (at(a), at(b)) {
                w.patients.swap(a, b);
            }
        }
        Op::Silent(i) => {
            if let Some(i) = at(i) {
                w.patients[i].case.answers.lymphoma_suspected = Some(true);
            }
        }
    }
}

proptest! {
    /// After any sequence of changes, the encoder that reuses what it wrote
    /// writes exactly what a fresh one writes: no change is ever missed.
    #[test]
    fn the_incremental_encoder_writes_what_a_fresh_encoder_writes(ops in proptest::collection::vec(op(), 0..60)) {
        let mut w = Worklist::default();
        let mut enc = Encoder::default();
        let mut n = 0;
        let settings = Settings::default();
        for op in &ops {
            apply(&mut w, op, &mut n);
            let incremental = enc.encode(&w, &settings);
            let fresh = encode_stored(&Stored::new(w.clone(), settings));
            prop_assert_eq!(&incremental, &fresh);
            prop_assert_eq!(decode_stored(Some(&incremental)).unwrap().worklist, w.clone());
        }
    }

    /// Merging another tab's worklist by map: every patient of theirs is
    /// here afterwards with all its values, local numbers stay unique, and
    /// nothing is stale beside it any more.
    #[test]
    fn merging_another_tabs_worklist_keeps_every_patient_and_the_newer_edit(
        mine_ops in proptest::collection::vec(op(), 0..30),
        their_ops in proptest::collection::vec(op(), 0..30),
    ) {
        let (mut mine, mut theirs) = (Worklist::default(), Worklist::default());
        let mut n = 0;
        for op in &mine_ops { apply(&mut mine, op, &mut n); }
        theirs.clone_from(&mine);
        for op in &their_ops { apply(&mut theirs, op, &mut n); }
        mine.merge_from(&theirs);
        // Issue 24: no longer "the newer edit wins" by the wall clock; every
        // value of theirs is here (kept, or a clash beside ours).
        for t in &theirs.patients {
            let m = mine.patients.iter().find(|p| p.uid == t.uid).unwrap();
            prop_assert!(m.record().includes(&t.record()));
        }
        let mut ids: Vec<u32> = mine.patients.iter().map(|p| p.id).collect();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), mine.patients.len());
        prop_assert!(!mine.is_stale_beside(&theirs));
    }
}

/// Issue 27.2: a store or backup that is not JSON, or not of this version's
/// shape, is said in the UI's words with where the parser stopped; the
/// parser's own English never reaches the Danish UI.
#[test]
fn a_json_fault_is_said_in_danish_with_where_it_stopped_never_in_the_parsers_english() {
    use cup_pathway::i18n::Lang;
    use cup_pathway::storage::{Fault, JsonFault, StorageError};
    let fault = |text: &str| match decode_stored(Some(text)) {
        Err(StorageError::Corrupt(f)) => f,
        other => panic!("{other:?}"),
    };
    let cases = [
        ("{broken", JsonFault::Syntax, "ikke gyldig JSON (linje 1, tegn 2)"),
        // Read from the parsed tree: no place to name.
        ("{\"format\": \"cup-pathway\", \"version\": 2, \"worklist\": {\"patients\": \"x\"}}", JsonFault::Shape, "JSON af en form, denne version ikke læser"),
        ("{\"format\": \"cup-", JsonFault::Cut, "teksten slutter for tidligt (linje 1"),
    ];
    for (text, kind, said) in cases {
        let f = fault(text);
        assert!(matches!(f, Fault::Json { kind: k, .. } if k == kind), "{text}: {f:?}");
        let da = StorageError::Corrupt(f.clone()).message(Lang::Da);
        assert!(da.contains(said), "{da}");
        for english in ["expected", "EOF", "invalid type", "key must", "at line"] {
            assert!(!da.contains(english), "{english} in {da}");
        }
        assert!(!da.contains("linje 0"), "{da}");
        // In English, the parser's own words.
        assert!(StorageError::Corrupt(f.clone()).message(Lang::En).contains("not readable as this version's JSON ("));
    }
    // A case of an unknown form: the model's English only in English.
    let case = Fault::Case("invalid type: string \"x\", expected a map".into());
    assert!(!StorageError::Corrupt(case.clone()).message(Lang::Da).contains("expected"));
    assert!(StorageError::Corrupt(case).message(Lang::En).contains("expected a map"));
}
