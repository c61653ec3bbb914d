//! `concord check`: load → analyze (in parallel) → compare → report.

use std::path::Path;

use rayon::prelude::*;

use super::{EXIT_FINDINGS, EXIT_OK, Io};
use crate::analyze::{Analysis, analyze};
use crate::cli::{CheckArgs, Format, Show};
use crate::config::{Accept, Config};
use crate::diagnostic::Problem;
use crate::finding::Finding;
use crate::report;
use crate::rules::load_rules;
use crate::source::{Document, load_sources};

pub fn check(args: &CheckArgs, config_path: Option<&Path>, io: &mut Io) -> u8 {
    let config = match io.config(config_path) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let source_paths = io.paths.given_or(&args.paths, &config.sources);
    let rule_paths = io.paths.given_or(&args.rules, &config.rules);
    let shown = |p: &Path| io.paths.shown(p);
    let docs = load_sources(&source_paths, &shown, &config.limits);
    let rules = load_rules(&rule_paths, &shown, &config.limits);
    let (loaded, rules) = match (docs, rules) {
        (Ok(loaded), Ok(rules)) => (loaded, rules),
        (docs, rules) => {
            let mut problems = docs.err().unwrap_or_default();
            problems.extend(rules.err().unwrap_or_default());
            return io.fail(&problems);
        }
    };
    let docs = loaded.documents;
    let mut notes = loaded.warnings;
    if docs.is_empty() {
        notes.push(
            Problem::error("concord::no_sources", "no .txt or .md documents found")
                .with_severity(miette::Severity::Warning)
                .help("pass a folder of documents, or set `sources` in concord.toml"),
        );
    }
    if rules.is_empty() {
        notes.push(
            Problem::error("concord::no_rules", "no rules found: nothing to check")
                .with_severity(miette::Severity::Warning)
                .help("pass --rules with a folder of rule files, or set `rules` in concord.toml"),
        );
    }
    io.warn(&notes);

    let analyses: Vec<Analysis> = docs
        .par_iter()
        .map(|doc| analyze(doc, &rules, config.date_order))
        .collect();
    io.warn(&source_notes(&docs, &analyses));
    let findings = crate::compare::compare(&docs, &rules, &analyses, &config.quotes);
    let (findings, accepted, unused) = apply_accepts(findings, &config);
    io.warn(&unused);

    let fail_on = args.fail_on.unwrap_or(config.fail_on);
    let show_agree = args.show.contains(&Show::Agree);
    let text = match args.format {
        Format::Human => human_report(&findings, &docs, rules.len(), show_agree, accepted, io),
        Format::Json => report::render_json(&findings, docs.len(), rules.len(), accepted),
    };
    io.report(&text);
    let failing = findings
        .iter()
        .any(|f| f.kind.is_problem() && fail_on.fails(f.severity));
    if failing { EXIT_FINDINGS } else { EXIT_OK }
}

/// What analysis found wrong in the sources themselves, as warnings.
fn source_notes(docs: &[Document], analyses: &[Analysis]) -> Vec<Problem> {
    docs.iter()
        .zip(analyses)
        .flat_map(|(doc, analysis)| {
            analysis.notes.iter().map(move |note| {
                Problem::error("concord::source::needs_date", note.message.clone())
                    .with_severity(miette::Severity::Warning)
                    .in_document(&doc.file)
                    .label(note.span.clone(), "relative to what?")
                    .help(note.help.clone())
            })
        })
        .collect()
}

fn human_report(
    findings: &[Finding],
    docs: &[Document],
    rules: usize,
    show_agree: bool,
    accepted: usize,
    io: &Io,
) -> String {
    let mut text = String::new();
    for finding in findings
        .iter()
        .filter(|f| f.kind.is_problem() || show_agree)
    {
        text.push_str(&io.out_style.render(&report::finding_problem(
            finding,
            docs,
            io.out_style.color,
        )));
        text.push('\n');
    }
    text.push_str(&report::summary_line(
        docs.len(),
        rules,
        findings,
        show_agree,
        accepted,
    ));
    text.push('\n');
    text
}

/// Drops findings that an `[[accept]]` entry covers; returns the rest, how
/// many were accepted, and a warning for each entry that matched nothing.
fn apply_accepts(findings: Vec<Finding>, config: &Config) -> (Vec<Finding>, usize, Vec<Problem>) {
    let mut used = vec![false; config.accept.len()];
    let mut kept = Vec::new();
    let mut accepted = 0;
    for finding in findings {
        let covering = config.accept.iter().position(|a| covers(a, &finding));
        match covering {
            Some(i) if finding.kind.is_problem() => {
                used[i] = true;
                accepted += 1;
            }
            _ => kept.push(finding),
        }
    }
    let unused = config
        .accept
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .filter_map(|(accept, _)| {
            let file = config.file.as_ref()?;
            Some(
                Problem::error("concord::config::unused_accept", "this [[accept]] entry matches no finding")
                    .with_severity(miette::Severity::Warning)
                    .in_file(file)
                    .label(accept.span.clone(), "matches nothing")
                    .help("the finding it silenced is gone or changed; remove the entry or update its fingerprint"),
            )
        })
        .collect();
    (kept, accepted, unused)
}

fn covers(accept: &Accept, finding: &Finding) -> bool {
    let fingerprint_ok = accept.fingerprint.as_deref().is_none_or(|fp| {
        fp.len() >= 8 && finding.fingerprint.starts_with(&fp.to_ascii_lowercase())
    });
    let rule_ok = accept
        .rule
        .as_deref()
        .is_none_or(|rule| rule == finding.rule);
    fingerprint_ok && rule_ok
}
