//! What the text makes urgent or absolute, beside the destination.
//!
//! The one urgent action is §2.2.4's acute referral for spinal cord
//! compression ("akut" appears nowhere else in the text). It stands beside
//! whatever the destination is, decided, provisional, disputed or ended, until
//! the clinician records the referral as made. The standing rules are the
//! text's "altid", "under alle omstændigheder" and "skal alle" sentences,
//! shown whenever they apply: as rules, not alarms.

use super::case::{Case, FindingSite};
use super::criteria::{
    extrahepatic, liver_involved, primary_liver_cancer_suspected, CriteriaVerdict, TesticularCriteria,
};
use super::route::{lymphoma_statement, testicular_statement};
use super::statement::Statement;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UrgentAction {
    /// What the text says, with its section.
    pub statement: Statement,
    /// The date the clinician recorded the referral as made; `None` while it is still to be made.
    pub made_on: Option<NaiveDate>,
    /// Something the clinician should know beside it (e.g. the finding site changed since).
    pub note: Option<Statement>,
}

impl UrgentAction {
    /// Still to be made: shown first on the case and flagged in the worklist.
    pub fn pending(&self) -> bool {
        self.made_on.is_none()
    }
}

/// The urgent actions of this case: a recorded yes to spinal cord
/// compression, whatever else is answered and wherever the finding now is.
pub fn urgent_actions(case: &Case) -> Vec<UrgentAction> {
    let a = &case.answers;
    if a.spinal_cord_compression != Some(true) {
        return vec![];
    }
    let note = (a.finding_site != Some(FindingSite::Bone)).then(|| {
        Statement::new(
            "§2.2.4",
            "Spinalt tværsnitssyndrom er besvaret med ja, men fundstedet er ikke (længere) angivet som knogler. Den akutte henvisning vises, indtil den er registreret som foretaget, eller svaret ændres.",
            "Spinal cord compression is answered yes, but the finding is not (or no longer) given as bone. The acute referral stays shown until it is recorded as made or the answer is changed.",
        )
    });
    vec![UrgentAction {
        statement: Statement::new(
            "§2.2.4",
            "Patienter med spinalt tværsnitssyndrom henvises akut efter lokale retningslinjer.",
            "Patients with spinal cord compression are referred acutely according to local guidelines.",
        ),
        made_on: case.events.acute_referral_made,
        note,
    }]
}

/// The text's absolute rules that apply to this case, shown whatever the
/// destination: §2.2.1 "altid", §2.2.4 "under alle omstændigheder",
/// §3.1.2 "skal alle", and §3.1.8 when 2 of 3 hold.
pub fn standing_rules(case: &Case) -> Vec<Statement> {
    let a = &case.answers;
    let mut v = vec![];
    if a.lymphoma_suspected == Some(true) {
        v.push(lymphoma_statement());
    }
    if a.finding_site == Some(FindingSite::Bone) {
        v.push(Statement::new(
            "§2.2.4",
            "Det skal under alle omstændigheder sikres, at patienten får det hurtigst mulige forløb med biopsi.",
            "In all circumstances, it must be ensured that the patient gets the fastest possible course with biopsy.",
        ));
    }
    // Only where its condition can hold: a first finding outside the liver is
    // an extrahepatic manifestation unless recorded as none (criteria::extrahepatic).
    if liver_involved(a) == Some(true) && extrahepatic(a) != Some(true) && !primary_liver_cancer_suspected(a) {
        v.push(Statement::new(
            "§3.1.2",
            "Alle med metastaser i leveren uden umiddelbare ekstrahepatiske tumormanifestationer skal forud for beslutning om biopsi diskuteres på MDT-konference, med deltagelse af leverkirurg, radiolog, patolog, gastroenterolog, nuklearmediciner og onkolog.",
            "Everyone with liver metastases without apparent extrahepatic tumour manifestations must be discussed at an MDT conference (liver surgeon, radiologist, pathologist, gastroenterologist, nuclear medicine physician, oncologist) before the decision on biopsy.",
        ));
    }
    if a.histology == Some(super::case::Histology::PoorlyDifferentiatedCarcinoma) {
        let c = TesticularCriteria::assess(a);
        if c.verdict == CriteriaVerdict::Refer && a.sex == Some(super::case::Sex::Male) {
            v.push(testicular_statement(&c));
        }
    }
    v
}
