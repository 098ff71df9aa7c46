//! Native tests of what the worklist says of each patient (issue 15): never
//! "on track" when it is not, the order a clinician needs, the next code and
//! the codes dated but not marked registered, the backup reminder.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cup_pathway::i18n::Message;
use cup_pathway::i18n::Lang;
use cup_pathway::pathway::{Code, FindingSite, Stage, Step};
use cup_pathway::patients::{backup_due, rows, RowStatus, Worklist, MAX_LABEL_CHARS};
use cup_pathway::i18n::{Words, WorklistWords};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-11-25";

/// A worklist of labelled patients, each changed by `f`.
fn worklist(patients: &[(&str, &dyn Fn(&mut cup_pathway::pathway::Case))]) -> Worklist {
    let mut w = Worklist::default();
    for (label, f) in patients {
        let id = w.add(label, d("2026-11-01"), format!("u-{label}")).unwrap();
        f(&mut w.get_mut(id).unwrap().case);
    }
    w
}

#[test]
fn contradictory_dates_show_check_the_dates_never_on_track_and_sort_with_the_cases_that_need_action() {
    let w = worklist(&[
        ("A on track", &|c| c.events.referral_received = Some(d("2026-11-24"))),
        ("B dates out of order", &|c| {
            c.events.referral_received = Some(d("2026-11-24"));
            c.events.first_attendance = Some(d("2026-11-20"));
        }),
        ("C in the future", &|c| c.events.referral_received = Some(d("2026-12-24"))),
    ]);
    let r = rows(&w, d(TODAY));
    let status = |label: &str| r.iter().find(|r| r.label == label).unwrap().status;
    assert_eq!(status("A on track"), RowStatus::OnTrack);
    assert_eq!(status("B dates out of order"), RowStatus::CheckDates);
    assert_eq!(status("C in the future"), RowStatus::CheckDates);
    let order: Vec<&str> = r.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(order, ["B dates out of order", "C in the future", "A on track"]);
}

#[test]
fn an_urgent_action_comes_first_then_overdue_then_by_deadline() {
    let w = worklist(&[
        ("A later", &|c| c.events.referral_received = Some(d("2026-11-24"))),
        ("B overdue", &|c| c.events.referral_received = Some(d("2026-11-10"))),
        ("C urgent", &|c| {
            c.answers.finding_site = Some(FindingSite::Bone);
            c.answers.spinal_cord_compression = Some(true);
        }),
        ("D sooner", &|c| c.events.referral_received = Some(d("2026-11-22"))),
    ]);
    let r = rows(&w, d(TODAY));
    let order: Vec<&str> = r.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(order, ["C urgent", "B overdue", "D sooner", "A later"]);
    assert!(r[0].urgent);
    assert_eq!(r[1].status, RowStatus::Overdue);
    assert!(r[0].provisional && r[0].open_questions > 0, "the bone case waits for answers: {:?}", r[0]);
}

#[test]
fn the_row_names_the_next_code_and_flags_a_dated_code_not_marked_registered() {
    let w = worklist(&[
        ("A", &|c| c.events.referral_received = Some(d("2026-11-24"))),
        ("B", &|c| {
            c.events.referral_received = Some(d("2026-11-24"));
            c.set_registered(Code::Afd01A, true);
        }),
        ("C", &|_| {}),
        ("D", &|c| c.answers.referral_kind = Some(cup_pathway::pathway::ReferralKind::PathwayReferral)),
    ]);
    let r = rows(&w, d(TODAY));
    let row = |label: &str| r.iter().find(|r| r.label == label).unwrap().clone();
    assert_eq!(row("A").unregistered, [Code::Afd01A]);
    assert_eq!(row("A").next_code, Some(Code::Afd01B));
    assert!(row("B").unregistered.is_empty());
    assert_eq!(row("B").next_code, Some(Code::Afd01B));
    // Issue 22.4: AFD01A follows a referral to this pathway, or the clinician's
    // judgement; with neither known the row prompts no code (the case asks).
    assert_eq!(row("C").next_code, None);
    assert!(row("C").unregistered.is_empty());
    assert_eq!(row("D").next_code, Some(Code::Afd01A));
}

