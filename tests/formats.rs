//! Machine outputs, checked as their consumers would read them: JSON against
//! the schema shipped in `schemas/`, SARIF against the OASIS SARIF 2.1.0
//! schema (errata 01, `tests/fixtures/schemas/`, from the oasis-tcs/sarif-spec
//! repository) and GitHub's ingestion rules (the SARIF multitool, when
//! installed), GitHub workflow commands as the runner parses them;
//! plus `--output`, baselines, and exit codes for each `--fail-on` level.

// A skipped check says so on stderr.
#![allow(clippy::print_stderr)]

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
    let schema = validator("tests/fixtures/schemas/sarif-schema-2.1.0.json");
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
    // Agreements are no alerts: left out unless asked for.
    let findings: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] != "agreement")
        .collect();
    assert_eq!(results.len(), findings.len(), "one result per problem");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for (result, finding) in results.iter().zip(&findings) {
        assert_eq!(
            result["partialFingerprints"]["concordFingerprint/v1"],
            finding["fingerprint"]
        );
        let descriptor = &rules[result["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(descriptor["id"], result["ruleId"]);
        assert!(
            descriptor["fullDescription"]["text"]
                .as_str()
                .is_some_and(|t| t.len() > 20),
            "GitHub requires a fullDescription: {descriptor}"
        );
        let related = result["relatedLocations"].as_array().map_or(0, Vec::len);
        let reference = usize::from(!finding["reference"].is_null());
        assert_eq!(
            related + 1,
            finding["evidence"].as_array().unwrap().len() + reference
        );
        if finding["kind"] == "conflict" {
            let at = &result["locations"][0]["physicalLocation"];
            let primary = finding["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| {
                    e["file"] == at["artifactLocation"]["uri"]
                        && e["line"] == at["region"]["startLine"]
                        && e["column"] == at["region"]["startColumn"]
                })
                .expect("the result stands at a piece of evidence");
            assert_eq!(
                primary["stance"],
                minority(finding),
                "a conflict's result stands at the stance the fewest hold"
            );
        }
    }
    let with_agree = json_of(&concord(
        &dir,
        &["check", "--format", "sarif", "--show", "agree"],
    ));
    let passes: Vec<&Value> = with_agree["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "pass")
        .collect();
    assert_eq!(passes.len(), 1, "the one agreement, as a pass");
    assert_eq!(passes[0]["level"], "none");
    let question = rules
        .iter()
        .find(|r| r["id"] == "bridge-reopens-september")
        .unwrap();
    assert_eq!(
        question["shortDescription"]["text"],
        "Will the Harlow bridge reopen in September 2025?"
    );
    assert!(
        question["help"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Will the Harlow bridge reopen in September 2025? Which stance"),
        "{question}"
    );
}

/// The stance the fewest distinct holders take in a JSON finding (of
/// equally few, the last to appear).
fn minority(finding: &Value) -> Value {
    let mut stances: Vec<(Value, Vec<Value>)> = Vec::new();
    for e in finding["evidence"].as_array().unwrap() {
        let holder = e["holder"].clone();
        match stances.iter_mut().find(|(s, _)| *s == e["stance"]) {
            Some((_, holders)) if !holders.contains(&holder) => holders.push(holder),
            Some(_) => {}
            None => stances.push((e["stance"].clone(), vec![holder])),
        }
    }
    let fewest = stances.iter().map(|(_, h)| h.len()).min().unwrap();
    stances
        .into_iter()
        .rev()
        .find(|(_, h)| h.len() == fewest)
        .unwrap()
        .0
}

/// A workflow command as the Actions runner reads it: the command, its
/// properties (unescaped) and its message (unescaped).
struct WorkflowCommand {
    command: String,
    properties: Vec<(String, String)>,
    message: String,
}

impl WorkflowCommand {
    fn get(&self, key: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

fn unescape(text: &str) -> String {
    text.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

/// Parses the runner's `::command key=value,…::message` lines; any other
/// line is refused.
fn workflow_commands(text: &str) -> Vec<WorkflowCommand> {
    let shape = regex::Regex::new(r"^::([a-z]+)(?: ([^:]*))?::(.*)$").unwrap();
    text.lines()
        .map(|line| {
            let caps = shape
                .captures(line)
                .unwrap_or_else(|| panic!("not a workflow command: {line}"));
            let properties = caps.get(2).map_or(Vec::new(), |p| {
                p.as_str()
                    .split(',')
                    .map(|kv| {
                        let (k, v) = kv.split_once('=').expect("key=value");
                        (k.to_string(), unescape(v))
                    })
                    .collect()
            });
            WorkflowCommand {
                command: caps[1].to_string(),
                properties,
                message: unescape(&caps[3]),
            }
        })
        .collect()
}

#[test]
fn github_format_annotates_each_finding_once_where_it_dissents() {
    let dir = root().join("tests/fixtures/ci");
    let report = json_of(&concord(&dir, &["check", "--format", "json"]));
    let out = concord(&dir, &["check", "--format", "github"]);
    let commands = workflow_commands(&String::from_utf8(out.stdout).unwrap());
    let (summary, annotations) = commands.split_first().unwrap();
    assert_eq!(summary.command, "notice");
    assert_eq!(summary.get("title"), Some("concord summary"));
    assert!(
        summary.message.contains("1 conflict"),
        "{}",
        summary.message
    );
    assert_eq!(
        annotations.len(),
        problems(&report),
        "one per finding, no agreements"
    );
    for a in annotations {
        assert!(["error", "warning", "notice"].contains(&a.command.as_str()));
        let file = a.get("file").expect("placed in a file");
        assert!(root().join("tests/fixtures/ci").join(file).is_file());
        assert!(a.get("line").unwrap().parse::<usize>().unwrap() >= 1);
    }
    let conflict = annotations
        .iter()
        .find(|a| a.get("title") == Some("concord conflict: bridge-reopens-september"))
        .unwrap();
    assert_eq!(conflict.command, "error");
    // at the one source saying no, naming the others
    assert_eq!(conflict.get("file"), Some("docs/gazette.txt"));
    assert!(
        conflict.message.contains("here: no — Ana Brook"),
        "{}",
        conflict.message
    );
    assert_eq!(
        conflict.message.matches("\nalso: ").count(),
        4,
        "{}",
        conflict.message
    );
    let shown = concord(&dir, &["check", "--format", "github", "--show", "agree"]);
    let all = workflow_commands(&String::from_utf8(shown.stdout).unwrap());
    assert_eq!(all.len() - 1, report["findings"].as_array().unwrap().len());
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

/// concord.toml for a set with its documents in `docs/` and rules in `rules/`.
fn write_config(dir: &Path) {
    std::fs::write(
        dir.join("concord.toml"),
        "sources = [\"docs\"]\nrules = [\"rules\"]\n",
    )
    .unwrap();
}

/// A set whose one rule file holds a pattern that does not compile.
fn broken_rule_set() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("docs")).unwrap();
    std::fs::create_dir_all(dir.path().join("rules")).unwrap();
    std::fs::write(dir.path().join("docs/a.txt"), "The bridge will reopen.\n").unwrap();
    std::fs::write(
        dir.path().join("rules/r.toml"),
        "[[claim]]\nid = \"x\"\nstances.yes = [\"(unclosed\"]\n",
    )
    .unwrap();
    write_config(dir.path());
    dir
}

#[test]
fn unusable_input_is_reported_in_every_format_and_every_output_is_written() {
    let dir = broken_rule_set();
    let out = concord(
        dir.path(),
        &[
            "check",
            "--format",
            "github",
            "--output",
            "sarif=out.sarif",
            "--output",
            "json=out.json",
            "--output",
            "html=out.html",
            "--output",
            "human=out.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    // the people's diagnostic still goes to stderr
    assert!(String::from_utf8_lossy(&out.stderr).contains("concord::rule::bad_regex"));
    let commands = workflow_commands(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(commands.len(), 1);
    let error = &commands[0];
    assert_eq!(error.command, "error");
    assert_eq!(error.get("file"), Some("rules/r.toml"));
    assert_eq!(error.get("line"), Some("3"));
    assert!(
        error.message.contains("unclosed group"),
        "{}",
        error.message
    );

    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.json")).unwrap())
            .unwrap();
    assert_valid(
        &validator("schemas/concord-report-v1.schema.json"),
        &json,
        "failure JSON",
    );
    assert_eq!(json["errors"][0]["code"], "concord::rule::bad_regex");
    assert_eq!(json["errors"][0]["file"], "rules/r.toml");
    assert_eq!(json["errors"][0]["line"], 3);
    assert!(json.get("summary").is_none());

    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.sarif")).unwrap())
            .unwrap();
    assert_valid(
        &validator("tests/fixtures/schemas/sarif-schema-2.1.0.json"),
        &sarif,
        "failure SARIF",
    );
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "error");
    assert_eq!(notification["descriptor"]["id"], "concord::rule::bad_regex");
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
    assert_eq!(
        sarif["runs"][0]["results"].as_array().map(Vec::len),
        Some(0)
    );

    let html = std::fs::read_to_string(dir.path().join("out.html")).unwrap();
    assert!(html.contains("concord::rule::bad_regex") && html.contains("rules/r.toml:3:17"));
    let human = std::fs::read_to_string(dir.path().join("out.txt")).unwrap();
    assert!(human.contains("× this pattern is not a valid regular expression"));

    // JSON on stdout too, when that is the format
    let as_json = concord(dir.path(), &["check", "--format", "json"]);
    assert_eq!(as_json.status.code(), Some(2));
    assert_eq!(json_of(&as_json), json);
}

#[test]
fn a_broken_config_is_reported_and_never_written_over() {
    let dir = broken_rule_set();
    let config = dir.path().join("concord.toml");
    std::fs::write(&config, "sources = [\"docs\"\n").unwrap();
    let out = concord(
        dir.path(),
        &[
            "check",
            "--format",
            "sarif",
            "--output",
            "json=concord.toml",
            "--output",
            "json=out.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&config).unwrap(),
        "sources = [\"docs\"\n",
        "the configuration was written over"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("refusing to write a report over"));
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.json")).unwrap())
            .unwrap();
    assert_eq!(json["errors"][0]["file"], "concord.toml");
    let sarif = json_of(&out);
    assert_eq!(
        sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]
            ["artifactLocation"]["uri"],
        "concord.toml"
    );
}

#[test]
fn the_job_summary_lists_every_finding() {
    let dir = root().join("tests/fixtures/ci");
    let report = json_of(&concord(&dir, &["check", "--format", "json"]));
    let summary = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(summary.path(), "earlier step\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["check", "--format", "github"])
        .current_dir(&dir)
        .env("GITHUB_STEP_SUMMARY", summary.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = std::fs::read_to_string(summary.path()).unwrap();
    assert!(
        text.starts_with("earlier step\n## concord\n"),
        "appended: {text}"
    );
    let rows = text
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| severity"))
        .count();
    assert_eq!(rows, problems(&report), "{text}");
    assert!(text.contains(r"bridge\-reopens\-september"), "{text}");
    // no summary written for other formats
    std::fs::write(summary.path(), "").unwrap();
    let json = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["check", "--format", "json"])
        .current_dir(&dir)
        .env("GITHUB_STEP_SUMMARY", summary.path())
        .output()
        .unwrap();
    assert_eq!(json.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(summary.path()).unwrap(), "");
}

#[test]
fn a_configured_baseline_is_written_read_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("ci");
    copy_dir(&root().join("tests/fixtures/ci"), &copy);
    let config = copy.join("concord.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    // (before the first table, where a top-level key must stand)
    std::fs::write(&config, format!("baseline = \"known.json\"\n{text}")).unwrap();
    // a configured baseline that does not exist yet is unusable input
    let missing = concord(&copy, &["check"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("baseline `known.json` does not exist")
    );
    let before = problems(&json_of(&concord(
        &copy,
        &["check", "--format", "json", "--no-baseline"],
    )));
    assert!(before > 0);
    // `baseline` writes to the configured file …
    let recorded = concord(&copy, &["baseline"]);
    assert_eq!(
        recorded.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&recorded.stderr)
    );
    assert!(copy.join("known.json").is_file());
    // … which `check` then reads, and counts
    let after = concord(&copy, &["check", "--format", "json"]);
    assert_eq!(after.status.code(), Some(0));
    let report = json_of(&after);
    assert_eq!(problems(&report), 0);
    assert_eq!(report["summary"]["baselined"], before);
    let human = concord(&copy, &["check"]);
    assert!(
        String::from_utf8_lossy(&human.stdout).contains(&format!("{before} in the baseline")),
        "{}",
        String::from_utf8_lossy(&human.stdout)
    );
    // --no-baseline shows everything again
    let all = concord(&copy, &["check", "--format", "json", "--no-baseline"]);
    assert_eq!(all.status.code(), Some(1));
    assert_eq!(problems(&json_of(&all)), before);
}

/// Writes `documents` short reports from 40 outlets, each giving one of two
/// stances on one of 25 claims, and the rules.
fn generated_set(documents: usize, severities: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::create_dir_all(dir.path().join("rules")).unwrap();
    let mut manifest = String::new();
    for i in 0..documents {
        let claim = i % 25;
        let stance = if i % 7 == 0 {
            "will not reopen"
        } else {
            "will reopen"
        };
        std::fs::write(
            docs.join(format!("d{i}.txt")),
            format!("Officials said bridge {claim} {stance} in May, the report said.\n"),
        )
        .unwrap();
        manifest.push_str(&format!(
            "[[source]]\nfile = \"d{i}.txt\"\noutlet = \"Outlet {}\"\n",
            i % 40
        ));
    }
    std::fs::write(docs.join("sources.toml"), manifest).unwrap();
    let mut rules = String::new();
    for claim in 0..25 {
        rules.push_str(&format!(
            "[[claim]]\nid = \"bridge-{claim}\"\nseverity = \"{}\"\n[claim.stances]\n\
             yes = ['bridge {claim} will reopen']\nno = ['bridge {claim} will not reopen']\n\n",
            severities[claim % severities.len()]
        ));
    }
    std::fs::write(dir.path().join("rules/bridges.toml"), rules).unwrap();
    write_config(dir.path());
    dir
}

#[test]
fn two_thousand_documents_make_one_annotation_and_one_result_per_finding() {
    let dir = generated_set(2000, &["error", "warning", "info"]);
    let report = json_of(&concord(dir.path(), &["check", "--format", "json"]));
    let findings = problems(&report);
    assert_eq!(findings, 25, "every claim is contested");
    assert_valid(
        &validator("schemas/concord-report-v1.schema.json"),
        &report,
        "2,000 documents, JSON",
    );
    let sarif = json_of(&concord(dir.path(), &["check", "--format", "sarif"]));
    assert_valid(
        &validator("tests/fixtures/schemas/sarif-schema-2.1.0.json"),
        &sarif,
        "2,000 documents, SARIF",
    );
    assert_eq!(
        sarif["runs"][0]["results"].as_array().unwrap().len(),
        findings
    );
    let out = concord(dir.path(), &["check", "--format", "github"]);
    let commands = workflow_commands(&String::from_utf8(out.stdout).unwrap());
    let (summary, annotations) = commands.split_first().unwrap();
    assert_eq!(annotations.len(), findings);
    // 9 error, 8 warning and 8 info claims: none over GitHub's ten
    assert!(
        !summary.message.contains("GitHub shows"),
        "{}",
        summary.message
    );
    let long = annotations.iter().find(|a| a.command == "error").unwrap();
    assert!(
        long.message.contains("… and "),
        "others are capped: {}",
        long.message
    );
    assert!(long.message.lines().count() < 16, "{}", long.message);
    // past ten of a level, the summary says how many GitHub leaves out
    let dir = generated_set(300, &["error"]);
    let out = concord(dir.path(), &["check", "--format", "github"]);
    let commands = workflow_commands(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(commands.len(), 26);
    assert!(
        commands[0]
            .message
            .contains("GitHub shows 10 annotations of each level per step; 15 more errors are in"),
        "{}",
        commands[0].message
    );
}

/// The SARIF multitool, installed by `.ci/run` (`npm ci --prefix tests/sarif`).
fn sarif_multitool() -> Option<std::path::PathBuf> {
    let tool =
        root().join("tests/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
    if !tool.is_file() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install the SARIF multitool: npm ci --prefix tests/sarif"
        );
        eprintln!("skipped: the SARIF multitool is not installed (npm ci --prefix tests/sarif)");
        return None;
    }
    // npm does not run the package's own `chmod` (install scripts are off).
    use std::os::unix::fs::PermissionsExt;
    let mut permissions = std::fs::metadata(&tool).unwrap().permissions();
    if permissions.mode() & 0o100 == 0 {
        permissions.set_mode(permissions.mode() | 0o700);
        std::fs::set_permissions(&tool, permissions).unwrap();
    }
    Some(tool)
}

/// The SARIF multitool's findings on one file: (rule id, level) pairs.
fn multitool_findings(tool: &Path, sarif: &Path) -> Vec<(String, String)> {
    let log = sarif.with_extension("validation.sarif");
    let out = Command::new(tool)
        .args([
            "validate",
            "--rule-kind",
            "Gh;Sarif",
            "--log",
            "ForceOverwrite",
            "-o",
        ])
        .arg(&log)
        .arg(sarif)
        .env("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let validation: Value = serde_json::from_str(&std::fs::read_to_string(&log).unwrap()).unwrap();
    validation["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let level = r["level"].as_str().unwrap_or("warning").to_string();
            (r["ruleId"].as_str().unwrap().to_string(), level)
        })
        .collect()
}

#[test]
fn sarif_passes_githubs_ingestion_rules() {
    let Some(tool) = sarif_multitool() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let broken = broken_rule_set();
    let linked = dir.path().join("linked");
    copy_dir(&root().join("tests/fixtures/ci"), &linked);
    let config = std::fs::read_to_string(linked.join("concord.toml")).unwrap();
    std::fs::write(
        linked.join("concord.toml"),
        format!(
            "{config}\n[links]\ntool = \"https://git.example.org/tools/concord\"\n\
             rule = \"https://git.example.org/desk/checks/blob/main/{{file}}#L{{line}}\"\n"
        ),
    )
    .unwrap();
    let cases = [
        ("seeds", root(), vec!["check", "--format", "sarif"]),
        (
            "ci",
            root().join("tests/fixtures/ci"),
            vec!["check", "--format", "sarif", "--show", "agree"],
        ),
        ("linked", linked, vec!["check", "--format", "sarif"]),
        (
            "unusable",
            broken.path().to_path_buf(),
            vec!["check", "--format", "sarif"],
        ),
    ];
    for (name, cwd, args) in cases {
        let sarif = dir.path().join(format!("{name}.sarif"));
        std::fs::write(&sarif, concord(&cwd, &args).stdout).unwrap();
        let found = multitool_findings(&tool, &sarif);
        let errors: Vec<&(String, String)> = found.iter().filter(|(_, l)| l == "error").collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        if name == "linked" {
            assert!(
                found.is_empty(),
                "with [links], not even a warning: {found:?}"
            );
        }
        // A control: without a rule's fullDescription GitHub's GH2012 fires,
        // so the rules above did run.
        if name == "seeds" {
            let mut log: Value =
                serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
            log["runs"][0]["tool"]["driver"]["rules"][0]
                .as_object_mut()
                .unwrap()
                .remove("fullDescription");
            let control = dir.path().join("control.sarif");
            std::fs::write(&control, log.to_string()).unwrap();
            let found = multitool_findings(&tool, &control);
            assert!(
                found
                    .iter()
                    .any(|(id, level)| id == "GH2012" && level == "error"),
                "{found:?}"
            );
        }
    }
}

#[test]
fn sarif_rule_levels_follow_the_severity_table_and_the_selection() {
    let dir = root().join("tests/fixtures/strike");
    let sarif = json_of(&concord(
        &dir,
        &["check", "--format", "sarif", "--config", "severity.toml"],
    ));
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let level = |id: &str| {
        rules
            .iter()
            .find(|r| r["id"] == id)
            .map(|r| r["defaultConfiguration"]["level"].clone())
    };
    // an error in its rule file, lowered to info by "*"
    assert_eq!(level("strike-ended"), Some(Value::from("note")));
    for result in run["results"].as_array().unwrap() {
        let descriptor = &rules[result["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(
            descriptor["defaultConfiguration"]["level"], result["level"],
            "{result}"
        );
    }
    // an ignored rule has no descriptor
    let ignored = json_of(&concord(
        &dir,
        &["check", "--format", "sarif", "--ignore", "strike-ended"],
    ));
    let rules = ignored["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert!(rules.iter().all(|r| r["id"] != "strike-ended"));
    assert!(!rules.is_empty());
}
