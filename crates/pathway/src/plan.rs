//! The plan: everything the pathway says about one case on one day.

use super::asked::{asked, AskedQuestion};
use super::calendar::DayFacts;
use super::case::{Case, ModelStamp};
use super::case::{FindingSite, Histology, Sex};
use super::checklist::{ChecklistItem, Phase, CHECKLIST};
use super::checklist_order::{arrange, Reading};
use super::codes::{Code, CodeStatus, DepartmentRole};
use super::criteria::{brain_principle, BrainPrinciple, TesticularCriteria};
use super::destination::Destination;
use super::edition::{Edition, EDITION, MODEL_VERSION};
use super::questions::QuestionId;
use super::registration::{code_entries_as, CodeEntry};
use super::route::{route, Route};
use super::section::{TextSlip, TEXT_SLIPS};
use super::stage::{stage_reached, Stage};
use super::statement::Statement;
use super::timeline::{milestones, Milestone, MilestoneId, MilestoneStatus};
use super::urgent::{standing_rules, urgent_actions, UrgentAction};
use super::validate::{date_problems, event_problems, problems, EventKey, EventProblem};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub model_version: u32,
    /// The department the tool serves: whose code each code is.
    pub role: DepartmentRole,
    pub edition: Edition,
    pub today: NaiveDate,
    /// What the text makes urgent (§2.2.4), beside the destination and never
    /// hidden by it: shown first until recorded as made.
    pub urgent: Vec<UrgentAction>,
    /// Where the patient belongs, why, and what the text does not say.
    pub route: Route,
    /// The text's absolute rules that apply, whatever the destination
    /// ("altid", "under alle omstændigheder", "skal alle"), unless already a reason.
    pub standing: Vec<Statement>,
    /// The questions of this patient's course so far, in wizard order, with
    /// their answers; `open` marks those still needed.
    pub questions: Vec<AskedQuestion>,
    /// The checklist items that apply, in the text's order of work
    /// (the primary work-up by its programme, §3.1–§3.1.4).
    pub checklist: Vec<PlanItem>,
    /// §3.1.8 criteria, when the histology is poorly differentiated carcinoma in a man.
    pub testicular_criteria: Option<TesticularCriteria>,
    /// §3.1.4 principle, for a brain metastasis.
    pub brain_principle: Option<BrainPrinciple>,
    /// §3.1.4: where none of the three principles fits the answers.
    pub brain_principle_silence: Option<Statement>,
    pub milestones: Vec<Milestone>,
    pub codes: Vec<CodeEntry>,
    /// Inconsistent or doubtful input, the dates' first; nothing is discarded because of it.
    pub problems: Vec<Statement>,
    /// Some of `problems` concern the dates: the deadlines cannot be trusted
    /// until they are checked ("Kontrollér datoer").
    pub dates_contradict: bool,
    /// The problems of `problems` that concern dated events, with those
    /// events: each date field shows its own (see [`Plan::problems_at`]).
    pub event_problems: Vec<EventProblem>,
    /// The text's own slips, shown with the sections they occur in.
    pub text_slips: &'static [TextSlip],
    /// Set when the case was last evaluated under another model version.
    pub evaluated_under_other_version: Option<ModelStamp>,
    /// How far the case has come.
    pub stage: Stage,
    /// Ended with AFD01X1 for a referral elsewhere, and the receiving
    /// department has not yet been recorded as taking over (§2.6, §3.4):
    /// "Henvist – afventer modtagelse".
    pub handover_pending: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanItem {
    #[serde(flatten)]
    pub item: ChecklistItem,
    pub done: bool,
    pub ticked_on: Option<NaiveDate>,
    /// Where no words of the text place the item in the order of work: the
    /// tool's reading of its place, and why.
    pub order_reading: Option<Reading>,
    /// The same item asked again elsewhere in the text, shown here once
    /// ([`crate::checklist::ASKED_TWICE`]): that section.
    pub also_asked: Option<crate::section::Section>,
}

/// The next time standard due, for the worklist.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Deadline {
    pub milestone: MilestoneId,
    pub due: DayFacts,
    /// Negative when overdue.
    pub days_left: i64,
    /// A latest date along the standard path, not yet a running period.
    pub projected: bool,
    pub state: DeadlineState,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineState {
    Overdue,
    DueToday,
    OnTrack,
}

