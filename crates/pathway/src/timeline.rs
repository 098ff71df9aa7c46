//! The time standards (§2.8, §3.6, §4.8, kap. 6).
//!
//! Convention: a standard of N calendar days is met when
//! `end date − start date ≤ N`, so the due date is `start + N`. This is the
//! plain difference of calendar days by which pathway times are monitored, and
//! it matches the text when the day of receipt is day 1: six days make the
//! referral period and first attendance "senest på 7. kalenderdag" falls on
//! receipt + 6. Weekends and holidays count; they are only flagged.

use super::calendar::DayFacts;
use super::case::{Case, EndReason};
use super::choice::Choosable;
use super::route::Route;
use super::section::Section;
use super::statement::Statement;
use super::text::Text;
use chrono::{Duration, NaiveDate};
use serde::Serialize;

/// Fra henvisning modtaget til første fremmøde på udredende afdeling (§2.8).
pub const REFERRAL_TO_FIRST_ATTENDANCE_DAYS: i64 = 6;
/// Fra første fremmøde til afslutning på primær udredning (§3.6).
pub const PRIMARY_WORKUP_DAYS: i64 = 14;
/// Fra afslutning på primær udredning til første fremmøde på onkologisk afdeling (§4.8).
pub const PRIMARY_END_TO_ONCOLOGY_DAYS: i64 = 6;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneId {
    FirstAttendance,
    PrimaryWorkupEnd,
    OncologyFirstAttendance,
}

