//! All UI text, Danish and English. Each key's match arm holds both
//! languages, so a missing translation does not compile, and a test fails on
//! a key nothing uses (`tests/layers.rs`). Clinical wording comes from the
//! model (`pathway`), which carries its own Danish and English.
//!
//! Static or reactive: screens read the language once
//! (`components::use_lang()`) and render their text statically; the app
//! rebuilds the open screen and the footer when the language changes
//! (`src/app.rs`). Only what lives outside a screen follows the switch by
//! itself, in a closure reading `state.lang().get()`: the header, the banners
//! above the screen and the document's `lang` attribute.

pub use crate::lang::Lang;
use crate::pathway::Text;

impl Lang {
    pub fn t(self, k: K) -> &'static str {
        self.pick(k.text())
    }

    /// A number of days, singular or plural: "1 dag", "2 dage"; "1 day", "2 days".
    pub fn days(self, n: i64) -> String {
        match (self, n.abs() == 1) {
            (Lang::Da, true) => format!("{n} dag"),
            (Lang::Da, false) => format!("{n} dage"),
            (Lang::En, true) => format!("{n} day"),
            (Lang::En, false) => format!("{n} days"),
        }
    }

    /// Days left before a deadline, or over it when negative: "3 dage
    /// tilbage", "1 dag over"; "i dag" on the day itself (a walk-through found "0 dage tilbage" awkward).
    pub fn days_left(self, n: i64) -> String {
        if n == 0 {
            return self.pick(Text::new("i dag", "today")).into();
        }
        let word = self.pick(if n >= 0 { Text::new("tilbage", "left") } else { Text::new("over fristen", "overdue") });
        format!("{} {word}", self.days(n.abs()))
    }

    /// Open answers the destination waits for: "1 svar mangler"; "2 answers open".
    /// "Foreløbig (2 svar mangler)", or just "Foreløbig" when no single
    /// answer is named as what the destination waits for.
    pub fn provisional(self, open: usize) -> String {
        match open {
            0 => self.t(K::Provisional).to_string(),
            n => format!("{} ({})", self.t(K::Provisional), self.open_answers(n)),
        }
    }

    pub fn open_answers(self, n: usize) -> String {
        match (self, n == 1) {
            (Lang::Da, _) => format!("{n} svar mangler"),
            (Lang::En, true) => format!("{n} answer open"),
            (Lang::En, false) => format!("{n} answers open"),
        }
    }
}

/// A piece of UI text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum K {
    AppTitle,
    SwitchLanguage,
    SwitchLanguageLabel,
    Worklist,
    NewPatient,
    Add,
    NoPatients,
    Filter,
    NoMatch,
    ColLabel,
    ColPhase,
    ColDestination,
    ColNext,
    ColState,
    ColNote,
    RowDetails,
    RowMore,
    RowNoteLabel,
    Archive,
    Unarchive,
    ArchivedCases,
    StateOverdue,
    StateDueToday,
    StateOnTrack,
    StateArchived,
    StateNoDeadline,
    StateNoDates,
    Projected,
    BackToWorklist,
    CaseNotFound,
    StepOf,
    Previous,
    Next,
    NoQuestionsInStep,
    OpenQuestion,
    Yes,
    No,
    NotKnownYet,
    DecidesDestination,
    WhereBelongs,
    Reasons,
    TextSilent,
    Problems,
    TextSlips,
    TextSays,
    ReadAs,
    AcuteReferralMade,
    UrgentMadeOn,
    FlagUrgent,
    Provisional,
    ProvisionalWaiting,
    ConflictOptions,
    Superseded,
    SupersededBy,
    StandingRules,
    ModelReading,
    WhyNext,
    CouldPointTo,
    CouldAddUrgent,
    Criteria3_1_8,
    CriterionMan55,
    CriterionMidline,
    CriterionMarker,
    Held,
    NotHeld,
    Unknown,
    VerdictRefer,
    VerdictDoNotRefer,
    VerdictPending,
    BrainPrinciple,
    Principle1,
    Principle2,
    Principle3,
    Checklist,
    TickedOn,
    NoteLabel,
    SourceText,
    SourceAndNote,
    Timeline,
    Events,
    ReferralReceived,
    FirstAttendance,
    ReferredToSecondary,
    SecondaryFirstAttendance,
    EndOfPathway,
    NotEnded,
    Today,
    Clear,
    WorkupLengthened,
    NotRecorded,
    DateConvention,
    Standards,
    Standard,
    CalendarDays,
    WhatTheTextSays,
    Start,
    Due,
    Week,
    Weekend,
    Holiday,
    DaysUsedOf,
    LatestProjected,
    Codes,
    Code,
    CodeStatusCol,
    CodeDate,
    Registered,
    Copy,
    Copied,
    // Issue 26: the record text, the registration queue.
    CopyJournal,
    JournalDraftNote,
    JournalCopied,
    JournalCopyFailed,
    JournalTextLabel,
    RegQueueTitle,
    RegQueueIntro,
    RegQueueEmpty,
    RegQueueTheirs,
    RegQueueTheirsIntro,
    RegQueueDate,
    RegQueueMark,
    RegQueueMarked,
    RegQueueArchived,
    EndDateAsked,
    FilterBy,
    ProjectedPassed,
    Trigger,
    RegisteredBy,
    Edition,
    ModelVersion,
    GuidancePrevails,
    OlderModel,
    DataLocal,
    DateLabel,
    UpdateReady,
    ReloadNow,
    ChunkStatsFailed,
    ChunkAboutFailed,
    ChunkCaseFailed,
    ChunkRegistrationFailed,
    ChunkFolderFailed,
    ChunkDetailsFailed,
    FolderNeedNewSecret,
    FolderRotatedSecret,
    FolderWaitsForAnswer,
    FolderWaitsForCode,
    FolderCodeCopied,
    FolderCancel,
    FolderShowCode,
    FolderCopyCode,
    FolderPrintHeading,
    FolderPrintHow,
    FolderFolderName,
    FolderDisconnectAsk,
    FolderGoToLock,
    FolderLockedNote,
    FolderRotate,
    FolderRotateAsk,
    FolderRotateYes,
    FolderRejoin,
    FolderRemoveFile,
    FolderRemoveAsk,
    FolderRemoveAskNewer,
    FolderReload,
    FolderBeforeDownload,
    FolderBeforeRemove,
    FolderBeforeRemoveAsk,
    FolderWipe,
    FolderWipeYes,
    FolderBeforeRestore,
    FolderBeforeRestoreAsk,
    FolderBeforeRestoreAskWipe,
    FolderBeforeRestoreYes,
    FolderBeforeNotOpened,
    FolderUnloadWarning,
    FolderTitle,
    FolderIntro,
    FolderNeedsLock,
    FolderConnect,
    FolderWorking,
    FolderNeedSecret,
    FolderSecretLabel,
    FolderJoin,
    FolderNewSecret,
    FolderPrint,
    FolderSecretNoted,
    FolderSyncNow,
    FolderDiagnose,
    FolderDiagnoseCopied,
    FolderDisconnect,
    FolderPermit,
    FolderNeedPermission,
    FolderAccept,
    ChunkRetry,
    DeletePatientAsk,
    DeletePatientConfirm,
    DeletePatientYes,
    RegQueueClash,
    JournalClash,
    ChunkLoading,
    ChunkTriedAgain,
    Print,
    PrintedOn,
    DownloadIcs,
    Backup,
    Export,
    Import,
    ImportPreview,
    ImportApply,
    ImportCancel,
    ImportDone,
    LastBackup,
    Never,
    BackupDue,
    PersistGranted,
    PersistDenied,
    FlagMissed,
    NotRegisteredPrint,
    LabelHint,
    NoneYet,
    StateCheckDates,
    FlagUnregistered,
    NextCode,
    ArchivedNotice,
    Undo,
    Dismiss,
    AtAGlance,
    CaseSections,
    GoToEnding,
    EndingHint,
    NoDeadlineRunning,
    NoNextCode,
    AnswersHeading,
    UrgentHeading,
    Share,
    SharedCase,
    ShareHelp,
    ShareLockConfirm,
    ShareLockYes,
    ShareLink,
    CopyLink,
    QrLabel,
    SharedHeading,
    SharedHelp,
    SaveAsNew,
    SharedMissing,
    ShowAll,
    DownloadUnreadable,
    ChangedElsewhere,
    About,
    AboutText1,
    AboutText2,
    AboutText3,
    AboutText4,
    DeleteAll,
    DeleteAllConfirm,
    DeleteAllYes,
    Deleted,
    Lock,
    LockedTitle,
    LockedIntro,
    Passphrase,
    PassphraseRepeat,
    Unlock,
    Working,
    LockForgotten,
    LockedDeleteIntro,
    ImportReplaces,
    LockedDeleteButton,
    LockedForgottenSummary,
    LockedForgottenLost,
    LockedForgottenWordLabel,
    LockedForgottenWord,
    LockedForgottenButton,
    LockSection,
    LockExplain,
    LockWarning,
    LockBackupFirst,
    BackupPlain,
    BackupEncrypted,
    LockEnable,
    LockIsOn,
    LockNow,
    LockDisable,
    LockDisableConfirm,
    LockDisableYes,
    LockTurnedOff,
    IdleMinutes,
    Minutes,
    ExportEncrypted,
    ImportLocked,
    ImportOpen,
    DeleteCopy,
    LockRemovedIntro,
    LockRemovedYes,
    WeakPassphrase,
    PlainBackupConfirm,
    PlainBackupYes,
    CaseNumber,
    DatePlaceholder,
    DatePick,
    DateUnreadable,
    DateNoSuchDay,
    DateOutOfRange,
    DateKept,
    DateNoneKept,
    OrderReading,
    OrderReadingOnce,
    ChecklistLater,
    ChecklistDone,
    ChecklistStillOpen,
    StatsTitle,
    StatsIntro,
    StatsPeriod,
    StatsChoosePeriod,
    StatsLast12,
    StatsCustom,
    StatsFrom,
    StatsTo,
    StatsPeriodShown,
    StatsPeriodInvalid,
    StatsCasesInPeriod,
    StatsOverview,
    StatsColMeasure,
    StatsColStandard,
    StatsColCompleted,
    StatsColWithin,
    StatsColShare,
    StatsColMedian,
    StatsColP90,
    StatsColRunningOver,
    StatsColQuarter,
    StatsPartial,
    StatsMeasureFirst,
    StatsMeasureWorkup,
    StatsMeasureOncology,
    StatsMeasureWhole,
    StatsWholeStandard,
    StatsWholeNote,
    StatsDays,
    StatsDaysUsed,
    StatsStandardWord,
    StatsWithinWord,
    StatsOverWord,
    StatsDistribution,
    StatsShareByQuarter,
    StatsDistributionTable,
    StatsColDays,
    StatsColNumberWithin,
    StatsColNumberOver,
    StatsNoneCompleted,
    StatsChartCompleted,
    StatsChartMedian,
    StatsChartP90,
    StatsDestinations,
    StatsDestinationsNote,
    StatsColDestination,
    StatsColCases,
    StatsTotal,
    StatsUnregistered,
    StatsColCode,
    StatsColInPeriod,
    StatsColAllDates,
    StatsCheckDates,
    StatsCheckDatesNote,
    StatsCheckDatesNone,
    StatsHowCounted,
    StatsHow1,
    StatsHow2,
    StatsHow3,
    StatsHow4,
    StatsExportCsv,
    StatsCsvNote,
    StatsCsvLockConfirm,
    StatsCsvLockYes,
    StatsPrintDate,
    StatsShortFirst,
    StatsShortWorkup,
    StatsShortOncology,
    StatsShortWhole,
    StatsWholeIsSum,
    DepartmentRoleHeading,
    DepartmentRoleLabel,
    DepartmentRoleHint,
    WhoRegisters,
    TheirsNotFlagged,
    HandedOver,
    GoToQuestion,
    CodesSeenFrom,
    ChangeInAbout,
    RegisteredByThem,
}