/// The one function from a case to its plan, for a medical stamafdeling.
/// `today` is an argument: the model never reads a clock.
pub fn evaluate(case: &Case, today: NaiveDate) -> Plan {
    evaluate_as(case, today, DepartmentRole::default())
}

/// The plan for the department the tool serves (a setting): the same
/// clinical content, with each code's registrar.
pub fn evaluate_as(case: &Case, today: NaiveDate, role: DepartmentRole) -> Plan {
    let route = route(case);
    let a = &case.answers;

    let phases = phases_shown(case, &route);
    let mut shown: Vec<&'static ChecklistItem> =
        CHECKLIST.iter().filter(|i| phases.contains(&i.phase) && i.applies.holds(a)).collect();
    // An item asked twice is shown once, at its first place, with both sections.
    let twice: Vec<(&str, &'static ChecklistItem)> = crate::checklist::ASKED_TWICE
        .iter()
        .filter(|(first, _)| shown.iter().any(|i| i.id == *first))
        .filter_map(|(first, second)| shown.iter().find(|i| i.id == *second).map(|i| (*first, *i)))
        .collect();
    shown.retain(|i| !twice.iter().any(|(_, second)| second.id == i.id));
    let checklist = arrange(a, &shown)
        .into_iter()
        .map(|(item, order_reading)| {
            let also = twice.iter().find(|(first, _)| *first == item.id).map(|(_, second)| *second);
            // Ticked under either id (a tick made when the second stood alone counts).
            let tick = std::iter::once(item.id).chain(also.map(|s| s.id)).find(|id| case.ticks.contains(*id));
            PlanItem {
                done: tick.is_some(),
                ticked_on: tick.and_then(|id| case.ticked_on.get(id).copied()),
                order_reading,
                also_asked: also.map(|s| s.section),
                item,
            }
        })
        .collect();

    let testicular_criteria = (a.histology == Some(Histology::PoorlyDifferentiatedCarcinoma)
        && a.sex == Some(Sex::Male))
    .then(|| TesticularCriteria::assess(a));
    let brain_principle = (a.finding_site == Some(FindingSite::Brain))
        .then(|| brain_principle(a.brain.tumour_count, a.brain.symptomatic, a.brain.operable))
        .flatten();

    let brain_principle_silence = (a.finding_site == Some(FindingSite::Brain)
        && a.brain.operable == Some(true)
        && a.brain.symptomatic == Some(false))
    .then(|| {
        Statement::new(
            "§3.1.4",
            "Ingen af de tre principper passer: princip 1 og 2 gælder symptomgivende tumorer, princip 3 tumorer, hvoraf ingen er operable. Teksten siger ikke, hvilket princip der gælder for operable tumorer uden symptomer. Klinisk vurdering. Medmindre der af kliniske grunde skal foretages operation, skal patienten fortsat udredes med røntgen af thorax, CT af thorax og abdomen.",
            "None of the three principles fits: principles 1 and 2 concern symptomatic tumours, principle 3 tumours none of which is operable. The text does not say which principle applies to operable tumours without symptoms. Clinical judgement. Unless an operation is needed for clinical reasons, the patient must still be worked up with chest X-ray and CT of thorax and abdomen.",
        )
    });
    let standing = standing_rules(case).into_iter().filter(|s| !route.reasons.contains(s)).collect();

    let dates_contradict = !date_problems(case, today).is_empty();

    let current = ModelStamp { model_version: MODEL_VERSION, edition: EDITION.edition.da.to_string() };
    let handover_pending = handover_pending(case, &route);
    Plan {
        model_version: MODEL_VERSION,
        role,
        handover_pending,
        edition: EDITION,
        today,
        milestones: milestones(case, &route, today),
        codes: code_entries_as(case, &route, role),
        problems: problems(case, &route, today),
        dates_contradict,
        event_problems: event_problems(case, &route, today),
        questions: asked(case, &route),
        checklist,
        testicular_criteria,
        brain_principle,
        brain_principle_silence,
        urgent: urgent_actions(case),
        standing,
        text_slips: TEXT_SLIPS,
        evaluated_under_other_version: case.evaluated_under.clone().filter(|s| *s != current),
        stage: stage_reached(case),
        route,
    }
}

/// A phase of the checklist and its items' ids, in order.
pub type PhaseGroup = (Phase, Vec<&'static str>);

/// The checklist as the case page lays it out (issue 26.4): the open items
/// of the current step first, then those still open from earlier steps, each
/// under its phase; the later steps' items and the items done are folded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChecklistSections {
    /// Items of the current step and earlier that are not settled done:
    /// the current step's phase first, then the earlier ones in order.
    pub open: Vec<PhaseGroup>,
    /// Items of steps the case has not reached ([`Plan::stage`]).
    pub later: Vec<PhaseGroup>,
    /// Items done, in the checklist's order.
    pub done: Vec<&'static str>,
}

impl Plan {
    /// The items ticked, in the checklist's order.
    pub fn done_items(&self) -> Vec<&'static str> {
        self.checklist.iter().filter(|i| i.done).map(|i| i.item.id).collect()
    }

    /// The checklist in sections (issue 26.4). `settled` are the items done
    /// when the page opened: one ticked since stays in its place (and shows
    /// ✓) rather than moving under the hand, also when the case moves on a
    /// step. An item in `settled` that is no longer done is open again.
    pub fn checklist_sections(&self, settled: &[&str]) -> ChecklistSections {
        let folded_done = |i: &PlanItem| i.done && settled.contains(&i.item.id);
        let mut phases: Vec<Phase> = self.checklist.iter().map(|i| i.item.phase).collect();
        phases.sort();
        phases.dedup();
        let group = |ph: Phase| -> PhaseGroup {
            (ph, self.checklist.iter().filter(|i| i.item.phase == ph && !folded_done(i)).map(|i| i.item.id).collect())
        };
        let current = phases.iter().copied().filter(|ph| ph.stage() <= self.stage).max();
        let open = current
            .into_iter()
            .chain(phases.iter().copied().filter(|ph| Some(*ph) != current && ph.stage() <= self.stage))
            .map(group)
            .filter(|(_, ids)| !ids.is_empty())
            .collect();
        let later = phases
            .iter()
            .copied()
            .filter(|ph| ph.stage() > self.stage)
            .map(group)
            .filter(|(_, ids)| !ids.is_empty())
            .collect();
        let done = self.checklist.iter().filter(|i| folded_done(i)).map(|i| i.item.id).collect();
        ChecklistSections { open, later, done }
    }

    /// The next deadline: the first running period's due date, else the
    /// first projected latest date. `None` when nothing is running or ahead.
    pub fn next_deadline(&self) -> Option<Deadline> {
        let running = self.milestones.iter().find_map(|m| match m.status {
            MilestoneStatus::Scheduled
            | MilestoneStatus::Running
            | MilestoneStatus::DueToday
            | MilestoneStatus::Overdue => m.due.clone().map(|due| (m.id, due, false)),
            _ => None,
        });
        let projected =
            || self.milestones.iter().find_map(|m| m.projected.as_ref().map(|p| (m.id, p.latest_due.clone(), true)));
        let (milestone, due, projected) = running.or_else(projected)?;
        let days_left = (due.date - self.today).num_days();
        let state = match days_left {
            d if d < 0 => DeadlineState::Overdue,
            0 => DeadlineState::DueToday,
            _ => DeadlineState::OnTrack,
        };
        Some(Deadline { milestone, due, days_left, projected, state })
    }

    /// An urgent action still to be made (the worklist flags it).
    pub fn urgent_pending(&self) -> bool {
        self.urgent.iter().any(UrgentAction::pending)
    }

    /// This department's codes whose event has a date but that are not
    /// marked registered (another department's are theirs, never flagged here).
    pub fn unregistered_codes(&self) -> Vec<Code> {
        self.codes
            .iter()
            .filter(|c| matches!(c.status, CodeStatus::Registered { .. }) && !c.registered && !c.theirs())
            .map(|c| c.info.code)
            .collect()
    }

    /// The standards already missed: periods that ended after their due
    /// date (kap. 6). The worklist and the summary say so beside the next
    /// deadline, which may well be on track.
    pub fn missed_standards(&self) -> Vec<&Milestone> {
        self.milestones.iter().filter(|m| m.status == MilestoneStatus::Exceeded).collect()
    }

    /// The phase as the worklist and the summary name it: the stage, or the
    /// end — "Henvist – afventer modtagelse" after AFD01X1 until the receiving
    /// department is recorded as taking over (§2.6, §3.4), then "Afsluttet".
    pub fn phase(&self) -> super::text::Text {
        if self.handover_pending {
            super::text::Text::new("Henvist – afventer modtagelse", "Referred – awaiting receipt")
        } else if matches!(self.route.destination, Destination::Ended { .. }) {
            super::text::Text::new("Afsluttet", "Ended")
        } else {
            self.stage.label()
        }
    }

    /// How many questions of this wizard step are still open.
    pub fn open_in_step(&self, step: super::questions::Step) -> usize {
        self.questions.iter().filter(|q| q.question.step == step && q.open).count()
    }

    /// How many open answers the destination waits for (its provisional count).
    pub fn open_deciding_answers(&self) -> usize {
        self.questions.iter().filter(|q| q.open && q.decides_destination).count()
    }

    /// The next registration code the course calls for that this department
    /// registers, if any (another department's next code is theirs).
    pub fn next_code(&self) -> Option<Code> {
        self.codes.iter().find(|c| c.status == CodeStatus::Next && !c.theirs()).map(|c| c.info.code)
    }

    /// The next code another department registers (theirs, never flagged
    /// here), with who: shown beside this department's own.
    pub fn next_code_theirs(&self) -> Option<(Code, super::codes::Registrar)> {
        self.codes.iter().find(|c| c.status == CodeStatus::Next && c.theirs()).map(|c| (c.info.code, c.registrar))
    }

    /// The text's slips in the sections this case cites (its reasons,
    /// silences and checklist items): shown beside the destination.
    pub fn slips_touching_case(&self) -> Vec<TextSlip> {
        let cited: Vec<super::section::Section> = self
            .route
            .reasons
            .iter()
            .chain(&self.route.silences)
            .map(|s| s.section)
            .chain(self.checklist.iter().map(|i| i.item.section))
            .collect();
        self.text_slips.iter().filter(|s| s.sections.iter().any(|x| cited.contains(x))).copied().collect()
    }

    /// The problems that concern this dated event, in the order of `problems`.
    pub fn problems_at(&self, event: EventKey) -> Vec<&Statement> {
        self.event_problems.iter().filter(|p| p.events.contains(&event)).map(|p| &p.statement).collect()
    }

    /// The questions still open, those the destination waits for first.
    pub fn open_questions(&self) -> Vec<QuestionId> {
        let open = self.questions.iter().filter(|q| q.open);
        let (first, rest): (Vec<_>, Vec<_>) = open.partition(|q| q.decides_destination);
        first.into_iter().chain(rest).map(|q| q.question.id).collect()
    }
}

