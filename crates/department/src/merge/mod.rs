//! The lossless merge (issue 24): plain Rust (serde, serde_json; no web
//! crate, no app module), so a later issue can move it into a crate of its own.
//!
//! A copy of one patient is a [`Record`]: for each field (a key such as
//! `a.sex` or `t.s3_1_history`) the value or values it holds, each with the
//! [`Stamp`] of the write that made it, and a version vector ([`Seen`]): the
//! highest counter seen per writer. A writer is a random 64-bit id drawn per
//! page load; its counter lives in memory, so a (writer, counter) pair — a
//! [`Dot`] — is never made twice.
//!
//! - **A write** replaces every value of its field in the writer's copy
//!   (all of them seen there) with one new value.
//! - **A merge** keeps a value if the other copy also has it or has never
//!   seen it (its dot is beyond the other's version vector); two or more
//!   values left in a field are a clash, shown and resolved by a write.
//! - **A deletion** drops every value of the copy and writes [`DELETED`]:
//!   an edit the deleter had not seen survives a merge beside it.
//!
//! Clocks never decide: a stamp's time only orders what is shown.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The field a deletion writes (`true`); a record holding nothing else is a deletion record.
pub const DELETED: &str = "deleted";

/// A writer: a random 64-bit id per page load, or for a legacy copy a hash
/// of its uid and content (see [`legacy_writer`]). Written as 16 hexadecimal digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Writer(pub u64);

impl Writer {
    pub fn text(self) -> String {
        format!("{:016x}", self.0)
    }
}

impl Writer {
    /// From its 16 hexadecimal digits.
    pub fn parse(text: &str) -> Option<Writer> {
        (text.len() == 16).then(|| u64::from_str_radix(text, 16).ok().map(Writer)).flatten()
    }
}

/// One write's identity: who, and their how-many-th write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dot {
    pub writer: Writer,
    pub counter: u64,
}

/// A write's dot and the time it was made (milliseconds; for display only).
/// Stored as `["writer", counter, time]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Stamp(pub Writer, pub u64, pub u64);

impl Stamp {
    pub fn dot(self) -> Dot {
        Dot { writer: self.0, counter: self.1 }
    }
    pub fn time_ms(self) -> u64 {
        self.2
    }
}

/// A version vector: the highest counter seen per writer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seen(pub BTreeMap<Writer, u64>);

impl Seen {
    /// Has a copy with this vector seen the write `dot`?
    pub fn covers(&self, dot: Dot) -> bool {
        self.0.get(&dot.writer).is_some_and(|c| *c >= dot.counter)
    }

    pub fn add(&mut self, dot: Dot) {
        let c = self.0.entry(dot.writer).or_insert(0);
        *c = (*c).max(dot.counter);
    }

    pub fn join(&mut self, other: &Seen) {
        for (w, c) in &other.0 {
            self.add(Dot { writer: *w, counter: *c });
        }
    }

    /// Pointwise at least `other`: everything `other` has seen, this has seen.
    pub fn dominates(&self, other: &Seen) -> bool {
        other.0.iter().all(|(w, c)| self.covers(Dot { writer: *w, counter: *c }))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The values of one field, each with its stamp, in the order of their dots
/// (kept so by every operation: a merge is one pass over both).
pub type Values = Vec<(Stamp, Value)>;

/// One patient's copy: every field's values, and what the copy has seen.
/// Stored as `{"v": {writer: counter}, "f": {key: [[stamp, value], …]}}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    pub seen: Seen,
    pub fields: BTreeMap<String, Values>,
}

impl Record {
    /// Write `value` (`Value::Null`: the field cleared) under `stamp`: it
    /// replaces every value of the field in this copy.
    pub fn write(&mut self, key: &str, value: Value, stamp: Stamp) {
        self.seen.add(stamp.dot());
        self.fields.insert(key.to_string(), vec![(stamp, value)]);
    }

    /// Delete the patient: every value this copy holds is dropped, and a
    /// deletion is written. What remains is the uid (kept by the caller),
    /// the version vector and the deletion's stamp.
    pub fn delete(&mut self, stamp: Stamp) {
        self.fields.clear();
        self.write(DELETED, Value::Bool(true), stamp);
    }

    /// Only the deletion is left: a deletion record.
    pub fn is_deletion_record(&self) -> bool {
        self.is_deleted() && self.fields.iter().all(|(k, vs)| k == DELETED || vs.iter().all(|(_, v)| v.is_null()))
    }

