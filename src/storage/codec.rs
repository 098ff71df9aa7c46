//! The storage codec: pure, natively tested. The envelope, its versions and
//! migrations, the backup format, and the incremental encoder a save uses.
//! No browser API here (that is `storage::local`), and no UI text: errors are
//! values, their messages live in `i18n`.
//!
//! Versions of the envelope under the key `cup-pathway`:
//! - 1: plain, schema-1 cases, no settings (cases migrate, `pathway::case::migrate`);
//! - 2: plain, every field written;
//! - 3: locked: `{"format", "version": 3, "settings", "lock": LockBox}`, the box holding a version 2;
//! - 4: plain and compact: nulls, empty lists and default cases left out, as the share link does;
//! - 5: locked, the box holding a version 4;
//! - 6: plain, compact, every patient with its stamps (`"s"`: who wrote each
//!   value and what the copy has seen, issue 24, `records::Stamps`) and the
//!   deletion records beside the patients (`worklist.deleted`). A patient read
//!   without stamps (versions 1–4, an old backup) gets them from its content
//!   (`merge::legacy_record`), the same in every copy, never as an edit;
//! - 7: locked, the box holding a version 6.
//!
//! This app writes 6 and 7 and reads all seven. An app that knows only 4 and 5
//! reads 6 and 7 as newer and leaves them alone.

use crate::lang::Lang;
use crate::lockbox::LockBox;
use crate::pathway::case::ModelStamp;
use crate::pathway::{EDITION, MODEL_VERSION};
use crate::patients::{Patient, Worklist};
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "cup-pathway";
/// Version of the plain envelope written. Bump on incompatible change and add a migration.
pub const ENVELOPE_VERSION: u32 = 6;
/// Version of the locked envelope written (its box holds a version 6).
pub const LOCKED_VERSION: u32 = 7;
/// The locked envelope before stamps (its box holds a version 4).
const LOCKED_VERSION_COMPACT: u64 = 5;
/// The locked envelope before compact storage (its box holds a version 2).
const LOCKED_VERSION_FULL: u64 = 3;

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
    /// Which department the tool serves: whose code each code is (issue 22.5).
    #[serde(skip_serializing_if = "crate::pathway::case::is_default")]
    pub department_role: crate::pathway::DepartmentRole,
    /// Which store this is (see [`Generation`]); never in a backup file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generation: Option<Generation>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Da,
            last_backup: None,
            idle_minutes: 15,
            department_role: crate::pathway::DepartmentRole::default(),
            generation: None,
        }
    }
}

/// A store's generation: a random id drawn when a store is first written
/// after nothing was stored, kept by every later write (plain or locked) and
/// carried by the deletion signal. *Slet alle data* ends a generation: a tab
/// that finds another generation than its own knows that everything it held
/// was deleted elsewhere, even when it heard nothing of it (frozen in the
/// background, restored by Back), and never merges its old patients into
/// the new store. A store written before generations has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Generation(pub u64);

impl Generation {
    /// As written: 16 hexadecimal digits.
    pub fn text(self) -> String {
        format!("{:016x}", self.0)
    }

    pub fn parse(text: &str) -> Option<Generation> {
        (text.len() == 16 && text.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u64::from_str_radix(text, 16).ok().map(Generation))
            .flatten()
    }
}

impl Serialize for Generation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

impl<'de> Deserialize<'de> for Generation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Generation::parse(&text).ok_or_else(|| serde::de::Error::custom("generation: 16 hexadecimal digits"))
    }
}

impl Opened {
    /// The generation of the store read (see [`Generation`]).
    pub fn generation(&self) -> Option<Generation> {
        match self {
            Opened::Plain(s) => s.settings.generation,
            Opened::Locked { settings, .. } => settings.generation,
        }
    }
}