/// Ended with AFD01X1 for a referral elsewhere, and the receiving department
/// not yet recorded as taking over (§2.6, §3.4): "Henvist – afventer modtagelse".
pub fn handover_pending(case: &Case, route: &Route) -> bool {
    // A referral elsewhere: to an organ-specific pathway, or another clinical
    // decision while the rules pointed elsewhere (a specialty-plan department).
    let sent_elsewhere = route.before_end.as_ref().is_some_and(Destination::is_elsewhere);
    case.events.handed_over.is_none()
        && case.events.ended.as_ref().is_some_and(|x| match x.reason {
            super::case::EndReason::OrganSpecificReferral => true,
            super::case::EndReason::OtherClinicalDecision => sent_elsewhere,
            _ => false,
        })
}

/// The phase as [`Plan::phase`] names it, from the case and its route alone
/// (the department view and its CSV, which do not evaluate the whole plan).
pub fn phase_of(case: &Case, route: &Route) -> super::text::Text {
    if handover_pending(case, route) {
        super::text::Text::new("Henvist – afventer modtagelse", "Referred – awaiting receipt")
    } else if matches!(route.destination, Destination::Ended { .. }) {
        super::text::Text::new("Afsluttet", "Ended")
    } else {
        stage_reached(case).label()
    }
}

/// Which phases of the checklist belong to this patient's course.
pub fn phases_shown(case: &Case, route: &Route) -> Vec<Phase> {
    let a = &case.answers;
    let ended_at_entry = route.decided_at == Stage::Entry && matches!(route.destination, Destination::Ended { .. });
    let primary = a.finding_site.is_some() && !route.points_away_at_entry() && !ended_at_entry;
    let histology = primary && (a.histology.is_some() || route.decided_at >= Stage::Histology);
    let secondary = matches!(route.destination, Destination::Oncology) || case.events.referred_to_secondary.is_some();
    let mut v = vec![Phase::Entry];
    if primary {
        v.push(Phase::PrimaryWorkup);
    }
    if histology {
        v.push(Phase::Histology);
    }
    if secondary {
        v.push(Phase::Secondary);
    }
    v
}
