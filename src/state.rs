//! The app-state root, provided by context to every component.

use crate::storage::{self, StorageError};
use crate::worklist::{LabelError, Worklist};
use chrono::NaiveDate;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct AppState {
    pub worklist: RwSignal<Worklist>,
    /// The last storage failure, shown to the user until the next success.
    pub storage_error: RwSignal<Option<StorageError>>,
    /// What is stored could not be read: saving would overwrite it, so never save.
    pub save_blocked: bool,
    /// The date the model evaluates against, read once from the browser.
    pub today: NaiveDate,
}

impl AppState {
    /// Load the worklist from storage. A failure leaves an empty worklist on
    /// screen, reports the error, and (when data exists but cannot be read)
    /// blocks saving so nothing stored is lost.
    pub fn load(today: NaiveDate) -> Self {
        let (worklist, error) = match storage::load() {
            Ok(w) => (w, None),
            Err(e) => (Worklist::default(), Some(e)),
        };
        let save_blocked = matches!(error, Some(StorageError::Corrupt(_) | StorageError::NewerVersion(_)));
        AppState { worklist: RwSignal::new(worklist), storage_error: RwSignal::new(error), save_blocked, today }
    }

    pub fn add_patient(&self, label: &str) -> Result<u32, LabelError> {
        let mut worklist = self.worklist.get_untracked();
        let id = worklist.add(label, self.today)?;
        self.worklist.set(worklist);
        self.persist();
        Ok(id)
    }

    fn persist(&self) {
        if self.save_blocked {
            return;
        }
        match storage::save(&self.worklist.get_untracked()) {
            Ok(()) => self.storage_error.set(None),
            Err(e) => self.storage_error.set(Some(e)),
        }
    }
}

/// Today's date in the browser's local time zone.
pub fn browser_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
        .expect("the browser's date is a valid date")
}
