//! The shared folder's pure parts (issue 25), named by the issue's points:
//! the file format and its decoder (fuzzed), the department secret, the
//! listing, failure, own-file, valve and removal rules, and rounds of
//! several devices over a simulated folder with injected faults. The rules
//! are tried with a small stand-in list ([`Lww`]); the worklist itself, with
//! issue 24's lossless merge and the backup import's rules
//! (`folder_list::WorklistList`), at the end.
#![cfg(not(target_arch = "wasm32"))]

use cup_pathway::folder::format::{self, Body, FormatError, WriteMark};
use cup_pathway::folder::round::{self, round, Codec, Device, Known, Report};
use cup_pathway::folder::secret::{FolderCrypto, Secret, SecretError, SECRET_BITS};
use cup_pathway::folder::sim::{ready, FakeCrypto, FakeKey, SeededRandom, SimFolder};
use cup_pathway::folder::*;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;

const DAY: i64 = 24 * 60 * 60 * 1000;
const NOW: i64 = 1_796_000_000_000; // December 2026

// ---- A stand-in merge: per value, the higher stamp wins ----

/// patient → field → (stamp, value). Stamps are unique per edit.
type List = BTreeMap<String, BTreeMap<String, (u64, String)>>;

struct Lww;

impl Merge for Lww {
    type List = List;
    fn merge(&self, a: &List, b: &List) -> List {
        let mut out = a.clone();
        for (p, fields) in b {
            let mine = out.entry(p.clone()).or_default();
            for (f, v) in fields {
                match mine.get(f) {
                    Some(m) if m.0 >= v.0 => {}
                    _ => {
                        mine.insert(f.clone(), v.clone());
                    }
                }
            }
        }
        out
    }
    fn contains(&self, whole: &List, part: &List) -> bool {
        part.iter()
            .all(|(p, fs)| fs.iter().all(|(f, v)| whole.get(p).and_then(|w| w.get(f)).is_some_and(|w| w.0 >= v.0)))
    }
    fn impact(&self, before: &List, after: &List) -> Impact {
        let mut i = Impact { values_before: before.values().map(BTreeMap::len).sum(), ..Impact::default() };
        for (p, fs) in before {
            let changed = fs.iter().filter(|(f, v)| after.get(p).and_then(|a| a.get(*f)) != Some(*v)).count();
            i.values += changed;
            if changed > 0 {
                i.patients += 1;
            }
        }
        i
    }
}

impl Codec for Lww {
    fn decode(&self, v: Value) -> Option<List> {
        let l: List = serde_json::from_value(v).ok()?;
        // The backup import's CPR rule, in miniature: ten digits refused.
        let cpr = |s: &str| s.chars().filter(char::is_ascii_digit).count() >= 10;
        (!l.keys().any(|k| cpr(k))).then_some(l)
    }
    fn encode(&self, l: &List) -> String {
        serde_json::to_string(l).unwrap()
    }
}

fn list(items: &[(&str, &str, u64, &str)]) -> List {
    let mut l = List::new();
    for (p, f, s, v) in items {
        l.entry(p.to_string()).or_default().insert(f.to_string(), (*s, v.to_string()));
    }
    l
}

// ---- Helpers ----

fn id(n: u8) -> String {
    format::id_text(&[n; format::ID_BYTES])
}

fn key() -> FakeKey {
    ready(FakeCrypto.derive(b"SECRET", &[7; 16], format::ITERATIONS)).unwrap().unwrap()
}

fn member(device: u8) -> Membership {
    Membership { folder: id(1), epoch: 3, device: id(device) }
}

fn copy_body(device: &str, worklist: Value) -> Body {
    Body::Copy {
        device: device.into(),
        mark: WriteMark { session: "s".into(), seq: 1 },
        worklist,
        extra: Default::default(),
    }
}

fn sealed(m: &Membership, body: &Body) -> Vec<u8> {
    ready(seal_file(&FakeCrypto, &key(), &mut SeededRandom::new(9), m, &[7; 16], body)).unwrap().unwrap()
}

fn open(m: &Membership, bytes: &[u8]) -> Result<Opened, ReadFailure> {
    ready(open_file(&FakeCrypto, &key(), m, bytes)).unwrap()
}

fn edit_header(bytes: &[u8], f: impl FnOnce(&mut serde_json::Map<String, Value>)) -> Vec<u8> {
    let mut v: Value = serde_json::from_slice(bytes).unwrap();
    f(v.as_object_mut().unwrap());
    v.to_string().into_bytes()
}

// ---- Point 2: the department secret ----

#[test]
fn p2_secret_is_app_made_with_at_least_80_bits_shown_as_24_characters() {
    assert!(SECRET_BITS >= 80);
    let a = Secret::generate(&mut SeededRandom::new(1)).unwrap();
    let b = Secret::generate(&mut SeededRandom::new(2)).unwrap();
    assert_ne!(a, b);
    let shown = a.display();
    assert_eq!(shown.len(), 29, "{shown}");
    assert_eq!(shown.split('-').count(), 6);
    assert!(shown.split('-').all(|g| g.len() == 4));
    assert_eq!(Secret::parse(&shown), Ok(a.clone()));
    assert_eq!(a.kdf_input().len(), 24);
    // Debug never prints it.
    assert!(!format!("{a:?}").contains(&shown[..4]));
}

#[test]
fn p2_secret_typed_loosely_is_read_spaces_case_and_lookalikes() {
    let s = Secret::generate(&mut SeededRandom::new(3)).unwrap();
    let shown = s.display();
    let loose = shown.to_lowercase().replace('-', "  ");
    assert_eq!(Secret::parse(&loose), Ok(s.clone()));
    assert_eq!(Secret::parse(&format!(" {} ", shown.replace('-', "–"))), Ok(s.clone()));
    // 1 typed as I or l, 0 as O: the same secret.
    let canon: String = shown.replace('-', "");
    let look: String = canon
        .chars()
        .map(|c| match c {
            '1' => 'l',
            '0' => 'O',
            c => c,
        })
        .collect();
    assert_eq!(Secret::parse(&look), Ok(s));
    assert_eq!(Secret::parse("U"), Err(SecretError::Character { position: 1, found: 'U' }));
    assert_eq!(Secret::parse(&canon[..23]), Err(SecretError::Length(23)));
}

#[test]
fn p2_secret_every_single_typo_and_every_swap_of_neighbours_is_caught() {
    let alphabet: Vec<char> = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".chars().collect();
    for seed in 1..=20 {
        let canon: Vec<char> =
            Secret::generate(&mut SeededRandom::new(seed)).unwrap().display().replace('-', "").chars().collect();
        for i in 0..canon.len() {
            for &c in &alphabet {
                if c == canon[i] {
                    continue;
                }
                let mut t = canon.clone();
                t[i] = c;
                let typed: String = t.iter().collect();
                assert_eq!(Secret::parse(&typed), Err(SecretError::Check), "{typed}");
            }
            if i + 1 < canon.len() && canon[i] != canon[i + 1] {
                let mut t = canon.clone();
                t.swap(i, i + 1);
                let typed: String = t.iter().collect();
                assert_eq!(Secret::parse(&typed), Err(SecretError::Check), "{typed}");
            }
        }
    }
}

// ---- Point 2: the file, its AAD, epochs ----

#[test]
fn p2_aad_is_format_folder_epoch_and_device_exactly() {
    assert_eq!(format::aad("Zm9s", 4, "ZGV2"), b"cup-pathway-folder/1\nfolder=Zm9s\nepoch=4\ndevice=ZGV2".to_vec());
}

