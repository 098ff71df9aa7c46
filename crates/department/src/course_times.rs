//! The department's pathway times (issue 17): for a chosen period, how many
//! courses met each time standard of kap. 6, per standard and per quarter.
//! Pure: the worklist and the day in, figures out; the screen renders them.
//!
//! How a period counts (the text's kap. 6 gives the three standards; how a
//! department counts them is the tool's reading, said here and in the README):
//!
//! - **Days used and within** come from the model ([`crate::pathway::timeline`]):
//!   a period is within when the model calls it met (end − start ≤ N, so
//!   exactly N days is within). Nothing here re-derives a standard.
//! - **The whole course** has no standard of its own in the text. The tool
//!   reads it as the chain of the periods that apply to the case (the model's
//!   applicability): referral received to first attendance at oncology,
//!   6 + 14 + 6 = 26 days, for a course referred to oncology; referral received to the
//!   end of primary work-up, 6 + 14 = 20 days, for a course that ends there
//!   (AFD01X1). Its days used are the sum of the periods' days; it is complete
//!   when every period that applies is complete.
//! - **By the date each period ended**: a completed period counts in the
//!   period and the quarter that hold its end date.
//! - **Still running and already over**: a period not ended today whose due
//!   date had passed on the last day of the chosen period (or today, if that
//!   is earlier); in the quarter table, on the last day of each quarter.
//! - **Stopped** periods (the pathway ended first, e.g. AFD01X2) are neither
//!   completed nor running, and are not counted in the standards.
//! - **Kontrollér datoer**: a case whose dates the model reports as
//!   contradictory or after today ([`crate::pathway::validate::date_problems`])
//!   counts in no standard, whatever the period, and is listed apart.
//! - **Cases in the period**: those, apart from Kontrollér datoer, with an
//!   event dated in it (AFD01A–D, X1/X2) or a period running and over at its end.
//!   Destinations are counted over these. Closed cases count like open ones;
//!   a case is one patient in the worklist, so closing and reopening it
//!   never counts it twice.
//! - **Median and 90th percentile**: nearest rank ([`nearest_rank`]), always
//!   a number of days some course really used.

use crate::lang::Lang;
use crate::pathway::codes::{Code, CodeStatus};
use crate::pathway::registration::code_entries;
use crate::pathway::route::route;
use crate::pathway::timeline::{
    milestones, Milestone, MilestoneId, MilestoneStatus, PRIMARY_END_TO_ONCOLOGY_DAYS, PRIMARY_WORKUP_DAYS,
    REFERRAL_TO_FIRST_ATTENDANCE_DAYS,
};
use crate::pathway::validate::date_problems;
use crate::pathway::{Destination, Events, Pathway};
use crate::patients::{Patient, Worklist};
use chrono::{Datelike, Duration, Months, NaiveDate};

/// What is measured: the three standards of kap. 6 and the whole course.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Fra henvisning modtaget til første fremmøde på udredende afdeling (6 dage, §2.8).
    FirstAttendance,
    /// Fra første fremmøde til afslutning på primær udredning (14 dage, §3.6).
    PrimaryWorkup,
    /// Fra afslutning på primær udredning til første fremmøde på onkologisk afdeling (6 dage, §4.8).
    Oncology,
    /// The chain of the periods that apply (the text gives no standard of its own).
    WholeCourse,
}

impl Measure {
    pub const ALL: [Measure; 4] =
        [Measure::FirstAttendance, Measure::PrimaryWorkup, Measure::Oncology, Measure::WholeCourse];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The model's period, for the three standards.
    pub fn milestone(self) -> Option<MilestoneId> {
        match self {
            Measure::FirstAttendance => Some(MilestoneId::FirstAttendance),
            Measure::PrimaryWorkup => Some(MilestoneId::PrimaryWorkupEnd),
            Measure::Oncology => Some(MilestoneId::OncologyFirstAttendance),
            Measure::WholeCourse => None,
        }
    }

    /// The standard of kap. 6 in days, as the model has it; `None` for the whole course.
    pub fn standard_days(self) -> Option<i64> {
        match self {
            Measure::FirstAttendance => Some(REFERRAL_TO_FIRST_ATTENDANCE_DAYS),
            Measure::PrimaryWorkup => Some(PRIMARY_WORKUP_DAYS),
            Measure::Oncology => Some(PRIMARY_END_TO_ONCOLOGY_DAYS),
            Measure::WholeCourse => None,
        }
    }

