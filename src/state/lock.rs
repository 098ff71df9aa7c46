//! The passphrase lock's state machine: off, on and closed, or on and open;
//! locking on idle and in every tab; turning it on and off; opening it.

use super::session::{Effect, Event, Store};
use super::{AppState, Banner, LockState, Notice, Refusal};
use crate::lockbox::{self, Key, LockError};
use crate::storage::{self, Opened, StorageError, Stored};
use crate::patients::Worklist;
use leptos::prelude::*;

thread_local! {
    /// Reload the page once the lock has closed (`reload_when_locked`).
    static RELOAD_WHEN_LOCKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// From now on, a tab whose lock closes reloads itself once its last write
/// has finished, so that nothing of the cases stays in the WebAssembly heap
/// (freed memory is not wiped: the encoder's text, decrypted text and the
/// passphrase's bytes would stay in it). Called by the app's `main`; the
/// browser tests, which mount the app inside the test page, leave it off.
pub fn reload_when_locked() {
    RELOAD_WHEN_LOCKED.with(|r| r.set(true));
}

/// When the clinician last used the app, by two clocks: the page's
/// monotonic clock (`performance.now()`), which a clock set back cannot
/// turn back, and the wall clock, which goes on while a device sleeps (the
/// monotonic one may stop then). The idle time is the longer of the two.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Clocks {
    monotonic: f64,
    wall: f64,
}

impl Clocks {
    pub(super) fn now() -> Clocks {
        Clocks { monotonic: super::writer::perf_now(), wall: js_sys::Date::now() }
    }

    /// Milliseconds since then, by whichever clock says more.
    fn idle_for(self) -> f64 {
        let now = Clocks::now();
        super::session::idle_ms(self.monotonic, now.monotonic, self.wall, now.wall)
    }
}

impl AppState {
    /// The clinician touched the page: the idle clock starts again, here and
    /// (at most every 5 s) in the other tabs: the app is in use.
    pub fn touch(&self) {
        let now = super::writer::perf_now();
        self.last_activity.set_value(Clocks::now());
        if self.lock_state() == LockState::Unlocked && now - self.last_sent_active.get_value() >= 5_000.0 {
            self.last_sent_active.set_value(now);
            crate::tabs::send(crate::tabs::Signal::Active);
        }
    }

    /// Another tab said something (see `tabs`).
    pub fn on_signal(&self, signal: crate::tabs::Signal) {
        if signal == crate::tabs::Signal::Active {
            self.last_activity.set_value(Clocks::now());
        }
        self.run(Event::Heard(signal));
    }

    /// Lock when the chosen idle time has passed (called by a timer).
    pub fn lock_if_idle(&self) {
        let limit_ms = f64::from(self.idle_minutes.get_untracked()) * 60_000.0;
        let idle_ms = self.last_activity.get_value().idle_for();
        self.run(Event::Idle { idle_ms, limit_ms });
    }

    /// Lock now, in this tab and every other open tab of the app.
    pub fn lock_now(&self) {
        self.run(Event::LockNow);
    }

    /// The lock state, as the session holds it now (not tracked).
    pub(super) fn lock_state(&self) -> LockState {
        self.session.with_untracked(super::session::Session::lock)
    }

    /// Hand an event to the session, and carry out what it decides.
    pub(super) fn run(&self, event: Event) {
        self.run_with(event, None);
    }

    /// [`AppState::run`], with the store another tab wrote (to merge it).
    pub(super) fn run_with(&self, event: Event, other: Option<&Opened>) {
        let mut effects = vec![];
        self.session.update(|s| effects = s.on(event));
        self.carry_out(effects, other);
    }

