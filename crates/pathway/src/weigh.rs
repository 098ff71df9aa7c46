//! Weighing the rules that hold by the precedence table: small and alone,
//! so that a clinician auditing a row finds its condition in
//! [`super::holds`] and its rank here and in [`super::rules`].
//!
//! 1. A rule that holds is outranked by a rule that holds and outranks it in
//!    the table, or by the general principles (a named destination before
//!    staying). Outranked rules are kept as `superseded`, with what outranked them.
//! 2. One destination left: that one. Several: `Destination::Conflict` with
//!    each option and its reasons. None: silent, staying, or undetermined.

use super::destination::{Destination, Pathway};
use super::holds::{other, Eval, Fired, Outcome};
use super::questions::QuestionId;
use super::rules::{principle_reading, Effect, RuleId};
use super::stage::Stage;
use super::statement::Statement;
use super::text::Text;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Route {
    pub destination: Destination,
    /// Open answers could still change the destination or add an urgent
    /// action: `destination` is where the answers so far point.
    pub provisional: bool,
    /// The stage at which the destination was decided.
    pub decided_at: Stage,
    /// Every rule that points to the destination, each with its section.
    pub reasons: Vec<Statement>,
    /// The rules behind `reasons`.
    pub rules: Vec<RuleId>,
    /// With `Destination::Conflict`: each destination the rules point to, with its reasons.
    pub options: Vec<RouteOption>,
    /// Rules that hold but are outranked, each with the rule that outranks it.
    pub superseded: Vec<Superseded>,
    /// Where the text is silent on this case.
    pub silences: Vec<Statement>,
    /// Open answers that could change the destination or add an urgent action.
    pub questions: Vec<QuestionId>,
    /// For each of `questions`, the rules that wait for it (none: the urgent action).
    pub waiting: Vec<(QuestionId, Vec<RuleId>)>,
    /// The department received the referral (AFD01A) or the patient attended (AFD01B).
    pub entered: bool,
    /// After the end (AFD01X1/X2): where the rules pointed without it, so the
    /// ended case still says where the patient was sent.
    pub before_end: Option<Destination>,
    /// An answer of the entry (kap. 2, §1.2) is still open: where the
    /// referral belongs is not decided yet (AFD01A by judgement waits for it).
    pub entry_open: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RouteOption {
    pub destination: Destination,
    pub reasons: Vec<Statement>,
    pub rules: Vec<RuleId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Superseded {
    pub rule: RuleId,
    pub statement: Statement,
    pub by: RuleId,
    /// Where the rank is the model's reading rather than the text's words (Danish, English).
    pub reading: Option<Text>,
}

impl Route {
    /// The destination in words; where the rules disagree, with every option.
    pub fn headline(&self) -> Text<String> {
        let d = &self.destination;
        if *d == Destination::Oncology && !self.under_unknown_primary() {
            // §3.1.9 "henvises til onkologisk afdeling": the referral diagnosis is §3.3's alone.
            return Text::new(
                "Onkologisk afdeling (§3.1.9: »henvises til onkologisk afdeling«)".into(),
                "Oncology department (§3.1.9: »henvises til onkologisk afdeling«, referred to the oncology department)"
                    .into(),
            );
        }
        if let (Destination::Ended { .. }, Some(before)) = (d, self.before_end.as_ref().filter(|b| b.is_elsewhere())) {
            let (d, before) = (d.headline(), before.headline());
            return Text::new(format!("{} — {}", d.da, before.da), format!("{} — {}", d.en, before.en));
        }
        if self.options.is_empty() {
            return d.headline();
        }
        let all: Vec<Text<String>> = self.options.iter().map(|o| o.destination.headline()).collect();
        let join = |f: fn(&Text<String>) -> &str, or: &str| all.iter().map(f).collect::<Vec<_>>().join(or);
        Text::new(
            format!("Klinisk vurdering — reglerne peger på: {}", join(|t| &t.da, " eller ")),
            format!("Clinical judgement — the rules point to: {}", join(|t| &t.en, " or ")),
        )
    }

    /// [`Route::headline`] in a few words, for a worklist row (issue 26.3).
    pub fn short(&self) -> Text<String> {
        let d = &self.destination;
        if *d == Destination::Oncology && !self.under_unknown_primary() {
            return Text::new("Onkologisk afdeling (§3.1.9)".into(), "Oncology department (§3.1.9)".into());
        }
        if let (Destination::Ended { .. }, Some(before)) = (d, self.before_end.as_ref().filter(|b| b.is_elsewhere())) {
            let (d, before) = (d.short(), before.short());
            return Text::new(format!("{}, {}", d.da, before.da), format!("{}, {}", d.en, before.en));
        }
        if self.options.is_empty() {
            return d.short();
        }
        let n = self.options.len();
        Text::new(format!("Klinisk vurdering: {n} muligheder"), format!("Clinical judgement: {n} options"))
    }

    /// Oncology under the referral diagnosis "ukendt primær tumor": §3.3's
    /// decision, not §3.1.9's histology alone.
    pub fn under_unknown_primary(&self) -> bool {
        self.rules.iter().any(|r| matches!(r, RuleId::NoPrimaryIdentified | RuleId::EntrySuspicionRebutted))
    }

    /// Every way the rules point is elsewhere: a destination elsewhere, or a
    /// conflict whose options are all elsewhere (AFD01A by judgement is then not given).
    pub fn wholly_elsewhere(&self) -> bool {
        self.destination.is_elsewhere()
            || (self.destination == Destination::Conflict
                && !self.options.is_empty()
                && self.options.iter().all(|o| o.destination.is_elsewhere()))
    }

    /// The answers so far send the patient elsewhere on the referral itself
    /// (§2.3, §1.2), provisionally or not: this pathway's work-up is not asked.
    pub fn points_away_at_entry(&self) -> bool {
        self.destination.is_elsewhere() && self.decided_at == Stage::Entry && !self.entered
    }

    /// The patient goes elsewhere on the referral itself and never enters
    /// this pathway: no AFD01A, no work-up of this pathway (§2.3, §1.2).
    /// Never on a provisional destination.
    pub fn never_enters(&self) -> bool {
        !self.provisional && self.points_away_at_entry()
    }

    /// Referred on elsewhere after this pathway started: AFD01X1 (§7.5).
    /// Never on a provisional destination.
    pub fn referred_onward(&self) -> bool {
        !self.provisional && self.destination.is_elsewhere() && !self.points_away_at_entry()
    }
}

/// Whether `f`, which holds, outranks the rule `other` (of effect `effect`):
/// by the table, or by the general principles where the table does not rank
/// the two the other way. `suspended`: a rule whose rank is suspended.
/// By the table: a rule that holds outranks what its row lists, whether or
/// not it is itself outranked (both hold).
fn table_outranks(f: &Fired, other: RuleId, suspended: Option<RuleId>) -> bool {
    f.rule != other && Some(f.rule) != suspended && f.rule.outranks(other)
}

/// By the general principles (named_over_staying, silent_over_staying in
/// docs/precedence.md), between rules the table leaves standing and does not rank.
fn principle_outranks(f: &Fired, other: RuleId, effect: Effect) -> bool {
    f.rule != other
        && !other.outranks(f.rule)
        && matches!(
            (&f.outcome, effect),
            (Outcome::To(_), Effect::Stays | Effect::Silent) | (Outcome::Silent, Effect::Stays)
        )
}

/// The rules that hold and that the table leaves standing.
fn table_survivors(fired: &[Fired], suspended: Option<RuleId>) -> Vec<&Fired> {
    fired.iter().filter(|f| !fired.iter().any(|g| table_outranks(g, f.rule, suspended))).collect()
}

/// Whether `other` (of effect `effect`), were it to hold, would be outranked.
/// A rule whose rank is suspended outranks nothing, by the table or by a principle.
pub(super) fn outranks(fired: &[Fired], other: RuleId, effect: Effect, suspended: Option<RuleId>) -> bool {
    fired.iter().any(|g| table_outranks(g, other, suspended))
        || table_survivors(fired, suspended)
            .iter()
            .any(|g| Some(g.rule) != suspended && principle_outranks(g, other, effect))
}

/// The model's reading behind `g` outranking `f`, if the text does not state it.
fn rank_reading(g: &Fired, f: &Fired) -> Option<Text> {
    if g.rule.outranks(f.rule) {
        g.rule.reading()
    } else if g.outcome == Outcome::Silent || f.outcome == Outcome::Silent {
        principle_reading("named_over_staying")
    } else {
        None
    }
}

fn effect_of(o: &Outcome) -> Effect {
    match o {
        Outcome::To(_) => Effect::Names,
        Outcome::Stay(_) => Effect::Stays,
        Outcome::Silent => Effect::Silent,
    }
}

/// Two destinations that say the same: equal, or an unnamed "relevant
/// organ-specific pathway" beside a pathway the text names (unranked_conflict).
fn unnamed(d: &Destination) -> bool {
    matches!(d, Destination::OtherPathway { pathway: Pathway::OrganSpecific(n) } if n.trim().is_empty())
}

fn empty_route() -> Route {
    Route {
        destination: Destination::Undetermined,
        provisional: false,
        decided_at: Stage::Entry,
        reasons: vec![],
        rules: vec![],
        options: vec![],
        superseded: vec![],
        silences: vec![],
        questions: vec![],
        waiting: vec![],
        entered: false,
        before_end: None,
        entry_open: false,
    }
}

/// Weigh the rules that hold by the table.
pub(super) fn resolve(fired: &[Fired], suspended: Option<RuleId>) -> Route {
    let mut r = empty_route();
    let mut survivors: Vec<&Fired> = vec![];
    let standing = table_survivors(fired, suspended);
    for f in fired {
        let by_table = fired.iter().find(|g| table_outranks(g, f.rule, suspended));
        let by_principle = || standing.iter().copied().find(|g| principle_outranks(g, f.rule, effect_of(&f.outcome)));
        match by_table.or_else(by_principle) {
            Some(g) => r.superseded.push(Superseded {
                rule: f.rule,
                statement: f.why.clone(),
                by: g.rule,
                reading: rank_reading(g, f),
            }),
            None => survivors.push(f),
        }
    }
    // Group the named destinations.
    let mut groups: Vec<(Destination, Vec<&Fired>)> = vec![];
    for f in &survivors {
        if let Outcome::To(d) = &f.outcome {
            match groups.iter_mut().find(|(g, _)| g == d) {
                Some((_, v)) => v.push(f),
                None => groups.push((d.clone(), vec![f])),
            }
        }
    }
    // A named organ-specific suspicion and a rule for the same pathway are one
    // destination with both reasons (the tool's reading of the name). Beside
    // the neck's filter route, a named head and neck suspicion is the stronger
    // step: the pathway itself rather than the filter function.
    let mut merged_by_name = false;
    let mut i = 0;
    while i < groups.len() {
        let named = match &groups[i].0 {
            Destination::OtherPathway { pathway: Pathway::OrganSpecific(n) } => Pathway::named_in(n),
            _ => None,
        };
        let target = named.as_ref().and_then(|p| groups.iter().position(|(d, _)| *d == other(p.clone())));
        match target {
            Some(j) if named == Some(Pathway::HeadAndNeck) => {
                let (_, filter) = groups.remove(j);
                let k = if j < i { i - 1 } else { i };
                groups[k].1.extend(filter);
                merged_by_name = true;
                i = k + 1;
            }
            Some(j) => {
                let (_, by_name) = groups.remove(i);
                let k = if i < j { j - 1 } else { j };
                groups[k].1.extend(by_name);
                merged_by_name = true;
            }
            None => i += 1,
        }
    }
    // An unnamed organ-specific pathway joins each pathway the text names.
    let named_others = groups.iter().filter(|(d, _)| d.is_elsewhere() && !unnamed(d)).count();
    if named_others > 0 {
        if let Some(i) = groups.iter().position(|(d, _)| unnamed(d)) {
            let (_, joined) = groups.remove(i);
            for (d, v) in groups.iter_mut() {
                if matches!(d, Destination::OtherPathway { .. }) {
                    v.extend(joined.iter().copied());
                }
            }
        }
    }
    if merged_by_name {
        r.silences.push(Statement::new(
            "§1.2",
            "Den navngivne mistanke (§1.2) og fundstedets regel peger på samme pakkeforløb: én destination med begge begrundelser. Ved lymfeknude på halsen er en navngiven mistanke om hoved-halskræft det stærkere skridt (pakkeforløbet selv frem for filterfunktionen). Værktøjets læsning af navnet.",
            "The named suspicion (§1.2) and the site's rule point to the same pathway: one destination with both reasons. With a neck node, a named suspicion of head and neck cancer is the stronger step (the pathway itself rather than the filter function). The tool's reading of the name.",
        ));
    }
    let stage_of = |v: &[&Fired]| v.iter().map(|f| f.stage).max().unwrap_or(Stage::Entry);
    let statements = |v: &[&Fired]| v.iter().map(|f| f.why.clone()).collect::<Vec<_>>();
    let ids = |v: &[&Fired]| v.iter().map(|f| f.rule).collect::<Vec<_>>();
    match groups.len() {
        0 => {
            let silent: Vec<&Fired> = survivors.iter().copied().filter(|f| f.outcome == Outcome::Silent).collect();
            let stays: Vec<&Fired> =
                survivors.iter().copied().filter(|f| matches!(f.outcome, Outcome::Stay(_))).collect();
            if !silent.is_empty() {
                r.destination = Destination::TextSilent;
                r.silences = statements(&silent);
                r.rules = ids(&silent);
                r.decided_at = stage_of(&silent);
            } else if let Some(Outcome::Stay(department)) = stays.first().map(|f| &f.outcome) {
                r.destination = Destination::ThisPathway { department: *department };
                r.reasons = statements(&stays);
                r.rules = ids(&stays);
                r.decided_at = Stage::Entry;
            }
        }
        1 => {
            let (d, v) = &groups[0];
            r.destination = d.clone();
            r.reasons = statements(v);
            r.rules = ids(v);
            r.decided_at = stage_of(v);
        }
        _ => {
            r.destination = Destination::Conflict;
            r.decided_at = groups.iter().map(|(_, v)| stage_of(v)).max().unwrap_or(Stage::Entry);
            r.options = groups
                .iter()
                .map(|(d, v)| RouteOption { destination: d.clone(), reasons: statements(v), rules: ids(v) })
                .collect();
            r.reasons = r.options.iter().flat_map(|o| o.reasons.clone()).collect();
            r.rules = r.options.iter().flat_map(|o| o.rules.clone()).collect();
            r.silences.push(conflict_silence());
        }
    }
    r
}

fn conflict_silence() -> Statement {
    Statement::new(
        "§2.3",
        "Reglerne ovenfor peger i forskellige retninger, og teksten rangordner dem ikke. Klinisk vurdering.",
        "The rules above point different ways and the text does not rank them. Clinical judgement.",
    )
}

/// A lymphoma suspicion beside a carcinoma histology: both ways are shown
/// (lymphoma_carcinoma_contradiction in docs/precedence.md).
pub(super) fn resolve_contradiction(ev: &Eval) -> Route {
    let lymphoma: Vec<&Fired> = ev.fired.iter().filter(|f| f.rule == RuleId::Lymphoma).collect();
    let rest: Vec<Fired> = ev.fired.iter().filter(|f| f.rule != RuleId::Lymphoma).cloned().collect();
    let without = resolve(&rest, None);
    let haem = other(Pathway::Haematological);
    // The lymphoma rule holds but outranks nothing while the histology contradicts it.
    let mut r = resolve(&ev.fired, Some(RuleId::Lymphoma));
    let note = Statement::new(
        "§2.2.1",
        "Modstrid: der er mistanke om lymfom, men histologien er et karcinom. Teksten siger ikke, hvad der så gælder; henvisningen til pakkeforløb for hæmatologiske sygdomme vises fortsat. Klinisk vurdering.",
        "Contradiction: lymphoma is suspected but the histology is a carcinoma. The text does not say what then applies; the referral to the haematological pathway stays shown. Clinical judgement.",
    );
    // Nothing else decided yet: the haematological referral stands, with the contradiction shown.
    if without.destination != haem && without.destination != Destination::Undetermined {
        r = without.clone();
        let mut options = vec![RouteOption {
            destination: haem,
            reasons: lymphoma.iter().map(|f| f.why.clone()).collect(),
            rules: vec![RuleId::Lymphoma],
        }];
        if without.destination == Destination::Conflict {
            options.extend(without.options.clone());
        } else {
            let reasons = if without.reasons.is_empty() { without.silences.clone() } else { without.reasons.clone() };
            options.push(RouteOption {
                destination: without.destination.clone(),
                reasons,
                rules: without.rules.clone(),
            });
        }
        r.destination = Destination::Conflict;
        r.reasons = options.iter().flat_map(|o| o.reasons.clone()).collect();
        r.rules = options.iter().flat_map(|o| o.rules.clone()).collect();
        r.options = options;
        if !r.silences.contains(&conflict_silence()) {
            r.silences.push(conflict_silence());
        }
    }
    r.silences.push(note);
    r
}