#[test]
fn an_archived_row_says_archived_whatever_its_deadline() {
    let mut w = worklist(&[("A", &|c| c.events.referral_received = Some(d("2026-11-10")))]);
    w.patients[0].closed = true;
    let r = rows(&w, d(TODAY));
    assert_eq!(r[0].status, RowStatus::Archived);
    assert!(r[0].archived);
}

#[test]
fn the_backup_reminder_counts_from_the_first_patient_or_the_last_backup() {
    let today = d(TODAY);
    let mut w = Worklist::default();
    assert!(!backup_due(&w, None, today), "no patients, no reminder");
    w.add("A", today, "ua".into()).unwrap();
    assert!(!backup_due(&w, None, today), "never minutes after the first patient");
    let mut old = Worklist::default();
    old.add("A", d("2026-11-18"), "ua".into()).unwrap();
    assert!(!backup_due(&old, None, today), "7 days: not yet");
    let mut older = Worklist::default();
    older.add("A", d("2026-11-17"), "ua".into()).unwrap();
    assert!(backup_due(&older, None, today), "8 days without a backup");
    assert!(!backup_due(&older, Some(d("2026-11-20")), today), "a recent backup counts");
    assert!(backup_due(&older, Some(d("2026-11-10")), today));
    // A patient shown from an edit that survived a deletion elsewhere has no
    // creation date: it never makes the reminder due.
    let mut survived = w.clone();
    survived.patients[0].created = chrono::NaiveDate::default();
    assert!(!backup_due(&survived, None, today));
}

#[test]
fn the_label_hint_and_the_too_long_message_state_the_limit_the_check_applies() {
    let n = MAX_LABEL_CHARS.to_string();
    for l in [Lang::Da, Lang::En] {
        assert!(l.label_hint().contains(&n), "{l:?}");
        assert!(cup_pathway::patients::LabelError::TooLong.message(l).contains(&n), "{l:?}");
    }
}

#[test]
fn days_are_singular_and_plural_in_both_languages() {
    assert_eq!(Lang::Da.days(1), "1 dag");
    assert_eq!(Lang::Da.days(2), "2 dage");
    assert_eq!(Lang::Da.days(0), "0 dage");
    assert_eq!(Lang::En.days(1), "1 day");
    assert_eq!(Lang::En.days(6), "6 days");
    assert_eq!(Lang::Da.days_left(1), "1 dag tilbage");
    assert_eq!(Lang::Da.days_left(-1), "1 dag over fristen");
    assert_eq!(Lang::Da.days_left(-3), "3 dage over fristen");
    assert_eq!(Lang::En.days_left(-1), "1 day overdue");
    assert_eq!(Lang::En.days_left(2), "2 days left");
    assert_eq!(Lang::En.open_answers(1), "1 answer open");
    assert_eq!(Lang::Da.open_answers(3), "3 svar mangler");
}

#[test]
fn the_wizard_steps_and_the_phases_carry_one_set_of_names() {
    let stages = [Stage::Entry, Stage::PrimaryWorkup, Stage::Histology, Stage::Secondary];
    for (step, stage) in Step::ALL.into_iter().zip(stages) {
        assert_eq!(step.label(), stage.label());
    }
    assert_eq!(
        Step::ALL.map(|s| s.label().da),
        ["Indgang", "Primær udredning", "Histologi og beslutning", "Sekundær udredning"]
    );
}

