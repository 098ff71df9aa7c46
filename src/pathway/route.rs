//! Where the patient belongs: every rule of the precedence table
//! ([`super::rules`]) is evaluated on the case, then weighed by the table.
//!
//! 1. Each rule holds (naming a destination, keeping the patient here, or
//!    with the text silent), waits for an answer, or does not apply.
//! 2. A rule that holds is outranked by a rule that holds and outranks it in
//!    the table, or by the general principles (a named destination before
//!    staying). Outranked rules are kept as `superseded`, with what outranked them.
//! 3. One destination left: that one. Several: `Destination::Conflict` with
//!    each option and its reasons. None: silent, staying, or undetermined.
//! 4. A rule still waiting for an answer makes the result provisional unless
//!    a rule that holds outranks it; so does an open spinal cord compression
//!    question. The urgent action itself is not here: see [`super::urgent`].

use super::case::{AfpLevel, Case, EndReason, FindingSite, Histology, Sex};
use super::criteria::{liver_involved, primary_liver_cancer_open, CriteriaVerdict, TesticularCriteria};
use super::destination::{Department, Destination, Pathway};
use super::questions::QuestionId;
use super::rules::{principle_reading, Effect, RuleId};
use super::stage::{stage_reached, Stage};
use super::statement::Statement;
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
    pub reading: Option<(&'static str, &'static str)>,
}

impl Route {
    /// The destination in words; where the rules disagree, with every option.
    pub fn headline(&self) -> (String, String) {
        let d = &self.destination;
        if *d == Destination::Oncology && !self.under_unknown_primary() {
            // §3.1.9 "henvises til onkologisk afdeling": the referral diagnosis is §3.3's alone.
            return (
                "Onkologisk afdeling (§3.1.9: »henvises til onkologisk afdeling«)".into(),
                "Oncology department (§3.1.9: »henvises til onkologisk afdeling«, referred to the oncology department)".into(),
            );
        }
        if self.options.is_empty() {
            return (d.headline_da(), d.headline_en());
        }
        let join = |f: fn(&Destination) -> String, or: &str| {
            self.options.iter().map(|o| f(&o.destination)).collect::<Vec<_>>().join(or)
        };
        (
            format!("Klinisk vurdering — reglerne peger på: {}", join(Destination::headline_da, " eller ")),
            format!("Clinical judgement — the rules point to: {}", join(Destination::headline_en, " or ")),
        )
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

#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
    To(Destination),
    Stay(Department),
    Silent,
}

#[derive(Clone, Debug)]
struct Fired {
    rule: RuleId,
    outcome: Outcome,
    stage: Stage,
    why: Statement,
}

/// The rules evaluated on one case.
#[derive(Default)]
struct Eval {
    fired: Vec<Fired>,
    pending: Vec<(RuleId, QuestionId)>,
    notes: Vec<Statement>,
}

impl Eval {
    fn fire(&mut self, rule: RuleId, outcome: Outcome, stage: Stage, why: Statement) {
        self.fired.push(Fired { rule, outcome, stage, why });
    }

    fn to(&mut self, rule: RuleId, d: Destination, stage: Stage, why: Statement) {
        self.fire(rule, Outcome::To(d), stage, why);
    }

    fn wait(&mut self, rule: RuleId, q: QuestionId) {
        self.pending.push((rule, q));
    }

    /// A yes/no answer a rule needs; unknown waits.
    fn yes(&mut self, rule: RuleId, v: Option<bool>, q: QuestionId) -> bool {
        if v.is_none() {
            self.wait(rule, q);
        }
        v == Some(true)
    }
}

fn other(p: Pathway) -> Destination {
    Destination::OtherPathway { pathway: p }
}

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
    r.silences.extend(ev.notes);

