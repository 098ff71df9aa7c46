//! The worklist: patients under pseudonymous labels, each with a case.
//! Pure data and rules; storage lives in [`crate::storage`].

use crate::pathway::Case;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Longest label accepted, in characters.
pub const MAX_LABEL_CHARS: usize = 40;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Patient {
    pub id: u32,
    /// A pseudonymous label: never a name or CPR number.
    pub label: String,
    pub created: NaiveDate,
    #[serde(default)]
    pub case: Case,
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
        match self {
            LabelError::Empty => "Skriv en betegnelse for patienten.",
            LabelError::TooLong => "Betegnelsen må højst være 40 tegn.",
            LabelError::LooksLikeCpr => {
                "Betegnelsen ligner et CPR-nummer. Brug en pseudonym betegnelse — ingen navne eller CPR-numre."
            }
            LabelError::Duplicate => "Der findes allerede en patient med den betegnelse.",
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
        let mut run = 0;
        for c in label.chars() {
            run = if c.is_ascii_digit() { run + 1 } else { 0 };
            if run >= 6 {
                return Err(LabelError::LooksLikeCpr);
            }
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
        self.patients.push(Patient { id, label, created: today, case });
        Ok(id)
    }
}
