//! The session as a plain type (no leptos, no `js_sys`), tested natively
//! (`tests/session.rs`): [`Session`] holds what decides the lock and the
//! two-tab transitions (the lock's state, this tab's store generation, a
//! write under way, the count of resets) and turns each [`Event`] into the
//! [`Effect`]s `AppState` carries out with the browser (forget the cases,
//! reload the page, merge, tell the other tabs, show a notice). There is one
//! [`Session::reset`]. The functions below it are the pure judgements the
//! type uses: whether a store is this tab's generation ([`judge`]), what a
//! tab does on another tab's store ([`on_store`]), and whether *Slå lås fra*
//! may write ([`may_turn_off`]).

use super::notice::{Banner, Notice, Refusal};
use crate::storage::{Generation, StorageError};
use crate::tabs::Signal;

/// The passphrase lock (`lock`): off, on and closed, or on and open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LockState {
    /// Stored in the clear (the default).
    #[default]
    Off,
    /// Stored encrypted; nothing of it is in memory.
    Locked,
    /// Stored encrypted; open in this tab, the key held in memory.
    Unlocked,
}

/// What the session decides about this tab; `AppState` keeps it in one
/// signal, and the screens read the lock from it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Session {
    lock: LockState,
    /// This tab held the lock and the store became plain or unreadable
    /// without its own "turn off": it stays locked, and stores nothing in the
    /// clear until the clinician confirms it here.
    lock_removed: bool,
    /// Opened with a passphrase a new lock would refuse.
    weak_passphrase: bool,
    /// The generation of the store this tab holds (`None` until it read or wrote one).
    generation: Option<Generation>,
    /// It has seen a store exist (read or written): gone before a write means deleted elsewhere.
    seen_store: bool,
    /// Counts the resets: an async step begun before one changes nothing after it.
    epoch: u64,
    /// The locked writer is sealing or writing.
    writing: bool,
}

/// What happens to the session.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// *Lås* pressed here: lock here and in every other tab.
    LockNow,
    /// The idle timer looked: idle for `idle_ms`, the limit `limit_ms`.
    Idle {
        idle_ms: f64,
        limit_ms: f64,
    },
    /// Another tab said something (see `tabs`).
    Heard(Signal),
    /// Another tab's store (a storage event, or the page shown again).
    StoreSeen(Store),
    /// A write found it must not write (see `AppState::take_in_before_write`).
    Refused(Refusal),
    /// The locked writer began, or finished its last write.
    WriteBegan,
    WriterDrained,
    /// This tab wrote the store.
    Written,
    /// *Slet alle data* here succeeded (the browser's storage is empty).
    DeletedHere,
    /// After a deletion elsewhere, what is stored now: nothing, or a store of
    /// this generation, plain or locked (see [`Effect::Adopt`]).
    Adopted {
        generation: Option<Generation>,
        locked: bool,
    },
    /// Locked, and asked to open: the store is gone (everything deleted), so
    /// nothing is left to lock.
    NothingToOpen,
    /// The clinician confirmed here that the store is no longer locked: read
    /// as plain (its generation), unreadable (kept aside), or locked again.
    AcceptedWithoutLock {
        found: Store,
    },
}

/// What `AppState` does, in the order given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// The cases leave this tab's memory: the worklist, the encoder's text,
    /// what was written, the key, and every notice that names a patient.
    Forget,
    /// Only the notices that name a patient go (the cases go after the last write).
    ForgetNotices,
    /// A case opened from a share link is closed.
    CloseShared,
    /// Reload the page, so the WebAssembly heap that held the cases is gone.
    DropHeap,
    /// Remember, for this tab only (a reload), that the lock was removed behind its back.
    MarkLockRemoved,
    /// The mark goes: the clinician answered, or the lock is back.
    ClearLockRemovedMark,
    /// A pending locked write is dropped.
    CancelWrite,
    /// The date of the last backup goes (a setting of the deleted store).
    ForgetBackupDate,
    /// Tell every other tab.
    Send(Signal),
    /// Show this failure or notice in the banner, or clear it.
    Banner(Option<Banner>),
    /// Take in the other tab's plain patients.
    Merge,
    /// Open the other tab's box with this tab's key and take its patients in.
    MergeLocked,
    /// Read what is stored now and adopt it as it is (then [`Event::Adopted`]),
    /// unless it is of `deleted`, the generation just deleted: that is deleted
    /// data written back late (a save racing *Slet alle data* in another
    /// tab), and is removed, not adopted.
    Adopt { deleted: Option<Generation> },
}

