//! Issue 13: clinical precedence. What the text makes urgent or absolute is
//! never hidden; later evidence outranks an earlier suspicion only where a
//! later rule covers the same finding; what the text does not rank is shown
//! as a conflict. Named by section.
use crate::common::*;
use pathway::codes::{Code, CodeStatus};
use pathway::questions::QuestionId as Q;
use pathway::rules::{precedence_markdown, RuleId, RULES};

fn bone(f: impl FnOnce(&mut Answers)) -> Case {
    case(|a| {
        a.finding_site = Some(FindingSite::Bone);
        a.sex = Some(Sex::Female);
        f(a)
    })
}

fn code(p: &Plan, c: Code) -> CodeStatus {
    p.codes.iter().find(|e| e.info.code == c).map(|e| e.status).unwrap()
}

fn superseded(p: &Plan) -> Vec<RuleId> {
    p.route.superseded.iter().map(|s| s.rule).collect()
}

fn options(p: &Plan) -> Vec<Destination> {
    p.route.options.iter().map(|o| o.destination.clone()).collect()
}

// 1. The acute referral stands beside the destination (§2.2.4).

#[test]
fn s2_2_4_the_spinal_cord_compression_question_is_open_first_and_not_blocked_by_other_answers() {
    // Every other red flag says "elsewhere" and the question is still open, and first.
    let c = raw_case(|a| {
        a.finding_site = Some(FindingSite::Bone);
        a.known_cancer = Some(true);
        a.lymphoma_suspected = Some(true);
        a.organ_specific_suspected = Some(true);
    });
    let p = plan(&c);
    assert_eq!(p.open_questions().first(), Some(&Q::SpinalCordCompression));
    assert_eq!(asked(&c)[1], Q::SpinalCordCompression, "shown right after the finding site");
    assert!(p.route.provisional, "an open question that could add an urgent action keeps the plan provisional");
}

#[test]
fn s2_2_4_a_yes_stands_beside_every_destination_until_recorded_as_made() {
    let variants: Vec<(&str, Case)> = vec![
        ("plain", bone(|a| a.spinal_cord_compression = Some(true))),
        (
            "known cancer",
            bone(|a| {
                a.spinal_cord_compression = Some(true);
                a.known_cancer = Some(true)
            }),
        ),
        (
            "lymphoma",
            bone(|a| {
                a.spinal_cord_compression = Some(true);
                a.lymphoma_suspected = Some(true)
            }),
        ),
        (
            "organ-specific",
            bone(|a| {
                a.spinal_cord_compression = Some(true);
                a.organ_specific_suspected = Some(true)
            }),
        ),
        (
            "pending histology question",
            bone(|a| {
                a.spinal_cord_compression = Some(true);
                a.histology = Some(Histology::SmallCellAnaplasticCarcinoma)
            }),
        ),
        (
            "later stage",
            bone(|a| {
                a.spinal_cord_compression = Some(true);
                a.histology = Some(Histology::Other);
                a.primary_found = Some(false)
            }),
        ),
        (
            "every answer open",
            raw_case(|a| {
                a.finding_site = Some(FindingSite::Bone);
                a.spinal_cord_compression = Some(true)
            }),
        ),
    ];
    for (name, mut c) in variants {
        let p = plan(&c);
        assert_eq!(p.urgent.len(), 1, "{name}");
        assert!(p.urgent_pending(), "{name}");
        assert_eq!(p.urgent[0].statement.section.as_str(), "§2.2.4");
        assert!(p.urgent[0].statement.text.da.contains("henvises akut efter lokale retningslinjer"));
        // An ended pathway does not hide it either.
        c.events.ended = Some(Ending { date: d("2026-11-20"), reason: EndReason::PatientWish });
        assert!(plan(&c).urgent_pending(), "{name}, ended");
        // Recorded as made: no longer pending, still on record.
        c.events.acute_referral_made = Some(d("2026-11-21"));
        let p = plan(&c);
        assert!(!p.urgent_pending(), "{name}, made");
        assert_eq!(p.urgent[0].made_on, Some(d("2026-11-21")));
    }
}

