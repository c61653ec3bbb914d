//! Comparison across sources: evidence grouped by rule, decided into findings.

pub mod align;
mod claims;
mod evidence;
mod facts;
pub mod quotes;

pub use claims::compare_claims;
pub use evidence::Names;
pub use facts::compare_facts;

use crate::analyze::Analysis;
use crate::config::QuotesConfig;
use crate::finding::Finding;
use crate::rules::RuleSet;
use crate::source::Document;

/// Every finding, in rule order: claims, facts, then quotations.
pub fn compare(
    docs: &[Document],
    rules: &RuleSet,
    analyses: &[Analysis],
    quotes: &QuotesConfig,
) -> Vec<Finding> {
    let names = Names::new(analyses, rules);
    let mut findings = compare_claims(docs, &rules.claims, analyses, &names);
    findings.extend(compare_facts(docs, &rules.facts, analyses, &names));
    findings.extend(quotes::compare_quotes(docs, analyses, rules, quotes));
    findings
}