    // Pending rules that a rule that holds does not outrank keep the destination provisional.
    if !ended {
        for (rule, q) in &ev.pending {
            if outranks(&ev.fired, *rule, rule.rule().effect, None) {
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
    r.entry_open = r.waiting.iter().any(|(q, rules)| !rules.is_empty() && q.question().step == super::questions::Step::Entry);

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
fn outranks(fired: &[Fired], other: RuleId, effect: Effect, suspended: Option<RuleId>) -> bool {
    fired.iter().any(|g| table_outranks(g, other, suspended))
        || table_survivors(fired, suspended).iter().any(|g| principle_outranks(g, other, effect))
}

/// The model's reading behind `g` outranking `f`, if the text does not state it.
fn rank_reading(g: &Fired, f: &Fired) -> Option<(&'static str, &'static str)> {
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
        entry_open: false,
    }
}

/// Weigh the rules that hold by the table.
fn resolve(fired: &[Fired], suspended: Option<RuleId>) -> Route {
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
fn resolve_contradiction(ev: &Eval) -> Route {
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

/// Evaluate every rule of the table on the case.
fn evaluate_rules(case: &Case, now: Stage, reached: Stage, ev: &mut Eval) {
    let a = &case.answers;
    let e = &case.events;
    use RuleId as R;

    // §7.5: a recorded end settles it.
    if let Some(end) = &e.ended {
        let why = match end.reason {
            EndReason::OrganSpecificReferral => Statement::new(
                "§7.5",
                "Klinisk beslutning: begrundet mistanke ændret til viderehenvisning til et organspecifikt pakkeforløb (AFD01X1).",
                "Clinical decision: referred on to an organ-specific pathway (AFD01X1).",
            ),
            EndReason::SuspicionDisproved => Statement::new(
                "§7.5",
                "Klinisk beslutning: begrundet mistanke om metastaser afkræftet (AFD01X1).",
                "Clinical decision: the suspicion of metastases is disproved (AFD01X1).",
            ),
            EndReason::OtherClinicalDecision => Statement::new(
                "§7.5",
                "Klinisk beslutning om, at pakkeforløbet er slut (AFD01X1).",
                "Clinical decision that the pathway has ended (AFD01X1).",
            ),
            EndReason::PatientWish => Statement::new(
                "§7.5",
                "Patienten ønsker at ophøre udredning i pakkeforløbet (AFD01X2).",
                "The patient wishes to stop the work-up (AFD01X2).",
            ),
        };
        ev.to(R::Ended, Destination::Ended { reason: end.reason }, reached, why);
    }

    let Some(site) = a.finding_site else {
        ev.wait(R::UnspecificSymptoms, QuestionId::FindingSite);
        return;
    };

    if site == FindingSite::UnspecificSymptoms {
        ev.to(
            R::UnspecificSymptoms,
            other(Pathway::UnspecificSymptoms),
            Stage::Entry,
            Statement::new(
                "§2.1",
                "Ved mistanke om alvorlig sygdom hos en patient med uspecifikke symptomer henvises til Diagnostisk pakkeforløb for patienter med uspecifikke symptomer på alvorlig sygdom, der kunne være kræft.",
                "Non-specific symptoms without a finding: the diagnostic pathway for non-specific symptoms, not this one.",
            ),
        );
        // §2.2.1 "altid": a lymphoma suspicion outranks §2.1 too (the tool's
        // reading of the sentence outside §2.2.1); B symptoms alone stay with §2.1.
        if ev.yes(R::Lymphoma, a.lymphoma_suspected, QuestionId::LymphomaSuspected) {
            ev.to(R::Lymphoma, other(Pathway::Haematological), Stage::Entry, lymphoma_statement());
        }
        // Without a finding nothing else of the text applies.
        return;
    }

    if ev.yes(R::KnownCancer, a.known_cancer, QuestionId::KnownCancer) {
        ev.to(
            R::KnownCancer,
            Destination::OutsideTargetGroup,
            now,
            Statement::new(
                "§2.4",
                "Beslutning om henvisning til pakkeforløbet gælder fund hos en patient uden kendt kræftsygdom; målgruppen er patienter, hos hvem det første fund er en metastase (§1.2).",
                "Referral to this pathway concerns a patient without known cancer; the target group has a metastasis as the first finding (§1.2).",
            ),
        );
        ev.notes.push(Statement::new(
            "§1.2",
            "Teksten angiver ikke, hvor en patient med kendt kræftsygdom og nyt metastasesuspekt fund henvises. Klinisk vurdering.",
            "The text does not say where a patient with a known cancer and a new suspected metastasis goes. Clinical judgement.",
        ));
    }

    if ev.yes(R::OrganSpecificSuspicion, a.organ_specific_suspected, QuestionId::OrganSpecificSuspected) {
        let name = case.organ_specific_suspicion().unwrap_or("").to_string();
        ev.to(
            R::OrganSpecificSuspicion,
            other(Pathway::OrganSpecific(name)),
            now,
            Statement::new(
                "§1.2",
                "Såfremt patienten frembyder symptomer, der giver mistanke eller begrundet mistanke om organspecifik kræfttype, skal patienten henvises og udredes umiddelbart i henhold til det relevante pakkeforløb.",
                "Symptoms suspicious of an organ-specific cancer: refer and work up at once under the relevant pathway.",
            ),
        );
    }

    if ev.yes(R::Lymphoma, a.lymphoma_suspected, QuestionId::LymphomaSuspected) {
        ev.to(R::Lymphoma, other(Pathway::Haematological), now, lymphoma_statement());
    }

    entry(case, site, now, ev);
    // A histology may come with the referral (a biopsy answer). Where the entry
    // already sends the patient elsewhere and nothing shows the pathway started,
    // its rules decide at entry too; otherwise it is this pathway's work-up.
    let entered = e.referral_received.is_some() || e.first_attendance.is_some();
    let away = ev.fired.iter().any(|f| f.rule != R::Ended && matches!(f.outcome, Outcome::To(_)));
    let hist = if !entered && away { Stage::Entry } else { Stage::Histology };

    // §3.1.2: raised or rising AFP and a solitary liver process, wherever the
    // liver finding arose. While it can still become true (neither answer
    // "no", one open) the destination waits for it: provisional. A work-up
    // rule: it holds back no referral the entry already sends elsewhere.
    if primary_liver_cancer_open(a) && (entered || !away) {
        if a.liver.solitary.is_none() {
            ev.wait(R::PrimaryLiverCancer, QuestionId::LiverSolitary);
        }
        if a.liver.afp.is_none() {
            ev.wait(R::PrimaryLiverCancer, QuestionId::LiverAfp);
        }
    }
    if liver_involved(a) == Some(true) {
        if let (Some(true), Some(true)) = (a.liver.solitary, a.liver.afp.map(AfpLevel::raised_or_rising)) {
            ev.to(
                R::PrimaryLiverCancer,
                other(Pathway::PrimaryLiver),
                reached.max(Stage::PrimaryWorkup),
                Statement::new(
                    "§3.1.2",
                    "Forhøjet eller stigende α-føtoprotein og en solitær proces i leveren: begrundet mistanke om primær leverkræft. Patienten henvises til start på pakkeforløb for primær leverkræft.",
                    "Raised or rising AFP and a solitary liver process: refer to the primary liver cancer pathway.",
                ),
            );
        }
    }

    if let Some(h) = a.histology {
        histology(case, h, site, hist, ev);
    }

    // §4.1: a primary found during the secondary work-up is the normal course onward.
    let in_secondary = e.referred_to_secondary.is_some() || a.primary_found == Some(false);
    if in_secondary && a.primary_found_in_secondary == Some(true) {
        ev.to(
            R::PrimaryIdentifiedAtOncology,
            other(Pathway::OrganSpecific(case.organ_specific_suspicion().unwrap_or("").to_string())),
            Stage::Secondary,
            Statement::new(
                "§4.1",
                "Den videre udredning har identificeret en primær tumor: patienten henvises umiddelbart til det relevante organspecifikke pakkeforløb.",
                "The further work-up identified a primary tumour: refer at once to the relevant organ-specific pathway.",
            ),
        );
    }

    // §3.3 with §7.3: the decision at the end of the primary work-up. An
    // entry route to another pathway (§2.2.1, §2.2.3) names a suspicion that
    // stands until the clinician rebuts it from the work-up's results: once
    // the patient has attended, it waits for that answer (provisional), and
    // only a recorded "no" outranks it. An attendance alone decides nothing.
    let entry_route = ev.fired.iter().find(|f| ENTRY_ROUTES.contains(&f.rule)).map(|f| f.rule);
    let attended = e.first_attendance.is_some();
    if let (Some(rule), true, None) = (entry_route, attended, a.primary_found) {
        ev.wait(rule, QuestionId::PrimaryFound);
        ev.wait(R::EntrySuspicionRebutted, QuestionId::PrimaryFound);
    }
    match a.primary_found {
        Some(false) if attended && entry_route.is_some() => {
            ev.to(R::EntrySuspicionRebutted, Destination::Oncology, Stage::Secondary, rebuttal_reason(entry_route))
        }
        Some(true) => ev.to(
            R::PrimaryIdentified,
            other(Pathway::OrganSpecific(case.organ_specific_suspicion().unwrap_or("").to_string())),
            Stage::Histology,
            Statement::new(
                "§1.2",
                "Hvis en primær tumor identificeres, skal patienten henvises til start på det relevante organspecifikke pakkeforløb.",
                "A primary tumour is identified: refer to the relevant organ-specific pathway.",
            ),
        ),
        Some(false) => ev.to(R::NoPrimaryIdentified, Destination::Oncology, Stage::Secondary, oncology_reason()),
        None if e.referred_to_secondary.is_some() => {
            ev.to(R::NoPrimaryIdentified, Destination::Oncology, Stage::Secondary, oncology_reason())
        }
        None => {}
    }
}

/// The entry routes to another pathway that name a suspicion for the
/// work-up to confirm or rebut (§2.2.1 neck and a woman's axilla, §2.2.3).
pub const ENTRY_ROUTES: [RuleId; 3] = [RuleId::NodeNeck, RuleId::NodeAxillaWoman, RuleId::Lung];

/// The organ an entry route names, as the §3.3 decision asks about it.
pub fn entry_suspicion(rule: RuleId) -> Option<(&'static str, &'static str, &'static str)> {
    match rule {
        RuleId::NodeNeck => Some(("§2.2.1", "hoved-halskræft", "head and neck cancer")),
        RuleId::NodeAxillaWoman => Some(("§2.2.1", "brystkræft", "breast cancer")),
        RuleId::Lung => Some(("§2.2.3", "lungekræft", "lung cancer")),
        _ => None,
    }
}

fn rebuttal_reason(rule: Option<RuleId>) -> Statement {
    let (sec, da, en) = rule.and_then(entry_suspicion).unwrap_or(("§2.2", "", ""));
    Statement::new(
        "§7.3",
        format!("Klinikeren har ved den primære udredning hverken fundet begrundet mistanke om en organspecifik kræfttype eller verificeret organspecifik kræfttype; indgangens mistanke om {da} ({sec}) er ikke opretholdt. Beslutning om at henvise patienten umiddelbart til onkologisk afdeling under henvisningsdiagnosen »ukendt primær tumor« (§3.3)."),
        format!("The clinician found in the primary work-up neither a reasonable suspicion of an organ-specific cancer nor a verified organ-specific cancer; the entry's suspicion of {en} ({sec}) is not upheld. Decision to refer the patient at once to the oncology department under the referral diagnosis »ukendt primær tumor« (unknown primary tumour) (§3.3)."),
    )
}

pub fn lymphoma_statement() -> Statement {
    Statement::new(
        "§2.2.1",
        "Ved klinisk eller billeddiagnostisk begrundet mistanke om lymfom henvises patienten altid til start på pakkeforløb for hæmatologiske sygdomme.",
        "Clinical or imaging suspicion of lymphoma: always the haematological pathway.",
    )
}

fn oncology_reason() -> Statement {
    Statement::new(
        "§3.3",
        "Primær tumor er ikke identificeret efter udredningsprogrammet: beslutning om at henvise patienten umiddelbart til onkologisk afdeling under henvisningsdiagnosen »ukendt primær tumor« til evt. yderligere udredning og behandling.",
        "No primary tumour identified after the work-up programme: refer at once to the oncology department under the referral diagnosis »ukendt primær tumor« (unknown primary tumour), for any further work-up and treatment.",
    )
}

fn stay(ev: &mut Eval, rule: RuleId, department: Department, why: Statement) {
    ev.fire(rule, Outcome::Stay(department), Stage::Entry, why);
}

fn entry(case: &Case, site: FindingSite, now: Stage, ev: &mut Eval) {
    let a = &case.answers;
    use RuleId as R;
    match site {
        FindingSite::UnspecificSymptoms => {}
        FindingSite::LymphNodeNeck => ev.to(
            R::NodeNeck,
            other(Pathway::HeadAndNeck),
            now,
            Statement::new(
                "§2.2.1",
                "Lymfeknude på hals: mistanke om hoved/hals kræft. Patienten henvises til filterfunktion i form af vurdering hos praktiserende speciallæge mhp. evt. start på pakkeforløb for hoved- og halskræft.",
                "Neck node: suspicion of head and neck cancer. Refer to the filter function (assessment by a practising specialist) with a view to a possible start on the head and neck cancer pathway.",
            ),
        ),
        FindingSite::LymphNodeAxilla => match a.sex {
            Some(Sex::Female) => ev.to(
                R::NodeAxillaWoman,
                other(Pathway::Breast),
                now,
                Statement::new(
                    "§2.2.1",
                    "Lymfeknude i armhule hos kvinde: begrundet mistanke om brystkræft. Patienten henvises til start på pakkeforløb for brystkræft.",
                    "Axillary node in a woman: there is a reasonable suspicion (»begrundet mistanke«) of breast cancer. The patient is referred to start on the breast cancer pathway.",
                ),
            ),
            Some(Sex::Male) => ev.fire(
                R::NodeAxillaMan,
                Outcome::Silent,
                now,
                Statement::new(
                    "§2.2.1",
                    "Teksten nævner kun lymfeknude i armhule hos kvinde; for en mand angiver den ingen modtagende afdeling. Klinisk vurdering.",
                    "The text names an axillary node in a woman only; for a man it is silent. Clinical judgement.",
                ),
            ),
            None => ev.wait(R::NodeAxillaWoman, QuestionId::Sex),
        },
        FindingSite::LymphNodeRetroperitoneal | FindingSite::LymphNodeGroin => stay(
            ev,
            R::NodeRetroperitonealOrGroin,
            Department::Medical,
            Statement::new(
                "§2.2.1",
                "Lymfeknude retroperitonealt eller i lysken: patienten henvises til medicinsk afdeling til start på dette pakkeforløb.",
                "Retroperitoneal or groin node: this pathway at a medical department.",
            ),
        ),
        FindingSite::LymphNodeOther => ev.fire(
            R::NodeOther,
            Outcome::Silent,
            now,
            Statement::new(
                "§2.2.1",
                "Teksten angiver henvisning for lymfeknuder på hals, i armhule (kvinde), retroperitonealt og i lysken; for andre lokalisationer er den tavs. Klinisk vurdering.",
                "The text covers neck, axillary (women), retroperitoneal and groin nodes only. Clinical judgement.",
            ),
        ),
        FindingSite::Liver => {
            if ev.yes(R::LiverColorectal, a.colorectal_suspected, QuestionId::ColorectalSuspected) {
                ev.to(
                    R::LiverColorectal,
                    other(Pathway::ColorectalThenLiverMetastases),
                    now,
                    Statement::new(
                        "§2.2.2",
                        "Mulige levermetastaser med samtidig mistanke/begrundet mistanke om kræft i tyk- og endetarm: pakkeforløb for kræft i tyk- og endetarm og senere pakkeforløb for tarmkræftmetastaser i leveren.",
                        "Possible liver metastases with a simultaneous suspicion or reasonable suspicion (»mistanke/begrundet mistanke«) of colorectal cancer: the colorectal cancer pathway, and later the pathway for colorectal liver metastases.",
                    ),
                );
            }
            stay(
                ev,
                R::Liver,
                Department::Medical,
                Statement::new(
                    "§2.2.2",
                    "Metastase i leveren: patienten henvises til medicinsk afdeling til start på dette pakkeforløb.",
                    "Liver: this pathway at a medical department.",
                ),
            );
        }
        FindingSite::Lung => ev.to(
            R::Lung,
            other(Pathway::Lung),
            now,
            Statement::new(
                "§2.2.3",
                "Metastase i lungen: begrundet mistanke om lungekræft. Patienten henvises til start på pakkeforløb for lungekræft.",
                "Metastasis in the lung: there is a reasonable suspicion (»begrundet mistanke«) of lung cancer. The patient is referred to start on the lung cancer pathway.",
            ),
        ),
        FindingSite::Bone => {
            let department =
                if a.bone_local_agreement == Some(true) { Department::LocallyAgreed } else { Department::Medical };
            stay(
                ev,
                R::Bone,
                department,
                Statement::new(
                    "§2.2.4",
                    "Metastase i knogler: patienten henvises til medicinsk afdeling til start på dette pakkeforløb, med mindre andet er aftalt lokalt.",
                    "Bone: this pathway at a medical department, unless agreed otherwise locally.",
                ),
            );
        }
        FindingSite::Brain => match a.in_neurology_department {
            Some(true) => stay(
                ev,
                R::Brain,
                Department::Neurological,
                Statement::new(
                    "§2.2.5",
                    "Patienten er under udredning på neurologisk afdeling og fortsætter udredning der i henhold til dette pakkeforløb.",
                    "Already in a neurological department: continues the work-up there under this pathway.",
                ),
            ),
            Some(false) => stay(
                ev,
                R::Brain,
                Department::Medical,
                Statement::new(
                    "§2.2.5",
                    "Patienter, der ikke er i kontakt med en neurologisk afdeling, henvises til medicinsk afdeling med henblik på udredning.",
                    "Not in contact with a neurological department: refer to a medical department.",
                ),
            ),
            None => ev.wait(R::Brain, QuestionId::InNeurologyDepartment),
        },
        FindingSite::CancerCellsSpinalFluid => stay(
            ev,
            R::CancerCellsSpinalFluid,
            Department::Neurological,
            Statement::new(
                "§2.2.6",
                "Ved fund af kræftceller i spinalvæske: patienten henvises til udredning på neurologisk afdeling.",
                "Cancer cells in spinal fluid: work-up at a neurological department.",
            ),
        ),
        FindingSite::CancerCellsPleuraOrPeritoneum => stay(
            ev,
            R::CancerCellsPleuraOrPeritoneum,
            Department::Medical,
            Statement::new(
                "§2.2.6",
                "Ved fund af kræftceller i lungehinde eller bughule: patienten henvises til udredning på medicinsk afdeling.",
                "Cancer cells in pleura or peritoneum: work-up at a medical department.",
            ),
        ),
        FindingSite::Other => ev.fire(
            R::OtherSite,
            Outcome::Silent,
            now,
            Statement::new(
                "§2.2",
                "Afsnit 2.2 angiver ikke en modtagende afdeling for denne lokalisation. Målgruppen er beskrevet i §1.2 (første fund er en metastase, primær tumor ikke klinisk oplagt). Klinisk vurdering.",
                "§2.2 names no receiving department for this site; §1.2 describes the target group. Clinical judgement.",
            ),
        ),
    }
}

/// §3.1.9 and §3.1.10 overlap: the histology choice says so.
pub fn small_cell_neuroendocrine_overlap() -> Statement {
    Statement::new(
        "§3.1.9",
        "Småcellet karcinom er også et neuroendokrint karcinom. Teksten behandler småcellet, anaplastisk karcinom (§3.1.9: onkologisk afdeling) og neuroendokrine tumorer (§3.1.10: afdeling efter specialeplanlægningen) i hvert sit afsnit og siger ikke, hvilket der gælder, hvor begge kan læses. Klinisk vurdering; overlappet er værktøjets læsning.",
        "Small-cell carcinoma is also a neuroendocrine carcinoma. The text treats small-cell anaplastic carcinoma (§3.1.9: oncology) and neuroendocrine tumours (§3.1.10: the department under the specialty plan) in separate sections and does not say which applies where both can be read. Clinical judgement; the overlap is the tool's reading.",
    )
}

fn histology(case: &Case, h: Histology, site: FindingSite, at: Stage, ev: &mut Eval) {
    let a = &case.answers;
    use RuleId as R;
    if matches!(h, Histology::SmallCellAnaplasticCarcinoma | Histology::NeuroendocrineTumour) {
        ev.notes.push(small_cell_neuroendocrine_overlap());
    }
    match h {
        Histology::Adenocarcinoma => match a.sex {
            Some(Sex::Female) => {
                if site == FindingSite::LymphNodeAxilla {
                    ev.to(
                        R::AxillaryAdenocarcinomaWoman,
                        other(Pathway::Breast),
                        at,
                        Statement::new(
                            "§3.1.6",
                            "Kvinder med adenokarcinom i aksillære glandler skal behandles som patienter med brystkræft og henvises til pakkeforløb for brystkræft.",
                            "Women with axillary adenocarcinoma: the breast cancer pathway.",
                        ),
                    );
                }
                if ev.yes(
                    R::SerousCarcinomatosisWoman,
                    a.serous_peritoneal_carcinomatosis,
                    QuestionId::SerousPeritonealCarcinomatosis,
                ) {
                    ev.to(
                        R::SerousCarcinomatosisWoman,
                        other(Pathway::Ovarian),
                        at,
                        Statement::new(
                            "§3.1.6",
                            "Kvinder med peritoneal karcinomatose med serøst adenokarcinom henvises til gynækologisk afdeling til start på pakkeforløb for kræft i æggestok.",
                            "Women with serous peritoneal carcinomatosis: gynaecology, ovarian cancer pathway.",
                        ),
                    );
                }
            }
            Some(Sex::Male) => {}
            None => ev.wait(R::SerousCarcinomatosisWoman, QuestionId::Sex),
        },
        Histology::SquamousCellCarcinoma => {
            if site == FindingSite::LymphNodeAxilla && a.sex == Some(Sex::Female) {
                // A disputed reading, shown as one: §2.2.1 depends on the site
                // alone, so its breast route stands until rebutted (§7.3).
                ev.notes.push(Statement::new(
                    "§3.1.6",
                    "Planocellulært karcinom i armhulen hos en kvinde: §2.2.1's henvisning til pakkeforløb for brystkræft afhænger alene af fundstedet og står derfor; §3.1.6 taler kun om adenokarcinom i aksillære glandler. Efter udredning her er brystkræft en navngiven mistanke, som afkræftes eller bekræftes ved beslutningen (§3.3, §7.3). Værktøjets læsning.",
                    "Squamous cell carcinoma in a woman's axilla: §2.2.1's referral to the breast cancer pathway depends on the site alone and so stands; §3.1.6 speaks only of adenocarcinoma in axillary nodes. After a work-up here, breast cancer is a named suspicion to confirm or rebut at the decision (§3.3, §7.3). The tool's reading.",
                ));
            }
            if site != FindingSite::LymphNodeGroin {
                ev.notes.push(Statement::new(
                    "§3.1.7",
                    "Afsnittet om planocellulært karcinom nævner kun metastaser i lysken; om undersøgelserne gælder planocellulære metastaser andre steder, siger teksten ikke udtrykkeligt. Klinisk vurdering.",
                    "The section on squamous cell carcinoma names groin metastases only; whether its examinations apply to squamous metastases elsewhere, the text does not say. Clinical judgement.",
                ));
            }
        }
        Histology::PoorlyDifferentiatedCarcinoma => match a.sex {
            Some(Sex::Male) => {
                let c = TesticularCriteria::assess(a);
                match c.verdict {
                    CriteriaVerdict::Refer => ev.to(R::PoorlyDifferentiatedMan, other(Pathway::Testicular), at, testicular_statement(&c)),
                    CriteriaVerdict::Pending => {
                        if c.man_under_55.is_none() {
                            ev.wait(R::PoorlyDifferentiatedMan, QuestionId::Age);
                        }
                        if c.midline_tumour.is_none() {
                            ev.wait(R::PoorlyDifferentiatedMan, QuestionId::MidlineTumour);
                        }
                        if c.hcg_or_afp_raised.is_none() {
                            ev.wait(R::PoorlyDifferentiatedMan, QuestionId::HcgOrAfpRaised);
                        }
                    }
                    CriteriaVerdict::DoNotRefer => {}
                }
            }
            Some(Sex::Female) => ev.notes.push(Statement::new(
                "§3.1.8",
                "§3.1.8 omhandler lavt differentieret karcinom hos mænd; for kvinder har teksten intet særskilt program. Klinisk vurdering.",
                "§3.1.8 covers poorly differentiated carcinoma in men; for women the text gives no specific programme. Clinical judgement.",
            )),
            None => ev.wait(R::PoorlyDifferentiatedMan, QuestionId::Sex),
        },
        Histology::SmallCellAnaplasticCarcinoma => {
            let cervical = match a.sex {
                Some(Sex::Male) => Some(false),
                Some(Sex::Female) => {
                    if a.cervical_cancer_suspected.is_none() {
                        // Either answer decides: cervical cancer (yes) or oncology (no).
                        ev.wait(R::SmallCellCervicalSuspicion, QuestionId::CervicalCancerSuspected);
                        ev.wait(R::SmallCellUnknownOrigin, QuestionId::CervicalCancerSuspected);
                    }
                    a.cervical_cancer_suspected
                }
                None => {
                    ev.wait(R::SmallCellUnknownOrigin, QuestionId::Sex);
                    None
                }
            };
            match cervical {
                Some(false) => ev.to(
                    R::SmallCellUnknownOrigin,
                    Destination::Oncology,
                    at,
                    Statement::new(
                        "§3.1.9",
                        "Småcellet, anaplastisk karcinom af ukendt oprindelse (hos kvinder: ingen mistanke om livmoderhalskræft) henvises til onkologisk afdeling.",
                        "Small-cell anaplastic carcinoma of unknown origin (in women: no suspicion of cervical cancer) is referred to the oncology department.",
                    ),
                ),
                Some(true) => ev.to(
                    R::SmallCellCervicalSuspicion,
                    other(Pathway::OrganSpecific("livmoderhalskræft".into())),
                    at,
                    Statement::new(
                        "§3.1.9",
                        "Hos kvinder med mistanke om livmoderhalskræft er det småcellede karcinom ikke »af ukendt oprindelse« (§3.1.9); ved mistanke om en organspecifik kræfttype henvises patienten til det relevante pakkeforløb (§1.2).",
                        "A woman with suspected cervical cancer: not of unknown origin; refer to the relevant organ-specific pathway.",
                    ),
                ),
                None => {}
            }
        }
        Histology::NeuroendocrineTumour => ev.to(
            R::Neuroendocrine,
            Destination::SpecialtyPlanDepartment,
            at,
            Statement::new(
                "§3.1.10",
                "Neuroendokrine tumorer: patienten henvises til en afdeling, der i henhold til specialeplanlægningen er ansvarlig for udredning af disse patienter.",
                "Neuroendocrine tumours: the department responsible under the specialty plan.",
            ),
        ),
        Histology::Other => ev.notes.push(Statement::new(
            "§3.1.5",
            "For denne histologi har teksten intet særskilt undersøgelsesprogram (§3.1.6–§3.1.10). Kan en primær tumor ikke lokaliseres, henvises patienten umiddelbart til onkologisk afdeling under henvisningsdiagnosen »ukendt primær tumor« (§3.1.5).",
            "The text has no specific programme for this histology (§3.1.6–§3.1.10). If no primary tumour can be located, refer at once to the oncology department under the referral diagnosis »ukendt primær tumor« (unknown primary tumour) (§3.1.5).",
        )),
    }
}

pub fn testicular_statement(c: &TesticularCriteria) -> Statement {
    Statement::new(
        "§3.1.8",
        format!(
            "Lavt differentieret karcinom hos mand: {} af 3 karakteristika er til stede (blot 2 kræves). Henvises til pakkeforløb for testikelkræft.",
            c.held()
        ),
        format!(
            "Poorly differentiated carcinoma in a man: {} of 3 characteristics are present (2 suffice). Refer to the testicular cancer pathway.",
            c.held()
        ),
    )
}
