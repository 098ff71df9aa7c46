//! Issue 15, point 5: the checklist in the text's order of work (§3.1–§3.1.4).
use crate::common::*;
use pathway::case::TumourCount;
use pathway::checklist::{item_by_id, Condition, Phase};
use pathway::checklist_order::{programme, GATES, GENERAL, PROGRAMMES, WITHOUT_THEN};
use pathway::plan::PlanItem;

fn site(s: FindingSite, sex: Sex) -> Case {
    case(|a| {
        a.finding_site = Some(s);
        a.sex = Some(sex);
    })
}

fn work_up(c: &Case) -> Vec<PlanItem> {
    plan(c).checklist.into_iter().filter(|i| i.item.phase == Phase::PrimaryWorkup).collect()
}

fn ids(c: &Case) -> Vec<&'static str> {
    work_up(c).iter().map(|i| i.item.id).collect()
}

fn pos(ids: &[&str], id: &str) -> usize {
    ids.iter().position(|i| *i == id).unwrap_or_else(|| panic!("{id} is not shown: {ids:?}"))
}

/// `expected` are shown, in this order (others may stand between them).
fn in_order(c: &Case, expected: &[&str]) {
    let ids = ids(c);
    let at: Vec<usize> = expected.iter().map(|id| pos(&ids, id)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "expected {expected:?} in this order, got {ids:?}");
}

fn item<'a>(c: &'a [PlanItem], id: &str) -> &'a PlanItem {
    c.iter().find(|i| i.item.id == id).unwrap_or_else(|| panic!("{id} not shown"))
}

#[test]
fn s3_1_1_node_history_and_examination_then_the_biopsy_as_described_then_ct() {
    for s in [FindingSite::LymphNodeGroin, FindingSite::LymphNodeRetroperitoneal] {
        let c = site(s, Sex::Male);
        assert_eq!(programme(Some(s)).section.as_str(), "§3.1.1");
        in_order(
            &c,
            &[
                "s3_1_history",
                "s3_1_clinical_exam",
                "s3_1_blood_tests",
                "s3_1_men_psa",
                "s3_1_men_afp",
                "s3_1_men_hcg",
                "s3_1_biopsy_principle",
                "s3_6_pause_anticoagulants",
                "s3_1_1_node_biopsy",
                "s3_1_biopsy",
                "s3_1_biopsy_sufficient_material",
                "s3_1_ct_thorax_upper_abdomen",
            ],
        );
        let w = work_up(&c);
        // The text places the pause before the biopsy and the CT after it: no reading label there.
        for id in ["s3_6_pause_anticoagulants", "s3_1_biopsy", "s3_1_ct_thorax_upper_abdomen"] {
            assert_eq!(item(&w, id).order_reading, None, "{id}");
        }
        // §3.1 lists history, examination and blood tests without an order: the tool's reading, said so.
        let history = item(&w, "s3_1_history").order_reading.expect("a reading");
        assert!(history.da.contains("uden at angive en rækkefølge") && history.en.contains("without stating an order"));
        assert!(item(&w, "s3_1_ct_thorax_upper_abdomen").item.text.da.contains("derefter"));
    }
}

#[test]
fn s3_1_2_liver_afp_first_then_mdt_before_every_biopsy_item_while_extrahepatic_status_is_unknown() {
    let c = site(FindingSite::Liver, Sex::Male);
    assert_eq!(c.answers.liver.extrahepatic, None);
    let shown = ids(&c);
    // α-føtoprotein first of all the work-up steps: it decides §3.1.2.
    let afp = pos(&shown, "s3_1_men_afp");
    for id in ["s3_1_history", "s3_1_clinical_exam", "s3_1_blood_tests", "s3_1_men_psa", "s3_1_men_hcg"] {
        assert!(afp < pos(&shown, id), "AFP before {id}: {shown:?}");
    }
    in_order(
        &c,
        &[
            "s3_1_men_afp",
            "s3_1_ct_thorax_upper_abdomen",
            "s3_1_2_mdt_before_biopsy",
            "s3_1_biopsy_principle",
            "s3_6_pause_anticoagulants",
            "s3_1_biopsy_sufficient_material",
        ],
    );
    assert!(!shown.contains(&"s3_1_2_liver_biopsy") && !shown.contains(&"s3_1_biopsy"));
    // No biopsy is shown: the CT says no "derefter", and its place is the tool's reading.
    let w = work_up(&c);
    let ct = item(&w, "s3_1_ct_thorax_upper_abdomen");
    assert!(!ct.item.text.da.contains("derefter") && !ct.item.text.en.starts_with("Then"), "{}", ct.item.text.da);
    assert!(ct.item.text.da.contains("samtidigt med svar på biopsi"));
    // §3.1.2 as the tool's reading (issue 22.8): the CT before the MDT, because it
    // decides whether the MDT rule applies; a suggested order, never a gate.
    let reading = ct.order_reading.expect("a reading");
    assert!(
        reading.da.contains("før MDT-konferencen") && reading.da.contains("foreslået rækkefølge"),
        "{}",
        reading.da
    );
    assert!(reading.da.contains("En CT, der fandt leverprocessen"));
    assert!(
        reading.da.contains("skrevet for et forløb, hvor biopsien tages først"),
        "says where §3.1's 'samtidigt' comes from"
    );
    assert!(reading.en.contains("suggested order"));
    for id in ["s3_1_men_afp", "s3_1_2_mdt_before_biopsy", "s3_6_pause_anticoagulants"] {
        assert_eq!(item(&w, id).order_reading, None, "{id} is placed by the text's words");
    }
}

