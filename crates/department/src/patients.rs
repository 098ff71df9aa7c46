//! The worklist: patients under pseudonymous labels, each with a case.
//! Pure data and rules; storage lives in the app (`cup_pathway::storage`).

use crate::pathway::Case;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Longest label accepted, in characters.
pub const MAX_LABEL_CHARS: usize = 40;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Patient {
    /// Local number, used in the URL (`#/sag/7`).
    pub id: u32,
    /// Unique across browsers and devices: what backups merge by.
    #[serde(default)]
    pub uid: String,
    /// Last change, milliseconds since 1970 (0: unknown, before schema 2).
    #[serde(default)]
    pub updated_ms: u64,
    /// A pseudonymous label: never a name or CPR number.
    pub label: String,
    #[serde(with = "crate::pathway::iso")]
    pub created: NaiveDate,
    #[serde(default, skip_serializing_if = "crate::pathway::case::is_default")]
    pub case: Case,
    /// Closed cases are kept, out of the way.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closed: bool,
    /// Short notes per checklist item. Never part of the case's clinical JSON.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, String>,
    /// Who wrote each value, and what this copy has seen (issue 24; see
    /// `records`). Empty for a patient read from an older version: its stamps
    /// are derived from its content.
    #[serde(default, rename = "s", skip_serializing_if = "crate::records::Stamps::is_empty")]
    pub stamps: crate::records::Stamps,
}

impl Patient {
    /// Stamp a change made at `now_ms`: always later than the last one, also
    /// within one millisecond or under a clock set back, so that every change
    /// is newer than what it replaces (merging, import).
    pub fn touch(&mut self, now_ms: u64) {
        self.updated_ms = now_ms.max(self.updated_ms.saturating_add(1));
    }
}

