//! Fitting a problem to the width it is drawn at. miette wraps a message and
//! its help, but never a source line or a label: a line wider than the
//! terminal wraps under the gutter and its underline points nowhere. So
//! before rendering, [`Problem::fit`] decides which part of each labelled
//! line is shown (a window around the label that leaves room for the label's
//! text), clips a label to what its window shows, wraps each label's text to
//! the columns left of it, and shortens a file name the snippet header cannot
//! hold.
//!
//! The sums follow miette's graphical layout: a source line is drawn as
//! ` 12 │ text` (the line number's digits and four columns), a label as
//! ` 12 · ` then spaces up to the middle of its underline, `╰── ` and the
//! text.

use std::ops::Range;

use miette::LabeledSpan;
use unicode_width::UnicodeWidthChar;

use super::{Problem, Snippet};

/// A label keeps at least this many columns for its text when the window
/// can be chosen (more only when the line leaves them).
const LABEL_COLUMNS: usize = 32;

/// The columns `╰── ` takes before a label's text.
const LABEL_LEAD: usize = 4;

/// A tab as miette draws it, at most.
const TAB: usize = 4;

impl Problem {
    /// This problem (and its related problems) laid out for `width` columns:
    /// every source line, label and snippet header fits. Messages and help
    /// are wrapped by miette itself.
    pub fn fit(&self, width: usize) -> Problem {
        let mut parts = (*self.0).clone();
        parts.related = parts.related.iter().map(|p| p.fit(width)).collect();
        if let Some(snippet) = &mut parts.source {
            if snippet.prose {
                fit_prose(snippet, &mut parts.labels, width);
            } else {
                let last = parts
                    .labels
                    .iter()
                    .map(|l| line_of(snippet, l.offset() + l.len()) + 2)
                    .max()
                    .unwrap_or(1);
                snippet.room = width.saturating_sub(gutter(last)).max(1);
            }
            shorten_name(snippet, &parts.labels, width);
        }
        Problem(Box::new(parts))
    }
}

/// Display columns of `text`, a tab counted as [`TAB`].
pub(super) fn columns(text: &str) -> usize {
    text.chars().map(char_columns).sum()
}

fn char_columns(c: char) -> usize {
    if c == '\t' {
        TAB
    } else {
        c.width().unwrap_or(0)
    }
}

/// Columns before a line's text: a space, the line number, ` │ `.
fn gutter(line_number: usize) -> usize {
    line_number.to_string().len() + 4
}

/// The 1-based number of the line holding byte `at`.
fn line_of(snippet: &Snippet, at: usize) -> usize {
    snippet.file.lines().line(at.min(snippet.file.text.len())) + 1
}

/// Up to `pad` columns before `start`, not before `floor`, begun at a word.
pub(super) fn window_start(text: &str, floor: usize, start: usize, pad: usize) -> usize {
    let mut from = start;
    let mut taken = 0;
    for (i, c) in text[floor..start].char_indices().rev() {
        taken += char_columns(c);
        if taken > pad {
            break;
        }
        from = floor + i;
    }
    if from > floor {
        if let Some(space) = text[from..start].find(' ') {
            from += space + 1;
        }
    }
    from
}

/// Up to `pad` columns after `end`, not past `ceiling`, ended at a word.
pub(super) fn window_end(text: &str, end: usize, ceiling: usize, pad: usize) -> usize {
    let mut to = end;
    let mut taken = 0;
    for (i, c) in text[end..ceiling].char_indices() {
        taken += char_columns(c);
        if taken > pad {
            break;
        }
        to = end + i + c.len_utf8();
    }
    if to < ceiling {
        if let Some(space) = text[end..to].rfind(' ') {
            to = end + space;
        }
    }
    to
}

/// One label of a prose snippet as fitting sees it: its span on one line.
struct Item {
    index: usize,
    span: Range<usize>,
    line: Range<usize>,
    /// The widest its text is, unwrapped.
    text_columns: usize,
}

