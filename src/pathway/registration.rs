//! The registration codes of one case: each code's status and date (§2.7,
//! §3.5, §4.7, kap. 7), from the case's events and its route.

use super::case::{Case, EndReason};
use super::codes::{Code, CodeInfo, CodeStatus, CODES};
use super::destination::Destination;
use super::route::Route;
use super::statement::Statement;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CodeEntry {
    #[serde(flatten)]
    pub info: CodeInfo,
    pub status: CodeStatus,
    /// The clinician has marked it as registered.
    pub registered: bool,
    /// Why the code is next, where the text's own trigger does not say it
    /// plainly (AFD01X1 for an onward referral).
    pub why_next: Option<Statement>,
}

/// The status of each code for this case.
pub fn code_entries(case: &Case, route: &Route) -> Vec<CodeEntry> {
    let e = &case.events;
    let dest = &route.destination;
    let ended = e.ended.as_ref();
    // Never entered: none of this pathway's codes (§2.3).
    let never = route.never_enters();
    // Leaving for elsewhere, decided (a provisional destination holds nothing back).
    let leaving = never || route.referred_onward();

    // A, B, C, D: registered with their event's date, else next, later or not applicable.
    let step = |date: Option<NaiveDate>, not_applicable: bool, next: bool| match date {
        Some(date) => CodeStatus::Registered { date },
        None if ended.is_some() || not_applicable => CodeStatus::NotApplicable,
        None if next => CodeStatus::Next,
        None => CodeStatus::Later,
    };
    let a = step(e.referral_received, never, true);
    // AFD01B "registreres ved patientens første fremmøde" (§3.5): leaving before it, never.
    let b = step(e.first_attendance, leaving, e.referral_received.is_some());
    let c = step(e.referred_to_secondary, leaving, matches!(dest, Destination::Oncology));
    // AFD01D at the first attendance at oncology (§7.4): leaving before it, never.
    let d = step(e.secondary_first_attendance, leaving, e.referred_to_secondary.is_some());

    // X1 and X2 end the pathway; usable at any time (§7.5).
    let end = |this: bool, due: bool| match ended {
        Some(x) if this => CodeStatus::Registered { date: x.date },
        Some(_) => CodeStatus::NotApplicable,
        None if never => CodeStatus::NotApplicable,
        None if due => CodeStatus::Next,
        None => CodeStatus::AvailableAnyTime,
    };
    let clinical = ended.is_some_and(|x| x.reason != EndReason::PatientWish);
    let wish = ended.is_some_and(|x| x.reason == EndReason::PatientWish);
    // Referred on elsewhere after the pathway started: a clinical decision, AFD01X1 (§7.5).
    let x1 = end(clinical, route.referred_onward());
    let x2 = end(wish, false);
    let x1_why = (x1 == CodeStatus::Next).then(|| onward_reason(dest));

    [a, b, c, d, x1, x2]
        .into_iter()
        .zip(CODES)
        .map(|(status, info)| CodeEntry {
            info: *info,
            status,
            registered: case.registered_codes.contains(&info.code),
            why_next: if info.code == Code::Afd01X1 { x1_why.clone() } else { None },
        })
        .collect()
}

/// Why AFD01X1 is next, true to what happened. §7.5 lists what the clinical
/// decision "kan omhandle"; a known cancer or a specialty-plan department is
/// not "viderehenvisning til et organspecifikt pakkeforløb".
fn onward_reason(dest: &Destination) -> Statement {
    match dest {
        Destination::OutsideTargetGroup => Statement::new(
            "§7.5",
            "Klinisk beslutning om, at pakkeforløbet er slut, fordi patienten har en kendt kræftsygdom og ikke hører til målgruppen (§2.4). Det er ikke blandt de to eksempler, §7.5 nævner (»kan omhandle«). Vælg »Anden klinisk beslutning«.",
            "A clinical decision that the pathway has ended because the patient has a known cancer and is outside the target group (§2.4). This is not one of the two examples §7.5 gives (»kan omhandle«, “may concern”). Choose “Another clinical decision”.",
        ),
        Destination::SpecialtyPlanDepartment => Statement::new(
            "§7.5",
            "Klinisk beslutning om, at pakkeforløbet er slut, fordi patienten henvises til en afdeling efter specialeplanlægningen (§3.1.10). Det er ikke et organspecifikt pakkeforløb, og §7.5's eksempler er ikke udtømmende (»kan omhandle«). Vælg »Anden klinisk beslutning«.",
            "A clinical decision that the pathway has ended because the patient is referred to a department under the specialty plan (§3.1.10). That is not an organ-specific pathway, and §7.5's examples are not exhaustive (»kan omhandle«, “may concern”). Choose “Another clinical decision”.",
        ),
        _ => Statement::new(
            "§7.5",
            "Klinisk beslutning: en begrundet mistanke om metastaser uden organspecifik kræfttype ændres til en viderehenvisning til et organspecifikt pakkeforløb for kræftområdet.",
            "Clinical decision: a reasonable suspicion of metastases without an organ-specific cancer type becomes an onward referral to an organ-specific cancer pathway.",
        ),
    }
}
