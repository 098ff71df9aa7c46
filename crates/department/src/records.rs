//! The worklist's patients as merge records (issue 24): each patient's
//! values as fields (`label`, `created`, `closed`, `a.<answer>`,
//! `e.<event>`, `t.<tick>`, `r.<code>`, `n.<note>`, `u`: the model the case
//! was evaluated under), the stamps stored beside them ([`Stamps`]), a write
//! stamped field by field ([`Worklist::edit`]), and the one merge of two
//! worklists ([`Worklist::merge_from`]) that the two-tab merge and a new
//! backup's import use. Pure: no browser API here.

use crate::merge::{legacy_record, Clock, Record, Seen, Stamp, Values, DELETED};
use crate::pathway::case::CASE_SCHEMA_VERSION;
use crate::pathway::Case;
use crate::patients::{Patient, Worklist};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

/// A patient's stamps, stored beside its values (`"s"` in the stored JSON:
/// `{"v": version vector, "b": base stamp, "f": {field: stamp}, "o": {field:
/// values}, "x": {field: values}}`, the empty ones left out).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamps {
    /// The version vector: the highest counter seen per writer.
    pub seen: Seen,
    /// The stamp of every shown value not listed in `fields`.
    pub base: Option<Stamp>,
    /// The stamp of a field's shown value (or of its clearing), where it is not `base`.
    pub fields: BTreeMap<String, Stamp>,
    /// A field's further values while in clash.
    pub others: BTreeMap<String, Values>,
    /// Fields this version does not show (written by a newer version, or a
    /// deletion beside a surviving edit), kept unread and written back.
    pub extra: BTreeMap<String, Values>,
}

impl Serialize for Stamps {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = Map::new();
        m.insert("v".into(), self.seen.to_value());
        if let Some(b) = self.base {
            m.insert("b".into(), b.to_value());
        }
        if !self.fields.is_empty() {
            let mut f = Map::new();
            for (k, s) in &self.fields {
                f.insert(k.clone(), s.to_value());
            }
            m.insert("f".into(), Value::Object(f));
        }
        if !self.others.is_empty() {
            m.insert("o".into(), crate::merge::fields_to_value(&self.others));
        }
        if !self.extra.is_empty() {
            m.insert("x".into(), crate::merge::fields_to_value(&self.extra));
        }
        Value::Object(m).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Stamps {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        Stamps::from_value(&v).ok_or_else(|| serde::de::Error::custom("stamps"))
    }
}

impl Stamps {
    /// As stored; `None` if malformed, or if a stamp claims a write its version vector has not seen.
    fn from_value(v: &Value) -> Option<Stamps> {
        let empty = Value::Object(Map::new());
        let seen = Seen::from_value(v.get("v")?)?;
        let base = match v.get("b") {
            Some(b) => Some(Stamp::from_value(b)?),
            None => None,
        };
        let mut fields = BTreeMap::new();
        for (k, s) in v.get("f").unwrap_or(&empty).as_object()? {
            fields.insert(k.clone(), Stamp::from_value(s)?);
        }
        let others = crate::merge::fields_from_value(v.get("o").unwrap_or(&empty))?;
        let extra = crate::merge::fields_from_value(v.get("x").unwrap_or(&empty))?;
        let s = Stamps { seen, base, fields, others, extra };
        let kept = s.others.values().chain(s.extra.values()).flatten().map(|(x, _)| x);
        let all = s.base.iter().chain(s.fields.values()).chain(kept);
        all.clone().all(|x| s.seen.covers(x.dot())).then_some(s)
    }
}

