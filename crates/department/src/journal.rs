//! *Kopiér journalnotat*: a plain text for the patient record, built from the
//! model's plan at the current milestone (issue 26.1). Pure: no web crates.
//!
//! Every statement is a [`Line`] carrying the sections it rests on, taken
//! from the plan (a test checks each is a section the plan cites). It claims
//! nothing that is not recorded: the checklist's communication items
//! (§2.5, §3.2, §4.4) are written as done only where the clinician ticked
//! them, else listed as open. The patient is named only by the label the
//! clinician typed. The clinician edits the draft in the record.

use crate::lang::Lang;
use crate::pathway::case::{Case, ReferralKind};
use crate::pathway::checklist::ItemKind;
use crate::pathway::codes::{Code, CodeStatus};
use crate::pathway::destination::Destination;
use crate::pathway::questions::{Answer, AnswerKind, QuestionId};
use crate::pathway::timeline::MilestoneStatus;
use crate::pathway::validate::da_date;
use crate::pathway::{AskedQuestion, Plan, Section, Statement, Text, EDITION};

/// One statement of the note, with the sections it rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub sections: Vec<Section>,
}

/// A headed part of the note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub heading: &'static str,
    pub lines: Vec<Line>,
}

/// The note: its head (title, patient label, date, the text and edition),
/// then the headed parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Journal {
    pub head: Vec<String>,
    pub parts: Vec<Part>,
}

/// An answer in words, as the wizard offers it.
pub fn answer_words(q: &AskedQuestion, l: Lang) -> String {
    match (&q.answer, q.question.kind) {
        (Answer::Yes, _) => l.pick(Text::new("Ja", "Yes")).into(),
        (Answer::No, _) => l.pick(Text::new("Nej", "No")).into(),
        (Answer::Unknown, _) => l.pick(Text::new("Ikke kendt endnu", "Not known yet")).into(),
        (Answer::Choice(key), AnswerKind::OneOf { choices }) => {
            choices.iter().find(|c| c.key == *key).map_or_else(|| (*key).to_string(), |c| l.pick(c.text).into())
        }
        (Answer::Choice(key), _) => (*key).to_string(),
        (Answer::Number(n), AnswerKind::Number { unit, .. }) => {
            format!("{n} {}", l.pick(unit))
        }
        (Answer::Number(n), _) => n.to_string(),
        (Answer::Text(t), _) => t.clone(),
    }
}

fn cite(sections: &[Section], l: Lang) -> String {
    let mut v: Vec<String> = vec![];
    for s in sections {
        let s = l.pick(Text::new(s.as_str().to_string(), s.as_en()));
        if !v.contains(&s) {
            v.push(s);
        }
    }
    v.join(", ")
}

/// "1 dag", "3 dage"; "1 day", "3 days".
fn days(n: i64, l: Lang) -> String {
    let unit = match (l, n.abs() == 1) {
        (Lang::Da, true) => "dag",
        (Lang::Da, false) => "dage",
        (Lang::En, true) => "day",
        (Lang::En, false) => "days",
    };
    format!("{n} {unit}")
}

/// "3 dage tilbage", "2 dage over fristen", "i dag".
fn days_left(n: i64, l: Lang) -> String {
    match n {
        0 => l.pick(Text::new("i dag", "today")).into(),
        n if n > 0 => format!("{} {}", days(n, l), l.pick(Text::new("tilbage", "left"))),
        n => format!("{} {}", days(-n, l), l.pick(Text::new("over fristen", "overdue"))),
    }
}

fn line(text: String, sections: Vec<Section>) -> Line {
    Line { text, sections }
}

fn said(s: &Statement, l: Lang) -> Line {
    line(l.pick(&s.text).to_string(), vec![s.section])
}

