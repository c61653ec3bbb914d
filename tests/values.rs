//! Fact values, measured: every expression in `tests/fixtures/labelled/`
//! `values.toml` and `values-new.toml` is normalized with its publication
//! date and compared with its label, and every pair in `value-pairs.toml` is
//! compared under its tolerance. Each case belongs to a half: the development
//! half (all of `values.toml`, which the value readers were built on, and
//! the `dev` cases after it) is tuned on; the test half is scored once at the
//! end of a piece of work, its misses listed only with `CONCORD_SCORE_TEST=1`.
//! Both halves must stay at or above the floor.

#![allow(clippy::print_stderr)]

use concord::value::{DateOrder, Tolerance, ValueContext, ValueType, WrittenTolerance, normalize};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    #[serde(default)]
    case: Vec<Case>,
    #[serde(default)]
    pair: Vec<Pair>,
}

#[derive(Deserialize)]
struct Case {
    #[serde(default = "dev")]
    half: String,
    #[serde(rename = "type")]
    kind: ValueType,
    text: String,
    published: Option<toml::value::Datetime>,
    #[serde(default)]
    before: String,
    #[serde(default)]
    after: String,
    date_order: Option<DateOrder>,
    expect: String,
}

/// Two values of one fact: do they agree under the tolerance?
#[derive(Deserialize)]
struct Pair {
    half: String,
    #[serde(rename = "type")]
    kind: ValueType,
    a: String,
    #[serde(default)]
    a_before: String,
    b: String,
    tolerance: Option<WrittenTolerance>,
    /// "agree" or "conflict".
    expect: String,
}

fn dev() -> String {
    "dev".to_string()
}

const FLOOR: f64 = 0.98;

fn load(name: &str) -> Cases {
    let path = format!(
        "{}/tests/fixtures/labelled/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    toml::from_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn context<'a>(before: &'a str, after: &'a str, case: Option<&Case>) -> ValueContext<'a> {
    let published = case
        .and_then(|c| c.published)
        .and_then(|d| d.date)
        .map(|d| jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8).unwrap());
    ValueContext {
        before,
        after,
        published,
        date_order: case.and_then(|c| c.date_order).unwrap_or_default(),
        synonyms: &[],
    }
}

/// The label's answer for a case: its normalized value, or "error".
fn answer(case: &Case) -> String {
    let cx = context(&case.before, &case.after, Some(case));
    match normalize(case.kind, &case.text, &cx) {
        Ok(value) => value.to_string(),
        Err(_) => "error".to_string(),
    }
}

fn verdict(pair: &Pair) -> String {
    let read = |text: &str, before: &str| normalize(pair.kind, text, &context(before, "", None));
    let tolerance = pair
        .tolerance
        .as_ref()
        .map(|t| Tolerance::parse(pair.kind, t).unwrap());
    match (read(&pair.a, &pair.a_before), read(&pair.b, "")) {
        (Ok(a), Ok(b)) if a.compare(&b, tolerance).agrees() => "agree".to_string(),
        (Ok(_), Ok(_)) => "conflict".to_string(),
        _ => "unreadable".to_string(),
    }
}

#[test]
fn fact_values_match_their_labels_in_both_halves() {
    let old = load("values.toml");
    let new = load("values-new.toml");
    let pairs = load("value-pairs.toml");
    assert!(
        old.case.len() >= 200 && new.case.len() >= 100 && pairs.pair.len() >= 20,
        "the labelled sets shrank: {}, {}, {} pairs",
        old.case.len(),
        new.case.len(),
        pairs.pair.len()
    );
    let score_test = std::env::var_os("CONCORD_SCORE_TEST").is_some();
    for half in ["dev", "test"] {
        let mut misses = Vec::new();
        let mut total = 0;
        for case in old.case.iter().chain(&new.case).filter(|c| c.half == half) {
            total += 1;
            let got = answer(case);
            if got != case.expect {
                misses.push(format!(
                    "{:?} (before {:?}, after {:?}, published {:?}): want {:?}, got {got:?}",
                    case.text, case.before, case.after, case.published, case.expect
                ));
            }
        }
        for pair in pairs.pair.iter().filter(|p| p.half == half) {
            total += 1;
            let got = verdict(pair);
            if got != pair.expect {
                misses.push(format!(
                    "{:?} / {:?} (tolerance {:?}): want {}, got {got}",
                    pair.a, pair.b, pair.tolerance, pair.expect
                ));
            }
        }
        assert!(total >= 60, "the {half} half has only {total} cases");
        let accuracy = (total - misses.len()) as f64 / total as f64;
        let shown = half == "dev" || score_test;
        if shown {
            eprintln!(
                "{half}: fact values {} of {total} right ({:.1}%)",
                total - misses.len(),
                accuracy * 100.0
            );
            for miss in &misses {
                eprintln!("{half} miss: {miss}");
            }
        }
        assert!(
            accuracy >= FLOOR,
            "{half}: accuracy {accuracy:.3} below {FLOOR}{}",
            if shown {
                format!(":\n{}", misses.join("\n"))
            } else {
                " (misses listed with CONCORD_SCORE_TEST=1)".to_string()
            }
        );
    }
}
