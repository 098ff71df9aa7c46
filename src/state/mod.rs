//! The app-state root, provided once by context to every component.
//!
//! - this file: the app data and its changes. Fields are private: components
//!   read through the accessors and change data through the named methods,
//!   each saved at once;
//! - [`writer`]: the store writer (the save, merging another tab's changes,
//!   two-tab handling);
//! - [`lock`]: the passphrase lock's state machine.
//!
//! Arrows point one way: components → state → storage → the model.

mod folder;
mod lock;
pub mod notice;
pub mod session;
mod writer;

pub use lock::reload_when_locked;
pub use folder::{set_folder_runner, Asked, FolderJob, FolderPhase, FolderProblem, FolderStatus, Runner};
pub use notice::{Banner, Notice, Refusal};
pub use session::LockState;

use crate::lang::Lang;
use crate::lockbox::Key;
use crate::nav::View;
use crate::pathway::case::{EndReason, Lengthening};
use crate::pathway::questions::{set_answer, Answer, AnswerError, QuestionId};
use crate::pathway::{Case, Code, EventKey, Step};
use crate::storage::{self, Encoder, Generation, Opened, Settings, StorageError, Stored, Written};
use crate::patients::{check_free_text, LabelError, NoteError, Worklist, MAX_NOTE_CHARS};
use chrono::NaiveDate;
use leptos::prelude::*;
use writer::Writer;

pub use crate::storage::IDLE_CHOICES;

#[derive(Clone, Copy)]
pub struct AppState {
    worklist: RwSignal<Worklist>,
    lang: RwSignal<Lang>,
    view: RwSignal<View>,
    /// The last storage failure or notice, shown to the user until the next success.
    banner: RwSignal<Option<Banner>>,
    /// What is stored could not be read: saving would overwrite it, so never save.
    save_blocked: bool,
    /// The date the model evaluates against, read once from the browser.
    today: NaiveDate,
    /// The wizard step open per case, kept while screens are rebuilt (language switch).
    wizard_step: RwSignal<Option<(u32, Step)>>,
    /// A new version of the app is installed and waits for the user's go-ahead.
    update_ready: RwSignal<bool>,
    /// When the last backup was exported.
    last_backup: RwSignal<Option<NaiveDate>>,
    /// Whether the browser granted persistent storage (`None` until it answers).
    persisted: RwSignal<Option<bool>>,
    /// The case another tab changed last (its newer edit replaced ours).
    changed_elsewhere: RwSignal<Option<u32>>,
    /// A case opened from a share link, or why the link could not be read.
    shared: RwSignal<Option<Result<Case, crate::share::ShareError>>>,
    /// The lock, this tab's store generation, a write under way, the resets:
    /// the plain [`session::Session`], changed only through its events.
    session: RwSignal<session::Session>,
    /// Read from `session` for the screens (a memo: it notifies only on a change).
    lock: Memo<LockState>,
    lock_removed: Memo<bool>,
    weak_passphrase: Memo<bool>,
    /// With the lock on: minutes without use before it closes.
    idle_minutes: RwSignal<u8>,
    /// Which department the tool serves (a setting): whose code each code is.
    department_role: RwSignal<crate::pathway::DepartmentRole>,
    /// The derived key while unlocked; never serialised, never stored.
    key: StoredValue<Option<Key>, LocalStorage>,
    writer: StoredValue<Writer>,
    /// When the clinician last touched the page (see `lock::Clocks`).
    last_activity: StoredValue<lock::Clocks>,
    /// What this tab wrote last, as the browser holds it (see `storage::Written`):
    /// while the store is still that, a save reads nothing back.
    written: StoredValue<Option<Written>, LocalStorage>,
    /// The plain envelope's text, re-encoded only where patients changed.
    encoder: StoredValue<Encoder, LocalStorage>,
    /// When this tab last told the others the clinician is at work.
    last_sent_active: StoredValue<f64>,
    /// When the change the locked writer is saving was made (`perf_now`).
    save_started: StoredValue<Option<f64>>,
    /// This page load's writer and its counter (issue 24): every value
    /// written here is stamped by it (see `records`).
    clock: StoredValue<crate::merge::Clock>,
    /// The shared folder (issue 25): what the panel shows, this tab's run
    /// while the lock is open, and a department found while connecting.
    folder: RwSignal<folder::FolderStatus>,
    folder_run: StoredValue<Option<folder::FolderRun>, LocalStorage>,
    folder_found: StoredValue<Option<folder::Found>, LocalStorage>,
}

