//! Words more than one screen uses, and the frame: header, banners, footer, the error panel.

ui_text! {
    /// A piece of UI text.
    CommonText {
        AppTitle => ("Pakkeforløb for metastaser uden organspecifik kræfttype", "Cancer patient pathway for metastases without an organ-specific cancer type"),
        SwitchLanguage => ("English", "Dansk"),
        SwitchLanguageLabel => ("Skift sprog til engelsk", "Switch language to Danish"),
        NewPatient => ("Ny patient (pseudonym betegnelse)", "New patient (pseudonymous label)"),
        ColNext => ("Næste frist", "Next deadline"),
        Projected => ("senest, fremskrevet", "latest, projected"),
        BackToWorklist => ("Tilbage til forløbsoversigten", "Back to the worklist"),
        Yes => ("Ja", "Yes"),
        No => ("Nej", "No"),
        Provisional => ("Foreløbig", "Provisional"),
        Code => ("Kode", "Code"),
        Copy => ("Kopiér", "Copy"),
        Copied => ("Kopieret", "Copied"),
        Edition => ("Udgave", "Edition"),
        ModelVersion => ("værktøjets regelversion", "the tool's rules version"),
        DataLocal => ("Data gemmes kun i denne browser og sendes ingen steder. Brug pseudonyme betegnelser — aldrig navn eller CPR-nummer.", "Data is kept only in this browser and sent nowhere. Use pseudonymous labels — never a name or CPR number."),
        DateLabel => ("Dato", "Date"),
        UpdateReady => ("En ny version af værktøjet er klar. Dine data bevares.", "A new version of the tool is ready. Your data is kept."),
        ReloadNow => ("Genindlæs nu", "Reload now"),
        ChunkStatsFailed => ("Forløbstider i afdelingen kunne ikke hentes (ingen forbindelse til serveren?). Resten af appen virker, og dine data er urørte.", "Pathway times in the department could not be loaded (no connection to the server?). The rest of the app works, and your data is untouched."),
        ChunkAboutFailed => ("»Om værktøjet og dine data« (lås, rolle, slet alle data) kunne ikke hentes (ingen forbindelse til serveren?). Resten af appen virker, og dine data er urørte.", "»About the tool and your data« (lock, role, delete all data) could not be loaded (no connection to the server?). The rest of the app works, and your data is untouched."),
        ChunkCaseFailed => ("Patientens forløb kunne ikke hentes (ingen forbindelse til serveren?). Resten af appen virker, og dine data er urørte.", "The patient's pathway could not be loaded (no connection to the server?). The rest of the app works, and your data is untouched."),
        ChunkRegistrationFailed => ("Registrering (kø af koder) kunne ikke hentes (ingen forbindelse til serveren?). Resten af appen virker, og dine data er urørte.", "Registration (the queue of codes) could not be loaded (no connection to the server?). The rest of the app works, and your data is untouched."),
        ChunkFolderFailed => ("»Fælles mappe« kunne ikke hentes (ingen forbindelse til serveren?). Resten af appen virker, og dine data er urørte.", "»Shared folder« could not be loaded (no connection to the server?). The rest of the app works, and your data is untouched."),
        ChunkDetailsFailed => ("Detaljerne kunne ikke hentes (ingen forbindelse til serveren?). Resten af appen virker, og dine data er urørte.", "The details could not be loaded (no connection to the server?). The rest of the app works, and your data is untouched."),
        FolderUnloadWarning => ("Ændringer er ikke delt i den fælles mappe endnu.", "Changes are not shared in the shared folder yet."),
        FolderNeedsLock => ("Slå den lokale lås til først (under »Om værktøjet og dine data«): afdelingens kode gemmes kun låst på denne pc.", "Turn the local lock on first (under »About the tool and your data«): the department's code is kept on this PC only when locked."),
        ChunkRetry => ("Prøv igen", "Try again"),
        ChunkLoading => ("Henter …", "Loading …"),
        ChunkTriedAgain => ("Prøvet igen uden held, forsøg", "Tried again without success, attempt"),
        Print => ("Udskriv", "Print"),
        ImportCancel => ("Annullér", "Cancel"),
        FlagMissed => ("Standard ikke overholdt:", "Standard missed:"),
        StateCheckDates => ("Kontrollér datoer", "Check the dates"),
        FlagUnregistered => ("Har dato, men er ikke markeret som registreret:", "Dated but not marked as registered:"),
        NextCode => ("Næste kode", "Next code"),
        SharedCase => ("Delt forløb", "Shared case"),
        DownloadUnreadable => ("Hent de ulæselige data", "Download the unreadable data"),
        NoticeLabel => ("Til orientering:", "For your information:"),
        About => ("Om værktøjet og dine data", "About the tool and your data"),
        Lock => ("Lås", "Lock"),
        IdleMinutes => ("Lås efter så mange minutter uden brug", "Lock after this many minutes without use"),
        Minutes => ("min.", "min"),
        CaseNumber => ("Forløb nr.", "Case no."),
        DatePlaceholder => ("dd.mm.åååå", "dd.mm.yyyy"),
        DateUnreadable => ("Datoen kan ikke læses. Skriv dag, måned og år, fx 26.11.2026 (eller 26.11.26, 26/11/2026, 26-11-2026).", "The date cannot be read. Type day, month and year, e.g. 26.11.2026 (or 26.11.26, 26/11/2026, 26-11-2026)."),
        DepartmentRoleHeading => ("Afdelingen, værktøjet bruges i", "The department using the tool"),
        DepartmentRoleLabel => ("Denne afdeling er", "This department is"),
        DepartmentRoleHint => (
            "Bestemmer, hvis kode hver registreringskode er: en kode, en anden afdeling registrerer, vises som deres og markeres aldrig som manglende her (§7.2, §7.4).",
            "Decides whose code each registration code is: a code another department registers is shown as theirs and never flagged as missing here (§7.2, §7.4).",
        ),
        WhoRegisters => ("Hvem registrerer", "Who registers"),
        CodesSeenFrom => ("Hvem der registrerer, ses fra", "Who registers is seen from"),
        ChangeInAbout => ("ændres under »Om værktøjet og dine data«", "changed under »About the tool and your data«"),
        RegisteredByThem => ("registreres af", "is registered by"),
    }
}

/// The common sentences built from a limit.
pub trait CommonWords {
    /// A lock whose passphrase a new lock would refuse (`MIN_PASSPHRASE_CHARS`).
    fn weak_passphrase(self) -> String;
}

impl CommonWords for super::Lang {
    fn weak_passphrase(self) -> String {
        let n = crate::lockbox::MIN_PASSPHRASE_CHARS;
        match self {
            super::Lang::Da => format!("Adgangsfrasen åbner stadig låsen, men en ny lås ville afvise den (under {n} tegn eller meget almindelig). Skift den: slå låsen fra og til igen under Om med en længere frase."),
            super::Lang::En => format!("The passphrase still opens the lock, but a new lock would refuse it (under {n} characters or very common). Change it: turn the lock off and on again under About with a longer phrase."),
        }
    }
}