#[test]
fn s2_2_4_a_stored_yes_is_not_dropped_when_the_finding_site_changes() {
    let mut c = bone(|a| a.spinal_cord_compression = Some(true));
    c.answers.finding_site = Some(FindingSite::Liver);
    let p = plan(&c);
    assert!(p.urgent_pending());
    assert!(p.urgent[0].note.as_ref().is_some_and(|n| n.text.da.contains("ikke (længere) angivet som knogler")));
    assert!(asked(&c).contains(&Q::SpinalCordCompression), "the answer can still be seen and changed");
}

#[test]
fn s2_2_4_the_acute_referral_is_not_an_onward_referral_and_prompts_no_ending_code() {
    let mut c = bone(|a| a.spinal_cord_compression = Some(true));
    c.events.referral_received = Some(d("2026-11-20"));
    let p = plan(&c);
    assert_eq!(p.route.destination, this(Department::Medical));
    assert_eq!(code(&p, Code::Afd01X1), CodeStatus::AvailableAnyTime);
    assert_eq!(code(&p, Code::Afd01X2), CodeStatus::AvailableAnyTime);
    assert_eq!(code(&p, Code::Afd01B), CodeStatus::Next);
    assert!(silence_sections(&c).contains(&"§2.2.4"), "the text does not say the pathway continues");
}

// 2. Absolute rules stay visible; conflicts are shown, not ranked by invention.

#[test]
fn s2_2_1_lymphoma_always_shows_the_haematological_referral_also_with_a_known_cancer() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeRetroperitoneal);
        a.sex = Some(Sex::Male);
        a.known_cancer = Some(true);
        a.lymphoma_suspected = Some(true);
    });
    let p = plan(&c);
    assert_eq!(p.route.destination, other(Pathway::Haematological));
    assert!(superseded(&p).contains(&RuleId::KnownCancer), "the known cancer is still shown, as outranked");
    assert!(p.route.reasons.iter().any(|r| r.text.da.contains("altid")));
}

#[test]
fn s2_2_4_s3_1_2_the_texts_absolute_sentences_are_standing_rules() {
    let p = plan(&bone(|a| a.spinal_cord_compression = Some(false)));
    assert!(p
        .standing
        .iter()
        .any(|s| s.section.as_str() == "§2.2.4" && s.text.da.contains("under alle omstændigheder")));
    // Liver without apparent extrahepatic manifestations (or not yet known): MDT before biopsy.
    for extrahepatic in [None, Some(false)] {
        let p = plan(&case(|a| {
            a.finding_site = Some(FindingSite::Liver);
            a.sex = Some(Sex::Male);
            a.liver.extrahepatic = extrahepatic;
        }));
        assert!(p
            .standing
            .iter()
            .any(|s| s.section.as_str() == "§3.1.2" && s.text.da.contains("skal forud for beslutning om biopsi")));
    }
    let p = plan(&case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.sex = Some(Sex::Male);
        a.liver.extrahepatic = Some(true);
    }));
    assert!(!p.standing.iter().any(|s| s.section.as_str() == "§3.1.2"));
    // Not alarms: neither is an urgent action.
    assert!(p.urgent.is_empty());
}

#[test]
fn s3_1_6_axillary_adenocarcinoma_beside_serous_carcinomatosis_is_a_conflict_the_text_does_not_rank() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeAxilla);
        a.sex = Some(Sex::Female);
        a.histology = Some(Histology::Adenocarcinoma);
        a.serous_peritoneal_carcinomatosis = Some(true);
    });
    let p = plan(&c);
    assert_eq!(p.route.destination, Destination::Conflict);
    assert_eq!(options(&p), vec![other(Pathway::Breast), other(Pathway::Ovarian)]);
    assert!(p.route.silences.iter().any(|s| s.text.da.contains("rangordner dem ikke")));
    assert!(!p.route.provisional);
}

#[test]
fn s3_1_2_s3_1_8_a_young_man_with_a_solitary_liver_lesion_and_raised_afp_shows_both() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.sex = Some(Sex::Male);
        a.age_years = Some(30);
        a.liver.solitary = Some(true);
        a.liver.afp = Some(AfpLevel::RaisedOrRising);
        a.histology = Some(Histology::PoorlyDifferentiatedCarcinoma);
        a.hcg_or_afp_raised = Some(true);
        a.midline_tumour = Some(false);
    });
    let p = plan(&c);
    assert_eq!(p.route.destination, Destination::Conflict);
    let o = options(&p);
    assert!(o.contains(&other(Pathway::PrimaryLiver)) && o.contains(&other(Pathway::Testicular)), "{o:?}");
    assert!(reason_sections(&c).contains(&"§3.1.2") && reason_sections(&c).contains(&"§3.1.8"));
}

