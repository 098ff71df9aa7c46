//! The clinician's language: a value every layer may hold (it is stored with
//! the settings). The words themselves are in the app's UI text (`cup_pathway::i18n`).

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

    /// The text in this language: of a [`Text`](crate::pathway::Text) (or a
    /// borrowed one), or of a (Danish, English) pair.
    pub fn pick<B: crate::pathway::Bilingual>(self, text: B) -> B::Out {
        let (da, en) = text.pair();
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }
}
