//! The files of the model (`crates/pathway/src/`) import each other one way:
//! no circle (issue 16). `lib.rs` is the crate's root, read as `mod` (it was
//! `src/pathway/mod.rs`).
//!
//! Every path a file writes to a sibling (`use super::x`, `super::x::Y`,
//! `crate::x`, groups `super::{x, y}`) is an arrow to that file; a
//! path to an item of `mod.rs` itself (`super::Item`) is an arrow to `mod`,
//! which re-exports the rest. Comments and literals are skipped, and `super`
//! inside an inline `mod … { }` means the file itself.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

type Graph = BTreeMap<String, BTreeSet<String>>;

fn pathway_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Ident(String),
    ColCol,
    Open,
    Close,
    Comma,
    Star,
    Other,
}

/// The tokens of a file's code: comments dropped, literals reduced to `Other`.
fn tokens(src: &str) -> Vec<Tok> {
    let s: Vec<char> = src.chars().collect();
    let mut out = vec![];
    let mut i = 0;
    let ident_char = |c: char| c.is_alphanumeric() || c == '_';
    while i < s.len() {
        let c = s[i];
        let next = s.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < s.len() && s[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            // Block comments nest in Rust.
            let mut depth = 0;
            while i < s.len() {
                if s[i] == '/' && s.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if s[i] == '*' && s.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == '"' {
            i += 1;
            while i < s.len() && s[i] != '"' {
                i += if s[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push(Tok::Other);
        } else if c == '\'' {
            // A char literal ('x', '\n', '{'), else a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while i < s.len() && s[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push(Tok::Other);
            } else if s.get(i + 2) == Some(&'\'') {
                i += 3;
                out.push(Tok::Other);
            } else {
                i += 1;
                out.push(Tok::Other);
            }
        } else if ident_char(c) {
            let start = i;
            while i < s.len() && ident_char(s[i]) {
                i += 1;
            }
            let word: String = s[start..i].iter().collect();
            // Raw strings: r"…", r#"…"#, br"…".
            let hashes = s[i..].iter().take_while(|&&h| h == '#').count();
            if (word == "r" || word == "br") && s.get(i + hashes) == Some(&'"') {
                i += hashes + 1;
                let end: String = std::iter::once('"').chain(std::iter::repeat('#').take(hashes)).collect();
                let end: Vec<char> = end.chars().collect();
                while i < s.len() && s[i..].iter().take(end.len()).ne(end.iter()) {
                    i += 1;
                }
                i += end.len();
                out.push(Tok::Other);
            } else {
                out.push(Tok::Ident(word));
            }
        } else {
            i += 1;
            out.push(match c {
                ':' if next == Some(':') => {
                    i += 1;
                    Tok::ColCol
                }
                '{' => Tok::Open,
                '}' => Tok::Close,
                ',' => Tok::Comma,
                '*' => Tok::Star,
                c if c.is_whitespace() => continue,
                _ => Tok::Other,
            });
        }
    }
    out
}

fn is_ident(t: Option<&Tok>, w: &str) -> bool {
    matches!(t, Some(Tok::Ident(x)) if x == w)
}

/// The files `file` imports. `modules`: every file of the model but `mod` (the root).
fn imports(file: &str, src: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let t = tokens(src);
    let is_mod_rs = file == "mod";
    let mut out = BTreeSet::new();
    let mut target = |name: &str| {
        let to = if modules.contains(name) { name } else { "mod" };
        if to != file {
            out.insert(to.to_string());
        }
    };
    let mut depth = 0usize;
    // Brace depths at which inline `mod x {` blocks were opened.
    let mut inline: Vec<usize> = vec![];
    let mut i = 0;
    while i < t.len() {
        match &t[i] {
            Tok::Open => {
                if i >= 2 && is_ident(t.get(i - 2), "mod") && matches!(t[i - 1], Tok::Ident(_)) {
                    inline.push(depth);
                }
                depth += 1;
            }
            Tok::Close => {
                depth = depth.saturating_sub(1);
                if inline.last() == Some(&depth) {
                    inline.pop();
                }
            }
            Tok::Ident(w) if i == 0 || t[i - 1] != Tok::ColCol => {
                // Where the path starts: the number of `super`s, or `crate`, or `self`.
                let mut j = i;
                let mut supers = 0;
                while is_ident(t.get(j), "super") && t.get(j + 1) == Some(&Tok::ColCol) {
                    supers += 1;
                    j += 2;
                }
                let at_pathway = if supers > 0 {
                    // From the root, `super` leaves the crate; inside an inline mod it is the file.
                    !is_mod_rs && supers == inline.len() + 1
                } else if w == "crate" && t.get(i + 1) == Some(&Tok::ColCol) {
                    // The model's own crate: `crate::x` is the file `x`, or an item of the root.
                    j = i + 2;
                    true
                } else if is_mod_rs && w == "self" && t.get(i + 1) == Some(&Tok::ColCol) {
                    j = i + 2;
                    inline.is_empty()
                } else if is_mod_rs && modules.contains(w.as_str()) && t.get(i + 1) == Some(&Tok::ColCol) {
                    // mod.rs names its children bare: `case::Case`, `pub use plan::{…}`.
                    inline.is_empty()
                } else {
                    i += 1;
                    continue;
                };
                if at_pathway {
                    match t.get(j) {
                        Some(Tok::Ident(x)) => target(x),
                        Some(Tok::Star) => target("mod"),
                        Some(Tok::Open) => {
                            // A group: the first name of each item at the group's own level.
                            let mut level = 0;
                            let mut first = true;
                            for tok in &t[j..] {
                                match tok {
                                    Tok::Open => {
                                        level += 1;
                                        first = level == 1;
                                        continue;
                                    }
                                    Tok::Close => {
                                        level -= 1;
                                        if level == 0 {
                                            break;
                                        }
                                    }
                                    Tok::Comma if level == 1 => {
                                        first = true;
                                        continue;
                                    }
                                    Tok::Ident(x) if first && level == 1 => target(x),
                                    Tok::Star if first && level == 1 => target("mod"),
                                    _ => {}
                                }
                                first = false;
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn graph() -> Graph {
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for entry in std::fs::read_dir(pathway_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            // The crate's root, as `mod.rs` was to `src/pathway/`.
            let name = if stem == "lib" { "mod".to_string() } else { stem };
            files.insert(name, std::fs::read_to_string(&path).unwrap());
        }
    }
    assert!(files.contains_key("mod"), "crates/pathway/src/lib.rs must exist");
    let modules: BTreeSet<String> = files.keys().filter(|k| *k != "mod").cloned().collect();
    files.iter().map(|(name, src)| (name.clone(), imports(name, src, &modules))).collect()
}

/// One circle of the graph, as the files in order with the first repeated.
fn find_cycle(g: &Graph) -> Option<Vec<String>> {
    // 0 unvisited, 1 on the path, 2 done.
    fn visit(n: &str, g: &Graph, state: &mut BTreeMap<String, u8>, path: &mut Vec<String>) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        path.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            match state.get(m.as_str()).copied().unwrap_or(0) {
                1 => {
                    let start = path.iter().position(|p| p == m).unwrap();
                    let mut cycle = path[start..].to_vec();
                    cycle.push(m.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(m, g, state, path) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in g.keys() {
        if state.get(n.as_str()).copied().unwrap_or(0) == 0 {
            if let Some(c) = visit(n, g, &mut state, &mut vec![]) {
                return Some(c);
            }
        }
    }
    None
}

/// The groups of files that all reach each other (more than one file each).
fn circles(g: &Graph) -> Vec<Vec<String>> {
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(n) = todo.pop() {
            for m in g.get(&n).into_iter().flatten() {
                if seen.insert(m.clone()) {
                    todo.push(m.clone());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&String, BTreeSet<String>> = g.keys().map(|k| (k, reach(k))).collect();
    let mut groups: Vec<Vec<String>> = vec![];
    for n in g.keys() {
        if groups.iter().any(|grp| grp.contains(n)) {
            continue;
        }
        let grp: Vec<String> =
            g.keys().filter(|m| *m == n || (reached[n].contains(*m) && reached[*m].contains(n))).cloned().collect();
        if grp.len() > 1 {
            groups.push(grp);
        }
    }
    groups
}

#[test]
fn the_reader_sees_the_imports_it_must_see() {
    let modules: BTreeSet<String> = ["a", "b", "c", "d", "e"].iter().map(|s| s.to_string()).collect();
    let src = r##"
        //! See [`super::e`].
        use super::a::X;
        use super::{b, c::Y};
        const S: &str = "super::d";
        const R: &str = r#"super::d"#;
        const B: char = '{';
        fn f<'l>(x: &'l str) -> super::e::Z { crate::MODEL_VERSION }
        mod inner {
            use super::*;
            use super::super::d;
        }
    "##;
    let got: Vec<String> = imports("x", src, &modules).into_iter().collect();
    assert_eq!(got, ["a", "b", "c", "d", "e", "mod"]);
    let g = graph();
    assert!(g["plan"].contains("route"), "{:?}", g["plan"]);
    assert!(g["mod"].contains("plan"), "{:?}", g["mod"]);
}

#[test]
fn the_pathway_files_import_each_other_one_way() {
    let g = graph();
    if let Some(cycle) = find_cycle(&g) {
        let arrows: Vec<String> =
            g.iter().map(|(k, v)| format!("  {k} -> {}", Vec::from_iter(v.iter().cloned()).join(", "))).collect();
        let groups: Vec<String> = circles(&g).iter().map(|grp| grp.join(", ")).collect();
        panic!(
            "import circle in the model: {}\nfiles that reach each other: {}\nall arrows:\n{}",
            cycle.join(" -> "),
            groups.join("; "),
            arrows.join("\n")
        );
    }
}
