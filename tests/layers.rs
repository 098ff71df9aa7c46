//! The arrows between the app's layers point one way (issue 16):
//! components → state → storage → the model. Read from the source text, so a
//! new `use` that points back fails here, naming the file and the line.

use std::path::Path;

fn files(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join(dir);
    if path.is_file() {
        return vec![(dir.to_string(), std::fs::read_to_string(&path).unwrap())];
    }
    let mut out = vec![];
    for entry in std::fs::read_dir(&path).unwrap() {
        let p = entry.unwrap().path();
        let rel = p.strip_prefix(root).unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            out.extend(files(&rel));
        } else if rel.ends_with(".rs") {
            out.push((rel, std::fs::read_to_string(&p).unwrap()));
        }
    }
    out
}

/// Lines of code (comments left out) in `dirs` that mention any of `forbidden`.
fn mentions(dirs: &[&str], forbidden: &[&str]) -> Vec<String> {
    let mut found = vec![];
    for dir in dirs {
        for (file, text) in files(dir) {
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for f in forbidden {
                    if code.contains(f) {
                        found.push(format!("{file}:{}: {f}: {}", n + 1, line.trim()));
                    }
                }
            }
        }
    }
    found
}

// The model (crates/pathway) and the department's data (crates/department:
// the patients, their records and merges, course times, CSV, ICS, share links,
// the registration queue, the journal note) are crates of their own: Cargo
// keeps the app, Leptos and the web crates out of them (issue 27.1), so no
// test here reads them for it.

#[test]
fn the_lockbox_knows_nothing_of_the_app_above_it() {
    let found = mentions(
        &["src/lockbox.rs"],
        &["crate::state", "crate::storage", "crate::components", "crate::app", "crate::i18n", "leptos"],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn storage_knows_nothing_of_state_components_or_ui_text() {
    let found =
        mentions(&["src/storage"], &["crate::state", "crate::components", "crate::app", "crate::i18n", "leptos"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn state_knows_nothing_of_components_or_ui_text() {
    let found = mentions(&["src/state"], &["crate::components", "crate::app", "crate::i18n"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn components_reach_storage_only_through_state() {
    // Types and constants may be named (`StorageError`, `MAX_BACKUP_BYTES`); no storage function is called.
    let mut found = vec![];
    for (file, text) in files("src/components").into_iter().chain(files("src/app.rs")) {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let calls = code
                .match_indices("storage::")
                .any(|(i, _)| code[i + "storage::".len()..].starts_with(|c: char| c.is_ascii_lowercase()));
            let imports_fn = code.trim_start().starts_with("use crate::storage::{")
                && code.split('{').nth(1).is_some_and(|names| {
                    names
                        .split(|c: char| c == ',' || c == '}')
                        .map(str::trim)
                        .any(|n| n.starts_with(|c: char| c.is_ascii_lowercase()))
                });
            if calls || imports_fn {
                found.push(format!("{file}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// Every key of the UI text is shown somewhere (issue 27): a key nothing
/// uses is text nobody reads, kept in step for nothing. The text is a folder,
/// one key enum an area (`src/i18n/*.rs`: `ui_text! { CaseText { Key => (da, en), … } }`).
#[test]
fn every_ui_text_key_is_used() {
    let i18n = files("src/i18n");
    let mut keys: Vec<String> = vec![];
    for (_, text) in &i18n {
        let Some(start) = text.find("ui_text! {") else { continue };
        let mut name = String::new();
        for line in text[start..].lines().skip(1) {
            let t = line.trim();
            if t.starts_with("///") {
                continue;
            }
            if name.is_empty() {
                name = t.trim_end_matches(" {").to_string();
            } else if line.starts_with("        ") && !line.starts_with("         ") && t.contains(" => ") {
                keys.push(format!("{name}::{}", t.split(" => ").next().unwrap()));
            } else if t == "}" {
                break;
            }
        }
    }
    assert!(keys.len() > 400, "read only {} keys", keys.len());
    assert!(keys.iter().any(|k| k.starts_with("CaseText::")) && keys.iter().any(|k| k.starts_with("MergeText::")));
    // The code outside the key files, and the error messages (`errors.rs`), which use keys too.
    let code: String = files("src")
        .into_iter()
        .filter(|(f, _)| !f.starts_with("src/i18n/") || f == "src/i18n/errors.rs" || f == "src/i18n/mod.rs")
        .map(|(_, t)| t)
        .collect();
    let unused: Vec<&String> = keys
        .iter()
        .filter(|k| {
            !code
                .match_indices(k.as_str())
                .any(|(i, m)| !code[i + m.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'))
        })
        .collect();
    assert!(unused.is_empty(), "UI text keys nothing uses: {unused:?}");
}

/// Each area's keys live in its own file, and a component reads no other
/// screen's words: the case page not the worklist's, and so on (issue 27.3).
#[test]
fn each_screen_reads_its_own_words_and_the_common_ones() {
    let own = [
        ("src/components/case", "CaseText"),
        ("src/components/worklist", "WorklistText"),
        ("src/components/stats", "StatsText"),
    ];
    let mut found = vec![];
    for (dir, mine) in own {
        for (other_dir, theirs) in own {
            if other_dir != dir {
                found.extend(mentions(&[dir], &[&format!("{theirs}::")]).into_iter().map(|f| format!("{mine}: {f}")));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// Issue 26.7: quotation marks in one style in Danish (»…«): no „…“ in
/// any text of the app or the model (English quotes English words “…”).
#[test]
fn danish_quotation_marks_are_one_style() {
    let mut all = files("src");
    all.extend(files("crates/pathway/src"));
    all.extend(files("crates/department/src"));
    let low: Vec<String> = all.iter().filter(|(_, t)| t.contains('„')).map(|(f, _)| f.clone()).collect();
    assert!(low.is_empty(), "„…“ in {low:?}: Danish quotes as »…«");
}

/// A limit a message names is built from its constant, never repeated as a
/// literal that could drift from it (issue 27.2).
#[test]
fn limits_in_the_ui_text_come_from_their_constants() {
    let limits = [
        cup_pathway::patients::MAX_LABEL_CHARS,
        cup_pathway::patients::MAX_NOTE_CHARS,
        cup_pathway::lockbox::MIN_PASSPHRASE_CHARS,
        cup_pathway::folder::secret::CODE_CHARS,
        cup_pathway::pathway::questions::MAX_ORGAN_CHARS,
    ];
    let mut found = vec![];
    for (file, text) in files("src/i18n") {
        for n in limits {
            for unit in ["tegn", "characters", "chars"] {
                if text.contains(&format!("{n} {unit}")) {
                    found.push(format!("{file}: {n} {unit}"));
                }
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
