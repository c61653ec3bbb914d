//! `concord test`: runs the examples embedded in rules. Each failing example is
//! a diagnostic pointing at its `expect` in the rule file.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

use jiff::civil::Date;

use super::{EXIT_FINDINGS, EXIT_OK, Io};
use crate::analyze::analyze;
use crate::cli::TestArgs;
use crate::diagnostic::{Problem, SourceFile};
use crate::rules::{NO_STANCE, Origin, RuleSet, load_rules};
use crate::source::{Document, Metadata};
use crate::value::DateOrder;

pub fn test(args: &TestArgs, config_path: Option<&Path>, io: &mut Io) -> u8 {
    let config = match io.config(config_path) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let paths = io.paths.given_or(&args.rules, &config.rules);
    let shown = |p: &Path| io.paths.shown(p);
    let rules = match load_rules(&paths, &shown, &config.limits) {
        Ok(rules) => rules,
        Err(problems) => return io.fail(&problems),
    };
    let mut passed = 0;
    let mut failures = Vec::new();
    for example in examples(&rules) {
        match example.run(config.date_order) {
            Ok(()) => passed += 1,
            Err(problem) => failures.push(problem),
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

/// One embedded example, with its rule alone in a rule set.
struct Example<'a> {
    id: &'a str,
    origin: &'a Origin,
    rules: RuleSet,
    text: &'a str,
    published: Option<Date>,
    expect: &'a str,
    holder: Option<&'a str>,
    span: Range<usize>,
}

fn examples(rules: &RuleSet) -> Vec<Example<'_>> {
    // Each example runs its rule alone; the time window needs a date to
    // judge by, so an undated example ignores it.
    let mut out = Vec::new();
    for claim in &rules.claims {
        for ex in &claim.examples {
            let mut alone = claim.clone();
            alone.published = alone.published.filter(|_| ex.published.is_some());
            out.push(example_run(
                &claim.id,
                &claim.origin,
                RuleSet {
                    claims: vec![alone],
                    ..RuleSet::default()
                },
                ex,
            ));
        }
    }
    for fact in &rules.facts {
        for ex in &fact.examples {
            let mut alone = fact.clone();
            alone.published = alone.published.filter(|_| ex.published.is_some());
            out.push(example_run(
                &fact.id,
                &fact.origin,
                RuleSet {
                    facts: vec![alone],
                    ..RuleSet::default()
                },
                ex,
            ));
        }
    }
    out
}

fn example_run<'a>(
    id: &'a str,
    origin: &'a Origin,
    rules: RuleSet,
    ex: &'a crate::rules::Example,
) -> Example<'a> {
    Example {
        id,
        origin,
        rules,
        text: &ex.text,
        published: ex.published,
        expect: &ex.expect,
        holder: ex.holder.as_deref(),
        span: ex.span.clone(),
    }
}

/// What an example yields: stances or normalized values, and their holders.
struct Outcome {
    answers: BTreeSet<String>,
    holders: BTreeSet<String>,
    set_aside: Vec<String>,
}

impl Example<'_> {
    fn evaluate(&self, date_order: DateOrder) -> Outcome {
        const OUTLET: &str = "the source";
        let file = SourceFile::new(format!("example of {}", self.id), self.text.to_string());
        let meta = Metadata {
            outlet: Some(OUTLET.into()),
            url: None,
            published: self.published,
        };
        let doc = Document::new(file, meta, 0..self.text.len());
        let analysis = analyze(&doc, &self.rules, date_order);
        let holder = |h: &Option<String>| h.clone().unwrap_or_else(|| OUTLET.into());
        let stance = |i: usize| self.rules.claims[0].stances[i].name.clone();
        let mut answers: BTreeSet<String> =
            analysis.evidence.iter().map(|e| stance(e.stance)).collect();
        answers.extend(analysis.facts.iter().map(|e| e.value.to_string()));
        let mut holders: BTreeSet<String> = analysis
            .evidence
            .iter()
            .map(|e| holder(&e.holder))
            .collect();
        holders.extend(analysis.facts.iter().map(|e| holder(&e.holder)));
        let set_aside = analysis
            .skipped
            .iter()
            .chain(&analysis.fact_skipped)
            .map(|s| format!("'{}': {}", &self.text[s.matched.clone()], s.reason))
            .chain(analysis.notes.iter().map(|n| n.message.clone()))
            .collect();
        Outcome {
            answers,
            holders,
            set_aside,
        }
    }

    fn run(&self, date_order: DateOrder) -> Result<(), Problem> {
        let outcome = self.evaluate(date_order);
        let answer_ok = if self.expect == NO_STANCE {
            outcome.answers.is_empty()
        } else {
            outcome.answers.len() == 1 && outcome.answers.contains(self.expect)
        };
        let holder_ok = match self.holder {
            Some(holder) if answer_ok && self.expect != NO_STANCE => {
                outcome.holders.len() == 1 && outcome.holders.contains(holder)
            }
            _ => true,
        };
        if answer_ok && holder_ok {
            return Ok(());
        }
        let found = if outcome.answers.is_empty() {
            "nothing".to_string()
        } else {
            let quoted: Vec<String> = outcome.answers.iter().map(|s| format!("`{s}`")).collect();
            quoted.join(" and ")
        };
        let (message, label) = if answer_ok {
            let holders = outcome
                .holders
                .iter()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            (
                format!(
                    "example of `{}` expects holder {:?}, found {holders:?}",
                    self.id,
                    self.holder.unwrap_or("")
                ),
                format!("attributed to {holders}"),
            )
        } else {
            (
                format!(
                    "example of `{}` expects `{}`, found {found}",
                    self.id, self.expect
                ),
                format!("found {found}"),
            )
        };
        let mut problem = Problem::error("concord::test::failed", message)
            .in_file(&self.origin.file)
            .label(self.span.clone(), label);
        if !outcome.set_aside.is_empty() {
            problem = problem.help(format!("set aside: {}", outcome.set_aside.join("; ")));
        }
        Err(problem)
    }
}
