//! The pipeline, assembled once: load → analyze (per document, in parallel)
//! → compare → suppress. Every command runs it (or, for `concord test`, the
//! part of it that rule examples need) and hands the result to `report`.

mod examples;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use examples::{ExampleRun, run_examples};

use crate::analyze::{Analysis, analyze};
use crate::compare::{Baseline, apply_accepts, apply_selection};
use crate::config::{Config, Limits, Paths};
use crate::diagnostic::Problem;
use crate::finding::Finding;
use crate::rules::{RuleSet, load_rules};
use crate::source::{Document, load_sources};

/// What to read: document and rule paths, already resolved (an empty list
/// means the configured one).
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub sources: Vec<PathBuf>,
    pub rules: Vec<PathBuf>,
    /// Globs of documents to leave out, besides the config's `exclude`.
    pub exclude: Vec<String>,
}

/// What to leave out of the findings.
#[derive(Debug, Clone, Default)]
pub struct Suppress {
    /// Apply the config's `[[accept]]` entries.
    pub accepts: bool,
    /// Leave out what this baseline file records (relative to the working
    /// folder; it wins over the configuration's `baseline`).
    pub baseline: Option<PathBuf>,
    /// Apply the configuration's `baseline` when no `baseline` is given.
    pub config_baseline: bool,
    /// Apply the config's `select`, `ignore` and `[severity]`, with these
    /// command-line globs on top; `None`: report every rule as written.
    pub selection: Option<SelectFlags>,
}