#[test]
fn p2_header_is_clear_and_body_sealed_with_a_fresh_iv_per_write() {
    let m = member(2);
    let body = copy_body(&m.device, json!({"Seng 1": {}}));
    let a = ready(seal_file(&FakeCrypto, &key(), &mut SeededRandom::new(1), &m, &[7; 16], &body)).unwrap().unwrap();
    let b = ready(seal_file(&FakeCrypto, &key(), &mut SeededRandom::new(2), &m, &[7; 16], &body)).unwrap().unwrap();
    let (pa, pb) = (format::parse(&a).unwrap(), format::parse(&b).unwrap());
    assert_ne!(pa.header.iv, pb.header.iv);
    assert_eq!(pa.header.salt, vec![7; 16]);
    assert_eq!(
        (pa.header.folder.as_str(), pa.header.epoch, pa.header.device.as_str()),
        (m.folder.as_str(), 3, m.device.as_str())
    );
    assert!(!String::from_utf8(a.clone()).unwrap().contains("Seng 1"), "the body is sealed");
    assert_eq!(open(&m, &a).unwrap().body, body);
}

#[test]
fn p2_p9_a_file_from_another_folder_epoch_or_device_is_refused() {
    let m = member(2);
    let good = sealed(&m, &copy_body(&m.device, json!({})));
    assert!(open(&m, &good).is_ok());
    // The header edited to another folder, epoch or device: the tag fails
    // (read by a member of that folder/epoch), or the standing refuses it.
    let other_folder = edit_header(&good, |h| {
        h.insert("folder".into(), id(9).into());
    });
    let m9 = Membership { folder: id(9), ..m.clone() };
    assert_eq!(open(&m9, &other_folder).unwrap_err(), ReadFailure::Decrypt);
    assert_eq!(open(&m, &other_folder).unwrap_err(), ReadFailure::Decrypt);
    let other_epoch = edit_header(&good, |h| {
        h.insert("epoch".into(), 4.into());
    });
    let m4 = Membership { epoch: 4, ..m.clone() };
    assert_eq!(open(&m4, &other_epoch).unwrap_err(), ReadFailure::Decrypt);
    let other_device = edit_header(&good, |h| {
        h.insert("device".into(), id(5).into());
    });
    assert_eq!(open(&m, &other_device).unwrap_err(), ReadFailure::Decrypt);
    // A body naming another device than its (authenticated) header.
    let lying = sealed(&m, &copy_body(&id(5), json!({})));
    assert_eq!(open(&m, &lying).unwrap_err(), ReadFailure::Body(format::BodyError::DeviceMismatch));
    // Another key.
    let k2 = ready(FakeCrypto.derive(b"OTHER", &[7; 16], format::ITERATIONS)).unwrap().unwrap();
    assert_eq!(ready(open_file(&FakeCrypto, &k2, &m, &good)).unwrap().unwrap_err(), ReadFailure::Decrypt);
}

#[test]
fn p3_the_device_id_comes_from_the_content_not_the_file_name() {
    let m = member(2);
    let bytes = sealed(&m, &copy_body(&m.device, json!({})));
    let mut f = SimFolder::new(NOW);
    f.put("cup-pathway.someone-else (1).json", &bytes, NOW);
    let read = ready(f.read("cup-pathway.someone-else (1).json")).unwrap().unwrap();
    assert_eq!(open(&member(3), &read).unwrap().body.device(), id(2));
}

#[test]
fn p2_moved_record_stops_the_old_epoch_and_no_lower_epoch_is_accepted() {
    let m = member(2);
    let moved = Body::Moved { device: m.device.clone(), to_epoch: 4, extra: Default::default() };
    let o = open(&m, &sealed(&m, &moved)).unwrap();
    assert_eq!(moved_on(&m, &o), Some(4));
    let bad = Body::Moved { device: m.device.clone(), to_epoch: 6, extra: Default::default() };
    assert_eq!(open(&m, &sealed(&m, &bad)).unwrap_err(), ReadFailure::Body(format::BodyError::BadMove));
    let h = format::parse(&sealed(&m, &moved)).unwrap().header;
    assert_eq!(standing(&Membership { epoch: 4, ..m.clone() }, &h), Standing::LowerEpoch);
    assert_eq!(standing(&Membership { epoch: 2, ..m.clone() }, &h), Standing::HigherEpoch(3));
    assert_eq!(standing(&Membership { folder: id(8), ..m }, &h), Standing::OtherFolder);
}

// ---- Point 5: the decoder ----

#[test]
fn p5_newer_major_is_reported_with_its_device_minor_fields_kept() {
    let m = member(2);
    let good = sealed(&m, &copy_body(&m.device, json!({})));
    let newer = edit_header(&good, |h| {
        h.insert("major".into(), 2.into());
        h.clear_except_format();
    });
    assert_eq!(format::parse(&newer), Err(FormatError::NewerMajor { major: 2, device: Some(m.device.clone()) }));
    let minor = edit_header(&good, |h| {
        h.insert("minor".into(), 3.into());
        h.insert("compression".into(), json!({"gzip": true}));
    });
    let p = format::parse(&minor).unwrap();
    assert_eq!(p.header.minor, 3);
    assert_eq!(p.header.extra.get("compression"), Some(&json!({"gzip": true})));
    let again = format::parse(&format::render(&p)).unwrap();
    assert_eq!(again, p, "kept and passed on");
    // Minor additions in the body too.
    let plain = br#"{"kind":"copy","device":"DEV","mark":{"session":"s","seq":1},"worklist":{},"note":"x"}"#;
    let h = format::Header { device: "DEV".into(), ..p.header.clone() };
    let body = format::parse_body(&h, plain).unwrap();
    assert!(String::from_utf8(format::render_body(&body)).unwrap().contains("\"note\":\"x\""));
}

#[test]
fn p3_a_copy_rendered_from_the_lists_text_is_the_body_render_body_gives() {
    let mark = WriteMark { session: "s".into(), seq: 3 };
    let list = json!({"patients": [{"label": "Seng 1", "notes": {"mdt": "}}"}}], "deleted": []});
    let fast = format::render_copy("DEV", &mark, &list.to_string());
    let body = Body::Copy { device: "DEV".into(), mark: mark.clone(), worklist: list.clone(), extra: Default::default() };
    let full = format::render_body(&body);
    let parsed = |b: &[u8]| serde_json::from_slice::<Value>(b).unwrap();
    assert_eq!(parsed(&fast), parsed(&full));
    let m = member(1);
    let h = format::Header { device: "DEV".into(), ..format::parse(&sealed(&m, &copy_body(&m.device, json!({})))).unwrap().header };
    assert_eq!(format::parse_body(&h, &fast).unwrap(), body);
}

#[test]
fn p3_the_mark_only_reading_of_a_body_agrees_with_the_full_one_on_who_wrote_it_and_on_every_refusal() {
    let m = member(1);
    let p = format::parse(&sealed(&m, &copy_body(&m.device, json!({})))).unwrap();
    let h = format::Header { device: "DEV".into(), epoch: 4, ..p.header };
    let cases: [&[u8]; 7] = [
        br#"{"kind":"copy","device":"DEV","mark":{"session":"s","seq":7},"worklist":{"patients":[{"label":"x"}]}}"#,
        br#"{"kind":"copy","device":"OTHER","mark":{"session":"s","seq":7},"worklist":{}}"#,
        br#"{"kind":"moved","device":"DEV","to_epoch":5}"#,
        br#"{"kind":"moved","device":"DEV","to_epoch":7}"#,
        br#"{"kind":"copy","device":"DEV"}"#,
        br#"{"kind":"other","device":"DEV"}"#,
        b"not json",
    ];
    for plain in cases {
        let full = format::parse_body(&h, plain);
        let light = format::parse_body_mark(&h, plain);
        match (&full, &light) {
            (Ok(Body::Copy { device: d1, mark: m1, .. }), Ok(Body::Copy { device: d2, mark: m2, worklist, .. })) => {
                assert_eq!((d1, m1), (d2, m2));
                assert_eq!(*worklist, Value::Null, "the worklist is not built");
            }
            (Ok(Body::Moved { to_epoch: a, .. }), Ok(Body::Moved { to_epoch: b, .. })) => assert_eq!(a, b),
            (Err(a), Err(b)) => assert_eq!(a, b, "{}", String::from_utf8_lossy(plain)),
            _ => panic!("{}: {full:?} vs {light:?}", String::from_utf8_lossy(plain)),
        }
    }
}

