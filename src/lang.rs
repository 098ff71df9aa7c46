//! The clinician's language: a value every layer may hold (it is stored with
//! the settings). The words themselves are in [`crate::i18n`].

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// Pick the text in this language from a (Danish, English) pair.
    pub fn pick<T>(self, (da, en): (T, T)) -> T {
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }
}
