//! The department's pathway times (issue 17): the figures, the CSV export and
//! the charts, natively. Fixtures are computed by hand in the comments.
use chrono::{Duration, NaiveDate};
use cup_pathway::csv_export;
use cup_pathway::i18n::Lang;
use cup_pathway::pathway::case::*;
use cup_pathway::pathway::{Code, Destination, Pathway};
use cup_pathway::course_times::*;
use cup_pathway::course_times_svg;
use cup_pathway::patients::{Patient, Worklist};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A referral with no red flags, a liver finding in a man: this pathway.
fn answers() -> Answers {
    Answers {
        known_cancer: Some(false),
        organ_specific_suspected: Some(false),
        lymphoma_suspected: Some(false),
        colorectal_suspected: Some(false),
        spinal_cord_compression: Some(false),
        finding_site: Some(FindingSite::Liver),
        sex: Some(Sex::Male),
        ..Answers::default()
    }
}

/// Worked up without a primary: oncology (§3.3).
fn oncology_answers() -> Answers {
    Answers {
        finding_site: Some(FindingSite::LymphNodeGroin),
        sex: Some(Sex::Female),
        histology: Some(Histology::Adenocarcinoma),
        serous_peritoneal_carcinomatosis: Some(false),
        gi_bleeding_or_symptoms: Some(false),
        primary_found: Some(false),
        ..answers()
    }
}

fn opt(s: &str) -> Option<NaiveDate> {
    (!s.is_empty()).then(|| d(s))
}

/// A patient with the dates R (referral), FA, C, D ("" for none).
fn patient(id: u32, r: &str, fa: &str, c: &str, dd: &str) -> Patient {
    let answers = if c.is_empty() { answers() } else { oncology_answers() };
    let mut case = Case { answers, ..Case::default() };
    case.events.referral_received = opt(r);
    case.events.first_attendance = opt(fa);
    case.events.referred_to_secondary = opt(c);
    case.events.secondary_first_attendance = opt(dd);
    Patient {
        id,
        uid: format!("u{id}"),
        updated_ms: 0,
        label: format!("P{id}"),
        created: opt(r).unwrap_or(d("2026-01-01")),
        case,
        closed: false,
        notes: BTreeMap::new(),
        stamps: Default::default(),
    }
}

fn ended(mut p: Patient, date: &str, reason: EndReason) -> Patient {
    p.case.events.ended = Some(Ending { date: d(date), reason });
    p
}

fn list(patients: Vec<Patient>) -> Worklist {
    Worklist { patients, ..Default::default() }
}

fn year(y: i32) -> Range {
    Range::year(y).unwrap()
}

// ---------------------------------------------------------------------------
// The e2e fixture (tests/fixtures/stats-worklist.json): 30 cases, most over
// 1st and 2nd quarter 2026, on 10.07.2026. Its figures are listed in the
// README's note of issue 17 and checked again in tests/e2e/stats.test.mjs.

fn fixture() -> Worklist {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/stats-worklist.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    serde_json::from_value(v["worklist"].clone()).unwrap()
}

const FIXTURE_TODAY: &str = "2026-07-10";

