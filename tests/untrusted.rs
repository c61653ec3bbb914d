//! Untrusted inputs that once hung, hid text, double-counted, lost their
//! identity or were misnamed: invisible characters inside words, runaway
//! pattern memory, FIFOs and devices, a folder named twice, unreadable
//! folders, wide encodings, a config or baseline that is not a file, and
//! fingerprints taken from another folder.

#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output};

fn concord(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["--color", "never"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The input was unusable: exit 2, and stderr says `says`.
fn refused(out: &Output, says: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(says), "wanted {says:?} in:\n{err}");
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

const PLANS: &str = "[[claim]]\nid = \"call-planned\"\nquestion = \"Is a call planned?\"\n\
                     [claim.stances]\nno = ['no plans']\nyes = ['will hold a call']\n";

/// A set with one rule and the given documents.
fn set(docs: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("docs")).unwrap();
    std::fs::create_dir_all(dir.path().join("rules")).unwrap();
    std::fs::write(dir.path().join("rules/r.toml"), PLANS).unwrap();
    for (name, text) in docs {
        std::fs::write(dir.path().join("docs").join(name), text).unwrap();
    }
    dir
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

#[test]
fn an_invisible_character_inside_a_word_hides_no_stance() {
    let dir = set(&[
        (
            "a.txt",
            "The Kremlin said there were no pl\u{200b}ans for a call.\n".as_bytes(),
        ),
        (
            "b.txt",
            b"The White House said the leaders will hold a call.\n",
        ),
    ]);
    let out = concord(dir.path(), &["check", "docs", "--format", "json"]);
    let report = json(&out);
    assert_eq!(report["findings"][0]["kind"], "conflict", "{report}");
    let evidence = report["findings"][0]["evidence"].as_array().unwrap();
    let hidden = evidence.iter().find(|e| e["file"] == "docs/a.txt").unwrap();
    // The span covers the bytes on disk, the invisible one included.
    let text = std::fs::read_to_string(dir.path().join("docs/a.txt")).unwrap();
    let span = hidden["span"]["start"].as_u64().unwrap() as usize
        ..hidden["span"]["end"].as_u64().unwrap() as usize;
    assert_eq!(&text[span], "no pl\u{200b}ans");
    let err = stderr(&out);
    assert!(
        err.contains("concord::source::invisible") && err.contains("`docs/a.txt` hides"),
        "{err}"
    );
    assert!(!err.contains("docs/b.txt"), "{err}");
}

#[test]
fn patterns_are_bounded_in_memory_and_counted_before_compiling() {
    let dir = set(&[("a.txt", b"The minister said there were no plans.\n")]);
    let patterns: Vec<String> = (0..300).map(|i| format!("'\\w{{150}}x{i}'")).collect();
    std::fs::write(
        dir.path().join("rules/r.toml"),
        format!(
            "[[claim]]\nid = \"big\"\nquestion = \"q?\"\n[claim.stances]\nyes = [{}]\n",
            patterns.join(", ")
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("concord.toml"),
        "sources = [\"docs\"]\n[limits]\nmax_total_pattern_bytes = 40_000_000\n",
    )
    .unwrap();
    // Under a ceiling of address space far below what 300 such patterns
    // took (2.6 GB): compiling must stop at the total limit.
    let bounded = |args: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -v 3000000; exec \"$0\" --color never {args}"
            ))
            .arg(env!("CARGO_BIN_EXE_concord"))
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let out = bounded("check");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.matches("concord::limit::patterns").count(), 1, "{err}");
    assert!(err.contains("max_total_pattern_bytes"), "{err}");

    // 20,000 claims are refused by count, before a pattern is compiled.
    let many: String = (0..20_000)
        .map(|i| {
            format!(
                "[[claim]]\nid = \"c{i}\"\nquestion = \"q?\"\n[claim.stances]\nyes = ['plans{i}']\n"
            )
        })
        .collect();
    std::fs::write(dir.path().join("rules/r.toml"), many).unwrap();
    let out = bounded("check");
    refused(&out, "concord::limit::rules");
}