impl Settings {
    /// A hand-edited idle time outside the offered choices falls back to the default.
    pub(crate) fn checked(mut self) -> Self {
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
    // A backup file belongs to no store (see `Generation`).
    let settings = if exported.is_some() { Settings { generation: None, ..*settings } } else { *settings };
    let e = LockedEnvelope { format: FORMAT.into(), version: LOCKED_VERSION, exported, settings, lock: lock.clone() };
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

#[derive(Deserialize)]
struct EnvelopeIn {
    worklist: Worklist,
    #[serde(default)]
    settings: Settings,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Not JSON, or JSON of another shape: what kind and where the parser
    /// stopped; its own (English) words are said only in English.
    Json { kind: JsonFault, line: usize, column: usize, detail: String },
    /// JSON, but not this app's (`format` is not `cup-pathway`).
    UnknownFormat,
    NoVersion,
    VersionZero,
    /// The locked form where plain data was expected.
    Locked,
    /// A case that cannot be read or migrated: the model's (technical) words.
    Case(String),
    /// A locked box that is malformed or weakened (see `LockBox::validate`).
    LockBox(crate::lockbox::BoxFault),
    /// Text typed input would refuse, naming the patient and the field.
    Text(crate::patients::TextRefused),
}

/// What kind of JSON fault (serde_json's categories, in the UI's words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonFault {
    /// Not JSON at all (a stray character, a broken string).
    Syntax,
    /// JSON, but not of the shape this version reads.
    Shape,
    /// The text ends too early (cut off).
    Cut,
}

impl Fault {
    fn json(e: serde_json::Error) -> StorageError {
        use serde_json::error::Category;
        let kind = match e.classify() {
            Category::Data => JsonFault::Shape,
            Category::Eof => JsonFault::Cut,
            Category::Syntax | Category::Io => JsonFault::Syntax,
        };
        // The parser's words kept for English (with our own date format's message).
        StorageError::Corrupt(Fault::Json { kind, line: e.line(), column: e.column(), detail: e.to_string() })
    }
}

/// Why a write did not happen or did not read back. Values only (see `i18n`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteFault {
    /// The browser refused: its error's name (`SecurityError`, …).
    Refused(String),
    /// The browser refused without a name.
    Unknown,
    /// What was written did not read back the same.
    NotReadBack,
    /// Nothing to write: encoding gave no text.
    Encode,
    /// A key could not be removed.
    Remove,
    /// Another tab kept writing while this one sealed its data (five tries).
    Busy,
    /// The data could not be encrypted.
    Seal,
}

/// A failure of the browser's storage or of what it holds. What happens
/// where nothing failed (a deletion in another tab, renumbered patients, a
/// lock from elsewhere) is the app state's `Notice`, not an error here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser offers no localStorage (disabled, blocked, a private mode).
    Unavailable,
    /// The stored text is not a worklist this app can read.
    Corrupt(Fault),
    /// Written by a newer version of the app.
    NewerVersion(u32),
    /// The browser refused to write (denied, or the write did not read back).
    WriteFailed(WriteFault),
    /// The browser's storage for this site is full; nothing was changed.
    QuotaExceeded,
    /// What was stored could not be read; it is kept, unchanged, under
    /// another key (and can be downloaded), so the app may save again.
    Unreadable { why: Fault, kept_under: String },
}

/// Encode everything in the envelope (compact, version 6).
pub fn encode_stored(stored: &Stored) -> String {
    Encoder::default().encode(&stored.worklist, &stored.settings)
}

/// Encode a worklist with default settings.
pub fn encode(worklist: &Worklist) -> String {
    Encoder::default().encode(worklist, &Settings::default())
}

/// Encodes the plain envelope, re-encoding only the patients that changed
/// since its last call: a save costs what the change costs, not what the
/// worklist holds. A patient's text is reused only when the patient equals
/// the one it was made from (a whole-value comparison, so no change is ever
/// missed); the rest is joined around them.
#[derive(Default)]
pub struct Encoder {
    /// By position in the worklist: the patient as encoded, and its JSON.
    done: Vec<(Patient, String)>,
}

