//! The registry clerk's export (issue 17): one CSV file of every case, open
//! and closed, one row per patient, for reconciling with Landspatientregisteret.
//! Pure: assessed cases in, the file's text out.
//!
//! The format, so Danish spreadsheets open it as it is:
//! - UTF-8 with a byte order mark; `;` between cells; CRLF line ends;
//!   RFC 4180 quoting (a cell holding `;`, `,`, `"`, CR or LF is quoted, `"` doubled).
//! - Dates as dd.mm.yyyy in their own column, and beside each the ISO date.
//! - **Formula-inert**: a cell that would start with `=`, `+`, `-`, `@`, a tab
//!   or a CR gets a leading apostrophe (`'=HYPERLINK(…)`), so a spreadsheet
//!   shows it as text and never runs it. Only labels and destination texts can
//!   start so; numbers and dates never do.
//! - The column names and words are Danish whatever the UI language: the file
//!   is a fixed format, so a clerk's spreadsheet reads every export the same way.

use crate::pathway::validate::da_date;
use crate::pathway::Code;
use crate::course_times::{CaseTimes, Measure, PeriodState};
use chrono::NaiveDate;

pub const SEPARATOR: char = ';';
const BOM: char = '\u{feff}';

/// The dated name of the file.
pub fn filename(today: NaiveDate) -> String {
    format!("cup-pathway-forloebstider-{}.csv", crate::pathway::iso::format(today))
}

/// One cell: made formula-inert, then quoted where RFC 4180 requires it.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 3);
    push_cell(&mut out, text);
    out
}

/// [`cell`], written straight into the file.
fn push_cell(out: &mut String, text: &str) {
    let inert = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    // A comma too: a spreadsheet opened with another list separator splits there.
    let quoted = text.contains([SEPARATOR, ',', '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if inert {
        out.push('\'');
    }
    if quoted {
        for c in text.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(text);
    }
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "ja"
    } else {
        "nej"
    }
}

/// The events of the course, with the code each carries (kap. 7).
const EVENTS: [&str; 5] = [
    "Henvisning modtaget (AFD01A)",
    "Første fremmøde, primær udredning (AFD01B)",
    "Henvisning til sekundær udredning (AFD01C)",
    "Første fremmøde, onkologisk afdeling (AFD01D)",
    "Pakkeforløb slut (AFD01X1/AFD01X2)",
];

fn measure_name(m: Measure) -> &'static str {
    match m {
        Measure::FirstAttendance => "Henvisning → første fremmøde (6 dage)",
        Measure::PrimaryWorkup => "Første fremmøde → afslutning primær udredning (14 dage)",
        Measure::Oncology => "Afslutning primær udredning → første fremmøde onkologi (6 dage)",
        Measure::WholeCourse => "Hele forløbet",
    }
}

/// met / over / running, in the file's words.
pub fn state_word(p: &PeriodState, today: NaiveDate) -> &'static str {
    match p {
        PeriodState::Completed { within: true, .. } => "overholdt",
        PeriodState::Completed { within: false, .. } => "overskredet",
        PeriodState::Running { .. } if p.running_over_on(today) => "i gang, overskredet",
        PeriodState::Running { .. } => "i gang",
        PeriodState::Stopped => "afbrudt (pakkeforløb slut)",
        PeriodState::NotStarted => "ikke startet",
        PeriodState::NotApplicable => "ikke relevant",
        PeriodState::Invalid => "ugyldige datoer",
    }
}

fn header() -> Vec<String> {
    let mut h: Vec<String> = [
        "Betegnelse",
        "Oprettet",
        "Oprettet (ISO)",
        "Arkiveret",
        "Fase",
        "Forløb afsluttet",
        "Hvor hører patienten til",
    ]
    .map(String::from)
    .to_vec();
    for e in EVENTS {
        h.push(e.to_string());
        h.push(format!("{e} (ISO)"));
    }
    h.push("Slutkode".into());
    for m in Measure::ALL {
        let name = measure_name(m);
        if m == Measure::WholeCourse {
            h.push(format!("{name}: standard, dage"));
        }
        h.push(format!("{name}: dage brugt"));
        h.push(format!("{name}: status"));
    }
    for c in crate::pathway::CODES {
        h.push(format!("{} dato", c.id));
        h.push(format!("{} dato (ISO)", c.id));
        h.push(format!("{} markeret registreret", c.id));
    }
    h.push("Kontrollér datoer".into());
    h
}

fn row(c: &CaseTimes, today: NaiveDate) -> Vec<String> {
    let da = |d: Option<NaiveDate>| d.map(da_date).unwrap_or_default();
    let iso = |d: Option<NaiveDate>| d.map(crate::pathway::iso::format).unwrap_or_default();
    let destination = if c.provisional { format!("Foreløbig: {}", c.headline.da) } else { c.headline.da.clone() };
    let mut r = vec![
        c.label.clone(),
        da_date(c.created),
        crate::pathway::iso::format(c.created),
        yes_no(c.closed).to_string(),
        c.phase.da.to_string(),
        // Ended: AFD01X2, or AFD01X1 once the receiving department took over (issue 26.3).
        yes_no(c.phase.da == "Afsluttet").to_string(),
        destination,
    ];
    let e = &c.events;
    let ended = e.ended.as_ref();
    for d in [
        e.referral_received,
        e.first_attendance,
        e.referred_to_secondary,
        e.secondary_first_attendance,
        ended.map(|x| x.date),
    ] {
        r.push(da(d));
        r.push(iso(d));
    }
    // The ending code the model gives the end (AFD01X1 or AFD01X2).
    let end_code = c.codes.iter().find(|m| matches!(m.code, Code::Afd01X1 | Code::Afd01X2) && m.date.is_some());
    r.push(end_code.map(|m| m.id).unwrap_or_default().to_string());
    for m in Measure::ALL {
        let p = c.period(m);
        if m == Measure::WholeCourse {
            r.push(p.standard().map(|s| s.to_string()).unwrap_or_default());
        }
        r.push(p.days().map(|d| d.to_string()).unwrap_or_default());
        r.push(state_word(&p, today).to_string());
    }
    for code in &c.codes {
        r.push(da(code.date));
        r.push(iso(code.date));
        // Whether marked registered means something once the code has a date.
        r.push(if code.date.is_some() || code.registered { yes_no(code.registered) } else { "" }.to_string());
    }
    r.push(yes_no(c.check_dates).to_string());
    r
}

/// The whole file: BOM, header, one row per case.
pub fn build(cases: &[CaseTimes], today: NaiveDate) -> String {
    let mut out = String::with_capacity(64 + cases.len() * 600);
    out.push(BOM);
    let mut line = |cells: Vec<String>| {
        let mut first = true;
        for c in cells {
            if !first {
                out.push(SEPARATOR);
            }
            first = false;
            push_cell(&mut out, &c);
        }
        out.push_str("\r\n");
    };
    line(header());
    for c in cases {
        line(row(c, today));
    }
    out
}