#[test]
fn only_regular_files_are_read() {
    let dir = set(&[("a.txt", b"The minister said there were no plans.\n")]);
    let d = dir.path();
    mkfifo(&d.join("docs/pipe.txt"));
    symlink("/dev/zero", d.join("docs/zero.md")).unwrap();
    // Documents that are not files are passed over, each with a warning.
    let out = concord(d, &["check", "docs", "--format", "json"]);
    let err = stderr(&out);
    assert_eq!(json(&out)["summary"]["sources"], 1, "{err}");
    assert!(err.contains("`docs/pipe.txt` is a FIFO"), "{err}");
    assert!(err.contains("`docs/zero.md` is a device"), "{err}");
    std::fs::remove_file(d.join("docs/zero.md")).unwrap();

    // A rule file, a baseline or a config that is a FIFO is an error.
    mkfifo(&d.join("rules/pipe.toml"));
    let out = concord(d, &["check", "docs"]);
    refused(&out, "`rules/pipe.toml` is a FIFO");
    std::fs::remove_file(d.join("rules/pipe.toml")).unwrap();

    mkfifo(&d.join("base.json"));
    let out = concord(d, &["check", "docs", "--baseline", "base.json"]);
    refused(&out, "`base.json` is a FIFO");

    mkfifo(&d.join("other.toml"));
    let out = concord(d, &["--config", "other.toml", "check", "docs"]);
    refused(&out, "`other.toml` is a FIFO");
}

#[test]
fn a_config_that_is_not_a_file_is_an_error_not_the_parents() {
    let dir = set(&[("a.txt", b"The minister said there were no plans.\n")]);
    let d = dir.path();
    std::fs::write(d.join("concord.toml"), "sources = [\"docs\"]\n").unwrap();
    let sub = d.join("sub");
    std::fs::create_dir_all(sub.join("concord.toml")).unwrap();
    let out = concord(&sub, &["check", "../docs"]);
    refused(&out, "`concord.toml` is a folder");

    std::fs::remove_dir(sub.join("concord.toml")).unwrap();
    symlink("gone.toml", sub.join("concord.toml")).unwrap();
    let out = concord(&sub, &["check", "../docs"]);
    refused(&out, "dangling link");

    // A manifest that is a folder is refused too.
    std::fs::create_dir(d.join("docs/sources.toml")).unwrap();
    let out = concord(d, &["check"]);
    refused(&out, "sources.toml` is a folder");
}

#[test]
fn a_dangling_document_link_says_dangling() {
    let dir = set(&[("a.txt", b"The minister said there were no plans.\n")]);
    symlink("gone.txt", dir.path().join("docs/b.txt")).unwrap();
    let out = concord(dir.path(), &["check", "docs"]);
    refused(&out, "`docs/b.txt` is a dangling link");
    let err = stderr(&out);
    assert!(!err.contains("outside the document folder"), "{err}");
}

#[test]
fn a_folder_named_twice_is_read_once() {
    let dir = set(&[
        ("a.txt", b"The minister said there were no plans.\n"),
        ("b.txt", b"The aide said the leaders will hold a call.\n"),
    ]);
    let out = concord(
        dir.path(),
        &[
            "check",
            "docs",
            "./docs/../docs",
            "docs/a.txt",
            "--rules",
            "rules",
            "--rules",
            "./rules/../rules",
            "--format",
            "json",
        ],
    );
    let report = json(&out);
    assert_eq!(report["summary"]["sources"], 2, "{report}");
    assert_eq!(report["summary"]["rules"], 1, "{}", stderr(&out));
}

#[test]
fn a_folder_that_cannot_be_listed_is_named() {
    let dir = set(&[("a.txt", b"The minister said there were no plans.\n")]);
    // Deeper than PATH_MAX (4,096 bytes): made one folder at a time.
    let segment = "d".repeat(200);
    let made = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "cd docs && for i in $(seq 1 25); do mkdir {segment} && cd {segment} || exit 1; done; \
             echo 'The aide said there were no plans.' > deep.txt"
        ))
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(made.success());
    let out = concord(dir.path(), &["check", "docs", "--format", "json"]);
    let err = stderr(&out);
    assert_eq!(json(&out)["summary"]["sources"], 1, "{err}");
    assert!(err.contains("concord::io::unread"), "{err}");
    assert!(err.contains("the documents in it are not checked"), "{err}");
}