#[test]
fn a_standard_already_missed_is_flagged_in_the_row_even_when_the_next_deadline_is_on_track() {
    // Referred 20.11, first attendance 27.11 (7 days of 6): missed; the work-up is running.
    let w = worklist(&[("Lever 3", &|c| {
        c.events.referral_received = Some(d("2026-11-15"));
        c.events.first_attendance = Some(d("2026-11-22"));
    })]);
    let r = rows(&w, d(TODAY));
    assert_eq!(r[0].status, RowStatus::OnTrack);
    assert_eq!(r[0].missed.len(), 1, "{:?}", r[0]);
    let on_time = worklist(&[("Lever 4", &|c| {
        c.events.referral_received = Some(d("2026-11-16"));
        c.events.first_attendance = Some(d("2026-11-22"));
    })]);
    assert!(rows(&on_time, d(TODAY))[0].missed.is_empty(), "exactly 6 days is within");
}

#[test]
fn s7_4_the_row_shows_another_departments_next_code_as_theirs_never_as_this_departments() {
    use cup_pathway::pathway::{DepartmentRole, Histology, Registrar};
    let w = worklist(&[("A", &|c| {
        c.answers.finding_site = Some(FindingSite::LymphNodeGroin);
        c.answers.sex = Some(cup_pathway::pathway::Sex::Male);
        for a in
            [&mut c.answers.known_cancer, &mut c.answers.organ_specific_suspected, &mut c.answers.lymphoma_suspected]
        {
            *a = Some(false);
        }
        c.answers.histology = Some(Histology::Other);
        c.answers.primary_found = Some(false);
        c.events.referral_received = Some(d("2026-11-02"));
        c.events.first_attendance = Some(d("2026-11-06"));
        c.events.referred_to_secondary = Some(d("2026-11-18"));
    })]);
    let stam = rows(&w, d(TODAY));
    assert_eq!(stam[0].next_code, None, "AFD01D is oncology's, not this department's next code");
    assert_eq!(stam[0].next_theirs, Some((Code::Afd01D, Registrar::Oncology)));
    let onc = cup_pathway::patients::rows_as(&w, d(TODAY), DepartmentRole::Oncology);
    assert_eq!(onc[0].next_code, Some(Code::Afd01D), "for the oncology department it is its own");
}

/// Issue 26.3: the worklist's filters, each with its count of open cases.
#[test]
fn the_filters_count_what_the_rows_say_and_ended_means_afsluttet() {
    use cup_pathway::pathway::{EndReason, Ending};
    use cup_pathway::patients::{filter_counts, RowFilter};
    let w = worklist(&[
        ("Overdue", &|c| c.events.referral_received = Some(d("2026-11-10"))),
        ("Today", &|c| c.events.referral_received = Some(d("2026-11-19"))),
        ("Wish", &|c| {
            c.events.referral_received = Some(d("2026-11-10"));
            c.events.ended = Some(Ending { date: d("2026-11-20"), reason: EndReason::PatientWish });
        }),
        ("Dates", &|c| c.events.referral_received = Some(d("2026-12-24"))),
        ("Acute", &|c| {
            c.answers.finding_site = Some(FindingSite::Bone);
            c.answers.spinal_cord_compression = Some(true);
        }),
    ]);
    let r = rows(&w, d(TODAY));
    let counts = filter_counts(&r);
    let n = |f: RowFilter| counts.iter().find(|(g, _)| *g == f).unwrap().1;
    assert_eq!(n(RowFilter::Urgent), 1);
    assert_eq!(n(RowFilter::Overdue), 1);
    assert_eq!(n(RowFilter::DueToday), 1);
    assert_eq!(n(RowFilter::CheckDates), 1);
    assert_eq!(n(RowFilter::Ended), 1);
    let ended: Vec<_> = r.iter().filter(|x| RowFilter::Ended.matches(x)).map(|x| x.label.as_str()).collect();
    assert_eq!(ended, ["Wish"]);
    // Every dated code not marked registered: the same as the rows' flags.
    assert_eq!(n(RowFilter::ToRegister), r.iter().filter(|x| !x.unregistered.is_empty()).count());
    assert!(n(RowFilter::ToRegister) >= 3);
}

