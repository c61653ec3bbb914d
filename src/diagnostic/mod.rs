//! One diagnostic type for everything concord tells a user: input errors found
//! while loading, failed rule examples, and findings across documents.
//!
//! miette gives one source per diagnostic, so evidence in another document is a
//! `related` problem with its own [`Snippet`]. A `Snippet` windows long lines:
//! news paragraphs are often one 600-character line, and a label under a line
//! that the terminal wraps points nowhere. [`Problem::fit`] (in `fit.rs`)
//! sizes those windows, and wraps labels, for the width the report is drawn at.

mod fit;

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::text::LineIndex;
use crate::text::visible::hidden;

use miette::{
    Diagnostic, LabeledSpan, MietteError, MietteSpanContents, Severity, SourceCode, SourceSpan,
    SpanContents,
};

/// A complete diagnostic: a stable code, a one-line message, labelled spans in
/// one source, a help line, and related problems (other files).
#[derive(Debug, Clone)]
pub struct Problem(Box<Parts>);

/// Boxed so that `Result<T, Problem>` stays small on the happy path.
#[derive(Debug, Clone)]
struct Parts {
    code: String,
    severity: Severity,
    message: String,
    source: Option<Snippet>,
    labels: Vec<LabeledSpan>,
    help: Option<String>,
    related: Vec<Problem>,
}

impl Problem {
    /// An error with `code` (e.g. `concord::rule::bad_regex`) and a message.
    pub fn error(code: impl Into<String>, message: impl Into<String>) -> Self {
        Problem::new(Severity::Error, code, message)
    }

    /// The same problem as a warning: for what stops one file, not the run
    /// (a FIFO among documents is passed over).
    pub fn as_warning(mut self) -> Self {
        self.0.severity = Severity::Warning;
        self
    }

    /// A problem that does not stop the run.
    pub fn warning(code: impl Into<String>, message: impl Into<String>) -> Self {
        Problem::new(Severity::Warning, code, message)
    }

    /// Advice: something worth a look, never a failure.
    pub fn advice(code: impl Into<String>, message: impl Into<String>) -> Self {
        Problem::new(Severity::Advice, code, message)
    }

    pub fn new(severity: Severity, code: impl Into<String>, message: impl Into<String>) -> Self {
        Problem(Box::new(Parts {
            code: code.into(),
            severity,
            message: printable_same_length(&message.into()).into_owned(),
            source: None,
            labels: Vec::new(),
            help: None,
            related: Vec::new(),
        }))
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.0.severity = severity;
        self
    }

    /// Attaches the file the labels point into (a config or rule file: labels
    /// are shown with a line of context).
    pub fn in_file(mut self, file: &SourceFile) -> Self {
        self.0.source = Some(Snippet::new(file, false));
        self
    }

    /// Attaches a document: each label is shown alone on its line (or a window
    /// of it), without neighbouring paragraphs.
    pub fn in_document(mut self, file: &SourceFile) -> Self {
        self.0.source = Some(Snippet::new(file, true));
        self
    }

    /// Labels `span` (byte offsets into the attached file).
    pub fn label(mut self, span: Range<usize>, text: impl Into<String>) -> Self {
        let text = printable_same_length(&text.into()).into_owned();
        let text = (!text.is_empty()).then_some(text);
        if let Some(source) = &mut self.0.source {
            source.labels.push(span.clone());
        }
        self.0
            .labels
            .push(LabeledSpan::new(text, span.start, span.end - span.start));
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.0.help = Some(help.into());
        self
    }

    pub fn related(mut self, problem: Problem) -> Self {
        self.0.related.push(problem);
        self
    }

    /// The problem without its related problems, and those problems: for a
    /// renderer that draws one header and then each part below it.
    pub fn split_related(mut self) -> (Problem, Vec<Problem>) {
        let related = std::mem::take(&mut self.0.related);
        (self, related)
    }

    /// The same problem without a code: a part of another problem, whose
    /// header already shows it.
    pub fn without_code(mut self) -> Self {
        self.0.code.clear();
        self
    }

    /// The stable code, e.g. `concord::rule::bad_regex`.
    pub fn code(&self) -> &str {
        &self.0.code
    }

    pub fn severity(&self) -> Severity {
        self.0.severity
    }

    /// "error", "warning" or "advice".
    pub fn severity_word(&self) -> &'static str {
        match self.0.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Advice => "advice",
        }
    }

    /// The one-line message.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    pub fn help_text(&self) -> Option<&str> {
        self.0.help.as_deref()
    }

    /// Where the problem points, for formats that place it in a file (a
    /// GitHub annotation, a SARIF notification, JSON): the attached file and
    /// its first label.
    pub fn place(&self) -> Option<Place<'_>> {
        let source = self.0.source.as_ref()?;
        let file = &source.file;
        let region = self.0.labels.first().and_then(|label| {
            let (start, end) = (label.offset(), label.offset() + label.len());
            let text: &str = &file.text;
            if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                return None;
            }
            let (line, column) = file.lines().line_col(text, start);
            let (end_line, end_column) = file.lines().line_col(text, end);
            Some(Region {
                line,
                column,
                end_line,
                end_column,
            })
        });
        Some(Place {
            file: &file.name,
            region,
            label: self.0.labels.first().and_then(LabeledSpan::label),
        })
    }
}

