//! How far a case has come: the stage column of the precedence table
//! ([`super::rules`]) and the phases of the checklist.

use super::case::Case;
use serde::Serialize;

/// How far the case has come; decides which phases of the checklist show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Entry,
    PrimaryWorkup,
    Histology,
    Secondary,
}

impl Stage {
    pub fn label(self) -> super::text::Text {
        match self {
            Stage::Entry => super::text::Text::new("Indgang", "Entry"),
            Stage::PrimaryWorkup => super::text::Text::new("Primær udredning", "Primary work-up"),
            Stage::Histology => super::text::Text::new("Histologi og beslutning", "Histology and decision"),
            Stage::Secondary => super::text::Text::new("Sekundær udredning", "Secondary work-up"),
        }
    }
}

/// How far a case has come, from its answers and events.
pub fn stage_reached(case: &Case) -> Stage {
    let a = &case.answers;
    let e = &case.events;
    if a.primary_found == Some(false) || e.referred_to_secondary.is_some() || e.secondary_first_attendance.is_some() {
        Stage::Secondary
    } else if a.histology.is_some() {
        Stage::Histology
    } else if e.first_attendance.is_some() {
        Stage::PrimaryWorkup
    } else {
        Stage::Entry
    }
}
