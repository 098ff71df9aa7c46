//! Generated cases for the property tests (no tests here): the model's
//! `properties.rs` and the app's record-text tests (`crates/department/tests/journal.rs`, by path).
use crate::common::*;
use chrono::{Duration, NaiveDate};
use proptest::option;
use proptest::prelude::*;

pub(crate) fn date() -> impl Strategy<Value = NaiveDate> {
    // 2023-12-01 .. 2029-02-28: covers Store Bededag's end, leap days and year ends.
    (0i64..1917).prop_map(|n| d("2023-12-01") + Duration::days(n))
}

/// Any answer to any question, written through the model's own `set_answer`
/// (the path the wizard uses); answers that do not fit are refused and skipped.
fn answers() -> impl Strategy<Value = Answers> {
    use pathway::questions::{set_answer, Answer, AnswerKind, QuestionId};
    let one = (0..QuestionId::ALL.len(), 0usize..16, 0u32..140, "[a-zæøå ]{0,12}");
    // The answers that decide most often are seeded first, so that their
    // combinations come up often; the random steps may then change them.
    let seed = (
        option::of(0..FindingSite::ALL.len()),
        option::of(proptest::bool::ANY),
        option::of(0..Histology::ALL.len()),
        option::of(proptest::bool::ANY),
    );
    (seed, proptest::collection::vec(one, 0..40)).prop_map(|((site, male, histology, cervical), steps)| {
        let mut c = Case::default();
        c.answers.finding_site = site.map(|i| FindingSite::ALL[i]);
        c.answers.sex = male.map(|m| if m { Sex::Male } else { Sex::Female });
        c.answers.histology = histology.map(|i| Histology::ALL[i]);
        c.answers.cervical_cancer_suspected = cervical;
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
        option::of(date()),
        option::of(date()),
    )
        .prop_map(|(a, b, c, dd, end, lengthened, acute, handed)| Events {
            referral_received: a,
            first_attendance: b,
            referred_to_secondary: c,
            secondary_first_attendance: dd,
            ended: end.map(|(date, reason)| Ending { date, reason }),
            workup_lengthened: lengthened,
            acute_referral_made: acute,
            handed_over: handed,
        })
}

pub(crate) fn cases() -> impl Strategy<Value = Case> {
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