#[test]
fn s3_1_2_liver_without_extrahepatic_manifestations_mdt_before_the_biopsy_items() {
    let mut c = site(FindingSite::Liver, Sex::Female);
    c.answers.liver.solitary = Some(true);
    c.answers.liver.extrahepatic = Some(false);
    in_order(
        &c,
        &[
            "s3_1_women_afp_solitary_liver",
            "s3_1_history",
            "s3_1_ct_thorax_upper_abdomen",
            "s3_1_2_mdt_before_biopsy",
            "s3_1_2_weekly_mdt",
            "s3_1_biopsy_principle",
            "s3_6_pause_anticoagulants",
            "s3_1_biopsy_sufficient_material",
        ],
    );
}

#[test]
fn s3_1_2_liver_with_extrahepatic_manifestations_afp_then_pause_then_liver_biopsy_then_ct() {
    let mut c = site(FindingSite::Liver, Sex::Male);
    c.answers.liver.extrahepatic = Some(true);
    in_order(
        &c,
        &[
            "s3_1_men_afp",
            "s3_1_history",
            "s3_1_biopsy_principle",
            "s3_6_pause_anticoagulants",
            "s3_1_2_liver_biopsy",
            "s3_1_biopsy_sufficient_material",
            "s3_1_ct_thorax_upper_abdomen",
        ],
    );
    let w = work_up(&c);
    // Now "derefter" points to the liver biopsy, shown before it: the text's order.
    let ct = item(&w, "s3_1_ct_thorax_upper_abdomen");
    assert!(ct.item.text.da.starts_with("Patienten skal derefter") && ct.order_reading.is_none());
    assert!(!ids(&c).contains(&"s3_1_2_mdt_before_biopsy"));
}

#[test]
fn s3_1_2_raised_afp_and_a_solitary_lesion_shows_no_liver_biopsy_or_mdt_here() {
    let mut c = site(FindingSite::Liver, Sex::Male);
    c.answers.liver.afp = Some(AfpLevel::RaisedOrRising);
    c.answers.liver.solitary = Some(true);
    let shown = ids(&c);
    assert!(!shown.contains(&"s3_1_2_mdt_before_biopsy") && !shown.contains(&"s3_1_2_liver_biopsy"));
}

#[test]
fn s3_1_3_bone_pause_then_the_biopsy_ct_guided_or_surgical_then_ct() {
    let mut c = site(FindingSite::Bone, Sex::Female);
    c.answers.bone.destruction_or_soft_tissue = Some(true);
    in_order(
        &c,
        &[
            "s3_1_history",
            "s3_1_clinical_exam",
            "s3_1_blood_tests",
            "s3_1_biopsy_principle",
            "s3_6_pause_anticoagulants",
            "s3_1_biopsy",
            "s3_1_3_bone_biopsy",
            "s3_1_3_us_or_palpation_guided",
            "s3_1_biopsy_sufficient_material",
            "s3_1_ct_thorax_upper_abdomen",
            "s3_6_comorbidity",
        ],
    );
    assert_eq!(programme(Some(FindingSite::Bone)).section.as_str(), "§3.1.3");
    let w = work_up(&c);
    assert!(item(&w, "s3_1_ct_thorax_upper_abdomen").item.text.da.contains("derefter"));
}

fn brain() -> Case {
    let mut c = site(FindingSite::Brain, Sex::Male);
    c.answers.in_neurology_department = Some(true);
    c
}

