//! One pass over a sentence for every pattern of every claim and fact: each
//! pattern's required literals (every match starts, or ends, with one of
//! them) go into one Aho-Corasick automaton, and a sentence is searched with
//! a pattern only when one of that pattern's literals occurs in it.
//!
//! A pattern whose literals cannot be told (`\d+`), are shorter than two
//! bytes, or are not ASCII is searched on every sentence: the prefilter only
//! ever skips work, it never changes a result.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_syntax::hir::Hir;
use regex_syntax::hir::literal::{ExtractKind, Extractor};

use super::pattern::{NO_SLOT, Pattern};

/// The rule a pattern belongs to, by its index among the rules of its kind.
#[derive(Debug, Clone, Copy)]
pub(super) enum Owner {
    Claim(usize),
    Fact(usize),
}

/// The automaton over all patterns' literals, and which patterns own each.
pub(super) struct Prefilter {
    /// The rule of each slot.
    rules: Vec<Owner>,
    automaton: Option<AhoCorasick>,
    /// For each literal (by automaton pattern id), the slots of the rule
    /// patterns that require it.
    owners: Vec<Vec<u32>>,
    /// Slots of patterns with no usable literals: always candidates.
    always: Vec<u32>,
    slots: usize,
}

impl std::fmt::Debug for Prefilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prefilter")
            .field("literals", &self.owners.len())
            .field("always", &self.always.len())
            .field("slots", &self.slots)
            .finish()
    }
}

impl Prefilter {
    /// Gives every pattern a slot and builds the automaton over their literals.
    pub(super) fn new<'p>(patterns: impl Iterator<Item = (Owner, &'p mut Pattern)>) -> Prefilter {
        let mut rules = Vec::new();
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut index: std::collections::HashMap<Vec<u8>, usize> = Default::default();
        let mut owners: Vec<Vec<u32>> = Vec::new();
        let mut always = Vec::new();
        let mut slots = 0u32;
        for (owner, pattern) in patterns {
            rules.push(owner);
            let slot = slots;
            slots += 1;
            pattern.slot = slot;
            match pattern.literals.as_deref() {
                Some(required) => {
                    for literal in required {
                        let id = *index.entry(literal.clone()).or_insert_with(|| {
                            literals.push(literal.clone());
                            owners.push(Vec::new());
                            literals.len() - 1
                        });
                        if owners[id].last() != Some(&slot) {
                            owners[id].push(slot);
                        }
                    }
                }
                None => always.push(slot),
            }
        }
        // (Standard semantics: every occurrence of every literal is reported
        // by an overlapping search.)
        let automaton = (!literals.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&literals)
                    .ok()
            })
            .flatten();
        if automaton.is_none() {
            always.extend(owners.iter().flatten().copied());
            owners.clear();
        }
        Prefilter {
            rules,
            automaton,
            owners,
            always,
            slots: slots as usize,
        }
    }

    /// The patterns that may match `text`.
    pub(super) fn scan(&self, text: &str) -> Candidates {
        // Two non-ASCII letters match ASCII ones case-insensitively (the
        // Kelvin sign K, the long s ſ): such a sentence is searched in full.
        if text.contains(['\u{212A}', '\u{17F}']) {
            return Candidates::All;
        }
        let mut bits = vec![0u64; self.slots.div_ceil(64)];
        let mut set = |slot: u32| bits[slot as usize / 64] |= 1 << (slot % 64);
        self.always.iter().for_each(|&s| set(s));
        if let Some(automaton) = &self.automaton {
            let lower = text.to_ascii_lowercase();
            for found in automaton.find_overlapping_iter(&lower) {
                self.owners[found.pattern().as_usize()]
                    .iter()
                    .for_each(|&s| set(s));
            }
        }
        // The rules those patterns belong to, in order, each once.
        let (mut claims, mut facts) = (Vec::new(), Vec::new());
        for (word_index, &word) in bits.iter().enumerate() {
            let mut word = word;
            while word != 0 {
                let slot = word_index * 64 + word.trailing_zeros() as usize;
                word &= word - 1;
                match self.rules[slot] {
                    Owner::Claim(i) if claims.last() != Some(&i) => claims.push(i),
                    Owner::Fact(i) if facts.last() != Some(&i) => facts.push(i),
                    _ => {}
                }
            }
        }
        Candidates::Some {
            bits,
            claims,
            facts,
        }
    }
}

/// Which patterns a sentence may match.
#[derive(Debug, Clone)]
pub enum Candidates {
    /// Every pattern (no prefilter, or text it cannot read).
    All,
    Some {
        bits: Vec<u64>,
        /// The claims and facts (by index) with a pattern among them.
        claims: Vec<usize>,
        facts: Vec<usize>,
    },
}

impl Candidates {
    /// Whether `pattern` needs to be searched for.
    pub fn may_match(&self, pattern: &Pattern) -> bool {
        match self {
            Candidates::All => true,
            Candidates::Some { bits, .. } => {
                let slot = pattern.slot;
                slot == NO_SLOT
                    || bits
                        .get(slot as usize / 64)
                        .is_none_or(|word| word & (1 << (slot % 64)) != 0)
            }
        }
    }
}

