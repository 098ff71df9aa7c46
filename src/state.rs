//! The app-state root, provided by context to every component. Components
//! change data only through these methods; each change is saved at once.

use crate::i18n::Lang;
use crate::nav::View;
use crate::pathway::questions::{set_answer, Answer, AnswerError, QuestionId};
use crate::pathway::{Case, Code, Step};
use crate::storage::{self, Settings, StorageError, Stored};
use crate::worklist::{check_free_text, LabelError, NoteError, Worklist, MAX_NOTE_CHARS};
use chrono::NaiveDate;
use leptos::prelude::*;

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
        let (stored, error) = match storage::load_stored() {
            Ok(s) => (s, None),
            Err(e) => (Stored::default(), Some(e)),
        };
        let save_blocked = matches!(error, Some(StorageError::Corrupt(_) | StorageError::NewerVersion(_)));
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

    fn stored(&self) -> Stored {
        Stored {
            worklist: self.worklist.get_untracked(),
            settings: Settings { lang: self.lang.get_untracked(), last_backup: self.last_backup.get_untracked() },
        }
    }

    /// Delete every case and setting in this browser, after the user confirmed.
    pub fn delete_all(&self) -> Result<(), StorageError> {
        storage::delete_all()?;
        self.worklist.set(crate::worklist::Worklist::default());
        self.last_backup.set(None);
        self.storage_error.set(None);
        Ok(())
    }

    /// Take in what another tab saved: its new patients, and its newer edits.
    pub fn merge_from_storage(&self, other: &crate::worklist::Worklist) {
        let mut replaced = vec![];
        self.worklist.update(|w| replaced = w.merge_from(other));
        if let Some(id) = replaced.last() {
            self.changed_elsewhere.set(Some(*id));
        }
    }

    fn persist(&self) {
        if self.save_blocked {
            return;
        }
        // Another tab may have saved since this one last read: take its newer edits in first.
        if let Some(stored) = storage::peek_stored() {
            let stale = self.worklist.with_untracked(|w| {
                stored
                    .worklist
                    .patients
                    .iter()
                    .any(|p| w.patients.iter().all(|q| q.uid != p.uid || q.updated_ms < p.updated_ms))
            });
            if stale {
                self.merge_from_storage(&stored.worklist);
            }
        }
        match storage::save_stored(&self.stored()) {
            Ok(()) => self.storage_error.set(None),
            Err(e) => self.storage_error.set(Some(e)),
        }
    }
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
