//! Sentence splitting for real news text, page furniture included.
//!
//! Lines are joined into runs first: a blank line always ends a run, and a
//! single line break ends one unless the text plainly carries on: the next line
//! starts in lower case, the line ends with `,` `;` `:` or a function word, or
//! it is a long line (hard-wrapped prose) that stops mid-sentence on a letter or
//! digit before a line of about the same width. Headlines, bylines, captions and menu items are short or end in
//! punctuation, so they stand alone while wrapped prose stays whole. Within a run, `.` `!` `?` end a sentence when followed by space
//! and a capital, digit or opening mark, except after abbreviations ("Mr.",
//! "Gen.", "Jan. 24"), initials ("J. D. Vance"), dotted acronyms ("U.S.") not
//! followed by a typical sentence opener, and inside a balanced quotation, so a
//! quoted passage and its attribution stay one sentence.

use crate::text::lexicon::WordSet;
use std::ops::Range;

use crate::text::lexicon::{CONNECTIVES, SENTENCE_OPENERS, is_month_abbreviation};

/// Byte ranges of the sentences in `text[body]`, trimmed, in order.
pub fn split(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    for run in runs(text, body) {
        split_run(text, run, &mut sentences);
    }
    sentences
}

/// Groups the lines of `body` into runs of text that may share sentences:
/// paragraphs, as far as plain text shows them.
pub(crate) fn runs(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut at = body.start;
    for line in text[body.clone()].split_inclusive('\n') {
        let start = at;
        at += line.len();
        let content = line.trim();
        if content.is_empty() {
            runs.extend(current.take());
            continue;
        }
        let line_range = start..start + line.trim_end().len();
        current = match current {
            Some(run) if continues(&text[run.clone()], content) => Some(run.start..line_range.end),
            Some(run) => {
                runs.push(run);
                Some(line_range)
            }
            None => Some(line_range),
        };
    }
    runs.extend(current);
    runs
}

/// A line at least this long that stops on a letter is taken as hard-wrapped.
const WRAPPED_LINE: usize = 50;

/// Does the line `next` carry on the sentence that `before` leaves open?
fn continues(before: &str, next: &str) -> bool {
    if next.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    let before = before.trim_end();
    if before.ends_with([',', ';', ':', '(']) {
        return true;
    }
    let last_line = before.rsplit('\n').next().unwrap_or(before).trim();
    let starts_block = next.starts_with(['-', '*', '#', '•', '>', '|']);
    let width = last_line.chars().count();
    // Wrapped lines share a width; a headline followed by a long paragraph
    // or caption does not.
    let next_width = next.lines().next().unwrap_or(next).chars().count();
    if width >= WRAPPED_LINE
        && next_width <= width + 20
        && last_line.ends_with(char::is_alphanumeric)
        && !last_line.starts_with(['#', '|'])
        && !starts_block
    {
        return true;
    }
    let last_word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    CONNECTIVES.contains(&last_word)
}

fn split_run(text: &str, run: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[run.clone()];
    let quotes = quote_regions(slice);
    let mut start = 0;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // A run of terminal marks ("?!", "...") is judged at its end.
        let mut end = i + 1;
        let mut dots = usize::from(c == '.');
        while let Some(&(j, d)) = chars.peek() {
            if !matches!(d, '.' | '!' | '?') {
                break;
            }
            dots += usize::from(d == '.');
            end = j + 1;
            chars.next();
        }
        if dots >= 2 {
            continue; // an ellipsis: the sentence goes on
        }
        if let Some(cut) = boundary(slice, i, end, &quotes) {
            push_trimmed(text, run.start + start..run.start + cut, out);
            start = cut;
        }
    }
    push_trimmed(text, run.start + start..run.end, out);
}

/// Where the sentence ends if the marks at `mark..end` end it.
fn boundary(slice: &str, mark: usize, end: usize, quotes: &[Range<usize>]) -> Option<usize> {
    let after = &slice[end..];
    let closers = after
        .char_indices()
        .find(|&(_, c)| !matches!(c, '"' | '”' | '’' | '\'' | '»' | ')' | ']' | '*' | '_'))
        .map_or(after.len(), |(i, _)| i);
    let cut = end + closers;
    // Regions are ordered and disjoint: only the last one opening before the
    // mark can contain it (a binary search keeps long texts linear).
    let opened_before = quotes.partition_point(|q| q.start < mark);
    if opened_before > 0 && cut < quotes[opened_before - 1].end {
        return None; // inside a quotation that goes on
    }
    let rest = &slice[cut..];
    let next_start = rest.len() - rest.trim_start().len();
    if next_start == 0 {
        return None; // "3.5", "U.S.-proposed": no space after the mark
    }
    let next = rest.trim_start();
    let first = next.chars().next()?;
    let opens = first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(
            first,
            '"' | '“' | '‘' | '\'' | '«' | '„' | '(' | '[' | '*' | '#' | '-' | '•' | '—'
        );
    if !opens {
        return None;
    }
    if slice.as_bytes()[mark] == b'.' && !period_ends_sentence(&slice[..mark], next) {
        return None;
    }
    Some(cut)
}

static ABBREVIATIONS: WordSet = WordSet::new(&[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "cpt",
    "maj", "adm", "cmdr", "rev", "hon", "pres", "amb", "st", "mt", "ft", "vs", "no", "nos", "inc",
    "corp", "ltd", "co", "jr", "sr", "approx", "dept", "est", "fig", "vol", "pp",
]);

/// Judges a period given the text before it and the text after the space.
fn period_ends_sentence(before: &str, next: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    let next_word: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
    let next_is_number = next.starts_with(|c: char| c.is_ascii_digit());
    if word.contains('.') {
        // "U.S.", "a.m.", "e.g.": an acronym ends a sentence only before a
        // word that typically opens one.
        return SENTENCE_OPENERS.contains(&next_word.to_lowercase().as_str());
    }
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false; // an initial
    }
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return lower == "no" && !next_is_number;
    }
    if is_month_abbreviation(&lower) && next_is_number {
        return false;
    }
    true
}

/// Byte ranges (within `slice`) of balanced double quotations, marks included.
/// A mark that is never closed opens nothing, so one stray mark cannot swallow
/// the sentences after it.
pub(crate) fn quote_regions(slice: &str) -> Vec<Range<usize>> {
    let mut regions = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in slice.char_indices() {
        let end = i + c.len_utf8();
        match (c, open) {
            ('"', Some((s, '"'))) | ('”' | '»', Some((s, _))) | ('“', Some((s, '„'))) => {
                regions.push(s..end);
                open = None;
            }
            ('"', Some((s, _))) => {
                regions.push(s..end);
                open = None;
            }
            ('"' | '“' | '„' | '«', _) => open = Some((i, c)),
            _ => {}
        }
    }
    regions
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    if text[start..end].chars().any(char::is_alphanumeric) {
        out.push(start..end);
    }
}