#[test]
fn s3_1_4_brain_mr_then_chest_xray_and_ct_then_performance_status_then_the_cerebral_biopsy() {
    let mut c = brain();
    c.answers.brain.tumour_count = Some(TumourCount::TwoOrThree);
    c.answers.brain.operable = Some(false);
    in_order(
        &c,
        &[
            "s3_1_history",
            "s3_1_4_mr_cerebrum",
            "s3_1_4_chest_xray",
            "s3_1_4_ct_thorax_abdomen",
            "s3_1_4_no_whole_body_pet",
            "s3_1_4_performance_status",
            "s3_1_biopsy_principle",
            "s3_6_pause_anticoagulants",
            "s3_1_4_principle_3_none_operable",
        ],
    );
    let w = work_up(&c);
    for id in
        ["s3_1_4_mr_cerebrum", "s3_1_4_chest_xray", "s3_1_4_ct_thorax_abdomen", "s3_1_4_principle_3_none_operable"]
    {
        assert_eq!(item(&w, id).order_reading, None, "{id} is placed by §3.1.4's words");
    }
    // §3.1's CT "derefter" and §3.1.4's CT before the biopsy: the text does not say how they relate.
    let ct = item(&w, "s3_1_ct_thorax_upper_abdomen");
    assert!(!ct.item.text.da.contains("derefter"));
    assert!(ct.order_reading.expect("a reading").da.contains("Teksten siger ikke"));
    let g = GATES.iter().find(|g| g.key == "brain_safer_biopsy_first").unwrap();
    assert!(g.words.contains("idet en biopsi fx fra thorax er mindre risikabel for patienten end en cerebral biopsi"));
}

#[test]
fn s3_1_4_brain_operation_principles_also_come_after_mr_and_the_chest() {
    let mut c = brain();
    c.answers.brain.tumour_count = Some(TumourCount::One);
    c.answers.brain.symptomatic = Some(true);
    c.answers.brain.operable = Some(true);
    in_order(
        &c,
        &[
            "s3_1_4_mr_cerebrum",
            "s3_1_4_chest_xray",
            "s3_1_4_ct_thorax_abdomen",
            "s3_1_4_performance_status",
            "s3_1_4_principle_1_operate",
        ],
    );
    c.answers.brain.tumour_count = Some(TumourCount::MoreThanThree);
    in_order(&c, &["s3_1_4_ct_thorax_abdomen", "s3_1_4_principle_2_largest", "s3_1_4_principle_2_preference"]);
}

#[test]
fn s3_1_other_sites_follow_the_general_programme() {
    for s in [FindingSite::Lung, FindingSite::LymphNodeNeck, FindingSite::Other] {
        assert_eq!(programme(Some(s)).section.as_str(), "§3.1");
    }
    // Every site without a programme of its own whose patient is worked up here.
    let general: Vec<FindingSite> = FindingSite::ALL
        .into_iter()
        .filter(|s| PROGRAMMES.iter().all(|p| !p.sites.contains(s)))
        .filter(|s| !ids(&site(*s, Sex::Male)).is_empty())
        .collect();
    assert!(general.len() >= 3, "{general:?}");
    for s in general {
        in_order(
            &site(s, Sex::Male),
            &["s3_1_history", "s3_6_pause_anticoagulants", "s3_1_biopsy", "s3_1_ct_thorax_upper_abdomen"],
        );
    }
}

#[test]
fn every_programme_keeps_every_gate_that_can_apply_to_it() {
    for p in PROGRAMMES.iter().chain([&GENERAL]) {
        let at = |id: &str| p.places.iter().position(|x| x.id == id);
        for g in GATES {
            // A gate for a site applies to that site's programme only.
            let site_gate = match g.applies {
                Condition::Site(s) => Some(s),
                _ => None,
            };
            if site_gate.is_some_and(|s| !p.sites.contains(&s)) {
                continue;
            }
            for b in g.before {
                for a in g.after {
                    if let (Some(i), Some(j)) = (at(b), at(a)) {
                        assert!(i < j, "{}: {} gates {a} but stands after it ({b})", p.section, g.key);
                    }
                }
            }
        }
    }
}

#[test]
fn every_programme_places_only_work_up_items_once_and_every_gate_names_real_items() {
    for p in PROGRAMMES.iter().chain([&GENERAL]) {
        let mut seen = std::collections::HashSet::new();
        for place in p.places {
            assert!(seen.insert(place.id), "{} twice in {}", place.id, p.section);
            let i = item_by_id(place.id).unwrap_or_else(|| panic!("no item {}", place.id));
            assert_eq!(i.phase, Phase::PrimaryWorkup, "{}", place.id);
            if let Some(r) = place.reading {
                assert!(!r.da.is_empty() && !r.en.is_empty());
                assert!(!r.da.contains("odellen"), "say what the tool shows: {}", r.da);
            }
        }
    }
    for g in GATES {
        for id in g.before.iter().chain(g.after) {
            assert!(item_by_id(id).is_some(), "{}: no item {id}", g.key);
        }
        assert!(g.words.starts_with('»') && g.words.ends_with('«'), "{}: quote the text", g.key);
    }
    for w in WITHOUT_THEN {
        let i = item_by_id(w.id).unwrap();
        assert!(i.text.da.contains("derefter") && !w.text.da.contains("derefter") && !w.text.en.starts_with("Then"));
        assert!(GATES.iter().any(|g| g.key == w.gate && g.after.contains(&w.id)));
    }
}

