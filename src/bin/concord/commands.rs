//! The subcommands: each loads the configuration, runs the pipeline, hands
//! the result to a renderer, writes it through [`Io`], and returns the exit
//! code.

use std::io::Write;
use std::path::{Path, PathBuf};

use concord::compare::{Baseline, explain, finding_code, is_code, listing};
use concord::config::{Config, Paths};
use concord::diagnostic::Problem;
use concord::pipeline::{self, Inputs, Progress, SelectFlags, Suppress};
use concord::report::{self, Style};

use crate::cli::{
    BaselineArgs, CheckArgs, ExplainArgs, ListFormat, QuotesArgs, Selecting, Show, TestArgs,
};

/// Exit codes: nothing at or above `fail_on`; findings at or above it (or a
/// failing rule example); input that could not be used.
pub(crate) const EXIT_OK: u8 = 0;
pub(crate) const EXIT_FINDINGS: u8 = 1;
pub(crate) const EXIT_BAD_INPUT: u8 = 2;

/// Where a command writes: the report on `out`, diagnostics about the run on `err`.
pub(crate) struct Io<'a> {
    pub(crate) out: &'a mut dyn Write,
    pub(crate) err: &'a mut dyn Write,
    pub(crate) out_style: Style,
    pub(crate) err_style: Style,
    pub(crate) paths: Paths,
    /// The first error writing the report (other than a closed pipe).
    pub(crate) write_error: Option<std::io::Error>,
    /// GitHub Actions' job summary file (`$GITHUB_STEP_SUMMARY`), when set.
    pub(crate) step_summary: Option<PathBuf>,
}

impl Io<'_> {
    /// Prints input errors and returns the exit code for unusable input.
    pub(crate) fn fail(&mut self, problems: &[Problem]) -> u8 {
        self.warn(problems);
        EXIT_BAD_INPUT
    }

    /// Prints diagnostics about the run on the error stream.
    pub(crate) fn warn(&mut self, problems: &[Problem]) {
        let text = report::safe(&self.err_style.render_all(problems));
        // A closed stderr leaves nowhere to report to; the exit code still tells.
        let _ = self.err.write_all(text.as_bytes());
    }

    /// Writes report text for people, through the terminal gate
    /// ([`report::safe`]): nothing from a document reaches the terminal raw.
    pub(crate) fn report(&mut self, text: &str) {
        self.report_data(&report::safe(text));
    }

    /// Writes a machine format (JSON, SARIF, workflow commands) as it is:
    /// its encoder escaped what it carries. A closed stdout (piped to `head`)
    /// is not an error: the reader has what it wanted, and the exit code
    /// still tells. Any other write error is kept for the exit code.
    pub(crate) fn report_data(&mut self, text: &str) {
        if let Err(err) = self
            .out
            .write_all(text.as_bytes())
            .and_then(|()| self.out.flush())
        {
            if err.kind() != std::io::ErrorKind::BrokenPipe && self.write_error.is_none() {
                self.write_error = Some(err);
            }
        }
    }

    /// Loads the configuration, or prints why it cannot be used.
    fn config(&mut self, explicit: Option<&Path>) -> Result<Config, u8> {
        let shown = |p: &Path| self.paths.shown(p);
        concord::config::load(explicit, &self.paths.cwd, &shown)
            .map_err(|problem| self.fail(&[problem]))
    }

    fn inputs(&self, inputs: &crate::cli::Inputs) -> Inputs {
        Inputs {
            sources: inputs.paths.iter().map(|p| self.paths.resolve(p)).collect(),
            exclude: inputs.exclude.clone(),
            rules: inputs.rules.iter().map(|p| self.paths.resolve(p)).collect(),
        }
    }

    /// Loads the configuration and runs the pipeline, printing its warnings;
    /// `Err` is the exit code.
    fn run(
        &mut self,
        config_path: Option<&Path>,
        inputs: &crate::cli::Inputs,
        suppress: &Suppress,
        progress: &dyn Progress,
    ) -> Result<(Config, pipeline::Outcome), u8> {
        let config = self.config(config_path)?;
        let inputs = self.inputs(inputs);
        match pipeline::run(&config, &inputs, &self.paths, suppress, progress) {
            Ok(outcome) => {
                self.warn(&outcome.warnings);
                Ok((config, outcome))
            }
            Err(problems) => Err(self.fail(&problems)),
        }
    }
}

