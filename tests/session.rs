//! Issue 23, points 1 and 9, natively: the session's decisions on what
//! another tab did (`state::session`), with no browser.
#![cfg(not(target_arch = "wasm32"))]

use cup_pathway::state::session::{deletion_ends, judge, Found, Verdict};
use cup_pathway::storage::{
    decode_backup, decode_opened, encode_backup, encode_stored, Generation, Opened, Settings, Stored,
};
use cup_pathway::worklist::Worklist;

const OURS: Generation = Generation(0x0123_4567_89ab_cdef);
const NEW: Generation = Generation(0xfedc_ba98_7654_3210);

#[test]
fn a_deletion_seen_late_is_a_deletion_never_a_merge() {
    // The tab that missed "Slet alle data" while the next user began a new store.
    assert_eq!(judge(Some(OURS), true, Found::Store(Some(NEW))), Verdict::Deleted);
    // The store gone, and nobody began a new one yet.
    assert_eq!(judge(Some(OURS), true, Found::Nothing), Verdict::Deleted);
    // Its own store, changed by another tab: merged as usual.
    assert_eq!(judge(Some(OURS), true, Found::Store(Some(OURS))), Verdict::Same);
}

#[test]
fn a_tab_that_began_on_nothing_joins_the_first_store_written() {
    // Two tabs opened on an empty browser: the other wrote first.
    assert_eq!(judge(None, false, Found::Store(Some(NEW))), Verdict::Join(NEW));
    assert_eq!(judge(None, false, Found::Nothing), Verdict::Same);
    // A store from before generations is merged as before.
    assert_eq!(judge(Some(OURS), true, Found::Store(None)), Verdict::Same);
    assert_eq!(judge(None, true, Found::Store(None)), Verdict::Same);
}

#[test]
fn a_deletion_signal_ends_only_the_generation_it_names() {
    assert!(deletion_ends(Some(OURS), OURS));
    // Late, about a store this tab already left, or never held.
    assert!(!deletion_ends(Some(NEW), OURS));
    assert!(!deletion_ends(None, OURS));
}

#[test]
fn the_generation_is_kept_in_the_store_and_never_in_a_backup() {
    let mut w = Worklist::default();
    w.add("Seng 1", chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), "a".into()).unwrap();
    let settings = Settings { generation: Some(OURS), ..Settings::default() };
    let stored = Stored::new(w, settings);
    let text = encode_stored(&stored);
    assert!(text.contains(&OURS.text()), "{text}");
    assert_eq!(decode_opened(Some(&text)).unwrap().generation(), Some(OURS));
    let backup = encode_backup(&stored, chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    assert!(!backup.contains(&OURS.text()), "{backup}");
    // A backup file that carries one (hand-made) is read without it.
    let Opened::Plain(read) = decode_backup(&text).unwrap() else { panic!() };
    assert_eq!(read.settings.generation, None);
    // A generation that is not 16 hexadecimal digits makes the store unreadable, never another generation.
    assert!(decode_opened(Some(&text.replace(&OURS.text(), "zz"))).is_err());
    assert_eq!(
        cup_pathway::tabs::Signal::parse(&cup_pathway::tabs::Signal::Deleted(OURS).word()),
        Some(cup_pathway::tabs::Signal::Deleted(OURS))
    );
}