impl MilestoneId {
    /// A stable name, for ids in the page and its tests (issue 27.4).
    pub const fn name(self) -> &'static str {
        match self {
            MilestoneId::FirstAttendance => "FirstAttendance",
            MilestoneId::PrimaryWorkupEnd => "PrimaryWorkupEnd",
            MilestoneId::OncologyFirstAttendance => "OncologyFirstAttendance",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MilestoneStatus {
    /// The start event has no date yet.
    NotStarted,
    /// The start date is after today.
    Scheduled,
    /// Started, not ended, due date still ahead.
    Running,
    /// Started, not ended, due today.
    DueToday,
    /// Started, not ended, due date passed.
    Overdue,
    /// Ended within the standard.
    Met,
    /// Ended after the due date.
    Exceeded,
    /// The pathway ended before this period did.
    Stopped,
    /// This period does not belong to the patient's course.
    NotApplicable,
    /// The end date is before the start date.
    Invalid,
}

impl MilestoneStatus {
    pub fn label(self) -> Text {
        match self {
            MilestoneStatus::NotStarted => Text::new("Ikke startet", "Not started"),
            MilestoneStatus::Scheduled => Text::new("Planlagt", "Scheduled"),
            MilestoneStatus::Running => Text::new("I gang", "Running"),
            MilestoneStatus::DueToday => Text::new("Frist i dag", "Due today"),
            MilestoneStatus::Overdue => Text::new("Overskredet", "Overdue"),
            MilestoneStatus::Met => Text::new("Overholdt", "Met"),
            MilestoneStatus::Exceeded => Text::new("Ikke overholdt", "Not met"),
            MilestoneStatus::Stopped => Text::new("Afbrudt: pakkeforløb slut", "Stopped: pathway ended"),
            MilestoneStatus::NotApplicable => Text::new("Ikke relevant", "Not applicable"),
            MilestoneStatus::Invalid => Text::new("Ugyldige datoer", "Invalid dates"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Milestone {
    pub id: MilestoneId,
    /// The event the period starts at, and the one it ends at.
    pub from: Text,
    pub to: Text,
    pub sections: &'static [Section],
    pub standard_days: i64,
    pub start: Option<NaiveDate>,
    /// start + standard, with its weekday, ISO week and holiday.
    pub due: Option<DayFacts>,
    pub end: Option<NaiveDate>,
    /// end − start, or today − start while running.
    pub days_used: Option<i64>,
    /// due − today while running (negative when overdue); due − end when ended.
    pub days_left: Option<i64>,
    pub status: MilestoneStatus,
    /// Before the start event has happened: the latest start and due date if
    /// every earlier step uses its whole standard (R+6, then +14, then +6).
    pub projected: Option<Projection>,
    /// §3.6: why the work-up took longer, as the clinician recorded it.
    /// The standard stays 14 days and the status is not changed.
    pub recorded_reason: Option<Statement>,
    pub notes: Vec<Statement>,
}

/// Latest dates projected from the last real event along the standard path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Projection {
    pub latest_start: NaiveDate,
    pub latest_due: DayFacts,
    /// The latest start has passed (before today) and the step has not begun: said, not hidden (issue 26.4).
    pub start_passed: bool,
    /// The latest due date has passed.
    pub due_passed: bool,
}

/// Assess one period: pure arithmetic on dates, no clinical logic.
pub fn assess(
    standard_days: i64,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    stopped: Option<NaiveDate>,
    today: NaiveDate,
) -> (Option<NaiveDate>, Option<i64>, Option<i64>, MilestoneStatus) {
    let Some(start) = start else {
        return (None, None, None, MilestoneStatus::NotStarted);
    };
    let due = start + Duration::days(standard_days);
    let days = |a: NaiveDate, b: NaiveDate| (b - a).num_days();
    if let Some(end) = end {
        if end < start {
            return (Some(due), None, None, MilestoneStatus::Invalid);
        }
        let used = days(start, end);
        let status = if used <= standard_days { MilestoneStatus::Met } else { MilestoneStatus::Exceeded };
        return (Some(due), Some(used), Some(days(end, due)), status);
    }
    if let Some(stop) = stopped {
        return (Some(due), Some(days(start, stop).max(0)), None, MilestoneStatus::Stopped);
    }
    if today < start {
        return (Some(due), None, Some(days(today, due)), MilestoneStatus::Scheduled);
    }
    let left = days(today, due);
    let status = match left {
        l if l > 0 => MilestoneStatus::Running,
        0 => MilestoneStatus::DueToday,
        _ => MilestoneStatus::Overdue,
    };
    (Some(due), Some(days(start, today)), Some(left), status)
}

fn milestone(
    id: MilestoneId,
    standard_days: i64,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    stopped: Option<NaiveDate>,
    applicable: bool,
    today: NaiveDate,
) -> Milestone {
    let (sections, from_da, to_da, notes): (&'static [Section], _, _, Vec<Statement>) = match id {
        MilestoneId::FirstAttendance => (
            &[Section("§2.8"), Section("kap. 6")],
            "Henvisning modtaget",
            "Første fremmøde på udredende afdeling",
            vec![Statement::new(
                "§2.8",
                "Der må gå 6 kalenderdage, fra afdelingen modtager henvisningen, som bruges til at håndtere henvisningen og booke relevante undersøgelser og samtaler. Patienten skal påbegynde udredning i pakkeforløb senest på 7. kalenderdag. Dagen for første fremmøde indregnes ikke i henvisningsperioden, men er den første dag i udredningsperioden.",
                "Six calendar days may pass from the department's receipt of the referral, used to handle the referral and book the relevant examinations and consultations. The patient must start the work-up in the pathway at the latest on the 7th calendar day. The day of the first attendance is not counted in the referral period, but is the first day of the work-up period.",
            )],
        ),
        MilestoneId::PrimaryWorkupEnd => (
            &[Section("§3.6"), Section("kap. 6")],
            "Første fremmøde på udredende afdeling",
            "Afslutning på primær udredning",
            vec![
                Statement::new(
                    "§3.6",
                    "Tiden består af blodprøver, journaloptagelse og klinisk undersøgelse; biopsitagning; analyse af biopsi, CT-scanning af thorax og øvre abdomen; MDT; patientinformation. Desuden afsættes tid til vurdering og evt. stabilisering af komorbiditet og evt. pause med blodfortyndende medicin før biopsi.",
                    "Blood tests, history and examination; biopsy; biopsy analysis and CT; MDT; patient information; time for assessing and, if needed, stabilising comorbidity, and for pausing anticoagulants before biopsy if needed.",
                ),
                Statement::new(
                    "§3.6",
                    "Udredningen kan vare længere tid, såfremt biopsien skal afkalkes, eller der skal foretages målrettede immunkemiske undersøgelser.",
                    "The work-up may take longer if the biopsy must be decalcified or targeted immunochemical examinations are needed.",
                ),
            ],
        ),
        MilestoneId::OncologyFirstAttendance => (
            &[Section("§4.8"), Section("kap. 6")],
            "Afslutning på primær udredning",
            "Første fremmøde på onkologisk afdeling",
            vec![
                Statement::new(
                    "§4.8",
                    "Der må gå 6 kalenderdage til håndtering af henvisningspapirer, booking af undersøgelser og samtaler; patienten har første fremmøde på onkologisk afdeling på 7. kalenderdag.",
                    "Six calendar days; first attendance at oncology on the 7th calendar day.",
                ),
                Statement::new(
                    "§4.8",
                    "Det er ikke muligt at opstille standarder for forløbstider for den sekundære udredning eller behandlingsforløbet.",
                    "No time standard exists for secondary work-up or treatment.",
                ),
            ],
        ),
    };
    let (due, days_used, days_left, status) = if applicable {
        assess(standard_days, start, end, stopped, today)
    } else {
        (None, None, None, MilestoneStatus::NotApplicable)
    };
    let (from_en, to_en) = match id {
        MilestoneId::FirstAttendance => ("Referral received", "First attendance at the investigating department"),
        MilestoneId::PrimaryWorkupEnd => ("First attendance at the investigating department", "End of primary work-up"),
        MilestoneId::OncologyFirstAttendance => {
            ("End of primary work-up", "First attendance at the oncology department")
        }
    };
    Milestone {
        id,
        from: Text::new(from_da, from_en),
        to: Text::new(to_da, to_en),
        sections,
        standard_days,
        start: if applicable { start } else { None },
        due: due.map(DayFacts::of),
        end: if applicable { end } else { None },
        days_used,
        days_left,
        status,
        projected: None,
        recorded_reason: None,
        notes,
    }
}

/// The three periods of kap. 6 for this case.
pub fn milestones(case: &Case, route: &Route, today: NaiveDate) -> Vec<Milestone> {
    let e = &case.events;
    let destination = &route.destination;
    let ended = e.ended.as_ref();
    // The end of primary work-up: referral to oncology (AFD01C) or a clinical
    // decision that ends the pathway (AFD01X1). For an onward referral the
    // text does not define the end; the model takes the AFD01X1 date (kap. 6).
    let clinical_end = ended.filter(|x| x.reason != EndReason::PatientWish).map(|x| x.date);
    let primary_end = e.referred_to_secondary.or(clinical_end);
    let stop = ended.map(|x| x.date);

    // The pathway cannot stop a period that already ended.
    let stopped_before = |end: Option<NaiveDate>| if end.is_none() { stop } else { None };

    // A period whose start never came because the pathway ended does not apply.
    let started_or_open = |start: Option<NaiveDate>| start.is_some() || stop.is_none();
    // Oncology is ahead while the patient is in this pathway, and is the course once referred.
    let in_pathway = destination.keeps_this_pathway();
    let to_oncology = in_pathway || e.referred_to_secondary.is_some();
    let never = route.never_enters();
    // Redirected before the first attendance: no referral → first-attendance
    // period runs (kap. 6 counts to a first attendance in this pathway).
    let redirected_before = route.entered && route.destination.is_elsewhere() && e.first_attendance.is_none();
    let mut m = vec![
        milestone(
            MilestoneId::FirstAttendance,
            REFERRAL_TO_FIRST_ATTENDANCE_DAYS,
            e.referral_received,
            e.first_attendance,
            stopped_before(e.first_attendance),
            !never && !redirected_before && started_or_open(e.referral_received),
            today,
        ),
        milestone(
            MilestoneId::PrimaryWorkupEnd,
            PRIMARY_WORKUP_DAYS,
            e.first_attendance,
            primary_end,
            stopped_before(primary_end),
            !never && started_or_open(e.first_attendance),
            today,
        ),
        milestone(
            MilestoneId::OncologyFirstAttendance,
            PRIMARY_END_TO_ONCOLOGY_DAYS,
            e.referred_to_secondary,
            e.secondary_first_attendance,
            stopped_before(e.secondary_first_attendance),
            to_oncology && started_or_open(e.referred_to_secondary),
            today,
        ),
    ];
    // Project the standard path forward from the last real event: a step not
    // yet begun starts at the latest on its predecessor's end (real, else due).
    let mut latest_end: Option<NaiveDate> = None;
    for ms in m.iter_mut() {
        if ms.status == MilestoneStatus::NotStarted {
            if let Some(start) = latest_end {
                let due = start + Duration::days(ms.standard_days);
                ms.projected = Some(Projection {
                    latest_start: start,
                    latest_due: DayFacts::of(due),
                    start_passed: start < today,
                    due_passed: due < today,
                });
            }
        }
        latest_end = match (ms.status, ms.end, &ms.due, &ms.projected) {
            (MilestoneStatus::NotApplicable | MilestoneStatus::Invalid | MilestoneStatus::Stopped, ..) => None,
            (_, Some(end), ..) => Some(end),
            (_, None, Some(due), _) => Some(due.date),
            (_, None, None, Some(p)) => Some(p.latest_due.date),
            _ => None,
        };
    }
    if let (Some(why), Some(ms)) = (e.workup_lengthened, m.get_mut(1)) {
        let Text { da, en } = why.label();
        ms.recorded_reason = Some(Statement::new(
            "§3.6",
            format!("Registreret årsag til længere udredning: {da}. Standarden er fortsat {PRIMARY_WORKUP_DAYS} kalenderdage."),
            format!("Recorded reason for a longer work-up: {en}. The standard is still {PRIMARY_WORKUP_DAYS} calendar days."),
        ));
    }
    m
}
