//! Times the department view's figures and the clerk's CSV natively over
//! 1,000 generated cases (the browser rows are in scripts/bench-stats.mjs):
//! `cargo run --release --example bench_stats`.
use chrono::{Duration, NaiveDate};
use cup_pathway::pathway::case::*;
use cup_pathway::course_times::{assess_all, summarize, Range};
use cup_pathway::patients::Worklist;
use std::time::Instant;

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
    let mut w = Worklist::default();
    let mut seed: u64 = 42;
    let mut next = |n: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    for i in 0..1000 {
        let r = today - Duration::days(5 + next(360) as i64);
        let _ = w.add(&format!("Stat {i}"), r, format!("u{i}"));
        let Some(p) = w.patients.last_mut() else { continue };
        let a = &mut p.case.answers;
        (a.known_cancer, a.organ_specific_suspected, a.lymphoma_suspected) = (Some(false), Some(false), Some(false));
        (a.colorectal_suspected, a.spinal_cord_compression) = (Some(false), Some(false));
        a.finding_site = Some(FindingSite::LymphNodeGroin);
        a.sex = Some(Sex::Female);
        a.histology = Some(Histology::Adenocarcinoma);
        (a.serous_peritoneal_carcinomatosis, a.gi_bleeding_or_symptoms) = (Some(false), Some(false));
        a.primary_found = Some(false);
        let e = &mut p.case.events;
        e.referral_received = Some(r);
        let fa = r + Duration::days(next(10) as i64);
        let c = fa + Duration::days(5 + next(15) as i64);
        let d = c + Duration::days(next(10) as i64);
        e.first_attendance = Some(fa).filter(|x| *x <= today);
        e.referred_to_secondary = Some(c).filter(|x| *x <= today && next(3) > 0);
        e.secondary_first_attendance = e.referred_to_secondary.and(Some(d)).filter(|x| *x <= today);
        p.closed = i % 4 == 0;
    }
    let runs = 20;
    let (mut assess, mut sum, mut csv) = (0.0, 0.0, 0.0);
    let mut bytes = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let cases = assess_all(&w, today);
        assess += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let s = summarize(&cases, Range::last_12_months(today), today);
        sum += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let text = cup_pathway::csv_export::build(&cases, today);
        csv += t.elapsed().as_secs_f64();
        bytes = text.len() + s.cases;
    }
    let ms = |x: f64| x * 1000.0 / runs as f64;
    println!(
        "1,000 cases: assess {:.2} ms, summarize {:.2} ms, CSV {:.2} ms ({} KB)",
        ms(assess),
        ms(sum),
        ms(csv),
        bytes / 1024
    );
}
