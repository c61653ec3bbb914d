//! `concord completions SHELL` and `concord man`: shell completion scripts
//! (clap_complete) and roff man pages (clap_mangen), generated from the clap
//! definition at run time, so they always match the binary that prints them.
//! (ripgrep prints both with `--generate`, ruff its completions with a
//! subcommand; concord has subcommands already, so these are two more.)

use clap::CommandFactory;
use concord::diagnostic::Problem;

use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::commands::{EXIT_OK, Io};

pub(crate) fn completions(args: &CompletionsArgs, io: &mut Io) -> u8 {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "concord", &mut script);
    // A script for a shell, not text for people: written as it is.
    io.report_data(&String::from_utf8_lossy(&script));
    EXIT_OK
}

pub(crate) fn man(args: &ManArgs, io: &mut Io) -> u8 {
    // No pages for clap's `help` pseudo-command.
    let command = Cli::command().disable_help_subcommand(true);
    let Some(dir) = &args.dir else {
        let mut page = Vec::new();
        // Rendering into memory cannot fail.
        let _ = clap_mangen::Man::new(command).render(&mut page);
        io.report_data(&String::from_utf8_lossy(&page));
        return EXIT_OK;
    };
    let target = io.paths.resolve(dir);
    let shown = io.paths.shown(dir);
    let pages: Vec<String> = std::iter::once("concord.1".to_string())
        .chain(
            command
                .get_subcommands()
                .filter(|c| !c.is_hide_set())
                .map(|c| format!("concord-{}.1", c.get_name())),
        )
        .collect();
    let written =
        std::fs::create_dir_all(&target).and_then(|()| clap_mangen::generate_to(command, &target));
    if let Err(err) = written {
        return io.fail(&[cannot_write(&shown, &err)]);
    }
    io.report(&format!(
        "concord: {} man pages written to {shown}: {}\n",
        pages.len(),
        pages.join(", ")
    ));
    EXIT_OK
}

fn cannot_write(shown: &str, err: &std::io::Error) -> Problem {
    Problem::error(
        "concord::io",
        format!("cannot write man pages to `{shown}`: {err}"),
    )
    .help("name a folder you can write to, e.g. `concord man --dir ~/.local/share/man/man1`")
}
