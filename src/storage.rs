//! The one module that touches localStorage.
//!
//! Data is kept under one key as a versioned envelope
//! `{"format": "cup-pathway", "version": 2, "worklist": {...}, "settings": {...}}`.
//! Version 1 held schema-1 cases and no settings; reading it migrates every
//! case (see `pathway::case::migrate`). Version 3 is the same envelope locked
//! with a passphrase: `{"format", "version": 3, "settings", "lock": LockBox}`,
//! the box holding a version-2 envelope (see `lock`); an app that knows only
//! version 2 reads it as newer and leaves it alone. Every failure is a [`StorageError`]
//! the UI shows. Nothing here panics, and a store that cannot be read is
//! never overwritten.
//!
//! Access goes through gloo-storage, behind a probe of `window.localStorage`:
//! gloo's `LocalStorage::raw()` throws when storage is blocked (sandboxed
//! frames, some private modes), so the probe runs first and turns that into
//! [`StorageError::Unavailable`].

use crate::i18n::Lang;
use crate::lock::LockBox;
use crate::worklist::Worklist;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

pub const STORAGE_KEY: &str = "cup-pathway";
const PROBE_KEY: &str = "cup-pathway.probe";
pub const FORMAT: &str = "cup-pathway";
/// Version of the envelope. Bump on incompatible change and add a migration.
pub const ENVELOPE_VERSION: u32 = 2;
/// Version of the locked envelope.
pub const LOCKED_VERSION: u32 = 3;

/// Minutes without use before the lock closes, offered to choose from.
pub const IDLE_CHOICES: [u8; 5] = [5, 10, 15, 30, 60];

/// What the app keeps besides the worklist. Not secret: with the lock on it
/// stays readable, so the lock screen speaks the clinician's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    /// When the clinician last exported a backup.
    #[serde(with = "crate::pathway::iso::option")]
    pub last_backup: Option<chrono::NaiveDate>,
    /// With the lock on: minutes without use before it closes.
    pub idle_minutes: u8,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { lang: Lang::Da, last_backup: None, idle_minutes: 15 }
    }
}

impl Settings {
    /// A hand-edited idle time outside the offered choices falls back to the default.
    fn checked(mut self) -> Self {
        if !IDLE_CHOICES.contains(&self.idle_minutes) {
            self.idle_minutes = Settings::default().idle_minutes;
        }
        self
    }
}

/// What a store (or a backup file) holds: the data, or the data locked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    Plain(Stored),
    Locked { settings: Settings, lock: LockBox },
}

#[derive(Serialize, Deserialize)]
struct LockedEnvelope {
    format: String,
    version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::pathway::iso::option")]
    exported: Option<chrono::NaiveDate>,
    #[serde(default)]
    settings: Settings,
    lock: LockBox,
}

/// Encode the locked envelope (a store, or with `exported` a backup file).
pub fn encode_locked(settings: &Settings, lock: &LockBox, exported: Option<chrono::NaiveDate>) -> String {
    let e = LockedEnvelope {
        format: FORMAT.into(),
        version: LOCKED_VERSION,
        exported,
        settings: *settings,
        lock: lock.clone(),
    };
    serde_json::to_string(&e).unwrap_or_default()
}

/// Everything stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stored {
    pub worklist: Worklist,
    pub settings: Settings,
    /// Patients read with a uid another patient already had, and given one
    /// of their own (see `Worklist::renumber_duplicate_uids`); never written.
    pub renumbered: Vec<String>,
}