/// `--select` and `--ignore`, as given (validated by the pipeline).
#[derive(Debug, Clone, Default)]
pub struct SelectFlags {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

/// Told how analysis advances, so a caller can draw a progress bar. Called
/// from worker threads.
pub trait Progress: Sync {
    fn start(&self, _documents: usize) {}
    fn advance(&self) {}
    fn finish(&self) {}
}

/// No progress shown.
impl Progress for () {}

/// The documents and rules, and each document's analysis (in document order).
#[derive(Debug)]
pub struct Corpus {
    pub docs: Vec<Document>,
    pub rules: RuleSet,
    pub analyses: Vec<Analysis>,
}

/// Everything a report is made from.
#[derive(Debug)]
pub struct Outcome {
    pub corpus: Corpus,
    /// Findings in rule order, suppressed ones removed.
    pub findings: Vec<Finding>,
    /// How many findings `[[accept]]` entries set aside.
    pub accepted: usize,
    /// How many findings the baseline set aside.
    pub baselined: usize,
    /// Where reports link out to (concord.toml's `[links]`).
    pub links: crate::config::Links,
    /// Which rules the run reports, and at what severity (none: all, as written).
    pub selection: Option<crate::config::Selection>,
    /// Diagnostics about the input that did not stop the run, in the order found.
    pub warnings: Vec<Problem>,
}

/// The whole pipeline. `Err` holds the warnings found before the input
/// proved unusable, then the errors.
pub fn run(
    config: &Config,
    inputs: &Inputs,
    paths: &Paths,
    suppress: &Suppress,
    progress: &dyn Progress,
) -> Result<Outcome, Vec<Problem>> {
    // Bad command-line globs stop the run before anything is read.
    let selection = match &suppress.selection {
        Some(flags) => Some(
            config
                .selection
                .with_flags(&flags.select, &flags.ignore)
                .map_err(|problem| vec![problem])?,
        ),
        None => None,
    };
    let (corpus, mut warnings) = load_and_analyze(config, inputs, paths, progress)?;
    let findings = crate::compare::compare(
        &corpus.docs,
        &corpus.rules,
        &corpus.analyses,
        &config.quotes,
    );
    let selected = match &selection {
        Some(selection) => {
            apply_selection(findings, selection, &corpus.rules, config.file.as_ref())
        }
        None => crate::compare::Selected {
            kept: findings,
            ..Default::default()
        },
    };
    warnings.extend(selected.warnings);
    let findings = selected.kept;
    let (findings, accepted) = if suppress.accepts {
        let (kept, accepted, unused) = apply_accepts(findings, &selected.left_out, config);
        warnings.extend(unused);
        (kept, accepted)
    } else {
        (findings, 0)
    };
    // A baseline given on the command line, else the configuration's.
    let baseline = match (&suppress.baseline, &config.baseline) {
        (Some(path), _) => Some((paths.resolve(path), paths.shown(path))),
        (None, Some(path)) if suppress.config_baseline => Some((path.clone(), paths.shown(path))),
        (None, _) => None,
    };
    let before = findings.len();
    let findings = match baseline {
        Some((path, shown)) => match read_baseline(&path, &shown, &config.limits) {
            Ok(baseline) => baseline.without_known(findings),
            Err(problem) => {
                warnings.push(problem);
                return Err(warnings);
            }
        },
        None => findings,
    };
    Ok(Outcome {
        corpus,
        baselined: before - findings.len(),
        links: config.links.clone(),
        selection,
        findings,
        accepted,
        warnings,
    })
}

/// Load and analyze, without comparing: the documents, rules and analyses,
/// and the warnings about them.
pub fn load_and_analyze(
    config: &Config,
    inputs: &Inputs,
    paths: &Paths,
    progress: &dyn Progress,
) -> Result<(Corpus, Vec<Problem>), Vec<Problem>> {
    let source_paths = paths.given_or(&inputs.sources, &config.sources);
    let rule_paths = rules_to_read(config, &inputs.rules, paths);
    let shown = |p: &Path| paths.shown(p);
    let exclude: Vec<String> = config
        .exclude
        .iter()
        .chain(&inputs.exclude)
        .cloned()
        .collect();
    let loaded = load_sources(
        &source_paths,
        &shown,
        &config.limits,
        config.root.as_deref(),
        &exclude,
    );
    let rules = load_rules(&rule_paths, &shown, &config.limits);
    let (loaded, rules) = match (loaded, rules) {
        (Ok(loaded), Ok(rules)) => (loaded, rules),
        (loaded, rules) => {
            let mut problems = loaded.err().unwrap_or_default();
            problems.extend(rules.err().unwrap_or_default());
            return Err(problems);
        }
    };
    let mut warnings = loaded.warnings;
    if loaded.documents.is_empty() {
        warnings.push(
            Problem::warning("concord::no_sources", "no .txt or .md documents found")
                .help("pass a folder of documents, or set `sources` in concord.toml"),
        );
    }
    let docs = loaded.documents;
    progress.start(docs.len());
    let analyses: Vec<Analysis> = docs
        .par_iter()
        .map(|doc| {
            let analysis = analyze(doc, &rules, config.date_order);
            progress.advance();
            analysis
        })
        .collect();
    progress.finish();
    warnings.extend(source_notes(&docs, &analyses));
    Ok((
        Corpus {
            docs,
            rules,
            analyses,
        },
        warnings,
    ))
}

/// The rules alone, for `concord test`.
pub fn load_rules_only(
    config: &Config,
    rules: &[PathBuf],
    paths: &Paths,
) -> Result<RuleSet, Vec<Problem>> {
    let rule_paths = rules_to_read(config, rules, paths);
    load_rules(&rule_paths, &|p: &Path| paths.shown(p), &config.limits)
}

/// The rule paths to read: those given, else the configured ones. A folder
/// of documents with no `rules/` (and no `rules` key) has no rules: only the
/// quotation check runs. A `rules` path the user named must exist.
fn rules_to_read(config: &Config, given: &[PathBuf], paths: &Paths) -> Vec<PathBuf> {
    let rule_paths = paths.given_or(given, &config.rules);
    if given.is_empty()
        && !config.rules_named
        && !rule_paths.iter().any(|p| crate::input::exists(p))
    {
        return Vec::new();
    }
    rule_paths
}

fn read_baseline(path: &Path, shown: &str, limits: &Limits) -> Result<Baseline, Problem> {
    let file = crate::input::read_text(path, shown, limits.max_file_bytes).map_err(|problem| {
        if !crate::input::exists(path) {
            Problem::error(
                "concord::baseline::unreadable",
                format!("baseline `{shown}` does not exist"),
            )
            .help("write one with `concord baseline --output FILE`")
        } else {
            problem
        }
    })?;
    Baseline::parse(&file)
}

/// What analysis found wrong in the sources themselves, as warnings.
fn source_notes(docs: &[Document], analyses: &[Analysis]) -> Vec<Problem> {
    docs.iter()
        .zip(analyses)
        .flat_map(|(doc, analysis)| {
            analysis.notes.iter().map(move |note| {
                Problem::warning(note.code, note.message.clone())
                    .in_document(&doc.file)
                    .label(note.span.clone(), note.label.clone())
                    .help(note.help.clone())
            })
        })
        .collect()
}

/// Unpaired quotation marks, as advice (`--show suspicious`, `concord quotes`).
pub fn suspicious_marks(corpus: &Corpus) -> Vec<Problem> {
    corpus
        .docs
        .iter()
        .zip(&corpus.analyses)
        .flat_map(|(doc, analysis)| {
            analysis.suspicious.iter().map(move |s| {
                Problem::advice("concord::quote::unpaired", s.message)
                    .in_document(&doc.file)
                    .label(s.at.clone(), "unpaired")
                    .help(
                        "the rest of the document was read; check the quotation marks around here",
                    )
            })
        })
        .collect()
}
