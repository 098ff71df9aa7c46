//! Where in the pathway text a statement comes from.
//!
//! A [`Section`] is a citation of `Pakkeforløb for metastaser uden organspecifik
//! kræfttype`: `§3.1.6` for a numbered section, `kap. 6` for a chapter that has
//! no numbered sections of its own.

use super::text::Text;
use serde::{Serialize, Serializer};
use std::fmt;

/// A citation of one section of the pathway text, written as the UI shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Section(pub &'static str);

impl Section {
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// The section as shown in English: "kap. 6" becomes "ch. 6"; a "§"
    /// section is the same in both languages.
    pub fn as_en(self) -> String {
        match self.0.strip_prefix("kap. ") {
            Some(n) => format!("ch. {n}"),
            None => self.0.to_string(),
        }
    }

    /// The section as the Danish and English texts write it, for `Lang::pick`.
    pub fn label(self) -> Text<String> {
        Text::new(self.0.to_string(), self.as_en())
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Section {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

/// Every section of the text that the model cites. Each exists as a heading in
/// the source text (checked by a test against the text itself).
pub const SECTIONS: &[Section] = &[
    Section("§1.2"),
    Section("§1.5"),
    Section("§2.1"),
    Section("§2.2"),
    Section("§2.2.1"),
    Section("§2.2.2"),
    Section("§2.2.3"),
    Section("§2.2.4"),
    Section("§2.2.5"),
    Section("§2.2.6"),
    Section("§2.3"),
    Section("§2.4"),
    Section("§2.5"),
    Section("§2.6"),
    Section("§2.7"),
    Section("§2.8"),
    Section("§3.1"),
    Section("§3.1.1"),
    Section("§3.1.2"),
    Section("§3.1.3"),
    Section("§3.1.4"),
    Section("§3.1.5"),
    Section("§3.1.6"),
    Section("§3.1.7"),
    Section("§3.1.8"),
    Section("§3.1.9"),
    Section("§3.1.10"),
    Section("§3.2"),
    Section("§3.3"),
    Section("§3.4"),
    Section("§3.5"),
    Section("§3.6"),
    Section("§4.1"),
    Section("§4.4"),
    Section("§4.5"),
    Section("§4.6"),
    Section("§4.7"),
    Section("§4.8"),
    Section("kap. 5"),
    Section("kap. 6"),
    Section("kap. 7"),
    Section("§7.1"),
    Section("§7.2"),
    Section("§7.3"),
    Section("§7.4"),
    Section("§7.5"),
];

/// A place where the text's cross-reference or summary does not seem to fit
/// what it points to. Shown as the text writes it, with the model's reading
/// beside it, never as an asserted correction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TextSlip {
    /// The sections in which the slip occurs.
    pub sections: &'static [Section],
    /// What the text writes.
    pub text_says: &'static str,
    /// The model's reading: what it seems to mean, and why.
    pub read_as: Text,
}

pub const TEXT_SLIPS: &[TextSlip] = &[
    TextSlip {
        sections: &[Section("§1.2"), Section("§3.1"), Section("§3.1.5"), Section("§3.1.9"), Section("§3.3")],
        text_says: "(se kapitel 6)",
        read_as: Text::new("Indholdet synes at svare til kapitel 4 (Videre udredning og initial behandling af ukendt primær tumor); kapitel 6 er tabellen over forløbstider", "The content seems to be chapter 4 (further work-up and initial treatment of an unknown primary tumour); chapter 6 is the table of pathway times"),
    },
    TextSlip {
        sections: &[Section("§4.8")],
        text_says: "det beskrevne udredningsprogram (se kapitel 7)",
        read_as: Text::new("Indholdet synes at svare til kapitel 3 (Udredning); kapitel 7 handler om registrering", "The content seems to be chapter 3 (work-up); chapter 7 is about registration"),
    },
    TextSlip {
        sections: &[Section("kap. 5")],
        text_says: "finder begrundet mistanke om kræft og henviser til medicinsk afdeling",
        read_as: Text::new("Oversigtsskemaet synes at forenkle §2.2, hvor der afhængigt af fundet også henvises til neurologisk afdeling, akut efter lokale retningslinjer eller til et andet pakkeforløb", "The overview table seems to simplify §2.2, where, depending on the finding, patients are also referred to a neurological department, acutely by local guidelines, or to another pathway"),
    },
];
