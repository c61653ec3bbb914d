//! `--format json`: the versioned machine-readable report (see docs/reference.md, "JSON").

use serde::Serialize;

use super::diff::markup;
use crate::diagnostic::Problem;
use crate::finding::{Answer, Evidence, FactValue, Finding, Kind, Severity, Span};

/// Bumped only when a field changes meaning or disappears.
pub(super) const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
}

/// A finding in the v1 shape (docs/reference.md): field order and names are the contract.
#[derive(Serialize)]
struct JsonFinding<'a> {
    kind: Kind,
    code: &'a str,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    /// Facts near the edge: which tolerance decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    fingerprint: &'a str,
    evidence: Vec<JsonEvidence<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<JsonEvidence<'a>>,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    file: &'a str,
    outlet: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    span: Span,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    excerpt: &'a str,
    /// Where the matched words stand in `excerpt` (byte offsets).
    #[serde(skip_serializing_if = "Option::is_none")]
    excerpt_match: Option<Span>,
    /// The source's publication date, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    /// A claim's stance; for quotations "reference" or the class of difference.
    #[serde(skip_serializing_if = "Option::is_none")]
    stance: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a FactValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    holder: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
    /// The word diff against the reference, `[-removed-]` and `{+added+}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    diff: Option<String>,
}

impl<'a> JsonFinding<'a> {
    fn new(f: &'a Finding) -> Self {
        JsonFinding {
            kind: f.kind,
            code: f.code,
            rule: &f.rule,
            severity: f.severity,
            message: &f.message,
            help: f.help.as_deref(),
            note: f.note.as_deref(),
            fingerprint: &f.fingerprint,
            evidence: f.evidence.iter().map(JsonEvidence::new).collect(),
            reference: f.reference.as_ref().map(JsonEvidence::new),
        }
    }
}

impl<'a> JsonEvidence<'a> {
    fn new(e: &'a Evidence) -> Self {
        let (stance, value, diff) = match &e.answer {
            Answer::Value(value) => (None, Some(value), None),
            Answer::Rendering { diff, .. } => (e.answer.label(), None, Some(markup(diff, false))),
            answer => (answer.label(), None, None),
        };
        JsonEvidence {
            file: &e.file,
            outlet: &e.outlet,
            url: e.url.as_deref(),
            span: e.span,
            line: e.line,
            column: e.column,
            end_line: e.end_line,
            end_column: e.end_column,
            excerpt: &e.excerpt,
            excerpt_match: e.excerpt_match,
            published: e.published.map(|date| date.to_string()),
            stance,
            value,
            holder: e.holder.as_deref(),
            speaker: e.speaker.as_deref(),
            diff,
        }
    }
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
    /// Findings the baseline set aside.
    baselined: usize,
}

pub(super) fn render_json(
    findings: &[Finding],
    sources: usize,
    rules: usize,
    accepted: usize,
    baselined: usize,
) -> String {
    let count = |kind: Kind| findings.iter().filter(|f| f.kind == kind).count();
    let report = Report {
        version: JSON_VERSION,
        findings: findings.iter().map(JsonFinding::new).collect(),
        summary: Summary {
            sources,
            rules,
            conflict: count(Kind::Conflict),
            agreement: count(Kind::Agreement),
            misquote: count(Kind::Misquote),
            misattribution: count(Kind::Misattribution),
            accepted,
            baselined,
        },
    };
    // Plain data of strings and numbers: serialization cannot fail.
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}

/// The report of a run that could not use its input: no findings, and an
/// `errors` array in place of the summary.
#[derive(Serialize)]
struct ProblemsReport<'a> {
    version: u32,
    findings: [(); 0],
    errors: Vec<JsonProblem<'a>>,
}

/// A diagnostic about the input, where it points when it does.
#[derive(Serialize)]
struct JsonProblem<'a> {
    code: &'a str,
    severity: &'static str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    /// What the diagnostic says about the span ("unclosed group").
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
}

pub(super) fn render_json_problems(problems: &[Problem]) -> String {
    let errors = problems
        .iter()
        .map(|p| {
            let place = p.place();
            let region = place.and_then(|place| place.region);
            JsonProblem {
                code: p.code(),
                severity: p.severity_word(),
                message: p.message(),
                help: p.help_text(),
                file: place.map(|place| place.file),
                line: region.map(|r| r.line),
                column: region.map(|r| r.column),
                end_line: region.map(|r| r.end_line),
                end_column: region.map(|r| r.end_column),
                label: place.and_then(|place| place.label),
            }
        })
        .collect();
    let report = ProblemsReport {
        version: JSON_VERSION,
        findings: [],
        errors,
    };
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}
