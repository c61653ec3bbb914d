//! Folder walks: a link back up the tree must not read a document twice or
//! loop (regression: `docs/up -> ..` once made a set of 2 report 41 sources);
//! ignore files and `exclude` globs leave documents out.

#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::process::Command;

#[test]
fn a_link_to_a_parent_folder_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a.txt"), "Officials said the bridge is closed.\n").unwrap();
    std::fs::write(
        docs.join("b.txt"),
        "The bridge is closed, the mayor said.\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    symlink("..", docs.join("up")).unwrap();
    symlink(".", docs.join("here")).unwrap();
    // a link to a file is a document like any other
    symlink(docs.join("a.txt"), dir.path().join("linked.txt")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["--color", "never", "check", "--format", "json", "docs"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stderr)));
    assert_eq!(report["summary"]["sources"], 2, "{report}");
}

#[test]
fn a_dangling_link_is_an_error_not_a_silent_skip() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(docs.join("a.txt"), "The bridge is closed.\n").unwrap();
    symlink(docs.join("gone.txt"), docs.join("b.txt")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["--color", "never", "check", "docs"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("docs/b.txt"), "{stderr}");
}

/// `concord --color never check ARGS` in `dir`.
fn check(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["--color", "never", "check"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn summary(dir: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let output = check(dir, &all);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stderr)));
    report["summary"].clone()
}

#[test]
fn exclude_globs_and_ignore_files_leave_documents_out() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("notes")).unwrap();
    for (name, text) in [
        ("a.txt", "The bridge is closed, the mayor said."),
        ("b.txt", "The bridge is open, officials said."),
        ("TRUTH.md", "What really happened."),
        ("notes/n.md", "A note to self."),
        ("draft.txt", "Not for publication."),
        ("scratch.md", "Scratch."),
    ] {
        std::fs::write(d.join(name), text).unwrap();
    }
    std::fs::write(d.join(".gitignore"), "draft.txt\n").unwrap();
    std::fs::write(d.join(".concordignore"), "scratch.md\n").unwrap();
    // No rules folder: the quotation check runs alone.
    assert_eq!(summary(d, &[])["sources"], 4);
    assert_eq!(summary(d, &[])["rules"], 0);
    assert_eq!(
        summary(d, &["--exclude", "TRUTH.md", "--exclude", "notes/"])["sources"],
        2
    );
    std::fs::write(d.join("concord.toml"), "exclude = [\"*.md\"]\n").unwrap();
    assert_eq!(summary(d, &[])["sources"], 2);
    // A bad glob is an input error; a rules folder the config names must exist.
    let bad = check(d, &["--exclude", "["]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("`[` is not a valid exclude glob"));
    // In concord.toml, the error points at the glob.
    std::fs::write(d.join("concord.toml"), "exclude = [\"notes/\", \"[\"]\n").unwrap();
    let bad = check(d, &[]);
    let err = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(bad.status.code(), Some(2), "{err}");
    assert!(
        err.contains("concord.toml:1:22") && err.contains("not a valid glob"),
        "{err}"
    );
    std::fs::write(d.join("concord.toml"), "rules = [\"rules\"]\n").unwrap();
    let missing = check(d, &[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("concord::rule::missing"));
}

#[test]
fn a_manifest_can_name_the_only_documents() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), "The bridge is closed, the mayor said.").unwrap();
    std::fs::write(d.join("RESULTS.md"), "What we found.").unwrap();
    let listed = "[[source]]\nfile = \"a.txt\"\noutlet = \"Courier\"\n";
    std::fs::write(d.join("sources.toml"), listed).unwrap();
    assert_eq!(summary(d, &[])["sources"], 2);
    std::fs::write(
        d.join("sources.toml"),
        format!("only_listed = true\n\n{listed}"),
    )
    .unwrap();
    assert_eq!(summary(d, &[])["sources"], 1);
}