    /// The standards a period of this measure can be held to: one for each of
    /// kap. 6's, and for the whole course the sums of the model's standards for
    /// a course ending at the end of primary work-up (20) and one reaching oncology (26).
    pub fn standards(self) -> Vec<i64> {
        match self.standard_days() {
            Some(n) => vec![n],
            None => vec![
                REFERRAL_TO_FIRST_ATTENDANCE_DAYS + PRIMARY_WORKUP_DAYS,
                REFERRAL_TO_FIRST_ATTENDANCE_DAYS + PRIMARY_WORKUP_DAYS + PRIMARY_END_TO_ONCOLOGY_DAYS,
            ],
        }
    }

    /// A short key for ids and file columns.
    pub fn key(self) -> &'static str {
        match self {
            Measure::FirstAttendance => "first-attendance",
            Measure::PrimaryWorkup => "primary-workup",
            Measure::Oncology => "oncology",
            Measure::WholeCourse => "whole-course",
        }
    }
}

/// One period of one case, as the model assessed it today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodState {
    /// Ended on `end` after `days` of a standard of `standard`; `within` as the model says (met).
    Completed { end: NaiveDate, days: i64, standard: i64, within: bool },
    /// Started, not ended: `days` so far; over once a day after `due` has come.
    Running { due: NaiveDate, days: i64, standard: i64 },
    /// The pathway ended before this period did (AFD01X1/X2).
    Stopped,
    /// The start event has no date yet.
    NotStarted,
    /// Not part of this course.
    NotApplicable,
    /// The end is before the start.
    Invalid,
}

impl PeriodState {
    /// Still running, and over on `day`: its due date has passed.
    pub fn running_over_on(&self, day: NaiveDate) -> bool {
        matches!(self, PeriodState::Running { due, .. } if *due < day)
    }

    pub fn days(&self) -> Option<i64> {
        match self {
            PeriodState::Completed { days, .. } | PeriodState::Running { days, .. } => Some(*days),
            _ => None,
        }
    }

    pub fn standard(&self) -> Option<i64> {
        match self {
            PeriodState::Completed { standard, .. } | PeriodState::Running { standard, .. } => Some(*standard),
            _ => None,
        }
    }
}

/// The model's assessment of one period, in the terms of these figures.
fn period_state(m: &Milestone) -> PeriodState {
    use MilestoneStatus as S;
    match m.status {
        S::Met | S::Exceeded => match (m.end, m.days_used) {
            (Some(end), Some(days)) => {
                PeriodState::Completed { end, days, standard: m.standard_days, within: m.status == S::Met }
            }
            _ => PeriodState::Invalid,
        },
        S::Running | S::DueToday | S::Overdue => match (&m.due, m.days_used) {
            (Some(due), Some(days)) => PeriodState::Running { due: due.date, days, standard: m.standard_days },
            _ => PeriodState::Invalid,
        },
        S::Stopped => PeriodState::Stopped,
        S::NotStarted | S::Scheduled => PeriodState::NotStarted,
        S::NotApplicable => PeriodState::NotApplicable,
        S::Invalid => PeriodState::Invalid,
    }
}

/// The whole course: the periods the model applies to the case, chained.
/// Its standard is the sum of theirs (the text gives none of its own); its
/// days the sum of the days the model counted in each.
fn whole_course(ms: &[Milestone]) -> PeriodState {
    let applicable: Vec<&Milestone> = ms.iter().filter(|m| m.status != MilestoneStatus::NotApplicable).collect();
    let states: Vec<PeriodState> = applicable.iter().map(|m| period_state(m)).collect();
    let (Some(first), Some(last)) = (applicable.first(), states.last()) else {
        return PeriodState::NotApplicable;
    };
    if states.contains(&PeriodState::Invalid) {
        return PeriodState::Invalid;
    }
    let standard: i64 = applicable.iter().map(|m| m.standard_days).sum();
    let days: i64 = states.iter().filter_map(PeriodState::days).sum();
    if states.iter().all(|s| matches!(s, PeriodState::Completed { .. })) {
        let PeriodState::Completed { end, .. } = *last else { return PeriodState::Invalid };
        return PeriodState::Completed { end, days, standard, within: days <= standard };
    }
    if states.iter().any(|s| matches!(s, PeriodState::Running { .. })) {
        return match first.start {
            Some(start) => PeriodState::Running { due: start + Duration::days(standard), days, standard },
            None => PeriodState::Invalid,
        };
    }
    if states.contains(&PeriodState::Stopped) {
        PeriodState::Stopped
    } else {
        PeriodState::NotStarted
    }
}

/// A registration code of one case: its date (when its event has one) and
/// whether the clinician marked it registered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeMark {
    pub code: Code,
    pub id: &'static str,
    pub date: Option<NaiveDate>,
    pub registered: bool,
}

