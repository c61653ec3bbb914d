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
        let after_cue: Vec<String> = before[before.len() - taken..]
            .iter()
            .map(|w| w.lower().into_owned())
            .collect();
        let first_matched = words(text, matched.clone())
            .first()
            .map(|w| w.lower().into_owned())
            .unwrap_or_default();
        if (NEGATIONS.contains(&&*lower) || DENIALS.contains(&&*lower) || lower.ends_with("n't"))
            && !in_adjunct(&lower, &after_cue, &first_matched)
        {
            return Some(Guard {
                reason: "negated",
                cue: word.span(),
            });
        }
        if CONDITIONS.contains(&&*lower) {
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

/// Prepositions that open an adjunct of time or place: what they govern is
/// not what a negation or denial before them denies.
const ADJUNCT_PREPOSITIONS: &[&str] = &[
    "throughout",
    "during",
    "over",
    "after",
    "before",
    "since",
    "until",
    "amid",
    "following",
    "at",
    "in",
    "on",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "this", "that", "any", "all",
];

/// Whether the match stands in an adjunct after the cue's object ("denied
/// *the charges* throughout the six-week trial", "no talks during the 30-day
/// truce"): the cue negates its object, not the adjunct. The object must
/// open with a determiner, or follow "no" or a denial verb directly ("denied
/// wrongdoing"); after "not" a verb follows ("was not jailed for eight
/// years"), and that stays negated.
fn in_adjunct(cue: &str, after_cue: &[String], first_matched: &str) -> bool {
    let takes_object = cue == "no" || DENIALS.contains(&cue);
    let object_opens = after_cue
        .first()
        .is_some_and(|w| DETERMINERS.contains(&w.as_str()) || takes_object);
    if !object_opens {
        return false;
    }
    if ADJUNCT_PREPOSITIONS.contains(&first_matched) {
        return !after_cue.is_empty();
    }
    // The preposition before the match, then at most one determiner.
    let tail: Vec<&str> = after_cue.iter().map(String::as_str).collect();
    match tail.as_slice() {
        [object @ .., preposition] | [object @ .., preposition, _]
            if !object.is_empty() && ADJUNCT_PREPOSITIONS.contains(preposition) =>
        {
            tail.len() == object.len() + 1 || DETERMINERS.contains(tail.last().unwrap())
        }
        _ => false,
    }
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

    #[test]
    fn an_adjunct_after_the_denied_object_is_not_denied() {
        let sentence = "He had denied the charges throughout the six-week trial.";
        assert_eq!(guard(sentence, "six-week trial"), None);
        assert_eq!(guard(sentence, "throughout the six-week trial"), None);
        assert_eq!(
            guard("She denied wrongdoing during the 42-day hearing.", "42-day"),
            None
        );
        assert_eq!(
            guard("There were no talks during the 30-day truce.", "30-day"),
            None
        );
        // After "not" a verb follows: its object stays negated.
        assert_eq!(
            guard("He was not jailed for eight years.", "eight years"),
            Some("negated")
        );
        assert_eq!(
            guard("The Kremlin denied that it refused.", "refused"),
            Some("negated")
        );
        assert_eq!(
            guard("Officials denied the toll had reached 40.", "40"),
            Some("negated")
        );
    }
}
