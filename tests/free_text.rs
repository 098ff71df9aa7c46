//! Issue 23, point 4, natively: a CPR number is refused whatever its form
//! (separators between groups, other Unicode digits, compatibility forms,
//! invisible characters), in every input path: a typed label, a typed note
//! or organ, a backup, a stored envelope and a share link; ordinary labels pass.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cup_pathway::share::{self, ShareError};
use cup_pathway::storage::{
    decode_backup, decode_opened, encode_backup, encode_stored, ImportError, Settings, StorageError, Stored,
};
use cup_pathway::patients::{check_free_text, LabelError, NoteError, TextFault, TextField, Worklist, MAX_NOTE_CHARS};
use proptest::prelude::*;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// Every path a text enters by; `Err(field)` when it is refused as CPR-like.
fn refused_everywhere(text: &str) -> Vec<String> {
    let mut missed = vec![];
    let w = Worklist::default();
    if w.check_label(text) != Err(LabelError::LooksLikeCpr) {
        missed.push(format!("typed label: {:?}", w.check_label(text)));
    }
    if check_free_text(text, MAX_NOTE_CHARS) != Err(NoteError::LooksLikeCpr) {
        missed.push("typed note".into());
    }
    if check_free_text(text, cup_pathway::pathway::questions::MAX_ORGAN_CHARS) != Err(NoteError::LooksLikeCpr) {
        missed.push("typed organ".into());
    }
    // Read from outside: label, note, organ, tick and edition, in a backup and a store.
    let fields: Vec<(TextField, Box<dyn Fn(&mut cup_pathway::patients::Patient)>)> = vec![
        (TextField::Label, Box::new(|p| p.label = text.to_string())),
        (
            TextField::Note,
            Box::new(|p| {
                p.notes.insert("s3_1_history".into(), text.to_string());
            }),
        ),
        (TextField::Organ, Box::new(|p| p.case.answers.organ_specific_suspicion = Some(text.to_string()))),
        (
            TextField::Tick,
            Box::new(|p| {
                p.case.ticks.insert(text.to_string());
            }),
        ),
        (
            TextField::Edition,
            Box::new(|p| {
                if let Some(s) = p.case.evaluated_under.as_mut() {
                    s.model_version = 1;
                    s.edition = text.to_string();
                }
            }),
        ),
    ];
    for (field, set) in &fields {
        let mut w = Worklist::default();
        w.add("Seng 1", day(), "a".into()).unwrap();
        set(&mut w.patients[0]);
        let stored = Stored::new(w.clone(), Settings::default());
        match decode_backup(&encode_backup(&stored, day())) {
            Err(ImportError::Text(t)) if t.field == *field && t.fault == TextFault::LooksLikeCpr => {}
            other => missed.push(format!("backup {field:?}: {:?}", other.map(|_| ()))),
        }
        match decode_opened(Some(&encode_stored(&stored))) {
            Err(StorageError::Corrupt(_)) => {}
            other => missed.push(format!("store {field:?}: {:?}", other.map(|_| ()))),
        }
        if *field != TextField::Label && *field != TextField::Note {
            if share::decode(&link(&w.patients[0].case)) != Err(ShareError::Text) {
                missed.push(format!("share link {field:?}"));
            }
        }
    }
    missed
}

