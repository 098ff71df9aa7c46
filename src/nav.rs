//! Where the clinician is, kept in the URL fragment (`#/sag/7`), so the back
//! button and a reload return there and any static sub-path works.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Worklist,
    Case(u32),
    /// A case opened from a share link, held in memory (`#/delt`).
    Shared,
    /// What is stored, where, and deleting it (`#/om`).
    About,
    /// The department's pathway times (`#/forloebstider`).
    Stats,
    /// The secretary's queue of codes to register (`#/registrering`).
    Registration,
}

impl View {
    /// Read a fragment such as `#/sag/7`; anything else is the worklist.
    pub fn from_hash(hash: &str) -> View {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split('/').collect::<Vec<_>>().as_slice() {
            ["sag", id] => id.parse().map(View::Case).unwrap_or(View::Worklist),
            ["delt"] | ["del", ..] => View::Shared,
            ["om"] => View::About,
            ["forloebstider"] => View::Stats,
            ["registrering"] => View::Registration,
            _ => View::Worklist,
        }
    }

    pub fn hash(self) -> String {
        match self {
            View::Worklist => "#/".into(),
            View::Case(id) => format!("#/sag/{id}"),
            View::Shared => "#/delt".into(),
            View::About => "#/om".into(),
            View::Stats => "#/forloebstider".into(),
            View::Registration => "#/registrering".into(),
        }
    }
}

/// The payload of a share link fragment (`#/del/<payload>`), if it is one.
pub fn share_payload(hash: &str) -> Option<&str> {
    hash.trim_start_matches('#').trim_start_matches('/').strip_prefix("del/")
}

pub use crate::pathway::iso::{format as iso_date, parse as parse_iso_date};