impl K {
    pub fn text(self) -> Text {
        use K::*;
        let (da, en) = match self {
            AppTitle => ("Pakkeforløb for metastaser uden organspecifik kræfttype", "Cancer patient pathway for metastases without an organ-specific cancer type"),
            SwitchLanguage => ("English", "Dansk"),
            SwitchLanguageLabel => ("Skift sprog til engelsk", "Switch language to Danish"),
            Worklist => ("Forløbsoversigt", "Worklist"),
            NewPatient => ("Ny patient (pseudonym betegnelse)", "New patient (pseudonymous label)"),
            Add => ("Tilføj", "Add"),
            NoPatients => ("Ingen patienter endnu. Tilføj en patient under en pseudonym betegnelse — aldrig navn eller CPR-nummer.", "No patients yet. Add one under a pseudonymous label — never a name or CPR number."),
            Filter => ("Filtrér på betegnelse", "Filter by label"),
            NoMatch => ("Ingen forløb matcher filteret.", "No case matches the filter."),
            ColLabel => ("Betegnelse", "Label"),
            ColPhase => ("Fase", "Phase"),
            ColDestination => ("Hvor patienten hører til", "Where the patient belongs"),
            ColNext => ("Næste frist", "Next deadline"),
            ColState => ("Status", "State"),
            ColNote => ("Note", "Note"),
            RowDetails => ("Detaljer om", "Details of"),
            RowMore => ("En standard er overskredet før (se detaljer)", "A standard was missed before (see details)"),
            RowNoteLabel => ("Note på listen (fx »MDT tirsdag«; ingen navne eller CPR-numre)", "Note on the list (e.g. “MDT Tuesday”; no names or CPR numbers)"),
            Archive => ("Arkivér", "Archive"),
            Unarchive => ("Tag ud af arkivet", "Unarchive"),
            ArchivedCases => ("Arkiverede forløb", "Archived cases"),
            StateOverdue => ("Overskredet", "Overdue"),
            StateDueToday => ("Frist i dag", "Due today"),
            StateOnTrack => ("Inden for frist", "On track"),
            StateArchived => ("Arkiveret", "Archived"),
            StateNoDeadline => ("Ingen løbende frist", "No running deadline"),
            StateNoDates => ("Ingen datoer endnu", "No dates yet"),
            Projected => ("senest, fremskrevet", "latest, projected"),
            BackToWorklist => ("Tilbage til forløbsoversigten", "Back to the worklist"),
            CaseNotFound => ("Forløbet findes ikke i denne browser.", "This case is not in this browser."),
            StepOf => ("Trin", "Step"),
            Previous => ("Forrige trin", "Previous step"),
            Next => ("Næste trin", "Next step"),
            NoQuestionsInStep => ("Ingen spørgsmål på dette trin for denne patient endnu.", "No questions in this step for this patient yet."),
            OpenQuestion => ("Afventer svar", "Awaiting an answer"),
            Yes => ("Ja", "Yes"),
            No => ("Nej", "No"),
            NotKnownYet => ("Ikke kendt endnu", "Not known yet"),
            DecidesDestination => ("Afgør, hvor patienten hører til", "Decides where the patient belongs"),
            WhereBelongs => ("Hvor patienten hører til", "Where the patient belongs"),
            Reasons => ("Begrundelse", "Why"),
            TextSilent => ("Teksten tager ikke stilling", "The text does not say"),
            Problems => ("Kontrollér indtastningen", "Check the input"),
            TextSlips => ("Henvisninger og opsummeringer i teksten, der ikke synes at passe", "Cross-references and summaries in the text that do not seem to fit"),
            TextSays => ("Teksten skriver", "The text says"),
            ReadAs => ("værktøjets læsning:", "this tool's reading:"),
            UrgentHeading => ("Akut: spinalt tværsnitssyndrom", "Urgent: spinal cord compression"),
            AcuteReferralMade => ("Akut henvisning foretaget (dato)", "Acute referral made (date)"),
            UrgentMadeOn => (
                "Akut henvisning efter lokale retningslinjer er registreret som foretaget",
                "Acute referral according to local guidelines recorded as made",
            ),
            FlagUrgent => ("Akut henvisning", "Acute referral"),
            Provisional => ("Foreløbig", "Provisional"),
            ProvisionalWaiting => (
                "Svarene indtil nu peger hertil. Det kan ændre sig, når disse spørgsmål er besvaret:",
                "This is where the answers so far point. It may change once these questions are answered:",
            ),
            ConflictOptions => ("Mulighed", "Option"),
            Superseded => ("Viger for en anden regel", "Outranked by another rule"),
            SupersededBy => ("viger for", "outranked by"),
            StandingRules => ("Gælder under alle omstændigheder", "Applies in all circumstances"),
            ModelReading => ("Værktøjets læsning", "This tool's reading"),
            WhyNext => ("Hvorfor", "Why"),
            CouldPointTo => ("kan pege på", "could point to"),
            CouldAddUrgent => ("kan tilføje en akut henvisning", "could add an acute referral"),
            Criteria3_1_8 => ("§3.1.8: lavt differentieret karcinom hos mænd — blot 2 af 3", "§3.1.8: poorly differentiated carcinoma in men — 2 of 3 suffice"),
            CriterionMan55 => ("1) Patienten er en mand under 55 år", "1) The patient is a man under 55"),
            CriterionMidline => ("2) Tumor i midtlinjen (mediastinum, retroperitoneum)", "2) Tumour in the midline (mediastinum, retroperitoneum)"),
            CriterionMarker => ("3) Forhøjet HCG eller α-føtoprotein", "3) Raised HCG or α-fetoprotein"),
            Held => ("til stede", "present"),
            NotHeld => ("ikke til stede", "absent"),
            Unknown => ("ukendt", "unknown"),
            VerdictRefer => ("Henvises til pakkeforløb for testikelkræft", "Refer to the testicular cancer pathway"),
            VerdictDoNotRefer => ("Kriterierne er ikke opfyldt", "The criteria are not met"),
            VerdictPending => ("Afventer svar — kan stadig afgøres", "Pending — answers can still decide it"),
            BrainPrinciple => ("§3.1.4: princip for udredning af metastase i hjernen", "§3.1.4: principle for the work-up of a brain metastasis"),
            Principle1 => ("Princip 1: operation anbefales", "Principle 1: operation recommended"),
            Principle2 => ("Princip 2: fjernelse af den største kan overvejes", "Principle 2: removing the largest may be considered"),
            Principle3 => ("Princip 3: billedvejledt biopsi eller udredning med røntgen af thorax og CT af thorax og abdomen", "Principle 3: image-guided biopsy, or work-up with chest X-ray and CT of thorax and abdomen"),
            Checklist => ("Tjekliste", "Checklist"),
            TickedOn => ("afkrydset", "ticked"),
            NoteLabel => ("Kort note (valgfri)", "Short note (optional)"),
            SourceText => ("Kildetekst", "Source text (Danish)"),
            SourceAndNote => ("Kildetekst og note", "Source text (Danish) and note"),
            Timeline => ("Forløbstider", "Time standards"),
            Events => ("Datoer i forløbet", "Dates in the patient's course"),
            ReferralReceived => ("Henvisning modtaget (AFD01A)", "Referral received (AFD01A)"),
            FirstAttendance => ("Første fremmøde, primær udredning (AFD01B)", "First attendance, primary work-up (AFD01B)"),
            ReferredToSecondary => ("Afslutning på primær udredning / henvisning til onkologisk afdeling (AFD01C)", "End of primary work-up / referral to the oncology department (AFD01C)"),
            SecondaryFirstAttendance => ("Første fremmøde på onkologisk afdeling (AFD01D)", "First attendance at the oncology department (AFD01D)"),
            EndOfPathway => ("Pakkeforløb slut (AFD01X1 / AFD01X2)", "End of pathway (AFD01X1 / AFD01X2)"),
            NotEnded => ("Ikke afsluttet", "Not ended"),
            Today => ("I dag", "Today"),
            Clear => ("Ryd", "Clear"),
            WorkupLengthened => ("§3.6: årsag til, at udredningen kan vare længere tid (standarden er fortsat 14 kalenderdage)", "§3.6: reason the work-up may take longer (the standard is still 14 calendar days)"),
            NotRecorded => ("Ingen årsag angivet", "No reason given"),
            DateConvention => ("Frister tælles i kalenderdage: en standard på N dage er overholdt, når slutdato minus startdato højst er N; fristen er startdato + N. Weekender og helligdage tæller med; de markeres blot.", "Deadlines count calendar days: a standard of N days is met when end date minus start date is at most N; the due date is start date + N. Weekends and holidays count and are only flagged."),
            Standards => ("Standardforløbstider (kap. 6)", "Standard times (ch. 6)"),
            Standard => ("Standard", "Standard"),
            CalendarDays => ("kalenderdage", "calendar days"),
            WhatTheTextSays => ("Hvad teksten siger", "What the text says"),
            Start => ("Start", "Start"),
            Due => ("Frist", "Due"),
            Week => ("uge", "week"),
            Weekend => ("weekend", "weekend"),
            Holiday => ("helligdag", "public holiday"),
            DaysUsedOf => ("brugt af", "used of"),
            LatestProjected => ("Senest (fremskrevet)", "Latest (projected)"),
            Codes => ("Registreringskoder", "Registration codes"),
            Code => ("Kode", "Code"),
            CodeStatusCol => ("Status", "Status"),
            CodeDate => ("Dato", "Date"),
            Registered => ("Registreret", "Registered"),
            Copy => ("Kopiér", "Copy"),
            Copied => ("Kopieret", "Copied"),
            CopyJournal => ("Kopiér journalnotat", "Copy record note"),
            JournalDraftNote => ("Et udkast, som du retter til i journalen.", "A draft you edit in the record."),
            JournalCopied => ("Journalnotatet er kopieret. Indsæt det i journalen og ret det til.", "The record note is copied. Paste it into the record and edit it."),
            JournalCopyFailed => ("Kunne ikke kopiere automatisk: teksten er markeret, tryk Ctrl+C.", "Could not copy automatically: the text is selected, press Ctrl+C."),
            JournalTextLabel => ("Journalnotat (udkast)", "Record note (draft)"),
            RegQueueTitle => ("Registrering", "Registration"),
            RegQueueIntro => ("Koder, hvis hændelse har en dato, og som denne afdeling registrerer, ældste først. Markér koden, når den er registreret i det patientadministrative system.", "Codes whose event has a date and that this department registers, oldest first. Mark a code once it is registered in the patient administrative system."),
            RegQueueEmpty => ("Ingen koder venter på registrering.", "No code is waiting to be registered."),
            RegQueueTheirs => ("Registreres af en anden afdeling", "Registered by another department"),
            RegQueueTheirsIntro => ("Til orientering: disse koder er ikke denne afdelings opgave.", "For information: these codes are not this department's task."),
            RegQueueDate => ("Dato", "Date"),
            RegQueueMark => ("Markér som registreret", "Mark as registered"),
            RegQueueMarked => ("er markeret som registreret for", "is marked as registered for"),
            RegQueueArchived => ("arkiveret", "archived"),
            FilterBy => ("Vis kun", "Show only"),
            ProjectedPassed => ("(datoen er passeret)", "(this date has passed)"),
            EndDateAsked => ("Angiv datoen for beslutningen, eller tryk »I dag«: pakkeforløbet afsluttes først, når datoen er givet.", "Give the date of the decision, or press “Today”: the pathway ends only once the date is given."),
            Trigger => ("Regler for koden", "Rules for the code"),
            RegisteredBy => ("Registreres af", "Registered by"),
            DepartmentRoleHeading => ("Afdelingen, værktøjet bruges i", "The department using the tool"),
            DepartmentRoleLabel => ("Denne afdeling er", "This department is"),
            DepartmentRoleHint => (
                "Bestemmer, hvis kode hver registreringskode er: en kode, en anden afdeling registrerer, vises som deres og markeres aldrig som manglende her (§7.2, §7.4).",
                "Decides whose code each registration code is: a code another department registers is shown as theirs and never flagged as missing here (§7.2, §7.4).",
            ),
            WhoRegisters => ("Hvem registrerer", "Who registers"),
            TheirsNotFlagged => ("deres kode: vises aldrig som manglende her", "their code: never shown as missing here"),
            RegisteredByThem => ("registreres af", "is registered by"),
            CodesSeenFrom => ("Hvem der registrerer, ses fra", "Who registers is seen from"),
            ChangeInAbout => ("ændres under »Om værktøjet og dine data«", "changed under »About the tool and your data«"),
            HandedOver => ("Modtagende afdeling har taget over (dato)", "The receiving department has taken over (date)"),
            GoToQuestion => ("Gå til spørgsmålet", "Go to the question"),
            Edition => ("Udgave", "Edition"),
            ModelVersion => ("værktøjets regelversion", "the tool's rules version"),
            GuidancePrevails => ("Lokale retningslinjer og gældende nationale retningslinjer har forrang for dette hjælpeværktøj.", "Local guidelines and current national guidance take precedence over this tool."),
            OlderModel => ("Forløbet blev sidst vurderet under værktøjets regelversion", "This case was last assessed under the tool's rules version"),
            DataLocal => ("Data gemmes kun i denne browser og sendes ingen steder. Brug pseudonyme betegnelser — aldrig navn eller CPR-nummer.", "Data is kept only in this browser and sent nowhere. Use pseudonymous labels — never a name or CPR number."),
            DateLabel => ("Dato", "Date"),
            UpdateReady => ("En ny version af værktøjet er klar. Dine data bevares.", "A new version of the tool is ready. Your data is kept."),
            ReloadNow => ("Genindlæs nu", "Reload now"),
            ChunkStatsFailed => ("Forløbstider i afdelingen kunne ikke hentes (ingen forbindelse til serveren?). Resten af appen virker, og dine data er urørte.", "Pathway times in the department could not be loaded (no connection to the server?). The rest of the app works, and your data is untouched."),
            ChunkCaseFailed => ("Patientens forløb kunne ikke hentes (ingen forbindelse til serveren?). Resten af appen virker, og dine data er urørte.", "The patient's pathway could not be loaded (no connection to the server?). The rest of the app works, and your data is untouched."),
            FolderRotate => ("Skift afdelingens kode …", "Change the department's code …"),
            FolderRotateAsk => ("Når koden skiftes, holder de andre pc'er op med at dele, til de har fået den nye kode. Gør det, når nogen med koden er stoppet, eller udskriften er væk. Skift koden nu?", "When the code is changed, the other PCs stop sharing until they have the new code. Do it when someone who knows the code has left, or the printout is lost. Change the code now?"),
            FolderRotateYes => ("Skift koden", "Change the code"),
            FolderRejoin => ("Skriv den nye kode", "Type the new code"),
            FolderRemoveFile => ("Slet filen …", "Delete the file …"),
            FolderBeforeDownload => ("Hent den som krypteret sikkerhedskopi", "Download it as an encrypted backup"),
            FolderWipe => ("Start afdelingens liste forfra …", "Start the department's list over …"),
            FolderWipeYes => ("Start forfra med en ny kode", "Start over with a new code"),
            FolderBeforeRestore => ("Gendan listen fra før …", "Restore the list from before …"),
            FolderBeforeRestoreAsk => ("Gendan listen fra før? Slettede patienter kommer tilbage, og ændrede får deres værdier fra før — på alle afdelingens pc'er. Patienter tilføjet siden bliver.", "Restore the list from before? Deleted patients come back and changed ones get their values from before — on all the department's PCs. Patients added since stay."),
            FolderBeforeRestoreAskWipe => ("Gendan listen fra før? Det fortryder at starte forfra — på alle afdelingens pc'er.", "Restore the list from before? It undoes starting over — on all the department's PCs."),
            FolderBeforeRestoreYes => ("Gendan", "Restore"),
            FolderBeforeNotOpened => ("Listen fra før kan ikke åbnes med den adgangsfrase, der bruges nu. Hent den og importér den med den gamle.", "The list from before cannot be opened with the passphrase in use now. Download it and import it with the old one."),
            FolderBeforeRemove => ("Slet den …", "Delete it …"),
            FolderBeforeRemoveAsk => ("Slet listen fra før på denne pc? Den kan ikke hentes igen.", "Delete the list from before on this PC? It cannot be fetched again."),
            FolderReload => ("Genindlæs siden", "Reload the page"),
            FolderRemoveAskNewer => ("Slet filen? En nyere version skrev den; hvad der kun står i den, er væk, til den pc deler igen. Genindlæs hellere først.", "Delete the file? A newer version wrote it; what is only in it is gone until that PC shares again. Better reload first."),
            FolderRemoveAsk => ("Slet filen fra mappen? Den kan ikke læses, så intet i den kan hentes herfra.", "Delete the file from the folder? It cannot be read, so nothing in it can be taken in from here."),
            FolderUnloadWarning => ("Ændringer er ikke delt i den fælles mappe endnu.", "Changes are not shared in the shared folder yet."),
            FolderShowCode => ("Vis afdelingens kode", "Show the department's code"),
            FolderCopyCode => ("Kopiér koden", "Copy the code"),
            FolderPrintHeading => ("Fælles mappe — afdelingens kode", "Shared folder — the department's code"),
            FolderPrintHow => ("En ny pc, eller en pc hvis browserprofil er nulstillet: slå låsen til, åbn »Fælles mappe« på forløbsoversigten, vælg mappen, og skriv koden. Gem dette ark, hvor afdelingen gemmer adgangskoder.", "A new PC, or a PC whose browser profile was reset: turn the lock on, open »Shared folder« on the worklist, choose the folder and type the code. Keep this sheet where the department keeps passwords."),
            FolderFolderName => ("Mappe", "Folder"),
            FolderDisconnectAsk => ("Denne pc holder op med at dele. Patienterne bliver på pc'en, og afdelingens filer bliver i mappen. For at forbinde igen skal du bruge afdelingens kode. Afbryd?", "This PC stops sharing. The patients stay on this PC, and the department's files stay in the folder. To connect again you need the department's code. Disconnect?"),
            FolderGoToLock => ("Gå til låsen", "Go to the lock"),
            FolderLockedNote => ("Fælles mappe: deling er sat på pause, til du låser op.", "Shared folder: sharing is paused until you unlock."),
            FolderNeedNewSecret => ("Afdelingen er gået over til en ny kode. Skriv den nye kode (24 tegn); få den af den, der skiftede den. Den gamle udskrift gælder ikke længere.", "The department moved to a new code. Type the new code (24 characters); get it from whoever changed it. The old printout no longer works."),
            FolderRotatedSecret => ("Afdelingens nye kode. Den gamle kode og dens udskrift gælder ikke længere: kassér dem. Giv den nye kode til de andre pc'er: de deler ikke, før den er skrevet. Udskriv den, og gem den, hvor afdelingen gemmer adgangskoder.", "The department's new code. The old code and its printout no longer work: discard them. Give the new code to the other PCs: they do not share until it is typed. Print it and keep it where the department keeps passwords."),
            FolderWaitsForAnswer => ("ændringer fra en anden pc venter på dit svar", "changes from another PC wait for your answer"),
            FolderWaitsForCode => ("venter på afdelingens nye kode", "waits for the department's new code"),
            FolderCodeCopied => ("Koden er kopieret.", "The code is copied."),
            FolderCancel => ("Annullér", "Cancel"),
            ChunkFolderFailed => ("»Fælles mappe« kunne ikke hentes (ingen forbindelse til serveren?). Resten af appen virker, og dine data er urørte.", "»Shared folder« could not be loaded (no connection to the server?). The rest of the app works, and your data is untouched."),
            ChunkDetailsFailed => ("Detaljerne kunne ikke hentes (ingen forbindelse til serveren?). Resten af appen virker, og dine data er urørte.", "The details could not be loaded (no connection to the server?). The rest of the app works, and your data is untouched."),
            ChunkRegistrationFailed => ("Registrering (kø af koder) kunne ikke hentes (ingen forbindelse til serveren?). Resten af appen virker, og dine data er urørte.", "Registration (the queue of codes) could not be loaded (no connection to the server?). The rest of the app works, and your data is untouched."),
            FolderTitle => ("Fælles mappe", "Shared folder"),
            FolderIntro => ("Del afdelingens liste gennem en mappe, I allerede har (et netværksdrev eller et synkroniseret SharePoint-bibliotek). Hver pc skriver sin egen krypterede fil i mappen og læser de andres; alt virker fortsat uden mappen.", "Share the department's list through a folder you already have (a network drive or a synced SharePoint library). Each PC writes its own encrypted file in the folder and reads the others'; everything still works without the folder."),
            FolderNeedsLock => ("Slå den lokale lås til først (under »Om værktøjet og dine data«): afdelingens kode gemmes kun låst på denne pc.", "Turn the local lock on first (under »About the tool and your data«): the department's code is kept on this PC only when locked."),
            FolderConnect => ("Vælg mappe …", "Choose folder …"),
            FolderWorking => ("Arbejder … (nøglen dannes; det tager et øjeblik)", "Working … (the key is being made; it takes a moment)"),
            FolderNeedSecret => ("Mappen bruges allerede af afdelingen. Skriv afdelingens kode (24 tegn i seks grupper); den står på den udskrift, der blev lavet, da mappen blev taget i brug.", "The folder already holds a department's list. Type the department's code (24 characters in six groups); it is on the printout made when the folder was first used."),
            FolderSecretLabel => ("Afdelingens kode", "The department's code"),
            FolderJoin => ("Tilslut", "Join"),
            FolderNewSecret => ("Afdelingens kode. Udskriv den eller skriv den ned, og gem den, hvor afdelingen gemmer adgangskoder: hver ny pc og hver pc, hvis browserprofil er nulstillet, skal bruge den. (En forbundet pc kan vise den igen, når låsen er åben.)", "The department's code. Print it or write it down, and keep it where the department keeps passwords: every new PC, and every PC whose browser profile was reset, needs it. (A connected PC can show it again while its lock is open.)"),
            FolderPrint => ("Udskriv", "Print"),
            FolderSecretNoted => ("Jeg har gemt koden", "I have kept the code"),
            FolderSyncNow => ("Del nu", "Share now"),
            FolderDiagnose => ("Kopiér teknisk diagnose til it-support", "Copy technical diagnosis for IT support"),
            FolderDiagnoseCopied => ("Diagnosen er kopieret (ingen patientdata). Sæt den ind i en besked til it-support.", "The diagnosis is copied (no patient data). Paste it into a message to IT support."),
            FolderDisconnect => ("Afbryd forbindelsen på denne pc", "Disconnect this PC"),
            FolderPermit => ("Giv adgang til mappen", "Allow access to the folder"),
            FolderNeedPermission => ("Browseren spørger igen om lov til at skrive i mappen.", "The browser asks again for permission to write in the folder."),
            FolderAccept => ("Anvend ændringerne", "Apply the changes"),
            ChunkAboutFailed => ("»Om værktøjet og dine data« (lås, rolle, slet alle data) kunne ikke hentes (ingen forbindelse til serveren?). Resten af appen virker, og dine data er urørte.", "»About the tool and your data« (lock, role, delete all data) could not be loaded (no connection to the server?). The rest of the app works, and your data is untouched."),
            ChunkRetry => ("Prøv igen", "Try again"),
            DeletePatientAsk => ("Slet", "Delete"),
            DeletePatientConfirm => ("Slet patienten for altid?", "Delete the patient for good?"),
            DeletePatientYes => ("Ja, slet", "Yes, delete"),
            RegQueueClash => ("Konflikt i forløbet: to værdier for samme felt. Afklar den i forløbet, før koden registreres.", "Clash in the case: two values for one field. Resolve it in the case before the code is registered."),
            JournalClash => ("OBS: Forløbet har en konflikt (to værdier for samme felt, skrevet uden at se hinanden). Teksten nedenfor bruger den ene værdi. Afklar konflikten i forløbet, før teksten bruges.", "NOTE: The case has a clash (two values for one field, written without seeing each other). The text below uses one of them. Resolve the clash in the case before the text is used."),
            ChunkLoading => ("Henter …", "Loading …"),
            ChunkTriedAgain => ("Prøvet igen uden held, forsøg", "Tried again without success, attempt"),
            Print => ("Udskriv", "Print"),
            PrintedOn => ("Udskriftsdato", "Date printed"),
            DownloadIcs => ("Hent fristerne som kalenderfil (.ics)", "Download the deadlines as a calendar file (.ics)"),
            Backup => ("Sikkerhedskopi", "Backup"),
            Export => ("Eksportér alle forløb (JSON)", "Export all cases (JSON)"),
            Import => ("Importér en sikkerhedskopi", "Import a backup"),
            ImportPreview => ("Det vil importen gøre — intet er ændret endnu:", "What the import will do — nothing has changed yet:"),
            ImportApply => ("Gennemfør import", "Import"),
            ImportCancel => ("Annullér", "Cancel"),
            ImportDone => ("Importen er gennemført.", "The import is done."),
            LastBackup => ("Seneste sikkerhedskopi", "Last backup"),
            Never => ("aldrig", "never"),
            BackupDue => ("Der er gået mere end en uge uden sikkerhedskopi. Eksportér forløbene, så intet går tabt, hvis browserens data slettes.", "More than a week has passed without a backup. Export the cases so nothing is lost if the browser's data is cleared."),
            Share => ("Del", "Share"),
            SharedCase => ("Delt forløb", "Shared case"),
            ShareLockConfirm => ("Linket og QR-koden er ikke krypteret: forløbets svar og datoer kan læses af den, der ser eller scanner dem, og et åbnet link gemmes i den åbnende enheds historik. Vis dem alligevel?", "The link and the QR code are not encrypted: the case's answers and dates can be read by whoever sees or scans them, and an opened link is kept in the history of the device that opens it. Show them anyway?"),
            ShareLockYes => ("Ja, vis link og QR-kode", "Yes, show the link and QR code"),
            ShareHelp => ("Linket indeholder forløbets kliniske svar og datoer — aldrig betegnelse eller noter. Alt efter # i linket bliver i browseren og sendes ikke til nogen server, men et åbnet link gemmes i browserens historik på den enhed, der åbner det. Scan QR-koden med tabletten for at åbne forløbet dér.", "The link holds the case's clinical answers and dates — never its label or notes. Everything after # stays in the browser and is sent to no server, but a link that is opened is kept in the browser's history on the device that opens it. Scan the QR code with the tablet to open the case there."),
            ShareLink => ("Link til forløbet", "Link to the case"),
            CopyLink => ("Kopiér link", "Copy link"),
            QrLabel => ("QR-kode med linket til forløbet", "QR code with the link to the case"),
            SharedHeading => ("Delt forløb (skrivebeskyttet)", "Shared case (read-only)"),
            SharedHelp => ("Forløbet er åbnet fra et link og er ikke gemt i denne browser. Gem det som nyt forløb under en pseudonym betegnelse for at arbejde videre.", "The case was opened from a link and is not saved in this browser. Save it as a new case under a pseudonymous label to work on it."),
            SaveAsNew => ("Gem som nyt forløb", "Save as a new case"),
            About => ("Om værktøjet og dine data", "About the tool and your data"),
            AboutText1 => ("Værktøjet er et hjælpeværktøj til Sundhedsstyrelsens Pakkeforløb for metastaser uden organspecifik kræfttype. Lokale retningslinjer og gældende nationale retningslinjer har forrang.", "The tool supports Sundhedsstyrelsen's pathway for metastases without an organ-specific cancer type. Local guidelines and current national guidance take precedence."),
            AboutText2 => ("Dette gemmes: hvert forløbs pseudonyme betegnelse, svarene i guiden, datoerne, afkrydsninger, korte noter, registrerede koder og dine indstillinger (sprog, seneste sikkerhedskopi, hvornår låsen lukker). Med låsen slået til er alt andet end indstillingerne krypteret.", "What is stored: each case's pseudonymous label, the answers in the wizard, the dates, ticks, short notes, registered codes and your settings (language, last backup, when the lock closes). With the lock on, everything but the settings is encrypted."),
            AboutText3 => ("Hvor: kun i denne browsers lokale lager (localStorage) på denne enhed. Intet sendes til nogen server — heller ikke når du deler et forløb: linket bærer svarene efter #, som browseren aldrig sender. Siden selv kan gemmes i browseren, så den virker uden netforbindelse.", "Where: only in this browser's local storage on this device. Nothing is sent to any server — not even when you share a case: the link carries the answers after #, which the browser never sends. The page itself may be kept by the browser so it works offline."),
            AboutText4 => ("Brug aldrig navne eller CPR-numre; værktøjet afviser tekst, der ligner et CPR-nummer. Alle kan læse oversigten på en delt pc, der er logget ind som dig: luk browseren efter brug, eller slå låsen nedenfor til.", "Never use names or CPR numbers; the tool refuses text that looks like a CPR number. Anyone using a shared PC logged in as you can read the worklist: close the browser after use, or turn on the lock below."),
            DeleteAll => ("Slet alle data", "Delete all data"),
            DeleteAllConfirm => ("Alt, værktøjet har gemt i denne browser, slettes og kan ikke genskabes. Eksportér en sikkerhedskopi først, hvis du vil beholde forløbene.", "Everything the tool has stored in this browser is deleted and cannot be recovered. Export a backup first if you want to keep the cases."),
            DeleteAllYes => ("Ja, slet alt", "Yes, delete everything"),
            Deleted => ("Alle data er slettet.", "All data has been deleted."),
            Lock => ("Lås", "Lock"),
            LockedTitle => ("Værktøjet er låst", "The tool is locked"),
            LockedIntro => ("Forløbene er krypteret i denne browser. Skriv adgangsfrasen for at åbne dem.", "The cases are encrypted in this browser. Enter the passphrase to open them."),
            Passphrase => ("Adgangsfrase", "Passphrase"),
            PassphraseRepeat => ("Gentag adgangsfrasen", "Repeat the passphrase"),
            Unlock => ("Lås op", "Unlock"),
            Working => ("Arbejder …", "Working …"),
            LockForgotten => ("Glemt adgangsfrasen? Så kan forløbene ikke gendannes — af nogen. Du kan slette dem, begynde forfra og derefter importere en sikkerhedskopi.", "Forgotten the passphrase? Then the cases cannot be recovered — by anyone. You can delete them and start again, then import a backup."),
            ImportReplaces => ("— erstatter", "— replaces"),
            LockedDeleteIntro => ("Alt, værktøjet har gemt i denne browser, slettes med adgangsfrasen og kan ikke genskabes.", "Everything the tool has stored in this browser is deleted with the passphrase and cannot be recovered."),
            LockedDeleteButton => ("Slet alle data med adgangsfrasen", "Delete all data with the passphrase"),
            LockedForgottenSummary => ("Glemt adgangsfrasen: slet alt uden den", "Forgotten the passphrase: delete everything without it"),
            LockedForgottenLost => ("Dette sletter hele oversigten i denne browser for alle, der bruger den: hver patients forløb, svar, datoer, tjekliste og noter, låsen og indstillingerne. Intet kan gendannes uden en sikkerhedskopi; en sikkerhedskopi, der allerede er gemt som fil, berøres ikke. Skriv SLET ALT for at bekræfte.", "This deletes the whole worklist in this browser for everyone who uses it: every patient's case, answers, dates, checklist and notes, the lock and the settings. Nothing can be recovered without a backup; a backup already saved as a file is not affected. Type DELETE ALL to confirm."),
            LockedForgottenWordLabel => ("Bekræftelse", "Confirmation"),
            LockedForgottenWord => ("SLET ALT", "DELETE ALL"),
            LockedForgottenButton => ("Slet alt uden adgangsfrasen", "Delete everything without the passphrase"),
            LockSection => ("Lås til delte pc'er", "Lock for shared PCs"),
            LockExplain => ("Valgfri (fra, til den slås til). Med låsen slået til krypteres forløbene i browseren med en adgangsfrase (AES-GCM; nøglen afledes med PBKDF2-SHA-256, 600.000 gange). Værktøjet låser sig selv efter den valgte tid uden brug, og når du trykker »Lås«.", "Optional (off until turned on). With the lock on, the cases are encrypted in the browser with a passphrase (AES-GCM; the key is derived with PBKDF2-SHA-256, 600,000 times). The tool locks itself after the chosen time without use, and when you press “Lock”."),
            LockWarning => ("Glemmer du adgangsfrasen, kan forløbene ikke gendannes — hverken af dig, af IT-afdelingen eller af os.", "If you forget the passphrase, the cases cannot be recovered — not by you, the IT department or us."),
            LockBackupFirst => ("Tag en sikkerhedskopi først:", "Take a backup first:"),
            BackupPlain => ("Hent ukrypteret sikkerhedskopi", "Download an unencrypted backup"),
            BackupEncrypted => ("Hent krypteret sikkerhedskopi (med adgangsfrasen ovenfor)", "Download an encrypted backup (with the passphrase above)"),
            LockEnable => ("Slå lås til", "Turn the lock on"),
            LockIsOn => ("Låsen er slået til: forløbene er krypteret i browseren.", "The lock is on: the cases are encrypted in the browser."),
            LockNow => ("Lås nu", "Lock now"),
            LockDisable => ("Slå lås fra", "Turn the lock off"),
            LockDisableConfirm => ("Forløbene gemmes derefter ukrypteret i browseren, og alle med adgang til pc'en kan læse dem. Fortsæt?", "The cases will then be stored unencrypted in the browser, readable by anyone with access to the PC. Continue?"),
            LockDisableYes => ("Ja, slå lås fra", "Yes, turn the lock off"),
            LockTurnedOff => ("Låsen er slået fra.", "The lock is off."),
            IdleMinutes => ("Lås efter så mange minutter uden brug", "Lock after this many minutes without use"),
            Minutes => ("min.", "min"),
            ExportEncrypted => ("Eksportér krypteret (med adgangsfrasen)", "Export encrypted (with the passphrase)"),
            ImportLocked => ("Sikkerhedskopien er krypteret. Skriv den adgangsfrase, den blev lavet med:", "The backup is encrypted. Enter the passphrase it was made with:"),
            DeleteCopy => ("Slet kopien", "Delete the copy"),
            LockRemovedIntro => ("Låsen er ikke fjernet her. Fortsætter du uden lås, læses det, der nu er gemt, og forløbene gemmes derefter ukrypteret i denne browser, læselige for alle med adgang til pc'en.", "The lock has not been removed here. If you go on without the lock, what is stored now is read, and the cases are then stored unencrypted in this browser, readable by anyone with access to the PC."),
            LockRemovedYes => ("Ja, fortsæt uden lås", "Yes, go on without the lock"),
            WeakPassphrase => ("Adgangsfrasen åbner stadig låsen, men en ny lås ville afvise den (under 12 tegn eller meget almindelig). Skift den: slå låsen fra og til igen under Om med en længere frase.", "The passphrase still opens the lock, but a new lock would refuse it (under 12 characters or very common). Change it: turn the lock off and on again under About with a longer phrase."),
            PlainBackupConfirm => ("Filen er ikke krypteret og bliver liggende i denne pc's Overførsler (Downloads), hvor alle med adgang til pc'en kan læse den. Den krypterede sikkerhedskopi er det sikre valg. Hent den ukrypterede alligevel?", "The file is not encrypted and stays in this PC's Downloads, where anyone with access to the PC can read it. The encrypted backup is the safe choice. Download the unencrypted one anyway?"),
            PlainBackupYes => ("Ja, hent ukrypteret", "Yes, download unencrypted"),
            CaseNumber => ("Forløb nr.", "Case no."),
            ImportOpen => ("Åbn sikkerhedskopien", "Open the backup"),
            ChangedElsewhere => ("Forløbet er netop ændret i en anden fane eller et andet vindue; her vises nu den nyeste ændring.", "The case was just changed in another tab or window; this view shows the latest change."),
            DownloadUnreadable => ("Hent de ulæselige data", "Download the unreadable data"),
            ShowAll => ("Vis alle åbne forløb", "Show all open cases"),
            SharedMissing => ("Det delte forløb er ikke gemt i denne browser. Åbn linket igen.", "The shared case is not saved in this browser. Open the link again."),
            PersistGranted => ("Browseren har givet varig lagring: data slettes ikke automatisk.", "The browser granted persistent storage: data is not cleared automatically."),
            PersistDenied => ("Browseren har ikke givet varig lagring: data kan slettes, hvis der mangler plads. Safari sletter et websteds data efter ca. en uge uden brug, medmindre appen er føjet til hjemmeskærmen. Tag jævnligt en sikkerhedskopi.", "The browser did not grant persistent storage: data may be cleared when space runs low. Safari deletes a site's data after about a week without use unless the app is on the home screen. Export a backup regularly."),
            FlagMissed => ("Standard ikke overholdt:", "Standard missed:"),
            NotRegisteredPrint => ("ikke registreret", "not registered"),
            LabelHint => ("Højst 40 tegn. Ingen navne eller CPR-numre.", "At most 40 characters. No names or CPR numbers."),
            NoneYet => ("ingen endnu", "none yet"),
            StateCheckDates => ("Kontrollér datoer", "Check the dates"),
            FlagUnregistered => ("Har dato, men er ikke markeret som registreret:", "Dated but not marked as registered:"),
            NextCode => ("Næste kode", "Next code"),
            ArchivedNotice => ("er arkiveret og flyttet til »Arkiverede forløb«.", "is archived and moved to “Archived cases”."),
            Undo => ("Fortryd", "Undo"),
            Dismiss => ("Luk besked", "Dismiss"),
            AtAGlance => ("Overblik", "At a glance"),
            CaseSections => ("Forløbets afsnit", "Sections of the case"),
            GoToEnding => ("Afslut pakkeforløbet (AFD01X1/AFD01X2)", "End the pathway (AFD01X1/AFD01X2)"),
            EndingHint => ("Slutdato og årsag registreres under Forløbstider.", "The end date and reason are recorded under Time standards."),
            NoDeadlineRunning => ("Ingen frist løber.", "No deadline is running."),
            NoNextCode => ("Ingen kode venter.", "No code is waiting."),
            AnswersHeading => ("Afgivne svar", "Answers given"),
            DatePlaceholder => ("dd.mm.åååå", "dd.mm.yyyy"),
            DatePick => ("Vælg dato i kalender", "Choose the date in a calendar"),
            DateUnreadable => ("Datoen kan ikke læses. Skriv dag, måned og år, fx 26.11.2026 (eller 26.11.26, 26/11/2026, 26-11-2026).", "The date cannot be read. Type day, month and year, e.g. 26.11.2026 (or 26.11.26, 26/11/2026, 26-11-2026)."),
            DateNoSuchDay => ("Den dato findes ikke. Skriv dagen før måneden, fx 26.11.2026.", "There is no such date. Type the day before the month, e.g. 26.11.2026."),
            DateOutOfRange => ("Året skal ligge mellem 1900 og 2099.", "The year must be between 1900 and 2099."),
            DateKept => ("Den gemte dato er uændret:", "The stored date is unchanged:"),
            DateNoneKept => ("Der er ikke gemt nogen dato.", "No date is stored."),
            OrderReading => ("Rækkefølgen er værktøjets læsning", "Order: this tool's reading"),
            ChecklistLater => ("Senere trin", "Later steps"),
            ChecklistDone => ("Udført", "Done"),
            ChecklistStillOpen => ("Fra et tidligere trin: stadig åbent.", "From an earlier step: still open."),
            OrderReadingOnce => ("† Rækkefølgen er værktøjets læsning, hvor teksten ikke angiver den; hvorfor, står under punktets kildetekst.", "† Order: this tool's reading where the text gives none; why is under the item's source text."),
            StatsTitle => ("Forløbstider i afdelingen", "Pathway times in the department"),
            StatsIntro => ("Hvor mange forløb overholder hver standardforløbstid i kap. 6 — som Sundhedsstyrelsen følger dem, kvartal for kvartal. Tallene beregnes i browseren ud fra forløbene her, også de lukkede.", "How many courses meet each standard time of chapter 6 — as Sundhedsstyrelsen monitors them, quarter by quarter. The figures are computed in the browser from the cases here, closed ones included."),
            StatsPeriod => ("Periode", "Period"),
            StatsChoosePeriod => ("Vælg periode", "Choose the period"),
            StatsLast12 => ("Seneste 12 måneder", "Last 12 months"),
            StatsCustom => ("Valgt periode", "Chosen period"),
            StatsFrom => ("Fra", "From"),
            StatsTo => ("Til og med", "To (inclusive)"),
            StatsPeriodShown => ("Perioder, der sluttede", "Periods that ended"),
            StatsPeriodInvalid => ("Fra-datoen skal ligge før til-datoen; perioden er ikke ændret.", "The from date must come before the to date; the period is unchanged."),
            StatsCasesInPeriod => ("Forløb i perioden", "Cases in the period"),
            StatsOverview => ("Standardforløbstider (kap. 6)", "Standard times (chapter 6)"),
            StatsColMeasure => ("Forløbstid", "Period"),
            StatsColStandard => ("Standard", "Standard"),
            StatsColCompleted => ("Afsluttede", "Completed"),
            StatsColWithin => ("Inden for standard", "Within the standard"),
            StatsColShare => ("Andel inden for", "Share within"),
            StatsColMedian => ("Median, dage", "Median, days"),
            StatsColP90 => ("90-percentil, dage", "90th percentile, days"),
            StatsColRunningOver => ("I gang, allerede over", "Still running, already over"),
            StatsColQuarter => ("Kvartal", "Quarter"),
            StatsPartial => ("delvis", "part"),
            StatsMeasureFirst => ("Fra henvisning modtaget til første fremmøde på udredende afdeling", "From referral received to first attendance at the investigating department"),
            StatsMeasureWorkup => ("Fra første fremmøde på udredende afdeling til afslutning på primær udredning", "From first attendance at the investigating department to the end of primary work-up"),
            StatsMeasureOncology => ("Fra afslutning på primær udredning til første fremmøde på onkologisk afdeling", "From the end of primary work-up to first attendance at the oncology department"),
            StatsMeasureWhole => ("Hele forløbet: periodernes samlede tid fra henvisning modtaget", "The whole course: the periods' total time from referral received"),
            StatsWholeStandard => ("20 eller 26 dage", "20 or 26 days"),
            StatsWholeNote => ("Teksten giver ingen standard for hele forløbet. Værktøjet lægger standarderne for de perioder sammen, der gælder forløbet: 6 + 14 = 20 dage, når forløbet slutter ved afslutning på primær udredning (AFD01X1), og 6 + 14 + 6 = 26 dage, når patienten henvises til onkologisk afdeling.", "The text gives no standard for the whole course. The tool adds the standards of the periods that apply to the course: 6 + 14 = 20 days when the course ends at the end of primary work-up (AFD01X1), and 6 + 14 + 6 = 26 days when the patient is referred to oncology."),
            StatsDays => ("dage", "days"),
            StatsDaysUsed => ("dage brugt", "days used"),
            StatsStandardWord => ("standard", "standard"),
            StatsWithinWord => ("inden for", "within"),
            StatsOverWord => ("over", "over"),
            StatsDistribution => ("Fordeling af dage brugt", "Distribution of days used"),
            StatsShareByQuarter => ("Andel inden for standard pr. kvartal", "Share within the standard by quarter"),
            StatsDistributionTable => ("Fordelingen som tabel", "The distribution as a table"),
            StatsColDays => ("Dage brugt", "Days used"),
            StatsColNumberWithin => ("Antal inden for", "Number within"),
            StatsColNumberOver => ("Antal over", "Number over"),
            StatsNoneCompleted => ("Ingen afsluttede perioder.", "No completed periods."),
            StatsChartCompleted => ("afsluttede", "completed"),
            StatsChartMedian => ("median", "median"),
            StatsChartP90 => ("90-percentil", "90th percentile"),
            StatsDestinations => ("Hvor patienterne gik hen", "Where the patients went"),
            StatsDestinationsNote => ("Forløbene i perioden efter modellens svar på, hvor patienten hører til; en foreløbig destination tæller, hvor svarene indtil nu peger.", "The cases in the period by the model's answer to where the patient belongs; a provisional destination counts where the answers so far point."),
            StatsColDestination => ("Hvor hører patienten til", "Where the patient belongs"),
            StatsColCases => ("Forløb", "Cases"),
            StatsTotal => ("I alt", "Total"),
            StatsUnregistered => ("Koder med dato, der ikke er markeret registreret", "Codes with a date not marked registered"),
            StatsColCode => ("Kode", "Code"),
            StatsColInPeriod => ("Dato i perioden", "Dated in the period"),
            StatsColAllDates => ("Alle datoer", "Any date"),
            StatsCheckDates => ("Kontrollér datoer", "Check dates"),
            StatsCheckDatesNote => ("Forløb, hvis datoer modsiger hinanden eller ligger efter i dag, tælles ikke med i standarderne, uanset periode. Ret datoerne i forløbet:", "Cases whose dates contradict each other or lie after today are not counted in the standards, whatever the period. Correct the dates in the case:"),
            StatsCheckDatesNone => ("Ingen forløb med modstridende datoer.", "No case with contradictory dates."),
            StatsHowCounted => ("Sådan tælles tallene", "How the figures are counted"),
            StatsHow1 => ("En periode tælles i den periode og det kvartal, hvor den sluttede. Dage tælles i kalenderdage som slutdato minus startdato; præcis N dage er inden for standarden på N dage.", "A period counts in the period and the quarter in which it ended. Days are calendar days, end date minus start date; exactly N days is within a standard of N days."),
            StatsHow2 => ("»I gang, allerede over«: perioder, der stadig løber i dag, og hvis frist var overskredet på periodens (eller kvartalets) sidste dag. Perioder, der blev afbrudt, fordi pakkeforløbet sluttede (fx AFD01X2), tælles ikke.", "“Still running, already over”: periods still running today whose due date had passed on the last day of the period (or quarter). Periods cut short because the pathway ended (e.g. AFD01X2) are not counted."),
            StatsHow3 => ("Median og 90-percentil efter nærmeste rang: værdien på plads ⌈p/100 · n⌉ i den sorterede række; ved et lige antal er medianen den nederste af de to midterste.", "Median and 90th percentile by nearest rank: the value at place ⌈p/100 · n⌉ in the sorted list; for an even number the median is the lower of the two middle values."),
            StatsHow4 => ("Andele vises med én decimal og rundes aldrig op til 100 % eller ned til 0 %, medmindre det er sandt. Lukkede forløb tæller med; et forløb tælles én gang, også når det er lukket og genåbnet.", "Shares are shown to one decimal and never rounded up to 100 % or down to 0 % unless true. Closed cases count; a case counts once, also when it was closed and reopened."),
            StatsExportCsv => ("Eksportér CSV til registrering (alle forløb)", "Export CSV for registration (all cases)"),
            StatsCsvNote => ("Én række pr. patient, alle forløb uanset periode: datoer (dd.mm.åååå og ISO), dage brugt og status for hver standard, hver kode med dato og om den er markeret registreret. Semikolon-separeret, UTF-8; åbner direkte i et dansk regneark. En celle, der ville begynde med = + - eller @, får en apostrof foran, så den aldrig køres som formel.", "One row per patient, every case whatever the period: dates (dd.mm.yyyy and ISO), days used and state for each standard, each code with its date and whether it is marked registered. Semicolon-separated, UTF-8; opens directly in a Danish spreadsheet. A cell that would start with = + - or @ gets an apostrophe first, so it never runs as a formula."),
            StatsCsvLockConfirm => ("CSV-filen er ikke krypteret og bliver liggende i denne pc's Overførsler (Downloads), hvor alle med adgang til pc'en kan læse den. Hent den alligevel?", "The CSV file is not encrypted and stays in this PC's Downloads, where anyone with access to the PC can read it. Download it anyway?"),
            StatsCsvLockYes => ("Ja, hent CSV", "Yes, download the CSV"),
            StatsPrintDate => ("Udskriftsdato", "Date printed"),
            StatsShortFirst => ("Henvisning → første fremmøde", "Referral → first attendance"),
            StatsShortWorkup => ("Første fremmøde → afslutning på primær udredning", "First attendance → end of primary work-up"),
            StatsShortOncology => ("Afslutning på primær udredning → første fremmøde på onkologisk afdeling", "End of primary work-up → first attendance at oncology"),
            StatsShortWhole => ("Hele forløbet", "The whole course"),
            StatsWholeIsSum => ("Pakkeforløbet har ingen standard for hele forløbet: 20 eller 26 er værktøjets sum af dets standarder", "The pathway has no standard for the whole course: 20 or 26 is this tool's sum of its standards"),
        };
        Text::new(da, en)
    }
}

