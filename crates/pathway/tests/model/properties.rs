//! Properties over every possible case.
use crate::common::*;
use chrono::Duration;
use pathway::codes::{Code, CodeStatus};
use pathway::section::SECTIONS;
use proptest::prelude::*;

pub(crate) use crate::gen::{cases, date};

fn cited(s: Section) -> bool {
    SECTIONS.contains(&s)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Issue 26.4: folding never hides an item twice or loses one, and the
    /// open items never belong to a step the case has not reached.
    #[test]
    fn the_checklist_sections_hold_every_item_once(c in cases(), today in date(), settle in any::<bool>()) {
        let p = evaluate(&c, today);
        let settled = if settle { p.done_items() } else { vec![] };
        let s = p.checklist_sections(&settled);
        let mut all: Vec<&str> = s.open.iter().chain(&s.later).flat_map(|g| g.1.iter().copied()).chain(s.done.iter().copied()).collect();
        all.sort();
        let mut expected: Vec<&str> = p.checklist.iter().map(|i| i.item.id).collect();
        expected.sort();
        prop_assert_eq!(all, expected);
        prop_assert!(s.open.iter().all(|g| g.0.stage() <= p.stage));
        prop_assert!(s.later.iter().all(|g| g.0.stage() > p.stage));
        prop_assert!(s.done.iter().all(|id| p.checklist.iter().any(|i| i.item.id == *id && i.done)));
    }

    #[test]
    fn every_case_evaluates_deterministically(c in cases(), today in date()) {
        let a = evaluate(&c, today);
        let b = evaluate(&c, today);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn everything_the_plan_says_cites_a_known_section(c in cases(), today in date()) {
        let p = evaluate(&c, today);
        for s in p.route.reasons.iter().chain(&p.route.silences).chain(&p.problems) {
            prop_assert!(cited(s.section), "{:?}", s);
        }
        for i in &p.checklist {
            prop_assert!(cited(i.item.section), "{}", i.item.id);
        }
        for q in &p.questions {
            prop_assert!(cited(q.question.section), "{:?}", q.question.id);
        }
        for m in &p.milestones {
            prop_assert!(!m.sections.is_empty() && m.sections.iter().all(|s| cited(*s)));
            prop_assert!(m.notes.iter().all(|n| cited(n.section)));
        }
        for code in &p.codes {
            prop_assert!(!code.info.sections.is_empty() && code.info.sections.iter().all(|s| cited(*s)));
        }
    }

    #[test]
    fn an_undetermined_destination_always_says_what_to_answer(c in cases(), today in date()) {
        let p = evaluate(&c, today);
        if p.route.destination == Destination::Undetermined {
            prop_assert!(!p.route.questions.is_empty());
        }
    }

    #[test]
    fn every_answer_the_destination_waits_for_is_asked_in_the_wizard(c in cases(), today in date()) {
        let p = evaluate(&c, today);
        for q in &p.route.questions {
            let asked = p.questions.iter().find(|a| a.question.id == *q);
            prop_assert!(asked.is_some_and(|a| a.open && a.decides_destination), "{:?} is not asked", q);
        }
    }

    #[test]
    fn every_asked_question_reads_back_what_was_written(c in cases(), pick in 0usize..8) {
        use pathway::questions::{answer, set_answer, Answer, AnswerKind};
        let p = evaluate(&c, today());
        for q in p.questions {
            let value = match q.question.kind {
                AnswerKind::YesNo => [Answer::Yes, Answer::No, Answer::Unknown][pick % 3].clone(),
                AnswerKind::OneOf { choices } => Answer::Choice(choices[pick % choices.len()].key),
                AnswerKind::Number { min, max, .. } => Answer::Number(min + (pick as u32 * 17) % (max - min + 1)),
                AnswerKind::Text { .. } => Answer::Text("kræft i æggestok".into()),
            };
            let mut changed = c.clone();
            prop_assert!(set_answer(&mut changed, q.question.id, value.clone()).is_ok());
            prop_assert_eq!(answer(&changed, q.question.id), value);
        }
    }

    #[test]
    fn projections_are_the_whole_standard_path(c in cases(), today in date()) {
        for m in evaluate(&c, today).milestones {
            if let Some(p) = m.projected {
                prop_assert_eq!(m.start, None);
                prop_assert_eq!((p.latest_due.date - p.latest_start).num_days(), m.standard_days);
            }
        }
    }

    #[test]
    fn due_dates_are_start_plus_the_standard(c in cases(), today in date()) {
        for m in evaluate(&c, today).milestones {
            if let (Some(start), Some(due)) = (m.start, m.due) {
                prop_assert_eq!((due.date - start).num_days(), m.standard_days);
            }
            if let (Some(start), Some(end), Some(used)) = (m.start, m.end, m.days_used) {
                prop_assert_eq!((end - start).num_days(), used);
            }
        }
    }

    #[test]
    fn the_case_json_form_round_trips(c in cases()) {
        let json = serde_json::to_string(&c).unwrap();
        let back: Case = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &c);
        let migrated = Case::from_json_value(serde_json::from_str(&json).unwrap()).unwrap();
        prop_assert_eq!(migrated, c);
    }

    #[test]
    fn the_plan_serialises(c in cases(), today in date()) {
        prop_assert!(serde_json::to_string(&evaluate(&c, today)).is_ok());
    }

    // Issue 13: clinical precedence over the whole answer space.

    #[test]
    fn bone_the_spinal_cord_compression_question_is_open_until_answered(c in cases()) {
        use pathway::questions::QuestionId as Q;
        let p = evaluate(&c, today());
        if c.answers.finding_site == Some(FindingSite::Bone) && c.events.ended.is_none() {
            let q = p.questions.iter().find(|q| q.question.id == Q::SpinalCordCompression);
            prop_assert!(q.is_some());
            prop_assert_eq!(q.unwrap().open, c.answers.spinal_cord_compression.is_none());
            if c.answers.spinal_cord_compression.is_none() {
                prop_assert_eq!(p.open_questions().first().copied(), Some(Q::SpinalCordCompression));
            }
        }
    }

    #[test]
    fn spinal_cord_compression_yes_stands_until_made_and_alone_prompts_no_ending_code(c in cases()) {
        let p = evaluate(&c, today());
        let yes = c.answers.spinal_cord_compression == Some(true);
        prop_assert_eq!(p.urgent_pending(), yes && c.events.acute_referral_made.is_none());
        prop_assert_eq!(!p.urgent.is_empty(), yes);
        // The same case answered "no": the ending codes do not change.
        if !yes {
            return Ok(());
        }
        let mut without = c.clone();
        without.answers.spinal_cord_compression = Some(false);
        let q = evaluate(&without, today());
        for code in [Code::Afd01X1, Code::Afd01X2] {
            let s = |p: &Plan| p.codes.iter().find(|e| e.info.code == code).map(|e| e.status);
            prop_assert_eq!(s(&p), s(&q));
        }
    }

    #[test]
    fn lymphoma_yes_the_haematological_referral_is_in_the_plan(c in cases()) {
        let p = evaluate(&c, today());
        if c.answers.lymphoma_suspected == Some(true) {
            let shown = p.route.reasons.iter().chain(&p.standing).any(|s| s.section.as_str() == "§2.2.1" && s.text.da.contains("altid"));
            prop_assert!(shown);
        }
    }

    #[test]
    fn a_primary_identified_or_an_organ_specific_suspicion_is_never_oncology_as_unknown_primary(c in cases()) {
        let a = &c.answers;
        let in_secondary = c.events.referred_to_secondary.is_some() || a.primary_found == Some(false);
        let identified = a.primary_found == Some(true) || (in_secondary && a.primary_found_in_secondary == Some(true));
        let suspected = a.organ_specific_suspected == Some(true) && a.finding_site != Some(FindingSite::UnspecificSymptoms);
        if identified || suspected {
            let p = evaluate(&c, today());
            prop_assert_ne!(&p.route.destination, &Destination::Oncology);
            prop_assert!(!p.route.options.iter().any(|o| o.destination == Destination::Oncology));
        }
    }

    #[test]
    fn s3_3_never_replaces_an_entry_route_to_another_pathway(c in cases()) {
        use pathway::rules::RuleId as R;
        let p = evaluate(&c, today());
        let fired: Vec<R> = p.route.rules.iter().copied().chain(p.route.superseded.iter().map(|s| s.rule)).collect();
        if fired.iter().any(|r| matches!(r, R::NodeNeck | R::NodeAxillaWoman | R::LiverColorectal | R::Lung)) {
            prop_assert!(!p.route.rules.contains(&R::NoPrimaryIdentified), "{:?}", p.route.rules);
        }
    }

    #[test]
    fn small_cell_or_neuroendocrine_never_goes_to_the_breast_pathway_by_the_site_alone(c in cases()) {
        use pathway::rules::RuleId as R;
        let a = &c.answers;
        let small_cell = a.histology == Some(Histology::SmallCellAnaplasticCarcinoma)
            && (a.sex == Some(Sex::Male) || a.cervical_cancer_suspected == Some(false));
        if small_cell || a.histology == Some(Histology::NeuroendocrineTumour) {
            let p = evaluate(&c, today());
            prop_assert!(!p.route.rules.contains(&R::NodeAxillaWoman), "{:?}", p.route.rules);
        }
    }

    #[test]
    fn left_before_first_attendance_afd01b_is_never_next(c in cases()) {
        let p = evaluate(&c, today());
        let left = c.events.ended.is_some() || p.route.never_enters() || p.route.referred_onward();
        if left && c.events.first_attendance.is_none() {
            let b = p.codes.iter().find(|e| e.info.code == Code::Afd01B).map(|e| e.status);
            prop_assert_ne!(b, Some(CodeStatus::Next));
        }
    }

    #[test]
    fn left_after_afd01c_before_oncology_afd01d_is_never_next(c in cases()) {
        let p = evaluate(&c, today());
        let left = c.events.ended.is_some() || p.route.referred_onward();
        if left && c.events.referred_to_secondary.is_some() && c.events.secondary_first_attendance.is_none() {
            let d = p.codes.iter().find(|e| e.info.code == Code::Afd01D).map(|e| e.status);
            prop_assert_ne!(d, Some(CodeStatus::Next));
        }
    }

    #[test]
    fn ended_no_question_is_open_and_nothing_is_provisional(c in cases()) {
        let p = evaluate(&c, today());
        if c.events.ended.is_some() {
            prop_assert!(p.questions.iter().all(|q| !q.open));
            prop_assert!(!p.route.provisional);
        }
    }

    #[test]
    fn every_destination_has_a_reason_or_a_silence_with_a_section(c in cases()) {
        let p = evaluate(&c, today());
        if p.route.destination != Destination::Undetermined {
            prop_assert!(!(p.route.reasons.is_empty() && p.route.silences.is_empty()), "{:?}", p.route.destination);
        }
        if p.route.destination == Destination::Conflict {
            prop_assert!(p.route.options.len() >= 2);
            prop_assert!(p.route.options.iter().all(|o| !o.reasons.is_empty()));
        }
    }

    #[test]
    fn every_provisional_destination_names_an_open_question(c in cases()) {
        let p = evaluate(&c, today());
        let waiting: Vec<_> = p.route.waiting.iter().map(|(q, _)| *q).collect();
        prop_assert_eq!(&waiting, &p.route.questions, "every open question says what it waits for");
        if p.route.provisional {
            prop_assert!(!p.route.questions.is_empty());
            for q in &p.route.questions {
                prop_assert!(p.questions.iter().any(|a| a.question.id == *q && a.open), "{:?}", q);
            }
            // A provisional destination prompts no ending code.
            let x1 = p.codes.iter().find(|e| e.info.code == Code::Afd01X1).map(|e| e.status);
            prop_assert_ne!(x1, Some(CodeStatus::Next));
        }
    }
}

