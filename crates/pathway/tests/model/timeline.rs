//! §2.8, §3.6, §4.8 and kapitel 6: time standards.
use crate::common::*;
use chrono::NaiveDate;
use pathway::timeline::*;

fn at(c: &Case, today: NaiveDate) -> Vec<Milestone> {
    evaluate(c, today).milestones
}

#[test]
fn kap_6_standards_are_6_14_and_6_calendar_days() {
    let m = plan(&in_pathway()).milestones;
    let days: Vec<_> = m.iter().map(|m| m.standard_days).collect();
    assert_eq!(days, [6, 14, 6]);
    assert_eq!((REFERRAL_TO_FIRST_ATTENDANCE_DAYS, PRIMARY_WORKUP_DAYS, PRIMARY_END_TO_ONCOLOGY_DAYS), (6, 14, 6));
}

#[test]
fn s2_8_first_attendance_due_on_receipt_plus_6_the_7th_calendar_day() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-02"));
    let m = &at(&c, d("2026-11-03"))[0];
    assert_eq!(m.due.as_ref().unwrap().date, d("2026-11-08"));
    assert_eq!(m.status, MilestoneStatus::Running);
    assert_eq!((m.days_used, m.days_left), (Some(1), Some(5)));
}

#[test]
fn s2_8_attendance_on_day_6_is_met_on_day_7_exceeded() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.first_attendance = Some(d("2026-11-08"));
    let m = &plan(&c).milestones[0];
    assert_eq!((m.status, m.days_used, m.days_left), (MilestoneStatus::Met, Some(6), Some(0)));
    c.events.first_attendance = Some(d("2026-11-09"));
    let m = &plan(&c).milestones[0];
    assert_eq!((m.status, m.days_used, m.days_left), (MilestoneStatus::Exceeded, Some(7), Some(-1)));
}

#[test]
fn s2_8_running_due_today_and_overdue() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-02"));
    assert_eq!(at(&c, d("2026-11-08"))[0].status, MilestoneStatus::DueToday);
    let over = &at(&c, d("2026-11-10"))[0];
    assert_eq!((over.status, over.days_left), (MilestoneStatus::Overdue, Some(-2)));
    assert_eq!(at(&c, d("2026-11-01"))[0].status, MilestoneStatus::Scheduled);
}

#[test]
fn s3_6_primary_work_up_14_days_from_first_attendance_to_referral_to_oncology() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.first_attendance = Some(d("2026-11-06"));
    let m = &plan(&c).milestones[1];
    assert_eq!(m.due.as_ref().unwrap().date, d("2026-11-20"));
    c.events.referred_to_secondary = Some(d("2026-11-20"));
    assert_eq!(plan(&c).milestones[1].status, MilestoneStatus::Met);
    c.events.referred_to_secondary = Some(d("2026-11-21"));
    assert_eq!(plan(&c).milestones[1].status, MilestoneStatus::Exceeded);
}

#[test]
fn s3_6_primary_work_up_also_ends_with_a_clinical_decision() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.first_attendance = Some(d("2026-11-06"));
    c.events.ended = Some(Ending { date: d("2026-11-12"), reason: EndReason::OrganSpecificReferral });
    let m = &plan(&c).milestones[1];
    assert_eq!((m.status, m.days_used), (MilestoneStatus::Met, Some(6)));
    assert_eq!(plan(&c).milestones[2].status, MilestoneStatus::NotApplicable);
}

#[test]
fn s3_6_decalcification_note_is_shown_not_applied() {
    let mut c = in_pathway();
    c.events.first_attendance = Some(d("2026-11-06"));
    let m = &plan(&c).milestones[1];
    assert!(m.notes.iter().any(|n| n.text.da.contains("afkalkes")));
    assert_eq!(m.due.as_ref().unwrap().date, d("2026-11-20"), "the due date is not extended");
}