impl Stored {
    pub fn new(worklist: Worklist, settings: Settings) -> Self {
        Stored { worklist, settings, renumbered: vec![] }
    }
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'a str,
    version: u32,
    worklist: &'a Worklist,
    settings: &'a Settings,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    worklist: Worklist,
    #[serde(default)]
    settings: Settings,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser offers no localStorage (disabled, blocked, a private mode).
    Unavailable,
    /// The stored text is not a worklist this app can read.
    Corrupt(String),
    /// Written by a newer version of the app.
    NewerVersion(u32),
    /// The browser refused to write (denied, or the write did not read back).
    WriteFailed(String),
    /// The browser's storage for this site is full; nothing was changed.
    QuotaExceeded,
    /// What was stored could not be read; it is kept, unchanged, under
    /// another key (and can be downloaded), so the app may save again.
    Unreadable { why: String, kept_under: String },
    /// Another tab turned the lock on or changed its passphrase: this tab
    /// locked itself rather than write over it.
    LockedElsewhere,
    /// Patients that shared a uid with another were given one of their own
    /// (named); nothing was lost. A notice, not a failure.
    Renumbered(Vec<String>),
    /// This tab held the lock, and the store became plain or unreadable
    /// without its own "turn off": it locked, and writes nothing in the clear
    /// until the clinician confirms it here.
    LockRemoved,
    /// Another tab deleted all data: this tab emptied its worklist and writes nothing back.
    DeletedElsewhere,
}

impl StorageError {
    pub fn message_da(&self) -> String {
        self.message(Lang::Da)
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (StorageError::Unavailable, Lang::Da) => {
                "Browseren tillader ikke lokal lagring. Ændringer gemmes ikke, når siden lukkes.".into()
            }
            (StorageError::Unavailable, Lang::En) => {
                "The browser does not allow local storage. Changes are lost when the page closes.".into()
            }
            (StorageError::Corrupt(why), Lang::Da) => format!(
                "De gemte data kan ikke læses ({why}). De er urørte og overskrives ikke; ændringer i denne session gemmes ikke."
            ),
            (StorageError::Corrupt(why), Lang::En) => format!(
                "The stored data cannot be read ({why}). It is left untouched and not overwritten; changes in this session are not saved."
            ),
            (StorageError::NewerVersion(v), Lang::Da) => format!(
                "De gemte data er skrevet af en nyere version (format {v}). Åbn den nyeste version af siden. Data overskrives ikke."
            ),
            (StorageError::NewerVersion(v), Lang::En) => format!(
                "The stored data was written by a newer version (format {v}). Open the newest version of the page. Nothing is overwritten."
            ),
            (StorageError::WriteFailed(why), Lang::Da) => {
                format!("Kunne ikke gemme ({why}). Seneste ændring er ikke gemt.")
            }
            (StorageError::WriteFailed(why), Lang::En) => {
                format!("Could not save ({why}). The latest change is not saved.")
            }
            (StorageError::QuotaExceeded, Lang::Da) => "Browserens lagerplads til værktøjet er fuld: den seneste ændring er ikke gemt, og det gemte er uændret. Eksportér en sikkerhedskopi nu. Arkiverede forløb fylder også; plads frigøres kun ved at slette data under »Om værktøjet og dine data«.".into(),
            (StorageError::QuotaExceeded, Lang::En) => "The browser's storage for this tool is full: the latest change is not saved, and what was saved is unchanged. Export a backup now. Archived cases take space too; space is freed only by deleting data under “About the tool and your data”.".into(),
            (StorageError::Unreadable { why, kept_under }, Lang::Da) => format!(
                "De gemte data kunne ikke læses ({why}). De er bevaret uændret under nøglen »{kept_under}« og kan hentes her; værktøjet er startet med en tom oversigt."
            ),
            (StorageError::Unreadable { why, kept_under }, Lang::En) => format!(
                "The stored data could not be read ({why}). It is kept unchanged under the key \"{kept_under}\" and can be downloaded here; the tool started with an empty worklist."
            ),
            (StorageError::LockedElsewhere, Lang::Da) => "Låsen er slået til eller ændret i en anden fane, så værktøjet er låst her. Lås op med den gældende adgangsfrase. En ændring, der ikke nåede at blive gemt i denne fane, er ikke gemt.".into(),
            (StorageError::Renumbered(names), Lang::Da) => format!("Nogle patienter havde samme id som en anden og har fået deres eget ({}). Intet er tabt.", names.join(", ")),
            (StorageError::Renumbered(names), Lang::En) => format!("Some patients shared an id with another and were given their own ({}). Nothing was lost.", names.join(", ").replace("nr.", "no.")),
            (StorageError::LockRemoved, Lang::Da) => "Låsen er fjernet uden for denne fane (slået fra i en anden fane, eller de gemte data er erstattet eller kan ikke læses). Værktøjet er derfor låst her, og intet gemmes ukrypteret, før du bekræfter det her.".into(),
            (StorageError::LockRemoved, Lang::En) => "The lock was removed outside this tab (turned off in another tab, or the stored data was replaced or cannot be read). The tool is therefore locked here, and nothing is stored unencrypted until you confirm it here.".into(),
            (StorageError::DeletedElsewhere, Lang::Da) => "Alle data er slettet i en anden fane. Oversigten her er tømt, og intet er skrevet tilbage.".into(),
            (StorageError::DeletedElsewhere, Lang::En) => "All data was deleted in another tab. The worklist here has been emptied, and nothing was written back.".into(),
            (StorageError::LockedElsewhere, Lang::En) => "The lock was turned on or changed in another tab, so the tool is locked here. Unlock with the current passphrase. A change that had not been saved in this tab is not saved.".into(),
        }
    }
}

