//! Fuzzing the three decoders: share links, backup files and the stored
//! envelope (plain and locked). Any input gives a value or an error, never a panic.
//! Short in the suite; `FUZZ_CASES=1000000 cargo test --release --test fuzz` for a long run.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cup_pathway::pathway::{set_answer, Answer, AnswerKind, QuestionId};
use cup_pathway::storage::{
    decode_backup, decode_opened, decode_stored, encode_backup, encode_locked, Settings, Stored,
};
use cup_pathway::patients::Worklist;
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000)
}

/// A valid store with one patient whose answers come from `picks`.
fn valid(picks: &[(usize, usize)]) -> String {
    let mut w = Worklist::default();
    let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let id = w.add("Seng 1", day, "uid-1".into()).unwrap();
    let case = &mut w.get_mut(id).unwrap().case;
    for (q, p) in picks {
        let id = QuestionId::ALL[q % QuestionId::ALL.len()];
        let a = match id.question().kind {
            AnswerKind::YesNo => [Answer::Yes, Answer::No, Answer::Unknown][p % 3].clone(),
            AnswerKind::OneOf { choices } => Answer::Choice(choices[p % choices.len()].key),
            AnswerKind::Number { .. } => Answer::Number((p % 100) as u32),
            AnswerKind::Text { .. } => Answer::Text("æøå".into()),
        };
        let _ = set_answer(case, id, a);
    }
    case.events.referral_received = Some(day);
    encode_backup(&Stored::new(w, Settings::default()), day)
}

/// Change, cut or insert bytes: (where, byte, 0 change / 1 cut / 2 insert).
fn damage(text: String, edits: &[(usize, u8, u8)]) -> String {
    let mut bytes = text.into_bytes();
    for &(at, b, kind) in edits {
        let at = at % (bytes.len() + 1);
        match kind {
            0 if at < bytes.len() => bytes[at] = b,
            1 => bytes.truncate(at),
            _ => bytes.insert(at, b),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn any_text_as_a_stored_envelope_or_a_backup(s in ".{0,400}") {
        let _ = decode_stored(Some(&s));
        let _ = decode_backup(&s);
    }

    #[test]
    fn any_text_as_a_share_link(s in "[0-9A-Za-z._-]{0,400}") {
        let _ = cup_pathway::share::decode(&s);
    }

    /// A real store or backup with bytes changed, cut or inserted.
    #[test]
    fn a_damaged_store_or_backup(
        picks in proptest::collection::vec((0usize..64, 0usize..16), 0..12),
        edits in proptest::collection::vec((0usize..4000, any::<u8>(), 0u8..3), 1..6),
    ) {
        let text = damage(valid(&picks), &edits);
        let _ = decode_stored(Some(&text));
        let _ = decode_backup(&text);
    }

    /// A locked store or backup with bytes changed, cut or inserted: read as
    /// locked (and then only a passphrase can open it) or refused.
    #[test]
    fn a_damaged_locked_store(
        data in proptest::collection::vec(any::<u8>(), 16..600),
        edits in proptest::collection::vec((0usize..1200, any::<u8>(), 0u8..3), 1..6),
    ) {
        use cup_pathway::lockbox::{LockBox, ITERATIONS, KDF};
        use cup_pathway::share::base64url;
        let b = LockBox {
            kdf: KDF.into(),
            iterations: ITERATIONS,
            salt: base64url(&data[..16]),
            check_iv: base64url(&data[..12]),
            check: base64url(&[7; 27]),
            iv: base64url(&data[4..16]),
            data: base64url(&data),
        };
        let text = damage(encode_locked(&Settings::default(), &b, None), &edits);
        let _ = decode_opened(Some(&text));
        let _ = decode_backup(&text);
    }

    /// A real share link with characters changed: an error or the very case, never a panic.
    #[test]
    fn a_damaged_share_link(picks in proptest::collection::vec((0usize..64, 0usize..16), 0..12), at in 0usize..2000, c in any::<char>()) {
        let stored = decode_stored(Some(&valid(&picks))).unwrap();
        let case = &stored.worklist.patients[0].case;
        let link = cup_pathway::share::encode(case);
        let mut chars: Vec<char> = link.chars().collect();
        let at = at % chars.len();
        chars[at] = c;
        let changed: String = chars.into_iter().collect();
        if let Ok(back) = cup_pathway::share::decode(&changed) {
            prop_assert_eq!(&back, case);
        }
    }
}
