//! `--select`, `--ignore` and `[severity]` where findings are produced:
//! every format and the baseline see the same selection (none of it lives
//! in a renderer).

mod common;
use common::{concord, root};

fn strike() -> std::path::PathBuf {
    root().join("tests/fixtures/strike")
}

#[test]
fn baseline_records_only_the_selected_findings() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("baseline.json");
    let out = concord(
        &strike(),
        &[
            "baseline",
            "--ignore",
            "deal-*",
            "--output",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let rules: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["strike-ended"]);
    // The findings it left out are new to a check that selects them.
    let check = concord(
        &strike(),
        &[
            "check",
            "--quiet",
            "--format",
            "json",
            "--baseline",
            file.to_str().unwrap(),
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let problems: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] != "agreement")
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(problems, ["deal-signed"]);
}

#[test]
fn json_and_sarif_carry_the_overridden_severity() {
    let json = concord(
        &strike(),
        &[
            "check",
            "--quiet",
            "--format",
            "json",
            "--config",
            "severity.toml",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let severity = |rule: &str| {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == rule)
            .map(|f| f["severity"].as_str().unwrap().to_string())
    };
    assert_eq!(severity("deal-signed").as_deref(), Some("warning"));
    assert_eq!(severity("strike-ended").as_deref(), Some("info"));
    let sarif = concord(
        &strike(),
        &[
            "check",
            "--quiet",
            "--format",
            "sarif",
            "--config",
            "severity.toml",
        ],
    );
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let levels: Vec<(&str, &str)> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["ruleId"].as_str().unwrap(), r["level"].as_str().unwrap()))
        .collect();
    assert!(levels.contains(&("strike-ended", "note")), "{levels:?}");
    assert!(levels.contains(&("deal-signed", "warning")), "{levels:?}");
}
