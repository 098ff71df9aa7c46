//! The store writer: every save goes through [`AppState::persist`]. A save
//! reads nothing back when the store is still what this tab wrote last (a
//! `===` in the page, see `storage::unchanged_since`); otherwise it reads the
//! store once, takes in another tab's newer edits (merged by uid through a
//! map), and writes. The text is made by `storage::Encoder`, which re-encodes
//! only the patients that changed. Locked data is sealed and written by one
//! async writer at a time, the last state always winning.

use super::session::{Event, Found, Session, Store, Ticket};
use super::{AppState, Banner, LockState, Refusal};
use crate::lockbox::{self, Key};
use crate::storage::{self, Opened, StorageError, WriteFault};
use crate::patients::Worklist;
use leptos::prelude::*;

/// The one writer of locked data: writes are async (encryption), so they
/// run one at a time (the session knows whether one is under way) and the
/// last state always wins.
#[derive(Clone, Copy, Default)]
pub(super) struct Writer {
    /// A change waits to be written.
    pub(super) dirty: bool,
}

impl AppState {
    /// Take in what another tab saved: its new patients, and its newer edits.
    pub fn merge_from_storage(&self, other: &crate::patients::Worklist) {
        let mut replaced = vec![];
        self.worklist.update(|w| replaced = w.merge_from(other));
        if let Some(id) = replaced.last() {
            self.changed_elsewhere.set(Some(*id));
        }
    }

    /// Take in another tab's patients when it saved something this tab lacks.
    pub(super) fn merge_if_stale(&self, other: &Worklist) {
        if self.worklist.with_untracked(|w| w.is_stale_beside(other)) {
            self.merge_from_storage(other);
        }
    }

    pub(super) fn persist(&self) {
        if self.save_blocked {
            return;
        }
        self.folder_note_change();
        let t0 = perf_now();
        match self.lock_state() {
            // Nothing of the locked data is in memory: never write.
            LockState::Locked => return,
            LockState::Unlocked => {
                self.writer.update_value(|w| w.dirty = true);
                self.save_started.set_value(Some(t0));
                self.spawn_writer();
                return;
            }
            LockState::Off => {}
        }
        // Another tab may have saved since this one last wrote: take its newer edits in first.
        // While the store is still exactly what this tab wrote, nothing needs reading.
        let ours = self.written.with_value(|w| w.as_ref().is_some_and(storage::unchanged_since));
        let kept = if ours {
            None
        } else {
            match self.take_in_before_write(None) {
                Ok((_, kept)) => kept,
                Err(e) => return self.refuse_write(e),
            }
        };
        match storage::save_text(&self.encoded()) {
            Ok(w) => {
                self.written.set_value(Some(w));
                self.session.update_untracked(|s| {
                    s.on(Event::Written);
                });
                self.set_banner(kept.map(Banner::Failed));
                measure_save("plain", t0);
            }
            Err(e) => self.fail(e),
        }
    }

    /// Show a storage failure or notice, or none; a signal set only when it changes.
    pub(super) fn set_banner(&self, b: Option<Banner>) {
        if self.banner.with_untracked(|old| *old != b) {
            self.banner.set(b);
        }
    }

    /// Show a failure of storage.
    pub(super) fn fail(&self, e: StorageError) {
        self.banner.set(Some(Banner::Failed(e)));
    }

    /// A write refused before it began: another tab turned the lock on
    /// (never write over it in the clear), removed the lock this tab holds,
    /// or deleted everything; or a newer version wrote.
    pub(super) fn refuse_write(&self, r: Refusal) {
        self.run(Event::Refused(r));
    }

