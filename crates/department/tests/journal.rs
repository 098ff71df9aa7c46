//! *Kopiér journalnotat* (issue 26.1): the record text at every milestone
//! and for every destination, true to what is recorded.
#![cfg(not(target_arch = "wasm32"))]
// The model's test helpers and case generators, by path (one copy of each).
#[path = "../../pathway/tests/model/common.rs"]
#[allow(dead_code)]
mod common;
#[path = "../../pathway/tests/model/gen.rs"]
#[allow(dead_code)]
mod gen;

use chrono::NaiveDate;
use common::*;
use department::journal::{journal, journal_text};
use department::lang::Lang;
use gen::{cases, date};
use pathway::section::Section;
use proptest::prelude::*;

fn text_on(c: &Case, today: NaiveDate, l: Lang) -> String {
    journal_text("  Hr. lever 3 ", c, &evaluate(c, today), l)
}

fn text(c: &Case) -> String {
    text_on(c, today(), Lang::Da)
}

/// A man with several liver lesions, referred on 23.11.2026.
fn referred() -> Case {
    let mut c = in_pathway();
    c.answers.referral_kind = Some(ReferralKind::PathwayReferral);
    c.events.referral_received = Some(d("2026-11-23"));
    c
}

fn attended() -> Case {
    let mut c = referred();
    c.events.first_attendance = Some(d("2026-11-24"));
    c
}

fn to_oncology() -> Case {
    let mut c = attended();
    c.answers.primary_found = Some(false);
    c.events.referred_to_secondary = Some(d("2026-11-25"));
    c
}

#[track_caller]
fn has(t: &str, want: &str) {
    assert!(t.contains(want), "missing «{want}» in\n{t}");
}

#[track_caller]
fn lacks(t: &str, unwanted: &str) {
    assert!(!t.contains(unwanted), "unexpected «{unwanted}» in\n{t}");
}

#[test]
fn the_head_names_the_text_its_edition_the_date_and_the_patient_only_by_label() {
    let t = text(&Case::default());
    let mut lines = t.lines();
    assert_eq!(lines.next(), Some("Journalnotat – Pakkeforløb for metastaser uden organspecifik kræfttype"));
    assert_eq!(lines.next(), Some("Patient: Hr. lever 3"));
    assert_eq!(lines.next(), Some("Dato: 25.11.2026"));
    has(&t, "Sundhedsstyrelsen, Pakkeforløb for metastaser uden organspecifik kræfttype. Revideret udgave efter Kræftplan III");
    assert_eq!(t.matches("Hr. lever 3").count(), 1);
}

#[test]
fn a_new_case_is_not_decided_and_has_no_dates_or_deadline() {
    let t = text(&Case::default());
    has(&t, "Patienten hører til: Endnu ikke afgjort — besvar de åbne spørgsmål");
    has(&t, "Foreløbig: afventer svar på: Hvor sidder det første fund");
    lacks(&t, "Datoer og koder");
    lacks(&t, "Næste frist");
    lacks(&t, "registreret");
}

#[test]
fn referral_received_is_dated_with_afd01a_and_the_first_attendance_is_due_on_day_7() {
    let t = text(&referred());
    has(&t, "\nFase: Indgang\n");
    has(&t, "\nHenvisning modtaget 23.11.2026 (AFD01A), endnu ikke markeret som registreret (§2.7, §7.1).");
    has(&t, "Patienten hører til: Dette pakkeforløb: medicinsk afdeling (§2.2.2).");
    has(&t, "Næste kode: AFD01B");
    has(
        &t,
        "\nNæste frist\nFørste fremmøde på udredende afdeling senest søndag 29.11.2026, 4 dage tilbage (§2.8, kap. 6).",
    );
    lacks(&t, "(foreløbig)");
}

#[test]
fn a_code_marked_registered_says_so() {
    let mut c = referred();
    c.registered_codes.insert(Code::Afd01A);
    has(&text(&c), "Henvisning modtaget 23.11.2026 (AFD01A), registreret (§2.7, §7.1).");
}

#[test]
fn afd01a_by_the_clinicians_judgement_is_not_called_a_referral() {
    let mut c = referred();
    c.answers.referral_kind = Some(ReferralKind::ClinicalJudgement);
    let t = text(&c);
    has(&t, "Klinisk vurderet som svarende til målgruppen 23.11.2026 (AFD01A)");
    lacks(&t, "Henvisning modtaget 23.11.2026");
}