/// One patient, assessed once for the figures and the export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseTimes {
    pub id: u32,
    pub label: String,
    pub created: NaiveDate,
    pub closed: bool,
    /// The phase as the worklist names it (`Plan::phase`): "Afsluttet" after
    /// AFD01X2, or after AFD01X1 once the receiving department took over.
    pub phase: crate::pathway::Text,
    pub events: Events,
    /// Where the patient belongs, as the model says (`provisional`: where the answers so far point).
    pub destination: Destination,
    pub provisional: bool,
    /// The destination in words (Danish, English), as the worklist shows it.
    pub headline: crate::pathway::Text<String>,
    /// In the order of [`Measure::ALL`].
    pub periods: [PeriodState; 4],
    /// In the order of the codes (AFD01A … AFD01X2).
    pub codes: Vec<CodeMark>,
    /// The model reports contradictory dates, or dates after today: counted apart.
    pub check_dates: bool,
}

impl CaseTimes {
    pub fn period(&self, m: Measure) -> PeriodState {
        self.periods[m.index()]
    }

    /// The dates of the course's events (AFD01A–D and the end).
    fn event_dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        let e = &self.events;
        [e.referral_received, e.first_attendance, e.referred_to_secondary, e.secondary_first_attendance]
            .into_iter()
            .chain(std::iter::once(e.ended.as_ref().map(|x| x.date)))
            .flatten()
    }

    /// In the period: an event dated in it, or a period running and over at its end.
    pub fn in_range(&self, range: Range, today: NaiveDate) -> bool {
        let snapshot = range.to.min(today);
        !self.check_dates
            && (self.event_dates().any(|d| range.contains(d))
                || self.periods.iter().any(|p| p.running_over_on(snapshot)))
    }
}

/// Assess one patient on `today` through the model: the parts of
/// [`crate::pathway::evaluate`] the figures need (the route, the periods of
/// kap. 6 and the codes), without the questions and the checklist.
pub fn assess(patient: &Patient, today: NaiveDate) -> CaseTimes {
    let case = &patient.case;
    let route = route(case);
    let milestones = milestones(case, &route, today);
    let by_id = |id: MilestoneId| milestones.iter().find(|m| m.id == id).map_or(PeriodState::Invalid, period_state);
    let periods = [
        by_id(MilestoneId::FirstAttendance),
        by_id(MilestoneId::PrimaryWorkupEnd),
        by_id(MilestoneId::OncologyFirstAttendance),
        whole_course(&milestones),
    ];
    let check_dates = periods.contains(&PeriodState::Invalid) || !date_problems(case, today).is_empty();
    let codes = code_entries(case, &route)
        .iter()
        .map(|c| CodeMark {
            code: c.info.code,
            id: c.info.id,
            date: match c.status {
                CodeStatus::Registered { date } => Some(date),
                _ => None,
            },
            registered: c.registered,
        })
        .collect();
    CaseTimes {
        id: patient.id,
        label: patient.label.clone(),
        created: patient.created,
        closed: patient.closed,
        phase: crate::pathway::plan::phase_of(case, &route),
        events: case.events.clone(),
        headline: route.headline(),
        destination: route.destination.clone(),
        provisional: route.provisional,
        periods,
        codes,
        check_dates,
    }
}

/// Every patient of the worklist, open and closed, assessed on `today`.
pub fn assess_all(worklist: &Worklist, today: NaiveDate) -> Vec<CaseTimes> {
    worklist.patients.iter().map(|p| assess(p, today)).collect()
}

/// A stretch of days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Range {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Range {
    /// `None` when `from` is after `to`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<Range> {
        (from <= to).then_some(Range { from, to })
    }

    /// The default: the twelve months up to and including today (from the day
    /// after the same date a year ago; after 29 February, from 1 March).
    pub fn last_12_months(today: NaiveDate) -> Range {
        let from = today.checked_sub_months(Months::new(12)).map_or(today, |d| d + Duration::days(1));
        Range { from, to: today }
    }

    pub fn year(year: i32) -> Option<Range> {
        Range::new(NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?)
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    /// The part of `self` within `other`, if any.
    pub fn intersect(&self, other: Range) -> Option<Range> {
        Range::new(self.from.max(other.from), self.to.min(other.to))
    }

    /// The calendar quarters the range touches, in order.
    pub fn quarters(&self) -> Vec<Quarter> {
        let mut q = Quarter::of(self.from);
        let last = Quarter::of(self.to);
        let mut v = vec![q];
        while q < last {
            q = q.next();
            v.push(q);
        }
        v
    }
}

