//! One device's file in the shared folder, `cup-pathway.<device>.json`
//! (issue 25, points 2, 3 and 5): a clear header and an encrypted body.
//!
//! ```json
//! {"format":"cup-pathway-folder","major":1,"minor":0,
//!  "folder":"<16 bytes>","epoch":3,"device":"<16 bytes>",
//!  "kdf":"PBKDF2-SHA-256","iterations":600000,"salt":"<16 bytes>",
//!  "iv":"<12 bytes>","body":"<AES-GCM ciphertext and tag>"}
//! ```
//!
//! All bytes are base64url. The salt belongs to the epoch (every file of
//! one epoch carries the same salt, so one key derivation per session opens
//! them all); the IV is fresh for every write. [`aad`] binds the format,
//! folder id, epoch and device id: a file moved to another folder, epoch or
//! name-and-device fails the tag check. The decrypted body names the device
//! again and is either the device's whole copy or a "moved to epoch E+1"
//! record ([`Body`]). A newer major version is reported as such (never
//! read); unknown fields of this major version are kept and written back.

use crate::share::{base64url, from_base64url};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The `format` field of every file.
pub const FORMAT: &str = "cup-pathway-folder";
/// The major version this build reads and writes.
pub const MAJOR: u32 = 1;
/// The minor version this build writes.
pub const MINOR: u32 = 0;
/// The key derivation written in the header.
pub const KDF: &str = "PBKDF2-SHA-256";
/// Iterations of PBKDF2-SHA-256 (OWASP 2023), the only value accepted.
pub const ITERATIONS: u32 = 600_000;
/// Bytes of a folder id and of a device id.
pub const ID_BYTES: usize = 16;
/// Bytes of a salt.
pub const SALT_BYTES: usize = 16;
/// Bytes of an AES-GCM IV (96 bits).
pub const IV_BYTES: usize = 12;
/// Bytes of the AES-GCM tag at the end of the body.
pub const TAG_BYTES: usize = 16;
/// The largest file read (point 5): checked against the listed size before
/// reading and against the bytes after.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// File names start with this...
pub const NAME_PREFIX: &str = "cup-pathway.";
/// ...and end with this.
pub const NAME_SUFFIX: &str = ".json";

/// Why a file's bytes were refused. Every malformed input gives one of these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// More than [`MAX_FILE_BYTES`].
    TooLarge,
    /// Not UTF-8 JSON (a truncated write lands here).
    NotJson,
    /// JSON, but not an object with `"format": "cup-pathway-folder"`.
    NotOurFormat,
    /// A newer major version: "PC X kører en nyere version — genindlæs".
    /// The device id is given when the header has a readable one.
    NewerMajor { major: u64, device: Option<String> },
    /// Major version 0 or missing.
    BadVersion,
    /// A required field is missing (its name).
    Missing(&'static str),
    /// A field has the wrong type, length or value (its name).
    Bad(&'static str),
}

/// The clear header, checked. Ids and bytes are kept as their base64url
/// text (the text is what the AAD binds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub minor: u32,
    pub folder: String,
    pub epoch: u64,
    pub device: String,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    /// Header fields of a later minor version, kept as they were.
    pub extra: Map<String, Value>,
}

/// A parsed file: header and the sealed body (ciphertext and tag).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileParts {
    pub header: Header,
    pub sealed: Vec<u8>,
}

/// The additional authenticated data of a file: format and major version,
/// folder id, epoch and device id, one per line. Ids are base64url and the
/// epoch decimal, so no field can contain the separator.
pub fn aad(folder: &str, epoch: u64, device: &str) -> Vec<u8> {
    format!("{FORMAT}/{MAJOR}\nfolder={folder}\nepoch={epoch}\ndevice={device}").into_bytes()
}

/// The file name a device writes. Readers never trust it: the device id
/// comes from the authenticated content.
pub fn file_name(device: &str) -> String {
    format!("{NAME_PREFIX}{device}{NAME_SUFFIX}")
}

/// An id of [`ID_BYTES`] random bytes, as written.
pub fn id_text(bytes: &[u8; ID_BYTES]) -> String {
    base64url(bytes)
}

