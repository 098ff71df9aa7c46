//! Issue 23, point 7: the passphrase's strength is estimated (`strength`),
//! not looked up in a list of 46.
#![cfg(not(target_arch = "wasm32"))]

use department::strength::{guesses_log10, MIN_GUESSES_LOG10};

fn strong(p: &str) -> bool {
    guesses_log10(p) >= MIN_GUESSES_LOG10
}

#[test]
fn passphrases_people_pick_are_weak_whatever_their_length() {
    for p in [
        "Sommer2026!!",
        "Velkommen1234",
        "adgangskode123",
        "Password1234",
        "P4ssw0rd2026!",
        "qwertyuiopå12",
        "1qaz2wsx3edc",
        "abcdefghijkl",
        "aaaaaaaaaaaa",
        "abcabcabcabc",
        "Rigshospitalet1",
        "Mette24121990",
        "herlev2026herlev",
        "drowssap12345",
        "Kodeord2026!",
        "123456789012",
        "Onkologi1234!",
        // The second attack's finds.
        "jegelskerdig",
        "1q2w3e4r5t6y",
        "zaq12wsxcde3",
        "1qazxsw23edc",
        "qwertzuiop12",
        "fodbold12345",
        "sommerferie24",
        "hejmeddig123",
        "Pedersen2024",
        "Birgitte1965!",
        "Jørgen1965!!",
        "godmorgen123",
        "Skejby2026!!",
        "Brøndby2026!!",
    ] {
        assert!(!strong(p), "{p}: {:.1}", guesses_log10(p));
    }
}

#[test]
fn one_sign_or_piece_repeated_is_weak_however_long() {
    for p in ["a".repeat(73), "ab".repeat(25), "æ".repeat(51), "hest ".repeat(30)] {
        assert!(!strong(&p), "{} chars: {:.1}", p.chars().count(), guesses_log10(&p));
    }
}

#[test]
fn passphrases_of_several_unrelated_words_or_random_signs_are_strong() {
    for p in [
        "korrekt hest batteri hæfteklamme",
        "blå cykel under broen synger",
        "Tk9#vq2Lm!x7Pz",
        "grøn-elefant-spiser-regnbue",
        "x7Fq pL2m 9Rtz",
        "mormors kaffekande er blå",
    ] {
        assert!(strong(p), "{p}: {:.1}", guesses_log10(p));
    }
}

#[test]
fn the_estimate_grows_with_what_is_added_and_reads_accents_one_way() {
    assert!(guesses_log10("sommer2026") < guesses_log10("sommer2026 kat under broen"));
    // é as one sign or as e and a combining accent: one passphrase.
    assert_eq!(guesses_log10("caf\u{e9} for alle"), guesses_log10("cafe\u{301} for alle"));
    assert_eq!(guesses_log10(""), 0.0);
}

#[test]
fn a_long_passphrase_is_weighed_quickly() {
    let long = "en lang sætning om ingenting ".repeat(40);
    let t = std::time::Instant::now();
    assert!(strong(&long));
    assert!(t.elapsed().as_millis() < 2_000, "{:?}", t.elapsed());
}
