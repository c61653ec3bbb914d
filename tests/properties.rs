//! Properties that must hold for any input, not just the fixtures: spans lie
//! on character boundaries inside the text, analysis never panics, and stray
//! quotation marks cannot make sentence splitting blow up.

use std::ops::Range;
use std::sync::LazyLock;

use concord::analyze::{analyze, attributions, split_sentences};
use concord::config::Limits;
use concord::diagnostic::SourceFile;
use concord::rules::{RuleSet, compile_rule_text};
use concord::source::{Document, Metadata};
use concord::value::DateOrder;
use proptest::prelude::*;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let text = include_str!("../fuzz/rules.toml");
    compile_rule_text("rules.toml", text, &Limits::default()).unwrap()
});

fn inside(text: &str, span: &Range<usize>) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Text built from the pieces news text is made of, so the properties explore
/// quotes, abbreviations and attributions rather than only random noise.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Peskov said".to_string()),
        Just(" the dam will open".to_string()),
        Just("U.S. ".to_string()),
        Just("Mr. ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("’".to_string()),
        Just(", ".to_string()),
        Just("according to VRT ".to_string()),
        Just("on Friday ".to_string()),
        Just("more than two hours ".to_string()),
        "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

/// Text made of the words the fuzz rules' patterns look for, in any case and
/// with the two non-ASCII letters that match ASCII ones (ſ, K).
fn ruly() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("no ".to_string()),
        Just("NO ".to_string()),
        Just("immediate ".to_string()),
        Just("Plans ".to_string()),
        Just("plan".to_string()),
        Just("phone ".to_string()),
        Just("Call ".to_string()),
        Just("will hold a ".to_string()),
        Just("is ".to_string()),
        Just("scheduled ".to_string()),
        Just("ſcheduled ".to_string()),
        Just("are ſcheduled to hold a phone call".to_string()),
        Just("talks".to_string()),
        Just("ceasefire ".to_string()),
        Just("30-day ".to_string()),
        Just("\u{212a}remlin ".to_string()),
        "[ .,]{0,2}",
        "\\PC{0,4}",
    ];
    prop::collection::vec(piece, 0..16).prop_map(|p| p.concat())
}

fn document(text: &str) -> Document {
    let meta = Metadata {
        outlet: Some("Test".into()),
        url: None,
        published: Some(jiff::civil::date(2025, 4, 4)),
    };
    Document::new(SourceFile::new("t.txt", text), meta, 0..text.len())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_span_is_inside_the_text_on_char_boundaries(text in prop_oneof![newsy(), any::<String>()]) {
        for sentence in split_sentences(&text, 0..text.len()) {
            prop_assert!(inside(&text, &sentence));
            prop_assert!(!text[sentence.clone()].trim().is_empty());
            for attribution in attributions(&text, sentence.clone()) {
                prop_assert!(inside(&text, &attribution.cue));
            }
        }
        let analysis = analyze(&document(&text), &RULES, DateOrder::Mdy);
        for ev in &analysis.evidence {
            prop_assert!(inside(&text, &ev.matched) && inside(&text, &ev.sentence));
            prop_assert!(ev.sentence.start <= ev.matched.start && ev.matched.end <= ev.sentence.end);
        }
        for ev in &analysis.facts {
            prop_assert!(inside(&text, &ev.value_span));
        }
    }

    #[test]
    fn the_prefilter_keeps_every_pattern_that_matches(text in prop_oneof![ruly(), newsy(), any::<String>()]) {
        // Every claim and fact pattern of the fuzz rules that matches the
        // text is among the candidates the one-pass prefilter names.
        let candidates = RULES.candidates(&text);
        let patterns = RULES
            .claims
            .iter()
            .flat_map(|c| c.context.iter().chain(c.stances.iter().flat_map(|s| &s.patterns)))
            .chain(RULES.facts.iter().flat_map(|f| f.context.iter().chain(&f.patterns)));
        for pattern in patterns {
            if pattern.is_match(&text) {
                prop_assert!(candidates.may_match(pattern), "{:?} dropped", pattern.source);
            }
        }
    }

    #[test]
    fn sentences_are_ordered_and_disjoint(text in newsy()) {
        let sentences = split_sentences(&text, 0..text.len());
        for pair in sentences.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start);
        }
    }

    #[test]
    fn random_quote_marks_lose_no_text(text in newsy(), marks in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(vec!['"', '“', '”', '„', '«', '»'])), 0..30)) {
        let mut chars: Vec<char> = text.chars().collect();
        for (at, mark) in marks {
            let at = if chars.is_empty() { 0 } else { at.index(chars.len() + 1) };
            chars.insert(at, mark);
        }
        let text: String = chars.into_iter().collect();
        // Every word of the text is inside some sentence: nothing silently dropped.
        let sentences = split_sentences(&text, 0..text.len());
        let covered = |i: usize| sentences.iter().any(|s| s.contains(&i));
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() {
                prop_assert!(covered(i), "{c:?} at {i} is in no sentence");
            }
        }
    }
}

/// A megabyte of prose sprinkled with unbalanced quotation marks: a quadratic
/// pairing would not finish; the single pass does in milliseconds.
#[test]
fn a_megabyte_of_stray_quote_marks_is_split() {
    let unit = "He said “no. The dam will open. She said ” yes \" and « more. ";
    let text = unit.repeat((1 << 20) / unit.len());
    let sentences = split_sentences(&text, 0..text.len());
    assert!(sentences.len() > 10_000);
}
