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
    pub id: u32,
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

    /// Add a patient with an empty case; returns its id.
    pub fn add(&mut self, raw_label: &str, today: NaiveDate) -> Result<u32, LabelError> {
        let label = self.check_label(raw_label)?;
        let id = self.patients.iter().map(|p| p.id).max().map_or(1, |m| m + 1);
        let mut case = Case::default();
        case.stamp();
        self.patients.push(Patient { id, label, created: today, case, closed: false, notes: BTreeMap::new() });
        Ok(id)
    }

    pub fn get(&self, id: u32) -> Option<&Patient> {
        self.patients.iter().find(|p| p.id == id)
    }

    pub fn get_mut(&mut self, id: u32) -> Option<&mut Patient> {
        self.patients.iter_mut().find(|p| p.id == id)
    }
}
