//! The registration codes of one case: each code's status and date (§2.7,
//! §3.5, §4.7, kap. 7), from the case's events, the clinician's decisions
//! and a decided destination (never a provisional one), and whose code each
//! is for the department the tool serves.

use super::case::{Case, EndReason, ReferralKind};
use super::codes::{registrar, Code, CodeInfo, CodeStatus, DepartmentRole, Registrar, CODES};
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
    /// Who registers it, seen from the department the tool serves.
    pub registrar: Registrar,
    /// Where who registers it is the tool's reading.
    pub registrar_reading: Option<Statement>,
}

impl CodeEntry {
    /// Another department registers it: shown as theirs, never flagged here.
    pub fn theirs(&self) -> bool {
        self.registrar != Registrar::ThisDepartment
    }
}

/// Without a referral to this pathway (§7.1), the clinician's judgement that
/// the patient fits the target group is not given when the referral's own
/// content sends the patient wholly elsewhere, decided: judged on the case as
/// it was referred (its answers, no events), so a date typed into AFD01A's
/// field does not turn it into a start of this pathway.
pub fn judged_outside(case: &Case) -> bool {
    if case.answers.referral_kind != Some(ReferralKind::ClinicalJudgement) {
        return false;
    }
    let referred = Case { events: Default::default(), ..case.clone() };
    let r = super::route::route(&referred);
    r.wholly_elsewhere() && !r.provisional
}

/// The status of each code for this case, for a medical stamafdeling.
pub fn code_entries(case: &Case, route: &Route) -> Vec<CodeEntry> {
    code_entries_as(case, route, DepartmentRole::default())
}

/// The status of each code for this case, for the department the tool serves.
pub fn code_entries_as(case: &Case, route: &Route, role: DepartmentRole) -> Vec<CodeEntry> {
    let e = &case.events;
    let dest = &route.destination;
    let ended = e.ended.as_ref();
    // Sent elsewhere on the referral itself, decided: this pathway's work-up never starts (§2.3).
    let away = route.decided_at == super::stage::Stage::Entry
        && !route.entered
        && route.wholly_elsewhere()
        && !route.entry_open;
    // Leaving for elsewhere, decided (a provisional destination holds nothing back).
    let leaving = route.never_enters() || route.referred_onward();

    // A, B, C, D: registered with their event's date, else next, later or not applicable.
    let step = |date: Option<NaiveDate>, not_applicable: bool, next: bool| match date {
        Some(date) => CodeStatus::Registered { date },
        None if ended.is_some() || not_applicable => CodeStatus::NotApplicable,
        None if next => CodeStatus::Next,
        None => CodeStatus::Later,
    };
    // AFD01A (§7.1): a referral to this pathway received makes it due, whatever
    // it contains; without one, the clinician's judgement that the patient fits
    // the target group: due when the entry keeps the patient here, not given
    // when it sends the patient wholly elsewhere, waiting while the entry is open.
    let here = dest.keeps_this_pathway() && !route.entry_open && dest != &Destination::Undetermined;
    // Judged once (it evaluates the case as it was referred).
    let outside = judged_outside(case);
    let a = match case.answers.referral_kind {
        Some(ReferralKind::PathwayReferral) => step(e.referral_received, false, true),
        Some(ReferralKind::ClinicalJudgement) if outside => CodeStatus::NotApplicable,
        Some(ReferralKind::ClinicalJudgement) => step(e.referral_received, away, here),
        None => step(e.referral_received, false, here),
    };
    // AFD01B "registreres ved patientens første fremmøde" (§3.5): leaving before it, never.
    // Never prompted while the answers point elsewhere, even provisionally.
    let b = step(e.first_attendance, leaving, e.referral_received.is_some() && dest.keeps_this_pathway());
    // AFD01C follows the clinician's decision (§7.3): a decided oncology
    // destination after the first attendance; never on a provisional one.
    let decided_oncology = matches!(dest, Destination::Oncology) && !route.provisional;
    let c = step(
        e.referred_to_secondary,
        leaving,
        decided_oncology && e.first_attendance.is_some() && e.referral_received.is_some(),
    );
    // AFD01D at the first attendance at oncology (§7.4): leaving before it, never.
    let d = step(e.secondary_first_attendance, leaving, e.referred_to_secondary.is_some());

    // X1 and X2 end the pathway; usable at any time (§7.5). Never prompted
    // for a pathway that has no AFD01A.
    let never = (route.never_enters() && e.referral_received.is_none()) || outside;
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
    let x1 = end(clinical, route.referred_onward() && e.referral_received.is_some());
    let x2 = end(wish, false);
    let x1_why = (x1 == CodeStatus::Next).then(|| onward_reason(dest));

    let referred = e.referred_to_secondary.is_some();
    let attended = e.secondary_first_attendance.is_some();
    [a, b, c, d, x1, x2]
        .into_iter()
        .zip(CODES)
        .map(|(status, info)| {
            let (registrar, registrar_reading) = registrar(info.code, role, referred, attended);
            CodeEntry {
                info: *info,
                status,
                registered: case.registered_codes.contains(&info.code),
                why_next: if info.code == Code::Afd01X1 { x1_why.clone() } else { None },
                registrar,
                registrar_reading,
            }
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
