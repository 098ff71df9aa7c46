//! Issue 23, points 1 and 9, natively: the session's decisions on what
//! another tab did (`state::session`), with no browser.
#![cfg(not(target_arch = "wasm32"))]

use cup_pathway::state::session::{
    deletion_ends, idle_ms, judge, may_turn_off, on_store, Action, Found, Store, Tab, TurnOff, Verdict,
};
use cup_pathway::state::LockState;
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

fn tab(lock: LockState) -> Tab {
    Tab { lock, generation: Some(OURS), seen_store: true, lock_removed: false }
}

#[test]
fn a_plain_store_appearing_while_locked_or_open_never_opens_the_clear() {
    for lock in [LockState::Locked, LockState::Unlocked] {
        assert_eq!(on_store(tab(lock), Store::Plain(Some(OURS))), (None, Action::LockRemoved), "{lock:?}");
        assert_eq!(on_store(tab(lock), Store::Unreadable), (None, Action::LockRemoved), "{lock:?}");
    }
    // Locked again afterwards: the notice goes, the lock stays closed.
    let removed = Tab { lock_removed: true, ..tab(LockState::Locked) };
    let locked = Store::Locked { generation: Some(OURS), key_fits: false };
    assert_eq!(on_store(removed, locked), (None, Action::LockBack));
    assert_eq!(on_store(tab(LockState::Locked), locked), (None, Action::Nothing));
}

#[test]
fn the_lock_turned_on_or_changed_elsewhere_is_followed() {
    let fits = Store::Locked { generation: Some(OURS), key_fits: true };
    let other_key = Store::Locked { generation: Some(OURS), key_fits: false };
    assert_eq!(on_store(tab(LockState::Off), fits), (None, Action::FollowLock));
    assert_eq!(on_store(tab(LockState::Unlocked), fits), (None, Action::MergeLocked));
    assert_eq!(on_store(tab(LockState::Unlocked), other_key), (None, Action::LockHere));
    assert_eq!(on_store(tab(LockState::Off), Store::Plain(Some(OURS))), (None, Action::Merge));
    // Unreadable where no lock is held: kept under its own key at the next write, nothing now.
    assert_eq!(on_store(tab(LockState::Off), Store::Unreadable), (None, Action::Nothing));
}

#[test]
fn a_deletion_seen_late_in_any_lock_state_resets_and_never_merges() {
    for lock in [LockState::Off, LockState::Locked, LockState::Unlocked] {
        for store in [Store::Nothing, Store::Plain(Some(NEW)), Store::Locked { generation: Some(NEW), key_fits: true }]
        {
            assert_eq!(on_store(tab(lock), store), (None, Action::Deleted), "{lock:?} {store:?}");
        }
    }
    // A tab that began on nothing joins the first store, and merges it.
    let fresh = Tab { lock: LockState::Off, generation: None, seen_store: false, lock_removed: false };
    assert_eq!(on_store(fresh, Store::Plain(Some(NEW))), (Some(NEW), Action::Merge));
    assert_eq!(on_store(fresh, Store::Nothing), (None, Action::Nothing));
}

#[test]
fn turning_the_lock_off_writes_only_if_nothing_changed_during_the_decrypt() {
    let all =
        TurnOff { still_open: true, same_session: true, writer_idle: true, store_unchanged: true, key_fits: true };
    assert!(may_turn_off(all));
    // A lock signal from another tab (or the idle lock) during the decrypt.
    assert!(!may_turn_off(TurnOff { still_open: false, ..all }));
    // Everything deleted meanwhile; a write began; another tab wrote; another passphrase.
    assert!(!may_turn_off(TurnOff { same_session: false, ..all }));
    assert!(!may_turn_off(TurnOff { writer_idle: false, ..all }));
    assert!(!may_turn_off(TurnOff { store_unchanged: false, ..all }));
    assert!(!may_turn_off(TurnOff { key_fits: false, ..all }));
}

#[test]
fn the_session_decisions_touch_no_browser_and_no_reactive_code() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/state/session.rs")).unwrap();
    for forbidden in ["leptos::", "use leptos", "js_sys::", "web_sys::", "wasm_bindgen", "storage::local", "gloo"] {
        assert!(!text.contains(forbidden), "src/state/session.rs uses {forbidden}");
    }
}

#[test]
fn the_idle_time_is_the_longer_of_the_two_clocks() {
    let minute = 60_000.0;
    // The wall clock set back an hour: the monotonic clock still counts 16 minutes.
    assert_eq!(idle_ms(1_000.0, 1_000.0 + 16.0 * minute, 5e12, 5e12 - 44.0 * minute), 16.0 * minute);
    // A tablet asleep: the monotonic clock stopped, the wall clock did not.
    assert_eq!(idle_ms(1_000.0, 1_000.0, 5e12, 5e12 + 16.0 * minute), 16.0 * minute);
}
