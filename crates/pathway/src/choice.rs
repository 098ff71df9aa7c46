//! A closed set of values offered as labelled options: the shared vocabulary
//! of the questions ([`super::questions`]) and of the case's own lists
//! (the end reasons of §7.5, the lengthenings of §3.6).

use super::text::Text;
use serde::Serialize;

/// One option of a one-of-a-list question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// Stable key, the same as the value in the case's JSON form.
    pub key: &'static str,
    #[serde(flatten)]
    pub text: Text,
}

/// A closed set of values offered as labelled options: `VALUES` and `CHOICES`
/// are in the same order, and each key is the value's name in the case JSON.
pub trait Choosable: Copy + PartialEq + 'static {
    const VALUES: &'static [Self];
    const CHOICES: &'static [Choice];

    fn choice(self) -> Choice {
        Self::CHOICES[Self::VALUES.iter().position(|x| *x == self).unwrap_or(0)]
    }

    fn from_key(key: &str) -> Option<Self> {
        Self::CHOICES.iter().position(|c| c.key == key).and_then(|i| Self::VALUES.get(i).copied())
    }

    /// The option's words in Danish and English.
    fn label(self) -> Text {
        self.choice().text
    }
}
