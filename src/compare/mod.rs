//! Comparison across sources: evidence grouped by rule, decided into findings.

mod claims;

pub use claims::compare_claims;
