//! The command line, as clap derives it: doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Reports where news sources agree, conflict or misquote each other.
#[derive(Debug, Parser)]
#[command(name = "concord", version, about, max_term_width = 100)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,

    /// When to use colors (NO_COLOR is honoured by `auto`)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub(crate) color: ColorChoice,

    /// Use this config file instead of the nearest concord.toml
    #[arg(long, value_name = "FILE", global = true)]
    pub(crate) config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check the documents against the rules and report findings
    Check(CheckArgs),
    /// Run the examples embedded in rules
    Test(TestArgs),
    /// List every quotation with its speaker, grouped by utterance across sources
    Quotes(QuotesArgs),
    /// Print a rule, its question, and what it matched (and set aside) in the documents
    Explain(ExplainArgs),
    /// Write the current findings to a baseline file, for `check --baseline`
    Baseline(BaselineArgs),
    /// Set up a project: concord.toml, an example rule file and a sources/ folder
    Init(InitArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write a page per command into a folder
    Man(ManArgs),
}

/// Which rules' findings a command reports: globs over rule ids.
#[derive(Debug, Args)]
pub(crate) struct Selecting {
    /// Report only rules whose id matches GLOB (`call-*`, `quote-*`),
    /// repeatable; replaces `select` in concord.toml
    #[arg(long = "select", value_name = "GLOB")]
    pub(crate) select: Vec<String>,

    /// Leave out rules whose id matches GLOB, repeatable; added to `ignore`
    /// in concord.toml (and wins over --select)
    #[arg(long = "ignore", value_name = "GLOB")]
    pub(crate) ignore: Vec<String>,
}

#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// The folder to set up (created when missing)
    #[arg(value_name = "DIR", default_value = ".")]
    pub(crate) dir: PathBuf,

    /// Replace concord.toml and rules/example.toml if they exist
    #[arg(long)]
    pub(crate) force: bool,
}

#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell to complete concord's commands and flags in
    #[arg(value_enum, value_name = "SHELL")]
    pub(crate) shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    /// Write concord.1 and one page per command (concord-check.1, …) into
    /// DIR, instead of printing concord.1
    #[arg(long, value_name = "DIR")]
    pub(crate) dir: Option<PathBuf>,
}

/// What a command reads: documents and rules, each defaulting to concord.toml.
#[derive(Debug, Args)]
pub(crate) struct Inputs {
    /// Document folders or files (default: `sources` in concord.toml)
    #[arg(value_name = "PATHS")]
    pub(crate) paths: Vec<PathBuf>,

    /// Rule folders or files, repeatable (default: `rules` in concord.toml)
    #[arg(long = "rules", value_name = "PATH")]
    pub(crate) rules: Vec<PathBuf>,

    /// Leave out documents whose path (below a document folder) matches
    /// GLOB, repeatable; added to `exclude` in concord.toml
    #[arg(long = "exclude", value_name = "GLOB")]
    pub(crate) exclude: Vec<String>,
}

#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// A rule's id, the `quote-…` id of a quotation no rule pins, or a
    /// finding's code (`concord::conflict`; needs no documents)
    #[arg(value_name = "ID", required_unless_present = "list")]
    pub(crate) rule: Option<String>,

    /// List the codes a finding can carry, with what each means
    #[arg(long, conflicts_with = "rule")]
    pub(crate) list: bool,

    #[command(flatten)]
    pub(crate) inputs: Inputs,
}

#[derive(Debug, Args)]
pub(crate) struct BaselineArgs {
    #[command(flatten)]
    pub(crate) inputs: Inputs,

    #[command(flatten)]
    pub(crate) selecting: Selecting,

