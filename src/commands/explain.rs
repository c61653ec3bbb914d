//! `concord explain RULE_ID`: the rule as concord understood it, and what it
//! matched in the documents — evidence with holders, and every match set aside
//! (negated, conditional, `unless`, unreadable), so a rule author sees why.

use std::fmt::Write as _;
use std::path::Path;

use super::{EXIT_OK, Io, Prepared, prepare};
use crate::cli::ExplainArgs;
use crate::diagnostic::Problem;
use crate::toml_input::nearest;

pub fn explain(args: &ExplainArgs, config_path: Option<&Path>, io: &mut Io) -> u8 {
    let Prepared {
        docs,
        rules,
        analyses,
        ..
    } = match prepare(io, config_path, &args.inputs, true) {
        Ok(prepared) => prepared,
        Err(code) => return code,
    };
    let names = crate::compare::Names::new(&analyses, &rules);
    let mut out = String::new();
    let id = args.rule.as_str();
    let line_of =
        |origin: &crate::rules::Origin| origin.file.lines().line(origin.id_span.start) + 1;
    if let Some((index, claim)) = rules.claims.iter().enumerate().find(|(_, c)| c.id == id) {
        let _ = writeln!(
            out,
            "claim `{id}` ({}:{})",
            claim.origin.file.name,
            line_of(&claim.origin)
        );
        if let Some(q) = &claim.question {
            let _ = writeln!(out, "  question: {q}");
        }
        let _ = writeln!(out, "  severity: {}", claim.severity.as_str());
        if let Some((from, to)) = claim.published {
            let _ = writeln!(out, "  applies to sources published {from} to {to}");
        }
        for c in &claim.context {
            let _ = writeln!(out, "  context: '{}'", c.source);
        }
        for s in &claim.stances {
            let patterns: Vec<String> = s
                .patterns
                .iter()
                .map(|p| format!("'{}'", p.source))
                .collect();
            let _ = writeln!(out, "  stance {}: {}", s.name, patterns.join(", "));
            for u in &s.unless {
                let _ = writeln!(out, "    unless '{}'", u.source);
            }
        }
        for (doc, analysis) in docs.iter().zip(&analyses) {
            for ev in analysis.evidence.iter().filter(|e| e.claim == index) {
                let (line, column) = doc.line_col(ev.matched.start);
                let holder = names.holder(doc, ev.holder.as_deref());
                let _ = writeln!(
                    out,
                    "  {}:{line}:{column}  {} — {holder}: “{}”",
                    doc.name(),
                    claim.stances[ev.stance].name,
                    &doc.text()[ev.matched.clone()]
                );
            }
            for s in analysis.skipped.iter().filter(|s| s.claim == index) {
                let (line, column) = doc.line_col(s.matched.start);
                let _ = writeln!(
                    out,
                    "  {}:{line}:{column}  set aside for {}: “{}” ({})",
                    doc.name(),
                    claim.stances[s.stance].name,
                    &doc.text()[s.matched.clone()],
                    s.reason
                );
            }
        }
    } else if let Some((index, fact)) = rules.facts.iter().enumerate().find(|(_, f)| f.id == id) {
        let _ = writeln!(
            out,
            "fact `{id}` ({}:{})",
            fact.origin.file.name,
            line_of(&fact.origin)
        );
        if let Some(q) = &fact.question {
            let _ = writeln!(out, "  question: {q}");
        }
        let _ = writeln!(out, "  type: {}", fact.kind.as_str());
        for p in &fact.patterns {
            let _ = writeln!(out, "  pattern: '{}'", p.source);
        }
        for (doc, analysis) in docs.iter().zip(&analyses) {
            for ev in analysis.facts.iter().filter(|e| e.fact == index) {
                let (line, column) = doc.line_col(ev.value_span.start);
                let holder = names.holder(doc, ev.holder.as_deref());
                let _ = writeln!(
                    out,
                    "  {}:{line}:{column}  “{}” → {} — {holder}",
                    doc.name(),
                    &doc.text()[ev.value_span.clone()],
                    ev.value
                );
            }
            for s in analysis.fact_skipped.iter().filter(|s| s.claim == index) {
                let (line, column) = doc.line_col(s.matched.start);
                let _ = writeln!(
                    out,
                    "  {}:{line}:{column}  set aside: “{}” ({})",
                    doc.name(),
                    &doc.text()[s.matched.clone()],
                    s.reason
                );
            }
        }
    } else if let Some(quote) = rules.quotes.iter().find(|q| q.id == id) {
        let _ = writeln!(
            out,
            "quote `{id}` ({}:{})",
            quote.origin.file.name,
            line_of(&quote.origin)
        );
        let _ = writeln!(out, "  text: “{}”", quote.text);
        if let Some(speaker) = &quote.speaker {
            let _ = writeln!(out, "  speaker: {speaker}");
        }
        let _ = writeln!(
            out,
            "  its renderings: see `concord check` and `concord quotes`"
        );
    } else {
        let ids = rules
            .claims
            .iter()
            .map(|c| c.id.as_str())
            .chain(rules.facts.iter().map(|f| f.id.as_str()))
            .chain(rules.quotes.iter().map(|q| q.id.as_str()));
        let help = match nearest(id, ids) {
            Some(near) => format!("did you mean `{near}`?"),
            None => "`concord check --format json` lists the rule of every finding".to_string(),
        };
        return io.fail(&[Problem::error(
            "concord::explain::unknown_rule",
            format!("no rule has the id `{id}`"),
        )
        .help(help)]);
    }
    io.report(&out);
    EXIT_OK
}