// Issue 15: the checklist in the text's order of work, and date problems at their field.

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn every_gate_of_the_text_precedes_what_it_gates(c in cases()) {
        use pathway::checklist_order::GATES;
        let p = evaluate(&c, today());
        let ids: Vec<&str> = p.checklist.iter().map(|i| i.item.id).collect();
        let at = |id: &str| ids.iter().position(|i| *i == id);
        for g in GATES.iter().filter(|g| g.applies.holds(&c.answers)) {
            for b in g.before.iter().filter_map(|id| at(id)) {
                for a in g.after.iter().filter_map(|id| at(id)) {
                    prop_assert!(b < a, "{}: {} after {} in {:?}", g.key, ids[b], ids[a], ids);
                }
            }
        }
    }

    #[test]
    fn the_work_up_follows_its_programme_and_says_where_the_order_is_a_reading(c in cases()) {
        use pathway::checklist::Phase;
        use pathway::checklist_order::{programme_for, GATES};
        let p = evaluate(&c, today());
        let phases: Vec<Phase> = p.checklist.iter().map(|i| i.item.phase).collect();
        prop_assert!(phases.windows(2).all(|w| w[0] <= w[1]), "phases in order: {:?}", phases);
        let prog = programme_for(&c.answers);
        let ids: Vec<&str> = p.checklist.iter().map(|i| i.item.id).collect();
        let ranks: Vec<usize> = p
            .checklist
            .iter()
            .filter(|i| i.item.phase == Phase::PrimaryWorkup)
            .map(|i| prog.places.iter().position(|x| x.id == i.item.id).unwrap_or(usize::MAX))
            .collect();
        prop_assert!(ranks.iter().all(|r| *r != usize::MAX), "every work-up item has a place in {}: {:?}", prog.section, ids);
        prop_assert!(ranks.windows(2).all(|w| w[0] < w[1]), "in the programme's order");
        for i in &p.checklist {
            let placed = GATES.iter().filter(|g| g.applies.holds(&c.answers)).any(|g| {
                (g.before.contains(&i.item.id) && g.after.iter().any(|a| ids.contains(a)))
                    || (g.after.contains(&i.item.id) && g.before.iter().any(|b| ids.contains(b)))
            });
            if i.item.phase == Phase::PrimaryWorkup {
                prop_assert!(placed != i.order_reading.is_some(), "{}: placed by the text or marked as a reading", i.item.id);
            } else {
                prop_assert!(i.order_reading.is_none());
            }
        }
    }

    #[test]
    fn derefter_never_points_to_an_item_that_is_not_shown_before_it(c in cases()) {
        use pathway::checklist_order::{gate, WITHOUT_THEN};
        let p = evaluate(&c, today());
        for (n, i) in p.checklist.iter().enumerate() {
            if i.item.text.da.contains("derefter") || i.item.text.en.starts_with("Then") {
                let w = WITHOUT_THEN.iter().find(|w| w.id == i.item.id);
                prop_assert!(w.is_some(), "{} says derefter", i.item.id);
                let g = gate(w.unwrap().gate).unwrap();
                prop_assert!(p.checklist[..n].iter().any(|b| g.before.contains(&b.item.id)), "{}: derefter what?", i.item.id);
            }
        }
    }

    #[test]
    fn every_date_problem_is_a_problem_and_names_its_fields_event(c in cases(), today in date()) {
        use pathway::EventKey as E;
        let p = evaluate(&c, today);
        for ep in &p.event_problems {
            prop_assert!(p.problems.contains(&ep.statement));
            prop_assert!(!ep.events.is_empty());
            for e in &ep.events {
                let named = match e {
                    E::ReferralReceived => "AFD01A",
                    E::FirstAttendance => "AFD01B",
                    E::ReferredToSecondary => "AFD01C",
                    E::SecondaryFirstAttendance => "AFD01D",
                    E::Ended => "AFD01X",
                    E::AcuteReferralMade => "akut",
                    E::HandedOver => "modtagende afdeling",
                };
                prop_assert!(ep.statement.text.da.to_lowercase().contains(&named.to_lowercase()), "{:?}: {}", e, ep.statement.text.da);
            }
        }
    }
}

