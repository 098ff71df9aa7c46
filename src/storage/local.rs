//! The localStorage I/O: the only code that touches it. Every access goes
//! through gloo-storage or the page's own `localStorage`, behind a probe of
//! `window.localStorage`: gloo's `LocalStorage::raw()` throws when storage is
//! blocked (sandboxed frames, some private modes), so the probe runs first
//! and turns that into [`StorageError::Unavailable`]. Nothing here panics,
//! and a store that cannot be read is never overwritten.

use super::codec::*;
use crate::lockbox::LockBox;
use crate::patients::Worklist;
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub const STORAGE_KEY: &str = "cup-pathway";
const PROBE_KEY: &str = "cup-pathway.probe";

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
        let _ = LocalStorage::raw().set_item(SIGNAL_KEY, &format!("{word} {}", js_sys::Date::now() as i64));
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
        _ => Err(StorageError::WriteFailed(WriteFault::NotReadBack)),
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
        StorageError::WriteFailed(if name.is_empty() { WriteFault::Unknown } else { WriteFault::Refused(name) })
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
        return Err(StorageError::WriteFailed(WriteFault::Remove));
    }
    probe()?;
    LocalStorage::raw().remove_item(key).map_err(|_| StorageError::WriteFailed(WriteFault::Remove))
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
        storage.remove_item(k).map_err(|_| StorageError::WriteFailed(WriteFault::Remove))?;
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
        Opened::Locked { .. } => Err(StorageError::Corrupt(Fault::Locked)),
    })
}

/// What this tab last wrote, as the browser holds it: compared in the page
/// (`===`), never copied into wasm, so the check before a save is cheap.
#[derive(Clone, Debug)]
pub struct Written(JsValue);

/// Is the store still exactly what this tab wrote last? Then no other tab
/// wrote since, and a save needs to read nothing back.
pub fn unchanged_since(written: &Written) -> bool {
    storage().ok().and_then(|s| s.get_item_js(STORAGE_KEY).ok()).is_some_and(|v| v == written.0)
}

/// The store as the browser holds it (`null` when empty), to compare with
/// [`unchanged_since`]'s cheap `===` before and after an async step.
pub fn snapshot() -> Option<Written> {
    storage().ok().and_then(|s| s.get_item_js(STORAGE_KEY).ok()).map(Written)
}

/// Is the store still what [`snapshot`] saw?
pub fn same_as(before: &Option<Written>) -> bool {
    snapshot().map(|w| w.0) == before.as_ref().map(|w| w.0.clone())
}

/// Write the plain envelope text (see `codec::Encoder`).
pub fn save_text(text: &str) -> Result<Written, StorageError> {
    write(text)
}

/// Write everything to localStorage, in the clear.
pub fn save_stored(stored: &Stored) -> Result<Written, StorageError> {
    write(&encode_stored(stored))
}

/// Write the locked envelope.
pub fn save_locked(settings: &Settings, lock: &LockBox) -> Result<Written, StorageError> {
    write(&encode_locked(settings, lock, None))
}

/// One setItem replaces the whole value or nothing; then check it reads back
/// (compared in the page, without copying it into wasm).
fn write(text: &str) -> Result<Written, StorageError> {
    if text.is_empty() {
        return Err(StorageError::WriteFailed(WriteFault::Encode));
    }
    let storage = storage()?;
    let value = JsValue::from_str(text);
    storage.set_item_js(STORAGE_KEY, &value).map_err(|e| write_error(&e))?;
    match storage.get_item_js(STORAGE_KEY) {
        Ok(back) if back == value => Ok(Written(value)),
        _ => Err(StorageError::WriteFailed(WriteFault::NotReadBack)),
    }
}

/// Write a worklist with default settings (tests).
pub fn save(worklist: &Worklist) -> Result<(), StorageError> {
    save_stored(&Stored::new(worklist.clone(), Settings::default())).map(|_| ())
}

