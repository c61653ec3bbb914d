//! Folder walks: a link back up the tree must not read a document twice or
//! loop (regression: `docs/up -> ..` once made a set of 2 report 41 sources).

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
