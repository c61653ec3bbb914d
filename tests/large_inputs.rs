//! Inputs too large to keep in the repository, made at test time: a 10 MB
//! document on a single line, and determinism across thread counts and the
//! order in which documents are named.

use std::path::Path;
use std::process::{Command, Output};

fn concord(dir: &Path, args: &[&str], threads: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(args)
        .current_dir(dir)
        .env("RAYON_NUM_THREADS", threads)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn a_ten_megabyte_single_line_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("docs")).unwrap();
    std::fs::create_dir_all(dir.path().join("rules")).unwrap();
    std::fs::write(
        dir.path().join("concord.toml"),
        "sources = [\"docs\"]\nrules = [\"rules\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("rules/r.toml"),
        "[[claim]]\nid = \"dam-open\"\n[claim.stances]\nyes = ['will open']\nno = ['stays closed']\n",
    )
    .unwrap();
    let line = "the dam will open, “officials said” and U.S. Mr. ".repeat(10_000_000 / 50);
    std::fs::write(
        dir.path().join("docs/big.txt"),
        format!("{line}The dam stays closed."),
    )
    .unwrap();
    let out = concord(dir.path(), &["check", "--format", "json"], "2");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["findings"][0]["kind"], "conflict");
}

#[test]
fn output_is_the_same_for_any_thread_count_and_document_order() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for fixture in ["tests/fixtures/strike", "tests/fixtures/facts", "."] {
        let dir = root.join(fixture);
        let one = concord(&dir, &["check", "--format", "json", "--show", "agree"], "1");
        let many = concord(&dir, &["check", "--format", "json", "--show", "agree"], "8");
        assert_eq!(
            one.stdout, many.stdout,
            "{fixture}: thread count changed the report"
        );
        assert!(!one.stdout.is_empty());
    }
    let dir = root.join("tests/fixtures/strike");
    let forward = concord(
        &dir,
        &[
            "check",
            "docs/coastal-herald.txt",
            "docs/wire.txt",
            "docs/valdora-daily.md",
        ],
        "2",
    );
    let backward = concord(
        &dir,
        &[
            "check",
            "docs/valdora-daily.md",
            "docs/wire.txt",
            "docs/coastal-herald.txt",
        ],
        "2",
    );
    assert_eq!(
        forward.stdout, backward.stdout,
        "document order changed the report"
    );
    assert!(String::from_utf8_lossy(&forward.stdout).contains("3 sources"));
}
