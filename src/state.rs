//! The app-state root, provided by context to every component. Components
//! change data only through these methods; each change is saved at once.

use crate::i18n::Lang;
use crate::lock::{self, Key, LockError};
use crate::nav::View;
use crate::pathway::questions::{set_answer, Answer, AnswerError, QuestionId};
use crate::pathway::{Case, Code, Step};
use crate::storage::{self, Opened, Settings, StorageError, Stored};
use crate::worklist::{check_free_text, LabelError, NoteError, Worklist, MAX_NOTE_CHARS};
use chrono::NaiveDate;
use leptos::prelude::*;

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

/// The one writer of locked data: writes are async (encryption), so they
/// run one at a time and the last state always wins.
#[derive(Clone, Copy, Default)]
struct Writer {
    running: bool,
    dirty: bool,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub worklist: RwSignal<Worklist>,
    pub lang: RwSignal<Lang>,
    pub view: RwSignal<View>,
    /// The last storage failure, shown to the user until the next success.
    pub storage_error: RwSignal<Option<StorageError>>,
    /// What is stored could not be read: saving would overwrite it, so never save.
    pub save_blocked: bool,
    /// The date the model evaluates against, read once from the browser.
    pub today: NaiveDate,
    /// The wizard step open per case, kept while screens are rebuilt (language switch).
    pub wizard_step: RwSignal<Option<(u32, Step)>>,
    /// A new version of the app is installed and waits for the user's go-ahead.
    pub update_ready: RwSignal<bool>,
    /// When the last backup was exported.
    pub last_backup: RwSignal<Option<NaiveDate>>,
    /// Whether the browser granted persistent storage (`None` until it answers).
    pub persisted: RwSignal<Option<bool>>,
    /// The case another tab changed last (its newer edit replaced ours).
    pub changed_elsewhere: RwSignal<Option<u32>>,
    /// A case opened from a share link, or why the link could not be read.
    pub shared: RwSignal<Option<Result<Case, crate::share::ShareError>>>,
    pub lock: RwSignal<LockState>,
    /// With the lock on: minutes without use before it closes.
    pub idle_minutes: RwSignal<u8>,
    /// The derived key while unlocked; never serialised, never stored.
    key: StoredValue<Option<Key>, LocalStorage>,
    writer: StoredValue<Writer>,
    /// When the clinician last touched the page (ms since the epoch).
    last_activity: StoredValue<f64>,
    /// The locked envelope this tab wrote last: it needs no merging back.
    last_written: StoredValue<Option<String>>,
    /// This tab held the lock, and the store became plain or unreadable
    /// without its own "turn off": it stays locked, and stores nothing in
    /// the clear until the clinician confirms it here (`accept_without_lock`).
    pub lock_removed: RwSignal<bool>,
    /// Unlocked with a passphrase a new lock would refuse (see `lock::check_strength`).
    pub weak_passphrase: RwSignal<bool>,
    /// This tab has seen its store exist (read or written): if it is gone
    /// before a write, another tab deleted everything.
    seen_store: StoredValue<bool>,
    /// When this tab last told the others the clinician is at work.
    last_sent_active: StoredValue<f64>,
    /// When the change the locked writer is saving was made (`perf_now`).
    save_started: StoredValue<Option<f64>>,
}

/// Why an answer was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeError {
    Answer(AnswerError),
    Text(NoteError),
}

impl ChangeError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ChangeError::Answer(e) => lang.pick(e.message()),
            ChangeError::Text(e) => lang.pick(e.message()).to_string(),
        }
    }
}

