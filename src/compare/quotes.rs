//! Quotations across sources: renderings of one utterance are found (pinned by
//! a `[[quote]]` rule, or clustered automatically), each is compared with a
//! reference wording, and the differences become `misquote` findings; the same
//! words given to different speakers become `misattribution` findings.
//!
//! The reference is the rule's `text` when a rule pins one, else the wording
//! most renderings share, else the earliest published.

use rayon::prelude::*;

use super::align::{Class, cluster_spoken, compare};
use super::evidence::{Names, evidence_at, excerpt, locate};
use crate::analyze::{Analysis, Quotation};
use crate::config::QuotesConfig;
use crate::finding::{Answer, Evidence, Finding, Kind, Severity};
use crate::rules::{QuoteRule, RuleSet};
use crate::source::Document;
use crate::text::{Token, tokenize_pieces, word_count};

/// One quotation in one source, ready to compare.
pub struct Rendering<'a> {
    pub doc: &'a Document,
    pub quotation: &'a Quotation,
    pub tokens: Vec<Token>,
    /// Canonical speaker: `[[speaker]]` aliases and full names applied.
    pub speaker: Option<String>,
}

/// Every quotation of every source, with canonical speakers.
pub fn renderings<'a>(
    docs: &'a [Document],
    analyses: &'a [Analysis],
    rules: &RuleSet,
) -> Vec<Rendering<'a>> {
    let names = Names::new(analyses, rules);
    docs.iter()
        .zip(analyses)
        .flat_map(|(doc, analysis)| analysis.quotations.iter().map(move |q| (doc, q)))
        .map(|(doc, quotation)| Rendering {
            doc,
            tokens: tokenize_pieces(doc.text(), &quotation.pieces),
            speaker: quotation.speaker.as_deref().map(|s| names.person(s)),
            quotation,
        })
        .collect()
}

/// Groups of rendering indices that render one utterance: first those a
/// `[[quote]]` rule pins (with the rule), then automatic clusters spanning at
/// least two sources.
pub fn utterances<'r>(
    renderings: &[Rendering],
    rules: &'r RuleSet,
    config: &QuotesConfig,
) -> Vec<(Option<&'r QuoteRule>, Vec<usize>)> {
    let mut pinned = vec![false; renderings.len()];
    let mut groups = Vec::new();
    for rule in &rules.quotes {
        let needed = config.min_words.min(word_count(&rule.tokens));
        let members: Vec<usize> = renderings
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                word_count(&r.tokens) >= needed
                    && compare(&rule.tokens, &r.tokens).similarity >= config.min_similarity
            })
            .map(|(i, _)| i)
            .collect();
        for &i in &members {
            pinned[i] = true;
        }
        if !members.is_empty() {
            groups.push((Some(rule), members));
        }
    }
    let free: Vec<usize> = (0..renderings.len()).filter(|&i| !pinned[i]).collect();
    let tokens: Vec<&[Token]> = free.iter().map(|&i| &renderings[i].tokens[..]).collect();
    let speakers: Vec<Option<&str>> = free
        .iter()
        .map(|&i| renderings[i].speaker.as_deref())
        .collect();
    for group in cluster_spoken(&tokens, &speakers, config.min_words, config.min_similarity) {
        let members: Vec<usize> = group.iter().map(|&i| free[i]).collect();
        let mut sources: Vec<&str> = members.iter().map(|&i| renderings[i].doc.name()).collect();
        sources.sort_unstable();
        sources.dedup();
        if sources.len() >= 2 {
            groups.push((None, members));
        }
    }
    groups
}

/// Misquote and misattribution findings for every utterance.
pub fn compare_quotes(
    docs: &[Document],
    analyses: &[Analysis],
    rules: &RuleSet,
    config: &QuotesConfig,
) -> Vec<Finding> {
    let renderings = renderings(docs, analyses, rules);
    // Each utterance is compared on its own, on all threads; the findings
    // keep the utterances' order.
    let utterances = utterances(&renderings, rules, config);
    let per_utterance: Vec<Vec<Finding>> = utterances
        .into_par_iter()
        .map(|(rule, members)| utterance_findings(&renderings, rule, &members))
        .collect();
    per_utterance.into_iter().flatten().collect()
}

/// The misquote and misattribution findings of one utterance: its members,
/// and the `[[quote]]` rule that pins it, if one does.
fn utterance_findings(
    renderings: &[Rendering],
    rule: Option<&QuoteRule>,
    members: &[usize],
) -> Vec<Finding> {
    let reference = match rule {
        Some(rule) => Reference {
            tokens: rule.tokens.clone(),
            text: rule.text.clone(),
            described: match &rule.origin_note {
                Some(origin) => format!("the wording pinned by rule `{}` ({origin})", rule.id),
                None => format!("the wording pinned by rule `{}`", rule.id),
            },
            speaker: rule.speaker.clone(),
            index: None,
            id: rule.id.clone(),
            severity: rule.severity,
        },
        None => reference_rendering(renderings, members),
    };
    let located = reference.index.map(|i| {
        let mut ev = quote_evidence(&renderings[i]);
        ev.answer = Answer::Reference;
        ev
    });
    [
        misquote(renderings, members, &reference),
        misattribution(renderings, members, &reference),
    ]
    .into_iter()
    .flatten()
    .map(|mut found| {
        found.reference = located.clone();
        found
    })
    .collect()
}