/// Issue 26.3: the row's note is the patient's own, under a key no checklist
/// item has, and the row shows it.
#[test]
fn the_row_note_is_no_checklist_items_note_and_the_row_shows_it() {
    use cup_pathway::pathway::checklist::CHECKLIST;
    use cup_pathway::patients::ROW_NOTE;
    assert!(CHECKLIST.iter().all(|i| i.id != ROW_NOTE), "a checklist item's note would show in the row");
    let mut w = worklist(&[("MDT", &|_| {}), ("Uden note", &|_| {})]);
    let id = w.patients[0].id;
    w.get_mut(id).unwrap().notes.insert(ROW_NOTE.to_string(), "MDT tirsdag".to_string());
    // A checklist item's note is not the row's.
    w.patients[1].notes.insert(CHECKLIST[0].id.to_string(), "taget".to_string());
    let notes = cup_pathway::patients::row_notes(&w);
    assert_eq!(notes, vec![(id, "MDT tirsdag".to_string())], "the row's note, and no checklist item's");
    // It is checked, travels and merges as every note does (the import's rules).
    assert!(w.check_read_text().is_ok());
    w.get_mut(id).unwrap().notes.insert(ROW_NOTE.to_string(), "0101901234".to_string());
    assert!(w.check_read_text().is_err(), "a CPR number in the row's note is refused on import");
}

/// Issue 26.3: the row says where the patient belongs in a few words; the
/// whole headline is one click away.
#[test]
fn every_destination_has_a_few_words_for_the_row_in_both_languages() {
    use cup_pathway::pathway::EndReason;
    use cup_pathway::pathway::{Department, Destination};
    let all = [
        Destination::Undetermined,
        Destination::ThisPathway { department: Department::Medical },
        Destination::ThisPathway { department: Department::LocallyAgreed },
        Destination::Oncology,
        Destination::SpecialtyPlanDepartment,
        Destination::TextSilent,
        Destination::OutsideTargetGroup,
        Destination::Conflict,
        Destination::Ended { reason: EndReason::OrganSpecificReferral },
        Destination::Ended { reason: EndReason::SuspicionDisproved },
        Destination::Ended { reason: EndReason::OtherClinicalDecision },
        Destination::Ended { reason: EndReason::PatientWish },
    ];
    for d in all {
        let (short, long) = (d.short(), d.headline());
        for (s, l) in [(&short.da, &long.da), (&short.en, &long.en)] {
            assert!(!s.is_empty() && s.chars().count() <= 48, "{d:?}: {s:?} is not a few words");
            assert!(s.chars().count() <= l.chars().count(), "{d:?}: the short form is longer than the headline");
        }
    }
    // A row of a referred patient in the oncology under "ukendt primær tumor" says so.
    let w = worklist(&[("Onk", &|c| {
        c.answers.finding_site = Some(FindingSite::Liver);
    })]);
    let r = &rows(&w, d(TODAY))[0];
    assert!(!r.short.da.is_empty() && r.short.da.len() <= r.headline.da.len());
}

/// Issue 26: a new referral with no date says so, not "no running deadline"
/// (which a nurse could read as nothing to do); one with a date runs.
#[test]
fn a_patient_with_no_date_yet_says_so() {
    let w = worklist(&[
        ("Ny", &|_| {}),
        ("Dateret", &|c| c.events.referral_received = Some(d(TODAY))),
        ("Arkiv", &|_| {}),
    ]);
    let mut w = w;
    let id = w.patients.iter().find(|p| p.label == "Arkiv").unwrap().id;
    w.get_mut(id).unwrap().closed = true;
    let r = rows(&w, d(TODAY));
    let status = |label: &str| r.iter().find(|r| r.label == label).unwrap().status;
    assert_eq!(status("Ny"), RowStatus::NoDates);
    assert_ne!(status("Dateret"), RowStatus::NoDates);
    assert_eq!(status("Arkiv"), RowStatus::Archived);
    // It needs action (a date to record): before the patients whose deadline runs.
    let at = |label: &str| r.iter().position(|r| r.label == label).unwrap();
    assert!(at("Ny") < at("Dateret"));
}
