//! Quotation extraction and attribution, measured on the labelled set in
//! `tests/fixtures/quotes/extraction.toml`: span precision and recall, and
//! speaker precision with abstentions counted apart. The figures are printed;
//! below the floors the test fails, listing every miss.

#![allow(clippy::print_stderr)]

use concord::analyze::extract_quotes;
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    quotes: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    text: String,
    speaker: Option<String>,
}

#[test]
fn extraction_and_speakers_meet_their_floors() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/quotes/extraction.toml"
    );
    let cases: Cases = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(
        cases.case.len() >= 80,
        "the labelled set shrank to {}",
        cases.case.len()
    );
    let (mut extracted, mut expected, mut matched) = (0, 0, 0);
    let (mut named, mut named_right, mut abstained) = (0, 0, 0);
    let mut misses = Vec::new();
    for case in &cases.case {
        let found = extract_quotes(&case.text, 0..case.text.len()).quotations;
        extracted += found.len();
        expected += case.quotes.len();
        for q in &found {
            let text = q.text(&case.text);
            // spans are exact: the text between the marks, nothing more or less
            assert_eq!(
                &case.text[q.pieces[0].clone()],
                case.text[q.pieces[0].clone()].trim()
            );
            match case.quotes.iter().find(|e| e.text == text) {
                Some(want) => {
                    matched += 1;
                    match (&q.speaker, &want.speaker) {
                        (None, _) => abstained += 1,
                        (Some(got), want) => {
                            named += 1;
                            if Some(got) == want.as_ref() {
                                named_right += 1;
                            } else {
                                misses.push(format!(
                                    "speaker of {text:?}: want {want:?}, got {got:?}"
                                ));
                            }
                        }
                    }
                }
                None => misses.push(format!("extracted {text:?} from {:?}", case.text)),
            }
        }
        for want in &case.quotes {
            if !found.iter().any(|q| q.text(&case.text) == want.text) {
                misses.push(format!("missed {:?} in {:?}", want.text, case.text));
            }
        }
    }
    let precision = matched as f64 / extracted.max(1) as f64;
    let recall = matched as f64 / expected.max(1) as f64;
    let speaker_precision = named_right as f64 / named.max(1) as f64;
    eprintln!(
        "quotations: span precision {precision:.3} ({matched}/{extracted}), recall {recall:.3} ({matched}/{expected}); \
         speakers: precision {speaker_precision:.3} ({named_right}/{named}), {abstained} abstentions"
    );
    for miss in &misses {
        eprintln!("  {miss}");
    }
    assert!(
        precision >= 0.97 && recall >= 0.95,
        "span precision {precision:.3}, recall {recall:.3}"
    );
    assert!(
        speaker_precision >= 0.97,
        "speaker precision {speaker_precision:.3}"
    );
}

#[derive(Deserialize)]
struct Pairs {
    pair: Vec<Pair>,
}

#[derive(Deserialize)]
struct Pair {
    reference: String,
    rendering: String,
    expect: String,
}

#[test]
fn pairs_with_known_edits_are_classified() {
    use concord::compare::align::compare;
    use concord::text::tokenize;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/quotes/pairs.toml"
    );
    let pairs: Pairs = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(pairs.pair.len() >= 30);
    let mut wrong = Vec::new();
    for pair in &pairs.pair {
        let comparison = compare(&tokenize(&pair.reference), &tokenize(&pair.rendering));
        // the default [quotes] min_similarity
        let got = if comparison.similarity < 0.6 {
            "unrelated"
        } else {
            comparison.class.as_str()
        };
        if got != pair.expect {
            wrong.push(format!(
                "{:?} vs {:?}: want {}, got {got}",
                pair.reference, pair.rendering, pair.expect
            ));
        }
    }
    let accuracy = 1.0 - wrong.len() as f64 / pairs.pair.len() as f64;
    eprintln!(
        "quotation pairs: {accuracy:.3} classified right ({} of {})",
        pairs.pair.len() - wrong.len(),
        pairs.pair.len()
    );
    for w in &wrong {
        eprintln!("  {w}");
    }
    assert!(
        accuracy >= 0.95,
        "pair classification {accuracy:.3} below 0.95"
    );
}