#[test]
fn first_attendance_dates_afd01b_says_the_standard_met_and_the_work_up_deadline() {
    let t = text(&attended());
    has(&t, "\nFase: Primær udredning\n");
    has(&t, "Første fremmøde til primær udredning 24.11.2026 (AFD01B)");
    has(&t, "Henvisning modtaget → Første fremmøde på udredende afdeling: 1 dag af 6 kalenderdage, overholdt (§2.8, kap. 6).");
    has(&t, "Afslutning på primær udredning senest tirsdag 08.12.2026, 13 dage tilbage (§3.6, kap. 6).");
}

#[test]
fn a_provisional_destination_is_written_foreloebig_with_its_open_questions() {
    // A liver finding while §3.1.2 can still hold: solitary? not yet known.
    let c = case(|a| {
        a.finding_site = Some(FindingSite::Liver);
        a.sex = Some(Sex::Male);
    });
    let p = plan(&c);
    assert!(p.route.provisional);
    let t = text(&c);
    has(&t, "Patienten hører til (foreløbig): ");
    has(&t, "Foreløbig: afventer svar på: Er processen i leveren solitær? (§3.1.2)");
    // Each open question is said once: under the provisional destination, not again as "Ubesvaret".
    lacks(&t, "Ubesvaret: Er processen i leveren solitær?");
}

#[test]
fn at_the_decision_to_oncology_afd01c_is_dated_from_the_decision_and_the_text_serves_as_the_referral() {
    let t = text(&to_oncology());
    has(&t, "\nFase: Sekundær udredning\n");
    has(&t, "Patienten hører til: Onkologisk afdeling under henvisningsdiagnosen »ukendt primær tumor« (§3.3).");
    has(&t, "Begrundelse: Primær tumor er ikke identificeret efter udredningsprogrammet");
    has(&t, "Henvist til sekundær udredning på onkologisk afdeling 25.11.2026 (AFD01C)");
    has(
        &t,
        "Første fremmøde på udredende afdeling → Afslutning på primær udredning: 1 dag af 14 kalenderdage, overholdt",
    );
    // AFD01D is oncology's for a stamafdeling: theirs, never this department's duty.
    has(&t, "Næste kode: AFD01D Metastaser uden organspecifik kræfttype: sekundær udredning start, første fremmøde, registreres af onkologisk afdeling (§4.7, §7.4).");
    has(&t, "Første fremmøde på onkologisk afdeling senest tirsdag 01.12.2026, 6 dage tilbage (§4.8, kap. 6).");
}

#[test]
fn oncology_first_attendance_dates_afd01d_as_theirs() {
    let mut c = to_oncology();
    c.events.secondary_first_attendance = Some(d("2026-11-30"));
    let t = text_on(&c, d("2026-12-01"), Lang::Da);
    has(
        &t,
        "Første fremmøde på onkologisk afdeling 30.11.2026 (AFD01D), registreres af: onkologisk afdeling (§4.7, §7.4).",
    );
    has(
        &t,
        "Afslutning på primær udredning → Første fremmøde på onkologisk afdeling: 5 dage af 6 kalenderdage, overholdt",
    );
    lacks(&t, "Næste frist");
}

#[test]
fn a_missed_standard_says_not_met() {
    let mut c = referred();
    c.events.first_attendance = Some(d("2026-12-01"));
    let t = text_on(&c, d("2026-12-02"), Lang::Da);
    has(&t, "Henvisning modtaget → Første fremmøde på udredende afdeling: 8 dage af 6 kalenderdage, ikke overholdt");
}

/// Referred on to an organ-specific pathway after the start (AFD01X1, §7.5).
fn referred_on() -> Case {
    let mut c = attended();
    c.answers.organ_specific_suspected = Some(true);
    c.events.ended = Some(Ending { date: d("2026-11-25"), reason: EndReason::OrganSpecificReferral });
    c
}

