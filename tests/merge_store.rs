//! The lossless merge in the store (issue 24): two tabs' writes stamped
//! field by field, clashes kept inside the patient, deletion records, the
//! stored format (envelope 6) and its migration, the import of old and new
//! backups, and the merge laws over generated worklists.

use cup_pathway::merge::{Clock, Writer};
use cup_pathway::pathway::case::Sex;
use cup_pathway::pathway::questions::{set_answer, Answer, QuestionId};
use cup_pathway::storage::{decode_backup, decode_stored, encode_backup, encode_stored, Opened, Settings, Stored};
use cup_pathway::patients::{rows, ImportKind, Worklist};
use proptest::prelude::*;
use serde_json::json;
use std::collections::BTreeMap;

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// A store as another tab reads it: encoded and decoded.
fn through_store(w: &Worklist) -> Worklist {
    decode_stored(Some(&encode_stored(&Stored::new(w.clone(), Settings::default())))).unwrap().worklist
}

/// One worklist with one patient, created by `clock`.
fn one_patient(clock: &mut Clock) -> Worklist {
    let mut w = Worklist::default();
    let id = w.add("Seng 4", day(), "uid-1".into()).unwrap();
    w.stamp_new(id, clock, 1_000);
    w
}

/// Same patients by uid, same values and stamps (local numbers aside).
fn by_uid(w: &Worklist) -> BTreeMap<String, (String, cup_pathway::records::Stamps, String)> {
    w.patients
        .iter()
        .map(|p| (p.uid.clone(), (p.label.clone(), p.stamps.clone(), serde_json::to_string(&p.case).unwrap())))
        .collect()
}

#[test]
fn two_tabs_editing_one_patient_keep_both_values_as_a_clash_and_lose_nothing() {
    let (mut a, mut b) = (Clock::new(Writer(0xa)), Clock::new(Writer(0xb)));
    let mut tab_a = one_patient(&mut a);
    let mut tab_b = through_store(&tab_a);
    // Tab A answers male; tab B, not having seen it, female; B also dates the referral.
    tab_a.edit(1, &mut a, 2_000, |p| set_answer(&mut p.case, QuestionId::Sex, Answer::Choice("male")).unwrap());
    tab_b.edit(1, &mut b, 1_500, |p| {
        set_answer(&mut p.case, QuestionId::Sex, Answer::Choice("female")).unwrap();
        p.case.events.referral_received = Some(day());
    });
    let mut merged_a = tab_a.clone();
    merged_a.merge_from(&through_store(&tab_b));
    let mut merged_b = tab_b.clone();
    merged_b.merge_from(&through_store(&tab_a));
    assert_eq!(by_uid(&merged_a), by_uid(&merged_b), "both tabs end with the same copy");
    let p = &merged_a.patients[0];
    assert_eq!(p.case.events.referral_received, Some(day()), "B's date, unclashed, is taken in");
    let clashes = p.clashes();
    assert_eq!(clashes.len(), 1, "{clashes:?}");
    assert_eq!(clashes[0].key, "a.sex");
    let values: Vec<_> = clashes[0].values.iter().map(|(_, v)| v.clone()).collect();
    assert!(values.contains(&json!("male")) && values.contains(&json!("female")), "{values:?}");
    assert!(rows(&merged_a, day())[0].clash, "the worklist row says Konflikt");
    // Choosing writes one value replacing both; the older copies bring nothing back.
    merged_a.write_field(1, "a.sex", json!("female"), &mut a, 3_000);
    assert!(merged_a.patients[0].clashes().is_empty());
    assert_eq!(merged_a.patients[0].case.answers.sex, Some(Sex::Female));
    assert!(!rows(&merged_a, day())[0].clash);
    let before = by_uid(&merged_a);
    merged_a.merge_from(&tab_a);
    merged_a.merge_from(&tab_b);
    assert_eq!(by_uid(&merged_a), before);
}

