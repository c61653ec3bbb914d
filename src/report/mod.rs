//! Every output of every command: findings in each [`Format`], the quotation
//! listing, explanations, rule examples, baselines and diagnostics. Renderers
//! read what the pipeline produced and never re-analyze text.

mod baseline;
mod codes;
mod diff;
mod examples;
mod explain;
mod github;
mod html;
mod human;
mod json;
mod matrix;
mod quotes;
mod sarif;
mod terminal;

pub use baseline::baseline_json;
pub use codes::{code_explanation, code_list};
pub use examples::examples;
pub use explain::explanation;
pub use human::{finding_problem, summary_line};
pub use quotes::{quotes_human, quotes_json};
pub use terminal::safe;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

use crate::pipeline::Outcome;

/// How diagnostics are drawn on one output stream.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Style {
    /// Renders one diagnostic as miette's graphical report.
    pub fn render(&self, diagnostic: &dyn Diagnostic) -> String {
        let theme = if self.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(self.width)
            .with_links(false)
            .with_context_lines(1);
        let mut out = String::new();
        // Writing into a String cannot fail; a renderer bug must not hide output.
        if handler.render_report(&mut out, diagnostic).is_err() {
            out = format!("{diagnostic}\n");
        }
        out
    }

    /// Several diagnostics, one after another.
    pub fn render_all(&self, diagnostics: &[crate::diagnostic::Problem]) -> String {
        diagnostics.iter().map(|d| self.render(d)).collect()
    }
}

/// The formats `check` writes its findings in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Annotated diagnostics for people, then the matrix and a count.
    Human,
    /// Versioned JSON (`"version": 1`).
    Json,
    /// SARIF 2.1.0 for code-scanning viewers.
    Sarif,
    /// GitHub Actions workflow commands.
    Github,
    /// One self-contained HTML page: the matrix and a card per finding,
    /// carrying the JSON report.
    Html,
}

/// What a findings report shows besides the findings.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub show_agree: bool,
    /// No matrix and no summary line (human format).
    pub quiet: bool,
    pub style: Style,
}

/// The findings of `outcome` in `format`: the one dispatch from a format to
/// its renderer.
pub fn render(format: Format, outcome: &Outcome, options: &Options) -> String {
    let corpus = &outcome.corpus;
    match format {
        // The report for people passes the terminal gate here, once.
        Format::Human => safe(&human::report(outcome, options)),
        Format::Json => json_report(outcome),
        Format::Sarif => sarif::render_sarif(&outcome.findings, &corpus.rules),
        Format::Github => github::render_github(&outcome.findings),
        Format::Html => html::render_html(outcome, &json_report(outcome)),
    }
}

/// The version-1 JSON report: `--format json`, and what the HTML page carries.
fn json_report(outcome: &Outcome) -> String {
    json::render_json(
        &outcome.findings,
        outcome.corpus.docs.len(),
        outcome.corpus.rules.count(),
        outcome.accepted,
    )
}