/// A problem's file and, when it labels a span, where the span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place<'a> {
    pub file: &'a str,
    pub region: Option<Region>,
    /// What the first label says about its span ("unclosed group").
    pub label: Option<&'a str>,
}

impl Problem {
    /// The message with what its first label says: "… expression: unclosed group".
    pub fn message_with_label(&self) -> String {
        match self.place().and_then(|place| place.label) {
            Some(label) => format!("{}: {label}", self.0.message),
            None => self.0.message.clone(),
        }
    }
}

/// 1-based lines and columns (characters); the end column is just past the span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for Problem {}

impl Diagnostic for Problem {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        if self.0.code.is_empty() {
            return None;
        }
        Some(Box::new(&self.0.code))
    }

    fn severity(&self) -> Option<Severity> {
        Some(self.0.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.0
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.0.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.0.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.0.labels.iter().cloned()))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.0.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.0.related.iter().map(|p| p as &dyn Diagnostic),
        ))
    }
}

/// A file's name (as shown to the user) and its whole text, shared cheaply.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: Arc<str>,
    pub text: Arc<str>,
    /// `text` made safe to print, computed once per file when first shown.
    shown: Arc<OnceLock<Arc<str>>>,
    lines: Arc<OnceLock<LineIndex>>,
}

impl SourceFile {
    pub fn new(name: impl Into<Arc<str>>, text: impl Into<Arc<str>>) -> Self {
        SourceFile {
            name: name.into(),
            text: text.into(),
            shown: Arc::default(),
            lines: Arc::default(),
        }
    }

    /// Where each line of the text starts, computed once per file.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    /// The text with every character a terminal would act on replaced by a
    /// visible one of the same byte length, so spans still line up.
    fn printable(&self) -> &str {
        self.shown
            .get_or_init(|| match printable_same_length(&self.text) {
                Cow::Borrowed(_) => self.text.clone(),
                Cow::Owned(clean) => clean.into(),
            })
    }
}

/// Replaces control characters (C0 but tab and line ends, DEL, C1), bidi
/// controls and zero-width marks (every [`hidden`] character) with visible
/// characters of the same UTF-8 length: `?`, `·`, `�`. Documents are
/// third-party text; printing an ESC from one would let it drive the reader's
/// terminal, and a zero-width mark escaped only after rendering would push
/// the underline off its words.
pub fn printable_same_length(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| hidden(c) && c != '\r';
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match (unsafe_char(c), c.len_utf8()) {
                (false, _) => c,
                (true, 1) => '?',
                (true, 2) => '·',
                (true, _) => '\u{fffd}',
            })
            .collect(),
    )
}

/// The columns a shown line may take before it is windowed, when the width
/// is not known (a problem rendered without [`Problem::fit`]).
const MAX_LINE_WIDTH: usize = 100;

/// A [`SourceFile`] as miette reads it for one diagnostic. Short lines are shown
/// whole with their neighbours; a long line is cut to a window around the span.
#[derive(Debug, Clone)]
struct Snippet {
    file: SourceFile,
    /// The diagnostic's own label spans: a window is never refused for one.
    labels: Vec<Range<usize>>,
    /// Prose: no context lines, and labels on different lines never share a
    /// snippet (a paragraph between them would be shown unlabelled).
    prose: bool,
    /// Columns a shown line may take (the width less the gutter).
    room: usize,
    /// Prose fitted to a width: the part of a line each label is shown in,
    /// decided once by [`Problem::fit`] so labels can be wrapped to match.
    windows: Vec<Range<usize>>,
    /// The file's name as the snippet's header shows it (shortened to fit).
    name: Arc<str>,
}

impl Snippet {
    fn new(file: &SourceFile, prose: bool) -> Self {
        Snippet {
            file: file.clone(),
            labels: Vec::new(),
            prose,
            room: MAX_LINE_WIDTH,
            windows: Vec::new(),
            name: file.name.clone(),
        }
    }

