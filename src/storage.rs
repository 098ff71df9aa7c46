//! The one module that touches localStorage.
//!
//! Data is kept under one key as a versioned envelope
//! `{"format": "cup-pathway", "version": 2, "worklist": {...}}`. Version 1
//! held schema-1 cases; reading it migrates every case (see `pathway::case::migrate`). Reading and
//! writing can fail; every failure is a [`StorageError`] the UI shows. Nothing
//! here panics, and a store that cannot be read is never overwritten.

use crate::worklist::Worklist;
use serde::{Deserialize, Serialize};

pub const STORAGE_KEY: &str = "cup-pathway";
pub const FORMAT: &str = "cup-pathway";
/// Version of the envelope. Bump on incompatible change and add a migration.
pub const ENVELOPE_VERSION: u32 = 2;

#[derive(Debug, Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    worklist: Worklist,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser offers no localStorage (disabled, or a private mode).
    Unavailable,
    /// The stored text is not a worklist this app can read.
    Corrupt(String),
    /// Written by a newer version of the app.
    NewerVersion(u32),
    /// The browser refused to write (full or denied).
    WriteFailed(String),
}

impl StorageError {
    pub fn message_da(&self) -> String {
        match self {
            StorageError::Unavailable => {
                "Browseren tillader ikke lokal lagring. Ændringer gemmes ikke, når siden lukkes.".into()
            }
            StorageError::Corrupt(why) => format!(
                "De gemte data kan ikke læses ({why}). De er urørte og overskrives ikke; ændringer i denne session gemmes ikke."
            ),
            StorageError::NewerVersion(v) => format!(
                "De gemte data er skrevet af en nyere version (format {v}). Åbn den nyeste version af siden. Data overskrives ikke."
            ),
            StorageError::WriteFailed(why) => format!("Kunne ikke gemme ({why}). Seneste ændring er ikke gemt."),
        }
    }
}

/// Encode a worklist in the envelope.
pub fn encode(worklist: &Worklist) -> String {
    let envelope = Envelope { format: FORMAT.into(), version: ENVELOPE_VERSION, worklist: worklist.clone() };
    serde_json::to_string(&envelope).expect("a worklist always serialises")
}

/// Decode the envelope; `None` (nothing stored) is an empty worklist.
pub fn decode(stored: Option<&str>) -> Result<Worklist, StorageError> {
    let Some(text) = stored else { return Ok(Worklist::default()) };
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    let version = value.get("version").and_then(|v| v.as_u64());
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(StorageError::Corrupt("ukendt format".into()));
    }
    match version {
        Some(v) if v > ENVELOPE_VERSION as u64 => Err(StorageError::NewerVersion(v as u32)),
        Some(1..) => {
            let mut value = value;
            migrate_cases(&mut value)?;
            serde_json::from_value::<Envelope>(value)
                .map(|e| e.worklist)
                .map_err(|e| StorageError::Corrupt(e.to_string()))
        }
        Some(_) => Err(StorageError::Corrupt("version 0".into())),
        None => Err(StorageError::Corrupt("mangler version".into())),
    }
}

/// Envelope 1 → 2: each case from its own schema to the current one. A case
/// from a newer schema makes the whole store read-only, like a newer envelope.
fn migrate_cases(envelope: &mut serde_json::Value) -> Result<(), StorageError> {
    use crate::pathway::case::{migrate, CaseFormatError};
    let Some(patients) = envelope.pointer_mut("/worklist/patients").and_then(|p| p.as_array_mut()) else {
        return Ok(());
    };
    for patient in patients {
        if let Some(case) = patient.get_mut("case") {
            migrate(case).map_err(|e| match e {
                CaseFormatError::NewerSchema(v) => StorageError::NewerVersion(v as u32),
                CaseFormatError::Invalid(why) => StorageError::Corrupt(why),
            })?;
        }
    }
    Ok(())
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).ok_or(StorageError::Unavailable)
}

/// Read the worklist from localStorage.
pub fn load() -> Result<Worklist, StorageError> {
    let storage = local_storage()?;
    let raw = storage.get_item(STORAGE_KEY).map_err(|_| StorageError::Unavailable)?;
    decode(raw.as_deref())
}

/// Write the worklist to localStorage.
pub fn save(worklist: &Worklist) -> Result<(), StorageError> {
    let storage = local_storage()?;
    storage.set_item(STORAGE_KEY, &encode(worklist)).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string());
        StorageError::WriteFailed(name.unwrap_or_else(|| "ukendt fejl".into()))
    })
}
