//! Input that is inconsistent or doubtful. Reported, never corrected: the
//! clinician's entries are kept as they are.

use super::case::Case;
use super::checklist::item_by_id;
use super::destination::{Destination, Route};
use super::statement::Statement;
use chrono::NaiveDate;

/// Ages above this are taken to be typing errors (the field is whole years).
pub const MAX_PLAUSIBLE_AGE: u8 = 120;

pub fn problems(case: &Case, route: &Route, today: NaiveDate) -> Vec<Statement> {
    let e = &case.events;
    let mut p = vec![];
    let dates = [
        ("AFD01A", "henvisning modtaget", "§2.7", e.referral_received),
        ("AFD01B", "første fremmøde", "§3.5", e.first_attendance),
        ("AFD01C", "henvisning til sekundær udredning", "§3.5", e.referred_to_secondary),
        ("AFD01D", "første fremmøde på onkologisk afdeling", "§4.7", e.secondary_first_attendance),
    ];
    // Each event needs the one before it, and not a later date.
    for w in dates.windows(2) {
        let (pc, pn, _, pd) = w[0];
        let (c, n, s, d) = w[1];
        match (pd, d) {
            (None, Some(_)) => p.push(Statement::new(
                s,
                format!("{c} ({n}) har en dato, men {pc} ({pn}) mangler."),
                format!("{c} is dated but {pc} is missing."),
            )),
            (Some(a), Some(b)) if b < a => p.push(Statement::new(
                s,
                format!("{c} ({n}, {b}) ligger før {pc} ({pn}, {a})."),
                format!("{c} ({b}) is before {pc} ({a})."),
            )),
            _ => {}
        }
    }
    for (c, n, s, d) in dates {
        if let Some(d) = d.filter(|d| *d > today) {
            p.push(Statement::new(
                s,
                format!("{c} ({n}) er dateret {d}, efter i dag."),
                format!("{c} is dated {d}, after today."),
            ));
        }
    }
    if let Some(end) = &e.ended {
        let code = if end.reason == super::case::EndReason::PatientWish { "AFD01X2" } else { "AFD01X1" };
        if let Some(a) = e.referral_received.filter(|a| end.date < *a) {
            p.push(Statement::new(
                "§7.5",
                format!("{code} (pakkeforløb slut, {}) ligger før AFD01A ({a}).", end.date),
                format!("{code} ({}) is before AFD01A ({a}).", end.date),
            ));
        }
        if end.date > today {
            p.push(Statement::new(
                "§7.5",
                format!("{code} (pakkeforløb slut) er dateret {}, efter i dag.", end.date),
                format!("{code} is dated {}, after today.", end.date),
            ));
        }
    }
    if e.referred_to_secondary.is_some()
        && !matches!(route.destination, Destination::Oncology | Destination::Ended { .. })
    {
        p.push(Statement::new(
            "§3.5",
            "AFD01C (henvisning til sekundær udredning) er registreret, men svarene peger på et andet forløb end onkologisk afdeling. Kontrollér svarene.",
            "AFD01C is registered but the answers point elsewhere than oncology.",
        ));
    }
    if let Some(age) = case.answers.age_years.filter(|a| *a > MAX_PLAUSIBLE_AGE) {
        p.push(Statement::new(
            "§3.1.8",
            format!("Alder {age} år er usandsynlig. Kontrollér alderen."),
            format!("Age {age} is implausible."),
        ));
    }
    let unknown: Vec<&str> = case.ticks.iter().map(String::as_str).filter(|t| item_by_id(t).is_none()).collect();
    if !unknown.is_empty() {
        p.push(Statement::new(
            "§3.1",
            format!(
                "{} afkrydsning(er) hører ikke til et punkt i denne modelversion og vises ikke, men er bevaret: {}.",
                unknown.len(),
                unknown.join(", ")
            ),
            format!(
                "{} tick(s) match no checklist item in this model version; kept: {}.",
                unknown.len(),
                unknown.join(", ")
            ),
        ));
    }
    p
}
