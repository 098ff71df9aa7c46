//! The registration codes (§2.7, §3.5, §4.7, kap. 7): what the text says of
//! each. Which one a case is due: [`super::registration`].

use super::section::Section;
use super::statement::Statement;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which department the tool serves: a setting, since whose code a code is
/// depends on it (§3.5, §4.7, §7.2, §7.4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DepartmentRole {
    /// The department that carries out the primary work-up (stamafdeling):
    /// medical, neurological or as agreed locally (§2.2).
    #[default]
    MedicalStamafdeling,
    /// A paraclinical department as stamafdeling, for a direct referral to it (§7.2).
    ParaclinicalStamafdeling,
    /// The oncology department of the secondary work-up (kap. 4, §7.4).
    Oncology,
}

impl DepartmentRole {
    pub const ALL: [DepartmentRole; 3] =
        [DepartmentRole::MedicalStamafdeling, DepartmentRole::ParaclinicalStamafdeling, DepartmentRole::Oncology];

    pub fn label(self) -> super::text::Text {
        match self {
            DepartmentRole::MedicalStamafdeling => super::text::Text::new(
                "Stamafdeling for den primære udredning (medicinsk, neurologisk eller efter lokal aftale)",
                "The department in charge of the primary work-up (»stamafdeling«: medical, neurological or as agreed locally)",
            ),
            DepartmentRole::ParaclinicalStamafdeling => super::text::Text::new(
                "Paraklinisk afdeling som stamafdeling (direkte henvisning, §7.2)",
                "A paraclinical department in charge (»stamafdeling«, direct referral, §7.2)",
            ),
            DepartmentRole::Oncology => {
                super::text::Text::new("Onkologisk afdeling (sekundær udredning, kap. 4)", "Oncology department (secondary work-up, ch. 4)")
            }
        }
    }

    fn is_stamafdeling(self) -> bool {
        self != DepartmentRole::Oncology
    }
}

/// Who registers a code, seen from the department the tool serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Registrar {
    ThisDepartment,
    /// The oncology department (AFD01D, §7.4; the ending once it has taken over).
    Oncology,
    /// The stamafdeling that referred the patient to oncology (AFD01A–C).
    ReferringDepartment,
}

impl Registrar {
    pub fn label(self) -> super::text::Text {
        match self {
            Registrar::ThisDepartment => super::text::Text::new("Denne afdeling", "This department"),
            Registrar::Oncology => super::text::Text::new("Onkologisk afdeling", "The oncology department"),
            Registrar::ReferringDepartment => {
                super::text::Text::new("Henvisende stamafdeling", "The referring department in charge (»stamafdeling«)")
            }
        }
    }
}

/// Who registers `code` for this course, and where that is the tool's
/// reading: §2.6 "indtil modtagende afdeling tager over" between AFD01C and
/// AFD01D, where kap. 7 is silent.
pub fn registrar(
    code: Code,
    role: DepartmentRole,
    referred_to_oncology: bool,
    oncology_attended: bool,
) -> (Registrar, Option<Statement>) {
    let stam = if role.is_stamafdeling() { Registrar::ThisDepartment } else { Registrar::ReferringDepartment };
    let onc = if role.is_stamafdeling() { Registrar::Oncology } else { Registrar::ThisDepartment };
    match code {
        Code::Afd01A | Code::Afd01B | Code::Afd01C => (stam, None),
        Code::Afd01D => (onc, None),
        Code::Afd01X1 | Code::Afd01X2 if oncology_attended => (onc, None),
        Code::Afd01X1 | Code::Afd01X2 if referred_to_oncology => (
            stam,
            Some(Statement::new(
                "§2.6",
                "Mellem AFD01C og AFD01D siger kapitel 7 ikke, hvem der registrerer afslutningen. Værktøjets læsning efter §2.6: den henvisende afdeling er ansvarlig, indtil onkologisk afdeling tager over (første fremmøde, AFD01D).",
                "Between AFD01C and AFD01D, chapter 7 does not say who registers the ending. The tool's reading of §2.6: the referring department is responsible until the oncology department takes over (first attendance, AFD01D).",
            )),
        ),
        Code::Afd01X1 | Code::Afd01X2 => (stam, None),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Code {
    #[serde(rename = "AFD01A")]
    Afd01A,
    #[serde(rename = "AFD01B")]
    Afd01B,
    #[serde(rename = "AFD01C")]
    Afd01C,
    #[serde(rename = "AFD01D")]
    Afd01D,
    #[serde(rename = "AFD01X1")]
    Afd01X1,
    #[serde(rename = "AFD01X2")]
    Afd01X2,
}

/// What the text says of one code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CodeInfo {
    pub code: Code,
    /// The code as registered, e.g. "AFD01A".
    pub id: &'static str,
    /// The code's title exactly as the text gives it.
    pub title_da: &'static str,
    /// When it is registered.
    pub trigger_da: &'static str,
    /// Which date it carries.
    pub date_da: &'static str,
    /// Who registers it.
    pub registered_by_da: &'static str,
    pub sections: &'static [Section],
    /// Usable at any time in the course (§3.5, §4.7, §7.5).
    pub any_time: bool,
    /// Further registration rules the text gives for this code.
    pub notes_da: &'static [&'static str],
}

