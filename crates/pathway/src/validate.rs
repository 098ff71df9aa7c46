//! Input that is inconsistent or doubtful. Reported, never corrected: the
//! clinician's entries are kept as they are.

use super::case::{AfpLevel, Case, EndReason, Events, Histology};
use super::checklist::item_by_id;
use super::destination::Destination;
use super::route::Route;
use super::statement::Statement;
use chrono::Datelike;
use chrono::NaiveDate;
use serde::Serialize;

/// Ages above this are taken to be typing errors (the field is whole years).
pub const MAX_PLAUSIBLE_AGE: u8 = 120;

/// A dated event of the course: the date fields of the case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKey {
    ReferralReceived,
    FirstAttendance,
    ReferredToSecondary,
    SecondaryFirstAttendance,
    Ended,
    AcuteReferralMade,
    /// The receiving department has taken over after AFD01X1 (§2.6, §3.4).
    HandedOver,
}

impl EventKey {
    /// The event's date in the case (the ending's date for `Ended`).
    pub fn date(self, e: &Events) -> Option<NaiveDate> {
        match self {
            EventKey::ReferralReceived => e.referral_received,
            EventKey::FirstAttendance => e.first_attendance,
            EventKey::ReferredToSecondary => e.referred_to_secondary,
            EventKey::SecondaryFirstAttendance => e.secondary_first_attendance,
            EventKey::Ended => e.ended.as_ref().map(|x| x.date),
            EventKey::AcuteReferralMade => e.acute_referral_made,
            EventKey::HandedOver => e.handed_over,
        }
    }

    /// Give the event a date, or take it away. The ending's date changes only
    /// where an ending (with its reason, `Events::set_end_reason`) exists;
    /// taking it away removes the ending.
    pub fn set_date(self, e: &mut Events, d: Option<NaiveDate>) {
        match self {
            EventKey::ReferralReceived => e.referral_received = d,
            EventKey::FirstAttendance => e.first_attendance = d,
            EventKey::ReferredToSecondary => e.referred_to_secondary = d,
            EventKey::SecondaryFirstAttendance => e.secondary_first_attendance = d,
            EventKey::Ended => match (d, e.ended.as_mut()) {
                (Some(date), Some(x)) => x.date = date,
                (Some(_), None) => {}
                (None, _) => e.ended = None,
            },
            EventKey::AcuteReferralMade => e.acute_referral_made = d,
            EventKey::HandedOver => e.handed_over = d,
        }
    }
}

/// A problem and the dated events it concerns, so that each date field can
/// show the problems about it. The statement is one of [`problems`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventProblem {
    pub events: Vec<EventKey>,
    pub statement: Statement,
}

pub fn problems(case: &Case, route: &Route, today: NaiveDate) -> Vec<Statement> {
    found(case, route, today).into_iter().map(|(s, _)| s).collect()
}

/// The problems that concern dated events, with those events, in the order of [`problems`].
pub fn event_problems(case: &Case, route: &Route, today: NaiveDate) -> Vec<EventProblem> {
    found(case, route, today)
        .into_iter()
        .filter(|(_, events)| !events.is_empty())
        .map(|(statement, events)| EventProblem { events, statement })
        .collect()
}

/// Dates that contradict each other or the calendar: an event without the
/// one before it, events out of order, dates after today. The worklist shows
/// such a case as "Kontrollér datoer", never as on track; the department's
/// figures count it apart.
pub fn date_problems(case: &Case, today: NaiveDate) -> Vec<Statement> {
    let mut p = Problems::default();
    dates(case, today, &mut p);
    p.0.into_iter().map(|(s, _)| s).collect()
}

/// Every problem, each with the dated events it concerns (none for an answer
/// or a tick): the dates' first.
fn found(case: &Case, route: &Route, today: NaiveDate) -> Vec<(Statement, Vec<EventKey>)> {
    let mut p = Problems::default();
    dates(case, today, &mut p);
    answers(case, route, &mut p);
    p.0
}

