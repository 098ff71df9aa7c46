//! Properties over every possible case.
use crate::common::*;
use chrono::{Duration, NaiveDate};
use cup_pathway::pathway::section::SECTIONS;
use proptest::option;
use proptest::prelude::*;

fn date() -> impl Strategy<Value = NaiveDate> {
    // 2023-12-01 .. 2029-02-28: covers Store Bededag's end, leap days and year ends.
    (0i64..1917).prop_map(|n| d("2023-12-01") + Duration::days(n))
}

/// Any answer to any question, written through the model's own `set_answer`
/// (the path the wizard uses); answers that do not fit are refused and skipped.
fn answers() -> impl Strategy<Value = Answers> {
    use cup_pathway::pathway::questions::{set_answer, Answer, AnswerKind, QuestionId};
    let one = (0..QuestionId::ALL.len(), 0usize..16, 0u32..140, "[a-zæøå ]{0,12}");
    proptest::collection::vec(one, 0..40).prop_map(|steps| {
        let mut c = Case::default();
        for (q, pick, n, text) in steps {
            let id = QuestionId::ALL[q];
            let answer = match (id.question().kind, pick) {
                (_, 0) => Answer::Unknown,
                (AnswerKind::YesNo, p) => {
                    if p % 2 == 0 {
                        Answer::Yes
                    } else {
                        Answer::No
                    }
                }
                (AnswerKind::OneOf { choices }, p) => Answer::Choice(choices[p % choices.len()].key),
                (AnswerKind::Number { .. }, _) => Answer::Number(n),
                (AnswerKind::Text { .. }, _) => Answer::Text(text),
            };
            let _ = set_answer(&mut c, id, answer);
        }
        c.answers
    })
}

fn events() -> impl Strategy<Value = Events> {
    (
        option::of(date()),
        option::of(date()),
        option::of(date()),
        option::of(date()),
        option::of((date(), proptest::sample::select(EndReason::ALL.to_vec()))),
        option::of(proptest::sample::select(Lengthening::ALL.to_vec())),
    )
        .prop_map(|(a, b, c, dd, end, lengthened)| Events {
            referral_received: a,
            first_attendance: b,
            referred_to_secondary: c,
            secondary_first_attendance: dd,
            ended: end.map(|(date, reason)| Ending { date, reason }),
            workup_lengthened: lengthened,
        })
}

fn cases() -> impl Strategy<Value = Case> {
    (
        answers(),
        events(),
        proptest::collection::btree_set(
            prop_oneof![
                Just("s3_1_history".to_string()),
                Just("s3_1_6_men_psa".to_string()),
                Just("no_such_item".to_string())
            ],
            0..3,
        ),
    )
        .prop_map(|(answers, events, ticks)| Case { answers, events, ticks, ..Case::default() })
}

fn cited(s: Section) -> bool {
    SECTIONS.contains(&s)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

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
        use cup_pathway::pathway::questions::{answer, set_answer, Answer, AnswerKind};
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
}
