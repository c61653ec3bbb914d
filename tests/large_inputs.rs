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

/// Regression: resolving speakers once looked back over every earlier name for
/// every cue, quadratic in a document's names. A 3 MB document of 20,000
/// attributed quotations must be checked well inside the ceiling.
#[test]
fn many_speakers_in_one_document_stay_linear() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("docs")).unwrap();
    std::fs::create_dir_all(dir.path().join("rules")).unwrap();
    let names = [
        "Ana Ruiz",
        "Tomas Ek",
        "Mara Lind",
        "Jan de Vries",
        "Ngozi Okonjo",
    ];
    let text: String = (0..20_000)
        .map(|i| {
            let name = names[i % names.len()];
            format!(
                "“We will see what happens next in Geneva {i},” {name} said. The Ministry of Health said {i} people were hurt, and she added that Lind was right. "
            )
        })
        .collect();
    std::fs::write(dir.path().join("docs/speakers.txt"), &text).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["check", "docs", "--rules", "rules", "--format", "json"])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Generous: about 8 s in a debug build on this machine; quadratic took minutes.
    let ceiling = std::time::Duration::from_secs(120);
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > ceiling {
            child.kill().unwrap();
            panic!("checking {} bytes took over {ceiling:?}", text.len());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(child.wait().unwrap().success());
}