fn dates(case: &Case, today: NaiveDate, p: &mut Problems) {
    use EventKey as E;
    let e = &case.events;
    let ending_code = |r: EndReason| if r == EndReason::PatientWish { "AFD01X2" } else { "AFD01X1" };
    let chain = [
        ("AFD01A", "henvisning modtaget", "§2.7", e.referral_received, E::ReferralReceived),
        ("AFD01B", "første fremmøde", "§3.5", e.first_attendance, E::FirstAttendance),
        ("AFD01C", "henvisning til sekundær udredning", "§3.5", e.referred_to_secondary, E::ReferredToSecondary),
        (
            "AFD01D",
            "første fremmøde på onkologisk afdeling",
            "§4.7",
            e.secondary_first_attendance,
            E::SecondaryFirstAttendance,
        ),
    ];
    // Every event needs every one before it in the chain.
    for (j, &(c, n, s, d, k)) in chain.iter().enumerate() {
        if d.is_none() {
            continue;
        }
        for &(pc, pn, _, pd, pk) in &chain[..j] {
            if pd.is_none() {
                p.push(Statement::new(
                    s,
                    format!("{c} ({n}) har en dato, men {pc} ({pn}) mangler."),
                    format!("{c} is dated but {pc} is missing."),
                ));
                p.about(&[k, pk]);
            }
        }
    }
    // Order across all events, not neighbours only; the ending comes after every other event.
    let mut dated: Vec<(&str, &str, &str, NaiveDate, EventKey)> =
        chain.iter().filter_map(|&(c, n, s, d, k)| d.map(|d| (c, n, s, d, k))).collect();
    if let Some(end) = &e.ended {
        dated.push((ending_code(end.reason), "pakkeforløb slut", "§7.5", end.date, E::Ended));
    }
    for (j, &(c, n, s, b, k)) in dated.iter().enumerate() {
        for &(pc, pn, _, a, pk) in &dated[..j] {
            if b < a {
                p.push(Statement::new(
                    s,
                    format!("{c} ({n}, {}) ligger før {pc} ({pn}, {}).", da_date(b), da_date(a)),
                    format!("{c} ({}) is before {pc} ({}).", da_date(b), da_date(a)),
                ));
                p.about(&[k, pk]);
            }
        }
    }
    for &(c, n, s, d, k) in &dated {
        if d > today {
            p.push(Statement::new(
                s,
                format!("{c} ({n}) er dateret {}, efter i dag.", da_date(d)),
                format!("{c} is dated {}, after today.", da_date(d)),
            ));
            p.about(&[k]);
        }
    }
    if let Some(taken) = e.handed_over {
        match &e.ended {
            None => {
                p.push(Statement::new(
                    "§2.6",
                    "Det er registreret, at modtagende afdeling har taget over, men pakkeforløbet er ikke afsluttet (AFD01X1).",
                    "The receiving department is recorded as having taken over, but the pathway has not ended (AFD01X1).",
                ));
                p.about(&[E::HandedOver]);
            }
            Some(end) if taken < end.date => {
                p.push(Statement::new(
                    "§2.6",
                    format!(
                        "Modtagende afdeling har taget over {}, før pakkeforløbet sluttede {} (AFD01X).",
                        da_date(taken),
                        da_date(end.date)
                    ),
                    format!(
                        "The receiving department took over on {}, before the pathway ended on {} (AFD01X).",
                        da_date(taken),
                        da_date(end.date)
                    ),
                ));
                p.about(&[E::HandedOver, E::Ended]);
            }
            Some(_) => {}
        }
        if taken > today {
            p.push(Statement::new(
                "§2.6",
                format!("Modtagende afdeling er registreret som overtaget {}, efter i dag.", da_date(taken)),
                format!("The receiving department is recorded as taking over on {}, after today.", da_date(taken)),
            ));
            p.about(&[E::HandedOver]);
        }
    }
    if let Some(made) = e.acute_referral_made.filter(|d| *d > today) {
        p.push(Statement::new(
            "§2.2.4",
            format!("Den akutte henvisning er registreret som foretaget {}, efter i dag.", da_date(made)),
            format!("The acute referral is recorded as made on {}, after today.", da_date(made)),
        ));
        p.about(&[E::AcuteReferralMade]);
    }
}