    /// Where to write the baseline (default: `baseline` in concord.toml, else concord-baseline.json)
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct QuotesArgs {
    #[command(flatten)]
    pub(crate) inputs: Inputs,

    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub(crate) format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListFormat {
    /// A listing for people
    Human,
    /// Versioned JSON (`"version": 1`)
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) inputs: Inputs,

    #[command(flatten)]
    pub(crate) selecting: Selecting,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,

    /// Lowest severity that makes concord exit 1 (default: `fail_on` in concord.toml, else warning)
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub(crate) fail_on: Option<FailOn>,

    /// Also show these kinds of finding (comma-separated)
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    pub(crate) show: Vec<Show>,

    /// Also write the report in FORMAT to PATH, e.g. sarif=report.sarif (repeatable)
    #[arg(long, value_name = "FORMAT=PATH", value_parser = parse_output)]
    pub(crate) output: Vec<(Format, PathBuf)>,

    /// Report only findings that are not in this baseline file (see `concord
    /// baseline`; default: `baseline` in concord.toml)
    #[arg(long, value_name = "FILE", conflicts_with = "no_baseline")]
    pub(crate) baseline: Option<PathBuf>,

    /// Report every finding, ignoring the `baseline` in concord.toml
    #[arg(long)]
    pub(crate) no_baseline: bool,

    /// No progress bar, and no matrix or summary line in the human report
    #[arg(long, short)]
    pub(crate) quiet: bool,

    /// Pieces of evidence shown per finding in the human report, every
    /// answer represented (0: all)
    #[arg(long, value_name = "N", default_value_t = concord::report::DEFAULT_MAX_EVIDENCE)]
    pub(crate) max_evidence: usize,

    /// The matrix in the human report: fitted to the width, every cell in
    /// full, or none
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = Matrix::Auto)]
    pub(crate) matrix: Matrix,

    /// After the human report, counts of findings per rule and of evidence
    /// per outlet
    #[arg(long)]
    pub(crate) statistics: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Matrix {
    /// Fitted to the terminal: outlets numbered or as rows when many
    Auto,
    /// Every finding and outlet, cells in full, whatever the width
    Full,
    /// No matrix
    Off,
}

impl From<Matrix> for concord::report::Matrix {
    fn from(matrix: Matrix) -> Self {
        match matrix {
            Matrix::Auto => concord::report::Matrix::Auto,
            Matrix::Full => concord::report::Matrix::Full,
            Matrix::Off => concord::report::Matrix::Off,
        }
    }
}

fn parse_output(text: &str) -> Result<(Format, PathBuf), String> {
    let (format, path) = text
        .split_once('=')
        .ok_or_else(|| format!("expected FORMAT=PATH, e.g. sarif=report.sarif, not `{text}`"))?;
    let format = Format::from_str(format, true).map_err(|_| {
        format!("unknown format `{format}`: one of human, json, sarif, github, html")
    })?;
    if path.is_empty() {
        return Err("the PATH after `=` is empty".into());
    }
    Ok((format, PathBuf::from(path)))
}

#[derive(Debug, Args)]
pub(crate) struct TestArgs {
    /// Rule folders or files (default: `rules` in concord.toml)
    #[arg(value_name = "RULES")]
    pub(crate) rules: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Annotated diagnostics for people
    Human,
    /// Versioned JSON (`"version": 1`)
    Json,
    /// SARIF 2.1.0 for code-scanning viewers
    Sarif,
    /// GitHub Actions workflow commands (annotations on a pull request)
    Github,
    /// One self-contained HTML page: matrix, a card per finding, filters
    Html,
}

impl From<Format> for concord::report::Format {
    fn from(format: Format) -> Self {
        match format {
            Format::Human => concord::report::Format::Human,
            Format::Json => concord::report::Format::Json,
            Format::Sarif => concord::report::Format::Sarif,
            Format::Github => concord::report::Format::Github,
            Format::Html => concord::report::Format::Html,
        }
    }
}

/// The lowest severity that makes `check` exit 1, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl From<FailOn> for concord::config::FailOn {
    fn from(level: FailOn) -> Self {
        match level {
            FailOn::Error => concord::config::FailOn::Error,
            FailOn::Warning => concord::config::FailOn::Warning,
            FailOn::Info => concord::config::FailOn::Info,
            FailOn::Never => concord::config::FailOn::Never,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Show {
    /// Claims on which every holder takes the same stance
    Agree,
    /// Quotation marks that could not be paired
    Suspicious,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
