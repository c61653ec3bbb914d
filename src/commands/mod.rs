//! The subcommands: each loads what it needs, runs the pipeline, and writes its
//! report through [`Io`], returning the exit code.

mod check;
mod test;

pub use check::check;
pub use test::test;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::Problem;
use crate::report::Style;

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

    /// Writes report text; `false` when stdout is closed (e.g. piped to `head`).
    pub fn report(&mut self, text: &str) -> bool {
        self.out.write_all(text.as_bytes()).is_ok()
    }
}

impl Io<'_> {
    /// Loads the configuration, or prints why it cannot be used.
    pub fn config(&mut self, explicit: Option<&Path>) -> Result<crate::config::Config, u8> {
        let shown = |p: &Path| self.paths.shown(p);
        crate::config::load(explicit, &self.paths.cwd, &shown)
            .map_err(|problem| self.fail(&[problem]))
    }
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