/// Encode everything in the envelope.
pub fn encode_stored(stored: &Stored) -> String {
    let envelope = EnvelopeOut {
        format: FORMAT,
        version: ENVELOPE_VERSION,
        worklist: &stored.worklist,
        settings: &stored.settings,
    };
    // Plain data with string keys: serialising cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Encode a worklist with default settings.
pub fn encode(worklist: &Worklist) -> String {
    encode_stored(&Stored::new(worklist.clone(), Settings::default()))
}

/// Decode a plain envelope (version 1 or 2); `None` (nothing stored) is an
/// empty store. A locked envelope is not plain: see [`decode_opened`].
pub fn decode_stored(stored: Option<&str>) -> Result<Stored, StorageError> {
    match decode_opened(stored)? {
        Opened::Plain(s) => Ok(s),
        Opened::Locked { .. } => Err(StorageError::Corrupt("låst med adgangsfrase".into())),
    }
}

/// Decode what is stored, plain or locked; `None` is an empty store. Text
/// typed input would refuse (see `Worklist::check_read_text`) makes the store
/// unreadable; patients sharing a uid are given uids of their own, and
/// `Stored::renumbered` says who.
pub fn decode_opened(stored: Option<&str>) -> Result<Opened, StorageError> {
    match decode_unchecked(stored)? {
        Opened::Plain(mut s) => {
            s.worklist.check_read_text().map_err(|e| StorageError::Corrupt(e.message(Lang::Da)))?;
            s.renumbered = s.worklist.renumber_duplicate_uids();
            Ok(Opened::Plain(s))
        }
        locked => Ok(locked),
    }
}

/// The envelope's form, version, schema and dates; not yet its text or uids.
fn decode_unchecked(stored: Option<&str>) -> Result<Opened, StorageError> {
    let Some(text) = stored else { return Ok(Opened::Plain(Stored::default())) };
    let mut value: serde_json::Value = serde_json::from_str(text).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(StorageError::Corrupt("ukendt format".into()));
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v > LOCKED_VERSION as u64 => Err(StorageError::NewerVersion(v as u32)),
        Some(3) => {
            let e: LockedEnvelope = serde_json::from_value(value).map_err(|e| StorageError::Corrupt(e.to_string()))?;
            e.lock.validate().map_err(StorageError::Corrupt)?;
            Ok(Opened::Locked { settings: e.settings.checked(), lock: e.lock })
        }
        Some(1..) => {
            migrate_cases(&mut value)?;
            serde_json::from_value::<EnvelopeIn>(value)
                .map(|mut e| {
                    e.worklist.fill_uids();
                    Opened::Plain(Stored::new(e.worklist, e.settings.checked()))
                })
                .map_err(|e| StorageError::Corrupt(e.to_string()))
        }
        Some(_) => Err(StorageError::Corrupt("version 0".into())),
        None => Err(StorageError::Corrupt("mangler version".into())),
    }
}

