#![allow(dead_code)]
use chrono::NaiveDate;
pub use cup_pathway::pathway::case::*;
pub use cup_pathway::pathway::*;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A fixed "today" so results never depend on the clock.
pub fn today() -> NaiveDate {
    d("2026-11-25")
}

pub fn case(f: impl FnOnce(&mut Answers)) -> Case {
    let mut c = Case::default();
    f(&mut c.answers);
    c
}

pub fn plan(c: &Case) -> Plan {
    evaluate(c, today())
}

pub fn dest(c: &Case) -> Destination {
    plan(c).route.destination
}

pub fn other(p: Pathway) -> Destination {
    Destination::OtherPathway { pathway: p }
}

pub fn this(d: Department) -> Destination {
    Destination::ThisPathway { department: d }
}

pub fn items(c: &Case) -> Vec<&'static str> {
    plan(c).checklist.iter().map(|i| i.item.id).collect()
}

pub fn questions(c: &Case) -> Vec<cup_pathway::pathway::questions::QuestionId> {
    plan(c).questions.iter().map(|q| q.id).collect()
}

pub fn reason_sections(c: &Case) -> Vec<&'static str> {
    plan(c).route.reasons.iter().map(|r| r.section.as_str()).collect()
}

pub fn silence_sections(c: &Case) -> Vec<&'static str> {
    plan(c).route.silences.iter().map(|r| r.section.as_str()).collect()
}

/// A man with a liver finding: in this pathway at a medical department.
pub fn in_pathway() -> Case {
    case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.sex = Some(Sex::Male);
    })
}