impl AppState {
    /// Load from storage. A failure leaves an empty worklist on screen,
    /// reports the error, and (when data exists but cannot be read) blocks
    /// saving so nothing stored is lost.
    pub fn load(today: NaiveDate, view: View) -> Self {
        let (opened, error) = match storage::load_stored() {
            Ok(o) => (o, None),
            Err(e) => (Opened::Plain(Stored::default()), Some(e)),
        };
        let (stored, mut lock) = match opened {
            Opened::Plain(s) => (s, LockState::Off),
            Opened::Locked { settings, .. } => (Stored::new(Worklist::default(), settings), LockState::Locked),
        };
        // A locked store that cannot be read (damaged, or its box weakened)
        // never turns the lock off: the tab starts locked and says so.
        let lock_removed = matches!(error, Some(StorageError::Unreadable { .. } | StorageError::Corrupt(_)))
            && storage::stored_is_locked_form();
        if lock_removed {
            lock = LockState::Locked;
        }
        let save_blocked = matches!(error, Some(StorageError::Corrupt(_) | StorageError::NewerVersion(_)));
        let error = match error {
            None if !stored.renumbered.is_empty() => Some(StorageError::Renumbered(stored.renumbered.clone())),
            e => e,
        };
        AppState {
            worklist: RwSignal::new(stored.worklist),
            lang: RwSignal::new(stored.settings.lang),
            view: RwSignal::new(view),
            storage_error: RwSignal::new(error),
            save_blocked,
            today,
            wizard_step: RwSignal::new(None),
            update_ready: RwSignal::new(false),
            last_backup: RwSignal::new(stored.settings.last_backup),
            persisted: RwSignal::new(None),
            shared: RwSignal::new(None),
            changed_elsewhere: RwSignal::new(None),
            lock: RwSignal::new(lock),
            idle_minutes: RwSignal::new(stored.settings.idle_minutes),
            key: StoredValue::new_local(None),
            writer: StoredValue::new(Writer::default()),
            last_activity: StoredValue::new(js_sys::Date::now()),
            last_written: StoredValue::new(None),
            lock_removed: RwSignal::new(lock_removed),
            weak_passphrase: RwSignal::new(false),
            seen_store: StoredValue::new(storage::exists()),
            last_sent_active: StoredValue::new(0.0),
            save_started: StoredValue::new(None),
        }
    }

    pub fn add_patient(&self, label: &str) -> Result<u32, LabelError> {
        let mut worklist = self.worklist.get_untracked();
        let id = worklist.add(label, self.today, random_uid())?;
        self.worklist.set(worklist);
        self.persist();
        Ok(id)
    }

    /// Save a case (from a share link) as a new patient under `label`.
    pub fn add_patient_with_case(&self, label: &str, case: Case) -> Result<u32, LabelError> {
        let mut worklist = self.worklist.get_untracked();
        let id = worklist.add(label, self.today, random_uid())?;
        if let Some(p) = worklist.get_mut(id) {
            p.case = case;
            p.updated_ms = js_sys::Date::now() as u64;
        }
        self.worklist.set(worklist);
        self.persist();
        Ok(id)
    }