/// What a calendar file calls the patient (worded by `i18n`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarName {
    Label(String),
    /// The lock is on: the number only.
    CaseNumber(u32),
    /// A case opened from a share link has no label here.
    SharedCase,
}

/// Why an answer was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeError {
    Answer(AnswerError),
    Text(NoteError),
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
        let generation = opened.generation();
        let (stored, mut lock) = match opened {
            Opened::Plain(s) => (s, LockState::Off),
            Opened::Locked { settings, .. } => (Stored::new(Worklist::default(), settings), LockState::Locked),
        };
        // A locked store that cannot be read (damaged, or its box weakened)
        // never turns the lock off: the tab starts locked and says so.
        let mut lock_removed = matches!(error, Some(StorageError::Unreadable { .. } | StorageError::Corrupt(_)))
            && storage::stored_is_locked_form();
        // This tab reloaded after the lock was removed behind its back (see
        // `session::Effect::MarkLockRemoved`): it still asks before the clear.
        if storage::lock_removed_marked() {
            if lock == LockState::Off && storage::exists() {
                lock_removed = true;
            } else {
                storage::mark_lock_removed(false);
            }
        }
        let stored = if lock_removed { Stored::new(Worklist::default(), stored.settings) } else { stored };
        if lock_removed {
            lock = LockState::Locked;
        }
        let session = RwSignal::new(session::Session::start(lock, lock_removed, generation, storage::exists()));
        let save_blocked = matches!(error, Some(StorageError::Corrupt(_) | StorageError::NewerVersion(_)));
        let banner = match error {
            Some(e) => Some(Banner::Failed(e)),
            None if !stored.renumbered.is_empty() => Some(Banner::Notice(Notice::Renumbered(stored.renumbered.clone()))),
            // Reloaded locked after an error (`panic_panel`): say so.
            None if lock == LockState::Locked && crate::panic_panel::restarted() => Some(Banner::Notice(Notice::Restarted)),
            None => None,
        };
        AppState {
            worklist: RwSignal::new(stored.worklist),
            lang: RwSignal::new(stored.settings.lang),
            view: RwSignal::new(view),
            banner: RwSignal::new(banner),
            save_blocked,
            today,
            wizard_step: RwSignal::new(None),
            update_ready: RwSignal::new(false),
            last_backup: RwSignal::new(stored.settings.last_backup),
            persisted: RwSignal::new(None),
            shared: RwSignal::new(None),
            changed_elsewhere: RwSignal::new(None),
            session,
            lock: Memo::new(move |_| session.with(session::Session::lock)),
            lock_removed: Memo::new(move |_| session.with(session::Session::lock_removed)),
            weak_passphrase: Memo::new(move |_| session.with(session::Session::weak_passphrase)),
            idle_minutes: RwSignal::new(stored.settings.idle_minutes),
            department_role: RwSignal::new(stored.settings.department_role),
            key: StoredValue::new_local(None),
            writer: StoredValue::new(Writer::default()),
            last_activity: StoredValue::new(lock::Clocks::now()),
            written: StoredValue::new_local(None),
            encoder: StoredValue::new_local(Encoder::default()),
            last_sent_active: StoredValue::new(0.0),
            save_started: StoredValue::new(None),
            clock: StoredValue::new(crate::merge::Clock::new(crate::merge::Writer(random_u64()))),
            folder: RwSignal::new(folder::FolderStatus::default()),
            folder_run: StoredValue::new_local(None),
            folder_found: StoredValue::new_local(None),
        }
    }

    // ----- Reading: signals for components to subscribe to, never to write -----

    pub fn worklist(&self) -> ReadSignal<Worklist> {
        self.worklist.read_only()
    }
    pub fn lang(&self) -> ReadSignal<Lang> {
        self.lang.read_only()
    }
    pub fn view(&self) -> ReadSignal<View> {
        self.view.read_only()
    }
    /// The last storage failure or notice, shown until the next success.
    pub fn banner(&self) -> ReadSignal<Option<Banner>> {
        self.banner.read_only()
    }
    /// What is stored could not be read: nothing is saved, so nothing is lost.
    pub fn save_blocked(&self) -> bool {
        self.save_blocked
    }
    /// The date the model evaluates against.
    pub fn today(&self) -> NaiveDate {
        self.today
    }
    pub fn wizard_step(&self) -> ReadSignal<Option<(u32, Step)>> {
        self.wizard_step.read_only()
    }
    pub fn update_ready(&self) -> ReadSignal<bool> {
        self.update_ready.read_only()
    }
    pub fn last_backup(&self) -> ReadSignal<Option<NaiveDate>> {
        self.last_backup.read_only()
    }
    pub fn persisted(&self) -> ReadSignal<Option<bool>> {
        self.persisted.read_only()
    }
    pub fn changed_elsewhere(&self) -> ReadSignal<Option<u32>> {
        self.changed_elsewhere.read_only()
    }
    pub fn shared(&self) -> ReadSignal<Option<Result<Case, crate::share::ShareError>>> {
        self.shared.read_only()
    }
    pub fn lock(&self) -> Memo<LockState> {
        self.lock
    }
    pub fn idle_minutes(&self) -> ReadSignal<u8> {
        self.idle_minutes.read_only()
    }
    pub fn department_role(&self) -> ReadSignal<crate::pathway::DepartmentRole> {
        self.department_role.read_only()
    }
    pub fn lock_removed(&self) -> Memo<bool> {
        self.lock_removed
    }
    pub fn weak_passphrase(&self) -> Memo<bool> {
        self.weak_passphrase
    }

    // ----- Changes that are not data: what the screen shows -----

    /// The URL fragment changed (back, forward, a link): show its view.
    pub fn show_view(&self, view: View) {
        self.view.set(view);
    }
    /// Keep the wizard step open for a case while screens are rebuilt.
    pub fn set_wizard_step(&self, id: u32, step: Step) {
        self.wizard_step.set(Some((id, step)));
    }
    /// What the service worker said: a new version waits; storage is persistent.
    pub fn set_service_worker_flags(&self, update_ready: bool, persisted: Option<bool>) {
        self.update_ready.set(update_ready);
        self.persisted.set(persisted);
    }
    /// The clinician read the notice that another tab's edit replaced ours.
    pub fn dismiss_changed_elsewhere(&self) {
        self.changed_elsewhere.set(None);
    }
    /// Leave a case opened from a share link.
    pub fn close_shared(&self) {
        self.shared.set(None);
    }
    /// A storage action outside the save (a kept copy downloaded or removed) succeeded or failed.
    pub fn report_storage(&self, result: Result<(), StorageError>) {
        self.banner.set(result.err().map(Banner::Failed));
    }

    pub fn add_patient(&self, label: &str) -> Result<u32, LabelError> {
        let mut worklist = self.worklist.get_untracked();
        let id = worklist.add(label, self.today, random_uid())?;
        let now = js_sys::Date::now() as u64;
        self.clock.update_value(|c| worklist.stamp_new(id, c, now));
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
        }
        let now = js_sys::Date::now() as u64;
        self.clock.update_value(|c| worklist.stamp_new(id, c, now));
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
    fn update_case(&self, id: u32, f: impl FnOnce(&mut Case)) {
        self.update_patient(id, |p| f(&mut p.case));
    }

    /// Change one patient as one write of this page load's writer (every
    /// value that changed is stamped, see `Worklist::edit`), and save.
    fn update_patient(&self, id: u32, f: impl FnOnce(&mut crate::patients::Patient)) {
        let now = js_sys::Date::now() as u64;
        self.worklist.update(|w| self.clock.update_value(|c| w.edit(id, c, now, f)));
        self.persist();
    }

    /// Choose one value of a clash (or keep a patient deleted elsewhere):
    /// written as a new value that replaces them all.
    pub fn resolve(&self, id: u32, key: &str, value: serde_json::Value) {
        let now = js_sys::Date::now() as u64;
        self.worklist.update(|w| self.clock.update_value(|c| w.write_field(id, key, value, c, now)));
        self.persist();
    }

    /// Delete one patient: a deletion record keeps its uid and what it had
    /// seen, so an edit made elsewhere without seeing the deletion survives.
    pub fn delete_patient(&self, id: u32) {
        let now = js_sys::Date::now() as u64;
        self.worklist.update(|w| self.clock.update_value(|c| w.delete_patient(id, c, now)));
        self.persist();
    }

    /// This page load's writer (shown beside a value written here).
    pub fn writer(&self) -> crate::merge::Writer {
        self.clock.get_value().writer
    }

    /// Everything as a backup file; remembers the date of this backup.
    pub fn export_backup(&self) -> String {
        self.last_backup.set(Some(self.today));
        self.persist();
        storage::encode_backup(&self.stored(), self.today)
    }

    /// Merge a backup into the worklist (see `Worklist::apply_import`) and save.
    pub fn import(&self, incoming: &crate::patients::Worklist) -> Vec<crate::patients::ImportRow> {
        let mut rows = vec![];
        let now = js_sys::Date::now() as u64;
        self.worklist.update(|w| self.clock.update_value(|c| rows = w.apply_import_as(incoming, c, now)));
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

    /// Date an event of the course, or take its date away (see `EventKey::set_date`).
    pub fn set_event_date(&self, id: u32, event: EventKey, date: Option<NaiveDate>) {
        self.update_case(id, |c| event.set_date(&mut c.events, date));
    }

    /// Why the pathway ended (§7.5), or that it has not (see `Events::set_end_reason`).
    pub fn set_end_reason(&self, id: u32, reason: Option<EndReason>) {
        self.update_case(id, |c| c.events.set_end_reason(reason));
    }

    /// End the pathway on the date the clinician gave (issue 26.5: never dated silently).
    pub fn end_pathway(&self, id: u32, reason: EndReason, date: NaiveDate) {
        self.update_case(id, |c| c.events.end(reason, date));
    }

    /// Why the primary work-up took longer (§3.6), recorded only.
    pub fn set_lengthening(&self, id: u32, why: Option<Lengthening>) {
        self.update_case(id, |c| c.events.workup_lengthened = why);
    }

    pub fn set_closed(&self, id: u32, closed: bool) {
        self.update_patient(id, |p| p.closed = closed);
    }

    /// What a calendar file calls the patient: the label, but with the lock
    /// on only the case number (the file stays in Downloads, unencrypted).
    pub fn calendar_name(&self, id: u32) -> CalendarName {
        let label = self.worklist.with(|w| w.get(id).map(|p| p.label.clone()));
        match label {
            None => CalendarName::SharedCase,
            Some(_) if self.lock.get() != LockState::Off => CalendarName::CaseNumber(id),
            Some(label) => CalendarName::Label(label),
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
            department_role: self.department_role.get_untracked(),
            generation: self.session.with_untracked(session::Session::generation),
        }
    }

    /// The generation to write under: this tab's, or a new one when it has
    /// none (nothing was stored, or everything was deleted).
    fn ensure_generation(&self) {
        if self.session.with_untracked(|s| s.generation().is_none()) {
            let fresh = Generation(random_u64());
            self.session.update_untracked(|s| {
                s.generation_or(fresh);
            });
        }
    }

    fn stored(&self) -> Stored {
        Stored::new(self.worklist.get_untracked(), self.settings())
    }

    /// The plain envelope of what is in memory, re-encoding only the patients
    /// that changed (`storage::Encoder`); the worklist is borrowed, not copied.
    fn encoded(&self) -> String {
        self.ensure_generation();
        let settings = self.settings();
        let mut text = String::new();
        self.worklist.with_untracked(|w| self.encoder.update_value(|e| text = e.encode(w, &settings)));
        text
    }

    /// Delete every case and setting in this browser, after the user confirmed.
    /// The lock goes with them, and the store's generation: every other tab
    /// is told, and one that hears nothing finds another generation (or
    /// none) before it writes. On failure the message is shown and `false` returned.
    pub fn delete_all(&self) -> bool {
        let deleted = self.session.with_untracked(session::Session::generation);
        if let Err(e) = storage::delete_all() {
            self.banner.set(Some(Banner::Failed(e)));
            return false;
        }
        self.run(session::Event::DeletedHere);
        // The department's files stay; this PC forgets the folder (point 7).
        self.folder_disconnect();
        // A save in another tab that began before it heard of the deletion
        // may write the deleted list back a moment later (localStorage is not
        // atomic across tabs): looked for twice, and removed again.
        if deleted.is_some() {
            for ms in [300, 2_000] {
                set_timeout(move || remove_if_of(deleted), std::time::Duration::from_millis(ms));
            }
        }
        true
    }

    /// The keys copies of unreadable data are kept under (see `storage::load_stored`).
    pub fn kept_copies(&self) -> Vec<String> {
        storage::unreadable_keys()
    }

    /// A kept copy's text, for download.
    pub fn kept_copy_text(&self, key: &str) -> Option<String> {
        storage::read_key(key)
    }

    /// Delete a kept copy (after the clinician downloaded it); the notice that
    /// offered it goes with it. On failure the message is shown and `false` returned.
    pub fn remove_kept_copy(&self, key: &str) -> bool {
        match storage::remove_unreadable(key) {
            Ok(()) => {
                let offered = |b: &Option<Banner>| matches!(b, Some(Banner::Failed(StorageError::Unreadable { kept_under, .. })) if kept_under == key);
                if self.banner.with_untracked(offered) {
                    self.banner.set(None);
                }
                true
            }
            Err(e) => {
                self.banner.set(Some(Banner::Failed(e)));
                false
            }
        }
    }

    /// Read a backup file strictly (see `storage::decode_backup`); nothing changes yet.
    pub fn read_backup(&self, text: &str) -> Result<Opened, crate::storage::ImportError> {
        storage::decode_backup(text)
    }

    /// Which department the tool serves: the codes' registrars follow it.
    pub fn set_department_role(&self, role: crate::pathway::DepartmentRole) {
        self.department_role.set(role);
        self.persist();
    }

    pub fn set_idle_minutes(&self, minutes: u8) {
        if storage::IDLE_CHOICES.contains(&minutes) {
            self.idle_minutes.set(minutes);
            self.persist();
        }
    }
}

/// A random id for a new patient, unique across devices for all practical purposes.
fn random_uid() -> String {
    format!("{:016x}{:08x}", random_u64(), random_u64() as u32)
}

/// 64 random bits from `crypto.getRandomValues` (issue 24.1); where a page
/// has no `crypto` (never in a browser the app runs in), `Math.random` and the clock.
fn random_u64() -> u64 {
    crate::lockbox::random_u64().unwrap_or_else(|| {
        let part = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
        (part() << 32 | part()) ^ js_sys::Date::now() as u64
    })
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

/// Remove the store if it is of `generation` (deleted data written back late).
fn remove_if_of(generation: Option<storage::Generation>) {
    let of = storage::load_stored().ok().as_ref().and_then(storage::Opened::generation);
    if generation.is_some() && of == generation {
        let _ = storage::delete_all();
    }
}
