//! The passphrase lock's state machine: off, on and closed, or on and open;
//! locking on idle and in every tab; turning it on and off; opening it.

use super::AppState;
use crate::lock::{self, Key, LockError};
use crate::storage::{self, Opened, StorageError, Stored, WriteFault};
use crate::worklist::Worklist;
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

/// The passphrase lock (`lock`): off, on and closed, or on and open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockState {
    /// Stored in the clear (the default).
    Off,
    /// Stored encrypted; nothing of it is in memory.
    Locked,
    /// Stored encrypted; open in this tab, the key held in memory.
    Unlocked,
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
        if self.lock.get_untracked() == LockState::Unlocked && now - self.last_sent_active.get_value() >= 5_000.0 {
            self.last_sent_active.set_value(now);
            crate::tabs::send(crate::tabs::Signal::Active);
        }
    }

    /// Another tab said something (see `tabs`).
    pub fn on_signal(&self, signal: crate::tabs::Signal) {
        match signal {
            crate::tabs::Signal::Lock => self.lock_here(),
            crate::tabs::Signal::Active => self.last_activity.set_value(Clocks::now()),
            crate::tabs::Signal::Deleted(g) => {
                if super::session::deletion_ends(self.generation.get_value(), g) {
                    self.deleted_elsewhere();
                }
            }
        }
    }

    /// Lock when the chosen idle time has passed (called by a timer).
    pub fn lock_if_idle(&self) {
        let idle_ms = f64::from(self.idle_minutes.get_untracked()) * 60_000.0;
        if self.lock.get_untracked() == LockState::Unlocked && self.last_activity.get_value().idle_for() >= idle_ms {
            self.lock_now();
        }
    }

    /// Lock now, in this tab and every other open tab of the app.
    pub fn lock_now(&self) {
        self.lock_here();
        crate::tabs::send(crate::tabs::Signal::Lock);
    }

    /// Lock this tab: the screen closes at once; the data leaves memory as
    /// soon as a write under way has finished (it holds the last change).
    pub(super) fn lock_here(&self) {
        if self.lock.get_untracked() != LockState::Unlocked {
            return;
        }
        self.lock.set(LockState::Locked);
        self.shared.set(None);
        if !self.writer.get_value().running {
            self.forget();
            drop_the_heap();
        }
    }

    /// The cases leave this tab's memory (the lock closed): the worklist, the
    /// encoder's copies of every patient's text, what was written, the key.
    pub(super) fn forget(&self) {
        self.written.set_value(None);
        self.encoder.update_value(|e| e.clear());
        self.worklist.set(Worklist::default());
        self.changed_elsewhere.set(None);
        self.key.set_value(None);
    }

    /// The one reset of this tab's session (everything deleted, here or
    /// elsewhere): nothing of the cases, no lock, no generation, no write
    /// pending; an async step begun before it writes nothing after it.
    pub(super) fn reset(&self) {
        self.epoch.update_value(|e| *e += 1);
        self.writer.update_value(|w| w.dirty = false);
        self.forget();
        self.lock.set(LockState::Off);
        self.lock_removed.set(false);
        self.weak_passphrase.set(false);
        self.shared.set(None);
        self.last_backup.set(None);
        self.seen_store.set_value(false);
        self.generation.set_value(None);
    }

    pub(super) fn locked_elsewhere(&self) {
        self.lock.set(LockState::Locked);
        self.shared.set(None);
        self.forget();
        self.storage_error.set(Some(StorageError::LockedElsewhere));
        drop_the_heap();
    }

    /// The store became plain or unreadable where this tab holds a lock:
    /// lock, forget, say so, and wait for the clinician's word.
    pub(super) fn lock_removed_here(&self) {
        self.writer.update_value(|w| w.dirty = false);
        self.lock.set(LockState::Locked);
        self.shared.set(None);
        self.forget();
        self.lock_removed.set(true);
        self.storage_error.set(Some(StorageError::LockRemoved));
    }

    /// Another tab deleted everything ("Slet alle data"): empty this tab
    /// too, say why, and never write the deleted cases back. A store begun
    /// since (another user's first patient) is adopted as it is, never merged
    /// with what this tab held.
    pub(super) fn deleted_elsewhere(&self) {
        self.reset();
        if storage::exists() {
            match storage::load_stored() {
                Ok(Opened::Plain(s)) => {
                    self.seen_store.set_value(true);
                    self.generation.set_value(s.settings.generation);
                    self.worklist.set(s.worklist);
                    self.last_backup.set(s.settings.last_backup);
                    self.idle_minutes.set(s.settings.idle_minutes);
                }
                Ok(Opened::Locked { settings, .. }) => {
                    self.seen_store.set_value(true);
                    self.generation.set_value(settings.generation);
                    self.idle_minutes.set(settings.idle_minutes);
                    self.lock.set(LockState::Locked);
                }
                // Unreadable (kept under its own key) or newer: left to the next write to report.
                Err(_) => {}
            }
        }
        self.storage_error.set(Some(StorageError::DeletedElsewhere));
    }

    /// The clinician confirmed, in this tab, that the data is no longer
    /// locked: what is stored is read (plain, or nothing if it cannot be read,
    /// kept under its own key), and from now on saved in the clear.
    pub fn accept_without_lock(&self) {
        match storage::load_stored() {
            Ok(Opened::Plain(s)) => {
                self.lock.set(LockState::Off);
                self.storage_error
                    .set((!s.renumbered.is_empty()).then(|| StorageError::Renumbered(s.renumbered.clone())));
                self.apply_stored(s);
            }
            // Locked again meanwhile: unlock as usual.
            Ok(Opened::Locked { .. }) => self.storage_error.set(None),
            Err(e @ StorageError::Unreadable { .. }) => {
                self.lock.set(LockState::Off);
                self.apply_stored(Stored::default());
                self.storage_error.set(Some(e));
            }
            Err(e) => {
                self.storage_error.set(Some(e));
                return;
            }
        }
        self.lock_removed.set(false);
    }

    pub(super) fn apply_stored(&self, s: Stored) {
        if s.settings.generation.is_some() {
            self.generation.set_value(s.settings.generation);
        }
        self.worklist.set(s.worklist);
        self.last_backup.set(s.settings.last_backup);
        self.idle_minutes.set(s.settings.idle_minutes);
        self.department_role.set(s.settings.department_role);
        self.touch();
    }

    /// Open the lock with the passphrase. Wrong passphrase or damaged data:
    /// an error, and nothing changes.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), LockError> {
        let removed_before = self.lock_removed.get_untracked();
        let (stored, found) = match storage::load_stored() {
            Ok(Opened::Locked { lock: b, settings }) => {
                let (key, text) = lock::open(passphrase, &b).await?;
                let stored =
                    storage::decode_stored(Some(&text)).map_err(|_| LockError::Damaged(lock::Damage::Contents))?;
                // The lock was removed (or deleted) while the key was derived.
                if self.lock.get_untracked() != LockState::Locked
                    || (self.lock_removed.get_untracked() && !removed_before)
                {
                    return Err(LockError::Removed);
                }
                // Locked again (a write under way sealed it): it opens as usual.
                self.lock_removed.set(false);
                self.key.set_value(Some(key));
                self.lock.set(LockState::Unlocked);
                self.seen_store.set_value(true);
                // Locked, this tab held nothing: it takes the store it opened as it is.
                self.generation.set_value(settings.generation);
                self.weak_passphrase.set(lock::check_strength(passphrase).is_err());
                let notice =
                    (!stored.renumbered.is_empty()).then(|| StorageError::Renumbered(stored.renumbered.clone()));
                (stored, notice)
            }
            // Everything was deleted (here or in another tab): nothing is left to lock.
            Ok(Opened::Plain(stored)) if !storage::exists() => {
                self.lock.set(LockState::Off);
                self.lock_removed.set(false);
                (stored, None)
            }
            // Plain, or unreadable (kept under its own key), where the lock was:
            // never opened in the clear without the clinician's word.
            Ok(Opened::Plain(_)) | Err(StorageError::Unreadable { .. }) => {
                self.lock_removed_here();
                return Err(LockError::Removed);
            }
            Err(e) => return Err(LockError::Unreadable(e.message(self.lang.get_untracked()))),
        };
        self.worklist.set(stored.worklist);
        self.last_backup.set(stored.settings.last_backup);
        self.idle_minutes.set(stored.settings.idle_minutes);
        self.department_role.set(stored.settings.department_role);
        self.storage_error.set(found);
        self.touch();
        Ok(())
    }

    /// Turn the lock on with a new passphrase: the data is encrypted and
    /// written, and only then is the lock on. On failure nothing changes.
    pub async fn enable_lock(&self, passphrase: &str) -> Result<(), LockError> {
        if self.save_blocked || self.lock.get_untracked() != LockState::Off {
            return Err(LockError::NotSaved);
        }
        lock::check_strength(passphrase)?;
        let copies = storage::unreadable_keys().len();
        if copies > 0 {
            return Err(LockError::PlainCopies(copies));
        }
        let key = lock::new_key(passphrase).await?;
        let kept = self.write_locked(&key).await.map_err(|e| {
            self.refuse_write(e);
            LockError::NotSaved
        })?;
        self.key.set_value(Some(key));
        self.lock.set(LockState::Unlocked);
        self.storage_error.set(kept);
        self.touch();
        Ok(())
    }

    /// Turn the lock off (while unlocked): the data is written in the clear,
    /// only if, after reading what another tab wrote under the lock, the lock
    /// is still open here, its key still fits and the store is still what was
    /// read; never while a write is under way. Otherwise nothing is written.
    pub async fn disable_lock(&self) -> Result<(), StorageError> {
        let Some(key) = self.key.get_value() else { return Err(StorageError::LockedElsewhere) };
        let busy = StorageError::WriteFailed(WriteFault::Busy);
        if self.writer.get_value().running {
            self.storage_error.set(Some(busy.clone()));
            return Err(busy);
        }
        let epoch = self.epoch.get_value();
        let before = storage::snapshot();
        // Take in what another tab wrote under the lock first; never write over a newer version.
        match self.take_in_before_write(Some(&key)) {
            Ok((b, _)) => {
                if let Some(b) = b {
                    self.merge_locked(&key, &b).await;
                }
            }
            Err(e) => {
                self.refuse_write(e.clone());
                return Err(e);
            }
        }
        // After the await: locked here meanwhile (another tab, idle), reset, a
        // write begun, or the store changed (another passphrase, another tab's
        // write): nothing is written in the clear.
        let now = super::session::TurnOff {
            still_open: self.lock.get_untracked() == LockState::Unlocked && self.key.with_value(Option::is_some),
            same_session: self.epoch.get_value() == epoch,
            writer_idle: !self.writer.get_value().running,
            store_unchanged: storage::same_as(&before),
            key_fits: matches!(storage::load_stored(), Ok(Opened::Locked { lock: b, .. }) if key.fits(&b)),
        };
        if !super::session::may_turn_off(now) {
            if self.lock.get_untracked() == LockState::Unlocked {
                self.storage_error.set(Some(busy.clone()));
            }
            return Err(busy);
        }
        // The clinician's "turn off" in this tab: the one way to the clear.
        self.lock.set(LockState::Off);
        match storage::save_text(&self.encoded()) {
            Ok(w) => self.written.set_value(Some(w)),
            Err(e) => {
                self.lock.set(LockState::Unlocked);
                self.storage_error.set(Some(e.clone()));
                return Err(e);
            }
        }
        self.key.set_value(None);
        self.weak_passphrase.set(false);
        self.storage_error.set(None);
        Ok(())
    }

    /// *Slet alle data* under the lock: only with the passphrase that opens
    /// the store (a passer-by cannot wipe the team's list in two clicks). A
    /// wrong passphrase deletes nothing. The box is opened to check it, so
    /// the page is reloaded afterwards (see `reload_when_locked`).
    pub async fn delete_all_locked(&self, passphrase: &str) -> Result<(), LockError> {
        if let Ok(Opened::Locked { lock: b, .. }) = storage::load_stored() {
            lock::open(passphrase, &b).await?;
        }
        if self.lock.get_untracked() != LockState::Locked || !self.delete_all() {
            return Err(LockError::NotSaved);
        }
        drop_the_heap();
        Ok(())
    }

    /// *Slet alle data* under the lock without the passphrase (forgotten):
    /// the lock screen asks for the confirmation word first, after saying
    /// exactly what is lost.
    pub fn delete_all_forgotten(&self) -> bool {
        self.lock.get_untracked() == LockState::Locked && self.delete_all()
    }

    /// A backup file locked with the passphrase in use (same key).
    pub async fn export_locked_backup(&self) -> Result<String, LockError> {
        let key = self.key.get_value().ok_or(LockError::NotSaved)?;
        self.locked_backup(&key).await
    }

    /// A backup file locked with a new passphrase (offered before the lock is turned on).
    pub async fn export_locked_backup_with(&self, passphrase: &str) -> Result<String, LockError> {
        lock::check_strength(passphrase)?;
        self.locked_backup(&lock::new_key(passphrase).await?).await
    }

    pub(super) async fn locked_backup(&self, key: &Key) -> Result<String, LockError> {
        let b = lock::seal(key, &storage::encode_backup(&self.stored(), self.today)).await?;
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