/// Issue 24.3: answering a field in clash again in the wizard (an ordinary
/// edit, not the clash panel's choice) is a write that replaces every value
/// it held: the clash is gone, here and after merging the old copies back.
#[test]
fn answering_a_clashing_question_again_resolves_the_clash() {
    let (mut a, mut b) = (Clock::new(Writer(0xa)), Clock::new(Writer(0xb)));
    let mut tab_a = one_patient(&mut a);
    let mut tab_b = through_store(&tab_a);
    tab_a.edit(1, &mut a, 2_000, |p| set_answer(&mut p.case, QuestionId::Sex, Answer::Choice("male")).unwrap());
    tab_b.edit(1, &mut b, 1_500, |p| set_answer(&mut p.case, QuestionId::Sex, Answer::Choice("female")).unwrap());
    let mut merged = tab_a.clone();
    merged.merge_from(&through_store(&tab_b));
    assert_eq!(merged.patients[0].clashes().len(), 1);
    // The shown value is "male" (the later stamp); answering "female" in the wizard.
    merged.edit(1, &mut a, 3_000, |p| set_answer(&mut p.case, QuestionId::Sex, Answer::Choice("female")).unwrap());
    assert!(merged.patients[0].clashes().is_empty(), "{:?}", merged.patients[0].clashes());
    assert!(!rows(&merged, day())[0].clash);
    let mut again = through_store(&merged);
    again.merge_from(&tab_a);
    again.merge_from(&tab_b);
    assert!(again.patients[0].clashes().is_empty());
    assert_eq!(again.patients[0].case.answers.sex, Some(Sex::Female));
}

#[test]
fn a_correction_made_after_seeing_the_other_value_replaces_it_whatever_the_clocks_say() {
    let (mut a, mut b) = (Clock::new(Writer(0xa)), Clock::new(Writer(0xb)));
    let mut tab_a = one_patient(&mut a);
    // A's clock runs a day fast.
    tab_a.edit(1, &mut a, 90_000_000, |p| p.case.answers.age_years = Some(70));
    let mut tab_b = through_store(&tab_a);
    // B saw 70 and corrects it to 67 with its clock a day behind.
    tab_b.edit(1, &mut b, 10, |p| p.case.answers.age_years = Some(67));
    tab_a.merge_from(&through_store(&tab_b));
    assert_eq!(tab_a.patients[0].case.answers.age_years, Some(67));
    assert!(tab_a.patients[0].clashes().is_empty());
    // The display time never goes back: B's stamp is after what it had seen.
    let s = tab_a.patients[0].stamps.fields["a.age_years"];
    assert!(s.time_ms() > 90_000_000);
}

#[test]
fn a_deletion_keeps_its_uid_and_an_edit_it_had_not_seen_survives_and_is_shown() {
    let (mut a, mut b) = (Clock::new(Writer(0xa)), Clock::new(Writer(0xb)));
    let mut tab_a = one_patient(&mut a);
    let mut tab_b = through_store(&tab_a);
    tab_b.edit(1, &mut b, 2_000, |p| p.case.answers.age_years = Some(50));
    tab_a.delete_patient(1, &mut a, 2_100);
    assert!(tab_a.patients.is_empty());
    assert_eq!(tab_a.deleted.len(), 1);
    let record_chars = serde_json::to_string(&tab_a.deleted).unwrap().chars().count();
    assert!(record_chars < 140, "a deletion record is small: {record_chars}");
    // A deletion seen everywhere stays a deletion.
    let mut seen = through_store(&tab_a);
    seen.merge_from(&through_store(&tab_a));
    assert!(seen.patients.is_empty());
    // B's unseen edit survives, and the patient says it was deleted elsewhere.
    tab_a.merge_from(&through_store(&tab_b));
    assert_eq!(tab_a.patients.len(), 1, "{tab_a:?}");
    let p = &tab_a.patients[0];
    assert_eq!(p.case.answers.age_years, Some(50));
    assert!(p.stamps.deleted_elsewhere() && rows(&tab_a, day())[0].clash);
    assert!(p.label.is_empty(), "the label the deleter had seen is gone");
    tab_b.merge_from(&through_store(&tab_a));
    assert_eq!(by_uid(&tab_a), by_uid(&tab_b));
    // Deleted again, having seen everything: a deletion record everywhere.
    tab_a.delete_patient(p.id, &mut a, 3_000);
    tab_b.merge_from(&through_store(&tab_a));
    assert!(tab_b.patients.is_empty() && tab_b.deleted.len() == 1);
}

