//! The summary a person takes in at a glance: one row per rule, one column per
//! outlet, each cell the stance or value that source gives (`·` where it is
//! silent), rows with a problem marked `✗`, agreed rows `✓`; fitted to the
//! terminal width by shortening cells.

use crate::finding::{Finding, Kind};
use crate::source::Document;

const SILENT: &str = "·";
const RULE_COLUMN: usize = 28;

pub(super) fn render_matrix(findings: &[Finding], docs: &[Document], width: usize) -> String {
    if findings.is_empty() {
        return String::new();
    }
    let mut outlets: Vec<&str> = docs.iter().map(|d| d.outlet.as_str()).collect();
    outlets.dedup();
    let mut seen = Vec::new();
    outlets.retain(|o| {
        let new = !seen.contains(o);
        seen.push(*o);
        new
    });
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    for f in findings {
        let mark = if f.kind == Kind::Agreement {
            "✓"
        } else {
            "✗"
        };
        let cells = outlets
            .iter()
            .map(|outlet| {
                let mut answers: Vec<&str> = f
                    .reference
                    .iter()
                    .chain(&f.evidence)
                    .filter(|e| e.outlet == *outlet)
                    .map(|e| e.answer.label().unwrap_or("quoted"))
                    .collect();
                let mut seen = Vec::new();
                answers.retain(|a| {
                    let new = !seen.contains(a);
                    seen.push(*a);
                    new
                });
                if answers.is_empty() {
                    SILENT.to_string()
                } else {
                    answers.join("/")
                }
            })
            .collect();
        rows.push((format!("{mark} {}", f.rule), cells));
    }
    // Fit: the rule column first, then share what is left among outlets.
    let rule_width = rows
        .iter()
        .map(|(r, _)| r.chars().count())
        .max()
        .unwrap_or(0)
        .min(RULE_COLUMN);
    let room = width.saturating_sub(rule_width + 2);
    let natural: Vec<usize> = (0..outlets.len())
        .map(|c| {
            rows.iter()
                .map(|(_, cells)| cells[c].chars().count())
                .chain([outlets[c].chars().count()])
                .max()
                .unwrap_or(1)
        })
        .collect();
    let cap = fair_share(&natural, room);
    let mut out = String::new();
    let line = |first: &str, cells: Vec<&str>| {
        let mut text = pad(first, rule_width);
        for (c, cell) in cells.iter().enumerate() {
            text.push_str("  ");
            text.push_str(&pad(cell, natural[c].min(cap)));
        }
        text.trim_end().to_string() + "\n"
    };
    out.push_str(&line("", outlets.clone()));
    for (rule, cells) in &rows {
        out.push_str(&line(rule, cells.iter().map(String::as_str).collect()));
    }
    out
}

/// The widest a column may be so that all fit in `room` (at least 3).
fn fair_share(natural: &[usize], room: usize) -> usize {
    let columns = natural.len().max(1);
    let mut cap = natural.iter().copied().max().unwrap_or(1);
    while cap > 3
        && natural.iter().map(|&n| n.min(cap) + 2).sum::<usize>() > room + 2 * columns.min(1)
    {
        cap -= 1;
    }
    cap
}

/// `text` cut to `width` characters (with `…`) and padded with spaces.
fn pad(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count > width {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        format!("{text}{}", " ".repeat(width - count))
    }
}
