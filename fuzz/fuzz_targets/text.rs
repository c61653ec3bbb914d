//! Source bytes → document, sentences, attributions, claim and fact evidence,
//! findings and their rendered diagnostics. Every span must lie on character
//! boundaries inside the text; nothing may panic.
#![no_main]

use std::ops::Range;
use std::sync::LazyLock;

use concord::analyze::{analyze, attributions, split_sentences};
use concord::config::Limits;
use concord::value::DateOrder;
use concord::report::{Style, finding_problem};
use concord::rules::{RuleSet, compile_rule_text};
use concord::source::{Metadata, document_from_bytes};
use libfuzzer_sys::fuzz_target;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    compile_rule_text("fuzz.toml", include_str!("../rules.toml"), &Limits::default()).expect("fuzz rules compile")
});

fn check(text: &str, span: &Range<usize>) {
    assert!(span.start <= span.end && span.end <= text.len(), "span {span:?} outside {}", text.len());
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "span {span:?} splits a char");
}

fuzz_target!(|data: &[u8]| {
    let meta = Metadata {
        outlet: Some("Fuzz".into()),
        url: None,
        published: Some(jiff::civil::date(2025, 4, 4)),
    };
    let Ok(Ok(doc)) = document_from_bytes("fuzz.txt", data.to_vec(), Some(&meta)) else {
        return;
    };
    let text = doc.text();
    check(text, &doc.body);
    for sentence in split_sentences(text, doc.body.clone()) {
        check(text, &sentence);
        for attribution in attributions(text, sentence.clone()) {
            check(text, &attribution.cue);
        }
    }
    let analysis = analyze(&doc, &RULES, DateOrder::Mdy);
    for ev in &analysis.evidence {
        check(text, &ev.matched);
        check(text, &ev.sentence);
    }
    for ev in &analysis.facts {
        check(text, &ev.value_span);
        let _ = ev.value.to_string();
    }
    let docs = [doc.clone()];
    let style = Style { color: false, width: 80 };
    for finding in concord::compare::compare(&docs, &RULES, std::slice::from_ref(&analysis), &Default::default()) {
        let _ = style.render(&finding_problem(&finding, &docs, false));
    }
});
