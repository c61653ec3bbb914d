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

/// A document of `bytes` on one line, of one of two shapes: quotations and
/// speech cues in one endless sentence, or shuffled words, marks and
/// abbreviations (a seeded generator, the same every run).
fn hostile_line(bytes: usize, shape: usize) -> String {
    const NAMES: [&str; 7] = [
        "Ana Ruiz",
        "Tomas Ek",
        "the minister",
        "he",
        "she",
        "Dr Ole Berg",
        "Mr Kim",
    ];
    const VERBS: [&str; 5] = ["said", "told reporters", "added", "warned", "according to"];
    const WORDS: [&str; 28] = [
        "the",
        "a",
        "of",
        "said",
        "told",
        "Ana",
        "Ruiz",
        "“",
        "”",
        "‘",
        "’",
        "\"",
        ",",
        ";",
        ":",
        "?",
        "he",
        "she",
        "minister",
        "according",
        "to",
        "Mr",
        "Dr",
        "police",
        "chief",
        "U.S.",
        "Jr.",
        "(",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut text = String::with_capacity(bytes + 100);
    let mut i = 0;
    while text.len() < bytes {
        if shape == 0 {
            text.push_str(&format!(
                "“we will see what happens next in Geneva {i},” {} {}, and ",
                NAMES[next(NAMES.len())],
                VERBS[next(VERBS.len())]
            ));
            i += 1;
        } else {
            text.push_str(WORDS[next(WORDS.len())]);
            text.push(' ');
        }
    }
    text.push('\n');
    text
}

/// Regression: attribution compared every quotation with every cue of its
/// sentence, reading the whole gap between them each time (52 KB took 67 s,
/// 1 MB over 5 minutes). Every stage must stay near-linear: 1 MB costs about
/// ten times what 100 KB does (a ceiling of thirty times, for noise), where
/// quadratic work would cost a hundred.
#[test]
fn one_long_line_of_quotations_and_cues_stays_linear() {
    for shape in [0, 1] {
        let mut took = Vec::new();
        for bytes in [100_000, 1_000_000] {
            let dir = tempfile::tempdir().unwrap();
            std::fs::create_dir_all(dir.path().join("docs")).unwrap();
            std::fs::create_dir_all(dir.path().join("rules")).unwrap();
            std::fs::write(dir.path().join("docs/line.txt"), hostile_line(bytes, shape)).unwrap();
            let started = std::time::Instant::now();
            let mut child = Command::new(env!("CARGO_BIN_EXE_concord"))
                .args(["check", "docs", "--rules", "rules", "--format", "json"])
                .current_dir(dir.path())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            let ceiling = std::time::Duration::from_secs(300);
            while child.try_wait().unwrap().is_none() {
                if started.elapsed() > ceiling {
                    child.kill().unwrap();
                    panic!("shape {shape}: {bytes} bytes took over {ceiling:?}");
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            assert!(
                child.wait().unwrap().success(),
                "shape {shape}, {bytes} bytes"
            );
            took.push(started.elapsed().as_secs_f64());
        }
        let (small, large) = (took[0], took[1]);
        assert!(
            large <= 30.0 * small + 2.0,
            "shape {shape}: 100 KB took {small:.2} s, 1 MB {large:.2} s"
        );
    }
}