#[test]
fn s4_8_oncology_first_attendance_6_days_after_referral() {
    let mut c = in_pathway();
    c.answers.primary_found = Some(false);
    c.events.referred_to_secondary = Some(d("2026-11-18"));
    let m = &plan(&c).milestones[2];
    assert_eq!(m.due.as_ref().unwrap().date, d("2026-11-24"));
    assert_eq!(m.status, MilestoneStatus::Overdue);
    assert!(m.notes.iter().any(|n| n.text.da.contains("ikke muligt at opstille standarder")));
}

#[test]
fn s4_8_ahead_while_in_this_pathway_not_applicable_once_the_patient_goes_elsewhere() {
    let mut c = in_pathway();
    assert_eq!(plan(&c).milestones[2].status, MilestoneStatus::NotStarted);
    c.answers.lymphoma_suspected = Some(true);
    assert_eq!(plan(&c).milestones[2].status, MilestoneStatus::NotApplicable);
}

#[test]
fn kap_6_patients_wish_stops_the_running_period() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.ended = Some(Ending { date: d("2026-11-04"), reason: EndReason::PatientWish });
    let m = &plan(&c).milestones[0];
    assert_eq!((m.status, m.days_used), (MilestoneStatus::Stopped, Some(2)));
}

#[test]
fn kap_6_end_before_start_is_invalid_not_negative() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-10"));
    c.events.first_attendance = Some(d("2026-11-08"));
    let m = &plan(&c).milestones[0];
    assert_eq!((m.status, m.days_used), (MilestoneStatus::Invalid, None));
}

#[test]
fn kap_6_due_dates_cross_year_ends_and_leap_days() {
    assert_eq!(assess(6, Some(d("2026-12-28")), None, None, d("2026-12-28")).0, Some(d("2027-01-03")));
    assert_eq!(assess(14, Some(d("2028-02-20")), None, None, d("2028-02-20")).0, Some(d("2028-03-05")));
    assert_eq!(assess(6, Some(d("2028-02-25")), None, None, d("2028-02-25")).0, Some(d("2028-03-02")));
    assert_eq!(assess(6, Some(d("2027-02-25")), None, None, d("2027-02-25")).0, Some(d("2027-03-03")));
}

#[test]
fn kap_6_a_due_date_on_a_weekend_or_holiday_is_flagged_but_not_moved() {
    let mut c = in_pathway();
    // Received Sunday 2026-12-20: due Saturday 2026-12-26, 2. juledag.
    c.events.referral_received = Some(d("2026-12-20"));
    let due = plan(&c).milestones[0].due.clone().unwrap();
    assert_eq!(due.date, d("2026-12-26"));
    assert_eq!(due.holiday, Some("2. juledag"));
    assert!(due.weekend && due.is_day_off());
    assert_eq!(due.weekday.da, "lørdag");
}

#[test]
fn kap_6_a_period_that_never_started_because_the_pathway_ended_does_not_apply() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-02"));
    c.events.ended = Some(Ending { date: d("2026-11-04"), reason: EndReason::SuspicionDisproved });
    let m = plan(&c).milestones;
    assert_eq!(m[0].status, MilestoneStatus::Stopped);
    assert_eq!(m[1].status, MilestoneStatus::NotApplicable);
    assert_eq!(m[2].status, MilestoneStatus::NotApplicable);
}

#[test]
fn kap_6_from_the_referral_date_every_milestone_has_its_latest_date_projected() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-02"));
    let m = plan(&c).milestones;
    assert_eq!(m[0].due.as_ref().unwrap().date, d("2026-11-08"));
    let p1 = m[1].projected.as_ref().expect("work-up projected");
    assert_eq!((p1.latest_start, p1.latest_due.date), (d("2026-11-08"), d("2026-11-22")));
    let p2 = m[2].projected.as_ref().expect("oncology projected");
    assert_eq!((p2.latest_start, p2.latest_due.date), (d("2026-11-22"), d("2026-11-28")));
    // Issue 26.4: a projected latest date before today (25.11.2026) says so.
    assert_eq!((p1.start_passed, p1.due_passed), (true, true));
    assert_eq!((p2.start_passed, p2.due_passed), (true, false));
    // An event moves the later projections to the real date.
    c.events.first_attendance = Some(d("2026-11-05"));
    let m = plan(&c).milestones;
    assert_eq!(m[1].projected, None);
    assert_eq!(m[1].due.as_ref().unwrap().date, d("2026-11-19"));
    assert_eq!(m[2].projected.as_ref().unwrap().latest_due.date, d("2026-11-25"));
    c.events.referred_to_secondary = Some(d("2026-11-12"));
    c.answers.histology = Some(Histology::Adenocarcinoma);
    let m = plan(&c).milestones;
    assert_eq!((m[2].projected.clone(), m[2].due.as_ref().unwrap().date), (None, d("2026-11-18")));
}