/// (completed, within, share text, median, p90, running over)
type Row = (usize, usize, &'static str, Option<i64>, Option<i64>, usize);

fn row(f: &Figures) -> Row {
    let share: &'static str = f.share().map_or("—", |s| Box::leak(s.text(Lang::Da).into_boxed_str()));
    (f.completed, f.within, share, f.median(), f.p90(), f.running_over)
}

#[test]
fn the_e2e_fixture_by_hand_per_standard_over_the_last_12_months() {
    let today = d(FIXTURE_TODAY);
    let s = compute(&fixture(), Range::last_12_months(today), today);
    assert_eq!(s.range, Range::new(d("2025-07-11"), today).unwrap());
    assert_eq!(s.cases, 30);
    // R→FA: 24 completed (3 days ×5, 4 ×12, 6 ×3, 7 ×4), 4 over; median rank 12 = 4, p90 rank 22 = 7; Run-01 over.
    assert_eq!(row(s.figures(Measure::FirstAttendance)), (24, 20, "83,3 %", Some(4), Some(7), 1));
    // FA→end: 22 completed, 5 over (15, 15, 17, 18, 21); rank 11 = 14, rank 20 = 17; Run-03 over.
    assert_eq!(row(s.figures(Measure::PrimaryWorkup)), (22, 17, "77,3 %", Some(14), Some(17), 1));
    // C→D: 14 completed (4 ×4, 5 ×3, 6 ×3, 7 ×4), 4 over; rank 7 = 5, rank 13 = 7; Run-04 over.
    assert_eq!(row(s.figures(Measure::Oncology)), (14, 10, "71,4 %", Some(5), Some(7), 1));
    // Whole: 14 to oncology (26 days; 3 over) + 7 ended by AFD01X1 (20 days; 2 over); rank 11 = 22, rank 19 = 27.
    assert_eq!(row(s.figures(Measure::WholeCourse)), (21, 16, "76,2 %", Some(22), Some(27), 1));
    assert_eq!(s.whole_course_standards, vec![20, 26]);
    // 30 cases − 2 Kontrollér datoer − Gammel-01 (all before the period).
    assert_eq!(s.cases_in_range, 27);
    let labels: Vec<&str> = s.check_dates.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Fejl-01", "Fejl-02"]);
}

#[test]
fn the_e2e_fixture_by_hand_per_quarter() {
    let today = d(FIXTURE_TODAY);
    let s = compute(&fixture(), Range::last_12_months(today), today);
    let q: Vec<(String, bool)> = s.quarters.iter().map(|q| (q.quarter.label(Lang::Da), q.partial)).collect();
    assert_eq!(
        q,
        [
            ("3. kvt. 2025".to_string(), true),
            ("4. kvt. 2025".to_string(), false),
            ("1. kvt. 2026".to_string(), false),
            ("2. kvt. 2026".to_string(), false),
            ("3. kvt. 2026".to_string(), true),
        ]
    );
    let at = |i: usize, m: Measure| row(&s.quarters[i].measures[m.index()]);
    use Measure::*;
    assert_eq!(at(0, FirstAttendance), (0, 0, "—", None, None, 0));
    assert_eq!(at(1, FirstAttendance), (1, 1, "100,0 %", Some(4), Some(4), 0));
    assert_eq!(at(1, WholeCourse), (1, 1, "100,0 %", Some(23), Some(23), 0));
    // 1st quarter 2026.
    assert_eq!(at(2, FirstAttendance), (11, 9, "81,8 %", Some(4), Some(7), 0));
    assert_eq!(at(2, PrimaryWorkup), (8, 6, "75,0 %", Some(14), Some(18), 0));
    assert_eq!(at(2, Oncology), (5, 4, "80,0 %", Some(6), Some(7), 0));
    assert_eq!(at(2, WholeCourse), (8, 6, "75,0 %", Some(21), Some(29), 0));
    // 2nd quarter 2026: Run-04 (AFD01C 20.05, no AFD01D) over since 27.05, still running.
    assert_eq!(at(3, FirstAttendance), (12, 10, "83,3 %", Some(4), Some(7), 0));
    assert_eq!(at(3, PrimaryWorkup), (13, 10, "76,9 %", Some(14), Some(17), 0));
    assert_eq!(at(3, Oncology), (8, 5, "62,5 %", Some(5), Some(7), 1));
    assert_eq!(at(3, WholeCourse), (12, 9, "75,0 %", Some(21), Some(27), 1));
    // July 2026 so far: nothing completed; the three running over today.
    assert_eq!(at(4, FirstAttendance), (0, 0, "—", None, None, 1));
    assert_eq!(at(4, PrimaryWorkup), (0, 0, "—", None, None, 1));
    assert_eq!(at(4, Oncology), (0, 0, "—", None, None, 1));
    assert_eq!(at(4, WholeCourse), (0, 0, "—", None, None, 1));
}

#[test]
fn the_e2e_fixture_by_hand_destinations_and_unregistered_codes() {
    let today = d(FIXTURE_TODAY);
    let s = compute(&fixture(), Range::last_12_months(today), today);
    let dest: Vec<(Destination, usize)> = s.destinations.clone();
    assert_eq!(
        dest,
        [
            (Destination::Oncology, 15),
            (Destination::Ended { reason: EndReason::OrganSpecificReferral }, 5),
            (Destination::ThisPathway { department: cup_pathway::pathway::Department::Medical }, 3),
            (Destination::Ended { reason: EndReason::SuspicionDisproved }, 2),
            (Destination::Ended { reason: EndReason::PatientWish }, 2),
        ]
    );
    let u: Vec<(&str, usize, usize)> = s.unregistered.iter().map(|u| (u.id, u.in_range, u.total)).collect();
    // A: Run-02 (08.07.2026) and Fejl-01 (its codes count: registering is apart from the dates);
    // B: Gammel-01 (2025, before the period); D: Q1-03; X1: Q1-05, Q2-06.
    assert_eq!(
        u,
        [("AFD01A", 2, 2), ("AFD01B", 0, 1), ("AFD01C", 0, 0), ("AFD01D", 1, 1), ("AFD01X1", 2, 2), ("AFD01X2", 0, 0)]
    );
}

// ---------------------------------------------------------------------------
// Boundary days: exactly N is within (kap. 6; the model's convention).

#[test]
fn kap_6_exactly_6_14_and_6_days_are_within_one_more_is_over() {
    let today = d("2026-12-31");
    let w = list(vec![
        patient(1, "2026-03-02", "2026-03-08", "2026-03-22", "2026-03-28"), // 6, 14, 6: all within; whole 26
        patient(2, "2026-03-02", "2026-03-09", "2026-03-24", "2026-03-31"), // 7, 15, 7: all over; whole 29
    ]);
    let s = compute(&w, year(2026), today);
    for m in [Measure::FirstAttendance, Measure::PrimaryWorkup, Measure::Oncology, Measure::WholeCourse] {
        let f = s.figures(m);
        assert_eq!((f.completed, f.within, f.over()), (2, 1, 1), "{m:?}");
    }
    assert_eq!(s.figures(Measure::FirstAttendance).days, [6, 7]);
    assert_eq!(s.figures(Measure::PrimaryWorkup).days, [14, 15]);
    assert_eq!(s.figures(Measure::WholeCourse).days, [26, 29]);
    assert_eq!(s.figures(Measure::WholeCourse).over_days, [29]);
}

#[test]
fn kap_6_a_same_day_first_attendance_is_0_days_and_within() {
    let today = d("2026-12-31");
    let s = compute(&list(vec![patient(1, "2026-05-05", "2026-05-05", "", "")]), year(2026), today);
    assert_eq!(s.figures(Measure::FirstAttendance).days, [0]);
    assert_eq!(s.figures(Measure::FirstAttendance).within, 1);
}

#[test]
fn kap_6_the_whole_course_ending_at_primary_work_up_is_measured_against_6_plus_14() {
    let today = d("2026-12-31");
    // 3 + 18 = 21 days: over 20 although it would be within 26.
    let p = ended(patient(1, "2026-05-04", "2026-05-07", "", ""), "2026-05-25", EndReason::OrganSpecificReferral);
    // 2 + 17 + 2 = 21: within 26 although the work-up itself was over.
    let q = patient(2, "2026-05-04", "2026-05-06", "2026-05-23", "2026-05-25");
    let s = compute(&list(vec![p, q]), year(2026), today);
    let w = s.figures(Measure::WholeCourse);
    assert_eq!((w.completed, w.within, w.days.clone(), w.over_days.clone()), (2, 1, vec![21, 21], vec![21]));
    assert_eq!(s.whole_course_standards, [20, 26]);
    assert_eq!(s.figures(Measure::Oncology).completed, 1);
}

// ---------------------------------------------------------------------------
// Leap years, year and quarter edges.

#[test]
fn leap_days_count_as_calendar_days() {
    let today = d("2028-12-31");
    // 26.02 → 03.03: 6 days in 2027, but 7 in 2028 (29.02 counts).
    let w = list(vec![patient(1, "2027-02-25", "2027-03-03", "", ""), patient(2, "2028-02-26", "2028-03-03", "", "")]);
    let s = compute(&w, Range::new(d("2027-01-01"), d("2028-12-31")).unwrap(), today);
    assert_eq!(s.figures(Measure::FirstAttendance).days, [6, 6]);
    let w = list(vec![patient(1, "2028-02-25", "2028-03-03", "", "")]);
    let s = compute(&w, year(2028), today);
    assert_eq!(s.figures(Measure::FirstAttendance).days, [7]);
    assert_eq!(s.figures(Measure::FirstAttendance).within, 0);
}

#[test]
fn the_last_12_months_from_a_leap_day_and_from_new_year() {
    assert_eq!(Range::last_12_months(d("2028-02-29")), Range::new(d("2027-03-01"), d("2028-02-29")).unwrap());
    assert_eq!(Range::last_12_months(d("2027-02-28")), Range::new(d("2026-03-01"), d("2027-02-28")).unwrap());
    assert_eq!(Range::last_12_months(d("2026-01-01")), Range::new(d("2025-01-02"), d("2026-01-01")).unwrap());
    assert_eq!(Range::new(d("2026-01-02"), d("2026-01-01")), None);
}

#[test]
fn a_period_counts_in_the_quarter_and_year_of_its_end_date() {
    let today = d("2026-12-31");
    let w = list(vec![
        patient(1, "2025-12-29", "2026-01-04", "", ""), // 6 days, ends 04.01.2026: 2026, 1st quarter
        patient(2, "2026-03-26", "2026-03-31", "", ""), // ends on the quarter's last day
        patient(3, "2026-03-27", "2026-04-01", "", ""), // ends on the next quarter's first day
        patient(4, "2025-12-26", "2025-12-31", "", ""), // ends on 31.12.2025: not in 2026
    ]);
    let s = compute(&w, year(2026), today);
    assert_eq!(s.figures(Measure::FirstAttendance).completed, 3);
    let per_quarter: Vec<usize> = s.quarters.iter().map(|q| q.measures[0].completed).collect();
    assert_eq!(per_quarter, [2, 1, 0, 0]);
    assert_eq!(s.quarters[0].window, Range::new(d("2026-01-01"), d("2026-03-31")).unwrap());
    assert!(s.quarters.iter().all(|q| !q.partial));
    let s2025 = compute(&w, year(2025), today);
    assert_eq!(s2025.figures(Measure::FirstAttendance).completed, 1);
    assert_eq!(s2025.quarters.last().map(|q| q.quarter), Some(Quarter { year: 2025, number: 4 }));
}

#[test]
fn quarters_across_a_year_end_and_partial_ones() {
    let r = Range::new(d("2025-11-15"), d("2026-02-10")).unwrap();
    assert_eq!(r.quarters(), [Quarter { year: 2025, number: 4 }, Quarter { year: 2026, number: 1 }]);
    assert_eq!(Quarter { year: 2025, number: 4 }.range(), Range::new(d("2025-10-01"), d("2025-12-31")));
    assert_eq!(Quarter { year: 2028, number: 1 }.range(), Range::new(d("2028-01-01"), d("2028-03-31")));
    assert_eq!(Quarter::of(d("2026-07-01")).label(Lang::En), "Q3 2026");
    let s = compute(&Worklist::default(), r, d("2026-02-10"));
    assert!(s.quarters.iter().all(|q| q.partial));
    assert_eq!(s.quarters[0].window.from, d("2025-11-15"));
    assert_eq!(s.quarters[1].window.to, d("2026-02-10"));
}

// ---------------------------------------------------------------------------
// Periods still running.

#[test]
fn a_running_period_counts_only_once_it_is_over_and_never_as_completed() {
    let today = d("2026-06-20");
    let w = list(vec![
        patient(1, "2026-06-14", "", "", ""), // due 20.06: due today, not over
        patient(2, "2026-06-13", "", "", ""), // due 19.06: over
        patient(3, "2026-06-18", "", "", ""), // running, within
    ]);
    let s = compute(&w, Range::last_12_months(today), today);
    let f = s.figures(Measure::FirstAttendance);
    assert_eq!((f.completed, f.running_over), (0, 1));
    assert_eq!(s.cases_in_range, 3);
    // The whole course (26 days from the referral) is not over for any of them.
    assert_eq!(s.figures(Measure::WholeCourse).running_over, 0);
}

#[test]
fn a_running_period_over_is_counted_at_the_end_of_the_chosen_period_and_of_each_quarter() {
    let today = d("2026-06-20");
    // Referral 20.03, due 26.03: over since 27.03 and still running.
    let w = list(vec![patient(1, "2026-03-20", "", "", "")]);
    // A period that ended before it was over counts nothing.
    let s = compute(&w, Range::new(d("2026-01-01"), d("2026-03-26")).unwrap(), today);
    assert_eq!(s.figures(Measure::FirstAttendance).running_over, 0);
    let s = compute(&w, Range::new(d("2026-01-01"), d("2026-03-27")).unwrap(), today);
    assert_eq!(s.figures(Measure::FirstAttendance).running_over, 1);
    let s = compute(&w, year(2026), today);
    let per_quarter: Vec<usize> = s.quarters.iter().map(|q| q.measures[0].running_over).collect();
    assert_eq!(per_quarter, [1, 1, 1, 1], "over at each quarter's end, or today");
    // The whole course: due 20.03 + 26 = 15.04.
    let per_quarter: Vec<usize> = s.quarters.iter().map(|q| q.measures[3].running_over).collect();
    assert_eq!(per_quarter, [0, 1, 1, 1]);
}

#[test]
fn a_period_stopped_by_the_patients_wish_is_neither_completed_nor_running() {
    let today = d("2026-12-31");
    let p = ended(patient(1, "2026-03-02", "2026-03-05", "", ""), "2026-03-30", EndReason::PatientWish);
    let s = compute(&list(vec![p]), year(2026), today);
    assert_eq!(s.figures(Measure::FirstAttendance).completed, 1);
    for m in [Measure::PrimaryWorkup, Measure::WholeCourse] {
        let f = s.figures(m);
        assert_eq!((f.completed, f.running_over), (0, 0), "{m:?}");
    }
    assert_eq!(s.destinations, [(Destination::Ended { reason: EndReason::PatientWish }, 1)]);
}

// ---------------------------------------------------------------------------
// Closed, ended and reopened cases; contradictory dates.

#[test]
fn closed_cases_count_and_closing_and_reopening_counts_a_case_once() {
    let today = d("2026-12-31");
    let mut w = list(vec![
        ended(patient(1, "2026-03-02", "2026-03-05", "", ""), "2026-03-16", EndReason::SuspicionDisproved),
        patient(2, "2026-04-01", "2026-04-06", "", ""),
    ]);
    let open = compute(&w, year(2026), today);
    w.patients[0].closed = true;
    let closed = compute(&w, year(2026), today);
    w.patients[0].closed = false;
    let reopened = compute(&w, year(2026), today);
    assert_eq!(open, closed);
    assert_eq!(open, reopened);
    assert_eq!(open.cases_in_range, 2);
    assert_eq!(open.figures(Measure::FirstAttendance).completed, 2);
    // An ended case whose end is taken back and then recorded again is still one case.
    w.patients[0].case.events.ended = None;
    w.patients[0].case.events.ended = Some(Ending { date: d("2026-03-16"), reason: EndReason::SuspicionDisproved });
    assert_eq!(compute(&w, year(2026), today), open);
}

#[test]
fn contradictory_dates_are_counted_apart_whatever_the_period_never_in_a_standard() {
    let today = d("2026-06-30");
    let w = list(vec![
        patient(1, "2026-03-10", "2026-03-08", "", ""), // first attendance before the referral
        patient(2, "", "2026-03-08", "", ""),           // AFD01B without AFD01A
        patient(3, "2026-03-02", "2026-03-05", "2026-03-19", "2026-03-12"), // AFD01D before AFD01C
        patient(4, "2026-06-28", "2026-07-02", "", ""), // after today
        ended(patient(5, "2026-03-02", "2026-03-05", "", ""), "2026-03-10", EndReason::SuspicionDisproved), // fine
    ]);
    for range in [year(2026), year(2020)] {
        let s = compute(&w, range, today);
        let ids: Vec<u32> = s.check_dates.iter().map(|c| c.id).collect();
        assert_eq!(ids, [1, 2, 3, 4]);
    }
    let s = compute(&w, year(2026), today);
    // Only the fine case counts: periods 1 and 2 and the whole course, nothing running.
    let counts: Vec<(usize, usize)> = s.measures.iter().map(|f| (f.completed, f.running_over)).collect();
    assert_eq!(counts, [(1, 0), (1, 0), (0, 0), (1, 0)]);
    assert_eq!(s.cases_in_range, 1);
    assert_eq!(s.destinations.iter().map(|(_, n)| n).sum::<usize>(), 1);
}

#[test]
fn destinations_group_every_organ_specific_pathway_as_one() {
    let today = d("2026-12-31");
    let named = |id: u32, organ: &str| {
        let mut p = patient(id, "2026-03-02", "", "", "");
        p.case.answers.organ_specific_suspected = Some(true);
        p.case.answers.organ_specific_suspicion = Some(organ.into());
        p
    };
    let s = compute(&list(vec![named(1, "lunge"), named(2, "bryst")]), year(2026), today);
    assert_eq!(s.destinations, [(Destination::OtherPathway { pathway: Pathway::OrganSpecific(String::new()) }, 2)]);
}

#[test]
fn codes_with_a_date_not_marked_registered_by_date_in_the_period_and_in_all() {
    let today = d("2026-12-31");
    let mut p = patient(1, "2025-12-30", "2026-01-02", "", "");
    p.case.set_registered(Code::Afd01B, true);
    let q = patient(2, "2026-02-02", "", "", "");
    let s = compute(&list(vec![p, q]), year(2026), today);
    let a = s.unregistered.iter().find(|u| u.code == Code::Afd01A).unwrap();
    let b = s.unregistered.iter().find(|u| u.code == Code::Afd01B).unwrap();
    assert_eq!((a.in_range, a.total, b.in_range, b.total), (1, 2, 0, 0));
    assert_eq!(s.unregistered.len(), 6);
}

// ---------------------------------------------------------------------------
// Median and 90th percentile by nearest rank; the share.

#[test]
fn nearest_rank_median_and_90th_percentile() {
    let one_to_ten: Vec<i64> = (1..=10).collect();
    assert_eq!(nearest_rank(&one_to_ten, 50), Some(5)); // rank ⌈5⌉
    assert_eq!(nearest_rank(&one_to_ten, 90), Some(9)); // rank ⌈9⌉
    assert_eq!(nearest_rank(&[1, 2], 50), Some(1), "the lower middle value, not 1.5");
    assert_eq!(nearest_rank(&[3, 4, 9], 50), Some(4));
    assert_eq!(nearest_rank(&[3, 4, 9], 90), Some(9)); // rank ⌈2.7⌉ = 3
    assert_eq!(nearest_rank(&[7], 90), Some(7));
    assert_eq!(nearest_rank(&[], 50), None);
    let eleven: Vec<i64> = (1..=11).collect();
    assert_eq!(nearest_rank(&eleven, 90), Some(10)); // rank ⌈9.9⌉
    assert_eq!(nearest_rank(&eleven, 0), Some(1));
    assert_eq!(nearest_rank(&eleven, 100), Some(11));
}

#[test]
fn a_share_rounds_to_a_tenth_but_never_to_100_or_0_unless_it_is() {
    let s = |w, c| Share { within: w, completed: c };
    assert_eq!(s(20, 24).text(Lang::Da), "83,3 %");
    assert_eq!(s(20, 24).text(Lang::En), "83.3%");
    assert_eq!(s(1, 8).permille(), 125);
    assert_eq!(s(2, 3).permille(), 667);
    assert_eq!(s(1999, 2000).text(Lang::Da), "99,9 %");
    assert_eq!(s(19999, 20000).text(Lang::Da), "99,9 %", "not 100,0 % with one over");
    assert_eq!(s(1, 20000).text(Lang::Da), "0,1 %");
    assert_eq!(s(5, 5).text(Lang::Da), "100,0 %");
    assert_eq!(s(0, 5).text(Lang::Da), "0,0 %");
}

// ---------------------------------------------------------------------------
// Properties over generated worklists.

fn date_in(lo: &str, span: i64) -> impl Strategy<Value = NaiveDate> {
    let lo = d(lo);
    (0..span).prop_map(move |n| lo + Duration::days(n))
}

prop_compose! {
    fn any_patient()(
        id in 1u32..10_000,
        r in date_in("2024-10-01", 900),
        gaps in proptest::collection::vec(-2i64..30, 3),
        steps in 0usize..5,
        end in proptest::option::of((0usize..4, 0i64..40)),
        oncology in proptest::bool::ANY,
        closed in proptest::bool::ANY,
        registered in proptest::collection::vec(proptest::bool::ANY, 6),
    ) -> Patient {
        let mut p = patient(id, "2026-01-01", "", "", "");
        p.case.answers = if oncology { oncology_answers() } else { answers() };
        let mut dates = vec![r];
        for g in gaps {
            let last = *dates.last().unwrap();
            dates.push(last + Duration::days(g));
        }
        let e = &mut p.case.events;
        let mut it = dates.iter().copied().take(steps);
        e.referral_received = it.next();
        e.first_attendance = it.next();
        e.referred_to_secondary = it.next();
        e.secondary_first_attendance = it.next();
        if let Some((reason, after)) = end {
            e.ended = Some(Ending { date: r + Duration::days(after), reason: EndReason::ALL[reason] });
        }
        for (code, yes) in cup_pathway::pathway::CODES.iter().zip(registered) {
            p.case.set_registered(code.code, yes);
        }
        p.closed = closed;
        p
    }
}

fn any_worklist() -> impl Strategy<Value = Worklist> {
    proptest::collection::vec(any_patient(), 0..40).prop_map(|mut patients| {
        for (i, p) in patients.iter_mut().enumerate() {
            p.id = i as u32 + 1;
        }
        Worklist { patients, ..Default::default() }
    })
}

fn any_range() -> impl Strategy<Value = Range> {
    (date_in("2024-09-01", 1000), 0i64..500)
        .prop_map(|(from, len)| Range::new(from, from + Duration::days(len)).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn shares_are_between_0_and_100_and_counts_add_up(
        w in any_worklist(),
        range in any_range(),
        today in date_in("2025-06-01", 800),
    ) {
        let s = compute(&w, range, today);
        prop_assert_eq!(s.cases, w.patients.len());
        prop_assert!(s.cases_in_range + s.check_dates.len() <= s.cases);
        prop_assert_eq!(s.destinations.iter().map(|(_, n)| n).sum::<usize>(), s.cases_in_range);
        for m in Measure::ALL {
            let f = s.figures(m);
            prop_assert!(f.within <= f.completed);
            prop_assert_eq!(f.days.len(), f.completed);
            prop_assert_eq!(f.over_days.len(), f.over());
            prop_assert!(f.completed + f.running_over <= s.cases_in_range, "{:?}", m);
            if let Some(share) = f.share() {
                prop_assert!(share.permille() <= 1000);
                prop_assert_eq!(share.permille() == 1000, f.within == f.completed);
                prop_assert_eq!(share.permille() == 0, f.within == 0);
            }
            // The quarters partition the period: completed periods add up.
            let by_quarter: usize = s.quarters.iter().map(|q| q.measures[m.index()].completed).sum();
            prop_assert_eq!(by_quarter, f.completed);
            let within_by_quarter: usize = s.quarters.iter().map(|q| q.measures[m.index()].within).sum();
            prop_assert_eq!(within_by_quarter, f.within);
        }
    }

    #[test]
    fn the_median_lies_between_min_and_max_and_below_the_90th_percentile(
        w in any_worklist(),
        range in any_range(),
        today in date_in("2025-06-01", 800),
    ) {
        let s = compute(&w, range, today);
        for f in s.measures.iter().chain(s.quarters.iter().flat_map(|q| q.measures.iter())) {
            match (f.min(), f.median(), f.p90(), f.max()) {
                (Some(lo), Some(med), Some(p90), Some(hi)) => {
                    prop_assert!(lo <= med && med <= p90 && p90 <= hi);
                    prop_assert!(lo >= 0);
                }
                (None, None, None, None) => prop_assert_eq!(f.completed, 0),
                other => prop_assert!(false, "{:?}", other),
            }
        }
    }

    #[test]
    fn the_figures_read_the_same_periods_codes_and_route_as_the_plan(
        w in any_worklist(),
        today in date_in("2025-06-01", 800),
    ) {
        use cup_pathway::pathway::{evaluate, registration::code_entries, route::route, timeline::milestones};
        for p in &w.patients {
            let plan = evaluate(&p.case, today);
            let r = route(&p.case);
            prop_assert_eq!(&plan.milestones, &milestones(&p.case, &r, today));
            prop_assert_eq!(&plan.codes, &code_entries(&p.case, &r));
            let t = assess(p, today);
            prop_assert_eq!(&t.destination, &plan.route.destination);
            prop_assert_eq!(t.provisional, plan.route.provisional);
        }
    }

    #[test]
    fn nearest_rank_is_a_value_that_occurs_with_at_least_p_percent_at_or_below(
        mut xs in proptest::collection::vec(0i64..60, 1..80),
        p in 1u32..=100,
    ) {
        xs.sort_unstable();
        let v = nearest_rank(&xs, p).unwrap();
        prop_assert!(xs.contains(&v));
        let at_or_below = xs.iter().filter(|x| **x <= v).count();
        let below = xs.iter().filter(|x| **x < v).count();
        prop_assert!(at_or_below * 100 >= p as usize * xs.len());
        prop_assert!(below * 100 < p as usize * xs.len());
    }

    #[test]
    fn every_csv_row_has_the_headers_cells_and_every_patient_one_row(
        w in any_worklist(),
        today in date_in("2025-06-01", 800),
    ) {
        let text = csv_export::build(&assess_all(&w, today), today);
        let rows = parse_csv(text.strip_prefix('\u{feff}').unwrap());
        prop_assert_eq!(rows.len(), w.patients.len() + 1);
        for r in &rows {
            prop_assert_eq!(r.len(), rows[0].len());
        }
    }
}

// ---------------------------------------------------------------------------
// The CSV export.

/// A strict RFC 4180 reader with `;` and CRLF, for the tests.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => {
                    quoted = false;
                    assert!(matches!(chars.peek(), Some(';') | Some('\r') | None), "text after a closing quote");
                }
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' => panic!("a quote inside an unquoted cell"),
            ';' => {
                row.push(std::mem::take(&mut cell));
                at_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_start = true;
            }
            '\n' => panic!("LF without CR"),
            c => {
                cell.push(c);
                at_start = false;
            }
        }
    }
    assert!(cell.is_empty() && row.is_empty(), "the file ends with CRLF");
    rows
}