#[test]
fn s2_2_1_lymphoma_beside_a_carcinoma_histology_is_a_contradiction_and_keeps_the_referral_visible() {
    for h in [
        Histology::Adenocarcinoma,
        Histology::SquamousCellCarcinoma,
        Histology::PoorlyDifferentiatedCarcinoma,
        Histology::SmallCellAnaplasticCarcinoma,
    ] {
        let c = case(|a| {
            a.finding_site = Some(FindingSite::LymphNodeGroin);
            a.sex = Some(Sex::Male);
            a.age_years = Some(70);
            a.hcg_or_afp_raised = Some(false);
            a.lymphoma_suspected = Some(true);
            a.histology = Some(h);
        });
        let p = plan(&c);
        assert_eq!(p.route.destination, Destination::Conflict, "{h:?}");
        assert!(options(&p).contains(&other(Pathway::Haematological)), "{h:?}");
        assert!(p.route.silences.iter().any(|s| s.text.da.starts_with("Modstrid")), "{h:?}");
        assert!(p.standing.iter().chain(&p.route.reasons).any(|s| s.text.da.contains("altid")), "{h:?}");
    }
    // Not a carcinoma: no contradiction.
    let p = plan(&case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeGroin);
        a.sex = Some(Sex::Male);
        a.lymphoma_suspected = Some(true);
        a.histology = Some(Histology::Other);
    }));
    assert_eq!(p.route.destination, other(Pathway::Haematological));
}

#[test]
fn s3_1_8_the_testicular_referral_is_always_shown_when_2_of_3_hold() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeRetroperitoneal);
        a.sex = Some(Sex::Male);
        a.age_years = Some(30);
        a.histology = Some(Histology::PoorlyDifferentiatedCarcinoma);
        a.known_cancer = Some(true);
        a.organ_specific_suspected = Some(true);
        a.organ_specific_suspicion = Some("prostata".into());
    });
    let p = plan(&c);
    assert!(options(&p).contains(&other(Pathway::Testicular)), "{:?}", p.route.destination);
    assert!(RuleId::PoorlyDifferentiatedMan.rule().absolute);
}

// 3. Later evidence outranks an earlier suspicion only where a later rule covers the same finding.

fn woman_axilla(h: Histology) -> Case {
    case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeAxilla);
        a.sex = Some(Sex::Female);
        a.histology = Some(h);
        a.cervical_cancer_suspected = Some(false);
        a.serous_peritoneal_carcinomatosis = Some(false);
    })
}

#[test]
fn s3_1_9_s3_1_10_a_known_histology_outranks_the_axillary_site_suspicion() {
    let p = plan(&woman_axilla(Histology::SmallCellAnaplasticCarcinoma));
    assert_eq!(p.route.destination, Destination::Oncology);
    assert!(superseded(&p).contains(&RuleId::NodeAxillaWoman));
    let p = plan(&woman_axilla(Histology::NeuroendocrineTumour));
    assert_eq!(p.route.destination, Destination::SpecialtyPlanDepartment);
    assert!(superseded(&p).contains(&RuleId::NodeAxillaWoman));
    // A neck node likewise.
    let p = plan(&case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeNeck);
        a.sex = Some(Sex::Male);
        a.histology = Some(Histology::NeuroendocrineTumour);
    }));
    assert_eq!(p.route.destination, Destination::SpecialtyPlanDepartment);
}

#[test]
fn s2_2_1_s3_1_6_squamous_cell_carcinoma_in_a_womans_axilla_keeps_the_breast_route_with_the_disputed_reading() {
    // Issue 22.9: at referral §2.2.1 depends on the site alone.
    let p = plan(&woman_axilla(Histology::SquamousCellCarcinoma));
    assert_eq!(p.route.destination, other(Pathway::Breast));
    let note = p.route.silences.iter().find(|s| s.section.as_str() == "§3.1.6").expect("the disputed reading is shown");
    assert!(note.text.da.contains("adenokarcinom") && note.text.da.contains("Værktøjets læsning"));
    assert!(p.route.superseded.iter().all(|s| s.rule != RuleId::NodeAxillaWoman));
}

