//! Times `evaluate`, and the record note built from its plan, over many
//! generated cases (run by scripts/bench.sh).
use chrono::{Duration, NaiveDate};
use cup_pathway::pathway::case::*;
use cup_pathway::pathway::evaluate;
use std::time::Instant;

/// A small deterministic generator, so every run times the same cases.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
    fn opt_bool(&mut self) -> Option<bool> {
        [None, Some(true), Some(false)][self.next(3) as usize]
    }
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let base = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut g = Lcg(42);
    let cases: Vec<Case> = (0..n)
        .map(|_| {
            let mut c = Case::default();
            let a = &mut c.answers;
            a.sex = [None, Some(Sex::Female), Some(Sex::Male)][g.next(3) as usize];
            a.age_years = Some(g.next(100) as u8);
            a.finding_site = Some(FindingSite::ALL[g.next(13) as usize]);
            a.histology = [None, Some(Histology::ALL[g.next(6) as usize])][g.next(2) as usize];
            a.midline_tumour = g.opt_bool();
            a.hcg_or_afp_raised = g.opt_bool();
            a.liver.extrahepatic = g.opt_bool();
            a.known_cancer = [Some(false), None][(g.next(8) == 0) as usize];
            a.organ_specific_suspected = [Some(false), Some(true)][(g.next(8) == 0) as usize];
            a.lymphoma_suspected = [Some(false), None][(g.next(8) == 0) as usize];
            a.colorectal_suspected = g.opt_bool();
            a.spinal_cord_compression = g.opt_bool();
            a.serous_peritoneal_carcinomatosis = g.opt_bool();
            a.primary_found = [None, Some(false), Some(true), Some(false)][g.next(4) as usize];
            c.events.referral_received = Some(base + Duration::days(g.next(300) as i64));
            c.events.first_attendance = c.events.referral_received.map(|d| d + Duration::days(g.next(10) as i64));
            c
        })
        .collect();
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let start = Instant::now();
    let mut items = 0usize;
    for c in &cases {
        items += evaluate(c, today).checklist.len();
    }
    let per_case = start.elapsed().as_secs_f64() * 1e6 / n as f64;
    // The record note (issue 26.1): the plan evaluated, then the text built, per case.
    let start = Instant::now();
    let mut chars = 0usize;
    for c in cases.iter().take(10_000) {
        let plan = evaluate(c, today);
        chars += cup_pathway::journal::journal_text("P 1", c, &plan, cup_pathway::lang::Lang::Da).len();
    }
    let journal = start.elapsed().as_secs_f64() * 1e6 / n.min(10_000) as f64;
    println!("evaluate_us_per_case {per_case:.2} ({n} cases, {items} checklist items) journal_us_per_case {journal:.2} ({chars} bytes)");
}
