//! The merge's words (issue 24): clashes kept inside a patient, a deletion beside an edit.

ui_text! {
    /// The texts of the merge (issue 24): clashes kept inside a patient, a
    /// deletion beside an edit. A block of its own.
    MergeText {
        ClashHeading => ("Konflikt", "Clash"),
        ClashIntro => ("Patienten blev ændret to steder, uden at det ene sted havde set det andet. Intet er tabt: begge værdier er bevaret. Vælg den rigtige; den erstatter dem alle.", "The patient was changed in two places, neither having seen the other. Nothing is lost: both values are kept. Choose the right one; it replaces them all."),
        Choose => ("Vælg denne", "Choose this"),
        Chosen => ("vises nu", "shown now"),
        Empty => ("(tom)", "(empty)"),
        WrittenHere => ("skrevet i denne fane, siden den blev åbnet", "written in this tab since it was opened"),
        WrittenElsewhere => ("skrevet i en anden fane, på en anden pc eller før denne fane blev åbnet; skriver", "written in another tab, on another PC or before this tab was opened; writer"),
        WrittenBeforeStamps => ("skrevet før opdateringen (tid ukendt)", "written before the update (time unknown)"),
        DeletedElsewhere => ("Slettet et sted, ændret et andet sted: patienten blev slettet i en anden fane, kopi eller pc, men ændringer, som sletningen ikke havde set, er bevaret her.", "Deleted in one place, changed in another: the patient was deleted in another tab, copy or PC, but changes the deletion had not seen are kept here."),
        KeepPatient => ("Behold patienten", "Keep the patient"),
        DeletePatient => ("Slet patienten", "Delete the patient"),
        FlagClash => ("Konflikt", "Clash"),
        FieldLabel => ("Betegnelse", "Label"),
        FieldArchived => ("Arkiveret", "Archived"),
        FieldCreated => ("Oprettet", "Created"),
        FieldNote => ("Note", "Note"),
        FieldRegistered => ("Registreret", "Registered"),
        FieldTick => ("Tjekliste", "Checklist"),
        FieldModel => ("Vurderet efter modelversion", "Evaluated under model version"),
        FieldOther => ("Felt", "Field"),
        UnnamedPatient => ("(patient uden betegnelse)", "(patient without a label)"),
        EventReferralReceived => ("Henvisning modtaget", "Referral received"),
        EventFirstAttendance => ("Første fremmøde", "First attendance"),
        EventReferredToSecondary => ("Henvist til sekundær udredning", "Referred to secondary work-up"),
        EventSecondaryFirstAttendance => ("Første fremmøde på onkologisk afdeling", "First attendance at oncology"),
        EventEnded => ("Forløbet afsluttet", "Pathway ended"),
        EventAcuteReferralMade => ("Akut henvisning foretaget", "Acute referral made"),
        EventHandedOver => ("Modtagende afdeling har overtaget", "Receiving department took over"),
        EventWorkupLengthened => ("Udredningen forlænget (§3.6)", "Work-up lengthened (§3.6)"),
    }
}
