//! The secretary's *Registrering* queue (issue 26.2): every code across the
//! worklist whose event has a date and that is not yet marked registered,
//! oldest first. Whose code it is comes from the model (`CodeEntry::registrar`
//! by the department setting, §7.1–§7.5): this department's are its duty,
//! another department's are listed apart as theirs. Pure: no web crates.

use crate::pathway::codes::{Code, CodeStatus, DepartmentRole, Registrar};
use crate::pathway::validate::da_date;
use crate::pathway::{evaluate_as, Statement};
use crate::patients::Worklist;
use chrono::NaiveDate;

/// One code to register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub patient: u32,
    pub label: String,
    pub code: Code,
    /// The date the code carries (its event's).
    pub date: NaiveDate,
    pub registrar: Registrar,
    /// Where who registers it is the tool's reading (§2.6), or a duty the text
    /// states beside it (AFD01B, §7.2).
    pub note: Option<Statement>,
    /// The patient is archived (the code is still due).
    pub archived: bool,
    /// A date or registered mark of the patient is in clash (issue 24.3): the
    /// date shown is one of two, so it is not offered for marking.
    pub clash: bool,
}

impl Entry {
    /// What *Kopiér* copies: "AFD01C 04.12.2026".
    pub fn copy_text(&self) -> String {
        format!("{} {}", self.code.info().id, da_date(self.date))
    }
}

/// The queue: this department's codes, and apart, the codes another
/// department registers; each oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Queue {
    pub ours: Vec<Entry>,
    pub theirs: Vec<Entry>,
}

/// §7.2: the stamafdeling answers for AFD01B being reported, also where an
/// assisting paraclinical department may register it.
fn afd01b_duty() -> Statement {
    Statement::new(
        "§7.2",
        "Det er stamafdelingens ansvar, at der indberettes til Landspatientregisteret. Hvis den assisterende afdeling ikke har systemmæssig mulighed for at registrere udredning start, skal stamafdelingen foretage indberetningen.",
        "The department in charge (»stamafdeling«) is responsible for the report to the National Patient Register. If the assisting department cannot register the start of the work-up in its system, the department in charge must report it.",
    )
}

/// Every dated code not marked registered, across the worklist, for the
/// department the tool serves.
pub fn queue(worklist: &Worklist, today: NaiveDate, role: DepartmentRole) -> Queue {
    let mut q = Queue::default();
    for p in &worklist.patients {
        let plan = evaluate_as(&p.case, today, role);
        // Dates (`e.`) and registered marks (`r.`) are what a code carries.
        let clash = p.stamps.in_clash()
            && p.clashes().iter().any(|c| c.key.starts_with("e.") || c.key.starts_with("r."));
        for c in &plan.codes {
            let CodeStatus::Registered { date } = c.status else { continue };
            if c.registered {
                continue;
            }
            let ours = !c.theirs();
            let note = match (c.info.code, ours) {
                (Code::Afd01B, true) => Some(afd01b_duty()),
                _ => c.registrar_reading.clone(),
            };
            let e = Entry {
                patient: p.id,
                label: p.label.clone(),
                code: c.info.code,
                date,
                registrar: c.registrar,
                note,
                archived: p.closed,
                clash,
            };
            if ours {
                q.ours.push(e);
            } else {
                q.theirs.push(e);
            }
        }
    }
    let oldest_first = |e: &Entry| (e.date, crate::patients::fold_label(&e.label), e.code);
    crate::sort::by_key(&mut q.ours, oldest_first);
    crate::sort::by_key(&mut q.theirs, oldest_first);
    q
}
