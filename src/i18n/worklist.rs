//! The worklist's words, its row details, the backup, the shared folder's panel and the secretary's *Registrering*.

ui_text! {
    /// A piece of UI text.
    WorklistText {
        Worklist => ("Forløbsoversigt", "Worklist"),
        Add => ("Tilføj", "Add"),
        NoPatients => ("Ingen patienter endnu. Tilføj en patient under en pseudonym betegnelse — aldrig navn eller CPR-nummer.", "No patients yet. Add one under a pseudonymous label — never a name or CPR number."),
        Filter => ("Filtrér på betegnelse", "Filter by label"),
        NoMatch => ("Ingen forløb matcher filteret.", "No case matches the filter."),
        ClearFilters => ("Vis alle forløb", "Show every case"),
        ColLabel => ("Betegnelse", "Label"),
        ColPhase => ("Fase", "Phase"),
        ColDestination => ("Hvor patienten hører til", "Where the patient belongs"),
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
        FlagUrgent => ("Akut henvisning", "Acute referral"),
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
        FolderRotatedSecret => ("Afdelingens nye kode. Den gamle kode og dens udskrift gælder ikke længere: kassér dem. Giv den nye kode til de andre pc'er: de deler ikke, før den er skrevet. Udskriv den, og gem den, hvor afdelingen gemmer adgangskoder.", "The department's new code. The old code and its printout no longer work: discard them. Give the new code to the other PCs: they do not share until it is typed. Print it and keep it where the department keeps passwords."),
        FolderWaitsForAnswer => ("ændringer fra en anden pc venter på dit svar", "changes from another PC wait for your answer"),
        FolderWaitsForCode => ("venter på afdelingens nye kode", "waits for the department's new code"),
        FolderCodeCopied => ("Koden er kopieret.", "The code is copied."),
        FolderCancel => ("Annullér", "Cancel"),
        FolderShowCode => ("Vis afdelingens kode", "Show the department's code"),
        FolderCopyCode => ("Kopiér koden", "Copy the code"),
        FolderPrintHeading => ("Fælles mappe — afdelingens kode", "Shared folder — the department's code"),
        FolderPrintHow => ("En ny pc, eller en pc hvis browserprofil er nulstillet: slå låsen til, åbn »Fælles mappe« på forløbsoversigten, vælg mappen, og skriv koden. Gem dette ark, hvor afdelingen gemmer adgangskoder.", "A new PC, or a PC whose browser profile was reset: turn the lock on, open »Shared folder« on the worklist, choose the folder and type the code. Keep this sheet where the department keeps passwords."),
        FolderFolderName => ("Mappe", "Folder"),
        FolderDisconnectAsk => ("Denne pc holder op med at dele. Patienterne bliver på pc'en, og afdelingens filer bliver i mappen. For at forbinde igen skal du bruge afdelingens kode. Afbryd?", "This PC stops sharing. The patients stay on this PC, and the department's files stay in the folder. To connect again you need the department's code. Disconnect?"),
        FolderGoToLock => ("Gå til låsen", "Go to the lock"),
        FolderRotate => ("Skift afdelingens kode …", "Change the department's code …"),
        FolderRotateAsk => ("Når koden skiftes, holder de andre pc'er op med at dele, til de har fået den nye kode. Gør det, når nogen med koden er stoppet, eller udskriften er væk. Skift koden nu?", "When the code is changed, the other PCs stop sharing until they have the new code. Do it when someone who knows the code has left, or the printout is lost. Change the code now?"),
        FolderRotateYes => ("Skift koden", "Change the code"),
        FolderRejoin => ("Skriv den nye kode", "Type the new code"),
        FolderRemoveFile => ("Slet filen …", "Delete the file …"),
        FolderRemoveAsk => ("Slet filen fra mappen? Den kan ikke læses, så intet i den kan hentes herfra.", "Delete the file from the folder? It cannot be read, so nothing in it can be taken in from here."),
        FolderRemoveAskNewer => ("Slet filen? En nyere version skrev den; hvad der kun står i den, er væk, til den pc deler igen. Genindlæs hellere først.", "Delete the file? A newer version wrote it; what is only in it is gone until that PC shares again. Better reload first."),
        FolderReload => ("Genindlæs siden", "Reload the page"),
        FolderBeforeDownload => ("Hent den som krypteret sikkerhedskopi", "Download it as an encrypted backup"),
        FolderBeforeRemove => ("Slet den …", "Delete it …"),
        FolderBeforeRemoveAsk => ("Slet listen fra før på denne pc? Den kan ikke hentes igen.", "Delete the list from before on this PC? It cannot be fetched again."),
        FolderWipe => ("Start afdelingens liste forfra …", "Start the department's list over …"),
        FolderWipeYes => ("Start forfra med en ny kode", "Start over with a new code"),
        FolderBeforeRestore => ("Gendan listen fra før …", "Restore the list from before …"),
        FolderBeforeRestoreAsk => ("Gendan listen fra før? Slettede patienter kommer tilbage, og ændrede får deres værdier fra før — på alle afdelingens pc'er. Patienter tilføjet siden bliver.", "Restore the list from before? Deleted patients come back and changed ones get their values from before — on all the department's PCs. Patients added since stay."),
        FolderBeforeRestoreAskWipe => ("Gendan listen fra før? Det fortryder at starte forfra — på alle afdelingens pc'er.", "Restore the list from before? It undoes starting over — on all the department's PCs."),
        FolderBeforeRestoreYes => ("Gendan", "Restore"),
        FolderBeforeNotOpened => ("Listen fra før kan ikke åbnes med den adgangsfrase, der bruges nu. Hent den og importér den med den gamle.", "The list from before cannot be opened with the passphrase in use now. Download it and import it with the old one."),
        FolderTitle => ("Fælles mappe", "Shared folder"),
        FolderIntro => ("Del afdelingens liste gennem en mappe, I allerede har (et netværksdrev eller et synkroniseret SharePoint-bibliotek). Hver pc skriver sin egen krypterede fil i mappen og læser de andres; alt virker fortsat uden mappen.", "Share the department's list through a folder you already have (a network drive or a synced SharePoint library). Each PC writes its own encrypted file in the folder and reads the others'; everything still works without the folder."),
        FolderConnect => ("Vælg mappe …", "Choose folder …"),
        FolderWorking => ("Arbejder … (nøglen dannes; det tager et øjeblik)", "Working … (the key is being made; it takes a moment)"),
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
        DeletePatientAsk => ("Slet", "Delete"),
        DeletePatientConfirm => ("Slet patienten for altid?", "Delete the patient for good?"),
        DeletePatientYes => ("Ja, slet", "Yes, delete"),
        RegQueueClash => ("Konflikt i forløbet: to værdier for samme felt. Afklar den i forløbet, før koden registreres.", "Clash in the case: two values for one field. Resolve it in the case before the code is registered."),
        Backup => ("Sikkerhedskopi", "Backup"),
        Export => ("Eksportér alle forløb (JSON)", "Export all cases (JSON)"),
        Import => ("Importér en sikkerhedskopi", "Import a backup"),
        ImportPreview => ("Det vil importen gøre — intet er ændret endnu:", "What the import will do — nothing has changed yet:"),
        ImportApply => ("Gennemfør import", "Import"),
        ImportDone => ("Importen er gennemført.", "The import is done."),
        LastBackup => ("Seneste sikkerhedskopi", "Last backup"),
        Never => ("aldrig", "never"),
        BackupDue => ("Der er gået mere end en uge uden sikkerhedskopi. Eksportér forløbene, så intet går tabt, hvis browserens data slettes.", "More than a week has passed without a backup. Export the cases so nothing is lost if the browser's data is cleared."),
        PersistGranted => ("Browseren har givet varig lagring: data slettes ikke automatisk.", "The browser granted persistent storage: data is not cleared automatically."),
        PersistDenied => ("Browseren har ikke givet varig lagring: data kan slettes, hvis der mangler plads. Safari sletter et websteds data efter ca. en uge uden brug, medmindre appen er føjet til hjemmeskærmen. Tag jævnligt en sikkerhedskopi.", "The browser did not grant persistent storage: data may be cleared when space runs low. Safari deletes a site's data after about a week without use unless the app is on the home screen. Export a backup regularly."),
        NoneYet => ("ingen endnu", "none yet"),
        ArchivedNotice => ("er arkiveret og flyttet til »Arkiverede forløb«.", "is archived and moved to “Archived cases”."),
        Undo => ("Fortryd", "Undo"),
        Dismiss => ("Luk besked", "Dismiss"),
        ShowAll => ("Vis alle åbne forløb", "Show all open cases"),
        ImportReplaces => ("— erstatter", "— replaces"),
        ExportEncrypted => ("Eksportér krypteret (med adgangsfrasen)", "Export encrypted (with the passphrase)"),
        ImportLocked => ("Sikkerhedskopien er krypteret. Skriv den adgangsfrase, den blev lavet med:", "The backup is encrypted. Enter the passphrase it was made with:"),
        ImportOpen => ("Åbn sikkerhedskopien", "Open the backup"),
        PlainBackupConfirm => ("Filen er ikke krypteret og bliver liggende i denne pc's Overførsler (Downloads), hvor alle med adgang til pc'en kan læse den. Den krypterede sikkerhedskopi er det sikre valg. Hent den ukrypterede alligevel?", "The file is not encrypted and stays in this PC's Downloads, where anyone with access to the PC can read it. The encrypted backup is the safe choice. Download the unencrypted one anyway?"),
        PlainBackupYes => ("Ja, hent ukrypteret", "Yes, download unencrypted"),
    }
}

