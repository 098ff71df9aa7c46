//! The lossless merge (issue 24, point 7): the merge laws over generated
//! copies with clashes and deletion records, and a simulator with an exact
//! "no lost edit" check under clocks that run apart, jump back and sit in 2099.

use department::merge::{legacy_record, Clock, Dot, Record, Seen, Stamp, Writer, DELETED};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

const KEYS: [&str; 3] = ["a.sex", "e.first_attendance", "label"];

#[derive(Clone, Debug)]
enum Op {
    /// Copy `r` writes value `v` (3: cleared) into key `k`.
    Write { r: usize, k: usize, v: u8 },
    /// Copy `r` deletes the patient.
    Delete { r: usize },
    /// Copy `to` takes in copy `from`.
    Merge { from: usize, to: usize },
    /// Copy `r` is reloaded: a new page load, a new writer (its counter starts again).
    Reload { r: usize },
}

const COPIES: usize = 4;

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0..COPIES, 0..KEYS.len(), 0u8..4).prop_map(|(r, k, v)| Op::Write { r, k, v }),
        1 => (0..COPIES).prop_map(|r| Op::Delete { r }),
        5 => (0..COPIES, 0..COPIES).prop_map(|(from, to)| Op::Merge { from, to }),
        1 => (0..COPIES).prop_map(|r| Op::Reload { r }),
    ]
}

/// Each copy's clock: +1 day, −1 day, one that jumps back on every write, one in 2099.
fn clock_ms(r: usize, step: u64) -> u64 {
    const DAY: u64 = 86_400_000;
    const NOW: u64 = 1_796_000_000_000;
    match r {
        0 => NOW + DAY + step,
        1 => NOW - DAY + step,
        2 => NOW + 10 * DAY - step * 3_600_000,
        _ => 4_070_908_800_000 + step,
    }
}

/// One write or deletion as its author made it: what the author's copy had seen then.
#[derive(Clone, Debug)]
struct Logged {
    dot: Dot,
    key: &'static str,
    value: Value,
    seen_before: Seen,
}

struct Sim {
    copies: Vec<Record>,
    clocks: Vec<Clock>,
    log: Vec<Logged>,
    next_writer: u64,
    /// Times of each new stamp against what its copy had seen: never earlier.
    time_went_back: bool,
}

impl Sim {
    fn new(start_legacy: bool) -> Sim {
        let mut log = vec![];
        let copies = if start_legacy {
            // Every copy begins as the same legacy patient (a hand-passed backup).
            let mut fields = BTreeMap::new();
            fields.insert("label".to_string(), json!("A"));
            let r = legacy_record("u1", fields);
            let (s, v) = r.fields["label"][0].clone();
            log.push(Logged { dot: s.dot(), key: "label", value: v, seen_before: Seen::default() });
            vec![r; COPIES]
        } else {
            vec![Record::default(); COPIES]
        };
        let clocks = (0..COPIES).map(|i| Clock::new(Writer(1000 + i as u64))).collect();
        Sim { copies, clocks, log, next_writer: 2000, time_went_back: false }
    }

    fn run(&mut self, ops: &[Op]) {
        for (step, op) in ops.iter().enumerate() {
            match *op {
                Op::Write { r, k, v } => {
                    let value = if v == 3 { Value::Null } else { json!(v) };
                    let before = self.copies[r].clone();
                    let stamp = self.clocks[r].next(&before, clock_ms(r, step as u64));
                    self.time_went_back |= stamp.time_ms() <= before.last_time() && before.last_time() > 0;
                    self.log.push(Logged {
                        dot: stamp.dot(),
                        key: KEYS[k],
                        value: value.clone(),
                        seen_before: before.seen,
                    });
                    self.copies[r].write(KEYS[k], value, stamp);
                }
                Op::Delete { r } => {
                    let before = self.copies[r].clone();
                    let stamp = self.clocks[r].next(&before, clock_ms(r, step as u64));
                    self.log.push(Logged {
                        dot: stamp.dot(),
                        key: DELETED,
                        value: json!(true),
                        seen_before: before.seen,
                    });
                    self.copies[r].delete(stamp);
                }
                Op::Merge { from, to } => {
                    self.copies[to] = self.copies[to].merge(&self.copies[from]);
                }
                Op::Reload { r } => {
                    self.next_writer += 1;
                    self.clocks[r] = Clock::new(Writer(self.next_writer));
                }
            }
        }
    }

    fn all_merged(&self) -> Record {
        self.copies.iter().fold(Record::default(), |acc, c| acc.merge(c))
    }

    /// The exact check: after every copy has merged, a write is present if
    /// and only if no later write to its field (or deletion) was made by an
    /// author who had seen it.
    fn check_no_lost_edit(&self) -> Result<(), String> {
        let merged = self.all_merged();
        for w in &self.log {
            let replaced = self
                .log
                .iter()
                .any(|w2| w2.dot != w.dot && (w2.key == w.key || w2.key == DELETED) && w2.seen_before.covers(w.dot));
            let present =
                merged.fields.get(w.key).is_some_and(|vs| vs.iter().any(|(s, v)| s.dot() == w.dot && *v == w.value));
            if replaced && present {
                return Err(format!("{w:?} was replaced by a write that had seen it, yet it is still there"));
            }
            if !replaced && !present {
                return Err(format!("{w:?} is lost: no write that had seen it replaced it"));
            }
        }
        // Nothing is there that nobody wrote.
        for (key, vs) in &merged.fields {
            for (s, _) in vs {
                let logged = self.log.iter().any(|w| w.dot == s.dot() && w.key == key);
                if !logged {
                    return Err(format!("{key}: {s:?} was never written"));
                }
            }
        }
        Ok(())
    }
}