impl Stamps {
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }

    /// Deleted somewhere and changed elsewhere (an edit the deleter had not seen survived).
    pub fn deleted_elsewhere(&self) -> bool {
        self.extra.get(DELETED).is_some_and(|vs| vs.iter().any(|(_, v)| *v == Value::Bool(true)))
    }

    /// Any field in clash (two or more different values), or a deletion beside an edit.
    pub fn in_clash(&self) -> bool {
        self.deleted_elsewhere() || !self.others.is_empty()
    }

    fn last_time(&self) -> u64 {
        let all = self.base.iter().chain(self.fields.values());
        let more = self.others.values().chain(self.extra.values()).flatten().map(|(s, _)| s);
        all.chain(more).map(|s| s.time_ms()).max().unwrap_or(0)
    }
}

/// A deletion record: the uid and the record left (its version vector and
/// the deletion's stamp). Stored as `{"uid": "…", "r": record}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deletion {
    pub uid: String,
    pub record: Record,
}

impl Serialize for Deletion {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = Map::new();
        m.insert("uid".into(), Value::String(self.uid.clone()));
        m.insert("r".into(), self.record.to_value());
        Value::Object(m).serialize(s)
    }
}

impl Deletion {
    fn from_value(v: &Value) -> Option<Deletion> {
        let uid = v.get("uid")?.as_str()?.to_string();
        Some(Deletion { uid, record: Record::from_value(v.get("r")?)? })
    }
}

/// `worklist.deleted` as stored, read through one `Value` (no derived
/// sequence reader for it in the wasm).
pub fn read_deletions<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Deletion>, D::Error> {
    let v = Value::deserialize(d)?;
    let list = v.as_array().ok_or_else(|| serde::de::Error::custom("deleted"))?;
    list.iter().map(|x| Deletion::from_value(x).ok_or_else(|| serde::de::Error::custom("deletion record"))).collect()
}

/// One clashing field of a patient, for the case screen: each value shown
/// as text, with its stamp (who and when).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    pub key: String,
    pub values: Vec<(Stamp, Value)>,
}

/// A patient's values as fields, in key order.
pub fn fields_of(p: &Patient) -> BTreeMap<String, Value> {
    let mut f = BTreeMap::new();
    // A patient shown from a record without a label or a creation date (an
    // edit that survived a deletion) shows none: nothing is made up.
    if !p.label.is_empty() {
        f.insert("label".to_string(), Value::String(p.label.clone()));
    }
    if p.created != chrono::NaiveDate::default() {
        f.insert("created".to_string(), Value::String(crate::pathway::iso::format(p.created)));
    }
    if p.closed {
        f.insert("closed".to_string(), Value::Bool(true));
    }
    for (k, v) in &p.notes {
        f.insert(format!("n.{k}"), Value::String(v.clone()));
    }
    // Through the text the store is written as (one serializer for the case
    // in the wasm; `to_value` would add a second).
    let text = serde_json::to_string(&p.case).unwrap_or_default();
    let Ok(Value::Object(mut case)) = serde_json::from_str::<Value>(&text) else { return f };
    if let Some(Value::Object(a)) = case.remove("answers") {
        flatten(&mut f, "a.", a);
    }
    if let Some(Value::Object(e)) = case.remove("events") {
        for (k, v) in e {
            f.insert(format!("e.{k}"), v);
        }
    }
    if let Some(u) = case.remove("evaluated_under") {
        f.insert("u".to_string(), u);
    }
    let on = match case.remove("ticked_on") {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    };
    if let Some(Value::Array(ticks)) = case.remove("ticks") {
        for t in ticks.iter().filter_map(Value::as_str) {
            f.insert(format!("t.{t}"), on.get(t).cloned().unwrap_or(Value::Bool(true)));
        }
    }
    if let Some(Value::Array(codes)) = case.remove("registered_codes") {
        for c in codes.iter().filter_map(Value::as_str) {
            f.insert(format!("r.{c}"), Value::Bool(true));
        }
    }
    f
}

fn flatten(f: &mut BTreeMap<String, Value>, prefix: &str, m: Map<String, Value>) {
    for (k, v) in m {
        match v {
            Value::Object(inner) => flatten(f, &format!("{prefix}{k}."), inner),
            Value::Null => {}
            v => {
                f.insert(format!("{prefix}{k}"), v);
            }
        }
    }
}

