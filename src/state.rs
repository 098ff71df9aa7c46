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
        }
    }

    pub fn add_patient(&self, label: &str) -> Result<u32, LabelError> {
        let mut worklist = self.worklist.get_untracked();
        let id = worklist.add(label, self.today)?;
        self.worklist.set(worklist);
        self.persist();
        Ok(id)
    }

    /// Change one patient's case and save.
    pub fn update_case(&self, id: u32, f: impl FnOnce(&mut Case)) {
        self.worklist.update(|w| {
            if let Some(p) = w.get_mut(id) {
                f(&mut p.case);
            }
        });
        self.persist();
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
        self.worklist.update(|w| {
            if let Some(p) = w.get_mut(id) {
                if text.is_empty() {
                    p.notes.remove(item);
                } else {
                    p.notes.insert(item.to_string(), text);
                }
            }
        });
        self.persist();
        Ok(())
    }

    pub fn set_closed(&self, id: u32, closed: bool) {
        self.worklist.update(|w| {
            if let Some(p) = w.get_mut(id) {
                p.closed = closed;
            }
        });
        self.persist();
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

    fn persist(&self) {
        if self.save_blocked {
            return;
        }
        let stored =
            Stored { worklist: self.worklist.get_untracked(), settings: Settings { lang: self.lang.get_untracked() } };
        match storage::save_stored(&stored) {
            Ok(()) => self.storage_error.set(None),
            Err(e) => self.storage_error.set(Some(e)),
        }
    }
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
