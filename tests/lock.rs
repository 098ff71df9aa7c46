//! The passphrase lock's stored form, natively: a locked envelope is read
//! as locked (never as plain data), checked before any passphrase is tried,
//! and refused when weakened or damaged. The cryptography itself runs in
//! the browser layer (`tests/browser.rs`, WebCrypto).
#![cfg(not(target_arch = "wasm32"))]

use cup_pathway::i18n::Message;
use chrono::NaiveDate;
use cup_pathway::i18n::Lang;
use cup_pathway::lockbox::{check_new_passphrase, LockBox, LockError, ITERATIONS, KDF, MIN_ITERATIONS};
use cup_pathway::share::base64url;
use cup_pathway::storage::{
    decode_backup, decode_opened, decode_stored, encode_locked, ImportError, Opened, Settings, StorageError,
    LOCKED_VERSION,
};

fn a_box() -> LockBox {
    LockBox {
        kdf: KDF.into(),
        iterations: ITERATIONS,
        salt: base64url(&[1; 16]),
        check_iv: base64url(&[2; 12]),
        check: base64url(&[3; 27]),
        iv: base64url(&[4; 12]),
        data: base64url(&[5; 200]),
    }
}

fn settings() -> Settings {
    Settings {
        lang: Lang::En,
        last_backup: NaiveDate::from_ymd_opt(2026, 11, 20),
        idle_minutes: 5,
        ..Settings::default()
    }
}

#[test]
fn a_locked_store_is_read_as_locked_with_its_settings_readable() {
    let text = encode_locked(&settings(), &a_box(), None);
    assert!(text.contains(&format!("\"version\":{LOCKED_VERSION}")));
    assert_eq!(decode_opened(Some(&text)), Ok(Opened::Locked { settings: settings(), lock: a_box() }));
}

#[test]
fn a_locked_store_is_never_taken_for_plain_data() {
    let text = encode_locked(&settings(), &a_box(), None);
    assert!(matches!(decode_stored(Some(&text)), Err(StorageError::Corrupt(_))));
}

#[test]
fn a_locked_backup_is_offered_for_its_passphrase() {
    let day = NaiveDate::from_ymd_opt(2026, 11, 26);
    let text = encode_locked(&settings(), &a_box(), day);
    assert!(text.contains("\"exported\":\"2026-11-26\""));
    assert!(matches!(decode_backup(&text), Ok(Opened::Locked { .. })));
}

#[test]
fn a_weakened_or_damaged_box_is_refused_before_any_passphrase_is_tried() {
    type Damage = fn(&mut LockBox);
    let damaged: [(&str, Damage); 8] = [
        ("fewer iterations", |b| b.iterations = MIN_ITERATIONS - 1),
        ("absurd iterations", |b| b.iterations = u32::MAX),
        ("another kdf", |b| b.kdf = "PBKDF2-SHA-1".into()),
        ("short salt", |b| b.salt = base64url(&[1; 8])),
        ("long iv", |b| b.iv = base64url(&[4; 16])),
        ("no tag", |b| b.data = base64url(&[5; 10])),
        ("not base64", |b| b.data = "***".into()),
        ("check cut", |b| b.check = base64url(&[3; 20])),
    ];
    for (what, damage) in damaged {
        let mut b = a_box();
        damage(&mut b);
        let text = encode_locked(&settings(), &b, None);
        assert!(matches!(decode_opened(Some(&text)), Err(StorageError::Corrupt(_))), "{what}");
        assert!(matches!(decode_backup(&text), Err(ImportError::NotABackup(_))), "{what}");
    }
    let extra = encode_locked(&settings(), &a_box(), None).replace("\"kdf\"", "\"extra\":1,\"kdf\"");
    assert!(matches!(decode_opened(Some(&extra)), Err(StorageError::Corrupt(_))), "unknown field in the box");
}

#[test]
fn a_newer_locked_format_is_left_alone() {
    let text = encode_locked(&settings(), &a_box(), None).replace("\"version\":7", "\"version\":8");
    assert_eq!(decode_opened(Some(&text)), Err(StorageError::NewerVersion(8)));
}

#[test]
fn an_idle_time_outside_the_choices_falls_back_to_fifteen_minutes() {
    let text = encode_locked(&settings(), &a_box(), None).replace("\"idle_minutes\":5", "\"idle_minutes\":0");
    let Ok(Opened::Locked { settings, .. }) = decode_opened(Some(&text)) else { panic!("not read") };
    assert_eq!(settings.idle_minutes, 15);
}

#[test]
fn a_new_passphrase_is_long_enough_not_common_and_typed_the_same_twice() {
    use cup_pathway::lockbox::{check_strength, MIN_PASSPHRASE_CHARS};
    assert_eq!(MIN_PASSPHRASE_CHARS, 12);
    assert_eq!(check_new_passphrase("kort", "kort"), Err(LockError::TooShort));
    assert_eq!(check_new_passphrase("elleve tegn", "elleve tegn"), Err(LockError::TooShort), "11 characters");
    assert_eq!(check_new_passphrase("lang nok frase", "lang nok frasE"), Err(LockError::Mismatch));
    assert_eq!(check_new_passphrase("blå ør på æg", "blå ør på æg"), Ok(()), "12 characters, not bytes");
    // Spaces around it do not count; an accent typed apart counts once (NFC).
    assert_eq!(check_strength("  blå ør på  "), Err(LockError::TooShort));
    assert_eq!(check_strength("blå o\u{308}r på æ"), Err(LockError::TooShort), "11 characters in NFC");
    // Passphrases people pick are refused whatever their length, in any case.
    for common in
        ["Password1234", "123456789012", " qwertyuiop123 ", "Adgangskode123", "aaaaaaaaaaaaaaaa", "Sommer2026!!"]
    {
        assert_eq!(check_strength(common), Err(LockError::TooCommon), "{common}");
    }
    assert!(LockError::TooCommon.message(Lang::Da).contains("almindelige ord"));
    // Every message exists in both languages.
    for e in [
        LockError::WrongPassphrase,
        LockError::Damaged(cup_pathway::lockbox::Damage::Authentication),
        LockError::Unavailable,
        LockError::NotSaved,
        LockError::TooCommon,
        LockError::Removed,
    ] {
        let (da, en) = (e.message(Lang::Da), e.message(Lang::En));
        assert!(!da.is_empty() && !en.is_empty() && da != en);
    }
}
