//! `concord check`: load → analyze (in parallel) → compare → report.

use std::path::Path;

use super::{EXIT_FINDINGS, EXIT_OK, Io, Prepared, prepare};
use crate::cli::{CheckArgs, Format, Show};
use crate::config::{Accept, Config};
use crate::diagnostic::Problem;
use crate::finding::Finding;
use crate::report::{self, Style};
use crate::rules::RuleSet;
use crate::source::Document;

pub fn check(args: &CheckArgs, config_path: Option<&Path>, io: &mut Io) -> u8 {
    let Prepared {
        config,
        docs,
        rules,
        analyses,
    } = match prepare(io, config_path, &args.inputs, args.quiet) {
        Ok(prepared) => prepared,
        Err(code) => return code,
    };
    let findings = crate::compare::compare(&docs, &rules, &analyses, &config.quotes);
    let (findings, accepted, unused) = apply_accepts(findings, &config);
    io.warn(&unused);
    let findings = match &args.baseline {
        Some(path) => match super::baseline::without_known(
            findings,
            &io.paths.resolve(path),
            &io.paths.shown(path),
        ) {
            Ok(findings) => findings,
            Err(problem) => return io.fail(&[problem]),
        },
        None => findings,
    };
    let view = View {
        findings: &findings,
        docs: &docs,
        rules: &rules,
        accepted,
        show_agree: args.show.contains(&Show::Agree),
        quiet: args.quiet,
    };
    for (format, path) in &args.output {
        let plain = Style {
            color: false,
            ..io.out_style
        };
        let text = render(*format, &view, plain);
        if let Err(err) = std::fs::write(io.paths.resolve(path), text) {
            let shown = io.paths.shown(path);
            return io.fail(&[Problem::error(
                "concord::io",
                format!("cannot write `{shown}`: {err}"),
            )
            .help("check that the folder exists and is writable")]);
        }
    }
    if args.show.contains(&Show::Suspicious) && args.format == Format::Human {
        let marks = super::suspicious_marks(&docs, &analyses);
        let rendered: String = marks
            .iter()
            .map(|m| io.out_style.render(m) + "\n")
            .collect();
        io.report(&rendered);
    }
    io.report(&render(args.format, &view, io.out_style));
    let fail_on = args.fail_on.unwrap_or(config.fail_on);
    let failing = findings
        .iter()
        .any(|f| f.kind.is_problem() && fail_on.fails(f.severity));
    if failing { EXIT_FINDINGS } else { EXIT_OK }
}

/// What every output format renders.
struct View<'a> {
    findings: &'a [Finding],
    docs: &'a [Document],
    rules: &'a RuleSet,
    accepted: usize,
    show_agree: bool,
    quiet: bool,
}

fn render(format: Format, view: &View, style: Style) -> String {
    match format {
        Format::Human => human_report(view, style),
        Format::Json => report::render_json(
            view.findings,
            view.docs.len(),
            view.rules.len(),
            view.accepted,
        ),
        Format::Sarif => report::render_sarif(view.findings, view.rules),
        Format::Github => report::render_github(view.findings),
    }
}

fn human_report(view: &View, style: Style) -> String {
    let mut text = String::new();
    for finding in view
        .findings
        .iter()
        .filter(|f| f.kind.is_problem() || view.show_agree)
    {
        text.push_str(&style.render(&report::finding_problem(finding, view.docs, style.color)));
        text.push('\n');
    }
    if view.quiet {
        return text;
    }
    text.push_str(&report::render_matrix(
        view.findings,
        view.docs,
        style.width,
    ));
    text.push_str(&report::summary_line(
        view.docs.len(),
        view.rules.len(),
        view.findings,
        view.show_agree,
        view.accepted,
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
    let named = |source: &str| accept.sources.iter().any(|s| s == source);
    let sources_ok = accept.sources.is_empty()
        || finding
            .reference
            .iter()
            .chain(&finding.evidence)
            .all(|e| named(&e.file) || named(&e.outlet));
    fingerprint_ok && rule_ok && sources_ok
}