    fn contents<'a>(
        &'a self,
        text: &'a str,
        shown: Range<usize>,
        column: usize,
        count: usize,
    ) -> Box<dyn SpanContents<'a> + 'a> {
        let line = self.file.lines().line(shown.start);
        Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            &text.as_bytes()[shown.clone()],
            shown.into(),
            line,
            column,
            count,
        ))
    }
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text: &str = self.file.printable();
        let start = span.offset();
        let end = start + span.len();
        if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(MietteError::OutOfBounds);
        }
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let lines = self.file.lines();
        if before == 0 && after == 0 {
            // miette locates a label (for the `[file:line:col]` header) this way.
            let column = text[line_start..start].chars().count();
            let count = lines.line(end) - lines.line(start) + 1;
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.to_string(),
                &text.as_bytes()[start..end],
                (start..end).into(),
                lines.line(line_start),
                column,
                count,
            )));
        }
        if !self.windows.is_empty() {
            // Fitted prose: the window that holds the span, or none (miette
            // then shows the labels it was merging one by one).
            let window = self
                .windows
                .iter()
                .find(|w| w.start <= start && end <= w.end)
                .ok_or(MietteError::OutOfBounds)?;
            let column = text[line_start..window.start].chars().count();
            return Ok(self.contents(text, window.clone(), column, 1));
        }
        let line_end = text[end..]
            .find('\n')
            .map_or(text.len(), |i| end + i)
            .max(end);
        // A CR before the line feed is not shown, unless the span itself ends
        // after it (fuzzing found a label that does).
        let line_end = if line_end > end && text[..line_end].ends_with('\r') {
            line_end - 1
        } else {
            line_end
        };
        let one_line = !text[start..end].contains('\n');
        let long = fit::columns(&text[line_start..line_end]) > self.room;
        let is_label = self.labels.contains(&(start..end));
        if self.prose && !one_line && !is_label {
            return Err(MietteError::OutOfBounds);
        }
        if !(one_line && long) {
            if self.prose {
                // Whole lines, exactly the ones the span touches.
                let count = lines.line(line_end) - lines.line(line_start) + 1;
                return Ok(self.contents(text, line_start..line_end, 0, count));
            }
            let contents = text.read_span(span, before, after)?;
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.to_string(),
                contents.data(),
                *contents.span(),
                contents.line(),
                contents.column(),
                contents.line_count(),
            )));
        }
        // miette asks for the union of nearby labels; two far-apart labels on
        // one long line read better as two windows.
        let width = fit::columns(&text[start..end]);
        if width > self.room && !is_label {
            return Err(MietteError::OutOfBounds);
        }
        let pad = self.room.saturating_sub(width) / 2;
        let from = fit::window_start(text, line_start, start, pad);
        let to = fit::window_end(text, end, line_end, pad);
        let column = text[line_start..from].chars().count();
        Ok(self.contents(text, from..to, column, 1))
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // label lists that happen to hold one span
mod tests {
    use super::*;

    #[test]
    fn long_line_is_windowed_at_word_boundaries() {
        let line = "word ".repeat(60);
        let text = format!("{line}TARGET {line}\n");
        let start = text.find("TARGET").unwrap();
        let snippet = Snippet {
            labels: vec![start..start + 6],
            ..Snippet::new(&SourceFile::new("t.txt", text.clone()), true)
        };
        let contents = snippet.read_span(&(start, 6).into(), 1, 1).unwrap();
        let shown = std::str::from_utf8(contents.data()).unwrap();
        assert!(shown.contains("TARGET"));
        assert!(shown.chars().count() <= MAX_LINE_WIDTH);
        assert!(shown.starts_with("word") && shown.ends_with("word"));
        assert_eq!(contents.line(), 0);
        assert_eq!(contents.column(), text[..contents.span().offset()].len());
    }

    #[test]
    fn control_characters_are_shown_safely_at_the_same_offsets() {
        let text = "a\u{1b}[31mb\u{0}c\u{85}d\u{202e}e\tf\n";
        let clean = printable_same_length(text);
        assert_eq!(clean.len(), text.len());
        assert_eq!(clean, "a?[31mb?c·d\u{fffd}e\tf\n");
        // A zero-width mark too, so an underline after it stays in place.
        assert_eq!(printable_same_length("re\u{200b}open"), "re\u{fffd}open");
        assert!(matches!(
            printable_same_length("plain “text”\n"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_label_ending_after_a_carriage_return_renders() {
        // Regression: found by `cargo fuzz run rules`; window_end sliced backwards.
        let text = format!("{}julS[c\r\nnext\n", " ".repeat(120));
        let end = text.find('\n').unwrap();
        let snippet = Snippet {
            labels: vec![end - 2..end],
            ..Snippet::new(&SourceFile::new("t.toml", text.clone()), false)
        };
        assert!(snippet.read_span(&(end - 2, 2).into(), 1, 1).is_ok());
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let text = "first\nsecond line\nthird\n";
        let snippet = Snippet {
            labels: vec![6..12],
            ..Snippet::new(&SourceFile::new("t.txt", text), true)
        };
        let contents = snippet.read_span(&(6, 6).into(), 1, 1).unwrap();
        assert_eq!(contents.data(), b"second line");
        let located = snippet.read_span(&(13, 4).into(), 0, 0).unwrap();
        assert_eq!((located.line(), located.column()), (1, 7));
    }

    #[test]
    fn far_apart_labels_on_one_long_line_are_not_merged() {
        let text = format!("A{}B\n", "x ".repeat(200));
        let snippet = Snippet {
            labels: vec![0..1, text.len() - 2..text.len() - 1],
            ..Snippet::new(&SourceFile::new("t.txt", text.clone()), true)
        };
        assert!(
            snippet
                .read_span(&(0, text.len() - 1).into(), 1, 1)
                .is_err()
        );
        assert!(snippet.read_span(&(0, 1).into(), 1, 1).is_ok());
    }
}
