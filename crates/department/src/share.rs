//! Share links: a case's clinical answers and dates in the URL fragment
//! (`#/del/1.<base64url>.<crc32>`), which browsers never send to a server.
//! The case's JSON form carries no label and no notes. Pure and strict:
//! a damaged, truncated or tampered link is an error, never a half case.

use crate::pathway::{Case, CASE_SCHEMA_VERSION};
use chrono::NaiveDate;
use serde_json::Value;

/// Version of the link format.
pub const LINK_VERSION: &str = "1";
/// Longest payload read (characters after `#/del/`).
pub const MAX_LINK_CHARS: usize = 8000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    TooLong,
    UnknownVersion,
    Damaged,
    NotACase(String),
    DateOutOfRange,
    /// The organ named in §1.2 is too long or looks like a CPR number.
    Text,
}

/// The link payload for a case (what follows `#/del/`). The edition's long
/// description is left out (the model version stays); `decode` restores it.
pub fn encode(case: &Case) -> String {
    let mut case = case.clone();
    if let Some(stamp) = case.evaluated_under.as_mut() {
        stamp.edition.clear();
    }
    let json = compact_json(&case);
    let data = base64url(json.as_bytes());
    format!("{LINK_VERSION}.{data}.{:08x}", crc32(json.as_bytes()))
}

/// Read a payload strictly: version, checksum, JSON, schema, dates, and no
/// content the case form does not have.
pub fn decode(payload: &str) -> Result<Case, ShareError> {
    if payload.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong);
    }
    let mut parts = payload.split('.');
    let (Some(version), Some(data), Some(sum), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err(ShareError::Damaged);
    };
    if version != LINK_VERSION {
        return Err(ShareError::UnknownVersion);
    }
    let bytes = from_base64url(data).ok_or(ShareError::Damaged)?;
    if sum.len() != 8 || u32::from_str_radix(sum, 16).ok() != Some(crc32(&bytes)) {
        return Err(ShareError::Damaged);
    }
    let text = String::from_utf8(bytes).map_err(|_| ShareError::Damaged)?;
    let value: Value = serde_json::from_str(&text).map_err(|e| ShareError::NotACase(e.to_string()))?;
    // A link made under an earlier case schema (2 or 3): compared as its
    // migration writes it (schema 4 may take back an answer that meant
    // something else then), so unknown content is still refused.
    let old_schema = value
        .get("schema_version")
        .and_then(Value::as_u64)
        .is_some_and(|v| (2..CASE_SCHEMA_VERSION as u64).contains(&v));
    let expected = if old_schema {
        let mut migrated = value.clone();
        crate::pathway::case::migrate(&mut migrated).map_err(|e| ShareError::NotACase(format!("{e:?}")))?;
        strip(&mut migrated);
        migrated.to_string()
    } else {
        text.clone()
    };
    let mut case = Case::from_json_value(value).map_err(|e| ShareError::NotACase(format!("{e:?}")))?;
    // Unknown fields or non-canonical values: not a case this app wrote.
    if compact_json(&case) != expected {
        return Err(ShareError::NotACase("unknown content".into()));
    }
    if let Some(stamp) = case.evaluated_under.as_mut().filter(|s| s.edition.is_empty()) {
        if stamp.model_version == crate::pathway::MODEL_VERSION {
            stamp.edition = crate::pathway::EDITION.edition.da.to_string();
        }
    }
    let sane = |d: NaiveDate| (2000..=2100).contains(&chrono::Datelike::year(&d));
    let e = &case.events;
    let dates = [
        e.referral_received,
        e.first_attendance,
        e.referred_to_secondary,
        e.secondary_first_attendance,
        e.acute_referral_made,
        e.handed_over,
    ]
    .into_iter()
    .flatten()
    .chain(e.ended.as_ref().map(|x| x.date))
    .chain(case.ticked_on.values().copied());
    if !dates.into_iter().all(sane) {
        return Err(ShareError::DateOutOfRange);
    }
    // The organ named in §1.2, the ticks and the edition meet the rules typed text meets.
    if crate::patients::case_text_fault(&case).is_some() {
        return Err(ShareError::Text);
    }
    Ok(case)
}

/// Leave out nulls, empty lists and empty objects (true when `v` itself goes).
fn strip(v: &mut Value) -> bool {
    match v {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(m) => {
            m.retain(|_, v| !strip(v));
            m.is_empty()
        }
        _ => false,
    }
}

/// The case's JSON with nulls, `false`s that mean "not set", empty lists and
/// empty objects left out; the case form's defaults fill them back in.
fn compact_json(case: &Case) -> String {
    // Through a string, not `to_value`: one serializer for the case in the whole app.
    let mut v: Value =
        serde_json::to_string(case).ok().and_then(|s| serde_json::from_str(&s).ok()).unwrap_or(Value::Null);
    strip(&mut v);
    if let Value::Object(m) = &mut v {
        // Always say which schema it is.
        m.insert("schema_version".into(), Value::from(case.schema_version));
    }
    v.to_string()
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (*b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Each byte's value in [`ALPHABET`], 255 for a byte outside it: a table,
/// not a search (a shared-folder file is 800,000 characters, issue 25).
const VALUES: [u8; 256] = {
    let mut t = [255u8; 256];
    let mut i = 0;
    while i < 64 {
        t[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    t
};

pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| Some(VALUES[c as usize]).filter(|v| *v != 255).map(u32::from);
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value(*c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
        // Bits past the last byte must be zero: one text per byte sequence.
        let used = 8 * (chunk.len() - 1);
        if n & ((1 << (24 - used)) - 1) != 0 {
            return None;
        }
    }
    Some(out)
}

/// CRC-32 (IEEE 802.3), bit by bit.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for b in bytes {
        crc ^= *b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}
