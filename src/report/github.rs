//! `--format github`: GitHub Actions workflow commands, one annotation per
//! piece of evidence, so each finding shows on every file it involves.

use crate::finding::{Finding, Severity};

pub(super) fn render_github(findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        for e in f.reference.iter().chain(&f.evidence) {
            let what = e.answer.label();
            let who = e.holder.as_deref().unwrap_or(&e.outlet);
            let detail = what.map(|w| format!(" [{w} — {who}]")).unwrap_or_default();
            out.push_str(&format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                property(&e.file),
                e.line,
                e.column,
                e.end_line,
                e.end_column,
                property(&format!("concord {}: {}", f.kind.as_str(), f.rule)),
                data(&format!("{}{detail}", f.headline())),
            ));
        }
    }
    out
}

/// Escaping for a workflow command's message: controls and bidi shown
/// visibly (the runner's log is read by people), then the runner's own
/// escapes.
fn data(text: &str) -> String {
    super::terminal::safe(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for a workflow command's property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}