/// What a code's date records, in the record's words.
fn event_words(code: Code, by_judgement: bool, l: Lang) -> &'static str {
    l.pick(match code {
        Code::Afd01A if by_judgement => {
            Text::new("Klinisk vurderet som svarende til målgruppen", "Clinically judged to fit the target group")
        }
        Code::Afd01A => Text::new("Henvisning modtaget", "Referral received"),
        Code::Afd01B => Text::new("Første fremmøde til primær udredning", "First attendance for primary work-up"),
        Code::Afd01C => {
            Text::new("Henvist til sekundær udredning på onkologisk afdeling", "Referred to secondary work-up at oncology")
        }
        Code::Afd01D => Text::new("Første fremmøde på onkologisk afdeling", "First attendance at the oncology department"),
        Code::Afd01X1 => Text::new("Pakkeforløb slut, klinisk beslutning", "Pathway ended, clinical decision"),
        Code::Afd01X2 => Text::new("Pakkeforløb slut, patientens ønske", "Pathway ended, the patient's wish"),
    })
}

/// The note for one case at today's milestone, in the clinician's language.
pub fn journal(label: &str, case: &Case, plan: &Plan, l: Lang) -> Journal {
    let today = da_date(plan.today);
    let head = vec![
        format!("{} – {}", l.pick(Text::new("Journalnotat", "Record note")), EDITION.title_da),
        format!("{}: {}", l.pick(Text::new("Patient", "Patient")), label.trim()),
        format!("{}: {today}", l.pick(Text::new("Dato", "Date"))),
        format!(
            "{}: {}, {}. {}.",
            l.pick(Text::new("Grundlag", "Basis")),
            EDITION.publisher,
            EDITION.title_da,
            l.pick(EDITION.edition)
        ),
        format!("{}: {}", l.pick(Text::new("Fase", "Phase")), l.pick(plan.phase())),
    ];
    let mut parts = vec![];

    // Akut (§2.2.4): first, whatever else.
    let urgent: Vec<Line> = plan
        .urgent
        .iter()
        .map(|u| {
            let mut x = said(&u.statement, l);
            x.text = match u.made_on {
                Some(d) => format!(
                    "{} {}: {}.",
                    x.text,
                    l.pick(Text::new("Akut henvisning foretaget", "Acute referral made")),
                    da_date(d)
                ),
                None => format!(
                    "{} {}",
                    x.text,
                    l.pick(Text::new(
                        "Akut henvisning endnu ikke registreret som foretaget.",
                        "Acute referral not yet recorded as made."
                    ))
                ),
            };
            x
        })
        .collect();
    if !urgent.is_empty() {
        parts.push(Part { heading: l.pick(Text::new("Akut", "Urgent")), lines: urgent });
    }

    // The finding and the answers given (open ones are under "Åbent").
    let answers: Vec<Line> = plan
        .questions
        .iter()
        .filter(|q| q.answer != Answer::Unknown)
        .map(|q| {
            let ask = l.pick(q.question.text);
            let sep = if ask.ends_with('?') { " " } else { ": " };
            line(format!("{ask}{sep}{}.", answer_words(q, l)), vec![q.question.section])
        })
        .collect();
    if !answers.is_empty() {
        parts.push(Part { heading: l.pick(Text::new("Fund og svar", "Finding and answers")), lines: answers });
    }

    // Where the patient belongs and why.
    let r = &plan.route;
    let mut assess = vec![];
    let crate::pathway::Text { da: headline_da, en: headline_en } = r.headline();
    let mut on: Vec<Section> = r.reasons.iter().map(|s| s.section).collect();
    on.extend(r.options.iter().flat_map(|o| o.reasons.iter().map(|s| s.section)));
    if on.is_empty() {
        on = r.questions.iter().map(|q| q.question().section).collect();
    }
    if on.is_empty() {
        on = plan.questions.iter().take(1).map(|q| q.question.section).collect();
    }
    let provisional = if r.provisional { l.pick(Text::new(" (foreløbig)", " (provisional)")) } else { "" };
    assess.push(line(
        format!(
            "{}{provisional}: {}.",
            l.pick(Text::new("Patienten hører til", "Where the patient belongs")),
            l.pick(Text::new(headline_da, headline_en))
        ),
        on,
    ));
    for s in &r.reasons {
        let x = said(s, l);
        assess.push(line(format!("{} {}", l.pick(Text::new("Begrundelse:", "Reason:")), x.text), x.sections));
    }
    for o in &r.options {
        for s in &o.reasons {
            let x = said(s, l);
            let to = l.pick(o.destination.headline());
            assess.push(line(format!("{to}: {}", x.text), x.sections));
        }
    }
    if r.provisional || r.destination == Destination::Undetermined {
        for q in &r.questions {
            let q = q.question();
            assess.push(line(
                format!(
                    "{} {}",
                    l.pick(Text::new("Foreløbig: afventer svar på:", "Provisional: awaiting the answer to:")),
                    l.pick(q.text)
                ),
                vec![q.section],
            ));
        }
    }
    for s in plan.standing.iter().chain(&r.silences) {
        assess.push(said(s, l));
    }
    parts.push(Part { heading: l.pick(Text::new("Vurdering", "Assessment")), lines: assess });

    // Dates and codes so far: only what is recorded.
    let by_judgement = case.answers.referral_kind == Some(ReferralKind::ClinicalJudgement);
    let mut dates = vec![];
    for c in &plan.codes {
        if let CodeStatus::Registered { date } = c.status {
            let mark = if c.theirs() {
                format!(
                    "{}: {}",
                    l.pick(Text::new("registreres af", "registered by")),
                    l.pick(c.registrar.label()).to_lowercase()
                )
            } else if c.registered {
                l.pick(Text::new("registreret", "registered")).into()
            } else {
                l.pick(Text::new("endnu ikke markeret som registreret", "not yet marked as registered")).into()
            };
            let mut text =
                format!("{} {} ({}), {mark}.", event_words(c.info.code, by_judgement, l), da_date(date), c.info.id);
            if let (Code::Afd01X1 | Code::Afd01X2, Destination::Ended { reason }) = (c.info.code, &r.destination) {
                use crate::pathway::Choosable;
                text = format!(
                    "{text} {}: {}.",
                    l.pick(Text::new("Årsag", "Reason")),
                    l.pick(reason.choice().text)
                );
            }
            dates.push(line(text, c.info.sections.to_vec()));
        }
    }
    if let Some(d) = case.events.handed_over {
        dates.push(line(
            format!(
                "{} {}.",
                l.pick(Text::new("Modtagende afdeling har taget over", "The receiving department took over")),
                da_date(d)
            ),
            vec![Section("§2.6")],
        ));
    }
    for m in &plan.milestones {
        let verdict = match m.status {
            MilestoneStatus::Met => l.pick(Text::new("overholdt", "met")),
            MilestoneStatus::Exceeded => l.pick(Text::new("ikke overholdt", "not met")),
            _ => continue,
        };
        let used = m.days_used.unwrap_or_default();
        dates.push(line(
            format!(
                "{} → {}: {} {} {} {}, {verdict}.",
                l.pick(m.from),
                l.pick(m.to),
                days(used, l),
                l.pick(Text::new("af", "of")),
                m.standard_days,
                l.pick(Text::new("kalenderdage", "calendar days")),
            ),
            m.sections.to_vec(),
        ));
        if let Some(why) = &m.recorded_reason {
            dates.push(said(why, l));
        }
    }
    for i in plan.checklist.iter().filter(|i| i.done) {
        let on = i.ticked_on.map(|d| format!(" {}", da_date(d))).unwrap_or_default();
        dates.push(line(
            format!(
                "{}{on}: {}",
                l.pick(Text::new("Afkrydset i tjeklisten", "Ticked in the checklist")),
                l.pick(i.item.text)
            ),
            vec![i.item.section],
        ));
    }
    if !dates.is_empty() {
        parts.push(Part { heading: l.pick(Text::new("Datoer og koder", "Dates and codes")), lines: dates });
    }

    // What is still open.
    let mut open = vec![];
    for q in plan.questions.iter().filter(|q| q.open && !(r.provisional && r.questions.contains(&q.question.id))) {
        if q.question.id == QuestionId::OrganSpecificWhich {
            continue; // optional
        }
        open.push(line(
            format!("{} {}", l.pick(Text::new("Ubesvaret:", "Unanswered:")), l.pick(q.question.text)),
            vec![q.question.section],
        ));
    }
    for c in &plan.codes {
        if c.status == CodeStatus::Next {
            let who = if c.theirs() {
                format!(
                    ", {} {}",
                    l.pick(Text::new("registreres af", "registered by")),
                    l.pick(c.registrar.label()).to_lowercase()
                )
            } else {
                String::new()
            };
            open.push(line(
                format!("{}: {} {}{who}.", l.pick(Text::new("Næste kode", "Next code")), c.info.id, c.info.title_da),
                c.info.sections.to_vec(),
            ));
            if let Some(w) = &c.why_next {
                open.push(said(w, l));
            }
        }
    }
    if plan.handover_pending {
        open.push(line(
            l.pick(Text::new("Afventer, at modtagende afdeling tager over.", "Awaiting the receiving department taking over."))
                .into(),
            vec![Section("§2.6")],
        ));
    }
    let not_done = |i: &&crate::pathway::plan::PlanItem| !i.done && i.item.kind.tickable();
    // What to tell the patient first, from every phase so far: never written
    // as done unless ticked (§2.5, §3.2, §4.4); the rest of the current step.
    let (tell, rest): (Vec<_>, Vec<_>) =
        plan.checklist.iter().filter(not_done).partition(|i| i.item.kind == ItemKind::Communication);
    // After the end (AFD01X1/X2) no work-up is open: only what to confirm to the patient.
    // Unticked items of the current step and of every earlier one (as the
    // checklist's »stadig åbent«): a note that left them out would read more
    // complete than the course is (a walk-through found it so). Later steps' are not due yet.
    let ended = matches!(r.destination, Destination::Ended { .. });
    let rest = rest.into_iter().filter(|i| i.item.phase.stage() <= plan.stage && !ended);
    for i in tell {
        open.push(line(
            format!("{} {}", l.pick(Text::new("At bekræfte:", "To confirm:")), l.pick(i.item.text)),
            vec![i.item.section],
        ));
    }
    for i in rest {
        open.push(line(
            format!("{} {}", l.pick(Text::new("Ikke afkrydset:", "Not ticked:")), l.pick(i.item.text)),
            vec![i.item.section],
        ));
    }
    for p in &plan.problems {
        let x = said(p, l);
        open.push(line(format!("{} {}", l.pick(Text::new("Kontrollér:", "Check:")), x.text), x.sections));
    }
    if !open.is_empty() {
        parts.push(Part { heading: l.pick(Text::new("Åbent", "Open")), lines: open });
    }

    // The next deadline.
    if let Some(d) = plan.next_deadline() {
        if let Some(m) = plan.milestones.iter().find(|m| m.id == d.milestone) {
            let kind = if d.projected {
                l.pick(Text::new(
                    " (seneste dato, hvis hvert trin bruger hele sin standard)",
                    " (the latest date if every step uses its whole standard)",
                ))
            } else {
                ""
            };
            parts.push(Part {
                heading: l.pick(Text::new("Næste frist", "Next deadline")),
                lines: vec![line(
                    format!(
                        "{} {} {} {}{kind}, {}.",
                        l.pick(m.to),
                        l.pick(Text::new("senest", "at the latest on")),
                        l.pick(d.due.weekday),
                        da_date(d.due.date),
                        days_left(d.days_left, l)
                    ),
                    m.sections.to_vec(),
                )],
            });
        }
    }
    Journal { head, parts }
}

impl Journal {
    /// The note as plain text: the head, then each part under its heading,
    /// every statement with its sections in brackets.
    pub fn text(&self, l: Lang) -> String {
        let mut out = self.head.join("\n");
        for p in &self.parts {
            out.push_str("\n\n");
            out.push_str(p.heading);
            for x in &p.lines {
                out.push('\n');
                // "Nej (§2.4)." rather than "Nej. (§2.4)"
                let (text, stop) = match x.text.strip_suffix('.') {
                    Some(t) => (t, "."),
                    None => (x.text.as_str(), ""),
                };
                out.push_str(text);
                out.push_str(" (");
                out.push_str(&cite(&x.sections, l));
                out.push(')');
                out.push_str(stop);
            }
        }
        out.push('\n');
        out
    }
}

/// The note as text, for the button.
pub fn journal_text(label: &str, case: &Case, plan: &Plan, l: Lang) -> String {
    journal(label, case, plan, l).text(l)
}
