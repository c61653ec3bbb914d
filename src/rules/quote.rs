//! `[[quote]]` rules pin the canonical wording of an utterance; `[[speaker]]`
//! rules say which names denote one person across sources.

use super::compile::{Origin, checked_id};
use super::raw::{RawQuote, RawSpeaker};
use crate::diagnostic::{Problem, SourceFile};
use crate::finding::Severity;
use crate::text::{Token, fold_lower, tokenize, word_count};

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

#[derive(Debug, Clone)]
pub struct SpeakerRule {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
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

pub(super) fn compile_speaker(
    file: &SourceFile,
    raw: RawSpeaker,
) -> Result<SpeakerRule, Vec<Problem>> {
    let mut problems = Vec::new();
    let id = checked_id(file, &raw.id, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(SpeakerRule {
        id,
        name: raw.name,
        aliases: raw.aliases,
        origin: Origin {
            file: file.clone(),
            id_span: raw.id.span(),
        },
    })
}

/// Names to people: each `[[speaker]]` (and each `[[quote]]` speaker with its
/// aliases) maps its aliases, case folded, to one canonical name.
#[derive(Debug, Clone, Default)]
pub struct Speakers {
    aliases: Vec<(String, String)>,
}

impl Speakers {
    pub fn new(speakers: &[SpeakerRule], quotes: &[QuoteRule]) -> Self {
        let mut aliases = Vec::new();
        for s in speakers {
            aliases.push((fold_lower(&s.name), s.name.clone()));
            aliases.extend(s.aliases.iter().map(|a| (fold_lower(a), s.name.clone())));
        }
        for q in quotes {
            if let Some(name) = &q.speaker {
                aliases.push((fold_lower(name), name.clone()));
                aliases.extend(q.aliases.iter().map(|a| (fold_lower(a), name.clone())));
            }
        }
        Speakers { aliases }
    }

    /// The canonical name for `name`, if a rule gives one.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        let folded = fold_lower(name);
        self.aliases
            .iter()
            .find(|(alias, _)| *alias == folded)
            .map(|(_, canonical)| canonical.as_str())
    }
}