// ----- The messages of errors (the errors themselves carry no text) -----

/// What a person reads of an error (issue 27): every error that reaches a
/// person says itself through this one trait, here with the rest of the UI
/// text, in either language.
pub trait Message {
    fn message(&self, lang: Lang) -> String;

    fn message_da(&self) -> String {
        self.message(Lang::Da)
    }
}

use crate::lockbox::{BoxFault, Damage, LockError, MIN_PASSPHRASE_CHARS};
use crate::state::{CalendarName, ChangeError};
use crate::pathway::questions::AnswerError;
use crate::share::ShareError;
use crate::storage::{Fault, ImportError, StorageError, WriteFault, MAX_BACKUP_BYTES, MAX_BACKUP_PATIENTS};
use crate::patients::{LabelError, NoteError, TextFault, TextField, TextRefused, MAX_LABEL_CHARS};

/// The texts of the merge (issue 24): clashes kept inside a patient, a
/// deletion beside an edit. A block of its own, beside `K`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum M {
    ClashHeading,
    ClashIntro,
    Choose,
    Chosen,
    Empty,
    WrittenHere,
    WrittenElsewhere,
    WrittenBeforeStamps,
    DeletedElsewhere,
    KeepPatient,
    DeletePatient,
    FlagClash,
    FieldLabel,
    FieldArchived,
    FieldCreated,
    FieldNote,
    FieldRegistered,
    FieldTick,
    FieldModel,
    FieldOther,
    UnnamedPatient,
    EventReferralReceived,
    EventFirstAttendance,
    EventReferredToSecondary,
    EventSecondaryFirstAttendance,
    EventEnded,
    EventAcuteReferralMade,
    EventHandedOver,
    EventWorkupLengthened,
}

