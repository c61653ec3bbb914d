//! Comparison across sources: evidence grouped by rule, decided into
//! findings; then suppression (accepts, baselines). Also what `explain` and
//! `quotes` show, gathered across sources for the report.

pub mod align;
mod claims;
mod evidence;
mod explain;
mod facts;
mod listing;
pub mod quotes;
mod select;
mod suppress;

pub use claims::compare_claims;
pub use evidence::Names;
pub use explain::{At, Explained, Explanation, Held, explain, finding_code, is_code};
pub use facts::compare_facts;
pub use listing::{Entry, Listing, Mark, Utterance, listing};
pub use select::{Selected, apply_selection};
pub use suppress::{Baseline, Recorded, apply_accepts};

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