const PARACLINICAL: &str =
    "Paraklinisk afdeling defineres som radiologiske, fysiologiske og nuklearmedicinske afdelinger.";

pub const CODES: &[CodeInfo] = &[
    CodeInfo {
        code: Code::Afd01A,
        id: "AFD01A",
        title_da: "Metastaser uden organspecifik kræfttype: henvisning til pakkeforløb start",
        trigger_da: "Når henvisning til pakkeforløb modtages i afdelingen, eller når det klinisk vurderes, at beskrivelsen på henvisningen svarer til målgruppebeskrivelsen — uanset henvisningsmåde og type af henvisning.",
        date_da: "Datoen, henvisningen modtages i afdelingen, eller datoen for den kliniske vurdering af, at henvisningen svarer til målgruppebeskrivelsen",
        registered_by_da: "Modtagende afdeling",
        sections: &[Section("§2.7"), Section("§7.1")],
        any_time: false,
        notes_da: &["Koden registreres uanset type af henvisning: fra ekstern part, eget sygehus eller egen afdeling, med eller uden fysisk henvisningsblanket."],
    },
    CodeInfo {
        code: Code::Afd01B,
        id: "AFD01B",
        title_da: "Metastaser uden organspecifik kræfttype: primær udredning start, første fremmøde",
        trigger_da: "Ved patientens første fremmøde til primær udredning. Første fremmøde kan omfatte besøg på paraklinisk afdeling i henvisningsperioden som assistance til stamafdeling, besøg/indlæggelse på stamafdeling eller besøg på paraklinisk afdeling efter henvisning til pakkeforløb med start på paraklinisk afdeling.",
        date_da: "Datoen for første fremmøde (ved bestilt paraklinisk undersøgelse i henvisningsperioden: datoen for den undersøgelse)",
        registered_by_da: "Stamafdelingen har ansvaret for indberetning til Landspatientregisteret",
        sections: &[Section("§3.5"), Section("§7.2")],
        any_time: false,
        notes_da: &[
            "Bestiller stamafdelingen undersøgelse i henvisningsperioden, svarer første fremmøde til datoen for den undersøgelse i paraklinisk afdeling.",
            "Har den assisterende afdeling ikke systemmæssig mulighed for at registrere udredning start, foretager stamafdelingen indberetningen.",
            "Ved henvisning fra almen praktiserende læge eller speciallæge direkte til paraklinisk afdeling registrerer paraklinisk afdeling, som stamafdeling, første fremmøde.",
            PARACLINICAL,
            "Blodprøver og besøg på andre kliniske afdelinger er ikke blandt det, første fremmøde »kan omfatte« (besøg/indlæggelse på stamafdelingen, besøg på en radiologisk, fysiologisk eller nuklearmedicinsk afdeling). Værktøjets læsning af §7.2: de er ikke første fremmøde.",
            "Ved klinisk beslutning om, at patienten fortsat mistænkes for kræftsygdom uden undersøgelsesresultater, der kan organspecificere den, fortsætter registreringen i dette pakkeforløb.",
        ],
    },
    CodeInfo {
        code: Code::Afd01C,
        id: "AFD01C",
        title_da: "Metastaser uden organspecifik kræfttype: henvisning til sekundær udredning",
        trigger_da: "Når der ikke er fundet begrundet mistanke om eller verificeret organspecifik kræfttype ved primær udredning, og der tages beslutning om umiddelbar henvisning til onkologisk afdeling.",
        date_da: "Datoen for henvisning til sekundær udredning (afslutning på primær udredning)",
        registered_by_da: "Henvisende afdeling",
        sections: &[Section("§3.5"), Section("§7.3")],
        any_time: false,
        notes_da: &[],
    },
    CodeInfo {
        code: Code::Afd01D,
        id: "AFD01D",
        title_da: "Metastaser uden organspecifik kræfttype: sekundær udredning start, første fremmøde",
        trigger_da: "Når patienten har første fremmøde på onkologisk afdeling til sekundær udredning: besøg på paraklinisk afdeling i henvisningsperioden som assistance til onkologisk afdeling, eller besøg/indlæggelse på onkologisk afdeling som stamafdeling.",
        date_da: "Datoen for første fremmøde på onkologisk afdeling",
        registered_by_da: "Onkologisk afdeling",
        sections: &[Section("§4.7"), Section("§7.4")],
        any_time: false,
        notes_da: &[PARACLINICAL],
    },
    CodeInfo {
        code: Code::Afd01X1,
        id: "AFD01X1",
        title_da: "Metastaser uden organspecifik kræfttype: pakkeforløb slut, klinisk beslutning",
        trigger_da: "Klinisk beslutning om, at pakkeforløbet er slut. Beslutningen kan omhandle, at en begrundet mistanke ændres til en viderehenvisning til et organspecifikt pakkeforløb, eller at mistanken kan afkræftes.",
        date_da: "Datoen for den kliniske beslutning",
        registered_by_da: "Afdelingen",
        sections: &[Section("§3.5"), Section("§4.7"), Section("§7.5")],
        any_time: true,
        notes_da: &["Beslutningen kan tages i hele patientforløbet."],
    },
    CodeInfo {
        code: Code::Afd01X2,
        id: "AFD01X2",
        title_da: "Metastaser uden organspecifik kræfttype: pakkeforløb slut, patientens ønske",
        trigger_da: "Når en patient ønsker at ophøre udredning i pakkeforløbet.",
        date_da: "Datoen for patientens ønske",
        registered_by_da: "Afdelingen",
        sections: &[Section("§3.5"), Section("§4.7"), Section("§7.5")],
        any_time: true,
        notes_da: &["Beslutningen kan tages i hele patientforløbet."],
    },
];

