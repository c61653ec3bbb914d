//! Direct quotations in one source, and who said them.
//!
//! Double quotation marks of every common style open and close a quotation:
//! straight `"`, curly `“ ”`, German `„ “` and guillemets `« »`. Single marks
//! are never taken for quotation marks, so apostrophes (Trump’s, ’80s, rock ’n’
//! roll) and single quotes nested inside double ones are simply text.
//!
//! One utterance may be several quoted pieces: a quotation interrupted by its
//! attribution (`“No,” he said, “there are none.”`), or continued over
//! paragraphs (a paragraph ends inside the quotation and the next one opens
//! with a quotation mark again). Unpaired marks are recovered from within their
//! paragraph: a closing mark used to open, a mark never closed, a closing mark
//! with nothing open. Each is a [`Suspicious`] note, and the rest of the file
//! is read as usual.

use std::ops::Range;

use super::attribution::{Attribution, attributions, nearest};
use super::sentences::{runs, split};

/// One utterance: its quoted pieces (byte ranges of the text between the
/// marks) and its speaker, when an attribution names one.
#[derive(Debug, Clone, PartialEq)]
pub struct Quotation {
    pub pieces: Vec<Range<usize>>,
    /// From the first opening mark to the last closing mark.
    pub outer: Range<usize>,
    pub speaker: Option<String>,
}

impl Quotation {
    /// From the start of the first piece to the end of the last.
    pub fn span(&self) -> Range<usize> {
        self.pieces[0].start..self.pieces[self.pieces.len() - 1].end
    }

    /// The quoted words, pieces joined by a space.
    pub fn text(&self, source: &str) -> String {
        let pieces: Vec<&str> = self
            .pieces
            .iter()
            .map(|p| source[p.clone()].trim())
            .collect();
        pieces.join(" ")
    }
}

/// A quotation mark concord could not pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Suspicious {
    pub at: Range<usize>,
    pub message: &'static str,
}

#[derive(Debug, Default)]
pub struct Quotes {
    pub quotations: Vec<Quotation>,
    pub suspicious: Vec<Suspicious>,
}

/// A quoted piece as found in one paragraph.
#[derive(Debug, Clone)]
struct Piece {
    inner: Range<usize>,
    outer: Range<usize>,
    run: usize,
    /// The paragraph ended inside this piece and the next one reopens it.
    continues: bool,
}

const OPENING: &[char] = &['“', '„', '«', '"'];

/// Every quotation in `text[body]`, with speakers.
pub fn extract(text: &str, body: Range<usize>) -> Quotes {
    let runs = runs(text, body);
    let mut out = Quotes::default();
    let mut pieces = Vec::new();
    for (index, run) in runs.iter().enumerate() {
        let reopened = runs
            .get(index + 1)
            .is_some_and(|next| text[next.clone()].trim_start().starts_with(OPENING));
        scan_run(
            text,
            run.clone(),
            index,
            reopened,
            &mut pieces,
            &mut out.suspicious,
        );
    }
    let utterances = join_pieces(text, pieces);
    out.quotations = attribute(text, &runs, utterances);
    out
}

/// Finds the quoted pieces of one paragraph.
fn scan_run(
    text: &str,
    run: Range<usize>,
    index: usize,
    reopened: bool,
    pieces: &mut Vec<Piece>,
    suspicious: &mut Vec<Suspicious>,
) {
    let slice = &text[run.clone()];
    let mut open: Option<(usize, char)> = None;
    let mut note = |at: usize, c: char, message| {
        suspicious.push(Suspicious {
            at: at..at + c.len_utf8(),
            message,
        })
    };
    for (i, c) in slice.char_indices() {
        let at = run.start + i;
        match (c, open) {
            ('“', Some((start, '„')))
            | ('”' | '»', Some((start, _)))
            | ('"', Some((start, '"'))) => {
                push_piece(text, start, at, c, index, false, pieces);
                open = None;
            }
            ('"', Some(_)) => {} // straight marks inside curly ones: nested
            ('“' | '„' | '«', previous) => {
                if let Some((start, mark)) = previous {
                    note(start, mark, "this quotation mark is never closed");
                }
                open = Some((at, c));
            }
            // A straight mark opens only where an opening mark stands: after a
            // space or bracket and before a word, so 5" and 12" are inches.
            ('"', None) if opens_here(slice, i) => open = Some((at, c)),
            ('"', None) => {}
            ('”' | '»', None) => {
                let rest = &slice[i + c.len_utf8()..];
                let after_space = i == 0 || slice[..i].ends_with(char::is_whitespace);
                if after_space && rest.contains(c) {
                    note(at, c, "a closing quotation mark used to open a quotation");
                    open = Some((at, c));
                } else {
                    note(at, c, "a closing quotation mark with no opening mark");
                }
            }
            _ => {}
        }
    }
    if let Some((start, mark)) = open {
        if reopened {
            push_piece(text, start, run.end, '\0', index, true, pieces);
        } else {
            note(start, mark, "this quotation mark is never closed");
        }
    }
}