/// Taken before an await (a key derived, a box opened); what comes after
/// checks it still holds (see [`Session::open`], [`Session::still`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ticket {
    epoch: u64,
    lock_removed: bool,
}

impl Session {
    /// The session a page starts with, from what it read.
    pub fn start(lock: LockState, lock_removed: bool, generation: Option<Generation>, seen_store: bool) -> Session {
        Session { lock, lock_removed, generation, seen_store, ..Session::default() }
    }

    pub fn lock(&self) -> LockState {
        self.lock
    }
    pub fn lock_removed(&self) -> bool {
        self.lock_removed
    }
    pub fn weak_passphrase(&self) -> bool {
        self.weak_passphrase
    }
    pub fn generation(&self) -> Option<Generation> {
        self.generation
    }
    pub fn writing(&self) -> bool {
        self.writing
    }
    /// This tab holds a lock (open, or closing after its last write).
    pub fn holding(&self) -> bool {
        self.lock != LockState::Off
    }

    /// What an async step takes before its await.
    pub fn ticket(&self) -> Ticket {
        Ticket { epoch: self.epoch, lock_removed: self.lock_removed }
    }

    /// No reset since the ticket was taken.
    pub fn still(&self, t: Ticket) -> bool {
        self.epoch == t.epoch
    }

    /// The generation to write under: this tab's, or `fresh` when it has none
    /// (nothing was stored, or everything was deleted).
    pub fn generation_or(&mut self, fresh: Generation) -> Generation {
        *self.generation.get_or_insert(fresh)
    }

    /// Before a write: judge what was found under the store's key (see
    /// [`judge`]); join a first generation, or `Err(DeletedElsewhere)`.
    pub fn before_write(&mut self, found: Found) -> Result<(), Refusal> {
        match judge(self.generation, self.seen_store, found) {
            Verdict::Same => Ok(()),
            Verdict::Join(g) => {
                self.generation = Some(g);
                Ok(())
            }
            Verdict::Deleted => Err(Refusal::DeletedElsewhere),
        }
    }

    /// Carry out one event: change the session, and say what the browser side does.
    pub fn on(&mut self, event: Event) -> Vec<Effect> {
        let mut fx = vec![];
        match event {
            Event::LockNow => {
                self.lock_here(&mut fx);
                fx.push(Effect::Send(Signal::Lock));
            }
            Event::Idle { idle_ms, limit_ms } => {
                if self.lock == LockState::Unlocked && idle_ms >= limit_ms {
                    return self.on(Event::LockNow);
                }
            }
            Event::Heard(Signal::Lock) => self.lock_here(&mut fx),
            Event::Heard(Signal::Active) => {}
            Event::Heard(Signal::Deleted(g)) => {
                if deletion_ends(self.generation, g) {
                    self.deleted_elsewhere(&mut fx);
                }
            }
            Event::StoreSeen(store) => self.store_seen(store, &mut fx),
            Event::Refused(Refusal::LockedElsewhere) => self.closed_elsewhere(true, &mut fx),
            Event::Refused(Refusal::LockRemoved) => self.lock_removed_here(&mut fx),
            Event::Refused(Refusal::DeletedElsewhere) => self.deleted_elsewhere(&mut fx),
            Event::Refused(Refusal::Failed(e)) => fx.push(Effect::Banner(Some(Banner::Failed(e)))),
            Event::WriteBegan => self.writing = true,
            Event::WriterDrained => {
                self.writing = false;
                // The lock closed while the last change was being written: now the cases go.
                if self.lock == LockState::Locked {
                    fx.extend([Effect::Forget, Effect::DropHeap]);
                }
            }
            Event::Written => self.seen_store = true,
            Event::DeletedHere => {
                let ended = self.generation;
                // Locked, the box may have been opened to check the passphrase.
                let drop_heap = self.lock == LockState::Locked;
                self.reset(&mut fx);
                fx.push(Effect::Banner(None));
                if let Some(g) = ended {
                    fx.push(Effect::Send(Signal::Deleted(g)));
                }
                if drop_heap {
                    fx.push(Effect::DropHeap);
                }
            }
            Event::Adopted { generation, locked } => {
                if generation.is_some() {
                    self.seen_store = true;
                    self.generation = generation;
                }
                // A locked store adopted: closed, holding nothing; the heap that
                // held the deleted cases goes with a reload.
                if locked {
                    self.lock = LockState::Locked;
                    fx.extend([Effect::Forget, Effect::DropHeap]);
                }
            }
            Event::NothingToOpen => {
                if self.lock == LockState::Locked {
                    self.lock = LockState::Off;
                    self.lock_removed = false;
                    fx.push(Effect::ClearLockRemovedMark);
                }
            }
            Event::AcceptedWithoutLock { found } => match found {
                Store::Plain(_) | Store::Unrelated(_) => {
                    let g = match found {
                        Store::Unrelated(u) => Some(u),
                        Store::Plain(g) => g,
                        _ => None,
                    };
                    self.lock = LockState::Off;
                    self.lock_removed = false;
                    if g.is_some() {
                        self.generation = g;
                    }
                    fx.push(Effect::ClearLockRemovedMark);
                }
                Store::Unreadable | Store::Nothing => {
                    self.lock = LockState::Off;
                    self.lock_removed = false;
                    fx.push(Effect::ClearLockRemovedMark);
                }
                // Locked again meanwhile: it opens as usual.
                Store::Locked { .. } => {
                    self.lock_removed = false;
                    fx.extend([Effect::ClearLockRemovedMark, Effect::Banner(None)]);
                }
            },
        }
        fx
    }