use super::Lang;
use crate::pathway::Text;

/// The worklist's sentences built from numbers and limits (issue 27.2:
/// limits come from their constants).
pub trait WorklistWords {
    /// After joining: "Tilsluttet. Listen har nu 12 patienter."
    fn folder_joined(self, patients: usize) -> String;
    /// The list kept from before an accepted valve change (issue 25, point
    /// 5), or from before it was started over here (`file` empty).
    fn folder_before(self, file: &str, when: &str) -> String;
    /// *Start afdelingens liste forfra?* with the number of patients it deletes.
    fn folder_wipe_ask(self, patients: usize) -> String;
    /// After *Gendan*: how many patients came back.
    fn folder_restored(self, n: usize) -> String;
    /// The shared folder's status line: "3 pc'er har delt den sidste uge ·
    /// sidst delt 10:42", "… · ændringer venter på at blive delt".
    fn folder_line(self, active: usize, last_shared: Option<&str>, unwritten: bool) -> String;
    /// "1 kode til registrering", "3 koder til registrering" (issue 26.2).
    fn codes_to_register(self, n: usize) -> String;
    /// Under the new patient's label: "Højst N tegn. …", N = `MAX_LABEL_CHARS`.
    fn label_hint(self) -> String;
    /// Asking for the department's code (`CODE_CHARS`), or for the new one after a change.
    fn folder_need_secret(self, rejoin: bool) -> String;
}

