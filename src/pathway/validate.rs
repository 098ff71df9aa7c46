//! Input that is inconsistent or doubtful. Reported, never corrected: the
//! clinician's entries are kept as they are.

use super::case::{Case, EndReason, Histology};
use super::checklist::item_by_id;
use super::destination::Destination;
use super::route::Route;
use super::statement::Statement;
use chrono::Datelike;
use chrono::NaiveDate;

/// Ages above this are taken to be typing errors (the field is whole years).
pub const MAX_PLAUSIBLE_AGE: u8 = 120;

/// The dates of the chain AFD01A → AFD01B → AFD01C → AFD01D and the end
/// (AFD01X1/X2) that contradict each other or lie after today: a later event
/// without an earlier one, events out of order, a date after today. The
/// department's figures count such a case apart ("Kontrollér datoer").
pub fn date_problems(case: &Case, today: NaiveDate) -> Vec<Statement> {
    let e = &case.events;
    let mut p = vec![];
    let ending_code = |r: EndReason| if r == EndReason::PatientWish { "AFD01X2" } else { "AFD01X1" };
    let chain = [
        ("AFD01A", "henvisning modtaget", "§2.7", e.referral_received),
        ("AFD01B", "første fremmøde", "§3.5", e.first_attendance),
        ("AFD01C", "henvisning til sekundær udredning", "§3.5", e.referred_to_secondary),
        ("AFD01D", "første fremmøde på onkologisk afdeling", "§4.7", e.secondary_first_attendance),
    ];
    // Every event needs every one before it in the chain.
    for (j, &(c, n, s, d)) in chain.iter().enumerate() {
        if d.is_none() {
            continue;
        }
        for &(pc, pn, _, pd) in &chain[..j] {
            if pd.is_none() {
                p.push(Statement::new(
                    s,
                    format!("{c} ({n}) har en dato, men {pc} ({pn}) mangler."),
                    format!("{c} is dated but {pc} is missing."),
                ));
            }
        }
    }
    // Order across all events, not neighbours only; the ending comes after every other event.
    let mut dated: Vec<(&str, &str, &str, NaiveDate)> =
        chain.iter().filter_map(|&(c, n, s, d)| d.map(|d| (c, n, s, d))).collect();
    if let Some(end) = &e.ended {
        dated.push((ending_code(end.reason), "pakkeforløb slut", "§7.5", end.date));
    }
    for (j, &(c, n, s, b)) in dated.iter().enumerate() {
        for &(pc, pn, _, a) in &dated[..j] {
            if b < a {
                p.push(Statement::new(
                    s,
                    format!("{c} ({n}, {}) ligger før {pc} ({pn}, {}).", da_date(b), da_date(a)),
                    format!("{c} ({b}) is before {pc} ({a})."),
                ));
            }
        }
    }
    for &(c, n, s, d) in &dated {
        if d > today {
            p.push(Statement::new(
                s,
                format!("{c} ({n}) er dateret {}, efter i dag.", da_date(d)),
                format!("{c} is dated {d}, after today."),
            ));
        }
    }
    p
}

pub fn problems(case: &Case, route: &Route, today: NaiveDate) -> Vec<Statement> {
    let e = &case.events;
    let mut p = date_problems(case, today);
    if let Some(made) = e.acute_referral_made {
        if made > today {
            p.push(Statement::new(
                "§2.2.4",
                format!("Den akutte henvisning er registreret som foretaget {}, efter i dag.", da_date(made)),
                format!("The acute referral is recorded as made on {made}, after today."),
            ));
        }
        if case.answers.spinal_cord_compression != Some(true) {
            p.push(Statement::new(
                "§2.2.4",
                "Der er registreret en akut henvisning, men spinalt tværsnitssyndrom er ikke besvaret med ja. Kontrollér svaret.",
                "An acute referral is recorded, but spinal cord compression is not answered yes.",
            ));
        }
    }
    let carcinoma = matches!(
        case.answers.histology,
        Some(
            Histology::Adenocarcinoma
                | Histology::SquamousCellCarcinoma
                | Histology::PoorlyDifferentiatedCarcinoma
                | Histology::SmallCellAnaplasticCarcinoma
        )
    );
    if case.answers.lymphoma_suspected == Some(true) && carcinoma && e.ended.is_none() {
        p.push(Statement::new(
            "§2.2.1",
            "Modstrid: der er mistanke om lymfom, men histologien er et karcinom. Kontrollér svaret om lymfom og den histologiske diagnose.",
            "Contradiction: lymphoma is suspected but the histology is a carcinoma. Check the lymphoma answer and the histological diagnosis.",
        ));
    }
    // Oncology needs a biopsy answer first (§3.1.5).
    if matches!(route.destination, Destination::Oncology) && case.answers.histology.is_none() {
        p.push(Statement::new(
            "§3.1.5",
            "Henvisning til onkologisk afdeling, men der er ingen histologisk diagnose registreret. Når udredningsprogrammet er gennemført, foreligger der svar på biopsien.",
            "Referral to oncology, but no histological diagnosis is recorded.",
        ));
    }
    // A primary found during secondary work-up is the normal course (§4.1), not a problem.
    let found_in_secondary = case.answers.primary_found_in_secondary == Some(true);
    if e.referred_to_secondary.is_some()
        && !found_in_secondary
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

/// dd.mm.yyyy, as Danish clinicians write dates.
pub fn da_date(d: NaiveDate) -> String {
    format!("{:02}.{:02}.{}", d.day(), d.month(), d.year())
}
