//! `concord explain ID`: the rule as concord understood it, then each piece
//! of evidence it found and each match it set aside, with the reason.

use std::fmt::Write as _;

use super::words::count;
use crate::compare::{Entry, Explained, Explanation, Held};
use crate::finding::Finding;
use crate::rules::Origin;

pub fn explanation(explanation: &Explanation) -> String {
    let mut out = String::new();
    match explanation {
        Explanation::Claim(claim, lines) => {
            header(&mut out, "claim", &claim.id, &claim.origin);
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
            matched(&mut out, lines);
        }
        Explanation::Fact(fact, lines) => {
            header(&mut out, "fact", &fact.id, &fact.origin);
            if let Some(q) = &fact.question {
                let _ = writeln!(out, "  question: {q}");
            }
            let _ = writeln!(out, "  type: {}", fact.kind.as_str());
            for p in &fact.patterns {
                let _ = writeln!(out, "  pattern: '{}'", p.source);
            }
            matched(&mut out, lines);
        }
        Explanation::Quote(quote, renderings, findings) => {
            header(&mut out, "quote", &quote.id, &quote.origin);
            let _ = writeln!(out, "  text: “{}”", quote.text);
            if let Some(speaker) = &quote.speaker {
                let _ = writeln!(out, "  speaker: {speaker}");
            }
            if renderings.is_empty() {
                let _ = writeln!(out, "  no rendering in the documents");
            }
            for r in renderings {
                rendering(&mut out, r);
            }
            findings_of(&mut out, findings);
        }
        Explanation::Speaker(speaker) => {
            header(&mut out, "speaker", &speaker.id, &speaker.origin);
            let _ = writeln!(out, "  name: {}", speaker.name);
            for alias in &speaker.aliases {
                let _ = writeln!(out, "  alias: {alias}");
            }
        }
        Explanation::Utterance(id, findings) => {
            let _ = writeln!(
                out,
                "quotation `{id}` (found in several sources; no rule pins it)"
            );
            findings_of(&mut out, findings);
        }
    }
    out
}

fn header(out: &mut String, kind: &str, id: &str, origin: &Origin) {
    let line = origin.file.lines().line(origin.id_span.start) + 1;
    let _ = writeln!(out, "{kind} `{id}` ({}:{line})", origin.file.name);
}

/// How many near misses an explanation lists before it only counts them.
const NEAR_MISSES_SHOWN: usize = 10;

/// The longest excerpt of a near-miss sentence, in characters.
const NEAR_MISS_CHARS: usize = 160;

fn matched(out: &mut String, lines: &[Explained]) {
    let mut near = 0;
    for line in lines {
        let _ = match line {
            Explained::NearMiss { at, text } => {
                near += 1;
                if near > NEAR_MISSES_SHOWN {
                    continue;
                }
                let excerpt: String = text.chars().take(NEAR_MISS_CHARS).collect();
                let cut = if excerpt.len() < text.len() {
                    "…"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "  {}:{}:{}  near miss (matches `context`, no pattern): “{excerpt}{cut}”",
                    at.file, at.line, at.column
                )
            }
            Explained::Stance {
                at,
                stance,
                holder,
                held,
                text,
            } => writeln!(
                out,
                "  {}:{}:{}  {stance} — {holder}: “{text}”{}",
                at.file,
                at.line,
                at.column,
                held_by(held)
            ),
            Explained::Value {
                at,
                raw,
                value,
                holder,
                held,
            } => writeln!(
                out,
                "  {}:{}:{}  “{raw}” → {value} — {holder}{}",
                at.file,
                at.line,
                at.column,
                held_by(held)
            ),
            Explained::SetAside {
                at,
                stance: Some(stance),
                text,
                reason,
            } => writeln!(
                out,
                "  {}:{}:{}  set aside for {stance}: “{text}” ({reason})",
                at.file, at.line, at.column
            ),
            Explained::SetAside {
                at,
                stance: None,
                text,
                reason,
            } => writeln!(
                out,
                "  {}:{}:{}  set aside: “{text}” ({reason})",
                at.file, at.line, at.column
            ),
        };
    }
    if near > NEAR_MISSES_SHOWN {
        let more = near - NEAR_MISSES_SHOWN;
        let _ = writeln!(
            out,
            "  … and {}",
            count(more, "more near miss", "more near misses")
        );
    }
}

/// What decided a holder: the cue, or why the source holds the words.
fn held_by(held: &Held) -> String {
    match held {
        Held::Cue(cue) => format!("  (cue “{cue}”)"),
        Held::Unnamed(cue) => format!("  (cue “{cue}” names no one: the source holds it)"),
        Held::Source => "  (no attribution: the source says it)".to_string(),
        Held::Post => "  (no attribution: the author of the post says it)".to_string(),
    }
}

fn rendering(out: &mut String, r: &Entry) {
    let speaker = r.speaker.as_deref().unwrap_or("(no speaker)");
    let _ = writeln!(
        out,
        "  {}:{}:{}  {speaker}: “{}”",
        r.file, r.line, r.column, r.text
    );
}

/// Each finding's message, and each piece of its evidence.
fn findings_of(out: &mut String, findings: &[&Finding]) {
    for f in findings {
        let _ = writeln!(out, "  {}: {}", f.kind.as_str(), f.headline());
        for e in f.reference.iter().chain(&f.evidence) {
            let who = e.speaker.as_deref().unwrap_or("(no speaker)");
            let answer = e.answer.label().unwrap_or("rendering");
            let _ = writeln!(
                out,
                "    {}:{}:{}  {answer} — {who}: “{}”",
                e.file, e.line, e.column, e.excerpt
            );
        }
    }
}