    /// Read a share link in the URL fragment, then take it out of the address
    /// bar (`history.replaceState`): the case is held in memory only.
    pub fn open_shared_link(&self, hash: &str) -> bool {
        let Some(payload) = crate::nav::share_payload(hash) else { return false };
        self.shared.set(Some(crate::share::decode(payload)));
        if let Some(w) = web_sys::window() {
            if let Ok(h) = w.history() {
                let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&View::Shared.hash()));
            }
        }
        self.view.set(View::Shared);
        true
    }

    /// Change one patient's case and save.
    pub fn update_case(&self, id: u32, f: impl FnOnce(&mut Case)) {
        self.update_patient(id, |p| f(&mut p.case));
    }

    /// Change one patient, stamp the time of the change, and save.
    fn update_patient(&self, id: u32, f: impl FnOnce(&mut crate::worklist::Patient)) {
        self.worklist.update(|w| {
            if let Some(p) = w.get_mut(id) {
                f(p);
                p.updated_ms = js_sys::Date::now() as u64;
            }
        });
        self.persist();
    }

    /// Everything as a backup file; remembers the date of this backup.
    pub fn export_backup(&self) -> String {
        self.last_backup.set(Some(self.today));
        self.persist();
        storage::encode_backup(&self.stored(), self.today)
    }

    /// Merge a backup into the worklist (see `Worklist::apply_import`) and save.
    pub fn import(&self, incoming: &crate::worklist::Worklist) -> Vec<crate::worklist::ImportRow> {
        let mut rows = vec![];
        self.worklist.update(|w| rows = w.apply_import(incoming));
        self.persist();
        rows
    }

    /// Answer a question through the model; nothing changes when it does not fit.
    pub fn answer(&self, id: u32, q: QuestionId, value: Answer) -> Result<(), ChangeError> {
        let value = match value {
            Answer::Text(t) => Answer::Text(
                check_free_text(&t, crate::pathway::questions::MAX_ORGAN_CHARS).map_err(ChangeError::Text)?,
            ),
            v => v,
        };
        let mut result = Ok(());
        self.update_case(id, |c| result = set_answer(c, q, value).map_err(ChangeError::Answer));
        result
    }

    pub fn set_tick(&self, id: u32, item: &'static str, done: bool) {
        let today = self.today;
        self.update_case(id, |c| c.set_tick(item, done, today));
    }

    pub fn set_registered(&self, id: u32, code: Code, registered: bool) {
        self.update_case(id, |c| c.set_registered(code, registered));
    }

    pub fn set_note(&self, id: u32, item: &'static str, text: &str) -> Result<(), NoteError> {
        let text = check_free_text(text, MAX_NOTE_CHARS)?;
        self.update_patient(id, |p| {
            if text.is_empty() {
                p.notes.remove(item);
            } else {
                p.notes.insert(item.to_string(), text);
            }
        });
        Ok(())
    }

    pub fn set_closed(&self, id: u32, closed: bool) {
        self.update_patient(id, |p| p.closed = closed);
    }

    /// What a calendar file calls the patient: the label, but with the lock
    /// on only the case number (the file stays in Downloads, unencrypted).
    pub fn calendar_label(&self, id: u32, lang: Lang) -> String {
        let label = self.worklist.with(|w| w.get(id).map(|p| p.label.clone()));
        match label {
            None => lang.t(crate::i18n::K::SharedCase).to_string(),
            Some(_) if self.lock.get() != LockState::Off => format!("{} {id}", lang.t(crate::i18n::K::CaseNumber)),
            Some(label) => label,
        }
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.persist();
    }

    /// Go to a view by changing the URL fragment; the hashchange listener
    /// in `App` updates `view`, so back and reload work the same way.
    pub fn go(&self, view: View) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(&view.hash());
        }
        self.view.set(view);
    }

    fn settings(&self) -> Settings {
        Settings {
            lang: self.lang.get_untracked(),
            last_backup: self.last_backup.get_untracked(),
            idle_minutes: self.idle_minutes.get_untracked(),
        }
    }

    fn stored(&self) -> Stored {
        Stored::new(self.worklist.get_untracked(), self.settings())
    }

    /// Delete every case and setting in this browser, after the user confirmed.
    /// The lock goes with them.
    pub fn delete_all(&self) -> Result<(), StorageError> {
        storage::delete_all()?;
        self.seen_store.set_value(false);
        self.lock_removed.set(false);
        self.weak_passphrase.set(false);
        self.key.set_value(None);
        self.lock.set(LockState::Off);
        self.worklist.set(crate::worklist::Worklist::default());
        self.last_backup.set(None);
        self.storage_error.set(None);
        Ok(())
    }

    pub fn set_idle_minutes(&self, minutes: u8) {
        if storage::IDLE_CHOICES.contains(&minutes) {
            self.idle_minutes.set(minutes);
            self.persist();
        }
    }

    /// Take in what another tab saved: its new patients, and its newer edits.
    pub fn merge_from_storage(&self, other: &crate::worklist::Worklist) {
        let mut replaced = vec![];
        self.worklist.update(|w| replaced = w.merge_from(other));
        if let Some(id) = replaced.last() {
            self.changed_elsewhere.set(Some(*id));
        }
    }

    /// Take in another tab's patients when it saved something this tab lacks.
    fn merge_if_stale(&self, other: &Worklist) {
        let stale = self.worklist.with_untracked(|w| {
            other.patients.iter().any(|p| w.patients.iter().all(|q| q.uid != p.uid || q.updated_ms < p.updated_ms))
        });
        if stale {
            self.merge_from_storage(other);
        }
    }

    fn persist(&self) {
        if self.save_blocked {
            return;
        }
        let t0 = perf_now();
        match self.lock.get_untracked() {
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
        // Another tab may have saved since this one last read: take its newer edits in first.
        match self.take_in_before_write(None) {
            Ok((_, kept)) => match storage::save_stored(&self.stored()) {
                Ok(()) => {
                    self.seen_store.set_value(true);
                    self.storage_error.set(kept);
                    measure_save("plain", t0);
                }
                Err(e) => self.storage_error.set(Some(e)),
            },
            Err(e) => self.refuse_write(e),
        }
    }

    /// A write refused before it began: another tab turned the lock on
    /// (never write over it in the clear), removed the lock this tab holds,
    /// or deleted everything; or a newer version wrote.
    fn refuse_write(&self, e: StorageError) {
        match e {
            StorageError::LockedElsewhere => self.locked_elsewhere(),
            StorageError::LockRemoved => self.lock_removed_here(),
            StorageError::DeletedElsewhere => self.deleted_elsewhere(),
            e => self.storage_error.set(Some(e)),
        }
    }

    /// Before a write: read what is stored and take in another tab's changes.
    /// Plain data is merged here; a box this tab's `key` opens is returned to
    /// be merged (that is async). `Ok((_, Some))`: unreadable text was kept
    /// under its own key, so writing over it loses nothing. Never write on
    /// `Err`: a newer version's data, or a lock this tab cannot open
    /// (`LockedElsewhere`). Unavailable storage is left to the write to report.
    fn take_in_before_write(
        &self,
        key: Option<&Key>,
    ) -> Result<(Option<lock::LockBox>, Option<StorageError>), StorageError> {
        // This tab holds a lock (open, or closing after its last write).
        let holding = self.lock.get_untracked() != LockState::Off;
        match storage::load_stored() {
            // Gone since this tab saw it: "Slet alle data" in another tab. Never write it back.
            Ok(Opened::Plain(_)) if self.seen_store.get_value() && !storage::exists() => {
                Err(StorageError::DeletedElsewhere)
            }
            // Plain where this tab holds a lock, not by its own "turn off": never write in the clear.
            Ok(Opened::Plain(_)) if holding => Err(StorageError::LockRemoved),
            Ok(Opened::Plain(s)) => {
                self.merge_if_stale(&s.worklist);
                Ok((None, None))
            }
            Ok(Opened::Locked { lock: b, .. }) if key.is_some_and(|k| k.fits(&b)) => Ok((Some(b), None)),
            Ok(Opened::Locked { .. }) => Err(StorageError::LockedElsewhere),
            Err(StorageError::Unreadable { .. }) if holding => Err(StorageError::LockRemoved),
            Err(e @ StorageError::Unreadable { .. }) => Ok((None, Some(e))),
            Err(StorageError::Unavailable) => Ok((None, None)),
            Err(e) => Err(e),
        }
    }

    // ----- The lock (see `lock`) -----

    /// The clinician touched the page: the idle clock starts again, here and
    /// (at most every 5 s) in the other tabs: the app is in use.
    pub fn touch(&self) {
        let now = js_sys::Date::now();
        self.last_activity.set_value(now);
        if self.lock.get_untracked() == LockState::Unlocked && now - self.last_sent_active.get_value() >= 5_000.0 {
            self.last_sent_active.set_value(now);
            crate::tabs::send(crate::tabs::Signal::Active);
        }
    }

    /// Another tab said something (see `tabs`).
    pub fn on_signal(&self, signal: crate::tabs::Signal) {
        match signal {
            crate::tabs::Signal::Lock => self.lock_here(),
            crate::tabs::Signal::Active => self.last_activity.set_value(js_sys::Date::now()),
        }
    }

    /// Lock when the chosen idle time has passed (called by a timer).
    pub fn lock_if_idle(&self) {
        let idle_ms = f64::from(self.idle_minutes.get_untracked()) * 60_000.0;
        if self.lock.get_untracked() == LockState::Unlocked
            && js_sys::Date::now() - self.last_activity.get_value() >= idle_ms
        {
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
    fn lock_here(&self) {
        if self.lock.get_untracked() != LockState::Unlocked {
            return;
        }
        self.lock.set(LockState::Locked);
        self.shared.set(None);
        if !self.writer.get_value().running {
            self.forget();
        }
    }

    fn forget(&self) {
        self.last_written.set_value(None);
        self.worklist.set(Worklist::default());
        self.changed_elsewhere.set(None);
        self.key.set_value(None);
    }

    fn locked_elsewhere(&self) {
        self.lock.set(LockState::Locked);
        self.shared.set(None);
        self.forget();
        self.storage_error.set(Some(StorageError::LockedElsewhere));
    }

    /// The store became plain or unreadable where this tab holds a lock:
    /// lock, forget, say so, and wait for the clinician's word.
    fn lock_removed_here(&self) {
        self.writer.update_value(|w| w.dirty = false);
        self.lock.set(LockState::Locked);
        self.shared.set(None);
        self.forget();
        self.lock_removed.set(true);
        self.storage_error.set(Some(StorageError::LockRemoved));
    }

    /// Another tab deleted everything ("Slet alle data"): empty this tab
    /// too, say why, and never write the deleted cases back.
    fn deleted_elsewhere(&self) {
        if storage::exists() {
            return;
        }
        self.writer.update_value(|w| w.dirty = false);
        self.key.set_value(None);
        self.last_written.set_value(None);
        self.lock.set(LockState::Off);
        self.lock_removed.set(false);
        self.weak_passphrase.set(false);
        self.shared.set(None);
        self.changed_elsewhere.set(None);
        self.worklist.set(Worklist::default());
        self.last_backup.set(None);
        self.seen_store.set_value(false);
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

    fn apply_stored(&self, s: Stored) {
        self.worklist.set(s.worklist);
        self.last_backup.set(s.settings.last_backup);
        self.idle_minutes.set(s.settings.idle_minutes);
        self.touch();
    }

    /// Open the lock with the passphrase. Wrong passphrase or damaged data:
    /// an error, and nothing changes.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), LockError> {
        let removed_before = self.lock_removed.get_untracked();
        let (stored, found) = match storage::load_stored() {
            Ok(Opened::Locked { lock: b, .. }) => {
                let (key, text) = lock::open(passphrase, &b).await?;
                let stored = storage::decode_stored(Some(&text)).map_err(|e| match e {
                    StorageError::Corrupt(why) => LockError::Damaged(why),
                    other => LockError::Damaged(other.message(Lang::Da)),
                })?;
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

    /// Turn the lock off (while unlocked): the data is written in the clear.
    pub async fn disable_lock(&self) -> Result<(), StorageError> {
        let Some(key) = self.key.get_value() else { return Err(StorageError::LockedElsewhere) };
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
        // The clinician's "turn off" in this tab: the one way to the clear.
        self.lock.set(LockState::Off);
        if let Err(e) = storage::save_stored(&self.stored()) {
            self.lock.set(LockState::Unlocked);
            self.storage_error.set(Some(e.clone()));
            return Err(e);
        }
        self.key.set_value(None);
        self.weak_passphrase.set(false);
        self.storage_error.set(None);
        Ok(())
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

    async fn locked_backup(&self, key: &Key) -> Result<String, LockError> {
        let b = lock::seal(key, &storage::encode_backup(&self.stored(), self.today)).await?;
        self.last_backup.set(Some(self.today));
        self.persist();
        Ok(storage::encode_locked(&self.settings(), &b, Some(self.today)))
    }

    fn spawn_writer(&self) {
        if self.writer.get_value().running {
            return;
        }
        self.writer.update_value(|w| w.running = true);
        let state = *self;
        leptos::task::spawn_local(async move {
            while state.writer.get_value().dirty {
                state.writer.update_value(|w| w.dirty = false);
                let Some(key) = state.key.get_value() else { break };
                let t0 = state.save_started.get_value().unwrap_or_else(perf_now);
                match state.write_locked(&key).await {
                    Ok(kept) => {
                        state.storage_error.set(kept);
                        measure_save("locked", t0);
                    }
                    Err(
                        e
                        @ (StorageError::LockedElsewhere | StorageError::LockRemoved | StorageError::DeletedElsewhere),
                    ) => {
                        state.writer.update_value(|w| *w = Writer::default());
                        state.refuse_write(e);
                        return;
                    }
                    Err(e) => state.storage_error.set(Some(e)),
                }
            }
            state.writer.update_value(|w| w.running = false);
            if state.lock.get_untracked() == LockState::Locked {
                state.forget();
            }
        });
    }

    /// Take in what another tab wrote under the same lock, unless this tab
    /// has forgotten its data (locked) while the box was being opened.
    async fn merge_locked(&self, key: &Key, b: &lock::LockBox) {
        if let Ok(Ok(s)) = lock::open_with(key, b).await.map(|t| storage::decode_stored(Some(&t))) {
            if self.key.with_value(Option::is_some) {
                self.merge_if_stale(&s.worklist);
            }
        }
    }

    /// Seal what is in memory and write it, after taking in what another tab
    /// wrote. If the store changes while sealing, merge and seal again.
    /// `Ok(Some)`: written, over text that could not be read and was kept first.
    async fn write_locked(&self, key: &Key) -> Result<Option<StorageError>, StorageError> {
        for _ in 0..5 {
            let before = storage::read_key(storage::STORAGE_KEY);
            let ours = self.last_written.with_value(|w| w.is_some() && *w == before);
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
            let sealed = lock::seal(key, &storage::encode_stored(&self.stored()))
                .await
                .map_err(|e| StorageError::WriteFailed(Lang::Da.pick(e.message())))?;
            // Written by another tab while sealing: merge that too, and seal again.
            if storage::read_key(storage::STORAGE_KEY) == before {
                let text = storage::save_locked(&self.settings(), &sealed)?;
                self.last_written.set_value(Some(text));
                self.seen_store.set_value(true);
                return Ok(kept);
            }
        }
        Err(StorageError::WriteFailed("travlt".into()))
    }

    /// Another tab saved (a storage event): show its changes here, and follow
    /// the lock if it was turned on there. The store gone: everything was
    /// deleted. Plain or unreadable text where this tab holds a lock: lock,
    /// and wait for the clinician's word (`accept_without_lock`).
    pub fn on_storage_change(&self, new_value: Option<String>) {
        let Some(text) = new_value else {
            if self.seen_store.get_value() || self.lock.get_untracked() != LockState::Off {
                self.seen_store.set_value(true);
                self.deleted_elsewhere();
            }
            return;
        };
        self.seen_store.set_value(true);
        let holding = self.lock.get_untracked() != LockState::Off;
        let opened = match storage::decode_opened(Some(&text)) {
            Ok(o) => o,
            Err(_) if holding => return self.lock_removed_here(),
            // Kept under its own key and written over at this tab's next save.
            Err(_) => return,
        };
        match (self.lock.get_untracked(), opened) {
            (LockState::Off, Opened::Plain(s)) => self.merge_from_storage(&s.worklist),
            (LockState::Off, Opened::Locked { .. }) => {
                self.lock.set(LockState::Locked);
                self.shared.set(None);
                self.forget();
            }
            (LockState::Locked | LockState::Unlocked, Opened::Plain(_)) => self.lock_removed_here(),
            (LockState::Locked, Opened::Locked { .. }) => {
                if self.lock_removed.get_untracked() {
                    self.lock_removed.set(false);
                    self.storage_error.set(None);
                }
            }
            (LockState::Unlocked, Opened::Locked { lock: b, .. }) => {
                let Some(key) = self.key.get_value().filter(|k| k.fits(&b)) else {
                    self.lock_here();
                    return;
                };
                let state = *self;
                leptos::task::spawn_local(async move { state.merge_locked(&key, &b).await });
            }
        }
    }
}

/// `performance.now()`, or 0 where the page has no `performance`.
fn perf_now() -> f64 {
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).unwrap_or_default();
    js_sys::Reflect::get(&perf, &"now".into())
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok())
        .and_then(|f| f.call0(&perf).ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

/// Record a finished save as a `performance.measure` entry
/// (`cup-pathway:save:plain` or `…:locked`, from the change to the write
/// read back) for `scripts/bench.sh`; best effort, never an error.
fn measure_save(kind: &str, t0: f64) {
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).unwrap_or_default();
    let Some(measure) = js_sys::Reflect::get(&perf, &"measure".into())
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok())
    else {
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &t0.into());
    let _ = measure.call2(&perf, &format!("cup-pathway:save:{kind}").into(), &options);
}

/// A random id for a new patient, unique across devices for all practical purposes.
fn random_uid() -> String {
    let part = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("{:08x}{:08x}{:08x}", part(), part(), part())
}

/// Let the waiting service worker take over; the page reloads when it has
/// (web/sw-register.js), so page and assets always come from one build.
pub fn apply_update() {
    let Some(w) = web_sys::window() else { return };
    if let Ok(f) = js_sys::Reflect::get(&w, &"cupApplyUpdate".into()) {
        if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
            let _ = f.call0(&w);
        }
    }
}

/// Today's date in the browser's local time zone.
pub fn browser_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or(NaiveDate::MIN)
}

/// Format dd.mm.yyyy without chrono's formatter (which pulls in ~10 KB).
pub fn da_date(d: NaiveDate) -> String {
    crate::pathway::validate::da_date(d)
}
