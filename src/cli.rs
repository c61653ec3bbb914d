//! The command line, as clap derives it: doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::FailOn;

/// Reports where news sources agree, conflict or misquote each other.
#[derive(Debug, Parser)]
#[command(name = "concord", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to use colors (NO_COLOR is honoured by `auto`)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Use this config file instead of the nearest concord.toml
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
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
}

/// What a command reads: documents and rules, each defaulting to concord.toml.
#[derive(Debug, Args)]
pub struct Inputs {
    /// Document folders or files (default: `sources` in concord.toml)
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    /// Rule folders or files, repeatable (default: `rules` in concord.toml)
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule's id
    #[arg(value_name = "RULE_ID")]
    pub rule: String,

    #[command(flatten)]
    pub inputs: Inputs,
}

#[derive(Debug, Args)]
pub struct BaselineArgs {
    #[command(flatten)]
    pub inputs: Inputs,

    /// Where to write the baseline
    #[arg(
        long,
        short,
        value_name = "FILE",
        default_value = "concord-baseline.json"
    )]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub inputs: Inputs,

    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A listing for people
    Human,
    /// Versioned JSON (`"version": 1`)
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub inputs: Inputs,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Lowest severity that makes concord exit 1 (default: `fail_on` in concord.toml, else warning)
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOn>,

    /// Also show these kinds of finding (comma-separated)
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    pub show: Vec<Show>,

    /// Also write the report in FORMAT to PATH, e.g. sarif=report.sarif (repeatable)
    #[arg(long, value_name = "FORMAT=PATH", value_parser = parse_output)]
    pub output: Vec<(Format, PathBuf)>,

    /// Report only findings that are not in this baseline file (see `concord baseline`)
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// No progress bar, and no summary line in the human report
    #[arg(long, short)]
    pub quiet: bool,
}

fn parse_output(text: &str) -> Result<(Format, PathBuf), String> {
    let (format, path) = text
        .split_once('=')
        .ok_or_else(|| format!("expected FORMAT=PATH, e.g. sarif=report.sarif, not `{text}`"))?;
    let format = Format::from_str(format, true)
        .map_err(|_| format!("unknown format `{format}`: one of human, json, sarif, github"))?;
    if path.is_empty() {
        return Err("the PATH after `=` is empty".into());
    }
    Ok((format, PathBuf::from(path)))
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Rule folders or files (default: `rules` in concord.toml)
    #[arg(value_name = "RULES")]
    pub rules: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Annotated diagnostics for people
    Human,
    /// Versioned JSON (`"version": 1`)
    Json,
    /// SARIF 2.1.0 for code-scanning viewers
    Sarif,
    /// GitHub Actions workflow commands (annotations on a pull request)
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Show {
    /// Claims on which every holder takes the same stance
    Agree,
    /// Quotation marks that could not be paired
    Suspicious,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
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
