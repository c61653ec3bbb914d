//! Claims across sources: a claim is agreed when every holder takes the same
//! stance and in conflict when two holders differ — also inside one source.

use std::collections::{BTreeMap, BTreeSet};

use crate::analyze::{Analysis, ClaimEvidence, resolve_surname};
use crate::finding::{self, Evidence, Finding, Kind, Severity, Span};
use crate::rules::Claim;
use crate::source::Document;

/// Longest excerpt shown for a piece of evidence, in characters.
const EXCERPT_WIDTH: usize = 160;

/// One finding per claim that any source takes a stance on.
pub fn compare_claims(docs: &[Document], claims: &[Claim], analyses: &[Analysis]) -> Vec<Finding> {
    let mut full_names: Vec<String> = analyses.iter().flat_map(|a| a.names.clone()).collect();
    full_names.sort();
    full_names.dedup();
    claims
        .iter()
        .enumerate()
        .filter_map(|(index, claim)| {
            let evidence: Vec<(&Document, &ClaimEvidence)> = docs
                .iter()
                .zip(analyses)
                .flat_map(|(doc, analysis)| {
                    analysis
                        .evidence
                        .iter()
                        .filter(move |e| e.claim == index)
                        .map(move |e| (doc, e))
                })
                .collect();
            decide(claim, &evidence, &full_names)
        })
        .collect()
}

fn decide(
    claim: &Claim,
    evidence: &[(&Document, &ClaimEvidence)],
    full_names: &[String],
) -> Option<Finding> {
    if evidence.is_empty() {
        return None;
    }
    let holder_of = |doc: &Document, ev: &ClaimEvidence| match &ev.holder {
        Some(name) => resolve_surname(name, full_names).to_string(),
        None => doc.outlet.clone(),
    };
    // stance index → the distinct holders taking it
    let mut holders: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for (doc, ev) in evidence {
        holders
            .entry(ev.stance)
            .or_default()
            .insert(holder_of(doc, ev));
    }
    let kind = if holders.len() > 1 {
        Kind::Conflict
    } else {
        Kind::Agreement
    };
    let mut tally: Vec<(usize, usize)> = holders.iter().map(|(s, h)| (*s, h.len())).collect();
    tally.sort_by_key(|&(stance, count)| (std::cmp::Reverse(count), stance));
    let counts: Vec<String> = tally
        .iter()
        .enumerate()
        .map(|(i, &(stance, count))| {
            let name = &claim.stances[stance].name;
            match (i, count) {
                (0, 1) => format!("{name} (1 holder)"),
                (0, n) => format!("{name} ({n} holders)"),
                (_, n) => format!("{name} ({n})"),
            }
        })
        .collect();
    let message = match kind {
        Kind::Conflict => format!("sources disagree: {}", counts.join(" vs ")),
        Kind::Agreement => format!("sources agree: {}", counts.join("")),
    };
    let evidence: Vec<Evidence> = evidence
        .iter()
        .map(|(doc, ev)| {
            let (line, column) = doc.line_col(ev.matched.start);
            Evidence {
                file: doc.name().to_string(),
                outlet: doc.outlet.clone(),
                span: Span {
                    start: ev.matched.start,
                    end: ev.matched.end,
                },
                line,
                column,
                excerpt: excerpt(doc.text(), &ev.sentence, &ev.matched),
                stance: Some(claim.stances[ev.stance].name.clone()),
                holder: Some(holder_of(doc, ev)),
            }
        })
        .collect();
    let severity = if kind.is_problem() {
        claim.severity
    } else {
        Severity::Info
    };
    Some(Finding {
        kind,
        code: kind.code(),
        rule: claim.id.clone(),
        severity,
        message,
        help: claim.question.clone(),
        fingerprint: finding::fingerprint(&claim.id, kind, &evidence),
        evidence,
    })
}

/// The sentence around a match, whitespace folded, cut to a window with `…`.
fn excerpt(
    text: &str,
    sentence: &std::ops::Range<usize>,
    matched: &std::ops::Range<usize>,
) -> String {
    let before: Vec<char> = text[sentence.start..matched.start].chars().collect();
    let hit: String = text[matched.clone()].to_string();
    let after: Vec<char> = text[matched.end..sentence.end].chars().collect();
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
    format!("{head}{hit}{tail}")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