impl M {
    pub fn text(self) -> Text {
        use M::*;
        let (da, en) = match self {
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
        };
        Text::new(da, en)
    }
}

impl Lang {
    pub fn m(self, m: M) -> &'static str {
        self.pick(m.text())
    }
}

impl Message for NoteError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (NoteError::TooLong { max_chars }, Lang::Da) => format!("Teksten må højst være {max_chars} tegn."),
            (NoteError::TooLong { max_chars }, Lang::En) => format!("The text may be at most {max_chars} characters."),
            (NoteError::LooksLikeCpr, _) => lang
                .pick(Text::new(
                    "Teksten ligner et CPR-nummer og gemmes ikke. Skriv ingen CPR-numre eller navne.",
                    "The text looks like a CPR number and is not saved. Write no CPR numbers or names.",
                ))
                .into(),
            (NoteError::Hidden, _) => lang
                .pick(Text::new(
                    "Teksten indeholder et usynligt tegn eller et retningstegn og gemmes ikke. Skriv den igen.",
                    "The text holds an invisible or direction character and is not saved. Type it again.",
                ))
                .into(),
        }
    }
}

impl Lang {
    /// After joining: "Tilsluttet. Listen har nu 12 patienter."
    pub fn folder_joined(self, patients: usize) -> String {
        match self {
            Lang::Da => format!("Tilsluttet. Listen har nu {patients} patienter."),
            Lang::En => format!("Joined. The list now has {patients} patients."),
        }
    }

