//! The example sets a user starts from: the seeds with `rules/`, and
//! `examples/sentencing/` (a court sentencing in eight outlets' styles, with
//! its own rules). Their rule examples pass, and `check` on the sentencing
//! set reports what its `EXPECTED.md` says a careful reader would: every
//! conflict with its sides, the agreement, the misquote and the
//! misattribution, and nothing else.

use std::collections::BTreeSet;

use serde_json::Value;

mod common;
use common::{concord, root};

#[test]
fn the_rule_examples_of_both_example_sets_pass() {
    for dir in [root(), root().join("examples/sentencing")] {
        let out = concord(&dir, &["test"]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains(" passed, 0 failed"),
            "{}: {stdout}{}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// (kind, rule, the answers its evidence gives)
fn findings(json: &Value) -> BTreeSet<(String, String, Vec<String>)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let answers: BTreeSet<String> = f["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    e["value"]["normalized"]
                        .as_str()
                        .or(e["stance"].as_str())
                        .or(e["speaker"].as_str())
                        .unwrap_or_default()
                        .to_string()
                })
                .collect();
            (
                f["kind"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
                answers.into_iter().collect(),
            )
        })
        .collect()
}

#[test]
fn the_sentencing_set_reports_what_a_careful_reader_would() {
    let dir = root().join("examples/sentencing");
    let out = concord(&dir, &["check", "--format", "json", "--show", "agree"]);
    assert_eq!(out.status.code(), Some(1), "conflicts fail the check");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let owned = |kind: &str, rule: &str, answers: &[&str]| {
        (
            kind.to_string(),
            rule.to_string(),
            answers.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
        )
    };
    let expected: BTreeSet<_> = [
        owned("conflict", "prison-term", &["7 years", "8 years"]),
        owned(
            "conflict",
            "fine-amount",
            &["GBP 205000", "GBP 250000", "more than GBP 200000"],
        ),
        owned("conflict", "sentencing-date", &["2026-10-13", "2026-10-14"]),
        owned(
            "conflict",
            "trial-length",
            &["6 weeks", "8 weeks", "at least 6 weeks"],
        ),
        owned(
            "conflict",
            "court",
            &["kelsford crown court", "kelsford high court"],
        ),
        owned("conflict", "pleaded-guilty", &["no", "yes"]),
        owned("conflict", "will-appeal", &["no", "yes"]),
        owned("agreement", "pensioners-affected", &["1200", "about 1200"]),
        owned("misquote", "thackery-greed", &["substantive"]),
        owned("misattribution", "thackery-greed", &["Marcus Oyelaran"]),
    ]
    .into_iter()
    .collect();
    assert_eq!(findings(&json), expected);
    // A thread's reply is held by its author, not by the thread's outlet.
    let seven_years = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["evidence"].as_array().unwrap())
        .find(|e| e["value"]["normalized"] == "7 years")
        .expect("the reply's seven years");
    assert_eq!(seven_years["holder"], "@PensionJustice");
    // The 2019 sentence of another executive is another time: set aside.
    let explain = concord(&dir, &["explain", "prison-term"]);
    let text = String::from_utf8_lossy(&explain.stdout);
    assert!(
        text.contains("set aside") && text.contains("2019"),
        "explain prison-term does not set the 2019 sentence aside:\n{text}"
    );
}
