//! All UI text, Danish and English, one key enum an area: `case.rs`
//! (`CaseText`), `worklist.rs` (`WorklistText`: the list, its details, the
//! folder panel, *Registrering*), `stats.rs` (`StatsText`), `lock.rs`
//! (`LockText`: the lock and *Om værktøjet*), `merge.rs` (`MergeText`: clashes),
//! `common.rs` (`CommonText`: the frame and words more than one screen uses);
//! `errors.rs` holds the one `Message` trait every error a person reads
//! implements. Each key is written once, with both languages (`ui_text!`
//! below), so a missing translation does not compile; a test fails on a key nothing uses and on a
//! screen that reads another screen's words (`tests/layers.rs`). Clinical
//! wording comes from the model (`pathway`), which carries its own Danish and
//! English as [`Text`]. A prop that takes any key takes `#[prop(into)] Text`.
//!
//! Static or reactive: screens read the language once
//! (`components::use_lang()`) and render their text statically; the app
//! rebuilds the open screen and the footer when the language changes
//! (`src/app.rs`). Only what lives outside a screen follows the switch by
//! itself, in a closure reading `state.lang().get()`: the header, the banners
//! above the screen and the document's `lang` attribute.

pub use crate::lang::Lang;
use crate::pathway::Text;

/// One area's keys, each written once with its Danish and English: the key
/// enum, its `Key` impl (a match the compiler checks is complete) and its
/// conversion into [`Text`] for a prop that takes any key
/// (`#[prop(into)] label: Text`).
macro_rules! ui_text {
    ($(#[$meta:meta])* $name:ident { $($key:ident => ($da:expr, $en:expr $(,)?)),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $($key),*
        }

        impl $crate::i18n::Key for $name {
            fn text(self) -> $crate::pathway::Text {
                match self {
                    $($name::$key => $crate::pathway::Text::new($da, $en)),*
                }
            }
        }

        impl From<$name> for $crate::pathway::Text {
            fn from(k: $name) -> Self {
                $crate::i18n::Key::text(k)
            }
        }
    };
}

mod case;
mod common;
mod errors;
mod lock;
mod merge;
mod stats;
mod worklist;

pub use case::CaseText;
pub use common::CommonText;
pub use common::CommonWords;
pub use errors::Message;
pub use lock::LockText;
pub use merge::MergeText;
pub use stats::StatsText;
pub use worklist::{WorklistText, WorklistWords};

/// A key of the UI text: one enum an area (case, worklist, stats, lock,
/// merge, common), made by `ui_text!`.
pub trait Key: Copy {
    fn text(self) -> Text;
}

/// The words built from a number or a key, in the clinician's language
/// (`Lang` lives in the department's crate; its words live here).
pub trait Words {
    fn t(self, k: impl Key) -> &'static str;
    /// A number of days, singular or plural: "1 dag", "2 dage"; "1 day", "2 days".
    fn days(self, n: i64) -> String;
    /// Days left before a deadline, or over it when negative: "3 dage
    /// tilbage", "1 dag over"; "i dag" on the day itself (a walk-through found "0 dage tilbage" awkward).
    fn days_left(self, n: i64) -> String;
    /// Open answers the destination waits for: "1 svar mangler"; "2 answers open".
    /// "Foreløbig (2 svar mangler)", or just "Foreløbig" when no single
    /// answer is named as what the destination waits for.
    fn provisional(self, open: usize) -> String;
    fn open_answers(self, n: usize) -> String;
}

impl Words for Lang {
    fn t(self, k: impl Key) -> &'static str {
        self.pick(k.text())
    }

    fn days(self, n: i64) -> String {
        match (self, n.abs() == 1) {
            (Lang::Da, true) => format!("{n} dag"),
            (Lang::Da, false) => format!("{n} dage"),
            (Lang::En, true) => format!("{n} day"),
            (Lang::En, false) => format!("{n} days"),
        }
    }

    fn days_left(self, n: i64) -> String {
        if n == 0 {
            return self.pick(Text::new("i dag", "today")).into();
        }
        let word = self.pick(if n >= 0 { Text::new("tilbage", "left") } else { Text::new("over fristen", "overdue") });
        format!("{} {word}", self.days(n.abs()))
    }

    fn provisional(self, open: usize) -> String {
        match open {
            0 => self.t(CommonText::Provisional).to_string(),
            n => format!("{} ({})", self.t(CommonText::Provisional), self.open_answers(n)),
        }
    }

    fn open_answers(self, n: usize) -> String {
        match (self, n == 1) {
            (Lang::Da, _) => format!("{n} svar mangler"),
            (Lang::En, true) => format!("{n} answer open"),
            (Lang::En, false) => format!("{n} answers open"),
        }
    }
}

