//! What claims and facts share when they become findings: holder names,
//! evidence records with excerpts, and the tally in a finding's message.

use std::ops::Range;

use crate::analyze::{Analysis, resolve_surname};
use crate::finding::{Answer, Evidence, Kind, Span};
use crate::rules::{RuleSet, Speakers};
use crate::source::Document;

/// Longest excerpt shown for a piece of evidence, in characters.
const EXCERPT_WIDTH: usize = 160;

/// How people are named across sources: `[[speaker]]` aliases, and bare
/// surnames resolved to the one full name the sources use.
pub struct Names {
    full: Vec<String>,
    speakers: Speakers,
}

impl Names {
    pub fn new(analyses: &[Analysis], rules: &RuleSet) -> Self {
        let mut full: Vec<String> = analyses.iter().flat_map(|a| a.names.clone()).collect();
        full.sort();
        full.dedup();
        Names {
            full,
            speakers: rules.speaker_names(),
        }
    }

    /// The canonical name of a person named `name` somewhere.
    pub fn person(&self, name: &str) -> String {
        if let Some(canonical) = self.speakers.canonical(name) {
            return canonical.to_string();
        }
        let full = resolve_surname(name, &self.full);
        self.speakers.canonical(full).unwrap_or(full).to_string()
    }

    /// Who holds a piece of evidence: the attributed speaker, else the outlet.
    pub fn holder(&self, doc: &Document, speaker: Option<&str>) -> String {
        speaker.map_or_else(|| doc.outlet.clone(), |name| self.person(name))
    }
}

/// One piece of evidence: where it is, what it says, and who holds it.
pub(super) struct Found<'a> {
    pub(super) doc: &'a Document,
    pub(super) matched: Range<usize>,
    pub(super) sentence: Range<usize>,
    pub(super) answer: Answer,
    pub(super) holder: String,
}

/// Points `ev` at `span` of `doc`: byte offsets and line/column at both ends.
pub(super) fn locate(ev: &mut Evidence, doc: &Document, span: &Range<usize>) {
    ev.span = Span {
        start: span.start,
        end: span.end,
    };
    (ev.line, ev.column) = doc.line_col(span.start);
    (ev.end_line, ev.end_column) = doc.line_col(span.end);
}

/// Evidence in `doc` at `span`, every other field empty.
pub(super) fn evidence_at(doc: &Document, span: &Range<usize>, excerpt: Excerpt) -> Evidence {
    let mut ev = Evidence {
        file: doc.name().to_string(),
        source: doc.id.clone(),
        outlet: doc.outlet.clone(),
        url: doc.url.clone(),
        span: Span { start: 0, end: 0 },
        line: 0,
        column: 0,
        end_line: 0,
        end_column: 0,
        excerpt: excerpt.text,
        excerpt_match: excerpt.matched,
        published: doc.published,
        answer: Answer::Quotation,
        holder: None,
        speaker: None,
    };
    locate(&mut ev, doc, span);
    ev
}

impl Found<'_> {
    pub(super) fn into_evidence(self) -> Evidence {
        let excerpt = excerpt(self.doc.text(), &self.sentence, &self.matched);
        Evidence {
            answer: self.answer,
            holder: Some(self.holder),
            ..evidence_at(self.doc, &self.matched, excerpt)
        }
    }
}

/// "sources disagree: no (3 holders) vs yes (1)" from (answer, holders) pairs,
/// most-held first (ties keep their order).
pub(super) fn tally_message(kind: Kind, mut tally: Vec<(String, usize)>) -> String {
    tally.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    let parts: Vec<String> = tally
        .iter()
        .enumerate()
        .map(|(i, (answer, count))| match (i, count) {
            (0, 1) => format!("{answer} (1 holder)"),
            (0, n) => format!("{answer} ({n} holders)"),
            (_, n) => format!("{answer} ({n})"),
        })
        .collect();
    match kind {
        Kind::Agreement => format!("sources agree: {}", parts.join(", ")),
        _ => format!("sources disagree: {}", parts.join(" vs ")),
    }
}

/// An excerpt and where its matched words stand in it.
pub(super) struct Excerpt {
    pub(super) text: String,
    pub(super) matched: Option<Span>,
}

/// The sentence around a match, whitespace folded, cut to a window with `…`,
/// with the match's place in it.
pub(super) fn excerpt(text: &str, sentence: &Range<usize>, matched: &Range<usize>) -> Excerpt {
    let before: Vec<char> = text[sentence.start..matched.start].chars().collect();
    let after: Vec<char> = text[matched.end..sentence.end].chars().collect();
    let hit = &text[matched.clone()];
    let room = EXCERPT_WIDTH.saturating_sub(hit.chars().count()) / 2;
    let head: String = if before.len() > room {
        format!(
            "…{}",
            before[before.len() - room..].iter().collect::<String>()
        )
    } else {
        before.iter().collect()
    };
    let tail: String = if after.len() > room {
        format!("{}…", after[..room].iter().collect::<String>())
    } else {
        after.iter().collect()
    };
    fold_marked(&head, hit, &tail)
}

/// `head + hit + tail` with whitespace folded as [`crate::text::fold_whitespace`] folds
/// it, and the byte range the non-blank characters of `hit` take in it.
fn fold_marked(head: &str, hit: &str, tail: &str) -> Excerpt {
    let mut text = String::with_capacity(head.len() + hit.len() + tail.len());
    let mut matched: Option<Span> = None;
    let mut blank = false;
    for (part, c) in [(0, head), (1, hit), (2, tail)]
        .into_iter()
        .flat_map(|(part, s)| s.chars().map(move |c| (part, c)))
    {
        if c.is_whitespace() {
            blank = true;
            continue;
        }
        if blank && !text.is_empty() {
            text.push(' ');
        }
        blank = false;
        let start = text.len();
        text.push(c);
        if part == 1 {
            let span = matched.get_or_insert(Span { start, end: start });
            span.end = text.len();
        }
    }
    Excerpt { text, matched }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_match_is_found_in_the_folded_excerpt() {
        let text = "Officials  said\nthe  talks   ended  on Friday.";
        let at = text.find("talks").unwrap();
        let matched = at..at + "talks   ended".len();
        let excerpt = excerpt(text, &(0..text.len()), &matched);
        assert_eq!(excerpt.text, "Officials said the talks ended on Friday.");
        let span = excerpt.matched.unwrap();
        assert_eq!(&excerpt.text[span.start..span.end], "talks ended");
    }

    #[test]
    fn an_empty_match_marks_nothing() {
        let text = "“We will not,” she said.";
        assert_eq!(excerpt(text, &(0..text.len()), &(0..0)).matched, None);
    }
}
