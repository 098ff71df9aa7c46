//! The messages of errors (the errors themselves carry no text): one
//! `Message` trait every error a person reads implements.

use super::{CommonText, Lang};
use crate::pathway::Text;
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
use crate::state::{Banner, CalendarName, ChangeError, Notice};
use crate::pathway::questions::AnswerError;
use crate::share::ShareError;
use crate::storage::{Fault, ImportError, StorageError, WriteFault, MAX_BACKUP_BYTES, MAX_BACKUP_PATIENTS};
use crate::patients::{LabelError, NoteError, TextFault, TextField, TextRefused, MAX_LABEL_CHARS};
use crate::i18n::Words;



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
            NeedsLock => (lang.t(CommonText::FolderNeedsLock).into(), lang.t(CommonText::FolderNeedsLock).into()),
            Secret(SecretError::Length(n)) => {
                let c = crate::folder::secret::CODE_CHARS;
                (format!("Koden har {c} tegn; der står {n}."), format!("The code has {c} characters; {n} were typed."))
            }
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
        }
    }
}

/// A notice: what happened where nothing failed (issue 27.2).
impl Message for Notice {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Notice::Renumbered(names), Lang::Da) => format!("Nogle patienter havde samme id som en anden og har fået deres eget ({}). Intet er tabt.", names.join(", ")),
            (Notice::Renumbered(names), Lang::En) => format!("Some patients shared an id with another and were given their own ({}). Nothing was lost.", names.join(", ").replace("nr.", "no.")),
            (Notice::LockedElsewhere, Lang::Da) => "Låsen er slået til eller ændret i en anden fane, så værktøjet er låst her. Lås op med den gældende adgangsfrase. En ændring, der ikke nåede at blive gemt i denne fane, er ikke gemt.".into(),
            (Notice::LockedElsewhere, Lang::En) => "The lock was turned on or changed in another tab, so the tool is locked here. Unlock with the current passphrase. A change that had not been saved in this tab is not saved.".into(),
            (Notice::LockRemoved, Lang::Da) => "Låsen er fjernet uden for denne fane (slået fra i en anden fane, eller de gemte data er erstattet eller kan ikke læses). Værktøjet er derfor låst her, og intet gemmes ukrypteret, før du bekræfter det her.".into(),
            (Notice::LockRemoved, Lang::En) => "The lock was removed outside this tab (turned off in another tab, or the stored data was replaced or cannot be read). The tool is therefore locked here, and nothing is stored unencrypted until you confirm it here.".into(),
            (Notice::DeletedElsewhere, Lang::Da) => "Alle data er slettet i en anden fane, så oversigten her er også tømt. Var det en fejl, kan en sikkerhedskopi importeres under Sikkerhedskopi.".into(),
            (Notice::DeletedElsewhere, Lang::En) => "All data was deleted in another tab, so the worklist here has been emptied too. If it was a mistake, a backup can be imported under Backup.".into(),
            (Notice::LockNotTurnedOff, Lang::Da) => "Låsen er ikke slået fra: noget ændrede sig imens (låsen lukkede, en ændring blev gemt, eller en anden fane skrev). Intet er skrevet ukrypteret, og låsen er stadig slået til. Prøv igen.".into(),
            (Notice::LockNotTurnedOff, Lang::En) => "The lock was not turned off: something changed meanwhile (the lock closed, a change was being saved, or another tab wrote). Nothing was written unencrypted, and the lock is still on. Try again.".into(),
            (Notice::Restarted, Lang::Da) => "Værktøjet stødte på en fejl og er genstartet, låst, så intet af forløbene blev liggende i hukommelsen. Dine gemte data er ikke ændret.".into(),
            (Notice::Restarted, Lang::En) => "The tool hit an error and restarted, locked, so nothing of the cases stayed in memory. Your saved data is unchanged.".into(),
        }
    }
}

/// The banner: a failure of storage or a notice.
impl Message for Banner {
    fn message(&self, lang: Lang) -> String {
        match self {
            Banner::Failed(e) => e.message(lang),
            Banner::Notice(n) => n.message(lang),
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
            CalendarName::CaseNumber(id) => format!("{} {id}", lang.t(CommonText::CaseNumber)),
            CalendarName::SharedCase => lang.t(CommonText::SharedCase).to_string(),
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