/// What renderings are compared with.
struct Reference {
    tokens: Vec<Token>,
    text: String,
    described: String,
    speaker: Option<String>,
    /// The rendering that serves as reference, if one does.
    index: Option<usize>,
    id: String,
    severity: Severity,
}

/// The wording most renderings share (up to typography, cuts and ellipses);
/// ties go to the earliest published, then to the first found.
fn reference_rendering(renderings: &[Rendering], members: &[usize]) -> Reference {
    let agrees = |a: usize, b: usize| {
        compare(&renderings[a].tokens, &renderings[b].tokens).class <= Class::Typography
    };
    let support = |i: usize| members.iter().filter(|&&j| j == i || agrees(i, j)).count();
    let published = |i: usize| {
        renderings[i]
            .doc
            .published
            .map_or((i16::MAX, 0, 0), |d| (d.year(), d.month(), d.day()))
    };
    let (best, most) = members
        .iter()
        .map(|&i| (i, support(i)))
        .min_by_key(|&(i, n)| (std::cmp::Reverse(n), published(i), i))
        .expect("an utterance has renderings");
    let chosen = &renderings[best];
    let text = chosen.quotation.text(chosen.doc.text());
    let described = if most > 1 {
        format!("the wording {most} renderings share")
    } else {
        format!("the earliest rendering ({})", chosen.doc.outlet)
    };
    let words: Vec<String> = chosen
        .tokens
        .iter()
        .take(6)
        .map(|t| t.norm().replace('\'', ""))
        .collect();
    Reference {
        tokens: chosen.tokens.clone(),
        id: format!("quote-{}", words.join("-")),
        text,
        described,
        speaker: chosen.speaker.clone(),
        index: Some(best),
        severity: Severity::Warning,
    }
}

fn misquote(renderings: &[Rendering], members: &[usize], reference: &Reference) -> Option<Finding> {
    let mut evidence = Vec::new();
    let mut worst = Class::Identical;
    for &i in members {
        if Some(i) == reference.index {
            continue;
        }
        let r = &renderings[i];
        let comparison = compare(&reference.tokens, &r.tokens);
        if comparison.class < Class::Minor {
            continue;
        }
        worst = worst.max(comparison.class);
        let mut ev = quote_evidence(r);
        // Point at the stretch that renders the reference, not the whole quotation.
        let tokens = &r.tokens[comparison.window.clone()];
        if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
            locate(&mut ev, r.doc, &(first.at.start..last.at.end));
        }
        ev.answer = Answer::Rendering {
            class: comparison.class,
            diff: comparison.diff,
        };
        evidence.push(ev);
    }
    if evidence.is_empty() {
        return None;
    }
    let severity = if worst == Class::Substantive {
        reference.severity
    } else {
        Severity::Info
    };
    let n = evidence.len();
    let message = format!(
        "{n} rendering{} {} from {}: {}",
        if n == 1 { "" } else { "s" },
        if n == 1 { "differs" } else { "differ" },
        reference.described,
        worst.as_str()
    );
    Some(finding(
        Kind::Misquote,
        &reference.id,
        severity,
        message,
        reference,
        evidence,
    ))
}

fn misattribution(
    renderings: &[Rendering],
    members: &[usize],
    reference: &Reference,
) -> Option<Finding> {
    let expected = reference.speaker.as_deref()?;
    let others: Vec<&Rendering> = members
        .iter()
        .map(|&i| &renderings[i])
        .filter(|r| r.speaker.as_deref().is_some_and(|s| s != expected))
        .collect();
    if others.is_empty() {
        return None;
    }
    let mut names: Vec<&str> = others.iter().filter_map(|r| r.speaker.as_deref()).collect();
    names.sort_unstable();
    names.dedup();
    let message = format!(
        "the same words are given to {expected} and to {}",
        names.join(", ")
    );
    let evidence = others.into_iter().map(quote_evidence).collect();
    Some(finding(
        Kind::Misattribution,
        &reference.id,
        reference.severity,
        message,
        reference,
        evidence,
    ))
}

fn quote_evidence(r: &Rendering) -> Evidence {
    let span = r.quotation.span();
    let excerpt = excerpt(r.doc.text(), &span, &(span.start..span.start));
    Evidence {
        holder: Some(r.speaker.clone().unwrap_or_else(|| r.doc.outlet.clone())),
        speaker: r.speaker.clone(),
        ..evidence_at(r.doc, &span, excerpt)
    }
}

fn finding(
    kind: Kind,
    id: &str,
    severity: Severity,
    message: String,
    reference: &Reference,
    evidence: Vec<Evidence>,
) -> Finding {
    let by = reference
        .speaker
        .as_deref()
        .map(|s| format!(" — {s}"))
        .unwrap_or_default();
    let help = format!(
        "reference: “{}”{by}",
        reference.text.trim_end_matches([',', ' '])
    );
    Finding::new(kind, id, severity, message, Some(help), evidence)
}