/// Does the text look like the locked envelope (version 3), readable or not?
pub fn is_locked_form(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text).is_ok_and(|v| {
        v.get("format").and_then(|f| f.as_str()) == Some(FORMAT) && v.get("version").and_then(|v| v.as_u64()) == Some(3)
    })
}

/// Largest backup file read, in bytes (a thousand cases take about 1 MB).
pub const MAX_BACKUP_BYTES: usize = 5_000_000;

/// A backup file: the envelope with the date it was exported.
pub fn encode_backup(stored: &Stored, exported: chrono::NaiveDate) -> String {
    #[derive(Serialize)]
    struct Backup<'a> {
        format: &'a str,
        version: u32,
        #[serde(with = "crate::pathway::iso")]
        exported: chrono::NaiveDate,
        worklist: &'a Worklist,
        settings: &'a Settings,
    }
    let b = Backup {
        format: FORMAT,
        version: ENVELOPE_VERSION,
        exported,
        worklist: &stored.worklist,
        settings: &stored.settings,
    };
    // Compact, like the stored envelope: one serializer for the worklist in the whole app.
    serde_json::to_string(&b).unwrap_or_default()
}

/// Why a backup file was not read. Nothing is imported then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge(usize),
    NotABackup(String),
    Newer(u32),
    /// Patients sharing one uid (named): merging would make them one.
    DuplicateUids(Vec<String>),
    /// Text typed input would refuse.
    Text(crate::worklist::TextRefused),
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ImportError::TooLarge(n), Lang::Da) => format!("Filen er for stor ({n} byte; højst {MAX_BACKUP_BYTES}). Intet er importeret."),
            (ImportError::TooLarge(n), Lang::En) => format!("The file is too large ({n} bytes; at most {MAX_BACKUP_BYTES}). Nothing was imported."),
            (ImportError::NotABackup(why), Lang::Da) => format!("Filen er ikke en sikkerhedskopi fra dette værktøj ({why}). Intet er importeret."),
            (ImportError::NotABackup(why), Lang::En) => format!("The file is not a backup from this tool ({why}). Nothing was imported."),
            (ImportError::Newer(v), Lang::Da) => format!("Sikkerhedskopien er lavet af en nyere version (format {v}). Åbn den nyeste version af siden. Intet er importeret."),
            (ImportError::Newer(v), Lang::En) => format!("The backup was made by a newer version (format {v}). Open the newest version of the page. Nothing was imported."),
            (ImportError::DuplicateUids(names), Lang::Da) => format!("I sikkerhedskopien har flere patienter samme id ({}); de ville blive lagt sammen til én. Intet er importeret.", names.join(", ")),
            (ImportError::DuplicateUids(names), Lang::En) => format!("In the backup, several patients share one id ({}); they would be merged into one. Nothing was imported.", names.join(", ").replace("nr.", "no.")),
            (ImportError::Text(e), Lang::Da) => format!("Sikkerhedskopien overholder ikke reglerne for tekst ({}). Intet er importeret.", e.message(Lang::Da)),
            (ImportError::Text(e), Lang::En) => format!("The backup breaks the rules for text ({}). Nothing was imported.", e.message(Lang::En)),
        }
    }
}