    /// The browser side of the session's decisions (see `session::Effect`).
    pub(super) fn carry_out(&self, effects: Vec<Effect>, other: Option<&Opened>) {
        for effect in effects {
            match effect {
                Effect::Forget => self.forget(),
                Effect::ForgetNotices => self.forget_notices(),
                Effect::CloseShared => self.shared.set(None),
                Effect::DropHeap => drop_the_heap(),
                Effect::MarkLockRemoved => storage::mark_lock_removed(true),
                Effect::ClearLockRemovedMark => storage::mark_lock_removed(false),
                Effect::CancelWrite => self.writer.update_value(|w| w.dirty = false),
                Effect::ForgetBackupDate => self.last_backup.set(None),
                Effect::Send(signal) => crate::tabs::send(signal),
                Effect::Banner(b) => self.banner.set(b),
                Effect::Merge => {
                    if let Some(Opened::Plain(s)) = other {
                        self.merge_from_storage(&s.worklist);
                    }
                }
                Effect::MergeLocked => {
                    if let Some(Opened::Locked { lock: b, .. }) = other {
                        let Some(key) = self.key.get_value() else { return self.lock_now() };
                        let (state, b) = (*self, b.clone());
                        leptos::task::spawn_local(async move { state.merge_locked(&key, &b).await });
                    }
                }
                Effect::Adopt { deleted } => self.adopt_stored(deleted),
            }
        }
    }

    /// The cases leave this tab's memory (the lock closed): the worklist, the
    /// encoder's copies of every patient's text, what was written, the key,
    /// and the notices that name patients.
    fn forget(&self) {
        self.written.set_value(None);
        self.encoder.update_value(|e| e.clear());
        self.worklist.set(Worklist::default());
        self.key.set_value(None);
        self.folder_drop();
        self.forget_notices();
    }

    /// The notices that name patients go: the case another tab changed, the
    /// patients renumbered on read.
    fn forget_notices(&self) {
        self.changed_elsewhere.set(None);
        if self.banner.with_untracked(|b| b.as_ref().is_some_and(Banner::names_patients)) {
            self.banner.set(None);
        }
    }

    /// After a deletion elsewhere: a store begun since (another user's first
    /// patient) is adopted as it is, never merged with what this tab held. A
    /// store of the deleted generation is deleted data written back late (a
    /// save racing the deletion) and is removed.
    fn adopt_stored(&self, deleted: Option<storage::Generation>) {
        if !storage::exists() {
            return;
        }
        let stored = storage::load_stored();
        if deleted.is_some() && stored.as_ref().ok().and_then(Opened::generation) == deleted {
            if let Err(e) = storage::delete_all() {
                self.fail(e);
            }
            return;
        }
        let adopted = match stored {
            Ok(Opened::Plain(s)) => {
                let generation = s.settings.generation;
                self.worklist.set(s.worklist);
                self.last_backup.set(s.settings.last_backup);
                self.idle_minutes.set(s.settings.idle_minutes);
                Event::Adopted { generation, locked: false }
            }
            Ok(Opened::Locked { settings, .. }) => {
                self.idle_minutes.set(settings.idle_minutes);
                Event::Adopted { generation: settings.generation, locked: true }
            }
            // Unreadable (kept under its own key) or newer: left to the next write to report.
            Err(_) => return,
        };
        self.run(adopted);
    }

    /// The clinician confirmed, in this tab, that the data is no longer
    /// locked: what is stored is read (plain, or nothing if it cannot be read,
    /// kept under its own key), and from now on saved in the clear.
    pub fn accept_without_lock(&self) {
        let (found, stored, notice) = match storage::load_stored() {
            Ok(Opened::Plain(s)) => {
                let notice = (!s.renumbered.is_empty()).then(|| Banner::Notice(Notice::Renumbered(s.renumbered.clone())));
                (Store::Plain(s.settings.generation), Some(s), notice)
            }
            // Locked again meanwhile: unlock as usual.
            Ok(Opened::Locked { settings, .. }) => {
                (Store::Locked { generation: settings.generation, key_fits: false }, None, None)
            }
            Err(e @ StorageError::Unreadable { .. }) => (Store::Unreadable, Some(Stored::default()), Some(Banner::Failed(e))),
            Err(e) => {
                self.fail(e);
                return;
            }
        };
        self.run(Event::AcceptedWithoutLock { found });
        if let Some(s) = stored {
            self.banner.set(notice);
            self.apply_stored(s);
        }
    }

