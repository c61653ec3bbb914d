//! Labelled sets for the text heuristics, in `tests/fixtures/labelled/`.
//! Sentence splitting must get every case right; attribution is measured:
//! it may abstain, but must never name the wrong speaker, and must name the
//! right one in most cases. The measured figures are printed with the test.

#![allow(clippy::print_stderr)]

use concord::analyze::{attributions, nearest, split_sentences};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases<T> {
    case: Vec<T>,
}

#[derive(Deserialize)]
struct SentenceCase {
    text: String,
    sentences: Vec<String>,
}

#[derive(Deserialize)]
struct AttributionCase {
    text: String,
    at: String,
    holder: Option<String>,
}

fn load<T: for<'de> Deserialize<'de>>(name: &str) -> Vec<T> {
    let path = format!(
        "{}/tests/fixtures/labelled/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    toml::from_str::<Cases<T>>(&text).unwrap().case
}

#[test]
fn sentence_splitting_gets_every_labelled_case_right() {
    let cases: Vec<SentenceCase> = load("sentences.toml");
    assert!(
        cases.len() >= 40,
        "the labelled set shrank to {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let got: Vec<&str> = split_sentences(&case.text, 0..case.text.len())
            .into_iter()
            .map(|r| &case.text[r])
            .collect();
        if got != case.sentences {
            failures.push(format!(
                "{:?}\n  want {:?}\n  got  {:?}",
                case.text, case.sentences, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} wrong:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn attribution_never_names_the_wrong_speaker() {
    let cases: Vec<AttributionCase> = load("attribution.toml");
    assert!(
        cases.len() >= 40,
        "the labelled set shrank to {}",
        cases.len()
    );
    let (mut right, mut wrong, mut abstained, mut named) = (0, Vec::new(), 0, 0);
    for case in &cases {
        let start = case
            .text
            .find(&case.at)
            .unwrap_or_else(|| panic!("{:?} not in {:?}", case.at, case.text));
        let found = attributions(&case.text, 0..case.text.len());
        let got = nearest(&found, &(start..start + case.at.len()))
            .and_then(|a| a.speaker().map(str::to_string));
        named += usize::from(case.holder.is_some());
        match (&case.holder, &got) {
            (want, got) if want == got => right += 1,
            (Some(_), None) => abstained += 1,
            _ => wrong.push(format!(
                "{:?}: want {:?}, got {:?}",
                case.text, case.holder, got
            )),
        }
    }
    eprintln!(
        "attribution: {right} right, {} wrong, {abstained} abstained of {} cases ({named} with a named speaker)",
        wrong.len(),
        cases.len()
    );
    assert!(
        wrong.is_empty(),
        "named the wrong speaker:\n{}",
        wrong.join("\n")
    );
    let recall = (named - abstained) as f64 / named as f64;
    assert!(
        recall >= 0.9,
        "named speakers found in only {recall:.2} of cases"
    );
}
