//! Times a folder round with the real worklist (issue 25, point 10; run by
//! scripts/bench.sh): a cold sync (a PC joining reads ten PCs' files of a
//! 1,000-patient list, merges them and writes its own) and a steady sync (one
//! PC's file changed: read, merge, write). Native, over the simulated folder
//! with its stand-in cipher. Two figures each: the app's own work (reading
//! every file by the import's rules, the merges, the valve's impact,
//! encoding: timed around each call) and the whole round, which adds the
//! stand-in cipher (a hash per byte, far slower than the browser's AES-GCM)
//! and the simulated folder's copies; the browser's own I/O is not in either.
#[path = "shared/base.rs"]
mod base;
use cup_pathway::folder::format;
use cup_pathway::folder::round::Codec;
use cup_pathway::folder::round::{round, Device, Known};
use cup_pathway::folder::secret::FolderCrypto;
use cup_pathway::folder::sim::{ready, FakeCrypto, FakeKey, SeededRandom, SimFolder};
use cup_pathway::folder::Membership;
use cup_pathway::folder::{Impact, Merge};
use cup_pathway::folder_list::WorklistList;
use cup_pathway::merge::{Clock, Writer};
use cup_pathway::patients::Worklist;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::time::Instant;

thread_local!(static APP_MS: Cell<f64> = const { Cell::new(0.0) });
// The app's work by kind: decode, merge, impact, encode, contains.
thread_local!(static PART_MS: Cell<[f64; 5]> = const { Cell::new([0.0; 5]) });

/// Time the app's own work within a round, as part `k`.
fn timed<R>(k: usize, f: impl FnOnce() -> R) -> R {
    let t = Instant::now();
    let r = f();
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    APP_MS.with(|c| c.set(c.get() + ms));
    PART_MS.with(|c| {
        let mut p = c.get();
        p[k] += ms;
        c.set(p);
    });
    r
}

/// [`WorklistList`], timed.
struct Timed;

impl Merge for Timed {
    type List = Worklist;
    fn merge(&self, a: &Worklist, b: &Worklist) -> Worklist {
        timed(1, || WorklistList.merge(a, b))
    }
    fn contains(&self, a: &Worklist, b: &Worklist) -> bool {
        timed(4, || WorklistList.contains(a, b))
    }
    fn impact(&self, a: &Worklist, b: &Worklist) -> Impact {
        timed(2, || WorklistList.impact(a, b))
    }
}

impl Codec for Timed {
    fn decode(&self, v: serde_json::Value) -> Option<Worklist> {
        timed(0, || WorklistList.decode(v))
    }
    fn decode_beside(&self, v: serde_json::Value, trusted: &[&Worklist]) -> Option<Worklist> {
        timed(0, || WorklistList.decode_beside(v, trusted))
    }
    fn max_file_bytes(&self) -> u64 {
        WorklistList.max_file_bytes()
    }
    fn encode(&self, w: &Worklist) -> String {
        timed(3, || WorklistList.encode(w))
    }
}

const NOW: i64 = 1_796_000_000_000;

struct Pc {
    dev: Device<FakeKey>,
    known: BTreeMap<String, Known<Worklist>>,
    local: Worklist,
    rng: SeededRandom,
    clock: Clock,
}

fn pc(n: u8, local: Worklist) -> Pc {
    let key = ready(FakeCrypto.derive(b"SECRET", &[7; 16], format::ITERATIONS)).unwrap().unwrap();
    let id = |b: u8| format::id_text(&[b; format::ID_BYTES]);
    let dev = Device::new(Membership { folder: id(1), epoch: 1, device: id(n) }, vec![7; 16], key, format!("s{n}"));
    Pc {
        dev,
        known: BTreeMap::new(),
        local,
        rng: SeededRandom::new(u64::from(n)),
        clock: Clock::new(Writer(u64::from(n) + 100)),
    }
}

/// One round: (the app's own work, the whole round), in ms.
fn go(p: &mut Pc, f: &mut SimFolder, now: i64) -> (f64, f64) {
    APP_MS.with(|c| c.set(0.0));
    let t = Instant::now();
    let r = ready(round(f, &FakeCrypto, &Timed, &mut p.rng, &mut p.dev, &mut p.known, &mut p.local, now)).unwrap();
    assert!(r.wrote, "{r:?}");
    (APP_MS.with(Cell::get), t.elapsed().as_secs_f64() * 1000.0)
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let mut a = Clock::new(Writer(1));
    let base = base::base_worklist(n, &mut a);
    let mut f = SimFolder::new(NOW);
    // Ten PCs, each with the list and a few edits of its own, each writes its file.
    let mut pcs: Vec<Pc> = (2..12).map(|d| pc(d, base.clone())).collect();
    for (k, p) in pcs.iter_mut().enumerate() {
        for i in 0..5u32 {
            let id = 1 + (k as u32 * 50 + i) % n as u32;
            p.local.edit(id, &mut p.clock, 2_000, |x| {
                x.notes.insert("mdt".into(), format!("PC {k}"));
            });
        }
        go(p, &mut f, NOW);
    }
    let file_bytes = f.bytes(&format::file_name(&pcs[0].dev.m.device)).map_or(0, <[u8]>::len);
    // Cold: a new PC (an empty list) reads the ten files.
    let mut new = pc(40, Worklist::default());
    PART_MS.with(|c| c.set([0.0; 5]));
    let cold = go(&mut new, &mut f, NOW + 1);
    let cold_parts = PART_MS.with(Cell::get);
    assert_eq!(new.local.patients.len(), n);
    // Steady: one PC changes one patient and writes; the new PC reads that file.
    let mut steady = vec![];
    let mut parts = vec![];
    for r in 0..7 {
        let p = &mut pcs[3];
        p.local.edit(1, &mut p.clock, 3_000 + r, |x| {
            x.notes.insert("ct".into(), format!("runde {r}"));
        });
        go(p, &mut f, NOW + 2 + r as i64);
        PART_MS.with(|c| c.set([0.0; 5]));
        steady.push(go(&mut new, &mut f, NOW + 3 + r as i64));
        parts.push(PART_MS.with(Cell::get));
    }
    // Where a steady round's own work goes (median by each part).
    let part = |k: usize| {
        let mut v: Vec<f64> = parts.iter().map(|p| p[k]).collect();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    eprintln!(
        "cold parts: decode {:.1} ms, merge {:.1} ms, impact {:.1} ms, encode {:.1} ms, contains {:.1} ms",
        cold_parts[0], cold_parts[1], cold_parts[2], cold_parts[3], cold_parts[4]
    );
    eprintln!(
        "steady parts: decode {:.1} ms, merge {:.1} ms, impact {:.1} ms, encode {:.1} ms, contains {:.1} ms",
        part(0),
        part(1),
        part(2),
        part(3),
        part(4)
    );
    steady.sort_by(|a: &(f64, f64), b| a.0.total_cmp(&b.0));
    let (app, all) = steady[steady.len() / 2];
    println!(
        "sync cold_app_ms {:.1} cold_round_ms {:.1} steady_app_ms {app:.1} steady_round_ms {all:.1} file_bytes {file_bytes} patients {n} devices 10",
        cold.0, cold.1
    );
}
