//! The quotation listing (`concord quotes`): every quotation with its speaker,
//! grouped by utterance across sources, and the marks that could not be paired.

use serde::Serialize;

use super::quotes::{Rendering, renderings, utterances};
use crate::analyze::Analysis;
use crate::config::QuotesConfig;
use crate::finding::Span;
use crate::rules::RuleSet;
use crate::source::Document;

/// Every quotation of `docs`, grouped.
pub fn listing(
    docs: &[Document],
    analyses: &[Analysis],
    rules: &RuleSet,
    config: &QuotesConfig,
) -> Listing {
    let all = renderings(docs, analyses, rules);
    let mut grouped = vec![false; all.len()];
    let mut listing = Listing {
        version: 1,
        ..Listing::default()
    };
    for (rule, members) in utterances(&all, rules, config) {
        for &i in &members {
            grouped[i] = true;
        }
        listing.utterances.push(Utterance {
            rule: rule.map(|r| r.id.clone()),
            renderings: members.iter().map(|&i| entry(&all[i])).collect(),
        });
    }
    listing.quotations = (0..all.len())
        .filter(|&i| !grouped[i])
        .map(|i| entry(&all[i]))
        .collect();
    listing.suspicious = docs
        .iter()
        .zip(analyses)
        .flat_map(|(doc, a)| a.suspicious.iter().map(move |s| (doc, s)))
        .map(|(doc, s)| {
            let (line, column) = doc.line_col(s.at.start);
            Mark {
                file: doc.name().to_string(),
                line,
                column,
                span: Span {
                    start: s.at.start,
                    end: s.at.end,
                },
                message: s.message,
            }
        })
        .collect();
    listing
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Listing {
    pub version: u32,
    /// Renderings of one utterance in two or more sources, or pinned by a rule.
    pub utterances: Vec<Utterance>,
    /// Every other quotation.
    pub quotations: Vec<Entry>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suspicious: Vec<Mark>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Utterance {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    pub renderings: Vec<Entry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub file: String,
    pub outlet: String,
    pub line: usize,
    pub column: usize,
    pub span: Span,
    pub speaker: Option<String>,
    /// Why `speaker` is null, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_reason: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Mark {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub span: Span,
    pub message: &'static str,
}

fn entry(r: &Rendering<'_>) -> Entry {
    let span = r.quotation.span();
    let (line, column) = r.doc.line_col(span.start);
    Entry {
        file: r.doc.name().to_string(),
        outlet: r.doc.outlet.clone(),
        line,
        column,
        span: Span {
            start: span.start,
            end: span.end,
        },
        speaker: r.speaker.clone(),
        speaker_reason: r
            .speaker
            .is_none()
            .then(|| r.quotation.unattributed.as_ref().map(|u| u.reason()))
            .flatten(),
        text: r.quotation.text(r.doc.text()),
    }
}
