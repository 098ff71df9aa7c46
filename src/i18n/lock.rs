//! The lock for shared PCs, its screen and panel, and *Om værktøjet og dine data*.

use super::Key;
use crate::pathway::Text;

/// A piece of UI text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockText {
    FolderLockedNote,
    AboutText1,
    AboutText2,
    AboutText3,
    AboutText4,
    DeleteAll,
    DeleteAllConfirm,
    DeleteAllYes,
    Deleted,
    LockedTitle,
    LockedIntro,
    Passphrase,
    PassphraseRepeat,
    Unlock,
    Working,
    LockForgotten,
    LockedDeleteIntro,
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
    DeleteCopy,
    LockRemovedIntro,
    LockRemovedYes,
}

impl Key for LockText {
    fn text(self) -> Text {
        use LockText::*;
        let (da, en) = match self {
            FolderLockedNote => ("Fælles mappe: deling er sat på pause, til du låser op.", "Shared folder: sharing is paused until you unlock."),
            AboutText1 => ("Værktøjet er et hjælpeværktøj til Sundhedsstyrelsens Pakkeforløb for metastaser uden organspecifik kræfttype. Lokale retningslinjer og gældende nationale retningslinjer har forrang.", "The tool supports Sundhedsstyrelsen's pathway for metastases without an organ-specific cancer type. Local guidelines and current national guidance take precedence."),
            AboutText2 => ("Dette gemmes: hvert forløbs pseudonyme betegnelse, svarene i guiden, datoerne, afkrydsninger, korte noter, registrerede koder og dine indstillinger (sprog, seneste sikkerhedskopi, hvornår låsen lukker). Med låsen slået til er alt andet end indstillingerne krypteret.", "What is stored: each case's pseudonymous label, the answers in the wizard, the dates, ticks, short notes, registered codes and your settings (language, last backup, when the lock closes). With the lock on, everything but the settings is encrypted."),
            AboutText3 => ("Hvor: kun i denne browsers lokale lager (localStorage) på denne enhed. Intet sendes til nogen server — heller ikke når du deler et forløb: linket bærer svarene efter #, som browseren aldrig sender. Siden selv kan gemmes i browseren, så den virker uden netforbindelse.", "Where: only in this browser's local storage on this device. Nothing is sent to any server — not even when you share a case: the link carries the answers after #, which the browser never sends. The page itself may be kept by the browser so it works offline."),
            AboutText4 => ("Brug aldrig navne eller CPR-numre; værktøjet afviser tekst, der ligner et CPR-nummer. Alle kan læse oversigten på en delt pc, der er logget ind som dig: luk browseren efter brug, eller slå låsen nedenfor til.", "Never use names or CPR numbers; the tool refuses text that looks like a CPR number. Anyone using a shared PC logged in as you can read the worklist: close the browser after use, or turn on the lock below."),
            DeleteAll => ("Slet alle data", "Delete all data"),
            DeleteAllConfirm => ("Alt, værktøjet har gemt i denne browser, slettes og kan ikke genskabes. Eksportér en sikkerhedskopi først, hvis du vil beholde forløbene.", "Everything the tool has stored in this browser is deleted and cannot be recovered. Export a backup first if you want to keep the cases."),
            DeleteAllYes => ("Ja, slet alt", "Yes, delete everything"),
            Deleted => ("Alle data er slettet.", "All data has been deleted."),
            LockedTitle => ("Værktøjet er låst", "The tool is locked"),
            LockedIntro => ("Forløbene er krypteret i denne browser. Skriv adgangsfrasen for at åbne dem.", "The cases are encrypted in this browser. Enter the passphrase to open them."),
            Passphrase => ("Adgangsfrase", "Passphrase"),
            PassphraseRepeat => ("Gentag adgangsfrasen", "Repeat the passphrase"),
            Unlock => ("Lås op", "Unlock"),
            Working => ("Arbejder …", "Working …"),
            LockForgotten => ("Glemt adgangsfrasen? Så kan forløbene ikke gendannes — af nogen. Du kan slette dem, begynde forfra og derefter importere en sikkerhedskopi.", "Forgotten the passphrase? Then the cases cannot be recovered — by anyone. You can delete them and start again, then import a backup."),
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
            DeleteCopy => ("Slet kopien", "Delete the copy"),
            LockRemovedIntro => ("Låsen er ikke fjernet her. Fortsætter du uden lås, læses det, der nu er gemt, og forløbene gemmes derefter ukrypteret i denne browser, læselige for alle med adgang til pc'en.", "The lock has not been removed here. If you go on without the lock, what is stored now is read, and the cases are then stored unencrypted in this browser, readable by anyone with access to the PC."),
            LockRemovedYes => ("Ja, fortsæt uden lås", "Yes, go on without the lock"),
        };
        Text::new(da, en)
    }
}

/// For a prop or a value that takes any key: `#[prop(into)] label: Text`.
impl From<LockText> for Text {
    fn from(k: LockText) -> Text {
        k.text()
    }
}