fn copies() -> impl Strategy<Value = Vec<Record>> {
    (proptest::collection::vec(op(), 0..40), any::<bool>()).prop_map(|(ops, legacy)| {
        let mut sim = Sim::new(legacy);
        sim.run(&ops);
        sim.copies
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn merge_is_commutative(cs in copies()) {
        for a in &cs {
            for b in &cs {
                prop_assert_eq!(a.merge(b), b.merge(a));
            }
        }
    }

    #[test]
    fn merge_is_associative(cs in copies()) {
        let (a, b, c) = (&cs[0], &cs[1], &cs[2]);
        prop_assert_eq!(a.merge(b).merge(c), a.merge(&b.merge(c)));
        let d = &cs[3];
        prop_assert_eq!(d.merge(a).merge(c), d.merge(&a.merge(c)));
    }

    #[test]
    fn merge_is_idempotent_and_an_upper_bound(cs in copies()) {
        for a in &cs {
            prop_assert_eq!(&a.merge(a), a);
            for b in &cs {
                let m = a.merge(b);
                prop_assert!(m.includes(a) && m.includes(b));
                prop_assert_eq!(m.merge(b), m.clone());
            }
        }
    }

    #[test]
    fn a_local_write_never_moves_a_copy_backwards(cs in copies(), k in 0..KEYS.len(), v in 0u8..4) {
        for a in &cs {
            let mut clock = Clock::new(Writer(9_999));
            let mut b = a.clone();
            let stamp = clock.next(&b, 0);
            b.write(KEYS[k], json!(v), stamp);
            prop_assert!(b.includes(a), "a write lost something of the copy it was made in");
            prop_assert!(b.seen.dominates(&a.seen));
            prop_assert!(b.clashes().all(|(key, _)| key != KEYS[k]), "a write leaves no clash in its field");
            let mut d = a.clone();
            let stamp = clock.next(&d, 0);
            d.delete(stamp);
            prop_assert!(d.includes(a), "a deletion is a write too");
            prop_assert!(d.is_deletion_record());
        }
    }

    #[test]
    fn no_edit_is_lost(ops in proptest::collection::vec(op(), 0..60), legacy in any::<bool>()) {
        let mut sim = Sim::new(legacy);
        sim.run(&ops);
        if let Err(e) = sim.check_no_lost_edit() {
            prop_assert!(false, "{}", e);
        }
        prop_assert!(!sim.time_went_back, "a stamp's time came before what its copy had seen");
    }
}

/// Two tabs edit one field without seeing each other: both values stay, a clash.
#[test]
fn two_unseen_edits_clash_and_a_write_resolves_them() {
    let (mut a, mut b) = (Clock::new(Writer(1)), Clock::new(Writer(2)));
    let mut x = Record::default();
    let s = a.next(&x, 10);
    x.write("a.sex", json!("female"), s);
    let mut y = x.clone();
    let s = a.next(&x, 20);
    x.write("a.sex", json!("male"), s);
    let s = b.next(&y, 5);
    y.write("a.sex", json!("female"), s);
    let m = x.merge(&y);
    assert_eq!(m.clashes().count(), 1, "{m:?}");
    // A write seen by the other replaces it: no clash.
    let s = b.next(&m, 30);
    let mut z = m.clone();
    z.write("a.sex", json!("male"), s);
    assert_eq!(z.clashes().count(), 0);
    assert_eq!(z.merge(&x).merge(&y), z, "the older copies bring nothing back");
}

/// A deletion keeps an edit its author had not seen; one it had seen goes.
#[test]
fn a_deletion_keeps_what_its_author_had_not_seen() {
    let (mut a, mut b) = (Clock::new(Writer(1)), Clock::new(Writer(2)));
    let mut x = Record::default();
    let s = a.next(&x, 1);
    x.write("label", json!("A"), s);
    let mut y = x.clone();
    let s = b.next(&y, 2);
    y.write("a.sex", json!("male"), s);
    let s = a.next(&x, 3);
    x.delete(s);
    assert!(x.is_deletion_record());
    let m = x.merge(&y);
    assert!(m.is_deleted() && !m.is_deletion_record(), "{m:?}");
    assert_eq!(m.shown("a.sex"), Some(&json!("male")));
    assert_eq!(m.shown("label"), None, "the label the deleter had seen is gone");
}

/// Copies of one legacy patient passed by hand merge without a clash; one
/// changed later under the old app clashes only where it differs.
#[test]
fn legacy_copies_merge_without_false_clashes() {
    let fields = |sex: &str| {
        let mut f = BTreeMap::new();
        f.insert("label".to_string(), json!("A"));
        f.insert("a.sex".to_string(), json!(sex));
        f
    };
    let x = legacy_record("u", fields("male"));
    let y = legacy_record("u", fields("male"));
    assert_eq!(x.merge(&y), x);
    let z = legacy_record("u", fields("female"));
    let m = x.merge(&z);
    let clashing: BTreeSet<&str> = m.clashes().map(|(k, _)| k.as_str()).collect();
    assert_eq!(clashing, BTreeSet::from(["a.sex"]));
}

/// A dot is never covered by a copy that has not seen it.
#[test]
fn version_vectors_cover_only_what_was_seen() {
    let mut s = Seen::default();
    s.add(Dot { writer: Writer(7), counter: 3 });
    assert!(s.covers(Dot { writer: Writer(7), counter: 2 }));
    assert!(!s.covers(Dot { writer: Writer(7), counter: 4 }));
    assert!(!s.covers(Dot { writer: Writer(8), counter: 1 }));
    let st = Stamp(Writer(0xab), 1, 2);
    assert_eq!(serde_json::to_string(&st).unwrap(), r#"["00000000000000ab",1,2]"#);
}
