//! Share links, natively: round trip, compactness, and every way a link can be damaged.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use department::pathway::{Case, EndReason, Ending, FindingSite, Histology, Sex};
use department::share::{base64url, crc32, decode, encode, from_base64url, ShareError};
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn sample() -> Case {
    let mut c = Case::default();
    c.stamp();
    let a = &mut c.answers;
    a.finding_site = Some(FindingSite::Liver);
    a.sex = Some(Sex::Female);
    a.known_cancer = Some(false);
    a.histology = Some(Histology::Adenocarcinoma);
    a.organ_specific_suspicion = Some("æøå".into());
    c.events.referral_received = Some(d("2026-11-20"));
    c.events.ended = Some(Ending { date: d("2026-11-24"), reason: EndReason::PatientWish });
    c.set_tick("s3_1_history", true, d("2026-11-21"));
    c
}

#[test]
fn a_case_round_trips_through_a_short_link() {
    let c = sample();
    let link = encode(&c);
    assert!(link.starts_with("1."));
    assert!(link.len() < 600, "{} chars", link.len());
    assert_eq!(decode(&link), Ok(c));
    assert_eq!(decode(&encode(&Case::default())), Ok(Case::default()));
}

#[test]
fn damaged_truncated_tampered_or_foreign_links_are_refused() {
    let link = encode(&sample());
    assert_eq!(decode(&link[..link.len() - 1]), Err(ShareError::Damaged));
    let cut = format!("{}.{}", &link[..link.len() / 2], &link[link.len() - 8..]);
    assert!(matches!(decode(&cut), Err(ShareError::Damaged)));
    let mut tampered = link.clone().into_bytes();
    tampered[10] = if tampered[10] == b'A' { b'B' } else { b'A' };
    assert_eq!(decode(&String::from_utf8(tampered).unwrap()), Err(ShareError::Damaged));
    assert_eq!(decode(&link.replacen('1', "2", 1)), Err(ShareError::UnknownVersion));
    assert_eq!(decode(&"x".repeat(9000)), Err(ShareError::TooLong));
    assert_eq!(decode(""), Err(ShareError::Damaged));
    // Valid checksum, but content the case form does not have.
    let forged = |json: &str| format!("1.{}.{:08x}", base64url(json.as_bytes()), crc32(json.as_bytes()));
    assert!(matches!(decode(&forged(r#"{"schema_version":2,"label":"Hansen"}"#)), Err(ShareError::NotACase(_))));
    assert!(matches!(decode(&forged(r#"{"schema_version":5}"#)), Err(ShareError::NotACase(_))));
    assert!(matches!(decode(&forged("[1]")), Err(ShareError::NotACase(_))));
    assert_eq!(
        decode(&forged(r#"{"events":{"referral_received":"1899-01-01"},"schema_version":2}"#)),
        Err(ShareError::DateOutOfRange)
    );
}

#[test]
fn base64url_is_the_rfc_alphabet_without_padding() {
    assert_eq!(base64url(b"f"), "Zg");
    assert_eq!(base64url(b"fo"), "Zm8");
    assert_eq!(base64url(b"foo"), "Zm9v");
    assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    assert_eq!(from_base64url("Zm9v"), Some(b"foo".to_vec()));
    assert_eq!(from_base64url("Zh"), None, "non-zero trailing bits");
    assert_eq!(from_base64url("Z"), None);
    // Only the 64 letters: standard base64's `+ / =`, a space, a byte of
    // a non-ASCII letter and the table's own marker value are refused.
    for bad in ["Zm9+", "Zm9/", "Zg==", "Zm 9", "Zm9\u{e9}", "Zm9\u{ff}", "\u{0}AAA"] {
        assert_eq!(from_base64url(bad), None, "{bad:?}");
    }
    assert_eq!(from_base64url("-_8"), Some(vec![0xfb, 0xff]));
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Any text at all: a case or an error, never a panic.
    #[test]
    fn the_decoder_never_panics(s in ".{0,300}") {
        let _ = decode(&s);
        let _ = decode(&format!("1.{s}"));
    }

    #[test]
    fn base64url_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        prop_assert_eq!(from_base64url(&base64url(&bytes)), Some(bytes));
    }

    /// Flipping any one character of a good link is always caught.
    #[test]
    fn any_single_change_is_caught(i in 0usize..400, c in proptest::char::range('-', 'z')) {
        let link = encode(&sample());
        let i = i % link.len();
        let mut chars: Vec<char> = link.chars().collect();
        prop_assume!(chars[i] != c);
        chars[i] = c;
        let changed: String = chars.into_iter().collect();
        prop_assert!(decode(&changed).is_err());
    }
}

#[test]
fn a_link_made_under_case_schema_2_still_opens() {
    // As the previous version wrote it: a bone finding with spinal cord compression.
    let json = r#"{"answers":{"finding_site":"bone","sex":"male","spinal_cord_compression":true},"events":{"referral_received":"2026-11-20"},"schema_version":2}"#;
    let link = format!("1.{}.{:08x}", base64url(json.as_bytes()), crc32(json.as_bytes()));
    let case = decode(&link).expect("a schema-2 link opens");
    assert_eq!(case.schema_version, 4);
    assert_eq!(case.answers.spinal_cord_compression, Some(true));
    assert_eq!(case.events.acute_referral_made, None);
    // Anything else in a schema-2 link is still refused.
    let json = r#"{"answers":{"finding_site":"bone"},"schema_version":2,"x":1}"#;
    let link = format!("1.{}.{:08x}", base64url(json.as_bytes()), crc32(json.as_bytes()));
    assert!(matches!(decode(&link), Err(ShareError::NotACase(_))));
}

#[test]
fn a_link_carries_the_registered_code_marks_so_a_read_only_view_does_not_invite_registering_twice() {
    let mut c = sample();
    c.set_registered(department::pathway::Code::Afd01A, true);
    let back = decode(&encode(&c)).unwrap();
    assert!(back.registered_codes.contains(&department::pathway::Code::Afd01A));
    assert_eq!(back, c);
}

#[test]
fn a_schema_3_link_opens_and_a_neck_nodes_old_no_primary_found_is_not_read_as_a_rebuttal() {
    // Schema 3's "no primary found" never outranked §2.2.1's neck route; schema 4
    // reads `false` as §7.3's rebuttal, which this clinician never gave: asked again.
    let json = r#"{"answers":{"finding_site":"lymph_node_neck","primary_found":false,"sex":"male"},"events":{"first_attendance":"2026-11-06","referral_received":"2026-11-02"},"schema_version":3}"#;
    let link = format!("1.{}.{:08x}", base64url(json.as_bytes()), crc32(json.as_bytes()));
    let case = decode(&link).expect("a schema-3 link opens");
    assert_eq!((case.schema_version, case.answers.primary_found), (4, None));
    // A liver case keeps its answer: there it always meant §3.3's decision.
    let json = r#"{"answers":{"finding_site":"liver","primary_found":false},"schema_version":3}"#;
    let link = format!("1.{}.{:08x}", base64url(json.as_bytes()), crc32(json.as_bytes()));
    assert_eq!(decode(&link).expect("opens").answers.primary_found, Some(false));
    // Unknown content in an old link is still refused.
    let json = r#"{"answers":{"finding_site":"liver"},"schema_version":3,"x":1}"#;
    let link = format!("1.{}.{:08x}", base64url(json.as_bytes()), crc32(json.as_bytes()));
    assert!(matches!(decode(&link), Err(ShareError::NotACase(_))));
}