    /// The list kept from before an accepted valve change (issue 25, point
    /// 5), or from before it was started over here (`file` empty).
    pub fn folder_before(self, file: &str, when: &str) -> String {
        let what = match (self, file.is_empty()) {
            (Lang::Da, true) => "før den blev startet forfra".to_string(),
            (Lang::Da, false) => format!("før ændringerne fra »{file}«"),
            (Lang::En, true) => "before it was started over".to_string(),
            (Lang::En, false) => format!("before the changes from »{file}«"),
        };
        match self {
            Lang::Da => format!("Listen {what} ({when}) er gemt krypteret her. Hentet åbnes den med »Importér en sikkerhedskopi« og adgangsfrasen."),
            Lang::En => format!("The list {what} ({when}) is kept encrypted here. Downloaded, it opens with »Import a backup« and the passphrase."),
        }
    }

    /// *Start afdelingens liste forfra?* with the number of patients it deletes.
    pub fn folder_wipe_ask(self, patients: usize) -> String {
        match self {
            Lang::Da => format!("Start forfra? Alle {patients} patienter slettes her og, med den nye kode, på de andre pc'er (over 20 spørger de først). Listen gemmes krypteret her. Afdelingen får en ny kode; de gamle filer bliver i mappen."),
            Lang::En => format!("Start over? All {patients} patients are deleted here and, with the new code, on the other PCs (above 20 they ask first). The list is kept encrypted here. The department gets a new code; the old files stay in the folder."),
        }
    }