fn id_ok(text: &str) -> bool {
    from_base64url(text).is_some_and(|b| b.len() == ID_BYTES)
        && base64url(&from_base64url(text).unwrap_or_default()) == text
}

const KNOWN: [&str; 11] =
    ["format", "major", "minor", "folder", "epoch", "device", "kdf", "iterations", "salt", "iv", "body"];

/// Reads a file's bytes. Never panics; any malformed input is a [`FormatError`].
pub fn parse(bytes: &[u8]) -> Result<FileParts, FormatError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| FormatError::NotJson)?;
    let value: Value = serde_json::from_str(text).map_err(|_| FormatError::NotJson)?;
    let Value::Object(mut obj) = value else {
        return Err(FormatError::NotOurFormat);
    };
    if obj.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(FormatError::NotOurFormat);
    }
    let major = obj.get("major").and_then(Value::as_u64).ok_or(FormatError::BadVersion)?;
    if major > u64::from(MAJOR) {
        let device = obj.get("device").and_then(Value::as_str).filter(|d| id_ok(d)).map(str::to_owned);
        return Err(FormatError::NewerMajor { major, device });
    }
    if major != u64::from(MAJOR) {
        return Err(FormatError::BadVersion);
    }
    let minor = match obj.get("minor") {
        None => return Err(FormatError::Missing("minor")),
        Some(v) => v.as_u64().and_then(|m| u32::try_from(m).ok()).ok_or(FormatError::Bad("minor"))?,
    };
    let text_field = |obj: &Map<String, Value>, name: &'static str| -> Result<String, FormatError> {
        match obj.get(name) {
            None => Err(FormatError::Missing(name)),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(FormatError::Bad(name)),
        }
    };
    let folder = text_field(&obj, "folder")?;
    if !id_ok(&folder) {
        return Err(FormatError::Bad("folder"));
    }
    let device = text_field(&obj, "device")?;
    if !id_ok(&device) {
        return Err(FormatError::Bad("device"));
    }
    let epoch = match obj.get("epoch") {
        None => return Err(FormatError::Missing("epoch")),
        Some(v) => v.as_u64().ok_or(FormatError::Bad("epoch"))?,
    };
    if text_field(&obj, "kdf")? != KDF {
        return Err(FormatError::Bad("kdf"));
    }
    match obj.get("iterations") {
        None => return Err(FormatError::Missing("iterations")),
        Some(v) if v.as_u64() == Some(u64::from(ITERATIONS)) => {}
        Some(_) => return Err(FormatError::Bad("iterations")),
    }
    let bytes_field = |obj: &Map<String, Value>, name: &'static str, ok: &dyn Fn(usize) -> bool| {
        let t = text_field(obj, name)?;
        from_base64url(&t).filter(|b| ok(b.len())).ok_or(FormatError::Bad(name))
    };
    let salt = bytes_field(&obj, "salt", &|n| n == SALT_BYTES)?;
    let iv = bytes_field(&obj, "iv", &|n| n == IV_BYTES)?;
    let sealed = bytes_field(&obj, "body", &|n| n >= TAG_BYTES)?;
    for k in KNOWN {
        obj.remove(k);
    }
    Ok(FileParts { header: Header { minor, folder, epoch, device, salt, iv, extra: obj }, sealed })
}

/// Writes a file's bytes: the header (with any kept minor fields) and the
/// sealed body. The minor written is the larger of ours and the kept one.
pub fn render(parts: &FileParts) -> Vec<u8> {
    let h = &parts.header;
    let mut obj = h.extra.clone();
    for k in KNOWN {
        obj.remove(k);
    }
    let mut out = Map::new();
    out.insert("format".into(), FORMAT.into());
    out.insert("major".into(), MAJOR.into());
    // MINOR is 0 today; the rule matters from minor 1 on.
    #[allow(clippy::unnecessary_min_or_max)]
    let minor = h.minor.max(MINOR);
    out.insert("minor".into(), minor.into());
    out.insert("folder".into(), h.folder.clone().into());
    out.insert("epoch".into(), h.epoch.into());
    out.insert("device".into(), h.device.clone().into());
    out.insert("kdf".into(), KDF.into());
    out.insert("iterations".into(), ITERATIONS.into());
    out.insert("salt".into(), base64url(&h.salt).into());
    out.insert("iv".into(), base64url(&h.iv).into());
    out.insert("body".into(), base64url(&parts.sealed).into());
    out.extend(obj);
    Value::Object(out).to_string().into_bytes()
}