impl Encoder {
    pub fn encode(&mut self, worklist: &Worklist, settings: &Settings) -> String {
        let mut done = std::mem::take(&mut self.done);
        done.truncate(worklist.patients.len());
        let mut len = 0;
        for (i, p) in worklist.patients.iter().enumerate() {
            match done.get_mut(i) {
                Some((q, _)) if q == p => {}
                slot => {
                    // Plain data with string keys: serialising cannot fail.
                    let entry = (p.clone(), patient_json(p));
                    match slot {
                        Some(s) => *s = entry,
                        None => done.push(entry),
                    }
                }
            }
            len += done[i].1.len() + 1;
        }
        let settings = serde_json::to_string(settings).unwrap_or_default();
        let mut out = String::with_capacity(len + settings.len() + 96);
        out.push_str(&format!(r#"{{"format":"{FORMAT}","version":{ENVELOPE_VERSION},"worklist":{{"patients":["#));
        for (i, (_, json)) in done.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(json);
        }
        out.push(']');
        if !worklist.deleted.is_empty() {
            out.push_str(r#","deleted":"#);
            out.push_str(&serde_json::to_string(&worklist.deleted).unwrap_or_default());
        }
        out.push_str(r#"},"settings":"#);
        out.push_str(&settings);
        out.push('}');
        self.done = done;
        out
    }

    /// Forget what was encoded (a store replaced wholesale).
    pub fn clear(&mut self) {
        self.done.clear();
    }
}

/// Decode a plain envelope (version 1, 2 or 4); `None` (nothing stored) is an
/// empty store. A locked envelope is not plain: see [`decode_opened`].
pub fn decode_stored(stored: Option<&str>) -> Result<Stored, StorageError> {
    match decode_opened(stored)? {
        Opened::Plain(s) => Ok(s),
        Opened::Locked { .. } => Err(StorageError::Corrupt(Fault::Locked)),
    }
}

/// Decode what is stored, plain or locked; `None` is an empty store. Text
/// typed input would refuse (see `Worklist::check_read_text`) makes the store
/// unreadable; patients sharing a uid are given uids of their own, and
/// `Stored::renumbered` says who.
pub fn decode_opened(stored: Option<&str>) -> Result<Opened, StorageError> {
    match decode_unchecked(stored)? {
        Opened::Plain(mut s) => {
            s.worklist.check_read_text().map_err(|e| StorageError::Corrupt(Fault::Text(e)))?;
            s.renumbered = s.worklist.renumber_duplicate_uids();
            s.renumbered.extend(s.worklist.renumber_duplicate_ids());
            Ok(Opened::Plain(s))
        }
        locked => Ok(locked),
    }
}

/// The first model version whose stamps are stored without the edition's words.
const EDITION_ELIDED_SINCE: u32 = 4;

/// A patient's stored JSON. The edition a case was evaluated under is
/// stored empty when it is the edition this app encodes (model versions 4 on
/// encode the same edition), and restored on reading ([`restore_editions`]),
/// as the share link does; an older stamp keeps its words.
fn patient_json(p: &Patient) -> String {
    let current = |s: &ModelStamp| {
        (EDITION_ELIDED_SINCE..=MODEL_VERSION).contains(&s.model_version) && s.edition == EDITION.edition.da
    };
    // Plain data with string keys: serialising cannot fail.
    if p.case.evaluated_under.as_ref().is_some_and(current) {
        let mut p = p.clone();
        if let Some(s) = p.case.evaluated_under.as_mut() {
            s.edition.clear();
        }
        serde_json::to_string(&p).unwrap_or_default()
    } else {
        serde_json::to_string(p).unwrap_or_default()
    }
}

/// The current edition back in the stamps [`patient_json`] stored without it.
fn restore_editions(worklist: &mut Worklist) {
    for p in &mut worklist.patients {
        if let Some(s) = p.case.evaluated_under.as_mut().filter(|s| s.edition.is_empty()) {
            if (EDITION_ELIDED_SINCE..=MODEL_VERSION).contains(&s.model_version) {
                s.edition = EDITION.edition.da.to_string();
            }
        }
    }
}

/// The envelope's form, version, schema and dates; not yet its text or uids.
/// One JSON path for every version: the text is read into a
/// `serde_json::Value`, cases are migrated there, then typed. (A second,
/// typed path for the current version only was measured: +21.8 KB gzip of wasm
/// for a read that a save no longer needs, see `storage::unchanged_since`.)
fn decode_unchecked(stored: Option<&str>) -> Result<Opened, StorageError> {
    let Some(text) = stored else { return Ok(Opened::Plain(Stored::default())) };
    let value: serde_json::Value = serde_json::from_str(text).map_err(Fault::json)?;
    decode_value(value)
}

/// [`decode_unchecked`] after the text is parsed.
fn decode_value(mut value: serde_json::Value) -> Result<Opened, StorageError> {
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(StorageError::Corrupt(Fault::UnknownFormat));
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v > LOCKED_VERSION as u64 => Err(StorageError::NewerVersion(v as u32)),
        Some(LOCKED_VERSION_FULL) | Some(LOCKED_VERSION_COMPACT) | Some(7) => {
            let e: LockedEnvelope = serde_json::from_value(value).map_err(Fault::json)?;
            e.lock.validate().map_err(|why| StorageError::Corrupt(Fault::LockBox(why)))?;
            Ok(Opened::Locked { settings: e.settings.checked(), lock: e.lock })
        }
        Some(1..) => {
            migrate_cases(&mut value)?;
            serde_json::from_value::<EnvelopeIn>(value)
                .map(|mut e| {
                    e.worklist.fill_uids();
                    restore_editions(&mut e.worklist);
                    Opened::Plain(Stored::new(e.worklist, e.settings.checked()))
                })
                .map_err(Fault::json)
        }
        Some(_) => Err(StorageError::Corrupt(Fault::VersionZero)),
        None => Err(StorageError::Corrupt(Fault::NoVersion)),
    }
}

/// Does the text look like a locked envelope (version 3 or 5), readable or not?
pub fn is_locked_form(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text).is_ok_and(|v| {
        v.get("format").and_then(|f| f.as_str()) == Some(FORMAT)
            && v.get("version")
                .and_then(|v| v.as_u64())
                .is_some_and(|v| [LOCKED_VERSION_FULL, LOCKED_VERSION_COMPACT, LOCKED_VERSION as u64].contains(&v))
    })
}

/// Largest backup file read, in bytes (a thousand cases take about 1 MB).
pub const MAX_BACKUP_BYTES: usize = 5_000_000;

/// Most patients read from a backup file (a department's list is hundreds).
pub const MAX_BACKUP_PATIENTS: usize = 10_000;

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
    let settings = Settings { generation: None, ..stored.settings };
    let b =
        Backup { format: FORMAT, version: ENVELOPE_VERSION, exported, worklist: &stored.worklist, settings: &settings };
    // Compact, like the stored envelope: one serializer for the worklist in the whole app.
    serde_json::to_string(&b).unwrap_or_default()
}

