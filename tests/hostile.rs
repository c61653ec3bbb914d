//! Documents written by third parties are hostile input. Every control and
//! bidi code point, put in every field a document controls (its text, its
//! outlet and URL, its file name), must reach a reader's terminal only in a
//! visible form, and no line concord prints may start a GitHub Actions
//! workflow command it did not mean to send.

use std::path::Path;
use std::process::Command;

/// Control and reordering characters a document might carry.
fn hostile_characters() -> Vec<char> {
    let mut all: Vec<char> = (0u32..0x20)
        .chain(0x7f..0xa0)
        .filter_map(char::from_u32)
        .collect();
    all.extend([
        '\u{061c}', '\u{200b}', '\u{200e}', '\u{200f}', '\u{2028}', '\u{2029}', '\u{202a}',
        '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}',
        '\u{2069}',
    ]);
    all
}

/// A copy of the CI fixture with one document whose every field is hostile.
fn hostile_set() -> tempfile::TempDir {
    let set = fixture_copy();
    let dir = set.path();
    let noise: String = hostile_characters()
        .into_iter()
        .filter(|&c| c != '\0' && c != '\n' && c != '\r')
        .collect();
    let name = "evil\u{1b}]0;pwned\u{7}\u{202e}\n::error file=x::forged.txt";
    let text = format!(
        "+++\noutlet = \"Evil\\n::error file=README.md,line=1::forged {}\"\nurl = \"https://e.example/\\u001b[2J\"\n+++\n\
         The city engineer, Ana Brook, said: “The north pier is far from finished{noise} … we will not reopen the bridge in September.”\n\n\
         \u{1b}]0;title\u{7}\u{1b}[2J\u{1b}[8m Brook{noise} said the bridge is on schedule.\n\n::warning::forged in the text\n",
        "\\u202e\\u2066\\u001b]0;t\\u0007"
    );
    std::fs::write(dir.join("docs").join(name), text).unwrap();
    set
}

fn run(dir: &Path, args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0..=2)),
        "{args:?}: {:?}",
        out.status
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Nothing that acts on a terminal, nothing that reorders text, and no line
/// that starts a workflow command.
fn assert_safe(what: &str, text: &str) {
    for c in hostile_characters() {
        if c == '\n' || c == '\t' {
            continue;
        }
        assert!(
            !text.contains(c),
            "{what}: U+{:04X} reached the output raw:\n{text}",
            u32::from(c)
        );
    }
    for line in text.lines() {
        assert!(
            !line.trim_start().starts_with("::"),
            "{what}: a line starts a workflow command: {line:?}"
        );
    }
}

#[test]
fn no_control_character_or_workflow_command_reaches_people() {
    let dir = hostile_set();
    let (out, err) = run(
        dir.path(),
        &["check", "--show", "agree", "--fail-on", "never"],
    );
    assert!(
        out.contains("Brook"),
        "the hostile document was not read:\n{out}\n{err}"
    );
    assert!(
        out.contains("\\u{202e}"),
        "the override is not shown visibly:\n{err}"
    );
    assert_safe("check", &out);
    assert_safe("check (stderr)", &err);
    for args in [
        &["quotes"][..],
        &["explain", "bridge-reopens-september"],
        &["test"],
    ] {
        let (out, err) = run(dir.path(), args);
        assert_safe(&format!("{args:?}"), &out);
        assert_safe(&format!("{args:?} (stderr)"), &err);
    }
}

#[test]
fn github_annotations_carry_hostile_fields_escaped() {
    let dir = hostile_set();
    let (out, err) = run(
        dir.path(),
        &["check", "--format", "github", "--fail-on", "never"],
    );
    assert_safe("github (stderr)", &err);
    assert!(!out.is_empty(), "no annotations:\n{err}");
    for c in hostile_characters().into_iter().filter(|&c| c != '\n') {
        assert!(
            !out.contains(c),
            "U+{:04X} raw in an annotation",
            u32::from(c)
        );
    }
    let (summary, annotations) = out.split_once('\n').unwrap();
    assert!(
        summary.starts_with("::notice title=concord summary::"),
        "{summary:?}"
    );
    for line in annotations.lines() {
        // Every line is one of concord's own commands, whole.
        let command = ["::error file=", "::warning file=", "::notice file="]
            .iter()
            .any(|c| line.starts_with(c));
        assert!(command, "not a concord annotation: {line:?}");
        // Its properties end at the second `::`; none holds a raw one, and
        // nothing raw that acts on a terminal is in the line.
        let properties = &line[2..line[2..].find("::").unwrap() + 2];
        assert!(
            properties.starts_with("error file=")
                || properties.starts_with("warning file=")
                || properties.starts_with("notice file="),
            "a property broke out: {line:?}"
        );
        assert!(
            !properties.contains(',') || properties.matches(',').count() == 5,
            "a file name added properties: {line:?}"
        );
    }
}

#[test]
fn a_report_that_cannot_be_written_is_an_error_but_a_closed_pipe_is_not() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ci");
    let bin = env!("CARGO_BIN_EXE_concord");
    // `> /dev/full`: every write fails with "no space left on device".
    let full = Command::new(bin)
        .args(["check", "--fail-on", "never"])
        .current_dir(dir)
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(full.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&full.stderr).contains("cannot write the report"));
    // `| head`: the reader closed the pipe before concord wrote; the exit
    // code is the check's, and nothing is said about it.
    let mut child = Command::new(bin)
        .args(["check", "--fail-on", "never"])
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let closed = child.wait_with_output().unwrap();
    assert_eq!(closed.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&closed.stderr).contains("cannot write"));
}

/// A copy of the CI fixture to write into.
fn fixture_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ci");
    for sub in ["", "docs", "rules"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(Path::new(fixture).join(sub)).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                std::fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name())).unwrap();
            }
        }
    }
    dir
}

fn concord(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn no_output_is_written_over_an_input() {
    let dir = fixture_copy();
    let dir = dir.path();
    let before = |p: &str| std::fs::read(dir.join(p)).unwrap();
    for (args, input) in [
        (
            &["check", "--output", "json=docs/wire.txt"][..],
            "docs/wire.txt",
        ),
        (
            &["check", "--output", "sarif=./rules/../rules/bridge.toml"],
            "rules/bridge.toml",
        ),
        (&["check", "--output", "human=concord.toml"], "concord.toml"),
        (&["baseline", "--output", "concord.toml"], "concord.toml"),
        (
            &["baseline", "--output", "docs/sources.toml"],
            "docs/sources.toml",
        ),
    ] {
        let kept = before(input);
        let out = concord(dir, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("refusing to write a report over"),
            "{args:?}: {err}"
        );
        assert_eq!(before(input), kept, "{args:?} changed {input}");
        if args[0] == "check" {
            // The report on stdout still prints.
            assert!(String::from_utf8_lossy(&out.stdout).contains("concord: 3 sources"));
        }
    }
}

#[test]
fn outputs_are_whole_files_and_one_path_is_written_once() {
    let dir = fixture_copy();
    let dir = dir.path();
    let out = concord(
        dir,
        &[
            "check",
            "--fail-on",
            "never",
            "--output",
            "json=r.json",
            "--output",
            "sarif=./r.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("given to --output twice"));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("r.json")).unwrap()).unwrap();
    assert_eq!(json["version"], 1);
    let left: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    // Into a folder that does not exist: an error, and the report still prints.
    let out = concord(
        dir,
        &[
            "check",
            "--fail-on",
            "never",
            "--output",
            "json=missing/r.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("concord: 3 sources"));
}