/// A share link carrying the case as it is, with its edition (the app's own
/// links leave the edition out; a crafted one may not).
fn link(case: &cup_pathway::pathway::Case) -> String {
    let plain = share::encode(case);
    let data = plain.split('.').nth(1).unwrap();
    let json = String::from_utf8(share::from_base64url(data).unwrap()).unwrap();
    let edition = case.evaluated_under.as_ref().map(|s| s.edition.clone()).unwrap_or_default();
    let json =
        json.replacen(r#""edition":"""#, &format!(r#""edition":{}"#, serde_json::to_string(&edition).unwrap()), 1);
    format!(
        "{}.{}.{:08x}",
        plain.split('.').next().unwrap(),
        share::base64url(json.as_bytes()),
        share::crc32(json.as_bytes())
    )
}

/// A CPR number as ten digits: a real day and month, any year and serial number.
fn cpr_digits() -> impl Strategy<Value = [u8; 10]> {
    (1u8..=28, 1u8..=12, 0u8..=99, 0u16..=9999).prop_map(|(d, m, y, s)| {
        let mut out = [0u8; 10];
        for (i, v) in [d / 10, d % 10, m / 10, m % 10, y / 10, y % 10].into_iter().enumerate() {
            out[i] = v;
        }
        let s = s as usize;
        for (i, v) in [s / 1000, s / 100 % 10, s / 10 % 10, s % 10].into_iter().enumerate() {
            out[6 + i] = v as u8;
        }
        out
    })
}

/// Where a clinician splits ddmmyy-xxxx (and with no split at all); the
/// property also tries every other split.
const SPLITS: [&[usize]; 8] = [&[], &[6], &[2, 4, 6], &[4, 6], &[2, 6], &[2, 4], &[4], &[2, 4, 6, 8]];

/// Separators as typed, and as a pasted text or another keyboard can carry them.
const SEPARATORS: [&str; 14] = [
    " ", ".", "-", "/", "\u{a0}", "\u{2009}", "\u{3000}", "\u{2010}", "\u{2011}", "\u{2013}", "\u{2212}", "\u{ff0d}",
    "\u{ff0e}", ". ",
];

/// Zero of the digit families a text may carry (ASCII, full-width, Arabic-Indic,
/// Extended Arabic-Indic, Devanagari, mathematical bold).
const ZEROS: [u32; 6] = [0x30, 0xFF10, 0x660, 0x6F0, 0x966, 0x1D7CE];

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn a_cpr_number_in_any_form_is_refused_by_every_input_path(
        digits in cpr_digits(),
        split in 0..SPLITS.len() + 1,
        any_split in prop::collection::btree_set(1usize..10, 0..9),
        sep in prop::collection::vec(0..SEPARATORS.len(), 9),
        zero in 0..ZEROS.len(),
        before in prop::sample::select(vec!["", "Pt ", "cpr: ", "x "]),
        after in prop::sample::select(vec!["", " seng 4", ".", "!"]),
    ) {
        let ends: Vec<usize> = SPLITS.get(split).map_or_else(|| any_split.into_iter().collect(), |s| s.to_vec());
        // dd mm yyyy xx, a four-digit year from the fifth digit on, is a date (`26.11.2026-01`).
        let year = digits[4..8].iter().fold(0u32, |a, d| a * 10 + u32::from(*d));
        prop_assume!(!(ends.contains(&4) && ends.contains(&8) && (1858..=2099).contains(&year)));
        // ... and `hh:mm` or `hh.mm` after the eighth digit is a time (`03.12.26 14:00`).
        let at_8 = ends.iter().position(|&e| e == 8).map(|k| SEPARATORS[sep[k]].trim());
        let (hh, mm) = (digits[6] * 10 + digits[7], digits[8] * 10 + digits[9]);
        prop_assume!(!(matches!(at_8, Some("." | "\u{ff0e}")) && hh <= 23 && mm <= 59));
        let mut text = String::from(before);
        for (i, d) in digits.iter().enumerate() {
            if let Some(k) = ends.iter().position(|&e| e == i) {
                text.push_str(SEPARATORS[sep[k]]);
            }
            text.push(char::from_u32(ZEROS[zero] + *d as u32).unwrap());
        }
        text.push_str(after);
        let missed = refused_everywhere(&text);
        prop_assert!(missed.is_empty(), "{text:?} slipped past: {missed:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// The birth date with its year in full, then the serial number.
    #[test]
    fn a_cpr_number_with_the_year_in_full_is_refused(
        day in 1u32..=28, month in 1u32..=12, year in 1900u32..=2099, serial in 0u32..=9999,
        pad in any::<bool>(),
        sep in prop::collection::vec(0..SEPARATORS.len(), 3),
        joined in any::<bool>(),
    ) {
        let (d, m) = if pad { (format!("{day:02}"), format!("{month:02}")) } else { (day.to_string(), month.to_string()) };
        let text = if joined {
            format!("{day:02}{month:02}{}{year}{}{serial:04}", SEPARATORS[sep[0]], SEPARATORS[sep[1]])
        } else {
            format!("{d}{}{m}{}{year}{}{serial:04}", SEPARATORS[sep[0]], SEPARATORS[sep[1]], SEPARATORS[sep[2]])
        };
        let missed = refused_everywhere(&text);
        prop_assert!(missed.is_empty(), "{text:?} slipped past: {missed:?}");
    }
}

#[test]
fn the_forms_of_the_issue_are_refused() {
    for text in [
        "010190-1234",
        "01.01.90-1234",
        "0101 90 1234",
        "01-01-90-1234",
        "01/01/90-1234",
        "0101901234",
        "01 01 90 12 34",
        "01    01    90    1234",
        "1.1.90-1234",
        "1/12 90 1234",
        "０１０１９０－１２３４",
        "01.01.90 - 1234",
        "01\u{301}01\u{301}90\u{301}1234",
        // The year written in full.
        "01.01.1990-1234",
        "1.1.1990-1234",
        "01/01/1990 1234",
        "0101 1990 1234",
        "01-01-2003-1234",
        // Other splits; any sign of any script between the groups.
        "010 190 1234",
        "01019-01234",
        "0101-9012-34",
        "0 1 0 1 9 0 1 2 3 4",
        "01\u{30fb}01\u{30fb}90-1234",
        "01\u{16eb}01\u{16eb}90-1234",
        "01\u{1806}01\u{1806}90\u{1806}1234",
        "01\u{1361}01\u{1361}90-1234",
        "01\u{5f3}01\u{5f3}90-1234",
        "01\u{1680}01\u{1680}90\u{1680}1234",
        "01\u{2b9}01\u{2b9}90-1234",
        // A lone letter between groups joins them (a word of two ends the chain).
        "01\u{1427}01\u{1427}90\u{1428}1234",
        "01.01.90\u{1428}1234",
        "01\u{1c0}01\u{1c0}90\u{1c0}1234",
        "01.01.90\u{4e00}1234",
        "01.01.90\u{3127}1234",
        "01.01.90\u{1173}1234",
        "01.01.90 l 1234",
        // Right to left, shown in the other order.
        "\u{5d0} 1234 90 01 01",
        "\u{645} 1234 90 01 01",
        "\u{5d0} 1234 1990 01 01",
        // Digits of Unicode 16 and 17 (Garay, Sunuwar).
        "\u{10d40}\u{10d41}\u{10d40}\u{10d41}\u{10d49}\u{10d40}-\u{10d41}\u{10d42}\u{10d43}\u{10d44}",
        "\u{11bf0}\u{11bf1}\u{11bf0}\u{11bf1}\u{11bf9}\u{11bf0}\u{11bf1}\u{11bf2}\u{11bf3}\u{11bf4}",
    ] {
        let missed = refused_everywhere(text);
        assert!(missed.is_empty(), "{text:?} slipped past: {missed:?}");
    }
}

/// Six digits in a row are refused whatever they read as (a birth date
/// alone, or the first half of a number typed without its serial), in any
/// script's digits.
#[test]
fn six_digits_in_a_row_are_refused_in_every_input_path() {
    for text in ["999999", "Pt 123456", "seng 4 010190", "nr \u{663}\u{663}\u{663}\u{663}\u{663}\u{663}"] {
        let missed = refused_everywhere(text);
        assert!(missed.is_empty(), "{text:?} slipped past: {missed:?}");
    }
}

#[test]
fn signs_that_show_nothing_are_refused_in_every_free_text() {
    let w = Worklist::default();
    // Slipped between the digits of a CPR number, each renders as 010190-1234.
    for c in ['\u{34f}', '\u{fe0f}', '\u{e0100}', '\u{3164}', '\u{115f}', '\u{2800}', '\u{ffa0}', '\u{180b}'] {
        let text = format!("01019{c}0-1234");
        assert_eq!(w.check_label(&text), Err(LabelError::Hidden), "{text:?}");
        assert_eq!(check_free_text(&text, MAX_NOTE_CHARS), Err(NoteError::Hidden), "{text:?}");
        assert_eq!(w.check_label(&format!("Pt A{c}")), Err(LabelError::Hidden), "a lookalike label {c:?}");
    }
}

#[test]
fn ordinary_labels_dates_and_times_pass() {
    let w = Worklist::default();
    for label in [
        "Stue 4 seng 12",
        "Pt 2026-11",
        "Seng 12345",
        "A 12.03",
        "Amb. 3/12 kl. 10.30",
        "ÆØÅ 7",
        "Pt 2026-11-26",
        // A date and a time, a date range with two-digit years (the second attack's false positives).
        "MDT 03.12.26 14:00",
        "03/12/26 14:00",
        "12.12.26 12:30",
        "01.12.26-15.12.26",
        "Seng 12 03.12 14.30",
        "Stue 4 seng 12, 03.12 14:30",
        "\u{5d0} 12 34",
    ] {
        assert_eq!(w.check_label(label), Ok(label.to_string()), "{label}");
    }
    for note in [
        "Indlagt 01.12.26-05.12.26",
        "Bx 02.12.26 10.30 stue 4",
        "Samtale 03.12.26 14:00",
        "CT 26.11.2026, PET 01.12.2026",
        "26.11.2026-01.12.2026",
        "bestilt 24/11 kl. 12:30",
        "2026-11-26 12:30",
        "Hb 7,5 CRP 12 leuko 9,8",
        "26.11.2026 12.30",
    ] {
        assert_eq!(check_free_text(note, MAX_NOTE_CHARS), Ok(note.to_string()), "{note}");
    }
}

#[test]
fn invisible_and_direction_characters_are_refused_everywhere() {
    let w = Worklist::default();
    for c in [
        '\u{200b}',
        '\u{200c}',
        '\u{200d}',
        '\u{ad}',
        '\u{200e}',
        '\u{200f}',
        '\u{202e}',
        '\u{2066}',
        '\u{feff}',
        '\u{7}',
        '\u{2028}',
        '\u{e0041}',
    ] {
        let label = format!("Seng{c} 4");
        assert_eq!(w.check_label(&label), Err(LabelError::Hidden), "{:?}", c);
        assert_eq!(check_free_text(&label, MAX_NOTE_CHARS), Err(NoteError::Hidden), "{:?}", c);
        let mut w = Worklist::default();
        w.add("Seng 1", day(), "a".into()).unwrap();
        w.patients[0].label = label.clone();
        let b = decode_backup(&encode_backup(&Stored::new(w, Settings::default()), day()));
        assert!(matches!(b, Err(ImportError::Text(ref t)) if t.fault == TextFault::Hidden), "{c:?}: {b:?}");
    }
    // A zero-width space between digits no longer hides a CPR number either.
    assert!(w.check_label("010190\u{200b}-1234").is_err());
}

#[test]
fn a_uid_read_from_outside_is_never_a_place_for_data() {
    for (uid, fault) in [
        ("abc\u{202e}def".to_string(), TextFault::Hidden),
        ("x".repeat(3_000_000), TextFault::TooLong(cup_pathway::patients::MAX_UID_CHARS)),
    ] {
        let mut w = Worklist::default();
        w.add("Seng 1", day(), "a".into()).unwrap();
        w.patients[0].uid = uid.clone();
        let stored = Stored::new(w, Settings::default());
        match decode_backup(&encode_backup(&stored, day())) {
            Err(ImportError::Text(t)) if t.field == TextField::Uid && t.fault == fault => {}
            other => panic!("{:?}: {:?}", &uid[..uid.len().min(20)], other.map(|_| ())),
        }
        assert!(decode_opened(Some(&encode_stored(&stored))).is_err());
    }
    // The app's own uids, the tests' short ones, and those made for stores from before uids are read.
    let mut w = Worklist::default();
    w.add("Seng 1", day(), "0f3a9c21b4d5e6f708192a3b".into()).unwrap();
    w.add("Seng 2", day(), "uid-g_2".into()).unwrap();
    w.add("Seng 3", day(), "legacy-3-2026-11-25-Seng 3 æøå".into()).unwrap();
    let read = decode_backup(&encode_backup(&Stored::new(w, Settings::default()), day()));
    assert!(read.is_ok(), "{:?}", read.map(|_| ()));
}

#[test]
fn labels_that_differ_only_in_spaces_are_one_label() {
    let mut w = Worklist::default();
    w.add("Pt A", day(), "a".into()).unwrap();
    assert_eq!(w.check_label("Pt  A"), Err(LabelError::Duplicate));
    assert_eq!(w.check_label("Pt\u{3000}A"), Err(LabelError::Duplicate));
    assert_eq!(w.check_label("Pt B"), Ok("Pt B".to_string()));
}