/// A patient from its fields (the shown values); `id` and `uid` as given.
pub fn patient_from(uid: &str, id: u32, fields: &BTreeMap<String, Value>) -> Patient {
    let mut answers = Map::new();
    let mut events = Map::new();
    let mut ticks = vec![];
    let mut ticked_on = Map::new();
    let mut codes = vec![];
    let mut notes = BTreeMap::new();
    let mut case = Map::new();
    for (k, v) in fields {
        if let Some(a) = k.strip_prefix("a.") {
            match a.split_once('.') {
                Some((group, leaf)) => {
                    if let Value::Object(g) = answers.entry(group).or_insert_with(|| Value::Object(Map::new())) {
                        g.insert(leaf.to_string(), v.clone());
                    }
                }
                None => {
                    answers.insert(a.to_string(), v.clone());
                }
            }
        } else if let Some(e) = k.strip_prefix("e.") {
            events.insert(e.to_string(), v.clone());
        } else if let Some(t) = k.strip_prefix("t.") {
            ticks.push(Value::String(t.to_string()));
            if v.is_string() {
                ticked_on.insert(t.to_string(), v.clone());
            }
        } else if let Some(c) = k.strip_prefix("r.") {
            codes.push(Value::String(c.to_string()));
        } else if let Some(n) = k.strip_prefix("n.") {
            if let Some(text) = v.as_str() {
                notes.insert(n.to_string(), text.to_string());
            }
        } else if k == "u" {
            case.insert("evaluated_under".into(), v.clone());
        }
    }
    case.insert("schema_version".into(), Value::from(CASE_SCHEMA_VERSION));
    case.insert("answers".into(), Value::Object(answers));
    case.insert("events".into(), Value::Object(events));
    case.insert("ticks".into(), Value::Array(ticks));
    case.insert("ticked_on".into(), Value::Object(ticked_on));
    case.insert("registered_codes".into(), Value::Array(codes));
    let case = Case::from_json_value(Value::Object(case)).unwrap_or_default();
    let created = fields.get("created").and_then(Value::as_str).and_then(crate::pathway::iso::parse);
    Patient {
        id,
        uid: uid.to_string(),
        updated_ms: 0,
        label: fields.get("label").and_then(Value::as_str).unwrap_or_default().to_string(),
        created: created.unwrap_or_default(),
        case,
        closed: fields.get("closed") == Some(&Value::Bool(true)),
        notes,
        stamps: Stamps::default(),
    }
}

impl Patient {
    /// This patient as a record: its values with their stamps. A patient
    /// without stamps (read from an older version) gets its legacy stamps.
    pub fn record(&self) -> Record {
        self.record_of(fields_of(self))
    }

    /// [`Patient::record`] from this patient's fields, already made.
    fn record_of(&self, fields: BTreeMap<String, Value>) -> Record {
        if self.stamps.is_empty() {
            return legacy_record(&self.uid, fields);
        }
        let s = &self.stamps;
        let mut r = Record { seen: s.seen.clone(), fields: BTreeMap::new() };
        for (k, v) in fields {
            let Some(stamp) = s.fields.get(&k).or(s.base.as_ref()) else { continue };
            r.fields.insert(k, vec![(*stamp, v)]);
        }
        // Fields cleared by a write: stamped, with no value shown.
        for (k, stamp) in &s.fields {
            r.fields.entry(k.clone()).or_insert_with(|| vec![(*stamp, Value::Null)]);
        }
        for (k, vs) in s.others.iter().chain(s.extra.iter()) {
            let e = r.fields.entry(k.clone()).or_default();
            for v in vs {
                // In the order of the dots (see `merge::Values`), without a sort.
                let at = e.partition_point(|(x, _)| x.dot() < v.0.dot());
                e.insert(at, v.clone());
            }
        }
        r
    }

