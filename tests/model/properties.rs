//! Properties over every possible case.
use crate::common::*;
use chrono::{Duration, NaiveDate};
use cup_pathway::pathway::case::{AfpLevel, BoneAnswers, BrainAnswers, LiverAnswers, TumourCount};
use cup_pathway::pathway::section::SECTIONS;
use proptest::option;
use proptest::prelude::*;

fn date() -> impl Strategy<Value = NaiveDate> {
    // 2023-12-01 .. 2029-02-28: covers Store Bededag's end, leap days and year ends.
    (0i64..1917).prop_map(|n| d("2023-12-01") + Duration::days(n))
}

fn answers() -> impl Strategy<Value = Answers> {
    let a = (
        option::of(prop_oneof![Just(Sex::Female), Just(Sex::Male)]),
        option::of(any::<u8>()),
        option::of(proptest::sample::select(FindingSite::ALL.to_vec())),
        any::<bool>(),
        option::of(prop_oneof![Just(String::new()), Just("  ".to_string()), "[a-zæøå ]{1,12}"]),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        option::of(any::<bool>()),
    );
    let b = (
        (
            option::of(prop_oneof![Just(AfpLevel::Normal), Just(AfpLevel::RaisedOrRising)]),
            option::of(any::<bool>()),
            option::of(any::<bool>()),
        ),
        any::<bool>(),
        (
            option::of(any::<bool>()),
            option::of(prop_oneof![
                Just(TumourCount::One),
                Just(TumourCount::TwoOrThree),
                Just(TumourCount::MoreThanThree)
            ]),
            option::of(any::<bool>()),
            option::of(any::<bool>()),
            option::of(any::<bool>()),
        ),
        option::of(proptest::sample::select(Histology::ALL.to_vec())),
        (
            any::<bool>(),
            any::<bool>(),
            option::of(any::<bool>()),
            option::of(any::<bool>()),
            option::of(any::<bool>()),
            any::<bool>(),
        ),
    );
    (a, b).prop_map(
        |(
            (sex, age, site, lymphoma, organ, colorectal, spinal, local, neuro),
            (liver, destr, brain, histology, rest),
        )| Answers {
            sex,
            age_years: age,
            finding_site: site,
            lymphoma_suspected: lymphoma,
            organ_specific_suspicion: organ,
            colorectal_suspected: colorectal,
            spinal_cord_compression: spinal,
            bone_local_agreement: local,
            in_neurology_department: neuro,
            liver: LiverAnswers { afp: liver.0, solitary: liver.1, extrahepatic: liver.2 },
            bone: BoneAnswers { destruction_or_soft_tissue: destr },
            brain: BrainAnswers {
                only_ct_so_far: brain.0,
                tumour_count: brain.1,
                symptomatic: brain.2,
                operable: brain.3,
                clinical_operation: brain.4,
            },
            histology,
            serous_peritoneal_carcinomatosis: rest.0,
            gi_bleeding_or_symptoms: rest.1,
            midline_tumour: rest.2,
            hcg_or_afp_raised: rest.3,
            cervical_cancer_suspected: rest.4,
            no_primary_found: rest.5,
        },
    )
}

fn events() -> impl Strategy<Value = Events> {
    (
        option::of(date()),
        option::of(date()),
        option::of(date()),
        option::of(date()),
        option::of((
            date(),
            prop_oneof![
                Just(EndReason::OrganSpecificReferral),
                Just(EndReason::SuspicionDisproved),
                Just(EndReason::PatientWish)
            ],
        )),
    )
        .prop_map(|(a, b, c, dd, end)| Events {
            referral_received: a,
            first_attendance: b,
            referred_to_secondary: c,
            secondary_first_attendance: dd,
            ended: end.map(|(date, reason)| Ending { date, reason }),
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
            prop_assert!(cited(q.section), "{:?}", q.id);
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
        prop_assert_eq!(back, c);
    }

    #[test]
    fn the_plan_serialises(c in cases(), today in date()) {
        prop_assert!(serde_json::to_string(&evaluate(&c, today)).is_ok());
    }
}