#[wasm_bindgen]
extern "C" {
    /// `window.localStorage`, its values kept as JS strings.
    #[wasm_bindgen(extends = js_sys::Object)]
    type JsStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(this: &JsStorage, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_js(this: &JsStorage, key: &str, value: &JsValue) -> Result<(), JsValue>;
}

/// The page's localStorage, or `Unavailable` where getting it throws.
fn storage() -> Result<JsStorage, StorageError> {
    let s = web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .map_err(|_| StorageError::Unavailable)?
        .ok_or(StorageError::Unavailable)?;
    Ok(s.unchecked_into())
}

/// This tab's own mark (sessionStorage: per tab, kept across a reload,
/// never shared with other tabs) that the lock was removed behind its back:
/// after the reload that empties its memory it starts locked and still asks
/// the clinician before anything is stored in the clear.
const LOCK_REMOVED_MARK: &str = "cup-pathway.lock-removed";

/// Set or clear the mark. Best effort: without sessionStorage the reload
/// opens what is stored as any new tab would.
pub fn mark_lock_removed(on: bool) {
    let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) else { return };
    let _ = if on { s.set_item(LOCK_REMOVED_MARK, "1") } else { s.remove_item(LOCK_REMOVED_MARK) };
}

/// Is the mark set in this tab?
pub fn lock_removed_marked() -> bool {
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .is_some_and(|s| s.get_item(LOCK_REMOVED_MARK).ok().flatten().is_some())
}

/// The key this PC's seat in the department's folder is kept under (issue
/// 25): always a box sealed with the local lock's key, never in the clear.
/// *Slet alle data* removes it with every other `cup-pathway.` key.
pub const FOLDER_SEAT_KEY: &str = "cup-pathway.folder";

/// The sealed seat, if one is stored and well formed.
pub fn load_folder_seat() -> Option<LockBox> {
    probe().ok()?;
    let text = LocalStorage::raw().get_item(FOLDER_SEAT_KEY).ok().flatten()?;
    serde_json::from_str::<LockBox>(&text).ok().filter(|b| b.validate().is_ok())
}

/// Is a seat stored (readable or not)? Cheap: said before anything loads.
pub fn folder_seat_exists() -> bool {
    probe().is_ok() && LocalStorage::raw().get_item(FOLDER_SEAT_KEY).ok().flatten().is_some()
}

pub fn save_folder_seat(b: &LockBox) -> Result<(), StorageError> {
    probe()?;
    let text = serde_json::to_string(b).map_err(|_| StorageError::WriteFailed(WriteFault::Encode))?;
    LocalStorage::raw().set_item(FOLDER_SEAT_KEY, &text).map_err(|e| write_error(&e))
}

pub fn remove_folder_seat() -> Result<(), StorageError> {
    probe()?;
    LocalStorage::raw().remove_item(FOLDER_SEAT_KEY).map_err(|_| StorageError::WriteFailed(WriteFault::Remove))
}

/// The list as it was before a change the folder's safety valve asked about
/// was applied (issue 25, point 5): a locked backup file (sealed with the
/// lock's key; the backup import opens it with the passphrase), the file
/// whose change it was, and when. Kept until deleted; *Slet alle data*
/// removes it with every other `cup-pathway.` key.
pub const FOLDER_BEFORE_KEY: &str = "cup-pathway.folder-before";

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FolderBefore {
    pub file: String,
    pub at_ms: i64,
    /// A locked backup file's text ([`encode_locked`]).
    pub backup: String,
}

/// The kept list from before, if one is stored and well formed.
pub fn load_folder_before() -> Option<FolderBefore> {
    probe().ok()?;
    let text = LocalStorage::raw().get_item(FOLDER_BEFORE_KEY).ok().flatten()?;
    serde_json::from_str::<FolderBefore>(&text).ok().filter(|b| is_locked_form(&b.backup))
}

pub fn save_folder_before(b: &FolderBefore) -> Result<(), StorageError> {
    probe()?;
    let text = serde_json::to_string(b).map_err(|_| StorageError::WriteFailed(WriteFault::Encode))?;
    LocalStorage::raw().set_item(FOLDER_BEFORE_KEY, &text).map_err(|e| write_error(&e))
}

pub fn remove_folder_before() -> Result<(), StorageError> {
    probe()?;
    LocalStorage::raw().remove_item(FOLDER_BEFORE_KEY).map_err(|_| StorageError::WriteFailed(WriteFault::Remove))
}
