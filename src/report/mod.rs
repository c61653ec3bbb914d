//! Renderers: findings (and diagnostics) to text. Renderers never re-analyze.

mod github;
mod human;
mod json;
mod matrix;
mod sarif;

pub use github::render_github;
pub use human::{finding_problem, summary_line};
pub use json::render_json;
pub use matrix::render_matrix;
pub use sarif::render_sarif;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

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
}
