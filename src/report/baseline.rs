//! The baseline file `concord baseline` writes (JSON, `"version": 1`).

use crate::compare::Baseline;

pub fn baseline_json(baseline: &Baseline) -> String {
    let mut text = serde_json::to_string_pretty(baseline).unwrap_or_default();
    text.push('\n');
    text
}
