//! The order of work in the primary work-up (§3.1–§3.1.4), as data.
//!
//! Each site-specific programme lists its checklist items in the order they
//! are shown. [`GATES`] holds the text's words that put one item before
//! another (a prerequisite before what it gates); every programme keeps
//! them (a test checks it). An item that no gate places in a case has its
//! order marked as the tool's reading, with why ([`Place::reading`]).
//!
//! Items of the other phases keep the order in which the text gives them.

use super::case::{Answers, FindingSite};
use super::checklist::{ChecklistItem, Condition, Flag, Phase};
use super::section::Section;
use super::text::Text;
use serde::Serialize;

/// Why an item stands where it does, when no words of the text place it.
pub type Reading = Text;

/// One item's place in a programme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Place {
    pub id: &'static str,
    /// Shown when no gate places the item in the case at hand.
    pub reading: Option<Reading>,
}

/// The text's words that put items before others: where both are shown,
/// every item of `before` stands before every item of `after`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Gate {
    pub key: &'static str,
    pub section: Section,
    /// The text's words, quoted.
    pub words: &'static str,
    pub before: &'static [&'static str],
    pub after: &'static [&'static str],
    #[serde(skip)]
    pub applies: Condition,
}

/// The work-up programme for some finding sites, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Programme {
    pub section: Section,
    pub sites: &'static [FindingSite],
    /// Where a site has more than one route of work: the route's condition.
    #[serde(skip)]
    pub when: Condition,
    pub places: &'static [Place],
}

/// An item whose text says "derefter" about the items of a gate: shown with
/// this text instead when none of them stands before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct WithoutThen {
    pub id: &'static str,
    pub gate: &'static str,
    pub text: Text,
}

const AFP: [&str; 2] = ["s3_1_men_afp", "s3_1_women_afp_solitary_liver"];
const PRINCIPLES: [&str; 3] =
    ["s3_1_4_principle_1_operate", "s3_1_4_principle_2_largest", "s3_1_4_principle_3_none_operable"];