/// Read a backup file strictly: size, format, version, every case's schema
/// and dates, the rules for typed text, and one uid per patient (all or
/// nothing). A locked backup is returned locked, to be opened with its passphrase.
pub fn decode_backup(text: &str) -> Result<Opened, ImportError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    let opened = decode_unchecked(Some(text)).map_err(|e| match e {
        StorageError::NewerVersion(v) => ImportError::Newer(v),
        StorageError::Corrupt(why) | StorageError::WriteFailed(why) => ImportError::NotABackup(why),
        StorageError::Unavailable
        | StorageError::QuotaExceeded
        | StorageError::Unreadable { .. }
        | StorageError::LockedElsewhere
        | StorageError::Renumbered(_)
        | StorageError::LockRemoved
        | StorageError::DeletedElsewhere => ImportError::NotABackup(String::new()),
    })?;
    if let Opened::Plain(s) = &opened {
        let dups = s.worklist.duplicate_uids();
        if !dups.is_empty() {
            return Err(ImportError::DuplicateUids(dups));
        }
        s.worklist.check_read_text().map_err(ImportError::Text)?;
    }
    Ok(opened)
}

/// Decode the worklist alone.
pub fn decode(stored: Option<&str>) -> Result<Worklist, StorageError> {
    decode_stored(stored).map(|s| s.worklist)
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

/// Is localStorage usable? Getting it, and setting and removing a test key,
/// is what throws when it is blocked. A full store is still usable for reading.
pub fn probe() -> Result<(), StorageError> {
    let storage = web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .map_err(|_| StorageError::Unavailable)?
        .ok_or(StorageError::Unavailable)?;
    storage.get_item(PROBE_KEY).map_err(|_| StorageError::Unavailable)?;
    if storage.set_item(PROBE_KEY, "1").is_ok() {
        storage.remove_item(PROBE_KEY).map_err(|_| StorageError::Unavailable)?;
    }
    Ok(())
}

/// The key other tabs are signalled through where the browser has no
/// `BroadcastChannel` (see `tabs`): a word and the time, never data.
pub const SIGNAL_KEY: &str = "cup-pathway.signal";

/// Signal the other tabs through a storage event. Best effort: a tab that
/// misses it still locks by its own idle timer.
pub fn write_signal(word: &str) {
    if probe().is_ok() {
        let _ = LocalStorage::raw().set_item(SIGNAL_KEY, &format!("{word} {}", js_sys::Date::now()));
    }
}

/// Is what is stored the locked envelope's form, readable or not? (A box
/// damaged or weakened never turns the lock off silently.)
pub fn stored_is_locked_form() -> bool {
    probe().is_ok() && LocalStorage::raw().get_item(STORAGE_KEY).ok().flatten().is_some_and(|t| is_locked_form(&t))
}

/// Is anything stored under the app's key (readable or not)?
pub fn exists() -> bool {
    probe().is_ok() && LocalStorage::raw().get_item(STORAGE_KEY).ok().flatten().is_some()
}

/// Prefix of the keys unreadable data is kept under.
pub const UNREADABLE_PREFIX: &str = "cup-pathway.unreadable.";

/// Copy unreadable text to a key of its own and check it reads back; returns the key.
fn preserve_unreadable(text: &str) -> Result<String, StorageError> {
    let storage = LocalStorage::raw();
    // Already kept (the app was opened again before anything was saved)?
    let len = storage.length().unwrap_or(0);
    for i in 0..len {
        if let Ok(Some(key)) = storage.key(i) {
            if key.starts_with(UNREADABLE_PREFIX) && storage.get_item(&key).ok().flatten().as_deref() == Some(text) {
                return Ok(key);
            }
        }
    }
    let key = format!("{UNREADABLE_PREFIX}{}", js_sys::Date::now() as u64);
    storage.set_item(&key, text).map_err(|e| write_error(&e))?;
    match storage.get_item(&key) {
        Ok(Some(back)) if back == text => Ok(key),
        _ => Err(StorageError::WriteFailed("verify".into())),
    }
}

/// The text kept under an unreadable-data key, for download.
pub fn read_key(key: &str) -> Option<String> {
    probe().ok()?;
    LocalStorage::raw().get_item(key).ok().flatten()
}

fn write_error(e: &wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    if name == "QuotaExceededError" {
        StorageError::QuotaExceeded
    } else {
        StorageError::WriteFailed(if name.is_empty() { "ukendt fejl".into() } else { name })
    }
}

/// The keys unreadable data is kept under. They are never encrypted.
pub fn unreadable_keys() -> Vec<String> {
    if probe().is_err() {
        return vec![];
    }
    let storage = LocalStorage::raw();
    let len = storage.length().unwrap_or(0);
    (0..len).filter_map(|i| storage.key(i).ok().flatten()).filter(|k| k.starts_with(UNREADABLE_PREFIX)).collect()
}

/// Delete one kept copy of unreadable data (after the user downloaded it).
pub fn remove_unreadable(key: &str) -> Result<(), StorageError> {
    if !key.starts_with(UNREADABLE_PREFIX) {
        return Err(StorageError::WriteFailed("remove".into()));
    }
    probe()?;
    LocalStorage::raw().remove_item(key).map_err(|_| StorageError::WriteFailed("remove".into()))
}

/// Delete everything this app keeps in localStorage (the store, kept
/// unreadable copies, the probe key). Returns how many keys were removed.
pub fn delete_all() -> Result<usize, StorageError> {
    probe()?;
    let storage = LocalStorage::raw();
    let len = storage.length().map_err(|_| StorageError::Unavailable)?;
    let keys: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k == STORAGE_KEY || k.starts_with("cup-pathway."))
        .collect();
    for k in &keys {
        storage.remove_item(k).map_err(|_| StorageError::WriteFailed("remove".into()))?;
    }
    Ok(keys.len())
}