/// The text with line breaks folded and words broken across lines joined.
fn text() -> String {
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds/000_e89f266599b41170.txt");
    let t = std::fs::read_to_string(p).unwrap();
    t.split_whitespace().collect::<Vec<_>>().join(" ").replace("- ", "")
}

#[test]
fn every_gate_quotes_the_text_verbatim() {
    let text = text();
    for g in GATES {
        let quote = g.words.trim_start_matches('»').trim_end_matches('«').replace("- ", "");
        assert!(text.contains(&quote), "{} is not the text's words: {quote}", g.key);
    }
}

/// Issue 26.4: PSA, asked of men in §3.1 and again of men with
/// adenocarcinoma in §3.1.6, is one item with both sections; a tick under
/// either id counts.
#[test]
fn psa_asked_twice_is_one_item_with_both_sections() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::LymphNodeGroin);
        a.sex = Some(Sex::Male);
        a.histology = Some(pathway::Histology::Adenocarcinoma);
    });
    let psa = |c: &Case| plan(c).checklist.into_iter().filter(|i| i.item.id.contains("psa")).collect::<Vec<_>>();
    let shown = psa(&c);
    assert_eq!(shown.len(), 1, "{:?}", shown.iter().map(|i| i.item.id).collect::<Vec<_>>());
    assert_eq!(shown[0].item.id, "s3_1_men_psa");
    assert_eq!(shown[0].item.section.as_str(), "§3.1");
    assert_eq!(shown[0].also_asked.map(|s| s.as_str()), Some("§3.1.6"));
    assert!(!shown[0].done);
    // Ticked as the §3.1.6 item (before they were one): done, with its date.
    c.set_tick("s3_1_6_men_psa", true, today());
    assert!(psa(&c)[0].done);
    assert_eq!(psa(&c)[0].ticked_on, Some(today()));
    // A woman: neither; a man without adenocarcinoma: §3.1's alone.
    c.answers.histology = None;
    let alone = psa(&c);
    assert_eq!(alone.len(), 1);
    assert_eq!(alone[0].also_asked, None);
    c.answers.sex = Some(Sex::Female);
    assert!(psa(&c).is_empty());
    // Every pair in the table is two items of the checklist.
    for (a, b) in pathway::checklist::ASKED_TWICE {
        assert!(item_by_id(a).is_some() && item_by_id(b).is_some(), "{a}, {b}");
    }
}

/// Issue 26.4: the open items of the current step first; the later steps
/// and the items done folded; a tick made since the page opened stays put.
#[test]
fn the_checklist_shows_the_current_steps_open_items_first_and_folds_later_and_done() {
    let mut c = site(FindingSite::LymphNodeGroin, Sex::Male);
    c.events.referral_received = Some(today());
    // At the referral: the entry's items open, the work-up later.
    let p = plan(&c);
    assert_eq!(p.stage, pathway::stage::Stage::Entry);
    let s = p.checklist_sections(&[]);
    assert_eq!(s.open.iter().map(|g| g.0).collect::<Vec<_>>(), vec![Phase::Entry]);
    assert_eq!(s.later.iter().map(|g| g.0).collect::<Vec<_>>(), vec![Phase::PrimaryWorkup]);
    assert!(s.later[0].1.contains(&"s3_1_history"));
    assert!(s.done.is_empty());

    // At the first attendance: the work-up first, the entry's open items after it.
    c.events.first_attendance = Some(today());
    c.ticks.insert("s3_1_history".into());
    let p = plan(&c);
    let s = p.checklist_sections(&[]);
    assert_eq!(s.open.iter().map(|g| g.0).collect::<Vec<_>>(), vec![Phase::PrimaryWorkup, Phase::Entry]);
    assert!(s.later.is_empty());
    // Ticked since the page opened: in its place, not folded.
    assert!(s.open[0].1.contains(&"s3_1_history") && s.done.is_empty());
    // Done when the page opened: folded among the done.
    let s = p.checklist_sections(&p.done_items());
    assert_eq!(s.done, vec!["s3_1_history"]);
    assert!(!s.open.iter().any(|g| g.1.contains(&"s3_1_history")));
    // Untick it: open again, even though it was settled.
    c.ticks.clear();
    let s = plan(&c).checklist_sections(&["s3_1_history"]);
    assert!(s.done.is_empty() && s.open[0].1.contains(&"s3_1_history"));
    // Every item shown once, whatever the fold.
    let p = plan(&c);
    let s = p.checklist_sections(&[]);
    let mut all: Vec<&str> = s.open.iter().chain(&s.later).flat_map(|g| g.1.iter().copied()).chain(s.done).collect();
    all.sort();
    let mut expected: Vec<&str> = p.checklist.iter().map(|i| i.item.id).collect();
    expected.sort();
    assert_eq!(all, expected);
}