pub const GATES: &[Gate] = &[
    Gate {
        key: "afp_decides_liver",
        section: Section("§3.1.2"),
        words: "»Hos patienter med forhøjet eller stigende α-føtoprotein og en solitær proces i leveren er der begrundet mistanke om primær leverkræft. Patienten henvises til start på pakkeforløb for primær leverkræft.«",
        before: &AFP,
        after: &[
            "s3_1_2_mdt_before_biopsy",
            "s3_1_biopsy_principle",
            "s3_6_pause_anticoagulants",
            "s3_1_2_liver_biopsy",
            "s3_1_biopsy_sufficient_material",
        ],
        applies: Condition::Site(FindingSite::Liver),
    },
    Gate {
        key: "liver_mdt_before_biopsy",
        section: Section("§3.1.2"),
        words: "»Derfor skal alle med metastaser i leveren uden umiddelbare ekstrahepatiske tumormanifestationer forud for beslutning om biopsi diskuteres på MDT-konference«",
        before: &["s3_1_2_mdt_before_biopsy"],
        after: &[
            "s3_1_biopsy_principle",
            "s3_6_pause_anticoagulants",
            "s3_1_biopsy",
            "s3_1_2_liver_biopsy",
            "s3_1_biopsy_sufficient_material",
        ],
        applies: Condition::Site(FindingSite::Liver),
    },
    Gate {
        key: "pause_before_biopsy",
        section: Section("§3.6"),
        words: "»Evt. pause med blodfortyndende medicin før biopsi«",
        before: &["s3_6_pause_anticoagulants"],
        after: &["s3_1_biopsy", "s3_1_2_liver_biopsy", "s3_1_3_bone_biopsy", "s3_1_4_principle_3_none_operable"],
        applies: Condition::Always,
    },
    Gate {
        key: "ct_after_biopsy",
        section: Section("§3.1"),
        words: "»Patienten skal derefter have foretaget CT-scanning af thorax og øvre abdomen.«",
        before: &["s3_1_biopsy", "s3_1_2_liver_biopsy", "s3_1_3_bone_biopsy"],
        after: &["s3_1_ct_thorax_upper_abdomen"],
        applies: Condition::Always,
    },
    Gate {
        key: "brain_mr_first",
        section: Section("§3.1.4"),
        words: "»I de fleste tilfælde skal der suppleres med MR af cerebrum, hvis der forinden kun er foretaget CT, idet følsomheden med MR er væsentligt bedre end med CT (dvs. at der hyppigere påvises flere processer, hvilket kan have betydning for den videre udredning og behandling).«",
        before: &["s3_1_4_mr_cerebrum"],
        after: &[
            "s3_1_4_chest_xray",
            "s3_1_4_ct_thorax_abdomen",
            "s3_1_4_performance_status",
            "s3_1_biopsy_principle",
            "s3_6_pause_anticoagulants",
            PRINCIPLES[0],
            PRINCIPLES[1],
            PRINCIPLES[2],
        ],
        applies: Condition::Site(FindingSite::Brain),
    },
    Gate {
        key: "brain_safer_biopsy_first",
        section: Section("§3.1.4"),
        words: "»Medmindre der af kliniske grunde skal foretages operation, hvorved den patologiske diagnose vil blive stillet, skal patienten udredes med røntgen af thorax, CT af thorax og abdomen mhp. diagnose af primærtumor, idet en biopsi fx fra thorax er mindre risikabel for patienten end en cerebral biopsi.«",
        before: &["s3_1_4_chest_xray", "s3_1_4_ct_thorax_abdomen"],
        after: &["s3_1_biopsy_principle", "s3_6_pause_anticoagulants", PRINCIPLES[0], PRINCIPLES[1], PRINCIPLES[2]],
        applies: Condition::Site(FindingSite::Brain),
    },
    Gate {
        key: "brain_performance_status_first",
        section: Section("§3.1.4"),
        words: "»Nedenstående skal naturligvis vurderes på baggrund af patientens almentilstand (performance status). Hvis det skønnes, at prognosen er meget dårlig, kan man overveje at afstå fra patologisk diagnostik dvs. undlade at tage biopsi.«",
        before: &["s3_1_4_performance_status"],
        after: &[
            "s3_1_biopsy_principle",
            "s3_6_pause_anticoagulants",
            PRINCIPLES[0],
            PRINCIPLES[1],
            "s3_1_4_principle_2_preference",
            PRINCIPLES[2],
        ],
        applies: Condition::Site(FindingSite::Brain),
    },
];

/// The CT item without "derefter", for when no biopsy stands before it.
pub const WITHOUT_THEN: &[WithoutThen] = &[WithoutThen {
    id: "s3_1_ct_thorax_upper_abdomen",
    gate: "ct_after_biopsy",
    text: Text::new("Patienten skal have foretaget CT-scanning af thorax og øvre abdomen. Svar på CT-scanning skal foreligge samtidigt med svar på biopsi.", "CT of thorax and upper abdomen must be done; its answer must be available together with the biopsy answer."),
}];

const fn at(id: &'static str) -> Place {
    Place { id, reading: None }
}

const fn read(id: &'static str, r: Reading) -> Place {
    Place { id, reading: Some(r) }
}

