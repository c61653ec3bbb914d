//! `--format github`: GitHub Actions workflow commands. GitHub shows at most
//! ten annotations of each level per step, so each finding is one
//! annotation, placed where it dissents ([`Finding::dissent`]) and naming the
//! other sources in its message; a summary notice comes first and says how
//! many there are. The job summary (`$GITHUB_STEP_SUMMARY`) gets a table of
//! every finding ([`step_summary`]).

use std::fmt::Write;

use super::human::summary_line;
use super::words::counted;
use super::{Options, evidence_note};
use crate::diagnostic::{Place, Problem};
use crate::finding::{Evidence, Finding, Severity};
use crate::pipeline::Outcome;

/// How many annotations of one level GitHub shows for a step.
const SHOWN_PER_LEVEL: usize = 10;
/// How many other places one annotation's message names.
const OTHERS_NAMED: usize = 10;
/// How many findings the job summary's table lists.
const SUMMARY_ROWS: usize = 500;

/// The findings, and the run's warnings, as workflow commands.
pub(super) fn render_github(outcome: &Outcome, options: &Options) -> String {
    let findings: Vec<&Finding> = shown(outcome, options).collect();
    let mut levels = [0usize; 3];
    for f in &findings {
        levels[level_index(f.severity)] += 1;
    }
    let mut out = String::new();
    out.push_str(&summary_notice(outcome, options, levels));
    out.push_str(&problems(&outcome.warnings));
    for f in findings {
        out.push_str(&annotation(f));
    }
    out
}

/// Problems that stopped the run, or warnings, as workflow commands at the
/// file and line they point to.
pub(super) fn problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| {
            let command = match p.severity() {
                miette::Severity::Error => "error",
                miette::Severity::Warning => "warning",
                miette::Severity::Advice => "notice",
            };
            let mut message = p.message_with_label();
            if let Some(help) = p.help_text() {
                message.push_str(&format!("\nhelp: {help}"));
            }
            command_line(command, p.place(), p.code(), &message)
        })
        .collect()
}

/// The findings the report shows: problems, and agreements with `--show agree`.
fn shown<'a>(outcome: &'a Outcome, options: &Options) -> impl Iterator<Item = &'a Finding> {
    let show_agree = options.show_agree;
    outcome
        .findings
        .iter()
        .filter(move |f| f.kind.is_problem() || show_agree)
}

fn level_index(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

fn command(severity: Severity) -> &'static str {
    ["error", "warning", "notice"][level_index(severity)]
}

/// The first annotation: the counts, and what GitHub leaves out.
fn summary_notice(outcome: &Outcome, options: &Options, levels: [usize; 3]) -> String {
    let mut message = summary_line(outcome, options.show_agree);
    let hidden: Vec<String> = levels
        .iter()
        .zip(["error", "warning", "notice"])
        .filter(|(n, _)| **n > SHOWN_PER_LEVEL)
        .map(|(n, word)| counted(n - SHOWN_PER_LEVEL, &format!("more {word}")))
        .collect();
    if !hidden.is_empty() {
        message.push_str(&format!(
            "\nGitHub shows {SHOWN_PER_LEVEL} annotations of each level per step; {} are in \
             this step's log, the job summary and the SARIF report",
            hidden.join(", ")
        ));
    }
    command_line("notice", None, "concord summary", &message)
}

/// One finding: at its dissenting evidence, the others named.
fn annotation(f: &Finding) -> String {
    let title = format!("concord {}: {}", f.kind.as_str(), f.rule);
    let mut message = f.headline();
    let dissent = f.dissent();
    if let Some(e) = dissent {
        message.push_str(&format!("\nhere: {}", evidence_note(e)));
    }
    let others: Vec<&Evidence> = f.others().collect();
    for e in others.iter().take(OTHERS_NAMED) {
        message.push_str(&format!(
            "\nalso: {}, {}:{}",
            evidence_note(e),
            e.file,
            e.line
        ));
    }
    if others.len() > OTHERS_NAMED {
        message.push_str(&format!(
            "\n… and {}",
            counted(others.len() - OTHERS_NAMED, "more place")
        ));
    }
    if let Some(help) = &f.help {
        message.push_str(&format!("\n{help}"));
    }
    let place = dissent.map(|e| Place {
        file: &e.file,
        region: Some(crate::diagnostic::Region {
            line: e.line,
            column: e.column,
            end_line: e.end_line,
            end_column: e.end_column,
        }),
        label: None,
    });
    command_line(command(f.severity), place, &title, &message)
}

/// `::level file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
fn command_line(command: &str, place: Option<Place>, title: &str, message: &str) -> String {
    let mut properties = Vec::new();
    if let Some(place) = place {
        properties.push(format!("file={}", property(place.file)));
        if let Some(r) = place.region {
            properties.push(format!("line={}", r.line));
            properties.push(format!("col={}", r.column));
            properties.push(format!("endLine={}", r.end_line));
            properties.push(format!("endColumn={}", r.end_column));
        }
    }
    properties.push(format!("title={}", property(title)));
    format!("::{command} {}::{}\n", properties.join(","), data(message))
}

/// The job summary: the counts and a table of the findings, in GitHub
/// Markdown, every piece of document text escaped.
pub fn step_summary(outcome: &Outcome, options: &Options) -> String {
    let mut out = String::from("## concord\n\n");
    let line = summary_line(outcome, options.show_agree);
    let _ = writeln!(out, "{}\n", markdown(&line));
    let findings: Vec<&Finding> = shown(outcome, options).collect();
    if findings.is_empty() {
        return out;
    }
    out.push_str("| severity | finding | rule | where | message |\n|---|---|---|---|---|\n");
    for f in findings.iter().take(SUMMARY_ROWS) {
        let place = f
            .dissent()
            .map(|e| format!("{}:{} ({})", e.file, e.line, e.outlet))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            f.severity.as_str(),
            f.kind.as_str(),
            markdown(&f.rule),
            markdown(&place),
            markdown(&f.headline()),
        );
    }
    if findings.len() > SUMMARY_ROWS {
        let _ = writeln!(
            out,
            "\n… and {}: see the JSON or SARIF report.",
            counted(findings.len() - SUMMARY_ROWS, "more finding")
        );
    }
    out
}

/// The job summary of a run that could not use its input.
pub fn step_summary_of_problems(problems: &[Problem]) -> String {
    let mut out = String::from("## concord\n\nThe input could not be used:\n\n");
    for p in problems {
        let place = p
            .place()
            .map(|place| match place.region {
                Some(r) => format!("{}:{}:{}: ", place.file, r.line, r.column),
                None => format!("{}: ", place.file),
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- {} `{}`: {}",
            markdown(&place),
            p.code(),
            markdown(&p.message_with_label())
        );
    }
    out
}

/// Text for a Markdown table cell or paragraph, shown as written: ASCII
/// punctuation backslash-escaped (no links, images, emphasis or HTML from a
/// document), line breaks joined, controls made visible.
fn markdown(text: &str) -> String {
    let text = super::terminal::safe(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_from_documents_cannot_link_or_embed() {
        let cell = markdown("![x](http://t.example/p.png) <img src=x> a|b\nc");
        assert!(!cell.contains("!["), "{cell}");
        assert!(!cell.contains('<'), "{cell}");
        assert!(!cell.contains('\n'));
        assert!(cell.contains(r"a\|b c"), "{cell}");
    }

    #[test]
    fn messages_and_properties_escape_the_runner_syntax() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
        let line = command_line("error", None, "t", "two\nlines");
        assert_eq!(line, "::error title=t::two%0Alines\n");
    }
}
