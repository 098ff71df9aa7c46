//! Calendar facts for due dates.
use crate::common::*;
use pathway::calendar::*;

#[test]
fn easter_sundays_are_right() {
    for (y, e) in [
        (2008, "2008-03-23"),
        (2019, "2019-04-21"),
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (2027, "2027-03-28"),
        (2038, "2038-04-25"),
    ] {
        assert_eq!(easter_sunday(y), Some(d(e)), "{y}");
    }
}

#[test]
fn danish_holidays_2026() {
    let names: Vec<_> = danish_holidays(2026).into_iter().map(|(d, n)| (d.to_string(), n)).collect();
    assert_eq!(
        names,
        [
            ("2026-01-01".into(), "Nytårsdag"),
            ("2026-04-02".into(), "Skærtorsdag"),
            ("2026-04-03".into(), "Langfredag"),
            ("2026-04-05".into(), "Påskedag"),
            ("2026-04-06".into(), "2. påskedag"),
            ("2026-05-14".into(), "Kristi himmelfartsdag"),
            ("2026-05-24".into(), "Pinsedag"),
            ("2026-05-25".into(), "2. pinsedag"),
            ("2026-12-25".into(), "Juledag"),
            ("2026-12-26".into(), "2. juledag"),
        ]
    );
}

#[test]
fn store_bededag_until_2023_abolished_from_2024() {
    assert_eq!(danish_holiday(d("2023-05-05")), Some("Store bededag"));
    assert_eq!(danish_holiday(d("2024-04-26")), None);
    assert!(danish_holidays(2024).iter().all(|(_, n)| *n != "Store bededag"));
}

#[test]
fn grundlovsdag_and_christmas_eve_are_not_public_holidays() {
    assert_eq!(danish_holiday(d("2026-06-05")), None);
    assert_eq!(danish_holiday(d("2026-12-24")), None);
}

#[test]
fn weekday_and_iso_week_including_year_boundaries() {
    let f = DayFacts::of(d("2026-11-25"));
    assert_eq!((f.weekday.da, f.iso_week, f.weekend), ("onsdag", 48, false));
    // 2027-01-01 is a Friday in ISO week 53 of 2026.
    let ny = DayFacts::of(d("2027-01-01"));
    assert_eq!((ny.weekday.da, ny.iso_week, ny.holiday), ("fredag", 53, Some("Nytårsdag")));
    // 2024-12-30 is Monday of ISO week 1 of 2025.
    assert_eq!(DayFacts::of(d("2024-12-30")).iso_week, 1);
    assert!(DayFacts::of(d("2028-02-29")).date == d("2028-02-29"));
}

#[test]
fn kap_6_holidays_at_the_edges_of_the_calendar_do_not_panic() {
    use pathway::calendar::danish_holidays;
    for year in [chrono::NaiveDate::MIN, chrono::NaiveDate::MAX].map(|d| chrono::Datelike::year(&d)) {
        let _ = danish_holidays(year);
    }
    assert_eq!(danish_holidays(2026).len(), 10);
}
