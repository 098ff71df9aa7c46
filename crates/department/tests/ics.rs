//! The calendar file (RFC 5545), natively.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use department::ics::{calendar, data_url, escape, fold};
use department::pathway::{evaluate, Case, FindingSite};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn case() -> Case {
    let mut c = Case::default();
    c.answers.finding_site = Some(FindingSite::LymphNodeGroin);
    c.answers.known_cancer = Some(false);
    c.answers.organ_specific_suspected = Some(false);
    c.answers.lymphoma_suspected = Some(false);
    c.events.referral_received = Some(d("2026-11-20"));
    c
}

#[test]
fn every_line_ends_with_crlf_and_no_line_exceeds_75_octets() {
    let ics = calendar(&evaluate(&case(), d("2026-11-25")), 7, "Seng 12; æøå, \\ ny");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
}

#[test]
fn the_deadlines_ahead_are_all_day_events_including_the_projected_ones() {
    let ics = calendar(&evaluate(&case(), d("2026-11-25")), 7, "Seng 12");
    let unfolded = ics.replace("\r\n ", "");
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 3, "running + two projected");
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20261126\r\nDTEND;VALUE=DATE:20261127"));
    assert!(unfolded.contains("SUMMARY:Frist: Første fremmøde på udredende afdeling — Seng 12"));
    assert!(unfolded.contains("SUMMARY:Senest (fremskrevet): Afslutning på primær udredning — Seng 12"));
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20261210"), "R+6+14");
    assert!(unfolded.contains("UID:cup-pathway-7-FirstAttendance-20261126@cup-pathway"));
    assert!(unfolded.contains("DTSTAMP:20261125T000000Z"));
}

#[test]
fn folding_never_splits_a_character_and_escaping_follows_the_rfc() {
    let line = format!("SUMMARY:{}", "æ".repeat(60));
    let folded = fold(&line);
    for part in folded.trim_end_matches("\r\n").split("\r\n") {
        assert!(part.len() <= 75 && std::str::from_utf8(part.as_bytes()).is_ok());
    }
    assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    assert!(data_url("A b/æ").ends_with(",A%20b%2F%C3%A6"));
}
