//! Machine outputs, checked as their consumers would read them: JSON against
//! the schema shipped in `schemas/`, SARIF against the official SARIF 2.1.0
//! schema (`tests/fixtures/schemas/`, from the npm package
//! @microsoft/jest-sarif 1.0.0-beta.0), GitHub workflow commands by shape;
//! plus `--output`, baselines, and exit codes for each `--fail-on` level.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

mod common;
use common::{concord, root};

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn validator(path: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    // The official rtm.5 schema's pattern for `run.language` has a stray `]`
    // (`…[a-zA-Z]{2}]?$`): legal in ECMAScript, where it is a literal, but
    // refused by Rust's regex engine. Escaping it keeps its meaning; the
    // vendored file itself stays verbatim. concord never emits `language`.
    let text = text.replace(r#"{2}-[a-zA-Z]{2}]?$"#, r#"{2}-[a-zA-Z]{2}\\]?$"#);
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not validate:\n{}",
        errors.join("\n")
    );
}

const FIXTURES: &[&str] = &[
    "tests/fixtures/ci",
    "tests/fixtures/facts",
    "tests/fixtures/strike",
    ".",
];

#[test]
fn json_reports_validate_against_the_shipped_schema() {
    let schema = validator("schemas/concord-report-v1.schema.json");
    assert!(!schema.is_valid(&serde_json::json!({"version": 2, "findings": [], "summary": {}})));
    for fixture in FIXTURES {
        let out = concord(
            &root().join(fixture),
            &["check", "--format", "json", "--show", "agree"],
        );
        let report = json_of(&out);
        assert!(
            !report["findings"].as_array().unwrap().is_empty(),
            "{fixture}: no findings to validate"
        );
        assert_valid(&schema, &report, fixture);
    }
}

