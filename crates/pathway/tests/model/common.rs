#![allow(dead_code)]
use chrono::NaiveDate;
pub use pathway::case::*;
pub use pathway::*;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A fixed "today" so results never depend on the clock.
pub fn today() -> NaiveDate {
    d("2026-11-25")
}

/// A case whose referral raises none of the red flags the entry asks about
/// (known cancer, organ-specific suspicion, lymphoma, colorectal suspicion,
/// spinal cord compression), then `f`. `raw_case` starts from nothing.
pub fn case(f: impl FnOnce(&mut Answers)) -> Case {
    raw_case(|a| {
        a.known_cancer = Some(false);
        a.organ_specific_suspected = Some(false);
        a.lymphoma_suspected = Some(false);
        a.colorectal_suspected = Some(false);
        a.spinal_cord_compression = Some(false);
        f(a)
    })
}

pub fn raw_case(f: impl FnOnce(&mut Answers)) -> Case {
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

/// The open questions, those the destination waits for first.
pub fn questions(c: &Case) -> Vec<pathway::questions::QuestionId> {
    plan(c).open_questions()
}

/// Every question the patient's course asks so far, answered or not.
pub fn asked(c: &Case) -> Vec<pathway::questions::QuestionId> {
    plan(c).questions.iter().map(|q| q.question.id).collect()
}

pub fn reason_sections(c: &Case) -> Vec<&'static str> {
    plan(c).route.reasons.iter().map(|r| r.section.as_str()).collect()
}

pub fn silence_sections(c: &Case) -> Vec<&'static str> {
    plan(c).route.silences.iter().map(|r| r.section.as_str()).collect()
}

/// A man with several liver lesions (so §3.1.2's solitary process cannot
/// hold and nothing waits for α-føtoprotein): in this pathway at a medical department.
pub fn in_pathway() -> Case {
    case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.sex = Some(Sex::Male);
        a.liver.solitary = Some(false);
    })
}
