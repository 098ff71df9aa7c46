//! Issue 23, points 1, 2, 3 and 9, natively: the session as a plain type
//! (`state::session::Session`): every transition of the lock, the two tabs
//! and the resets, events in and effects out, with no browser.
#![cfg(not(target_arch = "wasm32"))]

use cup_pathway::state::session::{
    deletion_ends, idle_ms, judge, may_turn_off, on_store, Action, Effect, Event, Found, Session, Store, Tab, TurnOff,
    Verdict,
};
use cup_pathway::state::{Banner, LockState, Notice, Refusal};
use cup_pathway::storage::{
    decode_backup, decode_opened, encode_backup, encode_stored, Generation, Opened, Settings, StorageError, Stored,
};
use cup_pathway::tabs::Signal;
use cup_pathway::patients::Worklist;
use proptest::prelude::*;

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
fn a_tab_that_began_on_a_store_from_before_generations_joins_only_a_store_that_continues_it() {
    // It loaded the old store (no generation) and holds its patients; another
    // tab deleted everything and the next user began a list lacking one of them
    // (perhaps restoring others from a backup).
    assert_eq!(judge(None, true, Found::Unrelated(NEW)), Verdict::Deleted);
    // The same store, written once by a newer tab (its patients kept): joined.
    assert_eq!(judge(None, true, Found::Store(Some(NEW))), Verdict::Join(NEW));
    // A tab that began on nothing joins whatever is written first.
    assert_eq!(judge(None, false, Found::Unrelated(NEW)), Verdict::Join(NEW));
    assert_eq!(judge(Some(NEW), true, Found::Unrelated(NEW)), Verdict::Same);
    // Seen from a storage event: a reset, never a merge.
    let pre = Tab { lock: LockState::Off, generation: None, seen_store: true, lock_removed: false };
    assert_eq!(on_store(pre, Store::Unrelated(NEW)), (None, Action::Deleted));
    assert_eq!(on_store(pre, Store::Plain(Some(NEW))), (Some(NEW), Action::Merge));
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

// ----- The session as a type: every transition, events in, effects out -----

/// A tab that opened the lock on its store of generation OURS.
fn open_tab() -> Session {
    let mut s = Session::start(LockState::Locked, false, Some(OURS), true);
    let t = s.ticket();
    s.open(t, Some(OURS), false).unwrap();
    assert_eq!(s.lock(), LockState::Unlocked);
    s
}

const ALL_FACTS: TurnOff =
    TurnOff { still_open: true, same_session: true, writer_idle: true, store_unchanged: true, key_fits: true };

#[test]
fn locking_by_hand_forgets_the_cases_reloads_and_tells_every_tab() {
    let mut s = open_tab();
    let fx = s.on(Event::LockNow);
    assert_eq!(s.lock(), LockState::Locked);
    assert_eq!(fx, vec![Effect::CloseShared, Effect::Forget, Effect::DropHeap, Effect::Send(Signal::Lock)]);
    // Locked already, or no lock: nothing is in memory to forget; the others are still told.
    assert_eq!(s.on(Event::LockNow), vec![Effect::Send(Signal::Lock)]);
}

#[test]
fn a_lock_during_a_write_forgets_the_cases_once_the_last_write_is_done() {
    let mut s = open_tab();
    s.on(Event::WriteBegan);
    let fx = s.on(Event::Heard(Signal::Lock));
    assert_eq!(s.lock(), LockState::Locked);
    // The screen closes and notices naming patients go at once; the cases are still being written.
    assert_eq!(fx, vec![Effect::CloseShared, Effect::ForgetNotices]);
    assert_eq!(s.on(Event::WriterDrained), vec![Effect::Forget, Effect::DropHeap]);
    assert!(!s.writing());
    // A writer draining while the lock is open forgets nothing.
    let mut s = open_tab();
    s.on(Event::WriteBegan);
    assert_eq!(s.on(Event::WriterDrained), vec![]);
}

#[test]
fn the_idle_lock_closes_only_an_open_lock_after_the_chosen_time() {
    let mut s = open_tab();
    assert_eq!(s.on(Event::Idle { idle_ms: 899_999.0, limit_ms: 900_000.0 }), vec![]);
    assert_eq!(s.lock(), LockState::Unlocked);
    let fx = s.on(Event::Idle { idle_ms: 900_000.0, limit_ms: 900_000.0 });
    assert_eq!(s.lock(), LockState::Locked);
    assert!(fx.contains(&Effect::Forget) && fx.contains(&Effect::Send(Signal::Lock)), "{fx:?}");
    let mut off = Session::start(LockState::Off, false, Some(OURS), true);
    assert_eq!(off.on(Event::Idle { idle_ms: 1e9, limit_ms: 1.0 }), vec![]);
    assert_eq!(off.lock(), LockState::Off);
}

#[test]
fn a_plain_store_appearing_while_locked_keeps_the_lock_and_waits_for_the_clinician() {
    // Locked (nothing in memory): lock kept, a mark for this tab, no reload needed.
    let mut s = Session::start(LockState::Locked, false, Some(OURS), true);
    let fx = s.on(Event::StoreSeen(Store::Plain(Some(OURS))));
    assert_eq!((s.lock(), s.lock_removed()), (LockState::Locked, true));
    assert!(fx.contains(&Effect::Banner(Some(Banner::Notice(Notice::LockRemoved)))), "{fx:?}");
    assert!(fx.contains(&Effect::MarkLockRemoved) && !fx.contains(&Effect::DropHeap), "{fx:?}");
    // Open: the cases go, and the page reloads remembering why (it still asks after the reload).
    let mut s = open_tab();
    let fx = s.on(Event::StoreSeen(Store::Unreadable));
    assert_eq!((s.lock(), s.lock_removed()), (LockState::Locked, true));
    assert_eq!(
        fx,
        vec![
            Effect::CancelWrite,
            Effect::CloseShared,
            Effect::Forget,
            Effect::Banner(Some(Banner::Notice(Notice::LockRemoved))),
            Effect::MarkLockRemoved,
            Effect::DropHeap
        ]
    );
    // The clinician's word: plain from now on, of the store's generation.
    let fx = s.on(Event::AcceptedWithoutLock { found: Store::Plain(Some(OURS)) });
    assert_eq!((s.lock(), s.lock_removed()), (LockState::Off, false));
    assert_eq!(fx, vec![Effect::ClearLockRemovedMark]);
}

#[test]
fn the_lock_back_before_the_clinician_answered_ends_the_notice_and_stays_closed() {
    let mut s = Session::start(LockState::Locked, true, Some(OURS), true);
    let fx = s.on(Event::StoreSeen(Store::Locked { generation: Some(OURS), key_fits: false }));
    assert_eq!((s.lock(), s.lock_removed()), (LockState::Locked, false));
    assert_eq!(fx, vec![Effect::ClearLockRemovedMark, Effect::Banner(None)]);
    let mut s = Session::start(LockState::Locked, true, Some(OURS), true);
    s.on(Event::AcceptedWithoutLock { found: Store::Locked { generation: Some(OURS), key_fits: false } });
    assert_eq!((s.lock(), s.lock_removed()), (LockState::Locked, false));
}

#[test]
fn a_deletion_seen_late_resets_once_and_adopts_the_new_store_without_merging() {
    for start in [LockState::Off, LockState::Unlocked, LockState::Locked] {
        let mut s =
            if start == LockState::Unlocked { open_tab() } else { Session::start(start, false, Some(OURS), true) };
        let before = s.ticket();
        let fx = s.on(Event::StoreSeen(Store::Plain(Some(NEW))));
        assert!(!fx.contains(&Effect::Merge) && !fx.contains(&Effect::MergeLocked), "{start:?}: {fx:?}");
        assert_eq!(
            fx,
            vec![
                Effect::CancelWrite,
                Effect::Forget,
                Effect::CloseShared,
                Effect::ForgetBackupDate,
                Effect::ClearLockRemovedMark,
                // What it adopts is never of the generation deleted: that
                // would be deleted data written back late, and is removed.
                Effect::Adopt { deleted: Some(OURS) },
                Effect::Banner(Some(Banner::Notice(Notice::DeletedElsewhere)))
            ],
            "{start:?}"
        );
        assert_eq!((s.lock(), s.generation()), (LockState::Off, None));
        assert!(!s.still(before), "an async step begun before the reset must see it");
        s.on(Event::Adopted { generation: Some(NEW), locked: false });
        assert_eq!(s.generation(), Some(NEW));
        // Its next write is of the new store: no second reset.
        assert_eq!(s.before_write(Found::Store(Some(NEW))), Ok(()));
    }
    // The signal, heard: the same reset; about another generation, nothing.
    let mut s = open_tab();
    assert_eq!(s.on(Event::Heard(Signal::Deleted(NEW))), vec![]);
    assert_eq!(s.lock(), LockState::Unlocked);
    let fx = s.on(Event::Heard(Signal::Deleted(OURS)));
    assert!(fx.contains(&Effect::Adopt { deleted: Some(OURS) }) && s.lock() == LockState::Off, "{fx:?}");
    // Adopting a locked store: locked, nothing in memory, and a reload for the heap that held the old cases.
    assert_eq!(s.on(Event::Adopted { generation: Some(NEW), locked: true }), vec![Effect::Forget, Effect::DropHeap]);
    assert_eq!((s.lock(), s.generation()), (LockState::Locked, Some(NEW)));
}

#[test]
fn before_a_write_a_missing_or_other_store_is_a_deletion_and_a_first_store_is_joined() {
    let mut s = Session::start(LockState::Off, false, Some(OURS), true);
    assert_eq!(s.before_write(Found::Nothing), Err(Refusal::DeletedElsewhere));
    assert_eq!(s.before_write(Found::Store(Some(NEW))), Err(Refusal::DeletedElsewhere));
    let mut fresh = Session::start(LockState::Off, false, None, false);
    assert_eq!(fresh.before_write(Found::Store(Some(NEW))), Ok(()));
    assert_eq!(fresh.generation(), Some(NEW));
    let mut empty = Session::start(LockState::Off, false, None, false);
    assert_eq!(empty.generation_or(OURS), OURS);
    assert_eq!(empty.generation_or(NEW), OURS, "a tab keeps its generation");
}

#[test]
fn deleting_here_resets_tells_the_others_and_reloads_where_the_box_was_opened() {
    let mut s = open_tab();
    let fx = s.on(Event::DeletedHere);
    assert_eq!((s.lock(), s.generation()), (LockState::Off, None));
    assert!(fx.contains(&Effect::Send(Signal::Deleted(OURS))) && fx.contains(&Effect::Forget), "{fx:?}");
    assert!(!fx.contains(&Effect::DropHeap), "{fx:?}");
    // Under the lock (the passphrase checked by opening the box): the page reloads.
    let mut s = Session::start(LockState::Locked, false, Some(OURS), true);
    let fx = s.on(Event::DeletedHere);
    assert_eq!(fx.last(), Some(&Effect::DropHeap));
    assert_eq!(s.lock(), LockState::Off);
}

#[test]
fn a_write_refused_follows_the_other_tab() {
    let mut s = open_tab();
    let fx = s.on(Event::Refused(Refusal::LockedElsewhere));
    assert_eq!(s.lock(), LockState::Locked);
    assert_eq!(
        fx,
        vec![
            Effect::CloseShared,
            Effect::Forget,
            Effect::Banner(Some(Banner::Notice(Notice::LockedElsewhere))),
            Effect::DropHeap
        ]
    );
    // The lock turned on in another tab while this one had none: followed, and reloaded.
    let mut off = Session::start(LockState::Off, false, Some(OURS), true);
    let fx = off.on(Event::StoreSeen(Store::Locked { generation: Some(OURS), key_fits: false }));
    assert_eq!(off.lock(), LockState::Locked);
    assert_eq!(fx, vec![Effect::CloseShared, Effect::Forget, Effect::DropHeap]);
    // Any other failure is only shown.
    let mut s = open_tab();
    assert_eq!(
        s.on(Event::Refused(Refusal::Failed(StorageError::QuotaExceeded))),
        vec![Effect::Banner(Some(Banner::Failed(StorageError::QuotaExceeded)))]
    );
    assert_eq!(s.lock(), LockState::Unlocked);
}

/// Issue 27.2: what happens where nothing failed is a notice, never a storage
/// error: a refused write is shown as a failure only when storage failed, and
/// no session event shows a notice as a failure.
#[test]
fn a_refused_write_is_a_notice_unless_storage_failed() {
    for (r, notice) in [
        (Refusal::LockedElsewhere, Notice::LockedElsewhere),
        (Refusal::LockRemoved, Notice::LockRemoved),
        (Refusal::DeletedElsewhere, Notice::DeletedElsewhere),
    ] {
        assert_eq!(Banner::from(r.clone()), Banner::Notice(notice.clone()));
        let fx = open_tab().on(Event::Refused(r));
        assert!(fx.contains(&Effect::Banner(Some(Banner::Notice(notice)))), "{fx:?}");
        assert!(!fx.iter().any(|e| matches!(e, Effect::Banner(Some(Banner::Failed(_))))), "{fx:?}");
    }
    let failed = Refusal::from(StorageError::QuotaExceeded);
    assert_eq!(Banner::from(failed), Banner::Failed(StorageError::QuotaExceeded));
    // Only the notice that names patients goes when the lock closes.
    assert!(Banner::Notice(Notice::Renumbered(vec!["nr. 2 »Seng 2«".into()])).names_patients());
    assert!(!Banner::Notice(Notice::DeletedElsewhere).names_patients());
    assert!(!Banner::Failed(StorageError::QuotaExceeded).names_patients());
}

#[test]
fn opening_the_lock_is_refused_when_it_was_removed_or_everything_deleted_during_the_key_derivation() {
    // The lock removed meanwhile.
    let mut s = Session::start(LockState::Locked, false, Some(OURS), true);
    let t = s.ticket();
    s.on(Event::StoreSeen(Store::Plain(Some(OURS))));
    assert_eq!(s.open(t, Some(OURS), false), Err(Refusal::LockRemoved));
    assert_eq!(s.lock(), LockState::Locked);
    // Everything deleted, and the next user locked a new list, while the key was derived:
    // the old box's cases must not open into the new store.
    let mut s = Session::start(LockState::Locked, false, Some(OURS), true);
    let t = s.ticket();
    s.on(Event::Heard(Signal::Deleted(OURS)));
    s.on(Event::Adopted { generation: Some(NEW), locked: true });
    assert_eq!(s.lock(), LockState::Locked);
    assert_eq!(s.open(t, Some(OURS), false), Err(Refusal::LockRemoved));
    // Already removed when the clinician began: it opens (the lock came back).
    let mut s = Session::start(LockState::Locked, true, Some(OURS), true);
    let t = s.ticket();
    assert_eq!(s.open(t, Some(OURS), true), Ok(vec![Effect::ClearLockRemovedMark]));
    assert_eq!((s.lock(), s.lock_removed(), s.weak_passphrase()), (LockState::Unlocked, false, true));
}

#[test]
fn turning_the_lock_off_is_refused_after_a_lock_signal_a_write_or_a_reset_during_the_decrypt() {
    // A lock signal from another tab during the decrypt.
    let mut s = open_tab();
    let t = s.ticket();
    s.on(Event::Heard(Signal::Lock));
    assert!(s.turn_off(t, ALL_FACTS).is_err());
    assert_eq!(s.lock(), LockState::Locked, "the encrypted store stays as it was");
    // A write begun meanwhile.
    let mut s = open_tab();
    let t = s.ticket();
    s.on(Event::WriteBegan);
    assert!(s.turn_off(t, ALL_FACTS).is_err());
    assert_eq!(s.lock(), LockState::Unlocked);
    // Everything deleted meanwhile, and this tab opened a new lock since.
    let mut s = open_tab();
    let t = s.ticket();
    s.on(Event::DeletedHere);
    let t2 = s.ticket();
    s.turned_on(t2).unwrap();
    assert!(s.turn_off(t, ALL_FACTS).is_err());
    // Nothing changed: off; a failed write puts the lock back.
    let mut s = open_tab();
    let t = s.ticket();
    assert_eq!(s.turn_off(t, ALL_FACTS), Ok(()));
    assert_eq!(s.lock(), LockState::Off);
    s.turn_off_failed();
    assert_eq!(s.lock(), LockState::Unlocked);
}

#[test]
fn the_lock_turned_on_during_a_reset_is_not_on() {
    let mut s = Session::start(LockState::Off, false, Some(OURS), true);
    let t = s.ticket();
    s.on(Event::Heard(Signal::Deleted(OURS)));
    assert!(s.turned_on(t).is_err());
    assert_eq!(s.lock(), LockState::Off);
    let t = s.ticket();
    assert_eq!(s.turned_on(t), Ok(()));
    assert_eq!(s.lock(), LockState::Unlocked);
}

#[test]
fn nothing_to_open_turns_a_locked_tab_off_only_when_locked() {
    let mut s = Session::start(LockState::Locked, true, None, false);
    assert_eq!(s.on(Event::NothingToOpen), vec![Effect::ClearLockRemovedMark]);
    assert_eq!((s.lock(), s.lock_removed()), (LockState::Off, false));
    let mut s = open_tab();
    assert_eq!(s.on(Event::NothingToOpen), vec![]);
    assert_eq!(s.lock(), LockState::Unlocked);
}

#[test]
fn there_is_one_reset_and_it_leaves_nothing_of_the_session() {
    let mut s = open_tab();
    s.on(Event::StoreSeen(Store::Unreadable));
    let mut fx = vec![];
    s.reset(&mut fx);
    let fresh = Session::start(LockState::Off, false, None, false);
    assert_eq!((s.lock(), s.lock_removed(), s.weak_passphrase(), s.generation()), (LockState::Off, false, false, None));
    // Only the count of resets differs from a new session.
    assert_ne!(s, fresh);
    assert!(!s.still(fresh.ticket()));
    for e in [
        Effect::CancelWrite,
        Effect::Forget,
        Effect::CloseShared,
        Effect::ForgetBackupDate,
        Effect::ClearLockRemovedMark,
    ] {
        assert!(fx.contains(&e), "{e:?} missing from {fx:?}");
    }
    // Written once in the source: `delete_all`, a deletion heard and one seen late all call it.
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/state/session.rs")).unwrap();
    assert_eq!(text.matches("Session { epoch").count(), 1);
    let glue = ["/src/state/lock.rs", "/src/state/writer.rs", "/src/state/mod.rs"]
        .map(|f| std::fs::read_to_string(format!("{}{f}", env!("CARGO_MANIFEST_DIR"))).unwrap())
        .join("\n");
    for field in ["generation.set_value", "epoch", "seen_store", "lock.set(", "lock_removed.set("] {
        assert!(!glue.contains(field), "the browser glue changes the session itself: {field}");
    }
}

// ----- Generated event sequences: the lock's promises hold after every step -----

#[derive(Clone, Debug)]
enum Step {
    Event(Event),
    /// An async step (unlock, lock on, lock off) takes its ticket now ...
    Ticket,
    /// ... and ends now.
    Open,
    TurnOn,
    TurnOff,
}

fn generation() -> impl Strategy<Value = Option<Generation>> {
    prop_oneof![Just(Some(OURS)), Just(Some(NEW)), Just(None)]
}

fn store() -> impl Strategy<Value = Store> {
    prop_oneof![
        Just(Store::Nothing),
        Just(Store::Unreadable),
        generation().prop_map(Store::Plain),
        Just(Store::Unrelated(NEW)),
        (generation(), any::<bool>()).prop_map(|(generation, key_fits)| Store::Locked { generation, key_fits }),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        Just(Step::Event(Event::LockNow)),
        (0.0..2.0f64).prop_map(|f| Step::Event(Event::Idle { idle_ms: f * 1000.0, limit_ms: 1000.0 })),
        prop_oneof![Just(Signal::Lock), Just(Signal::Active), Just(Signal::Deleted(OURS)), Just(Signal::Deleted(NEW))]
            .prop_map(|s| Step::Event(Event::Heard(s))),
        store().prop_map(|s| Step::Event(Event::StoreSeen(s))),
        prop_oneof![
            Just(Refusal::LockedElsewhere),
            Just(Refusal::LockRemoved),
            Just(Refusal::DeletedElsewhere),
            Just(Refusal::Failed(StorageError::QuotaExceeded))
        ]
        .prop_map(|e| Step::Event(Event::Refused(e))),
        Just(Step::Event(Event::WriteBegan)),
        Just(Step::Event(Event::WriterDrained)),
        Just(Step::Event(Event::Written)),
        Just(Step::Event(Event::DeletedHere)),
        (generation(), any::<bool>())
            .prop_map(|(generation, locked)| Step::Event(Event::Adopted { generation, locked })),
        Just(Step::Event(Event::NothingToOpen)),
        store().prop_map(|found| Step::Event(Event::AcceptedWithoutLock { found })),
        Just(Step::Ticket),
        Just(Step::Open),
        Just(Step::TurnOn),
        Just(Step::TurnOff),
    ]
}

/// What the browser side holds, as the effects leave it.
#[derive(Default)]
struct Glue {
    /// Cases in the tab's memory (the worklist, decrypted text, the key).
    cases: bool,
    reloads: u32,
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// Whatever happens in whatever order: a closed lock with no write under
    /// way holds no case in memory; a removed lock is a closed lock; a reset
    /// never merges; a reload comes after the cases were forgotten; an async
    /// step that began before a reset changes nothing after it.
    #[test]
    fn whatever_happens_a_closed_lock_holds_no_case(
        start in prop_oneof![Just(LockState::Off), Just(LockState::Locked)],
        steps in proptest::collection::vec(step(), 1..40),
    ) {
        let mut s = Session::start(start, false, Some(OURS), true);
        let mut glue = Glue { cases: start == LockState::Off, ..Glue::default() };
        let mut ticket = s.ticket();
        for step in steps {
            let fx = match step {
                Step::Event(e) => {
                    // The glue sends a write only while the lock is open, and drains only a running one.
                    if e == Event::WriteBegan && (s.lock() != LockState::Unlocked || s.writing()) { continue; }
                    if e == Event::WriterDrained && !s.writing() { continue; }
                    let adopt_plain = matches!(e, Event::Adopted { locked: false, generation: Some(_) })
                        || matches!(e, Event::AcceptedWithoutLock { found: Store::Plain(_) | Store::Unreadable });
                    let fx = s.on(e);
                    if adopt_plain && s.lock() == LockState::Off { glue.cases = true; }
                    fx
                }
                Step::Ticket => { ticket = s.ticket(); vec![] }
                Step::Open => {
                    let reset_since = !s.still(ticket);
                    match s.open(ticket, Some(OURS), false) {
                        Ok(fx) => { prop_assert!(!reset_since); glue.cases = true; fx }
                        Err(_) => vec![],
                    }
                }
                Step::TurnOn => {
                    let reset_since = !s.still(ticket);
                    if s.turned_on(ticket).is_ok() { prop_assert!(!reset_since); glue.cases = true; }
                    vec![]
                }
                Step::TurnOff => {
                    let reset_since = !s.still(ticket);
                    let was = s.lock();
                    if s.turn_off(ticket, ALL_FACTS).is_ok() {
                        prop_assert!(!reset_since && was == LockState::Unlocked && !s.writing());
                    }
                    vec![]
                }
            };
            let resets = fx.contains(&Effect::CancelWrite) && fx.contains(&Effect::ForgetBackupDate);
            prop_assert!(!(resets && (fx.contains(&Effect::Merge) || fx.contains(&Effect::MergeLocked))), "{fx:?}");
            for e in &fx {
                match e {
                    Effect::Forget => glue.cases = false,
                    Effect::Merge | Effect::MergeLocked => {
                        prop_assert!(s.lock() != LockState::Locked, "merged into a closed lock: {fx:?}");
                        glue.cases = true;
                    }
                    Effect::DropHeap => {
                        prop_assert!(!glue.cases, "reloaded before forgetting: {fx:?}");
                        glue.reloads += 1;
                    }
                    _ => {}
                }
            }
            if s.lock() == LockState::Locked && !s.writing() {
                prop_assert!(!glue.cases, "a closed lock holds cases: {s:?}");
            }
            prop_assert!(!s.lock_removed() || s.lock() == LockState::Locked, "{s:?}");
        }
    }
}