#[test]
fn s3_6_a_recorded_reason_for_a_longer_work_up_is_shown_and_the_standard_stays() {
    let mut c = in_pathway();
    c.events.first_attendance = Some(d("2026-11-02"));
    c.events.referred_to_secondary = Some(d("2026-11-20"));
    c.events.workup_lengthened = Some(Lengthening::Decalcification);
    let m = &plan(&c).milestones[1];
    assert_eq!((m.standard_days, m.status), (14, MilestoneStatus::Exceeded));
    let why = m.recorded_reason.as_ref().unwrap();
    assert!(why.text.da.contains("afkalkes") && why.text.da.contains("14"));
    assert_eq!(why.section.as_str(), "§3.6");
}

#[test]
fn s3_5_event_order_is_checked_across_all_events_and_reported_in_words() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-10"));
    c.events.referred_to_secondary = Some(d("2026-11-05"));
    c.answers.histology = Some(Histology::Adenocarcinoma);
    let p: Vec<String> = plan(&c).problems.into_iter().map(|s| s.text.da).collect();
    assert!(
        p.iter().any(|s| s.contains("AFD01C") && s.contains("ligger før AFD01A") && s.contains("05.11.2026")),
        "{p:?}"
    );
    assert!(p.iter().any(|s| s.contains("AFD01B (første fremmøde) mangler")), "{p:?}");
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-01"));
    c.events.first_attendance = Some(d("2026-11-10"));
    c.events.ended = Some(Ending { date: d("2026-11-06"), reason: EndReason::SuspicionDisproved });
    let p: Vec<String> = plan(&c).problems.into_iter().map(|s| s.text.da).collect();
    assert!(p.iter().any(|s| s.starts_with("AFD01X1") && s.contains("ligger før AFD01B")), "{p:?}");
    assert_eq!(c.events.first_attendance, Some(d("2026-11-10")), "nothing corrected");
}

#[test]
fn kap_6_the_worklists_next_deadline_is_the_running_period_else_the_projected_one() {
    use pathway::plan::DeadlineState;
    let mut c = in_pathway();
    assert_eq!(plan(&c).next_deadline(), None, "no referral date, nothing running");
    c.events.referral_received = Some(d("2026-11-16"));
    let n = plan(&c).next_deadline().unwrap();
    assert_eq!(
        (n.milestone, n.due.date, n.days_left, n.projected),
        (MilestoneId::FirstAttendance, d("2026-11-22"), -3, false)
    );
    assert_eq!(n.state, DeadlineState::Overdue);
    c.events.first_attendance = Some(d("2026-11-20"));
    let n = plan(&c).next_deadline().unwrap();
    assert_eq!(
        (n.milestone, n.due.date, n.days_left, n.state),
        (MilestoneId::PrimaryWorkupEnd, d("2026-12-04"), 9, DeadlineState::OnTrack)
    );
    c.events.first_attendance = Some(d("2026-11-11"));
    assert_eq!(plan(&c).next_deadline().unwrap().state, DeadlineState::DueToday);
    c.events.ended = Some(Ending { date: d("2026-11-24"), reason: EndReason::PatientWish });
    assert_eq!(plan(&c).next_deadline(), None, "an ended pathway has no deadline");
}