    /// The lock opened with the passphrase, after the await that opened the
    /// box. Refused (nothing changes) if the lock was removed meanwhile, the
    /// tab is no longer locked, or everything was deleted since `t`.
    pub fn open(&mut self, t: Ticket, generation: Option<Generation>, weak: bool) -> Result<Vec<Effect>, Refusal> {
        if self.lock != LockState::Locked || !self.still(t) || (self.lock_removed && !t.lock_removed) {
            return Err(Refusal::LockRemoved);
        }
        self.lock_removed = false;
        self.lock = LockState::Unlocked;
        self.seen_store = true;
        // Locked, this tab held nothing: it takes the store it opened as it is.
        self.generation = generation;
        self.weak_passphrase = weak;
        Ok(vec![Effect::ClearLockRemovedMark])
    }

    /// The lock was turned on here (the sealed store written since `t`).
    pub fn turned_on(&mut self, t: Ticket) -> Result<(), StorageError> {
        if self.lock != LockState::Off || !self.still(t) {
            return Err(StorageError::WriteFailed(crate::storage::WriteFault::Busy));
        }
        self.lock = LockState::Unlocked;
        self.weak_passphrase = false;
        Ok(())
    }

    /// *Slå lås fra* after its await: it may write in the clear only if
    /// nothing changed meanwhile (see [`may_turn_off`]); then the lock is off.
    pub fn turn_off(&mut self, t: Ticket, facts: TurnOff) -> Result<(), Notice> {
        let facts = TurnOff {
            still_open: facts.still_open && self.lock == LockState::Unlocked,
            same_session: facts.same_session && self.still(t),
            writer_idle: facts.writer_idle && !self.writing,
            ..facts
        };
        if !may_turn_off(facts) {
            return Err(Notice::LockNotTurnedOff);
        }
        self.lock = LockState::Off;
        self.weak_passphrase = false;
        Ok(())
    }

    /// Writing the store in the clear failed after [`Session::turn_off`]: the lock stays on.
    pub fn turn_off_failed(&mut self) {
        if self.lock == LockState::Off {
            self.lock = LockState::Unlocked;
        }
    }

    /// The one reset of this tab's session (everything deleted, here or
    /// elsewhere): nothing of the cases, no lock, no generation, no write
    /// pending; an async step begun before it changes nothing after it.
    pub fn reset(&mut self, fx: &mut Vec<Effect>) {
        let epoch = self.epoch.wrapping_add(1);
        *self = Session { epoch, writing: self.writing, ..Session::default() };
        fx.extend([
            Effect::CancelWrite,
            Effect::Forget,
            Effect::CloseShared,
            Effect::ForgetBackupDate,
            Effect::ClearLockRemovedMark,
        ]);
    }

    /// Lock this tab: the screen closes at once; the cases leave memory as
    /// soon as a write under way has finished (it holds the last change).
    fn lock_here(&mut self, fx: &mut Vec<Effect>) {
        if self.lock != LockState::Unlocked {
            return;
        }
        self.lock = LockState::Locked;
        fx.push(Effect::CloseShared);
        if self.writing {
            // Notices naming patients go now; the cases when the writer drains.
            fx.push(Effect::ForgetNotices);
        } else {
            fx.extend([Effect::Forget, Effect::DropHeap]);
        }
    }

    /// The lock was turned on (or changed) in another tab: lock, forget, reload.
    fn closed_elsewhere(&mut self, say_so: bool, fx: &mut Vec<Effect>) {
        self.lock = LockState::Locked;
        fx.extend([Effect::CloseShared, Effect::Forget]);
        if say_so {
            fx.push(Effect::Banner(Some(Banner::Notice(Notice::LockedElsewhere))));
        }
        fx.push(Effect::DropHeap);
    }

