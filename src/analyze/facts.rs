//! Fact matching in one source: each sentence's captured values, normalized
//! by the rule's type and attributed like claim evidence.

use std::ops::Range;

use super::claims::{NearMiss, SentenceView, SkippedMatch};
use super::negation;
use super::speakers::Holders;
use crate::rules::{Candidates, Fact, VALUE_GROUP};
use crate::source::Document;
use crate::value::DateOrder;
use crate::value::{Value, ValueContext, ValueError, normalize};

/// A sentence that gives a value for a fact.
#[derive(Debug, Clone, PartialEq)]
pub struct FactEvidence {
    /// Index of the fact in the slice given to [`match_facts`].
    pub fact: usize,
    /// The whole match, and the captured value inside it.
    pub matched: Range<usize>,
    pub value_span: Range<usize>,
    pub value: Value,
    pub sentence: Range<usize>,
    pub holder: Option<String>,
    /// The reporting cue the holder comes from ("said"), when there is one.
    pub cue: Option<Range<usize>>,
}

/// Something the author of a source or rule should fix, found while analyzing.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The diagnostic's code, e.g. `concord::source::needs_date`.
    pub code: &'static str,
    pub span: Range<usize>,
    pub message: String,
    /// What the label under the span says.
    pub label: String,
    pub help: String,
}

#[derive(Debug, Default)]
pub(super) struct FactMatches {
    pub(super) evidence: Vec<FactEvidence>,
    pub(super) skipped: Vec<SkippedMatch>,
    pub(super) notes: Vec<Note>,
    pub(super) near: Vec<NearMiss>,
}

/// The words before a value where a qualifier ("more than") or a tense
/// ("will meet on") stands, bounded so one enormous sentence stays linear.
fn lookback(text: &str, floor: usize, at: usize) -> &str {
    let mut from = at.saturating_sub(120).max(floor);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..at]
}

/// The words after a value, up to the sentence's end, where a tense may
/// stand ("on Friday, the court ruled"); bounded like [`lookback`].
fn lookahead(text: &str, at: usize, ceiling: usize) -> &str {
    let mut to = (at + 60).min(ceiling);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    &text[at..to]
}

pub(super) fn match_facts(
    doc: &Document,
    sentences: &[Range<usize>],
    views: &[SentenceView],
    holders: &Holders,
    facts: &[Fact],
    date_order: DateOrder,
) -> FactMatches {
    let text = doc.text();
    let mut out = FactMatches::default();
    for (fact_index, index) in super::claims::visits(views, facts.len(), Candidates::facts) {
        let (fact, sentence) = (&facts[fact_index], &sentences[index]);
        if !fact.applies_on(doc.published) {
            continue;
        }
        let (visible, candidates) = (&views[index].visible, &views[index].candidates);
        let context =
            |p: &crate::rules::Pattern| candidates.may_match(p) && p.is_match(&visible.text);
        if !fact.context.is_empty() && !fact.context.iter().any(context) {
            continue;
        }
        let before = (out.evidence.len(), out.skipped.len(), out.notes.len());
        let searched: Vec<&crate::rules::Pattern> = fact
            .patterns
            .iter()
            .filter(|p| candidates.may_match(p))
            .collect();
        let elsewhen = (!searched.is_empty())
            .then(|| super::time_scope::other_time(&views[index].years, doc.published, fact.during))
            .flatten();
        let mut seen = Vec::new();
        for pattern in searched {
            for (whole, value) in pattern.group_matches(&visible.text, VALUE_GROUP) {
                let offset = |r: Range<usize>| {
                    let r = visible.original(r);
                    sentence.start + r.start..sentence.start + r.end
                };
                // (The value as patterns saw it: invisible code points out.)
                let value_text = &visible.text[value.clone()];
                let (matched, value_span) = (offset(whole), offset(value));
                if seen.contains(&value_span) {
                    continue; // two patterns found the same value
                }
                seen.push(value_span.clone());
                let skip = |reason: String| SkippedMatch {
                    rule: fact_index,
                    stance: 0,
                    matched: matched.clone(),
                    reason,
                };
                if let Some(reason) = &elsewhen {
                    out.skipped.push(skip(reason.clone()));
                    continue;
                }
                if let Some(unless) = fact.unless.iter().find(|u| u.is_match(&visible.text)) {
                    out.skipped.push(skip(format!(
                        "the sentence matches `unless` pattern '{}'",
                        unless.source
                    )));
                    continue;
                }
                if let Some(guard) = negation::governing_cue(text, sentence, &matched) {
                    out.skipped.push(skip(format!(
                        "{} by \"{}\"",
                        guard.reason, &text[guard.cue]
                    )));
                    continue;
                }
                let cx = ValueContext {
                    before: lookback(text, sentence.start, value_span.start),
                    after: lookahead(text, value_span.end, sentence.end),
                    published: doc.published,
                    date_order,
                    synonyms: &fact.synonyms,
                };
                match normalize(fact.kind, value_text, &cx) {
                    Ok(value) => {
                        let (holder, cue) = holders.of(index, &matched);
                        out.evidence.push(FactEvidence {
                        fact: fact_index,
                        holder,
                        cue,
                        matched,
                        value_span,
                        value,
                        sentence: sentence.clone(),
                    });
                    }
                    Err(ValueError::WeekdayMismatch(why)) => out.notes.push(Note {
                        code: "concord::source::weekday_mismatch",
                        span: value_span.clone(),
                        message: format!(
                            "`{}` contradicts itself: {why}",
                            &text[value_span]
                        ),
                        label: "which day is meant?".into(),
                        help: "the source names a weekday and a date that disagree; the value is set aside until it is corrected".into(),
                    }),
                    Err(ValueError::NeedsPublished) => out.notes.push(Note {
                        code: "concord::source::needs_date",
                        label: "relative to what?".into(),
                        span: value_span.clone(),
                        message: format!(
                            "`{}` is relative, but {} has no publication date",
                            &text[value_span],
                            doc.name()
                        ),
                        help: "give the source a `published` date in sources.toml or its front matter".into(),
                    }),
                    Err(ValueError::Unreadable) => out.skipped.push(skip(format!(
                        "\"{}\" is not a {}",
                        &text[value_span],
                        fact.kind.as_str()
                    ))),
                }
            }
        }
        let unchanged = (out.evidence.len(), out.skipped.len(), out.notes.len());
        if !fact.context.is_empty() && before == unchanged {
            out.near.push(NearMiss {
                rule: fact_index,
                sentence: sentence.clone(),
            });
        }
    }
    out
}