const R_S1_5: Reading = Reading {
    da: "§1.5 siger, hvem der er ansvarlig, og hvem MDT består af. Det er ikke et trin i udredningen; værktøjet viser det først.",
    en: "§1.5 says who is responsible and who the MDT are. It is not a step of the work-up; the tool shows it first.",
};
const R_BASICS: Reading = Reading {
    da: "§3.1 opregner anamnese, klinisk undersøgelse og blodprøver uden at angive en rækkefølge, og §3.6 nævner dem i en anden (»Blodprøver, journaloptagelse og klinisk undersøgelse«). Værktøjet viser dem i rækkefølgen fra §3.1.",
    en: "§3.1 lists history, clinical examination and blood tests without stating an order, and §3.6 names them in another (»Blodprøver, journaloptagelse og klinisk undersøgelse«). The tool shows them in §3.1's order.",
};
const R_MARKERS: Reading = Reading {
    da: "§3.1 anbefaler tumormarkørerne uden at placere dem i forhold til de andre undersøgelser. Værktøjet viser dem med blodprøverne.",
    en: "§3.1 recommends the tumour markers without placing them among the other examinations. The tool shows them with the blood tests.",
};
const R_MARKERS_NOTE: Reading = Reading {
    da: "Bemærkningen følger lige efter tumormarkørerne i §3.1; værktøjet viser den der.",
    en: "The remark follows the tumour markers in §3.1; the tool shows it there.",
};
const R_BIOPSY_PRINCIPLE: Reading = Reading {
    da: "Princippet handler om biopsien, men teksten placerer det ikke blandt undersøgelserne. Værktøjet viser det lige før biopsien.",
    en: "The principle is about the biopsy, but the text does not place it among the examinations. The tool shows it just before the biopsy.",
};
const R_PAUSE: Reading = Reading {
    da: "Pausen ligger »før biopsi« (§3.6), men der står endnu ingen biopsi på listen. Værktøjet viser pausen, hvor biopsien vil stå.",
    en: "The pause comes »før biopsi« (before the biopsy, §3.6), but no biopsy is on the list yet. The tool shows the pause where the biopsy will stand.",
};
const R_NODE: Reading = Reading {
    da: "§3.1.1 henviser til biopsien »som beskrevet« i §3.1; værktøjet viser bemærkningen lige før den.",
    en: "§3.1.1 refers to the biopsy »som beskrevet« (as described) in §3.1; the tool shows the remark just before it.",
};
const R_SUFFICIENT: Reading = Reading {
    da: "Bemærkningen handler om biopsimaterialet; værktøjet viser den lige efter biopsien.",
    en: "The remark is about the biopsy material; the tool shows it just after the biopsy.",
};
const R_BONE_HOW: Reading = Reading {
    da: "Bemærkningen handler om, hvordan knoglebiopsien kan udføres; værktøjet viser den lige efter den.",
    en: "The remark is about how the bone biopsy may be taken; the tool shows it just after it.",
};
const R_WEEKLY: Reading = Reading {
    da: "Bemærkningen handler om MDT-konferencen; værktøjet viser den lige efter den.",
    en: "The remark is about the MDT conference; the tool shows it just after it.",
};
const R_PET: Reading = Reading {
    da: "Bemærkningen handler om røntgen af thorax og CT af thorax og abdomen; værktøjet viser den lige efter dem.",
    en: "The remark is about the chest X-ray and the CT of thorax and abdomen; the tool shows it just after them.",
};
const R_CT_BEFORE_MDT: Reading = Reading {
    da: "Værktøjets læsning, en foreslået rækkefølge og ingen betingelse: CT-scanningen af thorax og øvre abdomen vises før MDT-konferencen, fordi den afgør, om §3.1.2's regel om MDT før biopsi overhovedet gælder (»uden umiddelbare ekstrahepatiske tumormanifestationer«). En CT, der fandt leverprocessen og dækkede thorax og øvre abdomen, tæller. §3.1's »Svar på CT-scanning skal foreligge samtidigt med svar på biopsi« er skrevet for et forløb, hvor biopsien tages først: på denne vej foreligger CT-svaret allerede, før MDT-konferencen tager stilling til biopsi.",
    en: "The tool's reading, a suggested order and no condition: the CT of thorax and upper abdomen is shown before the MDT conference, because it decides whether §3.1.2's rule of an MDT before biopsy applies at all (»uden umiddelbare ekstrahepatiske tumormanifestationer«, without apparent extrahepatic tumour manifestations). A CT that found the liver process and covered thorax and upper abdomen counts. §3.1's »Svar på CT-scanning skal foreligge samtidigt med svar på biopsi« (the CT report at the same time as the biopsy result) is written for a course where the biopsy comes first: on this route the CT report is there before the MDT conference decides on the biopsy.",
};
const R_CT_NO_BIOPSY: Reading = Reading {
    da: "§3.1 sætter CT-scanningen efter biopsien (»Patienten skal derefter …«), men der står ingen biopsi på listen; værktøjet viser CT-scanningen sidst i udredningen.",
    en: "§3.1 puts the CT after the biopsy (»Patienten skal derefter …«, then), but no biopsy is on the list; the tool shows the CT last in the work-up.",
};
const R_BIOPSY_ELSEWHERE: Reading = Reading {
    da: "Den diagnostiske biopsi er taget uden for leveren (§3.1.5: ét biopsisvar); værktøjet viser den, hvor leverbiopsien ellers ville stå.",
    en: "The diagnostic biopsy was taken outside the liver (§3.1.5: one biopsy result); the tool shows it where the liver biopsy would otherwise stand.",
};
const R_CT_BRAIN: Reading = Reading {
    da: "§3.1 sætter CT-scanningen af thorax og øvre abdomen efter biopsien (»derefter«), mens §3.1.4 sætter CT af thorax og abdomen før en cerebral biopsi. Teksten siger ikke, om det er samme scanning; værktøjet viser den på pladsen for §3.1.4's CT, før biopsien.",
    en: "§3.1 puts the CT of thorax and upper abdomen after the biopsy (»derefter«, then), while §3.1.4 puts CT of thorax and abdomen before a cerebral biopsy. The text does not say whether it is the same scan; the tool shows it in the place of §3.1.4's CT, before the biopsy.",
};
const R_PREFERENCE: Reading = Reading {
    da: "Bemærkningen handler om princip 2; værktøjet viser den lige efter det.",
    en: "The remark is about principle 2; the tool shows it just after it.",
};
const R_COMORBIDITY: Reading = Reading {
    da: "§3.6 afsætter tid i udredningsperioden til komorbiditet uden at placere den; værktøjet viser den sidst.",
    en: "§3.6 sets time aside in the work-up period for comorbidity without placing it; the tool shows it last.",
};

