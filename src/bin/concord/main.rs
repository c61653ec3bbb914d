//! The `concord` binary: parse arguments, pick colors and width, run, exit.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

mod cli;
mod commands;
mod generate;
mod init;
mod progress;

use clap::Parser;
use cli::{Cli, ColorChoice, Command};
use commands::{EXIT_BAD_INPUT, Io};
use concord::config::Paths;
use concord::report::Style;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Ok(cwd) = std::env::current_dir() else {
        let _ = writeln!(
            std::io::stderr(),
            "concord: cannot read the current directory"
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    };
    let (mut stdout, mut stderr) = (std::io::stdout(), std::io::stderr());
    // Unlocked handles: the progress bar draws on stderr from its own thread,
    // and a lock held here for the whole run would deadlock it on a terminal.
    let mut io = Io {
        out_style: style(cli.color, stdout.is_terminal()),
        err_style: style(cli.color, stderr.is_terminal()),
        out: &mut stdout,
        err: &mut stderr,
        paths: Paths { cwd },
        write_error: None,
        step_summary: std::env::var_os("GITHUB_STEP_SUMMARY")
            .filter(|p| !p.is_empty())
            .map(Into::into),
    };
    let code = run(&cli, &mut io);
    // A report that could not be written whole (a full disk, `> /dev/full`)
    // is unusable output: say so, and exit 2.
    if let Some(err) = io.write_error.take() {
        let _ = writeln!(
            std::io::stderr(),
            "concord: cannot write the report to standard output: {err}"
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    ExitCode::from(code)
}

/// Runs one invocation and returns its exit code (0, 1 or 2).
fn run(cli: &Cli, io: &mut Io) -> u8 {
    let config = cli.config.as_deref();
    match &cli.command {
        Command::Check(args) => commands::check(args, config, io),
        Command::Test(args) => commands::test(args, config, io),
        Command::Quotes(args) => commands::quotes(args, config, io),
        Command::Explain(args) => commands::explain_rule(args, config, io),
        Command::Baseline(args) => commands::baseline(args, config, io),
        Command::Init(args) => init::init(args, io),
        Command::Completions(args) => generate::completions(args, io),
        Command::Man(args) => generate::man(args, io),
    }
}

/// Colors and width for one stream. Under `auto`, colors need a terminal
/// that is not `TERM=dumb`, and no `NO_COLOR`.
fn style(choice: ColorChoice, terminal: bool) -> Style {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
        || std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && !no_color,
    };
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
        .unwrap_or(100);
    Style { color, width }
}
