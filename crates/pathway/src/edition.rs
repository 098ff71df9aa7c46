//! The guideline edition the model encodes and the version of its rules.

use super::case::{Case, ModelStamp};
use super::text::Text;
use serde::Serialize;

/// Version of the model's rules. Bump whenever a rule, item or code changes,
/// so a stored case shows that it was evaluated under older rules.
pub const MODEL_VERSION: u32 = 5;

/// The guideline edition the model encodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Edition {
    pub title_da: &'static str,
    pub publisher: &'static str,
    /// How the edition is identified; the text itself carries no date or number.
    pub edition: Text,
}

pub const EDITION: Edition = Edition {
    title_da: "Pakkeforløb for metastaser uden organspecifik kræfttype",
    publisher: "Sundhedsstyrelsen",
    edition: Text::new("Revideret udgave efter Kræftplan III, forord ved direktør Søren Brostrøm (teksten angiver hverken år eller versionsnummer)", "Revised edition after Kræftplan III (the third national cancer plan), foreword by director Søren Brostrøm (the text gives neither a year nor a version number)"),
};

impl Case {
    /// Record the model version and edition this case is evaluated under.
    pub fn stamp(&mut self) {
        self.evaluated_under =
            Some(ModelStamp { model_version: MODEL_VERSION, edition: EDITION.edition.da.to_string() });
    }
}