/// The general programme (§3.1), for every site without its own.
pub const GENERAL: Programme = Programme {
    section: Section("§3.1"),
    sites: &[],
    when: Condition::Always,
    places: &[
        read("s1_5_responsible_specialist", R_S1_5),
        read("s1_5_mdt_members", R_S1_5),
        read("s3_1_history", R_BASICS),
        read("s3_1_clinical_exam", R_BASICS),
        read("s3_1_blood_tests", R_BASICS),
        read("s3_1_men_psa", R_MARKERS),
        read("s3_1_men_afp", R_MARKERS),
        read("s3_1_men_hcg", R_MARKERS),
        read("s3_1_women_afp_solitary_liver", R_MARKERS),
        read("s3_1_markers_unspecific", R_MARKERS_NOTE),
        read("s3_1_biopsy_principle", R_BIOPSY_PRINCIPLE),
        read("s3_6_pause_anticoagulants", R_PAUSE),
        at("s3_1_biopsy"),
        read("s3_1_biopsy_sufficient_material", R_SUFFICIENT),
        at("s3_1_ct_thorax_upper_abdomen"),
        read("s3_6_comorbidity", R_COMORBIDITY),
    ],
};

/// The site-specific programmes, §3.1.1–§3.1.4.
pub const PROGRAMMES: &[Programme] = &[
    Programme {
        section: Section("§3.1.1"),
        sites: &[FindingSite::LymphNodeGroin, FindingSite::LymphNodeRetroperitoneal],
        when: Condition::Always,
        places: &[
            read("s1_5_responsible_specialist", R_S1_5),
            read("s1_5_mdt_members", R_S1_5),
            read("s3_1_history", R_BASICS),
            read("s3_1_clinical_exam", R_BASICS),
            read("s3_1_blood_tests", R_BASICS),
            read("s3_1_men_psa", R_MARKERS),
            read("s3_1_men_afp", R_MARKERS),
            read("s3_1_men_hcg", R_MARKERS),
            read("s3_1_women_afp_solitary_liver", R_MARKERS),
            read("s3_1_markers_unspecific", R_MARKERS_NOTE),
            read("s3_1_biopsy_principle", R_BIOPSY_PRINCIPLE),
            read("s3_6_pause_anticoagulants", R_PAUSE),
            read("s3_1_1_node_biopsy", R_NODE),
            at("s3_1_biopsy"),
            read("s3_1_biopsy_sufficient_material", R_SUFFICIENT),
            at("s3_1_ct_thorax_upper_abdomen"),
            read("s3_6_comorbidity", R_COMORBIDITY),
        ],
    },
    // The liver without apparent extrahepatic manifestations (or not yet
    // known): the MDT conference before any decision on biopsy.
    Programme {
        section: Section("§3.1.2"),
        sites: &[FindingSite::Liver],
        when: Condition::Flag(Flag::LiverPossiblyNoExtrahepatic),
        places: &[
            read("s1_5_responsible_specialist", R_S1_5),
            read("s1_5_mdt_members", R_S1_5),
            // α-føtoprotein first: it decides whether §3.1.2 applies at all.
            at("s3_1_men_afp"),
            at("s3_1_women_afp_solitary_liver"),
            read("s3_1_history", R_BASICS),
            read("s3_1_clinical_exam", R_BASICS),
            read("s3_1_blood_tests", R_BASICS),
            read("s3_1_men_psa", R_MARKERS),
            read("s3_1_men_hcg", R_MARKERS),
            read("s3_1_markers_unspecific", R_MARKERS_NOTE),
            read("s3_1_ct_thorax_upper_abdomen", R_CT_BEFORE_MDT),
            at("s3_1_2_mdt_before_biopsy"),
            read("s3_1_2_weekly_mdt", R_WEEKLY),
            read("s3_1_biopsy_principle", R_BIOPSY_PRINCIPLE),
            read("s3_6_pause_anticoagulants", R_PAUSE),
            read("s3_1_biopsy_sufficient_material", R_SUFFICIENT),
            read("s3_6_comorbidity", R_COMORBIDITY),
        ],
    },
    // The liver with extrahepatic manifestations: "Alle andre skal have taget
    // biopsi fra leveren", then the CT (§3.1 "derefter").
    Programme {
        section: Section("§3.1.2"),
        sites: &[FindingSite::Liver],
        when: Condition::Always,
        places: &[
            read("s1_5_responsible_specialist", R_S1_5),
            read("s1_5_mdt_members", R_S1_5),
            at("s3_1_men_afp"),
            at("s3_1_women_afp_solitary_liver"),
            read("s3_1_history", R_BASICS),
            read("s3_1_clinical_exam", R_BASICS),
            read("s3_1_blood_tests", R_BASICS),
            read("s3_1_men_psa", R_MARKERS),
            read("s3_1_men_hcg", R_MARKERS),
            read("s3_1_markers_unspecific", R_MARKERS_NOTE),
            read("s3_1_biopsy_principle", R_BIOPSY_PRINCIPLE),
            read("s3_6_pause_anticoagulants", R_PAUSE),
            at("s3_1_2_liver_biopsy"),
            read("s3_1_biopsy", R_BIOPSY_ELSEWHERE),
            read("s3_1_biopsy_sufficient_material", R_SUFFICIENT),
            read("s3_1_ct_thorax_upper_abdomen", R_CT_NO_BIOPSY),
            read("s3_6_comorbidity", R_COMORBIDITY),
        ],
    },
    Programme {
        section: Section("§3.1.3"),
        sites: &[FindingSite::Bone],
        when: Condition::Always,
        places: &[
            read("s1_5_responsible_specialist", R_S1_5),
            read("s1_5_mdt_members", R_S1_5),
            read("s3_1_history", R_BASICS),
            read("s3_1_clinical_exam", R_BASICS),
            read("s3_1_blood_tests", R_BASICS),
            read("s3_1_men_psa", R_MARKERS),
            read("s3_1_men_afp", R_MARKERS),
            read("s3_1_men_hcg", R_MARKERS),
            read("s3_1_women_afp_solitary_liver", R_MARKERS),
            read("s3_1_markers_unspecific", R_MARKERS_NOTE),
            read("s3_1_biopsy_principle", R_BIOPSY_PRINCIPLE),
            read("s3_6_pause_anticoagulants", R_PAUSE),
            at("s3_1_biopsy"),
            at("s3_1_3_bone_biopsy"),
            read("s3_1_3_us_or_palpation_guided", R_BONE_HOW),
            read("s3_1_biopsy_sufficient_material", R_SUFFICIENT),
            at("s3_1_ct_thorax_upper_abdomen"),
            read("s3_6_comorbidity", R_COMORBIDITY),
        ],
    },
    Programme {
        section: Section("§3.1.4"),
        sites: &[FindingSite::Brain],
        when: Condition::Always,
        places: &[
            read("s1_5_responsible_specialist", R_S1_5),
            read("s1_5_mdt_members", R_S1_5),
            read("s3_1_history", R_BASICS),
            read("s3_1_clinical_exam", R_BASICS),
            read("s3_1_blood_tests", R_BASICS),
            read("s3_1_men_psa", R_MARKERS),
            read("s3_1_men_afp", R_MARKERS),
            read("s3_1_men_hcg", R_MARKERS),
            read("s3_1_women_afp_solitary_liver", R_MARKERS),
            read("s3_1_markers_unspecific", R_MARKERS_NOTE),
            at("s3_1_4_mr_cerebrum"),
            at("s3_1_4_chest_xray"),
            at("s3_1_4_ct_thorax_abdomen"),
            read("s3_1_4_no_whole_body_pet", R_PET),
            read("s3_1_ct_thorax_upper_abdomen", R_CT_BRAIN),
            at("s3_1_4_performance_status"),
            read("s3_1_biopsy_principle", R_BIOPSY_PRINCIPLE),
            read("s3_6_pause_anticoagulants", R_PAUSE),
            at(PRINCIPLES[0]),
            at(PRINCIPLES[1]),
            read("s3_1_4_principle_2_preference", R_PREFERENCE),
            at(PRINCIPLES[2]),
            read("s3_1_biopsy_sufficient_material", R_SUFFICIENT),
            read("s3_6_comorbidity", R_COMORBIDITY),
        ],
    },
];