#[test]
fn archiving_is_a_field_like_any_other() {
    let (mut a, mut b) = (Clock::new(Writer(0xa)), Clock::new(Writer(0xb)));
    let mut tab_a = one_patient(&mut a);
    let mut tab_b = through_store(&tab_a);
    tab_a.edit(1, &mut a, 2_000, |p| p.closed = true);
    tab_b.edit(1, &mut b, 2_000, |p| p.case.answers.age_years = Some(50));
    tab_a.merge_from(&tab_b);
    let p = &tab_a.patients[0];
    assert!(p.closed && p.case.answers.age_years == Some(50) && p.clashes().is_empty());
}

#[test]
fn a_version_4_store_migrates_with_stamps_from_its_content_and_nothing_computed_on_read_is_an_edit() {
    let v4 = decode_stored(Some(&fixture("envelope-v4.json"))).unwrap();
    // Read, nothing is stamped: the stamps are derived from the content when needed.
    assert!(v4.worklist.patients.iter().all(|p| p.stamps.is_empty()));
    let v6 = encode_stored(&v4);
    assert!(v6.starts_with(r#"{"format":"cup-pathway","version":6,"#), "{v6}");
    assert_eq!(decode_stored(Some(&v6)).unwrap(), v4, "written back unchanged, no stamp made up");
    // Two copies of one legacy store (a hand-passed backup) merge without a clash.
    let mut one = v4.worklist.clone();
    one.merge_from(&decode_stored(Some(&fixture("envelope-v4.json"))).unwrap().worklist);
    assert!(one.patients.iter().all(|p| p.clashes().is_empty()));
    assert_eq!(one.patients.len(), v4.worklist.patients.len());
    // An edit stamps only the field it changed.
    let mut a = Clock::new(Writer(0xa));
    let id = one.patients[0].id;
    one.edit(id, &mut a, 5, |p| p.case.answers.age_years = Some(44));
    let s = &one.patients[0].stamps;
    assert_eq!(s.fields.keys().collect::<Vec<_>>(), vec!["a.age_years"]);
    assert!(s.base.is_some(), "the other values keep their legacy stamp");
    // And the other legacy copy merges in without undoing it or clashing.
    one.merge_from(&v4.worklist);
    assert_eq!(one.patients[0].case.answers.age_years, Some(44));
    assert!(one.patients.iter().all(|p| p.clashes().is_empty()));
}

#[test]
fn a_store_from_a_newer_envelope_is_never_read_as_this_one() {
    let text = r#"{"format":"cup-pathway","version":8,"worklist":{"patients":[]}}"#;
    assert!(matches!(decode_stored(Some(text)), Err(cup_pathway::storage::StorageError::NewerVersion(8))));
}

#[test]
fn fields_written_by_a_newer_version_are_kept_unread_and_written_back() {
    let mut a = Clock::new(Writer(0xa));
    let w = one_patient(&mut a);
    let text = encode_stored(&Stored::new(w, Settings::default()));
    let stamp = r#"["000000000000000a",1,5]"#;
    let text = text.replacen(r#""s":{"#, &format!(r#""s":{{"x":{{"a.new_question":[[{stamp},"yes"]]}},"#), 1);
    let read = decode_stored(Some(&text)).unwrap();
    assert!(read.worklist.patients[0].stamps.extra.contains_key("a.new_question"), "{text}");
    let mut w = read.worklist.clone();
    w.edit(1, &mut a, 9, |p| p.case.answers.age_years = Some(3));
    let back = encode_stored(&Stored::new(w, Settings::default()));
    assert!(back.contains(r#""a.new_question":[[["000000000000000a",1,5],"yes"]]"#), "{back}");
}

#[test]
fn a_new_backup_imports_as_a_merge_and_an_old_one_through_the_preview() {
    let (mut a, mut b) = (Clock::new(Writer(0xa)), Clock::new(Writer(0xb)));
    let mut here = one_patient(&mut a);
    let mut there = through_store(&here);
    here.edit(1, &mut a, 2_000, |p| p.case.answers.age_years = Some(60));
    there.edit(1, &mut b, 2_000, |p| p.case.answers.age_years = Some(61));
    let file = encode_backup(&Stored::new(there.clone(), Settings::default()), day());
    let Ok(Opened::Plain(read)) = decode_backup(&file) else { panic!() };
    let kinds: Vec<_> = here.preview_import(&read.worklist).into_iter().map(|r| r.kind).collect();
    assert_eq!(kinds, vec![ImportKind::Merged]);
    here.apply_import_as(&read.worklist, &mut a, 3_000);
    assert_eq!(here.patients.len(), 1, "no copy is made");
    assert_eq!(here.patients[0].clashes().len(), 1);
    // Importing it again adds nothing.
    let again = here.clone();
    here.apply_import_as(&read.worklist, &mut a, 4_000);
    assert_eq!(here, again);
    assert_eq!(here.preview_import(&read.worklist)[0].kind, ImportKind::Same);

    // An old backup (envelope 4): today's preview by wall-clock time; a newer
    // edit is written here as this writer's edit.
    let mut old = decode_stored(Some(&fixture("envelope-v4.json"))).unwrap().worklist;
    let uid = old.patients[0].uid.clone();
    let mut here = old.clone();
    here.fill_stamps();
    old.patients[0].case.answers.age_years = Some(12);
    old.patients[0].updated_ms += 10;
    let old_file = fixture("envelope-v4.json")
        .replace(r#""age_years":67"#, r#""age_years":12"#)
        .replace(r#""updated_ms":1793000000000"#, r#""updated_ms":1793000000010"#);
    let Ok(Opened::Plain(read)) = decode_backup(&old_file) else { panic!() };
    let rows = here.preview_import(&read.worklist);
    assert_eq!(rows.iter().find(|r| r.uid == uid).unwrap().kind, ImportKind::Newer);
    here.apply_import_as(&read.worklist, &mut a, 5_000);
    let p = here.patients.iter().find(|p| p.uid == uid).unwrap();
    assert_eq!(p.case.answers.age_years, Some(12));
    assert_eq!(p.stamps.fields.get("a.age_years").map(|s| s.0), Some(Writer(0xa)), "an edit of this writer");
    assert!(p.clashes().is_empty());
}

#[test]
fn an_old_backup_changed_at_the_same_time_keeps_both_values_inside_the_patient() {
    let mut here = Worklist::default();
    let id = here.add("Seng 1", day(), "c".into()).unwrap();
    here.get_mut(id).unwrap().case.answers.age_years = Some(50);
    here.get_mut(id).unwrap().updated_ms = 100;
    let mut there = here.clone();
    there.patients[0].case.answers.age_years = Some(60);
    let rows = here.apply_import(&there);
    assert_eq!(rows[0].kind, ImportKind::Conflict);
    assert_eq!(here.patients.len(), 1, "no copy beside it");
    let clashes = here.patients[0].clashes();
    assert_eq!(clashes.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(), ["a.age_years"]);
    assert!(rows_clash(&here));
    // The same file again changes nothing.
    let once = here.clone();
    let rows = here.apply_import(&there);
    assert_eq!(here, once);
    assert_eq!(rows[0].kind, ImportKind::Same);
}

fn rows_clash(w: &Worklist) -> bool {
    rows(w, day()).iter().any(|r| r.clash)
}

#[test]
fn text_in_a_clash_meets_the_rules_typed_text_meets() {
    let mut a = Clock::new(Writer(0xa));
    let w = one_patient(&mut a);
    let text = encode_stored(&Stored::new(w, Settings::default()));
    let bad = text.replacen(r#""s":{"#, r#""s":{"o":{"label":[[["000000000000000a",1,5],"010190-1234"]]},"#, 1);
    assert!(
        matches!(
            decode_stored(Some(&bad)),
            Err(cup_pathway::storage::StorageError::Corrupt(cup_pathway::storage::Fault::Text(_)))
        ),
        "{bad}"
    );
    // The same value without a CPR number reads, a clash on the label.
    let good = bad.replace("010190-1234", "Seng 5");
    assert_eq!(decode_stored(Some(&good)).unwrap().worklist.patients[0].clashes().len(), 1);
    // A stamp its copy's version vector has not seen is no stamp: the store is refused, not misread.
    let unseen = good.replace(r#"["000000000000000a",1,5]"#, r#"["00000000000000ff",1,5]"#);
    assert!(decode_stored(Some(&unseen)).is_err());
}

// ----- The laws over generated worklists -----

#[derive(Clone, Debug)]
enum Op {
    Edit { tab: usize, patient: usize, age: u8 },
    Archive { tab: usize, patient: usize },
    Delete { tab: usize, patient: usize },
    Add { tab: usize },
    Merge { from: usize, to: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..3usize, 0..4usize, 0u8..5).prop_map(|(tab, patient, age)| Op::Edit { tab, patient, age }),
        1 => (0..3usize, 0..4usize).prop_map(|(tab, patient)| Op::Archive { tab, patient }),
        1 => (0..3usize, 0..4usize).prop_map(|(tab, patient)| Op::Delete { tab, patient }),
        1 => (0..3usize).prop_map(|tab| Op::Add { tab }),
        4 => (0..3usize, 0..3usize).prop_map(|(from, to)| Op::Merge { from, to }),
    ]
}

fn run(ops: &[Op]) -> Vec<Worklist> {
    let mut clocks: Vec<Clock> = (0..3).map(|i| Clock::new(Writer(100 + i))).collect();
    let mut tabs = vec![Worklist::default(); 3];
    for (n, op) in ops.iter().enumerate() {
        let now = 1_000 + n as u64;
        match *op {
            Op::Edit { tab, patient, age } => {
                if let Some(id) = tabs[tab].patients.get(patient).map(|p| p.id) {
                    tabs[tab].edit(id, &mut clocks[tab], now, |p| p.case.answers.age_years = Some(age));
                }
            }
            Op::Archive { tab, patient } => {
                if let Some(id) = tabs[tab].patients.get(patient).map(|p| p.id) {
                    tabs[tab].edit(id, &mut clocks[tab], now, |p| p.closed = !p.closed);
                }
            }
            Op::Delete { tab, patient } => {
                if let Some(id) = tabs[tab].patients.get(patient).map(|p| p.id) {
                    tabs[tab].delete_patient(id, &mut clocks[tab], now);
                }
            }
            Op::Add { tab } => {
                let label = format!("P{n}");
                if let Ok(id) = tabs[tab].add(&label, day(), format!("uid-{n}")) {
                    tabs[tab].stamp_new(id, &mut clocks[tab], now);
                }
            }
            Op::Merge { from, to } => {
                let other = through_store(&tabs[from]);
                tabs[to].merge_from(&other);
            }
        }
    }
    tabs
}

/// A worklist as the merge sees it: each uid's record, patients and deletion records alike.
fn records(w: &Worklist) -> BTreeMap<String, cup_pathway::merge::Record> {
    let mut m: BTreeMap<_, _> = w.patients.iter().map(|p| (p.uid.clone(), p.record())).collect();
    m.extend(w.deleted.iter().map(|d| (d.uid.clone(), d.record.clone())));
    m
}

fn merged(a: &Worklist, b: &Worklist) -> Worklist {
    let mut m = a.clone();
    m.merge_from(b);
    m
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn worklist_merge_is_commutative_associative_and_idempotent(ops in proptest::collection::vec(op(), 0..30)) {
        let t = run(&ops);
        prop_assert_eq!(records(&merged(&t[0], &t[1])), records(&merged(&t[1], &t[0])));
        prop_assert_eq!(records(&merged(&merged(&t[0], &t[1]), &t[2])), records(&merged(&t[0], &merged(&t[1], &t[2]))));
        prop_assert_eq!(records(&merged(&t[0], &t[0])), records(&t[0]));
        // Local numbers stay unique.
        let m = merged(&merged(&t[0], &t[1]), &t[2]);
        let mut ids: Vec<u32> = m.patients.iter().map(|p| p.id).collect();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), m.patients.len());
        // Every record survives the store's text unchanged.
        prop_assert_eq!(records(&through_store(&m)), records(&m));
    }

    #[test]
    fn a_local_write_never_moves_a_worklist_backwards(ops in proptest::collection::vec(op(), 0..30), age in 0u8..9) {
        let t = run(&ops);
        let mut w = t[0].clone();
        if let Some(id) = w.patients.first().map(|p| p.id) {
            let mut c = Clock::new(Writer(999));
            w.edit(id, &mut c, 5_000, |p| p.case.answers.age_years = Some(age));
            prop_assert_eq!(records(&merged(&w, &t[0])), records(&w));
        }
    }
}

#[test]
fn labels_that_clash_after_a_merge_get_a_suffix_on_screen_never_stored() {
    let (mut a, mut b) = (Clock::new(Writer(0xa)), Clock::new(Writer(0xb)));
    let mut tab_a = Worklist::default();
    let mut tab_b = Worklist::default();
    let x = tab_a.add("Seng 7", day(), "uid-a".into()).unwrap();
    tab_a.stamp_new(x, &mut a, 1);
    let y = tab_b.add("Seng 7", day(), "uid-b".into()).unwrap();
    tab_b.stamp_new(y, &mut b, 1);
    tab_a.merge_from(&through_store(&tab_b));
    assert_eq!(tab_a.patients.len(), 2);
    let mut shown: Vec<String> = rows(&tab_a, day()).into_iter().map(|r| r.label).collect();
    shown.sort();
    assert_eq!(shown, ["Seng 7", "Seng 7 (2)"]);
    assert!(tab_a.patients.iter().all(|p| p.label == "Seng 7"), "the suffix is never stored");
    // The same on every copy: by creation and uid.
    tab_b.merge_from(&through_store(&tab_a));
    let label_of = |w: &Worklist, uid: &str| {
        let id = w.patients.iter().find(|p| p.uid == uid).unwrap().id;
        rows(w, day()).into_iter().find(|r| r.id == id).unwrap().label
    };
    assert_eq!(label_of(&tab_a, "uid-b"), label_of(&tab_b, "uid-b"));
    assert_eq!(label_of(&tab_b, "uid-b"), "Seng 7 (2)");
}

/// Issue 25, point 5: the list kept before a valve change brought back.
#[test]
fn restoring_the_list_from_before_brings_back_what_a_change_removed_on_every_pc_without_a_clash() {
    let mut a = Clock::new(Writer(1));
    let mut here = Worklist::default();
    for i in 0..25 {
        let id = here.add(&format!("Seng {i}"), day(), format!("uid-{i}")).unwrap();
        here.stamp_new(id, &mut a, 1_000);
        here.edit(id, &mut a, 1_001, |p| {
            p.notes.insert("mdt".into(), format!("konference {i}"));
        });
    }
    let before = here.clone();
    // Another PC, having seen the list, deletes 22 patients and rewrites a note.
    let mut b = Clock::new(Writer(2));
    let mut there = before.clone();
    for id in there.patients.iter().take(22).map(|p| p.id).collect::<Vec<_>>() {
        there.delete_patient(id, &mut b, 2_000);
    }
    let last = there.patients.iter().find(|p| p.uid == "uid-24").unwrap().id;
    there.edit(last, &mut b, 2_001, |p| {
        p.notes.insert("mdt".into(), "overskrevet".into());
    });
    // Accepted here; then a patient is added here meanwhile.
    here.merge_from(&there);
    assert_eq!(here.patients.len(), 3);
    let id = here.add("Ny", day(), "uid-new".into()).unwrap();
    here.stamp_new(id, &mut a, 2_500);
    // Restored: the 22 deleted and the one changed, nothing else.
    let back = here.restore_from(&before, &mut a, 3_000);
    assert_eq!(back.len(), 23, "{back:?}");
    let values = |w: &Worklist| -> BTreeMap<String, (String, Option<String>)> {
        w.patients.iter().map(|p| (p.uid.clone(), (p.label.clone(), p.notes.get("mdt").cloned()))).collect()
    };
    let mut want = values(&before);
    want.insert("uid-new".into(), ("Ny".into(), None));
    assert_eq!(values(&here), want);
    assert!(here.patients.iter().all(|p| !p.stamps.in_clash()), "no clash, no 'deleted elsewhere'");
    assert!(here.deleted.is_empty());
    // The other PC takes it in: the same list there, no clash either.
    there.merge_from(&here);
    assert_eq!(values(&there), want);
    assert!(there.patients.iter().all(|p| !p.stamps.in_clash()));
    // Restoring again changes nothing.
    assert!(here.restore_from(&before, &mut a, 4_000).is_empty());
    // Through the store and back, the same.
    assert_eq!(values(&through_store(&here)), want);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Whatever another PC deleted or rewrote, and whatever was added here
    /// since: after restoring, every patient of the list from before shows
    /// its values from before, the patients added since stay, and no clash
    /// is made, here or on the other PC once it has taken the list in.
    #[test]
    fn restoring_gives_back_every_patient_as_it_was(
        n in 1usize..12,
        deletes in proptest::collection::vec(any::<bool>(), 12),
        rewrites in proptest::collection::vec(any::<bool>(), 12),
        added in 0usize..3,
    ) {
        let (mut a, mut b) = (Clock::new(Writer(1)), Clock::new(Writer(2)));
        let mut here = Worklist::default();
        for i in 0..n {
            let id = here.add(&format!("Seng {i}"), day(), format!("uid-{i}")).unwrap();
            here.stamp_new(id, &mut a, 1_000);
        }
        let before = here.clone();
        let mut there = before.clone();
        for (i, id) in there.patients.iter().map(|p| p.id).collect::<Vec<_>>().into_iter().enumerate() {
            if deletes[i] {
                there.delete_patient(id, &mut b, 2_000);
            } else if rewrites[i] {
                there.edit(id, &mut b, 2_000, |p| { p.closed = true; p.notes.insert("ct".into(), "ny".into()); });
            }
        }
        here.merge_from(&there);
        for k in 0..added {
            let id = here.add(&format!("Ny {k}"), day(), format!("new-{k}")).unwrap();
            here.stamp_new(id, &mut a, 2_500);
        }
        here.restore_from(&before, &mut a, 3_000);
        there.merge_from(&here);
        for w in [&here, &there] {
            prop_assert_eq!(w.patients.len(), n + added);
            for p in &before.patients {
                let now = w.patients.iter().find(|q| q.uid == p.uid).unwrap();
                prop_assert_eq!((&now.label, now.closed, &now.notes), (&p.label, p.closed, &p.notes));
            }
            prop_assert!(w.patients.iter().all(|p| !p.stamps.in_clash()));
        }
    }
}

/// Issue 25, point 2: starting the list over deletes every patient by
/// deletions that win on every copy; an edit made elsewhere meanwhile survives and says so.
#[test]
fn starting_the_list_over_deletes_every_patient_everywhere_but_an_unseen_edit_survives() {
    let (mut a, mut b) = (Clock::new(Writer(1)), Clock::new(Writer(2)));
    let mut here = Worklist::default();
    for i in 0..5 {
        let id = here.add(&format!("Seng {i}"), day(), format!("uid-{i}")).unwrap();
        here.stamp_new(id, &mut a, 1_000);
    }
    let mut there = here.clone();
    let id = there.patients[0].id;
    there.edit(id, &mut b, 1_500, |p| p.closed = true);
    here.delete_all_patients(&mut a, 2_000);
    assert!(here.patients.is_empty());
    assert_eq!(here.deleted.len(), 5);
    there.merge_from(&here);
    assert_eq!(there.patients.len(), 1, "only the edit the deletion had not seen");
    assert!(there.patients[0].stamps.deleted_elsewhere());
    let mut other = here.clone();
    other.merge_from(&through_store(&here));
    assert!(other.patients.is_empty());
}