/// A calendar quarter, as Sundhedsstyrelsen reports pathway times.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1–4.
    pub number: u32,
}

impl Quarter {
    pub fn of(d: NaiveDate) -> Quarter {
        Quarter { year: d.year(), number: d.month0() / 3 + 1 }
    }

    pub fn next(self) -> Quarter {
        if self.number >= 4 {
            Quarter { year: self.year + 1, number: 1 }
        } else {
            Quarter { year: self.year, number: self.number + 1 }
        }
    }

    pub fn prev(self) -> Quarter {
        if self.number <= 1 {
            Quarter { year: self.year - 1, number: 4 }
        } else {
            Quarter { year: self.year, number: self.number - 1 }
        }
    }

    /// Its days; `None` only for a year chrono cannot hold.
    pub fn range(self) -> Option<Range> {
        let first = NaiveDate::from_ymd_opt(self.year, (self.number - 1) * 3 + 1, 1)?;
        let next = self.next();
        let after = NaiveDate::from_ymd_opt(next.year, (next.number - 1) * 3 + 1, 1)?;
        Range::new(first, after - Duration::days(1))
    }

    /// "1. kvt. 2026" / "Q1 2026".
    pub fn label(self, lang: Lang) -> String {
        match lang {
            Lang::Da => format!("{}. kvt. {}", self.number, self.year),
            Lang::En => format!("Q{} {}", self.number, self.year),
        }
    }
}

/// The share of completed periods within the standard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    pub within: usize,
    pub completed: usize,
}

impl Share {
    /// Per mille, rounded half up, but never 1000 unless all are within nor 0
    /// unless none is: a rounded figure never hides the one course over (or within).
    pub fn permille(self) -> u32 {
        if self.completed == 0 {
            return 0;
        }
        let (w, c) = (self.within as u64, self.completed as u64);
        let rounded = ((2000 * w + c) / (2 * c)) as u32;
        match (w, rounded) {
            (w, _) if w == c => 1000,
            (0, _) => 0,
            (_, r) => r.clamp(1, 999),
        }
    }

    /// "83,3 %" / "83.3%".
    pub fn text(self, lang: Lang) -> String {
        let p = self.permille();
        match lang {
            Lang::Da => format!("{},{} %", p / 10, p % 10),
            Lang::En => format!("{}.{}%", p / 10, p % 10),
        }
    }
}

/// The p-th percentile of ascending `sorted` by nearest rank: the value at
/// rank ⌈p/100 · n⌉ (at least 1). The median is the 50th: for an even number
/// of values the lower of the two middle ones. Always a value that occurs.
pub fn nearest_rank(sorted: &[i64], p: u32) -> Option<i64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let rank = (p as usize * n).div_ceil(100).clamp(1, n);
    sorted.get(rank - 1).copied()
}

/// The figures of one measure over one stretch of days.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// Periods that ended in the stretch.
    pub completed: usize,
    /// Of those, within the standard.
    pub within: usize,
    /// The days each completed period used, ascending.
    pub days: Vec<i64>,
    /// The days of those over the standard, ascending (a subset of `days`).
    pub over_days: Vec<i64>,
    /// Periods still running today that were over on the stretch's last day.
    pub running_over: usize,
}

impl Figures {
    fn add(&mut self, p: &PeriodState, window: Range, today: NaiveDate) {
        match *p {
            PeriodState::Completed { end, days, within, .. } if window.contains(end) => {
                self.completed += 1;
                self.within += usize::from(within);
                self.days.push(days);
                if !within {
                    self.over_days.push(days);
                }
            }
            _ if p.running_over_on(window.to.min(today)) => self.running_over += 1,
            _ => {}
        }
    }

    /// `None` when no period was completed.
    pub fn share(&self) -> Option<Share> {
        (self.completed > 0).then_some(Share { within: self.within, completed: self.completed })
    }

    pub fn over(&self) -> usize {
        self.completed - self.within
    }

    pub fn median(&self) -> Option<i64> {
        nearest_rank(&self.days, 50)
    }

    pub fn p90(&self) -> Option<i64> {
        nearest_rank(&self.days, 90)
    }

    pub fn min(&self) -> Option<i64> {
        self.days.first().copied()
    }

    pub fn max(&self) -> Option<i64> {
        self.days.last().copied()
    }
}

/// One quarter of the chosen period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuarterFigures {
    pub quarter: Quarter,
    /// The days of the quarter inside the chosen period.
    pub window: Range,
    /// The chosen period covers only part of the quarter.
    pub partial: bool,
    /// In the order of [`Measure::ALL`].
    pub measures: Vec<Figures>,
}

