//! concord: a source-consistency checker. It reads a document set and a folder
//! of TOML rules and reports where the sources agree, conflict or misquote each
//! other, as diagnostics pointing at spans in every document involved.
//!
//! The modules follow the pipeline in DESIGN.md:
//! load ([`config`], [`source`], [`rules`]) → [`analyze`] (per source, in
//! parallel) → [`compare`] (across sources) → [`report`]. [`commands`] wires
//! them together for the CLI; library code never prints.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analyze;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod config;
pub mod diagnostic;
pub mod finding;
pub mod report;
pub mod rules;
pub mod source;
pub mod text;
pub(crate) mod toml_input;
pub mod value;
mod walk;

use cli::{Cli, Command};
use commands::Io;

/// Runs one invocation and returns its exit code (0, 1 or 2).
pub fn run(cli: &Cli, io: &mut Io) -> u8 {
    let config = cli.config.as_deref();
    match &cli.command {
        Command::Check(args) => commands::check(args, config, io),
        Command::Test(args) => commands::test(args, config, io),
        Command::Quotes(args) => commands::quotes(args, config, io),
        Command::Explain(args) => commands::explain(args, config, io),
        Command::Baseline(args) => commands::baseline(args, config, io),
    }
}
