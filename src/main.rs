//! The `concord` binary: parse arguments, pick colors and width, run, exit.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use concord::cli::{Cli, ColorChoice};
use concord::commands::{EXIT_BAD_INPUT, Io, Paths};
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
    };
    ExitCode::from(concord::run(&cli, &mut io))
}

fn style(choice: ColorChoice, terminal: bool) -> Style {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
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