#[test]
fn wide_encodings_are_decoded_for_documents_and_named_for_rules() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "The aide said there were no plans.\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let utf32: Vec<u8> = [0, 0, 0xFE, 0xFF]
        .into_iter()
        .chain(
            "Officials said the leaders will hold a call.\n"
                .chars()
                .flat_map(|c| u32::from(c).to_be_bytes()),
        )
        .collect();
    let dir = set(&[("a.txt", &utf16), ("b.txt", &utf32)]);
    let out = concord(dir.path(), &["check", "docs", "--format", "json"]);
    let report = json(&out);
    let err = stderr(&out);
    assert_eq!(report["summary"]["sources"], 2, "{err}");
    assert_eq!(report["findings"][0]["kind"], "conflict", "{report}");
    assert!(err.contains("`docs/a.txt` is UTF-16LE: decoded"), "{err}");
    assert!(err.contains("`docs/b.txt` is UTF-32BE: decoded"), "{err}");
    assert!(!err.contains("binary"), "{err}");

    let rule16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(PLANS.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(dir.path().join("rules/r.toml"), rule16).unwrap();
    let out = concord(dir.path(), &["check", "docs"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("is UTF-16LE") && err.contains("iconv -f UTF-16LE"),
        "{err}"
    );
}

#[test]
fn a_baseline_of_another_version_or_size_is_refused() {
    let dir = set(&[("a.txt", b"The minister said there were no plans.\n")]);
    let d = dir.path();
    std::fs::write(
        d.join("base.json"),
        "{\"version\": 2, \"findings\": [], \"new\": 1}",
    )
    .unwrap();
    let out = concord(d, &["check", "docs", "--baseline", "base.json"]);
    refused(&out, "is a version 2 baseline");

    std::fs::write(
        d.join("concord.toml"),
        "sources = [\"docs\"]\n[limits]\nmax_file_bytes = 100\n",
    )
    .unwrap();
    let big = format!(
        "{{\"version\": 1, \"findings\": [], \"pad\": \"{}\"}}",
        "x".repeat(200)
    );
    std::fs::write(d.join("base.json"), big).unwrap();
    let out = concord(d, &["check", "--baseline", "base.json"]);
    refused(&out, "concord::limit::file_size");
}

#[test]
fn fingerprints_do_not_depend_on_the_working_directory() {
    let dir = set(&[
        ("a.txt", b"The minister said there were no plans.\n"),
        ("b.txt", b"The aide said the leaders will hold a call.\n"),
    ]);
    let d = dir.path();
    std::fs::write(
        d.join("concord.toml"),
        "sources = [\"docs\"]\nrules = [\"rules\"]\n",
    )
    .unwrap();
    let fingerprints = |at: &Path, args: &[&str]| -> Vec<String> {
        let mut all = vec!["check", "--format", "json"];
        all.splice(0..0, args.iter().copied());
        let report = json(&concord(at, &all));
        let found: Vec<String> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["fingerprint"].as_str().unwrap().to_string())
            .collect();
        assert!(!found.is_empty(), "{report}");
        found
    };
    let at_root = fingerprints(d, &[]);
    assert_eq!(fingerprints(&d.join("docs"), &[]), at_root);
    let elsewhere = tempfile::tempdir().unwrap();
    let config = d.join("concord.toml");
    assert_eq!(
        fingerprints(elsewhere.path(), &["--config", config.to_str().unwrap()]),
        at_root
    );
    // And a baseline written at the root holds from a subfolder.
    let written = concord(d, &["baseline", "--output", "base.json"]);
    assert_eq!(written.status.code(), Some(0), "{}", stderr(&written));
    let out = concord(&d.join("docs"), &["check", "--baseline", "../base.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
