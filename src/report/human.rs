//! The human report: one miette diagnostic per finding, with a labelled span
//! in every source involved (each source a related diagnostic naming its
//! outlet), the rule's question as help, and a closing count.

use std::collections::BTreeMap;

use miette::Severity as MietteSeverity;

use super::Options;
use super::diff::markup;
use super::matrix::render_matrix;
use crate::diagnostic::Problem;
use crate::finding::{Answer, Evidence, Finding, Kind, Severity};
use crate::pipeline::Outcome;
use crate::source::Document;

/// A finding as a diagnostic over the documents it cites; `color` marks the
/// words a quotation's diff removes and adds.
pub fn finding_problem(finding: &Finding, docs: &[Document], color: bool) -> Problem {
    let severity = match finding.severity {
        Severity::Error => MietteSeverity::Error,
        Severity::Warning => MietteSeverity::Warning,
        Severity::Info => MietteSeverity::Advice,
    };
    let mut by_file: BTreeMap<&str, Vec<&Evidence>> = BTreeMap::new();
    let mut order = Vec::new();
    for ev in finding.reference.iter().chain(&finding.evidence) {
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
        let mut related = Problem::new(severity, finding.code, format!("in {}", doc.outlet))
            .in_document(&doc.file);
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
/// agree`), then the matrix and the summary line unless quiet.
pub(super) fn report(outcome: &Outcome, options: &Options) -> String {
    let (docs, style) = (&outcome.corpus.docs, options.style);
    let mut text = String::new();
    for finding in outcome
        .findings
        .iter()
        .filter(|f| f.kind.is_problem() || options.show_agree)
    {
        text.push_str(&style.render(&finding_problem(finding, docs, style.color)));
        text.push('\n');
    }
    if options.quiet {
        return text;
    }
    text.push_str(&render_matrix(&outcome.findings, docs, style.width));
    text.push_str(&summary_line(
        docs.len(),
        outcome.corpus.rules.count(),
        &outcome.findings,
        options.show_agree,
        outcome.accepted,
        outcome.baselined,
    ));
    text.push('\n');
    text
}

/// "5 sources, 4 rules: 2 conflicts, 1 agreement (shown with --show agree), 3 in the baseline".
pub fn summary_line(
    sources: usize,
    rules: usize,
    findings: &[Finding],
    shown_agree: bool,
    accepted: usize,
    baselined: usize,
) -> String {
    let count = |kind: Kind| findings.iter().filter(|f| f.kind == kind).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let conflicts = count(Kind::Conflict);
    let agreements = count(Kind::Agreement);
    let mut parts = vec![plural(conflicts, "conflict")];
    for (kind, word) in [
        (Kind::Misquote, "misquote"),
        (Kind::Misattribution, "misattribution"),
    ] {
        if count(kind) > 0 {
            parts.push(plural(count(kind), word));
        }
    }
    let mut agree = plural(agreements, "agreement");
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
        plural(sources, "source"),
        plural(rules, "rule"),
        parts.join(", ")
    )
}
