//! `concord explain ID`: what one rule (or automatically found quotation)
//! matched across the documents — each piece of evidence with its holder, and
//! every match set aside with the reason — as data for the report to print.

use super::Names;
use super::listing::{Entry, listing};
use crate::analyze::{Analysis, NearMiss, SkippedMatch};
use crate::config::QuotesConfig;
use crate::diagnostic::Problem;
use crate::finding::{Finding, Kind};
use crate::input::nearest;
use crate::rules::{Claim, Fact, QuoteRule, RuleRef, RuleSet, SpeakerRule};
use crate::source::Document;
use crate::text::fold_whitespace;

/// Where in a document something was found.
#[derive(Debug, Clone)]
pub struct At {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

/// One line of an explanation.
#[derive(Debug, Clone)]
pub enum Explained {
    /// A claim's stance, its holder, and the matched words.
    Stance {
        at: At,
        stance: String,
        holder: String,
        /// What decided the holder.
        held: Held,
        text: String,
    },
    /// A fact's value as written and as read, and its holder.
    Value {
        at: At,
        raw: String,
        value: String,
        holder: String,
        held: Held,
    },
    /// A sentence that matches the rule's `context` but none of its
    /// patterns: what the rule may have failed to catch.
    NearMiss { at: At, text: String },
    /// A match that is not evidence; `stance` for claims.
    SetAside {
        at: At,
        stance: Option<String>,
        text: String,
        reason: String,
    },
}

/// What decided a holder.
#[derive(Debug, Clone)]
pub enum Held {
    /// A reporting cue that names the holder ("said").
    Cue(String),
    /// A cue whose subject names no one the document gives ("officials said"):
    /// the source holds the words.
    Unnamed(String),
    /// No attribution: the source says it.
    Source,
    /// No attribution, in a thread: the post's author says it.
    Post,
}

impl Held {
    fn of(doc: &Document, cue: Option<&std::ops::Range<usize>>, named: bool) -> Held {
        match cue {
            Some(cue) if named => Held::Cue(doc.text()[cue.clone()].to_string()),
            Some(cue) => Held::Unnamed(doc.text()[cue.clone()].to_string()),
            None if named => Held::Post,
            None => Held::Source,
        }
    }
}

/// What an id names, and what it matched.
#[derive(Debug)]
pub enum Explanation<'a> {
    Claim(&'a Claim, Vec<Explained>),
    Fact(&'a Fact, Vec<Explained>),
    /// A `[[quote]]` rule, the renderings it pins, and its findings.
    Quote(&'a QuoteRule, Vec<Entry>, Vec<&'a Finding>),
    /// A `[[speaker]]` rule: the names it unifies.
    Speaker(&'a SpeakerRule),
    /// A quotation found in several sources with no rule: its findings.
    Utterance(String, Vec<&'a Finding>),
}

/// The explanation of `id`; an error (with the nearest known id) when
/// neither a rule nor a finding has it.
pub fn explain<'a>(
    id: &str,
    docs: &[Document],
    analyses: &[Analysis],
    rules: &'a RuleSet,
    findings: &'a [Finding],
    quotes: &QuotesConfig,
) -> Result<Explanation<'a>, Problem> {
    let names = Names::new(analyses, rules);
    let of_rule: Vec<&Finding> = findings.iter().filter(|f| f.rule == id).collect();
    let explanation = match rules.get(id) {
        Some(RuleRef::Claim(index, claim)) => {
            Explanation::Claim(claim, claim_lines(index, claim, docs, analyses, &names))
        }
        Some(RuleRef::Fact(index, fact)) => {
            Explanation::Fact(fact, fact_lines(index, docs, analyses, &names))
        }
        Some(RuleRef::Quote(_, quote)) => {
            let pinned = listing(docs, analyses, rules, quotes)
                .utterances
                .into_iter()
                .filter(|u| u.rule.as_deref() == Some(id))
                .flat_map(|u| u.renderings.into_iter())
                .collect();
            Explanation::Quote(quote, pinned, of_rule)
        }
        Some(RuleRef::Speaker(_, speaker)) => Explanation::Speaker(speaker),
        None if !of_rule.is_empty() => Explanation::Utterance(id.to_string(), of_rule),
        None => return Err(unknown(id, rules, findings)),
    };
    Ok(explanation)
}

/// Whether `id` is written as a finding code (`concord::…`) rather than a
/// rule id: rule ids are kebab-case and hold no `::`.
pub fn is_code(id: &str) -> bool {
    id.contains("::")
}

/// The kind of finding whose code is `id`; an error with the nearest code
/// when no finding carries it.
pub fn finding_code(id: &str) -> Result<Kind, Problem> {
    Kind::from_code(id).ok_or_else(|| {
        let codes = Kind::ALL.iter().map(|k| k.code());
        let near = nearest(id, codes.clone())
            .map(|near| format!("did you mean `{near}`? "))
            .unwrap_or_default();
        let all: Vec<&str> = codes.collect();
        Problem::error(
            "concord::explain::unknown_code",
            format!("no finding carries the code `{id}`"),
        )
        .help(format!(
            "{near}findings carry {}; `concord explain --list` describes them",
            all.join(", ")
        ))
    })
}

/// No rule or finding has `id`: say which known id is nearest.
fn unknown(id: &str, rules: &RuleSet, findings: &[Finding]) -> Problem {
    let ids = rules
        .iter()
        .map(|r| r.id())
        .chain(findings.iter().map(|f| f.rule.as_str()));
    let help = match nearest(id, ids) {
        Some(near) => format!("did you mean `{near}`?"),
        None => "`concord check --format json` lists the rule of every finding".to_string(),
    };
    Problem::error(
        "concord::explain::unknown_rule",
        format!("no rule has the id `{id}`"),
    )
    .help(help)
}

fn at(doc: &Document, offset: usize) -> At {
    let (line, column) = doc.line_col(offset);
    At {
        file: doc.name().to_string(),
        line,
        column,
    }
}

fn claim_lines(
    index: usize,
    claim: &Claim,
    docs: &[Document],
    analyses: &[Analysis],
    names: &Names,
) -> Vec<Explained> {
    let mut lines = Vec::new();
    for (doc, analysis) in docs.iter().zip(analyses) {
        for ev in analysis.evidence.iter().filter(|e| e.claim == index) {
            lines.push(Explained::Stance {
                at: at(doc, ev.matched.start),
                stance: claim.stances[ev.stance].name.clone(),
                holder: names.holder(doc, ev.holder.as_deref()),
                held: Held::of(doc, ev.cue.as_ref(), ev.holder.is_some()),
                text: doc.text()[ev.matched.clone()].to_string(),
            });
        }
        let stance = |s: &SkippedMatch| Some(claim.stances[s.stance].name.clone());
        lines.extend(set_aside(doc, &analysis.skipped, index, stance));
        lines.extend(near_misses(doc, &analysis.near_claims, index));
    }
    lines
}

fn fact_lines(
    index: usize,
    docs: &[Document],
    analyses: &[Analysis],
    names: &Names,
) -> Vec<Explained> {
    let mut lines = Vec::new();
    for (doc, analysis) in docs.iter().zip(analyses) {
        for ev in analysis.facts.iter().filter(|e| e.fact == index) {
            lines.push(Explained::Value {
                at: at(doc, ev.value_span.start),
                raw: doc.text()[ev.value_span.clone()].to_string(),
                value: ev.value.to_string(),
                holder: names.holder(doc, ev.holder.as_deref()),
                held: Held::of(doc, ev.cue.as_ref(), ev.holder.is_some()),
            });
        }
        lines.extend(set_aside(doc, &analysis.fact_skipped, index, |_| None));
        lines.extend(near_misses(doc, &analysis.near_facts, index));
    }
    lines
}

/// The matches of rule `index` that `doc`'s analysis set aside.
fn set_aside<'s>(
    doc: &'s Document,
    skipped: &'s [SkippedMatch],
    index: usize,
    stance: impl Fn(&SkippedMatch) -> Option<String> + 's,
) -> impl Iterator<Item = Explained> + 's {
    skipped
        .iter()
        .filter(move |s| s.rule == index)
        .map(move |s| Explained::SetAside {
            at: at(doc, s.matched.start),
            stance: stance(s),
            text: doc.text()[s.matched.clone()].to_string(),
            reason: s.reason.clone(),
        })
}

/// The sentences of `doc` that matched rule `index`'s `context` only.
fn near_misses<'s>(
    doc: &'s Document,
    near: &'s [NearMiss],
    index: usize,
) -> impl Iterator<Item = Explained> + 's {
    near.iter()
        .filter(move |n| n.rule == index)
        .map(move |n| Explained::NearMiss {
            at: at(doc, n.sentence.start),
            text: fold_whitespace(&doc.text()[n.sentence.clone()]),
        })
}