    /// The patient a record shows (`id`, `uid` and `updated_ms` as given):
    /// each field's latest value shown, the others kept as a clash, fields
    /// this version does not show kept unread.
    pub fn from_record(uid: &str, id: u32, updated_ms: u64, r: &Record) -> Patient {
        Patient::from_record_known(uid, id, updated_ms, r, &|_| false)
    }

    /// [`Patient::from_record`]; `known` says of a field that this version
    /// shows it (it is in the view of a patient merged), which spares
    /// reading the patient back when every shown field is known.
    fn from_record_known(uid: &str, id: u32, updated_ms: u64, r: &Record, known: &dyn Fn(&str) -> bool) -> Patient {
        let mut shown = BTreeMap::new();
        for k in r.fields.keys() {
            if let Some(v) = r.shown(k) {
                shown.insert(k.clone(), v.clone());
            }
        }
        let mut p = patient_from(uid, id, &shown);
        p.updated_ms = updated_ms;
        let view = if shown.keys().all(|k| known(k)) { shown } else { fields_of(&p) };
        let mut s = Stamps { seen: r.seen.clone(), ..Stamps::default() };
        // The shown value's stamp per field; the most frequent is the base
        // (a few stamps per patient: a list, not a map).
        let mut chosen: Vec<(&String, Stamp)> = vec![];
        let mut counts: Vec<(Stamp, usize)> = vec![];
        for (k, vs) in &r.fields {
            let best = vs
                .iter()
                .filter(|(_, v)| !v.is_null())
                .max_by_key(|(s, _)| (s.time_ms(), s.dot()))
                .or_else(|| vs.iter().max_by_key(|(s, _)| (s.time_ms(), s.dot())));
            let Some((stamp, v)) = best else { continue };
            if !v.is_null() && !view.contains_key(k) {
                s.extra.insert(k.clone(), vs.clone());
                continue;
            }
            chosen.push((k, *stamp));
            if view.contains_key(k) {
                match counts.iter_mut().find(|(x, _)| x == stamp) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((*stamp, 1)),
                }
            }
        }
        s.base = counts.into_iter().max_by_key(|(st, n)| (*n, st.dot())).map(|(st, _)| st);
        for (k, stamp) in chosen {
            if Some(stamp) != s.base || !view.contains_key(k) {
                s.fields.insert(k.clone(), stamp);
            }
            let rest: Values = r.fields[k].iter().filter(|(x, _)| *x != stamp).cloned().collect();
            if !rest.is_empty() {
                s.others.insert(k.clone(), rest);
            }
        }
        p.stamps = s;
        p
    }

    /// The fields in clash, each with all its values (the shown one first).
    pub fn clashes(&self) -> Vec<Clash> {
        let r = self.record();
        r.clashes()
            .map(|(k, vs)| {
                // The shown value first (the latest by time, see `Record::shown`), then the others.
                let shown = vs.iter().filter(|(_, v)| !v.is_null()).max_by_key(|(s, _)| (s.time_ms(), s.dot()));
                let first = shown.map(|(s, _)| *s);
                let values = shown.into_iter().chain(vs.iter().filter(|(s, _)| Some(*s) != first)).cloned().collect();
                Clash { key: k.clone(), values }
            })
            .collect()
    }
}

/// The patient as it would be with `value` shown in `key` (one value of a
/// clash), to word that value as the wizard would.
pub fn with_value(p: &Patient, key: &str, value: &Value) -> Patient {
    let mut f = fields_of(p);
    if value.is_null() {
        f.remove(key);
    } else {
        f.insert(key.to_string(), value.clone());
    }
    patient_from(&p.uid, p.id, &f)
}