    /// After *Gendan*: how many patients came back.
    pub fn folder_restored(self, n: usize) -> String {
        let s = if n == 1 { "" } else { self.pick(Text::new("er", "s")) };
        match self {
            Lang::Da => format!("Gendannet: {n} patient{s} (deles ved næste deling)."),
            Lang::En => format!("Restored: {n} patient{s} (shared at the next round)."),
        }
    }

    /// The shared folder's status line: "3 pc'er har delt den sidste uge ·
    /// sidst delt 10:42", "… · ændringer venter på at blive delt".
    pub fn folder_line(self, active: usize, last_shared: Option<&str>, unwritten: bool) -> String {
        let pcs = match (self, active == 1) {
            (Lang::Da, true) => "1 pc har delt den sidste uge".to_string(),
            (Lang::Da, false) => format!("{active} pc'er har delt den sidste uge"),
            (Lang::En, true) => "1 PC shared in the last week".to_string(),
            (Lang::En, false) => format!("{active} PCs shared in the last week"),
        };
        let last = match last_shared {
            Some(t) => format!(" · {} {t}", self.pick(Text::new("sidst delt", "last shared"))),
            None => String::new(),
        };
        let pending = match (unwritten, last_shared.is_some()) {
            (true, _) => format!(" · {}", self.pick(Text::new("ændringer venter på at blive delt", "changes wait to be shared"))),
            (false, false) => format!(" · {}", self.pick(Text::new("ikke delt endnu", "not shared yet"))),
            (false, true) => String::new(),
        };
        format!("{pcs}{last}{pending}")
    }
}

impl Message for crate::state::FolderProblem {
    fn message(&self, lang: Lang) -> String {
        use crate::folder::secret::SecretError;
        use crate::folder_web::JsFailure;
        use crate::state::FolderProblem::*;
        let (da, en): (String, String) = match self {
            Connect(JsFailure::Missing) => ("Denne browser kan ikke dele en mappe (det kan Chrome og Edge på en pc, ikke Safari, Firefox eller en tablet). Brug sikkerhedskopi i stedet.".into(), "This browser cannot share a folder (Chrome and Edge on a PC can; Safari, Firefox and tablets cannot). Use a backup instead.".into()),
            Connect(JsFailure::Cancelled) => ("Ingen mappe valgt. (Browseren afviser også et drev, Dokumenter og Skrivebord: vælg en undermappe.)".into(), "No folder chosen. (The browser also refuses a drive's root, Documents and Desktop: choose a subfolder.)".into()),
            Connect(JsFailure::Refused) => ("Du sagde nej til at lade appen skrive i mappen. Uden det kan listen ikke deles.".into(), "You said no to letting the app write in the folder. Without it the list cannot be shared.".into()),
            Connect(JsFailure::Blocked) => ("Browseren tillader ikke adgang til mappen (en politik fra it-afdelingen?). Se README-afsnittet om it-indstillinger, eller kopiér diagnosen til it-support.".into(), "The browser does not allow access to the folder (a policy set by IT?). See the README's section on IT settings, or copy the diagnosis for IT support.".into()),
            Connect(JsFailure::NoFolder) => ("Ingen mappe er forbundet på denne pc. Vælg mappen igen.".into(), "No folder is connected on this PC. Choose the folder again.".into()),
            Connect(JsFailure::Io(n)) => (format!("Mappen kunne ikke læses ({n}). Der prøves igen."), format!("The folder could not be read ({n}). It will be tried again.")),
            NeedsLock => (lang.t(K::FolderNeedsLock).into(), lang.t(K::FolderNeedsLock).into()),
            Secret(SecretError::Length(n)) => (format!("Koden har 24 tegn; der står {n}."), format!("The code has 24 characters; {n} were typed.")),
            Secret(SecretError::Character { position, found }) => (format!("Tegn nr. {position} (»{found}«) findes ikke i koden."), format!("Character {position} (»{found}«) is not in the code.")),
            Secret(SecretError::Check) => ("Koden er skrevet forkert et sted (kontrollen passer ikke). Se efter på udskriften.".into(), "The code is mistyped somewhere (its check fails). Compare it with the printout.".into()),
            WrongSecret => ("Koden passer ikke til afdelingens filer i denne mappe. Er det den rigtige mappe og den nyeste kode?".into(), "The code does not open the department's files in this folder. Is it the right folder and the newest code?".into()),
            Crypto => ("Browserens kryptering svarede ikke. Prøv igen; ellers kopiér diagnosen til it-support.".into(), "The browser's encryption did not answer. Try again; otherwise copy the diagnosis for IT support.".into()),
            SeatUnreadable => ("Mappens opsætning på denne pc kunne ikke læses. Afbryd forbindelsen og forbind igen med afdelingens kode.".into(), "The folder's setup on this PC could not be read. Disconnect and connect again with the department's code.".into()),
            Unreadable(file) => (format!("Filen »{file}« kan ikke læses (forsøgt 3 gange). Den overskrives og slettes ikke."), format!("The file »{file}« cannot be read (tried 3 times). It is not overwritten or deleted.")),
            BeforeNotKept { wipe: false } => ("Listen fra før kunne ikke gemmes (ikke plads), så intet er ændret. Eksportér en sikkerhedskopi, og tryk så »Anvend ændringerne« igen for at anvende dem uden.".into(), "The list from before could not be kept (no room), so nothing changed. Export a backup, then press »Apply the changes« again to apply them without it.".into()),
            BeforeNotKept { wipe: true } => ("Listen kunne ikke gemmes (ikke plads), så intet er ændret.".into(), "The list could not be kept (no room), so nothing changed.".into()),
            NotLoaded => ("Mappens del af appen kunne ikke hentes (offline?). Der prøves igen.".into(), "The folder's part of the app could not be fetched (offline?). It is tried again.".into()),
            NewerVersion { file, .. } => (format!("En anden pc (filen »{file}«) kører en nyere version af appen — genindlæs siden for at få den."), format!("Another PC (the file »{file}«) runs a newer version of the app — reload the page to get it.")),
            NewerEpoch => ("Mappen har filer med en nyere kode. Er afdelingens kode skiftet, så skriv den nye kode.".into(), "The folder has files under a newer code. If the department's code was changed, type the new code.".into()),
            Moved => ("Afdelingen er gået over til en ny kode; denne pc deler ikke, før den nye kode er skrevet.".into(), "The department moved to a new code; this PC does not share until the new code is typed.".into()),
            Valve { file, patients } => (format!("En anden pc's fil »{file}« ville slette eller overskrive {patients} patienter på én gang (er listen startet forfra dér?). Intet ændres, før du svarer, og denne pc deler ikke imens. Anvendes de, gemmes listen fra før krypteret her."), format!("Another PC's file »{file}« would delete or overwrite {patients} patients at once (was the list started over there?). Nothing changes until you answer, and this PC does not share meanwhile. If applied, the list from before is kept encrypted here.")),
            WriteFailed(n) => (format!("Kunne ikke skrive i mappen ({n}). Der prøves igen; listen på denne pc er urørt."), format!("Could not write in the folder ({n}). It will be tried again; the list on this PC is untouched.")),
            NotStored => ("Forbindelsen kunne ikke gemmes på denne pc (lagerplads?).".into(), "The connection could not be kept on this PC (storage space?).".into()),
        };
        match lang {
            Lang::Da => da,
            Lang::En => en,
        }
    }
}