    pub(super) fn apply_stored(&self, s: Stored) {
        self.worklist.set(s.worklist);
        self.last_backup.set(s.settings.last_backup);
        self.idle_minutes.set(s.settings.idle_minutes);
        self.department_role.set(s.settings.department_role);
        self.touch();
    }

    /// Open the lock with the passphrase. Wrong passphrase or damaged data:
    /// an error, and nothing changes.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), LockError> {
        let ticket = self.session.with_untracked(super::session::Session::ticket);
        // The folder's write access, asked in this click before the key derivation.
        let asked = self.folder_reconnect_start();
        match storage::load_stored() {
            Ok(Opened::Locked { lock: b, settings }) => {
                let (key, text) = lockbox::open(passphrase, &b).await?;
                let stored =
                    storage::decode_stored(Some(&text)).map_err(|_| LockError::Damaged(lockbox::Damage::Contents))?;
                // The lock was removed, or everything deleted, while the key was derived.
                let weak = lockbox::check_strength(passphrase).is_err();
                let mut opened = Err(Refusal::LockRemoved);
                self.session.update(|s| opened = s.open(ticket, settings.generation, weak));
                let effects = opened.map_err(|_| LockError::Removed)?;
                self.key.set_value(Some(key));
                self.carry_out(effects, None);
                self.banner.set(
                    (!stored.renumbered.is_empty()).then(|| Banner::Notice(Notice::Renumbered(stored.renumbered.clone()))),
                );
                self.apply_stored(stored);
                if storage::folder_seat_exists() {
                    self.folder_spawn(super::folder::FolderJob::Resume(asked));
                }
                Ok(())
            }
            // Everything was deleted (here or in another tab): nothing is left to lock.
            Ok(Opened::Plain(stored)) if !storage::exists() => {
                self.run(Event::NothingToOpen);
                self.banner.set(None);
                self.apply_stored(stored);
                Ok(())
            }
            // Plain, or unreadable (kept under its own key), where the lock was:
            // never opened in the clear without the clinician's word.
            Ok(Opened::Plain(_)) | Err(StorageError::Unreadable { .. }) => {
                self.run(Event::Refused(Refusal::LockRemoved));
                Err(LockError::Removed)
            }
            Err(e) => Err(LockError::Unreadable(e.message(self.lang.get_untracked()))),
        }
    }

    /// Turn the lock on with a new passphrase: the data is encrypted and
    /// written, and only then is the lock on. On failure nothing changes.
    pub async fn enable_lock(&self, passphrase: &str) -> Result<(), LockError> {
        if self.save_blocked || self.lock_state() != LockState::Off {
            return Err(LockError::NotSaved);
        }
        lockbox::check_strength(passphrase)?;
        let copies = storage::unreadable_keys().len();
        if copies > 0 {
            return Err(LockError::PlainCopies(copies));
        }
        let ticket = self.session.with_untracked(super::session::Session::ticket);
        let key = lockbox::new_key(passphrase).await?;
        let kept = self.write_locked(&key, ticket).await.map_err(|e| {
            self.refuse_write(e);
            LockError::NotSaved
        })?;
        let mut on = Err(StorageError::WriteFailed(crate::storage::WriteFault::Busy));
        self.session.update(|s| on = s.turned_on(ticket));
        on.map_err(|_| LockError::NotSaved)?;
        self.key.set_value(Some(key));
        self.banner.set(kept.map(Banner::Failed));
        self.touch();
        Ok(())
    }

    /// Turn the lock off (while unlocked): the data is written in the clear,
    /// only if, after reading what another tab wrote under the lock, the lock
    /// is still open here, its key still fits and the store is still what was
    /// read; never while a write is under way. Otherwise nothing is written.
    pub async fn disable_lock(&self) -> Result<(), Banner> {
        let Some(key) = self.key.get_value() else { return Err(Banner::Notice(Notice::LockedElsewhere)) };
        let busy = Banner::Notice(Notice::LockNotTurnedOff);
        if self.session.with_untracked(super::session::Session::writing) {
            self.banner.set(Some(busy.clone()));
            return Err(busy);
        }
        let ticket = self.session.with_untracked(super::session::Session::ticket);
        let before = storage::snapshot();
        // Take in what another tab wrote under the lock first; never write over a newer version.
        match self.take_in_before_write(Some(&key)) {
            Ok((b, _)) => {
                if let Some(b) = b {
                    self.merge_locked(&key, &b).await;
                }
            }
            Err(r) => {
                self.refuse_write(r.clone());
                return Err(r.into());
            }
        }
        // After the await: locked here meanwhile (another tab, idle), reset, a
        // write begun, or the store changed (another passphrase, another tab's
        // write): nothing is written in the clear (`session::may_turn_off`).
        let facts = super::session::TurnOff {
            still_open: self.key.with_value(Option::is_some),
            same_session: true,
            writer_idle: true,
            store_unchanged: storage::same_as(&before),
            key_fits: matches!(storage::load_stored(), Ok(Opened::Locked { lock: b, .. }) if key.fits(&b)),
        };
        let mut off = Err(Notice::LockNotTurnedOff);
        self.session.update(|s| off = s.turn_off(ticket, facts));
        if off.is_err() {
            if self.lock_state() == LockState::Unlocked {
                self.banner.set(Some(busy.clone()));
            }
            return Err(busy);
        }
        // The clinician's "turn off" in this tab: the one way to the clear.
        match storage::save_text(&self.encoded()) {
            Ok(w) => self.written.set_value(Some(w)),
            Err(e) => {
                self.session.update(super::session::Session::turn_off_failed);
                self.fail(e.clone());
                return Err(Banner::Failed(e));
            }
        }
        self.key.set_value(None);
        self.banner.set(None);
        // The seat holds the department secret: never kept without the lock.
        self.folder_disconnect();
        Ok(())
    }

    /// *Slet alle data* under the lock: only with the passphrase that opens
    /// the store (a passer-by cannot wipe the team's list in two clicks). A
    /// wrong passphrase deletes nothing. The box is opened to check it, so
    /// the page is reloaded afterwards (see `reload_when_locked`).
    pub async fn delete_all_locked(&self, passphrase: &str) -> Result<(), LockError> {
        if let Ok(Opened::Locked { lock: b, .. }) = storage::load_stored() {
            lockbox::open(passphrase, &b).await?;
        }
        if self.lock_state() != LockState::Locked || !self.delete_all() {
            return Err(LockError::NotSaved);
        }
        Ok(())
    }

    /// *Slet alle data* under the lock without the passphrase (forgotten):
    /// the lock screen asks for the confirmation word first, after saying
    /// exactly what is lost.
    pub fn delete_all_forgotten(&self) -> bool {
        self.lock_state() == LockState::Locked && self.delete_all()
    }

    /// A backup file locked with the passphrase in use (same key).
    pub async fn export_locked_backup(&self) -> Result<String, LockError> {
        let key = self.key.get_value().ok_or(LockError::NotSaved)?;
        self.locked_backup(&key).await
    }

    /// A backup file locked with a new passphrase (offered before the lock is turned on).
    pub async fn export_locked_backup_with(&self, passphrase: &str) -> Result<String, LockError> {
        lockbox::check_strength(passphrase)?;
        self.locked_backup(&lockbox::new_key(passphrase).await?).await
    }

    pub(super) async fn locked_backup(&self, key: &Key) -> Result<String, LockError> {
        let b = lockbox::seal(key, &storage::encode_backup(&self.stored(), self.today)).await?;
        self.last_backup.set(Some(self.today));
        self.persist();
        Ok(storage::encode_locked(&self.settings(), &b, Some(self.today)))
    }
}

/// The lock closed and the cases left the session: reload the page, so the
/// WebAssembly heap that held them is gone (see [`reload_when_locked`]).
pub(super) fn drop_the_heap() {
    if RELOAD_WHEN_LOCKED.with(|r| r.get()) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    }
}