#[test]
fn an_onward_referral_dates_afd01x1_with_its_reason_and_awaits_the_take_over() {
    let t = text(&referred_on());
    has(&t, "\nFase: Henvist – afventer modtagelse\n");
    has(&t, "Pakkeforløb slut, klinisk beslutning 25.11.2026 (AFD01X1), endnu ikke markeret som registreret. Årsag: Klinisk beslutning: viderehenvisning til et organspecifikt pakkeforløb (AFD01X1) (§3.5, §4.7, §7.5).");
    has(&t, "Afventer, at modtagende afdeling tager over (§2.6).");
    lacks(&t, "Ikke afkrydset:"); // no work-up is open after the end
    let mut c = referred_on();
    c.events.handed_over = Some(d("2026-11-25"));
    let t = text(&c);
    has(&t, "\nFase: Afsluttet\n");
    has(&t, "Modtagende afdeling har taget over 25.11.2026 (§2.6).");
    lacks(&t, "Afventer, at modtagende afdeling");
}

#[test]
fn the_patients_wish_dates_afd01x2() {
    let mut c = attended();
    c.events.ended = Some(Ending { date: d("2026-11-25"), reason: EndReason::PatientWish });
    let t = text(&c);
    has(&t, "\nFase: Afsluttet\n");
    has(&t, "Patienten hører til: Pakkeforløb slut: patientens ønske");
    has(&t, "Pakkeforløb slut, patientens ønske 25.11.2026 (AFD01X2)");
    lacks(&t, "Næste frist");
}

#[test]
fn spinal_cord_compression_comes_first_and_is_not_said_to_be_made_until_recorded() {
    let mut c = case(|a| {
        a.finding_site = Some(FindingSite::Bone);
        a.spinal_cord_compression = Some(true);
    });
    let t = text(&c);
    let akut = t.find("\nAkut\n").expect("an Akut part");
    assert!(akut < t.find("\nVurdering\n").unwrap());
    has(&t, "Akut henvisning endnu ikke registreret som foretaget (§2.2.4).");
    c.events.acute_referral_made = Some(d("2026-11-24"));
    has(&text(&c), "Akut henvisning foretaget: 24.11.2026 (§2.2.4).");
}

#[test]
fn that_the_patient_was_informed_is_written_only_where_the_clinician_ticked_it() {
    let mut c = referred();
    let t = text(&c);
    has(&t, "At bekræfte: Patienten informeres om, at der er fundet en metastasesuspekt proces");
    lacks(&t, "Afkrydset i tjeklisten");
    c.ticks.insert("s2_5_inform_referral".into());
    c.ticked_on.insert("s2_5_inform_referral".into(), d("2026-11-24"));
    let t = text(&c);
    has(&t, "Afkrydset i tjeklisten 24.11.2026: Patienten informeres om, at der er fundet en metastasesuspekt proces");
    lacks(&t, "At bekræfte: Patienten informeres om, at der er fundet");
}

#[test]
fn every_destination_is_named_with_its_sections() {
    let with = |f: fn(&mut Answers)| case(f);
    let cases = [
        Case::default(),
        referred(),
        to_oncology(),
        // Lymphoma: another pathway (§2.2.1).
        with(|a| {
            a.finding_site = Some(FindingSite::LymphNodeNeck);
            a.lymphoma_suspected = Some(true);
        }),
        // A man's axilla: the text is silent (§2.2.1).
        with(|a| {
            a.finding_site = Some(FindingSite::LymphNodeAxilla);
            a.sex = Some(Sex::Male);
        }),
        // A known cancer: outside the target group (§2.4).
        with(|a| {
            a.finding_site = Some(FindingSite::Liver);
            a.known_cancer = Some(true);
        }),
        // Neuroendocrine: the specialty plan (§3.1.10).
        with(|a| {
            a.finding_site = Some(FindingSite::Liver);
            a.sex = Some(Sex::Female);
            a.liver.solitary = Some(false);
            a.histology = Some(Histology::NeuroendocrineTumour);
        }),
        // Axillary adenocarcinoma beside serous carcinomatosis: a conflict (§3.1.6).
        with(|a| {
            a.finding_site = Some(FindingSite::LymphNodeAxilla);
            a.sex = Some(Sex::Female);
            a.histology = Some(Histology::Adenocarcinoma);
            a.serous_peritoneal_carcinomatosis = Some(true);
        }),
        referred_on(),
    ];
    let mut kinds = vec![];
    for c in &cases {
        let p = plan(c);
        let t = text(c);
        let headline = p.route.headline().da;
        has(&t, &headline);
        for r in &p.route.reasons {
            has(&t, &format!("{} ({}", r.text.da.trim_end_matches('.'), r.section));
        }
        for o in &p.route.options {
            for r in &o.reasons {
                has(&t, &format!("{}: {} ({}", o.destination.headline().da, r.text.da.trim_end_matches('.'), r.section));
            }
        }
        kinds.push(std::mem::discriminant(&p.route.destination));
    }
    kinds.dedup();
    assert_eq!(kinds.len(), 9, "each of the nine kinds of destination once");
}

