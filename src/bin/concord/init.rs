//! `concord init [DIR]`: a project for the first five minutes — concord.toml,
//! rules/example.toml (a claim and a fact, with examples `concord test`
//! runs) and a sources/ folder with a commented manifest — then what to do
//! next. Nothing is written over unless `--force`, and then only concord's
//! own two files: sources/ holds the user's documents and metadata, so it is
//! set up only when it does not exist yet.

use std::io::Write;
use std::path::Path;

use concord::diagnostic::Problem;
use concord::input::exists;

use crate::cli::InitArgs;
use crate::commands::{EXIT_OK, Io, write_atomically};

/// The files `init` writes, relative to DIR, and their text.
const CONFIG: (&str, &str) = ("concord.toml", include_str!("templates/concord.toml"));
const RULES: (&str, &str) = ("rules/example.toml", include_str!("templates/example.toml"));
const MANIFEST: (&str, &str) = (
    "sources/sources.toml",
    include_str!("templates/sources.toml"),
);

pub(crate) fn init(args: &InitArgs, io: &mut Io) -> u8 {
    let dir = io.paths.resolve(&args.dir);
    let sources_new = !exists(&dir.join("sources"));
    let mut files = vec![CONFIG, RULES];
    if sources_new {
        files.push(MANIFEST);
    }
    let shown = |relative: &str| io.paths.shown(&args.dir.join(relative));
    // Refuse before writing anything, so a refused init leaves no trace.
    let present: Vec<&str> = files
        .iter()
        .map(|(relative, _)| *relative)
        .filter(|relative| exists(&dir.join(relative)))
        .collect();
    if !args.force && !present.is_empty() {
        let problems: Vec<Problem> = present.iter().map(|r| refusal(&shown(r))).collect();
        return io.fail(&problems);
    }
    for (relative, text) in &files {
        let target = dir.join(relative);
        if let Err(err) = write(&target, text, args.force) {
            return io.fail(&[cannot_write(&shown(relative), &err)]);
        }
    }
    let cd = (args.dir != Path::new(".")).then(|| io.paths.shown(&args.dir));
    io.report(&next_steps(cd.as_deref(), &present, sources_new));
    EXIT_OK
}

/// Writes `text` to `path`, creating its folder: never over an existing
/// file (even one created since the check), or with `force` in place of it.
fn write(path: &Path, text: &str, force: bool) -> std::io::Result<()> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    if force {
        return write_atomically(path, text.as_bytes());
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}

fn refusal(shown: &str) -> Problem {
    Problem::error(
        "concord::init::exists",
        format!("`{shown}` exists already; concord init writes nothing over it"),
    )
    .help("keep it, or run `concord init --force` to replace concord's own files")
}

fn cannot_write(shown: &str, err: &std::io::Error) -> Problem {
    Problem::error("concord::io", format!("cannot write `{shown}`: {err}"))
        .help("check that the folder exists and is writable")
}

/// What was written, and what to do next.
fn next_steps(cd: Option<&str>, replaced: &[&str], sources_new: bool) -> String {
    let verb = |file: &str| {
        if replaced.contains(&file) {
            "Replaced"
        } else {
            "Wrote"
        }
    };
    let mut out = format!(
        "{} concord.toml: the configuration.\n\
         {} rules/example.toml: a claim and a fact, with examples.\n",
        verb(CONFIG.0),
        verb(RULES.0),
    );
    out.push_str(if sources_new {
        "Created sources/, with sources.toml for the documents' outlets and dates.\n"
    } else {
        "Kept sources/ as it is.\n"
    });
    out.push_str("\nNext steps:\n");
    let mut steps: Vec<String> = Vec::new();
    if let Some(dir) = cd {
        steps.push(format!("cd {dir}"));
    }
    steps.extend(
        [
            "Put the documents to compare in sources/ (.txt or .md, one per\n     \
             source), with each one's outlet and date in sources/sources.toml.",
            "Run `concord test`: it runs the examples in rules/example.toml.\n     \
             Then write rules for the claims and facts your documents report.",
            "Run `concord check` to see where the sources agree and conflict\n     \
             (it exits 1 when they conflict). `concord explain strike-over`\n     \
             shows what a rule matched; `concord explain --list` what findings mean.",
        ]
        .map(String::from),
    );
    for (n, step) in steps.iter().enumerate() {
        out.push_str(&format!("  {}. {step}\n", n + 1));
    }
    out
}
