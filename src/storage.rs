//! The one module that touches localStorage.
//!
//! Data is kept under one key as a versioned envelope
//! `{"format": "cup-pathway", "version": 1, "worklist": {...}}`. Reading and
//! writing can fail; every failure is a [`StorageError`] the UI shows. Nothing
//! here panics, and a store that cannot be read is never overwritten.

use crate::worklist::Worklist;
use serde::{Deserialize, Serialize};

pub const STORAGE_KEY: &str = "cup-pathway";
pub const FORMAT: &str = "cup-pathway";
/// Version of the envelope. Bump on incompatible change and add a migration.
pub const ENVELOPE_VERSION: u32 = 1;

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
        Some(_) => serde_json::from_value::<Envelope>(value)
            .map(|e| e.worklist)
            .map_err(|e| StorageError::Corrupt(e.to_string())),
        None => Err(StorageError::Corrupt("mangler version".into())),
    }
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