    /// Deleted somewhere (maybe changed elsewhere too).
    pub fn is_deleted(&self) -> bool {
        self.fields.get(DELETED).is_some_and(|vs| vs.iter().any(|(_, v)| *v == Value::Bool(true)))
    }

    /// The merge of two copies of one patient: a value stays if the other
    /// copy also has it or has never seen it. Commutative, associative and
    /// idempotent (tested in `tests/merge.rs`).
    pub fn merge(&self, other: &Record) -> Record {
        if self == other {
            return self.clone();
        }
        let mut fields = BTreeMap::new();
        let keys = self.fields.keys().chain(other.fields.keys().filter(|k| !self.fields.contains_key(*k)));
        let empty = vec![];
        for key in keys {
            let mine = self.fields.get(key).unwrap_or(&empty);
            let theirs = other.fields.get(key).unwrap_or(&empty);
            // Both in the order of their dots: one pass, no sort (and no
            // sort's code in the wasm). A dot in both is one value.
            let (mut i, mut j) = (0, 0);
            let mut out: Values = vec![];
            loop {
                let (a, b) = (mine.get(i), theirs.get(j));
                let (v, keep) = match (a, b) {
                    (None, None) => break,
                    (Some(a), Some(b)) if a.0.dot() == b.0.dot() => {
                        i += 1;
                        j += 1;
                        (a, true)
                    }
                    (Some(a), b) if b.is_none_or(|b| a.0.dot() < b.0.dot()) => {
                        i += 1;
                        (a, !other.seen.covers(a.0.dot()))
                    }
                    (_, Some(b)) => {
                        j += 1;
                        (b, !self.seen.covers(b.0.dot()))
                    }
                    (Some(_), None) => break,
                };
                if keep {
                    out.push(v.clone());
                }
            }
            if !out.is_empty() {
                fields.insert(key.clone(), out);
            }
        }
        let mut seen = self.seen.clone();
        seen.join(&other.seen);
        Record { seen, fields }
    }

    /// Does this copy hold everything `other` holds (merging it in changes nothing)?
    pub fn includes(&self, other: &Record) -> bool {
        self.merge(other) == *self
    }

    /// Fields whose values differ: a clash (equal values under two stamps are none).
    pub fn clashes(&self) -> impl Iterator<Item = (&String, &Values)> {
        self.fields.iter().filter(|(_, vs)| vs.iter().any(|(_, v)| *v != vs[0].1))
    }

    /// The latest time of any stamp here (0 when none).
    pub fn last_time(&self) -> u64 {
        self.fields.values().flatten().map(|(s, _)| s.time_ms()).max().unwrap_or(0)
    }

    /// The time a new write shows: the clock, but never before what this copy
    /// has seen (`max(now, last seen + 1)`); it orders the display, never the merge.
    pub fn time_for(&self, now_ms: u64) -> u64 {
        now_ms.max(self.last_time().saturating_add(1))
    }

    /// The value shown for a field: of its values, the latest by time (then
    /// by dot); `None` for no value or a cleared one.
    pub fn shown(&self, key: &str) -> Option<&Value> {
        let vs = self.fields.get(key)?;
        let best = vs.iter().filter(|(_, v)| !v.is_null()).max_by_key(|(s, _)| (s.time_ms(), s.dot()))?;
        Some(&best.1)
    }
}

/// A page load's writer and its counter (in memory only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    pub writer: Writer,
    pub counter: u64,
}

impl Clock {
    pub fn new(writer: Writer) -> Clock {
        Clock { writer, counter: 0 }
    }

    /// The next stamp for a write into `record` at `now_ms`.
    pub fn next(&mut self, record: &Record, now_ms: u64) -> Stamp {
        self.counter += 1;
        Stamp(self.writer, self.counter, record.time_for(now_ms))
    }
}

/// FNV-1a, 64 bits: the same on every platform and in every version.
pub fn hash64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The writer a legacy copy's values are stamped by: a hash of its uid and
/// content (the fields in key order, as JSON). Two copies of one patient
/// with the same content get the same stamps and merge without a clash.
pub fn legacy_writer(uid: &str, fields: &BTreeMap<String, Value>) -> Writer {
    let mut text = String::from(uid);
    for (k, v) in fields {
        text.push('\u{1}');
        text.push_str(k);
        text.push('\u{2}');
        text.push_str(&v.to_string());
    }
    Writer(hash64(text.as_bytes()))
}