impl Worklist {
    /// Give every patient read without stamps its legacy stamps, stored (a
    /// hash of uid and content: every copy derives the same, so this is no edit).
    pub fn fill_stamps(&mut self) {
        if !self.has_unstamped() {
            return;
        }
        for p in &mut self.patients {
            if p.stamps.is_empty() {
                let r = p.record();
                *p = Patient::from_record(&p.uid, p.id, p.updated_ms, &r);
            }
        }
    }

    /// The list kept before a change the shared folder's safety valve asked
    /// about (issue 25, point 5) brought back: each patient of `before`
    /// that was deleted since is added again, and each changed since gets
    /// its values back, as one write of `clock` that has seen the change
    /// (so it replaces it on every PC, no clash). Patients added since and
    /// patients as they were are left alone. Returns the uids brought back.
    pub fn restore_from(&mut self, before: &Worklist, clock: &mut Clock, now_ms: u64) -> Vec<String> {
        let mut back = Worklist::default();
        for b in &before.patients {
            let (mut r, same) = match self.patients.iter().find(|p| p.uid == b.uid) {
                Some(p) => (p.record(), same_values(p, b) && p.stamps.others.is_empty()),
                None => (self.deleted.iter().find(|d| d.uid == b.uid).map(|d| d.record.clone()).unwrap_or_default(), false),
            };
            if same {
                continue;
            }
            let want = fields_of(b);
            let stamp = clock.next(&r, now_ms);
            let keys: std::collections::BTreeSet<String> = r.fields.keys().chain(want.keys()).cloned().collect();
            for k in keys {
                let v = want.get(&k).cloned().unwrap_or(Value::Null);
                if r.fields.get(&k).is_some_and(|vs| vs.len() == 1 && vs[0].1 == v) {
                    continue;
                }
                // A deletion (or a value added since) cleared by the write.
                r.write(&k, v, stamp);
            }
            back.patients.push(Patient::from_record(&b.uid, 0, now_ms, &r));
        }
        let uids = back.patients.iter().map(|p| p.uid.clone()).collect();
        self.merge_from(&back);
        uids
    }

    /// Every patient deleted as one change of `clock` each (starting the
    /// shared folder's list over, issue 25 point 2): deletions that have
    /// seen every value, so they travel and win on every PC; an edit made
    /// elsewhere meanwhile survives and says so.
    pub fn delete_all_patients(&mut self, clock: &mut Clock, now_ms: u64) {
        for id in self.patients.iter().map(|p| p.id).collect::<Vec<_>>() {
            self.delete_patient(id, clock, now_ms);
        }
    }

    /// Is any patient still without stamps (read from an older version)?
    pub fn has_unstamped(&self) -> bool {
        self.patients.iter().any(|p| p.stamps.is_empty())
    }

    /// Change one patient as one write of `clock` at `now_ms`: every field
    /// whose value changed gets the write's stamp, replacing every value it
    /// had (all seen here). Nothing is stamped when nothing changed.
    pub fn edit(&mut self, id: u32, clock: &mut Clock, now_ms: u64, f: impl FnOnce(&mut Patient)) {
        // One copy of the stamping in the wasm, whatever the change.
        let mut f = Some(f);
        self.edit_dyn(id, clock, now_ms, &mut |p| {
            if let Some(f) = f.take() {
                f(p)
            }
        });
    }

    fn edit_dyn(&mut self, id: u32, clock: &mut Clock, now_ms: u64, f: &mut dyn FnMut(&mut Patient)) {
        let Some(p) = self.get_mut(id) else { return };
        if p.stamps.is_empty() {
            let r = p.record();
            *p = Patient::from_record(&p.uid, p.id, p.updated_ms, &r);
        }
        let before = fields_of(p);
        f(p);
        let after = fields_of(p);
        let changed: Vec<&String> = before
            .iter()
            .filter(|(k, v)| after.get(*k) != Some(v))
            .map(|(k, _)| k)
            .chain(after.iter().filter(|(k, _)| !before.contains_key(*k)).map(|(k, _)| k))
            .collect();
        if changed.is_empty() {
            return;
        }
        clock.counter += 1;
        let stamp = Stamp(clock.writer, clock.counter, now_ms.max(p.stamps.last_time().saturating_add(1)));
        p.stamps.seen.add(stamp.dot());
        for k in changed {
            p.stamps.fields.insert(k.clone(), stamp);
            p.stamps.others.remove(k);
        }
        p.touch(now_ms);
    }