fn opens_here(slice: &str, i: usize) -> bool {
    let before = slice[..i].chars().next_back();
    let after = slice[i + 1..].chars().next();
    before.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '*' | '>' | ':')
    }) && after.is_some_and(|c| !c.is_whitespace())
}

fn push_piece(
    text: &str,
    open: usize,
    close: usize,
    mark: char,
    run: usize,
    continues: bool,
    pieces: &mut Vec<Piece>,
) {
    let opening_len = text[open..].chars().next().map_or(1, char::len_utf8);
    let inner = trim(text, open + opening_len..close);
    if inner.is_empty() {
        return;
    }
    let end = if continues {
        close
    } else {
        close + mark.len_utf8()
    };
    pieces.push(Piece {
        inner,
        outer: open..end,
        run,
        continues,
    });
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

/// Joins pieces into utterances: across paragraphs when a quotation goes on,
/// and around an attribution that interrupts it.
fn join_pieces(text: &str, pieces: Vec<Piece>) -> Vec<(Vec<Piece>, usize)> {
    let mut utterances: Vec<(Vec<Piece>, usize)> = Vec::new();
    for piece in pieces {
        if let Some((current, _)) = utterances.last_mut() {
            let last = &current[current.len() - 1];
            let goes_on = last.continues && piece.run == last.run + 1;
            if goes_on || interrupted(text, last, &piece) {
                current.push(piece);
                continue;
            }
        }
        let run = piece.run;
        utterances.push((vec![piece], run));
    }
    utterances
}

/// `“No,” he said, “there are none.”`: the first piece ends with a comma or
/// dash, and only a short attribution ending in a comma stands between (after
/// a colon a new quotation begins: `he said, adding: “…”`).
fn interrupted(text: &str, first: &Piece, second: &Piece) -> bool {
    if first.run != second.run || second.outer.start < first.outer.end {
        return false;
    }
    let gap = first.outer.end..second.outer.start;
    let open_ended = text[first.inner.clone()]
        .trim_end()
        .ends_with([',', '—', '–', '-']);
    let gap_text = text[gap.clone()].trim();
    open_ended && gap.len() <= 100 && gap_text.ends_with(',') && !attributions(text, gap).is_empty()
}

/// Gives each utterance its speaker: an attribution in the sentence around it
/// (never one inside quoted text), else in the sentence before it when that
/// ends with a colon or belonged to the same speaker; "he said" resolves to
/// the last person named in the paragraph or the one before.
fn attribute(
    text: &str,
    runs: &[Range<usize>],
    utterances: Vec<(Vec<Piece>, usize)>,
) -> Vec<Quotation> {
    let quoted: Vec<Range<usize>> = utterances
        .iter()
        .flat_map(|(p, _)| p.iter().map(|p| p.inner.clone()))
        .collect();
    let outside_quotes = |a: &Attribution| {
        !quoted
            .iter()
            .any(|q| q.start <= a.cue.start && a.cue.end <= q.end)
    };
    let mut last_named: Option<(usize, String)> = None;
    let mut quotations = Vec::new();
    let mut cache: Option<Paragraph> = None;
    for (pieces, run) in utterances {
        if cache.as_ref().is_none_or(|p| p.run != run) {
            let sentences = split(text, runs[run].clone());
            let attrs = sentences
                .iter()
                .map(|s| {
                    attributions(text, s.clone())
                        .into_iter()
                        .filter(|a| outside_quotes(a))
                        .collect()
                })
                .collect();
            cache = Some(Paragraph {
                run,
                sentences,
                attributions: attrs,
            });
        }
        let Paragraph {
            sentences,
            attributions: attrs,
            ..
        } = cache.as_ref().expect("filled above");
        let outer = pieces[0].outer.start..pieces[pieces.len() - 1].outer.end;
        // A paragraph of punctuation alone has no sentences, and no speakers.
        let first = sentences.iter().position(|s| s.end > outer.start);
        let last = sentences.iter().rposition(|s| s.start < outer.end);
        let around: Vec<Attribution> = match (first, last) {
            (Some(first), Some(last)) if first <= last => attrs[first..=last]
                .iter()
                .flatten()
                .filter(|a| same_clause(text, &outer, a))
                .cloned()
                .collect(),
            _ => Vec::new(),
        };
        let first = first.unwrap_or(0);
        let speaker = match nearest(&around, &outer) {
            Some(Attribution {
                speaker: Some(name),
                ..
            }) => Some(name.clone()),
            Some(a) if a.pronoun => last_named
                .as_ref()
                .filter(|(named_run, _)| *named_run + 1 >= run)
                .map(|(_, name)| name.clone()),
            Some(_) => None,
            None => previous_sentence_speaker(
                text,
                sentences,
                attrs,
                first,
                &quotations,
                &last_named,
                run,
            ),
        };
        if let Some(name) = &speaker {
            last_named = Some((run, name.clone()));
        }
        quotations.push(Quotation {
            pieces: pieces.iter().map(|p| p.inner.clone()).collect(),
            outer,
            speaker,
        });
    }
    quotations
}

/// An attribution after a quotation belongs to it only when it follows in the
/// same clause (`,” Peskov said`); after "and" or "but" it introduces the next
/// one (`“…,” and Peskov said that “…”`).
fn same_clause(text: &str, outer: &Range<usize>, attribution: &Attribution) -> bool {
    if attribution.cue.start < outer.end {
        return true;
    }
    let gap = &text[outer.end..attribution.cue.start];
    let words: Vec<String> = gap
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.len() <= 6
        && !words
            .iter()
            .any(|w| matches!(w.as_str(), "and" | "but" | "while" | "whereas" | "as"))
}

/// A paragraph's sentences and the attributions outside quoted text in each.
struct Paragraph {
    run: usize,
    sentences: Vec<Range<usize>>,
    attributions: Vec<Vec<Attribution>>,
}

/// With no attribution in its own sentence, a quotation takes the speaker of
/// the sentence before it in the same paragraph when that sentence ends with a
/// colon ("Peskov said:") or was itself a quotation by a named speaker.
fn previous_sentence_speaker(
    text: &str,
    sentences: &[Range<usize>],
    attrs: &[Vec<Attribution>],
    sentence: usize,
    earlier: &[Quotation],
    last_named: &Option<(usize, String)>,
    run: usize,
) -> Option<String> {
    let previous = sentence.checked_sub(1)?;
    let prev_range = &sentences[previous];
    if text[prev_range.clone()].trim_end().ends_with(':') {
        return attrs[previous].iter().rev().find_map(|a| a.speaker.clone());
    }
    let quoted_before = earlier.last().is_some_and(|q| {
        q.outer.start >= prev_range.start
            && q.outer.end <= prev_range.end + 1
            && q.speaker.is_some()
    });
    match last_named {
        Some((named_run, name)) if quoted_before && *named_run == run => Some(name.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        extract(text, 0..text.len())
            .quotations
            .iter()
            .map(|q| (q.text(text), q.speaker.clone()))
            .collect()
    }

    #[test]
    fn interrupted_quotation_is_one_utterance() {
        let got = quotes("“No,” Peskov said, “there are none.”");
        assert_eq!(
            got,
            [(
                "No, there are none.".to_string(),
                Some("Peskov".to_string())
            )]
        );
    }

    #[test]
    fn continued_over_paragraphs() {
        let text = "Rubio said: “We will not wait.\n\n“The time is coming,” he added.";
        let got = quotes(text);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "We will not wait. The time is coming,");
    }

    #[test]
    fn unpaired_marks_are_noted_and_the_rest_is_read() {
        let text = "He said “no. Later.\n\nShe said “yes.”";
        let found = extract(text, 0..text.len());
        assert_eq!(found.quotations.len(), 1);
        assert_eq!(found.suspicious.len(), 1);
    }
}
