//! Comparison across sources: evidence grouped by rule, decided into findings.

pub mod align;
mod claims;
mod evidence;
mod facts;

pub use claims::compare_claims;
pub use facts::compare_facts;

use crate::analyze::Analysis;
use crate::finding::Finding;
use crate::rules::RuleSet;
use crate::source::Document;

/// Every finding, in rule order: claims, then facts.
pub fn compare(docs: &[Document], rules: &RuleSet, analyses: &[Analysis]) -> Vec<Finding> {
    let mut findings = compare_claims(docs, &rules.claims, analyses);
    findings.extend(compare_facts(docs, &rules.facts, analyses));
    findings
}
