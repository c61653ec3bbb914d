//! `check --statistics`: after the human report, two small tables — the
//! findings of each rule by kind, and for each outlet the pieces of evidence
//! it gives and the findings it is part of — aligned, and cut to the width.

use std::collections::BTreeSet;

use unicode_width::UnicodeWidthStr;

use super::words::fit;
use crate::finding::{Finding, Kind};

const KINDS: [Kind; 4] = [
    Kind::Conflict,
    Kind::Misquote,
    Kind::Misattribution,
    Kind::Agreement,
];

const GAP: usize = 2;

pub(super) fn render(findings: &[Finding], width: usize) -> String {
    let kinds: Vec<Kind> = KINDS
        .into_iter()
        .filter(|&k| findings.iter().any(|f| f.kind == k))
        .collect();
    let mut rules: Vec<(String, Vec<usize>)> = Vec::new();
    for f in findings {
        let column = kinds.iter().position(|&k| k == f.kind).unwrap_or(0);
        let row = match rules.iter().position(|(rule, _)| *rule == f.rule) {
            Some(row) => row,
            None => {
                rules.push((f.rule.clone(), vec![0; kinds.len()]));
                rules.len() - 1
            }
        };
        rules[row].1[column] += 1;
    }
    let heads: Vec<String> = kinds.iter().map(|k| k.as_str().to_string()).collect();
    let mut out = table("rule", &heads, &rules, width);
    out.push('\n');
    out.push_str(&table(
        "outlet",
        &["evidence".to_string(), "findings".to_string()],
        &outlets(findings),
        width,
    ));
    out
}

/// Each outlet with its pieces of evidence and the findings it is part of,
/// most evidence first (then by name).
fn outlets(findings: &[Finding]) -> Vec<(String, Vec<usize>)> {
    let mut rows: Vec<(String, Vec<usize>)> = Vec::new();
    for f in findings {
        let mut involved = BTreeSet::new();
        for e in f.reference.iter().chain(&f.evidence) {
            let row = match rows.iter().position(|(o, _)| *o == e.outlet) {
                Some(row) => row,
                None => {
                    rows.push((e.outlet.clone(), vec![0, 0]));
                    rows.len() - 1
                }
            };
            rows[row].1[0] += 1;
            involved.insert(row);
        }
        for row in involved {
            rows[row].1[1] += 1;
        }
    }
    rows.sort_by(|(a, x), (b, y)| y[0].cmp(&x[0]).then_with(|| a.cmp(b)));
    rows
}

/// A first column of names (cut with `…` to what the numbers leave), then
/// right-aligned numbers under their headings.
fn table(first: &str, heads: &[String], rows: &[(String, Vec<usize>)], width: usize) -> String {
    let widths: Vec<usize> = heads
        .iter()
        .enumerate()
        .map(|(c, h)| {
            rows.iter()
                .map(|(_, n)| n[c].to_string().len())
                .chain([h.width()])
                .max()
                .unwrap_or(1)
        })
        .collect();
    let numbers: usize = widths.iter().map(|w| w + GAP).sum();
    let names = rows
        .iter()
        .map(|(name, _)| name.width())
        .chain([first.width()])
        .max()
        .unwrap_or(0)
        .min(width.saturating_sub(numbers).max(first.width()));
    let line = |name: &str, cells: Vec<String>| {
        let mut text = fit(name, names);
        for (cell, w) in cells.iter().zip(&widths) {
            text.push_str(&format!("{}{cell:>w$}", " ".repeat(GAP)));
        }
        text.trim_end().to_string() + "\n"
    };
    let mut out = line(first, heads.to_vec());
    for (name, counts) in rows {
        out.push_str(&line(name, counts.iter().map(|n| n.to_string()).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Answer, Evidence, Severity, test_evidence};

    fn evidence(outlet: &str) -> Evidence {
        test_evidence(outlet, Answer::Stance("yes".into()))
    }

    fn finding(kind: Kind, rule: &str, outlets: &[&str]) -> Finding {
        let evidence = outlets.iter().map(|o| evidence(o)).collect();
        Finding::new(kind, rule, Severity::Warning, String::new(), None, evidence)
    }

    #[test]
    fn counts_per_rule_by_kind_and_per_outlet() {
        let findings = [
            finding(Kind::Conflict, "a", &["AP", "AP", "BBC"]),
            finding(Kind::Agreement, "b", &["BBC"]),
            finding(Kind::Conflict, "a", &["BBC"]),
        ];
        let out = render(&findings, 60);
        let rows: Vec<Vec<&str>> = out
            .lines()
            .map(|l| l.split_whitespace().collect())
            .collect();
        assert!(
            rows.contains(&vec!["rule", "conflict", "agreement"]),
            "{out}"
        );
        assert!(rows.contains(&vec!["a", "2", "0"]), "{out}");
        assert!(rows.contains(&vec!["b", "0", "1"]), "{out}");
        // BBC: 3 pieces in 3 findings; AP: 2 pieces in 1 finding.
        let bbc = rows.iter().position(|r| r == &["BBC", "3", "3"]);
        let ap = rows.iter().position(|r| r == &["AP", "2", "1"]);
        assert!(bbc.is_some() && bbc < ap, "{out}");
    }

    #[test]
    fn long_names_are_cut_to_the_width() {
        let long = "an outlet with a very long name indeed, longer than the terminal";
        let out = render(&[finding(Kind::Conflict, "a", &[long])], 40);
        assert!(out.lines().all(|l| l.width() <= 40), "{out}");
        assert!(out.contains('…'), "{out}");
    }
}