trait ClearExceptFormat {
    fn clear_except_format(&mut self);
}
impl ClearExceptFormat for serde_json::Map<String, Value> {
    /// A newer major may change anything but `format`, `major` and `device`.
    fn clear_except_format(&mut self) {
        self.retain(|k, _| matches!(k.as_str(), "format" | "major" | "device"));
        self.insert("salt".into(), json!(42));
    }
}

#[test]
fn p5_malformed_files_give_typed_errors() {
    let m = member(2);
    let good = sealed(&m, &copy_body(&m.device, json!({})));
    assert_eq!(format::parse(&good[..good.len() / 2]), Err(FormatError::NotJson), "truncated");
    assert_eq!(format::parse(b"[1]"), Err(FormatError::NotOurFormat));
    assert_eq!(format::parse(br#"{"format":"other"}"#), Err(FormatError::NotOurFormat));
    assert_eq!(format::parse(&[0xff, 0xfe]), Err(FormatError::NotJson));
    let e = |f: &dyn Fn(&mut serde_json::Map<String, Value>)| format::parse(&edit_header(&good, f));
    assert_eq!(
        e(&|h| {
            h.insert("major".into(), 0.into());
        }),
        Err(FormatError::BadVersion)
    );
    assert_eq!(
        e(&|h| {
            h.remove("major");
        }),
        Err(FormatError::BadVersion)
    );
    assert_eq!(
        e(&|h| {
            h.remove("minor");
        }),
        Err(FormatError::Missing("minor"))
    );
    assert_eq!(
        e(&|h| {
            h.remove("iv");
        }),
        Err(FormatError::Missing("iv"))
    );
    assert_eq!(
        e(&|h| {
            h.insert("iv".into(), "AAAA".into());
        }),
        Err(FormatError::Bad("iv"))
    );
    assert_eq!(
        e(&|h| {
            h.insert("salt".into(), 5.into());
        }),
        Err(FormatError::Bad("salt"))
    );
    assert_eq!(
        e(&|h| {
            h.insert("iterations".into(), 1000.into());
        }),
        Err(FormatError::Bad("iterations"))
    );
    assert_eq!(
        e(&|h| {
            h.insert("kdf".into(), "MD5".into());
        }),
        Err(FormatError::Bad("kdf"))
    );
    assert_eq!(
        e(&|h| {
            h.insert("epoch".into(), (-1).into());
        }),
        Err(FormatError::Bad("epoch"))
    );
    assert_eq!(
        e(&|h| {
            h.insert("device".into(), "../x".into());
        }),
        Err(FormatError::Bad("device"))
    );
    assert_eq!(
        e(&|h| {
            h.insert("body".into(), "AAAA".into());
        }),
        Err(FormatError::Bad("body"))
    );
    assert_eq!(format::parse(&vec![b' '; 16 * 1024 * 1024 + 1]), Err(FormatError::TooLarge));
}

fn cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn p9_fuzz_the_decoder_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = format::parse(&bytes);
    }

    #[test]
    fn p9_fuzz_the_decoder_on_mutated_files(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6), cut in any::<usize>()) {
        let m = member(2);
        let mut b = sealed(&m, &copy_body(&m.device, json!({"p": {"f": [1, "v"]}})));
        for (i, x) in flips {
            let n = b.len();
            b[i % n] = x;
        }
        let keep = cut % (b.len() + 1);
        b.truncate(keep.max(b.len() / 2));
        if let Ok(o) = open(&m, &b) {
            // Anything opened is authenticated: the same device.
            prop_assert_eq!(o.body.device(), m.device.as_str());
        }
    }

    #[test]
    fn p9_fuzz_the_body_decoder(plain in proptest::collection::vec(any::<u8>(), 0..200)) {
        let m = member(2);
        let h = format::parse(&sealed(&m, &copy_body(&m.device, json!({})))).unwrap().header;
        let _ = format::parse_body(&h, &plain);
    }

}

proptest! {
    // A whole round per case: fewer cases.
    #![proptest_config(ProptestConfig { cases: cases() / 10, ..ProptestConfig::default() })]

    #[test]
    fn p5_listing_and_reading_never_panic_on_any_names_and_sizes(
        entries in proptest::collection::vec(("(cup-pathway\\.)?[a-zA-Z0-9 ().\\-_æ/\\\\]{0,20}(\\.json|\\.crswap)?", any::<u64>(), any::<i64>()), 0..300)
    ) {
        let mut f = SimFolder::new(NOW);
        for (name, size, modified) in &entries {
            if *size % 3 == 0 {
                f.put_size_only(name, *size);
            } else {
                f.put(name, name.as_bytes(), *modified);
            }
        }
        let listing = ready(f.list(MAX_ENTRIES)).unwrap().unwrap();
        let plan = plan_listing(&listing);
        prop_assert!(plan.candidates.len() <= MAX_ENTRIES);
        for c in &plan.candidates {
            prop_assert!(c.size <= format::MAX_FILE_BYTES && our_name(&c.name));
        }
        let (mut dev, mut known, mut local) = device(2, "s");
        let r = ready(round(&mut f, &FakeCrypto, &Lww, &mut SeededRandom::new(5), &mut dev, &mut known, &mut local, NOW));
        prop_assert!(r.is_some());
    }
}

// ---- Point 5: listing ----

#[test]
fn p5_listing_at_most_200_entries_only_ours_crswap_ignored_size_checked_before_reading() {
    let mut f = SimFolder::new(NOW);
    let m = member(2);
    let ours = sealed(&m, &copy_body(&m.device, json!({})));
    f.put("cup-pathway.a.json", &ours, NOW);
    f.put("cup-pathway.a.json.crswap", b"half", NOW);
    f.put("cup-pathway.a (1).json", &ours, NOW);
    f.put("cup-pathway.a-PCNAME.json", &ours, NOW);
    f.put("cup-pathway.empty.json", b"", NOW);
    f.put("notes.txt", b"x", NOW);
    f.put_size_only("cup-pathway.big.json", 2 * 1024 * 1024 * 1024);
    let plan = plan_listing(&ready(f.list(MAX_ENTRIES)).unwrap().unwrap());
    let names: Vec<&str> = plan.candidates.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["cup-pathway.a (1).json", "cup-pathway.a-PCNAME.json", "cup-pathway.a.json"]);
    let skip = |n: &str| plan.skipped.iter().find(|(e, _)| e.name == n).map(|(_, s)| s.clone());
    assert_eq!(skip("cup-pathway.a.json.crswap"), Some(Skip::NotOurs));
    assert_eq!(skip("notes.txt"), Some(Skip::NotOurs));
    assert_eq!(skip("cup-pathway.big.json"), Some(Skip::TooLarge));
    assert_eq!(skip("cup-pathway.empty.json"), Some(Skip::Empty));
    // A whole round never reads the 2 GB entry or the leftover.
    let (mut dev, mut known, mut local) = device(3, "s");
    ready(round(&mut f, &FakeCrypto, &Lww, &mut SeededRandom::new(1), &mut dev, &mut known, &mut local, NOW)).unwrap();
    assert_eq!(f.reads.get("cup-pathway.big.json"), None);
    assert_eq!(f.reads.get("cup-pathway.a.json.crswap"), None);
    assert_eq!(f.reads.get("cup-pathway.a (1).json"), Some(&1));
}

