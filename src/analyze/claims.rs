//! Claim matching in one source: which sentences are evidence for which stance
//! of which `[[claim]]`, held by whom — and which matches were set aside.

use std::ops::Range;

use super::negation;
use super::speakers::Holders;
use crate::rules::{Candidates, Claim, RuleSet};
use crate::source::Document;
use crate::text::visible::Folded;

/// A sentence that takes a stance on a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimEvidence {
    /// Index of the claim in the slice given to [`match_claims`].
    pub claim: usize,
    /// Index of the stance in the claim.
    pub stance: usize,
    pub matched: Range<usize>,
    pub sentence: Range<usize>,
    /// The attributed speaker, or `None` when the source itself holds it.
    pub holder: Option<String>,
    /// The reporting cue the holder comes from ("said"), when there is one.
    pub cue: Option<Range<usize>>,
}

/// A pattern match that is not evidence, kept for `concord explain`.
#[derive(Debug, Clone, PartialEq)]
pub struct SkippedMatch {
    /// Index of the claim or fact (by the list it is kept in) that matched.
    pub rule: usize,
    pub stance: usize,
    pub matched: Range<usize>,
    pub reason: String,
}

/// A sentence that matches a rule's `context` but none of its patterns: what
/// `concord explain` shows as a near miss, so a user sees what the rule failed
/// to catch.
#[derive(Debug, Clone, PartialEq)]
pub struct NearMiss {
    /// Index of the claim or fact (by the list it is kept in).
    pub rule: usize,
    pub sentence: Range<usize>,
}

#[derive(Debug, Default)]
pub(super) struct ClaimMatches {
    pub evidence: Vec<ClaimEvidence>,
    pub skipped: Vec<SkippedMatch>,
    pub near: Vec<NearMiss>,
}

/// Matches every claim against every sentence of `doc`.
pub(super) fn match_claims(
    doc: &Document,
    sentences: &[Range<usize>],
    views: &[SentenceView],
    holders: &Holders,
    claims: &[Claim],
) -> ClaimMatches {
    let text = doc.text();
    let mut out = ClaimMatches::default();
    for (claim_index, index) in visits(views, claims.len(), Candidates::claims) {
        let (claim, sentence) = (&claims[claim_index], &sentences[index]);
        if !claim.applies_on(doc.published) {
            continue;
        }
        let (visible, candidates) = (&views[index].visible, &views[index].candidates);
        let context =
            |p: &crate::rules::Pattern| candidates.may_match(p) && p.is_match(&visible.text);
        if !claim.context.is_empty() && !claim.context.iter().any(context) {
            continue;
        }
        let before = (out.evidence.len(), out.skipped.len());
        // (Nothing to search for here: the prefilter saw none of the
        // claim's literals.)
        let searched = claim
            .stances
            .iter()
            .flat_map(|s| &s.patterns)
            .any(|p| candidates.may_match(p));
        let elsewhen = searched
            .then(|| {
                super::time_scope::other_time(&views[index].years, doc.published, claim.during)
            })
            .flatten();
        let stances = if searched { &claim.stances[..] } else { &[] };
        for (stance_index, stance) in stances.iter().enumerate() {
            let guard = elsewhen.as_deref();
            let found = first_evidence(
                text,
                sentence,
                &views[index],
                stance,
                guard,
                |matched, reason| {
                    out.skipped.push(SkippedMatch {
                        rule: claim_index,
                        stance: stance_index,
                        matched,
                        reason,
                    });
                },
            );
            if let Some(matched) = found {
                let (holder, cue) = holders.of(index, &matched);
                out.evidence.push(ClaimEvidence {
                    claim: claim_index,
                    stance: stance_index,
                    matched,
                    sentence: sentence.clone(),
                    holder,
                    cue,
                });
            }
        }
        if !claim.context.is_empty() && before == (out.evidence.len(), out.skipped.len()) {
            out.near.push(NearMiss {
                rule: claim_index,
                sentence: sentence.clone(),
            });
        }
    }
    out
}

/// The (rule, sentence) pairs worth reading, rule by rule and each rule's
/// sentences in order (the order evidence is kept in): the sentences whose
/// prefilter names the rule, or every rule where it names them all.
pub(super) fn visits(
    views: &[SentenceView],
    rules: usize,
    named: impl for<'c> Fn(&'c Candidates) -> Option<&'c [usize]>,
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (sentence, view) in views.iter().enumerate() {
        match named(&view.candidates) {
            Some(named) => pairs.extend(named.iter().map(|&rule| (rule, sentence))),
            None => pairs.extend((0..rules).map(|rule| (rule, sentence))),
        }
    }
    pairs.sort_unstable();
    pairs
}

/// A sentence as rules read it, built once per document for claims and
/// facts alike: its text with invisible code points taken out ([`Folded`],
/// so "pl\u{200b}ans" matches `plans` and spans still cover the bytes on
/// disk), and the years it is anchored to (for the time guard).
/// And the patterns its text may match: one pass of the rule set's
/// prefilter, so that a pattern is only searched for where it can match.
pub(super) struct SentenceView<'t> {
    pub(super) visible: Folded<'t>,
    pub(super) years: Vec<i16>,
    pub(super) candidates: Candidates,
}

pub(super) fn sentence_views<'t>(
    text: &'t str,
    sentences: &[Range<usize>],
    rules: &RuleSet,
) -> Vec<SentenceView<'t>> {
    sentences
        .iter()
        .map(|s| {
            let visible = Folded::new(&text[s.clone()]);
            let years = super::time_scope::anchored_years(&visible.text);
            let candidates = rules.candidates(&visible.text);
            SentenceView {
                visible,
                years,
                candidates,
            }
        })
        .collect()
}

/// The first match of `stance` in the sentence that no guard sets aside.
fn first_evidence(
    text: &str,
    sentence: &Range<usize>,
    view: &SentenceView,
    stance: &crate::rules::Stance,
    elsewhen: Option<&str>,
    mut skip: impl FnMut(Range<usize>, String),
) -> Option<Range<usize>> {
    let visible = &view.visible;
    for pattern in &stance.patterns {
        if !view.candidates.may_match(pattern) {
            continue;
        }
        for found in pattern.find_iter(&visible.text) {
            let found = visible.original(found);
            let matched = sentence.start + found.start..sentence.start + found.end;
            if let Some(reason) = elsewhen {
                skip(matched, reason.to_string());
                continue;
            }
            if let Some(unless) = stance.unless.iter().find(|u| u.is_match(&visible.text)) {
                skip(
                    matched,
                    format!("the sentence matches `unless` pattern '{}'", unless.source),
                );
                continue;
            }
            if let Some(guard) = negation::governing_cue(text, sentence, &matched) {
                skip(
                    matched,
                    format!("{} by \"{}\"", guard.reason, &text[guard.cue]),
                );
                continue;
            }
            return Some(matched);
        }
    }
    None
}
