//! `--format sarif`: SARIF 2.1.0 for code-scanning viewers. One
//! `reportingDescriptor` per rule (its question as help), one `result` per
//! finding located at its first piece of evidence, the rest as
//! `relatedLocations`, and the fingerprint as a stable `partialFingerprints`.

use serde_json::{Value, json};

use crate::finding::{Evidence, Finding, Severity};
use crate::rules::RuleSet;

pub(super) fn render_sarif(findings: &[Finding], rules: &RuleSet) -> String {
    let descriptors = descriptors(findings, rules);
    let index = |id: &str| descriptors.iter().position(|d| d["id"] == id);
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": { "text": format!("{}: {}", f.kind.as_str(), f.headline()) },
                "locations": f.evidence.first().map(|e| vec![location(e, None)]).unwrap_or_default(),
                "partialFingerprints": { "concordFingerprint/v1": f.fingerprint },
                "properties": { "kind": f.kind.as_str(), "code": f.code },
            });
            if let Some(i) = index(&f.rule) {
                result["ruleIndex"] = json!(i);
            }
            let related: Vec<Value> = f
                .reference
                .iter()
                .chain(f.evidence.iter().skip(1))
                .enumerate()
                .map(|(i, e)| location(e, Some(i + 1)))
                .collect();
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            result
        })
        .collect();
    let report = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "concord",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}

/// One descriptor per rule defined, then per rule id findings name that no
/// rule defines (automatically found quotations).
fn descriptors(findings: &[Finding], rules: &RuleSet) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    let mut push = |id: &str, question: Option<&str>, severity: Severity| {
        if out.iter().any(|d| d["id"] == id) {
            return;
        }
        let text = question.unwrap_or(id);
        out.push(json!({
            "id": id,
            "shortDescription": { "text": text },
            "help": { "text": text },
            "defaultConfiguration": { "level": level(severity) },
        }));
    };
    // Rules that can have findings (not `[[speaker]]`s), in rule order.
    for rule in rules.iter() {
        if let Some(severity) = rule.severity() {
            push(rule.id(), rule.question().as_deref(), severity);
        }
    }
    for f in findings {
        push(&f.rule, f.help.as_deref(), f.severity);
    }
    out
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn location(e: &Evidence, id: Option<usize>) -> Value {
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri_reference(&e.file) },
            "region": {
                "startLine": e.line,
                "startColumn": e.column,
                "endLine": e.end_line,
                "endColumn": e.end_column,
                "byteOffset": e.span.start,
                "byteLength": e.span.end - e.span.start,
            },
        },
    });
    if let Some(url) = &e.url {
        location["properties"] = json!({ "url": url });
    }
    if let Some(id) = id {
        location["id"] = json!(id);
        let what = e.answer.label().unwrap_or("evidence");
        let who = e.holder.as_deref().unwrap_or(&e.outlet);
        location["message"] = json!({ "text": format!("{what} — {who} ({})", e.outlet) });
    }
    location
}

/// A relative path as a URI reference (RFC 3986): every byte outside the
/// unreserved set and `/` percent-encoded, so a file named `a b#1.txt` or
/// `100%.md` is one valid `artifactLocation.uri`.
fn uri_reference(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for &byte in path.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::uri_reference;

    #[test]
    fn file_names_are_percent_encoded() {
        assert_eq!(uri_reference("docs/a b#1.txt"), "docs/a%20b%231.txt");
        assert_eq!(uri_reference("100%.md"), "100%25.md");
        assert_eq!(uri_reference("Zürich.txt"), "Z%C3%BCrich.txt");
        assert_eq!(
            uri_reference("plain/path-1_a.b~c.txt"),
            "plain/path-1_a.b~c.txt"
        );
    }
}
