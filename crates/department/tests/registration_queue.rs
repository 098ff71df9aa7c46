//! The secretary's *Registrering* queue (issue 26.2): every code due for
//! registration by this department, oldest first, another department's
//! listed apart as theirs, by the model's registrar (§7.1–§7.5).
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use department::pathway::case::{Case, EndReason, Ending, FindingSite, ReferralKind, Sex};
use department::pathway::codes::{Code, DepartmentRole, Registrar};
use department::registration_queue::queue;
use department::patients::{rows_as, Worklist};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-12-07";

/// A man with several liver lesions, referred to this pathway.
fn liver(c: &mut Case) {
    let a = &mut c.answers;
    a.finding_site = Some(FindingSite::Liver);
    a.sex = Some(Sex::Male);
    a.liver.solitary = Some(false);
    a.known_cancer = Some(false);
    a.organ_specific_suspected = Some(false);
    a.lymphoma_suspected = Some(false);
    a.colorectal_suspected = Some(false);
    a.referral_kind = Some(ReferralKind::PathwayReferral);
}

fn worklist(patients: &[(&str, &dyn Fn(&mut Case))]) -> Worklist {
    let mut w = Worklist::default();
    for (label, f) in patients {
        let id = w.add(label, d("2026-11-01"), format!("u-{label}")).unwrap();
        let c = &mut w.get_mut(id).unwrap().case;
        liver(c);
        f(c);
    }
    w
}

/// Referred to oncology on 04.12.2026: AFD01A–C dated, AFD01D oncology's.
fn to_oncology(c: &mut Case) {
    c.events.referral_received = Some(d("2026-11-20"));
    c.events.first_attendance = Some(d("2026-11-23"));
    c.answers.primary_found = Some(false);
    c.events.referred_to_secondary = Some(d("2026-12-04"));
}

fn ours(w: &Worklist, role: DepartmentRole) -> Vec<(String, &'static str, String)> {
    queue(w, d(TODAY), role).ours.iter().map(|e| (e.label.clone(), e.code.info().id, e.copy_text())).collect()
}

fn s(label: &str, code: &'static str, copy: &str) -> (String, &'static str, String) {
    (label.to_string(), code, copy.to_string())
}

#[test]
fn every_dated_code_of_every_patient_oldest_first_with_what_kopier_copies() {
    let w = worklist(&[
        ("Lever 2", &|c| c.events.referral_received = Some(d("2026-12-01"))),
        ("Lever 1", &to_oncology),
        ("Ikke henvist", &|_| {}),
    ]);
    assert_eq!(
        ours(&w, DepartmentRole::MedicalStamafdeling),
        vec![
            s("Lever 1", "AFD01A", "AFD01A 20.11.2026"),
            s("Lever 1", "AFD01B", "AFD01B 23.11.2026"),
            s("Lever 2", "AFD01A", "AFD01A 01.12.2026"),
            s("Lever 1", "AFD01C", "AFD01C 04.12.2026"),
        ]
    );
}

#[test]
fn a_code_marked_registered_leaves_the_queue_and_comes_back_when_unmarked() {
    let mut w = worklist(&[("Lever 1", &to_oncology)]);
    w.get_mut(1).unwrap().case.set_registered(Code::Afd01B, true);
    let codes: Vec<_> = ours(&w, DepartmentRole::MedicalStamafdeling).into_iter().map(|e| e.1).collect();
    assert_eq!(codes, ["AFD01A", "AFD01C"]);
    w.get_mut(1).unwrap().case.set_registered(Code::Afd01B, false);
    assert_eq!(ours(&w, DepartmentRole::MedicalStamafdeling).len(), 3);
}

#[test]
fn afd01d_is_oncologys_for_a_stamafdeling_listed_apart_as_theirs_never_as_this_departments() {
    let w = worklist(&[("Lever 1", &|c| {
        to_oncology(c);
        c.events.secondary_first_attendance = Some(d("2026-12-06"));
    })]);
    let q = queue(&w, d(TODAY), DepartmentRole::MedicalStamafdeling);
    assert!(q.ours.iter().all(|e| e.code != Code::Afd01D));
    assert_eq!(q.theirs.len(), 1);
    assert_eq!((q.theirs[0].code, q.theirs[0].registrar), (Code::Afd01D, Registrar::Oncology));
    assert_eq!(q.theirs[0].copy_text(), "AFD01D 06.12.2026");
    // At oncology it is the other way round: AFD01D is this department's,
    // AFD01A–C the referring stamafdeling's.
    let q = queue(&w, d(TODAY), DepartmentRole::Oncology);
    assert_eq!(q.ours.iter().map(|e| e.code).collect::<Vec<_>>(), [Code::Afd01D]);
    assert_eq!(q.theirs.iter().map(|e| e.code).collect::<Vec<_>>(), [Code::Afd01A, Code::Afd01B, Code::Afd01C]);
    assert!(q.theirs.iter().all(|e| e.registrar == Registrar::ReferringDepartment));
}

