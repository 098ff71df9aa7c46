//! Calendar facts for due dates: weekday, ISO week and Danish public holidays.
//!
//! The time standards count calendar days (kap. 6); these facts only let the
//! UI flag a due date that falls on a weekend or a holiday.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use super::text::Text;
use serde::Serialize;

/// The last year Store Bededag was a public holiday (abolished from 2024).
pub const LAST_STORE_BEDEDAG: i32 = 2023;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct DayFacts {
    pub date: NaiveDate,
    pub weekday: Text,
    pub iso_week: u32,
    pub weekend: bool,
    /// The Danish public holiday on this date, if any.
    pub holiday: Option<&'static str>,
}

impl DayFacts {
    pub fn of(date: NaiveDate) -> Self {
        let weekday = date.weekday();
        DayFacts {
            date,
            weekday: self::weekday(weekday),
            iso_week: date.iso_week().week(),
            weekend: matches!(weekday, Weekday::Sat | Weekday::Sun),
            holiday: danish_holiday(date),
        }
    }

    /// A weekend day or a public holiday.
    pub fn is_day_off(&self) -> bool {
        self.weekend || self.holiday.is_some()
    }
}

/// The weekday's name, as the Danish write it (lower case) and in English.
pub fn weekday(w: Weekday) -> Text {
    match w {
        Weekday::Mon => Text::new("mandag", "Monday"),
        Weekday::Tue => Text::new("tirsdag", "Tuesday"),
        Weekday::Wed => Text::new("onsdag", "Wednesday"),
        Weekday::Thu => Text::new("torsdag", "Thursday"),
        Weekday::Fri => Text::new("fredag", "Friday"),
        Weekday::Sat => Text::new("lørdag", "Saturday"),
        Weekday::Sun => Text::new("søndag", "Sunday"),
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm);
/// `None` only outside the years a date can have.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// The Danish public holidays (helligdage) of a year, in date order.
/// Grundlovsdag and Christmas Eve are not public holidays and are not listed.
pub fn danish_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let easter = easter_sunday(year);
    let e = |days: i64, name: &'static str| {
        easter.and_then(|x| x.checked_add_signed(Duration::days(days))).map(|d| (d, name))
    };
    let fixed = |m: u32, d: u32, name: &'static str| NaiveDate::from_ymd_opt(year, m, d).map(|d| (d, name));
    let mut v: Vec<Option<(NaiveDate, &'static str)>> = vec![
        fixed(1, 1, "Nytårsdag"),
        e(-3, "Skærtorsdag"),
        e(-2, "Langfredag"),
        e(0, "Påskedag"),
        e(1, "2. påskedag"),
        e(39, "Kristi himmelfartsdag"),
        e(49, "Pinsedag"),
        e(50, "2. pinsedag"),
        fixed(12, 25, "Juledag"),
        fixed(12, 26, "2. juledag"),
    ];
    if year <= LAST_STORE_BEDEDAG {
        v.push(e(26, "Store bededag"));
    }
    let mut v: Vec<(NaiveDate, &'static str)> = v.into_iter().flatten().collect();
    crate::sort::by_key(&mut v, |d| *d);
    v
}

pub fn danish_holiday(date: NaiveDate) -> Option<&'static str> {
    danish_holidays(date.year()).into_iter().find(|(d, _)| *d == date).map(|(_, n)| n)
}