impl Candidates {
    /// The claims with a pattern that may match, in order; `None`: all.
    pub fn claims(&self) -> Option<&[usize]> {
        match self {
            Candidates::All => None,
            Candidates::Some { claims, .. } => Some(claims),
        }
    }

    /// The facts with a pattern that may match, in order; `None`: all.
    pub fn facts(&self) -> Option<&[usize]> {
        match self {
            Candidates::All => None,
            Candidates::Some { facts, .. } => Some(facts),
        }
    }
}

/// The literals every match of `hir` starts with, or else ends with, ASCII
/// and lower-cased, whichever set is more selective; `None` when neither
/// gives literals of two bytes or more.
pub(super) fn required_literals(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    [ExtractKind::Prefix, ExtractKind::Suffix]
        .into_iter()
        .filter_map(|kind| {
            let seq = Extractor::new().kind(kind).extract(hir);
            let literals = seq.literals()?;
            let shortest = literals.iter().map(|l| l.as_bytes().len()).min()?;
            let usable = shortest >= 2 && literals.iter().all(|l| l.as_bytes().is_ascii());
            usable.then(|| {
                let mut lower: Vec<Vec<u8>> = literals
                    .iter()
                    .map(|l| l.as_bytes().to_ascii_lowercase())
                    .collect();
                lower.sort();
                lower.dedup();
                (shortest, lower)
            })
        })
        .max_by_key(|(shortest, lower)| (*shortest, std::cmp::Reverse(lower.len())))
        .map(|(_, lower)| lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled(sources: &[&str]) -> (Vec<Pattern>, Prefilter) {
        let mut patterns: Vec<Pattern> = sources
            .iter()
            .map(|s| Pattern::compile(s, 1 << 20).unwrap())
            .collect();
        let prefilter = Prefilter::new(patterns.iter_mut().map(|p| (Owner::Claim(0), p)));
        (patterns, prefilter)
    }

    #[test]
    fn a_pattern_is_a_candidate_exactly_when_its_literals_occur() {
        let (patterns, prefilter) = compiled(&[
            r"no (plans|intention)",
            r"(?P<value>\d+) (people|persons) died",
            r"\d+",
        ]);
        let candidates = prefilter.scan("There are NO PLANS for a call.");
        let may: Vec<bool> = patterns.iter().map(|p| candidates.may_match(p)).collect();
        // The third pattern has no literal: it is always searched.
        assert_eq!(may, [true, false, true]);
        let candidates = prefilter.scan("At least 12 Persons Died in the flood.");
        let may: Vec<bool> = patterns.iter().map(|p| candidates.may_match(p)).collect();
        assert_eq!(may, [false, true, true]);
    }

    #[test]
    fn the_prefilter_never_hides_a_match() {
        let sources = [
            r"no (plans|intention)",
            r"cease-?fire",
            r"(?P<value>\d+) (people|persons) died",
            r"stop(ped)?",
            r"café",
        ];
        let (patterns, prefilter) = compiled(&sources);
        for text in [
            "No Plans were made.",
            "A CEASEFIRE held; a cease-fire did not.",
            "3 people died",
            "They \u{17F}topped.",
            "The CAFÉ closed.",
            "nothing here",
        ] {
            let candidates = prefilter.scan(text);
            for p in &patterns {
                if p.is_match(text) {
                    assert!(candidates.may_match(p), "{:?} hidden in {text:?}", p.source);
                }
            }
        }
    }

    #[test]
    fn candidates_name_the_rules_their_patterns_belong_to() {
        let rules = crate::rules::compile_rule_text(
            "r.toml",
            "[[claim]]\nid = 'a'\nstances.yes = ['ceasefire holds']\n\
             [[claim]]\nid = 'b'\nstances.yes = ['talks resumed']\n\
             [[fact]]\nid = 'c'\ntype = 'number'\npatterns = ['(?P<value>\\d+) people died']\n",
            &crate::config::Limits::default(),
        )
        .unwrap();
        let candidates = rules.candidates("Talks resumed after 4 people died.");
        assert_eq!(candidates.claims(), Some(&[1][..]));
        assert_eq!(candidates.facts(), Some(&[0][..]));
        let candidates = rules.candidates("Nothing here.");
        assert_eq!(candidates.claims(), Some(&[][..]));
        assert_eq!(rules.candidates("The \u{212a}remlin said.").claims(), None);
    }

    #[test]
    fn literals_are_the_more_selective_end() {
        let hir = |s: &str| regex_syntax::parse(s).unwrap();
        // Digits at the start, words at the end: the end is chosen.
        assert_eq!(
            required_literals(&hir(r"\d+ (people|persons) died")),
            Some(vec![b" people died".to_vec(), b" persons died".to_vec()])
        );
        assert_eq!(required_literals(&hir(r"\w+")), None);
        assert_eq!(
            required_literals(&hir("Plans")),
            Some(vec![b"plans".to_vec()])
        );
    }
}