/// Answers that contradict each other or the course.
fn answers(case: &Case, route: &Route, p: &mut Problems) {
    use EventKey as E;
    let e = &case.events;
    if e.acute_referral_made.is_some() && case.answers.spinal_cord_compression != Some(true) {
        p.push(Statement::new(
            "§2.2.4",
            "Der er registreret en akut henvisning, men spinalt tværsnitssyndrom er ikke besvaret med ja. Kontrollér svaret.",
            "An acute referral is recorded, but spinal cord compression is not answered yes. Check the answer.",
        ));
        p.about(&[E::AcuteReferralMade]);
    }
    let carcinoma = matches!(
        case.answers.histology,
        Some(
            Histology::Adenocarcinoma
                | Histology::SquamousCellCarcinoma
                | Histology::PoorlyDifferentiatedCarcinoma
                | Histology::SmallCellAnaplasticCarcinoma
        )
    );
    if case.answers.lymphoma_suspected == Some(true) && carcinoma && e.ended.is_none() {
        p.push(Statement::new(
            "§2.2.1",
            "Modstrid: der er mistanke om lymfom, men histologien er et karcinom. Kontrollér svaret om lymfom og den histologiske diagnose.",
            "Contradiction: lymphoma is suspected but the histology is a carcinoma. Check the lymphoma answer and the histological diagnosis.",
        ));
    }
    // Oncology needs a biopsy answer first (§3.1.5).
    if matches!(route.destination, Destination::Oncology) && case.answers.histology.is_none() {
        p.push(Statement::new(
            "§3.1.5",
            "Svarene peger på onkologisk afdeling, men der er ikke registreret nogen histologisk diagnose. Ifølge §3.1.5 foreligger der svar på biopsien, når undersøgelsesprogrammet er gennemført.",
            "The answers point to the oncology department, but no histological diagnosis is recorded. By §3.1.5, the biopsy result is available once the examination programme is complete.",
        ));
    }
    // §3.3's question is answered »Nej« only once the work-up programme is
    // complete, and the work-up period begins at the first attendance (§2.8,
    // kap. 6; AFD01B, §3.5): without that date the case's phase runs ahead of
    // its dates (a walk-through found the checklist at step 4 before the first
    // attendance). Where AFD01C or AFD01D is dated, the chain above says it.
    if case.answers.primary_found == Some(false)
        && e.first_attendance.is_none()
        && e.referred_to_secondary.is_none()
        && e.secondary_first_attendance.is_none()
        && e.ended.is_none()
    {
        p.push(Statement::new(
            "§3.5",
            "»Nej« til §3.3 betyder, at den primære udredning er gennemført uden begrundet mistanke om en organspecifik kræfttype, men første fremmøde (AFD01B) har ingen dato. Første fremmøde kan også være et besøg på paraklinisk afdeling eller en indlæggelse. Kontrollér datoen eller svaret.",
            "»No« to §3.3 means the primary work-up is complete without a reasonable suspicion of an organ-specific cancer type, but the first attendance (AFD01B) has no date. The first attendance may also be a visit to a paraclinical department or an admission. Check the date or the answer.",
        ));
        p.about(&[E::FirstAttendance]);
    }
    // A primary found during secondary work-up is the normal course (§4.1), not a problem.
    let found_in_secondary = case.answers.primary_found_in_secondary == Some(true);
    if e.referred_to_secondary.is_some()
        && !found_in_secondary
        && !matches!(route.destination, Destination::Oncology | Destination::Ended { .. })
    {
        p.push(Statement::new(
            "§3.5",
            "AFD01C (henvisning til sekundær udredning) er registreret, men svarene peger på et andet forløb end onkologisk afdeling. Kontrollér svarene.",
            "AFD01C is registered but the answers point elsewhere than oncology.",
        ));
        p.about(&[E::ReferredToSecondary]);
    }
    // §7.1: AFD01A dated for a patient who came without a pathway referral and
    // whom the referral's content sends wholly elsewhere: the code is not given.
    if e.referral_received.is_some() && super::registration::judged_outside(case) {
        p.push(Statement::new(
            "§7.1",
            "AFD01A (henvisning modtaget) har en dato, men der er ikke modtaget en henvisning til pakkeforløbet, og henvisningens indhold sender patienten andetsteds: koden gives ikke. Fjern datoen, eller angiv, at en henvisning til pakkeforløbet er modtaget.",
            "AFD01A (referral received) has a date, but no referral to the pathway was received and the referral's content sends the patient elsewhere: the code is not given. Remove the date, or record that a referral to the pathway was received.",
        ));
        p.about(&[E::ReferralReceived]);
    }
    // One measurement, recorded two ways (§3.1.2, §3.1.8): say so.
    let afp = super::criteria::afp_measured(&case.answers);
    if afp == Some(AfpLevel::Raised) && case.answers.hcg_or_afp_raised == Some(false) {
        p.push(Statement::new(
            "§3.1.8",
            "Modstrid: α-føtoprotein er registreret som forhøjet i leverudredningen (§3.1.2), men »forhøjet HCG eller α-føtoprotein« er besvaret nej (§3.1.8). Værktøjet regner α-føtoprotein som forhøjet. Kontrollér svarene.",
            "Contradiction: α-fetoprotein is recorded as raised in the liver work-up (§3.1.2), but »forhøjet HCG eller α-føtoprotein« (raised HCG or AFP) is answered no (§3.1.8). The tool counts AFP as raised. Check the answers.",
        ));
    }
    // §3.1 "anbefales": not measuring AFP is the clinician's to decide, and is said.
    if super::criteria::afp_measured(&case.answers) == Some(AfpLevel::NotMeasured)
        && case.answers.liver.solitary != Some(false)
    {
        p.push(Statement::new(
            "§3.1",
            "α-føtoprotein er registreret som ikke målt. Ved en solitær levermetastase anbefales det (§3.1), og forhøjet eller stigende α-føtoprotein med en solitær proces giver begrundet mistanke om primær leverkræft (§3.1.2). Værktøjet holder ikke destinationen tilbage for det.",
            "α-fetoprotein is recorded as not measured. With a solitary liver metastasis it is recommended (»anbefales«, §3.1), and a raised or rising AFP with a solitary process gives a reasonable suspicion of primary liver cancer (§3.1.2). The tool does not hold the destination back for it.",
        ));
    }
    // §3.1 "anbefales": AFD01C is never blocked by an unmeasured AFP, but it is said.
    if e.referred_to_secondary.is_some() && super::criteria::primary_liver_cancer_open(&case.answers) {
        p.push(Statement::new(
            "§3.1.2",
            "Henvisningen til onkologisk afdeling (AFD01C) er dateret, mens §3.1.2 stadig kan blive opfyldt: α-føtoprotein eller om processen i leveren er solitær er ikke registreret. Ved forhøjet eller stigende α-føtoprotein og en solitær proces er der begrundet mistanke om primær leverkræft. α-føtoprotein »anbefales« (§3.1); beslutningen er klinikerens.",
            "The referral to oncology (AFD01C) is dated while §3.1.2 can still hold: α-fetoprotein, or whether the liver process is solitary, is not recorded. A raised or rising AFP with a solitary process gives a reasonable suspicion of primary liver cancer. AFP »anbefales« (is recommended, §3.1); the decision is the clinician's.",
        ));
        p.about(&[E::ReferredToSecondary]);
    }
    if let Some(age) = case.answers.age_years.filter(|a| *a > MAX_PLAUSIBLE_AGE) {
        p.push(Statement::new(
            "§3.1.8",
            format!("Alder {age} år er usandsynlig. Kontrollér alderen."),
            format!("Age {age} is implausible. Check the age."),
        ));
    }
    let unknown: Vec<&str> = case.ticks.iter().map(String::as_str).filter(|t| item_by_id(t).is_none()).collect();
    if !unknown.is_empty() {
        p.push(Statement::new(
            "§3.1",
            format!(
                "{} afkrydsning(er) hører ikke til et punkt i denne version af værktøjet og vises ikke, men er bevaret: {}.",
                unknown.len(),
                unknown.join(", ")
            ),
            format!(
                "{} tick(s) match no checklist item in this version of the tool; they are not shown but are kept: {}.",
                unknown.len(),
                unknown.join(", ")
            ),
        ));
    }
}

/// The problems found so far, each with the events it concerns.
#[derive(Default)]
struct Problems(Vec<(Statement, Vec<EventKey>)>);

impl Problems {
    /// A problem; about an answer or a tick unless [`Problems::about`] follows.
    fn push(&mut self, s: Statement) {
        self.0.push((s, vec![]));
    }

    /// The problem just pushed concerns these dated events.
    fn about(&mut self, events: &[EventKey]) {
        if let Some(last) = self.0.last_mut() {
            last.1 = events.to_vec();
        }
    }
}

/// dd.mm.yyyy, as Danish clinicians write dates.
pub fn da_date(d: NaiveDate) -> String {
    format!("{:02}.{:02}.{}", d.day(), d.month(), d.year())
}
