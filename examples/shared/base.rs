//! The benches' list (`#[path]`-included by bench_merge and bench_sync): `n`
//! patients with a few answers, a date and a tick, written by `a`.
use cup_pathway::merge::Clock;
use cup_pathway::pathway::case::{FindingSite, Sex};
use cup_pathway::patients::Worklist;

pub fn base_worklist(n: usize, a: &mut Clock) -> Worklist {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let mut base = Worklist::default();
    for i in 0..n {
        let id = base.add(&format!("Seng {i}"), day, format!("uid-{i:06}")).unwrap();
        base.stamp_new(id, a, 1_000);
        base.edit(id, a, 1_001, |p| {
            p.case.answers.sex = Some(if i % 2 == 0 { Sex::Female } else { Sex::Male });
            p.case.answers.finding_site = Some(FindingSite::Liver);
            p.case.answers.age_years = Some(60);
            p.case.events.referral_received = Some(day);
            p.case.set_tick("s3_1_history", true, day);
        });
    }
    base
}