#[test]
fn english_mode_gives_english() {
    let t = text_on(&to_oncology(), today(), Lang::En);
    has(&t, "Record note – Pakkeforløb for metastaser uden organspecifik kræfttype");
    has(&t, "Date: 25.11.2026");
    has(&t, "Referral received 23.11.2026 (AFD01A), not yet marked as registered (§2.7, §7.1).");
    has(&t, "Where the patient belongs: Oncology department under the referral diagnosis »ukendt primær tumor«");
    has(
        &t,
        "First attendance at the oncology department at the latest on Tuesday 01.12.2026, 6 days left (§4.8, ch. 6).",
    );
    for da in ["Henvisning modtaget", "Patienten hører til", "Næste frist", "Åbent", "kap. 6"] {
        lacks(&t, da);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Every statement of the note rests on a section, and on one the plan
    /// itself cites: the note says nothing the plan does not.
    #[test]
    fn every_statement_carries_a_section_present_in_the_plan(c in cases(), today in date()) {
        let p = evaluate(&c, today);
        let r = &p.route;
        let mut cited: Vec<Section> = vec![];
        for s in r.reasons.iter().chain(&r.silences).chain(&p.standing).chain(&p.problems)
            .chain(r.options.iter().flat_map(|o| &o.reasons))
            .chain(p.urgent.iter().map(|u| &u.statement))
            .chain(p.milestones.iter().filter_map(|m| m.recorded_reason.as_ref()))
            .chain(p.codes.iter().filter_map(|c| c.why_next.as_ref()))
        {
            cited.push(s.section);
        }
        cited.extend(p.questions.iter().map(|q| q.question.section));
        cited.extend(p.checklist.iter().map(|i| i.item.section));
        cited.extend(p.milestones.iter().flat_map(|m| m.sections.iter().copied()));
        cited.extend(p.codes.iter().flat_map(|c| c.info.sections.iter().copied()));
        for l in [Lang::Da, Lang::En] {
            let j = journal("P1", &c, &p, l);
            for part in &j.parts {
                prop_assert!(!part.lines.is_empty());
                for line in &part.lines {
                    prop_assert!(!line.sections.is_empty(), "no section: {}", line.text);
                    for s in &line.sections {
                        prop_assert!(cited.contains(s), "{s} not in the plan: {}", line.text);
                    }
                }
            }
        }
    }
}

#[test]
fn the_open_part_lists_what_earlier_steps_left_unticked_and_nothing_of_later_steps() {
    use pathway::checklist::ItemKind;
    use pathway::Stage;
    // At the decision to oncology, the work-up's unticked actions are still open:
    // a note that left them out would read more complete than the course is.
    let c = to_oncology();
    let plan = evaluate(&c, today());
    let t = text(&c);
    let earlier: Vec<_> = plan
        .checklist
        .iter()
        .filter(|i| !i.done && i.item.kind == ItemKind::Action && i.item.phase.stage() < plan.stage)
        .collect();
    assert!(!earlier.is_empty(), "the fixture has earlier steps' open actions");
    for i in earlier {
        has(&t, &format!("Ikke afkrydset: {}", i.item.text.da.trim_end_matches('.')));
    }
    // Ticked, it is no longer open.
    let mut ticked = c.clone();
    let first = plan
        .checklist
        .iter()
        .find(|i| !i.done && i.item.kind == ItemKind::Action && i.item.phase.stage() < plan.stage)
        .unwrap();
    ticked.ticks.insert(first.item.id.into());
    lacks(&text(&ticked), &format!("Ikke afkrydset: {}", first.item.text.da.trim_end_matches('.')));
    // At referral, nothing of the later steps is listed as open.
    let r = referred();
    let plan = evaluate(&r, today());
    let t = text(&r);
    for i in plan.checklist.iter().filter(|i| i.item.kind == ItemKind::Action && i.item.phase.stage() > plan.stage) {
        lacks(&t, &format!("Ikke afkrydset: {}", i.item.text.da.trim_end_matches('.')));
    }
    assert!(plan.stage < Stage::Secondary);
}