/// The programme for a finding site: its own (the first of its routes), or the general one.
pub fn programme(site: Option<FindingSite>) -> &'static Programme {
    site.and_then(|s| PROGRAMMES.iter().find(|p| p.sites.contains(&s))).unwrap_or(&GENERAL)
}

/// The programme for this patient: the site's own on the route its answers
/// take (the liver with or without extrahepatic manifestations), or the general one.
pub fn programme_for(a: &Answers) -> &'static Programme {
    a.finding_site.and_then(|s| PROGRAMMES.iter().find(|p| p.sites.contains(&s) && p.when.holds(a))).unwrap_or(&GENERAL)
}

pub fn gate(key: &str) -> Option<&'static Gate> {
    GATES.iter().find(|g| g.key == key)
}

/// The items that apply, in order: the primary work-up in the order of its
/// programme, every other phase as given. Each item comes with the reading
/// of its place where no gate places it, and without a "derefter" that
/// would point to no item shown.
pub fn arrange(a: &Answers, shown: &[&'static ChecklistItem]) -> Vec<(ChecklistItem, Option<Reading>)> {
    let prog = programme_for(a);
    let rank = |i: &ChecklistItem| match i.phase {
        Phase::PrimaryWorkup => prog.places.iter().position(|p| p.id == i.id).unwrap_or(usize::MAX),
        _ => 0,
    };
    let mut items: Vec<&'static ChecklistItem> = shown.to_vec();
    crate::sort::by_key(&mut items, |i| (i.phase, rank(i)));
    let ids: Vec<&str> = items.iter().map(|i| i.id).collect();
    let is_shown = |id: &&str| ids.contains(id);
    let gates: Vec<&Gate> = GATES.iter().filter(|g| g.applies.holds(a)).collect();
    items
        .iter()
        .enumerate()
        .map(|(n, i)| {
            if i.phase != Phase::PrimaryWorkup {
                return (**i, None);
            }
            let placed = gates.iter().any(|g| {
                (g.before.contains(&i.id) && g.after.iter().any(is_shown))
                    || (g.after.contains(&i.id) && g.before.iter().any(is_shown))
            });
            let reading = if placed { None } else { prog.places.iter().find(|p| p.id == i.id).and_then(|p| p.reading) };
            let unanchored = WITHOUT_THEN.iter().find(|w| {
                w.id == i.id && gate(w.gate).is_some_and(|g| !ids[..n].iter().any(|id| g.before.contains(id)))
            });
            let item = match unanchored {
                Some(w) => ChecklistItem { text: w.text, ..**i },
                None => **i,
            };
            (item, reading)
        })
        .collect()
}
