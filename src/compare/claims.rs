//! Claims across sources: a claim is agreed when every holder takes the same
//! stance and in conflict when two holders differ — also inside one source.

use std::collections::{BTreeMap, BTreeSet};

use super::evidence::{Found, Names, tally_message};
use crate::analyze::Analysis;
use crate::finding::{Answer, Finding, Kind};
use crate::rules::Claim;
use crate::source::Document;

/// One finding per claim that any source takes a stance on.
pub fn compare_claims(
    docs: &[Document],
    claims: &[Claim],
    analyses: &[Analysis],
    names: &Names,
) -> Vec<Finding> {
    claims
        .iter()
        .enumerate()
        .filter_map(|(index, claim)| {
            let found: Vec<(usize, Found)> = docs
                .iter()
                .zip(analyses)
                .flat_map(|(doc, analysis)| {
                    analysis
                        .evidence
                        .iter()
                        .filter(move |e| e.claim == index)
                        .map(move |ev| {
                            let found = Found {
                                doc,
                                matched: ev.matched.clone(),
                                sentence: ev.sentence.clone(),
                                answer: Answer::Stance(claim.stances[ev.stance].name.clone()),
                                holder: names.holder(doc, ev.holder.as_deref()),
                            };
                            (ev.stance, found)
                        })
                })
                .collect();
            decide(claim, found)
        })
        .collect()
}

/// `found` pairs each piece of evidence with the index of its stance.
fn decide(claim: &Claim, found: Vec<(usize, Found)>) -> Option<Finding> {
    if found.is_empty() {
        return None;
    }
    // stance → the distinct holders taking it, in the rule's stance order
    let mut holders: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for (stance, f) in &found {
        holders.entry(*stance).or_default().insert(&f.holder);
    }
    let kind = if holders.len() > 1 {
        Kind::Conflict
    } else {
        Kind::Agreement
    };
    let tally = holders
        .iter()
        .map(|(stance, h)| (claim.stances[*stance].name.clone(), h.len()))
        .collect();
    let message = tally_message(kind, tally);
    let evidence: Vec<_> = found.into_iter().map(|(_, f)| f.into_evidence()).collect();
    Some(Finding::new(
        kind,
        &claim.id,
        claim.severity,
        message,
        claim.question.clone(),
        evidence,
    ))
}