impl Code {
    /// The text's rules for this code. `CODES` lists the codes in the enum's
    /// order (a test checks it), so the index always exists.
    pub fn info(self) -> &'static CodeInfo {
        &CODES[self as usize]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CodeStatus {
    /// Its event has a date: register it with that date.
    Registered { date: NaiveDate },
    /// The next code the course calls for.
    Next,
    /// Comes later in this course.
    Later,
    /// Not part of this patient's course.
    NotApplicable,
    /// X1/X2: may be used at any time when relevant.
    AvailableAnyTime,
}

impl CodeStatus {
    pub fn label(self) -> super::text::Text {
        match self {
            CodeStatus::Registered { .. } => super::text::Text::new("Registreres med datoen", "Register with the date"),
            CodeStatus::Next => super::text::Text::new("Næste kode i forløbet", "Next code in the course"),
            CodeStatus::Later => super::text::Text::new("Senere i forløbet", "Later in the course"),
            CodeStatus::NotApplicable => super::text::Text::new("Ikke relevant for dette forløb", "Not part of this course"),
            CodeStatus::AvailableAnyTime => super::text::Text::new(
                "Kan anvendes på et hvilket som helst tidspunkt, når det vurderes relevant",
                "May be used at any time when judged relevant",
            ),
        }
    }
}
