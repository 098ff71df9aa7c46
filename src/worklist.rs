//! The worklist: patients under pseudonymous labels, each with a case.
//! Pure data and rules; storage lives in [`crate::storage`].

use crate::pathway::Case;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    #[serde(default)]
    pub case: Case,
    /// Closed cases are kept, out of the way.
    #[serde(default)]
    pub closed: bool,
    /// Short notes per checklist item. Never part of the case's clinical JSON.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
}

/// Lower-case for filtering and sorting labels: ASCII and æøå. (The full
/// Unicode `to_lowercase` pulls its tables into the wasm for nothing here.)
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

/// Longest note accepted, in characters.
pub const MAX_NOTE_CHARS: usize = 200;

/// Six or more digits in a row may be a CPR number (ddmmåå-xxxx): refused in
/// every free-text field.
pub fn looks_like_cpr(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 6 {
            return true;
        }
    }
    false
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteError {
    TooLong,
    LooksLikeCpr,
}

impl NoteError {
    pub fn message(&self) -> (&'static str, &'static str) {
        match self {
            NoteError::TooLong => ("Noten må højst være 200 tegn.", "The note may be at most 200 characters."),
            NoteError::LooksLikeCpr => (
                "Teksten ligner et CPR-nummer og gemmes ikke. Skriv ingen CPR-numre eller navne.",
                "The text looks like a CPR number and is not saved. Write no CPR numbers or names.",
            ),
        }
    }
}

/// Check free text a clinician types (notes, the organ named in §1.2).
pub fn check_free_text(text: &str, max_chars: usize) -> Result<String, NoteError> {
    let t = text.trim();
    if looks_like_cpr(t) {
        return Err(NoteError::LooksLikeCpr);
    }
    if t.chars().count() > max_chars {
        return Err(NoteError::TooLong);
    }
    Ok(t.to_string())
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Worklist {
    pub patients: Vec<Patient>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelError {
    Empty,
    TooLong,
    /// Six or more digits in a row: it may be a CPR number.
    LooksLikeCpr,
    Duplicate,
}

impl LabelError {
    pub fn message_da(&self) -> &'static str {
        self.message().0
    }

    pub fn message(&self) -> (&'static str, &'static str) {
        match self {
            LabelError::Empty => ("Skriv en betegnelse for patienten.", "Enter a label for the patient."),
            LabelError::TooLong => ("Betegnelsen må højst være 40 tegn.", "The label may be at most 40 characters."),
            LabelError::LooksLikeCpr => (
                "Betegnelsen ligner et CPR-nummer. Brug en pseudonym betegnelse — ingen navne eller CPR-numre.",
                "The label looks like a CPR number. Use a pseudonymous label — no names or CPR numbers.",
            ),
            LabelError::Duplicate => {
                ("Der findes allerede en patient med den betegnelse.", "A patient with that label already exists.")
            }
        }
    }
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
        if looks_like_cpr(label) {
            return Err(LabelError::LooksLikeCpr);
        }
        if self.patients.iter().any(|p| p.label.eq_ignore_ascii_case(label)) {
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
        });
        Ok(id)
    }

    fn next_id(&self) -> u32 {
        self.patients.iter().map(|p| p.id).max().map_or(1, |m| m + 1)
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
        incoming
            .patients
            .iter()
            .map(|new| {
                let kind = match self.patients.iter().find(|p| p.uid == new.uid) {
                    None => ImportKind::New,
                    Some(old) if same_content(old, new) => ImportKind::Same,
                    Some(old) if new.updated_ms > old.updated_ms => ImportKind::Newer,
                    Some(old) if new.updated_ms < old.updated_ms => ImportKind::Older,
                    Some(_) => ImportKind::Conflict,
                };
                ImportRow { uid: new.uid.clone(), label: new.label.clone(), kind }
            })
            .collect()
    }

    /// Merge `incoming` by uid: new patients are added, a newer edit replaces
    /// the older one (keeping the local number), an older or identical copy is
    /// skipped, and a conflicting edit is added beside the local one as a copy,
    /// so no edit is ever overwritten silently.
    pub fn apply_import(&mut self, incoming: &Worklist) -> Vec<ImportRow> {
        let rows = self.preview_import(incoming);
        for (row, new) in rows.iter().zip(&incoming.patients) {
            match row.kind {
                ImportKind::New | ImportKind::Conflict => {
                    let mut p = new.clone();
                    p.id = self.next_id();
                    if row.kind == ImportKind::Conflict {
                        p.uid = format!("{}-import-{}", new.uid, new.updated_ms);
                        p.label = format!("{} (importeret)", new.label);
                    }
                    p.label = self.free_label(&p.label);
                    self.patients.push(p);
                }
                ImportKind::Newer => {
                    if let Some(old) = self.patients.iter_mut().find(|p| p.uid == new.uid) {
                        let id = old.id;
                        *old = new.clone();
                        old.id = id;
                    }
                }
                ImportKind::Older | ImportKind::Same => {}
            }
        }
        rows
    }

    /// The label, or the label with a number, so that labels stay unique.
    fn free_label(&self, label: &str) -> String {
        let taken = |l: &str| self.patients.iter().any(|p| p.label.eq_ignore_ascii_case(l));
        if !taken(label) {
            return label.to_string();
        }
        (2..).map(|n| format!("{label} ({n})")).find(|l| !taken(l)).unwrap_or_default()
    }

    pub fn get(&self, id: u32) -> Option<&Patient> {
        self.patients.iter().find(|p| p.id == id)
    }

    pub fn get_mut(&mut self, id: u32) -> Option<&mut Patient> {
        self.patients.iter_mut().find(|p| p.id == id)
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
    /// Changed at the same time but different: added as a copy beside it.
    Conflict,
}

impl ImportKind {
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            ImportKind::New => ("Ny — tilføjes", "New — added"),
            ImportKind::Newer => ("Nyere — erstatter den her", "Newer — replaces the one here"),
            ImportKind::Older => {
                ("Ældre — springes over; den nyere her bevares", "Older — skipped; the newer one here is kept")
            }
            ImportKind::Same => ("Uændret", "Unchanged"),
            ImportKind::Conflict => (
                "Konflikt — tilføjes som kopi ved siden af, intet overskrives",
                "Conflict — added as a copy beside it; nothing is overwritten",
            ),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ImportRow {
    pub uid: String,
    pub label: String,
    pub kind: ImportKind,
}

fn same_content(a: &Patient, b: &Patient) -> bool {
    a.label == b.label && a.case == b.case && a.closed == b.closed && a.notes == b.notes
}

impl Worklist {
    /// Take in another tab's worklist: patients added there are added here,
    /// and for a patient changed in both, the later change wins. Returns the
    /// local numbers of patients here that the other tab's newer edit replaced.
    pub fn merge_from(&mut self, other: &Worklist) -> Vec<u32> {
        let mut replaced = vec![];
        for theirs in &other.patients {
            match self.patients.iter_mut().find(|p| p.uid == theirs.uid) {
                Some(mine) if theirs.updated_ms > mine.updated_ms => {
                    let id = mine.id;
                    *mine = theirs.clone();
                    mine.id = id;
                    replaced.push(id);
                }
                Some(_) => {}
                None => {
                    let mut p = theirs.clone();
                    if self.patients.iter().any(|q| q.id == p.id) {
                        p.id = self.next_id();
                    }
                    self.patients.push(p);
                }
            }
        }
        replaced
    }
}