impl Message for LabelError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LabelError::TooLong, Lang::Da) => format!("Betegnelsen må højst være {MAX_LABEL_CHARS} tegn."),
            (LabelError::TooLong, Lang::En) => format!("The label may be at most {MAX_LABEL_CHARS} characters."),
            (LabelError::Empty, _) => lang.pick(Text::new("Skriv en betegnelse for patienten.", "Enter a label for the patient.")).into(),
            (LabelError::LooksLikeCpr, _) => lang
                .pick(Text::new(
                    "Betegnelsen ligner et CPR-nummer. Brug en pseudonym betegnelse — ingen navne eller CPR-numre.",
                    "The label looks like a CPR number. Use a pseudonymous label — no names or CPR numbers.",
                ))
                .into(),
            (LabelError::Hidden, _) => lang
                .pick(Text::new(
                    "Betegnelsen indeholder et usynligt tegn eller et retningstegn. Skriv den igen.",
                    "The label holds an invisible or direction character. Type it again.",
                ))
                .into(),
            (LabelError::Duplicate, _) => lang
                .pick(Text::new("Der findes allerede en patient med den betegnelse.", "A patient with that label already exists."))
                .into(),
        }
    }
}

impl Message for TextRefused {
    /// Naming the patient and the field.
    fn message(&self, lang: Lang) -> String {
        let field = lang.pick(match self.field {
            TextField::Label => Text::new("betegnelsen", "the label"),
            TextField::Note => Text::new("en note", "a note"),
            TextField::Organ => Text::new("kræfttypen under §1.2", "the cancer type under §1.2"),
            TextField::Tick => Text::new("et afkrydset punkt", "a ticked item"),
            TextField::Edition => Text::new("udgaven forløbet blev vurderet efter", "the edition the case was evaluated under"),
            TextField::Uid => Text::new("patientens interne id (uid)", "the patient's internal id (uid)"),
        });
        let fault = match (self.fault, lang) {
            (TextFault::Empty, Lang::Da) => "er tom".to_string(),
            (TextFault::Empty, Lang::En) => "is empty".to_string(),
            (TextFault::TooLong(n), Lang::Da) => format!("er længere end {n} tegn"),
            (TextFault::TooLong(n), Lang::En) => format!("is longer than {n} characters"),
            (TextFault::LooksLikeCpr, Lang::Da) => "ligner et CPR-nummer".to_string(),
            (TextFault::LooksLikeCpr, Lang::En) => "looks like a CPR number".to_string(),
            (TextFault::Hidden, Lang::Da) => "indeholder et usynligt tegn eller et retningstegn".to_string(),
            (TextFault::Hidden, Lang::En) => "holds an invisible or direction character".to_string(),
        };
        let patient = match lang {
            Lang::Da => self.patient.clone(),
            Lang::En => self.patient.replacen("nr.", "no.", 1),
        };
        format!("patient {patient}: {field} {fault}")
    }
}

impl Message for AnswerError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (AnswerError::WrongKind, _) => {
                lang.pick(Text::new("Svaret passer ikke til spørgsmålet.", "The answer does not fit the question.")).into()
            }
            (AnswerError::UnknownChoice, _) => lang.pick(Text::new("Ukendt svarmulighed.", "Unknown option.")).into(),
            (AnswerError::OutOfRange { min, max }, Lang::Da) => format!("Angiv et helt tal fra {min} til {max}."),
            (AnswerError::OutOfRange { min, max }, Lang::En) => format!("Enter a whole number from {min} to {max}."),
            (AnswerError::TooLong { max_chars }, Lang::Da) => format!("Højst {max_chars} tegn."),
            (AnswerError::TooLong { max_chars }, Lang::En) => format!("At most {max_chars} characters."),
        }
    }
}

/// For `state`, which may not name this module's trait (the layers point
/// one way): a storage error in words inside the lock's message.
impl StorageError {
    pub fn message(&self, lang: Lang) -> String {
        Message::message(self, lang)
    }
}

impl Message for StorageError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (StorageError::Unavailable, Lang::Da) => {
                "Browseren tillader ikke lokal lagring. Ændringer gemmes ikke, når siden lukkes.".into()
            }
            (StorageError::Unavailable, Lang::En) => {
                "The browser does not allow local storage. Changes are lost when the page closes.".into()
            }
            (StorageError::Corrupt(why), Lang::Da) => format!(
                "De gemte data kan ikke læses ({}). De er urørte og overskrives ikke; ændringer i denne session gemmes ikke.",
                why.message(lang)
            ),
            (StorageError::Corrupt(why), Lang::En) => format!(
                "The stored data cannot be read ({}). It is left untouched and not overwritten; changes in this session are not saved.",
                why.message(lang)
            ),
            (StorageError::NewerVersion(v), Lang::Da) => format!(
                "De gemte data er skrevet af en nyere version (format {v}). Åbn den nyeste version af siden. Data overskrives ikke."
            ),
            (StorageError::NewerVersion(v), Lang::En) => format!(
                "The stored data was written by a newer version (format {v}). Open the newest version of the page. Nothing is overwritten."
            ),
            (StorageError::WriteFailed(why), Lang::Da) => {
                format!("Kunne ikke gemme ({}). Seneste ændring er ikke gemt.", why.message(lang))
            }
            (StorageError::WriteFailed(why), Lang::En) => {
                format!("Could not save ({}). The latest change is not saved.", why.message(lang))
            }
            (StorageError::QuotaExceeded, Lang::Da) => "Browserens lagerplads til værktøjet er fuld: den seneste ændring er ikke gemt, og det gemte er uændret. Eksportér en sikkerhedskopi nu. Arkiverede forløb fylder også; plads frigøres kun ved at slette data under »Om værktøjet og dine data«.".into(),
            (StorageError::QuotaExceeded, Lang::En) => "The browser's storage for this tool is full: the latest change is not saved, and what was saved is unchanged. Export a backup now. Archived cases take space too; space is freed only by deleting data under “About the tool and your data”.".into(),
            (StorageError::Unreadable { why, kept_under }, Lang::Da) => format!(
                "De gemte data kunne ikke læses ({}). De er bevaret uændret under nøglen »{kept_under}« og kan hentes her; værktøjet er startet med en tom oversigt.",
                why.message(lang)
            ),
            (StorageError::Unreadable { why, kept_under }, Lang::En) => format!(
                "The stored data could not be read ({}). It is kept unchanged under the key \"{kept_under}\" and can be downloaded here; the tool started with an empty worklist.",
                why.message(lang)
            ),
            (StorageError::LockedElsewhere, Lang::Da) => "Låsen er slået til eller ændret i en anden fane, så værktøjet er låst her. Lås op med den gældende adgangsfrase. En ændring, der ikke nåede at blive gemt i denne fane, er ikke gemt.".into(),
            (StorageError::Renumbered(names), Lang::Da) => format!("Nogle patienter havde samme id som en anden og har fået deres eget ({}). Intet er tabt.", names.join(", ")),
            (StorageError::Renumbered(names), Lang::En) => format!("Some patients shared an id with another and were given their own ({}). Nothing was lost.", names.join(", ").replace("nr.", "no.")),
            (StorageError::LockRemoved, Lang::Da) => "Låsen er fjernet uden for denne fane (slået fra i en anden fane, eller de gemte data er erstattet eller kan ikke læses). Værktøjet er derfor låst her, og intet gemmes ukrypteret, før du bekræfter det her.".into(),
            (StorageError::LockRemoved, Lang::En) => "The lock was removed outside this tab (turned off in another tab, or the stored data was replaced or cannot be read). The tool is therefore locked here, and nothing is stored unencrypted until you confirm it here.".into(),
            (StorageError::DeletedElsewhere, Lang::Da) => "Alle data er slettet i en anden fane. Oversigten her er tømt, og intet er skrevet tilbage.".into(),
            (StorageError::DeletedElsewhere, Lang::En) => "All data was deleted in another tab. The worklist here has been emptied, and nothing was written back.".into(),
            (StorageError::LockNotTurnedOff, Lang::Da) => "Låsen er ikke slået fra: noget ændrede sig imens (låsen lukkede, en ændring blev gemt, eller en anden fane skrev). Intet er skrevet ukrypteret, og låsen er stadig slået til. Prøv igen.".into(),
            (StorageError::LockNotTurnedOff, Lang::En) => "The lock was not turned off: something changed meanwhile (the lock closed, a change was being saved, or another tab wrote). Nothing was written unencrypted, and the lock is still on. Try again.".into(),
            (StorageError::Restarted, Lang::Da) => "Værktøjet stødte på en fejl og er genstartet, låst, så intet af forløbene blev liggende i hukommelsen. Dine gemte data er ikke ændret.".into(),
            (StorageError::Restarted, Lang::En) => "The tool hit an error and restarted, locked, so nothing of the cases stayed in memory. Your saved data is unchanged.".into(),
            (StorageError::LockedElsewhere, Lang::En) => "The lock was turned on or changed in another tab, so the tool is locked here. Unlock with the current passphrase. A change that had not been saved in this tab is not saved.".into(),
        }
    }
}

