//! The whole pipeline on hostile text: up to four documents (split at 0xFF
//! bytes; each one's first line is its outlet, so metadata is hostile too)
//! analysed, compared and rendered in every format. Nothing may panic; the
//! report for people carries no control or bidi character and no line that
//! starts a workflow command; JSON and SARIF parse; every line of the GitHub
//! format is one workflow command concord means to send.
#![no_main]

use std::sync::LazyLock;

use concord::analyze::analyze;
use concord::config::Limits;
use concord::pipeline::{Corpus, Outcome};
use concord::report::{Format, Options, Style, render};
use concord::rules::{RuleSet, compile_rule_text};
use concord::source::{Metadata, document_from_bytes};
use concord::text::visible::hidden;
use concord::value::DateOrder;
use libfuzzer_sys::fuzz_target;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    compile_rule_text("fuzz.toml", include_str!("../rules.toml"), &Limits::default())
        .expect("fuzz rules compile")
});

fuzz_target!(|data: &[u8]| {
    let mut docs = Vec::new();
    for (i, part) in data.split(|&b| b == 0xFF).take(4).enumerate() {
        let cut = part.iter().position(|&b| b == b'\n').unwrap_or(0);
        let meta = Metadata {
            outlet: Some(String::from_utf8_lossy(&part[..cut]).into_owned()),
            url: Some(format!("https://example.org/{i}")),
            published: Some(jiff::civil::date(2025, 4, 4)),
        };
        if let Ok(Ok(doc)) = document_from_bytes(&format!("docs/d{i}.txt"), part.to_vec(), Some(&meta)) {
            docs.push(doc);
        }
    }
    let analyses: Vec<_> = docs.iter().map(|d| analyze(d, &RULES, DateOrder::Mdy)).collect();
    let findings = concord::compare::compare(&docs, &RULES, &analyses, &Default::default());
    let outcome = Outcome {
        corpus: Corpus { docs, rules: RULES.clone(), analyses },
        findings,
        accepted: 0,
        warnings: Vec::new(),
    };
    let options = Options {
        show_agree: true,
        statistics: true,
        ..Options::new(Style { color: false, width: 80 })
    };
    let human = render(Format::Human, &outcome, &options);
    for c in human.chars() {
        assert!(!hidden(c), "U+{:04X} reached the human report", u32::from(c));
    }
    for line in human.lines() {
        assert!(!line.trim_start().starts_with("::"), "a workflow command: {line:?}");
    }
    for format in [Format::Json, Format::Sarif] {
        let text = render(format, &outcome, &options);
        serde_json::from_str::<serde_json::Value>(&text).expect("JSON and SARIF parse");
    }
    // HTML: no document text becomes markup. The page's only script
    // elements are its JSON block and its own script.
    let html = render(Format::Html, &outcome, &options);
    assert_eq!(html.matches("<script").count(), 2, "a script element from a document");
    let github = render(Format::Github, &outcome, &options);
    for line in github.lines() {
        assert!(
            ["::error ", "::warning ", "::notice "].iter().any(|c| line.starts_with(c)),
            "not a workflow command: {line:?}"
        );
    }
});