#[test]
fn sarif_reports_validate_against_the_official_schema() {
    let schema = validator("tests/fixtures/schemas/sarif-2.1.0-rtm.5.json");
    let broken =
        serde_json::json!({"version": "2.1.0", "runs": [{"results": [{"level": "fatal"}]}]});
    assert!(
        !schema.is_valid(&broken),
        "the SARIF schema accepts anything: the test would prove nothing"
    );
    for fixture in FIXTURES {
        let sarif = json_of(&concord(
            &root().join(fixture),
            &["check", "--format", "sarif"],
        ));
        assert_valid(&schema, &sarif, fixture);
    }
    let dir = root().join("tests/fixtures/ci");
    let report = json_of(&concord(&dir, &["check", "--format", "json"]));
    let sarif = json_of(&concord(&dir, &["check", "--format", "sarif"]));
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(results.len(), findings.len(), "one result per finding");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for (result, finding) in results.iter().zip(findings) {
        assert_eq!(
            result["partialFingerprints"]["concordFingerprint/v1"],
            finding["fingerprint"]
        );
        let descriptor = &rules[result["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(descriptor["id"], result["ruleId"]);
        let related = result["relatedLocations"].as_array().map_or(0, Vec::len);
        let reference = usize::from(!finding["reference"].is_null());
        assert_eq!(
            related + 1,
            finding["evidence"].as_array().unwrap().len() + reference
        );
    }
    let question = rules
        .iter()
        .find(|r| r["id"] == "bridge-reopens-september")
        .unwrap();
    assert_eq!(
        question["help"]["text"],
        "Will the Harlow bridge reopen in September 2025?"
    );
}

#[test]
fn github_format_prints_one_annotation_per_piece_of_evidence() {
    let dir = root().join("tests/fixtures/ci");
    let out = concord(&dir, &["check", "--format", "github"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let shape = regex::Regex::new(r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::\S.*$").unwrap();
    assert!(text.lines().count() >= 5);
    for line in text.lines() {
        assert!(shape.is_match(line), "not a workflow command: {line}");
    }
    assert!(text.contains("::error file=docs/courier.txt"));
}

#[test]
fn several_outputs_in_one_run_and_errors_stay_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = root().join("tests/fixtures/facts");
    let sarif_path = dir.path().join("report.sarif");
    let json_path = dir.path().join("report.json");
    let sarif_arg = format!("sarif={}", sarif_path.display());
    let json_arg = format!("json={}", json_path.display());
    let out = concord(
        &fixture,
        &[
            "check", "--format", "json", "--output", &sarif_arg, "--output", &json_arg,
        ],
    );
    // the undated source's warning goes to stderr, never into the JSON
    assert!(String::from_utf8_lossy(&out.stderr).contains("concord::source::needs_date"));
    let on_stdout = json_of(&out);
    let in_file: Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(on_stdout, in_file);
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif_path).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let bad = concord(&fixture, &["check", "--output", "yaml=x.yaml"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown format `yaml`"));
}

#[test]
fn a_baseline_silences_known_findings_even_after_unrelated_edits() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("ci");
    copy_dir(&root().join("tests/fixtures/ci"), &copy);
    let before = concord(&copy, &["check", "--format", "json"]);
    assert_eq!(before.status.code(), Some(1));
    let recorded = concord(&copy, &["baseline", "--output", "known.json"]);
    assert_eq!(
        recorded.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&recorded.stderr)
    );
    let after = concord(
        &copy,
        &["check", "--format", "json", "--baseline", "known.json"],
    );
    assert_eq!(after.status.code(), Some(0));
    assert_eq!(problems(&json_of(&after)), 0);
    // An unrelated paragraph added at the top moves every byte offset.
    let courier = copy.join("docs/courier.txt");
    let text = std::fs::read_to_string(&courier).unwrap();
    std::fs::write(&courier, format!("Weather: rain all week.\n\n{text}")).unwrap();
    let moved = concord(
        &copy,
        &["check", "--format", "json", "--baseline", "known.json"],
    );
    assert_eq!(
        problems(&json_of(&moved)),
        0,
        "an offset change revived a finding"
    );
    // Changing the evidence itself makes it a new finding.
    std::fs::write(
        &courier,
        text.replace("we will reopen the bridge", "we shall reopen the bridge"),
    )
    .unwrap();
    let changed = concord(
        &copy,
        &["check", "--format", "json", "--baseline", "known.json"],
    );
    assert_eq!(changed.status.code(), Some(1));
    let broken = std::fs::write(copy.join("known.json"), "{ not json");
    broken.unwrap();
    let unreadable = concord(&copy, &["check", "--baseline", "known.json"]);
    assert_eq!(unreadable.status.code(), Some(2));
}

#[test]
fn exit_codes_follow_each_fail_on_level() {
    let ci = root().join("tests/fixtures/ci");
    // error-level conflict, warning-level misquote
    for (level, code) in [("error", 1), ("warning", 1), ("info", 1), ("never", 0)] {
        let out = concord(&ci, &["check", "--fail-on", level]);
        assert_eq!(
            out.status.code(),
            Some(code),
            "ci fixture, --fail-on {level}"
        );
    }
    // only a minor (info) misquote between these two seeds
    let seeds = root();
    let only_info = [
        "check",
        "--rules",
        "rules/quotes.toml",
        "seeds/euromaidan-press-2025-04-04.txt",
        "seeds/kyiv-independent-2025-04-04.txt",
    ];
    for (level, code) in [("error", 0), ("warning", 0), ("info", 1), ("never", 0)] {
        let mut args = only_info.to_vec();
        args.extend(["--fail-on", level]);
        let out = concord(&seeds, &args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "info-only set, --fail-on {level}"
        );
    }
}

/// Findings other than agreements (which JSON always lists, and baselines do not record).
fn problems(report: &Value) -> usize {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] != "agreement")
        .count()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn the_summary_matrix_fits_the_terminal_width() {
    let dir = root().join("tests/fixtures/ci");
    for width in [60usize, 100] {
        let out = Command::new(env!("CARGO_BIN_EXE_concord"))
            .args(["check", "--fail-on", "never"])
            .current_dir(&dir)
            .env("NO_COLOR", "1")
            .env("COLUMNS", width.to_string())
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let first = lines
            .iter()
            .position(|l| l.starts_with(['✗', '✓', '≠', '⇄']))
            .expect("a matrix row");
        // The heading above the first row, then a row per finding.
        let matrix: Vec<&str> = lines[first - 1..]
            .iter()
            .take_while(|l| !l.starts_with("concord:") && !l.starts_with('1'))
            .copied()
            .collect();
        assert_eq!(matrix.len(), 5, "header and four rules:\n{text}");
        for line in &matrix {
            assert!(
                line.chars().count() <= width,
                "{} chars at width {width}: {line}",
                line.chars().count()
            );
        }
        let conflict_row = matrix
            .iter()
            .find(|l| l.starts_with("✗ bridge-reopens-september"))
            .unwrap();
        if width >= 100 {
            assert!(
                conflict_row.contains("no/yes"),
                "at full width every cell is whole: {conflict_row}"
            );
        } else {
            assert!(
                matrix.iter().any(|l| l.contains('…')),
                "at width {width} cells must be shortened"
            );
        }
    }
}