#[test]
fn s3_1_6_other_carcinomas_in_a_womans_axilla_keep_the_breast_pathway_of_s2_2_1() {
    for h in [Histology::PoorlyDifferentiatedCarcinoma, Histology::Other, Histology::Adenocarcinoma] {
        assert_eq!(dest(&woman_axilla(h)), other(Pathway::Breast), "{h:?}");
    }
}

#[test]
fn s1_2_an_organ_specific_suspicion_or_an_identified_primary_outranks_the_routes_of_unknown_origin() {
    let mut c = woman_axilla(Histology::SmallCellAnaplasticCarcinoma);
    c.answers.finding_site = Some(FindingSite::LymphNodeGroin);
    c.answers.organ_specific_suspected = Some(true);
    assert_eq!(dest(&c), other(Pathway::OrganSpecific(String::new())));
    assert!(superseded(&plan(&c)).contains(&RuleId::SmallCellUnknownOrigin));
    c.answers.organ_specific_suspected = Some(false);
    c.answers.primary_found = Some(true);
    assert_eq!(dest(&c), other(Pathway::OrganSpecific(String::new())));
}

#[test]
fn s3_3_no_primary_found_before_the_first_attendance_never_outranks_an_entry_route_to_another_pathway() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeNeck);
        a.sex = Some(Sex::Male);
        a.histology = Some(Histology::SquamousCellCarcinoma);
        a.primary_found = Some(false);
    });
    c.events.referral_received = Some(d("2026-11-10"));
    assert_eq!(dest(&c), other(Pathway::HeadAndNeck));
    assert!(
        superseded(&plan(&c)).contains(&RuleId::NoPrimaryIdentified)
            || !plan(&c).route.rules.contains(&RuleId::NoPrimaryIdentified)
    );
}

#[test]
fn s3_1_5_a_histology_can_be_recorded_at_entry_and_decides_there() {
    let mut c = woman_axilla(Histology::NeuroendocrineTumour);
    c.answers.referral_kind = Some(ReferralKind::ClinicalJudgement);
    assert!(asked(&c).contains(&Q::Histology));
    let p = plan(&c);
    assert_eq!(p.route.decided_at, Stage::Entry);
    assert!(p.route.never_enters(), "a referral with a biopsy answer that sends elsewhere never enters");
    assert_eq!(code(&p, Code::Afd01A), CodeStatus::NotApplicable, "§7.1: a neuroendocrine histology: AFD01A not given");
    // Where the entry keeps the patient here, the histology is this pathway's work-up, dates or not.
    let mut stays = woman_axilla(Histology::NeuroendocrineTumour);
    stays.answers.finding_site = Some(FindingSite::LymphNodeGroin);
    let p = plan(&stays);
    assert_eq!((p.route.decided_at, p.route.never_enters()), (Stage::Histology, false));
    // No code for a pathway without AFD01A (issue 22.4); once it is dated, AFD01X1.
    assert_eq!(code(&p, Code::Afd01X1), CodeStatus::AvailableAnyTime);
    stays.events.referral_received = Some(d("2026-11-02"));
    assert_eq!(code(&plan(&stays), Code::Afd01X1), CodeStatus::Next);
    // A referral without one: histology is asked, never holds the entry decision.
    let c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeAxilla);
        a.sex = Some(Sex::Female);
    });
    let p = plan(&c);
    assert!(!p.route.provisional);
    assert!(p.questions.iter().any(|q| q.question.id == Q::Histology && !q.open));
}

// 4. Codes follow the events (§3.5, §4.7, ch. 7).

#[test]
fn s3_5_referred_on_after_afd01a_before_first_attendance_prompts_afd01x1_never_afd01b() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-20"));
    c.answers.lymphoma_suspected = Some(true);
    let p = plan(&c);
    assert_eq!(code(&p, Code::Afd01X1), CodeStatus::Next);
    assert_eq!(code(&p, Code::Afd01B), CodeStatus::NotApplicable);
}