impl WorklistWords for Lang {
    fn folder_joined(self, patients: usize) -> String {
        match self {
            Lang::Da => format!("Tilsluttet. Listen har nu {patients} patienter."),
            Lang::En => format!("Joined. The list now has {patients} patients."),
        }
    }

    fn folder_before(self, file: &str, when: &str) -> String {
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

    fn folder_wipe_ask(self, patients: usize) -> String {
        match self {
            Lang::Da => format!("Start forfra? Alle {patients} patienter slettes her og, med den nye kode, på de andre pc'er (over 20 spørger de først). Listen gemmes krypteret her. Afdelingen får en ny kode; de gamle filer bliver i mappen."),
            Lang::En => format!("Start over? All {patients} patients are deleted here and, with the new code, on the other PCs (above 20 they ask first). The list is kept encrypted here. The department gets a new code; the old files stay in the folder."),
        }
    }

    fn folder_restored(self, n: usize) -> String {
        let s = if n == 1 { "" } else { self.pick(Text::new("er", "s")) };
        match self {
            Lang::Da => format!("Gendannet: {n} patient{s} (deles ved næste deling)."),
            Lang::En => format!("Restored: {n} patient{s} (shared at the next round)."),
        }
    }

    fn folder_line(self, active: usize, last_shared: Option<&str>, unwritten: bool) -> String {
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

    fn codes_to_register(self, n: usize) -> String {
        match (self, n == 1) {
            (Lang::Da, true) => format!("{n} kode til registrering"),
            (Lang::Da, false) => format!("{n} koder til registrering"),
            (Lang::En, true) => format!("{n} code to register"),
            (Lang::En, false) => format!("{n} codes to register"),
        }
    }

    fn label_hint(self) -> String {
        let n = crate::patients::MAX_LABEL_CHARS;
        match self {
            Lang::Da => format!("Højst {n} tegn. Ingen navne eller CPR-numre."),
            Lang::En => format!("At most {n} characters. No names or CPR numbers."),
        }
    }

    fn folder_need_secret(self, rejoin: bool) -> String {
        let n = crate::folder::secret::CODE_CHARS;
        match (self, rejoin) {
            (Lang::Da, true) => format!("Afdelingen er gået over til en ny kode. Skriv den nye kode ({n} tegn); få den af den, der skiftede den. Den gamle udskrift gælder ikke længere."),
            (Lang::En, true) => format!("The department moved to a new code. Type the new code ({n} characters); get it from whoever changed it. The old printout no longer works."),
            (Lang::Da, false) => format!("Mappen bruges allerede af afdelingen. Skriv afdelingens kode ({n} tegn i seks grupper); den står på den udskrift, der blev lavet, da mappen blev taget i brug."),
            (Lang::En, false) => format!("The folder already holds a department's list. Type the department's code ({n} characters in six groups); it is on the printout made when the folder was first used."),
        }
    }
}