/// Codes with a date but not marked registered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unregistered {
    pub code: Code,
    pub id: &'static str,
    /// Dated in the chosen period.
    pub in_range: usize,
    /// Whatever the date.
    pub total: usize,
}

/// A case counted apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseRef {
    pub id: u32,
    pub label: String,
}

/// Everything the view shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stats {
    pub range: Range,
    pub today: NaiveDate,
    /// All patients in the worklist, open and closed.
    pub cases: usize,
    /// See the module's doc.
    pub cases_in_range: usize,
    /// In the order of [`Measure::ALL`].
    pub measures: Vec<Figures>,
    /// The whole-course standards of the completed courses counted (20, 26).
    pub whole_course_standards: Vec<i64>,
    pub quarters: Vec<QuarterFigures>,
    /// The cases in the period by where the model says they belong, most first.
    pub destinations: Vec<(Destination, usize)>,
    /// Every code, in order.
    pub unregistered: Vec<Unregistered>,
    /// Cases with contradictory dates, whatever the period.
    pub check_dates: Vec<CaseRef>,
}

impl Stats {
    pub fn figures(&self, m: Measure) -> &Figures {
        &self.measures[m.index()]
    }
}

/// The destination a case is counted under: an organ-specific pathway is one
/// group whatever the clinician named.
fn destination_group(d: &Destination) -> Destination {
    match d {
        Destination::OtherPathway { pathway: Pathway::OrganSpecific(_) } => {
            Destination::OtherPathway { pathway: Pathway::OrganSpecific(String::new()) }
        }
        d => d.clone(),
    }
}

/// The figures of assessed cases for `range`.
pub fn summarize(cases: &[CaseTimes], range: Range, today: NaiveDate) -> Stats {
    let counted: Vec<&CaseTimes> = cases.iter().filter(|c| !c.check_dates).collect();
    let figures = |window: Range| -> Vec<Figures> {
        Measure::ALL
            .iter()
            .map(|m| {
                let mut f = Figures::default();
                for c in &counted {
                    f.add(&c.period(*m), window, today);
                }
                crate::sort::by_key(&mut f.days, |d| *d);
                crate::sort::by_key(&mut f.over_days, |d| *d);
                f
            })
            .collect()
    };
    let quarters = range
        .quarters()
        .into_iter()
        .filter_map(|q| {
            let full = q.range()?;
            let window = full.intersect(range)?;
            Some(QuarterFigures { quarter: q, window, partial: window != full, measures: figures(window) })
        })
        .collect();
    let mut whole_course_standards: Vec<i64> = counted
        .iter()
        .filter_map(|c| match c.period(Measure::WholeCourse) {
            PeriodState::Completed { end, standard, .. } if range.contains(end) => Some(standard),
            _ => None,
        })
        .collect();
    crate::sort::by_key(&mut whole_course_standards, |s| *s);
    whole_course_standards.dedup();

    let in_range: Vec<&&CaseTimes> = counted.iter().filter(|c| c.in_range(range, today)).collect();
    let mut destinations: Vec<(Destination, usize)> = vec![];
    for c in &in_range {
        let g = destination_group(&c.destination);
        match destinations.iter_mut().find(|(d, _)| *d == g) {
            Some((_, n)) => *n += 1,
            None => destinations.push((g, 1)),
        }
    }
    // Most first; a stable sort keeps the order first met among equals.
    crate::sort::by_key(&mut destinations, |d| std::cmp::Reverse(d.1));

    let mut unregistered: Vec<Unregistered> =
        crate::pathway::CODES.iter().map(|i| Unregistered { code: i.code, id: i.id, in_range: 0, total: 0 }).collect();
    for c in cases {
        for m in c.codes.iter().filter(|m| !m.registered) {
            let (Some(date), Some(u)) = (m.date, unregistered.iter_mut().find(|u| u.code == m.code)) else {
                continue;
            };
            u.total += 1;
            u.in_range += usize::from(range.contains(date));
        }
    }
    Stats {
        range,
        today,
        cases: cases.len(),
        cases_in_range: in_range.len(),
        measures: figures(range),
        whole_course_standards,
        quarters,
        destinations,
        unregistered,
        check_dates: cases
            .iter()
            .filter(|c| c.check_dates)
            .map(|c| CaseRef { id: c.id, label: c.label.clone() })
            .collect(),
    }
}

/// The figures of the worklist for `range`, on `today`.
pub fn compute(worklist: &Worklist, range: Range, today: NaiveDate) -> Stats {
    summarize(&assess_all(worklist, today), range, today)
}