/// Labels of a document snippet: each clipped to one line and to the room,
/// given a window, and its text wrapped to the columns the window leaves.
fn fit_prose(snippet: &mut Snippet, labels: &mut [LabeledSpan], width: usize) {
    let file = snippet.file.clone();
    let text = file.printable();
    let mut items: Vec<Item> = Vec::new();
    for (index, label) in labels.iter().enumerate() {
        let (start, end) = (label.offset(), label.offset() + label.len());
        if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue; // miette reports the label it cannot read
        }
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let mut line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        if text[..line_end].ends_with('\r') && line_end > start {
            line_end -= 1;
        }
        let text_columns = label.label().map_or(0, columns);
        items.push(Item {
            index,
            span: start..end.min(line_end).max(start),
            line: line_start..line_end,
            text_columns,
        });
    }
    items.sort_by_key(|item| (item.span.start, item.index));
    let mut windows: Vec<Range<usize>> = Vec::new();
    let mut on_line: Vec<Item> = Vec::new();
    for item in items {
        if on_line.first().is_some_and(|first| first.line != item.line) {
            let room = room_for(snippet, &on_line, width);
            windows.extend(fit_line(text, &mut on_line, room));
            wrap_labels(text, &on_line, &windows, room, labels);
            on_line.clear();
        }
        on_line.push(item);
    }
    if !on_line.is_empty() {
        let room = room_for(snippet, &on_line, width);
        windows.extend(fit_line(text, &mut on_line, room));
        wrap_labels(text, &on_line, &windows, room, labels);
    }
    snippet.labels = labels
        .iter()
        .map(|l| l.offset()..l.offset() + l.len())
        .collect();
    snippet.windows = windows;
}

fn room_for(snippet: &Snippet, items: &[Item], width: usize) -> usize {
    let line = line_of(snippet, items[0].line.start);
    width.saturating_sub(gutter(line)).max(1)
}

/// The windows of one line's labels, each label's span clipped to its
/// window. Labels that overlap share a window; the whole line is shown
/// when it fits and leaves every label its room.
fn fit_line(text: &str, items: &mut [Item], room: usize) -> Vec<Range<usize>> {
    let line = items[0].line.clone();
    // Clusters of overlapping spans, each clipped to the room.
    let mut clusters: Vec<(Range<usize>, Vec<usize>)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match clusters.last_mut() {
            Some((span, members)) if item.span.start < span.end => {
                span.end = span.end.max(item.span.end);
                members.push(i);
            }
            _ => clusters.push((item.span.clone(), vec![i])),
        }
    }
    for (span, members) in &mut clusters {
        // A span wider than the room is cut, short enough to leave its label
        // the columns it wants beside the middle of the underline.
        if columns(&text[span.clone()]) > room {
            let wanted = members.iter().map(|&i| want(&items[i])).max().unwrap_or(0);
            let limit = (2 * room.saturating_sub(LABEL_LEAD + wanted)).max(room / 2);
            span.end = clip(text, span.clone(), limit.min(room));
        }
        for &i in members.iter() {
            let item = &mut items[i];
            item.span.end = item.span.end.min(span.end);
            item.span.start = item.span.start.min(item.span.end);
        }
    }
    let fits = |window: &Range<usize>, members: &[usize]| {
        columns(&text[window.clone()]) <= room
            && members.iter().all(|&i| {
                let item = &items[i];
                window.start <= item.span.start
                    && item.span.end <= window.end
                    && vbar(text, window.start, &item.span) + LABEL_LEAD + want(item) <= room
            })
    };
    let whole = line.clone();
    if clusters.iter().all(|(_, members)| fits(&whole, members)) {
        return vec![whole];
    }
    let mut windows: Vec<Range<usize>> = Vec::new();
    for (c, (span, members)) in clusters.iter().enumerate() {
        if windows.last().is_some_and(|w| fits(w, members)) {
            continue;
        }
        let wanted = members.iter().map(|&i| want(&items[i])).max().unwrap_or(0);
        let span_columns = columns(&text[span.clone()]);
        let before = columns(&text[line.start..span.start]);
        let pad = (room.saturating_sub(span_columns) / 2)
            .min(room.saturating_sub(span_columns / 2 + LABEL_LEAD + wanted))
            .min(before);
        let mut from = window_start(text, line.start, span.start, pad);
        if let Some((other, _)) = clusters[..c]
            .iter()
            .find(|(o, _)| o.start < from && from < o.end)
        {
            from = other.end;
        }
        let left = room.saturating_sub(columns(&text[from..span.end]));
        let mut to = window_end(text, span.end, line.end, left);
        if let Some((other, _)) = clusters[c + 1..]
            .iter()
            .find(|(o, _)| o.start < to && to < o.end)
        {
            to = other.start;
        }
        windows.push(from..to);
    }
    windows
}