    /// A patient just added, as one write of `clock`: every value it has.
    pub fn stamp_new(&mut self, id: u32, clock: &mut Clock, now_ms: u64) {
        let Some(p) = self.get_mut(id) else { return };
        let stamp = clock.next(&Record::default(), now_ms);
        let mut seen = Seen::default();
        seen.add(stamp.dot());
        p.stamps = Stamps { seen, base: Some(stamp), ..Stamps::default() };
        p.touch(now_ms);
    }

    /// Write `value` into one field of a patient (choosing one of a clash's
    /// values, keeping a patient deleted elsewhere): it replaces every value
    /// the field holds here.
    pub fn write_field(&mut self, id: u32, key: &str, value: Value, clock: &mut Clock, now_ms: u64) {
        let Some(p) = self.get_mut(id) else { return };
        let mut r = p.record();
        let stamp = clock.next(&r, now_ms);
        r.write(key, value, stamp);
        *p = Patient::from_record(&p.uid, p.id, now_ms.max(p.updated_ms.saturating_add(1)), &r);
    }

    /// Delete a patient: a deletion record keeps its uid and version vector.
    pub fn delete_patient(&mut self, id: u32, clock: &mut Clock, now_ms: u64) {
        let Some(i) = self.patients.iter().position(|p| p.id == id) else { return };
        let p = self.patients.remove(i);
        let mut r = p.record();
        let stamp = clock.next(&r, now_ms);
        r.delete(stamp);
        self.deleted.retain(|d| d.uid != p.uid);
        self.deleted.push(Deletion { uid: p.uid, record: r });
    }