#[test]
fn afd01b_stays_this_departments_duty_to_see_reported_s7_2() {
    let w = worklist(&[("Lever 1", &to_oncology)]);
    for role in [DepartmentRole::MedicalStamafdeling, DepartmentRole::ParaclinicalStamafdeling] {
        let q = queue(&w, d(TODAY), role);
        let b = q.ours.iter().find(|e| e.code == Code::Afd01B).expect("AFD01B is ours");
        assert_eq!(b.registrar, Registrar::ThisDepartment);
        let note = b.note.as_ref().expect("the duty, with its section");
        assert_eq!(note.section.as_str(), "§7.2");
        assert!(note.text.da.starts_with("Det er stamafdelingens ansvar, at der indberettes til Landspatientregisteret."));
    }
}

#[test]
fn an_ending_after_oncology_took_over_is_theirs_and_before_it_ours_with_the_reading() {
    let w = worklist(&[
        ("Før D", &|c| {
            to_oncology(c);
            c.events.ended = Some(Ending { date: d("2026-12-05"), reason: EndReason::PatientWish });
        }),
        ("Efter D", &|c| {
            to_oncology(c);
            c.events.secondary_first_attendance = Some(d("2026-12-05"));
            c.events.ended = Some(Ending { date: d("2026-12-06"), reason: EndReason::PatientWish });
        }),
    ]);
    let q = queue(&w, d(TODAY), DepartmentRole::MedicalStamafdeling);
    let x2 = |v: &Vec<department::registration_queue::Entry>, label: &str| {
        v.iter().find(|e| e.label == label && e.code == Code::Afd01X2).cloned()
    };
    let before = x2(&q.ours, "Før D").expect("ours between AFD01C and AFD01D");
    assert_eq!(before.note.map(|n| n.section.as_str()), Some("§2.6"), "the tool's reading, said");
    assert!(x2(&q.theirs, "Efter D").is_some());
    assert!(x2(&q.ours, "Efter D").is_none());
}

#[test]
fn archived_patients_codes_are_still_due() {
    let mut w = worklist(&[("Lever 1", &|c| c.events.referral_received = Some(d("2026-12-01")))]);
    w.get_mut(1).unwrap().closed = true;
    let q = queue(&w, d(TODAY), DepartmentRole::MedicalStamafdeling);
    assert_eq!(q.ours.len(), 1);
    assert!(q.ours[0].archived);
}

#[test]
fn the_worklist_count_is_the_queue() {
    let w = worklist(&[
        ("Lever 2", &|c| c.events.referral_received = Some(d("2026-12-01"))),
        ("Lever 1", &to_oncology),
        ("Lever 3", &|c| {
            to_oncology(c);
            c.events.secondary_first_attendance = Some(d("2026-12-06"));
        }),
    ]);
    for role in DepartmentRole::ALL {
        let counted: usize = rows_as(&w, d(TODAY), role).iter().map(|r| r.unregistered.len()).sum();
        assert_eq!(counted, queue(&w, d(TODAY), role).ours.len(), "{role:?}");
    }
}

/// Issue 24.3 (found by a walk-through): a date in clash (two values written
/// apart) is not offered for marking as registered; a clash elsewhere is no
/// reason to hold the code back.
#[test]
fn a_code_whose_date_is_in_clash_is_flagged_and_not_offered_for_marking() {
    use department::merge::{Clock, Writer};
    for (key, flagged) in [("e.referral_received", true), ("n.mdt", false)] {
        let mut w = worklist(&[("Seng 1", &|c: &mut Case| c.events.referral_received = Some(d("2026-11-20")))]);
        let (mut a, mut b) = (Clock::new(Writer(0xa)), Clock::new(Writer(0xb)));
        w.fill_stamps();
        let mut other = w.clone();
        let (mine, theirs) = if key.starts_with("e.") {
            (serde_json::json!("2026-11-20"), serde_json::json!("2026-11-18"))
        } else {
            (serde_json::json!("tirsdag"), serde_json::json!("onsdag"))
        };
        w.write_field(1, key, mine, &mut a, 10);
        other.write_field(1, key, theirs, &mut b, 10);
        w.merge_from(&other);
        assert_eq!(w.patients[0].clashes().len(), 1, "{key}");
        let q = queue(&w, d(TODAY), DepartmentRole::MedicalStamafdeling);
        assert!(!q.ours.is_empty());
        assert!(q.ours.iter().all(|e| e.clash == flagged), "{key}: {:?}", q.ours);
    }
}
