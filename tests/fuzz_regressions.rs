//! Every input that once crashed a fuzz target, replayed on stable in the
//! normal test suite. A new crash found by `cargo +nightly fuzz run TARGET` is
//! copied into `tests/fixtures/fuzz-regressions/TARGET/` under a name saying
//! what broke.

use concord::analyze::analyze;
use concord::config::Limits;
use concord::report::{Style, finding_problem};
use concord::rules::compile_rule_text;
use concord::source::{Metadata, document_from_bytes};
use concord::value::DateOrder;
use concord::value::{ValueContext, ValueType, normalize};

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = format!(
        "{}/tests/fixtures/fuzz-regressions/{target}",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    // A replay of nothing proves nothing: a missing corpus is a failure.
    assert!(
        !files.is_empty(),
        "no inputs to replay for the {target} target"
    );
    files
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

const STYLE: Style = Style {
    color: false,
    width: 80,
};

#[test]
fn rules_inputs_that_once_crashed_now_render() {
    let cases = inputs("rules");
    for (name, bytes) in cases {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let limits = Limits {
            max_pattern_bytes: 1 << 20,
            ..Limits::default()
        };
        if let Err(problems) = compile_rule_text("fuzz.toml", text, &limits) {
            for problem in &problems {
                let rendered = STYLE.render(problem);
                assert!(
                    !rendered.contains("Failed to read contents"),
                    "{name}: {rendered}"
                );
            }
        }
    }
}

#[test]
fn text_inputs_that_once_crashed_now_analyze() {
    let rules = compile_rule_text(
        "rules.toml",
        include_str!("../fuzz/rules.toml"),
        &Limits::default(),
    )
    .unwrap();
    for (name, bytes) in inputs("text") {
        let meta = Metadata {
            outlet: None,
            url: None,
            published: Some(jiff::civil::date(2025, 4, 4)),
        };
        let Ok(Ok(doc)) = document_from_bytes(&name, bytes, Some(&meta)) else {
            continue;
        };
        let analysis = analyze(&doc, &rules, DateOrder::Mdy);
        let docs = [doc];
        for finding in concord::compare::compare(
            &docs,
            &rules,
            std::slice::from_ref(&analysis),
            &Default::default(),
        ) {
            let _ = STYLE.render(&finding_problem(&finding, &docs, false));
        }
    }
}

#[test]
fn value_inputs_that_once_crashed_now_normalize() {
    for (_, bytes) in inputs("values") {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        for published in [None, Some(jiff::civil::date(2025, 4, 4))] {
            let cx = ValueContext {
                before: "",
                after: "",
                published,
                date_order: DateOrder::Mdy,
                synonyms: &[],
            };
            for kind in [
                ValueType::Number,
                ValueType::Date,
                ValueType::Duration,
                ValueType::Text,
            ] {
                if let Ok(value) = normalize(kind, text, &cx) {
                    let _ = value.to_string();
                }
            }
        }
    }
}