#[test]
fn p5_p9_ten_thousand_entries_list_at_most_200() {
    let mut f = SimFolder::new(NOW);
    f.fill_with_other_files(10_000);
    let listing = ready(f.list(MAX_ENTRIES)).unwrap().unwrap();
    assert_eq!(listing.entries.len(), MAX_ENTRIES);
    let plan = plan_listing(&listing);
    assert!(plan.truncated);
    assert!(plan.candidates.is_empty());
    // A listing longer than asked is cut too.
    let long = Listing {
        entries: (0..10_000)
            .map(|i| Entry { name: format!("cup-pathway.{i}.json"), size: 10, modified_ms: 0 })
            .collect(),
        truncated: false,
    };
    let plan = plan_listing(&long);
    assert_eq!(plan.candidates.len(), MAX_ENTRIES);
    assert!(plan.truncated);
}

// ---- Points 4, 5: what to read, failures ----

#[test]
fn p4_only_files_changed_since_the_last_round_are_read() {
    let a = Entry { name: "cup-pathway.a.json".into(), size: 10, modified_ms: 5 };
    let b = Entry { name: "cup-pathway.b.json".into(), size: 10, modified_ms: 5 };
    let mut seen = Seen::default();
    assert_eq!(seen.to_read(&[a.clone(), b.clone()]).len(), 2);
    seen.read_ok(&a);
    seen.read_ok(&b);
    assert!(seen.to_read(&[a.clone(), b.clone()]).is_empty());
    let a2 = Entry { modified_ms: 6, ..a.clone() };
    let b2 = Entry { size: 11, ..b.clone() };
    assert_eq!(seen.to_read(&[a2, b.clone()]).len(), 1);
    assert_eq!(seen.to_read(&[a, b2]).len(), 1);
}

#[test]
fn p5_a_file_is_reported_after_three_failures_with_the_same_size_and_time() {
    let e = Entry { name: "cup-pathway.x.json".into(), size: 10, modified_ms: 5 };
    let mut seen = Seen::default();
    let why = ReadFailure::Folder(FolderError::NotReadable);
    assert!(FolderError::NotReadable.transient());
    assert_eq!(seen.failed(&e, why.clone()), FailureVerdict::Retry { after_rounds: 1 });
    assert_eq!(seen.failed(&e, why.clone()), FailureVerdict::Retry { after_rounds: 2 });
    assert!(seen.reported().is_empty());
    assert_eq!(seen.failed(&e, why.clone()), FailureVerdict::Report);
    assert_eq!(seen.reported(), vec![("cup-pathway.x.json", &why)]);
    // Changed on disk: counting starts again.
    let e2 = Entry { modified_ms: 6, ..e.clone() };
    assert_eq!(seen.failed(&e2, ReadFailure::Decrypt), FailureVerdict::Retry { after_rounds: 1 });
    assert!(seen.reported().is_empty());
    seen.read_ok(&e2);
    assert!(!seen.failing("cup-pathway.x.json"));
}

// ---- Point 3: own file ----

#[test]
fn p3_own_file_ours_missing_unreadable_or_cloned() {
    let m = member(2);
    let mine = WriteMark { session: "s".into(), seq: 4 };
    let o = open(
        &m,
        &sealed(
            &m,
            &Body::Copy {
                device: m.device.clone(),
                mark: mine.clone(),
                worklist: json!({}),
                extra: Default::default(),
            },
        ),
    )
    .unwrap();
    assert_eq!(own_file(Ok(Some(&o)), std::slice::from_ref(&mine)), OwnFile::Ours);
    assert_eq!(own_file(Ok(Some(&o)), &[WriteMark { session: "s".into(), seq: 3 }]), OwnFile::Clone);
    assert_eq!(own_file(Ok(None), &[]), OwnFile::Missing);
    assert_eq!(own_file(Err(()), &[]), OwnFile::Unreadable);
    assert!(read_back_ok(Some(&o), &mine));
    assert!(!read_back_ok(Some(&o), &WriteMark { session: "t".into(), seq: 4 }));
    assert!(!read_back_ok(None, &mine));
}

// ---- Point 5: the safety valve ----

#[test]
fn p5_valve_trips_above_20_patients_or_10_percent_of_values_when_over_20_values() {
    assert!(!valve_trips(&Impact { patients: 20, values: 20, values_before: 1000 }));
    assert!(valve_trips(&Impact { patients: 21, values: 21, values_before: 1000 }));
    assert!(!valve_trips(&Impact { patients: 1, values: 20, values_before: 200 }));
    assert!(valve_trips(&Impact { patients: 1, values: 21, values_before: 200 }));
    // A small list: one clash resolved (2 of 14 values) is everyday work, not mass change.
    assert!(!valve_trips(&Impact { patients: 1, values: 2, values_before: 14 }));
    assert!(!valve_trips(&Impact { patients: 2, values: 20, values_before: 20 }));
    assert!(valve_trips(&Impact { patients: 3, values: 21, values_before: 30 }));
    assert!(!valve_trips(&Impact::default()));
}

