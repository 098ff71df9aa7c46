//! The department's list in the folder (issue 25, point 3): the worklist
//! itself, merged by issue 24's lossless merge ([`Worklist::merge_from`]),
//! and read from a file by every rule of the backup import (point 5: size,
//! format, schemas, dates, typed text, one uid per patient, at most
//! [`MAX_BACKUP_PATIENTS`]). Pure: no browser API here.

use crate::folder::round::Codec;
use crate::folder::{Impact, Merge, VALVE_MIN_VALUES};
use crate::merge::Record;
use crate::storage::codec::{
    decode_backup_value_beside, Opened, ENVELOPE_VERSION, FORMAT, MAX_BACKUP_BYTES, MAX_BACKUP_PATIENTS,
};
use crate::patients::Worklist;
use serde_json::Value;
use std::collections::HashMap;

/// The worklist as a folder list: [`Merge`] by the stamps, [`Codec`] by the
/// backup import's rules.
pub struct WorklistList;

impl Merge for WorklistList {
    type List = Worklist;

    fn merge(&self, a: &Worklist, b: &Worklist) -> Worklist {
        let mut out = a.clone();
        out.merge_from(b);
        out
    }

    fn contains(&self, whole: &Worklist, part: &Worklist) -> bool {
        !whole.is_stale_beside(part)
    }

    /// Patients and values of `before` that `after` no longer shows: a
    /// patient gone (deleted), or a value whose stamp is not among the field's
    /// values after (replaced by a write, or cleared). A patient the same in
    /// both is skipped without flattening it, and `values_before` is
    /// counted only when more than [`VALVE_MIN_VALUES`] values are lost (the
    /// only case where the valve's percentage needs it; 0 otherwise): in a
    /// steady round only the patients the merge changed are flattened.
    fn impact(&self, before: &Worklist, after: &Worklist) -> Impact {
        let values = |r: &Record| r.fields.values().map(Vec::len).sum::<usize>();
        let after_by_uid: HashMap<&str, &crate::patients::Patient> =
            after.patients.iter().map(|p| (p.uid.as_str(), p)).collect();
        let mut impact = Impact::default();
        for p in &before.patients {
            let theirs = after_by_uid.get(p.uid.as_str());
            if theirs.is_some_and(|t| *t == p) {
                continue;
            }
            let mine = p.record();
            let count = values(&mine);
            let lost = match theirs.map(|t| t.record()) {
                None => count,
                Some(theirs) => mine
                    .fields
                    .iter()
                    .flat_map(|(k, vs)| vs.iter().map(move |v| (k, v)))
                    .filter(|(k, (stamp, _))| {
                        !theirs.fields.get(*k).is_some_and(|vs| vs.iter().any(|(s, _)| s == stamp))
                    })
                    .count(),
            };
            impact.values += lost;
            if lost > 0 {
                impact.patients += 1;
            }
        }
        if impact.values > VALVE_MIN_VALUES {
            impact.values_before = before.patients.iter().map(|p| values(&p.record())).sum();
        }
        impact
    }
}

impl Codec for WorklistList {
    /// A file's worklist, read as a backup of this version is: anything the
    /// import would refuse is `None` (the round reports the file, never merges it).
    fn decode(&self, v: Value) -> Option<Worklist> {
        self.decode_beside(v, &[])
    }

    /// The text rules skip patients a trusted list (this PC's, the file
    /// read before) holds unchanged; every other rule runs on all.
    fn decode_beside(&self, v: Value, trusted: &[&Worklist]) -> Option<Worklist> {
        if v.pointer("/patients").and_then(Value::as_array).is_some_and(|p| p.len() > MAX_BACKUP_PATIENTS) {
            return None;
        }
        // The list moved into the envelope, not copied (`json!` would
        // serialise it again: a third of a steady round).
        let mut envelope = serde_json::Map::new();
        envelope.insert("format".into(), FORMAT.into());
        envelope.insert("version".into(), ENVELOPE_VERSION.into());
        envelope.insert("worklist".into(), v);
        match decode_backup_value_beside(Value::Object(envelope), trusted) {
            Ok(Opened::Plain(stored)) => Some(stored.worklist),
            Ok(Opened::Locked { .. }) | Err(_) => None,
        }
    }

    /// The backup import's size rule, on the file (its header and tag aside).
    fn max_file_bytes(&self) -> u64 {
        MAX_BACKUP_BYTES as u64 + 4096
    }

    /// Patients read from a version before the stamps (issue 24) get their
    /// legacy stamps stored: derived from uid and content, the same on every
    /// PC, so no edit; unstored, every reader would derive them for every
    /// patient of this file in every round.
    fn settle(&self, w: &mut Worklist) {
        w.fill_stamps();
    }

    fn encode(&self, w: &Worklist) -> String {
        serde_json::to_string(w).unwrap_or_else(|_| "null".into())
    }
}
