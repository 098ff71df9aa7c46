//! Times the merge of two copies of a 1,000-patient worklist (issue 24,
//! run by scripts/bench.sh): every patient changed in both copies since
//! they parted (the worst case: every patient merged field by field, a
//! clash in each), and the common case of two copies that differ in one.
#[path = "shared/base.rs"]
mod base;
use cup_pathway::merge::{Clock, Writer};
use cup_pathway::storage::{decode_stored, encode_stored, Settings, Stored};
use cup_pathway::patients::Worklist;
use std::time::Instant;

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let mut a = Clock::new(Writer(1));
    let base = base::base_worklist(n, &mut a);
    let through = |w: &Worklist| {
        decode_stored(Some(&encode_stored(&Stored::new(w.clone(), Settings::default())))).unwrap().worklist
    };
    let (mut mine, mut theirs) = (through(&base), through(&base));
    let mut b = Clock::new(Writer(2));
    for i in 1..=n as u32 {
        mine.edit(i, &mut a, 2_000, |p| p.case.answers.age_years = Some(61));
        theirs.edit(i, &mut b, 2_000, |p| {
            p.case.answers.age_years = Some(62);
            p.closed = true;
        });
    }
    let runs = 7;
    let mut times = vec![];
    for _ in 0..runs {
        let mut m = mine.clone();
        let t = Instant::now();
        m.merge_from(&theirs);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(m.patients.iter().all(|p| p.clashes().len() == 1 && p.closed));
    }
    times.sort_by(|x, y| x.partial_cmp(y).unwrap());
    let all = times[runs / 2];
    // One patient changed in the other copy.
    let mut one = mine.clone();
    one.edit(1, &mut b, 3_000, |p| p.case.answers.age_years = Some(70));
    let mut times = vec![];
    for _ in 0..runs {
        let mut m = mine.clone();
        let t = Instant::now();
        m.merge_from(&one);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|x, y| x.partial_cmp(y).unwrap());
    println!("merge_ms {all:.2} {:.2}", times[runs / 2]);
}
