//! Every output of every command: findings in each [`Format`], the quotation
//! listing, explanations, rule examples, baselines and diagnostics. Renderers
//! read what the pipeline produced and never re-analyze text.

mod baseline;
mod codes;
mod diff;
mod evidence;
mod examples;
mod explain;
mod github;
mod html;
mod human;
mod json;
mod matrix;
mod quotes;
mod sarif;
mod statistics;
mod terminal;
mod words;

pub use baseline::baseline_json;
pub use codes::{code_explanation, code_list};
pub use examples::examples;
pub use explain::explanation;
pub use github::{step_summary, step_summary_of_problems};
pub use human::{finding_problem, summary_line};
pub use quotes::{quotes_human, quotes_json};
pub use terminal::safe;

use miette::{GraphicalReportHandler, GraphicalTheme};

use crate::diagnostic::Problem;
use crate::pipeline::Outcome;

/// How diagnostics are drawn on one output stream.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Style {
    /// Renders one problem as miette's graphical report, fitted to the
    /// width: its code and message once, then each related problem (the
    /// evidence in another file) as a part below it, introduced by its own
    /// message and without a code of its own.
    pub fn render(&self, problem: &Problem) -> String {
        let (head, parts) = problem.fit(self.width).split_related();
        let mut out = self.draw(&head, false);
        for part in parts {
            out.push('\n');
            out.push_str(&self.render_part(part));
        }
        out
    }

    fn render_part(&self, part: Problem) -> String {
        let (head, parts) = part.without_code().split_related();
        let mut out = self.draw(&head, true);
        for part in parts {
            out.push('\n');
            out.push_str(&self.render_part(part));
        }
        out
    }

    /// miette's graphical report of one problem; a part is introduced by
    /// `▶` where a problem shows its severity.
    fn draw(&self, problem: &Problem, part: bool) -> String {
        let mut theme = if self.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        if part {
            for icon in [
                &mut theme.characters.error,
                &mut theme.characters.warning,
                &mut theme.characters.advice,
            ] {
                *icon = PART.to_string();
            }
        }
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(self.width)
            .with_links(false)
            .with_context_lines(1);
        let mut out = String::new();
        // Writing into a String cannot fail; a renderer bug must not hide output.
        if handler.render_report(&mut out, problem).is_err() {
            out = format!("{problem}\n");
        }
        out
    }

    /// Several problems, one after another.
    pub fn render_all(&self, problems: &[Problem]) -> String {
        problems.iter().map(|d| self.render(d)).collect()
    }
}

/// What introduces a part of a problem: the evidence in one source.
const PART: &str = "▶";

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
    /// Pieces of evidence shown per finding in the human report (`0`: all).
    pub max_evidence: usize,
    /// How the human report draws the matrix.
    pub matrix: Matrix,
    /// Counts per rule and per outlet after the human report.
    pub statistics: bool,
}

impl Options {
    /// The defaults of `concord check`: agreements and statistics not
    /// shown, 10 pieces of evidence per finding, the matrix fitted.
    pub fn new(style: Style) -> Self {
        Options {
            show_agree: false,
            quiet: false,
            style,
            max_evidence: DEFAULT_MAX_EVIDENCE,
            matrix: Matrix::Auto,
            statistics: false,
        }
    }
}

/// Pieces of evidence a finding shows in the human report unless
/// `--max-evidence` says otherwise.
pub const DEFAULT_MAX_EVIDENCE: usize = 10;

/// How the human report draws the matrix of findings by outlets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matrix {
    /// No matrix.
    Off,
    /// Fitted to the width: outlets numbered with a legend when their names
    /// do not fit, outlets as rows when the columns do not fit, and the
    /// most-cited outlets only (saying how many are left out) when neither does.
    Auto,
    /// Every finding and every outlet, cells in full, whatever the width.
    Full,
}

/// The findings of `outcome` in `format`: the one dispatch from a format to
/// its renderer.
pub fn render(format: Format, outcome: &Outcome, options: &Options) -> String {
    match format {
        // The report for people passes the terminal gate here, once.
        Format::Human => safe(&human::report(outcome, options)),
        Format::Json => json_report(outcome),
        Format::Sarif => sarif::render_sarif(outcome, options),
        Format::Github => github::render_github(outcome, options),
        Format::Html => html::render_html(outcome, &json_report(outcome)),
    }
}

/// A run whose input could not be used, in `format`: its `problems` (the
/// errors, and the warnings found before them), so that a machine reader
/// learns why there are no findings — a SARIF run with notifications, JSON
/// with `errors`, workflow commands at each place — and every `--output`
/// file is still written.
pub fn render_problems(format: Format, problems: &[Problem], style: Style) -> String {
    match format {
        Format::Human => safe(&style.render_all(problems)),
        Format::Json => json::render_json_problems(problems),
        Format::Sarif => sarif::render_sarif_problems(problems),
        Format::Github => github::problems(problems),
        Format::Html => html::render_html_problems(problems, &json::render_json_problems(problems)),
    }
}

/// One piece of evidence in a line, for formats that list places:
/// "no — Dmitry Peskov (Kyiv Independent)", "given to Ana Brook (Courier)".
/// The outlet is left out where it is the holder: "refused — Kyiv Independent".
fn evidence_note(e: &crate::finding::Evidence) -> String {
    let who = match e.holder.as_deref() {
        Some(holder) if holder != e.outlet => format!("{holder} ({})", e.outlet),
        _ => e.outlet.clone(),
    };
    match e.answer.label() {
        Some(answer) => format!("{answer} — {who}"),
        None => format!("given to {who}"),
    }
}

/// The version-1 JSON report: `--format json`, and what the HTML page carries.
fn json_report(outcome: &Outcome) -> String {
    json::render_json(
        &outcome.findings,
        outcome.corpus.docs.len(),
        outcome.corpus.rules.count(),
        outcome.accepted,
        outcome.baselined,
    )
}