/// Why a backup file was not read. Nothing is imported then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge(usize),
    /// More patients than [`MAX_BACKUP_PATIENTS`].
    TooManyPatients(usize),
    NotABackup(Option<Fault>),
    Newer(u32),
    /// Patients sharing one uid (named): merging would make them one.
    DuplicateUids(Vec<String>),
    /// Text typed input would refuse.
    Text(crate::patients::TextRefused),
}

/// Read a backup file strictly: size, format, version, every case's schema
/// and dates, the rules for typed text, and one uid per patient (all or
/// nothing). A locked backup is returned locked, to be opened with its passphrase.
pub fn decode_backup(text: &str) -> Result<Opened, ImportError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    backup_checks(decode_unchecked(Some(text)).map_err(backup_error)?, &[])
}

/// A backup's rules over JSON already parsed: the shared folder's files
/// (issue 25), whose size the folder checked, read without printing the
/// list to text and parsing it again; the text rules skipped for patients
/// a `trusted` list holds as they are (see `Worklist::check_read_text_beside`).
pub fn decode_backup_value_beside(
    value: serde_json::Value,
    trusted: &[&crate::patients::Worklist],
) -> Result<Opened, ImportError> {
    backup_checks(decode_value(value).map_err(backup_error)?, trusted)
}

fn backup_error(e: StorageError) -> ImportError {
    match e {
        StorageError::NewerVersion(v) => ImportError::Newer(v),
        StorageError::Corrupt(why) => ImportError::NotABackup(Some(why)),
        StorageError::WriteFailed(_) => ImportError::NotABackup(None),
        StorageError::Unavailable
        | StorageError::QuotaExceeded
        | StorageError::Unreadable { .. } => ImportError::NotABackup(None),
    }
}

/// What every backup read meets after decoding: no generation, at most
/// [`MAX_BACKUP_PATIENTS`], one uid a patient, the rules of typed text.
fn backup_checks(opened: Opened, trusted: &[&crate::patients::Worklist]) -> Result<Opened, ImportError> {
    // A backup belongs to no store: a generation in the file is not this store's.
    let opened = match opened {
        Opened::Plain(mut s) => {
            s.settings.generation = None;
            Opened::Plain(s)
        }
        Opened::Locked { settings, lock } => {
            Opened::Locked { settings: Settings { generation: None, ..settings }, lock }
        }
    };
    if let Opened::Plain(s) = &opened {
        if s.worklist.patients.len() > MAX_BACKUP_PATIENTS {
            return Err(ImportError::TooManyPatients(s.worklist.patients.len()));
        }
        let dups = s.worklist.duplicate_uids();
        if !dups.is_empty() {
            return Err(ImportError::DuplicateUids(dups));
        }
        s.worklist.check_read_text_beside(trusted).map_err(ImportError::Text)?;
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
                CaseFormatError::Invalid(why) => StorageError::Corrupt(Fault::Case(why)),
            })?;
        }
    }
    Ok(())
}
