//! The subcommands: each loads what it needs, runs the pipeline, and writes its
//! report through [`Io`], returning the exit code.

mod baseline;
mod check;
mod explain;
mod quotes;
mod test;

pub use baseline::baseline;
pub use check::check;
pub use explain::explain;
pub use quotes::quotes;
pub use test::test;

use std::io::Write;
use std::path::{Path, PathBuf};

use indicatif::{ParallelProgressIterator, ProgressBar, ProgressDrawTarget};
use rayon::prelude::*;

use crate::analyze::{Analysis, analyze};
use crate::cli::Inputs;
use crate::config::Config;
use crate::diagnostic::Problem;
use crate::report::Style;
use crate::rules::{RuleSet, load_rules};
use crate::source::{Document, load_sources};

/// Exit codes (DESIGN.md, "CLI").
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_BAD_INPUT: u8 = 2;

/// Where a command writes: the report on `out`, diagnostics about the run on `err`.
pub struct Io<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    pub out_style: Style,
    pub err_style: Style,
    pub paths: Paths,
}

impl Io<'_> {
    /// Prints input errors and returns the exit code for unusable input.
    pub fn fail(&mut self, problems: &[Problem]) -> u8 {
        self.warn(problems);
        EXIT_BAD_INPUT
    }

    /// Prints diagnostics about the run on the error stream.
    pub fn warn(&mut self, problems: &[Problem]) {
        for problem in problems {
            let text = self.err_style.render(problem);
            // A closed stderr leaves nowhere to report to; the exit code still tells.
            let _ = write!(self.err, "{text}");
        }
    }

    /// Writes report text. A closed stdout (piped to `head`) is not an error:
    /// the reader has what it wanted, and the exit code still tells.
    pub fn report(&mut self, text: &str) {
        let _ = self.out.write_all(text.as_bytes());
    }
}

impl Io<'_> {
    /// Loads the configuration, or prints why it cannot be used.
    pub fn config(&mut self, explicit: Option<&Path>) -> Result<Config, u8> {
        let shown = |p: &Path| self.paths.shown(p);
        crate::config::load(explicit, &self.paths.cwd, &shown)
            .map_err(|problem| self.fail(&[problem]))
    }
}

/// What `check` and `quotes` work on: the configuration, the documents, the
/// rules, and each document's analysis (in parallel, in document order).
pub struct Prepared {
    pub config: Config,
    pub docs: Vec<Document>,
    pub rules: RuleSet,
    pub analyses: Vec<Analysis>,
}

/// Loads and analyzes, printing warnings about the input; `Err` is the exit
/// code when the input cannot be used.
/// `quiet` hides the progress bar.
pub fn prepare(
    io: &mut Io,
    config_path: Option<&Path>,
    inputs: &Inputs,
    quiet: bool,
) -> Result<Prepared, u8> {
    let config = io.config(config_path)?;
    let source_paths = io.paths.given_or(&inputs.paths, &config.sources);
    let rule_paths = io.paths.given_or(&inputs.rules, &config.rules);
    let shown = |p: &Path| io.paths.shown(p);
    let loaded = load_sources(&source_paths, &shown, &config.limits);
    let rules = load_rules(&rule_paths, &shown, &config.limits);
    let (loaded, rules) = match (loaded, rules) {
        (Ok(loaded), Ok(rules)) => (loaded, rules),
        (loaded, rules) => {
            let mut problems = loaded.err().unwrap_or_default();
            problems.extend(rules.err().unwrap_or_default());
            return Err(io.fail(&problems));
        }
    };
    let mut notes = loaded.warnings;
    if loaded.documents.is_empty() {
        notes.push(
            Problem::error("concord::no_sources", "no .txt or .md documents found")
                .with_severity(miette::Severity::Warning)
                .help("pass a folder of documents, or set `sources` in concord.toml"),
        );
    }
    io.warn(&notes);
    let docs = loaded.documents;
    // A progress bar on a terminal only: indicatif draws nothing when stderr
    // is not one, and --quiet hides it.
    let progress = if quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::with_draw_target(Some(docs.len() as u64), ProgressDrawTarget::stderr())
    };
    let analyses: Vec<Analysis> = docs
        .par_iter()
        .progress_with(progress.clone())
        .map(|doc| analyze(doc, &rules, config.date_order))
        .collect();
    progress.finish_and_clear();
    io.warn(&source_notes(&docs, &analyses));
    Ok(Prepared {
        config,
        docs,
        rules,
        analyses,
    })
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

/// Unpaired quotation marks, as advice (`--show suspicious`, `concord quotes`).
pub fn suspicious_marks(docs: &[Document], analyses: &[Analysis]) -> Vec<Problem> {
    docs.iter()
        .zip(analyses)
        .flat_map(|(doc, analysis)| {
            analysis.suspicious.iter().map(move |s| {
                Problem::error("concord::quote::unpaired", s.message)
                    .with_severity(miette::Severity::Advice)
                    .in_document(&doc.file)
                    .label(s.at.clone(), "unpaired")
                    .help(
                        "the rest of the document was read; check the quotation marks around here",
                    )
            })
        })
        .collect()
}

/// Resolves user paths against the working directory and names them back the
/// way the user would type them.
pub struct Paths {
    pub cwd: PathBuf,
}

impl Paths {
    pub fn resolve(&self, path: &Path) -> PathBuf {
        self.cwd.join(path)
    }

    /// The paths given on the command line, or else the configured ones.
    pub fn given_or(&self, given: &[PathBuf], configured: &[PathBuf]) -> Vec<PathBuf> {
        if given.is_empty() {
            configured.to_vec()
        } else {
            given.iter().map(|p| self.resolve(p)).collect()
        }
    }

    pub fn shown(&self, path: &Path) -> String {
        let relative = path.strip_prefix(&self.cwd).unwrap_or(path);
        let text = relative.to_string_lossy().replace('\\', "/");
        let text = text.trim_start_matches("./");
        if text.is_empty() {
            ".".into()
        } else {
            text.to_string()
        }
    }
}
