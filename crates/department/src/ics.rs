//! A case's deadlines as an iCalendar file (RFC 5545): all-day events, CRLF
//! line ends, lines folded at 75 octets (never inside a UTF-8 character),
//! text escaped. Pure: the UI only offers the result as a download.

use crate::pathway::timeline::{Milestone, MilestoneStatus};
use crate::pathway::{iso, Plan, EDITION};
use chrono::{Duration, NaiveDate};

/// The deadlines still ahead (running, scheduled or projected), one all-day
/// event each, for the patient under `label`.
pub fn calendar(plan: &Plan, case_id: u32, label: &str) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//cup-pathway//Pakkeforløb CUP//DA".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    for m in &plan.milestones {
        let Some((due, projected)) = due_ahead(m) else { continue };
        let sections: Vec<&str> = m.sections.iter().map(|s| s.as_str()).collect();
        let kind = if projected { "Senest (fremskrevet)" } else { "Frist" };
        let summary = format!("{kind}: {} — {label}", m.to.da);
        let description = format!(
            "{} → {}. Standard: {} kalenderdage ({}). {}. Kilde: {}, {}.",
            m.from.da,
            m.to.da,
            m.standard_days,
            sections.join(", "),
            m.status.label().da,
            EDITION.publisher,
            EDITION.title_da
        );
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:cup-pathway-{case_id}-{}-{}@cup-pathway", m.id.name(), compact(due)),
            format!("DTSTAMP:{}T000000Z", compact(plan.today)),
            format!("DTSTART;VALUE=DATE:{}", compact(due)),
            format!("DTEND;VALUE=DATE:{}", compact(due + Duration::days(1))),
            format!("SUMMARY:{}", escape(&summary)),
            format!("DESCRIPTION:{}", escape(&description)),
            "TRANSP:TRANSPARENT".to_string(),
            "END:VEVENT".to_string(),
        ]);
    }
    lines.push("END:VCALENDAR".to_string());
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().concat()
}

fn due_ahead(m: &Milestone) -> Option<(NaiveDate, bool)> {
    match m.status {
        MilestoneStatus::Scheduled
        | MilestoneStatus::Running
        | MilestoneStatus::DueToday
        | MilestoneStatus::Overdue => m.due.as_ref().map(|d| (d.date, false)),
        MilestoneStatus::NotStarted => m.projected.as_ref().map(|p| (p.latest_due.date, true)),
        _ => None,
    }
}

fn compact(d: NaiveDate) -> String {
    iso::format(d).replace('-', "")
}

/// TEXT escaping (RFC 5545 §3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so no physical line exceeds 75 octets, each
/// continuation starting with a space; ends with CRLF (RFC 5545 §3.1).
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

/// A `data:` URL for a download link, percent-encoded.
pub fn data_url(text: &str) -> String {
    let mut out = String::from("data:text/calendar;charset=utf-8,");
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