/// Read everything from localStorage: at start, and again before every
/// write. Text that cannot be read is first kept under a key of its own
/// (`Unreadable`: writing may go on, nothing is lost); data from a newer
/// version is `NewerVersion`, and must not be written over.
pub fn load_stored() -> Result<Opened, StorageError> {
    probe()?;
    let raw = LocalStorage::raw().get_item(STORAGE_KEY).map_err(|_| StorageError::Unavailable)?;
    match decode_opened(raw.as_deref()) {
        Err(StorageError::Corrupt(why)) => match raw.as_deref().map(preserve_unreadable) {
            Some(Ok(kept_under)) => Err(StorageError::Unreadable { why, kept_under }),
            _ => Err(StorageError::Corrupt(why)),
        },
        other => other,
    }
}

/// The worklist of a plain store (tests); a locked store is an error.
pub fn load() -> Result<Worklist, StorageError> {
    load_stored().and_then(|o| match o {
        Opened::Plain(s) => Ok(s.worklist),
        Opened::Locked { .. } => Err(StorageError::Corrupt("låst med adgangsfrase".into())),
    })
}

/// Write everything to localStorage, in the clear.
pub fn save_stored(stored: &Stored) -> Result<(), StorageError> {
    write(&encode_stored(stored))
}

/// Write the locked envelope; returns the text written.
pub fn save_locked(settings: &Settings, lock: &LockBox) -> Result<String, StorageError> {
    let text = encode_locked(settings, lock, None);
    write(&text)?;
    Ok(text)
}

/// One setItem replaces the whole value or nothing; then check it reads back.
fn write(text: &str) -> Result<(), StorageError> {
    if text.is_empty() {
        return Err(StorageError::WriteFailed("encode".into()));
    }
    probe()?;
    let storage = LocalStorage::raw();
    storage.set_item(STORAGE_KEY, text).map_err(|e| write_error(&e))?;
    match storage.get_item(STORAGE_KEY) {
        Ok(Some(back)) if back == text => Ok(()),
        _ => Err(StorageError::WriteFailed("verify".into())),
    }
}

/// Write a worklist with default settings (tests).
pub fn save(worklist: &Worklist) -> Result<(), StorageError> {
    save_stored(&Stored::new(worklist.clone(), Settings::default()))
}
