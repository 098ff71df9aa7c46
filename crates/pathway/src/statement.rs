use super::section::Section;
use super::text::Text;
use serde::Serialize;

/// One thing the pathway says about this case, in Danish and English, with
/// the section it says it in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Statement {
    pub section: Section,
    #[serde(flatten)]
    pub text: Text<String>,
}

impl Statement {
    pub fn new(section: &'static str, da: impl Into<String>, en: impl Into<String>) -> Self {
        Statement { section: Section(section), text: Text::new(da.into(), en.into()) }
    }
}
