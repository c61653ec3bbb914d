//! Fact values, measured: every expression in
//! `tests/fixtures/labelled/values.toml` is normalized with its publication
//! date and compared with its label. The accuracy is printed; below the floor
//! the test fails, listing every miss.

#![allow(clippy::print_stderr)]

use concord::value::DateOrder;
use concord::value::{ValueContext, ValueType, normalize};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
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

const FLOOR: f64 = 0.98;

#[test]
fn fact_values_match_their_labels() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/labelled/values.toml"
    );
    let cases: Cases = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(
        cases.case.len() >= 150,
        "the labelled set shrank to {}",
        cases.case.len()
    );
    let mut misses = Vec::new();
    for case in &cases.case {
        let published = case
            .published
            .and_then(|d| d.date)
            .map(|d| jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8).unwrap());
        let cx = ValueContext {
            before: &case.before,
            after: &case.after,
            published,
            date_order: case.date_order.unwrap_or_default(),
            synonyms: &[],
        };
        let got = normalize(case.kind, &case.text, &cx).map(|v| v.to_string());
        if got.as_deref() != Ok(case.expect.as_str()) {
            misses.push(format!(
                "{:?} (published {published:?}): want {:?}, got {got:?}",
                case.text, case.expect
            ));
        }
    }
    let total = cases.case.len();
    let accuracy = (total - misses.len()) as f64 / total as f64;
    eprintln!(
        "fact values: {} of {total} right ({:.1}%)",
        total - misses.len(),
        accuracy * 100.0
    );
    assert!(
        accuracy >= FLOOR,
        "accuracy {accuracy:.3} below {FLOOR}:\n{}",
        misses.join("\n")
    );
    for miss in &misses {
        eprintln!("miss: {miss}");
    }
}