    /// Before a write: read what is stored and take in another tab's changes.
    /// Plain data is merged here; a box this tab's `key` opens is returned to
    /// be merged (that is async). `Ok((_, Some))`: unreadable text was kept
    /// under its own key, so writing over it loses nothing. Never write on
    /// `Err`: a newer version's data, or a lock this tab cannot open
    /// (`LockedElsewhere`). Unavailable storage is left to the write to report.
    pub(super) fn take_in_before_write(
        &self,
        key: Option<&Key>,
    ) -> Result<(Option<lockbox::LockBox>, Option<StorageError>), Refusal> {
        // This tab holds a lock (open, or closing after its last write).
        let holding = self.session.with_untracked(Session::holding);
        let opened = storage::load_stored();
        // Gone since this tab saw it, or another generation: "Slet alle data"
        // in another tab, heard or not. Never write the deleted cases back.
        if let Ok(o) = &opened {
            let found = match o {
                _ if !storage::exists() => Found::Nothing,
                Opened::Plain(s) => match s.settings.generation {
                    Some(g) if self.unrelated(&s.worklist) => Found::Unrelated(g),
                    g => Found::Store(g),
                },
                o => Found::Store(o.generation()),
            };
            let mut verdict = Ok(());
            self.session.update_untracked(|s| verdict = s.before_write(found));
            verdict?;
        }
        match opened {
            // Plain where this tab holds a lock, not by its own "turn off": never write in the clear.
            Ok(Opened::Plain(_)) if holding => Err(Refusal::LockRemoved),
            Ok(Opened::Plain(s)) => {
                self.merge_if_stale(&s.worklist);
                Ok((None, None))
            }
            Ok(Opened::Locked { lock: b, .. }) if key.is_some_and(|k| k.fits(&b)) => Ok((Some(b), None)),
            Ok(Opened::Locked { .. }) => Err(Refusal::LockedElsewhere),
            Err(StorageError::Unreadable { .. }) if holding => Err(Refusal::LockRemoved),
            Err(e @ StorageError::Unreadable { .. }) => Ok((None, Some(e))),
            Err(StorageError::Unavailable) => Ok((None, None)),
            Err(e) => Err(Refusal::Failed(e)),
        }
    }

    /// Does `other` lack a patient this tab holds? (A store this tab's
    /// writes and another tab's merges kept holds every one of them.)
    fn unrelated(&self, other: &Worklist) -> bool {
        // Asked only of a tab without a generation (one that began on a store
        // from before them): a plain loop, no set (a sort's code in the wasm).
        self.session.with_untracked(|s| s.generation().is_none())
            && self.worklist.with_untracked(|w| {
                w.patients.iter().any(|p| !other.patients.iter().any(|o| o.uid == p.uid))
            })
    }

    /// The page is shown again (restored from the back-forward cache, or
    /// visible after being hidden or frozen): read the store again before
    /// anything is written, as if another tab's storage events had been heard.
    pub fn recheck_store(&self) {
        if self.written.with_value(|w| w.as_ref().is_some_and(storage::unchanged_since)) {
            return;
        }
        self.on_storage_change(storage::read_key(storage::STORAGE_KEY));
    }

    pub(super) fn spawn_writer(&self) {
        if self.session.with_untracked(Session::writing) {
            return;
        }
        self.run(Event::WriteBegan);
        let state = *self;
        let ticket = self.session.with_untracked(Session::ticket);
        leptos::task::spawn_local(async move {
            while state.writer.get_value().dirty {
                state.writer.update_value(|w| w.dirty = false);
                let Some(key) = state.key.get_value() else { break };
                let t0 = state.save_started.get_value().unwrap_or_else(perf_now);
                let result = state.write_locked(&key, ticket).await;
                // Everything was deleted while this write was under way: it ends, saying nothing.
                if !state.session.with_untracked(|s| s.still(ticket)) {
                    break;
                }
                match result {
                    Ok(kept) => {
                        state.set_banner(kept.map(Banner::Failed));
                        measure_save("locked", t0);
                    }
                    Err(Refusal::Failed(e)) => state.fail(e),
                    Err(r) => {
                        state.writer.update_value(|w| *w = Writer::default());
                        state.run(Event::WriterDrained);
                        state.refuse_write(r);
                        return;
                    }
                }
            }
            state.run(Event::WriterDrained);
        });
    }

    /// Take in what another tab wrote under the same lock, unless this tab
    /// has forgotten its data (locked) while the box was being opened.
    pub(super) async fn merge_locked(&self, key: &Key, b: &lockbox::LockBox) {
        if let Ok(Ok(s)) = lockbox::open_with(key, b).await.map(|t| storage::decode_stored(Some(&t))) {
            if self.key.with_value(Option::is_some) {
                self.merge_if_stale(&s.worklist);
            }
        }
    }

