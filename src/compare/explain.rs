//! `concord explain ID`: what one rule (or automatically found quotation)
//! matched across the documents — each piece of evidence with its holder, and
//! every match set aside with the reason — as data for the report to print.

use super::Names;
use super::listing::{Entry, Listing};
use crate::analyze::Analysis;
use crate::finding::Finding;
use crate::rules::{Claim, Fact, QuoteRule, RuleRef, RuleSet, SpeakerRule};
use crate::source::Document;

/// Where in a document something was found.
#[derive(Debug, Clone)]
pub struct At {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

/// One line of an explanation.
#[derive(Debug, Clone)]
pub enum Explained {
    /// A claim's stance, its holder, and the matched words.
    Stance {
        at: At,
        stance: String,
        holder: String,
        text: String,
    },
    /// A fact's value as written and as read, and its holder.
    Value {
        at: At,
        raw: String,
        value: String,
        holder: String,
    },
    /// A match that is not evidence; `stance` for claims.
    SetAside {
        at: At,
        stance: Option<String>,
        text: String,
        reason: String,
    },
}

/// What an id names, and what it matched.
#[derive(Debug)]
pub enum Explanation<'a> {
    Claim(&'a Claim, Vec<Explained>),
    Fact(&'a Fact, Vec<Explained>),
    /// A `[[quote]]` rule, the renderings it pins, and its findings.
    Quote(&'a QuoteRule, Vec<Entry>, Vec<&'a Finding>),
    /// A `[[speaker]]` rule: the names it unifies.
    Speaker(&'a SpeakerRule),
    /// A quotation found in several sources with no rule: its findings.
    Utterance(String, Vec<&'a Finding>),
}

/// The explanation of `id`, or `None` when neither a rule nor a finding has it.
pub fn explain<'a>(
    id: &str,
    docs: &[Document],
    analyses: &[Analysis],
    rules: &'a RuleSet,
    findings: &'a [Finding],
    listing: &Listing,
) -> Option<Explanation<'a>> {
    let names = Names::new(analyses, rules);
    let of_rule: Vec<&Finding> = findings.iter().filter(|f| f.rule == id).collect();
    let explanation = match rules.get(id) {
        Some(RuleRef::Claim(index, claim)) => {
            Explanation::Claim(claim, claim_lines(index, claim, docs, analyses, &names))
        }
        Some(RuleRef::Fact(index, fact)) => {
            Explanation::Fact(fact, fact_lines(index, docs, analyses, &names))
        }
        Some(RuleRef::Quote(_, quote)) => {
            let pinned = listing
                .utterances
                .iter()
                .filter(|u| u.rule.as_deref() == Some(id))
                .flat_map(|u| u.renderings.iter().cloned())
                .collect();
            Explanation::Quote(quote, pinned, of_rule)
        }
        Some(RuleRef::Speaker(_, speaker)) => Explanation::Speaker(speaker),
        None if !of_rule.is_empty() => Explanation::Utterance(id.to_string(), of_rule),
        None => return None,
    };
    Some(explanation)
}

/// Every id `explain` knows: rules, then the findings' own ids.
pub fn known_ids<'a>(rules: &'a RuleSet, findings: &'a [Finding]) -> Vec<&'a str> {
    let mut ids: Vec<&str> = rules.iter().map(|r| r.id()).collect();
    ids.extend(findings.iter().map(|f| f.rule.as_str()));
    ids
}

fn at(doc: &Document, offset: usize) -> At {
    let (line, column) = doc.line_col(offset);
    At {
        file: doc.name().to_string(),
        line,
        column,
    }
}

fn claim_lines(
    index: usize,
    claim: &Claim,
    docs: &[Document],
    analyses: &[Analysis],
    names: &Names,
) -> Vec<Explained> {
    let mut lines = Vec::new();
    for (doc, analysis) in docs.iter().zip(analyses) {
        for ev in analysis.evidence.iter().filter(|e| e.claim == index) {
            lines.push(Explained::Stance {
                at: at(doc, ev.matched.start),
                stance: claim.stances[ev.stance].name.clone(),
                holder: names.holder(doc, ev.holder.as_deref()),
                text: doc.text()[ev.matched.clone()].to_string(),
            });
        }
        for s in analysis.skipped.iter().filter(|s| s.rule == index) {
            lines.push(Explained::SetAside {
                at: at(doc, s.matched.start),
                stance: Some(claim.stances[s.stance].name.clone()),
                text: doc.text()[s.matched.clone()].to_string(),
                reason: s.reason.clone(),
            });
        }
    }
    lines
}

fn fact_lines(
    index: usize,
    docs: &[Document],
    analyses: &[Analysis],
    names: &Names,
) -> Vec<Explained> {
    let mut lines = Vec::new();
    for (doc, analysis) in docs.iter().zip(analyses) {
        for ev in analysis.facts.iter().filter(|e| e.fact == index) {
            lines.push(Explained::Value {
                at: at(doc, ev.value_span.start),
                raw: doc.text()[ev.value_span.clone()].to_string(),
                value: ev.value.to_string(),
                holder: names.holder(doc, ev.holder.as_deref()),
            });
        }
        for s in analysis.fact_skipped.iter().filter(|s| s.rule == index) {
            lines.push(Explained::SetAside {
                at: at(doc, s.matched.start),
                stance: None,
                text: doc.text()[s.matched.clone()].to_string(),
                reason: s.reason.clone(),
            });
        }
    }
    lines
}
