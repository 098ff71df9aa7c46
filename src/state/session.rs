//! The session's decisions on what another tab did, as plain functions of
//! plain values (no leptos, no `js_sys`), tested natively (`tests/session.rs`):
//! whether a store is this tab's generation ([`judge`]), what a tab does on
//! another tab's store ([`on_store`]: the two-tab transitions of the lock),
//! and whether *Slå lås fra* may write ([`may_turn_off`]). `AppState` reads
//! the browser, asks these, and applies what they decide.

use super::LockState;
use crate::storage::Generation;

/// What this tab finds under the store's key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// Nothing stored.
    Nothing,
    /// A store (plain or locked) of this generation (`None`: written before generations).
    Store(Option<Generation>),
}

/// What a tab does about what it found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The store this tab knows, or nothing where it knew none: go on (merge as usual).
    Same,
    /// A store, and this tab has no generation yet (it began on an empty or an
    /// older store): take the store's generation, and merge as usual.
    Join(Generation),
    /// Everything this tab held was deleted elsewhere (*Slet alle data*):
    /// empty this tab, adopt what is stored now, and merge nothing of the old.
    Deleted,
}

/// Judge what was found against what this tab holds: its generation, and
/// whether it has seen a store exist (read or written).
pub fn judge(ours: Option<Generation>, seen_store: bool, found: Found) -> Verdict {
    match found {
        Found::Nothing if seen_store => Verdict::Deleted,
        Found::Nothing => Verdict::Same,
        // A store from before generations (or an older version's write): merged as before.
        Found::Store(None) => Verdict::Same,
        Found::Store(Some(g)) => match ours {
            Some(o) if o == g => Verdict::Same,
            None => Verdict::Join(g),
            Some(_) => Verdict::Deleted,
        },
    }
}

/// Another tab said it deleted the store of generation `deleted`: does that
/// end what this tab holds? (A late signal about a generation this tab never
/// held, or already left, changes nothing.)
pub fn deletion_ends(ours: Option<Generation>, deleted: Generation) -> bool {
    ours == Some(deleted)
}

/// What this tab holds, as far as the decisions below need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tab {
    pub lock: LockState,
    pub generation: Option<Generation>,
    /// It has seen a store exist (read or written).
    pub seen_store: bool,
    /// It holds a lock whose store turned plain or unreadable behind its back.
    pub lock_removed: bool,
}

/// What another tab left under the store's key (a storage event, or the
/// store read again when the page is shown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    Nothing,
    /// Text that cannot be read (kept under its own key at the next read).
    Unreadable,
    Plain(Option<Generation>),
    /// Locked; `key_fits`: this tab's key (if any) opens it.
    Locked {
        generation: Option<Generation>,
        key_fits: bool,
    },
}

/// What a tab does about another tab's store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Nothing,
    /// Take its patients in (by uid, the later change winning).
    Merge,
    /// Open it with this tab's key and take its patients in.
    MergeLocked,
    /// The lock was turned on elsewhere: lock, forget, reload.
    FollowLock,
    /// Locked with another passphrase: lock here (forget, reload).
    LockHere,
    /// Plain or unreadable where this tab holds a lock: lock, forget, and
    /// wait for the clinician's word before anything is stored in the clear.
    LockRemoved,
    /// Locked again where the lock had been removed: the notice goes.
    LockBack,
    /// Deleted elsewhere (see [`judge`]): reset, adopt what is stored now.
    Deleted,
}

/// Another tab's store, seen by this tab: the generation it joins (if it
/// had none), and what it does.
pub fn on_store(tab: Tab, store: Store) -> (Option<Generation>, Action) {
    let holding = tab.lock != LockState::Off;
    let generation = match store {
        Store::Nothing if tab.seen_store || holding => return (None, Action::Deleted),
        Store::Nothing => return (None, Action::Nothing),
        Store::Unreadable if holding => return (None, Action::LockRemoved),
        Store::Unreadable => return (None, Action::Nothing),
        Store::Plain(g) | Store::Locked { generation: g, .. } => g,
    };
    let joined = match judge(tab.generation, tab.seen_store, Found::Store(generation)) {
        Verdict::Deleted => return (None, Action::Deleted),
        Verdict::Join(g) => Some(g),
        Verdict::Same => None,
    };
    let action = match (tab.lock, store) {
        (LockState::Off, Store::Plain(_)) => Action::Merge,
        (LockState::Off, _) => Action::FollowLock,
        (_, Store::Plain(_)) => Action::LockRemoved,
        (LockState::Locked, _) if tab.lock_removed => Action::LockBack,
        (LockState::Locked, _) => Action::Nothing,
        (LockState::Unlocked, Store::Locked { key_fits: true, .. }) => Action::MergeLocked,
        (LockState::Unlocked, _) => Action::LockHere,
    };
    (joined, action)
}

/// How long the app has been idle, from the monotonic clock (`performance.now()`,
/// which a clock set back cannot turn back) and the wall clock (which goes on
/// while a device sleeps): whichever says more.
pub fn idle_ms(monotonic_then: f64, monotonic_now: f64, wall_then: f64, wall_now: f64) -> f64 {
    (monotonic_now - monotonic_then).max(wall_now - wall_then)
}

/// What *Slå lås fra* found after reading the store (an await): it writes
/// in the clear only if nothing changed meanwhile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TurnOff {
    /// The lock is still open in this tab (no lock signal, no idle lock).
    pub still_open: bool,
    /// No reset (everything deleted) since it began.
    pub same_session: bool,
    /// No write under way.
    pub writer_idle: bool,
    /// The store is still exactly what it read.
    pub store_unchanged: bool,
    /// The key still opens the store.
    pub key_fits: bool,
}

/// May *Slå lås fra* write the store in the clear?
pub fn may_turn_off(t: TurnOff) -> bool {
    t.still_open && t.same_session && t.writer_idle && t.store_unchanged && t.key_fits
}
