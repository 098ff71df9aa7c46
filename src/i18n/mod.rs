//! All UI text, Danish and English, one key enum an area: `case.rs`
//! (`CaseText`), `worklist.rs` (`WorklistText`: the list, its details, the
//! folder panel, *Registrering*), `stats.rs` (`StatsText`), `lock.rs`
//! (`LockText`: the lock and *Om værktøjet*), `merge.rs` (`MergeText`: clashes),
//! `common.rs` (`CommonText`: the frame and words more than one screen uses);
//! `errors.rs` holds the one `Message` trait every error a person reads
//! implements. Each key's match arm holds both languages, so a missing
//! translation does not compile; a test fails on a key nothing uses and on a
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

mod case;
mod common;
mod errors;
mod lock;
mod merge;
mod stats;
mod worklist;

pub use case::CaseText;
pub use common::CommonText;
pub use errors::Message;
pub use lock::LockText;
pub use merge::MergeText;
pub use stats::StatsText;
pub use worklist::WorklistText;

/// A key of the UI text: one enum an area (case, worklist, stats, lock,
/// merge, common), each key's match arm holding both languages.
pub trait Key: Copy {
    fn text(self) -> Text;
}

/// Every area's keys into [`Text`], for a prop or a value that takes any key
/// (`#[prop(into)] label: Text`).
macro_rules! into_text {
    ($($area:ty),*) => {$(
        impl From<$area> for Text {
            fn from(k: $area) -> Text {
                k.text()
            }
        }
    )*};
}
into_text!(CaseText, CommonText, LockText, StatsText, WorklistText, MergeText);

impl Lang {
    pub fn t(self, k: impl Key) -> &'static str {
        self.pick(k.text())
    }

    /// A number of days, singular or plural: "1 dag", "2 dage"; "1 day", "2 days".
    pub fn days(self, n: i64) -> String {
        match (self, n.abs() == 1) {
            (Lang::Da, true) => format!("{n} dag"),
            (Lang::Da, false) => format!("{n} dage"),
            (Lang::En, true) => format!("{n} day"),
            (Lang::En, false) => format!("{n} days"),
        }
    }

    /// Days left before a deadline, or over it when negative: "3 dage
    /// tilbage", "1 dag over"; "i dag" on the day itself (a walk-through found "0 dage tilbage" awkward).
    pub fn days_left(self, n: i64) -> String {
        if n == 0 {
            return self.pick(Text::new("i dag", "today")).into();
        }
        let word = self.pick(if n >= 0 { Text::new("tilbage", "left") } else { Text::new("over fristen", "overdue") });
        format!("{} {word}", self.days(n.abs()))
    }

    /// Open answers the destination waits for: "1 svar mangler"; "2 answers open".
    /// "Foreløbig (2 svar mangler)", or just "Foreløbig" when no single
    /// answer is named as what the destination waits for.
    pub fn provisional(self, open: usize) -> String {
        match open {
            0 => self.t(CommonText::Provisional).to_string(),
            n => format!("{} ({})", self.t(CommonText::Provisional), self.open_answers(n)),
        }
    }

    pub fn open_answers(self, n: usize) -> String {
        match (self, n == 1) {
            (Lang::Da, _) => format!("{n} svar mangler"),
            (Lang::En, true) => format!("{n} answer open"),
            (Lang::En, false) => format!("{n} answers open"),
        }
    }
}

