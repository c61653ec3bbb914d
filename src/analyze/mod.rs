//! Analysis of one source at a time, with no shared state: sentences,
//! attributions, quotations, and the claim and fact evidence they carry.

mod attribution;
mod claims;
mod facts;
mod given_names;
mod names;
mod negation;
mod quotes;
mod sentences;
mod speakers;
mod time_scope;

pub use attribution::{Attribution, Gender, Subject, attributions, nearest};
pub use claims::{ClaimEvidence, NearMiss, SkippedMatch};
pub use facts::{FactEvidence, Note};
pub use quotes::{Quotation, Quotes, Suspicious, Unattributed, extract as extract_quotes};
pub use sentences::split as split_sentences;

use crate::rules::RuleSet;
use crate::source::Document;
use crate::value::DateOrder;
use speakers::{Cast, Holders};

/// Everything found in one source.
#[derive(Debug, Default)]
pub struct Analysis {
    pub evidence: Vec<ClaimEvidence>,
    pub facts: Vec<FactEvidence>,
    /// Matches set aside (negated, `unless`, unreadable values): claims'
    /// in `skipped`, facts' in `fact_skipped`.
    pub skipped: Vec<SkippedMatch>,
    pub fact_skipped: Vec<SkippedMatch>,
    /// Sentences that match a rule's `context` but none of its patterns:
    /// claims' in `near_claims`, facts' in `near_facts`.
    pub near_claims: Vec<NearMiss>,
    pub near_facts: Vec<NearMiss>,
    /// Problems in the source a user should hear about (e.g. a relative date
    /// in a source with no publication date).
    pub notes: Vec<Note>,
    pub quotations: Vec<Quotation>,
    /// Quotation marks that could not be paired (`--show suspicious`).
    pub suspicious: Vec<Suspicious>,
    /// Full names (two words or more) this source attributes anything to, so
    /// a later bare surname can be resolved.
    pub names: Vec<String>,
}

/// Analyzes one document against `rules`.
pub fn analyze(doc: &Document, rules: &RuleSet, date_order: DateOrder) -> Analysis {
    let text = doc.text();
    let sentences = split_sentences(text, doc.body.clone());
    let attrs: Vec<Vec<Attribution>> = sentences
        .iter()
        .map(|s| attributions(text, s.clone()))
        .collect();
    let found = quotes::find(text, doc.body.clone());
    let cast = Cast::new(text, &sentences, &attrs, &found.quoted());
    let holders = Holders {
        attributions: &attrs,
        cast: &cast,
    };
    // (No rules, nothing to read the sentences for.)
    let views = if rules.claims.is_empty() && rules.facts.is_empty() {
        Vec::new()
    } else {
        claims::sentence_views(text, &sentences, rules)
    };
    let matches = claims::match_claims(doc, &sentences, &views, &holders, &rules.claims);
    let mut evidence = matches.evidence;
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
    let found_facts =
        facts::match_facts(doc, &sentences, &views, &holders, &rules.facts, date_order);
    let mut fact_evidence = found_facts.evidence;
    let mut seen = std::collections::HashSet::new();
    fact_evidence
        .retain(|ev| seen.insert((ev.fact, ev.holder.clone(), &text[ev.sentence.clone()])));
    let quotes = quotes::attribute(text, found, &cast);
    // Full names (two words or more) this source gives anything to, so that a
    // bare surname in another source can be resolved.
    let mut names: Vec<String> = evidence
        .iter()
        .filter_map(|e| e.holder.clone())
        .chain(fact_evidence.iter().filter_map(|e| e.holder.clone()))
        .chain(quotes.quotations.iter().filter_map(|q| q.speaker.clone()))
        .chain(attrs.iter().flatten().filter_map(|a| cast.resolve(a)))
        .filter(|n| n.contains(' '))
        .collect();
    names.sort();
    names.dedup();
    Analysis {
        evidence,
        facts: fact_evidence,
        quotations: quotes.quotations,
        suspicious: quotes.suspicious,
        skipped: matches.skipped,
        fact_skipped: found_facts.skipped,
        near_claims: matches.near,
        near_facts: found_facts.near,
        notes: found_facts.notes,
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
