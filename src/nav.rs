//! Where the clinician is, kept in the URL fragment (`#/sag/7`), so the back
//! button and a reload return there and any static sub-path works.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Worklist,
    Case(u32),
}

impl View {
    /// Read a fragment such as `#/sag/7`; anything else is the worklist.
    pub fn from_hash(hash: &str) -> View {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split('/').collect::<Vec<_>>().as_slice() {
            ["sag", id] => id.parse().map(View::Case).unwrap_or(View::Worklist),
            _ => View::Worklist,
        }
    }

    pub fn hash(self) -> String {
        match self {
            View::Worklist => "#/".into(),
            View::Case(id) => format!("#/sag/{id}"),
        }
    }
}

/// Strict `YYYY-MM-DD`, as `<input type="date">` gives it.
pub fn parse_iso_date(s: &str) -> Option<chrono::NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    chrono::NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

pub fn iso_date(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}
