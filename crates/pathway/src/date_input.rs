//! Dates as a clinician types them, the Danish way, read strictly.
//!
//! Accepted, after surrounding whitespace is trimmed (nothing else is):
//!
//! | form          | example      | note                                  |
//! |---------------|--------------|---------------------------------------|
//! | `d.m.yyyy`    | `26.11.2026`, `1.2.2026` | day and month 1 or 2 digits |
//! | `d.m.yy`      | `26.11.26`, `1.2.26`     | two-digit year: `yy` → `20yy` |
//! | `d/m/yy`      | `26/11/26`, `1/2/26`     | the same, with slashes (issue 26.5) |
//! | `d/m/yyyy`    | `26/11/2026` |                                       |
//! | `d-m-yyyy`    | `26-11-2026` |                                       |
//! | `yyyy-mm-dd`  | `2026-11-26` | ISO, as a date picker writes it       |
//!
//! The day always comes first (except in ISO, whose four-digit year first
//! makes it unmistakable): `12/31/2026` is month 31, so no such date, never
//! 31 December. One separator per date (`26.11/2026` is unreadable), ASCII
//! digits only. The century rule for two-digit years is fixed: `00`–`99`
//! are 2000–2099 (pathway dates are recent; no sliding window). Years outside
//! 1900–2099 are refused as typing errors.
//!
//! The parser never decides what an empty field means: it reports
//! [`DateInputError::Empty`], and the caller treats that as "clear".

use chrono::NaiveDate;
use serde::Serialize;

/// The years a typed date may have; anything else is taken for a typing error.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2099;

/// Why a typed date was not read. No UI text: the UI words each case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateInputError {
    /// Nothing but whitespace: the caller decides (a date field clears).
    Empty,
    /// Not one of the accepted forms.
    Unreadable,
    /// One of the forms, but no such day: `31.02.2026`, `2026-13-01`, `12/31/2026`.
    NoSuchDate,
    /// A real date outside [`YEARS`].
    OutOfRange,
}

/// Read a typed date in one of the accepted forms (see the module docs).
pub fn parse_date_input(input: &str) -> Result<NaiveDate, DateInputError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(DateInputError::Empty);
    }
    let sep = s.bytes().find(|b| !b.is_ascii_digit()).ok_or(DateInputError::Unreadable)?;
    if !matches!(sep, b'.' | b'/' | b'-') {
        return Err(DateInputError::Unreadable);
    }
    let parts: Vec<&str> = s.split(sep as char).collect();
    let [a, b, c] = parts[..] else { return Err(DateInputError::Unreadable) };
    if ![a, b, c].iter().all(|p| !p.is_empty() && p.bytes().all(|d| d.is_ascii_digit())) {
        return Err(DateInputError::Unreadable);
    }
    let n = |p: &str| p.parse::<u32>().map_err(|_| DateInputError::Unreadable);
    let (year, month, day) = match (sep, a.len(), b.len(), c.len()) {
        // ISO: four-digit year first, two-digit month and day.
        (b'-', 4, 2, 2) => (n(a)? as i32, n(b)?, n(c)?),
        // Day first, four-digit year.
        (_, 1..=2, 1..=2, 4) => (n(c)? as i32, n(b)?, n(a)?),
        // Day first, two-digit year: 20yy. Dots or slashes (not dashes: `26-11-26` reads like ISO cut short).
        (b'.' | b'/', 1..=2, 1..=2, 2) => (2000 + n(c)? as i32, n(b)?, n(a)?),
        _ => return Err(DateInputError::Unreadable),
    };
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(DateInputError::NoSuchDate)?;
    if YEARS.contains(&year) {
        Ok(date)
    } else {
        Err(DateInputError::OutOfRange)
    }
}