#[test]
fn a_cell_is_quoted_by_rfc_4180_and_made_formula_inert() {
    assert_eq!(csv_export::cell("Seng 4"), "Seng 4");
    assert_eq!(csv_export::cell("Stue 3; seng 2"), "\"Stue 3; seng 2\"");
    assert_eq!(csv_export::cell("a \"b\""), "\"a \"\"b\"\"\"");
    assert_eq!(csv_export::cell("=1+1"), "'=1+1");
    assert_eq!(csv_export::cell("+45 1234"), "'+45 1234");
    assert_eq!(csv_export::cell("-2"), "'-2");
    assert_eq!(csv_export::cell("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv_export::cell("\tx"), "'\tx");
    assert_eq!(csv_export::cell("\r=x"), "\"'\r=x\"");
    assert_eq!(
        csv_export::cell("=HYPERLINK(\"http://x.dk\";\"Klik\")"),
        "\"'=HYPERLINK(\"\"http://x.dk\"\";\"\"Klik\"\")\""
    );
    assert_eq!(csv_export::cell("a=b"), "a=b", "only a leading character makes a formula");
    assert_eq!(csv_export::cell(""), "");
}

#[test]
fn the_csv_of_the_fixture_one_row_per_patient_with_dates_days_states_and_codes() {
    let today = d(FIXTURE_TODAY);
    let w = fixture();
    let text = csv_export::build(&assess_all(&w, today), today);
    assert!(text.starts_with('\u{feff}'), "UTF-8 with BOM");
    let rows = parse_csv(text.strip_prefix('\u{feff}').unwrap());
    assert_eq!(rows.len(), 31);
    let h = &rows[0];
    let col = |name: &str| h.iter().position(|c| c == name).unwrap_or_else(|| panic!("no column {name}"));
    let by_label = |label: &str| rows.iter().find(|r| r[0] == label).unwrap_or_else(|| panic!("no row {label}"));
    let r = by_label("Q1-02");
    assert_eq!(r[col("Oprettet")], "12.01.2026");
    assert_eq!(r[col("Oprettet (ISO)")], "2026-01-12");
    assert_eq!(r[col("Henvisning modtaget (AFD01A)")], "12.01.2026");
    assert_eq!(r[col("Henvisning modtaget (AFD01A) (ISO)")], "2026-01-12");
    assert_eq!(r[col("Første fremmøde, onkologisk afdeling (AFD01D)")], "07.02.2026");
    assert_eq!(r[col("Henvisning → første fremmøde (6 dage): dage brugt")], "6");
    assert_eq!(r[col("Henvisning → første fremmøde (6 dage): status")], "overholdt");
    assert_eq!(r[col("Hele forløbet: standard, dage")], "26");
    assert_eq!(r[col("Hele forløbet: dage brugt")], "26");
    assert_eq!(r[col("AFD01D markeret registreret")], "ja");
    assert!(r[col("Hvor hører patienten til")].contains("Onkologisk afdeling"));
    let r = by_label("Q1-03");
    assert_eq!(r[col("Første fremmøde → afslutning primær udredning (14 dage): status")], "overskredet");
    assert_eq!(r[col("AFD01D dato")], "17.02.2026");
    assert_eq!(r[col("AFD01D dato (ISO)")], "2026-02-17");
    assert_eq!(r[col("AFD01D markeret registreret")], "nej");
    assert_eq!(r[col("AFD01X1 markeret registreret")], "", "no date, nothing to register");
    let r = by_label("Q1-09");
    assert_eq!(r[col("Slutkode")], "AFD01X1");
    assert_eq!(r[col("Hele forløbet: standard, dage")], "20");
    assert_eq!(r[col("Hele forløbet: status")], "overskredet");
    assert_eq!(r[col("Arkiveret")], "nej");
    // Issue 26.3: AFD01X1 for a referral elsewhere is not ended until the
    // receiving department took over; AFD01X2 (and AFD01X1 otherwise) is.
    assert_eq!(
        (r[col("Fase")].as_str(), r[col("Forløb afsluttet")].as_str()),
        ("Henvist – afventer modtagelse", "nej")
    );
    let phase = |label: &str| {
        let r = by_label(label);
        (r[col("Fase")].clone(), r[col("Forløb afsluttet")].clone(), r[col("Slutkode")].clone())
    };
    assert_eq!(phase("Q1-08"), ("Afsluttet".into(), "ja".into(), "AFD01X2".into()));
    assert_eq!(phase("Q1-05"), ("Afsluttet".into(), "ja".into(), "AFD01X1".into()));
    assert_eq!(phase("Run-03"), ("Primær udredning".into(), "nej".into(), "".into()));
    let r = by_label("Run-04");
    assert_eq!(
        r[col("Afslutning primær udredning → første fremmøde onkologi (6 dage): status")],
        "i gang, overskredet"
    );
    assert_eq!(r[col("Afslutning primær udredning → første fremmøde onkologi (6 dage): dage brugt")], "51");
    assert_eq!(by_label("Run-02")[col("Henvisning → første fremmøde (6 dage): status")], "i gang");
    assert_eq!(
        by_label("Q1-08")[col("Første fremmøde → afslutning primær udredning (14 dage): status")],
        "afbrudt (pakkeforløb slut)"
    );
    assert_eq!(by_label("Fejl-01")[col("Kontrollér datoer")], "ja");
    assert_eq!(by_label("Gammel-01")[col("Arkiveret")], "ja");
    // The formula-like label is text, apostrophe first; a label with ; survives whole.
    assert!(rows.iter().any(|r| r[0] == "'=HYPERLINK(\"http://x.dk\";\"Klik\")"));
    assert!(rows.iter().any(|r| r[0] == "Stue 3; seng 2"));
    assert!(rows.iter().any(|r| r[0] == "Ø-afsnit 14"));
    // No cell but the inert label starts with a formula character.
    for r in &rows {
        for c in r {
            assert!(!c.starts_with(['=', '+', '-', '@', '\t', '\r']), "{c}");
        }
    }
    assert_eq!(csv_export::filename(today), "cup-pathway-forloebstider-2026-07-10.csv");
}

// ---------------------------------------------------------------------------
// The charts.

fn text() -> course_times_svg::HistogramText<'static> {
    course_times_svg::HistogramText {
        summary: "6 dage: 3 afsluttede <test>",
        days: "dage brugt",
        standard: "standard",
        within: "inden for",
        over: "over",
        days_unit: "dage",
    }
}

#[test]
fn the_histogram_draws_the_standard_as_a_line_after_its_last_day_and_every_count() {
    let svg = course_times_svg::histogram("h1", &[3, 6, 7, 7], &[7, 7], &[6], &text());
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    assert!(svg.contains(r#"role="img""#) && svg.contains(r#"aria-label="6 dage: 3 afsluttede &lt;test&gt;""#));
    assert!(svg.contains("<title>6 dage: 3 afsluttede &lt;test&gt;</title>"));
    // 8 bins (0–7) over 374 units: the line after day 6 at 36 + 7 × 46.75.
    assert!(svg.contains(r#"data-days="6" x1="363.2""#), "{svg}");
    assert!(svg.contains(">6 dage</text>") && svg.contains(">standard</text>"), "the line's days, the legend's word");
    // Two bars over (hatched), counts written: 1, 1, 2.
    assert_eq!(svg.matches("url(#h1-hatch)").count(), 2, "the legend and the bar at 7");
    assert!(svg.contains(">2</text>"));
    let empty = course_times_svg::histogram("h2", &[], &[], &[14], &text());
    assert!(empty.contains(r#"data-days="14""#));
}

#[test]
fn the_histogram_gathers_long_courses_in_the_last_bar() {
    let svg = course_times_svg::histogram("h3", &[2, 80, 90], &[80, 90], &[6], &text());
    assert!(svg.contains(">≥35</text>"), "{svg}");
    assert!(svg.contains(">2</text>"), "both long courses in one bar");
}

#[test]
fn the_quarter_chart_writes_each_share_and_a_dash_where_nothing_was_completed() {
    let bars = [
        course_times_svg::QuarterBar {
            label: ("1. kvt.".into(), "2026".into()),
            share: Some(Share { within: 9, completed: 11 }),
            completed: 11,
        },
        course_times_svg::QuarterBar { label: ("2. kvt.".into(), "2026".into()), share: None, completed: 0 },
    ];
    let svg = course_times_svg::quarter_shares("q", &bars, "Andel", Lang::Da);
    assert!(svg.contains(">81,8 %</text>") && svg.contains(">—</text>"));
    assert!(svg.contains(">n = 11</text>") && svg.contains(">n = 0</text>"));
}