/// A legacy copy as a record: every field stamped (hash of uid and content,
/// 1, time 0: written before stamps, and the same in every copy, so one dot
/// is always one stamp).
pub fn legacy_record(uid: &str, fields: BTreeMap<String, Value>) -> Record {
    let stamp = Stamp(legacy_writer(uid, &fields), 1, 0);
    let mut seen = Seen::default();
    seen.add(stamp.dot());
    // Built by insertion: `collect` into a map sorts (one more sort in the wasm).
    let mut r = Record { seen, fields: BTreeMap::new() };
    for (k, v) in fields {
        r.fields.insert(k, vec![(stamp, v)]);
    }
    r
}

// ----- The stored form, written and read through `serde_json::Value` by
// hand: derived code for each of these types, for each way the app reads
// JSON, measured several KB of wasm; these few functions are one copy. -----

impl Stamp {
    pub fn to_value(self) -> Value {
        Value::Array(vec![Value::String(self.0.text()), Value::from(self.1), Value::from(self.2)])
    }

    pub fn from_value(v: &Value) -> Option<Stamp> {
        match v.as_array()?.as_slice() {
            [w, c, t] => Some(Stamp(Writer::parse(w.as_str()?)?, c.as_u64()?, t.as_u64()?)),
            _ => None,
        }
    }
}

impl Seen {
    pub fn to_value(&self) -> Value {
        let mut m = serde_json::Map::new();
        for (w, c) in &self.0 {
            m.insert(w.text(), Value::from(*c));
        }
        Value::Object(m)
    }

    pub fn from_value(v: &Value) -> Option<Seen> {
        let mut seen = Seen::default();
        for (w, c) in v.as_object()? {
            seen.add(Dot { writer: Writer::parse(w)?, counter: c.as_u64()? });
        }
        Some(seen)
    }
}

/// A field's values as stored: `[[stamp, value], …]`.
pub fn values_to_value(vs: &Values) -> Value {
    Value::Array(vs.iter().map(|(s, v)| Value::Array(vec![s.to_value(), v.clone()])).collect())
}

/// Read back in the order of their dots, whatever the order stored (a hand edit).
pub fn values_from_value(v: &Value) -> Option<Values> {
    let mut out: Values = vec![];
    for pair in v.as_array()? {
        let [s, value] = pair.as_array()?.as_slice() else { return None };
        let s = Stamp::from_value(s)?;
        let at = out.partition_point(|(x, _)| x.dot() < s.dot());
        if out.get(at).is_some_and(|(x, _)| x.dot() == s.dot()) {
            return None;
        }
        out.insert(at, (s, value.clone()));
    }
    (!out.is_empty()).then_some(out)
}

/// Fields by key: `{"key": [[stamp, value], …], …}`.
pub fn fields_to_value(f: &BTreeMap<String, Values>) -> Value {
    let mut m = serde_json::Map::new();
    for (k, vs) in f {
        m.insert(k.clone(), values_to_value(vs));
    }
    Value::Object(m)
}

pub fn fields_from_value(v: &Value) -> Option<BTreeMap<String, Values>> {
    let mut out = BTreeMap::new();
    for (k, vs) in v.as_object()? {
        out.insert(k.clone(), values_from_value(vs)?);
    }
    Some(out)
}

impl Record {
    /// `{"v": {writer: counter, …}, "f": {key: [[stamp, value], …], …}}`.
    pub fn to_value(&self) -> Value {
        let mut m = serde_json::Map::new();
        m.insert("v".into(), self.seen.to_value());
        m.insert("f".into(), fields_to_value(&self.fields));
        Value::Object(m)
    }

    /// A record as stored; `None` if it is not one (or a value claims a dot its copy has not seen).
    pub fn from_value(v: &Value) -> Option<Record> {
        let seen = Seen::from_value(v.get("v")?)?;
        let fields = fields_from_value(v.get("f")?)?;
        let all_seen = fields.values().flatten().all(|(s, _)| seen.covers(s.dot()));
        all_seen.then_some(Record { seen, fields })
    }
}

impl Serialize for Stamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(s)
    }
}

impl Serialize for Record {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Record {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        Record::from_value(&v).ok_or_else(|| serde::de::Error::custom("not a merge record"))
    }
}