#[test]
fn p5_valve_stops_before_the_file_that_overwrites_too_much_and_names_it() {
    let local: List = (0..30).map(|i| (format!("p{i}"), list(&[("x", "a", 1, "old")])["x"].clone())).collect();
    let small = list(&[("p0", "a", 5, "new")]);
    let big: List = (0..25).map(|i| (format!("p{i}"), list(&[("x", "a", 9, "wiped")])["x"].clone())).collect();
    match merge_round(&Lww, &local, &[("cup-pathway.small.json", &small), ("cup-pathway.big.json", &big)], None) {
        RoundMerge::Ask { merged_so_far, file, impact } => {
            assert_eq!(file, "cup-pathway.big.json");
            assert_eq!(impact.patients, 25);
            assert_eq!(merged_so_far["p0"]["a"].1, "new");
            assert_eq!(merged_so_far["p5"]["a"].1, "old");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn p5_valve_applies_the_file_the_person_accepted_and_only_that_one() {
    let local: List = (0..30).map(|i| (format!("p{i}"), list(&[("x", "a", 1, "old")])["x"].clone())).collect();
    let big: List = (0..25).map(|i| (format!("p{i}"), list(&[("x", "a", 9, "wiped")])["x"].clone())).collect();
    let files = [("cup-pathway.big.json", &big)];
    match merge_round(&Lww, &local, &files, Some("cup-pathway.big.json")) {
        RoundMerge::Merged(l) => assert_eq!(l["p5"]["a"].1, "wiped"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(merge_round(&Lww, &local, &files, Some("cup-pathway.other.json")), RoundMerge::Ask { .. }));
}

// ---- Point 6: old files ----

#[test]
fn p6_old_file_removed_only_when_in_our_fresh_file_and_one_other_and_30_days_unchanged() {
    let old = list(&[("p1", "a", 1, "v")]);
    let has = list(&[("p1", "a", 1, "v"), ("p2", "a", 2, "w")]);
    let lacks = list(&[("p2", "a", 2, "w")]);
    let c = |name, device, modified_ms, list| Candidate { name, device, modified_ms, list };
    let file = c("cup-pathway.old.json", "OLD", NOW - 31 * DAY, &old);
    let other = c("cup-pathway.b.json", "B", NOW, &has);
    let other_lacks = c("cup-pathway.b.json", "B", NOW, &lacks);
    let own = "ME";
    assert!(may_remove(&Lww, own, &has, &file, &[c("cup-pathway.old.json", "OLD", 0, &old), other], NOW));
    // Not in our fresh copy.
    assert!(!may_remove(&Lww, own, &lacks, &file, &[c("cup-pathway.b.json", "B", NOW, &has)], NOW));
    // In no other file.
    assert!(!may_remove(&Lww, own, &has, &file, &[other_lacks], NOW));
    // Itself or a copy of the same device does not count as the other.
    assert!(!may_remove(&Lww, own, &has, &file, &[c("cup-pathway.OLD (1).json", "OLD", NOW, &old)], NOW));
    // Our own file never counts as the other.
    assert!(!may_remove(&Lww, own, &has, &file, &[c("cup-pathway.ME.json", "ME", NOW, &has)], NOW));
    // Changed 29 days ago, or dated in the future (a clock in 2099): kept.
    let young = c("cup-pathway.old.json", "OLD", NOW - 29 * DAY, &old);
    assert!(!may_remove(&Lww, own, &has, &young, &[c("cup-pathway.b.json", "B", NOW, &has)], NOW));
    let future = c("cup-pathway.old.json", "OLD", NOW + 60 * DAY, &old);
    assert!(!may_remove(&Lww, own, &has, &future, &[c("cup-pathway.b.json", "B", NOW, &has)], NOW));
    // Never our own file.
    let mine = c("cup-pathway.ME.json", "ME", NOW - 90 * DAY, &old);
    assert!(!may_remove(&Lww, own, &has, &mine, &[c("cup-pathway.b.json", "B", NOW, &has)], NOW));
}

// ---- Point 9: rounds of several devices over a faulty folder ----

fn device(n: u8, session: &str) -> (Device<FakeKey>, BTreeMap<String, Known<List>>, List) {
    (
        Device::new(member(n), vec![7; 16], key(), session.into()),
        BTreeMap::new(),
        List::new(),
    )
}

struct Pc {
    dev: Device<FakeKey>,
    known: BTreeMap<String, Known<List>>,
    local: List,
    rng: SeededRandom,
}

impl Pc {
    fn new(n: u8) -> Pc {
        let (dev, known, local) = device(n, &format!("session-{n}"));
        Pc { dev, known, local, rng: SeededRandom::new(u64::from(n) * 7919) }
    }
    fn round(&mut self, f: &mut SimFolder, now: i64) -> Report {
        ready(round(f, &FakeCrypto, &Lww, &mut self.rng, &mut self.dev, &mut self.known, &mut self.local, now)).unwrap()
    }
    fn edit(&mut self, patient: &str, field: &str, stamp: u64, value: &str, all: &mut List) {
        let e = list(&[(patient, field, stamp, value)]);
        self.local = Lww.merge(&self.local, &e);
        *all = Lww.merge(all, &e);
    }
}

fn settle(pcs: &mut [Pc], f: &mut SimFolder, now: i64) {
    for _ in 0..4 {
        for pc in pcs.iter_mut() {
            pc.round(f, now);
        }
    }
}

fn converged(pcs: &[Pc], all: &List) {
    for pc in pcs {
        assert_eq!(&pc.local, &pcs[0].local, "every device holds the same list");
        assert!(Lww.contains(&pc.local, all), "no edit lost");
    }
}

#[test]
fn p9_three_devices_converge_through_duplicates_truncation_failed_close_and_lag() {
    let mut f = SimFolder::new(NOW);
    let mut pcs: Vec<Pc> = (2..5).map(Pc::new).collect();
    let mut all = List::new();
    // A list of some size: one edit is not 10 % of its values (the valve).
    for i in 0..30 {
        pcs[0].edit(&format!("Seng {}", 100 + i), "henvist", 0, "2026-11-01", &mut all);
    }
    pcs[0].edit("Seng 1", "henvist", 1, "2026-12-01", &mut all);
    pcs[1].edit("Seng 2", "ct", 2, "2026-12-02", &mut all);
    pcs[2].edit("Seng 1", "ct", 3, "2026-12-03", &mut all);
    settle(&mut pcs, &mut f, NOW);
    converged(&pcs, &all);

    // A sync client's duplicates of a stale file, a lagging listing, reads
    // truncated for a while, a write failing at close.
    let name = format::file_name(&pcs[0].dev.m.device);
    f.duplicate(&name, " (1)").unwrap();
    f.duplicate(&name, "-PCNAME").unwrap();
    pcs[0].edit("Seng 1", "henvist", 10, "2026-12-04", &mut all);
    pcs[1].edit("Seng 3", "ct", 11, "2026-12-05", &mut all);
    f.faults.listing_lag = 3;
    f.faults.reorder = true;
    f.faults.fail_write_at_close = 1;
    for pc in pcs.iter_mut() {
        pc.round(&mut f, NOW);
    }
    f.faults.truncate_reads_to = Some(40);
    let r = pcs[2].round(&mut f, NOW);
    assert!(!r.wrote);
    f.faults = Default::default();
    settle(&mut pcs, &mut f, NOW + DAY);
    converged(&pcs, &all);
    assert!(f.names().iter().any(|n| n.ends_with(".crswap")), "the leftover stays and is ignored");
}

#[test]
fn p3_p9_a_cloned_profile_merges_the_file_and_takes_a_new_device_id() {
    let mut f = SimFolder::new(NOW);
    let mut all = List::new();
    let mut a = Pc::new(2);
    a.edit("Seng 1", "ct", 1, "x", &mut all);
    a.round(&mut f, NOW);
    // The clone: same device id and key, another session (a copied profile).
    let mut clone = Pc::new(2);
    clone.dev.session = "clone".into();
    clone.edit("Seng 9", "ct", 2, "y", &mut all);
    let r = clone.round(&mut f, NOW);
    assert_eq!(r.own, Some(OwnFile::Clone));
    assert!(r.new_device);
    assert_ne!(clone.dev.m.device, a.dev.m.device);
    assert!(r.wrote);
    let mut b = Pc::new(3);
    let mut pcs = vec![a, clone, Pc::new(4)];
    pcs.push(std::mem::replace(&mut b, Pc::new(5)));
    settle(&mut pcs, &mut f, NOW);
    converged(&pcs, &all);
}

#[test]
fn p5_p9_an_unreadable_or_refused_file_is_reported_and_never_overwritten_or_removed() {
    let mut f = SimFolder::new(NOW);
    let mut all = List::new();
    let mut a = Pc::new(2);
    a.edit("Seng 1", "ct", 1, "x", &mut all);
    a.round(&mut f, NOW - 40 * DAY);
    // A file whose list has a CPR-like label: decrypted, then refused.
    let m = member(6);
    let cpr = sealed(&m, &copy_body(&m.device, json!({"0101701234": {"ct": [5, "z"]}})));
    f.put(&format::file_name(&m.device), &cpr, NOW - 40 * DAY);
    f.put("cup-pathway.broken.json", b"{\"format\":\"cup-pathway-folder\",\"major\":1", NOW - 40 * DAY);
    let mut b = Pc::new(3);
    let mut last = Report::default();
    for i in 0..3 {
        last = b.round(&mut f, NOW + i);
        // Unchanged files are read again only while failing.
    }
    let mut reported: Vec<&str> = b.dev.seen.reported().into_iter().map(|(n, _)| n).collect();
    reported.sort();
    let mut want = vec!["cup-pathway.broken.json".to_string(), format::file_name(&m.device)];
    want.sort();
    assert_eq!(reported, want);
    assert!(last.failed.iter().all(|(_, _, v)| *v == FailureVerdict::Report));
    assert!(!b.local.contains_key("0101701234"));
    assert_eq!(f.bytes(&format::file_name(&m.device)), Some(cpr.as_slice()));
    assert!(f.names().contains(&"cup-pathway.broken.json".to_string()));
}

#[test]
fn p5_a_newer_major_file_is_skipped_and_named() {
    let mut f = SimFolder::new(NOW);
    let m = member(6);
    let good = sealed(&m, &copy_body(&m.device, json!({"Seng 1": {"ct": [5, "z"]}})));
    let newer = edit_header(&good, |h| {
        h.insert("major".into(), 2.into());
    });
    f.put("cup-pathway.new.json", &newer, NOW);
    let mut b = Pc::new(3);
    let r = b.round(&mut f, NOW);
    assert_eq!(r.newer_version, vec![("cup-pathway.new.json".to_string(), Some(m.device.clone()))]);
    assert!(b.local.is_empty());
    assert_eq!(f.bytes("cup-pathway.new.json"), Some(newer.as_slice()));
}

#[test]
fn p2_p9_a_rotation_mid_run_stops_writing_the_old_epoch() {
    let mut f = SimFolder::new(NOW);
    let mut all = List::new();
    let mut a = Pc::new(2);
    let mut b = Pc::new(3);
    a.edit("Seng 1", "ct", 1, "x", &mut all);
    a.round(&mut f, NOW);
    b.round(&mut f, NOW);
    // A rotates: writes the move record under the old key, in its own file.
    ready(round::write_moved(&mut f, &FakeCrypto, &mut SeededRandom::new(3), &a.dev)).unwrap().unwrap();
    let to = a.dev.m.epoch + 1;
    b.edit("Seng 2", "ct", 2, "y", &mut all);
    let before = f.bytes(&format::file_name(&b.dev.m.device)).map(<[u8]>::to_vec);
    let r = b.round(&mut f, NOW + 2);
    assert_eq!(r.moved_to, Some(to));
    assert!(!r.wrote);
    assert_eq!(f.bytes(&format::file_name(&b.dev.m.device)).map(<[u8]>::to_vec), before);
    assert_eq!(b.round(&mut f, NOW + 3).moved_to, Some(to), "and stays stopped");
}

#[test]
fn p6_p9_old_files_of_wiped_profiles_go_after_30_days_and_nothing_is_lost() {
    let mut f = SimFolder::new(NOW);
    let mut all = List::new();
    // 50 devices of profiles wiped at logout, one edit each, 40 days ago.
    let start = NOW - 40 * DAY;
    for n in 10..60u8 {
        let mut pc = Pc::new(n);
        pc.edit(&format!("Seng {n}"), "ct", u64::from(n), "x", &mut all);
        f.now_ms = start;
        pc.round(&mut f, start);
    }
    let mut pcs = vec![Pc::new(2), Pc::new(3), Pc::new(4)];
    f.now_ms = NOW;
    // First rounds: everything merged; the 50 old files are in our fresh
    // file and in the others' files, so they go.
    settle(&mut pcs, &mut f, NOW);
    converged(&pcs, &all);
    let left: Vec<String> = f.names();
    assert_eq!(left.len(), 3, "{left:?}");
    // A young file stays.
    let mut young = Pc::new(70);
    young.edit("Seng 70", "ct", 70, "x", &mut all);
    young.round(&mut f, NOW);
    settle(&mut pcs, &mut f, NOW);
    assert!(f.names().contains(&format::file_name(&young.dev.m.device)));
    converged(&pcs, &all);
}

#[test]
fn p5_a_round_whose_merge_trips_the_valve_writes_nothing_and_asks_again_next_round() {
    let mut f = SimFolder::new(NOW);
    let mut all = List::new();
    let mut a = Pc::new(2);
    for i in 0..30 {
        a.edit(&format!("Seng {i}"), "ct", 1, "x", &mut all);
    }
    a.round(&mut f, NOW);
    let mut b = Pc::new(3);
    b.round(&mut f, NOW);
    assert_eq!(b.local, a.local);
    // A restores an old snapshot where every value was edited again later
    // by someone: 30 patients overwritten at once in B's list.
    for i in 0..30 {
        a.edit(&format!("Seng {i}"), "ct", 5, "overwritten", &mut all);
    }
    a.round(&mut f, NOW + 1);
    let before = f.bytes(&format::file_name(&b.dev.m.device)).map(<[u8]>::to_vec);
    let r = b.round(&mut f, NOW + 2);
    let asked = r.asked.expect("the valve asks");
    assert_eq!(asked.0, format::file_name(&a.dev.m.device));
    assert_eq!(asked.1.patients, 30);
    assert!(!r.wrote);
    assert_eq!(b.local["Seng 0"]["ct"].1, "x", "nothing applied before the answer");
    assert_eq!(f.bytes(&format::file_name(&b.dev.m.device)).map(<[u8]>::to_vec), before);
    assert!(b.round(&mut f, NOW + 3).asked.is_some(), "asked again until answered");
}

#[test]
fn p1_the_folder_module_is_pure() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/folder");
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for bad in ["leptos", "js_sys", "web_sys", "wasm_bindgen", "crate::state", "crate::storage", "crate::i18n"]
            {
                assert!(!code.contains(bad), "{}:{}: {bad}", p.display(), n + 1);
            }
            if code.contains("crate::") {
                assert!(code.contains("crate::share::{base64url, from_base64url}"), "{}:{}", p.display(), n + 1);
            }
        }
    }
}

// ---- Point 4: when ----

#[test]
fn p4_write_debounced_5_s_at_most_every_30_s_flushed_when_hidden_polled_every_60_s() {
    // A change, nothing written yet: 5 s after it.
    assert_eq!(next_round_at(Some(1_000), None, None, false, 1_000), Some(6_000));
    // Written at 10 s, changed at 12 s: not before 40 s.
    assert_eq!(next_round_at(Some(12_000), Some(10_000), Some(10_000), false, 12_000), Some(40_000));
    // Written long ago: 5 s after the change.
    assert_eq!(next_round_at(Some(100_000), Some(10_000), Some(90_000), false, 100_000), Some(105_000));
    // Hidden with unwritten changes: at once.
    assert_eq!(next_round_at(Some(12_000), Some(10_000), None, true, 13_000), Some(13_000));
    // Nothing unwritten: poll 60 s after the last round while visible, none while hidden.
    assert_eq!(next_round_at(Some(1_000), Some(2_000), Some(2_000), false, 3_000), Some(62_000));
    assert_eq!(next_round_at(None, None, None, false, 3_000), Some(3_000));
    assert_eq!(next_round_at(Some(1_000), Some(2_000), Some(2_000), true, 3_000), None);
}

#[test]
fn p4_active_pcs_are_devices_whose_files_changed_in_7_days() {
    let files =
        [("A", NOW - DAY), ("A", NOW - 2 * DAY), ("B", NOW - 6 * DAY), ("C", NOW - 8 * DAY), ("D", NOW + 400 * DAY)];
    // A counted once (its duplicate too), C too old, D dated in the future (a clock in 2099).
    assert_eq!(active_devices(files, NOW), 2);
}

#[test]
fn p2_a_bare_higher_epoch_header_is_told_but_never_stops_writing() {
    let mut f = SimFolder::new(NOW);
    let mut all = List::new();
    let mut a = Pc::new(2);
    a.edit("Seng 1", "ct", 1, "x", &mut all);
    // Anyone with write access can put a header of epoch 99: not authenticated for us.
    let m = Membership { epoch: 99, ..member(7) };
    f.put("cup-pathway.x.json", &sealed(&m, &copy_body(&m.device, json!({}))), NOW);
    let r = a.round(&mut f, NOW);
    assert_eq!(r.newer_epoch, vec![("cup-pathway.x.json".to_string(), 99)]);
    assert_eq!(r.moved_to, None);
    assert!(r.wrote);
}

#[test]
fn p3_own_file_not_readable_now_is_retried_without_writing_or_a_new_device() {
    let mut f = SimFolder::new(NOW);
    let mut all = List::new();
    let mut a = Pc::new(2);
    a.edit("Seng 1", "ct", 1, "x", &mut all);
    assert!(a.round(&mut f, NOW).wrote);
    let name = format::file_name(&a.dev.m.device);
    a.edit("Seng 2", "ct", 2, "y", &mut all);
    f.faults.read_error.insert(name.clone(), FolderError::NotReadable);
    let r = a.round(&mut f, NOW);
    assert_eq!(r.own_read_error, Some(FolderError::NotReadable));
    assert!(!r.wrote && !r.new_device);
    f.faults = Default::default();
    // Damaged bytes in our own file: a new device id, the damaged file left alone.
    f.put(&name, b"{\"format\":\"cup-pathway-folder\"", NOW);
    let r = a.round(&mut f, NOW);
    assert_eq!(r.own, Some(OwnFile::Unreadable));
    assert!(r.new_device && r.wrote);
    assert_eq!(f.bytes(&name), Some(&b"{\"format\":\"cup-pathway-folder\""[..]));
}

#[test]
fn p8_the_diagnosis_names_files_and_failures_but_no_patient() {
    let mut f = SimFolder::new(NOW);
    let mut all = List::new();
    let mut a = Pc::new(2);
    a.edit("Hr. Hansen seng 4", "ct", 1, "lever", &mut all);
    a.round(&mut f, NOW);
    f.put("cup-pathway.broken.json", b"{", NOW);
    let mut b = Pc::new(3);
    let mut r = b.round(&mut f, NOW);
    for i in 1..3 {
        r = b.round(&mut f, NOW + i);
    }
    let d = round::diagnosis("Edge 131", true, "granted", &b.dev.m.device, 3, &r, &b.dev.seen);
    assert!(d.contains("reported: cup-pathway.broken.json: Format(NotJson)"), "{d}");
    assert!(d.contains("permission: granted"));
    assert!(!d.contains("Hansen") && !d.contains("lever"), "{d}");
}

// ---- Points 3, 5 and 9 with issue 24's merge: the worklist itself ----

use cup_pathway::folder_list::WorklistList;
use cup_pathway::merge::{Clock, Dot, Seen as Vector, Writer};
use cup_pathway::patients::Worklist;

/// A write as its author made it: which value, and what the author had seen.
struct Write {
    uid: String,
    key: String,
    dot: Dot,
    seen: Vector,
}

/// A PC with the app's own worklist, writer and clock (its offset from the
/// folder's time: clocks a day apart, or in 2099).
struct Ward {
    dev: Device<FakeKey>,
    known: BTreeMap<String, Known<Worklist>>,
    local: Worklist,
    rng: SeededRandom,
    clock: Clock,
    offset: i64,
}

impl Ward {
    fn new(n: u8, offset: i64) -> Ward {
        let (dev, _, _) = device(n, &format!("ward-{n}"));
        let rng = SeededRandom::new(u64::from(n) * 104_729);
        Ward { dev, known: BTreeMap::new(), local: Worklist::default(), rng, clock: Clock::new(Writer(u64::from(n) << 40 | 0x5eed)), offset }
    }
    fn round(&mut self, f: &mut SimFolder, now: i64) -> Report {
        ready(round(f, &FakeCrypto, &WorklistList, &mut self.rng, &mut self.dev, &mut self.known, &mut self.local, now)).unwrap()
    }
    fn at(&self, now: i64) -> u64 {
        (now + self.offset) as u64
    }
    fn add(&mut self, uid: &str, now: i64) {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let id = self.local.add(&format!("Seng {uid}"), today, uid.to_string()).unwrap();
        let at = self.at(now);
        self.local.stamp_new(id, &mut self.clock, at);
    }
    /// A note written on a patient (the app's own edit path), logged.
    fn note(&mut self, uid: &str, item: &str, text: &str, now: i64, log: &mut Vec<Write>) {
        let id = self.local.patients.iter().find(|p| p.uid == uid).map(|p| p.id).unwrap();
        let at = self.at(now);
        self.local.edit(id, &mut self.clock, at, |p| {
            p.notes.insert(item.to_string(), text.to_string());
        });
        let r = self.local.patients.iter().find(|p| p.uid == uid).unwrap().record();
        let key = format!("n.{item}");
        let dot = Dot { writer: self.clock.writer, counter: self.clock.counter };
        assert!(r.fields[&key].iter().any(|(s, _)| s.dot() == dot));
        log.push(Write { uid: uid.to_string(), key, dot, seen: r.seen.clone() });
    }
    /// The list by uid: every value with its stamps (local numbers aside).
    fn by_uid(&self) -> BTreeMap<String, (String, cup_pathway::merge::Record)> {
        self.local.patients.iter().map(|p| (p.uid.clone(), (p.label.clone(), p.record()))).collect()
    }
}

/// Every ward holds the same list, and every write is there or was replaced
/// by a write whose author had seen it (issue 24's exact check, point 9).
fn wards_converged_losing_nothing(wards: &[Ward], log: &[Write]) {
    let first = wards[0].by_uid();
    for w in wards {
        assert_eq!(w.by_uid(), first, "every device holds the same list");
    }
    for w in log {
        let (_, record) = &first[&w.uid];
        let present = record.fields.get(&w.key).is_some_and(|vs| vs.iter().any(|(s, _)| s.dot() == w.dot));
        let replaced = log.iter().any(|o| o.uid == w.uid && o.key == w.key && o.dot != w.dot && o.seen.covers(w.dot));
        assert!(present || replaced, "lost: {} {} {:?}", w.uid, w.key, w.dot);
    }
}

fn settle_wards(wards: &mut [Ward], f: &mut SimFolder, now: i64) {
    for _ in 0..4 {
        for w in wards.iter_mut() {
            w.round(f, now);
        }
    }
}

#[test]
fn p3_p9_three_pcs_share_the_worklist_by_the_lossless_merge_through_faults_and_skewed_clocks() {
    let mut f = SimFolder::new(NOW);
    // Clocks: one right, one a day behind, one in 2099.
    let mut wards = vec![Ward::new(2, 0), Ward::new(3, -DAY), Ward::new(4, 4_070_000_000_000 - NOW)];
    let mut log = vec![];
    for i in 0..30 {
        wards[0].add(&format!("u{i:02}"), NOW);
    }
    settle_wards(&mut wards, &mut f, NOW);
    wards_converged_losing_nothing(&wards, &log);
    assert_eq!(wards[2].local.patients.len(), 30);

    // The same patient's note written on two PCs without seeing each other:
    // both kept, a clash inside the patient; other patients' notes merge plainly.
    wards[0].note("u01", "mdt", "MDT tirsdag", NOW, &mut log);
    wards[1].note("u01", "mdt", "MDT onsdag", NOW, &mut log);
    wards[2].note("u02", "ihc", "venter IHC", NOW, &mut log);
    wards[1].add("new-b", NOW);
    // A sync client's duplicates, a lagging and reordered listing, a write
    // failing at close, truncated reads for a while.
    let name = format::file_name(&wards[0].dev.m.device);
    f.duplicate(&name, " (1)").unwrap();
    f.duplicate(&name, "-PCNAME").unwrap();
    f.faults.listing_lag = 3;
    f.faults.reorder = true;
    f.faults.fail_write_at_close = 1;
    for w in wards.iter_mut() {
        w.round(&mut f, NOW);
    }
    f.faults.truncate_reads_to = Some(40);
    wards[2].round(&mut f, NOW);
    f.faults = Default::default();
    settle_wards(&mut wards, &mut f, NOW + DAY);
    wards_converged_losing_nothing(&wards, &log);
    let p = wards[2].local.patients.iter().find(|p| p.uid == "u01").unwrap();
    let clashes = p.clashes();
    assert_eq!(clashes.len(), 1, "{clashes:?}");
    assert_eq!(clashes[0].key, "n.mdt");
    assert!(wards[0].local.patients.iter().any(|p| p.uid == "new-b"));

    // Resolving on one PC (a write that has seen both) reaches every PC.
    let id = wards[2].local.patients.iter().find(|p| p.uid == "u01").unwrap().id;
    let at = wards[2].at(NOW + DAY);
    let w2 = &mut wards[2];
    w2.local.write_field(id, "n.mdt", json!("MDT torsdag"), &mut w2.clock, at);
    let r = wards[2].local.get(id).unwrap().record();
    let dot = Dot { writer: wards[2].clock.writer, counter: wards[2].clock.counter };
    log.push(Write { uid: "u01".into(), key: "n.mdt".into(), dot, seen: r.seen.clone() });
    settle_wards(&mut wards, &mut f, NOW + 2 * DAY);
    wards_converged_losing_nothing(&wards, &log);
    for w in &wards {
        let p = w.local.patients.iter().find(|p| p.uid == "u01").unwrap();
        assert!(p.clashes().is_empty());
        assert_eq!(p.notes.get("mdt").map(String::as_str), Some("MDT torsdag"));
    }
}

#[test]
fn p5_a_file_is_read_by_the_backup_imports_rules() {
    let mut w = Ward::new(2, 0);
    w.add("u1", NOW);
    let good: Value = serde_json::from_str(&WorklistList.encode(&w.local)).unwrap();
    assert_eq!(WorklistList.decode(good.clone()).map(|l| l.patients.len()), Some(1));
    // A CPR number as a label, a note holding one, two patients sharing a uid,
    // a case from a newer schema: each refuses the whole file.
    let mut cpr = good.clone();
    cpr["patients"][0]["label"] = json!("010190-1234");
    assert!(WorklistList.decode(cpr).is_none());
    let mut note = good.clone();
    note["patients"][0]["notes"] = json!({ "mdt": "0101 90 1234" });
    assert!(WorklistList.decode(note).is_none());
    let mut twice = good.clone();
    let p = twice["patients"][0].clone();
    twice["patients"].as_array_mut().unwrap().push(p);
    assert!(WorklistList.decode(twice).is_none());
    let mut newer = good.clone();
    newer["patients"][0]["case"]["schema_version"] = json!(999);
    assert!(WorklistList.decode(newer).is_none());
    assert!(WorklistList.decode(json!("not a list")).is_none());
}

#[test]
fn p5_the_text_rules_skip_only_patients_a_trusted_list_holds_unchanged() {
    let mut w = Ward::new(2, 0);
    w.add("u1", NOW);
    w.add("u2", NOW);
    let good: Value = serde_json::from_str(&WorklistList.encode(&w.local)).unwrap();
    let trusted = [&w.local];
    assert_eq!(WorklistList.decode_beside(good.clone(), &trusted).map(|l| l.patients.len()), Some(2));
    // The same stamps with another label, a note or a kept value: checked, and refused.
    let mut cpr = good.clone();
    cpr["patients"][1]["label"] = json!("010190-1234");
    assert!(WorklistList.decode_beside(cpr, &trusted).is_none());
    let mut note = good.clone();
    note["patients"][0]["notes"] = json!({ "mdt": "0101 90 1234" });
    assert!(WorklistList.decode_beside(note, &trusted).is_none());
    // Every other rule runs on all: two patients sharing a uid are refused beside a trusted list too.
    let mut twice = good.clone();
    let p = twice["patients"][0].clone();
    twice["patients"].as_array_mut().unwrap().push(p);
    assert!(WorklistList.decode_beside(twice, &trusted).is_none());
}

#[test]
fn p5_impact_counts_what_a_merge_removes_or_overwrites() {
    let mut a = Ward::new(2, 0);
    for i in 0..5 {
        a.add(&format!("u{i}"), NOW);
    }
    let mut log = vec![];
    a.note("u0", "mdt", "x", NOW, &mut log);
    let before = a.local.clone();
    let nothing = WorklistList.impact(&before, &before);
    assert_eq!((nothing.patients, nothing.values, nothing.values_before), (0, 0, 0), "nothing lost: nothing counted");
    // Another PC that had seen everything deletes one patient and rewrites a note.
    let mut b = Ward::new(3, 0);
    b.local = before.clone();
    let id = b.local.patients.iter().find(|p| p.uid == "u1").unwrap().id;
    b.local.delete_patient(id, &mut b.clock, NOW as u64);
    b.note("u0", "mdt", "y", NOW, &mut log);
    let merged = WorklistList.merge(&before, &b.local);
    let i = WorklistList.impact(&before, &merged);
    assert_eq!(i.patients, 2, "{i:?}");
    assert!(i.values >= 2, "{i:?}");
    assert!(WorklistList.contains(&merged, &before) && WorklistList.contains(&merged, &b.local));
    assert!(!WorklistList.contains(&before, &b.local));
}

#[test]
fn p5_impact_counts_the_values_before_when_the_valve_needs_them() {
    let mut a = Ward::new(2, 0);
    for i in 0..25 {
        a.add(&format!("u{i}"), NOW);
    }
    let before = a.local.clone();
    let mut b = Ward::new(3, 0);
    b.local = before.clone();
    let ids: Vec<u32> = b.local.patients.iter().map(|p| p.id).collect();
    for id in ids {
        b.local.delete_patient(id, &mut b.clock, NOW as u64);
    }
    let i = WorklistList.impact(&before, &WorklistList.merge(&before, &b.local));
    assert_eq!(i.patients, 25, "{i:?}");
    assert!(i.values > VALVE_MIN_VALUES && i.values_before >= i.values, "{i:?}");
    assert!(valve_trips(&i));
}

#[test]
fn p3_a_list_from_before_the_stamps_goes_into_the_folder_with_its_legacy_stamps_and_is_no_edit() {
    // Patients read from a version before the stamps (issue 24): none stamped.
    let mut a = Ward::new(2, 0);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    for i in 0..30 {
        a.local.add(&format!("Seng {i}"), today, format!("old-{i}")).unwrap();
    }
    let old = a.local.clone();
    assert!(old.has_unstamped());
    let mut f = SimFolder::new(NOW);
    assert!(a.round(&mut f, NOW).wrote);
    // Written with the stamps every copy derives alike: the same records.
    assert!(!a.local.has_unstamped());
    let records = |w: &Worklist| -> Vec<_> { w.patients.iter().map(|p| (p.uid.clone(), p.record())).collect() };
    assert_eq!(records(&a.local), records(&old));
    // A PC reading the file holds the same list; the unstamped copy (another
    // PC still on the old list) holds nothing new beside it, and the other
    // way round: no edit, no clash, no valve.
    let mut b = Ward::new(3, 0);
    let r = b.round(&mut f, NOW + 1);
    assert!(r.wrote && r.asked.is_none(), "{r:?}");
    assert_eq!(records(&b.local), records(&old));
    assert!(WorklistList.contains(&b.local, &old) && WorklistList.contains(&old, &b.local));
    assert_eq!(WorklistList.impact(&old, &WorklistList.merge(&old, &b.local)).values, 0);
}