/// Lower-case for filtering and sorting labels: ASCII and æøå. (The full
/// Unicode `to_lowercase` pulls its tables into the wasm for nothing here.)
/// Labels that look alike are one label (issue 23.5): the key the duplicate
/// checks compare, the label in Unicode NFKC with full lower case ("Æ" and
/// "æ", a composed and a decomposed "é", full-width and plain letters, "ß"
/// and "ss" are one).
pub fn label_key(s: &str) -> String {
    // Spaces run together: the page shows `Pt  A` as `Pt A`.
    let folded = crate::free_text::nfkc(s).to_lowercase().replace('ß', "ss");
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn fold_label(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'Æ' => 'æ',
            'Ø' => 'ø',
            'Å' => 'å',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Days after which the worklist reminds the clinician to export a backup.
pub const BACKUP_REMINDER_DAYS: i64 = 7;

/// A backup is due when there are patients and more than
/// [`BACKUP_REMINDER_DAYS`] have passed since the last backup, or, with no
/// backup yet, since the first patient still here was created: never minutes
/// after the first patient.
pub fn backup_due(worklist: &Worklist, last_backup: Option<NaiveDate>, today: NaiveDate) -> bool {
    // A patient shown from an edit that survived a deletion has no creation date (issue 24.4).
    let first_created = worklist.patients.iter().map(|p| p.created).filter(|d| *d != NaiveDate::default()).min();
    let Some(since) = last_backup.or(first_created) else { return false };
    (today - since).num_days() > BACKUP_REMINDER_DAYS
}

/// A stored field's key and values (see `records`), by the rules of the
/// field they belong to: the label, a note, the organ in §1.2, or any other
/// text (a field a newer version wrote) as long as an edition.
fn stamped_text_fault(key: &str, values: &crate::merge::Values) -> Option<(TextField, TextFault)> {
    if let Some(fault) = text_fault(key, MAX_NOTE_KEY_CHARS + 2) {
        return Some((TextField::Tick, fault));
    }
    values.iter().filter_map(|(_, v)| v.as_str()).find_map(|text| {
        let (field, fault) = match key {
            "label" => (TextField::Label, label_fault(text)),
            "a.organ_specific_suspicion" => (TextField::Organ, organ_fault(text)),
            k if k.starts_with("n.") => (TextField::Note, text_fault(text, MAX_NOTE_CHARS)),
            _ => (TextField::Edition, text_fault(text, MAX_EDITION_CHARS)),
        };
        fault.map(|f| (field, f))
    })
}

/// Longest note accepted, in characters.
pub const MAX_NOTE_CHARS: usize = 200;

/// The key of the patient's own note among the checklist items' notes: the
/// worklist row's "MDT tirsdag" (issue 26.3). No checklist item has this id
/// (`row_note_key_is_no_item`), and it travels, merges and is checked as
/// every note does.
pub const ROW_NOTE: &str = "row";

/// Text that may be a CPR number (ddmmåå-xxxx), in any form: refused in
/// every free-text field (see `free_text`).
pub fn looks_like_cpr(text: &str) -> bool {
    crate::free_text::looks_like_cpr(text)
}

/// Does the text hold an invisible or reordering character (see `free_text::is_hidden`)?
pub fn has_hidden(text: &str) -> bool {
    text.chars().any(crate::free_text::is_hidden)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteError {
    /// Longer than the field's limit.
    TooLong { max_chars: usize },
    LooksLikeCpr,
    /// A control or format character (zero-width, soft hyphen, direction mark).
    Hidden,
}

/// Check free text a clinician types (notes, the organ named in §1.2).
pub fn check_free_text(text: &str, max_chars: usize) -> Result<String, NoteError> {
    let t = text.trim();
    if has_hidden(t) {
        return Err(NoteError::Hidden);
    }
    if looks_like_cpr(t) {
        return Err(NoteError::LooksLikeCpr);
    }
    if t.chars().count() > max_chars {
        return Err(NoteError::TooLong { max_chars });
    }
    Ok(t.to_string())
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Worklist {
    pub patients: Vec<Patient>,
    /// Deletion records: a deleted patient's uid and version vector (issue 24).
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::records::read_deletions")]
    pub deleted: Vec<crate::records::Deletion>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelError {
    Empty,
    TooLong,
    /// It may be a CPR number (see `free_text`).
    LooksLikeCpr,
    /// A control or format character (zero-width, soft hyphen, direction mark).
    Hidden,
    Duplicate,
}

impl Worklist {
    /// Check a proposed label; returns it trimmed.
    pub fn check_label(&self, raw: &str) -> Result<String, LabelError> {
        let label = raw.trim();
        if label.is_empty() {
            return Err(LabelError::Empty);
        }
        if label.chars().count() > MAX_LABEL_CHARS {
            return Err(LabelError::TooLong);
        }
        if has_hidden(label) {
            return Err(LabelError::Hidden);
        }
        if looks_like_cpr(label) {
            return Err(LabelError::LooksLikeCpr);
        }
        let key = label_key(label);
        if self.patients.iter().any(|p| label_key(&p.label) == key) {
            return Err(LabelError::Duplicate);
        }
        Ok(label.to_string())
    }

    /// Add a patient with an empty case; returns its id. `uid` must be
    /// unique (the browser draws it at random).
    pub fn add(&mut self, raw_label: &str, today: NaiveDate, uid: String) -> Result<u32, LabelError> {
        let label = self.check_label(raw_label)?;
        let id = self.next_id();
        let mut case = Case::default();
        case.stamp();
        self.patients.push(Patient {
            id,
            uid,
            updated_ms: 0,
            label,
            created: today,
            case,
            closed: false,
            notes: BTreeMap::new(),
            stamps: crate::records::Stamps::default(),
        });
        Ok(id)
    }

    /// One more than the highest id; at the type's limit (an absurd id read
    /// from a file), the lowest id no patient has: no two patients share one.
    fn next_id(&self) -> u32 {
        match self.patients.iter().map(|p| p.id).max() {
            None => 1,
            Some(m) if m < u32::MAX => m + 1,
            Some(_) => {
                let mut ids: BTreeSet<u32> = BTreeSet::new();
                ids.extend(self.patients.iter().map(|p| p.id));
                free_id(&ids, 1)
            }
        }
    }

    /// Give patients stored before uids existed one derived from what they have.
    pub fn fill_uids(&mut self) {
        for p in &mut self.patients {
            if p.uid.is_empty() {
                p.uid = format!("legacy-{}-{}-{}", p.id, crate::pathway::iso::format(p.created), p.label);
            }
        }
    }

    /// What importing `incoming` would do to each of its patients; nothing changes.
    pub fn preview_import(&self, incoming: &Worklist) -> Vec<ImportRow> {
        self.clone().apply_import(incoming)
    }

    /// Merge `incoming` by uid, one patient after the other: new patients are
    /// added, a newer edit replaces the older one (keeping the local number),
    /// an older or identical copy is skipped, and a conflicting edit is added
    /// beside the local one as a copy, so no edit is ever overwritten silently.
    /// A copy gets a uid no patient here or in `incoming` has, and a copy made
    /// by an earlier import of the same edit is not made again: importing the
    /// same backup twice adds nothing the second time.
    pub fn apply_import(&mut self, incoming: &Worklist) -> Vec<ImportRow> {
        self.import_as(incoming, None)
    }

    /// [`Worklist::apply_import`], a newer edit from an old backup written
    /// as an edit of `writer` (its clock and the time), so that it replaces
    /// what this copy had seen and nothing else.
    pub fn apply_import_as(
        &mut self,
        incoming: &Worklist,
        clock: &mut crate::merge::Clock,
        now_ms: u64,
    ) -> Vec<ImportRow> {
        self.import_as(incoming, Some((clock, now_ms)))
    }

    /// A backup of this version (patients with stamps, deletion records)
    /// imports as a merge (`records`); an old backup's patients by today's
    /// preview (wall-clock time), a conflict kept inside the patient.
    fn import_as(
        &mut self,
        incoming: &Worklist,
        mut writer: Option<(&mut crate::merge::Clock, u64)>,
    ) -> Vec<ImportRow> {
        // Two incoming patients under one uid are two patients (decoding
        // refuses such a backup; this holds whatever reaches the import).
        let mut incoming = incoming.clone();
        incoming.renumber_duplicate_uids();
        let mut rows = vec![];
        // Linear in the patients here and in the file: a map of uids, one set
        // of labels (folded as the duplicate check folds them) with a counter
        // per label for the numbered ones, and the next free id.
        let mut by_uid: HashMap<String, usize> =
            self.patients.iter().enumerate().map(|(i, p)| (p.uid.clone(), i)).collect();
        let mut labels = Labels::of(self);
        let mut ids: BTreeSet<u32> = BTreeSet::new();
        ids.extend(self.patients.iter().map(|p| p.id));
        let mut next_id = self.next_id();
        // This version's patients and deletion records: one merge, after the old ones.
        let mut stamped = Worklist { patients: vec![], deleted: std::mem::take(&mut incoming.deleted) };
        for new in &incoming.patients {
            let at = by_uid.get(&new.uid).copied();
            let kind = self.import_kind_at(new, at);
            let replaces = at
                .and_then(|i| self.patients.get(i))
                .filter(|old| kind == ImportKind::Newer && label_key(&old.label) != label_key(&new.label))
                .map(|old| old.label.clone());
            rows.push(ImportRow { uid: new.uid.clone(), label: new.label.clone(), kind, replaces });
            if !new.stamps.is_empty() {
                if kind != ImportKind::Same {
                    stamped.patients.push(new.clone());
                }
                continue;
            }
            match (kind, at) {
                (ImportKind::New, _) => {
                    let mut p = new.clone();
                    next_id = free_id(&ids, next_id);
                    p.id = next_id;
                    ids.insert(next_id);
                    p.label = labels.take(&p.label);
                    by_uid.insert(p.uid.clone(), self.patients.len());
                    self.patients.push(p);
                }
                (ImportKind::Newer, Some(i)) => {
                    labels.free(&self.patients[i].label);
                    let label = labels.take(&new.label);
                    let id = self.patients[i].id;
                    let replace = |old: &mut Patient| {
                        old.label = label;
                        old.case = new.case.clone();
                        old.closed = new.closed;
                        old.notes = new.notes.clone();
                        old.created = new.created;
                        old.updated_ms = new.updated_ms.max(old.updated_ms);
                    };
                    match writer.as_mut() {
                        Some((clock, now)) => self.edit(id, clock, *now, replace),
                        None => {
                            let old = &mut self.patients[i];
                            replace(old);
                            old.stamps = Default::default();
                        }
                    }
                }
                // Changed at the same time, and differently: both stay, a clash inside the patient.
                (ImportKind::Conflict, Some(i)) => {
                    let old = &self.patients[i];
                    let merged = old.record().merge(&new.record());
                    self.patients[i] = Patient::from_record(&old.uid, old.id, old.updated_ms, &merged);
                }
                _ => {}
            }
        }
        self.merge_from(&stamped);
        rows
    }

    /// What importing `new` does; `at`: the patient here with its uid.
    fn import_kind_at(&self, new: &Patient, at: Option<usize>) -> ImportKind {
        let old = at.and_then(|i| self.patients.get(i));
        if !new.stamps.is_empty() {
            return match old {
                None if self.deleted.iter().any(|d| d.uid == new.uid) => ImportKind::Merged,
                None => ImportKind::New,
                Some(old) if old.stamps == new.stamps && same_content(old, new) && old.label == new.label => {
                    ImportKind::Same
                }
                Some(old) if old.record().includes(&new.record()) => ImportKind::Same,
                Some(_) => ImportKind::Merged,
            };
        }
        match old {
            None => ImportKind::New,
            Some(old) if same_content(old, new) => ImportKind::Same,
            Some(old) if new.updated_ms > old.updated_ms => ImportKind::Newer,
            Some(old) if new.updated_ms < old.updated_ms => ImportKind::Older,
            // Merged before: this copy already holds the clash.
            Some(old) if old.record().includes(&new.record()) => ImportKind::Same,
            Some(_) => ImportKind::Conflict,
        }
    }

    /// Patients sharing a uid would be merged into one: the second and later
    /// get a uid of their own (`uid-2`, …, checked against every patient).
    /// Returns who was renumbered, by [`Worklist::name_of`]. Deterministic, so
    /// every tab renumbers a store the same way.
    pub fn renumber_duplicate_uids(&mut self) -> Vec<String> {
        let mut seen = BTreeSet::new();
        let mut renumbered = vec![];
        for i in 0..self.patients.len() {
            let uid = self.patients[i].uid.clone();
            if seen.insert(uid.clone()) {
                continue;
            }
            let mut all: BTreeSet<String> = BTreeSet::new();
            all.extend(self.patients.iter().map(|p| p.uid.clone()));
            let fresh = (2..).map(|n| format!("{uid}-{n}")).find(|u| !all.contains(u)).unwrap_or_default();
            seen.insert(fresh.clone());
            self.patients[i].uid = fresh;
            renumbered.push(self.name_of(i));
        }
        renumbered
    }

    /// Patients sharing a local number would open one another's case: the
    /// second and later (and a 0) get the lowest number free. Returns who was
    /// renumbered, as [`Worklist::renumber_duplicate_uids`] does.
    pub fn renumber_duplicate_ids(&mut self) -> Vec<String> {
        let mut ids: BTreeSet<u32> = BTreeSet::new();
        ids.extend(self.patients.iter().map(|p| p.id));
        let mut seen = BTreeSet::new();
        let mut renumbered = vec![];
        for i in 0..self.patients.len() {
            let id = self.patients[i].id;
            if id != 0 && seen.insert(id) {
                continue;
            }
            let fresh = free_id(&ids, 1);
            ids.insert(fresh);
            seen.insert(fresh);
            self.patients[i].id = fresh;
            renumbered.push(self.name_of(i));
        }
        renumbered
    }

    /// The patients that share a uid with an earlier one, named.
    pub fn duplicate_uids(&self) -> Vec<String> {
        let mut seen = BTreeSet::new();
        let mut dups: BTreeSet<&str> = BTreeSet::new();
        for p in &self.patients {
            if !seen.insert(p.uid.as_str()) {
                dups.insert(p.uid.as_str());
            }
        }
        (0..self.patients.len())
            .filter(|&i| dups.contains(self.patients[i].uid.as_str()))
            .map(|i| self.name_of(i))
            .collect()
    }

    /// A patient named for a message: its place in the list and, when the
    /// label itself keeps the rules, the label (a label that looks like a CPR
    /// number is never repeated on screen).
    pub fn name_of(&self, index: usize) -> String {
        let n = index + 1;
        match self.patients.get(index) {
            Some(p) if label_fault(&p.label).is_none() => format!("nr. {n} \u{bb}{}\u{ab}", p.label),
            _ => format!("nr. {n}"),
        }
    }

    /// Text read from outside (a stored envelope, a backup) meets the rules
    /// typed text meets: labels, notes and the organ named in §1.2, by length
    /// and the CPR pattern. The first breach names the patient and the field.
    pub fn check_read_text(&self) -> Result<(), TextRefused> {
        self.check_read_text_beside(&[])
    }

    /// [`Self::check_read_text`], skipping each patient that is, stamps and
    /// values, one a `trusted` list already holds (a list whose text met
    /// these rules: this PC's own, or a file read just before): its text is
    /// the same text. The shared folder reads ten copies of one list so.
    pub fn check_read_text_beside(&self, trusted: &[&Worklist]) -> Result<(), TextRefused> {
        let index: Vec<std::collections::HashMap<&str, &Patient>> =
            trusted.iter().map(|w| w.patients.iter().map(|p| (p.uid.as_str(), p)).collect()).collect();
        let known = |p: &Patient| {
            index.iter().any(|m| {
                m.get(p.uid.as_str()).is_some_and(|t| t.stamps == p.stamps && crate::records::same_values(t, p))
            })
        };
        for (i, p) in self.patients.iter().enumerate() {
            if !index.is_empty() && known(p) {
                continue;
            }
            let refuse = |field: TextField, fault: TextFault| TextRefused { patient: self.name_of(i), field, fault };
            // A patient deleted elsewhere keeps no label the deleter had seen (issue 24.4).
            let unlabelled = p.label.is_empty() && p.stamps.deleted_elsewhere();
            if let Some(fault) = label_fault(&p.label).filter(|_| !unlabelled) {
                return Err(refuse(TextField::Label, fault));
            }
            if let Some(fault) = uid_fault(&p.uid) {
                return Err(refuse(TextField::Uid, fault));
            }
            for (item, note) in &p.notes {
                if let Some(fault) = text_fault(item, MAX_NOTE_KEY_CHARS).or_else(|| text_fault(note, MAX_NOTE_CHARS)) {
                    return Err(refuse(TextField::Note, fault));
                }
            }
            if let Some((field, fault)) = case_text_fault(&p.case) {
                return Err(refuse(field, fault));
            }
            // The values beside the shown ones (a clash, fields kept unread) meet the same rules.
            let kept = p.stamps.others.iter().chain(p.stamps.extra.iter());
            if let Some((field, fault)) = kept.filter_map(|(k, vs)| stamped_text_fault(k, vs)).next() {
                return Err(refuse(field, fault));
            }
        }
        for (i, d) in self.deleted.iter().enumerate() {
            let refuse = |field: TextField, fault: TextFault| TextRefused {
                patient: format!("{} ({})", self.patients.len() + i + 1, d.uid.chars().take(24).collect::<String>()),
                field,
                fault,
            };
            if let Some((field, fault)) = d.record.fields.iter().filter_map(|(k, vs)| stamped_text_fault(k, vs)).next()
            {
                return Err(refuse(field, fault));
            }
        }
        Ok(())
    }

    pub fn get(&self, id: u32) -> Option<&Patient> {
        self.patients.iter().find(|p| p.id == id)
    }

    pub fn get_mut(&mut self, id: u32) -> Option<&mut Patient> {
        self.patients.iter_mut().find(|p| p.id == id)
    }
}

/// The first id from `from` on (then from 1) that is not in `ids`.
fn free_id(ids: &BTreeSet<u32>, from: u32) -> u32 {
    (from.max(1)..=u32::MAX).chain(1..from.max(1)).find(|i| !ids.contains(i)).unwrap_or(0)
}

/// The labels taken, folded as the duplicate check folds them
/// ([`label_key`]), with the next number to try per label: numbering a label that
/// many patients share costs one look-up per patient, not a scan per number.
struct Labels {
    /// How many patients hold each folded label (`usize`, as `merge_from`'s
    /// map: one instance of the map's code in the wasm).
    taken: HashMap<String, usize>,
    next: HashMap<String, usize>,
}

impl Labels {
    fn of(w: &Worklist) -> Labels {
        let mut taken: HashMap<String, usize> = HashMap::new();
        for p in &w.patients {
            *taken.entry(label_key(&p.label)).or_default() += 1;
        }
        Labels { taken, next: HashMap::new() }
    }

    fn is_taken(&self, folded: &str) -> bool {
        self.taken.get(folded).is_some_and(|n| *n > 0)
    }

    /// The label, or the label with the first free number, now taken.
    fn take(&mut self, label: &str) -> String {
        let folded = label_key(label);
        let free = if self.is_taken(&folded) {
            let mut n = self.next.get(&folded).copied().unwrap_or(2);
            let found = loop {
                let candidate = with_suffix(label, &format!(" ({n})"));
                n = n.saturating_add(1);
                if !self.is_taken(&label_key(&candidate)) || n == usize::MAX {
                    break candidate;
                }
            };
            self.next.insert(folded, n);
            found
        } else {
            label.to_string()
        };
        *self.taken.entry(label_key(&free)).or_default() += 1;
        free
    }

    /// A patient's label given up (its patient replaced by an import).
    fn free(&mut self, label: &str) {
        if let Some(n) = self.taken.get_mut(&label.to_ascii_lowercase()) {
            *n = n.saturating_sub(1);
        }
    }
}

/// What an import does with one incoming patient.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportKind {
    /// Not here yet: added.
    New,
    /// Changed later than the copy here: replaces it.
    Newer,
    /// Changed earlier than the copy here: skipped, the newer edit stays.
    Older,
    /// The same as here: nothing to do.
    Same,
    /// Changed at the same time but different: both kept, a clash inside the patient.
    Conflict,
    /// A copy from this version's backup: merged in, nothing overwritten;
    /// edits made apart are kept as a clash inside the patient.
    Merged,
}

impl ImportKind {
    pub fn label(self) -> crate::pathway::Text {
        match self {
            ImportKind::New => crate::pathway::Text::new("Ny — tilføjes", "New — added"),
            ImportKind::Newer => crate::pathway::Text::new("Nyere — erstatter forløbet her", "Newer — replaces the case here"),
            ImportKind::Older => {
                crate::pathway::Text::new("Ældre — springes over; den nyere her bevares", "Older — skipped; the newer one here is kept")
            }
            ImportKind::Same => crate::pathway::Text::new("Uændret", "Unchanged"),
            ImportKind::Conflict => crate::pathway::Text::new(
                "Konflikt — begge udgaver bevares i patienten og vises som konflikt; intet overskrives",
                "Conflict — both versions are kept in the patient and shown as a clash; nothing is overwritten",
            ),
            ImportKind::Merged => crate::pathway::Text::new(
                "Flettes ind — intet overskrives; ændringer gjort hver for sig vises som konflikt",
                "Merged in — nothing is overwritten; changes made apart are shown as a clash",
            ),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ImportRow {
    pub uid: String,
    pub label: String,
    pub kind: ImportKind,
    /// A newer edit that replaces a patient here under another label: that
    /// label, said in the preview before anything is applied.
    pub replaces: Option<String>,
}

/// The same edit: labels aside, which an import may have numbered to keep
/// them unique (a label is never edited, so it never carries an edit).
fn same_content(a: &Patient, b: &Patient) -> bool {
    a.case == b.case && a.closed == b.closed && a.notes == b.notes
}

/// `label` with `suffix`, the label shortened so that both fit in
/// [`MAX_LABEL_CHARS`]: a label made by an import keeps the rules a typed one does.
fn with_suffix(label: &str, suffix: &str) -> String {
    let room = MAX_LABEL_CHARS.saturating_sub(suffix.chars().count());
    let base: String = label.chars().take(room).collect();
    format!("{}{suffix}", base.trim_end())
}

/// Longest checklist-item key read with a note (the model's keys are short).
pub const MAX_NOTE_KEY_CHARS: usize = 60;

fn text_fault(text: &str, max_chars: usize) -> Option<TextFault> {
    if has_hidden(text) {
        Some(TextFault::Hidden)
    } else if looks_like_cpr(text) {
        Some(TextFault::LooksLikeCpr)
    } else if text.chars().count() > max_chars {
        Some(TextFault::TooLong(max_chars))
    } else {
        None
    }
}

/// The longest patient uid read: the app makes 24 hexadecimal digits; a
/// store from before uids gave `legacy-<number>-<date>-<label>` (`fill_uids`),
/// and copies add suffixes.
pub const MAX_UID_CHARS: usize = 160;

/// A patient's uid read from outside: no hidden characters, and a length,
/// so it is never a place for data. It is never shown. (Not the CPR check:
/// the app's own uids are random hexadecimal digits and copies carry time
/// stamps, so about one genuine uid in 500 has ten digits that read as one.)
fn uid_fault(uid: &str) -> Option<TextFault> {
    if uid.is_empty() {
        Some(TextFault::Empty)
    } else if has_hidden(uid) {
        Some(TextFault::Hidden)
    } else if uid.chars().count() > MAX_UID_CHARS {
        Some(TextFault::TooLong(MAX_UID_CHARS))
    } else {
        None
    }
}

fn label_fault(label: &str) -> Option<TextFault> {
    if label.trim().is_empty() {
        Some(TextFault::Empty)
    } else {
        text_fault(label, MAX_LABEL_CHARS)
    }
}

/// The organ named in §1.2, as read from a backup, a store or a share link.
pub fn organ_fault(text: &str) -> Option<TextFault> {
    text_fault(text, crate::pathway::questions::MAX_ORGAN_CHARS)
}

/// Longest edition text read with a case (the model's own is far shorter).
pub const MAX_EDITION_CHARS: usize = 300;

/// The free text a case carries (read from a store, a backup or a share
/// link): the organ named in §1.2, the ticked items' keys, and the edition
/// it was evaluated under. The first that breaks the rules, and how.
pub fn case_text_fault(case: &Case) -> Option<(TextField, TextFault)> {
    if let Some(fault) = case.answers.organ_specific_suspicion.as_deref().and_then(organ_fault) {
        return Some((TextField::Organ, fault));
    }
    let ticks = case.ticks.iter().chain(case.ticked_on.keys());
    if let Some(fault) = ticks.filter_map(|t| text_fault(t, MAX_NOTE_KEY_CHARS)).next() {
        return Some((TextField::Tick, fault));
    }
    let edition = case.evaluated_under.as_ref().map(|s| s.edition.as_str()).unwrap_or_default();
    text_fault(edition, MAX_EDITION_CHARS).map(|fault| (TextField::Edition, fault))
}

/// Which free-text field broke the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    Label,
    Note,
    Organ,
    /// A ticked checklist item's key.
    Tick,
    /// The edition the case was evaluated under.
    Edition,
    /// The patient's uid (an id the app makes, never shown).
    Uid,
}

/// How it broke them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFault {
    Empty,
    TooLong(usize),
    LooksLikeCpr,
    /// A control or format character (see `free_text::is_hidden`).
    Hidden,
}

/// Text read from outside that typed input would have refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextRefused {
    /// See [`Worklist::name_of`].
    pub patient: String,
    pub field: TextField,
    pub fault: TextFault,
}


/// What a worklist row says of a patient's deadlines, from the model's plan.
/// Never "on track" while the dates contradict each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowStatus {
    Archived,
    /// The model's date problems: the deadlines cannot be trusted ("Kontrollér datoer").
    CheckDates,
    Overdue,
    DueToday,
    OnTrack,
    /// No date recorded yet (a new referral): no deadline can run, and the
    /// row says why rather than "no running deadline" (issue 26).
    NoDates,
    NoDeadline,
}

impl RowStatus {
    /// Sorted with the cases that need action (after any urgent action).
    pub fn needs_action(self) -> bool {
        matches!(self, RowStatus::CheckDates | RowStatus::Overdue | RowStatus::DueToday | RowStatus::NoDates)
    }
}

/// One patient's row in the worklist: everything it shows, decided here and
/// by the model, never by the screen.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    pub id: u32,
    pub label: String,
    pub archived: bool,
    pub stage: crate::pathway::Stage,
    /// The phase in words, (da, en): the stage, "Henvist – afventer modtagelse" or "Afsluttet" (`Plan::phase`).
    pub phase: crate::pathway::Text,
    /// Where the patient belongs, (da, en).
    pub headline: crate::pathway::Text<String>,
    /// The same in a few words, for the row itself (issue 26.3).
    pub short: crate::pathway::Text<String>,
    /// The destination waits for open answers.
    pub provisional: bool,
    pub open_questions: usize,
    pub deadline: Option<crate::pathway::plan::Deadline>,
    /// The milestone the deadline closes, (da, en).
    pub deadline_label: crate::pathway::Text,
    /// An urgent action still to be made (§2.2.4): shown first, whatever else holds.
    pub urgent: bool,
    pub status: RowStatus,
    pub next_code: Option<crate::pathway::Code>,
    /// The next code another department registers, and who (issue 22.5).
    pub next_theirs: Option<(crate::pathway::Code, crate::pathway::Registrar)>,
    /// Codes whose event has a date but that are not marked registered.
    pub unregistered: Vec<crate::pathway::Code>,
    /// Standards already missed (the period ended after its due date), by the
    /// milestone that closed them late, (da, en).
    pub missed: Vec<crate::pathway::Text>,
    /// A clash kept inside the patient, or a deletion beside an edit (issue 24.3): *Konflikt*.
    pub clash: bool,
    /// The pathway has ended: AFD01X2, or AFD01X1 once the receiving
    /// department took over ("Afsluttet", `Plan::phase`).
    pub ended: bool,
}

/// The worklist's filters, each with its count (issue 26.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowFilter {
    Urgent,
    Overdue,
    DueToday,
    ToRegister,
    CheckDates,
    Ended,
    /// A clash kept inside the patient (issue 24.3).
    Clash,
}

impl RowFilter {
    pub const ALL: [RowFilter; 7] = [
        RowFilter::Urgent,
        RowFilter::Overdue,
        RowFilter::DueToday,
        RowFilter::ToRegister,
        RowFilter::CheckDates,
        RowFilter::Ended,
        RowFilter::Clash,
    ];

    pub fn label(self) -> crate::pathway::Text {
        let (da, en) = match self {
            RowFilter::Urgent => ("Akut", "Urgent"),
            RowFilter::Overdue => ("Overskredet", "Overdue"),
            RowFilter::DueToday => ("Frist i dag", "Due today"),
            RowFilter::ToRegister => ("Til registrering", "To register"),
            RowFilter::CheckDates => ("Kontrollér datoer", "Check dates"),
            RowFilter::Ended => ("Afsluttet", "Ended"),
            RowFilter::Clash => ("Konflikt", "Clash"),
        };
        crate::pathway::Text::new(da, en)
    }

    /// Does the row belong under this filter? By what the row already says.
    pub fn matches(self, r: &Row) -> bool {
        match self {
            RowFilter::Urgent => r.urgent,
            RowFilter::Overdue => r.status == RowStatus::Overdue,
            RowFilter::DueToday => r.status == RowStatus::DueToday,
            RowFilter::ToRegister => !r.unregistered.is_empty(),
            RowFilter::CheckDates => r.status == RowStatus::CheckDates,
            RowFilter::Ended => r.ended,
            RowFilter::Clash => r.clash,
        }
    }
}

/// The team's note on each patient that has one ("MDT tirsdag"; issue
/// 26.3), by patient id. Apart from [`Row`]: a note typed in a row does not
/// redraw the row (a click that follows it lands where it was aimed).
pub fn row_notes(worklist: &Worklist) -> Vec<(u32, String)> {
    worklist.patients.iter().filter_map(|p| p.notes.get(ROW_NOTE).map(|n| (p.id, n.clone()))).collect()
}

/// Each filter with the number of open (not archived) rows under it.
pub fn filter_counts(rows: &[Row]) -> [(RowFilter, usize); 7] {
    RowFilter::ALL.map(|f| (f, rows.iter().filter(|r| !r.archived && f.matches(r)).count()))
}

/// No event of the course has a date yet.
fn no_dates(e: &crate::pathway::Events) -> bool {
    e.referral_received.is_none()
        && e.first_attendance.is_none()
        && e.referred_to_secondary.is_none()
        && e.secondary_first_attendance.is_none()
        && e.ended.is_none()
        && e.acute_referral_made.is_none()
        && e.handed_over.is_none()
}

impl Row {
    pub fn of(p: &Patient, today: NaiveDate, role: crate::pathway::DepartmentRole) -> Row {
        use crate::pathway::plan::DeadlineState;
        let plan = crate::pathway::evaluate_as(&p.case, today, role);
        let deadline = plan.next_deadline();
        let deadline_label = deadline
            .as_ref()
            .and_then(|d| plan.milestones.iter().find(|m| m.id == d.milestone))
            .map_or(crate::pathway::Text::new("", ""), |m| m.to);
        let status = match &deadline {
            _ if p.closed => RowStatus::Archived,
            _ if plan.dates_contradict => RowStatus::CheckDates,
            Some(d) if d.state == DeadlineState::Overdue => RowStatus::Overdue,
            Some(d) if d.state == DeadlineState::DueToday => RowStatus::DueToday,
            Some(_) => RowStatus::OnTrack,
            None if no_dates(&p.case.events) => RowStatus::NoDates,
            None => RowStatus::NoDeadline,
        };
        Row {
            id: p.id,
            label: p.label.clone(),
            archived: p.closed,
            stage: plan.stage,
            phase: plan.phase(),
            headline: plan.route.headline(),
            short: plan.route.short(),
            provisional: plan.route.provisional,
            open_questions: plan.open_deciding_answers(),
            deadline,
            deadline_label,
            urgent: plan.urgent_pending(),
            status,
            next_code: plan.next_code(),
            next_theirs: plan.next_code_theirs(),
            unregistered: plan.unregistered_codes(),
            missed: plan.missed_standards().iter().map(|m| m.to).collect(),
            clash: p.stamps.in_clash(),
            ended: !plan.handover_pending
                && matches!(plan.route.destination, crate::pathway::Destination::Ended { .. }),
        }
    }

    /// The worklist's order: an urgent action first, then the cases that need
    /// action (dates to check, overdue, due today), then by the next deadline,
    /// then by label.
    fn sort_key(&self) -> (bool, bool, NaiveDate, String) {
        (
            !self.urgent,
            !self.status.needs_action(),
            self.deadline.as_ref().map_or(NaiveDate::MAX, |d| d.due.date),
            fold_label(&self.label),
        )
    }
}

/// Every patient's row, in the worklist's order (see [`Row::sort_key`]), for a medical stamafdeling.
pub fn rows(worklist: &Worklist, today: NaiveDate) -> Vec<Row> {
    rows_as(worklist, today, crate::pathway::DepartmentRole::default())
}

/// Every patient's row for the department the tool serves: whose code is next.
pub fn rows_as(worklist: &Worklist, today: NaiveDate, role: crate::pathway::DepartmentRole) -> Vec<Row> {
    let mut rows: Vec<Row> = worklist.patients.iter().map(|p| Row::of(p, today, role)).collect();
    // Labels that clash (two tabs added one label; issue 24.5) get a suffix
    // here, at display time, by creation and uid: never stored.
    let keys: Vec<String> = worklist.patients.iter().map(|p| label_key(&p.label)).collect();
    let mut count: HashMap<String, usize> = HashMap::new();
    for k in &keys {
        *count.entry(k.clone()).or_default() += 1;
    }
    let mut alike: Vec<usize> = (0..keys.len()).filter(|i| count.get(&keys[*i]).is_some_and(|n| *n > 1)).collect();
    let p = |i: usize| &worklist.patients[i];
    crate::sort::by_key(&mut alike, |i| (keys[*i].clone(), p(*i).created, p(*i).uid.clone()));
    let mut place = 0;
    for (n, i) in alike.iter().enumerate() {
        place = if n > 0 && keys[alike[n - 1]] == keys[*i] { place + 1 } else { 1 };
        if place > 1 {
            rows[*i].label = with_suffix(&rows[*i].label, &format!(" ({place})"));
        }
    }
    crate::sort::by_key(&mut rows, Row::sort_key);
    rows
}
