//! `--format sarif`: SARIF 2.1.0 for code-scanning viewers. One
//! `reportingDescriptor` per rule (its question as help, what it compares as
//! `fullDescription`), one `result` per finding located where it dissents
//! ([`Finding::dissent`]) with every other place as `relatedLocations`, the
//! fingerprint as a stable `partialFingerprints`, and the run's diagnostics
//! as `toolExecutionNotifications`. Agreements are left out, or with
//! `--show agree` given as `kind: "pass"` (code scanning opens no alert for
//! them).

use serde_json::{Value, json};

use super::{Options, evidence_note};
use crate::config::Links;
use crate::diagnostic::Problem;
use crate::finding::{Evidence, Finding, Kind, Severity};
use crate::pipeline::Outcome;
use crate::rules::RuleRef;

pub(super) fn render_sarif(outcome: &Outcome, options: &Options) -> String {
    let findings: Vec<&Finding> = outcome
        .findings
        .iter()
        .filter(|f| f.kind.is_problem() || options.show_agree)
        .collect();
    let descriptors = descriptors(&findings, outcome);
    let index = |id: &str| descriptors.iter().position(|d| d["id"] == id);
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": { "text": format!("{}: {}", f.kind.as_str(), f.headline()) },
                "locations": f.dissent().map(|e| vec![location(e, None)]).unwrap_or_default(),
                "partialFingerprints": { "concordFingerprint/v1": f.fingerprint },
                "properties": { "kind": f.kind.as_str(), "code": f.code },
            });
            if f.kind == Kind::Agreement {
                result["kind"] = json!("pass");
                result["level"] = json!("none");
            }
            if let Some(i) = index(&f.rule) {
                result["ruleIndex"] = json!(i);
            }
            let related: Vec<Value> = f
                .others()
                .enumerate()
                .map(|(i, e)| location(e, Some(i + 1)))
                .collect();
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            result
        })
        .collect();
    log(
        descriptors,
        results,
        &outcome.warnings,
        &outcome.links,
        true,
    )
}

/// A run that could not use its input: no results, and why.
pub(super) fn render_sarif_problems(problems: &[Problem]) -> String {
    log(Vec::new(), Vec::new(), problems, &Links::default(), false)
}

fn log(
    descriptors: Vec<Value>,
    results: Vec<Value>,
    problems: &[Problem],
    links: &Links,
    ok: bool,
) -> String {
    let mut driver = json!({
        "name": "concord",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": descriptors,
    });
    if let Some(tool) = &links.tool {
        driver["informationUri"] = json!(tool);
    }
    let report = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "invocations": [{
                "executionSuccessful": ok,
                "toolExecutionNotifications": problems.iter().map(notification).collect::<Vec<_>>(),
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}

/// A diagnostic about the input, at the file and span it points to.
fn notification(p: &Problem) -> Value {
    let level = match p.severity() {
        miette::Severity::Error => "error",
        miette::Severity::Warning => "warning",
        miette::Severity::Advice => "note",
    };
    let mut text = p.message_with_label();
    if let Some(help) = p.help_text() {
        text.push_str(&format!(" (help: {help})"));
    }
    let mut notification = json!({
        "level": level,
        "message": { "text": text },
        "descriptor": { "id": p.code() },
    });
    if let Some(place) = p.place() {
        let mut physical = json!({ "artifactLocation": { "uri": uri_reference(place.file) } });
        if let Some(r) = place.region {
            physical["region"] = json!({
                "startLine": r.line,
                "startColumn": r.column,
                "endLine": r.end_line,
                "endColumn": r.end_column,
            });
        }
        notification["locations"] = json!([{ "physicalLocation": physical }]);
    }
    notification
}

/// One descriptor per rule defined, then per rule id findings name that no
/// rule defines (automatically found quotations).
fn descriptors(findings: &[&Finding], outcome: &Outcome) -> Vec<Value> {
    let (rules, links) = (&outcome.corpus.rules, &outcome.links);
    let selection = outcome.selection.as_ref();
    let mut out: Vec<Value> = Vec::new();
    let mut push = |id: &str,
                    question: Option<&str>,
                    full: String,
                    severity: Severity,
                    uri: Option<String>| {
        if out.iter().any(|d| d["id"] == id) {
            return;
        }
        let text = question.unwrap_or(id);
        let mut descriptor = json!({
            "id": id,
            "shortDescription": { "text": text },
            "fullDescription": { "text": full },
            "help": { "text": format!("{text} {full}") },
            "defaultConfiguration": { "level": level(severity) },
        });
        if let Some(uri) = uri {
            descriptor["helpUri"] = json!(uri);
        }
        out.push(descriptor);
    };
    // Rules that can have findings (not `[[speaker]]`s) and that the run
    // reports, in rule order, at the severity concord.toml's `[severity]`
    // gives them.
    for rule in rules.iter() {
        if selection.is_some_and(|s| !s.reports(rule.id())) {
            continue;
        }
        let severity = selection
            .and_then(|s| s.severity_of(rule.id()))
            .or(rule.severity());
        if let (Some(severity), Some(_)) = (severity, rule.severity()) {
            let (file, line) = defined_at(rule);
            push(
                rule.id(),
                rule.question().as_deref(),
                description(rule),
                severity,
                links.rule(rule.id(), &uri_reference(file), line),
            );
        }
    }
    for f in findings {
        let full = "A quotation found in several sources, compared across them: a misquote \
                    where a rendering differs beyond typography, a misattribution where the \
                    same words are given to different speakers."
            .to_string();
        push(&f.rule, f.help.as_deref(), full, f.severity, None);
    }
    out
}

/// What a rule compares, where it is defined, and what it reports.
fn description(rule: RuleRef) -> String {
    let (file, line) = defined_at(rule);
    let what = match rule {
        RuleRef::Claim(_, claim) => {
            let stances: Vec<&str> = claim.stances.iter().map(|s| s.name.as_str()).collect();
            format!(
                "Which stance each source takes ({}): a conflict where holders take different \
                 stances.",
                stances.join(", ")
            )
        }
        RuleRef::Fact(_, fact) => format!(
            "Which {} value each source gives: a conflict where holders give values that \
             differ beyond the rule's tolerance.",
            fact.kind.as_str()
        ),
        RuleRef::Quote(..) => "How each source renders the pinned quotation: a misquote where a \
                               rendering differs beyond typography, a misattribution where it \
                               is given to another speaker."
            .to_string(),
        RuleRef::Speaker(..) => String::new(),
    };
    format!(
        "{what} Defined as a [[{}]] rule in {file}:{line}.",
        rule.kind(),
    )
}

/// The rule file and the 1-based line of the rule's `id`.
fn defined_at<'a>(rule: RuleRef<'a>) -> (&'a str, usize) {
    let origin = rule.origin();
    let (line, _) = origin
        .file
        .lines()
        .line_col(&origin.file.text, origin.id_span.start);
    (&origin.file.name, line)
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
    }
    location["message"] = json!({ "text": evidence_note(e) });
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