impl Message for ImportError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ImportError::TooLarge(n), Lang::Da) => format!("Filen er for stor ({n} byte; højst {MAX_BACKUP_BYTES}). Intet er importeret."),
            (ImportError::TooLarge(n), Lang::En) => format!("The file is too large ({n} bytes; at most {MAX_BACKUP_BYTES}). Nothing was imported."),
            (ImportError::TooManyPatients(n), Lang::Da) => format!("Sikkerhedskopien har for mange patienter ({n}; højst {MAX_BACKUP_PATIENTS}). Intet er importeret."),
            (ImportError::TooManyPatients(n), Lang::En) => format!("The backup holds too many patients ({n}; at most {MAX_BACKUP_PATIENTS}). Nothing was imported."),
            (ImportError::NotABackup(why), Lang::Da) => format!("Filen er ikke en sikkerhedskopi fra dette værktøj{}. Intet er importeret.", why.as_ref().map(|w| format!(" ({})", w.message(lang))).unwrap_or_default()),
            (ImportError::NotABackup(why), Lang::En) => format!("The file is not a backup from this tool{}. Nothing was imported.", why.as_ref().map(|w| format!(" ({})", w.message(lang))).unwrap_or_default()),
            (ImportError::Newer(v), Lang::Da) => format!("Sikkerhedskopien er lavet af en nyere version (format {v}). Åbn den nyeste version af siden. Intet er importeret."),
            (ImportError::Newer(v), Lang::En) => format!("The backup was made by a newer version (format {v}). Open the newest version of the page. Nothing was imported."),
            (ImportError::DuplicateUids(names), Lang::Da) => format!("I sikkerhedskopien har flere patienter samme id ({}); de ville blive lagt sammen til én. Intet er importeret.", names.join(", ")),
            (ImportError::DuplicateUids(names), Lang::En) => format!("In the backup, several patients share one id ({}); they would be merged into one. Nothing was imported.", names.join(", ").replace("nr.", "no.")),
            (ImportError::Text(e), Lang::Da) => format!("Sikkerhedskopien overholder ikke reglerne for tekst ({}). Intet er importeret.", e.message(Lang::Da)),
            (ImportError::Text(e), Lang::En) => format!("The backup breaks the rules for text ({}). Nothing was imported.", e.message(Lang::En)),
        }
    }
}

impl Message for LockError {
    fn message(&self, lang: Lang) -> String {
        lang.pick(self.texts())
    }
}

impl LockError {
    fn texts(&self) -> Text<String> {
        match self {
            LockError::WrongPassphrase => Text::new(
                "Forkert adgangsfrase. Intet er ændret; prøv igen.".into(),
                "Wrong passphrase. Nothing was changed; try again.".into(),
            ),
            LockError::Damaged(why) => Text::new(
                format!("Adgangsfrasen er rigtig, men de krypterede data er ændret eller beskadiget ({}). Intet er ændret.", why.message(Lang::Da)),
                format!("The passphrase is right, but the encrypted data has been changed or damaged ({}). Nothing was changed.", why.message(Lang::En)),
            ),
            LockError::Unreadable(why) => Text::new(format!("Intet er ændret: {why}"), format!("Nothing was changed: {why}")),
            LockError::Unavailable => Text::new(
                "Browseren tilbyder ikke kryptering her: låsen kræver, at siden åbnes via https (eller på denne pc som localhost).".into(),
                "The browser offers no encryption here: the lock needs the page opened over https (or as localhost on this PC).".into(),
            ),
            LockError::Crypto(why) => Text::new(
                format!("Krypteringen fejlede ({}). Intet er ændret.", why.as_deref().unwrap_or("ukendt fejl")),
                format!("Encryption failed ({}). Nothing was changed.", why.as_deref().unwrap_or("unknown error")),
            ),
            LockError::TooShort => Text::new(
                format!("Adgangsfrasen skal være mindst {MIN_PASSPHRASE_CHARS} tegn."),
                format!("The passphrase must be at least {MIN_PASSPHRASE_CHARS} characters."),
            ),
            LockError::TooCommon => Text::new(
                "Adgangsfrasen gættes let: den er bygget af almindelige ord, navne, årstal, gentagelser eller tastaturrækker. Vælg en anden, gerne fire-fem ord, der ikke hører sammen.".into(),
                "The passphrase is easily guessed: it is built from common words, names, years, repeats or keyboard runs. Choose another, ideally four or five words that do not belong together.".into(),
            ),
            LockError::Removed => Text::new(
                "De gemte data er ikke længere låst med en adgangsfrase. Intet er åbnet. Læs meddelelsen, og bekræft nedenfor, hvis værktøjet skal fortsætte uden lås.".into(),
                "The stored data is no longer locked with a passphrase. Nothing was opened. Read the message, and confirm below if the tool is to go on without the lock.".into(),
            ),
            LockError::Mismatch => Text::new(
                "De to adgangsfraser er ikke ens.".into(),
                "The two passphrases differ.".into(),
            ),
            LockError::PlainCopies(n) => Text::new(
                format!("{n} gemt(e) kopi(er) af ulæselige data ligger ukrypteret i browseren og kan rumme betegnelser. Hent dem og slet dem her, før låsen slås til."),
                format!("{n} kept cop(ies) of unreadable data lie unencrypted in the browser and may hold labels. Download and delete them here before turning the lock on."),
            ),
            LockError::NotSaved => Text::new(
                "Intet er ændret: dataene kunne ikke gemmes krypteret (se meddelelsen øverst).".into(),
                "Nothing was changed: the data could not be saved encrypted (see the message at the top).".into(),
            ),
        }
    }
}

impl Message for ChangeError {
    fn message(&self, lang: Lang) -> String {
        match self {
            ChangeError::Answer(e) => e.message(lang),
            ChangeError::Text(e) => e.message(lang),
        }
    }
}

impl Message for Fault {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            // The parser's own words are English: said only in English.
            (Fault::Json { detail, .. }, Lang::En) => format!("not readable as this version's JSON ({detail})"),
            (Fault::Json { kind, line, column, .. }, _) => {
                use crate::storage::JsonFault;
                let what = lang.pick(match kind {
                    JsonFault::Syntax => Text::new("ikke gyldig JSON", "not valid JSON"),
                    JsonFault::Shape => Text::new("JSON af en form, denne version ikke læser", "JSON of a shape this version does not read"),
                    JsonFault::Cut => Text::new("teksten slutter for tidligt", "the text ends too early"),
                });
                // Read from a parsed tree (the shape), the parser knows no place.
                if *line == 0 {
                    return what.to_owned();
                }
                format!("{what} ({} {line}, {} {column})", lang.pick(Text::new("linje", "line")), lang.pick(Text::new("tegn", "character")))
            }
            // The model's own words are English: said as such only in English.
            (Fault::Case(why), Lang::En) => format!("a case could not be read ({why})"),
            (Fault::Case(_), Lang::Da) => "et forløb har en form, denne version ikke læser".into(),
            (Fault::UnknownFormat, Lang::Da) => "ukendt format".into(),
            (Fault::UnknownFormat, Lang::En) => "unknown format".into(),
            (Fault::NoVersion, Lang::Da) => "mangler version".into(),
            (Fault::NoVersion, Lang::En) => "no version".into(),
            (Fault::VersionZero, _) => "version 0".into(),
            (Fault::Locked, Lang::Da) => "låst med adgangsfrase".into(),
            (Fault::Locked, Lang::En) => "locked with a passphrase".into(),
            (Fault::LockBox(why), Lang::Da) => format!("låsen: {}", why.message(lang)),
            (Fault::LockBox(why), Lang::En) => format!("the lock: {}", why.message(lang)),
            (Fault::Text(e), lang) => e.message(lang),
        }
    }
}

impl Message for WriteFault {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (WriteFault::Refused(name), _) => name.clone(),
            (WriteFault::Unknown, Lang::Da) => "ukendt fejl".into(),
            (WriteFault::Unknown, Lang::En) => "unknown error".into(),
            (WriteFault::NotReadBack, Lang::Da) => "det skrevne kunne ikke læses tilbage".into(),
            (WriteFault::NotReadBack, Lang::En) => "what was written did not read back".into(),
            (WriteFault::Encode, Lang::Da) => "intet at skrive".into(),
            (WriteFault::Encode, Lang::En) => "nothing to write".into(),
            (WriteFault::Remove, Lang::Da) => "kunne ikke slette".into(),
            (WriteFault::Remove, Lang::En) => "could not delete".into(),
            (WriteFault::Busy, Lang::Da) => "en anden fane skrev samtidig".into(),
            (WriteFault::Busy, Lang::En) => "another tab kept writing".into(),
            (WriteFault::Seal, Lang::Da) => "krypteringen fejlede".into(),
            (WriteFault::Seal, Lang::En) => "encryption failed".into(),
        }
    }
}

impl CalendarName {
    pub fn words(&self, lang: Lang) -> String {
        match self {
            CalendarName::Label(label) => label.clone(),
            CalendarName::CaseNumber(id) => format!("{} {id}", lang.t(K::CaseNumber)),
            CalendarName::SharedCase => lang.t(K::SharedCase).to_string(),
        }
    }
}

impl Message for BoxFault {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (BoxFault::Kdf(kdf), Lang::Da) => format!("ukendt nøgleafledning {kdf:?}"),
            (BoxFault::Kdf(kdf), Lang::En) => format!("unknown key derivation {kdf:?}"),
            (BoxFault::Iterations(n), Lang::Da) => format!("{n} iterationer"),
            (BoxFault::Iterations(n), Lang::En) => format!("{n} iterations"),
            (BoxFault::Bytes(field), Lang::Da) => format!("{field} er beskadiget"),
            (BoxFault::Bytes(field), Lang::En) => format!("{field} is damaged"),
        }
    }
}

impl Message for Damage {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Damage::Box(f), lang) => f.message(lang),
            (Damage::Authentication, Lang::Da) => "autentificering fejlede".into(),
            (Damage::Authentication, Lang::En) => "authentication failed".into(),
            (Damage::NotText, Lang::Da) => "ikke tekst".into(),
            (Damage::NotText, Lang::En) => "not text".into(),
            (Damage::Contents, Lang::Da) => "indholdet kan ikke læses".into(),
            (Damage::Contents, Lang::En) => "the contents cannot be read".into(),
        }
    }
}

impl Message for ShareError {
    fn message(&self, lang: Lang) -> String {
        lang.pick(match self {
            ShareError::TooLong => {
                Text::new("Linket er for langt til at være et delt forløb.", "The link is too long to be a shared case.")
            }
            ShareError::UnknownVersion => Text::new(
                "Linket er lavet af en anden version af værktøjet og kan ikke læses her.",
                "The link was made by another version of the tool and cannot be read here.",
            ),
            ShareError::Damaged => Text::new(
                "Linket er beskadiget eller afkortet (kontrolsummen passer ikke). Bed om et nyt link.",
                "The link is damaged or cut short (the checksum does not match). Ask for a new link.",
            ),
            ShareError::NotACase(_) => Text::new(
                "Linket indeholder ikke et gyldigt forløb. Intet er indlæst.",
                "The link does not hold a valid case. Nothing was loaded.",
            ),
            ShareError::DateOutOfRange => Text::new(
                "Linket indeholder en dato uden for 2000–2100. Intet er indlæst.",
                "The link holds a date outside 2000–2100. Nothing was loaded.",
            ),
            ShareError::Text => Text::new(
                "Linket indeholder tekst, som værktøjet ikke tager imod (for lang, eller den ligner et CPR-nummer). Intet er indlæst.",
                "The link holds text the tool does not accept (too long, or it looks like a CPR number). Nothing was loaded.",
            ),
        })
        .into()
    }
}

impl Lang {
    /// "1 kode til registrering", "3 koder til registrering" (issue 26.2).
    pub fn codes_to_register(self, n: usize) -> String {
        match (self, n == 1) {
            (Lang::Da, true) => format!("{n} kode til registrering"),
            (Lang::Da, false) => format!("{n} koder til registrering"),
            (Lang::En, true) => format!("{n} code to register"),
            (Lang::En, false) => format!("{n} codes to register"),
        }
    }
}
