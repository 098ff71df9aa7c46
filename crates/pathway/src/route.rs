//! Where the patient belongs: every rule of the precedence table
//! ([`super::rules`]) is checked on the case ([`super::holds`]), then
//! weighed by the table ([`super::weigh`]).
//!
//! A rule still waiting for an answer makes the result provisional unless
//! a rule that holds outranks it; so does an open spinal cord compression
//! question. The urgent action itself is not here: see [`super::urgent`].

use super::case::{Case, FindingSite, Histology};
use super::destination::Destination;
use super::holds::{evaluate_rules, Eval};
use super::questions::QuestionId;
use super::rules::RuleId;
use super::stage::{stage_reached, Stage};
use super::statement::Statement;
use super::weigh::{outranks, resolve, resolve_contradiction};

pub use super::holds::{
    entry_suspicion, lymphoma_statement, small_cell_neuroendocrine_overlap, testicular_statement, ENTRY_ROUTES,
};
pub use super::weigh::{Route, RouteOption, Superseded};

/// Decide where the patient belongs.
pub fn route(case: &Case) -> Route {
    let a = &case.answers;
    let e = &case.events;
    let reached = stage_reached(case);
    let entered = e.referral_received.is_some() || e.first_attendance.is_some();
    // A rule of the entry decides at entry; once the pathway has started it is an onward referral.
    let now = if entered { reached.max(Stage::PrimaryWorkup) } else { Stage::Entry };
    let mut ev = Eval::default();
    evaluate_rules(case, now, reached, &mut ev);

    let scc_open = a.finding_site == Some(FindingSite::Bone) && a.spinal_cord_compression.is_none();
    let ended = e.ended.is_some();
    let contradiction = ev.fired.iter().any(|f| f.rule == RuleId::Lymphoma)
        && matches!(
            a.histology,
            Some(
                Histology::Adenocarcinoma
                    | Histology::SquamousCellCarcinoma
                    | Histology::PoorlyDifferentiatedCarcinoma
                    | Histology::SmallCellAnaplasticCarcinoma
            )
        )
        && !ended;

    let mut r = if contradiction { resolve_contradiction(&ev) } else { resolve(&ev.fired, None) };
    r.entered = entered;
    if e.ended.is_some() {
        let rest: Vec<_> = ev.fired.iter().filter(|f| f.rule != RuleId::Ended).cloned().collect();
        r.before_end = Some(resolve(&rest, None).destination);
    }
    r.silences.extend(ev.notes);

    // Pending rules keep the destination provisional unless a rule that holds
    // outranks them and, were they to hold, they would outrank none of the
    // rules the destination stands on (a rule outranks by its row whether or
    // not it is itself outranked).
    if !ended {
        let standing: Vec<RuleId> = r.rules.clone();
        for (rule, q) in &ev.pending {
            // Where the lymphoma rank is suspended by a contradiction, it holds back nothing either.
            let suspended = contradiction.then_some(RuleId::Lymphoma);
            let would_move = standing.iter().any(|s| rule.outranks(*s))
                || (ev.workup_by_entry
                    && rule.rule().stage == Stage::Entry
                    && rule.rule().effect == super::rules::Effect::Names);
            if outranks(&ev.fired, *rule, rule.rule().effect, suspended) && !would_move {
                continue;
            }
            if !r.questions.contains(q) {
                r.questions.push(*q);
            }
            match r.waiting.iter_mut().find(|(w, _)| w == q) {
                Some((_, rules)) if !rules.contains(rule) => rules.push(*rule),
                Some(_) => {}
                None => r.waiting.push((*q, vec![*rule])),
            }
        }
        if scc_open && !r.questions.contains(&QuestionId::SpinalCordCompression) {
            r.questions.insert(0, QuestionId::SpinalCordCompression);
            r.waiting.insert(0, (QuestionId::SpinalCordCompression, vec![]));
        }
    }
    r.provisional = !r.questions.is_empty() && r.destination != Destination::Undetermined;
    r.entry_open =
        r.waiting.iter().any(|(q, rules)| !rules.is_empty() && q.question().step == super::questions::Step::Entry);

    if a.spinal_cord_compression == Some(true) && !ended {
        r.silences.push(Statement::new(
            "§2.2.4",
            "Teksten siger ikke, om pakkeforløbet fortsætter efter den akutte henvisning, og angiver ingen rækkefølge. Værktøjet viser derfor fortsat forløbets udredning, koder og frister ved siden af den akutte henvisning.",
            "The text does not say whether the pathway continues after the acute referral, and gives no order. The tool therefore keeps showing the work-up, codes and time standards beside the acute referral.",
        ));
    }
    if r.referred_onward() {
        r.silences.push(Statement::new(
            "kap. 6",
            "Teksten definerer ikke afslutningen på den primære udredning (14 dage, §3.6) ved viderehenvisning til et andet forløb; værktøjet lader perioden slutte på datoen for AFD01X1.",
            "The text does not define the end of the primary work-up (14 days, §3.6) for an onward referral; this tool ends the period on the AFD01X1 date.",
        ));
    }
    r
}
