//! `concord test`: runs the examples embedded in rules. Each failing example is
//! a diagnostic pointing at its `expect` in the rule file.

use std::collections::BTreeSet;
use std::path::Path;

use super::{EXIT_FINDINGS, EXIT_OK, Io};
use crate::analyze::analyze;
use crate::cli::TestArgs;
use crate::diagnostic::{Problem, SourceFile};
use crate::rules::{Claim, ClaimExample, NO_STANCE, load_rules};
use crate::source::{Document, Metadata};

pub fn test(args: &TestArgs, config_path: Option<&Path>, io: &mut Io) -> u8 {
    let config = match io.config(config_path) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let paths = io.paths.given_or(&args.rules, &config.rules);
    let shown = |p: &Path| io.paths.shown(p);
    let rules = match load_rules(&paths, &shown) {
        Ok(rules) => rules,
        Err(problems) => return io.fail(&problems),
    };
    let mut passed = 0;
    let mut failures = Vec::new();
    for claim in &rules.claims {
        for example in &claim.examples {
            match run_example(claim, example) {
                Ok(()) => passed += 1,
                Err(problem) => failures.push(problem),
            }
        }
    }
    let mut text = String::new();
    for failure in &failures {
        text.push_str(&io.out_style.render(failure));
        text.push('\n');
    }
    text.push_str(&format!(
        "examples: {passed} passed, {} failed\n",
        failures.len()
    ));
    io.report(&text);
    if failures.is_empty() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    }
}

/// What an example yields: the stances evidenced, and by whom.
struct Outcome {
    stances: BTreeSet<String>,
    holders: BTreeSet<String>,
    set_aside: Vec<String>,
}

fn evaluate(claim: &Claim, example: &ClaimExample) -> Outcome {
    const OUTLET: &str = "the source";
    let mut claim = claim.clone();
    if example.published.is_none() {
        claim.published = None; // the time window needs a date to judge by
    }
    let file = SourceFile::new(format!("example of {}", claim.id), example.text.clone());
    let meta = Metadata {
        outlet: Some(OUTLET.into()),
        url: None,
        published: example.published,
    };
    let doc = Document::new(file, meta, 0..example.text.len());
    let analysis = analyze(&doc, std::slice::from_ref(&claim));
    let name = |stance: usize| claim.stances[stance].name.clone();
    Outcome {
        stances: analysis.evidence.iter().map(|e| name(e.stance)).collect(),
        holders: analysis
            .evidence
            .iter()
            .map(|e| e.holder.clone().unwrap_or_else(|| OUTLET.into()))
            .collect(),
        set_aside: analysis
            .skipped
            .iter()
            .map(|s| {
                format!(
                    "'{}' for `{}`: {}",
                    &example.text[s.matched.clone()],
                    name(s.stance),
                    s.reason
                )
            })
            .collect(),
    }
}

fn run_example(claim: &Claim, example: &ClaimExample) -> Result<(), Problem> {
    let outcome = evaluate(claim, example);
    let stance_ok = if example.expect == NO_STANCE {
        outcome.stances.is_empty()
    } else {
        outcome.stances.len() == 1 && outcome.stances.contains(&example.expect)
    };
    let holder_ok = match (&example.holder, stance_ok) {
        (Some(holder), true) if example.expect != NO_STANCE => {
            outcome.holders.len() == 1 && outcome.holders.contains(holder)
        }
        _ => true,
    };
    if stance_ok && holder_ok {
        return Ok(());
    }
    let found = if outcome.stances.is_empty() {
        "no stance".to_string()
    } else {
        outcome
            .stances
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(" and ")
    };
    let (message, label) = if stance_ok {
        let holders = outcome
            .holders
            .iter()
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        (
            format!(
                "example of `{}` expects holder {:?}, found {holders:?}",
                claim.id,
                example.holder.as_deref().unwrap_or("")
            ),
            format!("attributed to {holders}"),
        )
    } else {
        (
            format!(
                "example of `{}` expects `{}`, found {found}",
                claim.id, example.expect
            ),
            format!("found {found}"),
        )
    };
    let mut problem = Problem::error("concord::test::failed", message)
        .in_file(&claim.origin.file)
        .label(example.span.clone(), label);
    if !outcome.set_aside.is_empty() {
        problem = problem.help(format!(
            "matches set aside: {}",
            outcome.set_aside.join("; ")
        ));
    }
    Err(problem)
}
