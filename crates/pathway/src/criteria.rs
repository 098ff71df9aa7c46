//! Rules of the work-up that are logic rather than lists.

use super::case::{AfpLevel, Answers, FindingSite, Sex, TumourCount};
use serde::Serialize;

/// Age limit of §3.1.8 criterion 1: "en mand under 55 år".
pub const TESTICULAR_AGE_LIMIT: u8 = 55;

/// How many of the three §3.1.8 criteria must hold.
pub const TESTICULAR_CRITERIA_NEEDED: usize = 2;

/// The three characteristics of §3.1.8, each true, false or not yet known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TesticularCriteria {
    /// 1) the patient is a man under 55.
    pub man_under_55: Option<bool>,
    /// 2) the tumour lies in the midline (mediastinum, retroperitoneum).
    pub midline_tumour: Option<bool>,
    /// 3) raised HCG or α-føtoprotein.
    pub hcg_or_afp_raised: Option<bool>,
    pub verdict: CriteriaVerdict,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CriteriaVerdict {
    /// At least two criteria hold: refer to the testicular-cancer pathway.
    Refer,
    /// At most one can hold, whatever the unknowns turn out to be.
    DoNotRefer,
    /// Unknown criteria could still decide it.
    Pending,
}

impl TesticularCriteria {
    pub fn assess(answers: &Answers) -> Self {
        let man_under_55 = match (answers.sex, answers.age_years) {
            (Some(Sex::Female), _) => Some(false),
            (Some(Sex::Male), Some(age)) => Some(age < TESTICULAR_AGE_LIMIT),
            _ => None,
        };
        let midline_tumour = midline_tumour(answers);
        let hcg_or_afp_raised = hcg_or_afp_raised(answers);
        let c = [man_under_55, midline_tumour, hcg_or_afp_raised];
        let held = c.iter().filter(|x| **x == Some(true)).count();
        let unknown = c.iter().filter(|x| x.is_none()).count();
        let verdict = if held >= TESTICULAR_CRITERIA_NEEDED {
            CriteriaVerdict::Refer
        } else if held + unknown >= TESTICULAR_CRITERIA_NEEDED {
            CriteriaVerdict::Pending
        } else {
            CriteriaVerdict::DoNotRefer
        };
        TesticularCriteria { man_under_55, midline_tumour, hcg_or_afp_raised, verdict }
    }

    pub fn held(&self) -> usize {
        [self.man_under_55, self.midline_tumour, self.hcg_or_afp_raised].iter().filter(|x| **x == Some(true)).count()
    }
}

/// §3.1.8 criterion 2: a retroperitoneal finding is in the midline by the
/// text's own definition ("midtlinjen (mediastinum, retroperitoneum)").
pub fn midline_tumour(answers: &Answers) -> Option<bool> {
    if answers.finding_site == Some(FindingSite::LymphNodeRetroperitoneal) {
        Some(true)
    } else {
        answers.midline_tumour
    }
}

/// §3.1.8 criterion 3, "forhøjet HCG eller α-føtoprotein": a raised AFP
/// recorded in the liver work-up (§3.1.2) holds it, one measurement for every
/// rule that reads it; a normal AFP or one rising within the reference range
/// leaves it to the answer about HCG or AFP.
pub fn hcg_or_afp_raised(answers: &Answers) -> Option<bool> {
    if afp_measured(answers).and_then(AfpLevel::raised) == Some(true) {
        Some(true)
    } else {
        answers.hcg_or_afp_raised
    }
}

/// The AFP recorded in the liver work-up, where a liver process is asked about.
pub fn afp_measured(answers: &Answers) -> Option<AfpLevel> {
    answers.liver.afp.filter(|_| liver_involved(answers) == Some(true))
}

/// The three principles for a brain metastasis (§3.1.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BrainPrinciple {
    /// 1. One symptomatic, operable tumour: operation recommended.
    OperateSingle,
    /// 2. More than one symptomatic tumour: removal of the largest may be considered.
    ConsiderRemovingLargest,
    /// 3. One or more tumours, none operable: a) image-guided biopsy or b) chest X-ray and CT.
    NoneOperable,
}

/// Which §3.1.4 principle applies, or `None` when the answers do not yet (or,
/// for asymptomatic operable tumours, never) select one. Principle 3 holds
/// whenever none is operable, whatever the count.
pub fn brain_principle(
    count: Option<TumourCount>,
    symptomatic: Option<bool>,
    operable: Option<bool>,
) -> Option<BrainPrinciple> {
    match (count, symptomatic, operable) {
        (_, _, Some(false)) => Some(BrainPrinciple::NoneOperable),
        (Some(TumourCount::One), Some(true), Some(true)) => Some(BrainPrinciple::OperateSingle),
        (Some(TumourCount::TwoOrThree | TumourCount::MoreThanThree), Some(true), Some(true)) => {
            Some(BrainPrinciple::ConsiderRemovingLargest)
        }
        _ => None,
    }
}

/// Whether the answers could still select a §3.1.4 principle.
pub fn brain_principle_open(answers: &Answers) -> bool {
    let b = &answers.brain;
    brain_principle(b.tumour_count, b.symptomatic, b.operable).is_none()
        && !(b.operable == Some(true) && b.symptomatic == Some(false))
}

/// A liver process: the first finding, or suspected liver metastases found since (§3.1, §3.1.2).
pub fn liver_involved(answers: &Answers) -> Option<bool> {
    if answers.finding_site == Some(FindingSite::Liver) {
        Some(true)
    } else {
        answers.liver.involved
    }
}

/// §3.1.2: raised or rising α-føtoprotein and a solitary liver process give
/// begrundet mistanke om primær leverkræft, wherever the liver finding arose.
pub fn primary_liver_cancer_suspected(answers: &Answers) -> bool {
    liver_involved(answers) == Some(true)
        && answers.liver.afp.is_some_and(AfpLevel::raised_or_rising)
        && answers.liver.solitary == Some(true)
}

/// §3.1.2 could still become true: a liver process, neither answer "no"
/// (several lesions make AFP irrelevant, a normal AFP makes "solitary"
/// irrelevant), and at least one still open.
pub fn primary_liver_cancer_open(answers: &Answers) -> bool {
    let l = &answers.liver;
    liver_involved(answers) == Some(true)
        && l.solitary != Some(false)
        && !matches!(l.afp, Some(AfpLevel::Normal | AfpLevel::NotMeasured))
        && (l.solitary.is_none() || l.afp.is_none())
}

/// §3.1.2 "umiddelbare ekstrahepatiske tumormanifestationer". A first finding
/// outside the liver is one, unless the clinician records that there are
/// none (the finding is not tumour).
pub fn extrahepatic(answers: &Answers) -> Option<bool> {
    match answers.finding_site {
        Some(FindingSite::Liver) | None => answers.liver.extrahepatic,
        Some(_) => Some(answers.liver.extrahepatic != Some(false)),
    }
}