/// The decrypted body: the device's whole copy, or the record a rotating
/// PC writes under the old key (point 2). Both name the device again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Body {
    /// The device's whole merged worklist (decoded by the merge, later,
    /// with every input rule of the backup import).
    Copy {
        device: String,
        /// Which store session wrote it and its write count: a clone of a
        /// profile writes marks its own store does not know (point 3).
        mark: WriteMark,
        worklist: Value,
        /// Fields of a later minor version, kept and passed on.
        #[serde(flatten)]
        extra: Map<String, Value>,
    },
    /// "Moved to epoch E+1": stop writing this epoch, ask for the new secret.
    Moved {
        device: String,
        to_epoch: u64,
        #[serde(flatten)]
        extra: Map<String, Value>,
    },
}

impl Body {
    pub fn device(&self) -> &str {
        match self {
            Body::Copy { device, .. } | Body::Moved { device, .. } => device,
        }
    }
}

/// Who wrote a copy: the writing store's session id and its write count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriteMark {
    pub session: String,
    pub seq: u64,
}

/// Why a decrypted body was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodyError {
    NotJson,
    /// The body names another device than the header (never trusted).
    DeviceMismatch,
    /// A move record that does not raise the epoch by exactly one.
    BadMove,
}

/// Reads a decrypted body and checks it against its (authenticated) header.
pub fn parse_body(header: &Header, plain: &[u8]) -> Result<Body, BodyError> {
    let body: Body = serde_json::from_slice(plain).map_err(|_| BodyError::NotJson)?;
    if body.device() != header.device {
        return Err(BodyError::DeviceMismatch);
    }
    if let Body::Moved { to_epoch, .. } = &body {
        if header.epoch.checked_add(1) != Some(*to_epoch) {
            return Err(BodyError::BadMove);
        }
    }
    Ok(body)
}

/// A body read for its mark only (own-file checks): the worklist is
/// skipped by the parser, not built, so a 1,000-patient copy costs a scan.
#[derive(Deserialize)]
struct Light {
    kind: String,
    device: String,
    #[serde(default)]
    mark: Option<WriteMark>,
    #[serde(default)]
    to_epoch: Option<u64>,
}

/// Like [`parse_body`], with the same checks, but a copy's worklist is left
/// out (`Value::Null`): for the re-read of our own file and the read-back,
/// which need only who wrote it.
pub fn parse_body_mark(header: &Header, plain: &[u8]) -> Result<Body, BodyError> {
    let l: Light = serde_json::from_slice(plain).map_err(|_| BodyError::NotJson)?;
    if l.device != header.device {
        return Err(BodyError::DeviceMismatch);
    }
    match (l.kind.as_str(), l.mark, l.to_epoch) {
        ("copy", Some(mark), _) => {
            Ok(Body::Copy { device: l.device, mark, worklist: Value::Null, extra: Map::new() })
        }
        ("moved", _, Some(to_epoch)) if header.epoch.checked_add(1) == Some(to_epoch) => {
            Ok(Body::Moved { device: l.device, to_epoch, extra: Map::new() })
        }
        ("moved", _, _) => Err(BodyError::BadMove),
        _ => Err(BodyError::NotJson),
    }
}

/// A copy's body from the list's JSON text as the codec printed it: the
/// same bytes [`render_body`] would give for `Body::Copy` without extras,
/// without building the list as a `Value` first.
pub fn render_copy(device: &str, mark: &WriteMark, worklist_json: &str) -> Vec<u8> {
    let head = serde_json::json!({ "kind": "copy", "device": device, "mark": mark }).to_string();
    let mut out = Vec::with_capacity(head.len() + worklist_json.len() + 16);
    out.extend_from_slice(head.strip_suffix('}').unwrap_or(&head).as_bytes());
    out.extend_from_slice(b",\"worklist\":");
    out.extend_from_slice(worklist_json.as_bytes());
    out.push(b'}');
    out
}

/// A body's bytes, for sealing.
pub fn render_body(body: &Body) -> Vec<u8> {
    serde_json::to_vec(body).unwrap_or_default()
}
