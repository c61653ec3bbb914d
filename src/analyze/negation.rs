//! The negation guard: a pattern match governed by a negation or condition
//! that the pattern itself does not contain ("Moscow has *not* agreed", "*if*
//! Russia also agrees") is not evidence for the stance.
//!
//! "Governed" is read narrowly: a cue among the few words before the match, in
//! the same clause (no comma, semicolon, dash or quotation mark in between).

use std::ops::Range;

use crate::text::lexicon::{CONDITIONS, DENIALS, NEGATIONS};
use crate::text::words::words;

/// How many words before a match a cue may stand.
const WINDOW: usize = 5;

/// How far back (in bytes) the words are looked for: enough for five words,
/// and bounded so one enormous sentence stays linear.
const LOOKBACK: usize = 160;

/// Why a match is not evidence, and the cue that says so.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Guard {
    pub(super) reason: &'static str,
    pub(super) cue: Range<usize>,
}

/// The negation or condition governing `text[matched]`, if any, looking back
/// no further than `sentence.start`.
pub(super) fn governing_cue(
    text: &str,
    sentence: &Range<usize>,
    matched: &Range<usize>,
) -> Option<Guard> {
    let mut from = matched.start.saturating_sub(LOOKBACK).max(sentence.start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = words(text, from..matched.start);
    let tail_gap = &text[before.last().map_or(from, |w| w.end)..matched.start];
    if breaks_clause(tail_gap) {
        return None;
    }
    for (taken, word) in before.iter().rev().enumerate() {
        if taken >= WINDOW {
            break;
        }
        let lower = word.lower();
        if NEGATIONS.contains(&lower.as_str())
            || DENIALS.contains(&lower.as_str())
            || lower.ends_with("n't")
        {
            return Some(Guard {
                reason: "negated",
                cue: word.span(),
            });
        }
        if CONDITIONS.contains(&lower.as_str()) {
            return Some(Guard {
                reason: "conditional",
                cue: word.span(),
            });
        }
        if breaks_clause(word.gap) {
            break;
        }
    }
    None
}

fn breaks_clause(gap: &str) -> bool {
    gap.contains([
        ',', ';', ':', '—', '–', '(', ')', '"', '“', '”', '.', '?', '!',
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(sentence: &str, matched: &str) -> Option<&'static str> {
        let start = sentence.find(matched).unwrap();
        governing_cue(
            sentence,
            &(0..sentence.len()),
            &(start..start + matched.len()),
        )
        .map(|g| g.reason)
    }

    #[test]
    fn negations_in_the_clause_guard() {
        assert_eq!(
            guard("Moscow has not agreed to the truce.", "agreed"),
            Some("negated")
        );
        assert_eq!(
            guard("Russia never accepted it.", "accepted"),
            Some("negated")
        );
        assert_eq!(guard("Moscow hasn't agreed.", "agreed"), Some("negated"));
        assert_eq!(guard("Moscow hasn’t agreed.", "agreed"), Some("negated"));
        assert_eq!(
            guard("The Kremlin denied that it refused.", "refused"),
            Some("negated")
        );
        assert_eq!(
            guard("Kyiv is ready if Russia also agrees.", "agrees"),
            Some("conditional")
        );
    }

    #[test]
    fn other_clauses_and_far_words_do_not() {
        assert_eq!(guard("No, Moscow agreed.", "agreed"), None);
        assert_eq!(guard("It was not easy, but Moscow agreed.", "agreed"), None);
        assert_eq!(
            guard(
                "Not one of the many observers in the hall doubted Moscow agreed.",
                "agreed"
            ),
            None
        );
        assert_eq!(guard("There are no plans.", "no plans"), None);
    }
}
