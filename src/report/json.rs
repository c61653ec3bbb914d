//! `--format json`: the versioned machine-readable report (DESIGN.md, "CLI").

use serde::Serialize;

use crate::finding::{Finding, Kind};

/// Bumped only when a field changes meaning or disappears.
pub(super) const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    findings: &'a [Finding],
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    sources: usize,
    rules: usize,
    conflict: usize,
    agreement: usize,
    misquote: usize,
    misattribution: usize,
    accepted: usize,
}

pub(super) fn render_json(
    findings: &[Finding],
    sources: usize,
    rules: usize,
    accepted: usize,
) -> String {
    let count = |kind: Kind| findings.iter().filter(|f| f.kind == kind).count();
    let report = Report {
        version: JSON_VERSION,
        findings,
        summary: Summary {
            sources,
            rules,
            conflict: count(Kind::Conflict),
            agreement: count(Kind::Agreement),
            misquote: count(Kind::Misquote),
            misattribution: count(Kind::Misattribution),
            accepted,
        },
    };
    // Plain data of strings and numbers: serialization cannot fail.
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}
