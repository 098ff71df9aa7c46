//! Issue 15, point 3: dates typed the Danish way, and date problems at their field.
use crate::common::*;
use chrono::{Datelike, Duration, NaiveDate};
use pathway::date_input::{parse_date_input as parse, DateInputError as E, YEARS};
use proptest::prelude::*;

#[test]
fn the_accepted_forms_all_read_26_november_2026() {
    let want = Ok(d("2026-11-26"));
    for s in ["26.11.2026", "26.11.26", "26/11/2026", "26-11-2026", "2026-11-26", "  26.11.2026\t", "\n2026-11-26 "] {
        assert_eq!(parse(s), want, "{s:?}");
    }
    for s in ["1.2.2026", "01.02.2026", "1.02.26", "01/2/2026", "1-2-2026"] {
        assert_eq!(parse(s), Ok(d("2026-02-01")), "{s:?}");
    }
}

#[test]
fn a_two_digit_year_is_20yy() {
    assert_eq!(parse("1.1.00"), Ok(d("2000-01-01")));
    assert_eq!(parse("31.12.99"), Ok(d("2099-12-31")));
    assert_eq!(parse("26.11.26"), Ok(d("2026-11-26")));
}

#[test]
fn slashes_with_a_two_digit_year_read_day_first_as_20yy_issue_26_5() {
    assert_eq!(parse("26/11/26"), Ok(d("2026-11-26")));
    assert_eq!(parse("1/2/26"), Ok(d("2026-02-01")), "1 February, never 2 January");
    assert_eq!(parse("03/04/26"), Ok(d("2026-04-03")));
    assert_eq!(parse("31/12/99"), Ok(d("2099-12-31")));
    assert_eq!(parse("12/31/26"), Err(E::NoSuchDate), "month first is refused, not swapped");
    assert_eq!(parse("29/2/27"), Err(E::NoSuchDate));
}

#[test]
fn a_slashed_date_after_today_is_flagged_at_its_field_as_any_other() {
    let mut c = in_pathway();
    let typed = parse("1/12/26").unwrap();
    EventKey::ReferralReceived.set_date(&mut c.events, Some(typed));
    let p = plan(&c);
    assert!(typed > today());
    assert!(!p.problems_at(EventKey::ReferralReceived).is_empty(), "a date after today is flagged");
    assert!(p.dates_contradict);
}

#[test]
fn the_day_comes_first_and_is_never_swapped_with_the_month() {
    // Month-first (US) writing is refused, not swapped.
    assert_eq!(parse("12/31/2026"), Err(E::NoSuchDate));
    assert_eq!(parse("11/26/2026"), Err(E::NoSuchDate));
    // Where both readings exist, the day is first: 03.04 is 3 April.
    assert_eq!(parse("03/04/2026"), Ok(d("2026-04-03")));
}

#[test]
fn dates_that_do_not_exist_are_refused() {
    for s in ["31.02.2026", "29.02.2027", "2026-13-01", "2026-02-30", "0.1.2026", "1.0.2026", "32.01.2026", "31.04.26"]
    {
        assert_eq!(parse(s), Err(E::NoSuchDate), "{s:?}");
    }
    assert_eq!(parse("29.02.2028"), Ok(d("2028-02-29")), "a leap day");
}

#[test]
fn anything_but_the_forms_is_unreadable() {
    for s in [
        "26.11",
        "26112026",
        "26 11 2026",
        "26. 11. 2026",
        "26.11/2026",
        "2026.11.26",
        "2026/11/26",
        "2026-1-5",
        "26-11-26",
        "126.11.2026",
        "26.11.20266",
        "26.11.2026x",
        "+1.1.2026",
        "i dag",
        "26.nov.2026",
        "٢٦.١١.٢٠٢٦",
        "26,11,2026",
        "26..2026",
        "...",
    ] {
        assert_eq!(parse(s), Err(E::Unreadable), "{s:?}");
    }
}

#[test]
fn an_empty_field_is_left_to_the_caller() {
    assert_eq!(parse(""), Err(E::Empty));
    assert_eq!(parse("  \t "), Err(E::Empty));
}

