//! Kapitel 5, Oversigtsskema: the text's overview table, as data.

use super::section::Section;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct OverviewRow {
    pub section: Section,
    pub phase_da: &'static str,
    /// Klinisk handling.
    pub clinical_da: &'static [&'static str],
    /// Logistisk handling.
    pub logistic_da: &'static [&'static str],
    /// Kommunikation og information til patienten.
    pub communication_da: &'static [&'static str],
    /// Ansvarlig instans, fagprof./speciale.
    pub responsible_da: &'static [&'static str],
}

const K5: Section = Section("kap. 5");

pub const OVERVIEW: &[OverviewRow] = &[
    OverviewRow {
        section: K5,
        phase_da: "Indgang til pakkeforløb",
        clinical_da: &["Beslutning: Almen praksis/praktiserende speciallæge/sygehusafdeling finder begrundet mistanke om kræft og henviser til medicinsk afdeling"],
        logistic_da: &["Henvisning sendes"],
        communication_da: &["Udelukkelse af kræft/identificering af primær tumor", "Videre forløb"],
        responsible_da: &["Almen praksis/Praktiserende speciallæge/sygehusafdeling"],
    },
    OverviewRow {
        section: K5,
        phase_da: "Udredning",
        clinical_da: &["Visitation til pakkeforløb"],
        logistic_da: &["Henvisning modtaget", "Booking: undersøgelsesprogram"],
        communication_da: &["Indkaldelse: undersøgelsesprogram"],
        responsible_da: &["Intern medicinsk afdeling"],
    },
    OverviewRow {
        section: K5,
        phase_da: "Udredning",
        clinical_da: &["Undersøgelsesprogram: Anamnese", "Kliniske undersøgelser", "Blodprøver", "Billeddiagnostik", "Biopsi"],
        logistic_da: &[],
        communication_da: &["Videre forløb"],
        responsible_da: &["Intern medicinsk afdeling", "Radiologisk afdeling", "Patologisk afdeling"],
    },
    OverviewRow {
        section: K5,
        phase_da: "Udredning",
        clinical_da: &[
            "Beslutning: Intern medicinsk afdeling/Specialafdeling finder begrundet mistanke om organspecifik tumor eller ukendt primær tumor",
            "Henvisning til andet specifikt pakkeforløb",
            "Videre udredning i pakkeforløb for ukendt primær tumor",
        ],
        logistic_da: &["Booking: konsultation i anden specialafdeling", "Booking: onkologisk forundersøgelse"],
        communication_da: &["Svarafgivelse", "Indkaldelse: konsultation i specialafdeling", "Indkaldelse: onkologisk forundersøgelse"],
        responsible_da: &["MDT-konference"],
    },
    OverviewRow {
        section: K5,
        phase_da: "Sekundær udredning",
        clinical_da: &[
            "Undersøgelsesprogram: Individuelt program evt. billeddiagnostik",
            "Evt. re-biopsi",
            "Evt. klinisk fysiologi",
            "Evt. blodprøver",
            "Evt. udvidet immunhistokemisk diagnostik",
        ],
        logistic_da: &[],
        communication_da: &["Videre forløb", "Svarafgivelse"],
        responsible_da: &[
            "Onkologisk afdeling",
            "Evt. radiologisk afdeling",
            "Evt. patologisk afdeling",
            "Evt. klinisk fysiologisk afdeling",
            "Patologiafdeling",
            "MDT-konference",
        ],
    },
    OverviewRow {
        section: K5,
        phase_da: "Sekundær udredning",
        clinical_da: &["Beslutning: Onkologisk behandling"],
        logistic_da: &["Booking: start på onkologisk behandlingsforløb"],
        communication_da: &[],
        responsible_da: &["Onkologisk afdeling", "MDT-konference"],
    },
    OverviewRow {
        section: K5,
        phase_da: "Initial behandling",
        clinical_da: &["Onkologisk behandling", "Konsultation ved onkolog"],
        logistic_da: &["Booking: medicinsk behandlingstid"],
        communication_da: &["Svarafgivelse", "Videre forløb", "Informeret samtykke", "Indkaldelse: behandlingstid"],
        responsible_da: &["Onkologisk afdeling", "Indlæggelse/Ambulant"],
    },
    OverviewRow {
        section: K5,
        phase_da: "Initial behandling",
        clinical_da: &["Beslutning: Evaluering og videre forløb"],
        logistic_da: &["Booking: konsultation i onkologisk afdeling", "Almen praksis: epikrise"],
        communication_da: &["Indkaldelse: konsultation i onkologisk afdeling"],
        responsible_da: &["Onkologisk afdeling"],
    },
    OverviewRow {
        section: K5,
        phase_da: "Efterforløbet",
        clinical_da: &["Kontrol i onkologisk afdeling"],
        logistic_da: &[],
        communication_da: &["Svarafgivelse", "Videre forløb"],
        responsible_da: &["Onkologisk afdeling"],
    },
];
