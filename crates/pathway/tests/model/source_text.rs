//! The model against the pathway text itself, and the model's purity.
use crate::common::*;
use pathway::section::SECTIONS;
use std::path::PathBuf;

/// The repository (this crate is `crates/pathway` in it).
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The pathway text, which sits beside the repository in `../shared/seeds`.
fn source() -> String {
    let p = root().join("../shared/seeds/000_e89f266599b41170.txt");
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("the pathway text {} must be readable: {e}", p.display()))
}

fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_cited_section_is_a_heading_of_the_text() {
    let text = source();
    for s in SECTIONS {
        let number = s.as_str().trim_start_matches('§').trim_start_matches("kap. ");
        let found = text.lines().any(|l| {
            let l = l.trim_start();
            l.starts_with(&format!("{number} ")) || l.starts_with(&format!("{number}  "))
        });
        assert!(found, "{s} is not a heading of the text");
    }
}

#[test]
fn every_code_title_is_verbatim_in_the_text() {
    let text = folded(&source());
    for c in CODES {
        let line = format!("{} {}", c.id, c.title_da);
        assert!(text.contains(&line), "{line}");
    }
}

#[test]
fn the_time_standards_are_the_texts() {
    let text = folded(&source());
    assert!(text.contains("2.8 Forløbstid Forløbstiden er 6 kalenderdage."));
    assert!(text.contains("3.6 Forløbstid Forløbstiden er 14 kalenderdage"));
    assert!(text.contains("Henvisning til onkologisk afdeling: Forløbstiden er 6 kalenderdage."));
}

#[test]
fn the_text_slips_the_model_corrects_are_really_in_the_text() {
    let text = folded(&source());
    assert!(text.contains("(se kapitel 6)"));
    assert!(text.contains("udredningsprogram (se kapitel 7)"));
    assert!(text.contains("4 Videre udredning og initial behandling"));
}

#[test]
fn checklist_ids_are_unique_and_named_by_their_section() {
    let mut seen = std::collections::HashSet::new();
    for i in CHECKLIST {
        assert!(seen.insert(i.id), "duplicate id {}", i.id);
        let prefix = format!("s{}_", i.section.as_str().trim_start_matches('§').replace('.', "_"));
        assert!(i.id.starts_with(&prefix), "{} should start with {prefix}", i.id);
        assert!(!i.text.da.is_empty() && !i.text.en.is_empty());
    }
}

/// The model is a crate of its own, so Cargo refuses any crate its manifest
/// does not name (no web, UI or storage crate compiles here); this keeps the
/// manifest to the three the model needs.
#[test]
fn the_models_crate_depends_on_chrono_serde_and_serde_json_only() {
    let manifest = std::fs::read_to_string(root().join("crates/pathway/Cargo.toml")).unwrap();
    let deps: Vec<&str> = manifest
        .split("\n[dependencies]\n")
        .nth(1)
        .unwrap()
        .split("\n[")
        .next()
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split([' ', '=']).next().unwrap())
        .collect();
    assert_eq!(deps, ["chrono", "serde", "serde_json"]);
    assert_eq!(manifest.matches("dependencies]").count(), 2, "dependencies only here and proptest for the tests");
}

#[test]
fn the_model_reads_the_chapter_slips_as_chapters_4_and_3() {
    use pathway::section::TEXT_SLIPS;
    let six = TEXT_SLIPS.iter().find(|s| s.text_says == "(se kapitel 6)").unwrap();
    assert!(six.read_as.da.contains("synes at svare til kapitel 4"));
    assert!(six.sections.iter().any(|s| s.as_str() == "§3.1.9"));
    let seven = TEXT_SLIPS.iter().find(|s| s.text_says.contains("se kapitel 7")).unwrap();
    assert!(seven.read_as.da.contains("synes at svare til kapitel 3"));
    assert_eq!(seven.sections.iter().map(|s| s.as_str()).collect::<Vec<_>>(), ["§4.8"]);
    assert_eq!(plan(&Case::default()).text_slips.len(), TEXT_SLIPS.len());
}

#[test]
fn the_slips_shown_with_a_case_are_those_in_sections_the_case_cites() {
    let none = plan(&Case::default()).slips_touching_case();
    let liver = case(|a| a.finding_site = Some(pathway::FindingSite::Liver));
    let p = plan(&liver);
    let cited: Vec<_> = p
        .route
        .reasons
        .iter()
        .chain(&p.route.silences)
        .map(|s| s.section)
        .chain(p.checklist.iter().map(|i| i.item.section))
        .collect();
    for slip in p.slips_touching_case() {
        assert!(slip.sections.iter().any(|s| cited.contains(s)), "{slip:?}");
    }
    assert!(p.slips_touching_case().len() >= none.len());
    assert!(
        !p.slips_touching_case().is_empty(),
        "the liver work-up cites §3.1, where the text refers to a chapter 6 that is not about it"
    );
}