#[test]
fn s7_4_leaving_after_afd01c_before_the_first_attendance_at_oncology_never_prompts_afd01d() {
    let mut c = in_pathway();
    c.answers.histology = Some(Histology::Other);
    c.events.referral_received = Some(d("2026-11-01"));
    c.events.first_attendance = Some(d("2026-11-05"));
    c.events.referred_to_secondary = Some(d("2026-11-15"));
    assert_eq!(code(&plan(&c), Code::Afd01D), CodeStatus::Next);
    c.answers.primary_found_in_secondary = Some(true);
    let p = plan(&c);
    assert_eq!(code(&p, Code::Afd01D), CodeStatus::NotApplicable);
    assert_eq!(code(&p, Code::Afd01X1), CodeStatus::Next);
}

#[test]
fn s7_5_a_patients_wish_to_stop_prompts_afd01x2() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-01"));
    c.events.ended = Some(Ending { date: d("2026-11-03"), reason: EndReason::PatientWish });
    let p = plan(&c);
    assert_eq!(code(&p, Code::Afd01X2), CodeStatus::Registered { date: d("2026-11-03") });
    assert_eq!(code(&p, Code::Afd01X1), CodeStatus::NotApplicable);
    assert_eq!(code(&p, Code::Afd01B), CodeStatus::NotApplicable);
}

#[test]
fn s7_5_the_reason_shown_with_afd01x1_is_true_to_what_happened() {
    let mut c = in_pathway();
    c.events.referral_received = Some(d("2026-11-01"));
    c.answers.known_cancer = Some(true);
    let p = plan(&c);
    let x1 = p.codes.iter().find(|e| e.info.code == Code::Afd01X1).unwrap();
    assert_eq!(x1.status, CodeStatus::Next);
    let why = x1.why_next.as_ref().unwrap();
    assert!(
        why.text.da.contains("kendt kræftsygdom")
            && !why.text.da.starts_with("Klinisk beslutning: en begrundet mistanke")
    );
    c.answers.known_cancer = Some(false);
    c.answers.lymphoma_suspected = Some(true);
    let p = plan(&c);
    let x1 = p.codes.iter().find(|e| e.info.code == Code::Afd01X1).unwrap();
    assert!(x1.why_next.as_ref().unwrap().text.da.contains("viderehenvisning til et organspecifikt pakkeforløb"));
    // The text's list is what the decision "kan omhandle": another clinical decision is a choice.
    assert!(EndReason::ALL.contains(&EndReason::OtherClinicalDecision));
}

// 5. Brain (§3.1.4).

#[test]
fn s3_1_4_one_operable_tumour_without_symptoms_fits_no_principle_and_the_imaging_still_applies() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Brain);
        a.sex = Some(Sex::Male);
        a.in_neurology_department = Some(true);
        a.brain.tumour_count = Some(TumourCount::One);
        a.brain.symptomatic = Some(false);
        a.brain.operable = Some(true);
        a.brain.clinical_operation = Some(false);
    });
    let p = plan(&c);
    assert_eq!(p.brain_principle, None);
    assert!(p.brain_principle_silence.as_ref().is_some_and(|s| s.section.as_str() == "§3.1.4"));
    let ids = items(&c);
    assert!(ids.contains(&"s3_1_4_chest_xray") && ids.contains(&"s3_1_4_ct_thorax_abdomen"));
}

#[test]
fn s3_1_4_more_than_three_symptomatic_tumours_is_principle_2_with_its_note() {
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Brain);
        a.sex = Some(Sex::Male);
        a.brain.tumour_count = Some(TumourCount::MoreThanThree);
        a.brain.symptomatic = Some(true);
        a.brain.operable = Some(true);
    });
    let p = plan(&c);
    assert_eq!(p.brain_principle, Some(pathway::criteria::BrainPrinciple::ConsiderRemovingLargest));
    assert!(p.brain_principle_silence.is_none());
    assert!(items(&c).contains(&"s3_1_4_principle_2_preference"));
}

// 6. After the pathway has ended.

#[test]
fn s7_5_after_the_end_nothing_is_open_and_what_is_still_owed_stays_visible() {
    let mut c = raw_case(|a| {
        a.finding_site = Some(FindingSite::Bone);
        a.spinal_cord_compression = Some(true);
    });
    c.events.referral_received = Some(d("2026-11-01"));
    c.events.ended = Some(Ending { date: d("2026-11-04"), reason: EndReason::SuspicionDisproved });
    let p = plan(&c);
    assert!(p.questions.iter().all(|q| !q.open));
    assert!(!p.route.provisional && p.route.questions.is_empty());
    assert!(matches!(p.route.destination, Destination::Ended { .. }));
    assert!(p.urgent_pending());
    assert_eq!(p.unregistered_codes(), vec![Code::Afd01A, Code::Afd01X1]);
    c.registered_codes.insert(Code::Afd01A);
    assert_eq!(plan(&c).unregistered_codes(), vec![Code::Afd01X1]);
}

