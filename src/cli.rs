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
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Document folders or files (default: `sources` in concord.toml)
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    /// Rule folders or files, for `[[speaker]]` and `[[quote]]` rules
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Document folders or files (default: `sources` in concord.toml)
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    /// Rule folders or files (repeatable; default: `rules` in concord.toml)
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Lowest severity that makes concord exit 1 (default: `fail_on` in concord.toml, else warning)
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOn>,

    /// Also show these kinds of finding (comma-separated)
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    pub show: Vec<Show>,
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
