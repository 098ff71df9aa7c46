//! Dates in the case's JSON form: strict `YYYY-MM-DD`, read without chrono's
//! general parser (which costs ~5 KB of wasm). Use with `#[serde(with = …)]`.

use chrono::{Datelike, NaiveDate};
use serde::de::Error;
use serde::{Deserialize, Deserializer, Serializer};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Strict `YYYY-MM-DD`, as `<input type="date">` and the JSON form write it.
pub fn parse(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        let part = s.get(r)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse::<u32>().ok()).flatten()
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

pub fn format(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn read<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = Cow::<str>::deserialize(d)?;
    parse(&s).ok_or_else(|| D::Error::custom(format_args!("not a date (YYYY-MM-DD): {s}")))
}

pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format(*d))
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    read(d)
}

pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&super::format(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<Cow<str>>::deserialize(d)? {
            None => Ok(None),
            Some(s) => {
                super::parse(&s).map(Some).ok_or_else(|| D::Error::custom(format_args!("not a date (YYYY-MM-DD): {s}")))
            }
        }
    }
}

pub mod map {
    use super::*;

    pub fn serialize<S: Serializer>(m: &BTreeMap<String, NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(m.iter().map(|(k, d)| (k, super::format(*d))))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, NaiveDate>, D::Error> {
        // Inserted one by one, not `collect`ed (which sorts: a sort per deserializer in the wasm).
        let mut out = BTreeMap::new();
        for (k, s) in BTreeMap::<String, Cow<str>>::deserialize(d)? {
            let date =
                super::parse(&s).ok_or_else(|| D::Error::custom(format_args!("not a date (YYYY-MM-DD): {s}")))?;
            out.insert(k, date);
        }
        Ok(out)
    }
}