    /// Seal what is in memory and write it, after taking in what another tab
    /// wrote. If the store changes while sealing, merge and seal again.
    /// `Ok(Some)`: written, over text that could not be read and was kept first.
    pub(super) async fn write_locked(&self, key: &Key, ticket: Ticket) -> Result<Option<StorageError>, Refusal> {
        for _ in 0..5 {
            let before = storage::snapshot();
            let ours = self.written.with_value(|w| w.as_ref().is_some_and(storage::unchanged_since));
            let kept = if ours {
                None
            } else {
                // Locked with another passphrase: this tab cannot merge, so it must not write.
                let (b, kept) = self.take_in_before_write(Some(key))?;
                if let Some(b) = b {
                    self.merge_locked(key, &b).await;
                }
                kept
            };
            // Reset while the box was opened (everything deleted): nothing of before is written.
            if !self.session.with_untracked(|s| s.still(ticket)) {
                return Err(Refusal::DeletedElsewhere);
            }
            let sealed =
                lockbox::seal(key, &self.encoded()).await.map_err(|_| StorageError::WriteFailed(WriteFault::Seal))?;
            if !self.session.with_untracked(|s| s.still(ticket)) {
                return Err(Refusal::DeletedElsewhere);
            }
            // Written by another tab while sealing: merge that too, and seal again.
            if storage::same_as(&before) {
                let w = storage::save_locked(&self.settings(), &sealed)?;
                self.written.set_value(Some(w));
                self.session.update_untracked(|s| {
                    s.on(Event::Written);
                });
                return Ok(kept);
            }
        }
        Err(Refusal::Failed(StorageError::WriteFailed(WriteFault::Busy)))
    }

    /// A storage event: another tab wrote the store, cleared everything (no
    /// key), or signalled through its key where there is no BroadcastChannel.
    /// (A storage event never fires in the tab that wrote.)
    pub fn on_storage_event(&self, key: Option<String>, new_value: Option<String>) {
        match key.as_deref() {
            Some(storage::STORAGE_KEY) => self.on_storage_change(new_value),
            None => self.on_storage_change(storage::read_key(storage::STORAGE_KEY)),
            Some(storage::SIGNAL_KEY) => {
                if let Some(signal) = new_value.as_deref().and_then(crate::tabs::Signal::parse) {
                    self.on_signal(signal);
                }
            }
            Some(_) => {}
        }
    }

    /// Another tab saved (a storage event), or the page is shown again: what
    /// is stored is judged by `session::on_store` (the two-tab transitions),
    /// and its decision applied here: merge, follow the lock, lock where the
    /// lock was removed behind this tab's back, or empty the tab when
    /// everything was deleted elsewhere.
    pub fn on_storage_change(&self, new_value: Option<String>) {
        let decoded = new_value.as_deref().map(|t| storage::decode_opened(Some(t)));
        let store = match &decoded {
            None => Store::Nothing,
            Some(Err(_)) => Store::Unreadable,
            Some(Ok(Opened::Plain(s))) => match s.settings.generation {
                Some(g) if self.unrelated(&s.worklist) => Store::Unrelated(g),
                g => Store::Plain(g),
            },
            Some(Ok(Opened::Locked { settings, lock: b })) => Store::Locked {
                generation: settings.generation,
                key_fits: self.key.with_value(|k| k.as_ref().is_some_and(|k| k.fits(b))),
            },
        };
        self.run_with(Event::StoreSeen(store), decoded.as_ref().and_then(|d| d.as_ref().ok()));
    }
}

/// `performance.now()` (monotonic: the idle lock and the save timings follow
/// it), or the wall clock where the page has no `performance`.
pub(super) fn perf_now() -> f64 {
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).unwrap_or_default();
    js_sys::Reflect::get(&perf, &"now".into())
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok())
        .and_then(|f| f.call0(&perf).ok())
        .and_then(|v| v.as_f64())
        .unwrap_or_else(js_sys::Date::now)
}

/// Record a finished save as a `performance.measure` entry
/// (`cup-pathway:save:plain` or `…:locked`, from the change to the write
/// read back) for `scripts/bench.sh`; best effort, never an error.
fn measure_save(kind: &str, t0: f64) {
    measure(&format!("cup-pathway:save:{kind}"), t0);
}

/// A `performance.measure` entry `name` lasting `ms`, ending now.
pub(super) fn measure_ms(name: &str, ms: f64) {
    measure(name, perf_now() - ms);
}

/// A `performance.measure` entry `name` from `t0` (`perf_now`) to now, for
/// `scripts/bench.sh`; best effort.
pub(super) fn measure(name: &str, t0: f64) {
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).unwrap_or_default();
    let Some(measure) = js_sys::Reflect::get(&perf, &"measure".into())
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok())
    else {
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &t0.into());
    let _ = measure.call2(&perf, &name.into(), &options);
}