    /// The store became plain or unreadable where this tab holds a lock:
    /// lock, forget, say so, and wait for the clinician's word. A tab that
    /// held the cases open reloads, remembering (for itself) why.
    fn lock_removed_here(&mut self, fx: &mut Vec<Effect>) {
        let held_cases = self.lock == LockState::Unlocked;
        self.lock = LockState::Locked;
        self.lock_removed = true;
        fx.extend([
            Effect::CancelWrite,
            Effect::CloseShared,
            Effect::Forget,
            Effect::Banner(Some(Banner::Notice(Notice::LockRemoved))),
            Effect::MarkLockRemoved,
        ]);
        if held_cases {
            fx.push(Effect::DropHeap);
        }
    }

    /// Another tab deleted everything (*Slet alle data*): empty this tab,
    /// say why, and never write the deleted cases back. A store begun since
    /// (another user's first patient) is adopted as it is, never merged.
    fn deleted_elsewhere(&mut self, fx: &mut Vec<Effect>) {
        let deleted = self.generation;
        self.reset(fx);
        fx.extend([Effect::Adopt { deleted }, Effect::Banner(Some(Banner::Notice(Notice::DeletedElsewhere)))]);
    }

    /// Another tab's store: judged by [`on_store`], then carried out.
    fn store_seen(&mut self, store: Store, fx: &mut Vec<Effect>) {
        let (joined, action) = on_store(self.tab(), store);
        if joined.is_some() {
            self.generation = joined;
        }
        if store != Store::Nothing && action != Action::Deleted {
            self.seen_store = true;
        }
        match action {
            Action::Nothing => {}
            Action::Merge => fx.push(Effect::Merge),
            Action::MergeLocked => fx.push(Effect::MergeLocked),
            Action::FollowLock => self.closed_elsewhere(false, fx),
            Action::LockHere => self.lock_here(fx),
            Action::LockRemoved => self.lock_removed_here(fx),
            Action::LockBack => {
                self.lock_removed = false;
                fx.extend([Effect::ClearLockRemovedMark, Effect::Banner(None)]);
            }
            Action::Deleted => self.deleted_elsewhere(fx),
        }
    }

    fn tab(&self) -> Tab {
        Tab {
            lock: self.lock,
            generation: self.generation,
            seen_store: self.seen_store,
            lock_removed: self.lock_removed,
        }
    }
}

/// What this tab finds under the store's key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// Nothing stored.
    Nothing,
    /// A store (plain or locked) of this generation (`None`: written before generations).
    Store(Option<Generation>),
    /// A plain store of this generation that lacks a patient this tab holds:
    /// for a tab that began on a store from before generations (and never
    /// wrote), not the store it knew continued (every write merges first, so
    /// that one holds them all) but a new list after a deletion, even one that
    /// restored some of the old patients from a backup.
    Unrelated(Generation),
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
        // A tab that saw a store from before generations joins a first
        // generation only where it continues that store: a patient missing
        // is a new list after *Slet alle data* (heard or not).
        Found::Unrelated(g) => match ours {
            Some(o) if o == g => Verdict::Same,
            None if !seen_store => Verdict::Join(g),
            _ => Verdict::Deleted,
        },
    }
}

/// Another tab said it deleted the store of generation `deleted`: does that
/// end what this tab holds? (A late signal about a generation this tab never
/// held, or already left, changes nothing.)
pub fn deletion_ends(ours: Option<Generation>, deleted: Generation) -> bool {
    ours == Some(deleted)
}

/// What this tab holds, as far as [`on_store`] needs it.
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
    /// Plain, of a generation, lacking a patient this tab holds (see [`Found::Unrelated`]).
    Unrelated(Generation),
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
        Store::Unrelated(g) => Some(g),
    };
    let found = match store {
        Store::Unrelated(g) => Found::Unrelated(g),
        _ => Found::Store(generation),
    };
    let joined = match judge(tab.generation, tab.seen_store, found) {
        Verdict::Deleted => return (None, Action::Deleted),
        Verdict::Join(g) => Some(g),
        Verdict::Same => None,
    };
    let action = match (tab.lock, store) {
        (LockState::Off, Store::Plain(_) | Store::Unrelated(_)) => Action::Merge,
        (LockState::Off, _) => Action::FollowLock,
        (_, Store::Plain(_) | Store::Unrelated(_)) => Action::LockRemoved,
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
