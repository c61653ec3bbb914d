//! The progress bar: drawn on stderr while documents are analyzed, on a
//! terminal only (indicatif draws nothing elsewhere), never with --quiet.

use indicatif::{ProgressBar, ProgressDrawTarget};

/// A progress bar for the pipeline, hidden when `quiet`.
pub(crate) fn bar(quiet: bool) -> Bar {
    Bar(if quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
    })
}

pub(crate) struct Bar(ProgressBar);

impl concord::pipeline::Progress for Bar {
    fn start(&self, documents: usize) {
        self.0.set_length(documents as u64);
    }

    fn advance(&self) {
        self.0.inc(1);
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}
