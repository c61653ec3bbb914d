//! Analysis of one source at a time, with no shared state: sentences,
//! attributions, and the claim evidence they carry.

mod attribution;
mod claims;
mod negation;
mod sentences;
mod words;

use std::ops::Range;

pub use attribution::{Attribution, attributions, nearest};
pub use claims::{ClaimEvidence, SkippedMatch};
pub use negation::{Guard, governing_cue};
pub use sentences::split as split_sentences;

use crate::rules::Claim;
use crate::source::Document;

/// Everything found in one source.
#[derive(Debug, Default)]
pub struct Analysis {
    pub sentences: Vec<Range<usize>>,
    pub evidence: Vec<ClaimEvidence>,
    pub skipped: Vec<SkippedMatch>,
    /// Full names (two words or more) this source attributes anything to, so
    /// a later bare surname can be resolved.
    pub names: Vec<String>,
}

/// Analyzes one document against `claims`.
pub fn analyze(doc: &Document, claims: &[Claim]) -> Analysis {
    let text = doc.text();
    let sentences = split_sentences(text, doc.body.clone());
    let attrs: Vec<Vec<Attribution>> = sentences
        .iter()
        .map(|s| attributions(text, s.clone()))
        .collect();
    let mut names: Vec<String> = attrs
        .iter()
        .flatten()
        .filter_map(|a| a.speaker.clone())
        .filter(|n| n.contains(' '))
        .collect();
    names.sort();
    names.dedup();
    let matches = claims::match_claims(doc, &sentences, &attrs, claims);
    let mut evidence = matches.evidence;
    for ev in &mut evidence {
        if let Some(holder) = &ev.holder {
            ev.holder = Some(resolve_surname(holder, &names).to_string());
        }
    }
    // A headline repeated as page furniture is one piece of evidence, not two.
    let mut seen = std::collections::HashSet::new();
    evidence.retain(|ev| {
        seen.insert((
            ev.claim,
            ev.stance,
            ev.holder.clone(),
            &text[ev.sentence.clone()],
        ))
    });
    Analysis {
        sentences,
        evidence,
        skipped: matches.skipped,
        names,
    }
}

/// "Peskov" → "Dmitry Peskov" when exactly one known full name ends with it.
pub fn resolve_surname<'a>(name: &'a str, full_names: &'a [String]) -> &'a str {
    if name.contains(' ') {
        return name;
    }
    let mut candidates = full_names
        .iter()
        .filter(|full| full.rsplit(' ').next() == Some(name));
    match (candidates.next(), candidates.next()) {
        (Some(full), None) => full,
        _ => name,
    }
}
