//! The library is layered (see ARCHITECTURE.md): an import may only point to
//! a lower layer, never up and never sideways into a layer of the same rank.
//! This reads every source file of the library and fails on an import that
//! breaks the order, or on a library module that uses clap or prints.

use std::path::{Path, PathBuf};

/// Top-level modules, lowest first; modules on one line share a rank and
/// may not import each other.
const LAYERS: &[&[&str]] = &[
    &["text"],
    &["value"],
    &["finding"],
    &["diagnostic"],
    &["input"],
    &["config"],
    &["source"],
    &["rules"],
    &["analyze"],
    &["compare"],
    &["pipeline"],
    &["report"],
];

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a library file belongs to (`src/analyze/claims.rs`
/// → `analyze`), or `None` for the crate root and the binary.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next()?.as_os_str().to_str()?;
    match first {
        "lib.rs" | "bin" => None,
        name => Some(name.trim_end_matches(".rs").to_string()),
    }
}

/// Every `crate::NAME` a file names (in `use` lines and paths alike).
fn crate_references(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push((n + 1, name));
            }
            rest = after;
        }
    }
    found
}

#[test]
fn imports_only_point_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    let mut checked = 0;
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        let Some(own) = rank(&module) else {
            wrong.push(format!(
                "{}: module `{module}` is in no layer; add it to LAYERS and ARCHITECTURE.md",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (line, target) in crate_references(&text) {
            checked += 1;
            if target == module {
                continue;
            }
            match rank(&target) {
                Some(r) if r < own => {}
                _ => wrong.push(format!(
                    "{}:{line}: `{module}` imports `crate::{target}`, which is not below it",
                    file.display()
                )),
            }
        }
        let top_level = file.parent() == Some(src.as_path());
        let escapes = text.contains("super::super")
            || (top_level
                && text
                    .lines()
                    .any(|l| l.contains("super::") && !l.contains("super::*")));
        if escapes {
            wrong.push(format!(
                "{}: `super::` reaches past its own module; name the layer with `crate::`",
                file.display()
            ));
        }
        let bare = text.replace("clippy::", "");
        if bare.contains("clap::") || bare.contains("print!(") || bare.contains("println!(") {
            wrong.push(format!(
                "{}: the library must not use clap or print",
                file.display()
            ));
        }
    }
    assert!(
        checked > 100,
        "only {checked} imports found: is the scan broken?"
    );
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
}

#[test]
fn the_scan_sees_an_upward_import() {
    let refs = crate_references(
        "use crate::report::Style; // crate::pipeline\nlet x = crate::text::fold(y);",
    );
    let names: Vec<&str> = refs.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["report", "text"]);
    assert!(rank("report") > rank("compare"));
}