    /// Take in another copy of the worklist (another tab's, a new backup's):
    /// patient by patient, by uid, the merge of [`crate::merge`]. Patients
    /// only there are added (with a local number free here), deletion
    /// records are merged too. Returns the local numbers of patients here
    /// that the other copy changed.
    pub fn merge_from(&mut self, other: &Worklist) -> Vec<u32> {
        let mut changed = vec![];
        let mut by_uid: HashMap<String, usize> =
            self.patients.iter().enumerate().map(|(i, p)| (p.uid.clone(), i)).collect();
        let mut gone: HashMap<String, usize> =
            self.deleted.iter().enumerate().map(|(i, d)| (d.uid.clone(), i)).collect();
        let mut next_id = self.patients.iter().map(|p| p.id).max().unwrap_or(0);
        let mut ids: std::collections::BTreeSet<u32> = std::collections::BTreeSet::new();
        ids.extend(self.patients.iter().map(|p| p.id));
        let mut removed = vec![];
        let theirs = other
            .patients
            .iter()
            .map(|p| (p.uid.as_str(), Some(p), None))
            .chain(other.deleted.iter().map(|d| (d.uid.as_str(), None, Some(&d.record))));
        for (uid, patient, deletion) in theirs {
            if let (Some(&i), Some(t)) = (by_uid.get(uid), patient) {
                let mine = &self.patients[i];
                if mine.stamps == t.stamps && same_values(mine, t) {
                    continue;
                }
            }
            let their_fields = patient.map(fields_of).unwrap_or_default();
            let their_record = match (patient, deletion) {
                (Some(p), _) => p.record_of(their_fields.clone()),
                (None, Some(r)) => r.clone(),
                (None, None) => continue,
            };
            let updated = patient.map_or(0, |p| p.updated_ms);
            if let Some(&i) = by_uid.get(uid) {
                let my_fields = fields_of(&self.patients[i]);
                let known = |k: &str| my_fields.contains_key(k) || their_fields.contains_key(k);
                let mine = self.patients[i].record_of(my_fields.clone());
                let merged = mine.merge(&their_record);
                if merged == mine {
                    continue;
                }
                let p = &self.patients[i];
                let (id, ms) = (p.id, p.updated_ms.max(updated));
                if merged.is_deletion_record() {
                    removed.push(i);
                    gone.insert(uid.to_string(), self.deleted.len());
                    self.deleted.push(Deletion { uid: uid.to_string(), record: merged });
                } else {
                    self.patients[i] = Patient::from_record_known(uid, id, ms, &merged, &known);
                    changed.push(id);
                }
            } else if let Some(&d) = gone.get(uid) {
                let merged = self.deleted[d].record.merge(&their_record);
                if merged.is_deletion_record() {
                    self.deleted[d].record = merged;
                } else {
                    // Deleted here, changed there: the edit survives, and says so.
                    next_id = free_after(&ids, next_id);
                    ids.insert(next_id);
                    by_uid.insert(uid.to_string(), self.patients.len());
                    self.patients.push(Patient::from_record(uid, next_id, updated, &merged));
                    self.deleted[d].record = Record::default();
                    changed.push(next_id);
                }
            } else if let Some(p) = patient {
                let mut p = p.clone();
                if p.stamps.is_empty() {
                    p = Patient::from_record(uid, p.id, p.updated_ms, &their_record);
                }
                if p.id == 0 || ids.contains(&p.id) {
                    next_id = free_after(&ids, next_id);
                    p.id = next_id;
                }
                ids.insert(p.id);
                by_uid.insert(uid.to_string(), self.patients.len());
                self.patients.push(p);
            } else {
                gone.insert(uid.to_string(), self.deleted.len());
                self.deleted.push(Deletion { uid: uid.to_string(), record: their_record });
            }
        }
        self.deleted.retain(|d| !d.record.seen.is_empty());
        if !removed.is_empty() {
            let mut i = 0;
            self.patients.retain(|_| {
                i += 1;
                !removed.contains(&(i - 1))
            });
        }
        changed
    }

    /// Does `other` hold anything this copy lacks (merging it in would change something)?
    pub fn is_stale_beside(&self, other: &Worklist) -> bool {
        // Index maps of the type `merge_from` uses (one map's code in the wasm).
        let mine: HashMap<String, usize> = self.patients.iter().enumerate().map(|(i, p)| (p.uid.clone(), i)).collect();
        let gone: HashMap<String, usize> = self.deleted.iter().enumerate().map(|(i, d)| (d.uid.clone(), i)).collect();
        let lacks = |uid: &str, theirs: &Record| match (mine.get(uid), gone.get(uid)) {
            (Some(&i), _) => !self.patients[i].record().includes(theirs),
            (None, Some(&i)) => !self.deleted[i].record.includes(theirs),
            (None, None) => true,
        };
        let same = |t: &Patient| {
            mine.get(&t.uid).is_some_and(|&i| self.patients[i].stamps == t.stamps && same_values(&self.patients[i], t))
        };
        other.patients.iter().any(|t| !same(t) && lacks(&t.uid, &t.record()))
            || other.deleted.iter().any(|d| lacks(&d.uid, &d.record))
    }
}

/// The same values (the local number and the wall-clock time aside).
pub(crate) fn same_values(a: &Patient, b: &Patient) -> bool {
    a.label == b.label && a.created == b.created && a.case == b.case && a.closed == b.closed && a.notes == b.notes
}

/// The first local number after `from` that no patient has.
fn free_after(ids: &std::collections::BTreeSet<u32>, from: u32) -> u32 {
    (from.saturating_add(1)..=u32::MAX).chain(1..=from).find(|i| !ids.contains(i)).unwrap_or(0)
}
