//! `[[speaker]]` rules: one person's names across sources, and the table of
//! aliases (from `[[speaker]]` and `[[quote]]` rules) that unifies them.

use super::compile::{Origin, checked_id};
use super::quote::QuoteRule;
use super::raw::RawSpeaker;
use crate::diagnostic::{Problem, SourceFile};
use crate::text::fold_lower;

#[derive(Debug, Clone)]
pub struct SpeakerRule {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub origin: Origin,
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