// 7. The text's modality.

#[test]
fn s1_5_s3_1_5_the_texts_modality_not_a_stronger_one() {
    let all = |id: &str| CHECKLIST.iter().find(|i| i.id == id).unwrap();
    assert!(all("s1_5_responsible_specialist").text.da.contains("bør mødes regelmæssigt"));
    let ihc = all("s3_1_5_immunohistochemistry");
    assert!(ihc.text.da.contains("kan inkludere en meget omfattende immunhistokemisk undersøgelse"));
    assert!(!ihc.kind.tickable());
    for slip in pathway::section::TEXT_SLIPS {
        assert!(
            slip.read_as.da.contains("synes"),
            "shown as the model's reading, not a correction: {}",
            slip.read_as.da
        );
    }
}

// 8. The precedence is a table a clinician can audit.

#[test]
fn precedence_table_lists_every_rule_in_order_and_docs_show_it() {
    for (i, r) in RULES.iter().enumerate() {
        assert_eq!(r.id as usize, i, "RULES is in the enum's order");
        assert!(pathway::section::SECTIONS.contains(&r.section), "{:?}", r.id);
        assert!(!r.words.is_empty());
    }
    // Absolute rules are outranked by nothing but a recorded end (or no finding at all, §2.1).
    for r in RULES.iter().filter(|r| r.absolute) {
        for o in RULES.iter().filter(|o| !matches!(o.id, RuleId::Ended | RuleId::UnspecificSymptoms)) {
            assert!(!o.outranks.contains(&r.id), "{:?} outranks the absolute {:?}", o.id, r.id);
        }
    }
    assert_eq!(RuleId::ALL.len(), RULES.len());
    assert!(RuleId::ALL.iter().enumerate().all(|(i, r)| *r as usize == i));
    // The table is what docs/precedence.md shows.
    let table = precedence_markdown();
    // The code's table, to paste between the markers when a rule changes.
    let out = concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/precedence-table.md");
    let _ = std::fs::write(out, &table);
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/precedence.md")).unwrap();
    let start = doc.find("<!-- table:start -->\n").unwrap() + "<!-- table:start -->\n".len();
    let end = doc.find("<!-- table:end -->").unwrap();
    assert!(
        doc[start..end] == table,
        "docs/precedence.md differs from the code's table: paste target/precedence-table.md between the markers"
    );
    for r in RULES {
        assert!(doc.contains(&format!("| `{}`", r.id.key())), "{:?} missing from the doc", r.id);
    }
}

#[test]
fn precedence_every_rule_in_the_code_is_in_the_table() {
    // The route names only rules of the table: run the rules over every site,
    // sex and histology with every red flag and see which rule ids appear.
    let mut seen = std::collections::BTreeSet::new();
    for site in FindingSite::ALL {
        for sex in [Sex::Female, Sex::Male] {
            for h in [None].into_iter().chain(Histology::ALL.map(Some)) {
                for flag in [false, true] {
                    let mut c = raw_case(|a| {
                        a.finding_site = Some(site);
                        a.sex = Some(sex);
                        a.age_years = Some(30);
                        a.histology = h;
                        a.known_cancer = Some(flag);
                        a.organ_specific_suspected = Some(flag);
                        a.lymphoma_suspected = Some(flag);
                        a.colorectal_suspected = Some(flag);
                        a.serous_peritoneal_carcinomatosis = Some(flag);
                        a.cervical_cancer_suspected = Some(flag);
                        a.hcg_or_afp_raised = Some(true);
                        a.in_neurology_department = Some(flag);
                        a.liver.involved = Some(true);
                        a.liver.solitary = Some(true);
                        a.liver.afp = Some(AfpLevel::RaisedOrRising);
                        a.primary_found = Some(flag);
                        a.primary_found_in_secondary = Some(true);
                    });
                    for (attended, ended) in [(false, false), (true, false), (false, true)] {
                        c.events.first_attendance = attended.then(|| d("2026-10-20"));
                        if ended {
                            c.events.ended = Some(Ending { date: d("2026-11-01"), reason: EndReason::PatientWish });
                        }
                        let p = plan(&c);
                        seen.extend(p.route.rules.iter().copied());
                        seen.extend(p.route.superseded.iter().map(|s| s.rule));
                    }
                }
            }
        }
    }
    let table: std::collections::BTreeSet<RuleId> = RULES.iter().map(|r| r.id).collect();
    assert_eq!(seen, table, "every rule of the table fires somewhere, and nothing outside it");
}

