//! The progress bar: drawn on stderr while documents are analyzed, on a
//! terminal only (indicatif draws nothing elsewhere), never with --quiet.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How the bar reads: documents done, their rate and the time left.
const TEMPLATE: &str = "analyzing {pos}/{len} documents [{bar:30}] {rate} · {eta} left";

/// A progress bar for the pipeline, hidden when `quiet`.
pub(crate) fn bar(quiet: bool) -> Bar {
    if quiet {
        return Bar(ProgressBar::hidden());
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    // (The template is fixed text: it parses, but a bar must never fail a run.)
    if let Ok(style) = ProgressStyle::with_template(TEMPLATE) {
        let rate = |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.0}/s", state.per_sec());
        };
        bar.set_style(style.progress_chars("=> ").with_key("rate", rate));
    }
    Bar(bar)
}

pub(crate) struct Bar(ProgressBar);

impl concord::pipeline::Progress for Bar {
    fn start(&self, documents: usize) {
        // (The clock starts with the documents, not with reading the rules.)
        self.0.reset();
        self.0.set_length(documents as u64);
    }

    fn advance(&self) {
        self.0.inc(1);
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}