/// The end of `span` cut so that it takes at most `room` columns, at a word
/// when one ends there (at least one character).
fn clip(text: &str, span: Range<usize>, room: usize) -> usize {
    let mut end = span.start;
    let mut taken = 0;
    for (i, c) in text[span.clone()].char_indices() {
        taken += char_columns(c);
        if taken > room && end > span.start {
            break;
        }
        end = span.start + i + c.len_utf8();
    }
    match text[span.start..end].trim_end().rfind(' ') {
        Some(space) if end < span.end && space > 0 => span.start + space,
        _ => end,
    }
}

/// Columns a label's text asks for beside its underline.
fn want(item: &Item) -> usize {
    item.text_columns.min(LABEL_COLUMNS)
}

/// Where miette draws a label's `╰` in a window starting at byte `from`:
/// the middle of its underline.
fn vbar(text: &str, from: usize, span: &Range<usize>) -> usize {
    let start = columns(&text[from..span.start]);
    let end = (start + columns(&text[span.clone()])).max(start + 1);
    (start + end) / 2
}

/// Each label clipped to its item's span, its text wrapped to the columns
/// right of its `╰──`.
fn wrap_labels(
    text: &str,
    items: &[Item],
    windows: &[Range<usize>],
    room: usize,
    labels: &mut [LabeledSpan],
) {
    for item in items {
        let Some(window) = windows
            .iter()
            .find(|w| w.start <= item.span.start && item.span.end <= w.end)
        else {
            continue;
        };
        let label = &labels[item.index];
        let columns_left = room
            .saturating_sub(vbar(text, window.start, &item.span) + LABEL_LEAD)
            .max(1);
        let wrapped = label.label().map(|t| {
            let options = textwrap::Options::new(columns_left).break_words(true);
            textwrap::wrap(t, options).join("\n")
        });
        labels[item.index] =
            LabeledSpan::new(wrapped, item.span.start, item.span.end - item.span.start);
    }
}