// 10. Provisional, not blank.

#[test]
fn provisional_a_bone_finding_with_open_red_flags_points_to_this_pathway_and_says_what_is_open() {
    let mut c = raw_case(|a| {
        a.finding_site = Some(FindingSite::Bone);
        a.sex = Some(Sex::Male);
    });
    c.events.referral_received = Some(d("2026-11-20"));
    let p = plan(&c);
    assert_eq!(p.route.destination, this(Department::Medical));
    assert!(p.route.provisional);
    for q in [Q::SpinalCordCompression, Q::KnownCancer, Q::OrganSpecificSuspected, Q::LymphomaSuspected] {
        assert!(p.route.questions.contains(&q), "{q:?}");
    }
    // Provisional holds back neither AFD01B nor the running standard.
    assert_eq!(code(&p, Code::Afd01B), CodeStatus::Next);
    assert_eq!(code(&p, Code::Afd01X1), CodeStatus::AvailableAnyTime);
    assert!(p.next_deadline().is_some());
}

#[test]
fn provisional_an_answer_that_a_decided_rule_outranks_holds_nothing() {
    // Lymphoma decided: whether a known cancer is present cannot change it.
    let c = raw_case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeGroin);
        a.sex = Some(Sex::Male);
        a.lymphoma_suspected = Some(true);
        a.organ_specific_suspected = Some(false);
    });
    let p = plan(&c);
    assert_eq!(p.route.destination, other(Pathway::Haematological));
    assert!(!p.route.questions.contains(&Q::KnownCancer));
    assert!(!p.route.provisional);
}

#[test]
fn precedence_a_rule_outranked_by_the_table_never_outranks_by_a_principle() {
    // §2.2.1's breast route (a woman's axilla) outranks §3.3 by the table;
    // the lymphoma "altid" outranks the breast route, and a carcinoma beside
    // it is a contradiction: both ways shown. §3.3 must never push the breast
    // route aside by a principle (model v5: a squamous cell carcinoma keeps it).
    let c = raw_case(|a| {
        a.sex = Some(Sex::Female);
        a.finding_site = Some(FindingSite::LymphNodeAxilla);
        a.lymphoma_suspected = Some(true);
        a.histology = Some(Histology::SquamousCellCarcinoma);
        a.primary_found = Some(false);
    });
    let p = plan(&c);
    assert_eq!(p.route.destination, Destination::Conflict);
    assert_eq!(options(&p), vec![other(Pathway::Haematological), other(Pathway::Breast)]);
    assert!(p.route.options.iter().all(|o| !o.reasons.is_empty()));
}

#[test]
fn provisional_says_what_each_open_answer_could_lead_to() {
    // Small-cell carcinoma in a woman's axilla, cervical suspicion open: the
    // breast pathway is where the answers so far point; §3.1.9 could change it.
    let mut c = woman_axilla(Histology::SmallCellAnaplasticCarcinoma);
    c.answers.cervical_cancer_suspected = None;
    let p = plan(&c);
    assert!(p.route.provisional);
    assert_eq!(p.route.destination, other(Pathway::Breast));
    let (q, rules) = &p.route.waiting[0];
    assert_eq!(*q, Q::CervicalCancerSuspected);
    assert_eq!(rules, &vec![RuleId::SmallCellCervicalSuspicion, RuleId::SmallCellUnknownOrigin]);
    // The open spinal cord compression question waits for no rule: it could add the urgent action.
    let p = plan(&raw_case(|a| a.finding_site = Some(FindingSite::Bone)));
    assert_eq!(p.route.waiting.first(), Some(&(Q::SpinalCordCompression, vec![])));
}
