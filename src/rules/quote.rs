//! `[[quote]]` rules pin the canonical wording of an utterance; `[[speaker]]`
//! rules say which names denote one person across sources.

use super::compile::{Origin, checked_id};
use super::raw::RawQuote;
use crate::diagnostic::{Problem, SourceFile};
use crate::finding::Severity;
use crate::text::{Token, tokenize, word_count};

#[derive(Debug, Clone)]
pub struct QuoteRule {
    pub id: String,
    pub speaker: Option<String>,
    pub aliases: Vec<String>,
    pub text: String,
    pub tokens: Vec<Token>,
    pub origin_note: Option<String>,
    pub severity: Severity,
    pub origin: Origin,
}

pub(super) fn compile_quote(file: &SourceFile, raw: RawQuote) -> Result<QuoteRule, Vec<Problem>> {
    let mut problems = Vec::new();
    let id = checked_id(file, &raw.id, &mut problems);
    let tokens = tokenize(raw.text.get_ref());
    if word_count(&tokens) == 0 {
        problems.push(
            Problem::error(
                "concord::rule::empty_quote",
                format!("quote `{id}` has no words"),
            )
            .in_file(file)
            .label(raw.text.span(), "no words to compare")
            .help("give the utterance's exact wording in `text`"),
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(QuoteRule {
        id,
        speaker: raw.speaker,
        aliases: raw.aliases,
        text: raw.text.get_ref().clone(),
        tokens,
        origin_note: raw.origin,
        severity: raw.severity.unwrap_or(Severity::Warning),
        origin: Origin {
            file: file.clone(),
            id_span: raw.id.span(),
        },
    })
}