pub(crate) fn check(args: &CheckArgs, config_path: Option<&Path>, io: &mut Io) -> u8 {
    let suppress = Suppress {
        accepts: true,
        baseline: args.baseline.clone(),
        config_baseline: !args.no_baseline,
        selection: Some(select_flags(&args.selecting)),
    };
    let progress = crate::progress::bar(args.quiet);
    let given = io.inputs(&args.inputs);
    let shown = |p: &Path| io.paths.shown(p);
    let config = match concord::config::load(config_path, &io.paths.cwd, &shown) {
        Ok(config) => config,
        Err(problem) => return check_failed(args, None, &given, &[problem], io),
    };
    let outcome = match pipeline::run(&config, &given, &io.paths, &suppress, &progress) {
        Ok(outcome) => outcome,
        Err(problems) => return check_failed(args, Some(&config), &given, &problems, io),
    };
    io.warn(&outcome.warnings);
    let options = report::Options {
        show_agree: args.show.contains(&Show::Agree),
        quiet: args.quiet,
        max_evidence: args.max_evidence,
        matrix: args.matrix.into(),
        statistics: args.statistics,
        ..report::Options::new(io.out_style)
    };
    let documents: Vec<PathBuf> = outcome
        .corpus
        .docs
        .iter()
        .map(|d| io.paths.resolve(Path::new(&*d.file.name)))
        .collect();
    let protected = inputs_of(
        &config,
        &given,
        documents,
        args.baseline.as_deref(),
        &[],
        io,
    );
    let plain = report::Options {
        style: Style {
            color: false,
            ..io.out_style
        },
        ..options
    };
    let output_failed = write_outputs(args, &protected, io, |format| {
        report::render(format, &outcome, &plain)
    });
    let format: report::Format = args.format.into();
    if args.show.contains(&Show::Suspicious) && format == report::Format::Human {
        let marks = pipeline::suspicious_marks(&outcome.corpus);
        let rendered: String = marks
            .iter()
            .map(|m| io.out_style.render(m) + "\n")
            .collect();
        io.report(&rendered);
    }
    // Rendered reports are safe as they are: the human one passed the
    // terminal gate inside `render`, the others are escaped by their encoders.
    io.report_data(&report::render(format, &outcome, &options));
    if uses_github(args) {
        job_summary(io, &report::step_summary(&outcome, &options));
    }
    let fail_on = args.fail_on.map_or(config.fail_on, Into::into);
    let failing = outcome
        .findings
        .iter()
        .any(|f| f.kind.is_problem() && fail_on.fails(f.severity));
    if output_failed {
        EXIT_BAD_INPUT
    } else if failing {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// A check whose input could not be used: the diagnostics on stderr, and
/// the report in every format asked for — on stdout unless it is the human
/// one (the diagnostics are that), and in every `--output` file — so that
/// CI steps reading them learn why. Exit 2.
fn check_failed(
    args: &CheckArgs,
    config: Option<&Config>,
    given: &Inputs,
    problems: &[Problem],
    io: &mut Io,
) -> u8 {
    io.warn(problems);
    // The files the problems point into are inputs too (a broken concord.toml).
    let named: Vec<PathBuf> = problems
        .iter()
        .filter_map(|p| p.place())
        .map(|place| io.paths.resolve(Path::new(place.file)))
        .collect();
    let protected = match config {
        Some(config) => {
            // The documents were not all listed: every file below a document folder.
            let mut documents = Vec::new();
            for folder in config.sources.iter().chain(&given.sources) {
                if folder.is_dir() {
                    let _unread =
                        concord::input::files_below(folder, &|_| true, &[], &mut documents);
                } else {
                    documents.push(folder.clone());
                }
            }
            inputs_of(
                config,
                given,
                documents,
                args.baseline.as_deref(),
                &named,
                io,
            )
        }
        None => named.iter().map(|f| identity(f)).collect(),
    };
    let plain = Style {
        color: false,
        ..io.err_style
    };
    write_outputs(args, &protected, io, |format| {
        report::render_problems(format, problems, plain)
    });
    let format: report::Format = args.format.into();
    if format != report::Format::Human {
        io.report_data(&report::render_problems(format, problems, plain));
    }
    if uses_github(args) {
        job_summary(io, &report::step_summary_of_problems(problems));
    }
    EXIT_BAD_INPUT
}

/// Writes each `--output` file with `render`; true if one could not be
/// written (the others still are).
fn write_outputs(
    args: &CheckArgs,
    protected: &[PathBuf],
    io: &mut Io,
    render: impl Fn(report::Format) -> String,
) -> bool {
    let mut written: Vec<PathBuf> = Vec::new();
    let mut failed = false;
    for (format, path) in &args.output {
        let target = io.paths.resolve(path);
        let shown = io.paths.shown(path);
        if let Some(problem) = refuse(&target, &shown, protected, &written) {
            io.warn(&[problem]);
            failed = true;
            continue;
        }
        written.push(identity(&target));
        let text = render((*format).into());
        if let Err(err) = write_atomically(&target, text.as_bytes()) {
            // The report on stdout still prints; the exit code says so.
            io.warn(&[cannot_write(&shown, &err)]);
            failed = true;
        }
    }
    failed
}

/// Is a GitHub Actions report asked for, on stdout or in a file?
fn uses_github(args: &CheckArgs) -> bool {
    std::iter::once(args.format)
        .chain(args.output.iter().map(|(format, _)| *format))
        .any(|format| format == crate::cli::Format::Github)
}

/// Appends `markdown` to the job summary when GitHub Actions gives one
/// (`$GITHUB_STEP_SUMMARY`); a summary that cannot be written is a warning.
fn job_summary(io: &mut Io, markdown: &str) {
    let Some(path) = io.step_summary.clone() else {
        return;
    };
    let appended = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .and_then(|mut file| file.write_all(markdown.as_bytes()));
    if let Err(err) = appended {
        let shown = io.paths.shown(&path);
        io.warn(&[Problem::warning(
            "concord::io::step_summary",
            format!("cannot write the job summary `{shown}`: {err}"),
        )]);
    }
}

/// The files a run read, which no output may replace: the documents, the
/// rule files, the configuration, the baseline, and any other file named.
fn inputs_of(
    config: &Config,
    given: &Inputs,
    documents: Vec<PathBuf>,
    baseline: Option<&Path>,
    named: &[PathBuf],
    io: &Io,
) -> Vec<PathBuf> {
    let mut files = documents;
    files.extend(
        config
            .file
            .iter()
            .map(|f| io.paths.resolve(Path::new(&*f.name))),
    );
    files.extend(baseline.map(|b| io.paths.resolve(b)));
    files.extend(config.baseline.iter().cloned());
    files.extend(named.iter().cloned());
    // The manifest of each document folder.
    files.extend(
        config
            .sources
            .iter()
            .chain(&given.sources)
            .map(|folder| folder.join(concord::source::MANIFEST))
            .filter(|manifest| manifest.is_file()),
    );
    for rules in config.rules.iter().chain(&given.rules) {
        if rules.is_file() {
            files.push(rules.clone());
        } else if rules.is_dir() {
            // (What cannot be read cannot be written over by mistake either.)
            let _unread = concord::input::files_below(rules, &|_| true, &[], &mut files);
        }
    }
    files.iter().map(|f| identity(f)).collect()
}

/// A path's identity: canonical when it exists (links and `..` resolved),
/// else its folder's canonical path with the file name.
fn identity(path: &Path) -> PathBuf {
    if let Ok(canonical) = path.canonicalize() {
        return canonical;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => parent
            .canonicalize()
            .map_or_else(|_| path.to_path_buf(), |p| p.join(name)),
        _ => path.to_path_buf(),
    }
}

/// Why an output may not go to `target`, if it may not: it is one of the
/// run's inputs, or another output of the same run.
fn refuse(target: &Path, shown: &str, inputs: &[PathBuf], written: &[PathBuf]) -> Option<Problem> {
    let id = identity(target);
    if inputs.contains(&id) {
        return Some(
            Problem::error(
                "concord::output::input",
                format!("refusing to write a report over `{shown}`: the run reads it"),
            )
            .help("write reports outside the document and rule folders, e.g. `--output json=report.json`"),
        );
    }
    if written.contains(&id) {
        return Some(Problem::error(
            "concord::output::twice",
            format!("`{shown}` is given to --output twice"),
        ));
    }
    None
}

/// Writes `bytes` to `path` so that a reader sees the old file or the whole
/// new one, never a cut one: into a temporary file in the same folder, then
/// renamed over the target.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::Builder::new()
        .prefix(".concord-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Where `concord baseline` writes when neither `--output` nor
/// concord.toml's `baseline` says.
const DEFAULT_BASELINE: &str = "concord-baseline.json";

/// `--select` and `--ignore`, for the pipeline to apply over the config's.
fn select_flags(selecting: &Selecting) -> SelectFlags {
    SelectFlags {
        select: selecting.select.clone(),
        ignore: selecting.ignore.clone(),
    }
}

pub(crate) fn baseline(args: &BaselineArgs, config_path: Option<&Path>, io: &mut Io) -> u8 {
    let suppress = Suppress {
        selection: Some(select_flags(&args.selecting)),
        ..Suppress::default()
    };
    let (config, outcome) = match io.run(config_path, &args.inputs, &suppress, &()) {
        Ok(run) => run,
        Err(code) => return code,
    };
    let recorded = Baseline::of(&outcome.findings);
    // The path given, else the configuration's `baseline`, else the default.
    let target = match (&args.output, &config.baseline) {
        (Some(path), _) => io.paths.resolve(path),
        (None, Some(path)) => path.clone(),
        (None, None) => io.paths.resolve(Path::new(DEFAULT_BASELINE)),
    };
    let shown = io.paths.shown(&target);
    let given = io.inputs(&args.inputs);
    let documents = outcome
        .corpus
        .docs
        .iter()
        .map(|d| io.paths.resolve(Path::new(&*d.file.name)))
        .collect();
    let mut protected = inputs_of(&config, &given, documents, None, &[], io);
    // The configured baseline is the one input `baseline` may replace: it
    // is what it rewrites.
    if let Some(configured) = &config.baseline {
        let own = identity(configured);
        protected.retain(|p| *p != own);
    }
    if let Some(problem) = refuse(&target, &shown, &protected, &[]) {
        return io.fail(&[problem]);
    }
    let written = write_atomically(&target, report::baseline_json(&recorded).as_bytes());
    if let Err(err) = written {
        return io.fail(&[cannot_write(&shown, &err)]);
    }
    io.report(&format!(
        "concord: {} findings recorded in {shown}\n",
        recorded.findings.len()
    ));
    EXIT_OK
}

pub(crate) fn quotes(args: &QuotesArgs, config_path: Option<&Path>, io: &mut Io) -> u8 {
    let Ok(config) = io.config(config_path) else {
        return EXIT_BAD_INPUT;
    };
    let inputs = io.inputs(&args.inputs);
    let progress = crate::progress::bar(false);
    let (corpus, warnings) =
        match pipeline::load_and_analyze(&config, &inputs, &io.paths, &progress) {
            Ok(loaded) => loaded,
            Err(problems) => return io.fail(&problems),
        };
    io.warn(&warnings);
    let listing = listing(
        &corpus.docs,
        &corpus.analyses,
        &corpus.rules,
        &config.quotes,
    );
    match args.format {
        ListFormat::Json => io.report_data(&report::quotes_json(&listing)),
        ListFormat::Human => io.report(&report::quotes_human(
            &listing,
            &pipeline::suspicious_marks(&corpus),
            io.out_style,
        )),
    }
    EXIT_OK
}

pub(crate) fn explain_rule(args: &ExplainArgs, config_path: Option<&Path>, io: &mut Io) -> u8 {
    let id = match (&args.rule, args.list) {
        (Some(id), false) => id.as_str(),
        // clap requires one of the two and refuses both.
        _ => {
            io.report(&report::code_list());
            return EXIT_OK;
        }
    };
    // A finding's code needs no documents, rules or configuration.
    if is_code(id) {
        return match finding_code(id) {
            Ok(kind) => {
                io.report(&report::code_explanation(kind));
                EXIT_OK
            }
            Err(problem) => io.fail(&[problem]),
        };
    }
    let (config, outcome) = match io.run(config_path, &args.inputs, &Suppress::default(), &()) {
        Ok(run) => run,
        Err(code) => return code,
    };
    let corpus = &outcome.corpus;
    let found = explain(
        id,
        &corpus.docs,
        &corpus.analyses,
        &corpus.rules,
        &outcome.findings,
        &config.quotes,
    );
    match found {
        Ok(explanation) => {
            io.report(&report::explanation(&explanation));
            EXIT_OK
        }
        Err(problem) => io.fail(&[problem]),
    }
}

pub(crate) fn test(args: &TestArgs, config_path: Option<&Path>, io: &mut Io) -> u8 {
    let Ok(config) = io.config(config_path) else {
        return EXIT_BAD_INPUT;
    };
    let rules: Vec<_> = args.rules.iter().map(|p| io.paths.resolve(p)).collect();
    let rules = match pipeline::load_rules_only(&config, &rules, &io.paths) {
        Ok(rules) => rules,
        Err(problems) => return io.fail(&problems),
    };
    let run = pipeline::run_examples(&rules, config.date_order);
    io.report(&report::examples(&run, io.out_style));
    if run.failures.is_empty() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    }
}

fn cannot_write(shown: &str, err: &std::io::Error) -> Problem {
    Problem::error("concord::io", format!("cannot write `{shown}`: {err}"))
        .help("check that the folder exists and is writable")
}
