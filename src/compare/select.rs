//! Selection, applied to the findings compare produced, before accepts and
//! baselines: `[severity]` sets the severity of every finding of the rules
//! it matches (agreements stay `info`), and `select`/`ignore` leave out the
//! findings of rules the run does not report. A glob that matches no rule
//! is a warning, as an unused `[[accept]]` entry is (but a `quote-…` glob:
//! automatic quotation ids depend on the day's documents).

use crate::config::{RuleGlob, Selection, Written};
use crate::diagnostic::{Problem, SourceFile};
use crate::finding::Finding;
use crate::rules::RuleSet;

/// The findings a selection reports, those it leaves out, and a warning
/// for each glob that matches no rule.
#[derive(Debug, Default)]
pub struct Selected {
    pub kept: Vec<Finding>,
    pub left_out: Vec<Finding>,
    pub warnings: Vec<Problem>,
}

/// Applies `selection` to `findings`. Ids are the rules' (every kind) and
/// the findings' (automatic quotations have `quote-…` ids and no rule);
/// `config` is the file the configured globs point into.
pub fn apply_selection(
    findings: Vec<Finding>,
    selection: &Selection,
    rules: &RuleSet,
    config: Option<&SourceFile>,
) -> Selected {
    if selection.is_empty() {
        return Selected {
            kept: findings,
            ..Selected::default()
        };
    }
    let warnings = unmatched(selection, rules, &findings, config);
    let (kept, left_out) = findings
        .into_iter()
        .map(|mut finding| {
            if finding.kind.is_problem() {
                if let Some(severity) = selection.severity_of(&finding.rule) {
                    finding.severity = severity;
                }
            }
            finding
        })
        .partition(|finding| selection.reports(&finding.rule));
    Selected {
        kept,
        left_out,
        warnings,
    }
}

/// A warning for each glob of `selection` that matches no id.
fn unmatched(
    selection: &Selection,
    rules: &RuleSet,
    findings: &[Finding],
    config: Option<&SourceFile>,
) -> Vec<Problem> {
    let ids: Vec<&str> = rules
        .iter()
        .map(|r| r.id())
        .chain(findings.iter().map(|f| f.rule.as_str()))
        .collect();
    let globs = selection
        .select
        .iter()
        .flatten()
        .map(|g| (g, "select"))
        .chain(selection.ignore.iter().map(|g| (g, "ignore")))
        .chain(selection.severity.iter().map(|(g, _)| (g, "[severity]")));
    // A `quote-…` glob names quotations no rule pins, whose ids come and go
    // with the documents: `ignore = ["quote-*"]` is no mistake on a day
    // with none.
    globs
        .filter(|(glob, _)| !glob.text.starts_with("quote-"))
        .filter(|(glob, _)| !ids.iter().any(|id| glob.matches(id)))
        .map(|(glob, key)| unmatched_warning(glob, key, config))
        .collect()
}

fn unmatched_warning(glob: &RuleGlob, key: &str, config: Option<&SourceFile>) -> Problem {
    let help = "rule ids are the `id`s in the rule files and the `quote-…` ids of \
                automatically found quotations; `concord check --format json` lists \
                the rule of every finding";
    match (&glob.written, config) {
        (Written::Config(span), Some(file)) => Problem::warning(
            "concord::config::unmatched_glob",
            format!("`{}` in {key} matches no rule", glob.text),
        )
        .in_file(file)
        .label(span.clone(), "matches no rule or finding")
        .help(help),
        (Written::Flag(flag), _) => Problem::warning(
            "concord::config::unmatched_glob",
            format!("`{flag} {}` matches no rule", glob.text),
        )
        .help(help),
        (Written::Config(_), None) => Problem::warning(
            "concord::config::unmatched_glob",
            format!("`{}` in {key} matches no rule", glob.text),
        )
        .help(help),
    }
}