/// The snippet header, `   ╭─[name:line:col]`, cut from the left of the
/// name (`…/folder/file.txt`) when it would not fit.
fn shorten_name(snippet: &mut Snippet, labels: &[LabeledSpan], width: usize) {
    let text = &snippet.file.text;
    let widest = labels
        .iter()
        .filter(|l| l.offset() <= text.len())
        .map(|l| {
            let line = line_of(snippet, l.offset());
            let line_start = text[..l.offset()].rfind('\n').map_or(0, |i| i + 1);
            let column = text
                .get(line_start..l.offset())
                .map_or(0, |t| t.chars().count() + 1);
            // `   ╭─[` and `]` around `name:line:col`, the line's gutter before.
            gutter(line + 2) + 2 + format!(":{line}:{column}").len()
        })
        .max()
        .unwrap_or(0);
    let budget = width.saturating_sub(widest).max(8);
    let name = &snippet.file.name;
    if columns(name) <= budget {
        snippet.name = name.clone();
        return;
    }
    let mut kept = 0;
    let mut from = name.len();
    for (i, c) in name.char_indices().rev() {
        kept += char_columns(c);
        if kept + 1 > budget {
            break;
        }
        from = i;
    }
    snippet.name = format!("…{}", &name[from..]).into();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;
    use miette::{GraphicalReportHandler, GraphicalTheme};

    fn render(problem: &Problem, width: usize) -> String {
        let mut out = String::new();
        GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
            .with_width(width)
            .with_context_lines(1)
            .render_report(&mut out, &problem.fit(width))
            .unwrap();
        out
    }

    fn widest(text: &str) -> usize {
        text.lines().map(columns).max().unwrap_or(0)
    }

    fn document(text: &str) -> SourceFile {
        SourceFile::new("folder/a-rather-long-document-name.txt", text.to_string())
    }

    #[test]
    fn a_long_line_and_its_label_fit_the_width() {
        let line = "word ".repeat(80);
        let text = format!("{line}the TARGET words {line}\n");
        let start = text.find("TARGET").unwrap();
        let problem = Problem::warning("t", "m")
            .in_document(&document(&text))
            .label(
                start..start + 6,
                "a label long enough to need two lines here",
            );
        for width in [40, 60, 80, 100, 160] {
            let out = render(&problem, width);
            assert!(widest(&out) <= width, "{width}:\n{out}");
            assert!(out.contains("TARGET"), "{out}");
            assert!(out.contains("here"), "{out}");
        }
    }

    #[test]
    fn a_label_at_the_end_of_a_short_line_gets_a_window() {
        let text = "Short opening words and then the label at the very END\n";
        let start = text.find("END").unwrap();
        let problem = Problem::warning("t", "m")
            .in_document(&document(text))
            .label(start..start + 3, "substantive — Dmitry Peskov");
        let out = render(&problem, 60);
        assert!(widest(&out) <= 60, "{out}");
        assert!(out.contains("Dmitry Peskov"), "{out}");
    }

    #[test]
    fn a_span_wider_than_the_room_is_clipped_to_it() {
        let quote = "“".to_string() + &"every word of a long quotation ".repeat(6) + "”";
        let text = format!("She said {quote} on Monday.\n");
        let start = text.find('“').unwrap();
        let problem = Problem::advice("t", "m")
            .in_document(&document(&text))
            .label(start..start + quote.len(), "minor");
        let out = render(&problem, 60);
        assert!(widest(&out) <= 60, "{out}");
        assert!(out.contains("╰── minor"), "{out}");
    }

    #[test]
    fn a_span_over_two_lines_is_shown_on_its_first() {
        let text = format!("{} starts here\nand ends here.\n", "x".repeat(70));
        let start = text.find("starts").unwrap();
        let end = text.find("ends").unwrap() + 4;
        let problem = Problem::warning("t", "m")
            .in_document(&document(&text))
            .label(start..end, "across");
        let out = render(&problem, 60);
        assert!(widest(&out) <= 60, "{out}");
        assert!(
            out.contains("starts") && !out.contains("ends here"),
            "{out}"
        );
    }

    #[test]
    fn two_labels_on_one_line_both_show_and_fit() {
        let text = format!("ALPHA {} OMEGA\n", "filler ".repeat(30));
        let a = text.find("ALPHA").unwrap();
        let o = text.find("OMEGA").unwrap();
        let problem = Problem::warning("t", "m")
            .in_document(&document(&text))
            .label(a..a + 5, "first label")
            .label(o..o + 5, "second label");
        let out = render(&problem, 60);
        assert!(widest(&out) <= 60, "{out}");
        assert!(
            out.contains("first label") && out.contains("second label"),
            "{out}"
        );
    }

    #[test]
    fn a_long_file_name_is_shortened_from_the_left() {
        let name = format!("{}/doc.txt", "deep/".repeat(20));
        let file = SourceFile::new(name, "one line\n".to_string());
        let problem = Problem::warning("t", "m")
            .in_document(&file)
            .label(0..3, "x");
        let out = render(&problem, 60);
        assert!(widest(&out) <= 60, "{out}");
        assert!(out.contains("…") && out.contains("doc.txt:1:1"), "{out}");
    }

    #[test]
    fn wide_characters_count_twice() {
        let text = format!("{}目標{}\n", "漢字".repeat(30), "文字".repeat(30));
        let start = text.find("目標").unwrap();
        let problem = Problem::warning("t", "m")
            .in_document(&document(&text))
            .label(start..start + "目標".len(), "label");
        let out = render(&problem, 60);
        assert!(widest(&out) <= 60, "{out}");
        assert!(out.contains("目標"), "{out}");
    }
}