#[test]
fn years_outside_1900_to_2099_are_taken_for_typing_errors() {
    assert_eq!(parse("26.11.0026"), Err(E::OutOfRange));
    assert_eq!(parse("26.11.1899"), Err(E::OutOfRange));
    assert_eq!(parse("0202-11-26"), Err(E::OutOfRange));
    assert_eq!(parse("1.1.2100"), Err(E::OutOfRange));
    assert_eq!(parse("1.1.1900"), Ok(d("1900-01-01")));
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(*YEARS.start(), 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(*YEARS.end(), 12, 31).unwrap();
    (0..=(last - first).num_days()).prop_map(move |n| first + Duration::days(n))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn any_date_written_dd_mm_yyyy_reads_back_as_itself(date in any_date()) {
        let (dd, m, y) = (date.day(), date.month(), date.year());
        prop_assert_eq!(parse(&pathway::validate::da_date(date)), Ok(date));
        for s in [
            format!("{dd:02}.{m:02}.{y}"),
            format!("{dd}.{m}.{y}"),
            format!("{dd:02}/{m:02}/{y}"),
            format!("{dd}-{m}-{y}"),
            format!("{y}-{m:02}-{dd:02}"),
            format!(" {dd}.{m:02}.{y} "),
        ] {
            prop_assert_eq!(parse(&s), Ok(date), "{}", s);
        }
        if y >= 2000 {
            prop_assert_eq!(parse(&format!("{dd}.{m}.{:02}", y % 100)), Ok(date));
            prop_assert_eq!(parse(&format!("{dd:02}.{m:02}.{:02}", y % 100)), Ok(date));
        }
    }

    #[test]
    fn a_month_first_date_is_never_read_as_that_date(date in any_date()) {
        let (dd, m, y) = (date.day(), date.month(), date.year());
        let us = parse(&format!("{m:02}/{dd:02}/{y}"));
        if dd > 12 {
            prop_assert_eq!(us, Err(E::NoSuchDate));
        } else {
            // Read day first: the same date only when day and month are equal.
            prop_assert_eq!(us, Ok(NaiveDate::from_ymd_opt(y, dd, m).unwrap()));
        }
    }

    #[test]
    fn any_text_reads_as_a_date_that_writes_back_or_as_a_reason(s in "[ 0-9./\\-a]{0,14}") {
        match parse(&s) {
            Ok(date) => {
                prop_assert!(YEARS.contains(&date.year()));
                prop_assert_eq!(parse(&pathway::validate::da_date(date)), Ok(date));
            }
            Err(E::Empty) => prop_assert!(s.trim().is_empty()),
            Err(_) => {}
        }
    }
}

// Date problems at their field: the model says which dated events each problem concerns.

#[test]
fn a_date_out_of_order_is_shown_at_both_fields_and_a_future_date_at_its_own() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-20"));
    c.events.first_attendance = Some(d("2026-11-18"));
    let p = plan(&c);
    let at_b = p.problems_at(EventKey::FirstAttendance);
    let at_a = p.problems_at(EventKey::ReferralReceived);
    assert!(at_b.iter().any(|s| s.text.da.contains("AFD01B") && s.text.da.contains("før AFD01A")), "{at_b:?}");
    assert_eq!(at_a, at_b, "the same problem at both fields");
    assert!(p.problems_at(EventKey::ReferredToSecondary).is_empty());

    c.events.first_attendance = Some(today() + Duration::days(3));
    let p = plan(&c);
    let at_b = p.problems_at(EventKey::FirstAttendance);
    assert!(at_b.iter().any(|s| s.text.da.contains("efter i dag")));
    assert!(!p.problems_at(EventKey::ReferralReceived).iter().any(|s| s.text.da.contains("efter i dag")));
}

#[test]
fn a_missing_earlier_date_is_shown_at_the_dated_field_and_the_missing_one() {
    let mut c = in_pathway();
    c.events.first_attendance = Some(d("2026-11-18"));
    let p = plan(&c);
    for e in [EventKey::FirstAttendance, EventKey::ReferralReceived] {
        assert!(p.problems_at(e).iter().any(|s| s.text.da.contains("AFD01A (henvisning modtaget) mangler")), "{e:?}");
    }
}

#[test]
fn problems_about_answers_are_at_no_date_field() {
    let mut c = in_pathway();
    c.answers.age_years = Some(140);
    let p = plan(&c);
    assert!(p.problems.iter().any(|s| s.text.da.contains("Alder 140")));
    assert!(p.event_problems.is_empty());
}

#[test]
fn s3_3_no_primary_found_before_the_first_attendance_is_dated_is_flagged_at_that_date() {
    // »Nej« to §3.3's question means the work-up programme is complete; it
    // begins at the first attendance (§3.5, AFD01B).
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-23"));
    c.answers.primary_found = Some(false);
    let p = plan(&c);
    let says = |s: &pathway::Statement| s.text.da.contains("første fremmøde (AFD01B) har ingen dato");
    assert!(p.problems.iter().any(says), "{:?}", p.problems);
    assert!(p.problems_at(EventKey::FirstAttendance).iter().any(|s| says(s)));
    // Dated, or still »Ikke kendt endnu«: nothing to check.
    let mut dated = c.clone();
    dated.events.first_attendance = Some(d("2026-11-24"));
    assert!(!plan(&dated).problems.iter().any(says));
    let mut open = c.clone();
    open.answers.primary_found = None;
    assert!(!plan(&open).problems.iter().any(says));
    // With AFD01C dated, the chain's »AFD01C … men AFD01B mangler« says it once.
    let mut referred = c.clone();
    referred.events.referred_to_secondary = Some(d("2026-11-25"));
    let p = plan(&referred);
    assert!(!p.problems.iter().any(says));
    assert!(p
        .problems_at(EventKey::FirstAttendance)
        .iter()
        .any(|s| s.text.da.contains("AFD01B (første fremmøde) mangler")));
}
