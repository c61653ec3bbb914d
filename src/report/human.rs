//! The human report: one miette diagnostic per finding — its code and
//! headline once, the rule's question as help, then the labelled spans in
//! each source involved (a related diagnostic introduced by its outlet), at
//! most `--max-evidence` pieces chosen so every side shows — then the
//! matrix, the closing count and, with `--statistics`, the counts.

use std::collections::BTreeMap;

use miette::Severity as MietteSeverity;

use super::diff::markup;
use super::matrix::render_matrix;
use super::words::counted;
use super::{Options, evidence, statistics};
use crate::diagnostic::Problem;
use crate::finding::{Answer, Evidence, Finding, Kind, Severity};
use crate::pipeline::Outcome;
use crate::source::Document;

/// A finding as a diagnostic over the documents it cites; `color` marks the
/// words a quotation's diff removes and adds.
pub fn finding_problem(finding: &Finding, docs: &[Document], color: bool) -> Problem {
    let all: Vec<&Evidence> = finding.reference.iter().chain(&finding.evidence).collect();
    problem_of(finding, &all, docs, color)
}

/// A finding as a diagnostic over these pieces of its evidence.
fn problem_of(finding: &Finding, shown: &[&Evidence], docs: &[Document], color: bool) -> Problem {
    let severity = match finding.severity {
        Severity::Error => MietteSeverity::Error,
        Severity::Warning => MietteSeverity::Warning,
        Severity::Info => MietteSeverity::Advice,
    };
    let mut by_file: BTreeMap<&str, Vec<&Evidence>> = BTreeMap::new();
    let mut order = Vec::new();
    for &ev in shown {
        if !by_file.contains_key(ev.file.as_str()) {
            order.push(ev.file.as_str());
        }
        by_file.entry(&ev.file).or_default().push(ev);
    }
    let mut problem = Problem::new(
        severity,
        finding.code,
        format!("{}: {}", finding.rule, finding.headline()),
    );
    if let Some(help) = &finding.help {
        problem = problem.help(help.clone());
    }
    for file in order {
        let evidence = &by_file[file];
        let Some(doc) = docs.iter().find(|d| d.name() == file) else {
            continue;
        };
        let mut related =
            Problem::new(severity, finding.code, doc.outlet.clone()).in_document(&doc.file);
        for ev in evidence {
            related = related.label(ev.span.start..ev.span.end, label(ev));
        }
        let diffs: Vec<String> = evidence
            .iter()
            .filter_map(|ev| match &ev.answer {
                Answer::Rendering { diff, .. } => Some(markup(diff, color)),
                _ => None,
            })
            .collect();
        if !diffs.is_empty() {
            related = related.help(format!("diff: {}", diffs.join("\ndiff: ")));
        }
        problem = problem.related(related);
    }
    problem
}

/// "no — Dmitry Peskov", or for a fact "Friday → 2025-04-04 — Kremlin".
fn label(ev: &Evidence) -> String {
    let answer = match &ev.answer {
        Answer::Value(value) if value.raw.trim() != value.normalized => {
            format!("{} → {}", value.raw.trim(), value.normalized)
        }
        answer => answer.label().unwrap_or_default().to_string(),
    };
    match &ev.holder {
        Some(holder) if !answer.is_empty() => format!("{answer} — {holder}"),
        Some(holder) => holder.clone(),
        None => answer,
    }
}

/// The human report: a diagnostic per finding (agreements with `--show
/// agree`), then the matrix and the summary line unless quiet, then the
/// statistics when asked for.
pub(super) fn report(outcome: &Outcome, options: &Options) -> String {
    let (docs, style) = (&outcome.corpus.docs, options.style);
    let mut text = String::new();
    for finding in outcome
        .findings
        .iter()
        .filter(|f| f.kind.is_problem() || options.show_agree)
    {
        let shown = evidence::shown(finding, options.max_evidence);
        text.push_str(&style.render(&problem_of(finding, &shown, docs, style.color)));
        let total = finding.evidence.len() + usize::from(finding.reference.is_some());
        if shown.len() < total {
            text.push('\n');
            text.push_str(&more_line(finding, &shown, style.width));
        }
        text.push('\n');
    }
    if !options.quiet {
        text.push_str(&render_matrix(
            &outcome.findings,
            docs,
            style.width,
            options.matrix,
        ));
        let summary = summary_line(outcome, options.show_agree);
        text.push_str(&wrap(&summary, style.width, ""));
    }
    if options.statistics {
        text.push('\n');
        text.push_str(&statistics::render(&outcome.findings, style.width));
    }
    text
}

/// `  … and 990 more from 64 sources (--max-evidence 0 shows all)`.
fn more_line(finding: &Finding, shown: &[&Evidence], width: usize) -> String {
    let hidden: Vec<&Evidence> = finding
        .reference
        .iter()
        .chain(&finding.evidence)
        .filter(|e| !shown.iter().any(|s| std::ptr::eq(*s, *e)))
        .collect();
    let mut files: Vec<&str> = hidden.iter().map(|e| e.file.as_str()).collect();
    files.sort_unstable();
    files.dedup();
    let line = format!(
        "… and {} more from {} (--max-evidence 0 shows all)",
        hidden.len(),
        counted(files.len(), "source")
    );
    wrap(&line, width, "  ")
}

/// `text` wrapped to `width` columns, every line after `indent`, later ones
/// two columns further in; ends with a line break.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let rest = format!("{indent}  ");
    let options = textwrap::Options::new(width.max(1))
        .initial_indent(indent)
        .subsequent_indent(&rest)
        .break_words(true);
    textwrap::fill(text, options) + "\n"
}

/// "5 sources, 4 rules: 2 conflicts, 1 agreement (shown with --show agree), 3 in the baseline".
pub fn summary_line(outcome: &Outcome, shown_agree: bool) -> String {
    let findings = &outcome.findings;
    let (sources, rules) = (outcome.corpus.docs.len(), outcome.corpus.rules.count());
    let (accepted, baselined) = (outcome.accepted, outcome.baselined);
    let count = |kind: Kind| findings.iter().filter(|f| f.kind == kind).count();
    let conflicts = count(Kind::Conflict);
    let agreements = count(Kind::Agreement);
    let mut parts = vec![counted(conflicts, "conflict")];
    for (kind, word) in [
        (Kind::Misquote, "misquote"),
        (Kind::Misattribution, "misattribution"),
    ] {
        if count(kind) > 0 {
            parts.push(counted(count(kind), word));
        }
    }
    let mut agree = counted(agreements, "agreement");
    if agreements > 0 && !shown_agree {
        agree.push_str(" (shown with --show agree)");
    }
    parts.push(agree);
    if accepted > 0 {
        parts.push(format!("{accepted} accepted"));
    }
    if baselined > 0 {
        parts.push(format!("{baselined} in the baseline"));
    }
    format!(
        "concord: {}, {}: {}",
        counted(sources, "source"),
        counted(rules, "rule"),
        parts.join(", ")
    )
}