// Issue 22: codes from the events and the clinician's decisions; provisional
// wherever an open answer can still change the destination.

/// The same place: this pathway at any department is one; an unnamed "relevant
/// organ-specific pathway" is any pathway elsewhere (the principle unranked_conflict).
fn same_place(a: &Destination, b: &Destination) -> bool {
    let unnamed =
        |d: &Destination| matches!(d, Destination::OtherPathway { pathway: Pathway::OrganSpecific(n) } if n.is_empty());
    match (a, b) {
        (Destination::ThisPathway { .. }, Destination::ThisPathway { .. }) => true,
        (Destination::OtherPathway { .. }, Destination::OtherPathway { .. }) if unnamed(a) || unnamed(b) => true,
        _ => a == b,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn registering_every_code_as_prompted_in_order_never_raises_an_order_problem(c in cases()) {
        use pathway::validate::date_problems;
        let mut c = c;
        c.events = Events::default();
        let now = d("2026-11-25");
        let mut day = d("2026-09-01");
        for _ in 0..8 {
            let p = evaluate(&c, now);
            if c.events.referral_received.is_none() {
                for e in p.codes.iter().filter(|e| e.info.code != Code::Afd01A) {
                    prop_assert_ne!(e.status, CodeStatus::Next, "{:?} prompted without AFD01A", e.info.code);
                }
            }
            let Some(next) = p.codes.iter().find(|e| e.status == CodeStatus::Next).map(|e| e.info.code) else { break };
            day += Duration::days(3);
            let e = &mut c.events;
            match next {
                Code::Afd01A => e.referral_received = Some(day),
                Code::Afd01B => e.first_attendance = Some(day),
                Code::Afd01C => e.referred_to_secondary = Some(day),
                Code::Afd01D => e.secondary_first_attendance = Some(day),
                Code::Afd01X1 => e.ended = Some(Ending { date: day, reason: EndReason::OrganSpecificReferral }),
                Code::Afd01X2 => e.ended = Some(Ending { date: day, reason: EndReason::PatientWish }),
            }
            let after = evaluate(&c, now);
            prop_assert!(date_problems(&c, now).is_empty(), "after {:?}: {:?}", next, date_problems(&c, now));
            prop_assert!(
                !after.problems.iter().any(|s| s.text.da.contains("men svarene peger på et andet forløb")),
                "after {:?}: {:?}", next, after.problems
            );
        }
    }

    #[test]
    fn an_open_answer_never_changes_a_destination_that_is_not_provisional(c in cases(), pick in 0usize..16) {
        use pathway::questions::{set_answer, Answer, AnswerKind, Step};
        let p = evaluate(&c, today());
        // Only a decided destination is at stake (most generated cases are provisional).
        if p.route.provisional || c.events.ended.is_some() || p.route.destination == Destination::Undetermined {
            return Ok(());
        }
        for q in p.questions.iter().filter(|q| q.answer == Answer::Unknown && matches!(q.question.step, Step::Entry | Step::Workup)) {
            let answers: Vec<Answer> = match q.question.kind {
                AnswerKind::YesNo => vec![Answer::Yes, Answer::No],
                AnswerKind::OneOf { choices } => vec![Answer::Choice(choices[pick % choices.len()].key)],
                _ => continue,
            };
            for a in answers {
                let mut changed = c.clone();
                if set_answer(&mut changed, q.question.id, a.clone()).is_err() {
                    continue;
                }
                let after = evaluate(&changed, today()).route.destination;
                prop_assert!(
                    same_place(&after, &p.route.destination),
                    "{:?} = {:?} changed a destination that was not provisional: {:?} → {:?}", q.question.id, a, p.route.destination, after
                );
            }
        }
    }
}
