//! A simulated year of a team's use (issue 24.2): how the version vectors
//! and the deletion records grow. Six clinicians open the app three times a
//! workday (a writer per page load); two patients a day arrive, are edited
//! on ten days of a 30-day course by whoever is at work, archived at its
//! end and deleted 90 days later. Prints the stored characters per case,
//! the writers per patient's vector and the size of a deletion record.
use cup_pathway::merge::{Clock, Writer};
use cup_pathway::storage::{encode_stored, Settings, Stored};
use cup_pathway::patients::Worklist;

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn main() {
    let mut g = Lcg(7);
    let mut w = Worklist::default();
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut writer = 1u64;
    // (id, arrival day)
    let mut alive: Vec<(u32, u32)> = vec![];
    let mut n = 0;
    for day in 0..365u32 {
        if day % 7 >= 5 {
            continue;
        }
        let now = 1_767_225_600_000 + day as u64 * 86_400_000;
        // Three page loads a day per clinician: 18 writers a day.
        let mut clocks: Vec<Clock> = (0..18)
            .map(|_| {
                writer += 1;
                Clock::new(Writer(writer))
            })
            .collect();
        for _ in 0..2 {
            n += 1;
            let c = &mut clocks[g.next(18) as usize];
            if let Ok(id) =
                w.add(&format!("Seng {n}"), start + chrono::Duration::days(day as i64), format!("uid-{n:08}"))
            {
                w.stamp_new(id, c, now);
                alive.push((id, day));
            }
        }
        for &(id, arrived) in &alive {
            let age = day - arrived;
            let c = &mut clocks[g.next(18) as usize];
            if age < 30 && g.next(3) == 0 {
                let v = g.next(90) as u8;
                w.edit(id, c, now, |p| p.case.answers.age_years = Some(v));
                let item = ["s3_1_history", "s3_1_ct", "s3_1_biopsy"][g.next(3) as usize];
                w.edit(id, c, now, |p| p.case.set_tick(item, true, start));
            } else if age == 30 {
                w.edit(id, c, now, |p| p.closed = true);
            } else if age == 120 {
                w.delete_patient(id, c, now);
            }
        }
        alive.retain(|(_, arrived)| day - arrived < 120);
    }
    let text = encode_stored(&Stored::new(w.clone(), Settings::default()));
    let deletions = serde_json::to_string(&w.deleted).unwrap_or_default().len();
    let vv: usize = w.patients.iter().map(|p| p.stamps.seen.0.len()).sum();
    let patients_text = text.len() - deletions;
    println!(
        "growth patients {} chars_per_case {} writers_per_vector {:.1} deletion_records {} chars_per_deletion {}",
        w.patients.len(),
        patients_text / w.patients.len().max(1),
        vv as f64 / w.patients.len().max(1) as f64,
        w.deleted.len(),
        deletions / w.deleted.len().max(1)
    );
}
